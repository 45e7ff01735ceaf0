"""Every field of every golden file, written by hand from the documents, against the extractor.

The shared corpus (real documents of several cities) is compared where ``../shared`` is present;
the samples' golden files live beside the samples. ``KNOWN_GAPS`` lists the fields the extractor
still gets wrong: they are strict expected failures, so fixing one without removing it from the
list fails the suite, and the list can only shrink.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from vorlage_cli.evaluate import compare, find_goldens, load_golden
from vorlage_cli.model import Vorlage
from vorlage_cli.pipeline import read_vorlage

from .conftest import CORPUS, GOLDEN, SAMPLES

KNOWN_GAPS: set[tuple[str, str]] = {
    ("dessau-rosslau_BV-009-2023-IV-DKT_beschlussvorlage.pdf", "finanzielle_auswirkungen"),
    ("dessau-rosslau_BV-009-2023-IV-DKT_beschlussvorlage.pdf", "sachdarstellung"),
    (
        "dessau-rosslau_BV-009-2023-IV-DKT_mit-abstimmungsergebnissen.pdf",
        "finanzielle_auswirkungen",
    ),
    ("dessau-rosslau_BV-009-2023-IV-DKT_mit-abstimmungsergebnissen.pdf", "sachdarstellung"),
    ("dessau-rosslau_BV-009-2023-IV-DKT_mit-abstimmungsergebnissen.pdf", "weitere_abschnitte"),
    ("hildesheim_allris-classic_vo020-8000_mitteilungsvorlage-23-224.html", "anlagen"),
    ("muenchen_20-26-V-02318_sitzungsvorlage-bekanntgabe-kommunalausschuss.pdf", "ersteller"),
    ("muenchen_BA25_20-26-V-02232_ba-budget-beschlussvorlage.pdf", "betreff"),
    ("muenchen_BA25_20-26-V-02232_ba-budget-beschlussvorlage.pdf", "ersteller"),
    ("muenchen_BA25_20-26-V-02232_ba-budget-beschlussvorlage.pdf", "sachdarstellung"),
    ("nordstemmen_DS_40-2011_beschlussvorlage.txt", "ersteller"),
    ("nordstemmen_DS_74-2023_beschlussvorlage.txt", "ersteller"),
    ("trier_allrisnet4_vo020-1001540_antrag-469-2026.html", "anlagen"),
}


@cache
def extracted(path: Path) -> Vorlage | None:
    return read_vorlage(path)[1]


def _cases() -> list:
    cases = []
    sets = [(GOLDEN / "corpus", CORPUS), (SAMPLES, None)]
    for folder, documents in sets:
        if documents is not None and not documents.is_dir():
            cases.append(
                pytest.param(
                    None,
                    None,
                    None,
                    marks=pytest.mark.skip(reason="../shared/corpus is not present"),
                    id="corpus-missing",
                )
            )
            continue
        for golden_path in find_goldens([folder]):
            golden = load_golden(golden_path, documents)
            for document in golden.documents:
                for field in golden.vorlage:
                    marks = (
                        [pytest.mark.xfail(strict=True, reason="known gap")]
                        if (document.name, field) in KNOWN_GAPS
                        else []
                    )
                    cases.append(
                        pytest.param(
                            golden, document, field, marks=marks, id=f"{document.name}:{field}"
                        )
                    )
    return cases


@pytest.mark.parametrize(("golden", "document", "field"), _cases())
def test_field_matches_golden(golden, document: Path, field: str) -> None:
    checks = compare({field: golden.vorlage[field]}, extracted(document), str(document))
    wrong = [c for c in checks if not c.ok]
    assert not wrong, "\n".join(
        f"{c.field}: expected {c.expected!r}, got {c.actual!r}" for c in wrong
    )
