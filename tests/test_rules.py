"""Every rule, both ways: the cases in tests/rule_cases (one TOML file per rule group) are
collected here and run through the rules (see tests/rule_cases/README.md)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from vorlage_cli.config import Config, parse_config
from vorlage_cli.evidence import Evidence
from vorlage_cli.extract.lexicon import Lexicon, default_lexicon
from vorlage_cli.facts import facts_of
from vorlage_cli.model import Finding, Source, Vorlage
from vorlage_cli.pipeline import process
from vorlage_cli.rules import all_rules, references, run_folder_rules, run_rules
from vorlage_cli.rules.folder import NEUFASSUNG_MARKS

from .conftest import ROOT

CASES = ROOT / "tests" / "rule_cases"


def _load_cases() -> list[dict[str, Any]]:
    cases = []
    for file in sorted(CASES.glob("*.toml")):
        for case in tomllib.loads(file.read_text(encoding="utf-8"))["case"]:
            cases.append({**case, "file": file.name})
    return cases


ALL_CASES = _load_cases()


def _findings(case: dict[str, Any], folder: Path) -> list[Finding]:
    options = case.get("options")
    config = parse_config(options, folder / ".vorlage.toml") if options else Config()
    if "documents" in case:
        return _folder_findings(case["documents"], config)
    if "document" in case:
        path = folder / "vorlage.txt"
        path.write_text(case["document"].lstrip("\n"), encoding="utf-8")
        return process(path, config).findings
    vorlage = Vorlage.model_validate(case["vorlage"])
    evidence = Evidence(**case.get("evidence", {}))
    evidence.sections = set(evidence.sections)
    return run_rules(vorlage, evidence, config.settings)


def _folder_findings(documents: list[dict[str, Any]], config: Config) -> list[Finding]:
    """Several documents compared: each message is prefixed with the document that gets it."""
    marks = config.settings.options[NEUFASSUNG_MARKS]
    facts = []
    for document in documents:
        fields = {key: value for key, value in document.items() if key != "path"}
        source = Source(path=document["path"], format="txt", sha256=document["path"])
        facts.append(facts_of(source, Vorlage.model_validate(fields), Evidence(), marks))
    return [
        finding.model_copy(update={"message": f"{documents[index]['path']}: {finding.message}"})
        for index, found in sorted(run_folder_rules(facts).items())
        for finding in found
    ]


@pytest.mark.parametrize(
    "case", ALL_CASES, ids=[f"{case['rule']}: {case['name']}" for case in ALL_CASES]
)
def test_rule_case(case: dict[str, Any], tmp_path: Path) -> None:
    found = [f for f in _findings(case, tmp_path) if f.code == case["rule"]]
    assert [f.message for f in found] == case["expect"]
    if "field" in case:
        assert found[0].field == case["field"]


def test_every_rule_has_a_failing_and_a_passing_case() -> None:
    failing = {case["rule"] for case in ALL_CASES if case["expect"]}
    passing = {case["rule"] for case in ALL_CASES if not case["expect"]}
    codes = {entry.code for entry in all_rules()}
    assert codes - failing == set()
    assert codes - passing == set()
    assert {case["rule"] for case in ALL_CASES} <= codes


def test_every_rule_has_a_case_from_real_layout_text_in_each_group() -> None:
    """Rules are not only tested on hand-built models: each group with a rule that reads the
    Beratungsfolge, the sections or the header has at least one case read from a document."""
    grouped = {case["file"] for case in ALL_CASES if "document" in case}
    assert grouped >= {
        "beratungsfolge.toml",
        "completeness.toml",
        "dates.toml",
        "money.toml",
        "signature.toml",
    }


def test_severity_comes_from_the_settings_not_the_rule() -> None:
    vorlage = Vorlage(
        nummer="VL-1/2025",
        beratungsfolge=[{"gremium": "Rat", "rolle": "Entscheidung"}],  # type: ignore[list-item]
    )
    config = parse_config({"rules": {"BF013": "warning", "REQ008": "off"}}, ROOT / "x.toml")
    adjusted = config.settings.adjust(run_rules(vorlage, settings=config.settings))
    found = {f.code: f.severity for f in adjusted}
    assert found["BF013"] == "warning"
    assert "REQ008" not in found


def test_the_anlagen_a_text_refers_to_are_searched_once_for_both_rules(monkeypatch) -> None:
    searched: list[Vorlage] = []
    search = references.references

    def counted(vorlage: Vorlage, lexicon: Lexicon) -> dict[tuple[int, str], tuple[str, str]]:
        searched.append(vorlage)
        return search(vorlage, lexicon)

    monkeypatch.setattr(references, "references", counted)
    vorlage = Vorlage.model_validate(
        {
            "sachdarstellung": "Der Zeitplan ist in Anlage 3 dargestellt.",
            "anlagen": [
                {"nummer": "1", "titel": "Entwurfsplanung"},
                {"nummer": "2", "titel": "Kostenberechnung"},
            ],
        }
    )
    found = {f.code: f.message for f in run_rules(vorlage, Evidence())}
    assert found["NUM003"] == "Der Text verweist auf Anlage 3, die im Anlagenverzeichnis fehlt"
    assert found["NUM004"] == "Die Anlagen 1 und 2 werden im Text nicht erwähnt"
    assert searched == [vorlage]


def test_a_derived_value_is_computed_again_only_for_other_inputs() -> None:
    evidence = Evidence()
    vorlage = Vorlage(sachdarstellung="Siehe Anlage 1.")
    first = evidence.derive(references.references, vorlage, default_lexicon())
    assert evidence.derive(references.references, vorlage, default_lexicon()) is first
    other = Vorlage(sachdarstellung="Siehe Anlage 2.")
    assert list(evidence.derive(references.references, other, default_lexicon())) == [(2, "")]
