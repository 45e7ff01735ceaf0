"""The signature block: "i.V. Dr. Christian Klicki" over "Beigeordneter", "gez. Müller,
Bürgermeister", or a name over a function the lexicon knows."""

from __future__ import annotations

import re

from vorlage_cli.extract.lexicon import Lexicon
from vorlage_cli.extract.rows import Row
from vorlage_cli.extract.textutil import fold, key
from vorlage_cli.layout import Location

_NAME = re.compile(
    r"^(?:(?:Dr\.|Prof\.|Dipl\.-\w+\.?|Frau|Herr)\s+)*[A-ZÄÖÜ][\wäöüß'-]+(?:\s+(?:von|van|de|zu|vom)?\s*[A-ZÄÖÜ][\wäöüß'-]+){1,3}$"
)


def read_signature(
    rows: list[Row], lexicon: Lexicon
) -> tuple[str | None, str | None, str | None, Location] | None:
    """(name, funktion, vertretung, location) of the first signature block, its rows marked used."""
    for index, row in enumerate(rows):
        if row.used or (row.table is not None and len(row.texts) > 2):
            continue
        text = row.text
        marker = lexicon.vertretung_pattern.match(text)
        if marker:
            rest = fold(text[marker.end() :]).strip(" ,")
            name, _, funktion = rest.partition(",")
            name, funktion = fold(name) or None, fold(funktion) or None
            taken = [row]
            following = _next(rows, index)
            if name is None and following is not None and _NAME.match(following.text):
                name = following.text
                taken.append(following)
                following = _next(rows, index + 1)
            if funktion is None and following is not None and _is_function(following.text, lexicon):
                funktion = following.text
                taken.append(following)
            for used in taken:
                used.used = True
            return name, funktion, _canonical_marker(marker.group()), row.location
    for index, row in enumerate(rows):
        if row.used or index == 0 or key(row.text) not in lexicon.funktionen:
            continue
        previous = rows[index - 1]
        if not previous.used and _NAME.match(previous.text):
            previous.used = row.used = True
            return previous.text, row.text, None, previous.location
    return None


def _next(rows: list[Row], index: int) -> Row | None:
    following = rows[index + 1] if index + 1 < len(rows) else None
    return following if following is not None and not following.used else None


def _is_function(text: str, lexicon: Lexicon) -> bool:
    if key(text) in lexicon.funktionen:
        return True
    words = text.split()
    return (
        0 < len(words) <= 4
        and text[:1].isupper()
        and not text.endswith((".", ":"))
        and not any(c.isdigit() for c in text)
    )


def _canonical_marker(printed: str) -> str:
    compact = printed.replace(" ", "")
    return {"InVertretung": "i.V.", "ImAuftrag": "i.A."}.get(compact, compact)
