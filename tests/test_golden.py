"""Every field of every golden file, written by hand from the documents, against the extractor.

The shared corpus (real documents of several cities) is compared where ``../shared`` is present,
the gathered documents of further cities where scripts/fetch_corpus.py has downloaded them; the
samples' golden files live beside the samples. One test per field of each document, so a
regression names the document and the field. The held-out pages (tests/golden/held-out) are not
here: they measure a family never taught, with ``vorlage evaluate``, and may not pass.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from vorlage_cli.evaluate import compare, find_goldens, load_golden
from vorlage_cli.extract.lexicon import default_lexicon, with_presets
from vorlage_cli.model import Vorlage
from vorlage_cli.pipeline import read_vorlage

from .conftest import CORPUS, GATHERED, GOLDEN, SAMPLES


@cache
def extracted(path: Path, presets: tuple[str, ...] = ()) -> Vorlage | None:
    return read_vorlage(path, with_presets(default_lexicon(), presets)).vorlage


def _cases() -> list:
    cases = []
    sets = [(GOLDEN / "corpus", CORPUS), (GOLDEN / "gathered", GATHERED), (SAMPLES, None)]
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
                if not document.is_file():
                    cases.append(
                        pytest.param(
                            None,
                            None,
                            None,
                            marks=pytest.mark.skip(reason="run scripts/fetch_corpus.py"),
                            id=f"{document.name}-absent",
                        )
                    )
                    continue
                for field in golden.vorlage:
                    case_id = f"{document.name}:{field}"
                    cases.append(pytest.param(golden, document, field, id=case_id))
    return cases


@pytest.mark.parametrize(("golden", "document", "field"), _cases())
def test_field_matches_golden(golden, document: Path, field: str) -> None:
    checks = compare(
        {field: golden.vorlage[field]}, extracted(document, golden.presets), str(document)
    )
    wrong = [c for c in checks if not c.ok]
    assert not wrong, "\n".join(
        f"{c.field}: expected {c.expected!r}, got {c.actual!r}" for c in wrong
    )
