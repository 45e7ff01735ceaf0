"""The header area before the first section: the Vorlage's number, kind, author, date, public
status and subject, wherever and however a template prints them.

Strategies, tried in turn: label/value pairs (HeaderReader), a label alone over its value, the
title line ("VERWALTUNGSVORLAGE VL-40/2024 1N"), a bare reference ("DS 1/2008"), a public-status
line ("Beratung in öffentlicher Sitzung"), a letterhead's unit beside or above its contact lines,
a date alone or after its place, and the first unlabelled run of rows as the subject.
"""

from __future__ import annotations

import re

from vorlage_cli.evidence import Extraction
from vorlage_cli.extract.header import HeaderReader, Value
from vorlage_cli.extract.lexicon import Lexicon
from vorlage_cli.extract.rows import Row, row_lines
from vorlage_cli.extract.sections import SectionReader, best, section_text
from vorlage_cli.extract.textutil import (
    BOX,
    alternatives,
    ends_mid_phrase,
    fold,
    join_lines,
    key,
    title_case_heading,
)
from vorlage_cli.layout import Location

_KIND_PREFIX = re.compile(r"^\d{1,3}_")
_BRACKETED_STATUS = re.compile(r"(.+?)\s*\((.+)\)")
_CODE_SUFFIX = re.compile(r"\s+[-–]\s+[A-ZÄÖÜ0-9]{1,6}$")
"""A short code after a kind: "Beschlussvorlage - SL"."""
_GLUED_CELLS = re.compile(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])")
"""Where two cells of a page's table run together when its text is copied: a lower-case letter
before a capital."""
MAX_SUBJECT_ROWS = 4
MAX_KIND_WORDS = 3
MAX_UNIT_LENGTH = 90
"""Characters of an authoring unit's name; a longer line that starts like one is a sentence."""
MIN_SENTENCE_WORDS = 5
"""A line of this many words may be prose that a number on the next line continues."""
_NUMBER_LABEL = re.compile(r"^-?Nr\.?\s*:?\s*")
"""The "Nr." between a compound kind and its number: "Gemeinderatsdrucksache Nr. 123/2025"."""


def _title_addition(lexicon: Lexicon) -> re.Pattern[str]:
    """A title line may say what the Vorlage belongs to: "Mitteilungsvorlage zu TOP 8"."""
    words = alternatives(lexicon.words("language", "kind_title_additions"))
    return re.compile(rf"^{words}\s+\S", re.IGNORECASE)


_PLACE = r"[A-ZÄÖÜ][\w .-]{1,40},"
"""The place before a letter's date: "Quellbrunn,"."""
_PLACE_ALONE = re.compile(_PLACE)


def _place_date(lexicon: Lexicon) -> re.Pattern[str]:
    """A date alone at the top of a letter, possibly after its place ("Quellbrunn,
    20.01.2025")."""
    return re.compile(
        rf"(?:{_PLACE}\s*)?(?P<date>{lexicon.dates.pattern.pattern})",
        re.VERBOSE | re.IGNORECASE,
    )


def read_preamble(
    rows: list[Row], first_section: int, lexicon: Lexicon, found: Extraction
) -> HeaderReader:
    """Take the header's rows, collecting their values; the rows before ``first_section``."""
    header = HeaderReader(lexicon)
    index = 0
    while index < first_section:
        if rows[index].used:
            index += 1
            continue
        taken = header.read(rows, index)
        if not taken:
            _value_on_next_row(rows, index, header, lexicon)
        index += max(taken, 1)
    preamble = rows[:first_section]
    _title_line(preamble, lexicon, header)
    _number_rows(preamble, header, lexicon)
    _sitzung_rows(preamble, found, lexicon)
    _ersteller_prefix_rows(preamble, lexicon, header)
    _unit_above_contacts(preamble, header)
    _place_date_row(preamble, header, lexicon)
    return header


def _place_date_row(rows: list[Row], header: HeaderReader, lexicon: Lexicon) -> None:
    """A letter's date alone on its row, possibly after its place, where no label gives the
    date: not a session's date (the Beratungsfolge took those rows), nor the end of a sentence
    broken before it ("… Ganztagsschule bis zum" / "31. Juli 2014"). The place may stand on the
    row above, as a web page's cells do ("Stuttgart," / "04/25/2017")."""
    pattern = lexicon.built(_place_date)
    for previous, row in zip([None, *rows], rows, strict=False):
        dated = pattern.fullmatch(row.text.strip())
        if dated is None or row.used:
            continue
        place = previous if previous is not None and _PLACE_ALONE.fullmatch(previous.text) else None
        if place is None and previous is not None and ends_mid_phrase(previous.text):
            continue
        header.add("place_date", dated.group("date"), row.location)
        for taken in (place, row):
            if taken is not None and not taken.used:
                taken.used = True
        return


def _value_on_next_row(rows: list[Row], index: int, header: HeaderReader, lexicon: Lexicon) -> None:
    """A label alone on its row, its value on the next ("Status:" / "öffentlich" in a web page,
    "Vorlage" / "UV/0190/2026" in a SessionNet page). Without a colon the label counts only
    where the next row looks like its value, since a word like "Vorlage" is also a title."""
    texts = rows[index].texts
    if len(texts) != 1 or index + 1 >= len(rows):
        return
    label = texts[0].rstrip(": ")
    field = header.field_of(label)
    following = rows[index + 1]
    if field is None or following.used or len(following.texts) != 1:
        return
    if field == "betreff":
        _subject_on_next_rows(rows, index, header, label)
        return
    value = following.text
    if header.field_of(value.split(":")[0]) or value.endswith(":"):
        return
    fits = {
        "nummer": bool(lexicon.numbers.shape.fullmatch(value) or _IDENTIFIER.fullmatch(value)),
        "art": lexicon.names_kind(_KIND_PREFIX.sub("", value)),
        "erstellt_am": bool(lexicon.dates.pattern.search(value)),
        "sitzungsteil": lexicon.publicity(value) is not None,
    }.get(field, texts[0].endswith(":"))
    # in a run of labels over their values ("Betreff" / …, "Vorlage" / "039/26", "Art" / …)
    # the next label is one too, whatever its value looks like; but a sentence after a blank
    # line follows an empty label ("Referenzvorlage" / "" / "Der Gemeinderat lehnt … ab.")
    in_run = index >= 2 and rows[index - 1].labelled and rows[index - 2].labelled
    sentence = len(value.split()) >= MIN_SENTENCE_WORDS and value.endswith((".", "!", "?"))
    if in_run and following.paragraph_start and sentence and not fits:
        rows[index].used = rows[index].labelled = True
        return
    if not (fits or in_run):
        return
    header.add(field, value, following.location, label)
    for row in (rows[index], following):
        row.used = row.labelled = True
    header.continue_values(rows, index + 1)  # "Dienststelle:" / "Amt für Hochbau und" / …


def _subject_on_next_rows(rows: list[Row], index: int, header: HeaderReader, label: str) -> None:
    """ "Betreff:" alone on its row, the subject in the lines below it that form one paragraph
    (a web page's cell: "Umleitung der Metrobuslinie 1" / "Beschlussempfehlung des …")."""
    if not rows[index].texts[0].endswith(":"):
        return
    taken = [rows[index + 1]]
    for row in rows[index + 2 : index + 1 + MAX_SUBJECT_ROWS]:
        if row.used or len(row.texts) != 1 or header.field_of(row.text.split(":")[0]):
            break
        if row.text.endswith(":") or header.lexicon.is_label(row.text):
            break  # the next label or heading
        if row.paragraph_start and not ends_mid_phrase(taken[-1].text):
            break
        taken.append(row)
    header.add("betreff", join_lines([row.text for row in taken]), taken[0].location, label)
    for row in (rows[index], *taken):
        row.used = row.labelled = True


def _title_line(rows: list[Row], lexicon: Lexicon, header: HeaderReader) -> None:
    """The kind, and often the number, in the title line: "VERWALTUNGSVORLAGE VL-40/2024 1N",
    "Vorlage - 23/224", "Beschlussvorlage". The public status may follow the kind or stand
    alone on the next row ("Beschlussvorlage öffentlich", "Informationsvorlage" / "öffentlich").
    In a letterhead of columns the title is one cell ("Markt Musterbach    Sitzungsvorlage"),
    also on a row whose other cell the header has read ("Drucksachen-Nr.: 0815/2025")."""
    for index, row in enumerate(rows):
        candidates = [] if row.used else [row.text]
        if len(row.texts) >= 2 or row.table is not None:
            cells = row_lines(row) if row.table is not None else row.texts
            candidates += [text for text in cells if not row.used or ":" not in text]
        for text in candidates:
            dated = lexicon.built(_dated_title).fullmatch(text.strip())
            kind = lexicon.kind(dated["kind"]) if dated else None
            if dated and kind and not row.used:
                # "Vortrag des Magistrats vom 05.08.2019, M 105": kind, date and number
                header.add("title_kind", kind[0], row.location, dated["kind"])
                header.add("title_number", dated["number"], row.location, dated["kind"])
                header.add("erstellt_am", dated["date"], row.location, dated["kind"])
                row.used = True
                return
            title = _title_in(text, lexicon)
            if title is None or (row.used and title[1:] != (None, None)):
                continue
            (kind, word), number, status = title
            header.add("title_kind", kind, row.location, word)
            if number is not None:
                header.add("title_number", number, row.location, word)
            below = rows[index + 1] if index + 1 < len(rows) else None
            if status is not None:
                header.add("sitzungsteil", status, row.location, word)
            elif below is not None and not below.used and _is_status(below.text, lexicon):
                header.add("sitzungsteil", below.text, below.location)
                below.used = True
            row.used = True
            return


def _dated_title(lexicon: Lexicon) -> re.Pattern[str]:
    """A title line that gives the kind, its date after a date label and a short number:
    "Vortrag des Magistrats vom 05.08.2019, M 105" (Frankfurt's PARLIS)."""
    words = lexicon.words("fields", "erstellt_am")
    labels = alternatives(label for label in words if label.islower())
    return re.compile(
        rf"(?P<kind>\S.{{2,60}}?)\s+{labels}\s+(?P<date>{lexicon.dates.pattern.pattern})\s*,\s*"
        rf"(?P<number>{_SHORT_NUMBER.pattern})",
        re.VERBOSE,
    )


_SHORT_NUMBER = re.compile(r"[A-ZÄÖÜ]{1,4}\ ?\d{1,5}")
"""A number of a series letter and a serial: "M 105", "B 231"; trusted only in a dated title."""


def _title_in(text: str, lexicon: Lexicon) -> tuple[tuple[str, str], str | None, str | None] | None:
    """((kind, printed word), number, status) where a text is a title line: a kind alone, or
    followed by its number, its status or what it belongs to ("zu TOP 8")."""
    title, dash, after = text.partition(" - ")
    printed_title = title
    leading_status = None
    title = _without_status(title, lexicon) if dash else title
    if dash and len(title.split()) <= MAX_KIND_WORDS and lexicon.names_kind(title):
        # a kind of several words before a dash: "Schriftliche Kenntnisgabe - K 2026/0725"
        known = lexicon.kind(title)
        kind = known or (title_case_heading(title), True)
        word, rest = title, f"- {after}"
    else:
        word, _, rest = text.partition(" ")
        if rest and lexicon.publicity(word) and lexicon.kind(rest.partition(" ")[0]):
            # the status before the kind: "öffentliche Vorlage Drs.Nr. 137/06"
            leading_status, (word, _, rest) = word, rest.partition(" ")
        kind = lexicon.kind(word)
        if kind is None:
            # a compound with its number: "Kreistagsdrucksache KT/0045/2025"
            number_text = _NUMBER_LABEL.sub("", rest.strip())
            compound = lexicon.compound_kind(word)
            if compound and number_text and lexicon.numbers.shape.match(number_text):
                kind, rest = compound, number_text
    if kind is None:
        return None
    rest = rest.strip()
    if rest.startswith(lexicon.built(_number_label)) and not rest.startswith("- "):
        return None
    rest = rest.lstrip("-– ").strip()
    labelled = lexicon.built(_number_label_after_kind).match(rest)
    if labelled and lexicon.numbers.shape.match(rest, labelled.end()):
        rest = rest[labelled.end() :]  # "Vorlage Drs.Nr. 137/06"
    number = lexicon.numbers.shape.match(rest) if rest else None
    status = rest if _is_status(rest, lexicon) else leading_status
    bracketed = _BRACKETED_STATUS.fullmatch(printed_title) if dash else None
    if status is None and bracketed and title != printed_title:
        status = bracketed.group(2)  # "Anfrage (öffentlich) - 25-24934"
    if (
        rest
        and number is None
        and status is None
        and (
            not lexicon.built(_title_addition).match(rest)
            or len(rest.split()) > MAX_TITLE_ADDITION_WORDS
        )
    ):
        # "Antrag der CSU-Fraktion zur Erweiterung des Sportgeländes um …" names its subject,
        # not only what the Vorlage belongs to
        return None
    return (kind[0], word), rest if number is not None else None, status


MAX_TITLE_ADDITION_WORDS = 6
"""Words a title line adds after its kind ("zu TOP 8", "des Bürgermeisters"); a longer line
that opens with a kind is a subject."""


def _number_label(lexicon: Lexicon) -> tuple[str, ...]:
    """What makes a kind a number's label rather than a title when it follows the kind:
    "Beschlussvorlage-Nr.:", "Vorlage Nummer"."""
    suffixes = lexicon.words("fields", "number_suffixes")
    return (":", *suffixes, *(f"-{suffix}" for suffix in suffixes))


def _number_label_after_kind(lexicon: Lexicon) -> re.Pattern[str]:
    """A number's label between the kind and the number of a title line ("Vorlage Drs.Nr.
    137/06"): the labels that are no kind themselves."""
    labels = [label for label in lexicon.field_labels["nummer"] if not lexicon.kind(label)]
    return re.compile(rf"{alternatives(labels)}:?\s*")


def _is_status(text: str, lexicon: Lexicon) -> bool:
    """Whether a text is nothing but a public or non-public mark ("öffentlich", "nicht
    öffentlich"), as a title line prints it."""
    words = text.split()
    return 0 < len(words) <= 2 and text.replace(" ", "").isalpha() and bool(lexicon.publicity(text))


def _number_rows(rows: list[Row], header: HeaderReader, lexicon: Lexicon) -> None:
    """A reference printed alone on its row ("DS 1/2008"), as SD.NET letterheads do. A row that
    continues a sentence above it ("… ab dem Schuljahr" / "2025/2026") is not one; a short
    letterhead line above it ("Landkreis Musterkreis" / "BV/0197/2026") is no sentence. A web
    page may put the number's prefix in a cell of its own ("GRDrs" / "192/2017")."""
    for index, row in enumerate(rows):
        previous = rows[index - 1] if index > 0 else None
        continues = (
            previous is not None
            and not previous.used
            and not row.paragraph_start
            and (len(previous.text.split()) >= MIN_SENTENCE_WORDS or ends_mid_phrase(previous.text))
        )
        if row.used or continues:
            continue
        if lexicon.numbers.shape.fullmatch(row.text):
            prefix = previous.text if previous is not None and not previous.used else " "
            prefixed = f"{prefix} {row.text}"
            if (
                previous is not None
                and " " not in prefix
                and lexicon.numbers.shape.fullmatch(prefixed)
            ):
                header.add("bare_number", prefixed, previous.location)
                previous.used = True
            else:
                header.add("bare_number", row.text, row.location)
            row.used = True
            return
        labelled = lexicon.built(_number_ending_a_line).search(row.text)
        if labelled and len(row.text[: labelled.start()].split()) <= MAX_WORDS_BEFORE_NUMBER:
            header.add("bare_number", labelled.group("number"), row.location)
            return


MAX_WORDS_BEFORE_NUMBER = 4
"""Words before a number's label in a short header line ("Ratsversammlung Neufassung Nr.
VI-DS-02515-NF-02"); a longer line is a sentence that cites a number."""


def _number_ending_a_line(lexicon: Lexicon) -> re.Pattern[str]:
    """A number's label and a number that end a line, where a page lost the line breaks
    between its title's parts: the label's word shows whose number it is."""
    labels = alternatives(lexicon.field_labels["nummer"])
    return re.compile(rf"(?<!\S){labels}:?\s+(?P<number>{lexicon.numbers.shape.pattern})$", re.X)


def _sitzung_rows(rows: list[Row], found: Extraction, lexicon: Lexicon) -> None:
    """A line of its own that states the whole Vorlage's public status ("Beratung in
    öffentlicher Sitzung"), or a form's two status boxes of which one is ticked."""
    for row in rows:
        match = lexicon.sitzungsteil_line.fullmatch(row.text)
        if match and found.vorlage.sitzungsteil is None:
            found.put("sitzungsteil", lexicon.publicity(row.text), row.location)
            row.used = True
    for row in rows:
        ticked = _ticked_status(row.text, lexicon)
        if ticked and found.vorlage.sitzungsteil is None:
            found.put("sitzungsteil", ticked, row.location)


_TICK = re.compile(r"(?<!\S)[Xx☒]\s*$")
"""A ticked box as a Word form's text keeps it: an "X" (or the box) right before the option."""


def _ticked_status(text: str, lexicon: Lexicon) -> str | None:
    """The status a form's boxes tick where both are printed on one line ("X öffentlich
    nichtöffentlich", a Word form's PDF text): the one with the mark before it."""
    marks = list(lexicon.public_words.finditer(text))
    if len({lexicon.publicity(mark.group()) for mark in marks}) < 2:
        return None
    ticked = [mark for mark in marks if _TICK.search(text, 0, mark.start())]
    return lexicon.publicity(ticked[0].group()) if len(ticked) == 1 else None


def _ersteller_prefix_rows(rows: list[Row], lexicon: Lexicon, header: HeaderReader) -> None:
    """A unit named with its own label word and no colon: "Fachbereich Planung, Bau", on a row
    of its own or in a cell of a letterhead beside a labelled value ("Fachbereich 6 – Planen und
    Bauen    Vorlage-Nr.: FB6/123/2025")."""
    for row in rows:
        if row.used and not row.labelled:
            continue
        texts = row_lines(row) if row.table is not None else row.texts
        if not row.used and len(texts) != 1:
            continue
        for text in texts:
            prefix = next((p for p in lexicon.ersteller_prefixes if text.startswith(p + " ")), None)
            if prefix is not None and ":" not in text and len(text) < MAX_UNIT_LENGTH:
                header.add("ersteller", text, row.location, prefix)
                row.used = True
                break


def _unit_above_contacts(rows: list[Row], header: HeaderReader) -> None:
    """The authoring unit printed alone right above a letterhead's contact lines
    ("Bildung, Kultur, Freizeit" over "Aktenzeichen: …", as SD.NET prints it)."""
    if header.values.get("letterhead"):
        return
    for index, row in enumerate(rows[1:], start=1):
        first = row.texts[0] if row.texts else ""
        if not row.labelled or not header._is_letterhead_label(first.split(":")[0]):
            continue
        above = rows[index - 1]
        words = above.text.split()
        if (
            not above.used
            and len(above.texts) == 1
            and 0 < len(words) <= 8
            and not header.lexicon.dates.pattern.search(above.text)
            # an empty label above ("Bearbeiter/in:" over "Aktenzeichen:") names no unit
            and not above.text.endswith(":")
        ):
            header.add("letterhead", above.text, above.location)
            above.used = True
        return


def unlabelled_subject(
    rows: list[Row], first_section: int, reader: SectionReader, decision: re.Pattern[str]
) -> list[Row]:
    """Where no label announces the subject, it is the first run of unlabelled rows after the
    header's labels began: Karlsruhe prints it between the labels and the Beratungsfolge,
    Nordstemmen after the Beratungsfolge, München below the letterhead. A paragraph that opens
    with a body's decision ("Die Gemeindevertretung beschließt …") is the unheaded proposal,
    and a row without a letter before it (a web page's image mark) is no subject's."""
    started = False
    run: list[Row] = []
    closed = False
    for row in rows[: _after_form_questions(rows, first_section, reader)]:
        if row.used:
            if run:
                closed = True  # by the Beratungsfolge, another field's row below the subject
                break
            started = started or row.labelled
            continue
        if started and decision.match(fold(row.text)):
            if run and not row.paragraph_start:
                return []  # the run opens the decision's paragraph ("Die Wahl erfolgt offen.")
            break
        if not run and not any(character.isalpha() for character in row.text):
            continue
        if _agenda_item_alone(row.text, reader.lexicon):
            continue  # "TOP 10" in the header block: the session's item, not the subject
        if started and reader.heading_of(row) is None:
            alone = reader.lexicon.dates.pattern.fullmatch(row.text)
            if alone and not (run and ends_mid_phrase(run[-1].text)):
                continue
            run.append(row)
    words = [word for r in run for word in r.text.split()]
    if len(words) < 2 and not (closed and words and _subject_word(words[0])):
        return []
    return run


MIN_SUBJECT_WORD = 10
"""Letters of a subject of one word ("Hitzeaktionsplan"): shorter single words between the
labels and the Beratungsfolge are more often a label's rest."""


def _subject_word(word: str) -> bool:
    """A compound noun that can be a subject on its own."""
    return len(word) >= MIN_SUBJECT_WORD and word[:1].isupper() and word.replace("-", "").isalpha()


def _agenda_item_alone(text: str, lexicon: Lexicon) -> bool:
    """A line that holds nothing but an agenda item's number ("TOP 10", "TOP 1.3")."""
    item = lexicon.consultation.top_label.match(text.strip())
    return item is not None and item.group("n") is not None and item.end() == len(text.strip())


def _after_form_questions(rows: list[Row], first_section: int, reader: SectionReader) -> int:
    """Where the text before the first section ends, past a form's questions answered by
    check boxes on their own lines ("Beteiligung Personalrat Ja ☐ Nein ☐"): Nordstemmen prints
    them between the Beratungsfolge and the subject, which the first section does not hold."""
    end = first_section
    while end < len(rows) and _box_question(rows[end], reader):
        end += 1
        while end < len(rows) and not rows[end].used and reader.heading_of(rows[end]) is None:
            end += 1
    return end


def _box_question(row: Row, reader: SectionReader) -> bool:
    """A form's question with its check boxes on its line, which the lexicon knows as the
    heading of a further section ("Beteiligung Personalrat Ja ☐ Nein ☐")."""
    heading = reader.heading_of(row)
    return heading is not None and heading[0].startswith("other:") and bool(BOX.search(row.text))


def _pick_ersteller(header: HeaderReader, lexicon: Lexicon) -> tuple[str, Location] | None:
    """The authoring unit; labels earlier in the lexicon's list are more specific. Without any
    label, the unit a letterhead prints beside or above its contact lines."""
    values = header.values.get("ersteller", [])
    if not values:
        units = header.values.get("letterhead", [])
        if units:
            return join_lines([unit.text for unit in units]), units[0].location
        return None
    order = {
        key(label): position for position, label in enumerate(lexicon.field_labels["ersteller"])
    }
    chosen = min(values, key=lambda v: order.get(key(v.label), len(order)))
    return chosen.text, chosen.location


_IDENTIFIER = re.compile(
    r"(?=(?:\D*\d){2})(?=.*[A-Za-zÄÖÜäöü]|.*/.*[.-]|.*[.-].*/)"
    r"[A-ZÄÖÜ0-9][A-Za-zÄÖÜäöü0-9]*(?:[/.-][A-Za-zÄÖÜäöü0-9]+){2,}"
)
"""A value that a label naming the Vorlage's number gives, in a shape no RIS had shown us
yet ("VO/OS/40-0475/2015", "0466/2020-2025" with the electoral term): one token of letters
and digits in at least three parts, with two digits or more, and a letter or a slash beside
another separator, which no date has ("12.05.2024", "2024-05-12", "05/12/2024"). The label
vouches for it; unlabelled, only the known shapes count."""


def _pick_number(
    header: HeaderReader, furniture: list[Row], lexicon: Lexicon
) -> tuple[Value, str] | None:
    """The Vorlage's number and the value it was printed in. Every candidate must have a
    number's shape; a label that names the Vorlage ("Vorlage-Nr.", "Drucksache") beats the title
    line, which beats a bare "Nr.", which beats a number alone on its row; the page header is
    the last resort. Among equals the first printed wins."""
    candidates: list[tuple[float, tuple[int, int], Value, str]] = []
    weak_labels = {key(label) for label in lexicon.words("fields", "weak_number_labels")}
    for source, rank in (("nummer", 0.0), ("title_number", 1.0), ("bare_number", 2.0)):
        for value in header.values.get(source, []):
            weak = source == "nummer" and key(value.label) in weak_labels
            shaped = lexicon.numbers.shape.search(value.text)
            if shaped is None and source == "title_number":
                shaped = _SHORT_NUMBER.fullmatch(value.text)  # from a dated title line
            whole = _IDENTIFIER.fullmatch(value.text.strip())
            if source == "nummer" and not weak and whole:
                # the label's whole value, of which the known shapes saw a part or nothing
                shaped = whole
            if shaped is None:
                continue
            where = (value.location.page or 0, value.location.line or 0)
            candidates.append((rank + (1.5 if weak else 0.0), where, value, shaped.group()))
    if candidates:
        _, _, value, printed = min(candidates, key=lambda c: (c[0], c[1]))
        return value, printed
    for row in furniture:
        shaped = lexicon.numbers.shape.search(row.text)
        if shaped:
            return Value(shaped.group(), row.location), shaped.group()
    return None


def fill_header_fields(
    found: Extraction,
    header: HeaderReader,
    rows: list[Row],
    furniture: list[Row],
    lexicon: Lexicon,
) -> None:
    vorlage = found.vorlage
    picked = _pick_number(header, furniture, lexicon)
    number = picked[0] if picked else None
    if picked is not None:
        nummer, fassung = lexicon.numbers.split(picked[1])
        found.put("nummer", nummer, picked[0].location)
        vorlage.fassung = fassung

    art = header.first("art")
    title = header.first("title_kind")
    if art is not None:
        printed = _without_status(_KIND_PREFIX.sub("", art.text), lexicon)
        kind = lexicon.kind(printed)
        glued = _GLUED_CELLS.search(printed)
        first = printed[: glued.start()] if glued else ""
        if kind is None and lexicon.kind_at_start(first):
            # the first of two cells run together ("Vorlage zur BeschlussfassungBeschluss":
            # the kind it was submitted as, then the kind it has now)
            printed, kind = first, lexicon.kind(first)
        coded = _CODE_SUFFIX.search(printed)
        if kind is None and coded and lexicon.kind(printed[: coded.start()]):
            # a kind with the office's code after a dash ("Beschlussvorlage - SL")
            printed = printed[: coded.start()]
            kind = lexicon.kind(printed)
        head, _, last = printed.rpartition(" ")
        if kind is None and head and last[:1].isupper() and lexicon.kind(head):
            # a kind with the name of the body or place it is for ("Beschlussvorlage Fürstenau")
            printed, kind = head, lexicon.kind(head)
        found.put("art", kind[0] if kind else title_case_heading(printed), art.location)
    elif title is not None:
        found.put("art", title.text, title.location)
    elif number is not None and number.label:
        # the kind named in the number's label: "Sitzungsvorlage Nr. 20-26 / V 02318"
        word = number.label.split()[0].rstrip(":").split("-")[0]
        kind = lexicon.kind(word) or (lexicon.kind(word[:-1]) if word.endswith("n") else None)
        if kind is not None:
            found.put("art", kind[0], number.location)

    author = _pick_ersteller(header, lexicon)
    if author is not None:
        found.put("ersteller", author[0], author[1])

    for value in header.values.get("erstellt_am", []):
        date = lexicon.dates.pattern.search(value.text)
        if date:
            found.put("erstellt_am", lexicon.dates.parse(date), value.location, date.group())
            break
    if vorlage.erstellt_am is None and (dated := header.first("place_date")) is not None:
        found.put("erstellt_am", lexicon.dates.date_in(dated.text), dated.location, dated.text)
    if vorlage.erstellt_am is None:
        dated_contacts = {key(label) for label in lexicon.words("fields", "dated_contact")}
        for value in header.values.get("other", []):
            if key(value.label) in dated_contacts:
                dates = list(lexicon.dates.pattern.finditer(value.text))
                if dates:
                    found.put(
                        "erstellt_am",
                        lexicon.dates.parse(dates[-1]),
                        value.location,
                        dates[-1].group(),
                    )
                    break

    if vorlage.sitzungsteil is None:
        status = header.first("sitzungsteil")
        if status is not None and lexicon.publicity(status.text):
            found.put("sitzungsteil", lexicon.publicity(status.text), status.location)
    if vorlage.sitzungsteil is None and art is not None:
        # the status printed in the kind's cell ("Beschlussvorlage öffentlich", "öffentliche
        # Beschlussvorlage") is the whole Vorlage's
        printed = _KIND_PREFIX.sub("", art.text)
        beside = printed.replace(_without_status(printed, lexicon), "", 1).strip(" ()")
        if beside and lexicon.publicity(beside):
            found.put("sitzungsteil", lexicon.publicity(beside), art.location, beside)


def _without_status(printed: str, lexicon: Lexicon) -> str:
    """A kind without the status a RIS prints in its cell ("Beschlussempfehlung öffentlich",
    "öffentliche Beschlussvorlage", "Anfrage (öffentlich)")."""
    bracketed = _BRACKETED_STATUS.fullmatch(printed)
    if bracketed and lexicon.publicity(bracketed.group(2)) and lexicon.kind(bracketed.group(1)):
        return bracketed.group(1)
    first, _, rest = printed.partition(" ")
    if rest and lexicon.publicity(first) and lexicon.kind(rest):
        return rest
    words = printed.split()
    while len(words) > 1 and lexicon.publicity(words[-1]) and lexicon.kind(" ".join(words[:-1])):
        words.pop()
    if len(words) > 2 and lexicon.publicity(" ".join(words[-2:])):
        remaining = " ".join(words[:-2])
        if lexicon.kind(remaining):
            return remaining
    return " ".join(words)


def fill_subject(
    found: Extraction,
    header: HeaderReader,
    sections: list,
    subject_rows: list[Row],
    rows: list[Row],
) -> None:
    labelled = header.first("betreff")
    section = best(sections, "betreff")
    if labelled is not None:
        found.put("betreff", labelled.text, labelled.location)
    elif section is not None and section_text(section):
        found.put("betreff", fold(section_text(section) or ""), section.location)
    elif subject_rows:
        found.put(
            "betreff", join_lines([row.text for row in subject_rows]), subject_rows[0].location
        )
        for row in subject_rows:
            row.used = True
    elif (title := _page_title(rows)) is not None:
        found.put("betreff", title.text, title.location)
        title.used = True


def _page_title(rows: list[Row]) -> Row | None:
    """The heading a RIS page opens with, where nothing else names the subject: an agenda
    item's page (komuna) prints the subject as its title over a "Label: value" line ("Daten
    angezeigt aus Sitzung: …") and no subject label. A first line of a few words is a
    letterhead or a printer's note ("Gedruckt auf 100 Prozent Recyclingpapier"), not a title."""
    if len(rows) < 2:
        return None
    first, following = rows[0], rows[1]
    if first.used or len(first.texts) != 1 or first.text.endswith(":"):
        return None
    label, colon, value = following.text.partition(":")
    # the value on the label's line, or on the next ("Daten angezeigt aus Sitzung:" / "73. …")
    has_value = bool(value.strip()) or (len(rows) > 2 and not rows[2].text.endswith(":"))
    labelled = bool(colon) and has_value and len(label.split()) <= MAX_LABEL_WORDS
    return first if labelled and len(first.text.split()) >= MIN_TITLE_WORDS else None


MIN_TITLE_WORDS = 6
MAX_LABEL_WORDS = 5
