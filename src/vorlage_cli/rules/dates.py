"""The Vorlage's own date against its sessions and its number."""

from __future__ import annotations

import re
from collections.abc import Iterator

from vorlage_cli.evidence import Evidence
from vorlage_cli.extract.lexicon import Lexicon
from vorlage_cli.model import Vorlage
from vorlage_cli.rules import Hit, RuleOptions, rule
from vorlage_cli.rules.kinds import is_revision
from vorlage_cli.rules.text import german_date, in_body, listing, station

_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")
_SHOWN = 3


def _sessions_before(vorlage: Vorlage, lexicon: Lexicon) -> list[str]:
    created = vorlage.erstellt_am
    if created is None:
        return []
    earlier = sorted(
        (b.termin, position, b)
        for position, b in enumerate(vorlage.beratungsfolge)
        if b.termin is not None and b.termin < created
    )
    named = [in_body(station(b), lexicon) for _, _, b in earlier[:_SHOWN]]
    if len(earlier) > _SHOWN:
        named.append(f"{len(earlier) - _SHOWN} weiteren")
    return named


def _printed(vorlage: Vorlage, evidence: Evidence) -> str | None:
    """The Vorlage's date as printed, for quoting."""
    return evidence.printed.get("erstellt_am") or (
        german_date(vorlage.erstellt_am) if vorlage.erstellt_am else None
    )


def _after_sessions(vorlage: Vorlage, named: list[str]) -> str:
    sitzung = "der Sitzung" if len(named) == 1 else "den Sitzungen"
    return (
        f"Die Vorlage vom {german_date(vorlage.erstellt_am)} ist nach {sitzung} "
        f"{listing(named)} datiert"
    )


@rule("DAT001", "datum-nach-sitzung", "warning", "Vorlage ist nach einer ihrer Sitzungen datiert")
def dated_after_session(
    vorlage: Vorlage, evidence: Evidence, options: RuleOptions
) -> Iterator[Hit]:
    """A Vorlage is written before the bodies meet. An original dated after one of its own
    sessions has a wrong date, a wrong session date, or was changed without being marked as a
    revision. (Revisions are reported as DAT002.) Prints made after the decision, with the
    results filled in, are dated later too: then the finding explains the date."""
    named = _sessions_before(vorlage, options.lexicon)
    if named and not is_revision(vorlage, options.lexicon):
        yield Hit(_after_sessions(vorlage, named), "erstellt_am", _printed(vorlage, evidence))


@rule("DAT002", "neufassung-nach-sitzung", "info", "Neufassung ist nach einer Sitzung datiert")
def revision_after_session(
    vorlage: Vorlage, evidence: Evidence, options: RuleOptions
) -> Iterator[Hit]:
    """A Neufassung or Ergänzung ("1N", "1. Ergänzung") is typically written because a body has
    already discussed the original, so a date after its first sessions is expected. It is noted
    so that a reader sees why the date lies after a session."""
    named = _sessions_before(vorlage, options.lexicon)
    if named and is_revision(vorlage, options.lexicon):
        revision = f"Neufassung {vorlage.fassung}" if vorlage.fassung else "Neufassung"
        yield Hit(
            f"{_after_sessions(vorlage, named)}; für eine {revision} üblich",
            "erstellt_am",
            _printed(vorlage, evidence),
        )


@rule("DAT003", "nummer-jahr", "warning", "Jahr in der Nummer passt nicht zum Datum")
def number_year(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """Numbers carry the year they were given in ("VL-40/2024"). A number's year far from the
    document's date points to a mistyped number or date. Accepted: a number of the coming year
    on a document of November or December (Nordstemmen's DS 1/2008 is dated 20.12.2007), a
    number of the past year on a document of January or February, and revisions of a
    Vorlage numbered up to two years earlier."""
    created = vorlage.erstellt_am
    years = {int(y) for y in _YEAR.findall(vorlage.nummer or "")}
    if created is None or len(years) != 1:
        return
    year = years.pop()
    ahead = year - created.year
    if (
        ahead == 0
        or (ahead == 1 and created.month >= 11)
        or (ahead == -1 and created.month <= 2)
        or (-2 <= ahead < 0 and is_revision(vorlage, options.lexicon))
    ):
        return
    yield Hit(
        f"Die Nummer {vorlage.nummer} nennt das Jahr {year}, die Vorlage ist aber vom "
        f"{german_date(created)}",
        "nummer",
        vorlage.nummer,
    )
