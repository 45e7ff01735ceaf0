"""Readers: bytes of one file format in, a format-neutral layout document out.

The format is decided from the content; heavy libraries load only when a file of their kind is
read, so that ``vorlage --help`` and checks of text files stay fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vorlage_cli.layout import Format, LayoutDocument, ReaderNote
from vorlage_cli.readers.errors import ReadError
from vorlage_cli.readers.sniff import format_from_name, sniff

__all__ = ["RawFile", "ReadError", "load", "parse"]

FORMAT_NAMES = {"txt": "Text", "pdf": "PDF", "docx": "DOCX", "html": "HTML"}


@dataclass(slots=True)
class RawFile:
    """A file's bytes with the format its content shows."""

    path: Path
    data: bytes
    format: Format


def load(path: Path) -> RawFile:
    """Read a file and decide its format; raises ReadError for what cannot be a Vorlage."""
    try:
        data = path.read_bytes()
    except IsADirectoryError as error:
        raise ReadError("ist ein Ordner, keine Datei", code="RD002") from error
    except FileNotFoundError as error:
        raise ReadError("Datei nicht gefunden", code="RD002") from error
    except PermissionError as error:
        raise ReadError("keine Leseberechtigung", code="RD002") from error
    except OSError as error:
        raise ReadError(
            f"lässt sich nicht lesen ({error.strerror or error})", code="RD002"
        ) from error
    if not data.strip():
        raise ReadError("die Datei ist leer", code="RD003")
    kind = sniff(data[:4096], data)
    if kind not in FORMAT_NAMES:
        raise ReadError(f"Inhalt ist {kind}", code="RD001")
    return RawFile(path, data, kind)  # type: ignore[arg-type]


def parse(raw: RawFile) -> LayoutDocument:
    """Turn the bytes into a layout document with the reader for the content's format."""
    if raw.format == "pdf":
        from vorlage_cli.readers.pdf import read_pdf

        document = read_pdf(raw.data)
    elif raw.format == "docx":
        from vorlage_cli.readers.docx import read_docx

        document = read_docx(raw.data)
    elif raw.format == "html":
        from vorlage_cli.readers.html import read_html

        document = read_html(raw.data)
    else:
        from vorlage_cli.readers.text import read_text

        document = read_text(raw.data)
    named = format_from_name(raw.path.name)
    if named is not None and named != raw.format:
        document.notes.append(
            ReaderNote(
                "RD010",
                f"Dateiendung {raw.path.suffix} passt nicht zum Inhalt: gelesen als "
                f"{FORMAT_NAMES[raw.format]}",
            )
        )
    return document
