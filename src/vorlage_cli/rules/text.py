"""Helpers the rules share for reading the model's texts and writing German messages."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from vorlage_cli.model import Beratung, Vorlage

_PLACEHOLDER = re.compile(
    r"""(?<!\w)(?:
        X{3,} | x{3,} | XX\.XX\.(?:\d{2}|XX)(?:\d{2}|XX)?  # "XXX", "XX.XX.2025"
      | \[\s*(?:Text|Betrag|Datum|Name|Titel|Gremium|Nummer|Ort|Bezeichnung|Platzhalter)
        [^\]]{0,20}\]                                   # "[Text]", "[Betrag in Euro]"
      | <\s*(?:Text|Betrag|Datum|Name|Titel)[^>]{0,20}>  # "<Text>"
      | @[A-Z][A-Z0-9_]*@                              # unfilled template fields "@GRM4@"
      | TODO | TBD | Lorem\ ipsum
    )(?!\w)""",
    re.VERBOSE,
)
_PLACEHOLDER_PARTS = ("XXX", "xxx", "XX.", "[", "<", "@", "TODO", "TBD", "Lorem ipsum")
"""Every placeholder contains one of these: a text without them needs no scan by the pattern,
whose look-behind makes it slow on long reasoning texts."""
_ELLIPSIS = re.compile(r"\[\s*(?:\.{3}|…)\s*\]|\.{3,}|…+")
"""An ellipsis ("...", "[…]") is a placeholder when it is all a section holds, but ordinary
prose inside one: "[…]" marks an omission in a quotation."""
_NONE_MARKS = {"-", "–", "—", "./.", "/"}
CURRENCY = r"(?:€|Euro\b|EUR\b)"
AMOUNT = re.compile(
    rf"(?<![\d.,])(?:\d{{1,3}}(?:\.\d{{3}})+|\d+)(?:,\d{{1,2}}|,[-–]{{1,2}})?\s*"
    rf"(?:{CURRENCY}|TEUR\b|T€|Mio\.?\s*{CURRENCY}|Millionen\s+Euro\b)"
    rf"|(?:€|EUR\b)\s*\d[\d.]*(?:,\d{{1,2}})?"
)
"""An amount of money as printed: "12.000 Euro", "469,6 TEUR", "€ 318,00", "1,2 Mio. €"."""
_FEMININE = re.compile(
    r"(?:ung|schaft|ion|e|kammer|konferenz|runde|versammlung)$",
    re.IGNORECASE,
)


def placeholders_in(text: str | None) -> list[str]:
    """Placeholder text left from a template ("XXX", "[Text]", "@GRM4@"), as printed."""
    if not _may_hold_placeholder(text or ""):
        return []
    return [match.group() for match in _PLACEHOLDER.finditer(text or "")]


def _may_hold_placeholder(text: str) -> bool:
    return any(part in text for part in _PLACEHOLDER_PARTS)


def is_missing(text: str | None, *, dash_means_none: bool = False) -> bool:
    """True for no text, an empty text, or text made only of placeholders and punctuation
    ("...", "XXX", "[Text]"). A dash or "./." is a statement ("none") where ``dash_means_none``
    is set (Finanzielle Auswirkungen), and missing anywhere else."""
    if text is None:
        return True
    stripped = text.strip()
    if dash_means_none and stripped in _NONE_MARKS:
        return False
    if _may_hold_placeholder(stripped):
        stripped = _PLACEHOLDER.sub(" ", stripped)
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


def in_body(name: str) -> str:
    """ "im Rat der Stadt Lünen", "in der Stadtverordnetenversammlung": the preposition with the
    article that the body's head noun takes (the first word that is not a hyphenated part)."""
    words = [w for w in name.split() if not w.endswith("-") and w.casefold() != "und"]
    head = words[0] if words else name
    return f"in der {name}" if _FEMININE.search(head) else f"im {name}"


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
