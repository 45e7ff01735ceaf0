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

from vorlage_cli.layout import Line, Page

PAGE_MARKER = re.compile(
    r"""^(?:
        --\s*\d+\s+of\s+\d+\s*--                   # text extraction's page separator
      | [-–—]\s*\d{1,3}\s*[-–—]                    # – 2 –
      | (?:Seite|Blatt)\s*\d{1,3}(?:\s*(?:von|/)\s*\d{1,3})?(?:\s+(?:aus|zu|der|zur)\b.*)?
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
"""Markers that are page furniture wherever they stand on a line of their own."""
EDGE_MARKER = re.compile(r"^(?:\d{1,3}\s*(?:/|von)\s*\d{1,3}|\d{1,3})$")
"""Markers that are page numbers only at a page's top or bottom ("2", "2/8"): elsewhere such a
line is a table value or the end of a wrapped "2025/2026"."""
TEXT_PAGE_BREAK = re.compile(r"^--\s*\d+\s+of\s+\d+\s*--$")
GLUED_PAGE_NUMBER = re.compile(r"(?<=\S)\s?[-–]\s\d{1,3}\s[-–]\s*$")
"""A page number glued to the end of a line by text extraction ("Ergebnis- 2 -")."""

_DIGITS = re.compile(r"\d+")
EDGE_LINES = 3
"""How many lines at the top and bottom of a page may be running header or footer."""


def is_page_marker(text: str, at_edge: bool = False) -> bool:
    text = text.strip()
    return bool(PAGE_MARKER.match(text) or (at_edge and EDGE_MARKER.match(text)))


def _signature(line: Line) -> str:
    return _DIGITS.sub("#", " ".join(line.text.split())).lower()


def separate_furniture(
    pages: list[Page],
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
    page's edges.
    """
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
                if is_page_marker(block.text, at_edge) or (
                    running and _signature(block) in repeated
                ):
                    page.furniture.append(block)
                    continue
            kept.append(block)
        page.blocks = kept
