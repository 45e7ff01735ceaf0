"""Roles the document does not print, derived from its kind and the order of its sessions.

Many templates have no role column (Karlsruhe's older one, Dessau-Roßlau, most sentence
forms), yet OParl, the rules and every reader want to know who decides. Where a station prints
no role, it follows from what the Vorlage is: an information kind is taken note of everywhere; a
Vorlage that asks for a decision is decided in its last session (or where a printed role says
so) and pre-advised in the sessions before. "Last" is by date, never by print order, since some
lists run newest first. Each derived role is marked ``rolle_quelle = "abgeleitet"``, so that
nobody mistakes it for a printed one; where the evidence is thin (no kind that tells, a station
without a date, two bodies on the last day) nothing is derived.
"""

from __future__ import annotations

from vorlage_cli.extract.lexicon import Lexicon
from vorlage_cli.model import Beratung, Vorlage


def mark_printed_roles(stations: list[Beratung]) -> None:
    for station in stations:
        if station.rolle is not None:
            station.rolle_quelle = "gedruckt"


def derive_roles(vorlage: Vorlage, lexicon: Lexicon) -> None:
    """Fill the roles of stations that print none (and no unknown role phrase either)."""
    stations = vorlage.beratungsfolge
    open_stations = [s for s in stations if s.rolle is None and not s.rolle_text]
    if not open_stations:
        return
    decides = _decides(vorlage, lexicon)
    if decides is None:
        return
    if not decides:
        for station in open_stations:
            _derive(station, "Kenntnisnahme")
        return
    printed_decisions = [
        s.termin for s in stations if s.rolle == "Entscheidung" and s.termin is not None
    ]
    # a station that prints another role cannot be the one that decides
    candidates = [s.termin for s in open_stations if s.termin is not None]
    if not printed_decisions and not candidates:
        return
    deciding_day = max(printed_decisions) if printed_decisions else max(candidates)
    on_that_day = {_body(s) for s in stations if s.termin == deciding_day}
    for station in open_stations:
        if station.termin is None or station.termin > deciding_day:
            continue
        if station.termin < deciding_day:
            _derive(station, "Vorberatung")
        elif not printed_decisions and len(on_that_day) == 1:
            _derive(station, "Entscheidung")


def _body(station: Beratung) -> str:
    return " ".join(station.gremium.split()).casefold()


def _decides(vorlage: Vorlage, lexicon: Lexicon) -> bool | None:
    """Whether the Vorlage asks a body to decide: its kind says so where the lexicon knows it
    as deciding or informing; a generic or unknown kind decides where it has a proposal."""
    kind = lexicon.kind(vorlage.art) if vorlage.art else None
    if kind is not None and kind[0] not in lexicon.generic_kinds:
        return kind[1]
    if vorlage.beschlussvorschlag:
        return True
    return None


def _derive(station: Beratung, role: str) -> None:
    station.rolle = role  # type: ignore[assignment]
    station.rolle_quelle = "abgeleitet"
