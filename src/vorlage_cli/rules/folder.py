"""The documents of one run compared with each other: mistakes that no single document shows.
They run when ``check`` reads several documents, after every document has been checked on its
own, and read only a few facts of each (numbers, dates, bodies; ``facts.py``). The documents
are taken to come from one council, as a session's or a year's Vorlagen do. Each finding names
the other files involved and points at the places in them; where it cannot tell which of the
documents is wrong, every one involved gets the finding.

Two files are the same document when they agree (a PDF and the Word file it was made from, a
print before and after the session): a number is used twice only where the subject, the date
or the sessions of the two documents differ."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from vorlage_cli.extract.lexicon import default_lexicon
from vorlage_cli.facts import DocumentFacts, Station
from vorlage_cli.rules import FolderHit, folder_rule
from vorlage_cli.rules.options import TEXTS, Option
from vorlage_cli.rules.text import german_date, in_body, listing, quoted

NEUFASSUNG_MARKS: Option[tuple[str, ...]] = Option(
    "neufassung-marks",
    TEXTS,
    ("Neufassung", "N", "NF"),
    "The words and letters of a revision suffix, or the kind, that make a Vorlage a "
    'Neufassung, which replaces its original ("1N", "NF-01", "1. Neufassung"); any other '
    'revision ("1. Ergänzung") adds to its original, which stays current. Compared without '
    "case against the suffix's words.",
    example='["Neufassung", "N", "NF", "Änderung"]',
)

NAMED = 3
"""Other files a message names before it counts the rest ("und 4 weitere")."""
SAME_SUBJECT = 0.8
"""How alike two subjects must be to count as the same (a rendition may join lines
differently, a tracked change may show in one of them)."""
_SEPARATORS = re.compile(r"[\s\-–/.]+")
_JOINTS = re.compile(r"[\s\-–/]+")


def _number_key(text: str | None) -> str:
    """Numbers compare without spacing and separators: "DS 12/2021" and "DS12/2021" are one."""
    return _SEPARATORS.sub("", text or "").casefold()


def body_key(name: str) -> str:
    """One body however its words are joined: case, spaces, hyphens, dashes and slashes do not
    matter. Any other sign keeps a name apart, since it is rather a leftover of the page than a
    spelling: a check box or a bullet read with the name ("Bauausschuss ☐ ☒"), the full stop
    of "einstimmig." from the vote column beside it."""
    return _JOINTS.sub("", name).casefold()


def spelling(name: str) -> str:
    """A body's name as written, without its case; spaces folded."""
    return " ".join(name.split()).casefold()


def _separators(written: str) -> list[str]:
    """What stands before each sign of the body's key in a spelling ("" between two letters of a
    word, " " between words, "- " after "Haupt")."""
    found, run = [], ""
    for char in written:
        if _JOINTS.fullmatch(char):
            run += char
        else:
            found.append(run)
            run = ""
    return found


def comparable(one: str, other: str) -> bool:
    """Whether two spellings of a body differ in their writing rather than in the text layer:
    where one has nothing between two letters and the other a space, a text layer without
    word spaces lost it ("OrtsratBarnten", "Finanzen,Wirtschaftsförderung") while the printed
    page shows it."""
    for mine, theirs in zip(_separators(one), _separators(other), strict=True):
        if (not mine and theirs.strip() != theirs) or (not theirs and mine.strip() != mine):
            return False
    return True


def _readable(documents: Sequence[DocumentFacts | None]) -> Iterator[tuple[int, DocumentFacts]]:
    for index, facts in enumerate(documents):
        if facts is not None:
            yield index, facts


def _files(paths: list[str]) -> str:
    """ "a.pdf", "a.pdf und b.pdf", "a.pdf, b.pdf, c.pdf und 4 weitere" """
    if len(paths) <= NAMED + 1:
        return listing(paths)
    return ", ".join(paths[:NAMED]) + f" und {len(paths) - NAMED} weitere"


def _dates(dates: frozenset[dt.date]) -> str:
    return listing(german_date(date) for date in sorted(dates))


def _difference(mine: DocumentFacts, other: DocumentFacts) -> str | None:
    """How another document with the same number shows it is another document; None where
    nothing tells them apart (the same Vorlage in another file)."""
    if mine.sha256 is not None and mine.sha256 == other.sha256:
        return None
    if mine.subject and other.subject:
        ratio = difflib.SequenceMatcher(
            None, mine.subject.casefold(), other.subject.casefold()
        ).ratio()
        if ratio < SAME_SUBJECT:
            return f"Betreff {quoted(other.subject, 60)}"
    if mine.created and other.created and mine.created != other.created:
        return f"vom {german_date(other.created)} statt {german_date(mine.created)}"
    ours, theirs = mine.dates, other.dates
    if ours and theirs and not (ours <= theirs or theirs <= ours):
        plural = "Sitzungen" if len(theirs) > 1 else "Sitzung"
        return f"{plural} am {_dates(theirs)} statt {_dates(ours)}"
    return None


@folder_rule("REP001", "nummer-mehrfach", "warning", "Dieselbe Nummer für verschiedene Vorlagen")
def number_used_twice(documents: Sequence[DocumentFacts | None]) -> Iterator[FolderHit]:
    """Two documents carry the same number and revision but are different Vorlagen: their
    subjects differ, or their dates, or their sessions (neither document's sessions are among
    the other's). Usually a new Vorlage was started from an old one and kept its number. Both
    documents get the finding, since the documents cannot tell which number is wrong; renditions
    of one Vorlage (PDF and DOCX) and prints of it before and after a session agree and are no
    finding."""
    by_number: dict[tuple[str, str], list[tuple[int, DocumentFacts]]] = defaultdict(list)
    for index, facts in _readable(documents):
        if facts.number:
            by_number[(_number_key(facts.number), _number_key(facts.revision))].append(
                (index, facts)
            )
    for group in by_number.values():
        for index, mine in group:
            others = [
                (other_index, other, difference)
                for other_index, other in group
                if other_index != index and (difference := _difference(mine, other)) is not None
            ]
            if not others:
                continue
            named = [f"{other.path} ({difference})" for _, other, difference in others]
            which = "einer anderen Vorlage" if len(others) == 1 else "anderen Vorlagen"
            yield FolderHit(
                index,
                f"Nummer {quoted(mine.reference or mine.number or '')} steht auch auf {which}: "
                f"{_files(named)}",
                mine.number_spot,
                "nummer",
                tuple((other_index, other.number_spot) for other_index, other, _ in others),
            )


def _revision_name(facts: DocumentFacts) -> str:
    return "Neufassung" if facts.replacing else "Fassung"


@folder_rule("REP002", "original-fehlt", "info", "Neufassung oder Ergänzung ohne ihr Original")
def revision_without_original(
    documents: Sequence[DocumentFacts | None],
) -> Iterator[FolderHit]:
    """A Neufassung or Ergänzung ("VL-12/2025 1N", "DS 12/2021 1. Ergänzung") is among the
    documents, but its original (the same number without a revision suffix) is not. Where the
    folder is meant to hold a matter's whole history, or the Vorlagen of a session that
    deals with an Ergänzung (which adds to its original rather than replacing it), the original
    is missing; a session folder may well hold a Neufassung alone. Hence a hint."""
    originals: set[str] = set()
    revisions: dict[str, list[tuple[int, DocumentFacts]]] = defaultdict(list)
    for index, facts in _readable(documents):
        if not facts.number:
            continue
        if facts.revision is None:
            originals.add(_number_key(facts.number))
        else:
            revisions[_number_key(facts.number)].append((index, facts))
    for key, group in revisions.items():
        if key in originals:
            continue
        for index, facts in group:
            siblings = [
                (other_index, other)
                for other_index, other in group
                if _number_key(other.revision) != _number_key(facts.revision)
            ]
            also = ""
            if siblings:
                shown = [f"{other.path} ({other.reference})" for _, other in siblings]
                also = f"; dabei sind {_files(shown)}"
            yield FolderHit(
                index,
                f"Das Original {quoted(facts.number or '')} der {_revision_name(facts)} "
                f"{quoted(facts.reference or '')} ist nicht unter den geprüften Dokumenten{also}",
                facts.number_spot,
                "fassung",
                tuple((other_index, other.number_spot) for other_index, other in siblings),
            )


def _station_key(station: Station) -> tuple[str, dt.date | None]:
    return body_key(station.body), station.date


@folder_rule(
    "REP003",
    "original-neben-neufassung",
    "warning",
    "Original noch für Sitzungen vorgesehen, für die eine Neufassung vorliegt",
    options=(NEUFASSUNG_MARKS,),
)
def original_beside_neufassung(
    documents: Sequence[DocumentFacts | None],
) -> Iterator[FolderHit]:
    """A Neufassung replaces its original, but the original is still scheduled for a session
    that the Neufassung is written for: both name the same body on the same day, on or after
    the day of the Neufassung. A Vorlage carries no status of its own; the sessions it is
    scheduled for are what mark it current. The original should be withdrawn from those
    sessions, or the two belong to different sessions and one date is wrong. Sessions before
    the Neufassung are the original's own history and no finding. Only a suffix or kind named
    in ``neufassung-marks`` makes a Neufassung; an Ergänzung adds to its original, and a
    suffix that does not say ("/1") is left alone. A Neufassung without its date cannot be
    placed and is left alone too. An archive that keeps replaced originals beside their
    Neufassungen switches this rule off."""
    originals: dict[str, list[tuple[int, DocumentFacts]]] = defaultdict(list)
    neufassungen: list[tuple[int, DocumentFacts]] = []
    for index, facts in _readable(documents):
        if not facts.number:
            continue
        if facts.revision is None:
            originals[_number_key(facts.number)].append((index, facts))
        elif facts.replacing and facts.created is not None:
            neufassungen.append((index, facts))
    for new_index, new in neufassungen:
        assert new.created is not None
        current = {
            _station_key(station): station
            for station in new.stations
            if station.date is not None and station.date >= new.created
        }
        for index, original in originals.get(_number_key(new.number), []):
            shared = [
                (station, current[_station_key(station)])
                for station in original.stations
                if _station_key(station) in current
            ]
            if not shared:
                continue
            sessions = listing(
                # the documents of a run may each have a configuration: the shipped words
                in_body(f"{station.body} am {german_date(station.date)}", default_lexicon())
                for station, _ in shared
            )
            sitzung = "Sitzung" if len(shared) == 1 else "Sitzungen"
            yield FolderHit(
                index,
                f"Das Original {quoted(original.number or '')} ist noch für die {sitzung} "
                f"{sessions} vorgesehen, obwohl die Neufassung {quoted(new.reference or '')} vom "
                f"{german_date(new.created)} es ersetzt ({new.path})",
                shared[0][0].spot,
                "beratungsfolge",
                ((new_index, shared[0][1].spot),),
            )


def _invitation_key(text: str) -> str:
    return "".join(text.split()).casefold()


@folder_rule(
    "REP004",
    "sitzungstermin-abweichend",
    "warning",
    "Dieselbe Sitzung mit verschiedenen Terminen",
)
def session_dates_disagree(documents: Sequence[DocumentFacts | None]) -> Iterator[FolderHit]:
    """Vorlagen that name the same session of a body (the same body and the same Einladung,
    the invitation's number, "3/2025") give it different dates. A session is known by its
    Einladung only: the same TOP number comes up in every session of a body, and the data
    carries no session number of its own, so where the template prints no Einladung this
    rule finds nothing. The documents with the rarer date get the finding, naming the files
    with the other date; where the dates are equally frequent, every document does."""
    sessions: dict[tuple[str, str], list[tuple[int, DocumentFacts, Station]]] = defaultdict(list)
    for index, facts in _readable(documents):
        for station in facts.stations:
            if station.invitation and station.date is not None:
                key = (body_key(station.body), _invitation_key(station.invitation))
                sessions[key].append((index, facts, station))
    for entries in sessions.values():
        by_date = Counter(station.date for _, _, station in entries)
        if len(by_date) < 2:
            continue
        usual = max(by_date.values())
        told: set[tuple[int, dt.date | None]] = set()
        for index, _, station in entries:
            if by_date[station.date] == usual and list(by_date.values()).count(usual) == 1:
                continue
            if (index, station.date) in told:
                continue
            told.add((index, station.date))
            others = [
                (other_index, other, other_station)
                for other_index, other, other_station in entries
                if other_station.date != station.date
            ]
            dates = " bzw. ".join(
                sorted({german_date(other_station.date) for _, _, other_station in others})
            )
            files = _files(list(dict.fromkeys(other.path for _, other, _ in others)))
            yield FolderHit(
                index,
                f"{station.body}, Einladung {station.invitation}: die Sitzung ist hier am "
                f"{german_date(station.date)}, in {files} am {dates}",
                station.spot,
                "beratungsfolge",
                tuple(
                    (other_index, other_station.spot) for other_index, _, other_station in others
                ),
            )


@folder_rule(
    "REP005",
    "gremium-schreibweise",
    "warning",
    "Ein Gremium in verschiedenen Schreibweisen",
)
def body_spelt_two_ways(documents: Sequence[DocumentFacts | None]) -> Iterator[FolderHit]:
    """One body is written two ways in the Vorlagen ("Haupt- und Finanzausschuss" and
    "Haupt-und Finanzausschuss", "Ratsgruppe SPD/Grüne" and "Ratsgruppe SPD / Grüne"): the
    names differ in the hyphens, dashes, slashes and spaces that join their words, but not in
    their letters. A council information system that files Vorlagen by body sees two
    bodies. The documents with the spelling fewer documents use get the finding, naming files
    with the usual one; where two spellings are equally frequent, every document does. Case
    does not count, nor a missing space between two words, which a text layer without word
    spaces loses ("OrtsratBarnten"). Names that differ in their letters ("Finanzauschuss") or in
    other signs are other bodies to this rule; the council's list of bodies (``bodies``) or its
    learned profile catches misspelt letters (BF010)."""
    bodies: dict[str, dict[str, list[tuple[int, Station]]]] = defaultdict(lambda: defaultdict(list))
    for index, facts in _readable(documents):
        for station in facts.stations:
            key = body_key(station.body)
            if key:
                bodies[key][spelling(station.body)].append((index, station))
    for spellings in bodies.values():
        if len(spellings) < 2:
            continue
        users = {written: len({index for index, _ in uses}) for written, uses in spellings.items()}
        for written, uses in spellings.items():
            rivals = [
                other for other in spellings if other != written and comparable(written, other)
            ]
            if not rivals or users[written] > max(users[other] for other in rivals):
                continue
            others = [(index, station) for other in rivals for index, station in spellings[other]]
            names = " bzw. ".join(quoted(spellings[other][0][1].body) for other in rivals)
            other_files = list(dict.fromkeys(_path(documents, index) for index, _ in others))
            told: set[int] = set()
            for index, station in uses:
                if index in told:
                    continue
                told.add(index)
                yield FolderHit(
                    index,
                    f"Gremium {quoted(station.body)} heißt in anderen Vorlagen {names} "
                    f"({_files(other_files)})",
                    station.spot,
                    "beratungsfolge",
                    tuple(
                        (other_index, other_station.spot)
                        for other_index, other_station in _first_per_document(others)
                    ),
                )


def _path(documents: Sequence[DocumentFacts | None], index: int) -> str:
    facts = documents[index]
    assert facts is not None
    return facts.path


def _first_per_document(uses: list[tuple[int, Station]]) -> list[tuple[int, Station]]:
    seen: set[int] = set()
    first = []
    for index, station in uses:
        if index not in seen:
            seen.add(index)
            first.append((index, station))
    return first
