"""Decide a file's format from its content: extensions lie (a text file named .pdf, a PDF named
.docx), and the reader must match the bytes, not the name."""

from __future__ import annotations

import zipfile
from io import BytesIO

from vorlage_cli.layout import Format

EXTENSIONS: dict[str, Format] = {
    ".txt": "txt",
    ".text": "txt",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_BYTES = frozenset([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
"""Bytes that text in any 8-bit encoding or UTF-8 hardly contains (ESC aside: ANSI colours)."""
BINARY_SHARE = 0.05
"""More than this share of such bytes at the start makes a file binary data, not text: random
or compressed bytes have about 11 %, a text file with a few stray NUL bytes far less."""


def format_from_name(name: str) -> Format | None:
    dot = name.rfind(".")
    return EXTENSIONS.get(name[dot:].lower()) if dot >= 0 else None


def sniff(head: bytes, data: bytes | None = None) -> Format | str:
    """The format of a file from its first bytes (and, for ZIP containers, its member list).

    Returns one of the supported formats, or a short German description of an unsupported kind
    ("ein altes Word-Dokument (.doc)") for the error message.
    """
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if data is None:
            return "docx"
        try:
            names = zipfile.ZipFile(BytesIO(data)).namelist()
        except Exception:
            # BadZipFile, and what a damaged directory makes zipfile raise on the way:
            # NotImplementedError for an unknown version (found by fuzzing), ValueError, OSError
            return "ein beschädigtes ZIP-Archiv"
        return "docx" if "word/document.xml" in names else "ein ZIP-Archiv ohne Word-Dokument"
    if head.startswith(_OLE_MAGIC):
        return "ein altes Office-Dokument (.doc), bitte als DOCX oder PDF speichern"
    if _is_binary(head):
        return "binär, kein Text und kein bekanntes Dokumentformat"
    lowered = stripped[:2048].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or (
        lowered.startswith(b"<") and (b"<html" in lowered or b"<body" in lowered)
    ):
        return "html"
    return "txt"


def _is_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text with its byte order mark
        return False
    return sum(byte in _BINARY_BYTES for byte in head) > BINARY_SHARE * len(head)
