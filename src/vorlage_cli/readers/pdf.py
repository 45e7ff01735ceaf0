"""PDF: words with their boxes from PDFium, grouped into visual lines, columns and ruled tables.

PDFium (pypdfium2, the engine pdfplumber itself installs) is used directly rather than
pdfplumber's pdfminer-based layer: it is about ten times faster on real Vorlagen, it reads text
drawn twice for a bold effect once ("DS 49/2012", not "DDSS 4499//22001122"), and it reports the
state of form check boxes. Only what a Vorlage needs is rebuilt here: visual lines (table cells are
drawn cell by cell, so content order is not reading order), columns split at wide gaps, and
tables from ruling lines, where a wrapped committee name and its vertically centred date share a
cell row.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import itertools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from vorlage_cli.layout import Block, Cell, LayoutDocument, Line, Location, Page, ReaderNote, Table
from vorlage_cli.limits import DEFAULT_LIMITS, Limits, lines_truncated, pages_truncated
from vorlage_cli.readers.errors import ReadError
from vorlage_cli.readers.furniture import separate_furniture

EDGE_MAX_THICKNESS = 2.5
"""Points: a path thinner than this is a ruling line."""
SNAP = 2.0
"""Points within which ruling lines count as the same line or as touching."""
COLUMN_GAP = 1.6
"""A horizontal gap wider than this many line heights separates two columns."""
PARAGRAPH_GAP = 0.6
"""A vertical gap larger than this many line heights starts a paragraph."""
PARAGRAPH_PITCH = 1.5
"""A line further below the previous one than this many usual line pitches starts a paragraph."""
FORCED_BREAK_CHARS = 1.2
"""A cell line ending closer than this many characters to the cell's edge filled the cell."""
MARGIN = 0.09
"""Top and bottom share of the page where running headers and footers live."""
MAX_FORM_DEPTH = 32
"""Form objects nested deeper than this are not searched for ruling lines: real tables sit one
or two levels deep, and a hostile file must not drive the recursion."""


@dataclass(slots=True)
class _Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(slots=True)
class _Edge:
    horizontal: bool
    at: float
    start: float
    end: float


def read_pdf(
    data: bytes, limits: Limits = DEFAULT_LIMITS, password: str | None = None
) -> LayoutDocument:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as error:
        raise _open_error(str(error), password) from error
    notes: list[ReaderNote] = []
    try:
        with contextlib.suppress(pdfium.PdfiumError):
            pdf.init_forms()
        total = len(pdf)
        pages: list[Page] = []
        margins: set[int] = set()
        lines = 0
        for index in range(min(total, limits.max_pages)):
            try:
                page = pdf[index]
            except pdfium.PdfiumError:
                notes.append(ReaderNote("RD009", f"Seite {index + 1} ist beschädigt und fehlt"))
                continue
            try:
                pages.append(_read_page(page, index + 1, pdf, margins))
            except pdfium.PdfiumError:
                notes.append(ReaderNote("RD009", f"Seite {index + 1} ist beschädigt und fehlt"))
                continue
            finally:
                page.close()
            lines += sum(_size(block) for block in pages[-1].blocks)
            if lines > limits.max_lines and index + 1 < total:
                notes.append(ReaderNote("RD007", lines_truncated(limits.max_lines)))
                break
        else:
            if total > limits.max_pages:
                notes.append(ReaderNote("RD007", pages_truncated(limits.max_pages, total)))
    finally:
        pdf.close()
    if pages and not any(page.blocks for page in pages):
        raise ReadError(
            "die PDF-Datei enthält keinen Text (gescannt?); bitte zuerst eine Texterkennung (OCR) "
            "anwenden, z. B. mit ocrmypdf",
            code="RD004",
        )
    separate_furniture(pages, in_margin=lambda line: id(line) in margins)
    return LayoutDocument(format="pdf", pages=pages, page_count=total, notes=notes)


def _size(block: Block) -> int:
    return len(block.rows) if isinstance(block, Table) else 1


def _open_error(message: str, password: str | None) -> ReadError:
    lowered = message.lower()
    if "password" in lowered:
        if password is None:
            return ReadError(
                "die PDF-Datei ist verschlüsselt; das Passwort mit --password angeben", "RD005"
            )
        return ReadError("die PDF-Datei ist verschlüsselt und das Passwort passt nicht", "RD005")
    if "format" in lowered or "file" in lowered:
        return ReadError("keine gültige PDF-Datei (beschädigt oder unvollständig)")
    if "security" in lowered:
        return ReadError(
            "die PDF-Datei verwendet ein unbekanntes Verschlüsselungsverfahren", "RD005"
        )
    # PDFium names no reason for some, e.g. a PDF without pages ("PDFium: Success")
    return ReadError("die PDF-Datei lässt sich nicht öffnen (beschädigt oder ohne Seiten)")


def _read_page(page, number: int, pdf, margins: set[int]) -> Page:  # noqa: ANN001 - pypdfium2
    """One page's blocks; ``margins`` collects the lines that lie in its top or bottom margin."""
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        words = _words(textpage, height)
    finally:
        textpage.close()
    words.extend(_checkbox_words(page, pdf, height))
    edges = _edges(page, height)
    grids = _grids(edges) if edges else []
    blocks: list[tuple[float, Block]] = []
    for grid in grids:
        inside, outside = [], []
        for word in words:
            (inside if _in_box(word, grid.box) else outside).append(word)
        if not inside:
            continue
        table, loose = grid.table(inside, number)
        if table is not None:
            words = outside + loose
            blocks.append((grid.box[1], table))
    for line in _lines(words, number):
        blocks.append((line.top or 0.0, line))
    blocks.sort(key=lambda item: item[0])
    result = Page(number=number, blocks=[block for _, block in blocks])
    _margin_furniture(result, height, margins)
    return result


def _words(textpage, height: float) -> list[_Word]:  # noqa: ANN001
    """Words as PDFium segments the text, each with the box from its first to its last character.

    One box lookup per word end rather than per character keeps this close to the speed of
    PDFium's own text extraction.
    """
    import pypdfium2.raw as raw

    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    if count <= 0:
        return []
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    raw.FPDFText_GetText(handle, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: count * 2].decode("utf-16-le", errors="replace")
    rect = raw.FS_RECTF()
    box = ctypes.addressof(rect)
    loose_box = _loose_box_function()
    handle = ctypes.cast(handle, ctypes.c_void_p).value
    words: list[_Word] = []
    for match in _WORD.finditer(text, 0, count):
        start, after = match.span()
        if not loose_box(handle, start, box):
            continue
        x0, x1, top, bottom = rect.left, rect.right, height - rect.top, height - rect.bottom
        if after - 1 != start and loose_box(handle, after - 1, box):
            right, last_top, last_bottom = rect.right, height - rect.top, height - rect.bottom
            if right > x1:
                x1 = right
            if last_top < top:
                top = last_top
            if last_bottom > bottom:
                bottom = last_bottom
        word = match.group()
        if after < count and text[after] in _LINE_END_HYPHENS:
            word += "-"
        words.append(_Word(word, x0, top, x1, bottom))
    return words


@functools.cache
def _loose_box_function() -> Callable[[int | None, int, int], int]:
    """PDFium's FPDFText_GetLooseCharBox called with plain addresses: it runs twice per word,
    and without pypdfium2's argument conversion each call costs a third less."""
    import pypdfium2.raw as raw

    prototype = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)
    return prototype(ctypes.cast(raw.FPDFText_GetLooseCharBox, ctypes.c_void_p).value)


_LINE_END_HYPHENS = "\ufffe\x02"
"""PDFium's marks for a hyphen at a line end; a line break follows, so they also end the word."""
_WORD = re.compile("[^ \r\n\t\x00\xa0" + _LINE_END_HYPHENS + "]+")
"""A word: a run of characters between PDFium's spaces, line breaks and line-end hyphens."""


def _checkbox_words(page, pdf, height: float) -> list[_Word]:  # noqa: ANN001
    """Form check boxes as ☒/☐ glyphs at their place: ticked AcroForm boxes print nothing in the
    text layer, yet they are the answer ("Voraussetzungen liegen ☒ vor ☐ nicht vor")."""
    import pypdfium2.raw as raw

    formenv = getattr(pdf, "formenv", None)
    if formenv is None:
        return []
    words = []
    rect = raw.FS_RECTF()
    for index in range(raw.FPDFPage_GetAnnotCount(page.raw)):
        annot = raw.FPDFPage_GetAnnot(page.raw, index)
        if not annot:
            continue
        try:
            if raw.FPDFAnnot_GetSubtype(annot) != raw.FPDF_ANNOT_WIDGET:
                continue
            kind = raw.FPDFAnnot_GetFormFieldType(formenv.raw, annot)
            if kind not in (raw.FPDF_FORMFIELD_CHECKBOX, raw.FPDF_FORMFIELD_RADIOBUTTON):
                continue
            if not raw.FPDFAnnot_GetRect(annot, rect):
                continue
            glyph = "☒" if raw.FPDFAnnot_IsChecked(formenv.raw, annot) else "☐"
            words.append(
                _Word(glyph, rect.left, height - rect.top, rect.right, height - rect.bottom)
            )
        finally:
            raw.FPDFPage_CloseAnnot(annot)
    return words


def _edges(page, height: float) -> list[_Edge]:  # noqa: ANN001
    """Ruling lines: thin paths (Word draws borders as thin filled rectangles, LibreOffice as
    stroked lines) and the sides of stroked rectangles."""
    import pypdfium2.raw as raw

    edges: list[_Edge] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fill, stroke = ctypes.c_int(), ctypes.c_int()

    def visit(get_count, get_object, parent, depth: int = 0) -> None:  # noqa: ANN001
        for index in range(get_count(parent)):
            obj = get_object(parent, index)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_FORM:
                if depth < MAX_FORM_DEPTH:
                    visit(raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, obj, depth + 1)
                continue
            if kind != raw.FPDF_PAGEOBJ_PATH:
                continue
            if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                continue
            x0, x1 = left.value, right.value
            y0, y1 = height - top.value, height - bottom.value
            width, tall = x1 - x0, y1 - y0
            if tall <= EDGE_MAX_THICKNESS and width > 4:
                edges.append(_Edge(True, (y0 + y1) / 2, x0, x1))
            elif width <= EDGE_MAX_THICKNESS and tall > 4:
                edges.append(_Edge(False, (x0 + x1) / 2, y0, y1))
            elif width > 4 and tall > 4:
                raw.FPDFPath_GetDrawMode(obj, fill, stroke)
                if stroke.value and not fill.value:
                    edges.extend(
                        [
                            _Edge(True, y0, x0, x1),
                            _Edge(True, y1, x0, x1),
                            _Edge(False, x0, y0, y1),
                            _Edge(False, x1, y0, y1),
                        ]
                    )

    visit(raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, page.raw)
    merged = _merge_edges(edges)
    return merged + _open_sides(merged)


def _open_sides(edges: list[_Edge]) -> list[_Edge]:
    """Outer borders of tables drawn without them: many Word tables have only horizontal rules
    and inner column lines. Where two or more horizontal rules start and end at the same places
    and an inner vertical line crosses them, their common ends are taken as the table's sides."""
    groups: dict[tuple[int, int], list[_Edge]] = {}
    for edge in edges:
        if edge.horizontal:
            groups.setdefault((round(edge.start / SNAP), round(edge.end / SNAP)), []).append(edge)
    verticals = [edge for edge in edges if not edge.horizontal]
    sides = []
    for rules in groups.values():
        if len(rules) < 2:
            continue
        top, bottom = min(r.at for r in rules), max(r.at for r in rules)
        start, end = rules[0].start, rules[0].end
        crossed = any(
            start + SNAP < v.at < end - SNAP and v.start < bottom and v.end > top for v in verticals
        )
        if not crossed:
            continue
        for x in (start, end):
            if not any(
                abs(v.at - x) <= SNAP and v.start <= top + SNAP and v.end >= bottom - SNAP
                for v in verticals
            ):
                sides.append(_Edge(False, x, top, bottom))
    return sides


def _merge_edges(edges: list[_Edge]) -> list[_Edge]:
    """Join collinear pieces: Word draws one border as several touching rectangles."""
    merged: list[_Edge] = []
    for horizontal in (True, False):
        group = sorted(
            (e for e in edges if e.horizontal == horizontal), key=lambda e: (e.at, e.start)
        )
        lines: list[_Edge] = []
        for edge in group:
            for line in reversed(lines[-8:]):
                if abs(line.at - edge.at) <= SNAP and edge.start <= line.end + SNAP:
                    line.end = max(line.end, edge.end)
                    break
            else:
                lines.append(_Edge(horizontal, edge.at, edge.start, edge.end))
        merged.extend(lines)
    return merged


class _Grid:
    """Cells of one ruled table, found from where its ruling lines cross (as pdfplumber does)."""

    def __init__(self, cells: list[tuple[float, float, float, float]]) -> None:
        self.cells = cells
        self.box = (
            min(c[0] for c in cells),
            min(c[1] for c in cells),
            max(c[2] for c in cells),
            max(c[3] for c in cells),
        )

    def table(self, words: list[_Word], page: int) -> tuple[Table | None, list[_Word]]:
        """The table with the words placed in its cells, and the words that fall in no cell.

        Each word goes to the smallest cell that contains it: where a border is drawn only
        partly, or a check box is drawn as a little square, a corner closes both a larger cell
        and the cells inside it. The table is ``None`` for a mere frame or a one-column box,
        whose text reads better as ordinary lines.
        """
        placed: dict[int, list[_Word]] = {}
        loose: list[_Word] = []
        for word in words:
            cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
            containing = [
                i
                for i, (x0, y0, x1, y1) in enumerate(self.cells)
                if x0 <= cx <= x1 and y0 <= cy <= y1
            ]
            if not containing:
                loose.append(word)
                continue
            smallest = min(containing, key=lambda i: _area(self.cells[i]))
            placed.setdefault(smallest, []).append(word)
        tops = sorted({round(c[1], 1) for c in self.cells})
        rows: dict[float, list[int]] = {t: [] for t in tops}
        for index, cell in enumerate(self.cells):
            rows[round(cell[1], 1)].append(index)
        if max(len(r) for r in rows.values()) < 2:
            return None, words
        table = Table(rows=[], locations=[])
        for top in tops:
            row_cells = []
            for index in sorted(rows[top], key=lambda i: self.cells[i][0]):
                x0, _, x1, _ = self.cells[index]
                lines = _lines(placed.get(index, []), page)
                row_cells.append(Cell(_cell_text(lines, x0, x1), x0, x1))
            if any(cell.text for cell in row_cells):
                table.rows.append(row_cells)
                table.locations.append(Location(page=page))
        return (table if table.rows else None), loose


def _cell_text(lines: list[Line], x0: float, x1: float) -> str:
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
            inner_right - right < FORCED_BREAK_CHARS * char
            and line.text[:1].islower()
            and not previous.text.endswith("-")  # a hyphenated break is joined later
        )
        text += ("" if broken else "\n") + line.text
    return text


def _area(box: tuple[float, float, float, float]) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def _grids(edges: list[_Edge]) -> list[_Grid]:
    horizontal = [e for e in edges if e.horizontal]
    vertical = [e for e in edges if not e.horizontal]
    points: dict[tuple[float, float], tuple[int, int]] = {}
    for hi, h in enumerate(horizontal):
        for vi, v in enumerate(vertical):
            if h.start - SNAP <= v.at <= h.end + SNAP and v.start - SNAP <= h.at <= v.end + SNAP:
                points[(round(v.at, 1), round(h.at, 1))] = (hi, vi)
    if len(points) < 4:
        return []

    def joined_h(a: tuple[float, float], b: tuple[float, float]) -> bool:
        edge = horizontal[points[a][0]]
        return edge.start - SNAP <= min(a[0], b[0]) and max(a[0], b[0]) <= edge.end + SNAP

    def joined_v(a: tuple[float, float], b: tuple[float, float]) -> bool:
        edge = vertical[points[a][1]]
        return edge.start - SNAP <= min(a[1], b[1]) and max(a[1], b[1]) <= edge.end + SNAP

    by_x: dict[float, list[float]] = {}
    by_y: dict[float, list[float]] = {}
    for x, y in points:
        by_x.setdefault(x, []).append(y)
        by_y.setdefault(y, []).append(x)
    for values in (*by_x.values(), *by_y.values()):
        values.sort()
    cells = []
    for x, y in sorted(points, key=lambda p: (p[1], p[0])):
        below = [yy for yy in by_x[x] if yy > y + SNAP]
        right = [xx for xx in by_y[y] if xx > x + SNAP]
        found = False
        for yy in below:
            if not joined_v((x, y), (x, yy)):
                break
            for xx in right:
                if not joined_h((x, y), (xx, y)):
                    break
                if (
                    (xx, yy) in points
                    and joined_v((xx, y), (xx, yy))
                    and joined_h((x, yy), (xx, yy))
                ):
                    cells.append((x, y, xx, yy))
                    found = True
                    break
            if found:
                break
    return [_Grid(group) for group in _connected(cells)]


def _connected(
    cells: list[tuple[float, float, float, float]],
) -> list[list[tuple[float, float, float, float]]]:
    """Group cells that share a corner into tables."""
    groups: list[list[tuple[float, float, float, float]]] = []
    corners: list[set[tuple[float, float]]] = []
    for cell in cells:
        own = {(cell[0], cell[1]), (cell[2], cell[1]), (cell[0], cell[3]), (cell[2], cell[3])}
        touching = [i for i, c in enumerate(corners) if c & own]
        if not touching:
            groups.append([cell])
            corners.append(own)
            continue
        first = touching[0]
        groups[first].append(cell)
        corners[first] |= own
        for i in reversed(touching[1:]):
            groups[first].extend(groups.pop(i))
            corners[first] |= corners.pop(i)
    return groups


def _in_box(word: _Word, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _lines(words: list[_Word], page: int) -> list[Line]:
    """Cluster words into visual lines and split each line into columns at wide gaps."""
    if not words:
        return []
    words = sorted(words, key=operator.attrgetter("top", "x0"))
    # Words come top first, so a line's first word has its top; its bottom is tracked.
    groups: list[list[_Word]] = []
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
        gap = COLUMN_GAP * size
        cells: list[Cell] = []
        current: list[_Word] = [group[0]]
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
            or top - previous_bottom > PARAGRAPH_GAP * size
            or top - previous_top > PARAGRAPH_PITCH * max(usual, size)
        )
        previous_top, previous_bottom = top, bottom
        lines.append(line)
    return lines


def _cell(words: list[_Word]) -> Cell:
    return Cell(" ".join([w.text for w in words]), words[0].x0, max([w.x1 for w in words]))


def _margin_furniture(page: Page, height: float, margins: set[int]) -> None:
    """Page numbers in the top and bottom margins go to the furniture; the other margin lines are
    remembered, since a running header is decided across pages."""
    from vorlage_cli.readers.furniture import is_page_marker

    kept: list[Block] = []
    for block in page.blocks:
        if isinstance(block, Line) and block.top is not None:
            in_margin = block.top < MARGIN * height or block.top > (1 - MARGIN) * height
            if in_margin and is_page_marker(block.text, at_edge=True):
                page.furniture.append(block)
                continue
            if in_margin:
                margins.add(id(block))
        kept.append(block)
    page.blocks = kept
