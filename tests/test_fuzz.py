"""Property-based fuzzing: whatever a file holds, reading, extracting and checking it either
succeeds or ends in the readers' own ReadError; no other exception escapes.

Inputs are built from the label lexicon's own words (so that they reach the extractor's
strategies, not just its "nothing found" path), from arbitrary text and bytes, from mutated real
documents (the samples and ../shared/corpus where present, and documents built here), and from
random WordprocessingML, OpenDocument, HTML and PDF structure. The "ci" profile (conftest.py)
keeps the whole module to a few seconds; ``HYPOTHESIS_PROFILE=long`` runs the same properties
with many more examples.
"""

from __future__ import annotations

from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vorlage_cli.extract import default_lexicon, extract
from vorlage_cli.layout import Cell, LayoutDocument, Line, Location, Page, Table
from vorlage_cli.limits import Limits
from vorlage_cli.readers import ReadError, identify, parse
from vorlage_cli.rules import run_rules

from .conftest import CORPUS, SAMPLES
from .hostile import W_NS, content_xml, make_docx, make_odt, make_pdf
from .test_cli import SEED_LIKE

pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")

FUZZ_LIMITS = Limits(max_file_size=4 * 1024 * 1024, max_lines=2_000)
"""Small enough that one example stays fast."""


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


@cache
def _vocabulary() -> list[str]:
    """Every label, kind and role the extractor knows, and the values they announce."""
    words = sorted(set(_strings(default_lexicon().data)))
    return [
        *words,
        *(f"{word}:" for word in words),
        "BV-7/2025",
        "VL-40/2024 1N",
        "DS 1/2008",
        "12.02.2025",
        "31.02.2025",
        "16./17./18.12.2025",
        "2026 Oct 21",
        "1.",
        "2)",
        "a)",
        "II.",
        "Ö",
        "N",
        "X",
        "ö",
        "nö",
        "☐",
        "☒",
        "i.V.",
        "gez.",
        "Dr. Erika Muster",
        "Anlage 1: Lageplan",
        "-- 1 of 7 --",
        "- 2 -",
        "Seite 2 von 8",
        "Rat der Stadt",
        "Ausschuss für Umwelt",
        "Ja 44 Nein 00",
        "./.",
        "-",
        "",
    ]


_separators = st.sampled_from(["\t", " ", "  ", "\n", "\n\n", "\f", ": ", "\r\n", "-\n"])
_tokens = st.one_of(st.sampled_from(_vocabulary()), st.text(max_size=12))


@st.composite
def vorlage_like_text(draw: st.DrawFn) -> str:
    """Text made of the lexicon's words and the separators that shape a Vorlage's layout."""
    parts = draw(st.lists(st.tuples(_tokens, _separators), max_size=80))
    return "".join(token + separator for token, separator in parts)


def _run(data: bytes, name: str = "fuzz.bin") -> None:
    """The whole flow on bytes; only ReadError may end it early."""
    try:
        document = parse(identify(Path(name), data), FUZZ_LIMITS)
    except ReadError as error:
        assert error.code.startswith("RD")
        assert str(error) and "\n" not in str(error)
        return
    found = extract(document)
    run_rules(found.vorlage, found.evidence)


@given(vorlage_like_text())
def test_vorlage_like_text(text: str) -> None:
    _run(text.encode("utf-8"), "fuzz.txt")


@given(st.text())
def test_arbitrary_text(text: str) -> None:
    _run(text.encode("utf-8", errors="surrogatepass"), "fuzz.txt")


@given(
    st.sampled_from([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf"]),
    st.binary(max_size=2048),
)
def test_arbitrary_bytes(prefix: bytes, data: bytes) -> None:
    _run(prefix + data)


@cache
def _seed_documents() -> list[tuple[str, bytes]]:
    """Documents to mutate: built here (always), plus the samples and the shared corpus where
    present, small ones first so that the CI profile stays fast."""
    documents = [
        ("seed.txt", SEED_LIKE.encode()),
        ("seed.pdf", make_pdf([SEED_LIKE.splitlines()[:20]])),
        ("seed.docx", _word_document()),
    ]
    for folder in (SAMPLES, CORPUS):
        if folder.is_dir():
            suffixes = (".txt", ".pdf", ".docx", ".odt", ".html")
            files = [p for p in folder.rglob("*") if p.suffix in suffixes]
            documents += [(p.name, p.read_bytes()) for p in sorted(files, key=_size)]
    return documents


def _word_document() -> bytes:
    """The seed as a real Word package (styles, numbering, settings, header and footer parts),
    written by python-docx: its tabular rows as a table, its numbered points as a Word list."""
    import docx

    document = docx.Document()
    for line in SEED_LIKE.splitlines():
        if line.count("\t") >= 2:
            cells = line.split("\t")
            row = document.add_table(rows=1, cols=len(cells)).rows[0]
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
        else:
            numbered = line[:2] in ("1.", "2.")
            document.add_paragraph(
                line[2:] if numbered else line, "List Number" if numbered else None
            )
    document.sections[0].header.paragraphs[0].text = "BV-7/2025"
    document.sections[0].footer.paragraphs[0].text = "Seite 1 von 1"
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _size(path: Path) -> int:
    return path.stat().st_size


@st.composite
def mutated_document(draw: st.DrawFn) -> tuple[str, bytes]:
    documents = _seed_documents()
    name, data = documents[draw(st.integers(0, len(documents) - 1))]
    buffer = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, max(len(buffer) - 1, 0)))
        kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "repeat"]))
        if kind == "flip" and buffer:
            buffer[position] ^= 1 << draw(st.integers(0, 7))
        elif kind == "insert":
            buffer[position:position] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del buffer[position : position + draw(st.integers(1, 64))]
        elif kind == "truncate":
            del buffer[position:]
        else:
            buffer[position:position] = buffer[position : position + draw(st.integers(1, 256))]
    return name, bytes(buffer)


@given(mutated_document())
def test_mutated_documents(document: tuple[str, bytes]) -> None:
    name, data = document
    _run(data, name)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _document(body: list[str]) -> str:
    return f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(body)}</w:body></w:document>'


_xml_text = st.one_of(st.sampled_from(_vocabulary()), st.text(max_size=20)).map(
    lambda text: _escape("".join(ch for ch in text if ch.isprintable() or ch in "\t\n"))
)
_run_parts = st.one_of(
    _xml_text.map(lambda text: f"<w:t>{text}</w:t>"),
    _xml_text.map(lambda text: f"<w:delText>{text}</w:delText>"),
    st.sampled_from(
        [
            "<w:tab/>",
            "<w:br/>",
            '<w:br w:type="page"/>',
            "<w:cr/>",
            "<w:noBreakHyphen/>",
            '<w:sym w:char="F0FE"/>',
            '<w:sym w:char="F0A8"/>',
            "<w:sym/>",
            '<w:sym w:char="ZZZZ"/>',
            "<w:instrText>PAGE</w:instrText>",
        ]
    ),
)
_runs = st.lists(_run_parts, max_size=5).map(lambda parts: f"<w:r>{''.join(parts)}</w:r>")
_paragraphs = st.lists(
    st.one_of(
        _runs,
        _runs.map(lambda run: f"<w:ins>{run}</w:ins>"),
        _runs.map(lambda run: f"<w:del>{run}</w:del>"),
        _runs.map(lambda run: f"<w:sdt><w:sdtContent>{run}</w:sdtContent></w:sdt>"),
    ),
    max_size=4,
).map(lambda runs: f"<w:p>{''.join(runs)}</w:p>")


def _wrap_cell(blocks: list[str]) -> str:
    return f"<w:tc>{''.join(blocks)}</w:tc>"


_blocks = st.recursive(
    _paragraphs,
    lambda inner: st.one_of(
        st.lists(st.lists(st.lists(inner, max_size=3).map(_wrap_cell), max_size=4), max_size=4).map(
            lambda rows: (
                "<w:tbl>" + "".join(f"<w:tr>{''.join(cells)}</w:tr>" for cells in rows) + "</w:tbl>"
            )
        ),
        st.lists(inner, max_size=3).map(
            lambda blocks: f"<w:sdt><w:sdtContent>{''.join(blocks)}</w:sdtContent></w:sdt>"
        ),
        st.lists(inner, max_size=3).map(
            lambda blocks: f"<w:customXml>{''.join(blocks)}</w:customXml>"
        ),
        st.lists(inner.map(lambda block: _wrap_cell([block])), max_size=3).map(
            lambda cells: f"<w:tbl><w:tr><w:sdt>{''.join(cells)}</w:sdt></w:tr></w:tbl>"
        ),
    ),
    max_leaves=25,
)


@given(st.lists(_blocks, max_size=12), st.booleans(), st.integers(0, 200), st.binary(max_size=8))
def test_random_wordprocessingml(
    blocks: list[str], corrupt: bool, position: int, junk: bytes
) -> None:
    xml = _document(blocks).encode()
    if corrupt:  # broken XML as well as odd structure
        xml = xml[:position] + junk + xml[position:]
    _run(make_docx(xml), "fuzz.docx")


_odf_inline = st.one_of(
    _xml_text,
    st.sampled_from(
        [
            "<text:tab/>",
            "<text:line-break/>",
            "<text:s/>",
            '<text:s text:c="99999999999"/>',
            '<text:s text:c="x"/>',
            '<text:change-start text:change-id="c1"/>',
            '<text:change-end text:change-id="c1"/>',
            "<text:soft-page-break/>",
            "<text:note><text:note-body><text:p>Fuß</text:p></text:note-body></text:note>",
            "<office:annotation><text:p>Kommentar</text:p></office:annotation>",
            "<text:number>3.</text:number>",
        ]
    ),
    _xml_text.map(lambda text: f"<text:span>{text}</text:span>"),
    _xml_text.map(lambda text: f"<text:text-input>{text}</text:text-input>"),
)
_odf_paragraphs = st.tuples(
    st.sampled_from(["text:p", "text:h"]), st.lists(_odf_inline, max_size=6)
).map(lambda pair: f"<{pair[0]}>{''.join(pair[1])}</{pair[0]}>")
_odf_attributes = st.sampled_from(
    [
        "",
        'table:number-columns-spanned="2"',
        'table:number-columns-repeated="100000"',
        'table:number-rows-repeated="1000000"',
        'text:style-name="L1"',
        'text:continue-numbering="true"',
        'text:continue-list="x"',
        'text:start-value="999999"',
        'text:start-value="-3"',
    ]
)
_odf_blocks = st.recursive(
    _odf_paragraphs,
    lambda inner: st.one_of(
        st.tuples(_odf_attributes, st.lists(inner, max_size=3)).map(
            lambda pair: (
                f"<text:list {pair[0]}>"
                + "".join(f"<text:list-item>{item}</text:list-item>" for item in pair[1])
                + "</text:list>"
            )
        ),
        st.lists(
            st.lists(
                st.one_of(
                    st.tuples(_odf_attributes, st.lists(inner, max_size=2)).map(
                        lambda pair: (
                            f"<table:table-cell {pair[0]}>{''.join(pair[1])}</table:table-cell>"
                        )
                    ),
                    st.just("<table:covered-table-cell/>"),
                ),
                max_size=4,
            ),
            max_size=4,
        ).map(
            lambda rows: (
                "<table:table>"
                + "".join(f"<table:table-row>{''.join(cells)}</table:table-row>" for cells in rows)
                + "</table:table>"
            )
        ),
        st.lists(inner, max_size=3).map(
            lambda blocks: f"<text:section>{''.join(blocks)}</text:section>"
        ),
        st.lists(inner, max_size=2).map(
            lambda blocks: (
                "<text:p><draw:frame><draw:text-box>"
                f"{''.join(blocks)}</draw:text-box></draw:frame></text:p>"
            )
        ),
    ),
    max_leaves=25,
)
_ODF_LIST_STYLE = (
    '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" '
    'style:num-format="i" style:num-suffix=")" text:display-levels="3" '
    'text:start-value="99999"/><text:list-level-style-bullet text:level="2"/>'
    "</text:list-style>"
)


@given(
    st.lists(_odf_blocks, max_size=12), st.booleans(), st.integers(0, 400), st.binary(max_size=8)
)
def test_random_opendocument(blocks: list[str], corrupt: bool, position: int, junk: bytes) -> None:
    xml = content_xml("".join(blocks), styles=_ODF_LIST_STYLE).encode()
    if corrupt:  # broken XML as well as odd structure
        xml = xml[:position] + junk + xml[position:]
    _run(make_odt(xml), "fuzz.odt")


_html_tags = st.sampled_from(
    ["p", "div", "span", "table", "tr", "td", "th", "tbody", "br", "b", "li", "ul", "h2", "script",
     "style", "select", "option", "form", "center", "pre"]
)  # fmt: skip
_html = st.recursive(
    _xml_text,
    lambda inner: st.one_of(
        st.tuples(_html_tags, st.lists(inner, max_size=4)).map(
            lambda pair: f"<{pair[0]}>{''.join(pair[1])}</{pair[0]}>"
        ),
        st.tuples(_html_tags, st.lists(inner, max_size=3)).map(
            lambda pair: f"<{pair[0]}>{''.join(pair[1])}"  # unclosed
        ),
        st.sampled_from(
            ['<input type="checkbox" checked>', '<input type="checkbox">', "<input>", "<!-- x -->"]
        ),
    ),
    max_leaves=30,
)


@given(st.lists(_html, max_size=10))
def test_random_html(parts: list[str]) -> None:
    _run(f"<html><body>{''.join(parts)}</body></html>".encode(), "fuzz.html")


_coordinate = st.integers(0, 800)
_drawing = st.one_of(
    st.tuples(_coordinate, _coordinate, _coordinate, _coordinate).map(
        lambda c: f"{c[0]} {c[1]} {c[2]} {c[3]} re S"
    ),
    st.tuples(_coordinate, _coordinate, _coordinate, st.sampled_from([0.5, 1, 2])).map(
        lambda c: f"{c[0]} {c[1]} {c[2]} {c[3]} re f"  # a thin filled rule
    ),
    st.tuples(_coordinate, _coordinate, _coordinate, _coordinate).map(
        lambda c: f"{c[0]} {c[1]} m {c[2]} {c[3]} l S"
    ),
    st.tuples(_coordinate, _coordinate, st.sampled_from(_vocabulary()), st.integers(1, 30)).map(
        lambda c: f"BT /F1 {c[3]} Tf {c[0]} {c[1]} Td ({_pdf_text(c[2])}) Tj ET"
    ),
)


def _pdf_text(text: str) -> str:
    cleaned = text.encode("cp1252", errors="replace").decode("cp1252")
    return cleaned.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


@given(st.lists(st.lists(_drawing, max_size=40), min_size=1, max_size=3))
def test_random_pdf_layout(pages: list[list[str]]) -> None:
    """Text at random places among random rules and boxes: the line, column and ruled-table
    reconstruction meets every geometry."""
    _run(make_pdf(["\n".join(page).encode("cp1252") for page in pages]), "fuzz.pdf")


_cell = st.builds(
    Cell,
    _tokens,
    st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False)),
    st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False)),
)
_location = st.builds(
    Location, st.one_of(st.none(), st.integers(1, 999)), st.one_of(st.none(), st.integers(1, 999))
)
_line = st.builds(
    Line,
    st.lists(_cell, max_size=6),
    _location,
    st.booleans(),
    st.one_of(st.none(), st.floats(0, 900, allow_nan=False)),
    st.one_of(st.none(), st.floats(0, 900, allow_nan=False)),
)


@st.composite
def _table(draw: st.DrawFn) -> Table:
    rows = draw(st.lists(st.lists(_cell, max_size=8), max_size=8))  # ragged on purpose
    return Table(rows=rows, locations=[draw(_location) for _ in rows])


_page = st.builds(
    Page,
    st.one_of(st.none(), st.integers(1, 99)),
    st.lists(st.one_of(_line, _table()), max_size=30),
    st.lists(_line, max_size=4),
)


@given(
    st.sampled_from(["txt", "pdf", "docx", "html"]),
    st.lists(_page, max_size=4),
)
def test_extractor_on_random_layout_documents(kind: str, pages: list[Page]) -> None:
    """The extractor's side of the seam: any layout document a reader could build."""
    found = extract(LayoutDocument(format=kind, pages=pages))  # type: ignore[arg-type]
    run_rules(found.vorlage, found.evidence)


@pytest.mark.parametrize("name", [name for name, _ in _seed_documents()])
def test_seed_documents_themselves_read(name: str) -> None:
    """The unmutated seeds read cleanly, so that the mutations start from real documents."""
    data = dict(_seed_documents())[name]
    parse(identify(Path(name), data), FUZZ_LIMITS)
