"""Every output format on the same five documents: snapshots (read, not just accepted), the
properties each consumer relies on, SARIF against the official schema, hostile text."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vorlage_cli.model import DocumentResult, Finding, Location, Source
from vorlage_cli.report import FORMATS, Summary
from vorlage_cli.report.github import escape_data, escape_property
from vorlage_cli.report.sarif import SarifReporter
from vorlage_cli.rules.catalogue import catalogue

from .conftest import FIXTURES, ROOT
from .documents import DECISION_TOO_EARLY, write_documents
from .test_cli import SEED_LIKE

SNAPSHOT_NAMES = {
    "human": "txt",
    "json": "json",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "github": "txt",
    "junit": "xml",
    "gitlab": "json",
    "html": "html",
}
COMMAND = re.compile(r"^::(error|warning|notice) (?P<properties>[^:]*)::(?P<message>.*)$")


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The five documents in ./vorlagen, so that every path in the output is relative."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")
    return write_documents(Path("vorlagen"))


def _check(run, *args: str | Path) -> str:
    """The report on stdout; stderr holds only the unreadable inputs and the summary."""
    result = run("check", *args)
    *failures, summary = result.stderr.splitlines()
    assert re.fullmatch(r"vorlage: \d+ Dokumente? geprüft: .*", summary)
    assert all(re.fullmatch(r"vorlage: \S+: .* \(RD\d{3}\)", line) for line in failures)
    return result.stdout


def _sarif_schema() -> dict:
    # From the OASIS SARIF 2.1.0 errata01 specification; see the commit that added it.
    return json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def test_every_format_has_a_snapshot() -> None:
    assert set(SNAPSHOT_NAMES) == set(FORMATS)


@pytest.mark.parametrize("name", sorted(SNAPSHOT_NAMES))
def test_format_matches_its_snapshot(run, documents: Path, snapshot, name: str) -> None:
    result = run("check", documents, "--format", name)
    assert result.exit_code == 2, "d-leer.txt is empty, so the run could not read an input"
    assert result.stderr == (
        "vorlage: vorlagen/d-leer.txt: die Datei ist leer (RD003)\n"
        "vorlage: 5 Dokumente geprüft: 1 nicht lesbar, 3 Fehler, 2 Warnungen, 0 Hinweise\n"
    )
    snapshot(f"documents.{name}.{SNAPSHOT_NAMES[name]}", result.stdout)


@pytest.mark.parametrize("name", sorted(SNAPSHOT_NAMES))
def test_samples_match_their_snapshot(run, snapshot, monkeypatch, name: str) -> None:
    """The sample Vorlagen in every format: three planted defects (samples/README.md), each in
    three renditions, make nine errors; paths are relative to the repository."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")
    result = run("check", "samples", "--format", name)
    assert result.exit_code == 1
    assert re.fullmatch(r"vorlage: \d+ Dokumente geprüft: \d+ Fehler, .*\n", result.stderr)
    if name == "sarif":
        jsonschema.Draft4Validator(_sarif_schema()).validate(json.loads(result.stdout))
    snapshot(f"samples.{name}.{SNAPSHOT_NAMES[name]}", result.stdout)


def test_json_is_one_array_of_the_json_lines_objects(run, documents: Path) -> None:
    array = json.loads(_check(run, documents, "-f", "json"))
    lines = [json.loads(line) for line in _check(run, documents, "-f", "jsonl").splitlines()]
    assert array == lines
    assert [item["source"]["path"] for item in array] == [
        "vorlagen/a-sauber.txt",
        "vorlagen/b-fehler.txt",
        "vorlagen/c-mitteilung.pdf",
        "vorlagen/d-leer.txt",
        "vorlagen/e-datum.docx",
    ]


def test_sarif_validates_and_locates_each_finding(run, documents: Path) -> None:
    log = json.loads(_check(run, documents, "-f", "sarif"))
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    (run_,) = log["runs"]
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [entry.code for entry in catalogue()]
    by_rule = {result["ruleId"]: result for result in run_["results"]}
    # REP004: the Rat's session 2/2025 is on 10.02. in b-fehler.txt, on 27.02. in the others
    assert sorted(by_rule) == ["BF002", "BF003", "RD003", "RD010", "REP004"]
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["partialFingerprints"]["vorlageFinding/v1"]

    def where(code: str) -> tuple[str, int]:
        location = by_rule[code]["locations"][0]["physicalLocation"]
        return location["artifactLocation"]["uri"], location["region"]["startLine"]

    # A text file has lines: the Rat's row is line 8.
    assert where("BF003") == ("vorlagen/b-fehler.txt", 8)
    # A DOCX has paragraphs, not lines: the region is the file, the paragraph is quoted in the
    # message (its first words are those of the quote) and named in the properties.
    assert where("BF002") == ("vorlagen/e-datum.docx", 1)
    assert by_rule["BF002"]["message"]["text"].endswith(
        "ist kein gültiges Datum: „Umweltausschuss vorberatend 31.02.2025 1/2025 4“"
    )
    assert by_rule["BF002"]["properties"] == {
        "severity": "error",
        "field": "beratungsfolge[0].termin",
        "paragraphNumber": 7,
        "paragraph": "Umweltausschuss vorberatend 31.02.2025 1/2025 4",
    }
    assert where("RD003") == ("vorlagen/d-leer.txt", 1)
    assert by_rule["RD010"]["level"] == "warning"


def _pdf_result(path: str) -> DocumentResult:
    return DocumentResult(
        source=Source(path=path, format="pdf", sha256="0" * 64, pages=3),
        vorlage=None,
        findings=[
            Finding(
                code="BF003",
                severity="error",
                message="Entscheidung liegt vor der Vorberatung",
                field="beratungsfolge[1].termin",
                location=Location(page=2, line=14),
            )
        ],
        valid=False,
    )


def test_sarif_names_the_page_of_a_pdf_finding(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    stream = io.StringIO()
    reporter = SarifReporter(stream)
    reporter.document(_pdf_result("akten/Vorlage 7 Ä.pdf"))
    reporter.finish(Summary())
    log = json.loads(stream.getvalue())
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    (result,) = log["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "akten/Vorlage%207%20%C3%84.pdf"
    assert location["region"] == {"startLine": 1}
    assert result["message"]["text"] == "Entscheidung liegt vor der Vorberatung (S. 2, Z. 14)"
    assert result["properties"]["page"] == 2
    assert result["properties"]["lineOnPage"] == 14


def test_sarif_of_no_documents_is_a_valid_empty_run(run, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("leer").mkdir()
    result = run("check", "leer", "-f", "sarif", "--allow-empty")
    assert result.exit_code == 0
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    assert log["runs"][0]["results"] == []


@pytest.mark.parametrize(("name", "empty"), [("json", []), ("gitlab", [])])
def test_json_arrays_of_no_documents_are_empty(run, tmp_path: Path, monkeypatch, name, empty):
    monkeypatch.chdir(tmp_path)
    Path("leer").mkdir()
    assert json.loads(run("check", "leer", "-f", name, "--allow-empty").stdout) == empty


def test_junit_has_a_suite_per_document_and_a_case_per_rule(run, documents: Path) -> None:
    from vorlage_cli.rules import all_rules

    root = ElementTree.fromstring(_check(run, documents, "-f", "junit"))
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert len(suites) == 5
    rules = [rule.code for rule in all_rules()]

    def cases(name: str) -> dict[str, ElementTree.Element]:
        return {case.get("name").split()[0]: case for case in suites[name].iter("testcase")}

    clean = cases("vorlagen/a-sauber.txt")
    assert list(clean) == rules
    assert all(len(case) == 0 for case in clean.values())
    broken = cases("vorlagen/b-fehler.txt")
    (failure,) = broken["BF003"]
    assert failure.tag == "failure" and failure.get("type") == "error"
    assert "10.02.2025" in failure.get("message")
    assert suites["vorlagen/b-fehler.txt"].get("failures") == "2", "BF003 and REP004"
    unreadable = cases("vorlagen/d-leer.txt")
    assert unreadable["RD003"][0].tag == "failure"
    assert {unreadable[code][0].tag for code in rules} == {"skipped"}
    assert suites["vorlagen/d-leer.txt"].get("skipped") == str(len(rules))


def test_gitlab_issues_have_what_code_quality_needs(run, documents: Path) -> None:
    issues = json.loads(_check(run, documents, "-f", "gitlab"))
    assert [(issue["check_name"], issue["severity"]) for issue in issues] == [
        ("BF003", "major"),
        ("REP004", "minor"),
        ("RD010", "minor"),
        ("RD003", "major"),
        ("BF002", "major"),
    ]
    assert issues[0]["location"] == {"path": "vorlagen/b-fehler.txt", "lines": {"begin": 8}}
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


def test_fingerprints_survive_an_edit_above_the_finding(run, documents: Path) -> None:
    before = json.loads(_check(run, documents / "b-fehler.txt", "-f", "gitlab"))
    (documents / "b-fehler.txt").write_text("Entwurf\n\n" + DECISION_TOO_EARLY, encoding="utf-8")
    after = json.loads(_check(run, documents / "b-fehler.txt", "-f", "gitlab"))
    assert after[0]["location"]["lines"]["begin"] == 10
    assert after[0]["fingerprint"] == before[0]["fingerprint"]


@pytest.mark.parametrize("name", sorted(SNAPSHOT_NAMES))
def test_two_workers_write_the_same_bytes_as_one(run, documents: Path, name: str) -> None:
    for copy in ("kopie-1", "kopie-2"):
        shutil.copytree(documents, documents / copy)
    one = run("check", documents, "-f", name, "--jobs", "1")
    two = run("check", documents, "-f", name, "--jobs", "2")
    assert one.stdout.count("e-datum.docx") >= 3
    assert two.stdout == one.stdout
    assert two.exit_code == one.exit_code


HOSTILE_BODY = "Rat %0A::error::gehackt, 100% <b>&amp;</b> ]]>"
HOSTILE_NAME = "evil\n::warning file=x::pwned%0A, a:b\r.txt"


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A document whose file name and committee name try to write workflow commands and XML."""
    monkeypatch.chdir(tmp_path)
    path = Path(HOSTILE_NAME)
    text = DECISION_TOO_EARLY.replace("Rat der Gemeinde Beispielstadt", HOSTILE_BODY)
    path.write_text(text, encoding="utf-8")
    return path


def _unescape(text: str) -> str:
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def test_github_commands_cannot_be_injected_by_a_document(run, hostile: Path) -> None:
    lines = _check(run, hostile, "-f", "github").split("\n")
    assert lines[-1] == ""
    (command,) = lines[:-1]
    match = COMMAND.match(command)
    assert match is not None, command
    properties = dict(part.split("=", 1) for part in match["properties"].split(","))
    assert _unescape(properties["file"]) == HOSTILE_NAME
    assert properties["line"] == "8"
    assert _unescape(properties["title"]) == "BF003 (entscheidung-vor-vorberatung)"
    assert _unescape(match["message"]).startswith(f"Entscheidung im {HOSTILE_BODY} am 10.02.2025")


@given(st.text())
def test_escaped_properties_hold_no_separator_and_round_trip(text: str) -> None:
    escaped = escape_property(text)
    assert not set(escaped) & set("\r\n:,")
    assert _unescape(escaped) == text
    assert "\n" not in escape_data(text) and "\r" not in escape_data(text)


def test_junit_and_json_stay_well_formed_with_hostile_text(run, hostile: Path) -> None:
    root = ElementTree.fromstring(_check(run, hostile, "-f", "junit"))
    (suite,) = root.iter("testsuite")
    assert suite.get("name") == HOSTILE_NAME
    (failure,) = root.iter("failure")
    assert HOSTILE_BODY in failure.get("message")
    (issue,) = json.loads(_check(run, hostile, "-f", "gitlab"))
    assert HOSTILE_BODY in issue["description"]
    log = json.loads(_check(run, hostile, "-f", "sarif"))
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)


def test_junit_drops_characters_xml_cannot_hold(tmp_path: Path) -> None:
    from vorlage_cli.report.junit import JunitReporter

    stream = io.StringIO()
    reporter = JunitReporter(stream)
    result = _pdf_result("a\x01b.pdf")
    result.findings[0].message = "Gremium \x0b\x1b[31mrot\ufffe"
    reporter.document(result)
    reporter.finish(Summary())
    root = ElementTree.fromstring(stream.getvalue())
    (failure,) = root.iter("failure")
    assert failure.get("message") == "Gremium [31mrot"
    assert root.find("testsuite").get("name") == "ab.pdf"


def test_reports_for_files_and_pipes_are_not_cut(run, tmp_path: Path, monkeypatch) -> None:
    """A report that is not on a terminal keeps every line whole, however long, and carries no
    padding at line ends; 80 columns (or COLUMNS) bind a terminal only."""
    monkeypatch.setenv("COLUMNS", "60")
    body = "Ausschuss für Stadtentwicklung, Wirtschaftsförderung, Digitalisierung und Tourismus"
    subject = "Neupflanzung von Straßenbäumen " + "in allen Ortsteilen der Gemeinde " * 6
    document = tmp_path / "lang.txt"
    document.write_text(
        SEED_LIKE.replace("Umweltausschuss", body).replace(
            "Neupflanzung von Straßenbäumen", subject.strip()
        ),
        encoding="utf-8",
    )
    report = run("check", document).stdout
    assert f"│ {body} │" in report
    assert f"Betreff             {subject.strip()}\n" in report
    assert all(line == line.rstrip() for line in report.splitlines())
    catalogue = run("rules").stdout.splitlines()
    assert any(line.endswith("Entscheidung liegt vor einer Vorberatung") for line in catalogue)
