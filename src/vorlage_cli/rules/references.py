"""Numbering and references: Beschlussvorschlag points and Anlagen run 1, 2, 3, and the text
and the Anlagen list agree about which Anlagen there are."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from vorlage_cli.evidence import Evidence
from vorlage_cli.extract.lexicon import Lexicon, alternatives
from vorlage_cli.model import Vorlage
from vorlage_cli.rules import Hit, RuleOptions, rule
from vorlage_cli.rules.completeness import PROFILE
from vorlage_cli.rules.text import listing, quoted, texts

_LABEL = re.compile(r"^\s*(\d{1,3})\s*([a-z]?)\s*[.):]?\s*$")


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The lexicon's attachment words as the patterns these rules match."""

    reference: re.Pattern[str]
    """ "Anlage 3", "Anlagen 4 und 5", "Anl. 6a": group 1 the first number, group 2 the rest."""
    more: re.Pattern[str]
    """One more number in the rest: group 1 the word or sign before it, group 2 the number."""
    unnumbered: re.Pattern[str]
    """An attachment mentioned without a number ("siehe Anlage", "das anliegende …")."""
    attachment: str
    ranges: frozenset[str]
    """The words and signs between two numbers that make a range ("1 bis 13", "1-13")."""

    @staticmethod
    def build(lexicon: Lexicon) -> _Patterns:
        words = lexicon.data.get("sections", {})
        attachment = alternatives(words.get("attachment", []))
        separator = rf"(?:,|•|{alternatives(words.get('attachment_joiners', []))}|–|-)"
        number = r"\d{1,2}[a-z]?(?![\w.]\d)\b"
        pointing = alternatives([*words.get("see", []), *words.get("attachment_mentions", [])])
        return _Patterns(
            reference=re.compile(
                rf"\b{attachment}n?[\s•]*(?:Nr\.\s*)?({number})"
                rf"((?:\s*{separator}\s*(?:{attachment}\s*)?{number})*)"
            ),
            more=re.compile(rf"({separator})\s*(?:{attachment}\s*)?(\d{{1,2}}[a-z]?)"),
            unnumbered=re.compile(
                rf"\b{pointing}\s+(?:\w+\s+)?{attachment}\b(?!\s*\d)"
                rf"|\({attachment}\)|\b{alternatives(words.get('enclosed', []))}\w*",
                re.IGNORECASE,
            ),
            attachment=attachment,
            ranges=frozenset([*words.get("attachment_ranges", []), "-", "–"]),
        )


_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_TITLE_WORD = re.compile(r"[^\W\d_]{6,}")


def _parse(label: str) -> tuple[int, str] | None:
    """ "3" → (3, ""), "6a" → (6, "a"), "2." → (2, ""); None for labels that are no number."""
    match = _LABEL.match(label)
    return (int(match.group(1)), match.group(2)) if match else None


def _numbers(labels: Iterable[tuple[int, str]]) -> str:
    """Numbers for a message, runs shortened: "1 bis 5", "1, 3 und 6a"."""
    ordered = sorted(set(labels))
    parts: list[str] = []
    run: list[int] = []

    def flush() -> None:
        if len(run) >= 3:
            parts.append(f"{run[0]} bis {run[-1]}")
        else:
            parts.extend(str(n) for n in run)
        run.clear()

    for number, suffix in ordered:
        if suffix:
            flush()
            parts.append(f"{number}{suffix}")
        elif run and number == run[-1] + 1:
            run.append(number)
        else:
            flush()
            run.append(number)
    flush()
    return listing(parts)


def _sequence_problems(
    labels: list[str],
    noun: str,
    nouns: str,
    printed_elsewhere: Callable[[int], bool] = lambda number: False,
) -> list[str]:
    """Gaps and repeats in a numbering, as German clauses: "Anlage 3 fehlt", "Anlagen 3 und 5
    fehlen". A gap whose number ``printed_elsewhere`` finds is no gap."""
    parsed = [p for p in (_parse(label) for label in labels) if p is not None]
    if not parsed:
        return []
    problems: list[str] = []
    present = {number for number, _ in parsed}
    gaps = [
        (n, "") for n in range(1, max(present) + 1) if n not in present and not printed_elsewhere(n)
    ]
    if gaps:
        many = len(gaps) > 1
        problems.append(
            f"{nouns if many else noun} {_numbers(gaps)} {'fehlen' if many else 'fehlt'}"
        )
    repeated = [label for label, count in Counter(parsed).items() if count > 1]
    if repeated:
        many = len(repeated) > 1
        problems.append(
            f"{nouns if many else noun} {_numbers(repeated)} {'kommen' if many else 'kommt'} "
            "doppelt vor"
        )
    return problems


@rule("NUM001", "beschlusspunkte-nummerierung", "warning", "Beschlusspunkte lückenhaft nummeriert")
def proposal_numbering(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """The numbered points of a Beschlussvorschlag are voted on and cited by their numbers
    ("Punkt 3 wird abgelehnt"); a gap or a number given twice makes such a vote ambiguous. The
    printed numbers come from the extractor (the model keeps the points without them). A list
    that starts again at 1 is a new list (nominees per faction, points per Ortsfeuerwehr), a
    number with a leading zero is a date ("01. Januar"), a single number is no list, and a
    number that is printed elsewhere in the Beschlussvorschlag ("GRÜNE 1. Stadtrat …", "3a.")
    is not missing."""
    labels = evidence.proposal_numbers
    _, rows = evidence.spans.get("beschlussvorschlag", (None, []))
    printed = " ".join(evidence.rows[index].text for index in rows)
    problems: list[str] = []
    first_problem: int | None = None
    for run in _runs(labels):
        found = _sequence_problems(
            [labels[position] for position in run],
            "Punkt",
            "Punkte",
            printed_elsewhere=lambda number: _printed_number(number, printed),
        )
        if found:
            problems += found
            first_problem = run[-1] if first_problem is None else first_problem
    if not problems:
        return
    points = vorlage.beschlussvorschlag
    shift = len(points) - len(labels)
    point = points[first_problem + shift] if first_problem is not None and shift >= 0 else ""
    yield Hit(
        f"Die Punkte des Beschlussvorschlags sind {', '.join(labels)} nummeriert: "
        f"{listing(problems)}",
        "beschlussvorschlag",
        " ".join(point.split()[:8]) or None,
    )


def _runs(labels: list[str]) -> list[list[int]]:
    """Positions of the numbered points, split into lists where the numbering starts again at
    1; numbers with a leading zero ("01. Januar") are left out, and a run of one is no list."""
    runs: list[list[int]] = []
    for position, label in enumerate(labels):
        parsed = _parse(label)
        if parsed is None or label.strip().startswith("0"):
            continue
        if parsed == (1, "") or not runs:
            runs.append([])
        runs[-1].append(position)
    return [run for run in runs if len(run) > 1]


def _printed_number(number: int, text: str) -> bool:
    """Whether "3." or "3a)" stands anywhere in the text, not only at a line start."""
    return re.search(rf"(?<![\d.,§])\b{number}[a-z]?[.)](?=\s)", text) is not None


@rule("NUM002", "anlagen-nummerierung", "warning", "Anlagen lückenhaft nummeriert")
def attachment_numbering(
    vorlage: Vorlage, evidence: Evidence, options: RuleOptions
) -> Iterator[Hit]:
    """The Anlagen list runs 1, 2, 3 (sub-numbers such as 6a, 6b belong to 6): a gap means an
    Anlage was left out or renumbered, a repeat that two attachments share a number. An Anlage
    the document prints itself (a line opening with "Anlage 1" after the reasoning, or the
    reasoning itself given as Anlage 1) is part of the Vorlage, not a gap in its list."""
    labels = [a.nummer for a in vorlage.anlagen if a.nummer]
    problems = _sequence_problems(
        labels,
        "Anlage",
        "Anlagen",
        printed_elsewhere=lambda n: _embedded(evidence, n, options.lexicon),
    )
    if problems:
        yield Hit(
            f"Das Anlagenverzeichnis ist nicht lückenlos nummeriert ({', '.join(labels)}): "
            f"{listing(problems)}",
            "anlagen",
        )


def _embedded(evidence: Evidence, number: int, lexicon: Lexicon) -> bool:
    """Whether the document prints Anlage ``number`` itself: a line outside the Anlagen list
    that opens with "Anlage 1" ("Anlage 1: Begründung", "Anlage 1 zur Drucksache …")."""
    _, listed = evidence.spans.get("anlagen", (None, []))
    attachment = lexicon.built(_Patterns.build).attachment
    opening = re.compile(rf"{attachment}\s+{number}(?![\d.,])")
    return any(
        opening.match(row.text) for index, row in enumerate(evidence.rows) if index not in listed
    )


def references(vorlage: Vorlage, lexicon: Lexicon) -> dict[tuple[int, str], tuple[str, str]]:
    """Every Anlage the text refers to by number ("Anlage 3", "Anlagen 4 und 5", "Anlagen 1 bis
    13", "Anl. 6a"), with the field and the words of its first mention. Two rules read them:
    they ask ``evidence.derive`` for them, so that a document's texts are searched once."""
    patterns = lexicon.built(_Patterns.build)
    found: dict[tuple[int, str], tuple[str, str]] = {}
    for path, text in texts(vorlage):
        for match in patterns.reference.finditer(text):
            first = _parse(match.group(1))
            if first is None:
                continue
            mention = (path, " ".join(match.group().split()))
            found.setdefault(first, mention)
            previous = first
            for separator, label in patterns.more.findall(match.group(2)):
                current = _parse(label)
                if current is None:
                    continue
                if separator in patterns.ranges and not current[1] and not previous[1]:
                    for number in range(previous[0] + 1, current[0] + 1):
                        found.setdefault((number, ""), mention)
                found.setdefault(current, mention)
                previous = current
    return found


def _listed(reference: tuple[int, str], listed: set[tuple[int, str]]) -> bool:
    number, suffix = reference
    return (
        reference in listed
        or (number, "") in listed
        or (not suffix and any(n == number for n, _ in listed))
    )


@rule("NUM003", "anlage-nicht-aufgefuehrt", "warning", "Anlage im Text, aber nicht im Verzeichnis")
def reference_unlisted(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """Every "Anlage N" the text refers to is in the Anlagen list, or the bodies look for a
    paper they were never sent. Only a Vorlage that prints an Anlagen list is judged: many
    templates leave the attachments to the RIS. An Anlage the document prints itself (a line
    opening with "Anlage 1" after the reasoning) is part of the Vorlage, not missing."""
    if not vorlage.anlagen:
        return
    listed = {p for p in (_parse(a.nummer or "") for a in vorlage.anlagen) if p is not None}
    if not listed:
        return  # an unnumbered list: "Anlage 2" may be any of its entries
    missing = {
        ref: mention
        for ref, mention in evidence.derive(references, vorlage, options.lexicon).items()
        if not _listed(ref, listed) and not _embedded(evidence, ref[0], options.lexicon)
    }
    if not missing:
        return
    path, words = next(iter(missing.values()))
    many = len(missing) > 1
    yield Hit(
        f"Der Text verweist auf {'die Anlagen' if many else 'Anlage'} {_numbers(missing)}, "
        f"die im Anlagenverzeichnis {'fehlen' if many else 'fehlt'}",
        path,
        words,
    )


@rule(
    "NUM005",
    "nummer-unueblich",
    "warning",
    "Nummer passt nicht zum üblichen Muster",
    options=(PROFILE,),
)
def number_shape(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """With a learned profile: the Vorlage's number has none of the shapes the council's
    numbers have ("DS 101/2022": letters, digits and separators in their usual places, digit
    runs of their usual lengths). A typo ("DS 10/20222"), a number from another system or a
    placeholder shows this way. Without a profile this rule finds nothing."""
    profile = options[PROFILE]
    number = vorlage.nummer
    if profile is None or not profile.numbers or not number:
        return
    if any(re.fullmatch(shape.pattern, number) for shape in profile.numbers):
        return
    examples = listing(quoted(shape.example) for shape in profile.numbers[:2])
    yield Hit(
        f"Die Nummer {quoted(number)} hat nicht die übliche Form (z. B. {examples})",
        "nummer",
        number,
    )


def _unnumbered_mentions(vorlage: Vorlage, lexicon: Lexicon) -> list[set[str]]:
    """Sentences that mention an Anlage only without a number ("siehe Anlage", "das anliegende
    Strategiekonzept"), each as its set of distinctive words."""
    patterns = lexicon.built(_Patterns.build)
    mentions = []
    for _, text in texts(vorlage, subject=False):
        for sentence in _SENTENCE.split(text):
            if patterns.unnumbered.search(sentence) and not patterns.reference.search(sentence):
                mentions.append({w.casefold() for w in _TITLE_WORD.findall(sentence)})
    return mentions


@rule("NUM004", "anlage-ohne-verweis", "info", "Anlage wird im Text nicht erwähnt")
def listed_unreferenced(
    vorlage: Vorlage, evidence: Evidence, options: RuleOptions
) -> Iterator[Hit]:
    """A listed Anlage that the text never mentions is either superfluous or the reasoning
    forgot to explain it. Mentions by number ("Anlage 2") count, and so do mentions without a
    number that share a distinctive word with the Anlage's title ("das anliegende
    Strategiekonzept" for "Smart City-Strategiekonzept für die Stadt Lünen"). A mention that
    matches no title ("siehe Anlage") could mean any of them: then nothing is reported."""
    referenced = evidence.derive(references, vorlage, options.lexicon)
    candidates = []
    for anlage in vorlage.anlagen:
        parsed = _parse(anlage.nummer or "")
        if parsed is None or parsed in referenced or (parsed[0], "") in referenced:
            continue
        candidates.append((parsed, anlage))
    if not candidates:
        return  # every Anlage is mentioned by number: no need to read the sentences
    mentions = _unnumbered_mentions(vorlage, options.lexicon)
    unreferenced: list[tuple[int, str]] = []
    for parsed, anlage in candidates:
        title = {w.casefold() for w in _TITLE_WORD.findall(anlage.titel)}
        matched = [m for m in mentions if m & title]
        if matched:
            mentions.remove(matched[0])
        else:
            unreferenced.append(parsed)
    if unreferenced and not mentions:
        many = len(unreferenced) > 1
        first = next(a for parsed, a in candidates if parsed == min(unreferenced))
        yield Hit(
            f"{'Die Anlagen' if many else 'Anlage'} {_numbers(unreferenced)} "
            f"{'werden' if many else 'wird'} im Text nicht erwähnt",
            "anlagen",
            first.titel,
        )
