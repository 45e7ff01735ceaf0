"""Helpers the rules share for reading the model's texts and writing German messages."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from vorlage_cli.extract.lexicon import Lexicon, alternatives
from vorlage_cli.model import Beratung, Vorlage

_PLACEHOLDER_SHAPES = ("XXX", "xxx", "XX.", "[", "<", "@")


@dataclass(frozen=True, slots=True)
class Placeholders:
    """The lexicon's placeholders as a pattern, and the parts every placeholder contains: a
    text without one of them needs no scan by the pattern, whose look-behind makes it slow on
    long reasoning texts."""

    pattern: re.Pattern[str]
    parts: tuple[str, ...]

    @staticmethod
    def build(lexicon: Lexicon) -> Placeholders:
        markers = lexicon.words("placeholders", "markers")
        literal = alternatives(markers, space=r"\ ")
        pattern = re.compile(
            rf"""(?<!\w)(?:
                X{{3,}} | x{{3,}} | XX\.XX\.(?:\d{{2}}|XX)(?:\d{{2}}|XX)?   # "XXX", "XX.XX.2025"
              | \[\s*{alternatives(lexicon.words("placeholders", "bracketed"))}
                [^\]]{{0,20}}\]                                      # "[Betrag in Euro]"
              | <\s*{alternatives(lexicon.words("placeholders", "angled"))}[^>]{{0,20}}>
              | @[A-Z][A-Z0-9_]*@                                     # "@GRM4@"
              | {literal}
            )(?!\w)""",
            re.VERBOSE,
        )
        return Placeholders(pattern, (*_PLACEHOLDER_SHAPES, *markers))


_ELLIPSIS = re.compile(r"\[\s*(?:\.{3}|…)\s*\]|\.{3,}|…+")
"""An ellipsis ("...", "[…]") is a placeholder when it is all a section holds, but ordinary
prose inside one: "[…]" marks an omission in a quotation."""
_NONE_MARKS = {"-", "–", "—", "./.", "/"}


def unit(words: list[str]) -> str:
    """Units or words as one pattern group, each a whole word where it ends in a letter ("EUR"
    but not "EURO"; "€" as it is), any whitespace between the words of one."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    parts = [
        r"\s+".join(re.escape(part) for part in word.split())
        + (r"\b" if word[-1:].isalnum() else "")
        for word in ordered
    ]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@dataclass(frozen=True, slots=True)
class MoneyWords:
    """The lexicon's words of money as patterns."""

    currency: str
    """A currency after an amount ("€", "Euro", "EUR"), as a pattern group."""
    currency_before: str
    """A currency before an amount ("€ 318,00")."""
    unit_price: str
    """A word that makes an amount a unit price ("je", "pro")."""
    amount: re.Pattern[str]
    """An amount of money as printed: "12.000 Euro", "469,6 TEUR", "€ 318,00", "1,2 Mio. €"."""

    @staticmethod
    def build(lexicon: Lexicon) -> MoneyWords:
        words = lexicon.data.get("money", {})
        currency = unit(words.get("currency", []))
        before = unit(words.get("currency_before", []))
        units = (
            f"(?:{currency}|{unit(words.get('thousands', []))}"
            rf"|{alternatives(words.get('millions', []))}\s*{currency}"
            f"|{unit(words.get('millions_spelt', []))})"
        )
        amount = re.compile(
            rf"(?<![\d.,])(?:\d{{1,3}}(?:\.\d{{3}})+|\d+)(?:,\d{{1,2}}|,[-–]{{1,2}})?\s*{units}"
            rf"|{before}\s*\d[\d.]*(?:,\d{{1,2}})?"
        )
        return MoneyWords(currency, before, unit(words.get("unit_price", [])), amount)


def money(lexicon: Lexicon) -> MoneyWords:
    return lexicon.built(MoneyWords.build)


def placeholders_in(text: str | None, lexicon: Lexicon) -> list[str]:
    """Placeholder text left from a template ("XXX", "[Text]", "@GRM4@"), as printed."""
    placeholders = lexicon.built(Placeholders.build)
    if not any(part in (text or "") for part in placeholders.parts):
        return []
    return [match.group() for match in placeholders.pattern.finditer(text or "")]


def is_missing(text: str | None, lexicon: Lexicon, *, dash_means_none: bool = False) -> bool:
    """True for no text, an empty text, or text made only of placeholders and punctuation
    ("...", "XXX", "[Text]"). A dash or "./." is a statement ("none") where ``dash_means_none``
    is set (Finanzielle Auswirkungen), and missing anywhere else."""
    if text is None:
        return True
    stripped = text.strip()
    if dash_means_none and stripped in _NONE_MARKS:
        return False
    placeholders = lexicon.built(Placeholders.build)
    if any(part in stripped for part in placeholders.parts):
        stripped = placeholders.pattern.sub(" ", stripped)
    remainder = _ELLIPSIS.sub(" ", stripped) if "..." in stripped or "…" in stripped else stripped
    return not re.search(r"\w", remainder)


def german_date(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value is not None else "?"


def listing(items: Iterable[str]) -> str:
    """ "A", "A und B", "A, B und C" """
    names = list(items)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " und " + names[-1]


def quoted(text: str, limit: int = 80) -> str:
    """A value quoted German-style, shortened to ``limit`` characters."""
    folded = " ".join(text.split())
    if len(folded) > limit:
        folded = folded[: limit - 1].rstrip() + "…"
    return f"„{folded}“"


def body_key(name: str) -> str:
    """A comparison key for a body's name: case and spacing do not matter."""
    return " ".join(name.split()).casefold()


def in_body(name: str, lexicon: Lexicon) -> str:
    """ "im Rat der Stadt Lünen", "in der Stadtverordnetenversammlung": the preposition with the
    article that the body's head noun takes (the first word that is no hyphenated part and no
    conjunction: "Haupt- und Finanzausschuss")."""
    joining = {word.casefold() for word in lexicon.words("language", "name_conjunctions")}
    words = [w for w in name.split() if not w.endswith("-") and w.casefold() not in joining]
    head = words[0] if words else name
    return f"in der {name}" if lexicon.built(_feminine).search(head) else f"im {name}"


def _feminine(lexicon: Lexicon) -> re.Pattern[str]:
    """The endings of nouns that take the feminine article, at the end of a word."""
    return re.compile(alternatives(lexicon.words("language", "feminine_endings")) + "$", re.I)


def printed_role(entry: Beratung) -> bool:
    """Whether the station's role is printed (or given by hand), not derived by the extractor
    from the kind and the order of the sessions."""
    return entry.rolle is not None and entry.rolle_quelle != "abgeleitet"


def role_note(entry: Beratung) -> str:
    """ " (Rolle abgeleitet)" where a message rests on a role the document does not print but
    the extractor derived from the kind and the order of the sessions; empty otherwise."""
    return " (Rolle abgeleitet)" if entry.rolle_quelle == "abgeleitet" else ""


def station(entry: Beratung) -> str:
    """A consultation as a message names it: "Rat der Stadt Lünen am 25.04.2024"."""
    if entry.termin is None:
        return entry.gremium
    return f"{entry.gremium} am {german_date(entry.termin)}"


def texts(vorlage: Vorlage, *, subject: bool = True) -> Iterator[tuple[str, str]]:
    """Every prose field as (field path, text): subject, money, proposal points, reasoning and
    the other sections, in document order as far as the model keeps it."""
    if subject and vorlage.betreff:
        yield "betreff", vorlage.betreff
    if vorlage.finanzielle_auswirkungen:
        yield "finanzielle_auswirkungen", vorlage.finanzielle_auswirkungen
    for index, point in enumerate(vorlage.beschlussvorschlag):
        yield f"beschlussvorschlag[{index}]", point
    if vorlage.sachdarstellung:
        yield "sachdarstellung", vorlage.sachdarstellung
    for heading, text in vorlage.weitere_abschnitte.items():
        yield f"weitere_abschnitte.{heading}", text
