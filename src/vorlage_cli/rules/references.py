"""Numbering and references: Beschlussvorschlag points and Anlagen run 1, 2, 3, and the text
and the Anlagen list agree about which Anlagen there are."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from vorlage_cli.evidence import Evidence
from vorlage_cli.model import Vorlage
from vorlage_cli.rules import Hit, RuleOptions, rule
from vorlage_cli.rules.text import listing, texts

_LABEL = re.compile(r"^\s*(\d{1,3})\s*([a-z]?)\s*[.):]?\s*$")
_SEPARATOR = r"(?:,|•|und|sowie|bis|u\.|–|-)"
_REFERENCE = re.compile(
    r"\b(?:Anlagen?|Anl\.)[\s•]*(?:Nr\.\s*)?(\d{1,2}[a-z]?)(?![\w.]\d)\b"
    rf"((?:\s*{_SEPARATOR}\s*(?:Anlage\s*)?\d{{1,2}}[a-z]?(?![\w.]\d)\b)*)"
)
_MORE = re.compile(rf"({_SEPARATOR})\s*(?:Anlage\s*)?(\d{{1,2}}[a-z]?)")
_UNNUMBERED = re.compile(
    r"\b(?:siehe|s\.|vgl\.|in der|in|als|laut|gemäß)\s+(?:\w+\s+)?Anlage\b(?!\s*\d)"
    r"|\(Anlage\)|\b(?:an|bei)liegend\w*|\bbeigefügt\w*",
    re.IGNORECASE,
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


def _sequence_problems(labels: list[str], noun: str, nouns: str) -> list[str]:
    """Gaps and repeats in a numbering, as German clauses: "Anlage 3 fehlt", "Anlagen 3 und 5
    fehlen"."""
    parsed = [p for p in (_parse(label) for label in labels) if p is not None]
    if not parsed:
        return []
    problems: list[str] = []
    present = {number for number, _ in parsed}
    gaps = [(n, "") for n in range(1, max(present) + 1) if n not in present]
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
    printed numbers come from the extractor (the model keeps the points without them)."""
    problems = _sequence_problems(evidence.proposal_numbers, "Punkt", "Punkte")
    if problems:
        printed = ", ".join(evidence.proposal_numbers)
        yield Hit(
            f"Die Punkte des Beschlussvorschlags sind {printed} nummeriert: {listing(problems)}",
            "beschlussvorschlag",
        )


@rule("NUM002", "anlagen-nummerierung", "warning", "Anlagen lückenhaft nummeriert")
def attachment_numbering(
    vorlage: Vorlage, evidence: Evidence, options: RuleOptions
) -> Iterator[Hit]:
    """The Anlagen list runs 1, 2, 3 (sub-numbers such as 6a, 6b belong to 6): a gap means an
    Anlage was left out or renumbered, a repeat that two attachments share a number. An Anlage
    embedded in the document itself and left off the list shows up as a gap too."""
    labels = [a.nummer for a in vorlage.anlagen if a.nummer]
    problems = _sequence_problems(labels, "Anlage", "Anlagen")
    if problems:
        yield Hit(
            f"Das Anlagenverzeichnis ist nicht lückenlos nummeriert ({', '.join(labels)}): "
            f"{listing(problems)}",
            "anlagen",
        )


def references(vorlage: Vorlage) -> dict[tuple[int, str], str]:
    """Every Anlage the text refers to by number ("Anlage 3", "Anlagen 4 und 5", "Anlagen 1 bis
    13", "Anl. 6a"), with the field of its first mention."""
    found: dict[tuple[int, str], str] = {}
    for path, text in texts(vorlage):
        for match in _REFERENCE.finditer(text):
            first = _parse(match.group(1))
            if first is None:
                continue
            found.setdefault(first, path)
            previous = first
            for separator, label in _MORE.findall(match.group(2)):
                current = _parse(label)
                if current is None:
                    continue
                if separator in ("bis", "-", "–") and not current[1] and not previous[1]:
                    for number in range(previous[0] + 1, current[0] + 1):
                        found.setdefault((number, ""), path)
                found.setdefault(current, path)
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
    templates leave the attachments to the RIS, and "Anlage 1" may also be a part of the
    document itself (an Anlage printed after the reasoning)."""
    if not vorlage.anlagen:
        return
    listed = {p for p in (_parse(a.nummer or "") for a in vorlage.anlagen) if p is not None}
    if not listed:
        return  # an unnumbered list: "Anlage 2" may be any of its entries
    missing = {ref: path for ref, path in references(vorlage).items() if not _listed(ref, listed)}
    if not missing:
        return
    path = next(iter(missing.values()))
    many = len(missing) > 1
    yield Hit(
        f"Der Text verweist auf {'die Anlagen' if many else 'Anlage'} {_numbers(missing)}, "
        f"die im Anlagenverzeichnis {'fehlen' if many else 'fehlt'}",
        path,
    )


def _unnumbered_mentions(vorlage: Vorlage) -> list[set[str]]:
    """Sentences that mention an Anlage only without a number ("siehe Anlage", "das anliegende
    Strategiekonzept"), each as its set of distinctive words."""
    mentions = []
    for _, text in texts(vorlage, subject=False):
        for sentence in _SENTENCE.split(text):
            if _UNNUMBERED.search(sentence) and not _REFERENCE.search(sentence):
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
    referenced = references(vorlage)
    candidates = []
    for anlage in vorlage.anlagen:
        parsed = _parse(anlage.nummer or "")
        if parsed is None or parsed in referenced or (parsed[0], "") in referenced:
            continue
        candidates.append((parsed, anlage))
    if not candidates:
        return  # every Anlage is mentioned by number: no need to read the sentences
    mentions = _unnumbered_mentions(vorlage)
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
        yield Hit(
            f"{'Die Anlagen' if many else 'Anlage'} {_numbers(unreferenced)} "
            f"{'werden' if many else 'wird'} im Text nicht erwähnt",
            "anlagen",
        )
