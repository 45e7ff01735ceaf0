"""Header fields: number, revision, kind, subject, author, date, public/non-public.

Three layouts are read: "Label: value" (also several on one line, as text extraction joins
columns), a label cell beside its value cell, and a row of labels over a row of values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vorlage_cli.extract.lexicon import Lexicon, phrase_pattern
from vorlage_cli.extract.rows import Row, row_lines
from vorlage_cli.extract.textutil import ends_mid_phrase, fold, join_lines, key
from vorlage_cli.layout import Cell, Location

_CONTACT_VALUE = re.compile(r"\s+[\d(+]")
"""A contact label without colon is followed by a number: "Tel. 233 – 92626"."""
_COLON = re.compile(r"\s*:")
ALIGNMENT = 3
"""Character columns within which a value counts as standing under its label."""
MAX_WRAPPED_VALUE_ROWS = 2
"""Lines of text under a row of labels that may hold the rest of their values."""
MAX_CONTINUED_ROWS = 3
"""Lines a value that breaks off mid-phrase may go on over."""
MAX_UNIT_REST_WORDS = 4
"""Words of the line that finishes a unit's name."""


@dataclass(slots=True)
class Value:
    text: str
    location: Location
    label: str = ""


def _inline_labels(lexicon: Lexicon) -> re.Pattern[str]:
    return phrase_pattern(lexicon.header_labels())


def _glued_labels(lexicon: Lexicon) -> re.Pattern[str]:
    """A label run on to the value before it, as text copied from a page's table joins its
    cells ("Status:öffentlichAktenzeichen:898/V"): where a space goes in. Built once per
    lexicon, not per document: the label list is long."""
    capitalised = sorted(
        (label for label in lexicon.header_labels() if label[:1].isupper()), key=len
    )
    return re.compile(
        r"(?<=[a-zäöüß])(?=(?:"
        + "|".join(re.escape(label) for label in reversed(capitalised))
        + r")\s*:)"
    )


class HeaderReader:
    """Collects label/value pairs from the header rows of a document."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.inline = lexicon.built(_inline_labels)
        self.glued = lexicon.built(_glued_labels)
        self.values: dict[str, list[Value]] = {}

    def add(self, field: str, text: str, location: Location, label: str = "") -> None:
        text = fold(text)
        if text:
            self.values.setdefault(field, []).append(Value(text, location, label))

    def first(self, field: str) -> Value | None:
        found = self.values.get(field)
        return found[0] if found else None

    def field_of(self, label: str) -> str | None:
        return self.lexicon.label_field.get(key(label))

    def read(self, rows: list[Row], index: int) -> int:
        """Read label/value pairs starting at ``rows[index]``; returns how many rows were taken
        (0 when the row holds no known label)."""
        row = rows[index]
        texts = row.texts
        if not texts:
            return 0
        # A row of labels over a row of values (ERSTELLT DURCH / ERSTELLT AM / SITZUNGSTEIL).
        label_fields = [self.field_of(text) for text in texts]
        if len(texts) >= 2 and all(label_fields) and index + 1 < len(rows):
            values = rows[index + 1]
            if not any(self.field_of(t) for t in values.texts):
                aligned = _align(row, values)
                taken = 2
                for following in rows[index + 2 : index + 2 + MAX_WRAPPED_VALUE_ROWS]:
                    more = self._wrapped_values(row, following)
                    if more is None:
                        break
                    for label, text in more:
                        aligned = [
                            (name, join_lines([value, text]) if name == label else value)
                            for name, value in aligned
                        ]
                    following.used = following.labelled = True
                    taken += 1
                for label, value in aligned:
                    if label is not None:
                        self.add(self.field_of(label) or "other", value, values.location, label)
                values.used = values.labelled = True
                row.used = row.labelled = True
                return taken
        # A label cell beside its value cell(s), or "Label: value" pairs within the text.
        taken = False
        letterhead = False
        unlabelled: list[str] = []
        cells = texts
        position = 0
        while position < len(cells):
            cell = cells[position]
            field = self.field_of(cell)
            if (
                field is not None
                and position + 1 < len(cells)
                and not self.field_of(cells[position + 1])
            ):
                self.add(field, cells[position + 1], row.location, cell)
                letterhead = letterhead or self._is_letterhead_label(cell)
                position += 2
                taken = True
                continue
            pairs = self._pairs(cell) or self._pairs_by_line(row, position)
            for pair_field, label, value in pairs:
                letterhead = letterhead or self._is_letterhead_label(label)
                if value:
                    self.add(pair_field, value, row.location, label)
                    taken = True
                elif position + 1 < len(cells):
                    self.add(pair_field, cells[position + 1], row.location, label)
                    position += 1
                    taken = True
            if not pairs:
                unlabelled.append(cell)
            position += 1
        if taken:
            row.used = row.labelled = True
            self.continue_values(rows, index)
            if letterhead and unlabelled:
                # "Datum: 22.12.2020 | Direktorium": the unit beside the contact lines; in a
                # cell of lines, the line that names a unit ("Stadt X" / "Fachbereich 6 …")
                unit = next(
                    (
                        line
                        for line in row_lines(row)
                        if line.startswith(tuple(f"{p} " for p in self.lexicon.ersteller_prefixes))
                    ),
                    " ".join(unlabelled),
                )
                self.add("letterhead", unit, row.location)
        return 1 if taken else 0

    def _pairs_by_line(self, row: Row, position: int) -> list[tuple[str, str, str]]:
        """The pairs of a table cell whose lines each hold their own "Label: value", under a
        line without one: a letterhead cell "Beschlussvorlage" / "Vorlage-Nr.: FB6/123/2025" /
        "Datum: 02.09.2025". Joined into one text, the title before the first label hid them."""
        if row.table is None:
            return []
        lines = [
            [fold(line) for line in cell.text.split("\n") if fold(line)]
            for cell in row.cells
            if join_lines(cell.text.split("\n"))
        ]
        if position >= len(lines) or len(lines[position]) < 2:
            return []
        return [pair for line in lines[position] for pair in self._pairs(line)]

    def _wrapped_values(self, labels: Row, row: Row) -> list[tuple[str, str]] | None:
        """The rest of values wrapped onto the next line of text, each part starting under its
        label ("Fachbereich Innovative" / "Stadt" under ERSTELLT DURCH); None where the row is
        something else (a label, a date, a line not aligned with the labels)."""
        if row.used or row.raw is None or any(c.x0 is None for c in row.cells + labels.cells):
            return None
        if self.lexicon.dates.pattern.search(row.text) or len(row.texts) > len(labels.texts):
            return None
        parts = []
        for cell in row.cells:
            text = fold(cell.text)
            if not text:
                continue
            if self.lexicon.is_label(text):
                return None
            label = next(
                (c for c in labels.cells if abs((c.x0 or 0) - (cell.x0 or 0)) <= ALIGNMENT),
                None,
            )
            if label is None:
                return None
            parts.append((fold(label.text), text))
        return parts or None

    def _is_letterhead_label(self, label: str) -> bool:
        label_key = key(label)
        return label_key in self.lexicon.contact_labels or self.field_of(label) == "erstellt_am"

    def _pairs(self, text: str) -> list[tuple[str, str, str]]:
        """ "Label: value" pairs in a text, several per line ("Vorlage Nr.: 2025/0916
        Verantwortlich: Dez. 6"). A label counts only with its colon, except at the start of
        the text where the colon may be missing after a recognised label."""
        if ":" in text:
            text = self.glued.sub(" ", text)
        found = []
        for match in self.inline.finditer(text):
            # Matched in place, not on a slice: a slice per label is quadratic on a long line.
            colon = bool(_COLON.match(text, match.end()))
            number_first = match.start() == 0 and text[match.end() : match.end() + 1].isspace()
            bare_number = number_first and self.field_of(match.group()) == "nummer"
            bare_contact = key(match.group()) in self.lexicon.contact_labels and bool(
                _CONTACT_VALUE.match(text, match.end())
            )
            if not (colon or bare_number or bare_contact or _asks_for_value(match.group())):
                continue
            if match.start() > 0 and text[match.start() - 1] not in " \t":
                continue
            found.append(match)
        pairs = []
        for position, match in enumerate(found):
            end = found[position + 1].start() if position + 1 < len(found) else len(text)
            value = text[match.end() : end].strip().lstrip(":").strip()
            field = self.field_of(match.group()) or "other"
            pairs.append((field, match.group(), value))
        if pairs and found[0].start() > 0:
            return []
        return pairs

    def continue_values(self, rows: list[Row], index: int) -> None:
        """A value that ends mid-phrase ("Amt für" / "Hochbau und" / "Gebäudewirtschaft")
        continues on the next lines, and so does a subject's subtitle set off by a dash before
        the next label ("Betreff: Grünflächen-kataster" / "- Operative Steuerung …" / "Status:
        öffentlich"). A unit's name that has not named the unit yet ("Eigenbetrieb", "Team
        Sauberes", "Zentraler") goes on in a short line below it."""
        for following_index in range(index + 1, min(index + 1 + MAX_CONTINUED_ROWS, len(rows))):
            following = rows[following_index]
            if following.used or following.table is not None or len(following.texts) != 1:
                return
            after = rows[following_index + 1].text if following_index + 1 < len(rows) else ""
            subtitle = _SUBTITLE.match(following.text) is not None and ":" in after
            continued = next(
                (
                    last
                    for field, values in self.values.items()
                    if (last := values[-1]).location == rows[index].location
                    and (
                        ends_mid_phrase(last.text)
                        or (field == "betreff" and subtitle)
                        or (field == "ersteller" and self._unit_unnamed(last.text, following))
                    )
                ),
                None,
            )
            if continued is None or self.field_of(following.text) or ":" in following.text:
                return
            continued.text = join_lines([continued.text, following.text])
            following.used = True

    def _unit_unnamed(self, value: str, following: Row) -> bool:
        """Whether a unit's name stops before it names the unit, the next line being a few
        words that finish it: it ends in a kind of unit ("Eigenbetrieb") or in an adjective
        that waits for its noun ("Team Sauberes", "Zentraler")."""
        words = value.split()
        rest = following.text.split()
        if not words or not 0 < len(rest) <= MAX_UNIT_REST_WORDS or following.text[-1] in ".!?":
            return False
        last, before = words[-1], words[-2].casefold() if len(words) > 1 else ""
        if key(last) in self.lexicon.unit_kinds_before_name:
            return True
        return (
            last[:1].isupper()
            and self.lexicon.strong_adjective.search(last) is not None
            and before not in self.lexicon.consultation.genitive
        )


def _asks_for_value(printed: str) -> bool:
    """A capitalised label of several words that ends in a small word ("Eingereicht von"):
    it asks for the value after it, so it needs no colon, also inside a line."""
    words = printed.split()
    return (
        len(words) >= 2
        and printed[:1].isupper()
        and words[-1].islower()
        and len(words[-1]) <= SMALL_WORD
    )


SMALL_WORD = 3
"""Letters of a preposition that ends a label ("von", "für")."""


_SUBTITLE = re.compile(r"^[-–]\s+\w")
"""A line set off by a dash: "- Operative Steuerung der Bewirtschaftung"."""


def _align(labels: Row, values: Row) -> list[tuple[str | None, str]]:
    """Pair each value cell with the label cell above it: by position where both rows have
    geometry, by index otherwise."""
    label_cells = [c for c in labels.cells if fold(c.text)]
    value_cells = [c for c in values.cells if fold(c.text)]
    if values.raw is not None:
        value_cells = _split_at_labels(value_cells, label_cells)
    if any(c.x0 is None for c in labels.cells + values.cells):
        return [
            (fold(label.text), fold(value.text))
            for label, value in zip(labels.cells, values.cells, strict=False)
            if fold(label.text) and fold(value.text)
        ]
    if len(value_cells) != len(label_cells):
        pairs = []
        for value in value_cells:
            best = min(label_cells, key=lambda c: abs((c.x0 or 0) - (value.x0 or 0)))
            pairs.append((fold(best.text), fold(value.text)))
        return pairs
    return [
        (fold(label.text), fold(value.text))
        for label, value in zip(label_cells, value_cells, strict=False)
    ]


def _split_at_labels(values: list[Cell], labels: list[Cell]) -> list[Cell]:
    """Text extraction may leave one space between two columns ("Fachbereich Innovative
    20.03.2024"): a value that reaches under the next label is split at the word boundary
    nearest to where that label starts. Positions are character columns here."""
    result: list[Cell] = []
    for cell in values:
        pieces = [cell]
        for label in labels:
            last = pieces[-1]
            if last.x0 is None or label.x0 is None or not last.x0 < label.x0 < (last.x1 or 0):
                continue
            offset = int(label.x0 - last.x0)
            spaces = [i for i, char in enumerate(last.text) if char == " "]
            if not spaces:
                continue
            cut = min(spaces, key=lambda i: abs(i + 1 - offset))
            if abs(cut + 1 - offset) > ALIGNMENT:
                continue
            pieces[-1:] = [
                Cell(last.text[:cut], last.x0, last.x0 + cut),
                Cell(last.text[cut + 1 :], last.x0 + cut + 1, last.x1),
            ]
        result.extend(pieces)
    return result
