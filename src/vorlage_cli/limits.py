"""What one input may cost at most: every file is untrusted (CI checks documents that anyone can
submit, batch runs meet every kind of broken archive), so reading is bounded in bytes, pages,
lines and unpacked size; the time per document is the runner's limit (``--timeout``, RD020).

Going past a limit that protects the machine (file size, unpacked size) makes the input
unreadable: an error finding, code RD006. Going past a limit on the length of a document (pages,
lines) reads its beginning, where a Vorlage's fields are, and says so: a warning, code RD007.
The defaults are far above any real Vorlage and are set per run with the CLI's ``--max-*``
options.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_size: int = 50 * MB
    """Bytes of the file itself, checked before it is read."""
    max_pages: int = 500
    """PDF pages read; the rest of a longer PDF is skipped with a warning."""
    max_lines: int = 50_000
    """Lines and table rows read per document (about 1,000 pages of text); the rest is skipped
    with a warning. Extraction time grows with them: this keeps an 8 MB file of short lines
    from taking minutes and gigabytes."""
    max_unpacked_size: int = 100 * MB
    """Bytes of all parts of a DOCX package once decompressed: a ZIP bomb stops here."""
    max_archive_members: int = 2_000
    """Files inside a DOCX package; real ones have a few dozen."""


DEFAULT_LIMITS = Limits()


def megabytes(size: int) -> str:
    """A byte count as German-formatted megabytes for messages ("1,5 MB")."""
    return f"{size / MB:.1f}".replace(".", ",") + " MB"


def lines_truncated(max_lines: int) -> str:
    return f"nur die ersten {max_lines} Zeilen gelesen, der Rest fehlt (Grenze --max-lines)"


def pages_truncated(read: int, total: int) -> str:
    return f"nur die ersten {read} von {total} Seiten gelesen (Grenze --max-pages)"
