"""Which files a command works on: named files as they are, folders searched recursively."""

from __future__ import annotations

from pathlib import Path

from vorlage_cli.readers.sniff import EXTENSIONS


def discover(paths: list[Path]) -> list[Path]:
    """Files in input order; a folder contributes its Vorlagen (by extension) sorted by path,
    without hidden folders. A named file is taken whatever its extension (its content decides
    how it is read), and a missing one is kept so that it is reported, not silently skipped."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            candidates = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in EXTENSIONS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and (p.is_file() or p.is_symlink())
            )
        else:
            candidates = [path]
        for candidate in candidates:
            marker = candidate.absolute()
            if marker not in seen:
                seen.add(marker)
                found.append(candidate)
    return found
