"""SARIF 2.1.0, as GitHub code scanning reads it.

The tool's driver lists the whole code catalogue (stable ``ruleId``s, each with its summary and
documentation); each finding becomes a result with the file as a relative URI and a region. A
region needs a line: where the file has lines (text, HTML) it is the finding's line, with the
quoted text as its snippet; a PDF or DOCX has none, so the region is the file's first line and
the page, the section heading and the paragraph are named in the message (with the quote) and in
the result's properties. A finding across documents (REP) points at the other documents as
related locations. Partial fingerprints let GitHub keep one alert per problem across runs.

The log is written as results arrive (the driver first, then each result, then the closing
brackets), so a long run does not hold every result in memory.
"""

from __future__ import annotations

import json
from textwrap import indent
from typing import IO, Any

from vorlage_cli import __version__
from vorlage_cli.model import DocumentResult, Related
from vorlage_cli.report import Summary
from vorlage_cli.report.places import (
    PARAGRAPH_FORMATS,
    artifact_uri,
    file_line,
    fingerprints,
    message_with_place,
    related_in_words,
    related_line,
    relative_path,
)
from vorlage_cli.rules.catalogue import Entry, catalogue

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "vorlageFinding/v1"
_RESULTS = "results go here"
_RESULT_INDENT = " " * 8


class SarifReporter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.codes = catalogue()
        self.rule_index = {entry.code: index for index, entry in enumerate(self.codes)}
        self.head, self.tail = _frame(self.codes)
        self.separator: str | None = None

    def document(self, result: DocumentResult) -> None:
        uri = artifact_uri(result.source.path)
        for finding, fingerprint in zip(result.findings, fingerprints(result), strict=True):
            line = file_line(result, finding)
            properties: dict[str, Any] = {"severity": finding.severity}
            if finding.field:
                properties["field"] = finding.field
            if finding.location.page is not None:
                properties["page"] = finding.location.page
            if finding.location.line is not None and line is None:
                paragraphs = result.source.format in PARAGRAPH_FORMATS
                key = "paragraphNumber" if paragraphs else "lineOnPage"
                properties[key] = finding.location.line
            if finding.location.heading:
                properties["heading"] = finding.location.heading
            if finding.location.paragraph:
                properties["paragraph"] = finding.location.paragraph
            region: dict[str, Any] = {"startLine": line or 1}
            if finding.excerpt and line is not None:
                region["snippet"] = {"text": finding.excerpt}
            entry: dict[str, Any] = {"ruleId": finding.code}
            if finding.code in self.rule_index:
                entry["ruleIndex"] = self.rule_index[finding.code]
            entry |= {
                "level": LEVELS[finding.severity],
                "message": {"text": message_with_place(result, finding)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                            "region": region,
                        }
                    }
                ],
            }
            if finding.related:
                entry["relatedLocations"] = [
                    _related_location(number, other)
                    for number, other in enumerate(finding.related, start=1)
                ]
            entry |= {
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
                "properties": properties,
            }
            self._write(indent(json.dumps(entry, indent=2, ensure_ascii=False), _RESULT_INDENT))

    def finish(self, summary: Summary) -> None:
        if self.separator is None:
            self.stream.write(self.head + "[]" + self.tail)
        else:
            self.stream.write("\n" + _RESULT_INDENT[2:] + "]" + self.tail)
        self.stream.write("\n")
        self.stream.flush()

    def _write(self, text: str) -> None:
        if self.separator is None:
            self.stream.write(self.head + "[")
            self.separator = ",\n"
            self.stream.write("\n" + text)
        else:
            self.stream.write(self.separator + text)


def _related_location(number: int, other: Related) -> dict[str, Any]:
    """A place in another document that a finding across documents is about too: the file,
    its line where it has lines (with the quote), the place in words otherwise."""
    line = related_line(other)
    region: dict[str, Any] = {"startLine": line or 1}
    if other.excerpt and line is not None:
        region["snippet"] = {"text": other.excerpt}
    place = related_in_words(other, quoted_paragraph=False)
    text = relative_path(other.path) + (f" ({place})" if place and line is None else "")
    if other.excerpt:
        text += f": „{other.excerpt}“"
    return {
        "id": number,
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(other.path), "uriBaseId": "%SRCROOT%"},
            "region": region,
        },
        "message": {"text": text},
    }


def _frame(codes: list[Entry]) -> tuple[str, str]:
    """The log around its results, split where the results go."""
    driver = {
        "name": "vorlage",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [
            {
                "id": entry.code,
                "name": entry.name,
                "shortDescription": {"text": entry.summary},
                "fullDescription": {"text": entry.doc or entry.summary},
                "help": {"text": entry.doc or entry.summary},
                "defaultConfiguration": {"level": LEVELS[entry.severity]},
            }
            for entry in codes
        ],
    }
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": _RESULTS}
        ],
    }
    head, tail = json.dumps(log, indent=2, ensure_ascii=False).split(json.dumps(_RESULTS))
    return head, tail
