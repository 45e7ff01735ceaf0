"""Page furniture: page numbers, running headers and footers.

They are format-neutral conventions (every reader meets "Seite 2 von 8", a repeated number in the
page header, "-- 1 of 7 --" from text extraction), so the rules live here once and each reader
applies them to its pages. Furniture leaves the text flow but stays on the page, because a header
may be the only place that prints the Vorlage's number.
"""

from __future__ import annotations

import re
from collections import Counter

from vorlage_cli.layout import Line, Page

PAGE_MARKER = re.compile(
    r"""^(?:
        --\s*\d+\s+of\s+\d+\s*--                   # text extraction's page separator
      | [-–—]\s*\d{1,4}\s*[-–—]                    # – 2 –
      | (?:Seite|Blatt)\s*\d{1,4}(?:\s*(?:von|/)\s*\d{1,4})?(?:\s+(?:aus|zu|der|zur)\b.*)?
      | \d{1,4}\s*(?:/|von)\s*\d{1,4}              # 2/8
      | \d{1,4}                                    # a bare page number
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
TEXT_PAGE_BREAK = re.compile(r"^--\s*\d+\s+of\s+\d+\s*--$")
GLUED_PAGE_NUMBER = re.compile(r"(?<=\S)\s?[-–]\s\d{1,3}\s[-–]\s*$")
"""A page number glued to the end of a line by text extraction ("Ergebnis- 2 -")."""

_DIGITS = re.compile(r"\d+")
EDGE_LINES = 3
"""How many lines at the top and bottom of a page may be running header or footer."""


def is_page_marker(text: str) -> bool:
    return bool(PAGE_MARKER.match(text.strip()))


def _signature(line: Line) -> str:
    return _DIGITS.sub("#", " ".join(line.text.split())).lower()


def separate_furniture(pages: list[Page], edge_lines: int = EDGE_LINES) -> None:
    """Move page markers and running headers/footers of each page into ``page.furniture``.

    A line counts as running header or footer when the same text (digits ignored) sits among the
    first or last ``edge_lines`` lines of at least half of the pages, and of at least two.
    Page markers ("Seite 2 von 8 …", "– 2 –") count anywhere at a page's edges, and as a whole line
    anywhere on multi-page documents, since text extraction drops footers mid-list.
    """
    counts: Counter[str] = Counter()
    for page in pages:
        lines = [block for block in page.blocks if isinstance(block, Line)]
        edges = {_signature(line) for line in lines[:edge_lines] + lines[-edge_lines:]}
        counts.update(edges)
    threshold = max(2, (len(pages) + 1) // 2)
    repeated = {sig for sig, n in counts.items() if n >= threshold and sig.strip("# ")}
    for page in pages:
        line_indexes = [i for i, block in enumerate(page.blocks) if isinstance(block, Line)]
        edge_indexes = set(line_indexes[:edge_lines] + line_indexes[-edge_lines:])
        kept = []
        for i, block in enumerate(page.blocks):
            if isinstance(block, Line):
                text = block.text.strip()
                marker = bool(PAGE_MARKER.match(text)) and (i in edge_indexes or not text.isdigit())
                if marker or (i in edge_indexes and _signature(block) in repeated):
                    page.furniture.append(block)
                    continue
            kept.append(block)
        page.blocks = kept
