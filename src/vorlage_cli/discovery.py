"""Which files a command works on: named files as they are, folders searched recursively, glob
patterns expanded, excluded patterns left out; always in the same order.

What a search passes over is said, not hidden: files in a format the tool does not read are
listed with the reason, and a folder or pattern that gave no document at all is listed too, so
that the caller can refuse a run that checks nothing (a CI job with a wrong path must not stay
green)."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from vorlage_cli.readers.sniff import EXTENSIONS, UNSUPPORTED

STDIN = Path("-")
"""The name that stands for one document on standard input."""
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(slots=True)
class Inputs:
    """What a search found."""

    files: list[Path] = field(default_factory=list)
    """The documents to read, in input order."""
    refused: dict[Path, str] = field(default_factory=dict)
    """Files among ``files`` that are reported instead of read, with the reason."""
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    """Files a folder or pattern held in a format the tool does not read, with the reason."""
    empty: list[Path] = field(default_factory=list)
    """Folders and patterns, as given, that yielded no document."""


def discover(paths: Iterable[Path], exclude: Iterable[str] = ()) -> Inputs:
    """Files in input order; a folder or a glob pattern contributes its Vorlagen sorted by path,
    without hidden files and folders. A named file is taken whatever its extension (its content
    decides how it is read, and an unsupported one is refused with the reason), and a missing
    one is kept so that it is reported, not silently skipped.

    A file is left out when an ``exclude`` pattern matches its name, a folder on its way, or any
    run of consecutive parts of its path ("archiv", "*.html", "alt/*.pdf").

    A symbolic link found in a folder is followed only to a file inside that folder: a link in a
    submitted repository pointing at /etc/passwd or /proc/self/environ must not put that file's
    text into a CI log. Such links are listed in ``refused`` with the reason, so that they are
    reported rather than skipped."""
    patterns = [pattern.strip("/") for pattern in exclude if pattern.strip("/")]
    found = Inputs()
    seen: set[Path] = set()
    for path in paths:
        searched = path.is_dir() or _is_pattern(path)
        candidates, skipped = _expand(path, found.refused)
        kept = [candidate for candidate in candidates if not _excluded(candidate, patterns)]
        found.skipped += [(file, why) for file, why in skipped if not _excluded(file, patterns)]
        if searched and not kept:
            found.empty.append(path)
        for candidate in kept:
            marker = candidate if candidate == STDIN else candidate.absolute()
            if marker not in seen:
                seen.add(marker)
                found.files.append(candidate)
    return found


def _is_pattern(path: Path) -> bool:
    return not path.exists() and bool(_GLOB_CHARACTERS & set(str(path)))


Skipped = list[tuple[Path, str]]


def _expand(path: Path, refused: dict[Path, str]) -> tuple[list[Path], Skipped]:
    if path.is_dir():
        return _folder(path, refused)
    if not _is_pattern(path):
        return [path], []
    expanded: list[Path] = []
    skipped: Skipped = []
    # glob.glob, not Path.glob: the pattern may be absolute ("/srv/ris/**/*.pdf").
    matches = glob.glob(str(path), recursive=True)  # noqa: PTH207
    for match in map(Path, sorted(matches)):
        if match.is_dir():
            files, passed_over = _folder(match, refused)
            expanded += files
            skipped += passed_over
        elif _is_vorlage(match):
            expanded.append(match)
        elif match.suffix.lower() in UNSUPPORTED:
            skipped.append((match, UNSUPPORTED[match.suffix.lower()]))
    return expanded, skipped


def _folder(folder: Path, refused: dict[Path, str]) -> tuple[list[Path], Skipped]:
    visible = sorted(
        p
        for p in folder.rglob("*")
        if not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and (p.is_file() or p.is_symlink())
    )
    found = [path for path in visible if _is_vorlage(path)]
    skipped = [
        (path, UNSUPPORTED[path.suffix.lower()])
        for path in visible
        if path.suffix.lower() in UNSUPPORTED
    ]
    root = folder.resolve()
    for path in found:
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            refused[path] = (
                f"symbolischer Link aus dem Ordner {folder} hinaus ({path.resolve()}); "
                "aus Sicherheitsgründen nicht gelesen"
            )
    return found, skipped


def _is_vorlage(path: Path) -> bool:
    return path.suffix.lower() in EXTENSIONS


def _excluded(path: Path, patterns: list[str]) -> bool:
    parts = [part for part in path.parts if part not in (path.anchor, ".")]
    return any(
        fnmatchcase("/".join(parts[start:end]), pattern)
        for pattern in patterns
        for start in range(len(parts))
        for end in range(start + 1, len(parts) + 1)
    )
