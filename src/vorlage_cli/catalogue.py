"""Every code a finding can carry, with its name and documentation: the rules' catalogue plus the
codes for documents that could not be read or processed.

Machine formats describe each code once (SARIF's rule list, one JUnit test case per code), so
they need the whole list, not only the rules; a finding's code is never invented by a reporter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from vorlage_cli.model import Severity


class Described(Protocol):
    """What a reporter needs to know about a code: a rule has all of it, and more."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def severity(self) -> Severity: ...

    @property
    def summary(self) -> str: ...

    @property
    def doc(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ProcessingCode:
    """A code raised by a reader or the runner: about the file, not about the Vorlage in it."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str


PROCESSING_CODES: tuple[ProcessingCode, ...] = (
    ProcessingCode(
        "RD001",
        "format-nicht-unterstuetzt",
        "error",
        "Inhalt ist kein lesbares Vorlagenformat",
        "The file's content is none of text, PDF, DOCX or HTML (an old .doc, a damaged ZIP "
        "archive, a spreadsheet): it cannot be read, whatever its name says.",
    ),
    ProcessingCode(
        "RD002",
        "datei-nicht-lesbar",
        "error",
        "Datei fehlt oder lässt sich nicht lesen",
        "The file does not exist, is a folder, or may not be read; the other inputs are still "
        "checked and the run ends with exit code 2.",
    ),
    ProcessingCode(
        "RD003",
        "datei-leer",
        "error",
        "Datei ist leer",
        "An empty file (or one holding only whitespace) is usually a failed download or copy.",
    ),
    ProcessingCode(
        "RD004",
        "pdf-ohne-text",
        "error",
        "PDF enthält keinen Text",
        "A PDF with no text layer is a scan: it needs text recognition (OCR) before it can be "
        "checked.",
    ),
    ProcessingCode(
        "RD010",
        "endung-passt-nicht",
        "warning",
        "Dateiendung passt nicht zum Inhalt",
        "The file was read by its content (a PDF named .docx is read as a PDF); the name is "
        "misleading for people and for other tools.",
    ),
    ProcessingCode(
        "RD020",
        "zeitlimit-ueberschritten",
        "error",
        "Verarbeitung hat das Zeitlimit überschritten",
        "Reading and checking the document took longer than the time limit (--timeout); its "
        "worker was stopped so that the other documents go on. A file this slow is usually "
        "damaged or built to be hostile.",
    ),
    ProcessingCode(
        "RD021",
        "verarbeitung-abgebrochen",
        "error",
        "Verarbeitung ist abgebrochen",
        "The worker process reading the document ended without an answer (a crash in a native "
        "library, or it ran out of memory); the other documents go on.",
    ),
    ProcessingCode(
        "RD022",
        "interner-fehler",
        "error",
        "Interner Fehler bei der Verarbeitung",
        "Reading or checking the document raised an unexpected error: a bug in vorlage worth "
        "reporting with the document. The other documents go on.",
    ),
)


def catalogue() -> list[Described]:
    """All codes, sorted by code."""
    from vorlage_cli.rules import all_rules

    return sorted([*all_rules(), *PROCESSING_CODES], key=lambda entry: entry.code)
