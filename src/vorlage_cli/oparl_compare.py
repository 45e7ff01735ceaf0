"""Extraction measured against a city's own OParl records.

Every council information system that speaks OParl publishes, for each Vorlage, a ``Paper``
with its reference (number with revision), its subject (``name``), its kind (``paperType``) and
its consultations, each pointing to a ``Meeting`` whose ``start`` is the session date and whose
``name`` names the body.
That is an independent yardstick that no golden file has to be written for: ``vorlage evaluate
--oparl papers.jsonl --meetings meetings.jsonl`` compares the extraction of each paper's document
with its record, so any city can measure the tool on its own documents.

What a record says is what the city published, not always what the document prints (a few
documents print another number, or a session that was later moved); the disagreements are listed
so that a person can tell the one from the other.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vorlage_cli.evaluate import Check
from vorlage_cli.extract.lexicon import Lexicon
from vorlage_cli.model import Vorlage

_SEPARATORS = re.compile(r"[\s\-–/.]+")
_MEETING_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")
"""What a meeting's name adds to the body's: "(5. Sitzung)", "(öffentlich/nicht öffentlich)"."""
BODY_SIMILARITY = 0.8
_QUOTES = re.compile(r"[„“”\"‚‘’'»«]")
_DASHES = re.compile(r"\s*[-–—]\s*")
_PUNCTUATION = re.compile(r"[,;:.|]")
"""Between a subject's parts: a clerk types a comma or colon where the document breaks the line."""
MAX_SUBJECT_TAIL_WORDS = 12
"""Words a printed subject may add after the published name ("Europahalle, Sanierung" /
"… Vergabe von Elektroarbeiten"): the record's name is often the first part only."""


class RecordError(Exception):
    """A records file that cannot be used (the message names the file and the problem)."""


@dataclass(slots=True)
class Consultation:
    date: dt.date | None
    role: str | None
    body: str | None


@dataclass(slots=True)
class Record:
    """One published Paper, reduced to what the extraction can be compared with."""

    document: Path
    reference: str | None
    paper_type: str | None
    consultations: list[Consultation] = field(default_factory=list)
    name: str | None = None
    """The paper's subject as published."""


@dataclass(slots=True)
class Records:
    found: list[Record]
    without_document: list[str]
    """Papers whose document could not be found, by id or reference."""


def _json_lines(path: Path) -> Iterator[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RecordError(f"{path}: lässt sich nicht lesen ({error})") from None
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as error:
            raise RecordError(
                f"{path}: kein gültiges JSON (Zeile {error.lineno}, Spalte {error.colno})"
            ) from None
        yield from (item for item in items if isinstance(item, dict))
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise RecordError(
                f"{path}: Zeile {number} ist kein gültiges JSON (Spalte {error.colno})"
            ) from None
        if isinstance(item, dict):
            yield item


def load_records(papers: Path, meetings: Path | None, documents: Path | None) -> Records:
    """The Papers of a JSON Lines file (or a JSON array), their meetings' dates and bodies from
    a second file (or, as ``vorlage export --format oparl`` writes them, from the
    consultation's ``vorlage:meetingDate`` and ``vorlage:organizationName``), and each paper's
    document: the file ``x-text-file`` or ``vorlage:file`` names, or the file of the paper's
    ``mainFile`` (its ``fileName``, or the last part of its download address) in the documents
    folder (default: the papers file's folder)."""
    by_meeting: dict[str, dict[str, Any]] = {}
    if meetings is not None:
        for meeting in _json_lines(meetings):
            if isinstance(meeting.get("id"), str):
                by_meeting[meeting["id"]] = meeting
    root = documents or papers.parent
    finder = _Finder(root)
    found: list[Record] = []
    missing: list[str] = []
    for paper in _json_lines(papers):
        document = finder.document(paper)
        if document is None:
            missing.append(str(paper.get("reference") or paper.get("id") or "?"))
            continue
        consultations = []
        for consultation in paper.get("consultation") or []:
            if not isinstance(consultation, dict):
                continue
            meeting = consultation.get("meeting")
            if isinstance(meeting, dict):
                details = meeting
            else:
                details = by_meeting.get(meeting, {}) if isinstance(meeting, str) else {}
            if not details:
                details = {  # vorlage export --format oparl: the meeting's date and body beside it
                    "start": consultation.get("vorlage:meetingDate"),
                    "name": consultation.get("vorlage:organizationName"),
                }
            consultations.append(
                Consultation(
                    date=_date(details.get("start")),
                    role=consultation.get("role") or None,
                    body=_body(details.get("name")),
                )
            )
        found.append(
            Record(
                document=document,
                reference=paper.get("reference") or None,
                paper_type=paper.get("paperType") or None,
                consultations=consultations,
                name=paper.get("name") if isinstance(paper.get("name"), str) else None,
            )
        )
    return Records(found, missing)


class _Finder:
    """A paper's document: the file ``x-text-file`` (or ``vorlage:file``) names relative to the
    documents folder, or
    the file named by its ``mainFile`` anywhere below that folder (a download keeps the file
    name, not the RIS's folders)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._by_name: dict[str, Path] | None = None

    def document(self, paper: dict[str, Any]) -> Path | None:
        named = paper.get("x-text-file") or paper.get("vorlage:file")
        if isinstance(named, str) and (self.root / named).is_file():
            return self.root / named
        main = paper.get("mainFile")
        if not isinstance(main, dict):
            return None
        names = [main.get("fileName")] + [
            main[address].rstrip("/").rsplit("/", 1)[-1]
            for address in ("downloadUrl", "accessUrl")
            if isinstance(main.get(address), str)
        ]
        for name in names:
            if isinstance(name, str) and name in self.by_name:
                return self.by_name[name]
        return None

    @property
    def by_name(self) -> dict[str, Path]:
        if self._by_name is None:
            self._by_name = {}
            for path in sorted(self.root.rglob("*")):
                if path.is_file():
                    self._by_name.setdefault(path.name, path)
        return self._by_name


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _body(name: object) -> str | None:
    if not isinstance(name, str) or not name.strip():
        return None
    return _MEETING_SUFFIX.sub("", name).strip() or None


def reference_key(text: str | None) -> str:
    """References compare without spacing and separators: "DS 12/2021 1. Ergänzung" and
    "DS12/2021 - 1.Ergänzung" are one."""
    return _SEPARATORS.sub("", text or "").casefold()


def subject_key(text: str | None) -> str:
    """Subjects compare without case, spacing, punctuation between words, the kind of quotation
    marks and dashes, and the spacing around dashes: a record retyped by a clerk differs in
    those ("Stadthalle Modernisierung, Vergabe von …" for the two printed lines "Stadthalle
    Modernisierung" / "Vergabe von …")."""
    text = _QUOTES.sub('"', _PUNCTUATION.sub(" ", (text or "").casefold()))
    return _DASHES.sub("-", " ".join(text.split())).strip()


def same_subject(published: str, printed: str | None) -> bool:
    """The printed subject agrees with the published name where both are the same, or where
    the name is the printed subject's first part and only a few words follow it (Karlsruhe
    publishes "Europahalle Karlsruhe, Sanierung" for the printed "… Sanierung Vergabe von
    Raumlufttechnischen Anlagen"); a subject that runs on into the text does not."""
    name, subject = subject_key(published), subject_key(printed)
    if not name or not subject:
        return False
    if name == subject:
        return True
    tail = subject[len(name) :]
    return (
        subject.startswith(name)
        and tail[:1] in (" ", "-")
        and len(tail.split()) <= MAX_SUBJECT_TAIL_WORDS
    )


def _same_body(published: str, printed: str) -> bool:
    a, b = " ".join(published.split()).casefold(), " ".join(printed.split()).casefold()
    if a == b or a in b or b in a:
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= BODY_SIMILARITY


def compare(record: Record, vorlage: Vorlage | None, lexicon: Lexicon) -> list[Check]:
    """One check per compared value: the reference, the subject, the kind, and per consultation
    its meeting date, and where that date is found its role (where published) and its body
    (where the meeting names one)."""
    name = str(record.document)
    checks: list[Check] = []
    if record.reference is not None:
        nummer = vorlage.nummer if vorlage else None
        fassung = vorlage.fassung if vorlage else None
        printed = " ".join(part for part in (nummer, fassung) if part) or None
        ok = reference_key(record.reference) in {
            reference_key(nummer),
            reference_key(printed),
        } and bool(nummer)
        checks.append(Check(name, "nummer", ok, record.reference, printed))
    if record.name is not None:
        betreff = vorlage.betreff if vorlage else None
        checks.append(
            Check(name, "betreff", same_subject(record.name, betreff), record.name, betreff)
        )
    if record.paper_type is not None:
        art = vorlage.art if vorlage else None
        checks.append(
            Check(
                name,
                "art",
                (art or "").casefold() == record.paper_type.casefold(),
                record.paper_type,
                art,
            )
        )
    rows = vorlage.beratungsfolge if vorlage else []
    for consultation in record.consultations:
        if consultation.date is None:
            continue
        matched = [row for row in rows if row.termin == consultation.date]
        shown = [row.termin.isoformat() for row in rows if row.termin]
        checks.append(
            Check(
                name, "beratungsfolge.termin", bool(matched), consultation.date.isoformat(), shown
            )
        )
        if not matched:
            continue
        role = lexicon.role(consultation.role) if consultation.role else None
        if role is not None:
            found = [row.rolle for row in matched]
            checks.append(
                Check(name, "beratungsfolge.rolle", role in found, consultation.role, found)
            )
        if consultation.body is not None:
            bodies = [row.gremium for row in matched]
            ok = any(_same_body(consultation.body, body) for body in bodies)
            checks.append(Check(name, "beratungsfolge.gremium", ok, consultation.body, bodies))
    return checks
