"""Reporters: one output format each; they present findings and never decide what is wrong.

A reporter receives each document's result as soon as it is ready (so that long runs stream) and
a summary at the end. Machine formats write only to the stream they are given (stdout).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Protocol

from vorlage_cli.model import DocumentResult


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


class Reporter(Protocol):
    def document(self, result: DocumentResult) -> None: ...

    def finish(self, summary: Summary) -> None: ...


FORMATS = ("human", "jsonl")


def make_reporter(
    name: str, stream: IO[str], *, quiet: bool = False, color: bool | None = None
) -> Reporter:
    if name == "human":
        from vorlage_cli.report.human import HumanReporter

        return HumanReporter(stream, quiet=quiet, color=color)
    if name == "jsonl":
        from vorlage_cli.report.jsonl import JsonLinesReporter

        return JsonLinesReporter(stream)
    raise ValueError(f"unknown format {name!r}")
