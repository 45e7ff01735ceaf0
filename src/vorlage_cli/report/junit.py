"""JUnit XML, as GitLab, Jenkins and other CI systems show test results: one test suite per
document, one test case per rule, a failure for each rule that found something.

A document that could not be read has a failing test case for its reading code and its rules
are skipped, not passed. Text from documents is escaped, and characters XML 1.0 cannot hold
(most control characters) are dropped, so no document can break the report.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from vorlage_cli.model import DocumentResult, Finding
from vorlage_cli.report import Summary
from vorlage_cli.report.places import place_in_words, relative_path
from vorlage_cli.rules.catalogue import catalogue

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SEVERITY_WORDS = {"error": "Fehler", "warning": "Warnung", "info": "Hinweis"}
_RANK = {"info": 0, "warning": 1, "error": 2}


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _attribute(value: str) -> str:
    return quoteattr(_NOT_XML.sub("", value))


class JunitReporter:
    def __init__(self, stream: IO[str]) -> None:
        from vorlage_cli.rules import all_rules

        self.stream = stream
        self.rules = [rule.code for rule in all_rules()]
        self.names = {entry.code: entry.name for entry in catalogue()}
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="vorlage">\n')

    def document(self, result: DocumentResult) -> None:
        path = relative_path(result.source.path)
        by_code: dict[str, list[Finding]] = defaultdict(list)
        for finding in result.findings:
            by_code[finding.code].append(finding)
        codes = self.rules + [code for code in by_code if code not in self.rules]
        read = result.vorlage is not None
        skipped = 0 if read else len([code for code in codes if code not in by_code])
        self.stream.write(
            f'  <testsuite name={_attribute(path)} tests="{len(codes)}" '
            f'failures="{len(by_code)}" errors="0" skipped="{skipped}">\n'
        )
        for code in codes:
            name = f"{code} {self.names[code]}" if code in self.names else code
            self.stream.write(
                f"    <testcase classname={_attribute(path)} name={_attribute(name)} "
                f"file={_attribute(path)}"
            )
            if code in by_code:
                self.stream.write(
                    ">\n" + self._failure(result, by_code[code]) + "    </testcase>\n"
                )
            elif not read:
                self.stream.write(
                    '>\n      <skipped message="nicht geprüft: Dokument nicht gelesen"/>\n'
                    "    </testcase>\n"
                )
            else:
                self.stream.write("/>\n")
        self.stream.write("  </testsuite>\n")

    def _failure(self, result: DocumentResult, findings: list[Finding]) -> str:
        worst = max((finding.severity for finding in findings), key=_RANK.__getitem__)
        message = findings[0].message
        if len(findings) > 1:
            message += f" (und {len(findings) - 1} weitere)"
        lines = []
        for finding in findings:
            place = place_in_words(result, finding)
            where = f" ({place})" if place else ""
            lines.append(f"{_SEVERITY_WORDS[finding.severity]}{where}: {finding.message}")
            if finding.excerpt:
                lines.append(f"  „{finding.excerpt}“")
        return (
            f"      <failure type={_attribute(worst)} message={_attribute(message)}>"
            f"{_text(chr(10).join(lines))}</failure>\n"
        )

    def finish(self, summary: Summary) -> None:
        self.stream.write("</testsuites>\n")
        self.stream.flush()
