"""Money: amounts written so that a German reader reads them as meant, and costs with their
coverage. (Whether the financial impact is stated at all is the completeness rule REQ005.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from vorlage_cli.evidence import Evidence
from vorlage_cli.extract.lexicon import Lexicon, alternatives
from vorlage_cli.extract.textutil import BOX, TICKED
from vorlage_cli.model import Vorlage
from vorlage_cli.rules import Hit, RuleOptions, rule
from vorlage_cli.rules.text import listing, money, quoted, texts, unit


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The lexicon's words of money and of form answers as the patterns these rules match."""

    ambiguous: re.Pattern[str]
    english: re.Pattern[str]
    coverage: re.Pattern[str]
    no_after_box: re.Pattern[str]
    no_before_box: re.Pattern[str]

    @staticmethod
    def build(lexicon: Lexicon) -> _Patterns:
        words = money(lexicon)
        currency = words.currency
        table = lexicon.data.get("money", {})
        budgets = alternatives(table.get("budgets", []))
        before = alternatives(table.get("budget_before", []))
        coverage = "|".join(
            [
                rf"\b{alternatives(table.get('coverage', []))}",
                rf"\b{alternatives(table.get('coverage_words', []))}\b",
                rf"\b{alternatives(table.get('coverage_numbered', []))}\w*\s*(?:Nr\.?\s*)?\d",
                rf"\b{before}\s+(?:\w+\s+){{0,2}}{budgets}\w*",
            ]
        )
        no = unit(lexicon.words("sections", "no"))
        return _Patterns(
            ambiguous=re.compile(
                # "19,980 Euro": a comma before exactly three digits, as an English thousands
                # separator. "0,285 Euro" cannot be meant that way, and unit prices ("1,799 Euro
                # je Liter") are exact.
                rf"(?<![\d.,])(?P<amount>[1-9]\d{{0,2}},\d{{3}})(?![\d.,]?\d)\s*(?P<unit>{currency})"
                rf"(?!\s*(?:/|{words.unit_price}))"
                rf"|(?P<prefix>{words.currency_before})\s*(?P<prefixed>[1-9]\d{{0,2}},\d{{3}})"
                # "64.665,00 € 25,866 %": the sign belongs to the amount before a percentage
                r"(?![\d.,]?\d)(?!\s*%)"
            ),
            english=re.compile(rf"(?<![\d.,])\d{{1,3}}(?:,\d{{3}})+\.\d{{2}}(?!\d)\s*{currency}"),
            coverage=re.compile(coverage, re.IGNORECASE),
            no_after_box=re.compile(rf"(?:{TICKED.pattern})\s*{no}"),
            no_before_box=re.compile(rf"(?<!\w){no}\s*(?:{TICKED.pattern})"),
        )


_THOUSANDS_COMMA = re.compile(r",\d{3}")
"""Both notations above need a comma before three digits; a text without one needs no scan."""
_BOX_FIRST = re.compile(rf"^\s*(?:{BOX.pattern})")


def _ticked_no(row: str, patterns: _Patterns) -> bool:
    """A ticked "Nein" on a form's row. A row that opens with a box puts each box before its
    label ("☒ Nein"), any other row after it ("Ja ☐ Nein ☒")."""
    pattern = patterns.no_after_box if _BOX_FIRST.match(row) else patterns.no_before_box
    return pattern.search(row) is not None


def _covered_on_the_form(evidence: Evidence, patterns: _Patterns) -> bool:
    """Whether the financial section, as printed, states coverage: a row that speaks of it
    ("Haushaltsmittel sind dauerhaft im Budget vorhanden"), unless its answer, on that row or
    the two after it ("Ja ☐" / "Nein ☒"), is a ticked "Nein". The extracted text keeps a
    box's answer ("Ja") but may lose the question it answers."""
    _, indices = evidence.spans.get("finanzielle_auswirkungen", (None, []))
    rows = [evidence.rows[index].text for index in indices]
    return any(
        patterns.coverage.search(text)
        and not any(_ticked_no(a, patterns) for a in rows[position : position + 3])
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
    patterns = options.lexicon.built(_Patterns.build)
    ambiguous: dict[str, str] = {}
    english: dict[str, str] = {}
    for path, text in texts(vorlage):
        if not _THOUSANDS_COMMA.search(text):
            continue
        for match in patterns.ambiguous.finditer(text):
            ambiguous.setdefault(" ".join(match.group().split()), path)
        for match in patterns.english.finditer(text):
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
    patterns = options.lexicon.built(_Patterns.build)
    costs = [
        (path, match.group())
        for path, text in texts(vorlage, subject=False)
        if path == "finanzielle_auswirkungen" or path.startswith("beschlussvorschlag[")
        for match in money(options.lexicon).amount.finditer(text)
        if re.search(r"[1-9]", match.group())
    ]
    if not costs:
        return
    if any(patterns.coverage.search(text) for _, text in texts(vorlage, subject=False)):
        return
    if _covered_on_the_form(evidence, patterns):
        return
    path, amount = costs[0]
    yield Hit(
        f"Die Vorlage nennt Kosten ({' '.join(amount.split())}), aber keine Deckung "
        "(Deckung, Produkt, Sachkonto, Haushaltsstelle oder Teilplan)",
        path,
        " ".join(amount.split()),
    )
