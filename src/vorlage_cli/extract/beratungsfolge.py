"""The Beratungsfolge: which bodies deal with the Vorlage, when, in which role.

Real tables come in many shapes (see DOMAIN.md). One procedure reads them all:

1. Find where the list starts: a row of column labels, a heading ("Gremienweg:"), or both.
2. Walk the rows that follow. A row with a date is a station; a row without one holds pieces
   that belong to a neighbouring station: the rest of a wrapped committee name, a role broken
   over two lines, a result grid. Each piece is typed by what it says (lexicon roles, results,
   public marks) or by the column it sits in, never by its position in one city's template.
3. Give each untyped piece to the station it continues ("Dienstberatung des" + "Oberbürger-
   meisters"), or to the neighbour whose slot for it is still empty (a name printed above its
   vertically centred date).

Without any list, a sentence may name the single consultation ("Beschluss des
Bezirksausschusses … vom 14.01.2021").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from vorlage_cli.extract.dates import YEAR_START
from vorlage_cli.extract.lexicon import Lexicon, phrase_pattern
from vorlage_cli.extract.rows import Row
from vorlage_cli.extract.runon import names_apart
from vorlage_cli.extract.textutil import (
    BOX,
    TICKED,
    alternatives,
    continues_suspended_hyphen,
    ends_mid_phrase,
    fold,
    join_lines,
    key,
)
from vorlage_cli.layout import Cell, Location

_EINLADUNG = re.compile(r"^\d{1,3}/\d{4}$")
_IGNORED = re.compile(r"^(?:[●•○◦▪■□xX✓✔]|\(?[A-Z]\)?|-|–)$")
_TRAILING_DASH = re.compile(r"\s*[-–—:,]\s*$")
_BRACKETED = re.compile(r"\(([^()]{3,40})\)")

_ASIDE = re.compile(r"\s*\([^()]*\)\s*:?\s*$")
"""A remark after a heading: "Beratungsfolge (Änderungen vorbehalten):"."""
UNKNOWN = "unknown"
"""The kind of a header column whose label the lexicon does not know."""
MAX_UNKNOWN_LABELS = 1
MAX_NAME_WORDS_BEFORE_DATE = 6
"""Words of a body's name before "am <date>" in a list; a longer text there is a sentence."""
MAX_STATION_WORDS = 16
"""A station's row is short; a longer row with a date is prose."""
MAX_PIECE_WORDS = 6
"""A row without date in a list without header: the rest of a name or a role, not prose."""
MAX_HEADER_ROWS = 5
MAX_LABEL_REST = 4
"""The longest piece of a label broken onto the next line in a narrow column."""
MAX_NAME_REST_WORDS = 3
"""The longest rest of a name wrapped below the last station's row."""
MAX_TRAILING_WORDS = 8
"""The longest row after the last station that can still belong to it (a result, a role)."""
MAX_SESSION_NAME_WORDS = 4
"""How far into a session's line ("des Haupt- und Finanzausschusses beschlossen") its body's
head noun is looked for."""
MIN_SUBJECT_WORDS = 4
"""The fewest words before a closing date that read as a subject rather than a short name of a
body the lexicon does not know ("Arbeitskreis Kita 12.03.2024")."""


@dataclass(slots=True)
class Column:
    kind: str
    x0: float | None = None
    x1: float | None = None
    label: str = ""


@dataclass(slots=True, eq=False)
class Station:
    location: Location
    termin: dt.date | None = None
    termin_text: str | None = None
    gremium: list[tuple[int, str]] = field(default_factory=list)
    """Name parts with the row they were printed in: a name may start above its date row."""
    own_gremium: bool = False
    rolle: list[str] = field(default_factory=list)
    top: str | None = None
    einladung: str | None = None
    oeffentlich: bool | None = None
    results: list[str] = field(default_factory=list)
    order: int = 0
    boxes: list[bool] = field(default_factory=list)
    """Check boxes printed under the row, ticked or not, in the order of the ö/nö columns."""


@dataclass(slots=True)
class Piece:
    kind: str  # gremium, rolle, result, top, oeffentlich, box
    text: str
    row: int


@dataclass(slots=True)
class ParsedStation:
    """A station ready for the model, with the printed date kept for the rules' messages."""

    gremium: str
    rolle: str | None
    rolle_text: str | None
    termin: dt.date | None
    termin_text: str | None
    einladung: str | None
    top: str | None
    oeffentlich: bool | None
    location: Location
    termin_unplaced: bool = False
    """A date is printed for the station, but the text no longer tells which."""


class BeratungsfolgeReader:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.role_column: bool | None = None
        """After ``read``: whether the list's header has a role column; None without header."""
        self._top_column = False
        self._mark_columns: list[str] = []
        """The kinds of the ö and nö columns in their order, for check boxes under a row."""
        self.column_pattern = phrase_pattern(list(_column_labels(lexicon)), anchored=True)
        self.words = lexicon.consultation

    # -- finding the list -------------------------------------------------------------------

    def header_columns(self, row: Row) -> list[Column] | None:
        """The columns if ``row`` is a row of Beratungsfolge column labels. One word the
        lexicon does not know is allowed ("Voraussichtlicher Sitzungstermin", a label of the
        city's own), as long as the known labels name a date and a body, role or agenda item."""
        cells = [c for c in row.cells if fold(c.text)]
        columns: list[Column] = []
        if len(cells) >= 2:
            for cell in cells:
                kind = self._column_kind(cell.text)
                columns.append(Column(kind or UNKNOWN, cell.x0, cell.x1, fold(cell.text)))
        else:
            text = row.text
            position = 0
            unknown_words = 0
            while position < len(text):
                match = self.column_pattern.match(text[position:])
                if match:
                    columns.append(Column(self.lexicon.column_of[key(match.group())]))
                    position += match.end()
                else:
                    unknown_words += 1
                    if unknown_words > MAX_UNKNOWN_LABELS:
                        return None  # no row of labels; stopping early keeps long lines linear
                    word = text[position:].split(" ", 1)[0]
                    columns.append(Column(UNKNOWN))
                    position += len(word)
                position += len(text[position:]) - len(text[position:].lstrip())
        return columns if _names_a_list(columns) else None

    def _header_goes_on(self, columns: list[Column], row: Row) -> bool:
        """Whether a line of text continues the labels above it: short pieces under the labels
        they complete ("G" under "EINLADUN" in a narrow column). The completed labels give their
        columns the kind they had no name for."""
        cells = [c for c in row.cells if fold(c.text)]
        if not cells or row.table is not None or any(c.x0 is None for c in cells):
            return False
        if any(
            len(fold(c.text)) > MAX_LABEL_REST or any(ch.isdigit() for ch in c.text) for c in cells
        ):
            return False
        if any(column.x0 is None for column in columns):
            return False
        completed = []
        for cell in cells:
            column = _nearest(columns, cell)
            kind = self._column_kind(column.label + fold(cell.text))
            if kind is None and column.kind == UNKNOWN:
                return False
            completed.append((column, kind))
        for column, kind in completed:
            if kind is not None:
                column.kind = kind
        return True

    def _header_over_two_rows(self, upper: Row, lower: Row) -> list[Column] | None:
        """Labels that wrap inside their columns ("Voraussichtlicher" over "Sitzungstermin"):
        the lower row's short pieces complete the labels they stand under, as a phrase or as
        the rest of a broken word, and the completed labels must name a list."""
        upper_cells = [c for c in upper.cells if fold(c.text)]
        lower_cells = [c for c in lower.cells if fold(c.text)]
        if (
            len(upper_cells) < 2
            or not lower_cells
            or upper.used
            or lower.used
            or any(c.x0 is None for c in [*upper_cells, *lower_cells])
            or any(any(ch.isdigit() for ch in c.text) for c in [*upper_cells, *lower_cells])
            or any(len(c.text.split()) > MAX_LABEL_REST for c in lower_cells)
        ):
            return None
        columns = [Column(UNKNOWN, c.x0, c.x1, fold(c.text)) for c in upper_cells]
        pieces: dict[int, list[str]] = {}
        for cell in lower_cells:
            pieces.setdefault(id(_nearest(columns, cell)), []).append(fold(cell.text))
        for column in columns:
            rest = " ".join(pieces.get(id(column), []))
            candidates = [f"{column.label} {rest}", column.label + rest, rest] if rest else []
            kinds = [self._column_kind(text) for text in [*candidates, column.label]]
            column.kind = next((kind for kind in kinds if kind), UNKNOWN)
        if len(pieces) == 0 or not _names_a_list(columns):
            return None
        return columns

    def _column_kind(self, text: str) -> str | None:
        """The column a label cell names; a label broken inside its narrow cell ("EINLADUN" /
        "G") is read as one word too."""
        kind = self.lexicon.column_of.get(key(text))
        if kind is None and "\n" in text:
            kind = self.lexicon.column_of.get(key("".join(fold(part) for part in text.split("\n"))))
        return kind

    def wrapped_header(self, rows: list[Row], index: int) -> tuple[list[Column], int] | None:
        """A header whose labels stand one under another, each on a short row of its own
        ("Gremium" / "Voraussichtlicher" / "Sitzungstermin" / "Zuständigkeit"), or wrap inside
        their columns onto a second row: the columns and how many rows it takes."""
        if index + 1 < len(rows):
            columns = self._header_over_two_rows(rows[index], rows[index + 1])
            if columns is not None:
                return columns, 2
        texts: list[str] = []
        for offset in range(MAX_HEADER_ROWS):
            if index + offset >= len(rows):
                return None
            row = rows[index + offset]
            if row.used or len(row.texts) != 1 or len(row.text.split()) > 3:
                return None
            if offset > 0 and self.header_columns(row) is not None:
                return None  # a header of its own below a word that is none of its labels
            texts.append(row.text)
            if offset == 0:
                continue
            joined = Row([Cell(" ".join(texts))], row.location, True)
            columns = self.header_columns(joined)
            if columns is not None:
                following = index + offset + 1
                if following < len(rows) and len(rows[following].text.split()) <= 3:
                    longer = Row(
                        [Cell(" ".join([*texts, rows[following].text]))], row.location, True
                    )
                    if self.header_columns(longer) is not None:
                        continue
                return columns, offset + 1
        return None

    def is_heading(self, row: Row) -> bool:
        texts = row.texts
        return (
            bool(texts)
            and len(texts) <= 2
            and key(_ASIDE.sub("", texts[0])) in self.lexicon.bf_headings
            and (
                len(texts) == 1
                or self.header_columns(Row(row.cells[1:], row.location, True)) is None
            )
        )

    def read(self, rows: list[Row]) -> list[ParsedStation]:
        typed = self._typed_stations(rows)
        if typed:
            return typed
        grid = self._column_by_column(rows)
        if grid:
            # its header, where printed, sits over cells of one kind each, not over stations
            return grid
        for index, row in enumerate(rows):
            if row.used:
                continue
            columns = self.header_columns(row)
            header_rows = 1
            heading_here = self.is_heading(row) and not (
                # the last word of a sentence ("… in gemeinderätliche Ausschüsse und" /
                # "Gremien:") is no heading
                index > 0 and ends_mid_phrase(rows[index - 1].text)
            )
            if columns is None and not heading_here:
                wrapped = self.wrapped_header(rows, index)
                if wrapped is None:
                    continue
                columns, header_rows = wrapped
            heading = columns is None
            start = index + header_rows
            if (
                columns is not None
                and start < len(rows)
                and self._header_goes_on(columns, rows[start])
            ):
                rows[start].used = True
                start += 1
            if heading and start < len(rows):
                columns = self.header_columns(rows[start])
                taken = 1
                if columns is None:
                    wrapped = self.wrapped_header(rows, start)
                    if wrapped is not None:
                        columns, taken = wrapped
                if columns is not None:
                    for header_row in rows[start : start + taken]:
                        header_row.used = True
                    start += taken
            stations = self._walk(rows, start, columns or [], row.table)
            if not stations and heading and columns is None and start < len(rows):
                stations = self._bodies_only(rows[start])
            if stations:
                for header_row in rows[index : index + header_rows]:
                    header_row.used = True
                self.role_column = _role_column(columns, stations)
                return stations
        return self._headerless(rows) or self._labelled_station(rows) or self._sentences(rows)

    def _typed_stations(self, rows: list[Row]) -> list[ParsedStation]:
        """The stations of a grid run into one line, which ``runon`` already read row by row:
        each row's cells come with their kinds."""
        stations: list[ParsedStation] = []
        for row in rows:
            if row.cell_kinds is None or row.used:
                if stations:
                    break
                continue
            row.used = True
            cells = dict(zip(row.cell_kinds, (cell.text for cell in row.cells), strict=True))
            stations.append(
                self._station_of_cells(
                    cells["gremium"],
                    cells.get("termin"),
                    cells.get("rolle"),
                    cells.get("oeffentlich"),
                    row.location,
                )
            )
        self.role_column = any(station.rolle for station in stations) if stations else None
        return stations

    def _labelled_station(self, rows: list[Row]) -> list[ParsedStation]:
        """A single station given by labels, as a Word form prints it: "Gremium: <body>" and,
        within a few rows below, "Termin: <date>". The body must look like one and the date be
        a date: minutes and invitations print such labels too, with other values."""
        station_label, date_label = self.lexicon.built(_station_labels)
        for index, row in enumerate(rows):
            named = station_label.match(row.text) if not row.used else None
            if named is None or not self._looks_like_body(named.group("value")):
                continue
            for below in rows[index + 1 : index + 1 + MAX_STATION_LABEL_ROWS]:
                dated = date_label.match(below.text) if not below.used else None
                date = self.lexicon.dates.pattern.match(dated.group("value")) if dated else None
                if date is None:
                    continue
                row.used = below.used = True
                gremium, printed = fold(named.group("value")), date.group().strip()
                return [self._station_of_cells(gremium, printed, None, None, row.location)]
        return []

    def _bodies_only(self, row: Row) -> list[ParsedStation]:
        """A list of bodies without dates on one row under the heading, as a Word form fills
        its field ("Beratungsfolge:" / "Hauptausschuss Rat", "Bauausschuss, Rat"): each name
        with a body's head word is a station whose session is not set yet. The names are
        parted at commas or where a name begins (names_apart)."""
        text = row.text
        if row.used or len(row.texts) != 1 or len(text.split()) > MAX_STATION_WORDS:
            return []
        if text.endswith((".", ":")) or self.lexicon.dates.pattern.search(text):
            return []
        pieces = [piece.strip() for piece in re.split(r"[,;]", text) if piece.strip()]
        if len(pieces) == 1:
            pieces = names_apart(text, self.words.body)
        if not pieces or not all(self._looks_like_body(piece) for piece in pieces):
            return []
        row.used = True
        return [self._station_of_cells(piece, None, None, None, row.location) for piece in pieces]

    def _column_by_column(self, rows: list[Row]) -> list[ParsedStation]:
        """A grid whose text came out column by column, one cell a line: the bodies, then as
        many roles, public marks and dates in that order or another ("Ausschuss für Umwelt und
        Technik" / "Verwaltungsausschuss" / "Beschlussfassung" / "Beschlussfassung" /
        "öffentlich" / "öffentlich" / "09.05.2017" / "17.05.2017"). Only runs of the bodies'
        length count, and the dates must be among them. A name without a body's head word
        ("BA Kulturstätten") counts beside one with it. Where fewer dates than bodies are
        printed, a date cell was empty, and which one the text no longer tells: the stations
        keep their names and roles without dates."""
        kinds: dict[int, str | None] = {}

        def kind_of(index: int) -> str | None:
            if index not in kinds:
                kinds[index] = self._cell_kind(rows[index])
            return kinds[index]

        for start in self._grid_starts(rows):
            bodies = []
            for index in range(start, len(rows)):
                candidate = rows[index]
                if candidate.used or not (
                    kind_of(index) == "gremium" or self._name_cell(candidate)
                ):
                    break
                bodies.append(candidate)
            if len(bodies) < MIN_COLUMN_STATIONS or not any(
                kind_of(index) == "gremium" for index in range(start, start + len(bodies))
            ):
                continue
            columns: dict[str, list[str]] = {}
            position = start + len(bodies)
            while position < len(rows):
                kind = kind_of(position)
                if kind in (None, "gremium", *columns):
                    break
                end = position
                while end < min(len(rows), position + len(bodies)) and kind_of(end) == kind:
                    end += 1
                if end - position < len(bodies) and kind != "termin":
                    break
                columns[kind] = [cell.text for cell in rows[position:end]]
                position = end
            dates = columns.get("termin", [])
            if not dates or (len(dates) < len(bodies) and len(columns) < 2):
                continue
            unplaced = len(dates) < len(bodies)
            if unplaced:
                # a date cell left empty, lost in the text: which body's, nothing tells
                columns["termin"] = [""] * len(bodies)
            for taken in rows[start:position]:
                taken.used = True
            return [
                self._column_station(body, columns, index, unplaced)
                for index, body in enumerate(bodies)
            ]
        return []

    def _name_cell(self, row: Row) -> bool:
        """A short capitalised line that may be a body's name the lexicon cannot tell."""
        text = row.text
        return (
            len(row.texts) == 1
            and 0 < len(text.split()) <= MAX_PIECE_WORDS
            and text[:1].isupper()
            and not text.endswith((".", ":", ";"))
            and not self.lexicon.is_label(text)
            and self._cell_kind(row) is None
        )

    def _cell_kind(self, row: Row) -> str | None:
        """What a line of a column-by-column grid holds: a date, a role, a public mark or a
        body's name; None for anything else."""
        text = row.text
        if len(row.texts) != 1 or len(text.split()) > MAX_STATION_WORDS:
            return None
        if self.lexicon.dates.pattern.fullmatch(text):
            return "termin"
        if self.lexicon.role(text):
            return "rolle"
        if key(text) in self.words.public_keys or self.lexicon.publicity(text):
            return "oeffentlich"
        return "gremium" if self._looks_like_body(text) and not text.endswith((".", ":")) else None

    def _grid_starts(self, rows: list[Row]) -> list[int]:
        """Where a column-by-column grid may begin: within reach above a date alone on its
        line, the cell of a date column. Most documents print no such line, and a grid is
        looked for only there, not at every row."""
        reach = MAX_GRID_COLUMNS * MAX_GRID_STATIONS
        dates = [
            index
            for index, row in enumerate(rows)
            if not row.used
            and len(row.text) <= MAX_DATE_CELL
            and self.lexicon.dates.pattern.fullmatch(row.text)
        ]
        return sorted({start for date in dates for start in range(max(0, date - reach), date)})

    def _column_station(
        self, body: Row, columns: dict[str, list[str]], index: int, unplaced: bool
    ) -> ParsedStation:
        return self._station_of_cells(
            body.text,
            columns["termin"][index],
            columns.get("rolle", [None] * (index + 1))[index],
            columns.get("oeffentlich", [None] * (index + 1))[index],
            body.location,
            unplaced=unplaced,
        )

    def _station_of_cells(
        self,
        gremium: str,
        printed: str | None,
        role: str | None,
        mark: str | None,
        location: Location,
        *,
        unplaced: bool = False,
    ) -> ParsedStation:
        """A station from a grid's cells, each already known to be a body, a date, a role or
        a public mark: the text told them apart, not a header's positions."""
        match = self.lexicon.dates.pattern.fullmatch(printed) if printed else None
        return ParsedStation(
            gremium=gremium,
            rolle=self.lexicon.role(role) if role else None,
            rolle_text=role,
            termin=self.lexicon.dates.parse(match) if match else None,
            termin_text=printed,
            einladung=None,
            top=None,
            oeffentlich=(key(mark) in self.words.public_keys) if mark else None,
            location=location,
            termin_unplaced=unplaced,
        )

    def _headerless(self, rows: list[Row]) -> list[ParsedStation]:
        """A list that no header or heading announces, found by its rows: a short row with a
        date and at least two of a body's name, a role phrase and an agenda item or public
        mark ("Ortschaftsrat Wolfartsweier 14.04.2026 TOP 2 Ö")."""
        for index, row in enumerate(rows):
            if row.used or self._station_evidence(row.text) < 2:
                continue
            stations = self._walk(rows, index, [], row.table, strict=True)
            if stations:
                return stations
        return []

    def _station_evidence(self, text: str) -> int:
        """How much a row with a date looks like a station: a body's name, a role phrase, a
        TOP or public mark each count one. A sentence ("Der Rat hat am 12.03.2024 …") counts
        nothing."""
        if len(text.split()) > MAX_STATION_WORDS:
            return 0  # before the date search, which costs more on a long line
        match = self.lexicon.dates.pattern.search(text)
        if match is None:
            return 0
        before, after = text[: match.start()].strip(), text[match.end() :].strip()
        if ends_mid_phrase(before) or after.endswith((".", ";", "!", "?")):
            return 0
        name = before or after
        evidence = int(self._looks_like_body(name))
        evidence += int(self.lexicon.role_pattern.search(text) is not None)
        kinds = {kind for kind, _ in self._tokens(after, allow_bare_numbers=True)}
        evidence += int(bool(kinds & {"top", "oeffentlich"}))
        return evidence

    # -- walking the rows ----------------------------------------------------------------------

    def _walk(
        self,
        rows: list[Row],
        start: int,
        columns: list[Column],
        table: int | None,
        *,
        strict: bool = False,
    ) -> list[ParsedStation]:
        """The stations from ``rows[start]`` on. ``strict`` for a list without header: it
        ends at the first row that is neither a station nor a short piece of one."""
        stations: list[Station] = []
        pieces: list[Piece] = []
        taken: list[int] = []
        index = start
        self._top_column = any(column.kind == "top" for column in columns)
        self._mark_columns = [
            c.kind for c in columns if c.kind in ("mark_oeffentlich", "mark_nichtoeffentlich")
        ]
        if table is None and start < len(rows) and not strict:
            table = rows[start].table  # a list under a heading line: the table that follows
        while index < len(rows):
            row = rows[index]
            # a row that completes a phrase broken off just above ("Beratung und" / station /
            # "Beschlussempfehlung") belongs to the list even where it looks like a heading
            previous = rows[index - 1].text if index > start else ""
            open_role = bool(pieces) and pieces[-1].row >= index - 2 and pieces[-1].kind == "rolle"
            continues = bool(stations) and (
                previous.endswith("-")
                or (open_role and ends_mid_phrase(pieces[-1].text))
                or self._result_goes_on(previous, row.text)
            )
            if table is not None and row.table not in (None, table) and self.header_columns(row):
                table = row.table  # the table goes on after a page break, its header repeated
            # a station under way: something of it read below the last dated station
            last_dated = stations[-1].order if stations else -1
            under_way = any(piece.row > last_dated for piece in pieces)
            ends = self._ends_list(row, table, bool(stations), under_way)
            if row.used or (not continues and ends):
                break
            if strict and not continues and not self._fits_headerless(row.text):
                break
            in_prose = self._in_prose(row.text) and not self._body_on_date(row.text)
            wrapped_prose = self.lexicon.dates.pattern.search(previous) is None and self._in_prose(
                f"{previous} {row.text}"
            )
            if in_prose or (stations and wrapped_prose):
                # the text after the list: "… des Jahresergebnisses zum 31.12.2019", also with
                # its date on the next line ("… Ganztagsschule bis zum" / "31. Juli 2014")
                break
            if self.header_columns(row) is not None:
                # the header row repeated where the table continues on the next page
                row.used = True
                index += 1
                continue
            width = 1
            if _date_continues(
                row, rows[index + 1] if index + 1 < len(rows) else None, self.lexicon
            ):
                # "25. Januar" / "2023": a date broken in a narrow cell
                following = rows[index + 1]
                row = Row([*row.cells, *following.cells], row.location, row.paragraph_start)
                width = 2
            if stations and self._subject_with_date(row.text, stations):
                # the subject under the list, ending in the date it is about ("Vorläufige
                # Bilanz, Ergebnis- und Finanzrechnung 31.12.2015")
                break
            if stations and _other_date_style(stations[0], row.text, self.lexicon):
                # "Produkt 11.01.13 …" under a list dated "04.03.2010", a statute "vom 18.
                # Dezember" / "2012" in the decision text under a list of numeric dates
                break
            station, row_pieces = self._parse_row(row, columns, index)
            if station is None and not row_pieces:
                if not stations and any(c.isalnum() for c in row.text):
                    break  # (a row of nothing but a status bullet "●" goes on to the first)
                taken.extend(range(index, index + width))
                index += width
                continue
            if station is not None:
                station.order = index
                stations.append(station)
            pieces.extend(row_pieces)
            taken.extend(range(index, index + width))
            index += width
        last = stations[-1].order if stations else start - 1
        # Rows after the last station count only where they belong to it: typed words (a role,
        # results, "TOP 11 öffentlich") or the continuation of a wrapped name. In a table, a
        # row with a body's name (and perhaps its role) is a station whose session has no date
        # yet. The first row that is none of these ends the list; it is usually the subject or
        # the next section.
        kept_rows = {i for i in taken if i <= last}
        wraps_below = _names_wrap_below(stations, pieces)
        for row_index in sorted({p.row for p in pieces if p.row > last}):
            row_pieces = [p for p in pieces if p.row == row_index]
            if len(rows[row_index].text.split()) > MAX_TRAILING_WORDS:
                break  # the subject under the list, not the rest of its last row
            if stations and all(self._belongs(p, pieces, stations) for p in row_pieces):
                kept_rows.add(row_index)
            elif (
                wraps_below
                and row_index == max(kept_rows) + 1
                and all(p.kind == "gremium" for p in row_pieces)
                and sum(len(p.text.split()) for p in row_pieces) <= MAX_NAME_REST_WORDS
            ):
                # the rest of the last name, as every name before it went on below its row
                kept_rows.add(row_index)
            elif self._undated_station(row_pieces) and (
                rows[row_index].table is not None or self._ends_in_role(row_pieces)
            ):
                station = Station(location=rows[row_index].location, order=row_index)
                stations.append(station)
                kept_rows.add(row_index)
            else:
                break
        if not stations:
            return []
        pieces = [p for p in pieces if p.row in kept_rows]
        for i in kept_rows:
            rows[i].used = True
        grouped = self._sessions_under_bodies(rows, sorted(kept_rows), stations, pieces)
        if grouped is not None:
            return [self._finish(station) for station in grouped]
        self._assign(stations, pieces)
        _name_the_stacked(stations)
        return [self._finish(station) for station in stations if station.gremium or station.termin]

    def _sessions_under_bodies(
        self, rows: list[Row], kept: list[int], stations: list[Station], pieces: list[Piece]
    ) -> list[Station] | None:
        """A table that lists each body with its role on a row of its own and its sessions on
        the rows below (ALLRIS): a body may have no session yet, or two (the first one
        adjourned). Each session becomes a consultation of the body above it, and a body
        without a session one without a date. None where the table is not laid out so, or
        where every body has exactly one session (then the general assignment reads it)."""
        if not stations or any(s.own_gremium for s in stations):
            return None
        by_row: dict[int, list[Piece]] = {}
        for piece in pieces:
            by_row.setdefault(piece.row, []).append(piece)
        at_row = {station.order: station for station in stations}
        plan: list[tuple[Station, Station | None, list[Piece]]] = []
        """(body, session or None for a body without one, the session row's pieces)"""
        sessions: list[int] = []
        body: Station | None = None
        for index in kept:
            row_pieces = by_row.get(index, [])
            names = [p for p in row_pieces if p.kind == "gremium"]
            station = at_row.get(index)
            if station is not None and station.termin is None:
                station = None  # a body without session, found after the last dated row
            if station is None and names and self._looks_like_body(" ".join(p.text for p in names)):
                if body is not None and not sessions[-1]:
                    plan.append((body, None, []))
                body = Station(location=rows[index].location, order=index)
                body.gremium = [(index, p.text) for p in names]
                body.rolle = [p.text for p in row_pieces if p.kind == "rolle"]
                if not body.rolle and len(names) == 1:
                    body.gremium, body.rolle = self._name_and_role(index, names[0].text)
                sessions.append(0)
            elif station is not None and body is not None and not names:
                plan.append((body, station, row_pieces))
                sessions[-1] += 1
            elif station is None and body is not None and not names and not sessions[-1]:
                # the body's role on a line of its own, before its sessions (a page's cells
                # copied one per line: "Stadtverordnetenversammlung" / "Entscheidung")
                body.rolle += [p.text for p in row_pieces if p.kind == "rolle"]
            elif names:
                return None
        if body is not None and not sessions[-1]:
            plan.append((body, None, []))
        if all(count == 1 for count in sessions) or len(plan) < len(stations):
            return None
        result = []
        for body, session, row_pieces in plan:
            if session is None:
                result.append(body)
                continue
            session.gremium = list(body.gremium)
            session.rolle = session.rolle or list(body.rolle)
            session.results += [p.text for p in row_pieces if p.kind == "result"]
            result.append(session)
        return result

    def _without_session(self, name: str) -> str:
        """A body's name without the session printed in a column beside it ("Gemeinderat
        Sitzung des Gemeinderates", a "Sitzung" column of komuna's list)."""
        for space in re.finditer(r"\s+", name):
            if self.words.session.match(name[space.end() :]) and self._looks_like_body(
                name[: space.start()]
            ):
                return name[: space.start()]
        return name

    def _name_and_role(self, index: int, text: str) -> tuple[list[tuple[int, str]], list[str]]:
        """A body's row that ends in its role, as the text of such a table prints it
        ("Ausschuss für Haushalt Empfehlung" / "19.08.2019" / "33. Sitzung … vertagt")."""
        start = self._role_at_end(text)
        if start is None or not self._looks_like_body(text[:start]):
            return [(index, text)], []
        return [(index, text[:start].rstrip())], [text[start:]]

    def _role_at_end(self, text: str) -> int | None:
        """Where a role phrase that ends the text begins, if one does and a name stands
        before it."""
        for match in self.lexicon.role_pattern.finditer(text):
            if match.end() == len(text) and match.start() > 0:
                return match.start()
        return None

    def _undated_station(self, pieces: list[Piece]) -> bool:
        """A table row that names a body, perhaps with its role and its workflow status, and
        nothing else: a station that has no session yet (ALLRIS lists the committee before its
        session rows)."""
        names = [p for p in pieces if p.kind == "gremium"]
        return (
            len(names) == 1
            and self._looks_like_body(names[0].text)
            and all(p.kind in ("gremium", "rolle", "result") for p in pieces)
        )

    def _ends_in_role(self, pieces: list[Piece]) -> bool:
        """A body's name that ends in its role, alone on its line: in a table's copied text
        the row of a station whose session is not set yet ("Stadtverordnetenversammlung …
        Entscheidung", no date line under it)."""
        names = [p for p in pieces if p.kind == "gremium"]
        return len(pieces) == 1 and len(names) == 1 and self._role_at_end(names[0].text) is not None

    @staticmethod
    def _belongs(piece: Piece, pieces: list[Piece], stations: list[Station]) -> bool:
        """Whether a piece after the last station still belongs to the list: a role, a result,
        the rest of a name broken off above, or the lower-case rest of a broken word."""
        if piece.kind != "gremium":
            return True
        previous = [p for p in pieces if p.row < piece.row and p.kind == "gremium"]
        if previous and (ends_mid_phrase(previous[-1].text) or piece.text[:1].islower()):
            return True
        broken = [p.text for p in pieces if p.row < piece.row] + [
            parts[-1] for s in stations for parts in (s.rolle, s.results) if parts
        ]
        return piece.text[:1].islower() and any(text.endswith("-") for text in broken)

    def _fits_headerless(self, text: str) -> bool:
        if self.lexicon.dates.pattern.search(text):
            return self._station_evidence(text) >= 1
        return len(text.split()) <= MAX_PIECE_WORDS and not text.endswith((".", ";", "!", "?"))

    def _ends_list(self, row: Row, table: int | None, started: bool, under_way: bool) -> bool:
        """Whether a row ends the list: another table, a line that introduces what follows, a
        section's heading or a header label. ``started`` once a station is read; ``under_way``
        while a station's cells are read and its date is still to come."""
        if table is not None and row.table != table and started:
            return True
        text = row.text
        if started and text.endswith(":") and not self.lexicon.is_label(text):
            return True  # a line that introduces what follows ("Freizeitbad Nordstemmen:")
        section = self.lexicon.section_of.get(key(text.split(":")[0])) if text else None
        if section is not None and (":" in text or key(text) == key(text.split(":")[0])):
            # a role that also heads a section ("Information") in the cells of a station under
            # way (a page's table copied one cell per line: body, role, then the date)
            return not (under_way and ":" not in text and self.lexicon.role(text) is not None)
        label = self.lexicon.label_field.get(key(text.split(":")[0]))
        return bool(label) and ":" in text and not self.lexicon.dates.pattern.search(text)

    def _subject_with_date(self, text: str, stations: list[Station]) -> bool:
        """A line that ends in a date and names no body, under stations that each printed
        their role after the date: a subject about that date, not a station without a role."""
        dates = list(self.lexicon.dates.pattern.finditer(text))
        if len(dates) != 1 or text[dates[0].end() :].strip():
            return False
        name = text[: dates[0].start()].strip()
        return (
            len(name.split()) >= MIN_SUBJECT_WORDS
            and not self._looks_like_body(name)
            and all(station.rolle for station in stations)
        )

    def _parse_row(
        self, row: Row, columns: list[Column], index: int
    ) -> tuple[Station | None, list[Piece]]:
        """Type what one row says. A row with a date becomes a station, and so does a row whose
        date cell says the session is not yet set; the pieces of rows without one are handed
        out later."""
        station: Station | None = None
        undated = self._undated(row)
        if undated is not None:
            # "Gemeinderat   noch offen   Entscheidung": a station, not the rest of a name; its
            # cells read as those around a date
            station = Station(location=row.location, termin_text=fold(undated.text))
            filled = [cell for cell in row.cells if fold(cell.text)]
            position = filled.index(undated)
            station.gremium.append((index, fold(" ".join(c.text for c in filled[:position]))))
            station.own_gremium = True
            after = fold(" ".join(c.text for c in filled[position + 1 :]))
            if after:
                self._scan_after_date(after, station, columns, index)
            return station, []
        cells = self._cells_by_column(row, columns)
        pieces: list[Piece] = []
        marks = self._marks(row, columns)
        for kind, cell_text in cells:
            # A committee cell may hold the name and "TOP öffentlich" on separate lines; other
            # cells are one value wrapped over lines ("nicht" / "öffentlich").
            lines = cell_text.split("\n") if kind in (None, "gremium") else [cell_text]
            for line in lines:
                line = fold(line)
                if not line:
                    continue
                match = (
                    self.lexicon.dates.pattern.search(line)
                    if kind in (None, "termin", "gremium")
                    else None
                )
                if match and station is None:
                    station = Station(location=row.location)
                    station.termin = self.lexicon.dates.parse(match)
                    station.termin_text = match.group().strip()
                    before, after = line[: match.start()].strip(), line[match.end() :].strip()
                    before = self.words.date_preposition.sub("", _TRAILING_DASH.sub("", before))
                    role_before = self._role_at_end(before)
                    if role_before is not None:
                        # the role's column stands between the body and the date, with one
                        # space to tell them apart ("Rat der Stadt beschließend 25.04.2024")
                        station.rolle.append(before[role_before:])
                        before = before[:role_before].rstrip()
                    role_in_brackets = _BRACKETED.search(before)
                    if role_in_brackets and self.lexicon.role(role_in_brackets.group(1)):
                        station.rolle.append(role_in_brackets.group(1))
                        before = fold(
                            before[: role_in_brackets.start()] + before[role_in_brackets.end() :]
                        )
                    before = self._body_of_session(before)
                    if before:
                        station.gremium.append((index, before))
                        station.own_gremium = True
                    if after:
                        self._scan_after_date(after, station, columns, index)
                    continue
                self._typed(kind, line, station, pieces, index)
        if station is not None:
            if marks is not None:
                station.oeffentlich = marks
            for piece in [p for p in pieces if p.kind in ("top", "oeffentlich", "einladung")]:
                self._apply(station, piece)
            pieces = [p for p in pieces if p.kind not in ("top", "oeffentlich", "einladung")]
            for piece in [p for p in pieces if p.kind == "gremium" and p.row == index]:
                station.gremium.append((index, piece.text))
                station.own_gremium = True
                pieces.remove(piece)
            for piece in [p for p in pieces if p.kind in ("rolle", "result") and p.row == index]:
                (station.rolle if piece.kind == "rolle" else station.results).append(piece.text)
                pieces.remove(piece)
        return station, pieces

    def _undated(self, row: Row) -> Cell | None:
        """The cell that stands for a session's date not yet set ("noch offen", "-"), in a row
        that starts with a body's name and prints no date."""
        cells = [cell for cell in row.cells if fold(cell.text)]
        if len(cells) < 2 or not self._looks_like_body(cells[0].text):
            return None
        if self.lexicon.dates.pattern.search(row.text):
            return None
        return next((c for c in cells[1:] if self.words.no_date.fullmatch(fold(c.text))), None)

    def _cells_by_column(self, row: Row, columns: list[Column]) -> list[tuple[str | None, str]]:
        """The row's cells with the column each stands in, where that can be told: by position
        where header and row both have positions, by order where both are logical cells (a
        table, tab-separated text). Otherwise (a header without positions over a line split at
        spaces) the cells are typed by their content alone."""
        logical = row.table is not None or any(c.x0 is None for c in row.cells)
        cells = list(row.cells) if logical else [c for c in row.cells if fold(c.text)]
        filled = [c for c in cells if fold(c.text)]
        if not columns:
            return self._content_typed(row, filled)
        positioned = all(c.x0 is not None for c in columns)
        if positioned and all(c.x0 is not None for c in filled):
            if len(cells) == len(columns):
                return [
                    (_kind(col), c.text)
                    for col, c in zip(columns, cells, strict=True)
                    if fold(c.text)
                ]
            return [(_kind(_nearest(columns, c)), c.text) for c in filled]
        if not logical or positioned or len(cells) > len(columns):
            return self._content_typed(row, filled)
        if len(cells) == 1 and len(columns) > 2:
            return self._content_typed(row, filled)
        return [
            (_kind(column), cell.text)
            for column, cell in zip(columns, cells, strict=False)
            if fold(cell.text)
        ]

    @staticmethod
    def _content_typed(row: Row, filled: list[Cell]) -> list[tuple[str | None, str]]:
        """Cells without a column: a table's cells stay apart (each is one value), a line is
        read as one text, since its gaps need not be column borders."""
        if row.table is not None:
            return [(None, c.text) for c in filled]
        return [(None, row.text)] if filled else []

    def _marks(self, row: Row, columns: list[Column]) -> bool | None:
        """Public/non-public from an X under the ö or the nö column. In text with single spaces
        between columns an empty column shows only as one more space, so the X's column is
        counted from the spaces after the date's row entries."""
        kinds = [c.kind for c in columns]
        if "mark_oeffentlich" not in kinds or "mark_nichtoeffentlich" not in kinds:
            return None
        if row.raw is not None and row.table is None:
            match = self.lexicon.dates.pattern.search(row.raw)
            if not match:
                return None
            tokens = row.raw[match.end() :].lstrip(" ").split(" ")
            after_date = kinds[kinds.index("termin") + 1 :]
            for column, token in zip(after_date, tokens, strict=False):
                if token.upper() == "X":
                    if column == "mark_oeffentlich":
                        return True
                    if column == "mark_nichtoeffentlich":
                        return False
            return None
        for cell in row.cells:
            if fold(cell.text).upper() == "X" and cell.x0 is not None:
                column = _nearest(columns, cell)
                if column.kind == "mark_oeffentlich":
                    return True
                if column.kind == "mark_nichtoeffentlich":
                    return False
        return None

    def _scan_after_date(
        self, text: str, station: Station, columns: list[Column], index: int
    ) -> None:
        """Claim TOP, invitation, public mark, role and result words after the date; what is left
        is the committee where the date comes first, else an unknown role or a result."""
        has_role_column = any(c.kind in ("rolle", "status") for c in columns)
        free: list[str] = []
        tokens = self._tokens(text, allow_bare_numbers=True)
        for position, (kind, part) in enumerate(tokens):
            counted = kind == "top" and not self._top_column  # "2 Enth." in a result column
            if (kind in ("free", "rolle") or counted) and _after_result(tokens, position):
                # "Einstimmig bei zwei Enthaltungen", "Einstimmig lt. geändertem Beschluss"
                kind = "result"
            if kind == "free":
                free.append(part)
            elif kind == "rolle":
                station.rolle.append(part)
            elif kind == "result":
                station.results.append(part)
            else:
                self._apply(station, Piece(kind, part, index))
        if free:
            rest = " ".join(free)
            if not station.gremium:
                station.gremium.append((index, rest))
                station.own_gremium = True
            elif has_role_column and not station.rolle and not station.results:
                station.rolle.append(rest)
            else:
                # words among the vote column's ("Stimmen und einer Enthaltung") are results
                station.results.append(rest)

    def _typed(
        self, kind: str | None, line: str, station: Station | None, pieces: list[Piece], index: int
    ) -> None:
        """A line of a cell (or a row without date), typed by its column or its content."""
        if kind in ("einladung", "top") and station is not None:
            self._apply(station, Piece(kind, line, index))
            return
        if kind == "einladung":
            pieces.append(Piece("einladung", line, index))
            return
        if len(self._mark_columns) > 1 and BOX.fullmatch(line):
            # text of a table whose ö and nö columns hold check boxes, one per line
            pieces.append(Piece("box", line, index))
            return
        # a bare number in a list with a TOP column is the agenda item ("4 X" under the row
        # whose date broke over two lines), never part of a body's name
        bare = kind in ("top", "oeffentlich", "status") or (kind is None and self._top_column)
        tokens = self._tokens(line, allow_bare_numbers=bare)
        if not tokens:
            return  # only marks such as a status bullet
        claimed = all(t != "free" for t, _ in tokens)
        if self.words.session.match(line) or self.words.votes.match(line) or self._of_body(line):
            pieces.append(Piece("result", line, index))
            return
        if claimed and tokens:
            for token_kind, part in tokens:
                pieces.append(Piece(token_kind, part, index))
            return
        if kind in ("rolle", "status") and not self._looks_like_body(line):
            pieces.append(Piece("rolle", line, index))
        elif kind in ("ergebnis", "mark_oeffentlich", "mark_nichtoeffentlich"):
            pieces.append(Piece("result", line, index))
        elif (
            tokens
            and tokens[0][0] in ("rolle", "result")
            and kind is None
            and not self._looks_like_body(line)
            and not _phrase_opens_sentence(tokens)
        ):
            # a role's and a result column's lines side by side ("Beratung und Beschluss-
            # 14 Ja-Stimmen/11 Nein-Stimmen/1"): each part to its kind, unclaimed words to
            # the part before them, all after a result to the result
            parts: list[tuple[str, str]] = []
            for token_kind, part in tokens:
                if parts and (
                    token_kind == "free"
                    or parts[-1][0] in (token_kind, "result")  # the result column comes last
                ):
                    parts[-1] = (parts[-1][0], f"{parts[-1][1]} {part}")
                else:
                    parts.append((token_kind, part))
            pieces.extend(Piece(token_kind, part, index) for token_kind, part in parts)
        elif kind is None and tokens[0][0] == "free" and any(t == "result" for t, _ in tokens):
            # a name's line that a vote column's line shares ("Fachausschuss Klimaschutz, Bau
            # 7 Ja-Stimmen und 2 Nein-Stimmen lt."): the name up to the first result
            first = next(i for i, (t, _) in enumerate(tokens) if t == "result")
            name = " ".join(part for _, part in tokens[:first])
            pieces.append(Piece("gremium", name, index))
            # the result column comes last: all after its first word is the result
            pieces.append(Piece("result", " ".join(part for _, part in tokens[first:]), index))
        else:
            pieces.append(Piece("gremium", line, index))

    def _of_body(self, line: str) -> bool:
        """A session's line whose word "Sitzung" a copied page lost: "des Schulausschusses
        beschlossen" under the date, in lower case, where a body's name starts upper case."""
        first, _, rest = line.partition(" ")
        if first not in self.words.session_articles:
            return False
        words = rest.split()
        return any(
            self._looks_like_body(_nominative(" ".join(words[i:]), self.lexicon))
            for i in range(min(len(words), MAX_SESSION_NAME_WORDS))
        )

    def _tokens(self, text: str, allow_bare_numbers: bool) -> list[tuple[str, str]]:
        tokens: list[tuple[str, str]] = []
        position = 0
        free: list[str] = []

        def flush() -> None:
            if free:
                tokens.append(("free", " ".join(free)))
                free.clear()

        while position < len(text):
            rest = text[position:]
            stripped = rest.lstrip()
            position += len(rest) - len(stripped)
            if not stripped:
                break
            claim = self._claim(stripped, allow_bare_numbers)
            if claim is not None:
                flush()
                kind, length = claim
                if kind != "ignore":
                    tokens.append((kind, fold(stripped[:length])))
                position += length
                continue
            word = stripped.split(" ", 1)[0]
            free.append(word)
            position += len(word)
        flush()
        return tokens

    def _claim(self, text: str, allow_bare_numbers: bool) -> tuple[str, int] | None:
        votes = self.words.votes.match(text)
        if votes:
            return "result", votes.end()
        role = self.lexicon.role_pattern.match(text)
        result = self.lexicon.result_pattern.match(text)
        if role and (not result or role.end() >= result.end()):
            end = role.end()
            if text[end : end + 1] == "-" and text[end + 1 : end + 2] in ("", " "):
                end += 1  # "Beratung und Beschluss-" broken before the rest of its word
            return "rolle", end
        if result:
            return "result", result.end()
        joined = self._run_together(text)
        if joined is not None:
            return joined
        if re.fullmatch(r"\d{1,2}\.\s*\w+", text) and self.lexicon.numbers.revision.match(
            f" {text}"
        ):
            return "result", len(text)  # the revision discussed there ("1. Ergänzung")
        hyphenated = re.match(r"^[\wäöüÄÖÜß ]+-$", text)
        if hyphenated and (
            self.lexicon.role_pattern.search(text) or self.lexicon.begins_role(text[:-1])
        ):
            return "rolle", len(text)
        top = self.words.top_label.match(text)
        if top:
            return "top", top.end()
        public = self.words.public.match(text)
        if public and (len(public.group(1)) > 2 or allow_bare_numbers):
            return "oeffentlich", public.end()
        first = text.split(" ", 1)[0]
        if _EINLADUNG.match(first):
            return "einladung", len(first)
        if allow_bare_numbers and self.words.top.match(first):
            return "top", len(first)
        if _IGNORED.match(first):
            return "ignore", len(first)
        return None

    def _run_together(self, text: str) -> tuple[str, int] | None:
        """A role or result phrase that the next phrase follows without a space, as text layers
        that lost their spaces print a role and a vote side by side ("einstimmiglt.Beschluss-
        vorschlag"); only where that next phrase is one the lexicon knows too, so that a word
        that merely begins like a phrase ("Einstimmigkeit") stays whole."""
        for kind, start in (
            ("result", self.lexicon.result_start),
            ("rolle", self.lexicon.role_start),
        ):
            match = start.match(text)
            if match is None or not match.group()[-1:].isalnum():
                continue
            rest = text[match.end() :]
            if rest[:1].isalnum() and (
                self.lexicon.role_pattern.match(rest) or self.lexicon.result_pattern.match(rest)
            ):
                return kind, match.end()
        return None

    def _body_on_date(self, text: str) -> bool:
        """A station in the form "Gemeinderat am 23.10.2025 Entscheidung": a short name that
        ends in a body's word before "am" or "vom", which in prose follows a verb ("Der Rat
        hat am …")."""
        match = self.words.body_date.match(text)
        if match is None:
            return False
        words = self._body_of_session(match.group("name")).split()
        return (
            0 < len(words) <= MAX_NAME_WORDS_BEFORE_DATE
            and self.words.body.fullmatch(words[-1]) is not None
        )

    def _body_of_session(self, name: str) -> str:
        """The body where a row names its session ("Sitzung des Gemeinderates am …"): the
        body in the nominative, as the other rows print it."""
        session = self.words.session.match(name)
        if session is None:
            return name
        article, _, body = name[session.end() :].strip().partition(" ")
        if article.casefold() not in self.words.session_articles or not body:
            return name
        return (
            _nominative(body, self.lexicon) if article.casefold() in self.words.genitive else body
        )

    def _looks_like_body(self, text: str) -> bool:
        return self.words.body.search(text) is not None

    def _apply(self, station: Station, piece: Piece) -> None:
        if piece.kind == "top":
            match = self.words.top_label.match(piece.text) or self.words.top.match(piece.text)
            number = match.group("n") if match else piece.text
            if number and station.top is None:
                station.top = fold(number)
        elif piece.kind == "einladung":
            station.einladung = station.einladung or piece.text
        elif piece.kind == "oeffentlich":
            station.oeffentlich = key(piece.text) in self.words.public_keys
        elif piece.kind == "box" and len(station.boxes) < len(self._mark_columns):
            station.boxes.append(bool(TICKED.fullmatch(piece.text)))
            if len(station.boxes) == len(self._mark_columns) and station.boxes.count(True) == 1:
                ticked = self._mark_columns[station.boxes.index(True)]
                station.oeffentlich = ticked == "mark_oeffentlich"

    def _assign(self, stations: list[Station], pieces: list[Piece]) -> None:
        """Hand each piece of a dateless row to the station it belongs to."""
        previous: dict[str, tuple[Piece, Station]] = {}
        broken: list[tuple[str, Station, int]] = [
            (kind, station, station.order)
            for station in stations
            for kind, parts in (("rolle", station.rolle), ("result", station.results))
            if parts and parts[-1].endswith("-")
        ]
        """Words broken over rows whose rest has not come yet: (kind, station, row)."""
        stacks = _stacks(stations)
        queue: list[tuple[Piece, tuple[str, Station, int] | None]] = [
            (piece, None) for piece in reversed(pieces)
        ]
        while queue:
            piece, owner = queue.pop()
            target = None
            earlier = [entry for entry in broken if entry[2] < piece.row and _open(entry)]
            first, _, rest = piece.text.partition(" ")
            head, _, last = piece.text.rpartition(" ")
            if owner is None and len(earlier) > 1 and _word_rest(piece.text) and _word_rest(rest):
                # the rests of two words broken side by side, in the order of their columns
                # ("Kindertagesstät-" … "lt. Be-" / "ten schlussvorlage")
                left, right = sorted(earlier, key=lambda entry: _COLUMN_ORDER[entry[0]])[:2]
                queue += [(Piece(piece.kind, rest, piece.row), right)]
                queue += [(Piece(piece.kind, first, piece.row), left)]
                continue
            completed = self._completes(earlier, last) if head and _word_rest(last) else None
            if owner is None and completed is not None:
                # a name's line that ends with the rest of a word broken in a column to its
                # right ("und Umwelt schlussvorschlag" under "lt. Be-")
                queue += [(Piece(piece.kind, last, piece.row), completed)]
                queue += [(Piece(piece.kind, head, piece.row), None)]
                continue
            if owner is not None:
                if owner in broken:
                    broken.remove(owner)
                target = owner[1]
                piece = Piece(owner[0], piece.text, piece.row)
            elif earlier and _word_rest(piece.text):
                # the rest of a word broken over rows ("Beschlussfas-" / "sung"), given to
                # the broken word it completes into a known phrase, else to the latest one
                kind, target = self._completed(broken, earlier, piece.text)
                piece = Piece(kind, piece.text, piece.row)
            else:
                above = next((s for s in reversed(stations) if s.order <= piece.row), None)
                below = next((s for s in stations if s.order > piece.row), None)
                target = self._target(piece, above, below, previous.get(piece.kind))
                if target is not None and target is above and id(above) in stacks:
                    target = _next_in_stack(stacks[id(above)], piece, previous) or target
            if target is None:
                continue
            if piece.kind in ("gremium", "rolle", "result") and piece.text.endswith("-"):
                broken.append((piece.kind, target, piece.row))
            if piece.kind == "gremium":
                target.gremium.append((piece.row, piece.text))
            elif piece.kind == "rolle":
                target.rolle.append(piece.text)
            elif piece.kind == "result":
                target.results.append(piece.text)
            else:
                self._apply(target, piece)
            previous[piece.kind] = (piece, target)

    def _result_goes_on(self, previous: str, text: str) -> bool:
        """Whether a row goes on a result phrase the row above broke off ("… Enthaltung lt." /
        "Beschlussvorschlag"), even where it reads like a heading on its own."""
        joined = f"{previous.rsplit(' ', 1)[-1]} {text.split(' ', 1)[0]}"
        return self.lexicon.result_pattern.fullmatch(joined) is not None

    def _completes(
        self, earlier: list[tuple[str, Station, int]], rest: str
    ) -> tuple[str, Station, int] | None:
        """The broken role or result word that ``rest`` completes into a word the lexicon
        knows ("Be-" + "schlussvorschlag"), if one does."""
        for entry in reversed(earlier):
            kind, station, _ = entry
            parts = (
                station.rolle if kind == "rolle" else station.results if kind == "result" else []
            )
            if not parts:
                continue
            word = join_lines([parts[-1].rsplit(" ", 1)[-1], rest])
            if self.lexicon.role(word) or self.lexicon.result_pattern.fullmatch(word):
                return entry
        return None

    def _completed(
        self,
        broken: list[tuple[str, Station, int]],
        earlier: list[tuple[str, Station, int]],
        rest: str,
    ) -> tuple[str, Station]:
        """Which broken word (printed before the rest) a lower-case rest completes: the one it
        turns into a role the lexicon knows, else the latest; that one is no longer open."""
        chosen = earlier[-1]
        for entry in reversed(earlier):
            kind, station, _ = entry
            completed = join_lines([station.rolle[-1], rest]) if station.rolle else ""
            if kind == "rolle" and self.lexicon.role(completed):
                chosen = entry
                break
        broken.remove(chosen)
        return chosen[0], chosen[1]

    @staticmethod
    def _target(
        piece: Piece,
        above: Station | None,
        below: Station | None,
        previous: tuple[Piece, Station] | None,
    ) -> Station | None:
        if previous is not None:
            last_piece, last_station = previous
            if (last_station is above or last_station is below) and (
                ends_mid_phrase(last_piece.text) or piece.text[:1].islower()
            ):
                return last_station
        if above is None or below is None:
            return above or below
        slot = {"gremium": "gremium", "rolle": "rolle", "result": "results"}.get(piece.kind)
        if slot is None:
            return above
        above_filled = bool(getattr(above, slot))
        below_filled = bool(getattr(below, slot)) or (slot == "gremium" and below.own_gremium)
        if above_filled and not below_filled:
            return below
        if below_filled and not above_filled:
            return above
        if slot != "gremium":
            # a role or result printed under its row's own line, as text extraction of a
            # table emits the rest of a row after its first cells
            return above
        return above if piece.row - above.order <= below.order - piece.row else below

    def _finish(self, station: Station) -> ParsedStation:
        if not station.rolle and len(station.gremium) == 1:
            station.gremium, station.rolle = self._name_and_role(*station.gremium[0])
        rolle_text = join_lines(station.rolle) if station.rolle else None
        gremium = join_lines([text for _, text in sorted(station.gremium, key=lambda p: p[0])])
        corporation = self.words.corporation.search(gremium)
        if corporation is not None and corporation.start() > 0:
            # "Gemeinderat (Gemeinde Pettendorf) 1. Gemeinderat": the body's corporation, then
            # the session's name, neither of them the body's name
            gremium = gremium[: corporation.start()]
        einladung = station.einladung
        session = _BRACKETED.search(gremium)
        if session is not None and self.words.session.match(session.group(1)):
            # "Rat (8. Sitzung)": the session beside the body, not part of its name
            einladung = einladung or fold(session.group(1))
            gremium = fold(gremium[: session.start()] + " " + gremium[session.end() :])
        gremium = self._without_session(gremium)
        labels = self.lexicon.built(_trailing_column_labels).search(gremium)
        if labels is not None and labels.start() > 0:
            # a form's empty columns run into the row ("Rat Sitzungstermin: Abstimmungsergebnis:")
            gremium = gremium[: labels.start()].rstrip()
        return ParsedStation(
            gremium=gremium,
            rolle=self.lexicon.role(rolle_text) if rolle_text else None,
            rolle_text=rolle_text,
            termin=station.termin,
            termin_text=station.termin_text,
            einladung=einladung,
            top=station.top,
            oeffentlich=station.oeffentlich,
            location=station.location,
        )

    # -- a consultation written as a sentence --------------------------------------------------

    def _sentences(self, rows: list[Row]) -> list[ParsedStation]:
        """Consultations written as sentences: "Beschluss des Bezirksausschusses … vom
        14.01.2021", "Vorberatung im Bauausschuss am 12.05.2025 (öffentlich)", or the body first
        ("Bauausschuss am 12.05.2025 zur Vorberatung"). The public status stands in brackets
        after the date or on one of the next lines ("Öffentliche Sitzung")."""
        found: list[ParsedStation] = []
        joined_with_previous = False
        """Whether the row before was read together with this one."""
        for index, row in enumerate(rows):
            if joined_with_previous:
                joined_with_previous = False
                continue
            stations = self._stations_in_sentence(row.text)
            following = rows[index + 1] if index + 1 < len(rows) else None
            if following is not None and not following.paragraph_start:
                # a sentence wrapped in its paragraph: "… zur Beschlussfassung im" / "Rat am …"
                joined = self._stations_in_sentence(f"{row.text} {following.text}")
                if len(joined) > len(stations):
                    stations, joined_with_previous = joined, True
            last = index + 1 if joined_with_previous else index
            for gremium, role_word, date_match, after in stations:
                public = (
                    self.lexicon.publicity(after.split(")")[0]) if after.startswith("(") else None
                )
                for neighbour in rows[last + 1 : last + 3] if public is None else ():
                    if self.lexicon.sitzungsteil_line.fullmatch(neighbour.text):
                        public = self.lexicon.publicity(neighbour.text) == "öffentlich"
                        break
                if isinstance(public, str):
                    public = public == "öffentlich"
                termin = self.lexicon.dates.parse(date_match)
                if any(s.gremium == gremium and s.termin == termin for s in found):
                    continue
                found.append(
                    ParsedStation(
                        gremium=gremium,
                        rolle=self.lexicon.role(role_word),
                        rolle_text=role_word,
                        termin=termin,
                        termin_text=date_match.group().strip(),
                        einladung=None,
                        top=None,
                        oeffentlich=public,
                        location=row.location,
                    )
                )
        return found

    def _stations_in_sentence(self, text: str) -> list[tuple[str, str, re.Match[str], str]]:
        """Every station one sentence names, in order: "zur Vorberatung im Bauausschuss am
        12.05.2025 und zur Beschlussfassung im Gemeinderat am 26.05.2025"."""
        stations = []
        parsed = self._role_first(text) or self._body_first(text)
        while parsed is not None:
            stations.append(parsed)
            parsed = self._role_first(parsed[3])
        return stations

    def _in_prose(self, text: str) -> bool:
        """A date inside a sentence ("… des Jahresergebnisses zum 31.12.2019", "Der Kassenstand
        hat am 16.09.2008 …"): a preposition stands right before it, where a station prints a
        body's name."""
        match = self.lexicon.dates.pattern.search(text)
        return match is not None and self.words.in_prose.search(text[: match.start()]) is not None

    def _role_first(self, text: str) -> tuple[str, str, re.Match[str], str] | None:
        if self.words.preposition_date.search(text) is None:
            return None
        match = next(
            (
                found
                for found in self.words.sentence.finditer(text)
                # "Aufgrund der Beratung im Hauptausschuss am …": a session told of
                if not self.words.narrative.search(text, 0, found.start())
            ),
            None,
        )
        if not match:
            return None
        date_match = self.lexicon.dates.pattern.match(text[match.end() :])
        if not date_match:
            return None
        gremium = fold(match.group("gremium"))
        if match.group("article").casefold() in self.words.genitive:
            gremium = _nominative(gremium, self.lexicon)
        after = text[match.end() + date_match.end() :].strip()
        return gremium, match.group("role"), date_match, after

    def _body_first(self, text: str) -> tuple[str, str, re.Match[str], str] | None:
        """ "Bauausschuss am 12.05.2025 zur Vorberatung (öffentlich)": a body's name, "am" or
        "vom", the date, then a role phrase."""
        match = self.words.body_date.match(text)
        if match is None or not self._looks_like_body(match.group("name")):
            return None
        date_match = self.lexicon.dates.pattern.match(text, match.end())
        if date_match is None:
            return None
        rest = text[date_match.end() :].strip()
        role = self.lexicon.role_pattern.match(rest)
        if role is None:
            return None
        return fold(match.group("name")), role.group(), date_match, rest[role.end() :].strip()


MAX_STATION_LABEL_ROWS = 6
"""How far below a station's body label its date label may stand (the form's other labels
between them)."""


def _station_labels(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = lexicon.data.get("beratungsfolge", {}).get("words", {})

    def labelled(labels: list[str]) -> re.Pattern[str]:
        return re.compile(
            rf"^{alternatives(labels, space=' ')}\s*:\s*(?P<value>\S.{{2,120}})$", re.IGNORECASE
        )

    return labelled(words.get("station_labels", [])), labelled(words.get("station_date_labels", []))


def _role_column(columns: list[Column] | None, stations: list[ParsedStation]) -> bool | None:
    """A role column is one headed Zuständigkeit, Rolle …, or a STATUS column that holds roles
    (in other templates STATUS holds öffentlich / nicht öffentlich)."""
    if not columns:
        return None
    kinds = {column.kind for column in columns}
    if "rolle" in kinds:
        return True
    return "status" in kinds and any(station.rolle for station in stations)


def _column_labels(lexicon: Lexicon) -> list[str]:
    return [
        label
        for labels in lexicon.data.get("beratungsfolge", {}).get("columns", {}).values()
        for label in labels
    ]


MIN_COLUMN_STATIONS = 2
"""Bodies in a row that a column-by-column grid needs: one body over its date is a row."""
MAX_GRID_STATIONS = 12
MAX_GRID_COLUMNS = 4
"""A column-by-column grid's size: its bodies, roles and public marks stand above its dates."""
MAX_DATE_CELL = 40
"""The longest line that may be a date alone ("Dienstag, 14. Oktober 2025")."""


def _trailing_column_labels(lexicon: Lexicon) -> re.Pattern[str]:
    """Column labels with their colons at the end of a body's name, the last colon optional."""
    label = alternatives(_column_labels(lexicon))
    return re.compile(rf"(?:\s+{label}:)*\s+{label}:?$")


def _phrase_opens_sentence(tokens: list[tuple[str, str]]) -> bool:
    """Whether a role word only opens a longer text of words no column claims ("Information
    zur Optimierung des Angebots Kinderspielplätze", a subject under the list)."""
    return (
        len(tokens) == 2
        and tokens[0][0] == "rolle"
        and tokens[1][0] == "free"
        and len(tokens[1][1].split()) > MAX_NAME_REST_WORDS
    )


def _name_the_stacked(stations: list[Station]) -> None:
    """A date without a name on a row next to a named station's row is another session of that
    body, its dates stacked in one cell ("03.09.2007" / "Ratsgruppe SPD 17.09.2007 Beratung" /
    "08.10.2007"): it takes the nearest such name, and its role where it prints none."""
    for index, station in enumerate(stations):
        if station.gremium:
            continue
        named = [
            other for other in _contiguous(stations, index) if other.gremium and other.own_gremium
        ]
        if not named:
            continue
        nearest = min(named, key=lambda other: abs(other.order - station.order))
        station.gremium = [(station.order, text) for _, text in nearest.gremium]
        if not station.rolle:
            station.rolle = list(nearest.rolle)


def _contiguous(stations: list[Station], index: int) -> list[Station]:
    """The stations on the unbroken run of consecutive rows through ``stations[index]``."""
    start = end = index
    while start > 0 and stations[start - 1].order == stations[start].order - 1:
        start -= 1
    while end + 1 < len(stations) and stations[end + 1].order == stations[end].order + 1:
        end += 1
    return stations[start : end + 1]


def _stacks(stations: list[Station]) -> dict[int, list[Station]]:
    """Sessions of one body printed as dates one under another in its cell ("17.03.2026" /
    "14.04.2026"), their agenda items, marks and roles stacked the same way below: each run of
    such stations on consecutive rows, under the id of its last station."""
    stacks: dict[int, list[Station]] = {}
    run: list[Station] = []
    for station in stations:
        if run and station.order == run[-1].order + 1 and not station.gremium:
            run.append(station)
            continue
        if len(run) > 1:
            stacks[id(run[-1])] = run
        run = [station]
    if len(run) > 1:
        stacks[id(run[-1])] = run
    return stacks


def _next_in_stack(
    stack: list[Station], piece: Piece, previous: dict[str, tuple[Piece, Station]]
) -> Station | None:
    """The station of a stack a value printed below it belongs to: the first still without a
    value of its kind, unless the piece goes on a phrase broken off above."""
    last = previous.get(piece.kind)
    if last is not None and last[1] in stack and ends_mid_phrase(last[0].text):
        return last[1]
    filled = {
        "top": lambda s: s.top is not None,
        "oeffentlich": lambda s: s.oeffentlich is not None,
        "rolle": lambda s: bool(s.rolle),
    }.get(piece.kind)
    if filled is None:
        return None
    return next((station for station in stack if not filled(station)), None)


def _other_date_style(first: Station, text: str, lexicon: Lexicon) -> bool:
    """Whether a row's date is printed otherwise than the list's first date: a two-digit year
    against four, or the month as a word against digits. One list prints its dates alike, so the
    row is something else after the list: a product number ("11.01.13"), a date in a sentence
    ("vom 18. Dezember 2012")."""
    match = lexicon.dates.pattern.search(text)
    if match is None or first.termin_text is None:
        return False
    first_match = lexicon.dates.pattern.search(first.termin_text)
    if first_match is None:
        return False
    shorter_year = _FULL_YEAR.search(first.termin_text) is not None and not _FULL_YEAR.search(
        match.group()
    )
    return shorter_year or _month_in_words(first_match) != _month_in_words(match)


def _month_in_words(match: re.Match[str]) -> bool:
    return any(match.group(name) for name in ("mw", "mw3", "mw5"))


_FULL_YEAR = re.compile(r"\d{4}\b")

_COLUMN_ORDER = {"gremium": 0, "rolle": 1, "result": 2}
"""The usual order of a Beratungsfolge's columns, left to right."""


def _open(entry: tuple[str, Station, int]) -> bool:
    """Whether a name broken at a row still waits for its rest: not where a later line of the
    same name has come ("Wirt-" / "schaftsförderung, Marketing und 06.12.2022 …")."""
    kind, station, row = entry
    return kind != "gremium" or all(part_row <= row for part_row, _ in station.gremium)


def _after_result(tokens: list[tuple[str, str]], position: int) -> bool:
    """Whether words follow a result word of the same line: the result column comes last, so
    they belong to the result."""
    return any(kind == "result" for kind, _ in tokens[:position])


def _word_rest(text: str) -> bool:
    """Whether a text can be the rest of a word broken with a hyphen: it starts in lower case
    with that rest, not with a word of its own ("und Umwelt" goes on a name)."""
    return text[:1].islower() and not continues_suspended_hyphen(text)


def _names_wrap_below(stations: list[Station], pieces: list[Piece]) -> bool:
    """Whether the list's names go on below their dated rows: a name that starts on a station's
    row broken off mid-phrase continues on the row right after it ("Haupt- und … 18.04.2024" /
    "Finanzausschuss")."""
    return any(
        station.own_gremium
        and ends_mid_phrase(station.gremium[-1][1])
        and any(p.kind == "gremium" and p.row == station.order + 1 for p in pieces)
        for station in stations[:-1]
    )


def _date_continues(row: Row, following: Row | None, lexicon: Lexicon) -> bool:
    """Whether a row ends with a day and month whose year starts the next row."""
    return (
        following is not None
        and not following.used
        and following.table == row.table
        and lexicon.dates.pattern.search(row.text) is None
        and lexicon.dates.partial_end.search(row.text) is not None
        and YEAR_START.match(following.text) is not None
    )


def _kind(column: Column) -> str | None:
    return None if column.kind == UNKNOWN else column.kind


def _names_a_list(columns: list[Column]) -> bool:
    """Whether column labels name a Beratungsfolge: a date and a body, role, TOP or status,
    with at most one label the lexicon does not know."""
    kinds = {c.kind for c in columns}
    unknown = sum(c.kind == UNKNOWN for c in columns)
    return (
        unknown <= MAX_UNKNOWN_LABELS
        and len(columns) - unknown >= 2
        and "termin" in kinds
        and bool(kinds & {"gremium", "top", "rolle", "status"})
    )


def _nearest(columns: list[Column], cell: Cell) -> Column:
    def distance(column: Column) -> float:
        if column.x0 is None or cell.x0 is None:
            return float("inf")
        overlap = min(column.x1 or column.x0, cell.x1 or cell.x0) - max(column.x0, cell.x0)
        if overlap > 0:
            return -overlap
        return min(abs(column.x0 - cell.x0), abs((column.x1 or column.x0) - (cell.x1 or cell.x0)))

    return min(columns, key=distance)


_SHORTEST_GENITIVE = 5
"""A shorter head noun is no genitive to shorten."""


def _nominative(gremium: str, lexicon: Lexicon) -> str:
    """The head noun of a genitive body name in the nominative: "Bezirksausschusses des 25.
    Stadtbezirkes" → "Bezirksausschuss des 25. Stadtbezirkes", by the lexicon's genitive
    endings."""
    head, _, rest = gremium.partition(" ")
    endings = lexicon.data.get("language", {}).get("genitive_endings", {})
    whole = endings.get(head.casefold())
    if whole:
        # the head noun is a whole ending: "Rates der Stadt" → "Rat der Stadt"
        head = whole[:1].upper() + whole[1:] if head[:1].isupper() else whole
    elif len(head) > _SHORTEST_GENITIVE:
        ending = next((e for e in endings if head.endswith(e)), None)
        if ending is not None:
            head = head[: len(head) - len(ending)] + endings[ending]
    return f"{head} {rest}".strip()
