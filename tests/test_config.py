"""Configuration as a user writes it: found from pyproject.toml or .vorlage.toml by walking up
from the document, or given with --config; wrong configuration is a one-line error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vorlage_cli.config import ConfigError, find_config, load_config
from vorlage_cli.rules.beratungsfolge import MIN_INVITATION_DAYS

from .conftest import ROOT

# A Beschlussvorlage in the seed's layout with one mistake (the Rat decides on 10.02.2025, before
# the Umweltausschuss advises on 12.02.2025: BF003) and its number under a label the built-in
# lexicon does not know ("Vorgangsnummer", so REQ002 reports the number missing where the
# configuration requires one).
DOCUMENT = """BESCHLUSSVORLAGE

Vorgangsnummer: BV-7/2025
ERSTELLT DURCH\tERSTELLT AM\tSITZUNGSTEIL
Amt für Grünflächen\t03.02.2025\töffentlich

GREMIUM\tSTATUS\tTERMIN\tEINLADUNG\tTOP
Umweltausschuss\tvorberatend\t12.02.2025\t1/2025\t4
Rat der Gemeinde Beispielstadt\tbeschließend\t10.02.2025\t2/2025\t9

BEZEICHNUNG DES TAGESORDNUNGSPUNKTES

Neupflanzung von Straßenbäumen

FINANZIELLE AUSWIRKUNGEN

Kosten von 12.000 Euro, gedeckt im Produkt 13.01.

BESCHLUSSVORSCHLAG

1. Der Rat beschließt die Neupflanzung.

SACHDARSTELLUNG

Die Bäume sind abgängig.
"""


def document(folder: Path, name: str = "bv.txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


def codes(run, *args: object) -> list[list[tuple[str, str]]]:
    """(code, severity) of every finding, per document, from a JSON Lines check."""
    result = run("check", "--format", "jsonl", *args)
    assert result.exit_code in (0, 1), result.stderr
    return [
        [(f["code"], f["severity"]) for f in json.loads(line)["findings"]]
        for line in result.stdout.splitlines()
    ]


def test_without_configuration_only_the_contradiction_is_judged(run, tmp_path: Path) -> None:
    found = codes(run, document(tmp_path / "vorlagen"))[0]
    assert ("BF003", "error") in found
    assert "REQ002" not in {code for code, _ in found}, "whether a number is printed is local"


def test_a_required_number_that_is_not_found_is_an_error(run, tmp_path: Path) -> None:
    (tmp_path / ".vorlage.toml").write_text('required = { all = ["nummer"] }\n', encoding="utf-8")
    found = codes(run, document(tmp_path / "vorlagen"))[0]
    assert ("BF003", "error") in found
    assert ("REQ002", "error") in found


def test_configuration_from_pyproject_found_from_the_document(run, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "ratsvorlagen"\n\n'
        "[tool.vorlage]\n"
        'rules = { BF003 = "warning", nummer-fehlt = "off" }\n'
        'required = { all = ["nummer"] }\n',
        encoding="utf-8",
    )
    found = codes(run, document(tmp_path / "vorlagen" / "2025"))[0]
    assert ("BF003", "warning") in found
    assert "REQ002" not in {code for code, _ in found}


def test_configuration_from_dotfile_teaches_the_lexicon_a_label(run, tmp_path: Path) -> None:
    (tmp_path / ".vorlage.toml").write_text(
        'required = { all = ["nummer"] }\n[lexicon.fields]\nnummer = ["Vorgangsnummer"]\n',
        encoding="utf-8",
    )
    result = run("check", "--format", "jsonl", document(tmp_path / "vorlagen"))
    line = json.loads(result.stdout)
    assert line["vorlage"]["nummer"] == "BV-7/2025"
    assert "REQ002" not in {f["code"] for f in line["findings"]}


def test_nearest_configuration_wins_and_dotfile_beats_pyproject(tmp_path: Path) -> None:
    (tmp_path / ".vorlage.toml").write_text("", encoding="utf-8")
    inner = tmp_path / "stadtrat"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.vorlage]\n", encoding="utf-8")
    (inner / ".vorlage.toml").write_text("", encoding="utf-8")
    assert find_config(document(inner / "2025")) == (inner / ".vorlage.toml").resolve()
    (inner / ".vorlage.toml").unlink()
    assert find_config(inner / "2025" / "bv.txt") == (inner / "pyproject.toml").resolve()


def test_pyproject_without_tool_vorlage_is_passed_by(tmp_path: Path) -> None:
    (tmp_path / ".vorlage.toml").write_text("", encoding="utf-8")
    project = tmp_path / "projekt"
    project.mkdir()
    (project / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    assert find_config(document(project)) == (tmp_path / ".vorlage.toml").resolve()


def test_explicit_config_replaces_the_search(run, tmp_path: Path) -> None:
    (tmp_path / ".vorlage.toml").write_text('rules = { BF003 = "off" }\n', encoding="utf-8")
    explicit = tmp_path / "streng.toml"
    explicit.write_text('rules = { BF003 = "error" }\n', encoding="utf-8")
    path = document(tmp_path)
    assert "BF003" not in {code for code, _ in codes(run, path)[0]}
    assert ("BF003", "error") in codes(run, "--config", explicit, path)[0]


def test_per_path_ignores_apply_to_matching_documents_only(run, tmp_path: Path) -> None:
    (tmp_path / ".vorlage.toml").write_text(
        'required = { all = ["nummer"] }\n[per-path-ignores]\n"archiv/*" = ["BF", "REQ002"]\n',
        encoding="utf-8",
    )
    old = document(tmp_path / "archiv" / "2019")
    new = document(tmp_path / "aktuell")
    archived, current = codes(run, old, new)
    assert {code for code, _ in archived} & {"BF003", "REQ002"} == set()
    assert {code for code, _ in current} >= {"BF003", "REQ002"}


def test_local_practice_reaches_the_rules(run, tmp_path: Path) -> None:
    (tmp_path / ".vorlage.toml").write_text(
        "min-invitation-days = 10\n"
        'bodies = ["Umweltausschuss", "Rat der Gemeinde Beispielstadt"]\n'
        '[required]\nBeschlussvorlage = ["Klimaverträglichkeit"]\n',
        encoding="utf-8",
    )
    found = {code for code, _ in codes(run, document(tmp_path))[0]}
    # 03.02.2025 to the Rat's session on 10.02.2025 is 7 days; no Klimaverträglichkeit section;
    # both bodies are spelt as listed.
    assert {"BF011", "REQ010"} <= found
    assert "BF010" not in found


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("rule = {}\n", ".vorlage.toml: rule: unbekannter Schlüssel"),
        ('rules = { BF999 = "off" }\n', ".vorlage.toml: rules.BF999: unbekannter Code"),
        ('rules = { BF003 = "fatal" }\n', 'rules.BF003: erwartet "off", "error"'),
        ("min-invitation-days = -1\n", "min-invitation-days: erwartet eine ganze Zahl ab 0"),
        ('[required]\nBeschlusvorlage = ["x"]\n', "required.Beschlusvorlage: weder all"),
        ('[per-path-ignores]\n"a/*" = ["XY1"]\n', 'per-path-ignores."a/*": unbekannter Code XY1'),
        ('[lexicon]\nfeilds = { nummer = ["Nr"] }\n', "lexicon.feilds: unbekannter Teil"),
        ('preset = "alris"\n', "preset: unbekannte Voreinstellung „alris“ (bekannt: allris"),
        ('[lexicon.remove]\nsections = "Anlagen"\n', "lexicon: passt nicht zur Form"),
        ("rules = [\n", ".vorlage.toml: kein gültiges TOML"),
    ],
)
def test_wrong_configuration_is_a_one_line_error(
    run, tmp_path: Path, content: str, expected: str
) -> None:
    (tmp_path / ".vorlage.toml").write_text(content, encoding="utf-8")
    result = run("check", document(tmp_path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_explicit_config_is_an_error(run, tmp_path: Path) -> None:
    result = run("check", "--config", tmp_path / "fehlt.toml", document(tmp_path))
    assert result.exit_code == 2
    assert "fehlt.toml: Konfigurationsdatei nicht gefunden" in result.stderr


def test_pyproject_keys_are_named_with_their_table(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.vorlage]\nbodys = ["Rat"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"tool\.vorlage\.bodys: unbekannter Schlüssel"):
        load_config(pyproject)


def test_the_documented_example_is_a_valid_configuration(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    example = text.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    config = load_config(tmp_path / "pyproject.toml")
    assert config.settings.severities == {"NUM004": "off", "FIN001": "error", "BF007": "info"}
    assert config.settings.options[MIN_INVITATION_DAYS] == 7
    assert config.lexicon.label_field["vorgangsnummer"] == "nummer"
    assert config.ignored_codes(tmp_path / "archiv" / "2019" / "a.pdf") == {"REQ010", "SIG"}


def test_evaluate_reads_with_the_documents_lexicon(run, tmp_path: Path) -> None:
    document(tmp_path)
    golden = tmp_path / "bv.golden.json"
    golden.write_text(
        json.dumps({"documents": ["bv.txt"], "vorlage": {"nummer": "BV-7/2025"}}),
        encoding="utf-8",
    )
    assert run("evaluate", golden).exit_code == 1
    (tmp_path / ".vorlage.toml").write_text(
        '[lexicon.fields]\nnummer = ["Vorgangsnummer"]\n', encoding="utf-8"
    )
    assert run("evaluate", golden).exit_code == 0


def test_a_preset_and_the_citys_own_changes_to_the_lexicon(tmp_path: Path) -> None:
    """The ALLRIS preset makes "Antrag" head the proposal; a city removes a label the default
    lexicon has and overrides a kind; its own changes come after the preset's, so it wins."""
    (tmp_path / ".vorlage.toml").write_text(
        'preset = "allris"\n'
        '[lexicon.remove.sections]\nbeschlussvorschlag = ["Antrag", "Empfehlung"]\n'
        "[lexicon.override.kinds]\nInformation = { decides = true }\n",
        encoding="utf-8",
    )
    lexicon = load_config(tmp_path / ".vorlage.toml").lexicon
    assert lexicon.section_of.get("antrag") is None  # the preset added it, the city took it out
    assert lexicon.section_of.get("empfehlung") is None
    assert lexicon.section_of["beschlussvorschlag"] == "beschlussvorschlag"
    assert lexicon.kind("Information") == ("Information", True)
    (tmp_path / ".vorlage.toml").write_text('preset = ["allris"]\n', encoding="utf-8")
    assert load_config(tmp_path / ".vorlage.toml").lexicon.section_of["antrag"] == (
        "beschlussvorschlag"
    )


def test_select_ignore_and_extend_select_work_as_in_ruff(run, tmp_path: Path) -> None:
    (tmp_path / ".vorlage.toml").write_text('required = { all = ["nummer"] }\n', encoding="utf-8")
    path = document(tmp_path / "vorlagen")
    assert {c for c, _ in codes(run, path)[0]} >= {"BF003", "REQ002"}
    assert {c for c, _ in codes(run, "--select", "BF", path)[0]} == {"BF003"}
    assert {c for c, _ in codes(run, "--ignore", "BF,REQ", path)[0]} == set()
    # the more specific selector wins: BF003 stays although BF is ignored
    assert {c for c, _ in codes(run, "--ignore", "BF", "--select", "BF003", path)[0]} == {"BF003"}
    # --extend-select adds codes to those --select chose
    found = codes(run, "--select", "REQ", "--extend-select", "BF003", path)[0]
    assert {c for c, _ in found} == {"BF003", "REQ002"}


def test_a_selector_that_names_no_code_is_an_error(run, tmp_path: Path) -> None:
    result = run("check", "--select", "BF,XY", document(tmp_path))
    assert result.exit_code == 2
    assert "XY: kein Code und kein Anfang eines Codes" in result.stderr


def test_statistics_count_the_findings_per_code(run, tmp_path: Path) -> None:
    first, second = document(tmp_path / "a"), document(tmp_path / "b")
    result = run("check", "--statistics", "--format", "jsonl", first, second)
    assert "2  BF003   error    entscheidung-vor-vorberatung" in result.stderr
    human = run("check", "--statistics", "--quiet", first, second)
    assert human.stdout.rstrip().endswith("2  BF003   error    entscheidung-vor-vorberatung")
