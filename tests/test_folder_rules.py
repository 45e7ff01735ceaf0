"""The checks across the documents of one run (REP) the whole way through ``check``: findings
in the right documents, naming the other files and pointing at them, in every format, under the
configuration and the baseline; and on real Vorlagen of Karlsruhe and Nordstemmen. Each rule's
cases, wrong and right, are data in tests/rule_cases/folder.toml."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from vorlage_cli.facts import DocumentFacts, Spot, Station
from vorlage_cli.model import Location
from vorlage_cli.rules import run_folder_rules

from .conftest import FIXTURES
from .test_cli import SEED_LIKE


def _body(path: str, name: str) -> DocumentFacts:
    """A document whose one station is the body ``name``, on line 7."""
    return DocumentFacts(
        path=path,
        format="txt",
        sha256=path,
        number=path,
        revision=None,
        reference=path,
        replacing=False,
        subject=None,
        created=None,
        stations=(Station(name, dt.date(2025, 2, 12), None, None, Spot(Location(line=7), name)),),
        number_spot=Spot(Location(line=1)),
    )


def test_findings_point_at_a_few_other_places() -> None:
    documents = [_body(f"{n:02}.txt", "Haupt- und Finanzausschuss") for n in range(20)]
    documents.append(_body("x.txt", "Haupt-und Finanzausschuss"))
    (finding,) = run_folder_rules(documents)[20]
    assert finding.code == "REP005" and finding.severity == "warning"
    assert finding.message.endswith("(00.txt, 01.txt, 02.txt und 17 weitere)")
    assert [other.path for other in finding.related] == [f"{n:02}.txt" for n in range(10)]
    assert finding.related[0].location.line == 7


# Through `vorlage check`


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Seven text Vorlagen of one council with one mistake of each kind between them."""
    monkeypatch.chdir(tmp_path)
    target = Path("vorlagen")
    target.mkdir()
    plain = SEED_LIKE.replace("1/2025", "").replace("2/2025", "")
    _write(target, "a.txt", SEED_LIKE)
    _write(target, "b.txt", SEED_LIKE.replace("Straßenbäumen", "Obstbäumen am Rathaus"))
    _write(
        target,
        "c.txt",
        SEED_LIKE.replace("BV-7/2025", "BV-8/2025").replace("12.02.2025", "13.02.2025"),
    )
    _write(target, "e.txt", plain.replace("BV-7/2025", "BV-9/2025"))
    _write(
        target,
        "f.txt",
        plain.replace("BV-7/2025", "BV-9/2025 1N").replace("03.02.2025", "20.02.2025"),
    )
    _write(target, "g.txt", plain.replace("BV-7/2025", "BV-10/2025 1. Ergänzung"))
    _write(
        target,
        "h.txt",
        plain.replace("BV-7/2025", "BV-11/2025").replace("Umweltausschuss", "Umwelt-Ausschuss"),
    )
    return target


def _findings(stdout: str) -> dict[str, list[dict]]:
    return {
        Path(document["source"]["path"]).name: [
            finding for finding in document["findings"] if finding["code"].startswith("REP")
        ]
        for document in json.loads(stdout)
    }


def test_check_reports_each_mistake_in_the_documents_involved(run, folder: Path) -> None:
    result = run("check", folder, "--format", "json")
    assert result.exit_code == 0, "warnings and hints only"
    found = {name: [f["code"] for f in items] for name, items in _findings(result.stdout).items()}
    assert found == {
        "a.txt": ["REP001"],
        "b.txt": ["REP001"],
        "c.txt": ["REP004"],
        "e.txt": ["REP003"],
        "f.txt": [],
        "g.txt": ["REP002"],
        "h.txt": ["REP005"],
    }
    (duplicate,) = _findings(result.stdout)["a.txt"]
    assert duplicate["related"] == [
        {
            "path": "vorlagen/b.txt",
            "format": "txt",
            "location": {
                "page": None,
                "line": 1,
                "heading": None,
                "paragraph": "BESCHLUSSVORLAGE BV-7/2025",
            },
            "excerpt": "BESCHLUSSVORLAGE BV-7/2025",
        }
    ]
    assert duplicate["location"]["line"] == 1 and duplicate["field"] == "nummer"
    (session,) = _findings(result.stdout)["c.txt"]
    assert session["location"]["line"] == 7
    assert session["excerpt"] == "Umweltausschuss vorberatend 13.02.2025 1/2025 4"
    assert [other["path"] for other in session["related"]] == ["vorlagen/a.txt", "vorlagen/b.txt"]


def test_sarif_and_github_point_at_both_places(run, folder: Path) -> None:
    sarif = json.loads(run("check", folder, "--format", "sarif").stdout)
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    (original,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "REP003"]
    assert original["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "vorlagen/e.txt"
    )
    (related,) = original["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "vorlagen/f.txt"
    assert related["physicalLocation"]["region"]["startLine"] == 8
    github = run("check", folder, "--format", "github").stdout.splitlines()
    (annotation,) = [line for line in github if "REP003" in line]
    assert annotation.startswith("::warning file=vorlagen/e.txt,line=8,")
    assert annotation.endswith("; auch: vorlagen/f.txt, Z. 8")


def test_the_configuration_and_the_command_line_choose_rep_codes(run, folder: Path) -> None:
    (folder / ".vorlage.toml").write_text(
        'rules = { REP005 = "off", REP002 = "error" }\n[per-path-ignores]\n"a.txt" = ["REP001"]\n',
        encoding="utf-8",
    )
    result = run("check", folder, "--format", "json")
    assert result.exit_code == 1, "REP002 is an error here"
    found = {name: [f["code"] for f in items] for name, items in _findings(result.stdout).items()}
    assert found["a.txt"] == [] and found["b.txt"] == ["REP001"] and found["h.txt"] == []
    (hint,) = _findings(result.stdout)["g.txt"]
    assert hint["severity"] == "error"
    ignored = run("check", folder, "--format", "json", "--ignore", "REP")
    assert all(not items for items in _findings(ignored.stdout).values())


def test_one_document_is_compared_with_nothing(run, folder: Path) -> None:
    result = run("check", folder / "g.txt", "--format", "json")
    assert _findings(result.stdout) == {"g.txt": []}


def test_the_baseline_records_and_hides_findings_across_documents(run, folder: Path) -> None:
    recorded = run("check", folder, "--baseline", "base.json", "--update-baseline")
    assert recorded.exit_code == 0
    codes = {entry["code"] for entry in json.loads(Path("base.json").read_text())["findings"]}
    assert {"REP001", "REP002", "REP003", "REP004", "REP005"} <= codes
    result = run("check", folder, "--baseline", "base.json", "--format", "json")
    assert all(not items for items in _findings(result.stdout).values())


def test_results_come_back_from_the_spool_unchanged(run, folder: Path) -> None:
    """What a document's own checks found is the same whether it is checked alone or with
    others; only the REP findings are added."""
    together = {
        Path(document["source"]["path"]).name: document
        for document in json.loads(run("check", folder, "--format", "json").stdout)
    }
    for path in sorted(folder.glob("*.txt")):
        (alone,) = json.loads(run("check", path, "--format", "json").stdout)
        mine = together[path.name]
        mine["findings"] = [f for f in mine["findings"] if not f["code"].startswith("REP")]
        mine["valid"] = not any(f["severity"] == "error" for f in mine["findings"])
        assert mine == alone


def test_the_samples_are_only_missing_an_original(run, monkeypatch) -> None:
    """Each sample in four renditions: the same Vorlage four times is no duplicate, and the
    Neufassung VL-12/2025 1N comes without its original."""
    from .conftest import ROOT

    monkeypatch.chdir(ROOT)
    result = run("check", "samples", "--format", "json", "--select", "REP")
    found = {
        document["source"]["path"]: [f["code"] for f in document["findings"]]
        for document in json.loads(result.stdout)
        if document["findings"]
    }
    assert found == {
        f"samples/verwaltungsvorlage/vl-12-2025-1n.{ext}": ["REP002"]
        for ext in ("docx", "odt", "pdf", "txt")
    }


def test_karlsruhes_number_used_for_two_vorlagen_is_found(run, corpus: Path) -> None:
    """Texts 51498 and 51715 both print "Vorlage Nr.: 2025/0079"; the city published the
    second as 2025/0287 (its OParl record)."""
    texts = corpus / "bulk" / "karlsruhe" / "texts"
    result = run("check", texts / "51498.txt", texts / "51715.txt", "-f", "json", "--select", "REP")
    first, second = json.loads(result.stdout)
    assert [f["message"] for f in first["findings"]] == [
        f"Nummer „2025/0079“ steht auch auf einer anderen Vorlage: {texts / '51715.txt'} "
        "(Sitzung am 23.04.2025 statt 12.02.2025)"
    ]
    assert [f["code"] for f in second["findings"]] == ["REP001"]


def test_nordstemmens_ergaenzung_beside_its_original_is_fine(run, corpus: Path) -> None:
    """An Ergänzung adds to its original: both stay current, and the original is there."""
    texts = corpus / "bulk" / "nordstemmen" / "texts"
    names = ["DS_103-2022.txt", "DS_103-2022_1._Ergänzung.txt", "DS_104-2013.txt"]
    names.append("DS_104-2013_1._Ergänzung.txt")
    result = run("check", *(texts / name for name in names), "-f", "json", "--select", "REP")
    assert all(not document["findings"] for document in json.loads(result.stdout))
