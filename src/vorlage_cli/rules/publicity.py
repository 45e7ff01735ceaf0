"""Public and non-public matters: what may be discussed in public, and whether the Vorlage says
the same about it everywhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from vorlage_cli.evidence import Evidence
from vorlage_cli.extract.lexicon import Lexicon, alternatives
from vorlage_cli.model import Vorlage
from vorlage_cli.rules import Hit, RuleOptions, rule
from vorlage_cli.rules.text import in_body, quoted, role_note, station, unit


@dataclass(frozen=True, slots=True)
class _Topics:
    """The lexicon's non-public topics and words of contract awards as patterns."""

    topics: dict[str, re.Pattern[str]]
    """How a finding names the topic → what shows it in a text."""
    award_subject: re.Pattern[str]
    award: re.Pattern[str]
    bidder: re.Pattern[str]

    @staticmethod
    def build(lexicon: Lexicon) -> _Topics:
        topics = {}
        for topic, words in lexicon.data.get("non_public_topics", {}).items():
            pattern = alternatives(words.get("words", []))
            if words.get("acts"):
                acts, objects = alternatives(words["acts"]), alternatives(words.get("objects", []))
                pattern = f"(?:{pattern}|{acts}\\s+(?:\\w+\\s+){{0,4}}?{objects}\\w*)"
            topics[topic] = re.compile(rf"\b{pattern}", re.IGNORECASE)
        awards = lexicon.data.get("awards", {})
        subject = alternatives(awards.get("subject", []))
        not_contracts = alternatives(awards.get("not_contracts", []))
        commission = alternatives(awards.get("commission", []))
        given = alternatives(awards.get("commission_given", []))
        return _Topics(
            topics,
            award_subject=re.compile(
                rf"\b(?:{subject}\b(?!\s+{not_contracts})"
                rf"|{alternatives(awards.get('subject_starts', []))})",
                re.IGNORECASE,
            ),
            award=re.compile(
                rf"\b(?:{alternatives(awards.get('awarding', []))}"
                rf"|{commission}\w*\s+(?:\S+\s+){{0,8}}?{given}\w*)"
            ),
            bidder=re.compile(
                rf"\b(?:{unit(awards.get('bidders', []))}"
                rf"|{alternatives(awards.get('bidder_starts', []))}\w*)(?!\w)"
            ),
        )


def _topic(path: str, text: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """The confidential topic a subject or proposal point is about, with the words that show
    it. A proposal awards a contract only where it names the bidder or the offer: "die Aufträge
    im Rahmen der Mittel zu vergeben" delegates the award and discloses nothing."""
    words = lexicon.built(_Topics.build)
    for topic, pattern in words.topics.items():
        match = pattern.search(text)
        if match:
            return topic, match.group()
    if path == "betreff":
        match = words.award_subject.search(text)
    else:
        match = words.award.search(text) if words.bidder.search(text) else None
    return ("eine Vergabe", match.group()) if match else None


def _is_public(vorlage: Vorlage) -> bool | None:
    """Public when the Vorlage says so, or, without a statement for the whole Vorlage, when a
    consultation is public; None when nothing is said."""
    if vorlage.sitzungsteil is not None:
        return vorlage.sitzungsteil == "öffentlich"
    marks = [b.oeffentlich for b in vorlage.beratungsfolge if b.oeffentlich is not None]
    return any(marks) if marks else None


@rule(
    "OEF001",
    "nichtoeffentliches-thema",
    "info",
    "Öffentliche Vorlage zu einem nichtöffentlichen Thema",
)
def confidential_topic_in_public(
    vorlage: Vorlage, evidence: Evidence, options: RuleOptions
) -> Iterator[Hit]:
    """Personnel matters, land deals and contract awards are usually discussed in non-public
    session (the Gemeindeordnungen protect personal data and business secrets of bidders and
    sellers). A public Vorlage whose subject or proposal is one of them deserves a second look,
    but many councils deliberately treat contract awards and land policy in public: hence a
    hint, and a council that wants a warning sets one. The reasoning is not read,
    because it mentions such words in passing ("Personalbedarf", "Kaufverträge wurden
    geschlossen")."""
    if not _is_public(vorlage):
        return
    fields = [("betreff", vorlage.betreff or "")]
    fields += [(f"beschlussvorschlag[{i}]", p) for i, p in enumerate(vorlage.beschlussvorschlag)]
    for path, text in fields:
        found = _topic(path, text, options.lexicon)
        if found is not None:
            yield Hit(
                f"Die Vorlage ist öffentlich, betrifft aber {found[0]} ({quoted(found[1])}); "
                "das wird oft nichtöffentlich beraten",
                path,
                found[1],
            )
            return


@rule(
    "OEF002",
    "oeffentlichkeit-widerspruch",
    "warning",
    "Ö/N einer Beratung widerspricht dem Sitzungsteil",
)
def publicity_contradiction(
    vorlage: Vorlage, evidence: Evidence, options: RuleOptions
) -> Iterator[Hit]:
    """A non-public Vorlage must not be discussed in a public session, and a Vorlage declared
    public is not decided behind closed doors. Pre-advising bodies that always meet in private
    (Gemeindevorstand, Verwaltungsausschuss, a Dienstberatung) are normal practice and not
    reported."""
    if vorlage.sitzungsteil is None:
        return
    for index, entry in enumerate(vorlage.beratungsfolge):
        if entry.oeffentlich is None:
            continue
        where = in_body(station(entry), options.lexicon)
        if vorlage.sitzungsteil == "nichtöffentlich" and entry.oeffentlich:
            yield Hit(
                f"Die Vorlage ist nichtöffentlich, die Beratung {where} ist aber öffentlich",
                f"beratungsfolge[{index}].oeffentlich",
                entry.gremium,
            )
        elif (
            vorlage.sitzungsteil == "öffentlich"
            and not entry.oeffentlich
            and entry.rolle == "Entscheidung"
        ):
            yield Hit(
                f"Die Vorlage ist öffentlich, die Entscheidung {where}"
                f"{role_note(entry)} ist aber nichtöffentlich",
                f"beratungsfolge[{index}].oeffentlich",
                entry.gremium,
            )
