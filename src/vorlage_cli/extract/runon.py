"""Text run into one line: a form's labels and sections back on lines of their own.

Some tools keep no line breaks when they take the text out of a PDF: a portal's file page (an
OParl file's ``text``) shows a whole Word form as one line ("Drucksache: WP8-64/2012 …
Beratungsfolge: Rat der Stadt Bedburg … Betreff: … Beschlussvorschlag: … Begründung: …"). Every
strategy of the extractor works on lines, so such a line is broken before each label the
lexicon knows, where the label is followed by its colon. A paragraph of prose may mention one
label or two with a colon, hardly three different ones: only such a line is broken.
"""

from __future__ import annotations

import re
from itertools import pairwise

from vorlage_cli.extract.lexicon import Lexicon
from vorlage_cli.extract.rows import Row
from vorlage_cli.extract.textutil import alternatives, key
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
    """A known label as printed (capitalised as in the lexicon), at a word's start, with its
    colon: header fields, the main sections' headings, the Beratungsfolge's heading."""
    labels = lexicon.header_labels() + lexicon.words("beratungsfolge", "headings")
    for section in _MAIN_SECTIONS:
        labels += lexicon.words("sections", section)
    return re.compile(rf"(?<!\S){alternatives(labels, space=' ')}{_ASIDE} ?:")


def _headings_after_sentences(lexicon: Lexicon) -> re.Pattern[str]:
    """A main section's heading with its colon right after a sentence's end: "… zu erfolgen.
    Beschlussvorschlag: Die Gemeindevertretung …" where a page lost the line break."""
    headings: list[str] = []
    for section in _DECIDING_SECTIONS:
        headings += lexicon.words("sections", section)
    return re.compile(rf"(?<=[.!?] ){alternatives(headings, space=' ')}:")


def broken_at_labels(rows: list[Row], lexicon: Lexicon) -> list[Row]:
    """The rows with every run-together form line broken into one row per label, and a long
    line broken where a section's heading follows a sentence; each piece starts a paragraph,
    as a label on a line of its own does."""
    pattern = lexicon.built(_labels)
    result: list[Row] = []
    for row in rows:
        text = row.text
        if row.table is not None or len(row.cells) != 1 or len(text) < MIN_LENGTH:
            result.append(row)
            continue
        matches = list(pattern.finditer(text))
        if len({key(match.group()) for match in matches}) < MIN_LABELS:
            matches = list(lexicon.built(_headings_after_sentences).finditer(text))
        if not matches:
            result.append(row)
            continue
        starts = [match.start() for match in matches]
        cuts = [0, *(start for start in starts if start > 0), len(text)]
        for begin, end in pairwise(cuts):
            for piece in _answer_apart(text[begin:end].strip(), lexicon):
                result.append(Row([Cell(piece)], row.location, True, raw=piece))
    return result


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
