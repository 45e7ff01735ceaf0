"""One document through the whole flow: read → layout document → extract → rules → result."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from vorlage_cli.config import Config, ConfigResolver
from vorlage_cli.extract.lexicon import Lexicon
from vorlage_cli.model import DocumentResult, Finding, Location, Source, Vorlage
from vorlage_cli.readers import ReadError, load, parse


def read_vorlage(
    path: Path, lexicon: Lexicon | None = None
) -> tuple[Source, Vorlage | None, list[Finding]]:
    """Read and extract one file; a file that cannot be read gives an error finding instead.
    ``lexicon`` is the label lexicon with a configuration's extra labels."""
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
    return source, extract(document, lexicon), findings


def process(path: Path, config: Config | None = None) -> DocumentResult:
    """Check one file under its configuration (the defaults when none is given)."""
    from vorlage_cli.rules import run_rules

    config = config or Config()
    source, vorlage, findings = read_vorlage(path, config.lexicon)
    if vorlage is not None:
        findings.extend(run_rules(vorlage, config.settings))
    findings = config.adjust(findings, path, readable=vorlage is not None)
    valid = not any(f.severity == "error" for f in findings)
    return DocumentResult(source=source, vorlage=vorlage, findings=findings, valid=valid)


@dataclass(frozen=True, slots=True)
class Checker:
    """:func:`process` with each document's own configuration. Resolve the configurations of
    all inputs first (``configs.for_document``) so that a broken file is reported before any
    output; the checker holds only plain data and can be handed to worker processes."""

    configs: ConfigResolver

    def __call__(self, path: Path) -> DocumentResult:
        return process(path, self.configs.for_document(path))
