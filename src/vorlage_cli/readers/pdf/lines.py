"""The third layer: words clustered into visual lines, lines split into columns at wide gaps,
and a table cell's lines joined into its text.

Table cells are drawn cell by cell, so content order is not reading order: lines come from the
words' positions, top to bottom and left to right.
"""

from __future__ import annotations

import itertools
import operator

from vorlage_cli.layout import Cell, Line, Location
from vorlage_cli.readers.pdf.settings import PdfSettings
from vorlage_cli.readers.pdf.words import Word


def page_lines(words: list[Word], page: int, settings: PdfSettings) -> list[Line]:
    """Cluster words into visual lines and split each line into columns at wide gaps."""
    if not words:
        return []
    words = sorted(words, key=operator.attrgetter("top", "x0"))
    # Words come top first, so a line's first word has its top; its bottom is tracked.
    groups: list[list[Word]] = []
    tops: list[float] = []
    bottoms: list[float] = []
    band_top = band_bottom = 0.0
    for word in words:
        middle = (word.top + word.bottom) / 2
        if groups and band_top <= middle <= band_bottom:
            groups[-1].append(word)
            if word.bottom > bottoms[-1]:
                bottoms[-1] = word.bottom
            if word.bottom > band_bottom and word.bottom - band_top < 2 * (band_bottom - band_top):
                band_bottom = word.bottom
        else:
            groups.append([word])
            tops.append(word.top)
            bottoms.append(word.bottom)
            band_top, band_bottom = word.top, word.bottom
    lines = []
    pitches = sorted(b - a for a, b in itertools.pairwise(tops) if b > a)
    usual = pitches[len(pitches) // 2] if pitches else 0.0
    previous_top = previous_bottom = None
    for number, group in enumerate(groups, start=1):
        group.sort(key=operator.attrgetter("x0"))
        top, bottom = tops[number - 1], bottoms[number - 1]
        size = max(bottom - top, 1.0)
        gap = settings.column_gap * size
        cells: list[Cell] = []
        current: list[Word] = [group[0]]
        for word in group[1:]:
            if word.x0 - current[-1].x1 > gap:
                cells.append(_cell(current))
                current = [word]
            else:
                current.append(word)
        cells.append(_cell(current))
        line = Line(cells, Location(page=page, line=number), top=top, bottom=bottom)
        # A paragraph starts after a clear vertical gap, or where the line sits clearly further
        # below the previous one than the page's usual line pitch.
        line.paragraph_start = (
            previous_top is None
            or previous_bottom is None
            or top - previous_bottom > settings.paragraph_gap * size
            or top - previous_top > settings.paragraph_pitch * max(usual, size)
        )
        previous_top, previous_bottom = top, bottom
        lines.append(line)
    return lines


def _cell(words: list[Word]) -> Cell:
    return Cell(" ".join([w.text for w in words]), words[0].x0, max([w.x1 for w in words]))


def cell_text(lines: list[Line], x0: float, x1: float, settings: PdfSettings) -> str:
    """A cell's lines, one per line of text; a word that the cell's width broke without a
    hyphen ("Finanzaussc" / "huss") is rejoined: its first part reaches the cell's right edge
    (less the padding the text keeps from the left edge) and the rest goes on in lower case."""
    if not lines:
        return ""
    padding = max(0.0, (lines[0].cells[0].x0 or x0) - x0)
    inner_right = x1 - padding
    text = lines[0].text
    for previous, line in itertools.pairwise(lines):
        right = max(cell.x1 or 0.0 for cell in previous.cells)
        width = right - (previous.cells[0].x0 or x0)
        char = width / max(len(previous.text), 1)
        broken = (
            inner_right - right < settings.forced_break_chars * char
            and line.text[:1].islower()
            and not previous.text.endswith("-")  # a hyphenated break is joined later
        )
        text += ("" if broken else "\n") + line.text
    return text
