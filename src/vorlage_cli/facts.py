"""The few facts of a document that are needed once many documents are looked at together: by
the checks across the documents of one run (``rules/folder.py``) and by the OParl export.

They are taken in the worker, where the extractor's evidence still is (where the number and each
station stand, how the number was printed), and travel back beside the result as
:class:`CheckedDocument`, which writes exactly what a :class:`DocumentResult` writes. The main
process keeps these facts, never whole documents, so that a run over thousands of files stays
small.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pydantic import Field, SkipValidation

from vorlage_cli.evidence import Evidence, Place
from vorlage_cli.model import DocumentResult, Location, Source, SourceFormat, Vorlage

SUBJECT_LENGTH = 200
"""Characters of the subject kept to tell two documents apart; more says nothing new."""
_REVISION_MARK = re.compile(r"[^\W\d_]+")
"""The letters of a revision suffix: "1N" → "N", "NF-01" → "NF", "1. Ergänzung" → "Ergänzung"."""


@dataclass(frozen=True, slots=True)
class Spot:
    """Where a value stands in its document, and the text there as printed."""

    location: Location
    excerpt: str | None = None


@dataclass(frozen=True, slots=True)
class Station:
    """One consultation, as the checks across documents compare it."""

    body: str
    date: dt.date | None
    invitation: str | None
    role: str | None
    spot: Spot


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    path: str
    format: SourceFormat | None
    sha256: str | None
    number: str | None
    revision: str | None
    reference: str | None
    """Number and revision as printed together ("2025/0653/1", "VL-40/2024 1N")."""
    replacing: bool
    """Whether the document is a Neufassung, which replaces its original (an Ergänzung adds to
    it): its revision suffix or its kind names one. False where neither tells ("/1")."""
    subject: str | None
    created: dt.date | None
    stations: tuple[Station, ...]
    number_spot: Spot

    @property
    def dates(self) -> frozenset[dt.date]:
        return frozenset(station.date for station in self.stations if station.date)


class CheckedDocument(DocumentResult):
    """A document's result with its facts. The facts are no part of the data contract: they are
    never written, and the schema is that of :class:`DocumentResult`."""

    facts: SkipValidation[DocumentFacts | None] = Field(default=None, exclude=True)


def facts_of(
    source: Source,
    vorlage: Vorlage,
    evidence: Evidence,
    replacing_marks: tuple[str, ...],
) -> DocumentFacts:
    """The facts of one extracted document. ``replacing_marks`` are the words and letters of a
    revision suffix that name a Neufassung ("Neufassung", "N", "NF")."""
    reference = printed_reference(vorlage, evidence)
    number_place = evidence.place("nummer", reference or vorlage.nummer)
    stations = []
    for index, entry in enumerate(vorlage.beratungsfolge):
        place = evidence.place(f"beratungsfolge[{index}]", entry.gremium)
        stations.append(
            Station(
                body=entry.gremium,
                date=entry.termin,
                invitation=entry.einladung,
                role=entry.rolle,
                spot=_spot(place),
            )
        )
    return DocumentFacts(
        path=source.path,
        format=source.format,
        sha256=source.sha256,
        number=vorlage.nummer,
        revision=vorlage.fassung,
        reference=reference,
        replacing=_replacing(vorlage, replacing_marks),
        subject=" ".join(vorlage.betreff.split())[:SUBJECT_LENGTH] if vorlage.betreff else None,
        created=vorlage.erstellt_am,
        stations=tuple(stations),
        number_spot=_spot(number_place),
    )


def printed_reference(vorlage: Vorlage, evidence: Evidence) -> str | None:
    """Number and revision as the document prints them together: the data contract keeps the
    revision without the mark that joins it ("2025/0653" and "1"), OParl's ``reference`` keeps
    it ("2025/0653/1"). Where the two are not found side by side, they are joined by a space."""
    if not vorlage.nummer:
        return None
    if not vorlage.fassung:
        return vorlage.nummer
    pattern = re.compile(
        r"\s+".join(map(re.escape, vorlage.nummer.split()))
        + r"(?P<joint>\s*[-–/.]?\s*)"
        + r"\s+".join(map(re.escape, vorlage.fassung.split())),
        re.IGNORECASE,
    )
    for row in evidence.rows:
        found = pattern.search(row.text)
        if found:
            joint = re.sub(r"\s+", " ", found.group("joint"))
            return vorlage.nummer + joint + vorlage.fassung
    return f"{vorlage.nummer} {vorlage.fassung}"


def _replacing(vorlage: Vorlage, marks: tuple[str, ...]) -> bool:
    if vorlage.fassung is None:
        return False
    words = [*_REVISION_MARK.findall(vorlage.fassung), vorlage.art or ""]
    wanted = {mark.casefold() for mark in marks}
    return any(word.casefold() in wanted for word in words)


def _spot(place: Place) -> Spot:
    location = place.location
    return Spot(
        Location(
            page=location.page if location else None,
            line=location.line if location else None,
            heading=place.heading,
            paragraph=place.paragraph,
        ),
        place.excerpt,
    )
