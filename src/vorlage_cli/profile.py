"""A council's practice, learned from its own Vorlagen: which sections each kind has, which
bodies exist and how they are spelt, the shape of the numbers, and in which order the bodies
meet.

What one city requires is not a law for the next one, so the default rules assume none of it.
``vorlage init`` reads a folder of a city's published Vorlagen and writes what nearly all of
them share into the configuration (``[profile]``); ``check`` then reports what departs from it.
The profile is plain TOML that a Sitzungsdienst can read and edit: a line deleted is a practice
no longer checked.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vorlage_cli.extract.lexicon import Lexicon
from vorlage_cli.model import Vorlage
from vorlage_cli.rules.kinds import is_revision, kind_of
from vorlage_cli.rules.options import OptionError

FIELDS = (
    "nummer",
    "betreff",
    "ersteller",
    "erstellt_am",
    "beratungsfolge",
    "finanzielle_auswirkungen",
    "beschlussvorschlag",
    "sachdarstellung",
)
"""The fields whose presence is learned; other sections are learned by their heading."""
REVISION = " (Änderung)"
"""Appended to a kind for its Neufassungen and Ergänzungen, which often refer to the original
instead of repeating it."""
MIN_BODY_DOCUMENTS = 2
"""A body's name must appear in this many Vorlagen to count as known: a misread name is rare."""
MIN_ORDER_DOCUMENTS = 10
ROUTE_ROLES = ("Vorberatung", "Anhörung", "Entscheidung")
MIN_SHAPE_SHARE = 0.02


@dataclass(frozen=True, slots=True)
class KindPractice:
    documents: int
    sections: dict[str, float]
    """Field or section heading → share of this kind's Vorlagen that have it."""


@dataclass(frozen=True, slots=True)
class Order:
    """Two bodies that meet in this order in nearly every Vorlage that goes to both."""

    before: str
    after: str
    documents: int
    share: float


@dataclass(frozen=True, slots=True)
class NumberShape:
    pattern: str
    """A regular expression a whole number matches."""
    example: str
    share: float


@dataclass(frozen=True, slots=True)
class Profile:
    documents: int
    kinds: dict[str, KindPractice] = field(default_factory=dict)
    bodies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Usual spelling → every spelling seen."""
    numbers: tuple[NumberShape, ...] = ()
    order: tuple[Order, ...] = ()

    def practice_of(self, vorlage: Vorlage, lexicon: Lexicon) -> KindPractice | None:
        return self.kinds.get(kind_key(vorlage, lexicon))

    def usual_name(self, name: str) -> str | None:
        """The usual spelling of a known body, for any of its spellings."""
        wanted = body_key(name)
        for usual, spellings in self.bodies.items():
            if wanted in {body_key(spelling) for spelling in spellings}:
                return usual
        return None


def body_key(name: str) -> str:
    """Spellings of one body compare equal: case, spaces and hyphens do not matter."""
    return re.sub(r"[\s\-–]+", "", name).casefold()


def kind_key(vorlage: Vorlage, lexicon: Lexicon) -> str:
    """The kind a Vorlage is learned and checked under; revisions apart from originals."""
    kind = kind_of(vorlage, lexicon) or (vorlage.art or "ohne Art")
    return kind + REVISION if is_revision(vorlage, lexicon) else kind


def present(vorlage: Vorlage, lexicon: Lexicon) -> set[str]:
    """The fields and other sections a Vorlage has, with some text in them. Sections the RIS
    fills in after the sessions (the lexicon's ``after_session``) are the system's, not the
    author's, and are not learned."""
    after = {key.casefold() for key in lexicon.data.get("after_session", {}).get("sections", [])}
    found = {name for name in FIELDS if getattr(vorlage, name)}
    found |= {
        name
        for name, text in vorlage.weitere_abschnitte.items()
        if text.strip() and name.casefold() not in after
    }
    return found


def shape(number: str) -> str:
    """A number's skeleton: every run of digits one '#' ("DS 101/2022" → "DS #/#")."""
    return re.sub(r"\d+", "#", number)


def learn(
    vorlagen: Iterable[Vorlage],
    lexicon: Lexicon,
    *,
    min_share: float = 0.97,
    min_documents: int = 20,
) -> Profile:
    """What at least ``min_share`` of the Vorlagen share: per kind with ``min_documents`` or
    more Vorlagen, the sections; the bodies named in several Vorlagen; the number shapes; the
    order of bodies that meet in a fixed order."""
    documents = 0
    by_kind: dict[str, list[set[str]]] = defaultdict(list)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    named_in: Counter[str] = Counter()
    numbers: list[str] = []
    pairs: Counter[tuple[str, str]] = Counter()
    for vorlage in vorlagen:
        documents += 1
        by_kind[kind_key(vorlage, lexicon)].append(present(vorlage, lexicon))
        if vorlage.nummer:
            numbers.append(vorlage.nummer)
        first_day: dict[str, Any] = {}
        for station in vorlage.beratungsfolge:
            if not station.gremium.strip():
                continue
            key = body_key(station.gremium)
            spellings[key][" ".join(station.gremium.split())] += 1
            day = station.termin
            # only bodies that advise or decide keep a fixed place in the route: one that takes
            # note may do so after the decision, a faction or a first reading any time
            if station.rolle not in ROUTE_ROLES or day is None:
                continue
            if key not in first_day or day < first_day[key]:
                first_day[key] = day
        named_in.update({body_key(s.gremium) for s in vorlage.beratungsfolge if s.gremium.strip()})
        if not is_revision(vorlage, lexicon):
            pairs.update(
                (a, b) for a in first_day for b in first_day if first_day[a] < first_day[b]
            )
    kinds = {}
    for kind, seen in sorted(by_kind.items()):
        if len(seen) < min_documents:
            continue
        counts = Counter(name for fields in seen for name in fields)
        usual = {
            name: round(count / len(seen), 3)
            for name, count in sorted(counts.items())
            if count / len(seen) >= min_share
        }
        kinds[kind] = KindPractice(len(seen), usual)
    known = {
        key: counter for key, counter in spellings.items() if named_in[key] >= MIN_BODY_DOCUMENTS
    }
    bodies = {counter.most_common(1)[0][0]: tuple(sorted(counter)) for counter in known.values()}
    usual_of = {key: counter.most_common(1)[0][0] for key, counter in known.items()}
    order = []
    for (a, b), count in sorted(pairs.items()):
        if a not in usual_of or b not in usual_of:
            continue
        total = count + pairs[(b, a)]
        if total >= MIN_ORDER_DOCUMENTS and count / total >= min_share:
            order.append(Order(usual_of[a], usual_of[b], total, round(count / total, 3)))
    return Profile(
        documents, kinds, dict(sorted(bodies.items())), _number_shapes(numbers), tuple(order)
    )


def _number_shapes(numbers: list[str]) -> tuple[NumberShape, ...]:
    """One pattern per skeleton that numbers share, digit runs as long as seen."""
    groups: dict[str, list[str]] = defaultdict(list)
    for number in numbers:
        groups[shape(number)].append(number)
    shapes = []
    for skeleton, members in sorted(groups.items(), key=lambda item: -len(item[1])):
        share = len(members) / len(numbers)
        if share < MIN_SHAPE_SHARE or len(members) < 3:
            continue
        runs = [re.findall(r"\d+", number) for number in members]
        parts = re.split("#", skeleton)
        pattern = _escape(parts[0])
        for position, literal in enumerate(parts[1:]):
            values = [run[position] for run in runs]
            pattern += _digits(values, enough=len(members) >= MIN_FIXED_LENGTH) + _escape(literal)
        shapes.append(NumberShape(pattern, members[0], round(share, 3)))
    return tuple(shapes)


MIN_FIXED_LENGTH = 30
"""Numbers of one shape needed before a run of digits of one length is taken as fixed: a
running number grows from 1 to 999 over a year, and a sample may hold only the 2-digit ones."""


def _digits(values: list[str], *, enough: bool) -> str:
    """The pattern of one run of digits: a year or a zero-padded counter keeps its length
    (where enough numbers show it), a running number may be shorter than the longest seen."""
    lengths = {len(value) for value in values}
    high = max(lengths)
    year = all(len(value) == 4 and value[:2] in ("19", "20") for value in values)
    padded = len(lengths) == 1 and any(value.startswith("0") for value in values)
    if year or (len(lengths) == 1 and (enough or padded)):
        return rf"\d{{{high}}}"
    return rf"\d{{1,{high}}}"


def _escape(text: str) -> str:
    """A literal for a pattern a person reads: spaces stay spaces."""
    return re.escape(text).replace("\\ ", " ")


def to_table(profile: Profile) -> dict[str, Any]:
    """The profile as the TOML table ``[profile]``."""
    return {
        "documents": profile.documents,
        "numbers": [
            {"pattern": s.pattern, "example": s.example, "share": s.share} for s in profile.numbers
        ],
        "kinds": {
            kind: {"documents": practice.documents, "sections": practice.sections}
            for kind, practice in profile.kinds.items()
        },
        "bodies": {usual: list(spellings) for usual, spellings in profile.bodies.items()},
        "order": [
            {"before": o.before, "after": o.after, "documents": o.documents, "share": o.share}
            for o in profile.order
        ],
    }


def from_table(value: object) -> Profile:
    """A profile from its TOML table; raises :class:`OptionError` naming what is wrong."""
    table = _table(value, "")
    try:
        kinds = {
            kind: KindPractice(
                int(_table(entry, kind)["documents"]),
                {name: float(share) for name, share in _table(entry, kind)["sections"].items()},
            )
            for kind, entry in _table(table.get("kinds", {}), "kinds").items()
        }
        bodies = {
            usual: tuple(str(name) for name in spellings)
            for usual, spellings in _table(table.get("bodies", {}), "bodies").items()
        }
        numbers = tuple(
            NumberShape(str(entry["pattern"]), str(entry["example"]), float(entry["share"]))
            for entry in table.get("numbers", [])
        )
        for number in numbers:
            re.compile(number.pattern)
        order = tuple(
            Order(str(e["before"]), str(e["after"]), int(e["documents"]), float(e["share"]))
            for e in table.get("order", [])
        )
        return Profile(int(table.get("documents", 0)), kinds, bodies, numbers, order)
    except (KeyError, TypeError, ValueError, AttributeError, re.error) as error:
        raise OptionError(f"passt nicht zur Form eines Profils ({error})") from None


def _table(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise OptionError("erwartet eine Tabelle", where)
    return value


class ProfileFileError(Exception):
    """The configuration cannot take the profile; the message names the file and why."""


def write_profile(path: Path, profile: Profile, *, replace: bool = False) -> None:
    """Write the profile into ``path`` (a ``.vorlage.toml``, or a ``pyproject.toml`` under
    ``[tool.vorlage]``) and keep everything else in the file as it is, comments included.
    A profile already there is only replaced with ``replace``; the file is written to a
    temporary file beside it and renamed, so that it is never left half written."""
    import tomlkit
    from tomlkit.exceptions import ParseError

    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        document = tomlkit.parse(text)
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileFileError(f"{path}: lässt sich nicht lesen ({error})") from None
    except ParseError as error:
        raise ProfileFileError(f"{path}: kein gültiges TOML ({error})") from None
    table: Any = document
    if path.name == "pyproject.toml":
        tool = document.setdefault("tool", tomlkit.table(is_super_table=True))
        table = tool.setdefault("vorlage", tomlkit.table())
    if "profile" in table and not replace:
        raise ProfileFileError(
            f"{path}: enthält schon ein Profil; --replace ersetzt es (nur das Profil)"
        )
    table["profile"] = _toml(profile)
    temporary = path.with_name(f".{path.name}.vorlage-tmp")
    try:
        temporary.write_text(tomlkit.dumps(document), encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ProfileFileError(f"{path}: lässt sich nicht schreiben ({error.strerror})") from None


def _toml(profile: Profile) -> Any:
    """The profile as a tomlkit table that reads well: one kind, one body, one order per
    line."""
    import tomlkit

    data = to_table(profile)
    table = tomlkit.table()
    table.add(tomlkit.comment("gelernt von vorlage init; Zeilen löschen schaltet sie ab"))
    table["documents"] = data["documents"]
    numbers = tomlkit.array()
    numbers.multiline(True)
    for entry in data["numbers"]:
        numbers.append(_inline(entry))
    table["numbers"] = numbers
    kinds = tomlkit.table()
    for kind, entry in data["kinds"].items():
        kinds[kind] = _inline({"documents": entry["documents"], "sections": entry["sections"]})
    table["kinds"] = kinds
    bodies = tomlkit.table()
    for usual, spellings in data["bodies"].items():
        bodies[usual] = spellings
    table["bodies"] = bodies
    order = tomlkit.array()
    order.multiline(True)
    for entry in data["order"]:
        order.append(_inline(entry))
    table["order"] = order
    return table


def _inline(values: dict[str, Any]) -> Any:
    import tomlkit

    table = tomlkit.inline_table()
    for key, value in values.items():
        table[key] = _inline(value) if isinstance(value, dict) else value
    return table
