"""Decide a file's format from its content: extensions lie (a text file named .pdf, a PDF named
.docx), and the reader must match the bytes, not the name.

Formats the tool does not read are named with what to do about them, because a clerk who gets
"unreadable" for an old Word file or a scan does not know what is wrong: by name where a folder
is searched (:data:`UNSUPPORTED`, the file is skipped with a note), by content where a file is
read (:func:`sniff` returns an :class:`Unsupported` with the reason).
"""

from __future__ import annotations

from dataclasses import dataclass

from vorlage_cli.layout import Format

FORMAT_NAMES: dict[Format, str] = {
    "txt": "Text",
    "pdf": "PDF",
    "docx": "DOCX",
    "odt": "ODT",
    "html": "HTML",
}
"""How messages and reports name each format."""
EXTENSIONS: dict[str, Format] = {
    ".txt": "txt",
    ".text": "txt",
    ".pdf": "pdf",
    ".docx": "docx",
    ".odt": "odt",
    ".html": "html",
    ".htm": "html",
}

_SAVE_AS = "bitte als DOCX, ODT oder PDF speichern"
_SCAN = "ein Bild enthält keinen Text: bitte als PDF mit Texterkennung speichern (z. B. ocrmypdf)"
_NOT_A_VORLAGE = "keine Textvorlage: bitte die Vorlage selbst als DOCX, ODT oder PDF speichern"

UNSUPPORTED: dict[str, str] = {
    ".doc": f"altes Word-Format (.doc): {_SAVE_AS}",
    ".dot": f"altes Word-Format (.dot): {_SAVE_AS}",
    ".rtf": f"RTF-Format (.rtf): {_SAVE_AS}",
    ".wpd": f"WordPerfect-Format (.wpd): {_SAVE_AS}",
    ".pages": f"Apple-Pages-Format (.pages): {_SAVE_AS}",
    ".odp": f"OpenDocument-Präsentation (.odp), {_NOT_A_VORLAGE}",
    ".ods": f"OpenDocument-Tabelle (.ods), {_NOT_A_VORLAGE}",
    ".odg": f"OpenDocument-Zeichnung (.odg), {_NOT_A_VORLAGE}",
    ".ppt": f"PowerPoint-Präsentation (.ppt), {_NOT_A_VORLAGE}",
    ".pptx": f"PowerPoint-Präsentation (.pptx), {_NOT_A_VORLAGE}",
    ".xls": f"Excel-Tabelle (.xls), {_NOT_A_VORLAGE}",
    ".xlsx": f"Excel-Tabelle (.xlsx), {_NOT_A_VORLAGE}",
    ".msg": f"Outlook-Nachricht (.msg): {_SAVE_AS}",
    **{
        f".{kind}": f"Bild (.{kind}): {_SCAN}"
        for kind in ("png", "jpg", "jpeg", "gif", "tif", "tiff", "bmp", "webp", "heic")
    },
}
"""Files a folder search names and skips, with the reason; files the tool reads are in
:data:`EXTENSIONS`, and anything else in a folder (notes, data, scripts) is not a document and
is passed over silently."""

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_STREAMS = {
    "WordDocument": ".doc",
    "Workbook": ".xls",
    "Book": ".xls",
    "PowerPoint Document": ".ppt",
    "__substg1.0_": ".msg",
}
"""Names of the stream that identifies an OLE compound file's kind; the directory stores them
in UTF-16, somewhere in the file."""
_IMAGES = {
    b"\x89PNG\r\n\x1a\n": ".png",
    b"\xff\xd8\xff": ".jpg",
    b"GIF87a": ".gif",
    b"GIF89a": ".gif",
    b"II*\x00": ".tif",
    b"MM\x00*": ".tif",
    b"BM": ".bmp",
}
_ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.text-template": "odt",
    b"application/vnd.oasis.opendocument.presentation": ".odp",
    b"application/vnd.oasis.opendocument.spreadsheet": ".ods",
    b"application/vnd.oasis.opendocument.graphics": ".odg",
}
_BINARY_BYTES = frozenset([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
"""Bytes that text in any 8-bit encoding or UTF-8 hardly contains (ESC aside: ANSI colours)."""
BINARY_SHARE = 0.05
"""More than this share of such bytes at the start makes a file binary data, not text: random
or compressed bytes have about 11 %, a text file with a few stray NUL bytes far less."""


@dataclass(frozen=True, slots=True)
class Unsupported:
    """Content the tool does not read; ``reason`` is the German message for the user."""

    reason: str


def format_from_name(name: str) -> Format | None:
    dot = name.rfind(".")
    return EXTENSIONS.get(name[dot:].lower()) if dot >= 0 else None


def sniff(head: bytes, data: bytes | None = None, name: str = "") -> Format | Unsupported:
    """The format of a file from its first bytes (and, for ZIP and OLE containers, the rest).

    Returns one of the supported formats, or :class:`Unsupported` with the reason. ``name``,
    the file's name, only tells apart old Office files whose content does not say their kind.
    """
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(head, data)
    if head.startswith(_OLE_MAGIC):
        return _ole_format(data if data is not None else head, name)
    if stripped.startswith(b"{\\rtf"):
        return Unsupported(UNSUPPORTED[".rtf"])
    image = next((kind for magic, kind in _IMAGES.items() if head.startswith(magic)), None)
    if image is None and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        image = ".webp"
    if image is not None:
        return Unsupported(UNSUPPORTED[image])
    if _is_binary(head):
        return Unsupported("Inhalt ist binär, kein Text und kein bekanntes Dokumentformat")
    lowered = stripped[:2048].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or (
        lowered.startswith(b"<") and (b"<html" in lowered or b"<body" in lowered)
    ):
        return "html"
    return "txt"


def _zip_format(head: bytes, data: bytes | None) -> Format | Unsupported:
    """DOCX and ODT are ZIP packages, and so are the spreadsheets and presentations beside
    them. An OpenDocument package names its kind in a first, uncompressed member "mimetype"."""
    if head[30:38] == b"mimetype":
        for mimetype, kind in _ODF_MIMETYPES.items():
            if head[38:].startswith(mimetype):
                return kind if kind == "odt" else Unsupported(UNSUPPORTED[kind])
    if data is None:
        return "docx"
    import zipfile  # only for ZIP packages: a text file's check need not load it
    from io import BytesIO

    try:
        names = set(zipfile.ZipFile(BytesIO(data)).namelist())
    except Exception:
        # BadZipFile, and what a damaged directory makes zipfile raise on the way:
        # NotImplementedError for an unknown version (found by fuzzing), ValueError, OSError
        return Unsupported("Inhalt ist ein beschädigtes ZIP-Archiv")
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names and "mimetype" in names:
        return "odt"  # an OpenDocument package whose mimetype is not first; the reader checks
    if "xl/workbook.xml" in names:
        return Unsupported(UNSUPPORTED[".xlsx"])
    if "ppt/presentation.xml" in names:
        return Unsupported(UNSUPPORTED[".pptx"])
    return Unsupported("Inhalt ist ein ZIP-Archiv ohne Word- oder OpenDocument-Text")


def _ole_format(data: bytes, name: str) -> Unsupported:
    """Word 97–2003, Excel, PowerPoint and Outlook files share the OLE container."""
    for stream, kind in _OLE_STREAMS.items():
        if stream.encode("utf-16-le") in data:
            return Unsupported(UNSUPPORTED[kind])
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    if suffix in UNSUPPORTED:
        return Unsupported(UNSUPPORTED[suffix])
    return Unsupported(f"altes Office-Format (OLE-Container): {_SAVE_AS}")


def _is_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text with its byte order mark
        return False
    return sum(byte in _BINARY_BYTES for byte in head) > BINARY_SHARE * len(head)
