"""Plain text: the seed's tab-separated rows, `pdftotext -layout` output with space-aligned
columns, and text that other tools extracted from PDFs (with their page markers)."""

from __future__ import annotations

import re

from vorlage_cli import codes
from vorlage_cli.layout import Cell, LayoutDocument, Line, Location, Page, ReaderNote
from vorlage_cli.limits import DEFAULT_LIMITS, Limits, lines_truncated
from vorlage_cli.readers.bounds import MAX_CELLS, split_long_line
from vorlage_cli.readers.furniture import (
    GLUED_PAGE_NUMBER,
    TEXT_PAGE_BREAK,
    PageMarkers,
    separate_furniture,
    shipped_markers,
)

_COLUMN_GAP = re.compile(r" {2,}")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_PIPES_ONLY = re.compile(r"^[\s|]*$")
_LABEL_ITEM = re.compile(r"^- (?P<label>[^:]{1,40}):$")
_ITEM = re.compile(r"^-(?: (?P<value>.+))?$")
_C1_CONTROLS = set(range(0x80, 0xA0)) - {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def decode(data: bytes) -> tuple[str, str]:
    """Decode text of unknown encoding; returns the text and the encoding used.

    UTF-8 (with or without BOM) is tried first because it almost never decodes text that is not
    UTF-8. Old systems write cp1252 or latin-1: cp1252 maps 0x80–0x9F to printable characters
    (€, „, “) where latin-1 has invisible controls, so cp1252 wins unless the bytes use one of the
    five positions cp1252 leaves undefined.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if any(byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D) for byte in data):
        return data.decode("latin-1"), "latin-1"
    return data.decode("cp1252"), "cp1252"


def split_cells(raw: str) -> list[Cell]:
    """Split a line into columns at tabs or at runs of two or more spaces.

    Space-aligned columns (``pdftotext -layout``) keep their character positions so that a value
    can be matched to the label above it; tab-separated columns are logical, not positional, so
    their cells carry no position and are matched by index.
    """
    if "\t" in raw:
        cells = [Cell(part.strip()) for part in raw.split("\t", MAX_CELLS - 1)]
        while cells and not cells[-1].text:
            cells.pop()
        return cells
    cells: list[Cell] = []
    start = 0
    for gap in _COLUMN_GAP.finditer(raw):
        if len(cells) == MAX_CELLS - 1:
            break
        if gap.start() > start:
            cells.append(Cell(raw[start : gap.start()], float(start), float(gap.start())))
        start = gap.end()
    if start < len(raw):
        cells.append(Cell(raw[start:].rstrip(), float(start), float(len(raw.rstrip()))))
    return [cell for cell in cells if cell.text.strip()]


def from_markdown(lines: list[str]) -> list[str]:
    """A RIS page that a converter saved as Markdown, read as its page. Such a text is known by
    its pipe table ("---|---|"): the pipes become cell borders (tabs), rows of nothing but pipes
    go, and "- Betreff:" / "- value" list items become "Betreff: value" (elsewhere a "- … :"
    item is a list in the text and stays). Lines keep their numbers: what goes becomes an
    empty line."""
    if not any(_TABLE_RULE.match(line) for line in lines):
        return lines
    result = list(lines)
    for index, line in enumerate(lines):
        if "|" in line:
            if _TABLE_RULE.match(line) or _PIPES_ONLY.match(line):
                result[index] = ""
            else:
                cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
                result[index] = "\t".join(cells)
            continue
        label = _LABEL_ITEM.match(line.strip())
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if label is None or not _ITEM.match(following) or _LABEL_ITEM.match(following):
            continue
        value = _ITEM.match(following).group("value")  # type: ignore[union-attr]
        result[index] = f"{label.group('label')}: {value}" if value else f"{label.group('label')}:"
        result[index + 1] = ""
    return result


def cell_ends_off(lines: list[str]) -> list[str]:
    """A web page's text where each table cell ends with a pipe ("Sachverhalt: |", "CDU |")
    and a layout table closes with a row of pipes: the pipe at a line's end marks where a cell
    ended, not text, and a line of pipes alone is a table's border. Such a text is known by a
    border line or by many cells; elsewhere a pipe at a line's end separates words that the
    next line goes on with ("dem ZKM |" / "Zentrum für Kunst und Medien"). Lines keep their
    numbers: what goes becomes an empty line."""
    cell_ends = sum(1 for line in lines if _CELL_END.search(line))
    if cell_ends < MIN_CELL_ENDS and not any(_BORDER.match(line) for line in lines):
        return lines
    result = []
    for line in lines:
        if "|" not in line:
            result.append(line)
        elif _PIPES_ONLY.match(line):
            result.append("")
        else:
            result.append(_CELL_END.sub("", line))
    return result


_CELL_END = re.compile(r"\s+\|\s*$")
_BORDER = re.compile(r"^\s*\|[\s|]*\|\s*$")
MIN_CELL_ENDS = 5
"""Lines ending with a pipe that make a text one of cells, where no border line shows it."""


_SOFT_HYPHEN_AT_END = re.compile("\u00ad[ \t]*\n")


def read_text(
    data: bytes, limits: Limits = DEFAULT_LIMITS, markers: PageMarkers | None = None
) -> LayoutDocument:
    """The text's lines as one flow of pages, cut where a page number stands on a line of its
    own (by ``markers``, the configuration's; the shipped lexicon's where none are given)."""
    markers = markers or shipped_markers()
    text, _encoding = decode(data)
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    # a soft hyphen where a line ends is printed as a hyphen ("Nord\u00ad" / "stemmen"), so
    # that the paragraph joins the word again; elsewhere it is dropped with the control
    # characters
    text = _SOFT_HYPHEN_AT_END.sub("-\n", text)
    pages = [Page(number=1)]
    notes = []
    previous_blank = True
    lines = 0
    for number, raw in enumerate(cell_ends_off(from_markdown(text.split("\n"))), start=1):
        if lines >= limits.max_lines:
            notes.append(ReaderNote(codes.TRUNCATED, lines_truncated(limits.max_lines)))
            break
        parts = raw.split("\f")
        for part_index, part in enumerate(parts):
            if part_index > 0 and pages[-1].blocks:
                pages.append(Page(number=len(pages) + 1))
            stripped = part.strip()
            if markers.controls.match(stripped):
                pages[-1].furniture.append(Line([Cell(stripped)], Location(line=number)))
                previous_blank = True
                continue
            if TEXT_PAGE_BREAK.match(stripped) or markers.anywhere.match(stripped):
                # a page number on a line of its own ("– 2 –", "Seite 2 von 8") stands where
                # one page ends and the next begins
                if pages[-1].blocks:
                    pages.append(Page(number=len(pages) + 1))
                pages[-1].furniture.append(Line([Cell(stripped)], Location(line=number)))
                previous_blank = True
                continue
            if not stripped:
                previous_blank = True
                continue
            glued = GLUED_PAGE_NUMBER.search(part)
            if glued:
                part = part[: glued.start()]
            for piece in split_long_line(part):
                line = Line(split_cells(piece), Location(line=number), raw=piece.rstrip())
                line.paragraph_start = previous_blank
                pages[-1].blocks.append(line)
                previous_blank = False
                lines += 1
            if glued:
                marker = glued.group().strip()
                pages[-1].furniture.append(Line([Cell(marker)], Location(line=number)))
                pages.append(Page(number=len(pages) + 1))
    pages = [page for page in pages if page.blocks or page.furniture]
    for number, page in enumerate(pages, start=1):
        page.number = number
    separate_furniture(pages, markers)
    return LayoutDocument(format="txt", pages=pages, page_count=None, notes=notes)
