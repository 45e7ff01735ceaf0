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

from vorlage_cli.model import DocumentResult, Finding

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


def place_in_words(result: DocumentResult, finding: Finding) -> str:
    """The location as a reader finds it in the document ("S. 3, Z. 14", "Absatz 12",
    "Z. 8"), empty when unknown."""
    page, line = finding.location.page, finding.location.line
    if result.source.format in PARAGRAPH_FORMATS:
        return f"Absatz {line}" if line is not None else ""
    parts = []
    if page is not None:
        parts.append(f"S. {page}")
    if line is not None:
        parts.append(f"Z. {line}")
    return ", ".join(parts)


def message_with_place(result: DocumentResult, finding: Finding) -> str:
    """The message, followed by the place where no line number can carry it."""
    place = place_in_words(result, finding)
    if not place or file_line(result, finding) is not None:
        return finding.message
    return f"{finding.message} ({place})"


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
