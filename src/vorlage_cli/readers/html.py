"""HTML: the Vorlage pages of council information systems (ALLRIS, SessionNet), read with lxml.

Only structure matters: block elements become lines, tables become tables (layout tables that
hold tables are read through), scripts, styles and forms' hidden parts are dropped. Decomposed
umlauts, common in these pages, are normalised to NFC.
"""

from __future__ import annotations

import re
import unicodedata

from vorlage_cli.layout import Block, Cell, LayoutDocument, Line, Location, Page, Table
from vorlage_cli.readers.errors import ReadError
from vorlage_cli.readers.text import decode

_SKIPPED = {"script", "style", "head", "noscript", "template", "select", "option", "button", "svg"}
_BLOCKS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "blockquote",
    "pre",
    "address",
    "center",
    "form",
    "fieldset",
    "legend",
    "body",
    "html",
    "hr",
    "caption",
    "figure",
    "figcaption",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
}
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\xa0\u200b]+")


def _decode(data: bytes) -> str:
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return decode(data)[0]


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.pending: list[str] = []
        self.pending_line: int | None = None
        self.paragraph_start = True

    def flush(self) -> None:
        text = "".join(self.pending)
        for index, part in enumerate(text.split("\n")):
            cleaned = _SPACES.sub(" ", part).strip()
            if cleaned:
                line = Line([Cell(cleaned)], Location(line=self.pending_line))
                line.paragraph_start = self.paragraph_start or index == 0
                self.blocks.append(line)
                self.paragraph_start = False
        self.pending = []
        self.pending_line = None
        self.paragraph_start = True

    def add_text(self, text: str | None, line: int | None) -> None:
        if text:
            if self.pending_line is None and text.strip():
                self.pending_line = line
            self.pending.append(text)

    def walk(self, element) -> None:  # noqa: ANN001 - lxml element
        if not isinstance(element.tag, str):  # comment or processing instruction
            self.add_text(element.tail, element.sourceline)
            return
        tag = element.tag.lower()
        if tag in _SKIPPED or (tag == "input" and element.get("type", "").lower() != "checkbox"):
            self.add_text(element.tail, element.sourceline)
            return
        if tag == "table":
            self.flush()
            self.table(element)
            self.add_text(element.tail, element.sourceline)
            return
        if tag == "br":
            self.pending.append("\n")
        elif tag == "input":
            self.add_text("☒" if element.get("checked") is not None else "☐", element.sourceline)
        block = tag in _BLOCKS
        if block:
            self.flush()
        self.add_text(element.text, element.sourceline)
        for child in element:
            self.walk(child)
        if block:
            self.flush()
        self.add_text(element.tail, element.sourceline)

    def table(self, table) -> None:  # noqa: ANN001
        rows = [tr for tr in table.iter("tr") if _owning_table(tr) is table]
        if any(
            _owning_table(inner.getparent()) is table
            for inner in table.iter("table")
            if inner is not table
        ):
            for tr in rows:
                for cell in tr:
                    self.walk(cell)
                    self.flush()
            return
        result = Table(rows=[], locations=[])
        for tr in rows:
            cells = []
            for td in tr:
                if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                    continue
                inner = _Walker()
                inner.walk(td)
                inner.flush()
                text = "\n".join(b.text for b in inner.blocks if isinstance(b, Line))
                cells.append(Cell(text))
            if any(cell.text for cell in cells):
                result.rows.append(cells)
                result.locations.append(Location(line=tr.sourceline))
        if result.rows:
            self.blocks.append(result)


def _owning_table(element):  # noqa: ANN001, ANN202
    while element is not None and element.tag != "table":
        element = element.getparent()
    return element


def read_html(data: bytes) -> LayoutDocument:
    import lxml.html

    text = unicodedata.normalize("NFC", _decode(data))
    try:
        root = lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.ParserError) as error:
        raise ReadError(f"kein lesbares HTML ({error})") from error
    walker = _Walker()
    body = root.find("body")
    walker.walk(body if body is not None else root)
    walker.flush()
    return LayoutDocument(format="html", pages=[Page(number=None, blocks=walker.blocks)])
