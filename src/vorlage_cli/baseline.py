"""A baseline: findings accepted once, so that a repository of old documents can adopt
``vorlage check`` and fail only on what is new.

A finding is known when the baseline holds an entry with the same document, code, field and
message. The document is its path relative to the baseline file's folder (so the baseline
travels with the repository); the field is the path into the Vorlage with list positions
dropped ("beratungsfolge[].termin"), and the message has its spacing folded. No line numbers and
no file hash take part: editing a document elsewhere, or moving its text by some lines, keeps its
old findings known, while a finding about a changed value (another date, another amount) is new,
because the message names the value. Each entry excuses one finding, so a second identical
mistake in the same document is reported.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from vorlage_cli.model import DocumentResult, Finding
from vorlage_cli.output import AtomicWriter
from vorlage_cli.system_errors import reason

VERSION = 1
_POSITION = re.compile(r"\[\d+\]")

Key = tuple[str, str, str, str]


class BaselineError(Exception):
    """A baseline file that cannot be used; the message names the file and the problem."""


def _document(path: str, folder: Path) -> str:
    return Path(os.path.relpath(Path(path).resolve(), folder)).as_posix()


def _key(document: str, code: str, field: str | None, message: str) -> Key:
    return (document, code, _POSITION.sub("[]", field or ""), " ".join(message.split()))


class Baseline:
    """The known findings of one baseline file."""

    def __init__(self, path: Path, known: Counter[Key]) -> None:
        self.path = path
        self.folder = path.resolve().parent
        self._known = known

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(
                f"{path}: Baseline nicht gefunden (mit --update-baseline anlegen)"
            ) from None
        except json.JSONDecodeError as error:
            raise BaselineError(
                f"{path}: keine lesbare Baseline (kein gültiges JSON in Zeile {error.lineno}, "
                f"Spalte {error.colno})"
            ) from None
        except UnicodeDecodeError:
            raise BaselineError(f"{path}: keine lesbare Baseline (kein UTF-8)") from None
        except OSError as error:
            raise BaselineError(f"{path}: keine lesbare Baseline ({reason(error)})") from None
        if not isinstance(data, dict) or data.get("version") != VERSION:
            raise BaselineError(f"{path}: keine Baseline im Format Version {VERSION}")
        known: Counter[Key] = Counter()
        try:
            for entry in data["findings"]:
                known[
                    _key(entry["document"], entry["code"], entry.get("field"), entry["message"])
                ] += 1
        except (KeyError, TypeError):
            raise BaselineError(f"{path}: Eintrag ohne document, code oder message") from None
        return cls(path, known)

    def filter(self, result: DocumentResult) -> tuple[DocumentResult, int]:
        """The result without its known findings, and how many were left out."""
        document = _document(result.source.path, self.folder)
        kept: list[Finding] = []
        for finding in result.findings:
            key = _key(document, finding.code, finding.field, finding.message)
            if self._known[key] > 0:
                self._known[key] -= 1
            else:
                kept.append(finding)
        left_out = len(result.findings) - len(kept)
        if not left_out:
            return result, 0
        valid = not any(f.severity == "error" for f in kept)
        return result.model_copy(update={"findings": kept, "valid": valid}), left_out


def write_baseline(path: Path, results: Iterable[DocumentResult]) -> int:
    """Write every finding of the results as the new baseline; returns how many."""
    folder = path.resolve().parent
    entries = sorted(
        (
            {
                "document": _document(result.source.path, folder),
                "code": finding.code,
                "field": _POSITION.sub("[]", finding.field) if finding.field else None,
                "message": finding.message,
            }
            for result in results
            for finding in result.findings
        ),
        key=lambda e: (e["document"], e["code"], e["field"] or "", e["message"]),
    )
    with AtomicWriter(path, force=True) as stream:
        json.dump({"version": VERSION, "findings": entries}, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
    return len(entries)
