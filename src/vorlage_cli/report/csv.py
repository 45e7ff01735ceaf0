"""CSV for spreadsheets: one row per document, in UTF-8 with a byte order mark so that Excel
reads the umlauts, and by default separated by semicolons, as Excel expects in German settings
(``--delimiter ,`` for other tools).

The columns are the data contract's single values and what a table wants to sort and filter by:
the number of stations, the first and last session dates, the deciding body (the last deciding
session by date, as the rules count it) and the findings per severity, counted as ``check``
counts them (the checks across the documents of the run included). A document that could not
be read is a row with its file and its error count. Document text that starts like a formula
("=", "+", "-", "@") is written with an apostrophe before it, so that a spreadsheet shows it
instead of running it.
"""

from __future__ import annotations

import csv
from typing import IO

from vorlage_cli.model import DocumentResult, Vorlage
from vorlage_cli.report import Summary

COLUMNS = (
    "datei",
    "nummer",
    "fassung",
    "art",
    "betreff",
    "ersteller",
    "erstellt_am",
    "sitzungsteil",
    "beratungen",
    "erste_sitzung",
    "letzte_sitzung",
    "entscheidendes_gremium",
    "fehler",
    "warnungen",
    "hinweise",
)
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str | None) -> str:
    """Text as a spreadsheet shows it, never as a formula it runs. A sign alone is no formula
    (standard input's file name "-" stays as it is)."""
    if not text:
        return ""
    return "'" + text if len(text) > 1 and text.startswith(_FORMULA_START) else text


def deciding_body(vorlage: Vorlage) -> str | None:
    """The body of the last deciding session by date; without dates, the last one printed."""
    deciding = [station for station in vorlage.beratungsfolge if station.rolle == "Entscheidung"]
    dated = [
        (station.termin, position, station)
        for position, station in enumerate(deciding)
        if station.termin
    ]
    if dated:
        return max(dated, key=lambda item: item[:2])[2].gremium
    return deciding[-1].gremium if deciding else None


def row(result: DocumentResult) -> list[str | int]:
    counts = {
        severity: sum(1 for finding in result.findings if finding.severity == severity)
        for severity in ("error", "warning", "info")
    }
    vorlage = result.vorlage
    fields: list[str | int] = [safe_cell(result.source.path)]
    if vorlage is None:
        fields += [""] * (len(COLUMNS) - 4)
    else:
        dates = sorted(station.termin for station in vorlage.beratungsfolge if station.termin)
        fields += [
            safe_cell(vorlage.nummer),
            safe_cell(vorlage.fassung),
            safe_cell(vorlage.art),
            safe_cell(vorlage.betreff),
            safe_cell(vorlage.ersteller),
            vorlage.erstellt_am.isoformat() if vorlage.erstellt_am else "",
            vorlage.sitzungsteil or "",
            len(vorlage.beratungsfolge),
            dates[0].isoformat() if dates else "",
            dates[-1].isoformat() if dates else "",
            safe_cell(deciding_body(vorlage)),
        ]
    return [*fields, counts["error"], counts["warning"], counts["info"]]


class CsvReporter:
    def __init__(self, stream: IO[str], delimiter: str = ";") -> None:
        self.stream = stream
        stream.write(BOM)
        self.writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
        self.writer.writerow(COLUMNS)

    def document(self, result: DocumentResult) -> None:
        self.writer.writerow(row(result))

    def finish(self, summary: Summary) -> None:
        self.stream.flush()
