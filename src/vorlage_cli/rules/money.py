"""Money: amounts written so that a German reader reads them as meant, and costs with their
coverage. (Whether the financial impact is stated at all is the completeness rule REQ005.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vorlage_cli.evidence import Evidence
from vorlage_cli.model import Vorlage
from vorlage_cli.rules import Hit, RuleOptions, rule
from vorlage_cli.rules.text import AMOUNT, CURRENCY, listing, quoted, texts

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


_BOX = r"(?:[☐☒☑✓✔✗✘□■]|\[\s*[xX]?\s*\])"
_TICKED = r"(?:[☒☑✓✔✗✘■]|\[\s*[xX]\s*\])"
_BOX_FIRST = re.compile(rf"^\s*{_BOX}")
_NO_AFTER_BOX = re.compile(rf"{_TICKED}\s*Nein\b")
_NO_BEFORE_BOX = re.compile(rf"\bNein\s*{_TICKED}")


def _ticked_no(row: str) -> bool:
    """A ticked "Nein" on a form's row. A row that opens with a box puts each box before its
    label ("☒ Nein"), any other row after it ("Ja ☐ Nein ☒")."""
    pattern = _NO_AFTER_BOX if _BOX_FIRST.match(row) else _NO_BEFORE_BOX
    return pattern.search(row) is not None


def _covered_on_the_form(evidence: Evidence) -> bool:
    """Whether the financial section, as printed, states coverage: a row that speaks of it
    ("Haushaltsmittel sind dauerhaft im Budget vorhanden"), unless its answer, on that row or
    the two after it ("Ja ☐" / "Nein ☒"), is a ticked "Nein". The extracted text keeps a
    box's answer ("Ja") but may lose the question it answers."""
    _, indices = evidence.spans.get("finanzielle_auswirkungen", (None, []))
    rows = [evidence.rows[index].text for index in indices]
    return any(
        _COVERAGE.search(text) and not any(_ticked_no(a) for a in rows[position : position + 3])
        for position, text in enumerate(rows)
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
    reported where they appear; a document that writes several amounts so has one cause (a
    habit, or text copied from an English spreadsheet) and gets one finding naming them all.
    Unit prices ("1,799 Euro je Liter") and amounts below one Euro are exact and not
    reported."""
    ambiguous: dict[str, str] = {}
    english: dict[str, str] = {}
    for path, text in texts(vorlage):
        if not _THOUSANDS_COMMA.search(text):
            continue
        for match in _AMBIGUOUS.finditer(text):
            ambiguous.setdefault(" ".join(match.group().split()), path)
        for match in _ENGLISH.finditer(text):
            english.setdefault(" ".join(match.group().split()), path)
    if ambiguous:
        printed, path = next(iter(ambiguous.items()))
        amount = _digits(printed)
        meant = f"gemeint sind wohl {amount.replace(',', '.')} Euro"
        if len(ambiguous) == 1:
            message = (
                f"Betrag {quoted(printed)} ist mehrdeutig: in deutscher Schreibweise "
                f"{_german_reading(amount)}, {meant}"
            )
        else:
            message = (
                f"Die Beträge {_some(ambiguous)} sind mehrdeutig: in deutscher Schreibweise "
                f"steht das Komma vor den Cent ({quoted(printed)}: {meant})"
            )
        yield Hit(message, path, printed)
    if english:
        printed, path = next(iter(english.items()))
        many = len(english) > 1
        yield Hit(
            f"{'Die Beträge' if many else 'Betrag'} {_some(english) if many else quoted(printed)} "
            f"{'stehen' if many else 'steht'} in englischer Schreibweise "
            "(Komma als Tausendertrennzeichen, Punkt vor den Cent)",
            path,
            printed,
        )


_AMOUNT_DIGITS = re.compile(r"[1-9]\d{0,2},\d{3}")


def _digits(printed: str) -> str:
    """ "€ 25,866" → "25,866" """
    found = _AMOUNT_DIGITS.search(printed)
    return found.group() if found else printed


_SHOWN = 3


def _some(printed: dict[str, str]) -> str:
    """Up to three amounts quoted, and how many more."""
    names = [quoted(text) for text in printed]
    if len(names) > _SHOWN:
        names = [*names[:_SHOWN], f"{len(names) - _SHOWN} weitere"]
    return listing(names)


@rule("FIN002", "deckung-fehlt", "info", "Kosten ohne Angabe der Deckung")
def costs_without_coverage(
    vorlage: Vorlage, evidence: Evidence, options: RuleOptions
) -> Iterator[Hit]:
    """Where the financial impact or the proposal names an amount, the Vorlage usually also
    says where the money comes from: Deckung, Produkt, Sachkonto, Haushaltsstelle, Teilplan,
    budgeted funds ("im Haushalt 2025 veranschlagt") or grants. Coverage is looked for in the
    whole Vorlage, since many templates explain it in the reasoning, and in the financial
    form as printed, where a ticked box answers its question ("Haushaltsmittel sind im Budget
    vorhanden: Ja ☒"). Amounts in a proposal are often fees or prices the decision sets, not
    costs, and what a council expects here is its own practice: hence a hint, which a council
    can raise to a warning."""
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
    if _covered_on_the_form(evidence):
        return
    path, amount = costs[0]
    yield Hit(
        f"Die Vorlage nennt Kosten ({' '.join(amount.split())}), aber keine Deckung "
        "(Deckung, Produkt, Sachkonto, Haushaltsstelle oder Teilplan)",
        path,
        " ".join(amount.split()),
    )
