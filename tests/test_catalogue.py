"""The catalogue a user reads: `vorlage rules`, `vorlage rules CODE`, and docs/rules.md, which
is generated from the same registry and must not drift from it."""

from __future__ import annotations

import re
import tomllib

from vorlage_cli.extract.lexicon import default_lexicon
from vorlage_cli.options import OutputFormat
from vorlage_cli.report import FORMATS
from vorlage_cli.report.catalogue import markdown
from vorlage_cli.report.configuration import markdown as configuration_markdown
from vorlage_cli.rules import all_options, all_rules
from vorlage_cli.rules.catalogue import catalogue

from .conftest import ROOT


def test_docs_rules_md_is_in_sync_with_the_registry() -> None:
    documented = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert documented == markdown(catalogue()), (
        "docs/rules.md is out of date: run `vorlage rules --markdown > docs/rules.md`"
    )


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
    assert "Beratungsfolge · Standard: Fehler" in by_code.stdout
    assert "vertagt" in by_code.stdout, "the German explanation"


def test_rules_with_an_unknown_code_is_an_error(run) -> None:
    result = run("rules", "XY001")
    assert result.exit_code == 2
    assert "unbekannter Code oder Regelname: XY001" in result.stderr


def test_the_command_line_offers_every_format() -> None:
    assert [choice.value for choice in OutputFormat] == list(FORMATS)


def test_docs_configuration_md_is_in_sync_with_the_declared_options() -> None:
    documented = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert documented == configuration_markdown(), (
        "docs/configuration.md is out of date: run "
        "`vorlage rules --options --markdown > docs/configuration.md`"
    )


def test_every_option_is_declared_once_and_documented() -> None:
    options = all_options()
    assert set(options) == {option.name for entry in all_rules() for option in entry.options}
    for name, option in options.items():
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", name)
        assert len(option.doc) > 60, name
        example = tomllib.loads(f"value = {option.example}")["value"]
        assert option.read(example, default_lexicon()) is not None, name


def test_rules_shows_the_configured_severities(run, tmp_path, monkeypatch) -> None:
    (tmp_path / ".vorlage.toml").write_text(
        'rules = { BF003 = "warning", NUM004 = "off" }\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    listed = run("rules")
    assert listed.exit_code == 0
    rows = {line.split()[0]: line for line in listed.stdout.splitlines() if line.strip()}
    assert "Warnung (Standard: Fehler)" in rows["BF003"]
    assert "aus (Standard: Hinweis)" in rows["NUM004"]
    assert "│ Fehler " in rows["BF001"]
    assert "hier eingestellt: Warnung (Standard: Fehler)" in run("rules", "BF003").stdout


def test_rules_options_shows_the_configured_values(run, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    config = tmp_path / "pyproject.toml"
    config.write_text("[tool.vorlage]\nmin-invitation-days = 9\n", encoding="utf-8")
    listed = run("rules", "--options", "--config", config)
    assert listed.exit_code == 0
    row = next(line for line in listed.stdout.splitlines() if line.startswith("min-invitation"))
    assert "│ 9 " in row and "BF011" in row
