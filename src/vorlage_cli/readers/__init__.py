"""Readers: bytes of one file format in, a format-neutral layout document out.

The format is decided from the content; heavy libraries load only when a file of their kind is
read, so that ``vorlage --help`` and checks of text files stay fast. Every input is untrusted:
``load`` reads only regular files within the size limit, and each reader bounds what it builds
(see ``vorlage_cli.limits``).
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vorlage_cli import codes
from vorlage_cli.layout import Format, LayoutDocument, ReaderNote
from vorlage_cli.limits import DEFAULT_LIMITS, Limits, megabytes
from vorlage_cli.readers.errors import ReadError
from vorlage_cli.readers.sniff import FORMAT_NAMES, Unsupported, format_from_name, sniff
from vorlage_cli.system_errors import reason

if TYPE_CHECKING:
    from vorlage_cli.readers.furniture import PageMarkers

__all__ = ["RawFile", "ReadError", "identify", "load", "parse"]


@dataclass(slots=True)
class RawFile:
    """A file's bytes with the format its content shows."""

    path: Path
    data: bytes
    format: Format


def load(path: Path, limits: Limits = DEFAULT_LIMITS, data: bytes | None = None) -> RawFile:
    """Read a file and decide its format; raises ReadError for what cannot be a Vorlage.
    ``data`` are the bytes where they were read already (standard input), at most one byte
    more than the size limit."""
    if data is None:
        data = _read_bytes(path, limits)
    elif len(data) > limits.max_file_size:
        raise _too_large(limits)
    return identify(path, data)


def _read_bytes(path: Path, limits: Limits) -> bytes:
    """The bytes of a regular file. Anything else is refused before it is opened: a named pipe
    would block for ever, a device such as /dev/zero never ends."""
    try:
        info = path.stat()
    except FileNotFoundError as error:
        if path.is_symlink():
            raise ReadError(
                f"symbolischer Link auf eine fehlende Datei ({path.readlink()})",
                code=codes.CANNOT_OPEN,
            ) from error
        raise ReadError("Datei nicht gefunden", code=codes.CANNOT_OPEN) from error
    except OSError as error:
        raise ReadError(
            f"lässt sich nicht lesen: {reason(error)}", code=codes.CANNOT_OPEN
        ) from error
    if stat.S_ISDIR(info.st_mode):
        raise ReadError("ist ein Ordner, keine Datei", code=codes.CANNOT_OPEN)
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(
            "ist keine gewöhnliche Datei (Gerät, Pipe oder Socket)", code=codes.CANNOT_OPEN
        )
    if info.st_size > limits.max_file_size:
        raise ReadError(
            f"die Datei ist {megabytes(info.st_size)} groß, mehr als die Grenze von "
            f"{megabytes(limits.max_file_size)} (--max-file-size)",
            code=codes.OVER_LIMIT,
        )
    try:
        with path.open("rb") as stream:
            data = stream.read(limits.max_file_size + 1)
    except PermissionError as error:
        raise ReadError("keine Leseberechtigung", code=codes.CANNOT_OPEN) from error
    except OSError as error:
        raise ReadError(
            f"lässt sich nicht lesen: {reason(error)}", code=codes.CANNOT_OPEN
        ) from error
    if len(data) > limits.max_file_size:  # grew since stat
        raise _too_large(limits)
    return data


def _too_large(limits: Limits) -> ReadError:
    return ReadError(
        f"die Datei ist größer als die Grenze von {megabytes(limits.max_file_size)} "
        "(--max-file-size)",
        code=codes.OVER_LIMIT,
    )


def identify(path: Path, data: bytes) -> RawFile:
    """Decide the format of bytes read from ``path`` by their content."""
    if not data.strip():
        raise ReadError("die Datei ist leer", code=codes.EMPTY)
    kind = sniff(data[:8192], data, path.name)
    if isinstance(kind, Unsupported):
        raise ReadError(kind.reason, code=codes.UNREADABLE_CONTENT)
    return RawFile(path, data, kind)


def parse(
    raw: RawFile,
    limits: Limits = DEFAULT_LIMITS,
    password: str | None = None,
    markers: PageMarkers | None = None,
) -> LayoutDocument:
    """Turn the bytes into a layout document with the reader for the content's format;
    ``markers`` are the configuration's page numbers (the shipped lexicon's where None)."""
    if raw.format == "pdf":
        from vorlage_cli.readers.pdf import read_pdf

        document = read_pdf(raw.data, limits, password, markers=markers)
    elif raw.format == "docx":
        from vorlage_cli.readers.docx import read_docx

        document = read_docx(raw.data, limits)
    elif raw.format == "odt":
        from vorlage_cli.readers.odt import read_odt

        document = read_odt(raw.data, limits)
    elif raw.format == "html":
        from vorlage_cli.readers.html import read_html

        document = read_html(raw.data, limits)
    else:
        from vorlage_cli.readers.text import read_text

        document = read_text(raw.data, limits, markers)
    named = format_from_name(raw.path.name)
    if named is not None and named != raw.format:
        document.notes.append(
            ReaderNote(
                codes.EXTENSION_MISMATCH,
                f"Dateiendung {raw.path.suffix} passt nicht zum Inhalt: gelesen als "
                f"{FORMAT_NAMES[raw.format]}",
            )
        )
    return document
