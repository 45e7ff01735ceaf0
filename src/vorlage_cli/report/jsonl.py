"""JSON Lines: one object of the data contract per document, nothing else on the stream."""

from __future__ import annotations

from typing import IO

from vorlage_cli.model import DocumentResult
from vorlage_cli.report import Summary


class JsonLinesReporter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def document(self, result: DocumentResult) -> None:
        self.stream.write(result.to_json() + "\n")

    def finish(self, summary: Summary) -> None:
        self.stream.flush()
