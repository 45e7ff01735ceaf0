"""The label lexicon as data (lexicon.toml), with the matchers the extractor needs.

Keeping labels as data is what lets a new template be taught rather than programmed: a city's
configuration can add labels under [tool.vorlage.lexicon] with the same shape as lexicon.toml.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any, TypeVar

from vorlage_cli.extract.dates import DateGrammar
from vorlage_cli.extract.numbers import NumberGrammar
from vorlage_cli.extract.textutil import Joining, alternatives, key
from vorlage_cli.readers.furniture import PageMarkers

T = TypeVar("T")

MAIN_SECTIONS = (
    "betreff",
    "beschlussvorschlag",
    "sachdarstellung",
    "finanzielle_auswirkungen",
    "anlagen",
)


def phrase_pattern(
    phrases: list[str],
    *,
    anchored: bool = False,
    run_together: bool = False,
    open_end: bool = False,
) -> re.Pattern[str]:
    """A case-insensitive pattern for any of the phrases as whole words, longest first, with any
    whitespace between words and around slashes; with ``run_together`` also none, for text
    layers that lost their spaces ("BeratungundEmpfehlung"); with ``open_end`` a phrase may
    also end where the next word follows without a space ("einstimmiglt.Beschlussvorschlag")."""
    return _phrase_pattern(tuple(phrases), anchored, run_together, open_end)


@lru_cache(maxsize=64)
def _phrase_pattern(
    phrases: tuple[str, ...], anchored: bool, run_together: bool = False, open_end: bool = False
) -> re.Pattern[str]:
    """Built once per set of phrases: the readers of every document ask for the same ones.

    The phrases are merged into a tree of shared beginnings ("Bau" once for "Bauausschuss" and
    "Bauamt"): a flat alternation of a few hundred phrases is tried phrase by phrase at every
    position of every line, which made one long line cost seconds. All phrases that match at one
    position lie on one path of the tree, and a phrase's continuation is tried before its end,
    so the longest phrase wins, as it did in the alternation sorted by length."""
    tree: dict[str, dict] = {}
    for phrase in phrases:
        node = tree
        for token in _tokens(phrase):
            node = node.setdefault(token, {})
        node[_END] = {}
    start = r"^" if anchored else r"(?<![\w])"
    separators = {**_SEPARATORS, " ": r"\s*"} if run_together else _SEPARATORS
    end = "" if open_end else r"(?![\w])"
    return re.compile(start + _alternatives(tree, separators) + end, re.IGNORECASE)


_END = ""
"""The tree's mark for "a phrase ends here"; no token is empty."""
_SEPARATORS = {" ": r"\s+", "/": r"\s*/\s*"}
"""Any whitespace between words, and around a slash ("Bau- / Umweltausschuss")."""


def _tokens(phrase: str) -> list[str]:
    """The phrase's characters in lower case, with one token for the space between words, so
    that "Haupt- und  Finanzausschuss" and "haupt- und finanzausschuss" share one path."""
    tokens: list[str] = []
    for index, word in enumerate(phrase.split()):
        if index:
            tokens.append(" ")
        tokens.extend(word.lower())
    return tokens


def _alternatives(node: dict[str, dict], separators: dict[str, str]) -> str:
    """The pattern for every path from ``node`` to a phrase's end: the branches first, then
    the empty ending where a phrase may stop here, so that longer phrases are preferred."""
    branches = []
    for token, child in node.items():
        if token == _END:
            continue
        text = separators.get(token, re.escape(token))
        while len(child) == 1 and _END not in child:  # a stretch without forks, as one literal
            [(token, child)] = child.items()
            text += separators.get(token, re.escape(token))
        branches.append(text + _alternatives(child, separators))
    if _END in node:
        if not branches:
            return ""
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


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
    top_label: re.Pattern[str]
    """ "TOP 5", "TOP-Nr. 18.1", "TOP" at the start of a text; group n is the item."""
    top: re.Pattern[str]
    """An agenda item alone, with or without its label: "5", "Ö 3", "TOP 18.1"."""
    sentence: re.Pattern[str]
    """A consultation written as a sentence: "Beschluss des Bezirksausschusses … vom …",
    "Vorberatung im Bauausschuss am …"; groups role, article, gremium."""
    body_date: re.Pattern[str]
    """ "Bauausschuss am 12.05.2025": a name, then a word before a date; group name."""
    date_preposition: re.Pattern[str]
    """The word before a date at the end of a body's name: "Bauausschuss am" (14.10.2025)."""
    preposition_date: re.Pattern[str]
    """That word before a date's first digit anywhere: a cheap test before :attr:`sentence`,
    whose search costs much on a long line."""
    session_articles: frozenset[str]
    """The articles (casefolded) between a session and its body: "Sitzung des Gemeinderates"."""
    genitive: frozenset[str]
    """The articles (casefolded) after which a sentence names the body in the genitive."""
    in_prose: re.Pattern[str]
    """A word at the end of a text that puts the date after it inside a sentence."""
    no_date: re.Pattern[str]
    """What a date cell prints for a session not yet set ("noch offen", "-"), the whole cell."""
    corporation: re.Pattern[str] = re.compile("(?!)")
    """A body's corporation in brackets after its name: " (Gemeinde Pettendorf)"."""
    narrative: re.Pattern[str] = re.compile("(?!)")
    """An article at the end of a text, before a :attr:`sentence`'s role: "Aufgrund der"."""

    @classmethod
    def from_data(
        cls, words: dict[str, list[str]], roles: list[str], top_labels: list[str] = ()
    ) -> ConsultationWords:
        bodies = "|".join(re.escape(w) for w in sorted(words.get("bodies", []), key=len))
        votes = "|".join(
            re.escape(w) for w in sorted(words.get("votes", []), key=len, reverse=True)
        )
        marks = words.get("public", []) + words.get("non_public", [])
        sessions = "|".join(re.escape(w) for w in words.get("session", []))
        vote_endings = alternatives(words.get("vote_endings", []))
        before_date = alternatives(words.get("before_date", []))
        nouns = sorted(
            {r for r in roles if " " not in r and r[:1].isupper()}, key=len, reverse=True
        )
        labels = "|".join(
            re.escape(label).replace(r"\ ", r"\s*")
            for label in sorted(top_labels, key=len, reverse=True)
        )
        item = r"\d{1,3}(?:\.\d{1,2}){0,2}[a-z]?"
        short = "".join(sorted({m.upper() for m in marks if len(m) == 1}))
        mark = rf"(?:[{short}]\s?)?" if short else ""
        label = rf"(?:{labels or '(?!)'})(?:\s*Nr\.?)?"
        # "öffentliche", also both at once: "öffentliche/nichtöffentliche Sitzung"
        adjectives = alternatives(words.get("session_adjectives", []))
        return cls(
            top_label=re.compile(rf"^{label}(?:\s*(?P<n>{item}))?\b", re.IGNORECASE),
            top=re.compile(rf"^(?:{label}\s*)?(?P<n>{mark}{item})$", re.IGNORECASE),
            body=re.compile(rf"\w*(?:{bodies or '(?!)'})\b", re.IGNORECASE),
            votes=re.compile(
                rf"^(?:(?:(?:{votes or '(?!)'}){vote_endings}?(?![\wäöü])\s*:?\s*\d+"
                rf"|\d+(?:\s*[x×])?[\s-]+(?:{votes or '(?!)'}){vote_endings}?(?![\wäöü]))"
                r"[,;/]?\s*)+",
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
                rf"^(?:\d+\.\s*)?(?:{adjectives}(?:\s*/\s*{adjectives})*\s+)?"
                rf"(?:{sessions or '(?!)'})\b",
                re.IGNORECASE,
            ),
            sentence=re.compile(
                rf"""(?P<role>{"|".join(re.escape(n) for n in nouns) or "(?!)"})
                \s+(?P<article>{alternatives(words.get("before_body", []))})
                \s+(?P<gremium>[^.;:]{{3,120}}?(?:\d+\.\s+[^.;:]{{3,60}}?)?)
                \s+{before_date}\s+(?=\d)""",
                re.VERBOSE | re.IGNORECASE,
            ),
            body_date=re.compile(
                rf"^(?P<name>[^.;:]{{3,120}}?)\s+{before_date}\s+(?=\d)", re.IGNORECASE
            ),
            date_preposition=re.compile(rf"\s+{before_date}$", re.IGNORECASE),
            preposition_date=re.compile(rf"\s{before_date}\s+\d", re.IGNORECASE),
            session_articles=frozenset(
                word.casefold() for word in words.get("session_articles", [])
            ),
            genitive=frozenset(word.casefold() for word in words.get("genitive_articles", [])),
            in_prose=re.compile(
                rf"\b{alternatives(words.get('prose_before_date', []))}\s*$", re.IGNORECASE
            ),
            no_date=re.compile(alternatives(words.get("no_date", [])), re.IGNORECASE),
            corporation=re.compile(
                rf"\s*\((?:{alternatives(words.get('corporations', []))})\s[^()]{{2,60}}\)"
            ),
            narrative=re.compile(
                rf"\b{alternatives(words.get('narrative_articles', []))}\s+$", re.IGNORECASE
            ),
        )


@dataclass(frozen=True, slots=True)
class AttachmentWords:
    """Patterns for the word that names an attachment, built from the lexicon."""

    numbered: re.Pattern[str]
    """ "Anlage 3: Lageplan", "Anlagen Nr. 2 – Satzung": groups number and title."""
    loose: re.Pattern[str]
    """A title that starts with the word and no number ("Anlage zum Stellenplan 2012")."""
    see: re.Pattern[str]
    """ "siehe Anlage 1": group number."""
    words: str
    """The words as a pattern, for "Anlage 1" on a line of its own."""

    @classmethod
    def from_data(cls, words: list[str], see: list[str]) -> AttachmentWords:
        named = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
        pointing = "|".join(re.escape(w) for w in sorted(see, key=len, reverse=True)) or "(?!)"
        named = rf"(?:{named})(?:n\b)?"
        return cls(
            numbered=re.compile(
                rf"^{named}\s*(?:Nr\.?\s*)?(\d{{1,2}}[a-z]?)\b\s*[:.\-–)]?\s*(.*)$", re.I
            ),
            loose=re.compile(rf"^{named}\b(?!\s*\d)\s+\S", re.I),
            see=re.compile(rf"^(?:{pointing})\s+{named}\s+(\d{{1,2}})\.?$", re.I),
            words=named,
        )

    def opening(self, number: str) -> re.Pattern[str]:
        """ "Anlage 1" or "Anlage 1:" alone on a line: where that attachment's text begins."""
        return re.compile(rf"^{self.words}\s+{re.escape(number)}\s*:?$", re.IGNORECASE)


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
    role_start: re.Pattern[str] = field(default=re.compile("(?!)"))
    """A role phrase at the start of a text, also where the next word follows without a space."""
    result_start: re.Pattern[str] = field(default=re.compile("(?!)"))
    """A result phrase at the start of a text, also where the next word follows without a space."""
    bf_headings: set[str] = field(default_factory=set)
    label_field: dict[str, str] = field(default_factory=dict)
    vertretung_pattern: re.Pattern[str] = field(default=re.compile("(?!)"))
    funktionen: set[str] = field(default_factory=set)
    ersteller_prefixes: list[str] = field(default_factory=list)
    unit_kinds_before_name: frozenset[str] = frozenset()
    """Kinds of unit (keys) that a unit's name goes on after ("Eigenbetrieb" / "Team …")."""
    strong_adjective: re.Pattern[str] = field(default=re.compile("(?!)"))
    """A word that ends like an adjective waiting for its noun ("Zentraler", "Sauberes")."""
    contact_labels: set[str] = field(default_factory=set)
    keyed_section_of: dict[str, str] = field(default_factory=dict)
    """Labels that open a section only as a key cell beside its value (a summary table)."""
    public_words: re.Pattern[str] = field(default=re.compile("(?!)"))
    """The multi-letter public and non-public words, inflected, anywhere in a text."""
    sitzungsteil_line: re.Pattern[str] = field(default=re.compile("(?!)"))
    """A line of its own that states the whole Vorlage's public status."""
    attachment_columns: dict[str, str] = field(default_factory=dict)
    """An attachments table's column label key → "nummer", "titel" or "" (says nothing)."""
    signature_places: frozenset[str] = frozenset()
    chair: re.Pattern[str] = field(default=re.compile("(?!)"))
    attachment: AttachmentWords = field(default_factory=lambda: AttachmentWords.from_data([], []))
    yes_words: frozenset[str] = frozenset()
    """A form's answers that say yes, whose question and details are kept ("Ja")."""
    none_keys: frozenset[str] = frozenset()
    """What a section says where it has nothing to list or state ("keine", "-", "entfällt")."""
    numbers: NumberGrammar = field(default_factory=lambda: NumberGrammar.from_words([]))
    dates: DateGrammar = field(default_factory=lambda: DateGrammar.from_months({}))
    joining: Joining = field(default_factory=lambda: Joining.from_words([], []))
    page_markers: PageMarkers = field(
        default_factory=lambda: PageMarkers.from_groups("(?!)", "(?!)", "(?!)")
    )
    consultation: ConsultationWords = field(
        default_factory=lambda: ConsultationWords.from_data({}, [])
    )
    _built: dict[Callable[[Lexicon], Any], Any] = field(
        default_factory=dict, repr=False, compare=False
    )

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Lexicon:
        lexicon = cls(data=data)
        lexicon.numbers = NumberGrammar.from_words(
            list(data.get("numbers", {}).get("revision_words", []))
        )
        language = data.get("language", {})
        lexicon.dates = DateGrammar.from_months(
            dict(language.get("months", {})), language.get("weekdays", [])
        )
        endings = language.get("strong_adjective_endings", [])
        if endings:
            lexicon.strong_adjective = re.compile(rf"(?:{alternatives(endings)})$")
        lexicon.joining = Joining.from_words(
            list(language.get("suspended_hyphen_joiners", [])),
            list(language.get("line_continues_after", [])),
        )
        furniture = data.get("furniture", {})
        lexicon.page_markers = PageMarkers.from_groups(
            alternatives(furniture.get("page", [])),
            alternatives(furniture.get("page_of", [])),
            alternatives(furniture.get("page_belongs_to", [])),
            alternatives(furniture.get("controls", [])),
            alternatives(furniture.get("content_start", [])),
            alternatives(furniture.get("stamps", [])),
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
            for suffix in fields.get("number_suffixes", [])
        ]
        lexicon.field_labels["other"] = list(fields.get("other", [])) + list(
            fields.get("kontakt", [])
        )
        lexicon.contact_labels = {key(label) for label in fields.get("kontakt", [])}
        lexicon.ersteller_prefixes = list(fields.get("ersteller_prefixes", []))
        lexicon.unit_kinds_before_name = frozenset(
            key(word) for word in fields.get("unit_kinds_before_name", [])
        )
        for name, labels in lexicon.field_labels.items():
            for label in labels:
                lexicon.label_field.setdefault(key(label), name)
        sections = data.get("sections", {})
        lexicon.none_keys = frozenset(key(word) for word in sections.get("none", []))
        lexicon.attachment = AttachmentWords.from_data(
            list(sections.get("attachment", [])), list(sections.get("see", []))
        )
        for role, labels in sections.get("anlagen_columns", {}).items():
            for label in labels:
                lexicon.attachment_columns[key(label)] = "" if role == "other" else role

        words = data.get("beratungsfolge", {}).get("words", {})
        marks = [w for w in words.get("public", []) + words.get("non_public", []) if len(w) > 2]
        marks_pattern = "|".join(
            r"\s*".join(re.escape(part) for part in mark.split())
            for mark in sorted(marks, key=len, reverse=True)
        )
        if marks_pattern:
            lexicon.public_words = re.compile(rf"\b({marks_pattern})(?:e|er|en)?\b", re.I)
        lexicon.sitzungsteil_line = phrase_pattern(
            list(data.get("fields", {}).get("sitzungsteil_lines", [])), anchored=True
        )
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
                lexicon.role_of.setdefault(key(phrase).replace(" ", ""), role)
                phrases.append(phrase)
        lexicon.role_pattern = phrase_pattern(phrases, run_together=True)
        lexicon.role_start = phrase_pattern(phrases, run_together=True, open_end=True)
        lexicon.consultation = ConsultationWords.from_data(
            bf.get("words", {}), phrases, list(bf.get("columns", {}).get("top", []))
        )
        results = data.get("results", {}).get("phrases", [])
        lexicon.result_pattern = phrase_pattern(results, run_together=True)
        lexicon.result_start = phrase_pattern(results, run_together=True, open_end=True)
        signature = data.get("signature", {})
        lexicon.vertretung_pattern = phrase_pattern(signature.get("vertretung", []), anchored=True)
        lexicon.signature_places = frozenset(key(w) for w in signature.get("places", []))
        lexicon.chair = phrase_pattern(signature.get("chair", []))
        lexicon.funktionen = {key(f).split()[-1] for f in signature.get("funktionen", [])}
        return lexicon

    def built(self, make: Callable[[Lexicon], T]) -> T:
        """What ``make`` builds from this lexicon's words (the patterns a rule matches with),
        built once: every document checked under one configuration asks for the same."""
        if make not in self._built:
            self._built[make] = make(self)
        return self._built[make]  # type: ignore[no-any-return]

    def header_labels(self) -> list[str]:
        """Every header field's label as printed, contact and other labels among them."""
        return [label for labels in self.field_labels.values() for label in labels]

    def words(self, *path: str) -> list[str]:
        """One list of words, by its path through the tables ("statutes", "citing"); empty
        where a preset or a city's configuration removed it."""
        found: Any = self.data
        for name in path:
            found = found.get(name, {}) if isinstance(found, dict) else {}
        return [str(word) for word in found] if isinstance(found, list) else []

    def extended(self, extra: dict[str, Any]) -> Lexicon:
        """This lexicon with a configuration's additional labels merged in (lists are extended,
        tables merged), as a new object."""
        return Lexicon.from_data(_merge(self.data, extra))

    def changed(self, changes: dict[str, Any]) -> Lexicon:
        """This lexicon with a preset's or a configuration's changes, as a new object: the
        entries of ``extend`` are added (lists extended, tables merged), those of ``override``
        replace what stands at their place, and ``remove`` takes entries out (items of a list,
        keys of a table)."""
        data = _merge(self.data, changes.get("extend", {}))
        data = _override(data, changes.get("override", {}))
        data = _remove(data, changes.get("remove", {}))
        return Lexicon.from_data(data)

    def publicity(self, text: str) -> str | None:
        """ "öffentlich" or "nichtöffentlich" where the text says so in a word of the lexicon's
        public and non-public marks (also inflected: "öffentlicher", "nicht öffentliche")."""
        match = self.public_words.search(text)
        if match is None:
            return None
        return (
            "öffentlich"
            if key(match.group(1)) in self.consultation.public_keys
            else ("nichtöffentlich")
        )

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
        """The role a printed phrase means, also where the text layer lost the spaces between
        its words ("BeratungundEmpfehlung")."""
        return self.role_of.get(key(printed)) or self.role_of.get(key(printed).replace(" ", ""))

    def begins_role(self, fragment: str) -> bool:
        """Whether a word broken at a line's end ("BeratungundBeschlussfas-", without its
        hyphen) is the start of a longer role phrase and already holds a whole one, so that a
        text layer without spaces breaks a role the way a spaced one does ("Beratung und
        Beschlussfas-")."""
        folded = key(fragment).replace(" ", "")
        return any(
            phrase.startswith(folded) for phrase in self.role_of if len(phrase) > len(folded)
        ) and any(folded.startswith(phrase) for phrase in self.role_of if " " not in phrase)

    def kind(self, printed: str) -> tuple[str, bool] | None:
        return self.kinds.get(key(printed))

    def compound_kind(self, printed: str) -> tuple[str, bool] | None:
        """The kind a compound word ends in, where the word itself is not in the lexicon:
        "Kreistagsdrucksache", "GR-Drucksache", "Ratsvorlage" are Drucksachen and Vorlagen of
        one body. Only one-word kinds of seven letters or more end a compound, so that no short
        word ("Antrag") is read out of the middle of a longer one."""
        word = key(printed)
        if " " in word:
            return None
        for known, kind in self.kinds.items():
            long_enough = " " not in known and len(known) >= 7
            if long_enough and word.endswith(known) and len(word) - len(known) >= 2:
                return kind
        return None

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


def _override(base: dict[str, Any], replacing: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for name, value in replacing.items():
        if isinstance(value, dict) and isinstance(merged.get(name), dict):
            merged[name] = _override(merged[name], value)
        else:
            merged[name] = value
    return merged


def _remove(base: dict[str, Any], removing: dict[str, Any]) -> dict[str, Any]:
    kept = dict(base)
    for name, value in removing.items():
        current = kept.get(name)
        if isinstance(value, dict) and isinstance(current, dict):
            kept[name] = _remove(current, value)
        elif isinstance(value, list) and isinstance(current, list):
            gone = {key(str(item)) for item in value}
            kept[name] = [item for item in current if key(str(item)) not in gone]
        elif isinstance(value, list) and isinstance(current, dict):
            gone = {key(str(item)) for item in value}
            kept[name] = {k: v for k, v in current.items() if key(k) not in gone}
        else:
            raise ValueError(f"'{name}' lässt sich so nicht entfernen")
    return kept


PRESETS = "presets"
"""The package folder of template-family presets: ``<name>.toml`` with ``extend``,
``override`` and ``remove`` tables shaped like lexicon.toml."""


def presets() -> dict[str, str]:
    """The presets shipped with vorlage, by name, with their one-line description."""
    folder = resources.files("vorlage_cli.extract").joinpath(PRESETS)
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text("utf-8"))
            found[entry.name.removesuffix(".toml")] = str(data.get("description", ""))
    return found


def preset(name: str) -> dict[str, Any]:
    """A preset's changes (``extend``, ``override``, ``remove``); KeyError for an unknown one."""
    if name not in presets():
        raise KeyError(name)
    entry = resources.files("vorlage_cli.extract").joinpath(PRESETS, f"{name}.toml")
    return tomllib.loads(entry.read_text("utf-8"))


def with_presets(lexicon: Lexicon, names: tuple[str, ...]) -> Lexicon:
    """A lexicon with presets applied on top, in order."""
    for name in names:
        lexicon = lexicon.changed(preset(name))
    return lexicon


@cache
def default_lexicon() -> Lexicon:
    text = resources.files("vorlage_cli.extract").joinpath("lexicon.toml").read_text("utf-8")
    return Lexicon.from_data(tomllib.loads(text))
