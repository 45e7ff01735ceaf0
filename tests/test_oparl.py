"""Extraction against an independent source: the OParl `Paper` records that Karlsruhe's and
Nordstemmen's council information systems publish for the same Vorlagen (in
../shared/corpus/real/meta).

The records carry the reference, the paper type and the consultations' roles; their meetings are
links without dates, so dates cannot be compared here (the golden files check them). A record may
list fewer consultations than the document prints (only those with an agenda item), so roles are
compared where both list the same number of consultations; a role the document does not print
(Karlsruhe's older template) is not held against the extraction.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from vorlage_cli.pipeline import read_vorlage

from .conftest import CORPUS

META = CORPUS / "real" / "meta"
RECORDS = sorted(META.glob("*.oparl-paper.json")) if META.is_dir() else []


def _document(record: Path) -> Path:
    return record.parent.parent / record.name.replace(".oparl-paper.json", ".txt")


@pytest.mark.parametrize("record", RECORDS, ids=lambda path: path.name.split(".")[0])
def test_extraction_agrees_with_oparl_record(record: Path) -> None:
    paper = json.loads(record.read_text(encoding="utf-8"))
    vorlage = read_vorlage(_document(record))[1]
    assert vorlage is not None
    assert vorlage.nummer == paper["reference"]
    assert vorlage.art == paper["paperType"]
    consultations = paper.get("consultation", [])
    assert len(consultations) <= len(vorlage.beratungsfolge)
    if len(consultations) == len(vorlage.beratungsfolge):
        published = Counter(c["role"] for c in consultations if c.get("role"))
        printed = Counter(b.rolle for b in vorlage.beratungsfolge if b.rolle)
        assert not printed - published, f"printed {printed}, published {published}"
        if all(b.rolle for b in vorlage.beratungsfolge):
            assert printed == published


def test_oparl_records_are_present_where_the_corpus_is(corpus: Path) -> None:
    assert len(RECORDS) == 7
    assert all(_document(record).is_file() for record in RECORDS)
