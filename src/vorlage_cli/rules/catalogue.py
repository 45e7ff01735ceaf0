"""Every code a finding can carry: the rules, and the codes readers report for a file.

Reader codes are not rules: a reader raises them while turning a file into a layout document
(see ``readers/``), before there is a Vorlage to check; RD020 to RD022 come from the runner,
for a document it could not finish (``runner.py``). They are documented here so that
``vorlage rules``, docs/rules.md and the configuration know every code a user can see. An error
among them means the document could not be checked at all (exit code 2).
"""

from __future__ import annotations

from dataclasses import dataclass

from vorlage_cli import codes
from vorlage_cli.model import Severity
from vorlage_cli.rules import GROUPS, Rule, all_rules, find_rule


@dataclass(frozen=True, slots=True)
class ReaderCode:
    code: str
    name: str
    severity: Severity
    summary: str
    doc: str


READER_CODES: tuple[ReaderCode, ...] = (
    ReaderCode(
        codes.UNREADABLE_CONTENT,
        "kein-lesbares-format",
        "error",
        "Inhalt ist kein lesbares Dokument",
        "The file's content is none of text, PDF, DOCX, ODT or HTML (an image, an archive, a "
        "spreadsheet, an old Word file), or such a file is damaged beyond reading. The format is "
        "decided by the content, not by the file name; the message says what to do (save it "
        "as DOCX, ODT or PDF).",
    ),
    ReaderCode(
        codes.CANNOT_OPEN,
        "datei-nicht-lesbar",
        "error",
        "Datei nicht gefunden oder nicht lesbar",
        "The path does not exist, is a folder where a file was expected, or may not be read.",
    ),
    ReaderCode(
        codes.EMPTY,
        "datei-leer",
        "error",
        "Datei ist leer",
        "The file holds no bytes, or only whitespace: usually a failed download or copy.",
    ),
    ReaderCode(
        codes.SCANNED_PDF,
        "pdf-ohne-text",
        "error",
        "PDF enthält keinen Text",
        "A PDF whose pages carry no text layer is a scan: run a text recognition first (for "
        "example ocrmypdf) and check the result.",
    ),
    ReaderCode(
        codes.ENCRYPTED_PDF,
        "pdf-verschluesselt",
        "error",
        "PDF ist verschlüsselt",
        "The PDF opens only with a password. Give it with --password (or the environment "
        "variable VORLAGE_PASSWORD, which keeps it out of the process list); the message says "
        "whether a password was missing or wrong.",
    ),
    ReaderCode(
        codes.OVER_LIMIT,
        "grenze-ueberschritten",
        "error",
        "Datei überschreitet eine Grenze",
        "The file is larger than --max-file-size, its DOCX or ODT package unpacks to more than "
        "--max-unpacked-size (a ZIP bomb) or holds more files than a text document has. The "
        "limits protect a run over untrusted files; raise them for a real document that needs "
        "more.",
    ),
    ReaderCode(
        codes.TRUNCATED,
        "dokument-gekuerzt",
        "warning",
        "Nur der Anfang des Dokuments gelesen",
        "The document has more pages than --max-pages or more lines than --max-lines: its "
        "beginning, where a Vorlage's fields are, was read, the rest skipped.",
    ),
    ReaderCode(
        codes.REFUSED,
        "aus-sicherheitsgruenden-nicht-gelesen",
        "error",
        "Aus Sicherheitsgründen nicht gelesen",
        "A part of a DOCX or ODT package declares a DTD (<!DOCTYPE>), the carrier of entity "
        "expansion (billion laughs) and external entities (XXE); Word and LibreOffice never "
        "write one. Or a "
        "symbolic link found in a scanned folder leads out of that folder, where a submitted "
        "file could make the report show any file of the machine; a link named on the command "
        "line is followed.",
    ),
    ReaderCode(
        codes.DAMAGED_PAGE,
        "pdf-seite-beschaedigt",
        "warning",
        "PDF-Seite beschädigt",
        "A page of the PDF cannot be loaded; it is skipped and the other pages are read.",
    ),
    ReaderCode(
        codes.EXTENSION_MISMATCH,
        "endung-passt-nicht",
        "warning",
        "Dateiendung passt nicht zum Inhalt",
        "The file's extension names another format than its content (a PDF saved as .docx). "
        "The file is read by its content; the name misleads people and other tools.",
    ),
    ReaderCode(
        codes.TIME_LIMIT,
        "zeitlimit-ueberschritten",
        "error",
        "Verarbeitung hat das Zeitlimit überschritten",
        "Reading and checking the document took longer than the time limit (--timeout); its "
        "worker was stopped so that the other documents go on. A file this slow is usually "
        "damaged or built to be hostile.",
    ),
    ReaderCode(
        codes.WORKER_DIED,
        "verarbeitung-abgebrochen",
        "error",
        "Verarbeitung ist abgebrochen",
        "The worker process reading the document ended without an answer (a crash in a native "
        "library, or it ran out of memory); the other documents go on.",
    ),
    ReaderCode(
        codes.INTERNAL_ERROR,
        "interner-fehler",
        "error",
        "Interner Fehler bei der Verarbeitung",
        "Reading, extracting or checking the document raised an error the program did not "
        "expect: a bug, found by this file, worth reporting with the document. The other "
        "documents go on; VORLAGE_DEBUG=1 prints the traceback on stderr.",
    ),
)

TITLES = {**GROUPS, "RD": "Reading the file"}
READER_INTRO = (
    "Reported for a file that could not be read or checked, not by a rule; an error here means "
    "that the document could not be checked at all (exit code 2)."
)

Entry = Rule | ReaderCode


def catalogue() -> list[Entry]:
    """The rules by group, then the reader codes."""
    return [*all_rules(), *READER_CODES]


def lookup(code_or_name: str) -> Entry | None:
    """An entry by its code ("BF003", "rd010") or its name ("entscheidung-vor-vorberatung")."""
    found = find_rule(code_or_name)
    if found is not None:
        return found
    wanted = code_or_name.strip()
    return next(
        (c for c in READER_CODES if wanted.upper() == c.code or wanted.lower() == c.name), None
    )


def severity_of(code: str) -> Severity:
    """The default severity of a reader's or a rule's code."""
    entry = _BY_CODE.get(code) or find_rule(code)
    if entry is None:
        raise KeyError(f"no finding code {code} in the catalogue")
    return entry.severity


_BY_CODE = {entry.code: entry for entry in READER_CODES}


def group_of(entry: Entry) -> str:
    return entry.code.rstrip("0123456789")
