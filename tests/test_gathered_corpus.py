"""The manifest of gathered real documents: every golden file's document is listed with its
source, every listed file is unique, and a present file is the one the manifest names."""

from __future__ import annotations

import hashlib
import json

import pytest

from vorlage_cli.evaluate import find_goldens, load_golden
from vorlage_cli.pipeline import process

from .conftest import GATHERED, GOLDEN

MANIFEST = json.loads((GATHERED / "manifest.json").read_text(encoding="utf-8"))


def test_every_gathered_golden_names_a_listed_document() -> None:
    listed = {entry["file"] for entry in MANIFEST}
    for path in find_goldens([GOLDEN / "gathered"]):
        golden = load_golden(path, GATHERED)
        for document in golden.documents:
            assert document.relative_to(GATHERED).as_posix() in listed, path.name


def test_manifest_entries_are_complete_and_unique() -> None:
    files = [entry["file"] for entry in MANIFEST]
    assert len(files) == len(set(files))
    for entry in MANIFEST:
        assert entry["file"].startswith("fetched/")
        assert {"repository", "path", "commit", "sha256", "what"} <= set(entry)
        assert len(entry["commit"]) == 40 and len(entry["sha256"]) == 64


@pytest.mark.parametrize("entry", MANIFEST, ids=[e["file"] for e in MANIFEST])
def test_a_present_document_is_the_one_listed(entry: dict[str, str]) -> None:
    path = GATHERED / entry["file"]
    if not path.is_file():
        pytest.skip("run scripts/fetch_corpus.py")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == entry["sha256"] or "transcribed" in entry


OTHERS = [entry for entry in MANIFEST if entry["what"] != "Vorlage"]


@pytest.mark.parametrize("entry", OTHERS, ids=[e["file"] for e in OTHERS])
def test_a_document_that_is_no_vorlage_gets_one_finding_saying_so(entry: dict[str, str]) -> None:
    path = GATHERED / entry["file"]
    if not path.is_file():
        pytest.skip("run scripts/fetch_corpus.py")
    findings = process(path).findings
    assert [f.code for f in findings] == ["REQ012"], [f.message for f in findings]
