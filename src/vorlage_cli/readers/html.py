"""HTML: the Vorlage pages of council information systems (ALLRIS, SessionNet), read with lxml.

Only structure matters: block elements become lines, tables become tables (layout tables that
hold tables are read through), scripts, styles and forms' hidden parts are dropped. Decomposed
umlauts, common in these pages, are normalised to NFC.
"""

from __future__ import annotations

import re
import unicodedata

from vorlage_cli import codes
from vorlage_cli.layout import Block, Cell, LayoutDocument, Line, Location, Page, ReaderNote, Table
from vorlage_cli.limits import DEFAULT_LIMITS, Limits, lines_truncated
from vorlage_cli.readers.bounds import split_long_line
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
_CHROME = frozenset(
    {
        "nav",
        "navi",
        "navigation",
        "navbar",
        "menu",
        "menubar",
        "rismenu",
        "risnavi",
        "sidebar",
        "skiplinks",
        "breadcrumb",
        "breadcrumbs",
        "toolbar",
        "footer",
    }
)
"""Words in an element's id or class that mark a page's chrome (menus, tabs, breadcrumbs),
which surrounds every RIS page and would otherwise read as headings: a menu item "Beschluss"
is no Beschlussvorschlag. <nav> and <aside> (a legend, a side panel repeating the documents)
are chrome by their tag."""
_CHROME_ROLES = frozenset({"menu", "menubar", "menuitem", "tablist"})
_WORDS = re.compile(r"[^a-z]+")

_CHARSET = re.compile(
    rb"""<\?xml[^>]+encoding=["']([\w-]+)|<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE
)
_XML_DECLARATION = re.compile(r"<\?xml[^>]*\?>", re.IGNORECASE)
"""XHTML pages (ALLRIS net 3) start with one, and embed Word documents that bring their own.
Their encoding is honoured while decoding; lxml refuses to parse a decoded text that still
declares one."""
_BOLD = frozenset({"b", "strong", "h1", "h2", "h3", "h4", "h5", "h6"})
"""Elements whose text browsers show bold: the mark of a heading on many RIS pages."""
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\xa0\u200b]+")
_INLINE = frozenset({"span", "label", "b", "strong", "em", "i", "a", "abbr"})
_LABEL = re.compile(r"[^\W\d_](?:[^\W\d_]|[ .\-/])*[^\W\d_]\.?:?")
"""A label's shape: words ending in a letter, an abbreviation's point or a colon ("Art",
"Vorlagen-Nr.:"); not a heading broken at a slash ("Petitum/"), not a bullet ("●")."""
MAX_LABEL_WORDS = 4
"""Words of a label beside its value in a CSS layout ("Federführende Dienststelle")."""


def _decode(data: bytes) -> str:
    declared = _CHARSET.search(data[:4096])
    if declared:
        encoding = (declared.group(1) or declared.group(2)).decode("ascii")
        try:
            return data.decode(encoding, errors="replace")
        except LookupError:
            pass
    return decode(data)[0]


MAX_DEPTH = 400
"""Elements nested deeper are skipped: the walk recurses, and libxml2 already stops at 256."""


class _LineLimitError(Exception):
    """The document has reached the line limit; the walk ends there."""


class _Walker:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.lines = 0
        self.blocks: list[Block] = []
        self.pending: list[tuple[str, bool]] = []
        """Text waiting for the end of its block, each piece with whether it is set bold."""
        self.pending_line: int | None = None
        self.paragraph_start = True
        self.bold_depth = 0

    def _count(self, lines: int) -> None:
        self.lines += lines
        if self.lines > self.limits.max_lines:
            raise _LineLimitError

    def flush(self) -> None:
        parts: list[tuple[str, bool]] = [("", True)]
        for text, bold in self.pending:
            for number, chunk in enumerate(text.split("\n")):
                if number:
                    parts.append(("", True))
                joined, all_bold = parts[-1]
                parts[-1] = (joined + chunk, all_bold and (bold or not chunk.strip()))
        for index, (part, bold) in enumerate(parts):
            cleaned = _SPACES.sub(" ", part).strip()
            for number, piece in enumerate(split_long_line(cleaned) if cleaned else []):
                line = Line([Cell(piece)], Location(line=self.pending_line), bold=bold)
                line.paragraph_start = self.paragraph_start or (index == 0 and number == 0)
                self._count(1)
                self.blocks.append(line)
                self.paragraph_start = False
        self.pending = []
        self.pending_line = None
        self.paragraph_start = True

    def add_text(self, text: str | None, line: int | None) -> None:
        if text:
            if self.pending_line is None and text.strip():
                self.pending_line = line
            self.pending.append((text, self.bold_depth > 0))

    def walk(self, element, depth: int = 0) -> None:  # noqa: ANN001 - lxml element
        if not isinstance(element.tag, str) or depth > MAX_DEPTH:  # comment, instruction
            self.add_text(element.tail, element.sourceline)
            return
        tag = element.tag.lower()
        if (
            tag in _SKIPPED
            or (tag == "input" and element.get("type", "").lower() != "checkbox")
            or _is_chrome(tag, element)
        ):
            self.add_text(element.tail, element.sourceline)
            return
        if tag == "table":
            self.flush()
            self.table(element, depth)
            self.add_text(element.tail, element.sourceline)
            return
        if tag == "br":
            self.pending.append(("\n", True))
        elif tag == "input":
            self.add_text("☒" if element.get("checked") is not None else "☐", element.sourceline)
        block = tag in _BLOCKS
        if block:
            self.flush()
            pair = _label_and_value(element)
            if pair is not None:
                # <div><span class="label">Art</span><span>Beschlussvorlage</span></div>: a
                # row of a label/value layout made with CSS instead of a table
                self.blocks.append(
                    Line([Cell(text) for text in pair], Location(line=element.sourceline))
                )
                self._count(1)
                self.add_text(element.tail, element.sourceline)
                return
        bold = tag in _BOLD or _BOLD_STYLE.search(element.get("style") or "") is not None
        self.bold_depth += bold
        self.add_text(element.text, element.sourceline)
        for child in element:
            self.walk(child, depth + 1)
        self.bold_depth -= bold
        if block:
            self.flush()
        self.add_text(element.tail, element.sourceline)

    def table(self, table, depth: int) -> None:  # noqa: ANN001
        rows = [tr for tr in table.iter("tr") if _owning_table(tr) is table]
        if any(
            _owning_table(inner.getparent()) is table
            for inner in table.iter("table")
            if inner is not table
        ):
            for tr in rows:
                for cell in tr:
                    self.walk(cell, depth + 1)
                    self.flush()
            return
        result = Table(rows=[], locations=[])
        for tr in rows:
            cells = []
            for td in tr:
                if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                    continue
                inner = _Walker(self.limits)
                inner.walk(td, depth + 1)
                inner.flush()
                text = "\n".join(b.text for b in inner.blocks if isinstance(b, Line))
                cells.append(Cell(text))
            if any(cell.text for cell in cells):
                self._count(1)
                result.rows.append(cells)
                result.locations.append(Location(line=tr.sourceline))
        if result.rows:
            self.blocks.append(result)


def _label_and_value(element) -> tuple[str, str] | None:  # noqa: ANN001 - lxml element
    """The two texts of a block that holds nothing but two inline elements, the first short: a
    label and its value side by side, as CSS layouts of RIS pages print them."""
    children = [child for child in element if isinstance(child.tag, str)]
    if len(children) != 2 or any(child.tag.lower() not in _INLINE for child in children):
        return None
    loose = [element.text, children[0].tail, children[1].tail]
    if any(text and text.strip() for text in loose):
        return None
    label, value = (_SPACES.sub(" ", child.text_content()).strip() for child in children)
    if (
        not _LABEL.fullmatch(label)
        or len(label.split()) > MAX_LABEL_WORDS
        or not any(character.isalnum() for character in value)
        or value.startswith("(")  # "öffentlich (Vorlage freigegeben)": one value
        or (value[0].islower() and not label.endswith(":"))  # "Maßnahmen" + "beschreibung"
    ):
        return None
    return label, value


def _is_chrome(tag: str, element) -> bool:  # noqa: ANN001 - lxml element
    if tag in ("nav", "aside") or (element.get("role") or "").lower() in _CHROME_ROLES:
        return True
    names = f"{element.get('id') or ''} {element.get('class') or ''}".lower()
    return not _CHROME.isdisjoint(_WORDS.split(names))


def _owning_table(element):  # noqa: ANN001, ANN202
    while element is not None and element.tag != "table":
        element = element.getparent()
    return element


def read_html(data: bytes, limits: Limits = DEFAULT_LIMITS) -> LayoutDocument:
    """The page's body as lines and tables. lxml's HTML parser loads no DTD and no external
    entity (``&xxe;`` stays literal text) and reaches no network."""
    import lxml.html

    text = _XML_DECLARATION.sub("", unicodedata.normalize("NFC", _decode(data)))
    parser = lxml.html.HTMLParser(no_network=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (ValueError, lxml.etree.ParserError) as error:
        raise ReadError("kein lesbares HTML: die Seite enthält kein Dokument") from error
    walker = _Walker(limits)
    body = root.find("body")
    notes = []
    try:
        walker.walk(body if body is not None else root)
        walker.flush()
    except _LineLimitError:
        notes.append(ReaderNote(codes.TRUNCATED, lines_truncated(limits.max_lines)))
    return LayoutDocument(
        format="html", pages=[Page(number=None, blocks=walker.blocks)], notes=notes
    )
