"""GitHub Actions workflow commands: one annotation per finding (the run's summary line is on
stderr, as for every format, and shows in the job's log beside them).

A line of a job's log that starts with ``::`` is a command to the runner. Document text reaches
these lines (committee names in messages, file names), so it is escaped as the runner requires:
``%``, CR and LF in the message, and also ``:`` and ``,`` in the properties. A document can then
never end the annotation's line and start a command of its own.
"""

from __future__ import annotations

from typing import IO

from vorlage_cli.model import DocumentResult
from vorlage_cli.report import Summary
from vorlage_cli.report.places import file_line, message_with_place, relative_path
from vorlage_cli.rules.catalogue import catalogue

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.names = {entry.code: entry.name for entry in catalogue()}

    def document(self, result: DocumentResult) -> None:
        path = relative_path(result.source.path)
        for finding in result.findings:
            properties = [f"file={escape_property(path)}"]
            line = file_line(result, finding)
            if line is not None:
                properties.append(f"line={line}")
            name = self.names.get(finding.code)
            title = f"{finding.code} ({name})" if name else finding.code
            properties.append(f"title={escape_property(title)}")
            self.stream.write(
                f"::{COMMANDS[finding.severity]} {','.join(properties)}"
                f"::{escape_data(message_with_place(result, finding))}\n"
            )

    def finish(self, summary: Summary) -> None:
        self.stream.flush()
