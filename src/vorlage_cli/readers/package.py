"""The ZIP packages of word processors (DOCX, ODT), checked before any XML parser sees them.

Both formats are ZIP archives of XML parts, and both meet the same attacks: ZIP bombs (members
that decompress to gigabytes, whatever their headers declare), archives of thousands of members,
and XML with a document type declaration, the carrier of entity expansion (billion laughs) and
external entities (XXE). Neither OOXML nor OpenDocument uses DTDs, and neither Word nor
LibreOffice writes one, so refusing them loses no real document; the parsers would not resolve
them either, but a clear refusal beats relying on each parser's settings. Other members (an SVG
image, an embedded HTML chunk) may carry a DOCTYPE and are never parsed.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from io import BytesIO

from vorlage_cli import codes
from vorlage_cli.limits import Limits, megabytes
from vorlage_cli.readers.errors import ReadError


@dataclass(frozen=True, slots=True)
class PackageKind:
    """How messages name a kind of package, and which of its members are XML."""

    name: str
    """"Word-Dokument"."""
    plural: str
    """"Word-Dokumenten", as in "die in Word-Dokumenten nicht vorkommt"."""
    xml_suffixes: tuple[str, ...]


WORD = PackageKind("Word-Dokument", "Word-Dokumenten", (".xml", ".rels"))
ODT = PackageKind("ODT-Dokument", "ODT-Dokumenten", (".xml", ".rdf"))

_XML_DECLARATIONS = (
    b"<!DOCTYPE",
    "<!DOCTYPE".encode("utf-16-le"),
    "<!DOCTYPE".encode("utf-16-be"),
)
_CHUNK = 1024 * 1024
_OVERLAP = 2 * len(b"<!DOCTYPE")


def detail(error: Exception) -> str:
    """What went wrong inside a package, in German: the libraries' own messages ("Bad CRC-32
    for file …", "Error -3 while decompressing data") would be the one English phrase in the
    message."""
    import zlib

    from lxml import etree

    text = str(error)
    if isinstance(error, etree.XMLSyntaxError):
        line, column = error.position if error.position else (error.lineno, 0)
        return f"kein gültiges XML in Zeile {line}, Spalte {column}"
    if isinstance(error, zipfile.BadZipFile) and "CRC" in text:
        return "Prüfsumme stimmt nicht"
    if isinstance(error, zipfile.BadZipFile):
        return "ZIP-Verzeichnis beschädigt"
    if isinstance(error, zlib.error | EOFError) or "decompress" in text.lower():
        return "Daten lassen sich nicht entpacken"
    if isinstance(error, NotImplementedError):
        return "unbekanntes ZIP-Verfahren"
    if isinstance(error, KeyError):
        return f"Teil {text} fehlt"
    return f"Aufbau fehlerhaft ({type(error).__name__})"


def check_package(data: bytes, limits: Limits, kind: PackageKind) -> None:
    """Raise ReadError for a package that must not be unpacked (see the module's doc)."""
    try:
        package = zipfile.ZipFile(BytesIO(data))
    except Exception as error:  # as in sniff: BadZipFile, NotImplementedError, ValueError …
        raise ReadError(f"kein lesbares {kind.name} ({detail(error)})") from error
    with package:
        members = package.infolist()
        if len(members) > limits.max_archive_members:
            raise ReadError(
                f"das {kind.name} enthält {len(members)} Dateien, mehr als die Grenze von "
                f"{limits.max_archive_members}",
                code=codes.OVER_LIMIT,
            )
        if sum(member.file_size for member in members) > limits.max_unpacked_size:
            raise ReadError(_too_large(limits, kind), code=codes.OVER_LIMIT)
        unpacked = 0  # counted as well: zipfile trusts the declared sizes only to cut off
        for member in members:
            overlap = b""
            xml = member.filename.lower().endswith(kind.xml_suffixes)
            try:
                with package.open(member) as stream:
                    while chunk := stream.read(_CHUNK):
                        unpacked += len(chunk)
                        if unpacked > limits.max_unpacked_size:
                            raise ReadError(_too_large(limits, kind), code=codes.OVER_LIMIT)
                        window = overlap + chunk
                        if xml and any(mark in window for mark in _XML_DECLARATIONS):
                            raise ReadError(
                                f"{member.filename} enthält eine DTD (<!DOCTYPE …>), die in "
                                f"{kind.plural} nicht vorkommt; aus Sicherheitsgründen nicht "
                                "gelesen",
                                code=codes.REFUSED,
                            )
                        overlap = window[-_OVERLAP:]
            except ReadError:
                raise
            except Exception as error:
                # zipfile passes on what its decompressors raise (zlib.error, LZMAError,
                # EOFError …) besides its own BadZipFile: each means a corrupt member
                raise ReadError(
                    f"beschädigtes {kind.name}: {member.filename} ({detail(error)})"
                ) from error


def _too_large(limits: Limits, kind: PackageKind) -> str:
    return (
        f"das {kind.name} ist entpackt größer als die Grenze von "
        f"{megabytes(limits.max_unpacked_size)} (--max-unpacked-size; eine ZIP-Bombe?)"
    )
