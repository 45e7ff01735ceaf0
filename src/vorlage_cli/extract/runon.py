"""Text run into one line: a form's labels and sections back on lines of their own.

Some tools keep no line breaks when they take the text out of a PDF: a portal's file page (an
OParl file's ``text``) shows a whole Word form as one line ("Drucksache: WP8-64/2012 …
Beratungsfolge: Rat der Stadt Bedburg … Betreff: … Beschlussvorschlag: … Begründung: …"). Every
strategy of the extractor works on lines, so such a line is broken before each label the
lexicon knows, where the label is followed by its colon. A paragraph of prose may mention one
label or two with a colon, hardly three different ones: only such a line is broken. A
Beratungsfolge grid in such a line, column by column, is broken into its cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from vorlage_cli.extract.lexicon import Lexicon
from vorlage_cli.extract.rows import Row
from vorlage_cli.extract.textutil import alternatives, key, title_case_heading
from vorlage_cli.layout import Cell

MIN_LABELS = 3
"""Different labels with their colons that make a line a run-together form rather than a
paragraph."""
_ASIDE = r"(?: \([^()]{1,40}\))?"
"""A remark in brackets between a label and its colon: "Beratungsfolge (Änderungen
vorbehalten):"."""
_DECIDING_SECTIONS = ("beschlussvorschlag", "sachdarstellung", "finanzielle_auswirkungen")
"""The sections whose headings also break a long line after a sentence's end."""
_MAIN_SECTIONS = ("betreff", *_DECIDING_SECTIONS, "anlagen")
"""The sections whose headings break a run-together form's line."""
MIN_LENGTH = 300
"""Characters below which a line is a form's line of its own, never a whole form."""


def _labels(lexicon: Lexicon) -> re.Pattern[str]:
    """A known label as printed (capitalised as in the lexicon, or a label the lexicon has in
    capitals in its usual spelling: "SACHDARSTELLUNG", "Sachdarstellung"), at a word's start,
    with its colon: header fields, the main sections' headings, the Beratungsfolge's heading."""
    labels = lexicon.header_labels() + lexicon.words("beratungsfolge", "headings")
    words = lexicon.data.get("beratungsfolge", {}).get("words", {})
    labels += words.get("station_labels", []) + words.get("station_date_labels", [])
    for section in _MAIN_SECTIONS:
        labels += lexicon.words("sections", section)
    labels += [title_case_heading(label) for label in labels]
    # "Sachverhalt / Begründung:" as printed beside "Sachverhalt/Begründung"
    printed = alternatives(labels, space=" ").replace("/", r"\s?/\s?")
    return re.compile(rf"(?<!\S){printed}{_ASIDE} ?:")


def _headings_after_sentences(lexicon: Lexicon) -> re.Pattern[str]:
    """A main section's heading with its colon right after a sentence's end, maybe after a
    closing quote and with a remark in brackets: "… zu erfolgen. Beschlussvorschlag: Die
    Gemeindevertretung …", "… Vorschlag. Beschlussentwurf (in eigener Zuständigkeit): …",
    "… berufen.“ Finanzielle Auswirkungen: Keine" where a page lost the line break. Some text
    must follow the colon."""
    headings: list[str] = []
    for section in _DECIDING_SECTIONS:
        headings += lexicon.words("sections", section)
    after_sentence = r"(?:(?<=[.!?] )|(?<=[.!?][“”\"»] ))"
    return re.compile(rf"{after_sentence}{alternatives(headings, space=' ')}{_ASIDE}:(?= \S)")


def broken_at_labels(rows: list[Row], lexicon: Lexicon) -> list[Row]:
    """The rows with every run-together form line broken into one row per label, and a line
    broken where a section's heading follows a sentence; each piece starts a paragraph, as a
    label on a line of its own does."""
    pattern = lexicon.built(_labels)
    result: list[Row] = []
    for row in rows:
        text = row.text
        if row.table is not None or len(row.cells) != 1 or ":" not in text:
            # every label and heading this looks for ends with its colon: most lines have none,
            # and the patterns cost ten times the test on every line of every document
            result.append(row)
            continue
        matches = list(pattern.finditer(text)) if len(text) >= MIN_LENGTH else []
        if len({key(match.group()) for match in matches}) < MIN_LABELS:
            matches = list(lexicon.built(_headings_after_sentences).finditer(text))
        if not matches:
            result.append(row)
            continue
        grids = _grid_spans(text, lexicon)
        starts = [
            match.start()
            for match in matches
            # a column label with its colon ("Status:") does not break a grid's line apart
            if not any(begin < match.start() < end for begin, end in grids)
        ]
        cuts = [0, *(start for start in starts if start > 0), len(text)]
        for begin, end in pairwise(cuts):
            # the text before the first label goes on as the line did
            opens = begin in starts or row.paragraph_start
            for piece in _answer_apart(text[begin:end].strip(), lexicon):
                result.append(Row([Cell(piece)], row.location, opens, raw=piece))
                opens = True
    return result


def headings_split_after_sentences(rows: list[Row], lexicon: Lexicon) -> list[Row]:
    """The rows with a main section's heading put together again where a text layer that ran
    the page's boxes together broke it after a sentence's end ("… angepasst. Finanzielle" /
    "Auswirkungen: Kosten …", ALLRIS's text view): the heading's first word goes down to the
    line that holds the rest of it and its colon."""
    result = list(rows)
    for index in range(1, len(result)):
        row, above = result[index], result[index - 1]
        head, colon, _ = row.text[:MAX_HEADING_REST].partition(":")
        if not colon or row.table is not None or len(row.cells) != 1 or above.table is not None:
            continue
        first = _LAST_WORD_AFTER_SENTENCE.search(above.text)
        if first is None or len(above.cells) != 1:
            continue
        section = lexicon.section_of.get(key(f"{first.group()} {head}"))
        if section not in _DECIDING_SECTIONS:
            continue
        kept = above.text[: first.start()].rstrip()
        result[index - 1] = Row([Cell(kept)], above.location, above.paragraph_start, raw=kept)
        joined = f"{first.group()} {row.text}"
        result[index] = Row([Cell(joined)], row.location, True, raw=joined)
    return result


MAX_HEADING_REST = 40
"""Characters before the colon of a heading's rest ("Auswirkungen:")."""
_LAST_WORD_AFTER_SENTENCE = re.compile(r"(?<=[.!?] )[A-ZÄÖÜ][a-zäöüß]+$")
"""A capitalised word that ends a line right after a sentence's end."""


def _answer_apart(piece: str, lexicon: Lexicon) -> list[str]:
    """A label answered by a form's yes or no ("Anlagen: Nein Umwelt- und …") as the label
    with its answer and the text that follows, which belongs to the next field."""
    label, colon, value = piece.partition(":")
    answer, _, rest = value.strip().partition(" ")
    if colon and rest and (key(answer) in lexicon.none_keys or answer in lexicon.yes_words):
        return [f"{label}: {answer}", rest]
    return [piece] if piece else []


def _inline_list(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(
        rf"^(?P<heading>{alternatives(lexicon.words('beratungsfolge', 'headings'))}{_ASIDE}):"
        r"\s+(?=\S)"
    )


def lists_off_their_heading(rows: list[Row], lexicon: Lexicon) -> list[Row]:
    """The rows with a Beratungsfolge printed on its heading's line ("Beratungsfolge:
    Hauptausschuss Rat") as the heading's row and the list's row below it, the way the list
    reader finds every other list."""
    pattern = lexicon.built(_inline_list)
    result: list[Row] = []
    for row in rows:
        match = pattern.match(row.text) if row.table is None and len(row.cells) == 1 else None
        if match is None:
            result.append(row)
            continue
        heading, rest = f"{match.group('heading')}:", row.text[match.end() :]
        result.append(Row([Cell(heading)], row.location, row.paragraph_start, raw=heading))
        result.append(Row([Cell(rest)], row.location, False, raw=rest))
    return result


def _grid_header(lexicon: Lexicon) -> re.Pattern[str]:
    """A Beratungsfolge grid's column labels at a line's start, a lower-case word allowed before
    each ("Gremium voraussichtlicher Sitzungstermin Zuständigkeit")."""
    columns = lexicon.data.get("beratungsfolge", {}).get("columns", {})
    labels = [label for names in columns.values() for label in names]
    label = alternatives(labels, space=" ")
    return re.compile(rf"^(?:(?:[a-zäöüß]+ )?{label}(?: |$)){{{MIN_GRID_LABELS},}}", re.IGNORECASE)


MIN_GRID_LABELS = 2
"""Column labels that open a grid run into one line."""


def grid_cells_on_lines(rows: list[Row], lexicon: Lexicon) -> list[Row]:
    """The rows with a Beratungsfolge grid that a text layer ran into one line column by
    column ("Gremium voraussichtlicher Sitzungstermin Zuständigkeit BA Kulturstätten
    Ratsversammlung 08.03.2018 14.03.2018 Vorberatung Beschlussfassung Nach …") as one cell a
    row: its header, every body, date, role and mark, then the text after the grid. The bodies'
    names run together; they are told apart where a name begins (a body's head word, a council,
    an abbreviation in capitals) and only where that gives as many names as the grid has roles
    (or dates, without roles). The column-by-column reader then pairs them up."""
    header = lexicon.built(_grid_header)
    result: list[Row] = []
    for row in rows:
        opened = header.match(row.text) if row.table is None and len(row.cells) == 1 else None
        cells = _grid_cells(row.text[opened.end() :], lexicon) if opened else None
        if opened is None or cells is None:
            result.append(row)
            continue
        labels = row.text[: opened.end()].strip()
        result.append(Row([Cell(labels)], row.location, row.paragraph_start, raw=labels, used=True))
        for text in cells[:-1]:
            result.append(Row([Cell(text)], row.location, False, raw=text))
        if cells[-1]:
            result.append(Row([Cell(cells[-1])], row.location, True, raw=cells[-1]))
    return result


def _grid_cells(text: str, lexicon: Lexicon) -> list[str] | None:
    """The grid's cells in printed order and the text after them (the last item, maybe
    empty); None where the text is no grid of at least two bodies."""
    dates, roles = lexicon.dates.pattern, lexicon.role_pattern
    first = [found.start() for found in (dates.search(text), roles.search(text)) if found]
    if not first:
        return None
    names, position = text[: min(first)].strip(), min(first)
    runs: dict[str, list[str]] = {}
    matchers = (
        ("termin", dates.match),
        ("rolle", lambda rest: _role_at_start(rest, lexicon)),
        ("mark", lexicon.consultation.public.match),
    )
    while position < len(text):
        rest = text[position:].lstrip()
        position = len(text) - len(rest)
        kind, found = next(
            ((kind, found) for kind, matcher in matchers if (found := matcher(rest))), ("", None)
        )
        if found is None:
            break
        if kind in runs and list(runs)[-1] != kind:
            return None  # a column's cells come one after the other
        runs.setdefault(kind, []).append(found.group().strip())
        position += found.end()
    count = len(runs.get("rolle", [])) or len(runs.get("termin", []))
    if count < MIN_GRID_BODIES or "termin" not in runs:
        return None
    if any(len(cells) > count for cells in runs.values()):
        return None
    bodies = names_apart(names, lexicon.consultation.body)
    if len(bodies) != count:
        return None
    return [*bodies, *(cell for cells in runs.values() for cell in cells), text[position:].strip()]


MIN_GRID_BODIES = 2
"""Bodies that make a grid: a single body with its date and role is a row, read as one."""


def _role_at_start(text: str, lexicon: Lexicon) -> re.Match[str] | None:
    """A role phrase of the lexicon at the text's start; the pattern also finds a phrase's
    beginning that the lexicon does not map, which is no cell."""
    found = lexicon.role_pattern.match(text)
    return found if found and lexicon.role(found.group()) else None


def names_apart(names: str, head: re.Pattern[str]) -> list[str]:
    """Bodies' names run together, told apart before each word that begins a name: one that
    ends in a body's head word (``head``: "Jugendhilfeausschuss", "Ratsversammlung") or an
    abbreviation in capitals ("BA", "FA"), unless the word before leaves the name open ("Haupt-
    und", "Ausschuss für")."""
    words = names.split()
    starts = [0]
    for index in range(1, len(words)):
        word, before = words[index], words[index - 1]
        opens = head.fullmatch(word.rstrip(",")) is not None or _ABBREVIATION.fullmatch(word)
        if opens and not before.endswith(("-", ",")) and not before[:1].islower():
            starts.append(index)
    return [" ".join(words[a:b]) for a, b in pairwise([*starts, len(words)])] if words else []


_ABBREVIATION = re.compile(r"[A-ZÄÖÜ]{2,5}")


def _grid_header_inside(lexicon: Lexicon) -> re.Pattern[str]:
    """A grid's column labels anywhere in a line, each maybe with its colon ("Gremium: Sitzung
    am: TOP-Nr: Status:", "Beratungsfolge Termin Beratung Kennung Abstimmung")."""
    columns = lexicon.data.get("beratungsfolge", {}).get("columns", {})
    labels = [label.rstrip(".") for names in columns.values() for label in names]
    label = alternatives(labels, space=" ")
    return re.compile(rf"(?<!\S)(?:{label}\.?:?(?: |$)){{{MIN_GRID_LABELS},}}", re.IGNORECASE)


MIN_GRID_ROWS = 2
"""Stations that make a grid read row by row: one body with a mark may be any phrase."""
MAX_BODY_WORDS = 8
"""The longest body's name in a grid run into one line."""
MIN_ROW_GRID_LENGTH = 60
"""Characters below which a line cannot hold a header and two stations."""


def _grids(
    text: str, lexicon: Lexicon
) -> Iterator[tuple[re.Match[str], list[list[tuple[str, str]]], int]]:
    """The grids read row by row in a line: their header's match, their stations and where
    the last station ends."""
    for opened in lexicon.built(_grid_header_inside).finditer(text):
        stations, end = _grid_rows(text, opened.end(), lexicon)
        if len(stations) >= MIN_GRID_ROWS:
            yield opened, stations, end


def _grid_spans(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Where grids read row by row begin and end in a line."""
    return [(opened.start(), end) for opened, _, end in _grids(text, lexicon)]


def has_run_together_lines(rows: list[Row]) -> bool:
    """Whether a text layer ran the document into long lines: only there does a grid's rows
    run into one line (a PDF's text keeps a row a line), and only there is one looked for."""
    return any(len(row.text) >= MIN_LENGTH for row in rows if row.table is None)


def grid_rows_on_lines(rows: list[Row], lexicon: Lexicon) -> list[Row]:
    """The rows with a Beratungsfolge grid that a text layer ran into one line row by row
    ("Beratungsfolge Termin Beratung Kennung Abstimmung Haupt- und Personalausschuss
    12.09.2016 vorberatend nichtöffentlich Gemeinderat 24.10.2016 beschließend öffentlich
    Ortschaftsrat Hugsweier öffentlich Beteiligungsvermerke …") as its header's row, one row a
    station with the kind of each cell, and the text before and after the grid. A station is a
    body's name (with a head word of the lexicon) followed by a date, a role and a public mark
    in any order, each at most once; a station without a date is one whose session is not set,
    which the header tells. The first piece of text that is no such station ends the grid."""
    result: list[Row] = []
    for row in rows:
        text = row.text
        found = None
        if row.table is None and len(row.cells) == 1 and len(text) >= MIN_ROW_GRID_LENGTH:
            found = next(_grids(text, lexicon), None)
        if found is None:
            result.append(row)
            continue
        opened, stations, end = found
        before, labels, after = text[: opened.start()].strip(), opened.group().strip(), text[end:]
        if before:
            result.append(Row([Cell(before)], row.location, row.paragraph_start, raw=before))
        result.append(Row([Cell(labels)], row.location, True, raw=labels, used=True))
        for station in stations:
            printed = " ".join(value for _, value in station)
            cells = [Cell(value) for _, value in station]
            kinds = tuple(kind for kind, _ in station)
            result.append(Row(cells, row.location, False, raw=printed, cell_kinds=kinds))
        if after.strip():
            result.append(Row([Cell(after.strip())], row.location, True, raw=after.strip()))
    return result


_WORD = re.compile(r"\S+")


def _grid_rows(text: str, start: int, lexicon: Lexicon) -> tuple[list[list[tuple[str, str]]], int]:
    """The stations from ``start`` on, each as (kind, text) cells, and where the last ended."""
    stations: list[list[tuple[str, str]]] = []
    position = start
    while True:
        words = _WORD.finditer(text, position)
        body_end = None
        for count, word in enumerate(words):
            if count > MAX_BODY_WORDS:
                break
            if count and _cell_at(text, word.start(), lexicon) is not None:
                body_end = word.start()
                break
        if body_end is None:
            break
        body = text[position:body_end].strip()
        head = lexicon.consultation.body
        if not any(head.fullmatch(word.rstrip(",")) for word in body.split()):
            break
        station, at = [("gremium", body)], body_end
        while (cell := _cell_at(text, at, lexicon)) is not None:
            kind, value, end = cell
            if any(kind == taken for taken, _ in station):
                break
            station.append((kind, value))
            at = end
        stations.append(station)
        position = at
    return stations, position


def _cell_at(text: str, at: int, lexicon: Lexicon) -> tuple[str, str, int] | None:
    """The date, role phrase or public mark that starts at ``at``, with where the spaces after
    it end."""
    rest = text[at:]
    stripped = rest.lstrip()
    at += len(rest) - len(stripped)
    found = lexicon.dates.pattern.match(stripped)
    kind = "termin"
    if found is None:
        found, kind = _role_at_start(stripped, lexicon), "rolle"
    if found is None:
        found, kind = lexicon.consultation.public.match(stripped), "oeffentlich"
    if found is None or not found.group().strip():
        return None
    end = at + found.end()
    return kind, found.group().strip(), end
