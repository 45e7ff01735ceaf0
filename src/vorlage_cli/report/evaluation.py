"""The table `vorlage evaluate` prints: accuracy per field over all documents, then per document."""

from __future__ import annotations

from collections import defaultdict
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from vorlage_cli.evaluate import Check
from vorlage_cli.report.human import clean
from vorlage_cli.terminal import report_stream, report_width


def _percent(good: int, total: int) -> str:
    return f"{100 * good / total:.1f} %" if total else "–"


def print_evaluation(checks: list[Check], stream: IO[str], *, verbose: bool = False) -> None:
    console = Console(
        file=report_stream(stream),
        width=report_width(stream),
        highlight=False,
        markup=False,
        emoji=False,
    )
    by_field: dict[str, list[bool]] = defaultdict(list)
    by_document: dict[str, list[bool]] = defaultdict(list)
    for check in checks:
        name = check.field.split("[")[0] + ("[].*" if "[" in check.field else "")
        by_field[name].append(check.ok)
        if "[" not in check.field:
            by_document[check.document].append(check.ok)
    table = Table(header_style="bold", show_edge=False)
    table.add_column("Feld")
    table.add_column("richtig", justify="right")
    table.add_column("geprüft", justify="right")
    table.add_column("Genauigkeit", justify="right")
    for name in sorted(by_field):
        results = by_field[name]
        table.add_row(
            Text(name),
            Text(str(sum(results))),
            Text(str(len(results))),
            Text(_percent(sum(results), len(results))),
        )
    console.print(table)
    documents = Table(header_style="bold", show_edge=False)
    documents.add_column("Dokument")
    documents.add_column("Felder richtig", justify="right")
    for name, results in by_document.items():
        style = "" if all(results) else "red"
        documents.add_row(
            Text(clean(name), style=style), Text(f"{sum(results)}/{len(results)}", style=style)
        )
    console.print(documents)
    top = [c for c in checks if "[" not in c.field]
    cells = [c for c in checks if "[" in c.field]
    right = sum(c.ok for c in top)
    console.print(
        Text(
            f"Felder: {right}/{len(top)} richtig ({_percent(right, len(top))}); "
            f"Beratungsfolge-Zellen: {sum(c.ok for c in cells)}/{len(cells)}"
        )
    )
    if verbose:
        for check in checks:
            if not check.ok and "[" not in check.field:
                console.print(Text(f"{clean(check.document)}: {check.field}", style="bold"))
                console.print(Text(f"  erwartet: {clean(check.expected)}"))
                console.print(Text(f"  gelesen:  {clean(check.actual)}"))


SHOWN_DISAGREEMENTS = 10
"""Disagreements listed per field without --verbose: enough to see the kind of failure."""


def print_oparl_evaluation(
    checks: list[Check], without_document: list[str], stream: IO[str], *, verbose: bool = False
) -> None:
    """Agreement per compared value with the city's OParl records, then the disagreements."""
    console = Console(
        file=report_stream(stream),
        width=report_width(stream),
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=True,
    )
    by_field: dict[str, list[Check]] = defaultdict(list)
    for check in checks:
        by_field[check.field].append(check)
    documents = len({check.document for check in checks})
    table = Table(header_style="bold", show_edge=False)
    table.add_column("Wert")
    table.add_column("stimmt", justify="right")
    table.add_column("verglichen", justify="right")
    table.add_column("Übereinstimmung", justify="right")
    for name in sorted(by_field):
        results = [check.ok for check in by_field[name]]
        table.add_row(
            Text(name),
            Text(str(sum(results))),
            Text(str(len(results))),
            Text(_percent(sum(results), len(results))),
        )
    console.print(Text(f"{documents} Dokumente mit OParl-Datensatz verglichen"))
    if without_document:
        console.print(
            Text(
                f"{len(without_document)} Datensätze ohne auffindbares Dokument, z. B. "
                + ", ".join(clean(name) for name in without_document[:3])
            )
        )
    console.print(table)
    for name in sorted(by_field):
        wrong = [check for check in by_field[name] if not check.ok]
        if not wrong:
            continue
        console.print(Text(f"\nAbweichungen bei {name} ({len(wrong)}):", style="bold"))
        shown = wrong if verbose else wrong[:SHOWN_DISAGREEMENTS]
        for check in shown:
            console.print(
                Text(
                    f"  {clean(check.document)}: OParl {clean(check.expected)}, "
                    f"gelesen {clean(check.actual)}"
                )
            )
        if len(shown) < len(wrong):
            console.print(Text(f"  … {len(wrong) - len(shown)} weitere (--verbose zeigt alle)"))
