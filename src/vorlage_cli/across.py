"""The checks across documents in a run of ``check`` (the REP rules): their findings belong to
the documents they are about, in every output format, in the baseline and in the exit code, but
they are known only once every document has been read.

So each result waits on disk (a temporary file, one JSON line each) while its few facts wait in
memory; when the last document is in, the rules compare the facts, and the results come back
in input order with their new findings, adjusted by each document's configuration like its own.
Memory stays at the facts, whatever the number of documents; the report appears at the end.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from vorlage_cli.model import DocumentResult

if TYPE_CHECKING:
    from vorlage_cli.config import ConfigResolver
    from vorlage_cli.facts import DocumentFacts


class AcrossDocuments:
    def __init__(self, configs: ConfigResolver) -> None:
        self.configs = configs
        self.facts: list[DocumentFacts | None] = []
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115

    def __enter__(self) -> AcrossDocuments:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._spool.close()

    def add(self, result: DocumentResult) -> None:
        """Keep a result until every document is in; a document that could not be read has
        no facts and is compared with nothing."""
        self.facts.append(getattr(result, "facts", None))
        self._spool.write(result.model_dump_json() + "\n")

    def results(self) -> Iterator[DocumentResult]:
        """The results in input order, each with the findings across documents about it."""
        from vorlage_cli.rules import run_folder_rules

        found = run_folder_rules(self.facts)
        self.facts = []
        self._spool.seek(0)
        for index, line in enumerate(self._spool):
            result = DocumentResult.model_validate_json(line)
            extra = found.get(index)
            if extra:
                path = Path(result.source.path)
                config = self.configs.for_document(path)
                extra = config.adjust(extra, path, readable=True)
            if extra:
                findings = [*result.findings, *extra]
                valid = not any(finding.severity == "error" for finding in findings)
                result = result.model_copy(update={"findings": findings, "valid": valid})
            yield result
