"""One document through the whole flow: read → layout document → extract → rules → result."""

from __future__ import annotations

import hashlib
from pathlib import Path

from vorlage_cli.model import DocumentResult, Finding, Location, Source, Vorlage
from vorlage_cli.readers import ReadError, load, parse


def read_vorlage(path: Path) -> tuple[Source, Vorlage | None, list[Finding]]:
    """Read and extract one file; a file that cannot be read gives an error finding instead."""
    from vorlage_cli.extract import extract

    try:
        raw = load(path)
        document = parse(raw)
    except ReadError as error:
        source = Source(path=str(path), format=None, sha256=None, pages=None)
        return (
            source,
            None,
            [Finding(code=error.code, severity="error", message=str(error), location=Location())],
        )
    source = Source(
        path=str(path),
        format=raw.format,
        sha256=hashlib.sha256(raw.data).hexdigest(),
        pages=document.page_count,
    )
    findings = [
        Finding(code=note.code, severity="warning", message=note.message) for note in document.notes
    ]
    return source, extract(document), findings


def process(path: Path) -> DocumentResult:
    from vorlage_cli.rules import run_rules

    source, vorlage, findings = read_vorlage(path)
    if vorlage is not None:
        findings.extend(run_rules(vorlage))
    valid = not any(f.severity == "error" for f in findings)
    return DocumentResult(source=source, vorlage=vorlage, findings=findings, valid=valid)
