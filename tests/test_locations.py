"""Findings point at their evidence: the quoted text stands where the location says, checked
against the documents themselves (the text file's line, the PDF's page as PDFium reads it, the
DOCX's paragraph as python-docx reads it), not against the extractor's own view of them.

Besides the findings (few on correct documents), every station's date and every listed Anlage
is placed the way a finding about it would be, so that each document contributes many checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pypdfium2
import pytest

from vorlage_cli.discovery import discover
from vorlage_cli.evidence import Evidence, Place
from vorlage_cli.model import Vorlage
from vorlage_cli.pipeline import process, read_vorlage

from .conftest import CORPUS, SAMPLES

FORMATS = {".txt", ".pdf", ".docx"}


def _documents() -> list[Path]:
    found = [path for path in discover([SAMPLES]).files if path.suffix in FORMATS]
    if CORPUS.is_dir():
        found += [
            path
            for folder in ("seed", "real")
            for path in sorted((CORPUS / folder).iterdir())
            if path.suffix in FORMATS
        ]
    return found


def _squeezed(text: str) -> str:
    """Text compared without spaces and case: PDF text layers space words their own way."""
    return re.sub(r"\s+", "", text).lower()


def _pieces(excerpt: str) -> list[str]:
    """The quoted parts of an excerpt shortened with "…"."""
    return [_squeezed(piece) for piece in excerpt.split("…") if piece.strip()]


def _holds(text: str, excerpt: str) -> bool:
    squeezed = _squeezed(text)
    return all(piece in squeezed for piece in _pieces(excerpt))


@cache
def _text_lines(path: Path) -> list[str]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@cache
def _pdf_pages(path: Path) -> list[str]:
    pdf = pypdfium2.PdfDocument(path)
    try:
        return [pdf[index].get_textpage().get_text_range() for index in range(len(pdf))]
    finally:
        pdf.close()


@cache
def _docx_blocks(path: Path) -> list[str]:
    """Body paragraphs and table rows, in document order, as Word shows their text."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    blocks = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append(item.text)
        elif isinstance(item, Table):
            for row in item.rows:
                cells = dict.fromkeys(cell.text for cell in row.cells)
                blocks.append(" ".join(cells))
    return blocks


def _where_it_stands(path: Path, place: Place) -> str | None:
    """Why the quote is not where the place says, or None where it is."""
    excerpt, location = place.excerpt, place.location
    assert excerpt and location is not None
    if path.suffix == ".txt":
        lines = _text_lines(path)
        if location.line is None or not _holds(lines[location.line - 1], excerpt):
            return f"line {location.line} does not hold „{excerpt}“"
    elif path.suffix == ".pdf":
        # A table row's cells are quoted side by side, where PDFium reads them one under the
        # other: every word must stand on the page.
        page = _squeezed(_pdf_pages(path)[location.page - 1]) if location.page else ""
        words = [_squeezed(word) for word in excerpt.replace("…", " ").split()]
        if not page or not all(word in page for word in words):
            return f"page {location.page} does not hold „{excerpt}“"
    else:
        opening = (place.paragraph or "").removesuffix(" …")
        blocks = _docx_blocks(path)
        hits = [
            index
            for index, block in enumerate(blocks)
            if _squeezed(block).startswith(_squeezed(opening)) and _holds(block, excerpt)
        ]
        if not opening or not hits:
            return f"no paragraph opening with „{opening}“ holds „{excerpt}“"
        if place.heading and not any(
            _squeezed(block).startswith(_squeezed(place.heading)) for block in blocks[: hits[0]]
        ):
            return f"no heading „{place.heading}“ before „{opening}“"
    return None


def _places(vorlage: Vorlage, evidence: Evidence) -> Iterator[tuple[str, Place]]:
    """How findings about each station's date and each listed Anlage would be placed."""
    for index, station in enumerate(vorlage.beratungsfolge):
        path = f"beratungsfolge[{index}].termin"
        printed = evidence.printed.get(path) or (
            station.termin.strftime("%d.%m.%Y") if station.termin else None
        )
        if printed:
            yield path, evidence.place(path, printed)
    for anlage in vorlage.anlagen:
        yield "anlagen", evidence.place("anlagen", anlage.titel)


@pytest.mark.parametrize("path", _documents(), ids=lambda path: path.name)
def test_findings_quote_the_text_where_they_point(path: Path) -> None:
    result = process(path)
    quoted = [f for f in result.findings if f.excerpt and (f.location.page or f.location.line)]
    for finding in quoted:
        place = Place(
            finding.location,  # type: ignore[arg-type]
            finding.location.heading,
            finding.location.paragraph,
            finding.excerpt,
        )
        problem = _where_it_stands(path, place)
        assert problem is None, f"{finding.code}: {problem}"


@pytest.mark.parametrize("path", _documents(), ids=lambda path: path.name)
def test_station_dates_and_anlagen_are_placed_where_they_stand(path: Path) -> None:
    reading = read_vorlage(path)
    assert reading.vorlage is not None and reading.evidence is not None
    checked = 0
    for field, place in _places(reading.vorlage, reading.evidence):
        if place.excerpt is None or place.location is None:
            continue
        problem = _where_it_stands(path, place)
        assert problem is None, f"{field}: {problem}"
        checked += 1
    assert checked or not reading.vorlage.beratungsfolge
