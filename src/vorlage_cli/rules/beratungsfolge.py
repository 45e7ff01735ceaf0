"""Consistency of the Beratungsfolge: bodies, dates, roles and the order in which they meet.

Lists are compared by date, never by printed position: some templates print the newest station
first. A body that decides twice (a Vertagung, or a first reading followed by the decision) is
normal practice and judged by its last deciding session.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from statistics import median_low

from vorlage_cli.evidence import Evidence
from vorlage_cli.extract.lexicon import Lexicon, alternatives
from vorlage_cli.model import Beratung, Rolle, Vorlage
from vorlage_cli.profile import ROUTE_ROLES
from vorlage_cli.rules import Hit, RuleOptions, rule
from vorlage_cli.rules.completeness import PROFILE
from vorlage_cli.rules.kinds import asks_for_decision, kind_of
from vorlage_cli.rules.options import TEXTS, WHOLE, Option
from vorlage_cli.rules.text import (
    body_key,
    german_date,
    in_body,
    listing,
    printed_role,
    quoted,
    role_note,
    station,
)

_EARLIEST_BEFORE = dt.timedelta(days=365)
_LATEST_AFTER = dt.timedelta(days=730)
_ADVICE: tuple[Rolle, ...] = ("Vorberatung", "Anhörung")
"""The roles of the data contract that come before a decision."""


def _either_case(word: str, spaced: bool = False) -> str:
    """A word with its first letter in either case, the end of a compound ("Baumschutzsatzung");
    ``spaced`` allows a space between its letters, as letter-spaced print comes out of a PDF."""
    rest = (r"\s?" if spaced else "").join(re.escape(letter) for letter in word[1:])
    joint = r"\s?" if spaced and rest else ""
    return f"[{re.escape(word[:1].upper())}{re.escape(word[:1].lower())}]{joint}{rest}"


@dataclass(frozen=True, slots=True)
class _Words:
    """The lexicon's names of the council and words of statutes as patterns."""

    council: re.Pattern[str]
    """A body's name that starts with a council's ("Rat der Stadt Lünen", "der Kreistag")."""
    statute: re.Pattern[str]
    """A statute in a subject; group 1 names it without endings ("Baumschutzsatzung")."""
    adopts_statute: re.Pattern[str]
    """A proposal that adopts a statute; group 1 is the statute, maybe letter-spaced."""
    dated: re.Pattern[str]
    """A date after a statute, with the word before it ("vom 29. Juli 2025")."""

    @staticmethod
    def build(lexicon: Lexicon) -> _Words:
        names = alternatives(lexicon.words("council", "names"))
        articles = alternatives(lexicon.words("council", "articles"))
        words = lexicon.words("statutes", "words")
        statute = "(?:" + "|".join(_either_case(word) for word in words) + ")" if words else "(?!)"
        spaced = "|".join(_either_case(word, spaced=True) for word in words) or "(?!)"
        endings = alternatives(lexicon.words("statutes", "endings"))
        return _Words(
            council=re.compile(rf"^(?:{articles}\s+)?{names}\b(?!-)", re.IGNORECASE),
            statute=re.compile(rf"\b(\w*{statute}){endings}?\b"),
            adopts_statute=re.compile(
                rf"\b{alternatives(lexicon.words('statutes', 'adopting'))}\w*\b[^.;]{{0,200}}?"
                rf"(\b\w*(?:{spaced})\w*)"
            ),
            dated=re.compile(rf"\s+{alternatives(lexicon.words('statutes', 'dated'))}\s+\d"),
        )


COUNCILS: Option[tuple[str, ...]] = Option(
    "councils",
    TEXTS,
    (),
    "Bodies that are the council itself, beyond the usual names (Rat, Stadtrat, Gemeinderat, "
    "Kreistag, Stadtverordnetenversammlung, Gemeindevertretung …).",
    example='["Rat der Stadt Lünen"]',
)
BODIES: Option[tuple[str, ...]] = Option(
    "bodies",
    TEXTS,
    (),
    "The council's bodies as they are spelt: a station whose body is not among them is "
    "reported, with the closest name.",
    example='["Rat der Stadt Lünen", "Haupt- und Finanzausschuss"]',
)
MIN_INVITATION_DAYS: Option[int | None] = Option(
    "min-invitation-days",
    WHOLE,
    None,
    "The Ladungsfrist in days: a Vorlage dated fewer days before its next session is "
    "reported. Tischvorlagen and Dringlichkeitsvorlagen are exempt. Unset: not checked.",
    example="7",
)


def _indexed(vorlage: Vorlage) -> list[tuple[int, Beratung]]:
    return list(enumerate(vorlage.beratungsfolge))


def _dated(vorlage: Vorlage, roles: tuple[str, ...] = ()) -> list[tuple[int, Beratung, dt.date]]:
    """(position, station, date) of the stations with a date, optionally of some roles only."""
    return [
        (i, b, b.termin)
        for i, b in _indexed(vorlage)
        if b.termin is not None and (not roles or b.rolle in roles)
    ]


def _deciding(vorlage: Vorlage) -> list[tuple[int, Beratung]]:
    return [(i, b) for i, b in _indexed(vorlage) if b.rolle == "Entscheidung"]


def _is_council(name: str, options: RuleOptions) -> bool:
    council = options.lexicon.built(_Words.build).council
    return bool(council.match(name.strip())) or body_key(name) in {
        body_key(council) for council in options[COUNCILS]
    }


@rule("BF001", "gremium-fehlt", "error", "Beratung ohne Gremium")
def body_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """Every consultation names the body that deals with the Vorlage. A row with a date but no
    body has usually lost the name in a wrapped table cell, or had it deleted by mistake."""
    for index, entry in _indexed(vorlage):
        if not entry.gremium.strip():
            yield Hit(
                f"Beratung {index + 1} am {german_date(entry.termin)} nennt kein Gremium",
                f"beratungsfolge[{index}].gremium",
                excerpt=_printed_date(evidence, f"beratungsfolge[{index}].termin", vorlage),
            )


@rule("BF002", "termin-ungueltig", "error", "Sitzungstermin ist kein gültiges Datum")
def date_invalid(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """A session date is a real calendar date: "31.02.2025" is a typing error that would put
    the Vorlage on no agenda at all. A date cell that says the session is not yet set ("noch
    offen", "-") is the document's own statement, not an error; a station without any date is
    BF013's."""
    for index, entry in _indexed(vorlage):
        path = f"beratungsfolge[{index}].termin"
        printed = evidence.printed.get(path)
        if entry.termin is not None or not printed:
            continue
        if options.lexicon.consultation.no_date.fullmatch(printed):
            continue
        yield Hit(f"Termin {printed} für {entry.gremium} ist kein gültiges Datum", path, printed)


@rule("BF013", "termin-fehlt", "info", "Beratung ohne Sitzungstermin")
def date_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """A station without a session date. While a Vorlage is prepared, the date may still have to
    be filled in; in a published one it mostly means that the session is not yet set: a RIS
    lists a body before its session is scheduled, and bodies that meet in private often have no
    published date. So this is a hint, never an error. A date cell that says so ("noch offen",
    "-") is quiet, and so is a station whose date is printed but no longer tied to it (a grid's
    dates run into one line with one cell left empty)."""
    for index, entry in _indexed(vorlage):
        path = f"beratungsfolge[{index}].termin"
        if (
            entry.termin is None
            and not evidence.printed.get(path)
            and path not in evidence.unplaced
        ):
            yield Hit(f"Für {entry.gremium} ist kein Sitzungstermin angegeben", path, entry.gremium)


@rule("BF003", "entscheidung-vor-vorberatung", "error", "Entscheidung liegt vor einer Vorberatung")
def decision_before_advice(
    vorlage: Vorlage, evidence: Evidence, options: RuleOptions
) -> Iterator[Hit]:
    """The deciding body can only decide after every pre-advising and every heard body
    (Vorberatung, Anhörung) has dealt with the Vorlage: a deciding session dated before one of
    theirs means a wrong date or a wrong order. A body that decides more than once (the matter
    was adjourned) is judged by its last deciding session. Sessions on the same day are
    accepted. One date that contradicts several others is one finding, which names them all
    and, where changing the year by one puts every session in order, the likely fix ("Jahr
    vertippt? 14.03.2023 → 14.03.2024")."""
    for index, decision, day, advices in _conflicts(vorlage):
        later = [
            f"der {a.rolle} {in_body(a.gremium, options.lexicon)} am {german_date(d)}{role_note(a)}"
            for _, a, d in advices
        ]
        shown = later[:_NAMED] + (
            [f"{len(later) - _NAMED} weiteren"] if len(later) > _NAMED else []
        )
        message = (
            f"Entscheidung {in_body(decision.gremium, options.lexicon)} am {german_date(day)}"
            f"{role_note(decision)} liegt vor {listing(shown)}"
        )
        fix = _year_fix(vorlage, index, day, advices)
        path = f"beratungsfolge[{index}].termin"
        if fix is not None:
            wrong, right, path = fix
            message += f"; Jahr vertippt? {german_date(wrong)} → {german_date(right)}"
        yield Hit(message, path, excerpt=_printed_date(evidence, path, vorlage))


_NAMED = 3


def _conflicts(
    vorlage: Vorlage,
) -> list[tuple[int, Beratung, dt.date, list[tuple[int, Beratung, dt.date]]]]:
    """Each deciding body's last decision with the advising sessions dated after it."""
    last: dict[str, tuple[int, Beratung, dt.date]] = {}
    for index, entry, day in _dated(vorlage, ("Entscheidung",)):
        known = last.get(body_key(entry.gremium))
        if known is None or day >= known[2]:
            last[body_key(entry.gremium)] = (index, entry, day)
    found = []
    for index, decision, day in last.values():
        advices = [found for found in _dated(vorlage, _ADVICE) if found[2] > day]
        if advices:
            found.append((index, decision, day, advices))
    return found


def _shifted(day: dt.date, years: int) -> dt.date | None:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return None


def _year_fix(
    vorlage: Vorlage,
    index: int,
    day: dt.date,
    advices: list[tuple[int, Beratung, dt.date]],
) -> tuple[dt.date, dt.date, str] | None:
    """(wrong date, right date, its field) where the contradiction is about a year wide and one
    year more on the decision, or one year less on a single advising session after it, puts
    every session in order and close together, without moving one before the Vorlage's own
    date; of two such fixes, the one that leaves the sessions closest together. A
    contradiction of days is a wrong day or a wrong order, not a wrong year."""
    advised = [d for _, _, d in _dated(vorlage, _ADVICE)]
    if (max(advised) - day).days < _YEAR_SLIP_MIN:
        return None
    candidates = [(index, day, _shifted(day, 1))]
    if len(advices) == 1:
        candidates.append((advices[0][0], advices[0][2], _shifted(advices[0][2], -1)))
    best: tuple[int, tuple[dt.date, dt.date, str]] | None = None
    for position, wrong, right in candidates:
        if right is None or (vorlage.erstellt_am and right < vorlage.erstellt_am):
            continue
        fixed = vorlage.model_copy(deep=True)
        fixed.beratungsfolge[position].termin = right
        days = [d for _, _, d in _dated(fixed)]
        span = (max(days) - min(days)).days
        if _conflicts(fixed) or span > _SPAN_AFTER_FIX:
            continue
        if best is None or span < best[0]:
            best = (span, (wrong, right, f"beratungsfolge[{position}].termin"))
    return best[1] if best else None


_YEAR_SLIP_MIN = 180
"""Days a decision must lie before an advising session before a typo in the year is
suspected."""
_SPAN_AFTER_FIX = 270
"""Days from the first to the last session once a year is corrected: a Vorlage goes through
its bodies within months."""


def _printed_date(evidence: Evidence, path: str, vorlage: Vorlage) -> str | None:
    """A station's date as the document prints it, for quoting."""
    printed = evidence.printed.get(path)
    if printed:
        return printed
    position = int(path.partition("[")[2].partition("]")[0])
    termin = vorlage.beratungsfolge[position].termin
    return german_date(termin) if termin else None


@rule("BF004", "entscheidung-fehlt", "info", "Kein Gremium entscheidet")
def no_deciding_body(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """A Vorlage that asks for a decision is decided somewhere. When every station prints a
    role and none of them is a decision (Entscheidung, beschließend), the list does not say
    who decides. Many councils route a Vorlage in parts (the Ortsrat's Anhörung on its own
    Vorlage, a committee's share of the budget) and some print "Beratung" for the deciding
    council, so this is a hint. Stations whose role is derived, not printed, are not judged:
    there the last body usually decides."""
    rows = vorlage.beratungsfolge
    if not rows or not asks_for_decision(vorlage, options.lexicon):
        return
    if all(printed_role(b) for b in rows) and not any(b.rolle == "Entscheidung" for b in rows):
        roles = listing(f"{b.gremium} ({b.rolle})" for b in rows)
        yield Hit(
            f"Keine Beratung ist als Entscheidung ausgewiesen: {roles}",
            "beratungsfolge",
            rows[-1].rolle_text or rows[-1].gremium,
            f"beratungsfolge[{len(rows) - 1}]",
        )


@rule("BF005", "mehrere-entscheidungen", "warning", "Mehrere Gremien entscheiden")
def several_deciding_bodies(
    vorlage: Vorlage, evidence: Evidence, options: RuleOptions
) -> Iterator[Hit]:
    """One body decides a matter. Two different bodies marked as deciding usually mean that a
    role was copied wrongly, but some councils delegate parts of a decision, so this is a
    warning. The same body deciding twice (Vertagung, a second round) is not reported."""
    deciding = _deciding(vorlage)
    bodies = {body_key(b.gremium) for _, b in deciding}
    if len(bodies) > 1:
        yield Hit(
            f"Mehrere Gremien sind als entscheidend ausgewiesen: "
            f"{listing(station(b) + role_note(b) for _, b in deciding)}",
            f"beratungsfolge[{deciding[1][0]}].rolle",
            deciding[1][1].rolle_text or deciding[1][1].gremium,
        )


@rule("BF006", "entscheidung-bei-information", "warning", "Informationsvorlage mit Entscheidung")
def decision_on_information(
    vorlage: Vorlage, evidence: Evidence, options: RuleOptions
) -> Iterator[Hit]:
    """Information kinds (Mitteilungs-, Informations-, Unterrichtungsvorlage) are taken note of,
    not decided. A deciding consultation in one means either the kind or the role is wrong."""
    kind = kind_of(vorlage, options.lexicon)
    if kind is None or asks_for_decision(vorlage, options.lexicon):
        return
    for index, entry in _deciding(vorlage):
        yield Hit(
            f"Die {kind} ist {in_body(entry.gremium, options.lexicon)}"
            f"{' am ' + german_date(entry.termin) if entry.termin else ''} zur Entscheidung "
            f"vorgesehen{role_note(entry)}, obwohl sie nur informiert",
            f"beratungsfolge[{index}].rolle",
            entry.rolle_text or entry.gremium,
        )


@rule("BF007", "termin-unplausibel", "warning", "Sitzungstermin liegt weit vom Datum der Vorlage")
def date_implausible(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """A session more than a year before the Vorlage's date or more than two years after it is
    almost always a mistyped year ("2204", "2014" for "2024"). Without a document date the
    sessions are compared with their middle one (from three sessions on). A date that BF003
    already names as a mistyped year is not reported twice."""
    dated = _dated(vorlage)
    if vorlage.erstellt_am is not None:
        reference = vorlage.erstellt_am
        name = f"dem Datum der Vorlage {german_date(reference)}"
        earliest, latest = reference - _EARLIEST_BEFORE, reference + _LATEST_AFTER
    elif len(dated) >= 3:
        reference = median_low(day for _, _, day in dated)
        name = f"den übrigen Terminen (um {german_date(reference)})"
        earliest, latest = reference - _EARLIEST_BEFORE, reference + _EARLIEST_BEFORE
    else:
        return
    blamed = {
        fix[2]
        for position, _, day, advices in _conflicts(vorlage)
        if (fix := _year_fix(vorlage, position, day, advices)) is not None
    }
    for index, entry, day in dated:
        path = f"beratungsfolge[{index}].termin"
        if not earliest <= day <= latest and path not in blamed:
            yield Hit(
                f"Termin {german_date(day)} für {entry.gremium} liegt weit von {name}",
                path,
                _printed_date(evidence, path, vorlage),
            )


@rule("BF008", "rolle-fehlt", "warning", "Beratung ohne Rolle")
def role_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """Where the Beratungsfolge prints a role for its stations (Status, Zuständigkeit, Rolle),
    every station says why the body deals with the Vorlage; a row without one, beside rows
    with one, leaves open whether the body advises, is heard or decides. A list that prints no
    role in any row is the template's practice (the column is filled as the sessions go by),
    not a gap; whether there is a role column comes from the extractor, and where it does not
    say, a list in which most rows (at least two) carry a role counts as having one. A row
    without a date is one whose session is not set yet, and its role is filled in with the date
    (Lahr's Ortschaftsräte); BF013 mentions the missing date."""
    rows = vorlage.beratungsfolge
    with_role = sum(1 for b in rows if b.rolle_text)
    if not with_role:
        return
    has_column = evidence.role_column
    if has_column is None:
        has_column = with_role >= 2 and with_role > len(rows) - with_role
    if not has_column:
        return
    for index, entry in _indexed(vorlage):
        if not entry.rolle_text and entry.termin is not None:
            yield Hit(
                f"Die Beratung {in_body(station(entry), options.lexicon)} nennt keine Rolle "
                "(vorberatend, beschließend, Kenntnisnahme …), die übrigen Beratungen nennen eine",
                f"beratungsfolge[{index}].rolle",
                entry.gremium,
            )


@rule(
    "BF009",
    "satzung-im-ausschuss",
    "warning",
    "Satzung nicht vom Rat beschlossen",
    options=(COUNCILS,),
)
def statute_in_committee(
    vorlage: Vorlage, evidence: Evidence, options: RuleOptions
) -> Iterator[Hit]:
    """Statutes (Satzungen) are adopted by the council itself and cannot be delegated to a
    committee (GO NRW § 41 Abs. 1, and likewise in the other states). A Vorlage whose subject is a
    Satzung, or whose proposal adopts one, and whose deciding body is not the council is
    probably routed wrongly. A subject that only cites a statute ("gem. … der Hauptsatzung vom
    29. Juli 2025") or starts the procedure towards one (an Aufstellungsbeschluss) adopts
    none; the words that tell are the lexicon's ``[statutes]``. Where several bodies decide,
    or meet on the last day without printed roles, the council among them adopts the statute.
    Names of the council beyond the usual ones (Rat, Stadtrat, Gemeinderat, Kreistag,
    Stadtverordnetenversammlung, Gemeindevertretung, …) are set with ``councils``."""
    word = _adopted_in_subject(vorlage.betreff or "", options)
    adopts = options.lexicon.built(_Words.build).adopts_statute
    for point in vorlage.beschlussvorschlag if word is None else ():
        adopted = adopts.search(point)
        if adopted:
            word = "".join(adopted.group(1).split())
            break
    if word is None:
        return
    deciding = _deciding(vorlage)
    if not deciding and vorlage.beratungsfolge and not any(b.rolle for b in vorlage.beratungsfolge):
        dated = _dated(vorlage)
        last_day = max((day for _, _, day in dated), default=None)
        deciding = [(index, entry) for index, entry, day in dated if day == last_day]
    if any(_is_council(entry.gremium, options) for _, entry in deciding):
        return
    for index, entry in deciding:
        where = in_body(station(entry), options.lexicon)
        yield Hit(
            f"Die {word} soll {where} beschlossen werden{role_note(entry)}; "
            "Satzungen beschließt der Rat selbst",
            f"beratungsfolge[{index}].gremium",
            entry.gremium,
        )


def _adopted_in_subject(subject: str, options: RuleOptions) -> str | None:
    """The statute a subject adopts ("Neufassung der Baumschutzsatzung", "B-Plan 0804,
    Satzungsbeschluss"); None where it only cites one or prepares one."""
    lexicon = options.lexicon
    if any(_has_word(subject, word) for word in lexicon.words("statutes", "preparatory")):
        return None
    patterns = lexicon.built(_Words.build)
    for match in patterns.statute.finditer(subject):
        clause = re.split(r"[,;:–]|\s-\s", subject[: match.start()])[-1]
        cited = any(_has_word(clause, word) for word in lexicon.words("statutes", "citing"))
        dated = patterns.dated.match(subject[match.end() :])
        if not cited and not dated:
            statute = match.group(1)
            return statute[0].upper() + statute[1:]
    return None


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


@rule(
    "BF010",
    "gremium-unbekannt",
    "warning",
    "Gremium ist nicht bekannt",
    options=(BODIES, PROFILE),
)
def body_unknown(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """With the council's bodies listed under ``bodies``, every station must name one of them
    as spelt there: a misspelt or renamed body ("Haupt- und Finanzauschuss") is reported with
    the closest known name. With a learned profile, a name that is not among the bodies the
    council's Vorlagen name but close to one of them is reported (a body new to the profile
    is not). Without either this rule finds nothing."""
    listed = {body_key(name): name for name in options[BODIES]}
    profile = options[PROFILE]
    if not listed and (profile is None or not profile.bodies):
        return
    for index, entry in _indexed(vorlage):
        if not entry.gremium.strip():
            continue
        if listed:
            if body_key(entry.gremium) in listed:
                continue
            close = difflib.get_close_matches(
                body_key(entry.gremium), list(listed), n=1, cutoff=0.75
            )
            hint = f"; gemeint ist wohl {quoted(listed[close[0]])}" if close else ""
            message = f"Gremium {quoted(entry.gremium)} ist nicht in der Liste der Gremien{hint}"
        else:
            assert profile is not None
            if profile.usual_name(entry.gremium) is not None:
                continue
            known = {body_key(usual): usual for usual in profile.bodies}
            close = difflib.get_close_matches(
                body_key(entry.gremium), list(known), n=1, cutoff=_CLOSE_NAME
            )
            if not close:
                continue  # a body the profile has not seen yet, not a misspelling
            message = (
                f"Gremium {quoted(entry.gremium)} kommt in den gelernten Vorlagen nicht vor; "
                f"gemeint ist wohl {quoted(known[close[0]])}"
            )
        yield Hit(message, f"beratungsfolge[{index}].gremium", entry.gremium)


_CLOSE_NAME = 0.85
"""How alike a name must be to a known body's to count as its misspelling."""


@rule(
    "BF012",
    "reihenfolge-unueblich",
    "warning",
    "Gremien tagen in unüblicher Reihenfolge",
    options=(PROFILE,),
)
def unusual_order(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """With a learned profile: two bodies that advise or decide in a fixed order in nearly all
    of the council's Vorlagen (the Verwaltungsausschuss before the Rat) meet the other way
    round in this one; a body that only takes note may do so at any time. Either a date is
    wrong or the Vorlage takes an unusual route; the finding names both sessions and how
    often the usual order held. Without a profile this rule finds nothing."""
    profile = options[PROFILE]
    if profile is None or not profile.order:
        return
    first: dict[str, tuple[int, Beratung, dt.date]] = {}
    for index, entry, day in _dated(vorlage, ROUTE_ROLES):
        usual = profile.usual_name(entry.gremium)
        if usual is not None and (usual not in first or day < first[usual][2]):
            first[usual] = (index, entry, day)
    for order in profile.order:
        if order.before not in first or order.after not in first:
            continue
        _, early, early_day = first[order.before]
        index, late, late_day = first[order.after]
        if late_day < early_day:
            yield Hit(
                f"{_nominative(late.gremium, options.lexicon)} tagt am {german_date(late_day)} vor "
                f"{_dative(early.gremium, options.lexicon)} (am {german_date(early_day)}); "
                f"in {order.share:.0%} "
                f"von {order.documents} gelernten Vorlagen war es umgekehrt".replace("%", " %"),
                f"beratungsfolge[{index}].termin",
                _printed_date(evidence, f"beratungsfolge[{index}].termin", vorlage),
            )


def _feminine(name: str, lexicon: Lexicon) -> bool:
    return in_body(name, lexicon).startswith("in der ")


def _dative(name: str, lexicon: Lexicon) -> str:
    """ "dem Rat", "der Stadtverordnetenversammlung": the article of ``in_body``."""
    return ("der " if _feminine(name, lexicon) else "dem ") + name


def _nominative(name: str, lexicon: Lexicon) -> str:
    return ("Die " if _feminine(name, lexicon) else "Der ") + name


@rule(
    "BF011",
    "ladungsfrist",
    "warning",
    "Vorlage zu kurz vor der Sitzung",
    options=(MIN_INVITATION_DAYS,),
)
def invitation_period(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """Bodies must receive their papers a minimum number of days before the session (the
    Ladungsfrist of the Geschäftsordnung, often 7 to 10 days). With ``min-invitation-days`` set,
    a Vorlage dated fewer days before its next session is reported. Tischvorlagen and
    Dringlichkeitsvorlagen are handed out late by design and are exempt."""
    days = options[MIN_INVITATION_DAYS]
    created = vorlage.erstellt_am
    late = kind_of(vorlage, options.lexicon) in options.lexicon.late_kinds
    if days is None or created is None or late:
        return
    upcoming = [found for found in _dated(vorlage) if found[2] >= created]
    if not upcoming:
        return
    index, entry, day = min(upcoming, key=lambda found: found[2])
    gap = (day - created).days
    if gap < days:
        yield Hit(
            f"Die Vorlage vom {german_date(created)} liegt nur {gap} Tag{'e' if gap != 1 else ''} "
            f"vor der Sitzung {in_body(station(entry), options.lexicon)}; "
            f"die Ladungsfrist beträgt {days} Tage",
            f"beratungsfolge[{index}].termin",
            _printed_date(evidence, f"beratungsfolge[{index}].termin", vorlage),
        )
