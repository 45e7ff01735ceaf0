"""The data contract: what ``vorlage export`` writes and ``vorlage schema`` describes.

The models type and normalise values (ISO dates, OParl role nouns) but never judge them; judging
is the rules' job. Keys may be added in later versions but are never renamed
(see docs/data-contract.md).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

Rolle = Literal["Vorberatung", "Entscheidung", "Kenntnisnahme", "Anhörung", "Beratung"]
RollenQuelle = Literal["gedruckt", "abgeleitet"]
Severity = Literal["error", "warning", "info"]
SourceFormat = Literal["txt", "pdf", "docx", "odt", "html"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Location(_Model):
    """Where in the source file: page (PDF) and line (text line, line on a PDF page, DOCX
    paragraph, HTML source line); for a person who has the document open in Word or a
    viewer, the heading of the section and the first words of the paragraph."""

    page: int | None = None
    line: int | None = None
    heading: str | None = None
    """The printed heading of the section the text stands in ("Begründung:")."""
    paragraph: str | None = None
    """The first words of the paragraph or table row the text stands in."""


class Source(_Model):
    path: str
    format: SourceFormat | None = Field(
        description="Format decided from the file's content; null when it could not be read."
    )
    sha256: str | None = Field(description="Of the file's bytes; null when it could not be read.")
    pages: int | None = None


class Beratung(_Model):
    """One station of the Beratungsfolge."""

    gremium: str
    rolle: Rolle | None = None
    rolle_text: str | None = None
    rolle_quelle: RollenQuelle | None = None
    """Where ``rolle`` comes from: "gedruckt" where the document prints it, "abgeleitet" where
    the extractor derived it from the kind and the order of the sessions; None without a role."""
    termin: dt.date | None = None
    einladung: str | None = None
    top: str | None = None
    oeffentlich: bool | None = None


class Unterzeichnung(_Model):
    name: str | None = None
    funktion: str | None = None
    vertretung: str | None = None


class Anlage(_Model):
    nummer: str | None = None
    titel: str


class Vorlage(_Model):
    nummer: str | None = None
    fassung: str | None = None
    art: str | None = None
    betreff: str | None = None
    ersteller: str | None = None
    erstellt_am: dt.date | None = None
    sitzungsteil: Literal["öffentlich", "nichtöffentlich"] | None = None
    beratungsfolge: list[Beratung] = Field(default_factory=list)
    finanzielle_auswirkungen: str | None = None
    beschlussvorschlag: list[str] = Field(default_factory=list)
    sachdarstellung: str | None = None
    unterzeichnung: Unterzeichnung | None = None
    anlagen: list[Anlage] = Field(default_factory=list)
    weitere_abschnitte: dict[str, str] = Field(default_factory=dict)


class Finding(_Model):
    code: str
    severity: Severity
    message: str
    field: str | None = None
    location: Location = Field(default_factory=Location)
    excerpt: str | None = None
    """A short quote of the document text the finding is about, as printed (shortened with
    "…"); null where the finding is about something the document lacks."""


class DocumentResult(_Model):
    """One line of ``vorlage export``."""

    schema_version: Literal[1] = SCHEMA_VERSION
    source: Source
    vorlage: Vorlage | None
    findings: list[Finding] = Field(default_factory=list)
    valid: bool

    def to_json(self) -> str:
        return self.model_dump_json()
