"""Where a finding is, told the way machine formats need it: the file relative to the working
directory (CI tools resolve paths against the repository root they run in), a line only where
the file has lines, the page or paragraph in words otherwise, and a fingerprint that stays the
same when other parts of the document change.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from vorlage_cli.model import DocumentResult, Finding, Location, Related

LINE_FORMATS = frozenset({"txt", "html"})
"""Formats whose ``location.line`` is a line of the file itself. A PDF's line counts on its page
and a DOCX's or ODT's "line" is a paragraph number: neither can be shown as a line of the file."""
PARAGRAPH_FORMATS = frozenset({"docx", "odt"})
"""Formats whose ``location.line`` numbers the paragraphs of the body."""


def relative_path(path: str) -> str:
    """The path with forward slashes, relative to the working directory where it lies below it;
    absolute (resolved) otherwise, since a path climbing out with ".." means nothing to CI."""
    given = Path(path)
    absolute = given if given.is_absolute() else Path.cwd() / given
    normalised = Path(os.path.normpath(absolute))
    try:
        return normalised.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return normalised.as_posix()


def artifact_uri(path: str) -> str:
    """A URI reference for the path: relative where the path is, percent-encoded."""
    relative = relative_path(path)
    if PurePosixPath(relative).is_absolute():
        return Path(relative).as_uri()
    return quote(relative, safe="/")


def file_line(result: DocumentResult, finding: Finding) -> int | None:
    """The finding's line in the file, where the file has lines."""
    return finding.location.line if result.source.format in LINE_FORMATS else None


def related_line(related: Related) -> int | None:
    """The line of a place in another document, where that file has lines."""
    return related.location.line if related.format in LINE_FORMATS else None


def place_in_words(
    result: DocumentResult, finding: Finding, *, quoted_paragraph: bool = True
) -> str:
    """The location as a reader finds it in the document: page and line of a PDF ("S. 3,
    Z. 14"), the line of a text file ("Z. 8"); in a Word or LibreOffice document, which has
    neither, the section's heading and the paragraph's first words ('Abschnitt „Begründung“,
    Absatz „Die Verwaltung schlägt …“'). Empty when unknown. Without ``quoted_paragraph`` a
    paragraph whose first words the finding's quote repeats is not named again."""
    return _in_words(
        result.source.format,
        finding.location,
        finding.excerpt,
        quoted_paragraph=quoted_paragraph,
    )


def related_in_words(related: Related, *, quoted_paragraph: bool = True) -> str:
    """A place in another document as :func:`place_in_words` tells it."""
    return _in_words(
        related.format, related.location, related.excerpt, quoted_paragraph=quoted_paragraph
    )


def _in_words(
    source_format: str | None,
    location: Location,
    excerpt: str | None,
    *,
    quoted_paragraph: bool,
) -> str:
    if source_format in PARAGRAPH_FORMATS:
        parts = []
        if location.heading:
            parts.append(f"Abschnitt {_quoted(location.heading)}")
        if location.paragraph:
            if quoted_paragraph or not _quote_opens(location, excerpt):
                parts.append(f"Absatz {_quoted(location.paragraph)}")
        elif location.line is not None:
            parts.append(f"Absatz {location.line}")
        return ", ".join(parts)
    parts = []
    if location.page is not None:
        parts.append(f"S. {location.page}")
    if location.line is not None:
        parts.append(f"Z. {location.line}")
    elif (
        location.page is not None
        and location.paragraph
        and (quoted_paragraph or not _quote_opens(location, excerpt))
    ):
        parts.append(f"Zeile {_quoted(location.paragraph)}")
    return ", ".join(parts)


def _quote_opens(location: Location, excerpt: str | None) -> bool:
    """Whether the quote begins with the paragraph's first words (and so names it)."""
    opening = (location.paragraph or "").removesuffix(" …")
    return bool(opening) and (excerpt or "").startswith(opening)


def _quoted(text: str) -> str:
    return f"„{text.rstrip(': ')}“"


def message_with_place(result: DocumentResult, finding: Finding) -> str:
    """The message, followed by the place where no line number can carry it, and by the
    quoted text: what a one-line format (an annotation, a code-quality issue) can show. A
    finding across documents adds where it stands in the other files ("auch: b.txt, Z. 7")."""
    text = finding.message
    place = place_in_words(result, finding, quoted_paragraph=False)
    if place and file_line(result, finding) is None:
        text += f" ({place})"
    if finding.excerpt:
        text += f": {_quoted(finding.excerpt)}"
    if finding.related:
        text += "; auch: " + "; ".join(
            ", ".join(part for part in (relative_path(other.path), related_in_words(other)) if part)
            for other in finding.related
        )
    return text


def fingerprints(result: DocumentResult) -> list[str]:
    """One fingerprint per finding, in order: a hash of the file, the code, the field and the
    message, not of the line, so that an edit above a finding keeps it the same alert; repeated
    identical findings are told apart by their count."""
    seen: Counter[str] = Counter()
    prints = []
    path = relative_path(result.source.path)
    for finding in result.findings:
        key = "\x1f".join((path, finding.code, finding.field or "", finding.message))
        seen[key] += 1
        prints.append(hashlib.sha256(f"{key}\x1f{seen[key]}".encode()).hexdigest())
    return prints
