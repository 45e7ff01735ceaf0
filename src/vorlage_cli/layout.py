"""The format-neutral layout document that every reader produces and the extractor consumes.

Readers know file formats and nothing about Vorlagen; the extractor knows Vorlagen and nothing
about formats. This module is the seam between them: pages of text lines and tables, each piece
carrying where it came from so that findings can point back into the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Format = Literal["txt", "pdf", "docx", "odt", "html"]


@dataclass(frozen=True, slots=True)
class Location:
    """Where a piece of text sits in its file: PDF page and line on the page, text file line,
    DOCX or ODT paragraph number, HTML source line. Either part may be unknown."""

    page: int | None = None
    line: int | None = None


@dataclass(slots=True)
class Cell:
    """One column of a line or one table cell.

    Lines are split into cells where the source separates columns (a tab, a wide gap between
    words, a table cell), because header-over-value layouts are only readable by position.
    ``x0``/``x1`` are horizontal extents in the reader's unit (PDF points, text columns), or
    ``None`` where the format has no geometry (DOCX tabs, HTML).
    """

    text: str
    x0: float | None = None
    x1: float | None = None


@dataclass(slots=True)
class Line:
    """A line of text, possibly in several columns."""

    cells: list[Cell]
    location: Location
    paragraph_start: bool = False
    """True where the source starts a new paragraph here (blank line, DOCX paragraph, a vertical
    gap in a PDF); the extractor joins the lines of one paragraph with spaces."""
    top: float | None = None
    bottom: float | None = None
    raw: str | None = None
    """The line exactly as printed, where its spacing carries meaning: in text extracted from a
    table with single spaces between columns, an empty column shows only as an extra space."""
    bold: bool = False
    """Every word printed bold: in many templates the only mark of a heading."""

    @property
    def text(self) -> str:
        return " ".join(cell.text for cell in self.cells if cell.text)


@dataclass(slots=True)
class Table:
    """A table with explicit cells (DOCX, HTML, a ruled PDF table). A cell's wrapped lines are
    joined with newlines in its text."""

    rows: list[list[Cell]]
    locations: list[Location]
    """One per row."""


Block = Line | Table


@dataclass(slots=True)
class Page:
    """One page (text and DOCX without real pages: the whole document is one page).

    ``furniture`` holds what the reader recognised as page header, footer or page number: removed
    from the flow so that it cannot land inside a section, but kept because a page header may be
    the only place that prints the Vorlage's number."""

    number: int | None
    blocks: list[Block] = field(default_factory=list)
    furniture: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class ReaderNote:
    """Something the reader noticed that a user should hear about although reading succeeded,
    such as a file whose content does not match its extension."""

    code: str
    message: str


@dataclass(slots=True)
class LayoutDocument:
    format: Format
    pages: list[Page]
    page_count: int | None = None
    notes: list[ReaderNote] = field(default_factory=list)

    def blocks(self) -> list[Block]:
        """All blocks of all pages in reading order, furniture excluded."""
        return [block for page in self.pages for block in page.blocks]

    def furniture(self) -> list[Line]:
        return [line for page in self.pages for line in page.furniture]
