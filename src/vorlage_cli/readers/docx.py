"""DOCX: the body in document order, read from the WordprocessingML itself.

python-docx's ``paragraph.text`` drops text inside content controls and keeps tracked deletions,
both wrong for a Vorlage, so paragraphs are walked element by element: inserted text (``w:ins``)
counts, deleted text (``w:del``, ``w:delText``) does not, content controls (``w:sdt``) are
transparent, Wingdings check boxes become ☐/☒.
"""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO

from vorlage_cli import codes
from vorlage_cli.layout import Block, Cell, LayoutDocument, Line, Location, Page, ReaderNote, Table
from vorlage_cli.limits import DEFAULT_LIMITS, Limits, lines_truncated
from vorlage_cli.readers.bounds import MAX_CELLS, split_long_line
from vorlage_cli.readers.errors import ReadError
from vorlage_cli.readers.package import WORD, check_package, detail

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_SKIPPED = {
    f"{W}del",
    f"{W}moveFrom",
    f"{W}delText",
    f"{W}instrText",
    f"{W}rPr",
    f"{W}pPr",
    f"{W}sdtPr",
    f"{MC}Fallback",
}
_SYMBOLS = {"F0FE": "☒", "F078": "☒", "F0FD": "☒", "F0A8": "☐", "F06F": "☐", "F071": "☐"}


def _run_text(element) -> Iterator[str]:  # noqa: ANN001 - lxml element
    """Text of a paragraph's content in document order."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == f"{W}t":
            yield child.text or ""
        elif tag == f"{W}tab" or tag == f"{W}ptab":
            yield "\t"
        elif tag in (f"{W}br", f"{W}cr"):
            if child.get(f"{W}type") != "page":
                yield "\n"
        elif tag == f"{W}noBreakHyphen":
            yield "-"
        elif tag == f"{W}sym":
            yield _SYMBOLS.get((child.get(f"{W}char") or "").upper(), "")
        elif tag == f"{W}p":
            # a paragraph inside a text box of this paragraph
            yield "\n"
            yield from _run_text(child)
            yield "\n"
        else:
            yield from _run_text(child)


_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _roman(number: int) -> str:
    result = ""
    for value, letters in _ROMAN:
        while number >= value:
            result += letters
            number -= value
    return result


def _format_number(number: int, kind: str) -> str:
    if kind == "lowerLetter":
        return chr(ord("a") + (number - 1) % 26)
    if kind == "upperLetter":
        return chr(ord("A") + (number - 1) % 26)
    if kind == "lowerRoman":
        return _roman(number)
    if kind == "upperRoman":
        return _roman(number).upper()
    return str(number)


class _Numbering:
    """Word's automatic list numbering: the digits of a numbered Beschlussvorschlag are not in
    the text but computed from numbering.xml, so they are computed here the same way."""

    def __init__(self, element, styles=None) -> None:  # noqa: ANN001 - lxml elements or None
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.style_numbering = _style_numbering(styles)
        if element is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in element.iter(f"{W}abstractNum"):
            levels = {}
            for level in node.iter(f"{W}lvl"):
                fmt = level.find(f"{W}numFmt")
                text = level.find(f"{W}lvlText")
                start = level.find(f"{W}start")
                levels[_small_int(level.get(f"{W}ilvl"), 0)] = (
                    fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{W}val", "") if text is not None else "",
                    _small_int(start.get(f"{W}val"), 1) if start is not None else 1,
                )
            abstract[node.get(f"{W}abstractNumId", "")] = levels
        for node in element.iter(f"{W}num"):
            reference = node.find(f"{W}abstractNumId")
            if reference is not None:
                self.levels[node.get(f"{W}numId", "")] = abstract.get(
                    reference.get(f"{W}val", ""), {}
                )

    def label(self, paragraph) -> str:  # noqa: ANN001
        """The rendered number of a numbered paragraph ("1.", "a)"), "•" for bullets, "" else."""
        properties = paragraph.find(f"{W}pPr/{W}numPr")
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        num_id, level = self.style_numbering.get(
            style.get(f"{W}val", "") if style is not None else "", ("", 0)
        )
        if properties is not None:
            num = properties.find(f"{W}numId")
            level_node = properties.find(f"{W}ilvl")
            num_id = num.get(f"{W}val", num_id) if num is not None else num_id
            level = _small_int(level_node.get(f"{W}val"), 0) if level_node is not None else level
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        fmt, text, start = levels[level]
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > level]:
            del counters[deeper]
        if fmt == "bullet":
            return "•"
        if fmt == "none":
            return ""
        for position in range(level + 1):
            if position in levels:
                value = counters.get(position, levels[position][2])
                text = text.replace(f"%{position + 1}", _format_number(value, levels[position][0]))
        return text


def _small_int(value: str | None, default: int) -> int:
    """A level or start number from numbering.xml: Word writes 0–9 and small starts; anything
    else (a hostile "x", a start of 10⁹ that would spell a million-letter Roman numeral) falls
    back to the default."""
    text = (value or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 4 else default


def _style_numbering(styles) -> dict[str, tuple[str, int]]:  # noqa: ANN001
    """Paragraph styles that number their paragraphs ("List Number"), following basedOn."""
    if styles is None:
        return {}
    own: dict[str, tuple[str | None, int | None]] = {}
    based_on: dict[str, str] = {}
    for style in styles.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId", "")
        num = style.find(f"{W}pPr/{W}numPr/{W}numId")
        level = style.find(f"{W}pPr/{W}numPr/{W}ilvl")
        own[style_id] = (
            num.get(f"{W}val") if num is not None else None,
            _small_int(level.get(f"{W}val"), 0) if level is not None else None,
        )
        parent = style.find(f"{W}basedOn")
        if parent is not None:
            based_on[style_id] = parent.get(f"{W}val", "")
    resolved = {}
    for style_id in own:
        num_id, level, current, seen = None, None, style_id, set()
        while current in own and current not in seen:
            seen.add(current)
            num_id = num_id if num_id is not None else own[current][0]
            level = level if level is not None else own[current][1]
            current = based_on.get(current, "")
        if num_id:
            resolved[style_id] = (num_id, level or 0)
    return resolved


def _switched_on(element) -> bool | None:  # noqa: ANN001
    """A toggle property such as <w:b/>: on unless its value says off; None where absent."""
    if element is None:
        return None
    return (element.get(f"{W}val") or "true").lower() not in ("0", "false", "off")


class _Bold:
    """Which paragraphs Word prints bold throughout: each run's own <w:b>, else its character
    style's, else its paragraph style's (following basedOn); a heading style (one with an
    outline level) counts as bold, as Word's built-in headings are."""

    def __init__(self, styles=None) -> None:  # noqa: ANN001 - lxml element or None
        self.styles: dict[str, bool] = {}
        if styles is None:
            return
        own: dict[str, bool | None] = {}
        based_on: dict[str, str] = {}
        for style in styles.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId", "")
            bold = _switched_on(style.find(f"{W}rPr/{W}b"))
            if bold is None and style.find(f"{W}pPr/{W}outlineLvl") is not None:
                bold = True
            own[style_id] = bold
            parent = style.find(f"{W}basedOn")
            if parent is not None:
                based_on[style_id] = parent.get(f"{W}val", "")
        for style_id in own:
            current, seen, bold = style_id, set(), None
            while current in own and current not in seen and bold is None:
                seen.add(current)
                bold = own[current]
                current = based_on.get(current, "")
            self.styles[style_id] = bool(bold)

    def _style(self, properties, tag: str) -> bool:  # noqa: ANN001
        style = properties.find(f"{W}{tag}") if properties is not None else None
        return style is not None and self.styles.get(style.get(f"{W}val", ""), False)

    def paragraph(self, p) -> bool:  # noqa: ANN001
        paragraph_bold = self._style(p.find(f"{W}pPr"), "pStyle")
        runs = [
            run
            for run in p.iter(f"{W}r")
            if "".join(t.text or "" for t in run.iter(f"{W}t")).strip()
        ]
        if not runs:
            return False
        for run in runs:
            properties = run.find(f"{W}rPr")
            bold = _switched_on(properties.find(f"{W}b")) if properties is not None else None
            if bold is None:
                bold = self._style(properties, "rStyle") or paragraph_bold
            if not bold:
                return False
        return True


class _LineLimitError(Exception):
    """The body has reached the line limit; reading ends there."""


class _BodyReader:
    """Turns a body element into blocks, numbering paragraphs as it goes (the DOCX location)."""

    def __init__(
        self, max_lines: int, numbering: _Numbering | None = None, bold: _Bold | None = None
    ) -> None:
        self.paragraphs = 0
        self.numbering = numbering or _Numbering(None)
        self.bold = bold or _Bold(None)
        self.max_lines = max_lines
        self.lines = 0

    def _count(self, lines: int) -> None:
        self.lines += lines
        if self.lines > self.max_lines:
            raise _LineLimitError

    def paragraph_lines(self, p) -> list[Line]:  # noqa: ANN001
        self.paragraphs += 1
        label = self.numbering.label(p)
        text = "".join(_run_text(p))
        if label and text.strip():
            text = f"{label} {text.lstrip()}"
        lines = []
        parts = [piece for part in text.split("\n") for piece in split_long_line(part)]
        for index, part in enumerate(parts):
            cells = [
                Cell(piece.strip()) for piece in part.split("\t", MAX_CELLS - 1) if piece.strip()
            ]
            if cells:
                line = Line(cells, Location(line=self.paragraphs), paragraph_start=index == 0)
                lines.append(line)
        if lines:
            lines[0].paragraph_start = True
            if self.bold.paragraph(p):
                for line in lines:
                    line.bold = True
        self._count(len(lines))
        return lines

    def blocks(self, container, into: list[Block] | None = None) -> list[Block]:  # noqa: ANN001
        """The blocks of ``container``, appended to ``into`` where given, so that a caller
        keeps what was read before the line limit cut the body off."""
        blocks: list[Block] = [] if into is None else into
        for child in container:
            tag = child.tag
            if tag == f"{W}p":
                blocks.extend(self.paragraph_lines(child))
            elif tag == f"{W}tbl":
                blocks.extend(self.table(child))
            elif tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent", f"{W}ins", f"{W}moveTo"):
                blocks.extend(self.blocks(child))
        return blocks

    def table(self, tbl) -> list[Block]:  # noqa: ANN001
        """A table, or, where cells hold tables of their own, its content in reading order: Word
        templates nest the real tables inside an outer layout table."""
        rows = [tr for tr in tbl if tr.tag == f"{W}tr"]
        if any(tc.find(f".//{W}tbl") is not None for tr in rows for tc in tr.iter(f"{W}tc")):
            blocks: list[Block] = []
            for tr in rows:
                for tc in self._cells(tr):
                    blocks.extend(self.blocks(tc))
            return blocks
        table = Table(rows=[], locations=[])
        for tr in rows:
            location = Location(line=self.paragraphs + 1)
            cells = []
            for tc in self._cells(tr):
                lines = [line for line in self.blocks(tc) if isinstance(line, Line)]
                cells.append(Cell("\n".join(line.text for line in lines)))
            table.rows.append(cells)
            table.locations.append(location)
        return [table]

    @staticmethod
    def _cells(tr) -> Iterator:  # noqa: ANN001
        for child in tr:
            if child.tag == f"{W}tc":
                yield child
            elif child.tag in (f"{W}sdt", f"{W}customXml"):
                content = child.find(f"{W}sdtContent")
                yield from (
                    tc for tc in (content if content is not None else child) if tc.tag == f"{W}tc"
                )


def read_docx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> LayoutDocument:
    import docx  # heavy: only when a DOCX is read

    check_package(data, limits, WORD)
    try:
        document = docx.Document(BytesIO(data))
    except Exception as error:
        # python-docx meets a malformed package with whatever its code trips over (KeyError,
        # XMLSyntaxError, AttributeError …): every one of them means an unreadable document
        raise ReadError(f"kein lesbares Word-Dokument ({detail(error)})") from error
    body = document.element.find(f"{W}body")
    if document.element.tag != f"{W}document" or body is None:
        raise ReadError("kein lesbares Word-Dokument (word/document.xml ohne w:document/w:body)")
    try:
        numbering_element = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering_element = None
    numbering = _Numbering(numbering_element, document.styles.element)
    page = Page(number=None)
    notes = []
    try:
        _BodyReader(limits.max_lines, numbering, _Bold(document.styles.element)).blocks(
            body, into=page.blocks
        )
    except _LineLimitError:
        notes.append(ReaderNote(codes.TRUNCATED, lines_truncated(limits.max_lines)))
    furniture = _BodyReader(limits.max_lines)
    seen: set[str] = set()
    try:
        for section in document.sections:
            for part in (
                section.header,
                section.footer,
                section.first_page_header,
                section.first_page_footer,
            ):
                if part.is_linked_to_previous and section is not document.sections[0]:
                    continue
                for block in furniture.blocks(part._element):
                    lines = [block] if isinstance(block, Line) else _table_lines(block)
                    for line in lines:
                        if line.text not in seen:
                            seen.add(line.text)
                            line.location = Location()
                            page.furniture.append(line)
    except _LineLimitError:
        pass  # headers and footers past the line limit: only the first lines matter
    return LayoutDocument(
        format="docx", pages=[page], page_count=_page_count(document), notes=notes
    )


def _table_lines(table: Table) -> list[Line]:
    return [
        Line([cell for cell in row if cell.text], location)
        for row, location in zip(table.rows, table.locations, strict=True)
        if any(cell.text for cell in row)
    ]


def _page_count(document) -> int | None:  # noqa: ANN001
    """Word stores the page count it last laid out in docProps/app.xml; LibreOffice too."""
    try:
        part = next(
            rel.target_part
            for rel in document.part.package.rels.values()
            if rel.reltype.endswith("/extended-properties") and not rel.is_external
        )
    except StopIteration:
        return None
    from lxml import etree

    try:
        root = etree.fromstring(
            part.blob, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        )
    except etree.XMLSyntaxError:
        return None
    pages = root.find(
        "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Pages"
    )
    text = (pages.text or "").strip() if pages is not None else ""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 6 else None
