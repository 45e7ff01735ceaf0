"""Text clean-up shared by every field: whitespace, line joining and hyphenation."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u00ad]")
SUSPENDED_HYPHEN_NEXT = re.compile(r"^(und|oder|bzw\.|sowie|als|bis|u\.|&|,)(\s|$)")
_NUMBERING = re.compile(r"^(?:[IVX]{1,5}\.|\d{1,2}(?:\.\d{1,2})*\.?|[a-z]\))\s+(?=\S)")


def fold(text: str) -> str:
    """Single spaces, no control characters, NFC."""
    # Most text is clean already: printable (no control or format character, no whitespace but
    # the space), without double spaces and in NFC, folding only strips its ends.
    if text.isprintable() and "  " not in text and unicodedata.is_normalized("NFC", text):
        return text.strip()
    return _SPACE.sub(" ", _CONTROL.sub("", unicodedata.normalize("NFC", text))).strip()


@lru_cache(maxsize=4096)
def key(text: str) -> str:
    """A comparison key for labels: case, colons, spacing around slashes and a leading section
    number do not matter ("II. Sachverhalt:" and "SACHVERHALT" match). Kept for the texts
    seen last: the strategies look the same labels up again and again."""
    text = fold(text).rstrip(":").strip()
    text = _NUMBERING.sub("", text)
    text = re.sub(r"\s*/\s*", "/", text)
    return text.casefold().replace("ß", "ss")


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph, undoing hyphenation that only breaks a word.

    "Personalaus-" + "schuss" → "Personalausschuss"; a hyphen before a capital stays
    ("Dessau-" + "Roßlauer", "Kfz-" + "Stellplatz"), and so does a suspended hyphen
    ("Sport-" + "und Bolzplätze" → "Sport- und Bolzplätze").
    """
    result = ""
    for raw in lines:
        line = fold(raw)
        if not line:
            continue
        if not result:
            result = line
        elif line[0] in ",.;:)":
            result += line  # punctuation wrapped onto the next line ("Arbeitsmarkt" / ",")
        elif (
            result.endswith("-") and len(result) > 1 and result[-2].isdigit() and line[0].isdigit()
        ):
            result += line
        elif result.endswith("-") and len(result) > 1 and result[-2].isalpha():
            if SUSPENDED_HYPHEN_NEXT.match(line):
                result += " " + line
            elif line[0].islower():
                result = result[:-1] + line
            else:
                result += line
        else:
            result += " " + line
    return result


_MID_PHRASE = re.compile(
    r"(?:[-,/&]|\b(?:und|oder|für|des|der|die|das|den|dem|von|vom|mit|zur|zum|im|in|am|an|auf|bei))$"
)


BOX = re.compile(r"\[\s*[xX✓✔]\s*\]|\[\s*\]|[☐☒☑✓✔✗✘□■]")
"""A check box of a form, ticked or not: a glyph or a bracket pair."""
TICKED = re.compile(r"\[\s*[xX✓✔]\s*\]|[☒☑✓✔✗✘■]")
"""A ticked check box."""


def ends_mid_phrase(text: str) -> bool:
    """Whether a line breaks off mid-phrase ("Schul- und", "Dienstberatung des"), so that the
    next line continues it."""
    return bool(_MID_PHRASE.search(text.rstrip()))


def title_case_heading(text: str) -> str:
    """A heading printed in capitals in its usual spelling: first letter capital, rest lower."""
    if text.isupper() and len(text) > 3:
        return text[:1] + text[1:].lower()
    return text
