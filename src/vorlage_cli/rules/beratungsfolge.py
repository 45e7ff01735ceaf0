"""Consistency of the Beratungsfolge."""

from __future__ import annotations

from collections.abc import Iterator

from vorlage_cli.model import Vorlage
from vorlage_cli.rules import Hit, rule


def _date(value: object) -> str:
    return value.strftime("%d.%m.%Y") if value is not None else "?"  # type: ignore[attr-defined]


@rule("BF001", "gremium-fehlt", "error", "Beratung ohne Gremium")
def body_missing(vorlage: Vorlage) -> Iterator[Hit]:
    """Every consultation names the body that deals with the Vorlage."""
    for index, station in enumerate(vorlage.beratungsfolge):
        if not station.gremium.strip():
            yield Hit(
                f"Beratung {index + 1} am {_date(station.termin)} nennt kein Gremium",
                f"beratungsfolge[{index}].gremium",
            )


@rule("BF002", "termin-ungueltig", "error", "Sitzungstermin fehlt oder ist kein gültiges Datum")
def date_invalid(vorlage: Vorlage) -> Iterator[Hit]:
    """Every consultation has a session date, and it is a real calendar date: "31.02.2025" is a
    typing error that would put the Vorlage on no agenda at all."""
    for index, station in enumerate(vorlage.beratungsfolge):
        if station.termin is not None:
            continue
        path = f"beratungsfolge[{index}].termin"
        printed = vorlage.printed.get(path)
        if printed:
            yield Hit(f"Termin {printed} für {station.gremium} ist kein gültiges Datum", path)
        else:
            yield Hit(f"Für {station.gremium} ist kein Sitzungstermin angegeben", path)


@rule("BF003", "entscheidung-vor-vorberatung", "error", "Entscheidung liegt vor einer Vorberatung")
def decision_before_advice(vorlage: Vorlage) -> Iterator[Hit]:
    """The deciding body can only decide after every pre-advising body has advised: a deciding
    session dated before a pre-advising one means a wrong date or a wrong order."""
    deciding = [
        (i, b)
        for i, b in enumerate(vorlage.beratungsfolge)
        if b.rolle == "Entscheidung" and b.termin
    ]
    advising = [b for b in vorlage.beratungsfolge if b.rolle == "Vorberatung" and b.termin]
    for index, decision in deciding:
        for advice in advising:
            if decision.termin < advice.termin:  # type: ignore[operator]
                yield Hit(
                    f"Entscheidung im {decision.gremium} am {_date(decision.termin)} liegt vor der "
                    f"Vorberatung im {advice.gremium} am {_date(advice.termin)}",
                    f"beratungsfolge[{index}].termin",
                )
