"""The rules on real and sample documents: no error that a careful reader would call false.

For every shared real document, the errors it earns were decided by reading the document and
its golden file (``TRUE_ERRORS``, with the reason). The samples are invented documents that are
correct except for the one defect their file name plants: they earn that error and no warning.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vorlage_cli.discovery import discover
from vorlage_cli.pipeline import process

from .conftest import SAMPLES

PLANTED = {
    "fehler-entscheidung-vor-vorberatung": "BF003",
    "fehler-ohne-beschlussvorschlag": "REQ006",
    "fehler-ungueltiges-datum": "BF002",
}

TRUE_ERRORS: dict[str, set[str]] = {
    # Without configuration, what a template leaves out (a date on the Karlsruhe texts and the
    # ALLRIS pages, a financial section in Nordstemmen 2011, the Beratungsfolge on SessionNet's
    # "Informationen" tab) is local practice and earns no error.
    "seed/luenen_VL-40-2024-1N.txt": set(),
    "real/dessau-rosslau_BV-009-2023-IV-DKT_beschlussvorlage.pdf": set(),
    "real/dessau-rosslau_BV-009-2023-IV-DKT_mit-abstimmungsergebnissen.pdf": set(),
    "real/hildesheim_allris-classic_vo020-8000_mitteilungsvorlage-23-224.html": set(),
    "real/karlsruhe_2020-1430_beschlussvorlage.txt": set(),
    "real/karlsruhe_2022-1002_informationsvorlage.txt": set(),
    "real/karlsruhe_2025-0916_beschlussvorlage.txt": set(),
    "real/karlsruhe_2026-0339_informationsvorlage.txt": set(),
    "real/koblenz_BV-0197-2026_beschlussvorlage.pdf": set(),
    "real/koblenz_sessionnet5_vo0050-43205_UV-0190-2026.html": set(),
    "real/muenchen_20-26-V-02318_sitzungsvorlage-bekanntgabe-kommunalausschuss.pdf": set(),
    # The BA budget form prints the Bezirksausschuss as deciding ("Beschluss des
    # Bezirksausschusses … vom 14.01.2021"), but its "III. Beschluss" is an unfilled protocol
    # form: nothing says what is to be decided.
    "real/muenchen_BA25_20-26-V-02232_ba-budget-beschlussvorlage.pdf": {"REQ006"},
    "real/nordstemmen_DS_1-2008_beschlussvorlage.txt": set(),
    "real/nordstemmen_DS_40-2011_beschlussvorlage.txt": set(),
    "real/nordstemmen_DS_74-2023_beschlussvorlage.txt": set(),
    "real/trier_allrisnet4_vo020-1001540_antrag-469-2026.html": set(),
}


@pytest.mark.parametrize("name", sorted(TRUE_ERRORS))
def test_real_documents_earn_only_their_true_errors(corpus: Path, name: str) -> None:
    result = process(corpus / name)
    assert {f.code for f in result.findings if f.severity == "error"} == TRUE_ERRORS[name]


def test_every_corpus_document_is_judged(corpus: Path) -> None:
    present = {
        path.relative_to(corpus).as_posix()
        for folder in ("seed", "real")
        for path in (corpus / folder).iterdir()
        if path.is_file()
    }
    assert present == set(TRUE_ERRORS)


def test_the_seed_earns_its_notes_and_its_amount_warning(corpus: Path) -> None:
    result = process(corpus / "seed" / "luenen_VL-40-2024-1N.txt")
    assert result.valid
    assert sorted((f.code, f.severity) for f in result.findings) == [
        ("DAT002", "info"),
        ("FIN001", "warning"),
        ("NUM004", "info"),
    ]


def test_a_december_document_with_a_number_of_the_new_year_is_normal(corpus: Path) -> None:
    result = process(corpus / "real" / "nordstemmen_DS_1-2008_beschlussvorlage.txt")
    assert result.vorlage is not None and result.vorlage.erstellt_am is not None
    assert "DAT003" not in {f.code for f in result.findings}


@pytest.mark.parametrize("path", discover([SAMPLES]).files, ids=lambda path: path.name)
def test_samples_earn_their_planted_defect_and_no_warning(path: Path) -> None:
    planted = {code for marker, code in PLANTED.items() if marker in path.name}
    result = process(path)
    assert {f.code for f in result.findings if f.severity == "error"} == planted
    assert [f.message for f in result.findings if f.severity == "warning"] == []
