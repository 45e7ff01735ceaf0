"""Reporters: one output format each; they present findings and never decide what is wrong.

A reporter receives each document's result as soon as it is ready (so that long runs stream) and
a summary at the end. Machine formats write only to the stream they are given (stdout).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import IO, Protocol

from vorlage_cli.model import DocumentResult

SEVERITY_NAMES = {"error": "Fehler", "warning": "Warnung", "info": "Hinweis"}
"""How reports name the severities (the configuration and machine formats use the keys)."""


@dataclass(slots=True)
class Summary:
    documents: int = 0
    unreadable: int = 0
    with_errors: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0

    def add(self, result: DocumentResult) -> None:
        self.documents += 1
        if result.vorlage is None:
            self.unreadable += 1
        if not result.valid:
            self.with_errors += 1
        for finding in result.findings:
            if finding.severity == "error":
                self.errors += 1
            elif finding.severity == "warning":
                self.warnings += 1
            else:
                self.infos += 1

    def in_words(self) -> str:
        """The run in one German line: "5 Dokumente geprüft: 1 nicht lesbar, 3 Fehler, 1 Warnung,
        0 Hinweise"."""
        counts = [
            _count(self.errors, "Fehler", "Fehler"),
            _count(self.warnings, "Warnung", "Warnungen"),
            _count(self.infos, "Hinweis", "Hinweise"),
        ]
        if self.unreadable:
            counts.insert(0, f"{self.unreadable} nicht lesbar")
        return f"{_count(self.documents, 'Dokument', 'Dokumente')} geprüft: {', '.join(counts)}"

    def exported_in_words(self, target: str | None, unwritten: int = 0) -> str:
        """The export in one German line: "4 Dokumente nach out/ exportiert, davon 1 nicht
        lesbar, 1 nicht geschrieben"."""
        where = f" nach {target}" if target is not None else ""
        problems = [f"{self.unreadable} nicht lesbar"] if self.unreadable else []
        if unwritten:
            problems.append(f"{unwritten} nicht geschrieben")
        line = f"{_count(self.documents, 'Dokument', 'Dokumente')}{where} exportiert"
        return f"{line}, davon {', '.join(problems)}" if problems else line


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


class Reporter(Protocol):
    def document(self, result: DocumentResult) -> None: ...

    def finish(self, summary: Summary) -> None: ...


_REPORTERS = {
    "human": ("human", "HumanReporter"),
    "json": ("json", "JsonReporter"),
    "jsonl": ("jsonl", "JsonLinesReporter"),
    "sarif": ("sarif", "SarifReporter"),
    "github": ("github", "GithubReporter"),
    "junit": ("junit", "JunitReporter"),
    "gitlab": ("gitlab", "GitlabReporter"),
    "html": ("html", "HtmlReporter"),
}
FORMATS = tuple(_REPORTERS)
"""The names ``--format`` accepts; all but human are machine formats."""


def make_reporter(
    name: str, stream: IO[str], *, quiet: bool = False, color: bool | None = None
) -> Reporter:
    """The reporter for a format, its module imported only when chosen (rich costs start-up
    time that a machine format need not pay)."""
    if name not in _REPORTERS:
        raise ValueError(f"unknown format {name!r}")
    module, class_name = _REPORTERS[name]
    reporter = getattr(import_module(f"vorlage_cli.report.{module}"), class_name)
    if name == "human":
        return reporter(stream, quiet=quiet, color=color)
    return reporter(stream)
