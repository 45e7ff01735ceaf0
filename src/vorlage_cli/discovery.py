"""Which files a command works on: named files as they are, folders searched recursively, glob
patterns expanded, excluded patterns left out; always in the same order."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from fnmatch import fnmatchcase
from pathlib import Path

from vorlage_cli.readers.sniff import EXTENSIONS

_GLOB_CHARACTERS = frozenset("*?[")


def discover(
    paths: Iterable[Path], exclude: Iterable[str] = (), refused: dict[Path, str] | None = None
) -> list[Path]:
    """Files in input order; a folder or a glob pattern contributes its Vorlagen sorted by path,
    without hidden files and folders. A named file is taken whatever its extension (its content
    decides how it is read), and a missing one is kept so that it is reported, not silently
    skipped; so is a pattern that matches no Vorlage, as a shell without nullglob passes it on.

    A file is left out when an ``exclude`` pattern matches its name, a folder on its way, or any
    run of consecutive parts of its path ("archiv", "*.html", "alt/*.pdf").

    A symbolic link found in a folder is followed only to a file inside that folder: a link in a
    submitted repository pointing at /etc/passwd or /proc/self/environ must not put that file's
    text into a CI log. Such links are left out, or, where the caller passes ``refused``,
    listed all the same with the reason there, so that they are reported rather than skipped."""
    patterns = [pattern.strip("/") for pattern in exclude if pattern.strip("/")]
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        for candidate in _expand(path, refused):
            marker = candidate.absolute()
            if marker not in seen and not _excluded(candidate, patterns):
                seen.add(marker)
                found.append(candidate)
    return found


def _expand(path: Path, refused: dict[Path, str] | None) -> list[Path]:
    if path.is_dir():
        return _folder(path, refused)
    if not path.exists() and _GLOB_CHARACTERS & set(str(path)):
        expanded: list[Path] = []
        # glob.glob, not Path.glob: the pattern may be absolute ("/srv/ris/**/*.pdf").
        matches = glob.glob(str(path), recursive=True)  # noqa: PTH207
        for match in map(Path, sorted(matches)):
            if match.is_dir():
                expanded.extend(_folder(match, refused))
            elif _is_vorlage(match):
                expanded.append(match)
        if expanded:
            return expanded
    return [path]


def _folder(folder: Path, refused: dict[Path, str] | None) -> list[Path]:
    found = sorted(
        p
        for p in folder.rglob("*")
        if _is_vorlage(p)
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and (p.is_file() or p.is_symlink())
    )
    root = folder.resolve()
    outside = {
        path: path.resolve()
        for path in found
        if path.is_symlink() and not path.resolve().is_relative_to(root)
    }
    if refused is None:
        return [path for path in found if path not in outside]
    for path, target in outside.items():
        refused[path] = (
            f"symbolischer Link aus dem Ordner {folder} hinaus ({target}); "
            "aus Sicherheitsgründen nicht gelesen"
        )
    return found


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
