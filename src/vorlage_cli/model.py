"""The data contract: what ``vorlage export`` writes and ``vorlage schema`` describes.

The models type and normalise values (ISO dates, OParl role nouns) but never judge them; judging
is the rules' job. Keys may be added in later versions but are never renamed
(see docs/data-contract.md).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from vorlage_cli import layout

SCHEMA_VERSION = 1

Rolle = Literal["Vorberatung", "Entscheidung", "Kenntnisnahme", "Anhörung", "Beratung"]
Severity = Literal["error", "warning", "info"]
SourceFormat = Literal["txt", "pdf", "docx", "html"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Location(_Model):
    """Where in the source file: page (PDF) and line (text line, line on a PDF page, DOCX
    paragraph, HTML source line)."""

    page: int | None = None
    line: int | None = None


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

    _locations: dict[str, layout.Location] = PrivateAttr(default_factory=dict)
    """Source locations of extracted values by field path ("beratungsfolge[1].termin"); not part
    of the export, but rules use them to point findings into the file."""

    _printed: dict[str, str] = PrivateAttr(default_factory=dict)
    _sections: set[str] = PrivateAttr(default_factory=set)
    _proposal_numbers: list[str] = PrivateAttr(default_factory=list)
    _role_column: bool | None = PrivateAttr(default=None)
    _signature_block: bool | None = PrivateAttr(default=None)

    @property
    def printed(self) -> dict[str, str]:
        """Values as printed by field path ("erstellt_am": "31.02.2025"), for messages about
        values that could not be normalised."""
        return self._printed

    @property
    def recognised_sections(self) -> set[str]:
        """Kinds of section the extractor found headings for, even where they were empty."""
        return self._sections

    @recognised_sections.setter
    def recognised_sections(self, kinds: set[str]) -> None:
        self._sections = set(kinds)

    @property
    def proposal_numbers(self) -> list[str]:
        """The numbers printed before the Beschlussvorschlag points ("1", "2", "2", "4"), which
        ``beschlussvorschlag`` strips; empty when the points are unnumbered or the numbers were
        not recorded. The rules check them for gaps and repeats."""
        return self._proposal_numbers

    @proposal_numbers.setter
    def proposal_numbers(self, numbers: list[str]) -> None:
        self._proposal_numbers = list(numbers)

    @property
    def role_column(self) -> bool | None:
        """Whether the template prints a role column in its Beratungsfolge (STATUS,
        Zuständigkeit, Rolle); None when the extractor did not say. A result column
        (Ergebnis, Abstimmung) is not a role column."""
        return self._role_column

    @role_column.setter
    def role_column(self, printed: bool | None) -> None:
        self._role_column = printed

    @property
    def signature_block(self) -> bool | None:
        """Whether the template has a place for a signature (a signature line, "gez.", a
        function line under an empty name); None when the extractor did not say."""
        return self._signature_block

    @signature_block.setter
    def signature_block(self, printed: bool | None) -> None:
        self._signature_block = printed

    def locate(self, path: str, location: layout.Location | None) -> None:
        if location is not None:
            self._locations[path] = location

    def location_of(self, path: str) -> layout.Location | None:
        """The location of a field, falling back to its parent ("beratungsfolge[1].termin" →
        "beratungsfolge[1]" → "beratungsfolge")."""
        while path:
            if path in self._locations:
                return self._locations[path]
            cut = max(path.rfind("."), path.rfind("["))
            if cut <= 0:
                break
            path = path[:cut]
        return self._locations.get(path)


class Finding(_Model):
    code: str
    severity: Severity
    message: str
    field: str | None = None
    location: Location = Field(default_factory=Location)


class DocumentResult(_Model):
    """One line of ``vorlage export``."""

    schema_version: Literal[1] = SCHEMA_VERSION
    source: Source
    vorlage: Vorlage | None
    findings: list[Finding] = Field(default_factory=list)
    valid: bool

    def to_json(self) -> str:
        return self.model_dump_json()
