"""The PDF reader's tunable measures, in one place and with their reasons.

Like pdfplumber's table settings, they are passed down through the layers (words, rulings,
lines) rather than read from module constants, so a caller or a test can read a document with
other measures; the defaults suit the Word and LibreOffice PDFs of council information systems.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PdfSettings:
    edge_max_thickness: float = 2.5
    """Points: a path thinner than this is a ruling line."""
    snap: float = 2.0
    """Points within which ruling lines count as the same line or as touching."""
    column_gap: float = 1.6
    """A horizontal gap wider than this many line heights separates two columns."""
    paragraph_gap: float = 0.6
    """A vertical gap larger than this many line heights starts a paragraph."""
    paragraph_pitch: float = 1.5
    """A line further below the previous one than this many usual line pitches starts a
    paragraph."""
    forced_break_chars: float = 1.2
    """A cell line ending closer than this many characters to the cell's edge filled the cell:
    a word the cell broke without a hyphen goes on below."""
    margin: float = 0.09
    """Top and bottom share of the page where running headers and footers live."""
    max_form_depth: int = 32
    """Form objects nested deeper than this are not searched for ruling lines: real tables sit
    one or two levels deep, and a hostile file must not drive the recursion."""


DEFAULT_SETTINGS = PdfSettings()
