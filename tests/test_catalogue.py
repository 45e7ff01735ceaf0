"""The catalogue a user reads: `vorlage rules`, `vorlage rules CODE`, and docs/rules.md, which
is generated from the same registry and must not drift from it."""

from __future__ import annotations

import re

from vorlage_cli.options import OutputFormat
from vorlage_cli.report import FORMATS
from vorlage_cli.report.catalogue import markdown
from vorlage_cli.rules import all_rules
from vorlage_cli.rules.catalogue import READER_CODES, catalogue

from .conftest import ROOT


def test_docs_rules_md_is_in_sync_with_the_registry() -> None:
    documented = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert documented == markdown(catalogue()), (
        "docs/rules.md is out of date: run `vorlage rules --markdown > docs/rules.md`"
    )


def test_every_code_a_reader_or_the_runner_raises_is_in_the_catalogue() -> None:
    raised = set()
    for source in (ROOT / "src" / "vorlage_cli").rglob("*.py"):
        if source.name != "catalogue.py":
            raised |= set(re.findall(r'"(RD\d{3})"', source.read_text(encoding="utf-8")))
    assert raised
    assert raised == {entry.code for entry in READER_CODES}


def test_every_rule_is_documented() -> None:
    for entry in all_rules():
        assert re.fullmatch(r"[A-Z]{2,3}\d{3}", entry.code)
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", entry.name)
        assert len(entry.doc) > 80, entry.code


def test_rules_lists_every_code(run) -> None:
    result = run("rules")
    assert result.exit_code == 0
    for entry in catalogue():
        assert entry.code in result.stdout


def test_rules_code_shows_the_documentation(run) -> None:
    by_code = run("rules", "bf003")
    by_name = run("rules", "entscheidung-vor-vorberatung")
    assert by_code.exit_code == by_name.exit_code == 0
    assert by_code.stdout == by_name.stdout
    assert "BF003 entscheidung-vor-vorberatung" in by_code.stdout
    assert "default severity: error" in by_code.stdout
    assert "adjourned" in by_code.stdout


def test_rules_with_an_unknown_code_is_an_error(run) -> None:
    result = run("rules", "XY001")
    assert result.exit_code == 2
    assert "unbekannter Code oder Regelname: XY001" in result.stderr


def test_the_command_line_offers_every_format() -> None:
    assert [choice.value for choice in OutputFormat] == list(FORMATS)
