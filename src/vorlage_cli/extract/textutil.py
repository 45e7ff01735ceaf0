"""Text clean-up shared by every field: whitespace, line joining and hyphenation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u00ad]")
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


def alternatives(phrases: Iterable[str], *, space: str = r"\s+") -> str:
    """The phrases as one regular-expression group, longest first so that the longest phrase
    wins where one starts another, each word escaped and ``space`` between words; a group that
    matches nothing where there are none. The words are lexicon data; the pattern around the
    group (boundaries, what may follow) is the caller's."""
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    parts = [space.join(re.escape(word) for word in phrase.split()) for phrase in ordered]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@dataclass(frozen=True, slots=True)
class Joining:
    """The grammar words that decide how printed lines join into text, from the lexicon's
    ``[language]`` table."""

    suspended_hyphen_next: re.Pattern[str]
    """What opens the line after a suspended hyphen ("Sport-" / "und Bolzplätze")."""
    mid_phrase: re.Pattern[str]
    """What ends a line that breaks off mid-phrase ("Schul- und", "Dienstberatung des")."""

    @classmethod
    def from_words(cls, joiners: list[str], continuing: list[str]) -> Joining:
        return cls(
            re.compile(rf"^(?:{alternatives(joiners)}|&|,)(?:\s|$)"),
            re.compile(rf"(?:[-,/&]|\b{alternatives(continuing)})$"),
        )


_JOINING: ContextVar[Joining | None] = ContextVar("joining", default=None)


@contextmanager
def joining(words: Joining) -> Iterator[None]:
    """Lines join by these words while the block runs. ``extract`` installs its lexicon's for
    one document, so that a city's words reach every row, cell and paragraph, also where no
    lexicon is at hand (a table cell joins its lines when first read); outside, the shipped
    lexicon's words apply."""
    token = _JOINING.set(words)
    try:
        yield
    finally:
        _JOINING.reset(token)


def _joining() -> Joining:
    words = _JOINING.get()
    if words is None:
        from vorlage_cli.extract.lexicon import default_lexicon  # imports this module

        words = default_lexicon().joining
    return words


def continues_suspended_hyphen(line: str) -> bool:
    """Whether a line opens with a word that follows a suspended hyphen ("und Bolzplätze"), so
    that a hyphen before it ends a word's first part, not a word broken in two."""
    return _joining().suspended_hyphen_next.match(line) is not None


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
            if continues_suspended_hyphen(line):
                result += " " + line
            elif line[0].islower():
                result = result[:-1] + line
            else:
                result += line
        else:
            result += " " + line
    return result


BOX = re.compile(r"\[\s*[xX✓✔]\s*\]|\[\s*\]|[☐☒☑✓✔✗✘□■]")
"""A check box of a form, ticked or not: a glyph or a bracket pair."""
TICKED = re.compile(r"\[\s*[xX✓✔]\s*\]|[☒☑✓✔✗✘■]")
"""A ticked check box."""


def ends_mid_phrase(text: str) -> bool:
    """Whether a line breaks off mid-phrase ("Schul- und", "Dienstberatung des"), so that the
    next line continues it."""
    return bool(_joining().mid_phrase.search(text.rstrip()))


def title_case_heading(text: str) -> str:
    """A heading printed in capitals in its usual spelling: first letter capital, rest lower."""
    if text.isupper() and len(text) > 3:
        return text[:1] + text[1:].lower()
    return text
