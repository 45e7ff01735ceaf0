"""Documents that look like Vorlagen but are none: minutes, invitations, notices, questions.

A folder of council documents holds more than Vorlagen, and a Niederschrift cites Vorlage
numbers, prints dates and bodies, and records decisions. Checked as a Vorlage it would get a
wall of missing-section errors, none of them true. Its title tells what it is: a line near
the top that starts with a title word of another kind of document ("Niederschrift über die
5. Sitzung …", "Tagesordnung - Sitzung des …", "Antwort der Bundesregierung auf die Kleine
Anfrage …"). A document whose own kind is a Vorlage kind (a label or its title line says
"Beschlussvorlage") is a Vorlage whatever else it says; a generic word ("Drucksache") says
nothing either way.
"""

from __future__ import annotations

import re

from vorlage_cli.extract.lexicon import Lexicon, phrase_pattern
from vorlage_cli.extract.rows import Row
from vorlage_cli.extract.textutil import alternatives
from vorlage_cli.layout import Location
from vorlage_cli.model import Vorlage

TOP_ROWS = 40
"""How far down a title may stand: a web page's navigation comes first."""
MAX_TITLE_WORDS = 16


def _title_goes_on(lexicon: Lexicon) -> re.Pattern[str]:
    """What follows a title word in a title ("Niederschrift über …", "Tagesordnung - Sitzung
    …", "Antwort auf …"), unlike a sentence that uses the word ("Protokollführung: Frau …")."""
    words = alternatives(lexicon.words("language", "other_title_continues"))
    return re.compile(rf"^\s*(?:$|[-–:]|{words}\b)", re.IGNORECASE)


def other_document(
    rows: list[Row], vorlage: Vorlage, lexicon: Lexicon, kind_at: Location | None = None
) -> str | None:
    """What the document is, where it is no Vorlage ("eine Niederschrift"); None otherwise.
    ``kind_at`` is where the Vorlage's kind was read: a title of another document above it
    (an "Einladung" over its agenda, whose first item is a "Bekanntgabe der …") still tells."""
    titles = lexicon.data.get("other_documents", {})
    patterns = {name: phrase_pattern(phrases, anchored=True) for name, phrases in titles.items()}
    goes_on = lexicon.built(_title_goes_on)
    top = [row for row in rows[:TOP_ROWS] if row.table is None]
    own_kind = _is_vorlage_kind(vorlage, lexicon)
    if own_kind:
        above = next((i for i, row in enumerate(top) if row.location == kind_at), None)
        if above is None:
            return None
        top = top[:above]
    candidates = [row.text for row in top]
    if vorlage.art and not own_kind:
        candidates.append(vorlage.art)
    for text in candidates:
        if len(text.split()) > MAX_TITLE_WORDS:
            continue
        for name, pattern in patterns.items():
            match = pattern.match(text)
            if match and goes_on.match(text[match.end() :]):
                return name
    return None


def _is_vorlage_kind(vorlage: Vorlage, lexicon: Lexicon) -> bool:
    kind = lexicon.kind_at_start(vorlage.art) if vorlage.art else None
    return kind is not None and kind[0] not in lexicon.generic_kinds | lexicon.other_kinds
