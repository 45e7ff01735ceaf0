"""The signature block: who signed the Vorlage, and in which capacity.

Forms seen: "i.V. Dr. Christian Klicki" over "Beigeordneter"; "gez. Müller, Bürgermeister"; a
name over a function ("Frank Rumpf" / "Stadtratsvorsitzender"), possibly under a caption
("beschlossen im Stadtrat am:", "Die Referentin"); signatures side by side in columns, where the
session's chair countersigns; and a name printed alone before the result form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from vorlage_cli.extract.lexicon import Lexicon
from vorlage_cli.extract.rows import Row
from vorlage_cli.extract.textutil import alternatives, fold, key
from vorlage_cli.layout import Location

_NAME_PART = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
"""One part of a person's name: "Klicki", "Müller-Lüdenscheidt"."""
_SURNAME = re.compile(rf"^{_NAME_PART}$")


@dataclass(frozen=True, slots=True)
class _Words:
    """The lexicon's words of a signature block as patterns."""

    name: re.Pattern[str]
    """A person's name, maybe after titles: "Dr. Christian Klicki", "Hans von Berg"."""
    caption: re.Pattern[str]
    """A line over a signature: "beschlossen im Stadtrat am:", "Die Referentin"."""
    article: re.Pattern[str]
    """The article before an office: "Der Bürgermeister" over its deputy."""
    short_marker: dict[str, str]
    """A marker written out, without spaces → its short form ("InVertretung" → "i.V.")."""

    @staticmethod
    def build(lexicon: Lexicon) -> _Words:
        words = lexicon.data.get("signature", {})
        titles = alternatives(words.get("titles", []))
        title_starts = alternatives(words.get("title_starts", []))
        particles = alternatives(words.get("name_particles", []))
        articles = alternatives(words.get("office_articles", []))
        return _Words(
            name=re.compile(
                rf"^(?:(?:{titles}|{title_starts}\w+\.?)\s+)*{_NAME_PART}"
                rf"(?:\s+{particles}?\s*{_NAME_PART}){{1,2}}$"
            ),
            caption=re.compile(
                rf"^(?:[^.]{{3,60}}\b{alternatives(words.get('caption_endings', []))}:?"
                rf"|{articles}\s+\w+(?:\s+\w+)?)$"
            ),
            article=re.compile(rf"^{articles}\s+"),
            short_marker={
                long.replace(" ", ""): short
                for long, short in words.get("vertretung_short", {}).items()
            },
        )


Signature = tuple[str | None, str | None, str | None, Location]


def read_signature(
    rows: list[Row],
    lexicon: Lexicon,
    body_start: int = 0,
    is_heading: Callable[[Row], object] = lambda row: None,
) -> Signature | None:
    """(name, funktion, vertretung, location) of the Vorlage's signature, its rows marked used.

    Unmarked name-over-function blocks are looked for only from ``body_start`` on: above it, a
    letterhead's "Stadt Quellbrunn" / "Der Oberbürgermeister" names the sender, not a signer.
    Names in brackets sign after a sentence, which no letterhead has, so they are looked for
    everywhere (SessionNet pages print the reasoning before the first heading).
    """
    body = rows[body_start:]
    return (
        _with_marker(rows, lexicon)
        or _name_over_function(body, lexicon, is_heading)
        or _name_before_end(body, lexicon)
        or _bracketed_names(rows, lexicon, is_heading)
    )


def _with_marker(rows: list[Row], lexicon: Lexicon) -> Signature | None:
    """ "i.V. Name" / "gez. Name, Funktion", the function possibly on the next row."""
    for index, row in enumerate(rows):
        if row.used or (row.table is not None and len(row.texts) > 2):
            continue
        text = row.text
        marker = lexicon.vertretung_pattern.match(text)
        if not marker:
            continue
        rest = fold(text[marker.end() :]).strip(" ,:")
        name, _, funktion = rest.partition(",")
        found_name, found_function = fold(name) or None, fold(funktion) or None
        taken = [row]
        following = _next(rows, index)
        words = lexicon.built(_Words.build)
        if found_name is None and following is not None and _is_name(following.text, lexicon):
            found_name = following.text
            taken.append(following)
            following = _next(rows, index + 1)
        if (
            found_function is None
            and following is not None
            and _is_function(following.text, lexicon)
        ):
            found_function = following.text
            taken.append(following)
        above = rows[index - 1] if index > 0 and not rows[index - 1].used else None
        if found_function is None and above is not None:
            # the office over its deputy: "Der Bürgermeister" / "In Vertretung" / "Musterfrau"
            office = words.article.sub("", above.text)
            if _is_known_function(office, lexicon) and len(office.split()) <= 3:
                found_function = office
                taken.append(above)
        for used in taken:
            used.used = True
        return found_name, found_function, _canonical(marker.group(), words), row.location
    return None


def _name_over_function(
    rows: list[Row], lexicon: Lexicon, is_heading: Callable[[Row], object]
) -> Signature | None:
    """A name row over a function row the lexicon knows, column by column: of signatures side by
    side, the chair's ("Die Vorsitzende") is a countersignature, so another column wins."""
    for index in range(1, len(rows)):
        row, above = rows[index], rows[index - 1]
        if row.used or above.used or is_heading(row) or is_heading(above):
            continue
        functions, names = row.texts, above.texts
        if not functions or len(functions) != len(names):
            continue
        if not all(_is_known_function(f, lexicon) for f in functions):
            continue
        if not all(lexicon.built(_Words.build).name.match(n) for n in names):
            continue
        captions = rows[index - 2].texts if index >= 2 and not rows[index - 2].used else []
        column = 0
        if len(names) > 1 and len(captions) == len(names):
            column = next((i for i, c in enumerate(captions) if not lexicon.chair.search(c)), 0)
            rows[index - 2].used = True
        elif len(captions) == 1 and lexicon.built(_Words.build).caption.match(captions[0]):
            rows[index - 2].used = True
        row.used = above.used = True
        return names[column], functions[column], None, above.location
    return None


def _name_before_end(rows: list[Row], lexicon: Lexicon) -> Signature | None:
    """A name alone on the last row before the result form ("Beratungsergebnis:"), or between
    the proposal and the heading of the reasoning, where SessionNet pages sign ("… begleiten."
    / "Günter Scheib" / "Erläuterungen und Begründungen:")."""
    before = {key(label) for label in lexicon.data.get("signature", {}).get("before", [])}
    for index in range(1, len(rows) - 1):
        row, following = rows[index], rows[index + 1]
        if row.used or len(row.texts) != 1 or not lexicon.built(_Words.build).name.match(row.text):
            continue
        heading = key(following.text.split(":")[0])
        if (heading in before or lexicon.section_of.get(heading) == "sachdarstellung") and rows[
            index - 1
        ].text.endswith((".", ":", ".“", '."')):
            row.used = True
            return row.text, None, None, row.location
    return None


def _bracketed_names(
    rows: list[Row], lexicon: Lexicon, is_heading: Callable[[Row], object]
) -> Signature | None:
    """Names in brackets alone on their rows after a text's last sentence, over their
    functions: how a fair copy shows who signed the original ("(Weymann)" / "Fachdienst II").
    Two signers side by side come out one after the other ("(Ahrend)" "(Selter)" /
    "Fachdienst" "Samtgemeindebürgermeister"); a Vorlage may carry such a block under each
    section. All of them are taken off the sections' text; the first signer is the
    Vorlage's."""
    found: Signature | None = None
    index = 1
    while index < len(rows):
        start = index
        names = []
        while index < len(rows) and (name := _bracketed_name(rows[index], lexicon)):
            names.append(name)
            index += 1
        functions = []
        while (
            index < len(rows)
            and len(functions) < len(names)
            and not rows[index].used
            and not is_heading(rows[index])
            and _is_function(rows[index].text, lexicon)
        ):
            functions.append(rows[index].text)
            index += 1
        after_sentence = rows[start - 1].text.rstrip().endswith(_SENTENCE_ENDS)
        if not names or not functions or not after_sentence:
            index = start + 1
            continue
        for row in rows[start:index]:
            row.used = True
        if found is None:
            found = names[0], functions[0], None, rows[start].location
    return found


_BRACKETED = re.compile(r"\(([^()]+)\)")
_SENTENCE_ENDS = (".", "!", "?", ".“", '."')


def _bracketed_name(row: Row, lexicon: Lexicon) -> str | None:
    if row.used or len(row.texts) != 1:
        return None
    match = _BRACKETED.fullmatch(row.text.strip())
    return match.group(1) if match and _is_name(match.group(1), lexicon) else None


def _is_name(text: str, lexicon: Lexicon) -> bool:
    """A person's name: first and last name, or a surname alone under "i.V." ("Musterfrau"),
    unless that word is a function or a label the lexicon knows ("Anlagen")."""
    return bool(lexicon.built(_Words.build).name.match(text)) or (
        bool(_SURNAME.match(text))
        and not _is_known_function(text, lexicon)
        and not lexicon.is_label(text)
    )


def _next(rows: list[Row], index: int) -> Row | None:
    following = rows[index + 1] if index + 1 < len(rows) else None
    return following if following is not None and not following.used else None


def _is_known_function(text: str, lexicon: Lexicon) -> bool:
    """A function the lexicon knows, also as the end of a longer title ("3. Bürgermeisterin",
    "Berufsmäßige Stadträtin", "Stadtratsvorsitzender")."""
    words = key(text).split()
    return bool(words) and words[-1].endswith(tuple(lexicon.funktionen))


def _is_function(text: str, lexicon: Lexicon) -> bool:
    """A function the lexicon knows, or a short title-like line that is no heading: the
    section heading after a signature ("SACHDARSTELLUNG", "Anlagen") names no function."""
    if _is_known_function(text, lexicon):
        return True
    words = text.split()
    return (
        0 < len(words) <= 4
        and text[:1].isupper()
        and not text.isupper()
        and not lexicon.is_label(text)
        and not text.endswith((".", ":"))
        and not any(c.isdigit() for c in text)
    )


def _canonical(printed: str, words: _Words) -> str:
    compact = printed.replace(" ", "")
    return words.short_marker.get(compact, compact)
