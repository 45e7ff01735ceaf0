"""GitLab code quality: a JSON array of issues, each with a fingerprint, that GitLab shows in
merge requests and compares between branches.

GitLab needs a line for every issue: the finding's line where the file has lines, the first line
otherwise, with the page or paragraph named in the description. The array is written as the
documents arrive.
"""

from __future__ import annotations

import json
from textwrap import indent
from typing import IO

from vorlage_cli.model import DocumentResult
from vorlage_cli.report import Summary
from vorlage_cli.report.places import file_line, fingerprints, message_with_place, relative_path

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


class GitlabReporter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.separator = "[\n"

    def document(self, result: DocumentResult) -> None:
        path = relative_path(result.source.path)
        for finding, fingerprint in zip(result.findings, fingerprints(result), strict=True):
            issue = {
                "description": f"{finding.code}: {message_with_place(result, finding)}",
                "check_name": finding.code,
                "fingerprint": fingerprint,
                "severity": SEVERITIES[finding.severity],
                "location": {
                    "path": path,
                    "lines": {"begin": file_line(result, finding) or 1},
                },
            }
            self.stream.write(
                self.separator + indent(json.dumps(issue, indent=2, ensure_ascii=False), "  ")
            )
            self.separator = ",\n"

    def finish(self, summary: Summary) -> None:
        self.stream.write("[]\n" if self.separator == "[\n" else "\n]\n")
        self.stream.flush()
