"""PDF: pages read in three layers, as pdfplumber builds its tables, each with its own module.

1. words (``words.py``): PDFium's text as words with boxes, and form check boxes as ☒/☐;
2. rulings (``rulings.py``): ruling lines, their crossings, the cells and tables they enclose;
3. lines (``lines.py``): the remaining words clustered into visual lines and columns.

PDFium (pypdfium2, the engine pdfplumber itself installs) is used directly rather than
pdfplumber's pdfminer-based layer: it is about ten times faster on real Vorlagen, it reads text
drawn twice for a bold effect once, and it reports the state of form check boxes. The measures
the layers use are one ``PdfSettings`` object (``settings.py``).
"""

from __future__ import annotations

import contextlib

from vorlage_cli import codes
from vorlage_cli.layout import Block, LayoutDocument, Line, Page, ReaderNote, Table
from vorlage_cli.limits import DEFAULT_LIMITS, Limits, lines_truncated, pages_truncated
from vorlage_cli.readers.errors import ReadError
from vorlage_cli.readers.furniture import PageMarkers, separate_furniture, shipped_markers
from vorlage_cli.readers.pdf.lines import page_lines
from vorlage_cli.readers.pdf.rulings import grids, in_box, page_edges
from vorlage_cli.readers.pdf.settings import DEFAULT_SETTINGS, PdfSettings
from vorlage_cli.readers.pdf.words import bold_reader, checkbox_words, page_words

__all__ = ["DEFAULT_SETTINGS", "PdfSettings", "read_pdf"]


def read_pdf(
    data: bytes,
    limits: Limits = DEFAULT_LIMITS,
    password: str | None = None,
    settings: PdfSettings = DEFAULT_SETTINGS,
    markers: PageMarkers | None = None,
) -> LayoutDocument:
    """The PDF's pages as lines and tables; page numbers and running headers go to each page's
    furniture (page numbers by ``markers``, the configuration's; the shipped lexicon's where
    none are given)."""
    import pypdfium2 as pdfium

    markers = markers or shipped_markers()

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
            page = _open_page(pdf, index)
            if page is None:
                notes.append(
                    ReaderNote(codes.DAMAGED_PAGE, f"Seite {index + 1} ist beschädigt und fehlt")
                )
                continue
            try:
                pages.append(_read_page(page, index + 1, pdf, margins, settings, markers))
            except pdfium.PdfiumError:
                notes.append(
                    ReaderNote(codes.DAMAGED_PAGE, f"Seite {index + 1} ist beschädigt und fehlt")
                )
                continue
            finally:
                _close_page(page, pdf)
            blocks = pages[-1].blocks  # a line counts one, a table its rows
            lines += len(blocks) + sum(len(b.rows) - 1 for b in blocks if isinstance(b, Table))
            if lines > limits.max_lines and index + 1 < total:
                notes.append(ReaderNote(codes.TRUNCATED, lines_truncated(limits.max_lines)))
                break
        else:
            if total > limits.max_pages:
                notes.append(ReaderNote(codes.TRUNCATED, pages_truncated(limits.max_pages, total)))
    finally:
        pdf.close()
    if pages and not any(page.blocks for page in pages):
        raise ReadError(
            "die PDF-Datei enthält keinen Text (gescannt?); bitte zuerst eine Texterkennung (OCR) "
            "anwenden, z. B. mit ocrmypdf",
            code=codes.SCANNED_PDF,
        )
    separate_furniture(pages, markers, in_margin=lambda line: id(line) in margins)
    return LayoutDocument(format="pdf", pages=pages, page_count=total, notes=notes)


def _open_error(message: str, password: str | None) -> ReadError:
    lowered = message.lower()
    if "password" in lowered:
        if password is None:
            return ReadError(
                "die PDF-Datei ist verschlüsselt; das Passwort mit --password angeben",
                codes.ENCRYPTED_PDF,
            )
        return ReadError(
            "die PDF-Datei ist verschlüsselt und das Passwort passt nicht", codes.ENCRYPTED_PDF
        )
    if "format" in lowered or "file" in lowered:
        return ReadError("keine gültige PDF-Datei (beschädigt oder unvollständig)")
    if "security" in lowered:
        return ReadError(
            "die PDF-Datei verwendet ein unbekanntes Verschlüsselungsverfahren", codes.ENCRYPTED_PDF
        )
    # PDFium names no reason for some, e.g. a PDF without pages ("PDFium: Success")
    return ReadError("die PDF-Datei lässt sich nicht öffnen (beschädigt oder ohne Seiten)")


def _open_page(pdf, index: int):  # noqa: ANN001, ANN202 - pypdfium2 document, raw page
    """PDFium's page handle, or None for a page that cannot be loaded. Pages and text pages are
    handled raw, as pypdfium2's own page objects do it (form hooks included) but without their
    finalizers and bookkeeping, which cost as much per page as reading a short page's words."""
    import pypdfium2.raw as raw

    page = raw.FPDF_LoadPage(pdf.raw, index)
    if not page:
        return None
    if pdf.formenv:
        raw.FORM_OnAfterLoadPage(page, pdf.formenv.raw)
    return page


def _close_page(page, pdf) -> None:  # noqa: ANN001 - raw page, pypdfium2 document
    import pypdfium2.raw as raw

    if pdf.formenv:
        raw.FORM_OnBeforeClosePage(page, pdf.formenv.raw)
    raw.FPDF_ClosePage(page)


def _read_page(
    page,  # noqa: ANN001 - a raw PDFium page
    number: int,
    pdf,  # noqa: ANN001 - the pypdfium2 document
    margins: set[int],
    settings: PdfSettings,
    markers: PageMarkers,
) -> Page:
    """One page's blocks; ``margins`` collects the lines that lie in its top or bottom margin."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    height = raw.FPDF_GetPageHeightF(page)
    textpage = raw.FPDFText_LoadPage(page)
    if not textpage:
        raise pdfium.PdfiumError("Failed to load text page.")
    try:
        words = page_words(textpage, height)
        words.extend(checkbox_words(page, pdf, height))
        edges = page_edges(page, height, settings)
        tables = grids(edges, settings) if edges else []
        placed: list[tuple[float, Block]] = []
        for grid in tables:
            inside, outside = [], []
            for word in words:
                (inside if in_box(word, grid.box) else outside).append(word)
            if not inside:
                continue
            table, loose = grid.table(inside, number)
            if table is not None:
                words = outside + loose
                placed.append((grid.box[1], table))
        lines = page_lines(words, number, settings, bold_reader(textpage))
    finally:
        raw.FPDFText_ClosePage(textpage)
    result = Page(number=number, blocks=_reading_order(placed, lines))
    _margin_furniture(result, height, margins, settings.margin, markers)
    return result


def _reading_order(tables: list[tuple[float, Block]], lines: list[Line]) -> list[Block]:
    """The lines in the order the line layer reads them (column by column on a page set in
    two columns), each table before the first line below its top edge."""
    pending = sorted(tables, key=lambda item: item[0])
    blocks: list[Block] = []
    for line in lines:
        while pending and pending[0][0] <= (line.top or 0.0):
            blocks.append(pending.pop(0)[1])
        blocks.append(line)
    blocks.extend(block for _, block in pending)
    return blocks


def _margin_furniture(
    page: Page, height: float, margins: set[int], margin: float, markers: PageMarkers
) -> None:
    """Page numbers in the top and bottom margins go to the furniture; the other margin lines are
    remembered, since a running header is decided across pages."""
    kept: list[Block] = []
    for block in page.blocks:
        if isinstance(block, Line) and block.top is not None:
            in_margin = block.top < margin * height or block.top > (1 - margin) * height
            if in_margin and markers.is_marker(block.text, at_edge=True):
                page.furniture.append(block)
                continue
            if in_margin:
                margins.add(id(block))
        kept.append(block)
    page.blocks = kept
