"""The third layer: words clustered into visual lines, lines split into columns at wide gaps,
and a table cell's lines joined into its text.

Table cells are drawn cell by cell, so content order is not reading order: lines come from the
words' positions, top to bottom and left to right.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable
from typing import NamedTuple

from vorlage_cli.layout import Cell, Line, Location
from vorlage_cli.readers.pdf.settings import PdfSettings
from vorlage_cli.readers.pdf.words import Word


def page_lines(
    words: list[Word],
    page: int,
    settings: PdfSettings,
    bold: Callable[[Word], bool] | None = None,
) -> list[Line]:
    """The page's lines in reading order: a page set in two columns of prose is read column by
    column (a line across both, such as a heading, separates the parts), any other page line by
    line, each line split into columns at wide gaps."""
    if not words:
        return []
    bands = _band(words)
    order = _two_columns(bands, settings)
    if order is None:
        return _lines(bands, page, settings, 1, bold)
    lines: list[Line] = []
    for part in order:
        lines.extend(
            _lines(
                _band([w for group in part for w in group]), page, settings, len(lines) + 1, bold
            )
        )
    return lines


class _Bands(NamedTuple):
    """Words clustered into visual lines, with each line's top (its highest word's) and bottom
    (its lowest word's), which the clustering learns anyway and the later steps need."""

    groups: list[list[Word]]
    tops: list[float]
    bottoms: list[float]


def _band(words: list[Word]) -> _Bands:
    """Words clustered into visual lines, top to bottom, each line left to right."""
    # by top, then x0: two stable sorts on plain float keys are faster than one on pairs
    words = sorted(words, key=_X0)
    words.sort(key=_TOP)
    # Words come top first, so a line's first word has its top; its bottom is tracked.
    groups: list[list[Word]] = []
    tops: list[float] = []
    bottoms: list[float] = []
    group: list[Word] = []
    band_top = band_bottom = line_bottom = 0.0
    for word in words:
        bottom = word.bottom
        middle = (word.top + bottom) / 2
        if group and band_top <= middle <= band_bottom:
            group.append(word)
            if bottom > line_bottom:
                line_bottom = bottom
            if bottom > band_bottom and bottom - band_top < 2 * (band_bottom - band_top):
                band_bottom = bottom
        else:
            if group:
                bottoms.append(line_bottom)
            group = [word]
            groups.append(group)
            tops.append(word.top)
            band_top, band_bottom, line_bottom = word.top, bottom, bottom
    if group:
        bottoms.append(line_bottom)
    for group in groups:
        group.sort(key=_X0)
    return _Bands(groups, tops, bottoms)


def _lines(
    bands: _Bands,
    page: int,
    settings: PdfSettings,
    first: int,
    bold: Callable[[Word], bool] | None,
) -> list[Line]:
    """Lines from the clustered words, split into columns at wide gaps, numbered from
    ``first``; a clear vertical gap starts a paragraph. A short line is marked bold where all
    its words are (``bold`` tells; table cells are not asked)."""
    lines = []
    groups, tops, bottoms = bands
    pitches = sorted(b - a for a, b in itertools.pairwise(tops) if b > a)
    usual = pitches[len(pitches) // 2] if pitches else 0.0
    previous_top = previous_bottom = None
    for index, group in enumerate(groups):
        number = first + index
        top, bottom = tops[index], bottoms[index]
        size = max(bottom - top, 1.0)
        gap = settings.column_gap * size
        line = Line(
            _cells(group, gap),
            Location(page=page, line=number),
            top=top,
            bottom=bottom,
            bold=bold is not None and len(group) <= MAX_HEADING_WORDS and all(map(bold, group)),
        )
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


MAX_HEADING_WORDS = 16
"""Words a heading has at most: longer lines are never asked whether they are bold."""
MIN_COLUMN_LINES = 8
"""Lines each column of a two-column page needs, so that a short label/value block is none."""
MIN_COLUMN_WORDS = 4.0
"""Words per line a column of prose averages; a table's columns hold fewer."""
MIN_COLUMN_SHARE = 0.3
"""Share of the text's width a prose column's lines typically fill."""


def _two_columns(bands: _Bands, settings: PdfSettings) -> list[list[list[Word]]] | None:
    """The page's lines in reading order where it is set in two columns of prose: the parts
    of lines left of a gutter, then those right of it, part by part between lines that cross
    the gutter. None for a page of one column, or of a table without rulings (its columns
    are short)."""
    groups = bands.groups
    if sum(map(len, groups)) < MIN_COLUMN_LINES * MIN_COLUMN_WORDS * 2:
        return None
    left_edge = min(group[0].x0 for group in groups)  # each line is sorted by x0
    right_edge = max(map(_X1, itertools.chain.from_iterable(groups)))
    width = right_edge - left_edge
    gutter = _gutter(bands, left_edge + 0.3 * width, left_edge + 0.7 * width, settings)
    if gutter is None:
        return None
    lefts = [[w for w in g if w.x1 <= gutter] for g in groups]
    rights = [[w for w in g if w.x0 >= gutter] for g in groups]
    crossing = [any(w.x0 < gutter < w.x1 for w in g) for g in groups]
    sides = (
        [part for part, cross in zip(lefts, crossing, strict=True) if part and not cross],
        [part for part, cross in zip(rights, crossing, strict=True) if part and not cross],
    )
    for side in sides:
        if len(side) < MIN_COLUMN_LINES or sum(map(len, side)) / len(side) < MIN_COLUMN_WORDS:
            return None
        spans = sorted(max(w.x1 for w in part) - min(w.x0 for w in part) for part in side)
        if spans[len(spans) // 2] < MIN_COLUMN_SHARE * width:
            return None
    order: list[list[list[Word]]] = []
    left_part: list[list[Word]] = []
    right_part: list[list[Word]] = []
    for group, left, right, cross in zip(groups, lefts, rights, crossing, strict=True):
        if cross:
            order += [part for part in (left_part, right_part) if part] + [[group]]
            left_part, right_part = [], []
            continue
        if left:
            left_part.append(left)
        if right:
            right_part.append(right)
    order += [part for part in (left_part, right_part) if part]
    return order


def _gutter(bands: _Bands, low: float, high: float, settings: PdfSettings) -> float | None:
    """The middle of the stretch in [low, high] that the most lines leave free with a gap wider
    than a column gap; None where fewer than two thirds of the lines leave one free there."""
    gaps: list[tuple[float, float]] = []
    needed = 2 * len(bands.groups) / 3
    without = 0
    for group, top, bottom in zip(*bands, strict=True):
        # a gap no wider than the smallest threshold cannot count: most lines have none wider
        threshold = settings.column_gap * max(bottom - top, 1.0)
        found = [
            (before.x1, after.x0)
            for before, after in itertools.pairwise(group)
            if after.x0 - before.x1 > settings.column_gap
            and after.x0 >= low
            and before.x1 <= high
            and after.x0 - before.x1 > threshold
        ]
        if found:
            gaps += found
        else:
            without += 1
            if len(bands.groups) - without < needed:
                return None  # most pages: two thirds of the lines can no longer be reached
    candidates: dict[int, int] = {}
    for left, right in gaps:
        for x in range(int(max(left, low)), int(min(right, high)) + 1):
            candidates[x] = candidates.get(x, 0) + 1
    if not candidates:
        return None
    best = max(candidates.values())
    if best < needed:
        return None
    start = min(x for x, count in candidates.items() if count == best)
    end = start
    while candidates.get(end + 1) == best:
        end += 1
    return (start + end) / 2


def _cells(words: list[Word], gap: float) -> list[Cell]:
    """A line's words as cells, a new cell after a horizontal gap wider than ``gap``; each
    cell spans from its first word's left edge to the rightmost right edge of its words. One
    plain pass: it runs for every line of every page, and attribute getters with ``map`` took
    twice as long."""
    cells = []
    first = words[0]
    texts = [first.text]
    left = first.x0
    right = previous_right = first.x1
    for word in words[1:]:
        if word.x0 - previous_right > gap:
            cells.append(Cell(" ".join(texts), left, right))
            texts = [word.text]
            left, right = word.x0, word.x1
        else:
            texts.append(word.text)
            if word.x1 > right:
                right = word.x1
        previous_right = word.x1
    cells.append(Cell(" ".join(texts), left, right))
    return cells


_X0 = operator.attrgetter("x0")
_X1 = operator.attrgetter("x1")
_TOP = operator.attrgetter("top")


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
