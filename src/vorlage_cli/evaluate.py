"""Field-level comparison of extracted Vorlagen with hand-written golden files.

The format and the matching rules are documented in docs/golden-files.md; ``vorlage evaluate``
prints the table, and the test suite asserts 100 % over the samples and the shared corpus.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vorlage_cli.model import Vorlage

GOLDEN_SUFFIX = ".golden.json"


class GoldenError(Exception):
    """A golden file that cannot be used (the message names the file and the problem)."""


@dataclass(slots=True)
class Check:
    document: str
    field: str
    ok: bool
    expected: Any
    actual: Any


@dataclass(slots=True)
class Golden:
    path: Path
    documents: list[Path]
    vorlage: dict[str, Any]
    presets: tuple[str, ...] = ()
    """Template-family presets the documents' city would configure ("allris")."""


def find_goldens(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob(f"*{GOLDEN_SUFFIX}")))
        elif path.name.endswith(GOLDEN_SUFFIX):
            found.append(path)
    return found


def load_golden(path: Path, documents_root: Path | None = None) -> Golden:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GoldenError(f"{path}: keine lesbare Golden-Datei ({error})") from error
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("documents"), list)
        or not isinstance(data.get("vorlage"), dict)
    ):
        raise GoldenError(
            f"{path}: erwartet ein Objekt mit 'documents' (Liste) und 'vorlage' (Objekt)"
        )
    root = documents_root or path.parent
    presets = data.get("preset", [])
    presets = [presets] if isinstance(presets, str) else presets
    if not isinstance(presets, list) or not all(isinstance(name, str) for name in presets):
        raise GoldenError(f"{path}: 'preset' erwartet einen Namen oder eine Liste von Namen")
    documents = [root / str(document) for document in data["documents"]]
    return Golden(path, documents, data["vorlage"], tuple(presets))


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def matches(expected: Any, actual: Any) -> bool:
    """Whether an extracted value satisfies a golden value (docs/golden-files.md)."""
    if expected is None:
        return actual is None
    if isinstance(expected, str):
        return isinstance(actual, str) and _norm(expected) == _norm(actual)
    if isinstance(expected, bool | int | float):
        return expected == actual
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(expected) == len(actual)
            and all(matches(e, a) for e, a in zip(expected, actual, strict=True))
        )
    if isinstance(expected, dict):
        if set(expected) <= {"starts_with", "ends_with", "contains"} and expected:
            if not isinstance(actual, str):
                return False
            text = _norm(actual)
            return (
                text.startswith(_norm(expected.get("starts_with", "")))
                and text.endswith(_norm(expected.get("ends_with", "")))
                and all(_norm(part) in text for part in expected.get("contains", []))
            )
        return isinstance(actual, dict) and all(
            name in actual and matches(value, actual[name]) for name, value in expected.items()
        )
    return False


def compare(golden: dict[str, Any], vorlage: Vorlage | None, document: str) -> list[Check]:
    """One check per golden field, plus one per Beratungsfolge cell."""
    actual = vorlage.model_dump(mode="json") if vorlage is not None else {}
    checks = []
    for name, expected in golden.items():
        value = actual.get(name)
        checks.append(Check(document, name, matches(expected, value), expected, value))
        if name == "beratungsfolge" and isinstance(expected, list):
            rows = value if isinstance(value, list) else []
            for index, row in enumerate(expected):
                for cell, cell_expected in row.items():
                    cell_actual = rows[index].get(cell) if index < len(rows) else None
                    checks.append(
                        Check(
                            document,
                            f"beratungsfolge[{index}].{cell}",
                            matches(cell_expected, cell_actual),
                            cell_expected,
                            cell_actual,
                        )
                    )
    return checks


def evaluate(
    goldens: list[Golden], extract: Callable[[Path, tuple[str, ...]], Vorlage | None]
) -> list[Check]:
    """``extract`` reads a document with the golden file's presets."""
    checks: list[Check] = []
    for golden in goldens:
        for document in golden.documents:
            checks.extend(compare(golden.vorlage, extract(document, golden.presets), str(document)))
    return checks
