"""Unseen variations of the known template families: other committees, more rows, a table broken
by a page break. The documents are generated from a fixed seed, so the test is deterministic, and
each states the Beratungsfolge it prints, which the extractor must read back exactly."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

import pytest

from vorlage_cli.extract import extract
from vorlage_cli.readers.text import read_text

BODIES = [
    "Ausschuss für Umwelt, Klima und Energie",
    "Haupt- und Finanzausschuss",
    "Ortsbeirat Nord",
    "Bezirksvertretung Mitte",
    "Jugendhilfeausschuss",
    "Rat der Stadt Wendelstedt",
    "Ausschuss für Planung, Bauen und Verkehr",
    "Werksausschuss Stadtwerke",
    "Seniorenbeirat",
    "Integrationsrat",
    "Ortschaftsrat Hainbach",
    "Betriebsausschuss Bäder und Sportstätten",
    "Schul- und Sportausschuss",
    "Kulturausschuss",
    "Rechnungsprüfungsausschuss",
    "Ausschuss für Soziales, Gesundheit und Inklusion",
    "Gemeinderat",
    "Verwaltungsausschuss",
]
ROLES = {
    "Vorberatung": ["vorberatend", "Vorberatung", "Beratung und Empfehlung"],
    "Entscheidung": ["beschließend", "Entscheidung", "Beratung und Beschlussfassung"],
    "Kenntnisnahme": ["zur Kenntnis", "Kenntnisnahme"],
    "Anhörung": ["anhörend", "Anhörung"],
}


@dataclass
class Station:
    gremium: str
    rolle: str
    printed_role: str
    termin: dt.date
    top: str
    public: bool


def stations(rng: random.Random, count: int, style: int) -> list[Station]:
    bodies = rng.sample(BODIES, count)
    day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(300))
    result = []
    for index, body in enumerate(bodies):
        role = (
            "Entscheidung"
            if index == count - 1
            else rng.choice(["Vorberatung", "Anhörung", "Kenntnisnahme"])
        )
        day += dt.timedelta(days=rng.randrange(0, 15))
        printed = ROLES[role][style % len(ROLES[role])]
        result.append(
            Station(body, role, printed, day, str(rng.randrange(1, 30)), rng.random() < 0.8)
        )
    return result


def tab_layout(rows: list[Station], page_break: int | None) -> str:
    """The seed's template: header and value rows separated by tabs."""
    header = "GREMIUM\tSTATUS\tTERMIN\tEINLADUNG\tTOP"
    lines = ["VERWALTUNGSVORLAGE VL-9/2025", "", header]
    for index, row in enumerate(rows):
        if index == page_break:
            lines += ["-- 1 of 2 --", header]
        lines.append(
            f"{row.gremium}\t{row.printed_role}\t{row.termin:%d.%m.%Y}\t{index + 1}/2025\t{row.top}"
        )
    return "\n".join(
        [*lines, "", "BEZEICHNUNG DES TAGESORDNUNGSPUNKTES", "", "Neubau einer Brücke", ""]
    )


def single_space_layout(rows: list[Station], page_break: int | None) -> str:
    """Text extracted from a PDF table with single spaces between columns (Karlsruhe's newer
    template): Gremien Termin TOP Ö / N Zuständigkeit."""
    header = "Gremien Termin TOP Ö / N Zuständigkeit"
    lines = [
        "Beschlussvorlage",
        "Vorlage Nr.: 2025/0412",
        "Dienststelle: Tiefbauamt",
        "Neubau einer Brücke",
        header,
    ]
    for index, row in enumerate(rows):
        if index == page_break:
            lines += ["-- 1 of 2 --", header]
        mark = "Ö" if row.public else "N"
        lines.append(f"{row.gremium} {row.termin:%d.%m.%Y} {row.top} {mark} {row.printed_role}")
    return "\n".join([*lines, "Kurzfassung", "Der Gemeinderat beschließt."])


def wrapped_layout(rows: list[Station], page_break: int | None) -> str:
    """SD.NET's print as text: long committee names wrapped around the line with the date."""
    lines = ["DS 12/2025", "Beschlussvorlage", "Beratungsfolge Sitzungstermin Stand"]
    for index, row in enumerate(rows):
        if index == page_break:
            lines.append("- 2 -")
        words = row.gremium.split()
        if len(words) >= 4:
            cut = len(words) // 2
            lines += [
                " ".join(words[:cut]),
                f"{row.termin:%d.%m.%Y} {row.printed_role}",
                " ".join(words[cut:]),
            ]
        else:
            lines.append(f"{row.gremium} {row.termin:%d.%m.%Y} {row.printed_role}")
    return "\n".join([*lines, "Neubau einer Brücke", "Beschlussvorschlag:", "Der Rat beschließt."])


LAYOUTS = {"tabs": tab_layout, "single-space": single_space_layout, "wrapped": wrapped_layout}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("seed", range(12))
def test_generated_beratungsfolge_is_read_back(layout: str, seed: int) -> None:
    rng = random.Random(f"{layout}-{seed}")
    style = 0 if layout == "tabs" else (1 if layout == "single-space" else 2)
    rows = stations(rng, rng.randrange(2, 10), style)
    page_break = rng.randrange(1, len(rows)) if seed % 3 == 0 else None
    text = LAYOUTS[layout](rows, page_break)
    vorlage = extract(read_text(text.encode())).vorlage
    read = [(b.gremium, b.rolle, b.termin) for b in vorlage.beratungsfolge]
    assert read == [(r.gremium, r.rolle, r.termin) for r in rows], text
    if layout != "wrapped":
        assert [b.top for b in vorlage.beratungsfolge] == [r.top for r in rows]
    if layout == "single-space":
        assert [b.oeffentlich for b in vorlage.beratungsfolge] == [r.public for r in rows]
