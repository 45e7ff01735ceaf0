"""The report a person reads: the extracted fields at a glance, the Beratungsfolge as a table,
the findings with severity, place and message.

Everything taken from a document is passed to rich as plain ``Text``, never as markup, and
control characters are removed: a document containing "[bold red]" or an ANSI escape sequence
shows it literally and cannot restyle or move the terminal.
"""

from __future__ import annotations

import re
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from vorlage_cli.model import Beratung, DocumentResult
from vorlage_cli.readers.sniff import FORMAT_NAMES
from vorlage_cli.report import SEVERITY_NAMES, Summary
from vorlage_cli.report.places import place_in_words, related_in_words
from vorlage_cli.terminal import report_stream, report_width

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters, and the bidirectional overrides that make a terminal show text in
another order than it is (a "Trojan Source" name)."""
_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
RULE = 100
"""Length of the line under a document's title in a file or a pipe."""


def clean(value: object) -> str:
    """Document text made safe for a terminal: no control characters, no bidi overrides."""
    return _CONTROL.sub("", str(value))


def _short(value: str | None) -> str:
    """A value on one line: whitespace folded, never cut (a terminal wraps it)."""
    if value is None:
        return "–"
    return clean(" ".join(value.split()))


def _role(station: Beratung) -> str:
    """The role as a reader should take it: a derived role says so."""
    if station.rolle_quelle == "abgeleitet":
        return f"{station.rolle} (abgeleitet)"
    return clean(station.rolle or station.rolle_text or "")


def _date(value: object) -> str:
    return value.strftime("%d.%m.%Y") if value is not None else "–"  # type: ignore[attr-defined]


class HumanReporter:
    def __init__(self, stream: IO[str], *, quiet: bool = False, color: bool | None = None) -> None:
        self.width = report_width(stream)
        self.console = Console(
            file=report_stream(stream),
            width=self.width,
            highlight=False,
            soft_wrap=False,
            force_terminal=color,
            no_color=color is False,
            emoji=False,
            markup=False,
        )
        self.quiet = quiet

    def document(self, result: DocumentResult) -> None:
        console = self.console
        if self.quiet and not result.findings:
            return
        title = Text(clean(result.source.path), style="bold")
        if result.source.format:
            pages = (
                f", {result.source.pages} Seite{'' if result.source.pages == 1 else 'n'}"
                if result.source.pages
                else ""
            )
            title.append(f"  ({FORMAT_NAMES[result.source.format]}{pages})", style="dim")
        if self.width is None:
            console.rule(title, align="left")
        else:  # a rule as wide as a file's lines would be thousands of characters long
            console.print(title + Text(" " + "─" * max(3, RULE - len(title) - 1)))
        vorlage = result.vorlage
        if vorlage is not None and not self.quiet:
            fields = Table.grid(padding=(0, 2))
            fields.add_column(style="bold")
            fields.add_column()
            number = _short(vorlage.nummer)
            if vorlage.fassung:
                number += f" (Fassung {clean(vorlage.fassung)})"
            author = ", ".join(
                x
                for x in (
                    _short(vorlage.ersteller) if vorlage.ersteller else "",
                    _date(vorlage.erstellt_am) if vorlage.erstellt_am else "",
                )
                if x
            )
            for label, value in (
                ("Nummer", number),
                ("Art", _short(vorlage.art)),
                ("Betreff", _short(vorlage.betreff)),
                ("Erstellt", author or "–"),
                ("Sitzungsteil", _short(vorlage.sitzungsteil)),
                (
                    "Beschlussvorschlag",
                    f"{len(vorlage.beschlussvorschlag)} Punkt(e)"
                    if vorlage.beschlussvorschlag
                    else "–",
                ),
                ("Anlagen", str(len(vorlage.anlagen)) if vorlage.anlagen else "–"),
            ):
                fields.add_row(Text(label), Text(value))
            console.print(fields)
            if vorlage.beratungsfolge:
                table = Table(title=None, show_edge=False, pad_edge=False, header_style="bold")
                for column in ("#", "Gremium", "Rolle", "Termin", "Einladung", "TOP", "Ö/N"):
                    table.add_column(column, overflow="fold")
                for index, station in enumerate(vorlage.beratungsfolge, start=1):
                    public = {True: "ö", False: "nö", None: ""}[station.oeffentlich]
                    table.add_row(
                        Text(str(index)),
                        Text(_short(station.gremium)),
                        Text(_role(station)),
                        Text(_date(station.termin)),
                        Text(clean(station.einladung or "")),
                        Text(clean(station.top or "")),
                        Text(public),
                    )
                console.print(Text("Beratungsfolge", style="bold"))
                console.print(table)
        if result.findings:
            findings = Table.grid(padding=(0, 2))
            for _ in range(4):
                findings.add_column()
            for finding in result.findings:
                message = Text(clean(finding.message))
                if finding.excerpt:
                    message.append(f"\n„{clean(finding.excerpt)}“", style="dim")
                if finding.related:
                    places = (
                        ", ".join(part for part in (other.path, related_in_words(other)) if part)
                        for other in finding.related
                    )
                    message.append(f"\nauch: {clean('; '.join(places))}", style="dim")
                findings.add_row(
                    Text(SEVERITY_NAMES[finding.severity], style=_STYLES[finding.severity]),
                    Text(finding.code, style="dim"),
                    Text(place_in_words(result, finding), style="dim"),
                    message,
                )
            console.print(findings)
        elif not self.quiet:
            console.print(Text("Keine Befunde.", style="green"))
        console.print()

    def finish(self, summary: Summary) -> None:
        """The run's summary goes to stderr with the other messages (``commands.py``)."""
