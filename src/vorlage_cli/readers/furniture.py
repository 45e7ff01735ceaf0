"""Page furniture: page numbers, running headers and footers.

They are format-neutral conventions (every reader meets "Seite 2 von 8", a repeated number in the
page header, "-- 1 of 7 --" from text extraction), so the rules live here once and each reader
applies them to its pages. Furniture leaves the text flow but stays on the page, because a header
may be the only place that prints the Vorlage's number.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from vorlage_cli.layout import Line, Page


@dataclass(frozen=True, slots=True)
class PageMarkers:
    """The lines that are page numbers, built from the lexicon's ``[furniture]`` words (each
    argument of :meth:`from_groups` one regular-expression group of them); the dashes, digits
    and the page separator of text extraction are the shape here."""

    anywhere: re.Pattern[str]
    """Markers that are page furniture wherever they stand on a line of their own: "Seite 2
    von 8", "Blatt 3 zur Drucksache …", "– 2 –", "-- 1 of 7 --"."""
    at_edge: re.Pattern[str]
    """Markers that are page numbers only at a page's top or bottom ("2", "2/8", "2 von 8"):
    elsewhere such a line is a table value or the end of a wrapped "2025/2026"."""
    controls: re.Pattern[str]
    """The buttons of a web page whose text was copied, on a line of their own ("Reduzieren"
    under each panel of ALLRIS net 4): furniture, but no page ends there."""
    stamp: re.Pattern[str] = re.compile("(?!)")
    """A page's time stamp on a line of its own ("Datenstand vom 10.10.2024 10:58 Uhr" at the
    foot of a komuna page): when the page was made, not the Vorlage's date."""
    content_start: re.Pattern[str] = re.compile("(?!)")
    """The line of a portal's file page after which the file's own text begins ("Inhalt der
    Datei"): the portal's title and data above it (its "Datum", "Größe 149 kB") are not the
    Vorlage's."""

    @classmethod
    def from_groups(
        cls,
        page: str,
        of: str,
        belongs_to: str,
        controls: str = "(?!)",
        content_start: str = "(?!)",
        stamps: str = "(?!)",
    ) -> PageMarkers:
        anywhere = re.compile(
            rf"""^(?:
                --\s*\d+\s+of\s+\d+\s*--                   # text extraction's page separator
              | [-–—]\s*\d{{1,3}}\s*[-–—]                    # – 2 –
              | {page}\s*\d{{1,3}}(?:\s*(?:{of}|/)\s*\d{{1,3}})?(?:\s+{belongs_to}\b.*)?
            )$""",
            re.VERBOSE | re.IGNORECASE,
        )
        at_edge = re.compile(rf"^(?:\d{{1,3}}\s*(?:/|{of})\s*\d{{1,3}}|\d{{1,3}})$")
        return cls(
            anywhere,
            at_edge,
            re.compile(rf"^(?:{controls})$", re.IGNORECASE),
            re.compile(
                rf"^(?:{stamps}):?\s+\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}"
                rf"(?:,?\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*Uhr)?)?$",
                re.IGNORECASE,
            ),
            re.compile(rf"^(?:{content_start}):?$", re.IGNORECASE),
        )

    def is_marker(self, text: str, at_edge: bool = False) -> bool:
        text = text.strip()
        return bool(
            self.anywhere.match(text)
            or self.controls.match(text)
            or self.stamp.match(text)
            or (at_edge and self.at_edge.match(text))
        )


def shipped_markers() -> PageMarkers:
    """The page markers of the shipped lexicon, for a reader called without a configuration's."""
    from vorlage_cli.extract.lexicon import default_lexicon  # the lexicon builds on this module

    return default_lexicon().page_markers


TEXT_PAGE_BREAK = re.compile(r"^--\s*\d+\s+of\s+\d+\s*--$")
GLUED_PAGE_NUMBER = re.compile(r"(?<=\S)\s?[-–]\s\d{1,3}\s[-–]\s*$")
"""A page number glued to the end of a line by text extraction ("Ergebnis- 2 -")."""

_DIGITS = re.compile(r"\d+")
EDGE_LINES = 3
"""How many lines at the top and bottom of a page may be running header or footer."""


def _signature(line: Line) -> str:
    return _DIGITS.sub("#", " ".join(line.text.split())).lower()


def separate_furniture(
    pages: list[Page],
    markers: PageMarkers,
    edge_lines: int = EDGE_LINES,
    in_margin: Callable[[Line], bool] | None = None,
) -> None:
    """Move page markers and running headers/footers of each page into ``page.furniture``.

    A line counts as running header or footer when the same text (digits ignored) sits among the
    first or last ``edge_lines`` lines of at least half of the pages, and of at least two pages
    where ``in_margin`` can tell that it lies in the page margin (PDF), else of at least three:
    a table's header row repeated where the table continues is not a page header.
    Page markers ("Seite 2 von 8 …", "– 2 –") count as a whole line anywhere, since text
    extraction leaves footers in the middle of a list; bare numbers ("2", "2/8") only at a
    page's edges. Everything before a portal's "Inhalt der Datei" is the portal's.
    """
    _portal_before_content(pages, markers)
    counts: Counter[str] = Counter()
    for page in pages:
        lines = [block for block in page.blocks if isinstance(block, Line)]
        edges = {
            _signature(line)
            for line in lines[:edge_lines] + lines[-edge_lines:]
            if in_margin is None or in_margin(line)
        }
        counts.update(edges)
    threshold = max(2 if in_margin else 3, (len(pages) + 1) // 2)
    repeated = {sig for sig, n in counts.items() if n >= threshold and sig.strip("# ")}
    for page in pages:
        line_indexes = [i for i, block in enumerate(page.blocks) if isinstance(block, Line)]
        edge_indexes = set(line_indexes[:edge_lines] + line_indexes[-edge_lines:])
        kept = []
        for i, block in enumerate(page.blocks):
            if isinstance(block, Line):
                at_edge = i in edge_indexes
                running = at_edge and (in_margin is None or in_margin(block))
                if markers.is_marker(block.text, at_edge) or (
                    running and _signature(block) in repeated
                ):
                    page.furniture.append(block)
                    continue
            kept.append(block)
        page.blocks = kept


def _portal_before_content(pages: list[Page], markers: PageMarkers) -> None:
    """Move a portal's own lines, up to and with its content marker, into the furniture."""
    for page_index, page in enumerate(pages):
        for index, block in enumerate(page.blocks):
            if isinstance(block, Line) and markers.content_start.match(block.text.strip()):
                for earlier in pages[:page_index]:
                    earlier.furniture.extend(b for b in earlier.blocks if isinstance(b, Line))
                    earlier.blocks = []
                page.furniture.extend(b for b in page.blocks[: index + 1] if isinstance(b, Line))
                page.blocks = page.blocks[index + 1 :]
                return
