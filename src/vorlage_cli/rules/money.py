"""Money: amounts written so that a German reader reads them as meant, and costs with their
coverage. (Whether the financial impact is stated at all is the completeness rule REQ005.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vorlage_cli.evidence import Evidence
from vorlage_cli.model import Vorlage
from vorlage_cli.rules import Hit, RuleOptions, rule
from vorlage_cli.rules.text import AMOUNT, CURRENCY, quoted, texts

_AMBIGUOUS = re.compile(
    # "19,980 Euro": a comma before exactly three digits, as an English thousands separator.
    # "0,285 Euro" cannot be meant that way, and unit prices ("1,799 Euro je Liter") are exact.
    rf"(?<![\d.,])(?P<amount>[1-9]\d{{0,2}},\d{{3}})(?![\d.,]?\d)\s*(?P<unit>{CURRENCY})"
    rf"(?!\s*(?:/|je\b|pro\b))"
    rf"|(?P<prefix>€|EUR\b)\s*(?P<prefixed>[1-9]\d{{0,2}},\d{{3}})(?![\d.,]?\d)"
)
_ENGLISH = re.compile(rf"(?<![\d.,])\d{{1,3}}(?:,\d{{3}})+\.\d{{2}}(?!\d)\s*{CURRENCY}")
_THOUSANDS_COMMA = re.compile(r",\d{3}")
"""Both notations above need a comma before three digits; a text without one needs no scan."""
_COVERAGE = re.compile(
    r"\bDeckung|\bgedeckt\b|\bProdukt\w*\s*(?:Nr\.?\s*)?\d|\bSachkont|\bHaushaltsstelle"
    r"|\bTeilplan|\bKostenstelle|\bKostenträger|\bInvestitionsnummer|\bFinanzposition"
    r"|\bUnterabschnitt|\bHaushaltsmittel|\bHaushaltsansatz|\bveranschlagt\b|\beingeplant\b"
    r"|\bbereitgestellt\b|\bbereitzustellen\b|\bzur Verfügung\b|\bfinanziert\b"
    r"|\bFinanzierung erfolgt|\bFördermittel|\bZuwendung|\bBudget"
    r"|\b(?:im|in den|in die|dem)\s+(?:\w+\s+){0,2}(?:Haushalt|Haushaltsplan|Wirtschaftsplan"
    r"|Ergebnishaushalt|Finanzhaushalt|Verwaltungshaushalt|Vermögenshaushalt)\w*",
    re.IGNORECASE,
)


def _german_reading(amount: str) -> str:
    """How a German reader reads "19,980": 19 Euro 98 Cent."""
    euros, decimals = amount.split(",")
    cents = str(int(decimals[:2])) + ("," + decimals[2] if decimals[2] != "0" else "")
    return f"{euros} Euro" if cents == "0" else f"{euros} Euro {cents} Cent"


@rule("FIN001", "betrag-mehrdeutig", "warning", "Betrag in mehrdeutiger Schreibweise")
def ambiguous_amount(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """In German notation the comma separates the cents: "19,980 Euro" reads as 19 Euro 98 Cent,
    although 19.980 Euro are meant (the seed's Strategieentwicklungsprozess). Amounts with a
    comma before exactly three digits, and amounts in English notation ("1,250.00 €"), are
    reported where they appear. Unit prices ("1,799 Euro je Liter") and amounts below one Euro
    are exact and not reported."""
    for path, text in texts(vorlage):
        if not _THOUSANDS_COMMA.search(text):
            continue
        seen: set[str] = set()
        for match in _AMBIGUOUS.finditer(text):
            amount = match.group("amount") or match.group("prefixed")
            if match.group() in seen:
                continue
            seen.add(match.group())
            meant = amount.replace(",", ".")
            yield Hit(
                f"Betrag {quoted(match.group())} ist mehrdeutig: in deutscher Schreibweise "
                f"{_german_reading(amount)}, gemeint sind wohl {meant} Euro",
                path,
            )
        for match in _ENGLISH.finditer(text):
            yield Hit(
                f"Betrag {quoted(match.group())} steht in englischer Schreibweise "
                "(Komma als Tausendertrennzeichen, Punkt vor den Cent)",
                path,
            )


@rule("FIN002", "deckung-fehlt", "warning", "Kosten ohne Angabe der Deckung")
def costs_without_coverage(
    vorlage: Vorlage, evidence: Evidence, options: RuleOptions
) -> Iterator[Hit]:
    """Where the financial impact or the proposal names an amount, the Vorlage also says where
    the money comes from: Deckung, Produkt, Sachkonto, Haushaltsstelle, Teilplan, budgeted
    funds ("im Haushalt 2025 veranschlagt") or grants. Coverage is looked for in the whole
    Vorlage, since many templates explain it in the reasoning."""
    costs = [
        (path, match.group())
        for path, text in texts(vorlage, subject=False)
        if path == "finanzielle_auswirkungen" or path.startswith("beschlussvorschlag[")
        for match in AMOUNT.finditer(text)
        if re.search(r"[1-9]", match.group())
    ]
    if not costs:
        return
    if any(_COVERAGE.search(text) for _, text in texts(vorlage, subject=False)):
        return
    path, amount = costs[0]
    yield Hit(
        f"Die Vorlage nennt Kosten ({' '.join(amount.split())}), aber keine Deckung "
        "(Deckung, Produkt, Sachkonto, Haushaltsstelle oder Teilplan)",
        path,
    )
