"""What the extractor found beside the data contract: where each value stands, how it was
printed, which sections the template has, and what the layout says about the template.

The data contract (``model.py``) is what ``export`` writes; it carries no layout. The rules need
more than the values to judge fairly and to point into the file: a date that could not be
normalised is reported with its printed text, a missing role is an error only where the template
has a role column, and every finding points at the page and line of its value. That evidence
travels here, from the extractor to the rules, and is never exported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from vorlage_cli.layout import Location
from vorlage_cli.model import Vorlage

EXCERPT_LENGTH = 90
"""Characters of document text a finding quotes, at most."""
PARAGRAPH_WORDS = 6
"""Words that name a paragraph ("Die Verwaltung schlägt vor, die …")."""
_SPACE = re.compile(r"\s+")
T = TypeVar("T")


class _Row(Protocol):
    """What the extractor's rows offer: where they stand and what they say."""

    location: Location
    paragraph_start: bool

    @property
    def text(self) -> str: ...

    @property
    def cell_texts(self) -> tuple[str, ...]: ...


class _Section(Protocol):
    heading: str
    location: Location
    rows: list[_Row]  # type: ignore[valid-type]


@dataclass(frozen=True, slots=True)
class TextRow:
    """One line or table row of the document as the extractor saw it."""

    location: Location
    text: str
    paragraph_start: bool


@dataclass(frozen=True, slots=True)
class Place:
    """Where a finding's text stands, told so that a person finds it: page and line, the
    section heading, the first words of the paragraph, and the quoted text itself."""

    location: Location | None = None
    heading: str | None = None
    paragraph: str | None = None
    excerpt: str | None = None


@dataclass(slots=True)
class Evidence:
    locations: dict[str, Location] = field(default_factory=dict)
    """Source locations of extracted values by field path ("beratungsfolge[1].termin")."""
    printed: dict[str, str] = field(default_factory=dict)
    """Values as printed by field path ("erstellt_am": "31.02.2025"), for messages about values
    that could not be normalised."""
    sections: set[str] = field(default_factory=set)
    """Kinds of section the extractor found headings for, even where they were empty."""
    proposal_numbers: list[str] = field(default_factory=list)
    """The numbers printed before the Beschlussvorschlag points ("1", "2", "2", "4"), which the
    model's points leave out; empty when the points are unnumbered. The rules check them for
    gaps and repeats."""
    unplaced: set[str] = field(default_factory=set)
    """Field paths whose value the document prints but whose place its text lost: a grid's dates
    run into one line with a cell left empty, so no station can be given its date."""
    role_column: bool | None = None
    """Whether the template prints a role column in its Beratungsfolge (STATUS, Zuständigkeit,
    Rolle); None when the extractor cannot tell. A result column is not a role column."""
    other_document: str | None = None
    """What the document is where it is no Vorlage ("eine Niederschrift"), by its title."""
    signature_block: bool | None = None
    """Whether the template has a place for a signature (a signature line, "gez.", a function
    line under an empty name); None when the extractor cannot tell."""
    rows: list[TextRow] = field(default_factory=list)
    """Every row of the document in reading order, for quoting and pointing at text."""
    spans: dict[str, tuple[str | None, list[int]]] = field(default_factory=dict)
    """Per section field ("sachdarstellung", "weitere_abschnitte.Klimaverträglichkeit"): its
    printed heading and the positions in :attr:`rows` of the rows it was read from."""
    _derived: dict[Callable[..., Any], tuple[tuple[object, ...], Any]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """What :meth:`derive` computed, by function: its inputs and its value."""

    def derive(self, make: Callable[..., T], *inputs: object) -> T:
        """``make(*inputs)``, computed once for this document where several rules need it (the
        Anlagen its text refers to, which NUM003 and NUM004 both read). Inputs are told apart
        by identity, not by value: the rules of a document all get the same Vorlage and
        lexicon and change neither, and comparing them by value would cost more than it saves;
        other inputs (another lexicon) compute afresh."""
        remembered = self._derived.get(make)
        # ids compare identity: the remembered inputs are kept alive, so no other object has
        # taken over one of their ids
        if remembered is not None and list(map(id, remembered[0])) == list(map(id, inputs)):
            return remembered[1]  # type: ignore[no-any-return]
        value = make(*inputs)
        self._derived[make] = (inputs, value)
        return value

    def keep_rows(self, rows: list[_Row], sections: Mapping[str, _Section | None]) -> None:
        """Record the document's rows and which rows each section was read from (the
        extractor's hook; rows are matched by identity, so they must be the same objects)."""
        # a row of several cells is a table row: it is named by its own first words
        self.rows = [
            TextRow(row.location, row.text, row.paragraph_start or len(row.cell_texts) > 1)
            for row in rows
        ]
        position = {id(row): index for index, row in enumerate(rows)}
        for path, section in sections.items():
            if section is None:
                continue
            taken = [position[id(row)] for row in section.rows if id(row) in position]
            self.spans[path] = (section.heading or None, taken)
            if path not in self.locations and section.location is not None:
                self.locations[path] = section.location

    def place(self, path: str | None, excerpt: str | None = None) -> Place:
        """Where the text a finding is about stands. ``excerpt`` (a value as printed, "19,980
        Euro") is looked for in the rows of the field first, then anywhere in the document;
        without it, or where it is not found, the field's first row is quoted."""
        heading, candidates = self._rows_of(path)
        found = self._find(excerpt, candidates) if excerpt else None
        if found is None and excerpt:
            found = self._find(excerpt, range(len(self.rows)))
            if found is not None:
                heading = self._heading_before(found[0])
        if found is not None:
            index, start, end = found
            row = self.rows[index]
            return Place(
                row.location, heading, self._paragraph(index), _window(row.text, start, end)
            )
        if not candidates:
            return Place(self.location_of(path) if path else None, heading)
        first = self.rows[candidates[0]]
        return Place(
            first.location,
            heading,
            self._paragraph(candidates[0]),
            _shorten(excerpt) if excerpt else _shorten(first.text),
        )

    def _rows_of(self, path: str | None) -> tuple[str | None, list[int]]:
        """The heading and rows of the field's section (or of its parent field), else the
        rows at the field's location and the two after them (a wrapped table row)."""
        probe = path
        while probe:
            if probe in self.spans:
                return self.spans[probe]
            cut = max(probe.rfind("."), probe.rfind("["))
            probe = probe[:cut] if cut > 0 else ""
        location = self.location_of(path) if path else None
        if location is None:
            return None, []
        at = [index for index, row in enumerate(self.rows) if row.location == location]
        if not at:
            return None, []
        following = list(range(at[-1] + 1, min(at[-1] + 3, len(self.rows))))
        return self._heading_before(at[0]), [*at, *following]

    def _heading_before(self, index: int) -> str | None:
        """The heading of the section a row belongs to, if any section holds it."""
        for heading, rows in self.spans.values():
            if rows and rows[0] <= index <= rows[-1]:
                return heading
        return None

    def _find(self, excerpt: str, candidates: Iterable[int]) -> tuple[int, int, int] | None:
        """(row, start, end) of the excerpt's first occurrence, spaces and case folded; a text
        wrapped over rows is found in the first of them."""
        wanted = _fold(excerpt)
        if not wanted:
            return None
        joined, starts = "", []
        for index in candidates:
            starts.append((len(joined), index))
            joined += _fold(self.rows[index].text) + " "
        at = joined.find(wanted)
        if at < 0:
            return None
        offset, index = max((s for s in starts if s[0] <= at), key=lambda s: s[0])
        text = _fold(self.rows[index].text)
        return index, at - offset, min(len(text), at - offset + len(wanted))

    def _paragraph(self, index: int) -> str:
        """The first words of the paragraph a row belongs to."""
        while index > 0 and not self.rows[index].paragraph_start:
            index -= 1
        words = self.rows[index].text.split()
        opening = " ".join(words[:PARAGRAPH_WORDS])
        return opening + (" …" if len(words) > PARAGRAPH_WORDS else "")

    def locate(self, path: str, location: Location | None) -> None:
        if location is not None:
            self.locations[path] = location

    def location_of(self, path: str) -> Location | None:
        """The location of a field, falling back to its parent ("beratungsfolge[1].termin" →
        "beratungsfolge[1]" → "beratungsfolge")."""
        while path:
            if path in self.locations:
                return self.locations[path]
            cut = max(path.rfind("."), path.rfind("["))
            if cut <= 0:
                break
            path = path[:cut]
        return self.locations.get(path)


def _fold(text: str) -> str:
    """Spaces and case folded; lower() rather than casefold() keeps every offset ("ß")."""
    return _SPACE.sub(" ", text).strip().lower()


def _shorten(text: str) -> str:
    folded = _SPACE.sub(" ", text).strip()
    if len(folded) <= EXCERPT_LENGTH:
        return folded
    return folded[: EXCERPT_LENGTH - 1].rstrip() + "…"


def _window(text: str, start: int, end: int) -> str:
    """The row's text around [start, end) of its folded form, at most EXCERPT_LENGTH
    characters, cut at word boundaries and marked with "…" where cut."""
    folded = _SPACE.sub(" ", text).strip()
    if len(folded) <= EXCERPT_LENGTH:
        return folded
    room = max(0, EXCERPT_LENGTH - (end - start))
    left = max(0, start - room // 2)
    right = min(len(folded), max(end, left + EXCERPT_LENGTH))
    left = max(0, right - EXCERPT_LENGTH)
    if left > 0:
        space = folded.find(" ", left)
        left = space + 1 if 0 <= space < start else left
    if right < len(folded):
        space = folded.rfind(" ", end, right)
        right = space if space > end else right
    cut_left, cut_right = "…" if left > 0 else "", "…" if right < len(folded) else ""
    return cut_left + folded[left:right].strip() + cut_right


@dataclass(slots=True)
class Extraction:
    """The extractor's answer: the data contract's values and the evidence behind them."""

    vorlage: Vorlage
    evidence: Evidence = field(default_factory=Evidence)

    def put(
        self, path: str, value: object, location: Location | None, printed: str | None = None
    ) -> None:
        """Set a top-level field of the Vorlage, with where it stands and how it was printed."""
        setattr(self.vorlage, path, value)
        self.evidence.locate(path, location)
        if printed is not None:
            self.evidence.printed[path] = printed
