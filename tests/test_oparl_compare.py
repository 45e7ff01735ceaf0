"""`vorlage evaluate --oparl`: extraction against a city's OParl records.

The fixture's records are written by hand for two samples. The first agrees with its document
in every compared value (its name retypes the printed subject with other quotation marks and
dash). The second disagrees on purpose where a published record can disagree with its document:
its name is a clerk's short "Haushaltssatzung 2026", its paperType says Beschlussvorlage where the
document prints VERWALTUNGSVORLAGE, it calls the Haupt- und Finanzausschuss deciding where the
document prints "vorberatend", and its last meeting is dated 11.12.2025 while the document prints
the two-day session "10./11.12.2025" (the first day counts). A third record names no existing
document.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vorlage_cli.extract.lexicon import default_lexicon
from vorlage_cli.oparl_compare import (
    RecordError,
    compare,
    load_records,
    reference_key,
    same_subject,
)
from vorlage_cli.pipeline import read_vorlage

from .conftest import FIXTURES, SAMPLES

PAPERS = FIXTURES / "oparl" / "papers.jsonl"
MEETINGS = FIXTURES / "oparl" / "meetings.jsonl"


def _checks(index: int):
    record = load_records(PAPERS, MEETINGS, SAMPLES).found[index]
    return compare(record, read_vorlage(record.document).vorlage, default_lexicon())


def test_records_find_their_documents_by_text_file_or_main_file() -> None:
    records = load_records(PAPERS, MEETINGS, SAMPLES)
    assert [r.document.name for r in records.found] == ["vl-12-2025-1n.txt", "vl-44-2025.txt"]
    assert records.without_document == ["VL-99/2025"]
    first = records.found[0]
    assert first.consultations[0].body == "Ausschuss für Umwelt, Klimaschutz und Stadtgrün"
    assert str(first.consultations[2].date) == "2025-04-10"


def test_a_record_that_agrees_with_its_document() -> None:
    checks = _checks(0)
    assert [(c.field, c.ok) for c in checks] == [
        ("nummer", True),
        ("betreff", True),
        ("art", True),
        *[
            (field, True)
            for _ in range(3)
            for field in ("beratungsfolge.termin", "beratungsfolge.rolle", "beratungsfolge.gremium")
        ],
    ]


def test_a_record_that_disagrees_names_each_difference() -> None:
    checks = _checks(1)
    wrong = [(c.field, c.expected, c.actual) for c in checks if not c.ok]
    assert wrong == [
        (
            "betreff",
            "Haushaltssatzung 2026",
            "Haushaltssatzung der Stadt Wendelstedt für das Haushaltsjahr 2026 mit Stellenplan",
        ),
        ("art", "Beschlussvorlage", "Verwaltungsvorlage"),
        ("beratungsfolge.rolle", "Entscheidung", ["Vorberatung"]),
        ("beratungsfolge.termin", "2025-12-11", ["2025-10-23", "2025-11-27", "2025-12-10"]),
    ]


@pytest.mark.parametrize(
    ("published", "printed", "same"),
    [
        # quotation marks, dashes and the spacing around them as a clerk retyped them
        ("Radweg „Am Bach“ – 2. Abschnitt", 'Radweg "Am Bach"-2. Abschnitt', True),
        # a comma or colon typed where the document breaks the line between two parts
        ("Stadthalle, Vergabe von Elektrotechnik", "Stadthalle Vergabe von Elektrotechnik", True),
        ("Baubeschluss: Radweg Nord", "Baubeschluss Radweg Nord", True),
        # the record names the project, the document also what is decided about it
        ("Europahalle, Sanierung", "Europahalle, Sanierung Vergabe von Elektroarbeiten", True),
        # a unit's name leaked in front of the subject
        ("Europahalle, Sanierung", "Gebäudewirtschaft Europahalle, Sanierung", False),
        # the subject ran on into the text below it
        (
            "Freizeitbad",
            "Freizeitbad Die als Anlage beigefügte Übersicht zeigt die Besucherzahlen der "
            "letzten fünf Jahre und die Kosten je Besuch",
            False,
        ),
        # a word that only begins like the name
        ("Freizeitbad", "Freizeitbadesaison 2007", False),
        ("Stellenplan 2020", None, False),
    ],
)
def test_subjects_agree_where_the_published_name_opens_the_printed_one(
    published: str, printed: str | None, same: bool
) -> None:
    assert same_subject(published, printed) is same


@pytest.mark.parametrize(
    ("published", "printed"),
    [("DS 12/2021 1. Ergänzung", "DS 12/2021 - 1.Ergänzung"), ("2023/0999/1", "2023/0999/1")],
)
def test_references_compare_without_spacing_and_separators(published: str, printed: str) -> None:
    assert reference_key(published) == reference_key(printed)


def test_the_command_prints_agreement_and_disagreements(run) -> None:
    result = run(
        "evaluate", "--oparl", PAPERS, "--meetings", MEETINGS, "--documents", SAMPLES, "--jobs", "1"
    )
    assert result.exit_code == 1
    assert "2 Dokumente mit OParl-Datensatz verglichen" in result.stdout
    assert "1 Datensätze ohne auffindbares Dokument, z. B. VL-99/2025" in result.stdout
    assert "Abweichungen bei art (1):" in result.stdout
    assert "vl-44-2025.txt: OParl Beschlussvorlage, gelesen Verwaltungsvorlage" in result.stdout
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if "│" in line}
    assert rows["nummer"][:3] == ["│", "2", "│"]


def test_records_in_a_json_array_and_agreement_exits_zero(run, tmp_path: Path) -> None:
    first = json.loads(PAPERS.read_text(encoding="utf-8").splitlines()[0])
    papers = tmp_path / "papers.json"
    papers.write_text(json.dumps([first]), encoding="utf-8")
    result = run("evaluate", "--oparl", papers, "--meetings", MEETINGS, "-d", SAMPLES)
    assert result.exit_code == 0, result.stdout


def test_unreadable_records_are_a_one_line_error(run, tmp_path: Path) -> None:
    broken = tmp_path / "papers.jsonl"
    broken.write_text('{"id": 1}\nnicht json\n', encoding="utf-8")
    with pytest.raises(RecordError, match=r"Zeile 2 ist kein gültiges JSON \(Spalte 1\)$"):
        load_records(broken, None, tmp_path)  # German, without Python's English reason
    result = run("evaluate", "--oparl", broken)
    assert result.exit_code == 2
    assert result.stderr.startswith("vorlage: ") and "Zeile 2" in result.stderr
    assert "Traceback" not in result.stderr
