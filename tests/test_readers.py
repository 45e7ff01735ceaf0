"""Readers: each turns one format into the layout document. Inputs are built here so that each
test states exactly what the file holds."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from vorlage_cli.extract.textutil import fold
from vorlage_cli.layout import Line, Table
from vorlage_cli.readers import load, parse
from vorlage_cli.readers.bounds import MAX_CELLS
from vorlage_cli.readers.docx import read_docx
from vorlage_cli.readers.html import read_html
from vorlage_cli.readers.pdf import PdfSettings, read_pdf
from vorlage_cli.readers.text import decode, from_markdown, read_text, split_cells

from .conftest import SAMPLES
from .hostile import ODF_NAMESPACES, content_xml, make_odt, styles_xml
from .pdfbuild import line, pdf_document, text


def lines_of(document) -> list[str]:
    return [block.text for block in document.blocks() if isinstance(block, Line)]


# -- text -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected", "encoding"),
    [
        ("Größe €".encode(), "Größe €", "utf-8"),
        (b"\xef\xbb\xbf" + "Größe".encode(), "Größe", "utf-8-sig"),
        ("„Größe“ 5 €".encode("cp1252"), "„Größe“ 5 €", "cp1252"),
        (b"Gr\xf6\xdfe \x81", "Größe \x81", "latin-1"),
    ],
)
def test_text_encodings_are_detected(data: bytes, expected: str, encoding: str) -> None:
    assert decode(data) == (expected, encoding)


def test_tab_columns_keep_empty_cells_for_alignment() -> None:
    cells = split_cells("Rat\t\t25.04.2024\t7/2024\t")
    assert [c.text for c in cells] == ["Rat", "", "25.04.2024", "7/2024"]
    assert all(c.x0 is None for c in cells)


def test_a_page_saved_as_markdown_reads_as_its_page() -> None:
    """ALLRIS net 4 (2024) saved by a Markdown converter: "- Label:" / "- value" items and a
    pipe table whose rows of pipes carry nothing; lines keep their numbers."""
    lines = [
        "- Status:",
        "- öffentlich",
        "- Betreff:",
        "-",
        "Kanalsanierung",
        "Status | Datum | Gremium |",
        "---|---|---|",
        "|",
        "Rat der Gemeinde Beispielstadt",
        "| |||",
    ]
    assert from_markdown(lines) == [
        "Status: öffentlich",
        "",
        "Betreff:",
        "",
        "Kanalsanierung",
        "Status\tDatum\tGremium",
        "",
        "",
        "Rat der Gemeinde Beispielstadt",
        "",
    ]


def test_list_items_with_a_colon_stay_in_a_text_without_a_pipe_table() -> None:
    lines = ["Personeller Bedarf:", "- Stadtteilbibliothek:", "- 50% Bibliothekarin"]
    assert from_markdown(lines) == lines


def test_space_aligned_columns_keep_their_positions() -> None:
    cells = split_cells("Verfasser:   Amt 40          Az.: 40/Wi")
    assert [(c.text, c.x0) for c in cells] == [
        ("Verfasser:", 0.0),
        ("Amt 40", 13.0),
        ("Az.: 40/Wi", 29.0),
    ]


def test_text_pages_and_page_furniture() -> None:
    data = (
        b"Vorlage VL-1/2025\r\nErster Absatz,\r\ndas weiter geht.\r\n-- 1 of 2 --\r\n"
        b"Seite 2 von 2 aus Vorlage: VL-1/2025\r\nZweite Seite\r\nSchuljahr\r\n2025/2026\f"
        b"Dritte Seite- 3 -\r\nEnde\r\n"
    )
    document = read_text(data)
    assert len(document.pages) == 4  # the marker, the form feed and the glued "- 3 -"
    assert lines_of(document) == [
        "Vorlage VL-1/2025",
        "Erster Absatz,",
        "das weiter geht.",
        "Zweite Seite",
        "Schuljahr",
        "2025/2026",
        "Dritte Seite",
        "Ende",
    ]
    furniture = [line.text for line in document.furniture()]
    assert "Seite 2 von 2 aus Vorlage: VL-1/2025" in furniture
    assert "- 3 -" in furniture


def test_text_paragraphs_follow_blank_lines() -> None:
    document = read_text(b"Erster\nSatz\n\nZweiter\n")
    assert [line.paragraph_start for line in document.blocks()] == [True, False, True]
    assert [line.location.line for line in document.blocks()] == [1, 2, 4]


def test_a_soft_hyphen_at_a_lines_end_is_printed_as_a_hyphen() -> None:
    """A word processor's soft hyphen breaks 'Nordstemmen' as 'Nord­' / 'stemmen'; printed, it
    is a hyphen, which the joining of a paragraph's lines undoes. Inside a line it is not shown."""
    document = read_text("Gemeinde Nord\u00ad\nstemmen und Wies\u00adental\n".encode())
    assert [fold(line.text) for line in document.blocks()] == [
        "Gemeinde Nord-",
        "stemmen und Wiesental",
    ]


# -- PDF ------------------------------------------------------------------------------------


def test_pdf_text_drawn_twice_for_bold_is_read_once() -> None:
    content = (
        "BT /F1 12 Tf 72 700 Td (Vorlage: DS 49/2012) Tj ET\n"
        "BT /F1 12 Tf 72.4 700 Td (Vorlage: DS 49/2012) Tj ET\n"
    )
    assert lines_of(read_pdf(pdf_document(content))) == ["Vorlage: DS 49/2012"]


def test_pdf_ruled_table_keeps_wrapped_cells_and_their_row() -> None:
    grid = "".join(line(70, y, 400, y) for y in (100, 115, 145, 160)) + "".join(
        line(x, 100, x, 160) for x in (70, 250, 400)
    )
    cells = (
        text(75, 111, "Gremium")
        + text(255, 111, "Termin")
        + text(75, 127, "Betriebsausschuss")
        + text(75, 140, "Eigenbetrieb")
        + text(255, 134, "28.02.2023")
        + text(75, 156, "Stadtrat")
        + text(255, 156, "26.04.2023")
    )
    document = read_pdf(pdf_document(grid + cells))
    tables = [block for block in document.blocks() if isinstance(block, Table)]
    assert len(tables) == 1
    assert [[cell.text for cell in row] for row in tables[0].rows] == [
        ["Gremium", "Termin"],
        ["Betriebsausschuss\nEigenbetrieb", "28.02.2023"],
        ["Stadtrat", "26.04.2023"],
    ]


def test_pdf_word_broken_by_a_narrow_cell_is_rejoined() -> None:
    """A word too long for its cell breaks without a hyphen where the cell ends ("Finanzaussc"
    / "huss"); a line that stops short of the edge ended at a word ("Haupt- und")."""
    grid = "".join(line(70, y, 230, y) for y in (100, 145)) + "".join(
        line(x, 100, x, 145) for x in (70, 138, 230)
    )
    # Helvetica 10 pt in a cell with 60 pt for text: "Finanzaussc" (56 pt) fills it, while
    # "Ausschuss" (48 pt) ends where " für" (15 pt) no longer fits
    cells = (
        text(74, 112, "Haupt- und")
        + text(74, 125, "Finanzaussc")
        + text(74, 138, "huss")
        + text(142, 125, "18.04.2024")
    )
    table = next(b for b in read_pdf(pdf_document(grid + cells)).blocks() if isinstance(b, Table))
    assert table.rows[0][0].text == "Haupt- und\nFinanzausschuss"
    short = text(74, 112, "Ausschuss") + text(74, 125, "für Bau") + text(142, 125, "18.04.2024")
    table = next(b for b in read_pdf(pdf_document(grid + short)).blocks() if isinstance(b, Table))
    assert table.rows[0][0].text == "Ausschuss\nfür Bau"


def test_pdf_columns_split_at_wide_gaps() -> None:
    content = text(72, 100, "Verfasser:") + text(300, 100, "Amt 40")
    document = read_pdf(pdf_document(content))
    assert [[c.text for c in block.cells] for block in document.blocks()] == [
        ["Verfasser:", "Amt 40"]
    ]


LEFT_COLUMN = [f"Satz {n} der linken Spalte erklärt den Bau" for n in range(1, 10)]
RIGHT_COLUMN = [f"Satz {n} der rechten Spalte nennt die Kosten" for n in range(1, 10)]


def test_pdf_page_in_two_columns_is_read_column_by_column() -> None:
    """Prose set in two columns reads down the left column, then down the right; a heading
    across both stays where it stands."""
    content = text(72, 80, "Begründung zur Sanierung der Grundschule am Lindenplatz")
    for row, (left, right) in enumerate(zip(LEFT_COLUMN, RIGHT_COLUMN, strict=True)):
        content += text(72, 110 + 14 * row, left) + text(310, 110 + 14 * row, right)
    content += text(72, 260, "Finanzielle Auswirkungen der Sanierung im Haushalt 2027")
    assert lines_of(read_pdf(pdf_document(content))) == [
        "Begründung zur Sanierung der Grundschule am Lindenplatz",
        *LEFT_COLUMN,
        *RIGHT_COLUMN,
        "Finanzielle Auswirkungen der Sanierung im Haushalt 2027",
    ]


def test_pdf_table_without_rulings_stays_row_by_row() -> None:
    """Two columns of short cells are a table, not prose: each row stays one line."""
    content = "".join(
        text(72, 100 + 14 * row, f"Ausschuss {row}")
        + text(310, 100 + 14 * row, f"1{row}.04.2027 Ö")
        for row in range(10)
    )
    document = read_pdf(pdf_document(content))
    assert [[c.text for c in block.cells] for block in document.blocks()][:2] == [
        ["Ausschuss 0", "10.04.2027 Ö"],
        ["Ausschuss 1", "11.04.2027 Ö"],
    ]


def test_bold_lines_are_marked_in_every_format_that_prints_them() -> None:
    """A line is bold where every word is: a heading's only mark in many templates."""
    pdf = read_pdf(
        pdf_document(
            text(72, 100, "Erläuterungen", bold=True)
            + text(72, 130, "Der Rat", bold=True)
            + text(115, 130, "beschließt.")
        )
    )
    assert [(b.text, b.bold) for b in pdf.blocks()] == [
        ("Erläuterungen", True),
        ("Der Rat beschließt.", False),
    ]

    def build(document) -> None:
        document.add_paragraph().add_run("Erläuterungen").bold = True
        mixed = document.add_paragraph()
        mixed.add_run("Der Rat").bold = True
        mixed.add_run(" beschließt.")
        document.add_paragraph("Verfahren", style="Heading 2")

    word = read_docx(_docx_bytes(build))
    assert [(b.text, b.bold) for b in word.blocks()] == [
        ("Erläuterungen", True),
        ("Der Rat beschließt.", False),
        ("Verfahren", True),
    ]
    page = read_html(
        "<p><strong>Erläuterungen</strong></p><p><b>Der Rat</b> beschließt.</p>"
        "<h3>Verfahren</h3><p style='font-weight: 700'>Kosten</p>".encode()
    )
    assert [(b.text, b.bold) for b in page.blocks()] == [
        ("Erläuterungen", True),
        ("Der Rat beschließt.", False),
        ("Verfahren", True),
        ("Kosten", True),
    ]


def test_pdf_settings_are_the_readers_measures() -> None:
    """A gap counts as a column border by the settings' measure: read with a wider one, the
    label and its value share a cell."""
    content = text(72, 100, "Verfasser:") + text(300, 100, "Amt 40")
    wide = PdfSettings(column_gap=100.0)
    document = read_pdf(pdf_document(content), settings=wide)
    assert [[c.text for c in block.cells] for block in document.blocks()] == [["Verfasser: Amt 40"]]


def test_pdf_without_text_layer_is_reported() -> None:
    from vorlage_cli.readers import ReadError

    with pytest.raises(ReadError, match="keinen Text") as caught:
        read_pdf(pdf_document(line(10, 10, 100, 100)))
    assert caught.value.code == "RD004"


# -- DOCX -----------------------------------------------------------------------------------


def _run(text_value: str, tag: str = "w:t") -> OxmlElement:
    run = OxmlElement("w:r")
    element = OxmlElement(tag)
    element.text = text_value
    run.append(element)
    return run


def _docx_bytes(build) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_tracked_changes_content_controls_symbols_and_header(tmp_path: Path) -> None:
    def build(document) -> None:
        document.sections[0].header.paragraphs[0].text = "Vorlage VL-7/2025"
        paragraph = document.add_paragraph("Betreff: Haushalt ")
        deleted = OxmlElement("w:del")
        deleted.append(_run("2026", "w:delText"))
        inserted = OxmlElement("w:ins")
        inserted.append(_run("2027"))
        paragraph._p.append(deleted)
        paragraph._p.append(inserted)
        control = OxmlElement("w:sdt")
        content = OxmlElement("w:sdtContent")
        content.append(_run(" (Entwurf)"))
        control.append(content)
        paragraph._p.append(control)
        boxes = document.add_paragraph("Ja ")
        symbol = OxmlElement("w:sym")
        symbol.set(qn("w:font"), "Wingdings")
        symbol.set(qn("w:char"), "F0FE")
        run = OxmlElement("w:r")
        run.append(symbol)
        boxes._p.append(run)

    document = parse_bytes(_docx_bytes(build), "x.docx", tmp_path)
    assert lines_of(document) == ["Betreff: Haushalt 2027 (Entwurf)", "Ja ☒"]
    assert [line.text for line in document.furniture()] == ["Vorlage VL-7/2025"]


def test_docx_nested_layout_table_is_read_through(tmp_path: Path) -> None:
    def build(document) -> None:
        outer = document.add_table(rows=1, cols=1)
        cell = outer.cell(0, 0)
        cell.paragraphs[0].text = "Beratungsfolge:"
        inner = cell.add_table(rows=2, cols=2)
        inner.cell(0, 0).text, inner.cell(0, 1).text = "Gremium", "Termin"
        inner.cell(1, 0).text, inner.cell(1, 1).text = "Rat", "25.04.2024"

    document = parse_bytes(_docx_bytes(build), "x.docx", tmp_path)
    blocks = document.blocks()
    assert isinstance(blocks[0], Line) and blocks[0].text == "Beratungsfolge:"
    assert isinstance(blocks[1], Table)
    assert [[c.text for c in row] for row in blocks[1].rows] == [
        ["Gremium", "Termin"],
        ["Rat", "25.04.2024"],
    ]


# -- HTML -----------------------------------------------------------------------------------


def test_html_blocks_tables_comments_and_decomposed_umlauts() -> None:
    page = (
        "<html><body><!-- navigation --><div>Betreff:</div><p>Gru\u0308nfla\u0308che</p>"
        "<table><tr><td>Rat</td><td>25.04.2024</td></tr></table><script>x()</script></body></html>"
    ).encode()
    document = read_html(page)
    blocks = document.blocks()
    assert [b.text for b in blocks if isinstance(b, Line)] == ["Betreff:", "Grünfläche"]
    assert [[c.text for c in row] for row in blocks[2].rows] == [["Rat", "25.04.2024"]]


def test_xhtml_with_xml_declarations_and_their_encoding(tmp_path: Path) -> None:
    """An ALLRIS net 3 page: XHTML in ISO-8859-1 declared only by its XML declaration, with a
    converted Word document embedded that declares itself again."""
    page = (
        '<?xml version="1.0" encoding="iso-8859-1"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Drucksache - 22-0001</h1>'
        '<div><?xml version="1.0" encoding="UTF-8"?><html><body><p>Der Ausschuss möge '
        "beschließen:</p></body></html></div></body></html>"
    ).encode("iso-8859-1")
    document = parse_bytes(page, "vo020.asp", tmp_path)
    lines = [b.text for b in document.blocks() if isinstance(b, Line)]
    assert lines == ["Drucksache - 22-0001", "Der Ausschuss möge beschließen:"]


def test_html_page_chrome_is_left_out() -> None:
    """Menus, tabs and side panels surround every RIS page; a menu item "Beschluss" would
    otherwise read as a heading."""
    page = (
        b"<html><body><nav><ul><li>Sitzungen</li><li>Beschluss</li></ul></nav>"
        b'<div id="rismenu"><ul id="menu"><li>Vorlagen</li></ul></div>'
        b'<ul class="nav nav-tabs"><li>Informationen</li><li>Beratungen</li></ul>'
        b"<h1>Antrag - 2026/0245</h1><aside><span>Legende</span></aside></body></html>"
    )
    document = read_html(page)
    assert [b.text for b in document.blocks() if isinstance(b, Line)] == ["Antrag - 2026/0245"]


# -- format by content ----------------------------------------------------------------------


def parse_bytes(data: bytes, name: str, folder: Path):
    path = folder / name
    path.write_bytes(data)
    return parse(load(path))


def test_pdf_named_docx_is_read_as_pdf_with_a_warning(tmp_path: Path) -> None:
    document = parse_bytes(
        pdf_document(text(72, 100, "Vorlage VL-2/2025")), "vorlage.docx", tmp_path
    )
    assert document.format == "pdf"
    assert [note.code for note in document.notes] == ["RD010"]
    assert lines_of(document) == ["Vorlage VL-2/2025"]


# -- ODT ------------------------------------------------------------------------------------

LIST_STYLES = (
    '<text:list-style style:name="Zahlen">'
    '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>'
    '<text:list-level-style-number text:level="2" style:num-prefix="" style:num-suffix=")" '
    'style:num-format="a"/></text:list-style>'
    '<text:list-style style:name="Punkte">'
    '<text:list-level-style-bullet text:level="1" text:bullet-char="–"/></text:list-style>'
    '<text:list-style style:name="Muster">'
    '<text:list-level-style-number text:level="1" loext:num-list-format="%1%." '
    'style:num-suffix="." style:num-format="I" text:start-value="3"/></text:list-style>'
)


def _odt(body: str, *, master_page: str = "", meta: str | None = None) -> bytes:
    extra = {"meta.xml": meta.encode()} if meta is not None else None
    return make_odt(
        content_xml(body, styles=LIST_STYLES), styles=styles_xml(master_page), extra=extra
    )


def _item(text: str, nested: str = "") -> str:
    return f"<text:list-item><text:p>{text}</text:p>{nested}</text:list-item>"


def test_odt_text_tracked_changes_fields_and_left_out_parts(tmp_path: Path) -> None:
    body = (
        "<text:tracked-changes><text:changed-region text:id='c1'><text:deletion>"
        "<text:p>2026</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        "<text:h text:outline-level='1'>BESCHLUSSVORSCHLAG</text:h>"
        "<text:p>Betreff:   Haushalt <text:change text:change-id='c1'/>"
        "<text:change-start text:change-id='c2'/>2027<text:change-end text:change-id='c2'/>"
        "<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Fußnote"
        "</text:p></text:note-body></text:note>"
        "<office:annotation><text:p>Kommentar</text:p></office:annotation>"
        " (<text:text-input>Entwurf</text:text-input>)</text:p>"
        "<text:p>Nummer:<text:tab/>VL-7/2025<text:s text:c='3'/>1N<text:line-break/>zweite</text:p>"
        "<text:p>viele<text:s text:c='999999999'/>Leerzeichen</text:p>"
        "<text:table-of-content><text:table-of-content-source><text:index-title-template>"
        "Vorlage</text:index-title-template></text:table-of-content-source><text:index-body>"
        "<text:p>Inhalt</text:p></text:index-body></text:table-of-content>"
        "<text:p><draw:frame><draw:text-box><text:p>im Rahmen</text:p></draw:text-box>"
        "</draw:frame>vor dem Rahmen</text:p>"
    )
    document = parse_bytes(_odt(body), "x.odt", tmp_path)
    assert document.format == "odt"
    lines = [block for block in document.blocks() if isinstance(block, Line)]
    assert [line.text for line in lines] == [
        "BESCHLUSSVORSCHLAG",
        "Betreff: Haushalt 2027 (Entwurf)",
        "Nummer: VL-7/2025   1N",
        "zweite",
        "viele" + " " * 100 + "Leerzeichen",
        "Inhalt",
        "vor dem Rahmen",
        "im Rahmen",
    ]
    assert [cell.text for cell in lines[2].cells] == ["Nummer:", "VL-7/2025   1N"]
    assert [line.location.line for line in lines] == [1, 2, 3, 3, 4, 5, 6, 7]
    assert [line.paragraph_start for line in lines[2:4]] == [True, False]


def test_odt_lists_are_numbered_as_libreoffice_shows_them(tmp_path: Path) -> None:
    body = (
        "<text:list text:style-name='Zahlen' xml:id='liste1'>"
        + _item("Erstens")
        + _item(
            "Zweitens",
            "<text:list>" + _item("Unterpunkt") + _item("noch einer") + "</text:list>",
        )
        + "</text:list>"
        "<text:p>Zwischentext</text:p>"
        "<text:list text:style-name='Zahlen' text:continue-list='liste1'>"
        + _item("Drittens")
        + "</text:list>"
        "<text:list text:style-name='Zahlen'>" + _item("neu") + "</text:list>"
        "<text:list text:style-name='Zahlen' text:continue-numbering='true'>"
        + _item("weiter")
        + "<text:list-item text:start-value='7'><text:p>sieben</text:p></text:list-item>"
        + "<text:list-header><text:p>ohne Nummer</text:p></text:list-header>"
        + "</text:list>"
        "<text:list text:style-name='Punkte'>" + _item("Strich") + "</text:list>"
        "<text:list text:style-name='Muster'>" + _item("römisch") + "</text:list>"
    )
    document = parse_bytes(_odt(body), "x.odt", tmp_path)
    assert lines_of(document) == [
        "1. Erstens",
        "2. Zweitens",
        "a) Unterpunkt",
        "b) noch einer",
        "Zwischentext",
        "3. Drittens",
        "1. neu",
        "2. weiter",
        "7. sieben",
        "ohne Nummer",
        "– Strich",
        "III. römisch",
    ]


def test_odt_tables_merged_and_repeated_cells_headers_and_pages(tmp_path: Path) -> None:
    def row(*cells: str) -> str:
        return "<table:table-row>" + "".join(cells) + "</table:table-row>"

    def cell(text: str, attributes: str = "") -> str:
        return f"<table:table-cell {attributes}><text:p>{text}</text:p></table:table-cell>"

    covered = "<table:covered-table-cell/>"
    body = (
        "<table:table><table:table-header-rows>"
        + row(cell("Gremium"), cell("Termin"), cell("TOP"))
        + "</table:table-header-rows>"
        + row(cell("Rat der Stadt", "table:number-columns-spanned='2'"), covered, cell("5"))
        + row(cell("Bauausschuss", "table:number-rows-spanned='2'"), cell("03.03.2025"), cell(""))
        + row(covered, cell("04.03.2025"), cell("x", "table:number-columns-repeated='1000000'"))
        + "</table:table>"
    )
    header = "<style:header><text:p>Vorlage VL-7/2025</text:p></style:header>"
    footer = "<style:footer><text:p>Seite <text:page-number>2</text:page-number></text:p>"
    footer += "</style:footer><style:footer-first><text:p>Vorlage VL-7/2025</text:p>"
    footer += "</style:footer-first>"
    meta = (
        f'<?xml version="1.0"?><office:document-meta {ODF_NAMESPACES}><office:meta>'
        '<meta:document-statistic meta:page-count="3"/></office:meta></office:document-meta>'
    )
    document = parse_bytes(_odt(body, master_page=header + footer, meta=meta), "x.odt", tmp_path)
    (table,) = document.blocks()
    assert isinstance(table, Table)
    rows = [[cell.text for cell in row] for row in table.rows]
    assert rows[:3] == [
        ["Gremium", "Termin", "TOP"],
        ["Rat der Stadt", "5"],
        ["Bauausschuss", "03.03.2025", ""],
    ]
    assert rows[3][:3] == ["", "04.03.2025", "x"]
    assert len(rows[3]) == MAX_CELLS
    assert [line.text for line in document.furniture()] == ["Vorlage VL-7/2025", "Seite 2"]
    assert document.page_count == 3


def test_odt_sample_reads_like_its_docx() -> None:
    """The same sample saved by LibreOffice as ODT gives the DOCX's text, tracked changes
    resolved the same way (samples/README.md: '2026' deleted, '2027' inserted)."""
    folder = SAMPLES / "verwaltungsvorlage"
    odt = parse(load(folder / "vl-12-2025-1n.odt"))
    word = parse(load(folder / "vl-12-2025-1n.docx"))
    odt_text = " ".join(" ".join(lines_of(odt)).split())
    assert "bis 2027" in odt_text and "bis 2026" not in odt_text
    assert odt_text == " ".join(" ".join(lines_of(word)).split())


@pytest.mark.parametrize(
    ("block", "cells"),
    [
        (
            '<div><span class="l">Art</span><span class="v">Mitteilungsvorlage</span></div>',
            ["Art", "Mitteilungsvorlage"],
        ),
        (
            "<div><label>Vorlagen-Nr.:</label> <b>VO/2025/0815</b></div>",
            ["Vorlagen-Nr.:", "VO/2025/0815"],
        ),
        ("<p><span>Maßnahmen</span><span>beschreibung</span></p>", ["Maßnahmenbeschreibung"]),
        (
            "<dd><span>öffentlich</span> <span>(Vorlage freigegeben)</span></dd>",
            ["öffentlich (Vorlage freigegeben)"],
        ),
        ("<div><span>●</span><span>Erledigt</span></div>", ["●Erledigt"]),
        ("<p><span>Petitum/</span><span>Beschluss:</span></p>", ["Petitum/Beschluss:"]),
    ],
    ids=["css row", "label with colon", "word split in spans", "one value", "bullet", "heading"],
)
def test_a_css_row_of_label_and_value_becomes_two_cells(block: str, cells: list[str]) -> None:
    """RIS pages lay out label and value with CSS instead of a table; read as one line,
    "Art Mitteilungsvorlage" had no colon and was no label. Text merely set in spans stays one
    cell."""
    document = read_html(f"<html><body>{block}</body></html>".encode())
    [line] = [block for page in document.pages for block in page.blocks]
    assert [cell.text for cell in line.cells] == cells


def test_odt_marks_paragraphs_printed_bold_throughout(tmp_path: Path) -> None:
    """Bold by the paragraph's style (through its parent, as LibreOffice's automatic styles
    inherit), by a span's character style, or as a heading; a paragraph with one word not bold
    is no bold line, and a span may switch bold off."""
    automatic = (
        '<style:style style:name="P1" style:family="paragraph" '
        'style:parent-style-name="Fett"/>'
        '<style:style style:name="T1" style:family="text">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="T2" style:family="text">'
        '<style:text-properties fo:font-weight="normal"/></style:style>'
    )
    named = (
        '<style:style style:name="Fett" style:family="paragraph">'
        '<style:text-properties fo:font-weight="700"/></style:style>'
    )
    body = (
        "<text:p text:style-name='P1'>Erläuterungen zum Verfahren</text:p>"
        "<text:p><text:span text:style-name='T1'>Begründung</text:span> </text:p>"
        "<text:h text:outline-level='1'>Beschlussvorschlag</text:h>"
        "<text:p><text:span text:style-name='T1'>Der Rat</text:span> beschließt.</text:p>"
        "<text:p text:style-name='P1'>Fett <text:span text:style-name='T2'>und</text:span></text:p>"
    )
    data = make_odt(content_xml(body, styles=automatic), styles=styles_xml(styles=named))
    document = parse_bytes(data, "x.odt", tmp_path)
    lines = [block for block in document.blocks() if isinstance(block, Line)]
    assert [(line.text, line.bold) for line in lines] == [
        ("Erläuterungen zum Verfahren", True),
        ("Begründung", True),
        ("Beschlussvorschlag", True),
        ("Der Rat beschließt.", False),
        ("Fett und", False),
    ]


def test_a_pages_time_stamp_is_furniture() -> None:
    """komuna pages end with "Datenstand vom 10.10.2024 10:58 Uhr": when the page was made."""
    document = read_text(
        b"Sachverhalt:\nDient zur Kenntnis.\nDatenstand vom 10.10.2024 10:58 Uhr\n"
    )
    assert [line.text for line in document.furniture()] == ["Datenstand vom 10.10.2024 10:58 Uhr"]
    assert lines_of(document) == ["Sachverhalt:", "Dient zur Kenntnis."]
