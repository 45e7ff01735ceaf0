"""The second layer: ruling lines, where they cross, and the cells and tables they enclose.

As pdfplumber does it: thin paths and the sides of stroked rectangles are edges; collinear
pieces are merged; edges that cross give points; four points joined by edges give a cell; cells
that share corners form a table. Words are then placed in the smallest cell that holds them, so
that a wrapped committee name and its vertically centred date share one table row.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

from vorlage_cli.layout import Cell, Location, Table
from vorlage_cli.readers.pdf.lines import cell_text, page_lines
from vorlage_cli.readers.pdf.settings import PdfSettings
from vorlage_cli.readers.pdf.words import Word


@dataclass(slots=True)
class Edge:
    horizontal: bool
    at: float
    start: float
    end: float


def page_edges(page, height: float, settings: PdfSettings) -> list[Edge]:  # noqa: ANN001 - raw page
    """Ruling lines: thin paths (Word draws borders as thin filled rectangles, LibreOffice as
    stroked lines) and the sides of stroked rectangles."""
    import pypdfium2.raw as raw

    edges: list[Edge] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    # looked up once: a page has a text or path object for every run of text and every line
    type_of, bounds_of = raw.FPDFPageObj_GetType, raw.FPDFPageObj_GetBounds
    form, path = raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_PATH

    def visit(get_count, get_object, parent, depth: int = 0) -> None:  # noqa: ANN001
        for index in range(get_count(parent)):
            obj = get_object(parent, index)
            kind = type_of(obj)
            if kind == form:
                if depth < settings.max_form_depth:
                    visit(raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, obj, depth + 1)
                continue
            if kind != path:
                continue
            if not bounds_of(obj, left, bottom, right, top):
                continue
            x0, x1 = left.value, right.value
            y0, y1 = height - top.value, height - bottom.value
            width, tall = x1 - x0, y1 - y0
            if tall <= settings.edge_max_thickness and width > 4:
                edges.append(Edge(True, (y0 + y1) / 2, x0, x1))
            elif width <= settings.edge_max_thickness and tall > 4:
                edges.append(Edge(False, (x0 + x1) / 2, y0, y1))
            elif width > 4 and tall > 4:
                raw.FPDFPath_GetDrawMode(obj, fill, stroke)
                if stroke.value and not fill.value:
                    edges.extend(
                        [
                            Edge(True, y0, x0, x1),
                            Edge(True, y1, x0, x1),
                            Edge(False, x0, y0, y1),
                            Edge(False, x1, y0, y1),
                        ]
                    )

    visit(raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, page)
    merged = _merge_edges(edges, settings.snap)
    return merged + _open_sides(merged, settings.snap)


def _open_sides(edges: list[Edge], snap: float) -> list[Edge]:
    """Outer borders of tables drawn without them: many Word tables have only horizontal rules
    and inner column lines. Where two or more horizontal rules start and end at the same places
    and an inner vertical line crosses them, their common ends are taken as the table's sides."""
    groups: dict[tuple[int, int], list[Edge]] = {}
    for edge in edges:
        if edge.horizontal:
            groups.setdefault((round(edge.start / snap), round(edge.end / snap)), []).append(edge)
    verticals = [edge for edge in edges if not edge.horizontal]
    sides = []
    for rules in groups.values():
        if len(rules) < 2:
            continue
        top, bottom = min(r.at for r in rules), max(r.at for r in rules)
        start, end = rules[0].start, rules[0].end
        crossed = any(
            start + snap < v.at < end - snap and v.start < bottom and v.end > top for v in verticals
        )
        if not crossed:
            continue
        for x in (start, end):
            if not any(
                abs(v.at - x) <= snap and v.start <= top + snap and v.end >= bottom - snap
                for v in verticals
            ):
                sides.append(Edge(False, x, top, bottom))
    return sides


def _merge_edges(edges: list[Edge], snap: float) -> list[Edge]:
    """Join collinear pieces: Word draws one border as several touching rectangles."""
    merged: list[Edge] = []
    for horizontal in (True, False):
        group = sorted(
            (e for e in edges if e.horizontal == horizontal), key=lambda e: (e.at, e.start)
        )
        lines: list[Edge] = []
        for edge in group:
            for line in reversed(lines[-8:]):
                if abs(line.at - edge.at) <= snap and edge.start <= line.end + snap:
                    line.end = max(line.end, edge.end)
                    break
            else:
                lines.append(Edge(horizontal, edge.at, edge.start, edge.end))
        merged.extend(lines)
    return merged


class Grid:
    """Cells of one ruled table, found from where its ruling lines cross (as pdfplumber does)."""

    def __init__(
        self, cells: list[tuple[float, float, float, float]], settings: PdfSettings
    ) -> None:
        self.cells = cells
        self.settings = settings
        self.box = (
            min(c[0] for c in cells),
            min(c[1] for c in cells),
            max(c[2] for c in cells),
            max(c[3] for c in cells),
        )

    def table(self, words: list[Word], page: int) -> tuple[Table | None, list[Word]]:
        """The table with the words placed in its cells, and the words that fall in no cell.

        Each word goes to the smallest cell that contains it: where a border is drawn only
        partly, or a check box is drawn as a little square, a corner closes both a larger cell
        and the cells inside it. The table is ``None`` for a mere frame or a one-column box,
        whose text reads better as ordinary lines.
        """
        placed: dict[int, list[Word]] = {}
        loose: list[Word] = []
        # cells by their vertical extent (a row's cells share it), so that a word is compared
        # with the cells of its rows only; of the cells that hold it, the smallest, and of equal
        # ones the first
        bands: dict[tuple[float, float], list[tuple[float, int, float, float]]] = {}
        for index, cell in enumerate(self.cells):
            x0, y0, x1, y1 = cell
            bands.setdefault((y0, y1), []).append((_area(cell), index, x0, x1))
        for word in words:
            cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
            smallest: tuple[float, int] | None = None
            for (y0, y1), cells in bands.items():
                if y0 <= cy <= y1:
                    for area, index, x0, x1 in cells:
                        if x0 <= cx <= x1 and (smallest is None or (area, index) < smallest):
                            smallest = (area, index)
            if smallest is None:
                loose.append(word)
                continue
            placed.setdefault(smallest[1], []).append(word)
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
                lines = page_lines(placed.get(index, []), page, self.settings)
                row_cells.append(Cell(cell_text(lines, x0, x1, self.settings), x0, x1))
            if any(cell.text for cell in row_cells):
                table.rows.append(row_cells)
                table.locations.append(Location(page=page))
        return (table if table.rows else None), loose


def _area(box: tuple[float, float, float, float]) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def grids(edges: list[Edge], settings: PdfSettings) -> list[Grid]:
    snap = settings.snap
    horizontal = [e for e in edges if e.horizontal]
    vertical = [e for e in edges if not e.horizontal]
    points: dict[tuple[float, float], tuple[int, int]] = {}
    for hi, h in enumerate(horizontal):
        for vi, v in enumerate(vertical):
            if h.start - snap <= v.at <= h.end + snap and v.start - snap <= h.at <= v.end + snap:
                points[(round(v.at, 1), round(h.at, 1))] = (hi, vi)
    if len(points) < 4:
        return []

    def joined_h(a: tuple[float, float], b: tuple[float, float]) -> bool:
        edge = horizontal[points[a][0]]
        return edge.start - snap <= min(a[0], b[0]) and max(a[0], b[0]) <= edge.end + snap

    def joined_v(a: tuple[float, float], b: tuple[float, float]) -> bool:
        edge = vertical[points[a][1]]
        return edge.start - snap <= min(a[1], b[1]) and max(a[1], b[1]) <= edge.end + snap

    by_x: dict[float, list[float]] = {}
    by_y: dict[float, list[float]] = {}
    for x, y in points:
        by_x.setdefault(x, []).append(y)
        by_y.setdefault(y, []).append(x)
    for values in (*by_x.values(), *by_y.values()):
        values.sort()
    cells = []
    for x, y in sorted(points, key=lambda p: (p[1], p[0])):
        below = [yy for yy in by_x[x] if yy > y + snap]
        right = [xx for xx in by_y[y] if xx > x + snap]
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
    return [Grid(group, settings) for group in _connected(cells)]


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


def in_box(word: Word, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]
