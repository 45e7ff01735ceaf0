"""The rule catalogue for people: the list ``vorlage rules`` prints, one code's explanation
(``vorlage rules CODE``) and the Markdown of docs/rules.md, all from the registry and the German
explanations beside it (``rules/explanations.de.toml``), so that the documentation cannot drift
from the code."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from vorlage_cli.config import Config
from vorlage_cli.report import SEVERITY_NAMES
from vorlage_cli.report.configuration import readers_of, shown_default
from vorlage_cli.rules import Rule, all_options, all_rules
from vorlage_cli.rules.catalogue import Entry, group_of
from vorlage_cli.terminal import report_stream, report_width

EXPLANATIONS = Path(__file__).resolve().parents[1] / "rules" / "explanations.de.toml"

MARKDOWN_INTRO = """\
# Regeln

<!-- Erzeugt mit `vorlage rules --markdown > docs/rules.md`; ein Test hält diese Datei aktuell. -->

Jeder Befund trägt einen festen Code (eine Buchstabengruppe und Ziffern), einen lesbaren Namen,
einen Schweregrad und eine Meldung, die die betroffenen Werte nennt. Der Schweregrad unten ist der
Standard: Fehler (`error`), Warnung (`warning`) oder Hinweis (`info`). In der Konfiguration
([configuration.md](configuration.md)) lässt sich eine Regel abschalten oder anders einstufen, mit
dem Code oder dem Namen (`rules = { BF007 = "off", betrag-mehrdeutig = "error" }`).
`vorlage rules` zeigt diesen Katalog, `vorlage rules CODE` einen Eintrag.

Die Codes RD (Lesen der Datei) meldet das Programm beim Lesen, nicht eine Regel; ein Fehler RD
heißt, dass das Dokument gar nicht geprüft werden konnte.
"""


@cache
def explanations() -> dict[str, Any]:
    """The German explanations: ``groups`` (title, intro) and ``codes`` (explanation), each
    with the ``source`` hash of the English text it renders."""
    with EXPLANATIONS.open("rb") as stream:
        return tomllib.load(stream)


def explanation(entry: Entry) -> str:
    """The German explanation of a code, in paragraphs separated by blank lines."""
    return str(explanations()["codes"][entry.code]["explanation"]).strip()


def group_title(group: str) -> str:
    return str(explanations()["groups"][group]["title"])


def group_intro(group: str) -> str:
    return " ".join(str(explanations()["groups"][group]["intro"]).split())


def severity_name(severity: str) -> str:
    return SEVERITY_NAMES.get(severity, severity)


def _console(stream: IO[str]) -> Console:
    return Console(
        file=report_stream(stream),
        width=report_width(stream),
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def configured_severity(entry: Entry, config: Config) -> str:
    """The severity that applies under the configuration: "aus", or the severity, with the
    default beside it where the configuration changed it."""
    settings = config.settings
    default = severity_name(entry.severity)
    if not settings.enabled(entry.code):
        return f"aus (Standard: {default})"
    severity = settings.severities.get(entry.code, entry.severity)
    if severity == entry.severity:
        return default
    return f"{severity_name(severity)} (Standard: {default})"


def print_catalogue(entries: list[Entry], stream: IO[str], config: Config | None = None) -> None:
    config = config or Config()
    console = _console(stream)
    if config.path is not None:
        console.print(Text(f"Konfiguration: {config.path}"))
    table = Table(header_style="bold", show_edge=False, pad_edge=False)
    for column in ("Code", "Name", "Schweregrad", "Kurzbeschreibung"):
        table.add_column(column)
    for entry in entries:
        table.add_row(
            Text(entry.code),
            Text(entry.name),
            Text(configured_severity(entry, config)),
            Text(entry.summary),
        )
    console.print(table)


def print_entry(entry: Entry, stream: IO[str], config: Config | None = None) -> None:
    config = config or Config()
    console = _console(stream)
    console.print(Text(f"{entry.code} {entry.name}", style="bold"))
    console.print(
        Text(
            f"{group_title(group_of(entry))} · Standard: {severity_name(entry.severity)} · "
            f"hier eingestellt: {configured_severity(entry, config)}"
        )
    )
    console.print(Text(entry.summary))
    for paragraph in explanation(entry).split("\n\n"):
        console.print()
        console.print(Text(" ".join(paragraph.split())))
    console.print()
    console.print(Text(_configuration(entry)))


def print_options(config: Config, stream: IO[str]) -> None:
    """Every rule option: its type, its default and the value configured here."""
    console = _console(stream)
    if config.path is not None:
        console.print(Text(f"Konfiguration: {config.path}"))
    values = config.settings.options.values
    table = Table(header_style="bold", show_edge=False, pad_edge=False)
    for column in ("Option", "Typ", "Standard", "Eingestellt", "Regeln"):
        table.add_column(column)
    rules = all_rules()
    for name, option in all_options().items():
        table.add_row(
            Text(name),
            Text(option.type.label),
            Text(shown_default(option)),
            Text(repr(values[option]) if values.is_set(option) else "–"),
            Text(", ".join(entry.code for entry in readers_of(option, rules))),
        )
    console.print(table)


def _configuration(entry: Entry) -> str:
    if not isinstance(entry, Rule):
        return (
            "Gemeldet beim Lesen der Datei. Einstellbar wie eine Regel, außer dass eine Datei, "
            "die sich gar nicht lesen ließ, ihren Fehler immer meldet."
        )
    text = f'Einstellen: rules = {{ {entry.code} = "off" | "error" | "warning" | "info" }}'
    if entry.options:
        text += "; liest " + ", ".join(option.name for option in entry.options)
    return text


def markdown(entries: list[Entry]) -> str:
    lines = [
        MARKDOWN_INTRO,
        "| Code | Name | Schweregrad | Kurzbeschreibung |",
        "|---|---|---|---|",
    ]
    for entry in entries:
        anchor = f"{entry.code}-{entry.name}".lower()
        lines.append(
            f"| [{entry.code}](#{anchor}) | {entry.name} | {severity_name(entry.severity)} "
            f"| {entry.summary} |"
        )
    group = None
    for entry in entries:
        if group_of(entry) != group:
            group = group_of(entry)
            lines += ["", f"## {group_title(group)} ({group})", "", group_intro(group)]
        lines += ["", f"### {entry.code} {entry.name}", ""]
        lines.append(f"*{severity_name(entry.severity)}* · {entry.summary}")
        for paragraph in explanation(entry).split("\n\n"):
            lines += ["", " ".join(paragraph.split())]
        if isinstance(entry, Rule) and entry.options:
            names = ", ".join(f"[`{o.name}`](configuration.md#{o.name})" for o in entry.options)
            lines += ["", "Optionen: " + names]
    return "\n".join(lines) + "\n"
