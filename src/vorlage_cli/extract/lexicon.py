"""The label lexicon as data (lexicon.toml), with the matchers the extractor needs.

Keeping labels as data is what lets a new template be taught rather than programmed: a city's
configuration can add labels under [tool.vorlage.lexicon] with the same shape as lexicon.toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from vorlage_cli.extract.numbers import NumberGrammar
from vorlage_cli.extract.textutil import key

MAIN_SECTIONS = (
    "betreff",
    "beschlussvorschlag",
    "sachdarstellung",
    "finanzielle_auswirkungen",
    "anlagen",
)


def phrase_pattern(phrases: list[str], *, anchored: bool = False) -> re.Pattern[str]:
    """A case-insensitive pattern for any of the phrases as whole words, longest first, with any
    whitespace between words and around slashes."""
    return _phrase_pattern(tuple(phrases), anchored)


@lru_cache(maxsize=64)
def _phrase_pattern(phrases: tuple[str, ...], anchored: bool) -> re.Pattern[str]:
    """Built once per set of phrases: the readers of every document ask for the same ones."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(word) for word in phrase.split()]
        body = r"\s+".join(words).replace(r"/", r"\s*/\s*")
        parts.append(body)
    start = r"^" if anchored else r"(?<![\w])"
    return re.compile(start + "(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ConsultationWords:
    """Patterns for the words that fill a Beratungsfolge, built from the lexicon's lists."""

    body: re.Pattern[str]
    """A word that ends in a body's head word ("Finanzausschuss", "Ortschaftsrat")."""
    votes: re.Pattern[str]
    """Vote counts at the start of a text: "Ja 44 Nein 0 Enthaltung 0"."""
    public: re.Pattern[str]
    """A public or non-public mark at the start of a text; group 1 is the mark."""
    public_keys: frozenset[str]
    """The keys of the marks that mean public."""
    session: re.Pattern[str]
    """A line naming a session: "12. öffentliche Sitzung des Rates"."""
    sentence: re.Pattern[str]
    """A consultation written as a sentence: "Beschluss des Bezirksausschusses … vom …",
    "Vorberatung im Bauausschuss am …"; groups role, article, gremium."""

    @classmethod
    def from_data(cls, words: dict[str, list[str]], roles: list[str]) -> ConsultationWords:
        bodies = "|".join(re.escape(w) for w in sorted(words.get("bodies", []), key=len))
        votes = "|".join(
            re.escape(w) for w in sorted(words.get("votes", []), key=len, reverse=True)
        )
        marks = words.get("public", []) + words.get("non_public", [])
        sessions = "|".join(re.escape(w) for w in words.get("session", []))
        nouns = sorted(
            {r for r in roles if " " not in r and r[:1].isupper()}, key=len, reverse=True
        )
        return cls(
            body=re.compile(rf"\w*(?:{bodies or '(?!)'})\b", re.IGNORECASE),
            votes=re.compile(
                rf"^(?:(?:(?:{votes or '(?!)'})(?:-Stimmen?)?\s*:?\s*\d+"
                rf"|\d+\s+(?:{votes or '(?!)'})(?:-Stimmen?)?)[,;]?\s*)+",
                re.IGNORECASE,
            ),
            public=re.compile(
                "^(" + phrase_pattern(marks).pattern.removeprefix("(?<![\\w])") + ")(?![\\wäöü])",
                re.IGNORECASE,
            )
            if marks
            else re.compile("(?!)"),
            public_keys=frozenset(key(w) for w in words.get("public", [])),
            session=re.compile(
                rf"^(?:\d+\.\s*)?(?:öffentliche\s+|nichtöffentliche\s+)?(?:{sessions or '(?!)'})\b",
                re.IGNORECASE,
            ),
            sentence=re.compile(
                rf"""(?P<role>{"|".join(re.escape(n) for n in nouns) or "(?!)"})
                \s+(?P<article>des|der|im|in\s+der|in\s+dem|durch\s+den|durch\s+die)
                \s+(?P<gremium>[^.;:]{{3,120}}?(?:\d+\.\s+[^.;:]{{3,60}}?)?)
                \s+(?:vom|am)\s+(?=\d)""",
                re.VERBOSE | re.IGNORECASE,
            ),
        )


@dataclass(slots=True)
class Lexicon:
    data: dict[str, Any]
    kinds: dict[str, tuple[str, bool]] = field(default_factory=dict)
    """Kind key → (usual spelling, whether the kind asks a body to decide)."""
    generic_kinds: frozenset[str] = frozenset()
    revision_kinds: frozenset[str] = frozenset()
    late_kinds: frozenset[str] = frozenset()
    other_kinds: frozenset[str] = frozenset()
    """Kinds that name documents which are no Vorlagen ("Anfrage"): a kind label saying so is
    no evidence of a Vorlage."""
    field_labels: dict[str, list[str]] = field(default_factory=dict)
    section_of: dict[str, str] = field(default_factory=dict)
    """Heading key → "betreff", "beschlussvorschlag", … or "other:<printed name>"."""
    column_of: dict[str, str] = field(default_factory=dict)
    role_of: dict[str, str] = field(default_factory=dict)
    role_pattern: re.Pattern[str] = field(default=re.compile("(?!)"))
    result_pattern: re.Pattern[str] = field(default=re.compile("(?!)"))
    bf_headings: set[str] = field(default_factory=set)
    label_field: dict[str, str] = field(default_factory=dict)
    vertretung_pattern: re.Pattern[str] = field(default=re.compile("(?!)"))
    funktionen: set[str] = field(default_factory=set)
    ersteller_prefixes: list[str] = field(default_factory=list)
    contact_labels: set[str] = field(default_factory=set)
    keyed_section_of: dict[str, str] = field(default_factory=dict)
    """Labels that open a section only as a key cell beside its value (a summary table)."""
    yes_words: frozenset[str] = frozenset()
    """A form's answers that say yes, whose question and details are kept ("Ja")."""
    none_keys: frozenset[str] = frozenset()
    """What a section says where it has nothing to list or state ("keine", "-", "entfällt")."""
    numbers: NumberGrammar = field(default_factory=lambda: NumberGrammar.from_words([]))
    consultation: ConsultationWords = field(
        default_factory=lambda: ConsultationWords.from_data({}, [])
    )

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Lexicon:
        lexicon = cls(data=data)
        lexicon.numbers = NumberGrammar.from_words(
            list(data.get("numbers", {}).get("revision_words", []))
        )
        kinds = data.get("kinds", {})
        for name, props in kinds.items():
            lexicon.kinds[key(name)] = (name, bool(props.get("decides", True)))
        lexicon.generic_kinds = frozenset(n for n, p in kinds.items() if p.get("generic"))
        lexicon.revision_kinds = frozenset(n for n, p in kinds.items() if p.get("revision"))
        lexicon.late_kinds = frozenset(n for n, p in kinds.items() if p.get("late"))
        other_titles = {
            key(phrase)
            for phrases in data.get("other_documents", {}).values()
            for phrase in phrases
        }
        lexicon.other_kinds = frozenset(n for n in kinds if key(n) in other_titles)
        fields = data.get("fields", {})
        for name in ("nummer", "art", "ersteller", "erstellt_am", "sitzungsteil", "betreff"):
            lexicon.field_labels[name] = list(fields.get(name, []))
        # every kind names its own number: "Beschlussvorlage-Nr.", "Drucksachen-Nr."
        lexicon.field_labels["nummer"] += [
            f"{kind}{joint}{suffix}"
            for kind in kinds
            for joint in ("-", " ", "n-")
            for suffix in ("Nr.", "Nr", "Nummer")
        ]
        lexicon.field_labels["other"] = list(fields.get("other", [])) + list(
            fields.get("kontakt", [])
        )
        lexicon.contact_labels = {key(label) for label in fields.get("kontakt", [])}
        lexicon.ersteller_prefixes = list(fields.get("ersteller_prefixes", []))
        for name, labels in lexicon.field_labels.items():
            for label in labels:
                lexicon.label_field.setdefault(key(label), name)
        sections = data.get("sections", {})
        lexicon.none_keys = frozenset(key(word) for word in sections.get("none", []))
        lexicon.yes_words = frozenset(sections.get("yes", []))
        for name in MAIN_SECTIONS:
            for label in sections.get(name, []):
                lexicon.section_of.setdefault(key(label), name)
        for printed, labels in sections.get("other", {}).items():
            for label in [printed, *labels]:
                lexicon.section_of.setdefault(key(label), f"other:{printed}")
        for printed, labels in sections.get("keyed", {}).items():
            for label in [printed, *labels]:
                lexicon.keyed_section_of.setdefault(key(label), f"other:{printed}")
        bf = data.get("beratungsfolge", {})
        lexicon.bf_headings = {key(h) for h in bf.get("headings", [])}
        for column, labels in bf.get("columns", {}).items():
            for label in labels:
                lexicon.column_of.setdefault(key(label), column)
        phrases = []
        for role, printed in data.get("roles", {}).items():
            for phrase in printed:
                lexicon.role_of.setdefault(key(phrase), role)
                phrases.append(phrase)
        lexicon.role_pattern = phrase_pattern(phrases)
        lexicon.consultation = ConsultationWords.from_data(bf.get("words", {}), phrases)
        lexicon.result_pattern = phrase_pattern(data.get("results", {}).get("phrases", []))
        signature = data.get("signature", {})
        lexicon.vertretung_pattern = phrase_pattern(signature.get("vertretung", []), anchored=True)
        lexicon.funktionen = {key(f).split()[-1] for f in signature.get("funktionen", [])}
        return lexicon

    def extended(self, extra: dict[str, Any]) -> Lexicon:
        """This lexicon with a configuration's additional labels merged in (lists are extended,
        tables merged), as a new object."""
        return Lexicon.from_data(_merge(self.data, extra))

    def is_label(self, text: str) -> bool:
        """Whether a text is a label the lexicon knows: a field's, a column's, a section's or
        the Beratungsfolge's heading."""
        label = key(text)
        return (
            label in self.label_field
            or label in self.column_of
            or label in self.section_of
            or label in self.bf_headings
        )

    def role(self, printed: str) -> str | None:
        return self.role_of.get(key(printed))

    def kind(self, printed: str) -> tuple[str, bool] | None:
        return self.kinds.get(key(printed))

    def names_kind(self, printed: str) -> bool:
        """Whether a value names a kind, also one of the city's own with a known kind at its
        start or end ("Beschlussempfehlung öffentlich", "Schriftliche Kenntnisgabe")."""
        words = printed.split()
        return bool(words) and (
            self.kind_at_start(printed) is not None or self.kind(words[-1]) is not None
        )

    def kind_at_start(self, printed: str) -> tuple[str, bool] | None:
        """The kind a value names, where more follows it in the same cell ("Beschlussempfehlung
        öffentlich", "Antrag vom 07.06.2014")."""
        words = printed.split()
        for length in range(len(words), 0, -1):
            found = self.kind(" ".join(words[:length]))
            if found is not None:
                return found
        return None


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for name, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(name), dict):
            merged[name] = _merge(merged[name], value)
        elif isinstance(value, list) and isinstance(merged.get(name), list):
            merged[name] = [*merged[name], *value]
        else:
            merged[name] = value
    return merged


@cache
def default_lexicon() -> Lexicon:
    text = resources.files("vorlage_cli.extract").joinpath("lexicon.toml").read_text("utf-8")
    return Lexicon.from_data(tomllib.loads(text))
