"""The extractor's view of a document: one flat list of rows.

Lines and table rows are handled alike (a label beside its value reads the same in a table cell
as after a tab), so tables are flattened into rows that remember which table they came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vorlage_cli.extract.textutil import fold, join_lines
from vorlage_cli.layout import Cell, LayoutDocument, Line, Location, Table


@dataclass(slots=True)
class Row:
    """One line or table row. Its cells are never changed once the row exists, so its texts
    are computed once: every strategy asks for them, many times over."""

    cells: list[Cell]
    location: Location
    paragraph_start: bool
    table: int | None = None
    raw: str | None = None
    used: bool = False
    """Set once a strategy has taken the row, so that no other field takes it again."""
    labelled: bool = False
    """Set where the row holds header labels and their values: the header has begun."""
    page_start: bool = False
    """The first row of a page after the first: a form's short sections end there."""
    bold: bool = False
    """Printed bold throughout (a line; table rows are never marked)."""
    cell_kinds: tuple[str, ...] | None = None
    """The field each cell holds, where the text told it before any reader: a station of a
    Beratungsfolge grid run into one line, read row by row (``runon``)."""
    _text: str | None = field(default=None, init=False, repr=False, compare=False)
    _texts: tuple[str, ...] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = fold(" ".join(cell.text for cell in self.cells if cell.text))
        return self._text

    @property
    def texts(self) -> list[str]:
        """The non-empty cells' texts, a wrapped cell's lines joined ("Entscheidungs-" +
        "vorschlag" → "Entscheidungsvorschlag")."""
        return list(self.cell_texts)

    @property
    def cell_texts(self) -> tuple[str, ...]:
        """:attr:`texts` as a tuple, shared rather than copied: a key for memoising."""
        if self._texts is None:
            joined = (join_lines(cell.text.split("\n")) for cell in self.cells)
            self._texts = tuple(text for text in joined if text)
        return self._texts


_LETTER_SPACED = re.compile(r"(?<![\w.])(?:[^\W\d_] ){4,}[^\W\d_](?!\w)")
"""A word printed letter-spaced, as a text layer gives it ("S I T Z U N G S V O R L A G E"):
five letters or more, each alone. Shorter runs ("M I T") may be initials or a list."""


def _unspaced(cell: Cell) -> Cell:
    """The cell with letter-spaced words written as words, so that a letter-spaced title
    ("B E S C H L U S S V O R L A G E") names the kind as the plain one does."""
    if " " not in cell.text or not _LETTER_SPACED.search(cell.text):
        return cell
    text = _LETTER_SPACED.sub(lambda match: match.group().replace(" ", ""), cell.text)
    return Cell(text, cell.x0, cell.x1)


def flatten(document: LayoutDocument) -> list[Row]:
    rows: list[Row] = []
    table_id = 0
    for page in document.pages:
        first = len(rows)
        for block in page.blocks:
            if isinstance(block, Line):
                if block.cells:
                    rows.append(
                        Row(
                            [_unspaced(cell) for cell in block.cells],
                            block.location,
                            block.paragraph_start,
                            raw=block.raw,
                            bold=block.bold,
                        )
                    )
            elif isinstance(block, Table):
                table_id += 1
                for cells, location in zip(block.rows, block.locations, strict=True):
                    rows.append(Row(list(cells), location, True, table=table_id))
        if first and first < len(rows):
            rows[first].page_start = True
    return rows


def furniture_rows(document: LayoutDocument) -> list[Row]:
    return [
        Row(list(line.cells), line.location, True) for line in document.furniture() if line.cells
    ]


def row_lines(row: Row) -> list[str]:
    """The row's text as lines: table cells keep their wrapped lines."""
    if row.table is None:
        return [row.text]
    return [fold(part) for cell in row.cells for part in cell.text.split("\n") if fold(part)]
