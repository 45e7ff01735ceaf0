"""One document through the whole flow: read → layout document → extract → rules → result.

Whatever one input does, it becomes a result: the readers' own errors are error findings with
their codes, and any other exception (a bug this input has found) is the error finding RD022
rather than a traceback that would stop a batch. ``VORLAGE_DEBUG=1`` prints the traceback to
stderr as well, for whoever fixes the bug.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from vorlage_cli import codes
from vorlage_cli.config import Config, ConfigResolver
from vorlage_cli.discovery import STDIN
from vorlage_cli.evidence import Evidence
from vorlage_cli.extract.lexicon import Lexicon
from vorlage_cli.internal import internal_error
from vorlage_cli.limits import DEFAULT_LIMITS, Limits
from vorlage_cli.model import DocumentResult, Finding, Location, Source, Vorlage
from vorlage_cli.readers import ReadError, load, parse
from vorlage_cli.rules.catalogue import severity_of


class Reading(NamedTuple):
    """One file read and extracted: ``vorlage`` and ``evidence`` are None where the file could
    not be read, and ``findings`` then say why."""

    source: Source
    vorlage: Vorlage | None
    findings: list[Finding]
    evidence: Evidence | None = None


def read_vorlage(
    path: Path,
    lexicon: Lexicon | None = None,
    limits: Limits = DEFAULT_LIMITS,
    password: str | None = None,
    refusal: str | None = None,
    data: bytes | None = None,
) -> Reading:
    """Read and extract one file; a file that cannot be read gives an error finding instead,
    and so does one that discovery refused to read (``refusal`` says why). ``lexicon`` is the
    label lexicon with a configuration's extra labels; ``data`` the file's bytes where they
    were read already (standard input)."""
    from vorlage_cli.extract import extract

    unread = Source(path=str(path), format=None, sha256=None, pages=None)
    if refusal is not None:
        return Reading(unread, None, [reader_finding(codes.REFUSED, refusal)])
    try:
        raw = load(path, limits, data)
        document = parse(raw, limits, password, lexicon.page_markers if lexicon else None)
    except ReadError as error:
        return Reading(unread, None, [reader_finding(error.code, str(error))])
    except Exception as error:
        return Reading(unread, None, [_internal(path, error, "beim Lesen")])
    source = Source(
        path=str(path),
        format=raw.format,
        sha256=hashlib.sha256(raw.data).hexdigest(),
        pages=document.page_count,
    )
    findings = [reader_finding(note.code, note.message) for note in document.notes]
    try:
        found = extract(document, lexicon)
    except Exception as error:
        return Reading(source, None, [*findings, _internal(path, error, "beim Auswerten")])
    return Reading(source, found.vorlage, findings, found.evidence)


def process(
    path: Path,
    config: Config | None = None,
    limits: Limits = DEFAULT_LIMITS,
    password: str | None = None,
    refusal: str | None = None,
    data: bytes | None = None,
    *,
    with_facts: bool = False,
) -> DocumentResult:
    """Check one file under its configuration (the defaults when none is given); with
    ``with_facts`` the result carries the facts that the checks across documents and the OParl
    export read (a :class:`~vorlage_cli.facts.CheckedDocument`)."""
    from vorlage_cli.rules import run_rules

    config = config or Config()
    source, vorlage, findings, evidence = read_vorlage(
        path, config.lexicon, limits, password, refusal, data
    )
    if vorlage is not None:
        try:
            findings.extend(run_rules(vorlage, evidence, config.settings))
        except Exception as error:
            # unchecked, so reported like an unreadable file (exit code 2), not as checked data
            vorlage = None
            findings.append(_internal(path, error, "bei der Prüfung"))
    findings = config.adjust(findings, path, readable=vorlage is not None)
    valid = not any(f.severity == "error" for f in findings)
    if not with_facts or vorlage is None or evidence is None:
        return DocumentResult(source=source, vorlage=vorlage, findings=findings, valid=valid)
    from vorlage_cli.facts import CheckedDocument, facts_of
    from vorlage_cli.rules.folder import NEUFASSUNG_MARKS

    facts = facts_of(source, vorlage, evidence, config.settings.options[NEUFASSUNG_MARKS])
    return CheckedDocument(
        source=source, vorlage=vorlage, findings=findings, valid=valid, facts=facts
    )


@dataclass(frozen=True, slots=True)
class Checker:
    """:func:`process` with each document's own configuration. Resolve the configurations of
    all inputs first (``configs.for_document``) so that a broken file is reported before any
    output; the checker holds only plain data and can be handed to worker processes."""

    configs: ConfigResolver
    limits: Limits = DEFAULT_LIMITS
    password: str | None = None
    refused: dict[Path, str] = field(default_factory=dict)
    """Paths that discovery found but refused to read, with the reason (see ``discover``)."""
    stdin: bytes | None = None
    """The document read from standard input, for the path ``-``."""
    with_facts: bool = False
    """Whether results carry their facts (see :func:`process`)."""

    def __call__(self, path: Path) -> DocumentResult:
        return process(
            path,
            self.configs.for_document(path),
            self.limits,
            self.password,
            self.refused.get(path),
            self.stdin if path == STDIN else None,
            with_facts=self.with_facts,
        )


def reader_finding(code: str, message: str) -> Finding:
    """A finding of a reader, the pipeline or the runner, at the severity the catalogue gives
    its code. Its message is worded to follow the file's name ("x.pdf: die Datei ist leer"), as
    reports and the command line show it."""
    return Finding(code=code, severity=severity_of(code), message=message, location=Location())


def _internal(path: Path, error: Exception, stage: str) -> Finding:
    return reader_finding(codes.INTERNAL_ERROR, internal_error(error, stage, path))
