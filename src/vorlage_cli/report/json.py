"""JSON: one array holding the data contract's object for every document.

The array is written as the documents arrive (an opening bracket, the objects, the closing
bracket at the end), so a long run does not hold every result in memory.
"""

from __future__ import annotations

from typing import IO

from vorlage_cli.model import DocumentResult
from vorlage_cli.report import Summary


class JsonReporter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.separator = "[\n"

    def document(self, result: DocumentResult) -> None:
        self.stream.write(self.separator + result.to_json())
        self.separator = ",\n"

    def finish(self, summary: Summary) -> None:
        self.stream.write("[]\n" if self.separator == "[\n" else "\n]\n")
        self.stream.flush()
