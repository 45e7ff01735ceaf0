"""Public and non-public matters: what may be discussed in public, and whether the Vorlage says
the same about it everywhere."""

from __future__ import annotations

import re
from collections.abc import Iterator

from vorlage_cli.evidence import Evidence
from vorlage_cli.model import Vorlage
from vorlage_cli.rules import Hit, RuleOptions, rule
from vorlage_cli.rules.text import in_body, quoted, role_note, station

_TOPICS = {
    "eine Personalangelegenheit": re.compile(
        r"\b(?:Personalangelegenheit|Personalsache|Stellenbesetzung|Besetzung\s+der\s+Stelle"
        r"|Einstellung\s+(?:eine[rs]?|von\s+(?:Personal|Mitarbeit|Beschäftigt|Fachkr))"
        r"|Beförderung\s+(?:eine[rs]|zum|zur)|Höhergruppierung|Abberufung|Disziplinar"
        r"|Arbeitsvertrag|Dienstvertrag|Versetzung\s+in\s+den\s+Ruhestand)",
        re.IGNORECASE,
    ),
    "ein Grundstücksgeschäft": re.compile(
        r"\b(?:Grundstücks(?:an|ver)?kauf|Grundstücksgeschäft|Grundstücksangelegenheit"
        r"|Grunderwerb|Grundstückserwerb|Grundstückstausch|Veräußerung|Erbbaurecht|Kaufvertrag"
        r"|(?:Verkauf|Ankauf|Erwerb)\s+(?:\w+\s+){0,4}?(?:Grundstück|Fläche|Teilfläche"
        r"|Flurstück|Liegenschaft)\w*)",
        re.IGNORECASE,
    ),
}
_AWARD_SUBJECT = re.compile(
    r"\b(?:Vergabe\b(?!\s+von\s+(?:Straßennamen|Fördermitteln|Zuschüssen|Mitteln))"
    r"|Auftragsvergabe|Vergabeentscheidung|Zuschlag|Auftragserteilung)",
    re.IGNORECASE,
)
_AWARD = re.compile(r"\b(?:vergeben|vergibt|Zuschlag|Auftrag\w*\s+(?:\S+\s+){0,8}?erteil\w*)")
_BIDDER = re.compile(
    r"\b(?:Firma|Fa\.|GmbH|mbH|AG|KG|GbR|Bieter\w*|Bietergemeinschaft|Angebot\w*)(?!\w)"
)


def _topic(path: str, text: str) -> tuple[str, str] | None:
    """The confidential topic a subject or proposal point is about, with the words that show
    it. A proposal awards a contract only where it names the bidder or the offer: "die Aufträge
    im Rahmen der Mittel zu vergeben" delegates the award and discloses nothing."""
    for topic, pattern in _TOPICS.items():
        match = pattern.search(text)
        if match:
            return topic, match.group()
    if path == "betreff":
        match = _AWARD_SUBJECT.search(text)
    else:
        match = _AWARD.search(text) if _BIDDER.search(text) else None
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
        found = _topic(path, text)
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
        if vorlage.sitzungsteil == "nichtöffentlich" and entry.oeffentlich:
            yield Hit(
                f"Die Vorlage ist nichtöffentlich, die Beratung {in_body(station(entry))} "
                "ist aber öffentlich",
                f"beratungsfolge[{index}].oeffentlich",
                entry.gremium,
            )
        elif (
            vorlage.sitzungsteil == "öffentlich"
            and not entry.oeffentlich
            and entry.rolle == "Entscheidung"
        ):
            yield Hit(
                f"Die Vorlage ist öffentlich, die Entscheidung {in_body(station(entry))}"
                f"{role_note(entry)} ist aber nichtöffentlich",
                f"beratungsfolge[{index}].oeffentlich",
                entry.gremium,
            )
