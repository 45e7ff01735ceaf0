"""ODT: OpenDocument text, as LibreOffice writes it, read from its XML the way DOCX is read.

German administrations write much of their work in LibreOffice. The body (``content.xml``)
gives paragraphs, headings, lists and tables in document order; the master pages
(``styles.xml``) give the page headers and footers, kept as page furniture. Tracked changes need
no work of their own: OpenDocument keeps inserted text in the body, between change marks, and
moves deleted text into ``text:tracked-changes``, which is not read, so inserted text counts and
deleted text does not, as in DOCX. Comments, footnotes and the templates of generated indexes
are left out; text in frames and fields is read where it stands.

List numbers are not in the text: they are computed from the list styles, as LibreOffice shows
them ("1.", "a)"), because a numbered Beschlussvorschlag needs its numbers.

Every package passes the same checks as a DOCX before it is parsed (``package.py``), and the
XML parser resolves no entities and loads nothing from the network.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO

from vorlage_cli import codes
from vorlage_cli.layout import Block, Cell, LayoutDocument, Line, Location, Page, ReaderNote, Table
from vorlage_cli.limits import DEFAULT_LIMITS, Limits, lines_truncated
from vorlage_cli.readers.bounds import MAX_CELLS, split_long_line
from vorlage_cli.readers.errors import ReadError
from vorlage_cli.readers.package import ODT, check_package, detail

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
LOEXT = "{urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"

MIMETYPES = (
    b"application/vnd.oasis.opendocument.text",
    b"application/vnd.oasis.opendocument.text-template",
)
MAX_SPACES = 100
"""Spaces one ``text:s`` may stand for: a hostile count of 10⁹ must not become a gigabyte."""
MAX_REPEATED_ROWS = 100
"""Copies of a repeated table row; Writer repeats empty rows at most, real tables need few."""

_SKIPPED = {
    f"{OFFICE}annotation",
    f"{OFFICE}annotation-end",
    f"{TEXT}note",
    f"{TEXT}number",
    f"{TEXT}tracked-changes",
    f"{TEXT}change",
    f"{TEXT}change-start",
    f"{TEXT}change-end",
    f"{TEXT}soft-page-break",
    f"{TEXT}bookmark",
    f"{TEXT}bookmark-start",
    f"{TEXT}bookmark-end",
    f"{TEXT}reference-mark",
    f"{TEXT}reference-mark-start",
    f"{TEXT}reference-mark-end",
    f"{TEXT}toc-mark",
    f"{TEXT}alphabetical-index-mark",
    f"{TEXT}ruby-text",
    f"{TEXT}hidden-text",
    f"{TEXT}sequence-decls",
    f"{TEXT}variable-decls",
    f"{TEXT}user-field-decls",
    f"{TEXT}dde-connection-decls",
    f"{OFFICE}forms",
    f"{TABLE}named-expressions",
}
"""Elements whose content is not part of the text a reader sees (their tail text is)."""
_BLOCK_CONTAINERS = {
    f"{TEXT}section",
    f"{TEXT}index-body",
    f"{TEXT}index-title",
    f"{TEXT}table-of-content",
    f"{TEXT}illustration-index",
    f"{TEXT}table-index",
    f"{TEXT}object-index",
    f"{TEXT}user-index",
    f"{TEXT}alphabetical-index",
    f"{TEXT}bibliography",
    f"{TEXT}list-header",
    f"{DRAW}frame",
    f"{DRAW}text-box",
    f"{DRAW}custom-shape",
    f"{DRAW}g",
}
"""Elements that hold paragraphs; an index's ``…-source`` (its template) is skipped."""
_ROWS = {f"{TABLE}table-header-rows", f"{TABLE}table-rows", f"{TABLE}table-row-group"}
_WHITESPACE = re.compile(r"[ \t\r\n]+")
_LEVEL_NUMBER = re.compile(r"%(\d+)%")


class _LineLimitError(Exception):
    """The body has reached the line limit; reading ends there."""


# --- list numbering --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Level:
    format: str
    """"1", "a", "A", "i", "I", "" (no number), or "bullet"."""
    prefix: str = ""
    suffix: str = ""
    start: int = 1
    shown: int = 1
    """How many levels the label shows ("1.2." shows two)."""
    pattern: str | None = None
    """LibreOffice's own label pattern ("%1%.%2%."), where it writes one."""
    bullet: str = "•"


def _levels(style) -> dict[int, _Level]:  # noqa: ANN001 - lxml element
    levels = {}
    for node in style:
        level = _small_int(node.get(f"{TEXT}level"), 1)
        if node.tag in (f"{TEXT}list-level-style-number", f"{TEXT}outline-level-style"):
            levels[level] = _Level(
                format=node.get(f"{STYLE}num-format", ""),
                prefix=node.get(f"{STYLE}num-prefix", ""),
                suffix=node.get(f"{STYLE}num-suffix", ""),
                start=_small_int(node.get(f"{TEXT}start-value"), 1),
                shown=_small_int(node.get(f"{TEXT}display-levels"), 1),
                pattern=node.get(f"{LOEXT}num-list-format"),
            )
        elif node.tag == f"{TEXT}list-level-style-bullet":
            levels[level] = _Level("bullet", bullet=node.get(f"{TEXT}bullet-char", "•") or "•")
    return levels


def _small_int(value: str | None, default: int) -> int:
    """A level or start number: small and positive, anything else (a hostile "x", a start of
    10⁹ that would spell a million-letter Roman numeral) falls back to the default."""
    text = (value or "").strip()
    return int(text) if text.isascii() and text.isdigit() and 0 < len(text) <= 4 else default


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"))
_ROMAN += ((40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _repeats(value: str | None, bound: int) -> int:
    """A repeat count (spaces, cells, rows), at most ``bound``: real ones are small, hostile
    ones as large as the digits go."""
    text = (value or "").strip()
    if not (text.isascii() and text.isdigit()) or int(text[:10]) < 1:
        return 1
    return min(int(text[:10]), bound)


def _formatted(number: int, kind: str) -> str:
    if kind in ("a", "A"):
        letter = chr(ord("a") + (number - 1) % 26)
        return letter.upper() if kind == "A" else letter
    if kind in ("i", "I"):
        roman = ""
        for value, letters in _ROMAN:
            while number >= value:
                roman += letters
                number -= value
        return roman.upper() if kind == "I" else roman
    return str(number)


@dataclass(slots=True)
class _Counter:
    """The running numbers of one list, which later lists may continue."""

    style: str
    values: dict[int, int] = field(default_factory=dict)

    def next(self, level: int, levels: dict[int, _Level], start: int | None) -> str:
        definition = levels.get(level)
        if definition is None or definition.format == "":
            return ""
        if definition.format == "bullet":
            return definition.bullet
        current = start if start is not None else self.values.get(level, definition.start - 1) + 1
        self.values[level] = current
        for deeper in [other for other in self.values if other > level]:
            del self.values[deeper]
        numbers = {
            position: _formatted(
                self.values.get(position, levels[position].start),
                levels[position].format,
            )
            for position in range(1, level + 1)
            if position in levels and levels[position].format not in ("", "bullet")
        }
        if definition.pattern:
            return _LEVEL_NUMBER.sub(
                lambda match: numbers.get(int(match.group(1)), ""), definition.pattern
            )
        shown = [numbers[p] for p in range(level - definition.shown + 1, level + 1) if p in numbers]
        return f"{definition.prefix}{'.'.join(shown)}{definition.suffix}"


class _Lists:
    """The list styles of a document and the counters of its lists."""

    def __init__(self, *roots) -> None:  # noqa: ANN002 - lxml elements
        self.styles: dict[str, dict[int, _Level]] = {}
        self.outline: dict[int, _Level] = {}
        for root in roots:
            for style in root.iter(f"{TEXT}list-style"):
                self.styles[style.get(f"{STYLE}name", "")] = _levels(style)
            for style in root.iter(f"{TEXT}outline-style"):
                self.outline = _levels(style)
        self.by_id: dict[str, _Counter] = {}
        self.last_of_style: dict[str, _Counter] = {}
        self.headings = _Counter("")

    def start(self, element, inherited: _Counter | None) -> _Counter:  # noqa: ANN001
        """The counter of a ``text:list``: its parent's for a nested list, a continued one
        where it says so, else a new one."""
        if inherited is not None:
            return inherited
        style = element.get(f"{TEXT}style-name", "")
        continued = element.get(f"{TEXT}continue-list")
        if continued in self.by_id:
            counter = self.by_id[continued]
        elif element.get(f"{TEXT}continue-numbering") == "true" and style in self.last_of_style:
            counter = self.last_of_style[style]
        else:
            counter = _Counter(style)
        if element.get(XML_ID):
            self.by_id[element.get(XML_ID)] = counter
        self.last_of_style[counter.style] = counter
        return counter


class _Bold:
    """Which paragraphs LibreOffice prints bold throughout: a paragraph style's font weight
    (following its parents), overridden by the character styles of its spans; a heading
    (``text:h``) counts as bold, as Word's headings do in the DOCX reader."""

    def __init__(self, *roots) -> None:  # noqa: ANN002 - lxml elements
        own: dict[str, bool | None] = {}
        parents: dict[str, str] = {}
        for root in roots:
            for style in root.iter(f"{STYLE}style"):
                name = style.get(f"{STYLE}name", "")
                weight = None
                properties = style.find(f"{STYLE}text-properties")
                if properties is not None:
                    weight = properties.get(f"{FO}font-weight")
                own[name] = None if weight is None else _is_bold_weight(weight)
                if style.get(f"{STYLE}parent-style-name"):
                    parents[name] = style.get(f"{STYLE}parent-style-name", "")
        self.own = own
        self.parents = parents

    def style(self, name: str | None, inherited: bool) -> bool:
        """Whether text in style ``name`` is bold; ``inherited`` where no style in its chain
        says."""
        seen: set[str] = set()
        while name and name not in seen:
            seen.add(name)
            if self.own.get(name) is not None:
                return bool(self.own[name])
            name = self.parents.get(name)
        return inherited

    def paragraph(self, paragraph) -> bool:  # noqa: ANN001 - lxml element
        base = self.style(paragraph.get(f"{TEXT}style-name"), paragraph.tag == f"{TEXT}h")
        return self._all_bold(paragraph, base) is True

    def _all_bold(self, element, bold: bool) -> bool | None:  # noqa: ANN001
        """True if all text below is bold, False if some is not, None if there is none."""
        found: bool | None = None
        if element.text and element.text.strip():
            if not bold:
                return False
            found = True
        for child in element:
            if isinstance(child.tag, str) and child.tag not in _SKIPPED:
                inner = bold
                if child.tag == f"{TEXT}span":
                    inner = self.style(child.get(f"{TEXT}style-name"), bold)
                if not child.tag.startswith(DRAW):
                    below = self._all_bold(child, inner)
                    if below is False:
                        return False
                    found = found or below
            if child.tail and child.tail.strip():
                if not bold:
                    return False
                found = True
        return found


def _is_bold_weight(weight: str) -> bool:
    return weight == "bold" or (weight.isdigit() and int(weight) >= BOLD_WEIGHT)


BOLD_WEIGHT = 600
"""The CSS font weight from which text counts as bold (semibold and heavier)."""


# --- the body --------------------------------------------------------------------------------


class _BodyReader:
    """Turns the body into blocks, numbering paragraphs as it goes (the location, as in DOCX)."""

    def __init__(self, max_lines: int, lists: _Lists, bold: _Bold | None = None) -> None:
        self.paragraphs = 0
        self.lines = 0
        self.max_lines = max_lines
        self.lists = lists
        self.bold = bold or _Bold()

    def _count(self, lines: int) -> None:
        self.lines += lines
        if self.lines > self.max_lines:
            raise _LineLimitError

    def blocks(self, container, into: list[Block] | None = None) -> list[Block]:  # noqa: ANN001
        """The blocks of ``container``, appended to ``into`` where given, so that a caller
        keeps what was read before the line limit cut the body off."""
        blocks: list[Block] = [] if into is None else into
        for child in container:
            self._block(child, blocks, None, 0)
        return blocks

    def _block(self, element, blocks: list[Block], counter: _Counter | None, level: int) -> None:  # noqa: ANN001
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIPPED or tag.endswith("-source"):
            return
        if tag == f"{TEXT}p":
            blocks.extend(self.paragraph_lines(element))
        elif tag == f"{TEXT}h":
            blocks.extend(self.paragraph_lines(element, self._heading_label(element)))
        elif tag == f"{TABLE}table":
            blocks.extend(self.table(element))
        elif tag == f"{TEXT}list":
            counter = self.lists.start(element, counter)
            for item in element:
                self._list_item(item, blocks, counter, level + 1)
        elif tag == f"{TEXT}numbered-paragraph":
            label = element.findtext(f"{TEXT}number") or ""
            for child in element:
                if child.tag in (f"{TEXT}p", f"{TEXT}h"):
                    blocks.extend(self.paragraph_lines(child, label))
        elif tag in _BLOCK_CONTAINERS or tag.startswith(DRAW):
            for child in element:
                self._block(child, blocks, counter, level)

    def _list_item(self, item, blocks: list[Block], counter: _Counter, level: int) -> None:  # noqa: ANN001
        """A list item's first paragraph carries the item's number; what follows it in the
        item (more paragraphs, a nested list) does not."""
        if item.tag == f"{TEXT}list-header":
            self._block(item, blocks, counter, level)
            return
        if item.tag != f"{TEXT}list-item":
            return
        levels = self.lists.styles.get(counter.style, {})
        numbered = False
        for child in item:
            if not numbered and child.tag in (f"{TEXT}p", f"{TEXT}h"):
                numbered = True
                written = child.findtext(f"{TEXT}number")
                start = _small_int(item.get(f"{TEXT}start-value"), 0) or None
                label = written if written is not None else counter.next(level, levels, start)
                blocks.extend(self.paragraph_lines(child, label))
            else:
                self._block(child, blocks, counter, level)

    def _heading_label(self, heading) -> str:  # noqa: ANN001
        written = heading.findtext(f"{TEXT}number")
        if written is not None:
            return written
        if heading.get(f"{TEXT}is-list-header") == "true" or not self.lists.outline:
            return ""
        level = _small_int(heading.get(f"{TEXT}outline-level"), 1)
        return self.lists.headings.next(level, self.lists.outline, None)

    def paragraph_lines(self, paragraph, label: str = "") -> list[Block]:  # noqa: ANN001
        self.paragraphs += 1
        number = self.paragraphs  # a frame inside the paragraph counts its own paragraphs
        inline: list[str] = []
        frames: list[Block] = []
        _inline(paragraph, inline, frames, self)
        text = "".join(inline)
        if label and text.strip():
            text = f"{label} {text.lstrip()}"
        lines: list[Block] = []
        bold = self.bold.paragraph(paragraph)
        parts = [piece for part in text.split("\n") for piece in split_long_line(part)]
        for index, part in enumerate(parts):
            cells = [
                Cell(piece.strip()) for piece in part.split("\t", MAX_CELLS - 1) if piece.strip()
            ]
            if cells:
                line = Line(cells, Location(line=number), paragraph_start=index == 0, bold=bold)
                lines.append(line)
        if lines:
            lines[0].paragraph_start = True  # type: ignore[union-attr]
        self._count(len(lines))
        return lines + frames

    def table(self, element) -> list[Block]:  # noqa: ANN001
        """A table, or, where cells hold tables of their own, its content in reading order:
        templates nest the real tables inside an outer layout table."""
        rows = list(_rows(element))
        if any(cell.find(f".//{TABLE}table") is not None for row in rows for cell in row):
            blocks: list[Block] = []
            for row in rows:
                for cell in _cells(row):
                    if cell is not None:
                        self.blocks(cell, into=blocks)
            return blocks
        table = Table(rows=[], locations=[])
        for row in rows:
            copies = _repeats(row.get(f"{TABLE}number-rows-repeated"), MAX_REPEATED_ROWS)
            location = Location(line=self.paragraphs + 1)
            cells = []
            for cell in _cells(row):
                if cell is None:
                    cells.append(Cell(""))
                    continue
                lines = [line for line in self.blocks(cell) if isinstance(line, Line)]
                cells.append(Cell("\n".join(line.text for line in lines)))
            for _ in range(copies):
                table.rows.append(list(cells))
                table.locations.append(location)
            self._count(copies)
        return [table]


def _rows(table) -> Iterator:  # noqa: ANN001
    for child in table:
        if child.tag == f"{TABLE}table-row":
            yield child
        elif child.tag in _ROWS:
            yield from _rows(child)


def _cells(row) -> Iterator:  # noqa: ANN001
    """A row's cells as DOCX has them: a cell spanning columns is one cell, a cell covered by
    the one above (a vertical merge) is an empty cell (None), and repeated cells repeat, up to
    the bound on columns."""
    produced = 0
    swallowed = 0
    for child in row:
        if child.tag == f"{TABLE}covered-table-cell":
            if swallowed:
                swallowed -= 1
                continue
            yield None
            produced += 1
        elif child.tag == f"{TABLE}table-cell":
            swallowed = _repeats(child.get(f"{TABLE}number-columns-spanned"), MAX_CELLS) - 1
            repeated = _repeats(child.get(f"{TABLE}number-columns-repeated"), MAX_CELLS)
            for _ in range(min(repeated, MAX_CELLS - produced)):
                yield child
                produced += 1
        if produced >= MAX_CELLS:
            return


def _inline(element, out: list[str], frames: list[Block], reader: _BodyReader) -> None:  # noqa: ANN001
    """The text of a paragraph's content in document order. OpenDocument collapses white space
    in the XML (spaces, tabs and line ends count as one space); real spaces, tabs and breaks
    are elements of their own. A frame or text box anchored in the paragraph becomes blocks of
    its own after it."""
    if element.text:
        out.append(_WHITESPACE.sub(" ", element.text))
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            pass
        elif tag == f"{TEXT}s":
            out.append(" " * _repeats(child.get(f"{TEXT}c"), MAX_SPACES))
        elif tag == f"{TEXT}tab":
            out.append("\t")
        elif tag == f"{TEXT}line-break":
            out.append("\n")
        elif tag.startswith(DRAW):
            reader._block(child, frames, None, 0)
        else:
            _inline(child, out, frames, reader)
        if child.tail:
            out.append(_WHITESPACE.sub(" ", child.tail))


# --- the package -----------------------------------------------------------------------------


def read_odt(data: bytes, limits: Limits = DEFAULT_LIMITS) -> LayoutDocument:
    check_package(data, limits, ODT)
    with zipfile.ZipFile(BytesIO(data)) as package:
        names = set(package.namelist())
        mimetype = package.read("mimetype").strip() if "mimetype" in names else b""
        if mimetype not in MIMETYPES:
            from vorlage_cli.readers.sniff import UNSUPPORTED

            kinds = {b"presentation": ".odp", b"spreadsheet": ".ods", b"graphics": ".odg"}
            kind = next((k for word, k in kinds.items() if word in mimetype), None)
            raise ReadError(
                UNSUPPORTED[kind] if kind else "kein lesbares ODT-Dokument (mimetype fehlt)"
            )
        if _encrypted(package, names):
            raise ReadError(
                "das ODT-Dokument ist mit einem Passwort gespeichert; bitte ohne Passwort speichern"
            )
        if "content.xml" not in names:
            raise ReadError("kein lesbares ODT-Dokument (content.xml fehlt)")
        content = _parse(package, "content.xml")
        styles = _parse(package, "styles.xml") if "styles.xml" in names else None
        meta = _parse(package, "meta.xml") if "meta.xml" in names else None
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if content.tag != f"{OFFICE}document-content" or body is None:
        raise ReadError("kein lesbares ODT-Dokument (content.xml ohne office:body/office:text)")
    lists = _Lists(*(root for root in (styles, content) if root is not None))
    page = Page(number=None)
    notes = []
    try:
        bold = _Bold(*(root for root in (styles, content) if root is not None))
        _BodyReader(limits.max_lines, lists, bold).blocks(body, into=page.blocks)
    except _LineLimitError:
        notes.append(ReaderNote(codes.TRUNCATED, lines_truncated(limits.max_lines)))
    if styles is not None:
        page.furniture = _furniture(styles, limits.max_lines, lists)
    return LayoutDocument(format="odt", pages=[page], page_count=_page_count(meta), notes=notes)


def _encrypted(package: zipfile.ZipFile, names: set[str]) -> bool:
    """A document saved with a password lists how its parts are encrypted in the manifest;
    its content.xml is then no XML at all."""
    if "META-INF/manifest.xml" not in names:
        return False
    return b"encryption-data" in package.read("META-INF/manifest.xml")


def _parse(package: zipfile.ZipFile, name: str):  # noqa: ANN202 - lxml element
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True
    )
    try:
        return etree.fromstring(package.read(name), parser)
    except etree.XMLSyntaxError as error:
        raise ReadError(f"beschädigtes ODT-Dokument: {name} ({detail(error)})") from error


def _furniture(styles, max_lines: int, lists: _Lists) -> list[Line]:  # noqa: ANN001
    """The lines of every page header and footer, each once."""
    reader = _BodyReader(max_lines, lists)
    seen: set[str] = set()
    furniture: list[Line] = []
    parts = ("header", "footer", "header-first", "footer-first", "header-left", "footer-left")
    try:
        for master in styles.iter(f"{STYLE}master-page"):
            for part in master:
                if part.tag not in {f"{STYLE}{name}" for name in parts}:
                    continue
                for block in reader.blocks(part):
                    for line in [block] if isinstance(block, Line) else _table_lines(block):
                        if line.text not in seen:
                            seen.add(line.text)
                            line.location = Location()
                            furniture.append(line)
    except _LineLimitError:
        pass  # headers and footers past the line limit: only the first lines matter
    return furniture


def _table_lines(table: Table) -> list[Line]:
    return [
        Line([cell for cell in row if cell.text], location)
        for row, location in zip(table.rows, table.locations, strict=True)
        if any(cell.text for cell in row)
    ]


def _page_count(meta) -> int | None:  # noqa: ANN001
    """LibreOffice stores the page count it last laid out in meta.xml."""
    if meta is None:
        return None
    statistic = meta.find(f".//{META}document-statistic")
    count = statistic.get(f"{META}page-count", "") if statistic is not None else ""
    return int(count) if count.isascii() and count.isdigit() and len(count) <= 6 else None
