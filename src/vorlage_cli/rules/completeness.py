"""Completeness: the fields a Vorlage cannot do without."""

from __future__ import annotations

from collections.abc import Iterator

from vorlage_cli.model import Vorlage
from vorlage_cli.rules import Hit, rule
from vorlage_cli.rules.kinds import asks_for_decision


@rule("REQ001", "nicht-erkennbar", "error", "Dokument ist nicht als Vorlage erkennbar")
def not_a_vorlage(vorlage: Vorlage) -> Iterator[Hit]:
    """A document with no number, no Beratungsfolge and none of the known sections is not
    recognisable as a Vorlage (or is a template the lexicon does not know yet). Reporting this as
    an error keeps a wrong file from passing as an empty success."""
    known = vorlage.recognised_sections - {"betreff"}
    if vorlage.nummer is None and not vorlage.beratungsfolge and not known:
        yield Hit(
            "Das Dokument ist nicht als Vorlage erkennbar: keine Nummer, keine Beratungsfolge, "
            "keine bekannten Abschnitte"
        )


@rule("REQ002", "nummer-fehlt", "error", "Vorlagennummer fehlt")
def number_missing(vorlage: Vorlage) -> Iterator[Hit]:
    """Every Vorlage carries a number (Vorlage-Nr., Drucksache, DS-Nr.) under which it is filed
    and referred to in minutes and decisions."""
    if vorlage.nummer is None and _recognisable(vorlage):
        yield Hit("Die Vorlagennummer fehlt", "nummer")


@rule("REQ003", "betreff-fehlt", "error", "Betreff fehlt")
def subject_missing(vorlage: Vorlage) -> Iterator[Hit]:
    """The subject (Betreff, Titel, Bezeichnung des Tagesordnungspunktes) becomes the agenda
    item's title; a Vorlage without one cannot be put on an agenda."""
    if not vorlage.betreff and _recognisable(vorlage):
        yield Hit("Der Betreff fehlt", "betreff")


@rule("REQ004", "beratungsfolge-fehlt", "error", "Beratungsfolge fehlt")
def consultations_missing(vorlage: Vorlage) -> Iterator[Hit]:
    """Without a Beratungsfolge nobody knows which bodies deal with the Vorlage and when. Some
    RIS web pages show it on another tab: the finding then says the page is incomplete."""
    if not vorlage.beratungsfolge and _recognisable(vorlage):
        yield Hit(
            "Die Beratungsfolge fehlt: keine Gremien und Sitzungstermine angegeben",
            "beratungsfolge",
        )


@rule("REQ005", "finanzen-fehlen", "error", "Finanzielle Auswirkungen fehlen")
def finances_missing(vorlage: Vorlage) -> Iterator[Hit]:
    """A Vorlage that asks for a decision must state its financial impact, even if only to say
    there is none ("Nein", "keine", "./."); information kinds need not."""
    if (
        vorlage.finanzielle_auswirkungen is None
        and _recognisable(vorlage)
        and asks_for_decision(vorlage)
    ):
        yield Hit("Die Angabe zu den finanziellen Auswirkungen fehlt", "finanzielle_auswirkungen")


@rule("REQ006", "beschlussvorschlag-fehlt", "error", "Beschlussvorschlag fehlt")
def proposal_missing(vorlage: Vorlage) -> Iterator[Hit]:
    """A Vorlage that asks a body to decide must say what it is to decide. Information kinds
    (Mitteilungs-, Informations-, Unterrichtungsvorlage) have none."""
    if not vorlage.beschlussvorschlag and _recognisable(vorlage) and asks_for_decision(vorlage):
        yield Hit("Der Beschlussvorschlag fehlt", "beschlussvorschlag")


def _recognisable(vorlage: Vorlage) -> bool:
    return bool(
        vorlage.nummer or vorlage.beratungsfolge or (vorlage.recognised_sections - {"betreff"})
    )
