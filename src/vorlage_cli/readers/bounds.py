"""Bounds on the shape of what a reader builds, whatever the input.

The extractor looks at every line and cell several times; the cost of a document is its lines
times their length. Real Vorlagen have lines of at most a few thousand characters and tables of
a dozen columns, so these bounds change nothing for them and keep a hostile file (one 8 MB line,
a line of a million tabs) to seconds.
"""

from __future__ import annotations

MAX_LINE_LENGTH = 10_000
"""Characters per line at most; longer lines are broken at spaces (see ``split_long_line``)."""
MAX_CELLS = 64
"""Columns per line at most; the rest of a longer line stays in its last cell."""


def split_long_line(line: str, length: int = MAX_LINE_LENGTH) -> list[str]:
    """A line longer than ``length`` as several lines of one paragraph, broken at spaces: the
    extractor joins a paragraph's lines with single spaces, so the text it reads is the same."""
    pieces = []
    while len(line) > length:
        cut = line.rfind(" ", length // 2, length)
        if cut <= 0:
            cut = length
        pieces.append(line[:cut])
        line = line[cut:].lstrip(" ")
    pieces.append(line)
    return pieces
