"""Extraction behaviours named in the domain guide, each on a minimal document."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from vorlage_cli.extract import extract
from vorlage_cli.extract.lexicon import default_lexicon, phrase_pattern
from vorlage_cli.extract.textutil import join_lines, joining
from vorlage_cli.pipeline import read_vorlage
from vorlage_cli.readers.text import read_text
from vorlage_cli.rules import run_rules


def extraction_of(text: str):
    return extract(read_text(text.encode()))


def vorlage_of(text: str):
    return extraction_of(text).vorlage


@pytest.mark.parametrize(
    ("printed", "nummer", "fassung"),
    [
        ("VL-40/2024 1N", "VL-40/2024", "1N"),
        ("DS 4/2017 - 1. Ergänzung", "DS 4/2017", "1. Ergänzung"),
        ("2015/0288-1", "2015/0288", "1"),
        ("VO/2025/0123-R1", "VO/2025/0123", "R1"),
        ("BV/009/2023/IV-DKT", "BV/009/2023/IV-DKT", None),
        ("20-26 / V 02318", "20-26 / V 02318", None),
        ("DS 40/2011", "DS 40/2011", None),
        ("DS 12/2021 1. Ergänzung", "DS 12/2021", "1. Ergänzung"),
        ("DS 10/2013 – 1. Ergänzung", "DS 10/2013", "1. Ergänzung"),
        ("2023/0999/1", "2023/0999", "1"),
        ("VII-DS-01234-NF-01", "VII-DS-01234", "NF-01"),
        ("VII-DS-01234", "VII-DS-01234", None),
    ],
)
def test_revision_suffixes(printed: str, nummer: str, fassung: str | None) -> None:
    assert default_lexicon().numbers.split(printed) == (nummer, fassung)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Vortrag des Magistrats vom 05.08.2019, M 105",
            ("M 105", "Vortrag des Magistrats", dt.date(2019, 8, 5)),
        ),
        (
            "Bericht des Magistrats vom 14.02.2020, B 31",
            ("B 31", "Bericht des Magistrats", dt.date(2020, 2, 14)),
        ),
        # no kind before the date: a sentence, not a title
        ("Schreiben des Landes vom 05.08.2019, M 105", (None, None, None)),
    ],
)
def test_a_title_line_with_kind_date_and_a_short_number(line: str, expected: tuple) -> None:
    """Frankfurt's PARLIS opens a Magistrat's Vorlage with one line that gives its kind, date
    and a series letter with a serial; such a short number counts only in this line."""
    vorlage = vorlage_of(f"{line}\n\nBetreff: Stadtentwicklungskonzept\n")
    assert (vorlage.nummer, vorlage.art, vorlage.erstellt_am) == expected


@pytest.mark.parametrize(
    ("title", "nummer"),
    [
        ("Drucksache - 1536/V", "1536/V"),
        ("Antrag - DS/1246/V", "DS/1246/V"),
        ("Beschlussvorlage - 2021/BV/2114", "2021/BV/2114"),
        ("Beschlussvorlage - 06/SVV/0487", "06/SVV/0487"),
        ("Vorlage\nSpA/0768/2019", "SpA/0768/2019"),
        ("Beschlussvorlage - GV Kalkh/19/13482", "GV Kalkh/19/13482"),
        ("Vorlage\nFB III/176/2015", "FB III/176/2015"),
        ("Vorlage - 1.0/103/2018", "1.0/103/2018"),
        ("Beschlussvorlage - VO/LV/30-160/2024", "VO/LV/30-160/2024"),
        ("Vorlage\nWP 04-09 SV 20/007", "WP 04-09 SV 20/007"),
        ("Inhaltsbereich\nVorlage - 0340/23OA/2017", "0340/23OA/2017"),
        ("Beschlussvorlage\nVorlage\nSTEIN/BV/052/2011", "STEIN/BV/052/2011"),
        # the kind's letters glued to the serial (Merzenich, Waldkirch)
        ("Mitteilungsvorlage\nNr./Drucksache: M68/2018", "M68/2018"),
        ("Sitzungsvorlage Nr. GR027/11", "GR027/11"),
        # a Gemeinde's code of digits and letters, the status inside the kind (ALLRIS 2024)
        ("Vorlage öffentlich - VO/09GV/2021-339", "VO/09GV/2021-339"),
    ],
)
def test_number_shapes_of_further_ris(title: str, nummer: str) -> None:
    """Shapes met on RIS pages of Berlin districts (the electoral term in Roman numerals),
    Rostock (the kind inside the number) and SessionNet towns (a unit or electoral term in
    front); none of them was found before."""
    assert vorlage_of(f"{title}\nBetreff: Haushaltsplan\n").nummer == nummer


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("14.03.2024", dt.date(2024, 3, 14)),
        ("am 4.4.23", dt.date(2023, 4, 4)),
        ("6. DEZ. 2005", dt.date(2005, 12, 6)),
        ("16./17./18.12.2025", dt.date(2025, 12, 16)),
        ("2026 Oct 21", dt.date(2026, 10, 21)),
        ("14. März 2024", dt.date(2024, 3, 14)),
        ("Jan 29, 2026", dt.date(2026, 1, 29)),
        ("04/25/2017", dt.date(2017, 4, 25)),
        ("25/04/2017", dt.date(2017, 4, 25)),
        ("31.02.2025", None),
    ],
)
def test_date_forms(printed: str, expected: dt.date | None) -> None:
    found = default_lexicon().dates.find(printed)
    assert found is not None
    assert found[0] == expected


@pytest.mark.parametrize("printed", ["04/05/2017", "12/2017", "2023/0999/1", "1/25/20171"])
def test_slashed_digits_whose_order_does_not_show_are_no_date(printed: str) -> None:
    """A server in an English locale prints "04/25/2017"; "04/05/2017" may be April or May,
    and a number such as "2023/0999/1" is no date at all."""
    assert default_lexicon().dates.find(printed) is None


WEB_PAGE_CELLS = (
    "Landeshauptstadt Musterstadt\nReferat Stadtplanung\nGz:\nSP 61\nGRDrs\n192/2017\n"
    "Musterstadt,\n04/25/2017\nErhalt der Weinberge am Hang\nEvaluierung des Förderprogramms\n"
    "Beschlußvorlage\nBeschlußantrag:\nDer Bericht wird zur Kenntnis genommen.\n"
)
"""A Lotus Domino RIS page: each cell of the letterhead's table on a line of its own, the date
in the server's English order."""


def test_a_web_pages_header_cells_each_on_a_line() -> None:
    """The number's prefix in a cell before the number, the place before the date, and the
    subject after them, without a label."""
    vorlage = vorlage_of(WEB_PAGE_CELLS)
    assert vorlage.nummer == "GRDrs 192/2017"
    assert vorlage.erstellt_am == dt.date(2017, 4, 25)
    assert vorlage.betreff == "Erhalt der Weinberge am Hang Evaluierung des Förderprogramms"
    assert vorlage.art == "Beschlussvorlage"


def test_a_number_with_a_mixed_case_abbreviation() -> None:
    text = "Landeshauptstadt Musterstadt\nGZ: SP 61\nGRDrs 12/2004\nMusterstadt, 27.01.2004\n"
    vorlage = vorlage_of(f"{text}Neubesetzung der Ausschüsse\nBeschlußvorlage\n")
    assert (vorlage.nummer, vorlage.fassung) == ("GRDrs 12/2004", None)
    assert vorlage.betreff == "Neubesetzung der Ausschüsse"


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["Personalaus-", "schuss"], "Personalausschuss"),
        (["Eigenbetrieb Dessau-", "Roßlauer"], "Eigenbetrieb Dessau-Roßlauer"),
        (["Sport-", "und Bolzplätze"], "Sport- und Bolzplätze"),
        (["Karlstraße 52-", "54"], "Karlstraße 52-54"),
        (["Haupt- und", "Finanzausschuss"], "Haupt- und Finanzausschuss"),
    ],
)
def test_line_joining_undoes_only_line_break_hyphens(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


CITY_WORDS = {
    "language": {"months": {"feber": 2}, "suspended_hyphen_joiners": ["beziehungsweise"]},
    "furniture": {"page": ["Folie"]},
}
"""A city's own words for what the extractor and readers once spelled in code: the Austrian
month name, a word that follows a suspended hyphen, a page word."""
FEBER = (
    "Beschlussvorlage Nr. 2024/0001\nDatum: 14. Feber 2024\nBetreff:\nSpielplatz am Kanal\n"
    "Folie 2 von 8\nBeschlussvorschlag:\nDer Rat beschließt.\n"
)


def test_a_citys_lexicon_reaches_dates_and_page_numbers(tmp_path: Path) -> None:
    path = tmp_path / "feber.txt"
    path.write_text(FEBER, encoding="utf-8")
    shipped = read_vorlage(path).vorlage
    assert (shipped.erstellt_am, shipped.betreff) == (None, "Spielplatz am Kanal Folie 2 von 8")
    city = read_vorlage(path, default_lexicon().changed({"extend": CITY_WORDS})).vorlage
    assert (city.erstellt_am, city.betreff) == (dt.date(2024, 2, 14), "Spielplatz am Kanal")


def test_a_citys_lexicon_reaches_line_joining() -> None:
    city = default_lexicon().changed({"extend": CITY_WORDS})
    lines = ["Sport-", "beziehungsweise Spielplätze"]
    assert join_lines(lines) == "Sportbeziehungsweise Spielplätze"
    with joining(city.joining):
        assert join_lines(lines) == "Sport- beziehungsweise Spielplätze"


def test_multi_day_session_and_sub_item_top() -> None:
    vorlage = vorlage_of(
        "Vorlage Nr.: 2025/0077\n"
        "Gremium Termin TOP Ö / N Zuständigkeit\n"
        "Kreistag 16./17./18.12.2025 18.1 Ö Entscheidung\n"
        "Betreff: Haushaltssatzung 2026\n"
    )
    [station] = vorlage.beratungsfolge
    assert (station.gremium, station.termin, station.top, station.oeffentlich, station.rolle) == (
        "Kreistag",
        dt.date(2025, 12, 16),
        "18.1",
        True,
        "Entscheidung",
    )


def test_invalid_date_keeps_the_printed_text_for_the_rules() -> None:
    found = extraction_of(
        "GREMIUM\tSTATUS\tTERMIN\nBauausschuss\tvorberatend\t31.02.2025\nRat\tbeschließend\t10.03.2025\n"
    )
    assert found.vorlage.beratungsfolge[0].termin is None
    assert found.evidence.printed["beratungsfolge[0].termin"] == "31.02.2025"


def test_consultation_written_as_a_sentence() -> None:
    vorlage = vorlage_of(
        "Sitzungsvorlage Nr. 20-26 / V 01234\n"
        "Beschluss des Bezirksausschusses des 3. Stadtbezirkes vom 14.01.2021\n"
        "Nichtöffentliche Sitzung\n"
    )
    [station] = vorlage.beratungsfolge
    assert (
        station.gremium,
        station.rolle,
        station.rolle_text,
        station.termin,
        station.oeffentlich,
    ) == (
        "Bezirksausschuss des 3. Stadtbezirkes",
        "Entscheidung",
        "Beschluss",
        dt.date(2021, 1, 14),
        False,
    )
    assert vorlage.sitzungsteil == "nichtöffentlich"


def test_financing_dash_and_check_box_answers() -> None:
    dash = vorlage_of(
        "Vorlage Nr.: 1/2025\n\nFinanzbedarf/Finanzierung: -\n\nBegründung:\n\nText.\n"
    )
    assert dash.finanzielle_auswirkungen == "-"
    boxes = vorlage_of(
        "Vorlage Nr.: 1/2025\n\nFinanzielle Auswirkungen Ja ☐ Nein ☒\n\nBegründung:\n\nText.\n"
    )
    assert boxes.finanzielle_auswirkungen == "Nein"


def test_results_and_vote_counts_never_join_the_committee() -> None:
    vorlage = vorlage_of(
        "Beratungsfolge Termin Abstimmungsergebnis\n"
        "Jugendhilfeausschuss 11.04.2023 Ja 11 Nein 0 Enthaltung 0 ungeändert beschlossen\n"
        "Stadtrat 26.04.2023 einstimmig\n"
    )
    assert [b.gremium for b in vorlage.beratungsfolge] == ["Jugendhilfeausschuss", "Stadtrat"]


def test_proposal_numbers_keep_repeats_and_gaps_for_the_rules() -> None:
    found = extraction_of(
        "BESCHLUSSVORSCHLAG\n\n1. Der Rat beschließt A.\n2. Der Rat beschließt B.\n"
        "2. Der Rat beschließt C.\n4. Der Rat beschließt D, insbesondere\n2. Lesung im Rat.\n"
    )
    assert found.evidence.proposal_numbers == ["1", "2", "2", "4"]
    assert (
        found.vorlage.beschlussvorschlag[-1]
        == "Der Rat beschließt D, insbesondere 2. Lesung im Rat."
    )


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        ("GREMIUM\tSTATUS\tTERMIN", "Rat\tbeschließend\t25.04.2024", True),
        ("Beratungsfolge\tStatus\tTermin", "Stadtrat\töffentlich\t26.04.2023", False),
        ("Gremium\tTermin\tErgebnis", "Rat\t25.04.2024\tbeschlossen", False),
    ],
)
def test_role_column_is_a_column_that_holds_roles(header: str, row: str, expected: bool) -> None:
    assert extraction_of(f"{header}\n{row}\n").evidence.role_column is expected


def _roles(text: str) -> list[tuple[str | None, str | None]]:
    return [(b.rolle, b.rolle_quelle) for b in vorlage_of(text).beratungsfolge]


def test_roles_not_printed_are_derived_from_the_kind_and_the_dates() -> None:
    newest_first = (
        "Beschlussvorlage\nVorlage Nr.: 2025/0001\n"
        "Gremium\tTermin\nStadtrat\t28.05.2026\nHauptausschuss\t18.05.2026\n"
    )
    assert _roles(newest_first) == [("Entscheidung", "abgeleitet"), ("Vorberatung", "abgeleitet")]
    information = (
        "Mitteilungsvorlage\nVorlage Nr.: 2025/0002\n"
        "Gremium\tTermin\nBauausschuss\t04.03.2025\nStadtrat\t20.03.2025\n"
    )
    assert _roles(information) == [("Kenntnisnahme", "abgeleitet")] * 2


def test_printed_roles_are_marked_and_stations_without_one_follow_them() -> None:
    text = (
        "Beschlussvorlage\nVorlage Nr.: 2025/0003\n"
        "Gremium\tTermin\tZuständigkeit\nBauausschuss\t04.03.2025\t\n"
        "Rat\t20.03.2025\tEntscheidung\nOrtsrat Nord\t02.04.2025\t\n"
    )
    assert _roles(text) == [
        ("Vorberatung", "abgeleitet"),
        ("Entscheidung", "gedruckt"),
        (None, None),  # after the decision: nothing to derive
    ]


def test_no_role_is_derived_where_the_evidence_is_thin() -> None:
    two_on_the_last_day = (
        "Beschlussvorlage\nVorlage Nr.: 2025/0004\n"
        "Gremium\tTermin\nBauausschuss\t04.03.2025\nStadtrat\t20.03.2025\nKreistag\t20.03.2025\n"
    )
    assert _roles(two_on_the_last_day) == [
        ("Vorberatung", "abgeleitet"),
        (None, None),
        (None, None),
    ]
    generic_kind_without_proposal = "Vorlage Nr.: 2025/0005\nGremium\tTermin\nRat\t20.03.2025\n"
    assert _roles(generic_kind_without_proposal) == [(None, None)]


def _stations(text: str) -> list[tuple[str, str | None, str | None, str | None, bool | None]]:
    return [
        (b.gremium, b.termin.isoformat() if b.termin else None, b.rolle_text, b.top, b.oeffentlich)
        for b in vorlage_of(text).beratungsfolge
    ]


def test_header_wrapped_over_rows_with_a_label_of_its_own() -> None:
    text = (
        "Beschlussvorlage-Nr. VII-DS-01234\n"
        "Beratungsfolge (Änderungen vorbehalten):\n"
        "Gremium\nVoraussichtlicher\nSitzungstermin\nZuständigkeit\n"
        "FA Finanzen 12.03.2024 Vorberatung\n"
        "Ratsversammlung 10.04.2024 Beschlussfassung\n"
        "Sachverhalt:\nText.\n"
    )
    assert _stations(text) == [
        ("FA Finanzen", "2024-03-12", "Vorberatung", None, None),
        ("Ratsversammlung", "2024-04-10", "Beschlussfassung", None, None),
    ]
    assert vorlage_of(text).nummer == "VII-DS-01234"


def test_header_labels_wrapped_inside_their_columns_onto_a_second_row() -> None:
    """A layout text (pdftotext -layout) whose date label wraps in its column: "Voraussichtlicher"
    over "Sitzungstermin". Read as one row it names no date, and the labels became the first
    body's name; the row below completes the label above it."""
    text = (
        "Beschlussvorlage-Nr. VII-DS-01234\n"
        "Eingereicht von: Dezernat Finanzen\n"
        "Beratungsfolge (Änderungen vorbehalten):\n"
        "Gremium                 Voraussichtlicher   Zuständigkeit\n"
        "                        Sitzungstermin\n"
        "FA Finanzen             12.03.2024          Vorberatung\n"
        "FA Jugend, Soziales,    13.03.2024          Vorberatung\n"
        "Gesundheit und Schule\n"
        "Ratsversammlung         27.03.2024          Beschlussfassung\n"
        "Sachverhalt:\nText.\n"
    )
    assert _stations(text) == [
        ("FA Finanzen", "2024-03-12", "Vorberatung", None, None),
        ("FA Jugend, Soziales, Gesundheit und Schule", "2024-03-13", "Vorberatung", None, None),
        ("Ratsversammlung", "2024-03-27", "Beschlussfassung", None, None),
    ]
    assert vorlage_of(text).ersteller == "Dezernat Finanzen"


def test_a_line_under_a_header_without_positions_is_typed_by_content() -> None:
    """An empty TOP column shows only as a wider gap: the gap is no column border."""
    text = (
        "Gremien Termin TOP Ö / N Zuständigkeit\n"
        "Haupt- und Finanzausschuss 08.10.2024 7 N Vorberatung\n"
        "Ortschaftsrat Neureut 15.10.2024  Ö Anhörung\n"
        "Gemeinderat 22.10.2024 10 Ö Entscheidung\n"
    )
    assert _stations(text) == [
        ("Haupt- und Finanzausschuss", "2024-10-08", "Vorberatung", "7", False),
        ("Ortschaftsrat Neureut", "2024-10-15", "Anhörung", None, True),
        ("Gemeinderat", "2024-10-22", "Entscheidung", "10", True),
    ]


def test_a_header_with_an_unknown_label_and_a_broken_date() -> None:
    text = (
        "Beratungsfolge Termin TOP Sitzungsart Zuständigkeit\n"
        "Ausschuss für Umwelt und\nGesundheit\n25. Januar\n2023\n4 x\n"
        "Sozialausschuss 15. März 2023 Kenntnisnahme\n"
    )
    assert _stations(text) == [
        ("Ausschuss für Umwelt und Gesundheit", "2023-01-25", None, "4", None),
        ("Sozialausschuss", "2023-03-15", "Kenntnisnahme", None, None),
    ]


def test_a_station_without_any_header_is_found_by_its_content() -> None:
    text = (
        "Vorlage Nr.: 2026/0252\n"
        "Zusammensetzung des Ortschaftsrats: Nachrücken\n"
        "Ortschaftsrat Wolfartsweier 14.04.2026 TOP 2 Ö\n"
        "Kurzfassung\nDer Ortschaftsrat stellt am 14.04.2026 das Nachrücken fest.\n"
    )
    assert _stations(text) == [("Ortschaftsrat Wolfartsweier", "2026-04-14", None, "2", True)]


def test_prose_with_a_body_and_a_date_is_no_station() -> None:
    text = (
        "Vorlage Nr.: 2026/0253\n"
        "Der Gemeinderat hat am 14.04.2026 beschlossen, den Platz umzugestalten.\n"
        "Der Bauausschuss tagte zuletzt 12.03.2026 öffentlich.\n"
    )
    assert _stations(text) == []


def test_a_role_completed_below_its_station_does_not_end_the_list() -> None:
    text = (
        "Beratungsfolge Sitzungstermin Stand\n"
        "Ratsgruppe SPD / Grüne 22.11.2010 Beratung\n"
        "Beratung und\nVerwaltungsausschuss 25.11.2010\nBeschlussempfehlung\n"
        "Rat 02.12.2010 Beratung und Beschlussfassung\n"
        "Annahme von Zuwendungen\n"
    )
    assert [(g, d, r) for g, d, r, _, _ in _stations(text)] == [
        ("Ratsgruppe SPD / Grüne", "2010-11-22", "Beratung"),
        ("Verwaltungsausschuss", "2010-11-25", "Beratung und Beschlussempfehlung"),
        ("Rat", "2010-12-02", "Beratung und Beschlussfassung"),
    ]


def test_the_reasoning_without_heading_on_the_pages_after_a_cover_form() -> None:
    text = (
        "Vorlage Nr.: 2021/0501\nBeschlussantrag\nDer Gemeinderat beschließt die Vergabe.\n"
        "Abstimmung mit städtischen Gesellschaften\nNein ☒\nJa ☐\n\n– 2 –\n"
        "Stadion, Sanierung der Tribüne\n"
        "Die Tribüne ist seit 1978 in Betrieb. Ihre Stahlträger sind korrodiert, die Sitzreihen "
        "entsprechen nicht mehr der Versammlungsstättenverordnung. Nach der Ausschreibung liegt "
        "das wirtschaftlichste Angebot 4 % unter der Kostenberechnung.\n"
    )
    vorlage = vorlage_of(text)
    assert vorlage.weitere_abschnitte == {"Abstimmung mit städtischen Gesellschaften": "Nein"}
    assert (vorlage.sachdarstellung or "").startswith("Stadion, Sanierung der Tribüne Die Tribüne")


def test_a_web_pages_tabs_are_no_sections() -> None:
    text = (
        "Drucksache - 22-0815\nBetreff:\nRadweg am Kanal\n"
        "Sachverhalt\nBeschlussvorschlag\nAnlage/n\n\n"
        "Der Radweg am Kanal ist auf 400 Metern schadhaft. Wurzeln haben den Belag angehoben, "
        "zweimal sind Radfahrende gestürzt. Der Ausschuss hat das Bezirksamt um einen Bericht "
        "gebeten.\n\nPetitum:\nDer Hauptausschuss wird um Zustimmung gebeten.\n"
    )
    vorlage = vorlage_of(text)
    assert vorlage.nummer == "22-0815"
    assert (vorlage.sachdarstellung or "").startswith("Der Radweg am Kanal ist auf 400 Metern")
    assert vorlage.beschlussvorschlag == ["Der Hauptausschuss wird um Zustimmung gebeten."]
    assert vorlage.anlagen == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tagesordnung - Sitzung des Bauausschusses\nDatum: 03.11.2025\nÖ 1 Bestätigung\n",
            "eine Einladung mit Tagesordnung",
        ),
        (
            "Deutscher Bundestag\tDrucksache 21/1576\nAntwort\nder Bundesregierung\n",
            "eine Anfrage oder ihre Antwort",
        ),
        (
            "Bekanntmachung\neines Beschlusses des Kreistages\nVom 17. Juli 2025\n",
            "eine Bekanntmachung",
        ),
        (
            "Mitteilungsvorlage zu TOP 8\nDS 70/2011\nAnfrage der CDU-Fraktion zur Vermarktung\n",
            None,
        ),
        ("Beschlussvorlage\nVorlage Nr.: 2025/0001\nProtokollführung: Frau Weber\n", None),
        # Mannheim's invitation: its first agenda item begins with a Vorlage kind
        (
            "Einladung\nzur Sitzung des Betriebsausschusses Technische Betriebe\n"
            "am Donnerstag, 21. Februar 2013, um 16:00 Uhr\n\nTagesordnung\n- öffentlich -\n\n"
            "TOP: 1\nBekanntgabe der Vergabebeschlüsse aus der letzten Sitzung\n\n"
            "TOP: 2\nDarstellung der Wirkungsziele\nBeschlussvorlage V091/2013\n",
            "eine Einladung mit Tagesordnung",
        ),
    ],
)
def test_documents_that_are_no_vorlage_are_told_by_their_title(
    text: str, expected: str | None
) -> None:
    assert extraction_of(text).evidence.other_document == expected


def test_bodies_over_their_sessions_with_none_or_two() -> None:
    """ALLRIS lists each body with its role, its sessions on the rows below: one body has its
    first session adjourned and a second, one has none yet."""
    page = (
        b"<html><body><h1>Antrag - 2026/0245</h1><p>Beratungsfolge</p><table>"
        b"<tr><th>Status</th><th>Datum</th><th>Gremium</th><th>Beschluss</th></tr>"
        b"<tr><td>Erledigt</td><td></td><td>Schulausschuss</td><td>Vorberatung</td></tr>"
        b"<tr><td></td><td>29.06.2026</td><td>Sitzung des Schulausschusses</td>"
        b"<td>vertagt</td></tr>"
        b"<tr><td></td><td>01.09.2026</td><td>Sitzung des Schulausschusses</td><td></td></tr>"
        b"<tr><td>Erledigt</td><td></td><td>Verwaltungsausschuss</td><td>Vorberatung</td></tr>"
        b"<tr><td>Geplant</td><td></td><td>Rat der Stadt Laatzen</td><td>Entscheidung</td></tr>"
        b"<tr><td></td><td>03.09.2026</td><td>Sitzung des Rates</td><td></td></tr>"
        b"</table></body></html>"
    )
    from vorlage_cli.readers.html import read_html

    stations = extract(read_html(page)).vorlage.beratungsfolge
    assert [(b.gremium, b.termin.isoformat() if b.termin else None, b.rolle) for b in stations] == [
        ("Schulausschuss", "2026-06-29", "Vorberatung"),
        ("Schulausschuss", "2026-09-01", "Vorberatung"),
        ("Verwaltungsausschuss", None, "Vorberatung"),
        ("Rat der Stadt Laatzen", "2026-09-03", "Entscheidung"),
    ]


def test_points_that_share_a_line_are_two_points() -> None:
    found = extraction_of(
        "BESCHLUSSVORSCHLAG\n\n1. Der Rat beschließt A. 2. Der Rat beschließt B.\n"
        "3. Die Verwaltung wird beauftragt, bis 2. Mai zu berichten.\n"
    )
    assert found.vorlage.beschlussvorschlag == [
        "Der Rat beschließt A.",
        "Der Rat beschließt B.",
        "Die Verwaltung wird beauftragt, bis 2. Mai zu berichten.",
    ]
    assert found.evidence.proposal_numbers == ["1", "2", "3"]


def test_a_number_in_another_style_inside_a_sentence_is_no_point() -> None:
    """A point of a list numbered "1)" wrapped before "2. Nachtragshaushaltsplan": the rules
    saw the points 1, 2, 2, 3 and reported a doubled point (NUM001)."""
    found = extraction_of(
        "Beschlussvorschlag:\n1) Der Rat beschließt die 2. Nachtragssatzung und den\n"
        "2. Nachtragsplan für 2018.\n2) Der Fehlbetrag wird gedeckt.\n"
        "3) Der Rest des\n2. Nachtrags wird vorgetragen.\n"
    )
    assert found.vorlage.beschlussvorschlag == [
        "Der Rat beschließt die 2. Nachtragssatzung und den 2. Nachtragsplan für 2018.",
        "Der Fehlbetrag wird gedeckt.",
        "Der Rest des 2. Nachtrags wird vorgetragen.",
    ]
    assert found.evidence.proposal_numbers == ["1", "2", "3"]


def test_a_deputy_signs_under_the_office_with_a_surname_alone() -> None:
    """ "Der Bürgermeister" / "In Vertretung" / "Musterfrau": the surname was taken for a
    function, and the rules said the block names no one (SIG001) on a signed Vorlage."""
    vorlage = vorlage_of(
        "Vorlage Nr. 0815/2025\nBetreff: Bericht\n\nMitteilung:\nDie Verwaltung berichtet.\n\n"
        "Der Bürgermeister\nIn Vertretung\nMusterfrau\n\nAnlagen\nKeine\n"
    )
    signed = vorlage.unterzeichnung
    assert signed is not None
    assert (signed.name, signed.funktion, signed.vertretung) == (
        "Musterfrau",
        "Bürgermeister",
        "i.V.",
    )


@pytest.mark.parametrize(
    ("letterhead", "nummer", "art"),
    [
        (
            "Markt Musterbach                 Sitzungsvorlage\nNr. 2025/0123",
            "2025/0123",
            "Sitzungsvorlage",
        ),
        (
            "Mitteilungsvorlage               Drucksachen-Nr.: 0815/2025",
            "0815/2025",
            "Mitteilungsvorlage",
        ),
    ],
)
def test_the_kind_in_a_cell_of_the_letterhead(letterhead: str, nummer: str, art: str) -> None:
    """In a letterhead of columns the kind is one cell; with the number's label in the other
    cell the kind was lost, or taken from the "Mitteilung:" heading."""
    vorlage = vorlage_of(
        f"{letterhead}\n\nBetreff: Bericht\n\nMitteilung:\nDie Verwaltung berichtet.\n"
    )
    assert (vorlage.nummer, vorlage.art) == (nummer, art)


def test_a_heading_after_the_signature_is_no_function() -> None:
    vorlage = vorlage_of(
        "BESCHLUSSVORSCHLAG\n\nDer Rat beschließt.\n\ni.V. Dr. Christian Klicki\n\n"
        "SACHDARSTELLUNG\n\nDie Stadt braucht ein Konzept.\n"
    )
    assert vorlage.unterzeichnung is not None
    assert (vorlage.unterzeichnung.name, vorlage.unterzeichnung.funktion) == (
        "Dr. Christian Klicki",
        None,
    )
    assert vorlage.sachdarstellung == "Die Stadt braucht ein Konzept."


def test_text_extracted_with_layout_from_a_table_of_narrow_columns() -> None:
    """`pdftotext -layout` of a Vorlage in the seed's layout: a label broken in its column
    ("EINLADUN" / "G"), one space left between two values, a value wrapped under its label,
    the role's column between body and date with one space."""
    text = (
        "VERWALTUNGSVORLAGE VL-40/2024 1N\n\n"
        "ERSTELLT DURCH         ERSTELLT AM                SITZUNGSTEIL\n"
        "Fachbereich Innovative 20.03.2024                 öffentlich\n"
        "Stadt\n"
        "GREMIUM       STATUS        TERMIN           EINLADUN        TOP\n"
        "                                             G\n"
        "Haupt- und    vorberatend  18.04.2024 2/2024\n"
        "Finanzausschuss\n"
        "Rat der Stadt beschließend 25.04.2024 7/2024\n"
        "Lünen\n"
        "BEZEICHNUNG DES TAGESORDNUNGSPUNKTES\n\nSmart City-Strategiekonzept\n"
    )
    vorlage = vorlage_of(text)
    assert (vorlage.ersteller, vorlage.erstellt_am, vorlage.sitzungsteil) == (
        "Fachbereich Innovative Stadt",
        dt.date(2024, 3, 20),
        "öffentlich",
    )
    assert [(b.gremium, b.rolle_text, b.einladung) for b in vorlage.beratungsfolge] == [
        ("Haupt- und Finanzausschuss", "vorberatend", "2/2024"),
        ("Rat der Stadt Lünen", "beschließend", "7/2024"),
    ]


def test_a_vote_column_interleaved_with_wrapped_names_and_roles() -> None:
    """Text extraction of a table whose cells are centred vertically: a name's lines above and
    below its date, a vote column's lines in between, a role broken around its row."""
    text = (
        "Aktenzeichen: (3) 61 20\nDS 12/2023\nBeschlussvorlage\n"
        "Beratungsfolge Termin Stand Abstimmung\n"
        "Fachausschuss Umwelt, Bau 7 Ja-Stimmen und 2 Nein-Stimmen lt.\n"
        "02.03.2023 Beratung und Empfehlung\n"
        "und Verkehr Beschlussvorschlag\n"
        "Einstimmig bei einer Enthaltung lt. Be-\n"
        "Verwaltungsausschuss 14.03.2023 Beratung und Empfehlung\n"
        "schlussvorschlag\n"
        "Beratung und Beschlussfas-\n"
        "Rat 21.03.2023 Stimmen und einer Enthaltung lt. Be-\n"
        "sung\n"
        "schluss\n"
        "Neubau der Kindertagesstätte Am Anger, Ortschaft Süd\n"
        "Beschlussvorschlag:\nDer Rat beschließt den Neubau.\n"
    )
    vorlage = vorlage_of(text)
    assert [(b.gremium, b.rolle_text) for b in vorlage.beratungsfolge] == [
        ("Fachausschuss Umwelt, Bau und Verkehr", "Beratung und Empfehlung"),
        ("Verwaltungsausschuss", "Beratung und Empfehlung"),
        ("Rat", "Beratung und Beschlussfassung"),
    ]
    assert vorlage.betreff == "Neubau der Kindertagesstätte Am Anger, Ortschaft Süd"
    assert vorlage.beschlussvorschlag == ["Der Rat beschließt den Neubau."]


def test_vote_counts_and_broken_words_side_by_side_with_names_and_roles() -> None:
    """Text of a table whose vote column shares lines with names and roles: counts in many
    spellings stay out of the names, and the rests of words broken in two columns at once
    ("Kindertagesstät-" … "Be-" / "ten schluss") each complete their own word."""
    text = (
        "Aktenzeichen: 51 02\nDS 7/2031\nBeschlussvorlage\n"
        "Beratungsfolge Termin Stand Abstimmung\n"
        "Fachausschuss Kindertagesstät- 9 x Ja – einstimmig/geänderter Be-\n"
        "04.03.2031 Beratung und Empfehlung\n"
        "ten schluss\n"
        "Fachausschuss Schule,\n"
        "05.03.2031 Beratung und Empfehlung 5 Ja/2 Nein/2 Enth./geänd. Antrag\n"
        "Sport und Kultur\n"
        "Fachausschuss Bau Einstimmig bei zwei Enthaltungen lt. Be-\n"
        "06.03.2031 Beratung und Empfehlung\n"
        "und Umwelt schlussvorschlag\n"
        "Verwaltungsausschuss 11.03.2031 Beratung und Empfehlung 8-Ja-Stimmen\n"
        "1. Ergänzung\n"
        "Beratung und Beschluss- 14 Ja-Stimmen/11 Nein-Stimmen/1\n"
        "Rat 18.03.2031\n"
        "fassung Enthaltung/ja\n"
        "Neubau der Kindertagesstätte Am Teich\n"
        "Beschlussvorschlag:\nDer Rat beschließt den Neubau.\n"
    )
    vorlage = vorlage_of(text)
    assert [(b.gremium, b.rolle_text, b.top) for b in vorlage.beratungsfolge] == [
        ("Fachausschuss Kindertagesstätten", "Beratung und Empfehlung", None),
        ("Fachausschuss Schule, Sport und Kultur", "Beratung und Empfehlung", None),
        ("Fachausschuss Bau und Umwelt", "Beratung und Empfehlung", None),
        ("Verwaltungsausschuss", "Beratung und Empfehlung", None),
        ("Rat", "Beratung und Beschlussfassung", None),
    ]
    assert vorlage.betreff == "Neubau der Kindertagesstätte Am Teich"


def test_a_result_broken_before_a_heading_word_keeps_the_list_going() -> None:
    """ "… Enthaltung lt." / "Beschlussvorschlag": the result's rest, not the proposal's
    heading; the list goes on to the council below it."""
    vorlage = vorlage_of(
        "Aktenzeichen: 66\nDS 13/2031\nBeschlussvorlage\n"
        "Beratungsfolge Termin Stand Abstimmung\n"
        "Verwaltungsausschuss 17.09.2031 Beratung und Empfehlung Einstimmig bei einer\n"
        "Enthaltung lt.\n"
        "Beschlussvorschlag\n"
        "Beratung und Beschlussfas-\n"
        "Rat 24.09.2031 Einstimmig\n"
        "sung\n"
        "Ausbau der Gemeindestraße\n"
        "Beschlussvorschlag:\nDer Rat beschließt den Ausbau.\n"
    )
    assert [(b.gremium, b.rolle_text) for b in vorlage.beratungsfolge] == [
        ("Verwaltungsausschuss", "Beratung und Empfehlung"),
        ("Rat", "Beratung und Beschlussfassung"),
    ]
    assert vorlage.betreff == "Ausbau der Gemeindestraße"


def test_check_boxes_under_a_row_mark_it_public_or_not() -> None:
    """Text of a table whose ö and nö columns hold check boxes: the boxes follow the row,
    one per line, in the order of the columns."""
    vorlage = vorlage_of(
        "Vorlage Nr.: 2031/0042\nBeratungsfolge dieser Vorlage\n"
        "Gremium Termin TOP ö nö Ergebnis\n"
        "Hauptausschuss 04.03.2031 9\n☐\n☒\nvorberaten\n"
        "Gemeinderat 18.03.2031 9\n☒\n☐\n\nBeschlussantrag\nDer Gemeinderat beschließt.\n"
    )
    assert [(b.gremium, b.oeffentlich) for b in vorlage.beratungsfolge] == [
        ("Hauptausschuss", False),
        ("Gemeinderat", True),
    ]


def test_a_heading_word_ending_a_sentence_starts_no_list() -> None:
    """A line "Gremien:" is a Beratungsfolge heading, but not where it ends the subject's
    sentence ("… in Ausschüsse und" / "Gremien:")."""
    vorlage = vorlage_of(
        "Vorlage Nr.: 2031/0043\n"
        "Berufung sachkundiger Einwohner in Ausschüsse und\nGremien:\n"
        "Änderung in der Zusammensetzung des Sozialausschusses\n"
        "Beratungsfolge dieser Vorlage\nGremium Termin TOP ö nö Ergebnis\n"
        "Gemeinderat 25.03.2031 1 x\n\nBeschlussantrag\nDer Gemeinderat beschließt.\n"
    )
    assert [b.gremium for b in vorlage.beratungsfolge] == ["Gemeinderat"]


def test_sessions_stacked_in_one_cell_share_the_body() -> None:
    """A body meeting twice: its dates, agenda items, marks and roles printed one under
    another in their cells, as text extraction of the table emits them."""
    vorlage = vorlage_of(
        "Vorlage Nr.: 2031/0061\nGremien Termin TOP Ö / N Zuständigkeit\n"
        "Schulausschuss 11.03.2031 8 Ö Vorberatung\n"
        "Ortschaftsrat Wiesental 17.03.2031\n14.04.2031\n2\n1\nÖ\nÖ\nAnhörung\nAnhörung\n"
        "Gemeinderat 28.04.2031 7 Ö Entscheidung\nKurzfassung\nDer Gemeinderat beschließt.\n"
    )
    assert [(b.gremium, b.termin, b.top, b.rolle) for b in vorlage.beratungsfolge] == [
        ("Schulausschuss", dt.date(2031, 3, 11), "8", "Vorberatung"),
        ("Ortschaftsrat Wiesental", dt.date(2031, 3, 17), "2", "Anhörung"),
        ("Ortschaftsrat Wiesental", dt.date(2031, 4, 14), "1", "Anhörung"),
        ("Gemeinderat", dt.date(2031, 4, 28), "7", "Entscheidung"),
    ]
    assert vorlage.erstellt_am is None  # the second session's date is no document date


def test_dates_around_a_centred_name_are_that_bodys_sessions() -> None:
    vorlage = vorlage_of(
        "Aktenzeichen: 20 21\nDS 70/2031\nBeschlussvorlage\n"
        "Beratungsfolge Sitzungstermin Stand\n"
        "03.09.2031\nRatsgruppe Nord 17.09.2031 Beratung\n08.10.2031\n"
        "04.09.2031\nRatsgruppe Süd 18.09.2031 Beratung\n09.10.2031\n"
        "Rat 18.10.2031 Beratung und Beschlussfassung\n"
        "Nachtragshaushalt 2031\nBeschlussvorschlag:\nDer Rat beschließt.\n"
    )
    assert [(b.gremium, b.termin.day) for b in vorlage.beratungsfolge] == [
        ("Ratsgruppe Nord", 3),
        ("Ratsgruppe Nord", 17),
        ("Ratsgruppe Nord", 8),
        ("Ratsgruppe Süd", 4),
        ("Ratsgruppe Süd", 18),
        ("Ratsgruppe Süd", 9),
        ("Rat", 18),
    ]


def test_what_follows_the_list_is_not_a_station() -> None:
    """A subject whose sentence ends with a date on the next line, one that opens with a
    role word, and a list of product numbers dated otherwise than the sessions."""
    broken_date = vorlage_of(
        "Aktenzeichen: 40\nTelefon: 800 - 40 16.08.2031\nDS 60/2031\nBeschlussvorlage\n"
        "Beratungsfolge Sitzungstermin Stand\nRat 27.09.2031 Beratung und Beschlussfassung\n"
        "Fortführung des Nachmittagsangebotes bis zum\n31. Juli 2033\n"
        "Beschlussvorschlag:\nDas Angebot wird fortgeführt.\n"
    )
    assert [b.gremium for b in broken_date.beratungsfolge] == ["Rat"]
    assert broken_date.betreff == "Fortführung des Nachmittagsangebotes bis zum 31. Juli 2033"
    assert broken_date.erstellt_am == dt.date(2031, 8, 16)
    role_word = vorlage_of(
        "Aktenzeichen: 51\nDS 73/2031\nMitteilungsvorlage\n"
        "Beratungsfolge Sitzungstermin Stand\nOrtsrat Nord 27.10.2031\nOrtsrat Süd 02.11.2031\n"
        "Information zur Optimierung des Angebots Kinderspielplätze\nSachverhalt:\nText.\n"
    )
    assert [b.rolle_text for b in role_word.beratungsfolge] == [None, None]
    assert role_word.betreff == "Information zur Optimierung des Angebots Kinderspielplätze"
    products = vorlage_of(
        "Aktenzeichen: 20\nDS 19/2031\nBeschlussvorlage\n"
        "Beratungsfolge Sitzungstermin Stand\n"
        "Fachausschuss Bau 04.03.2031 Beratung und Empfehlung\n"
        "Haushalt 2031\nIn die Zuständigkeit fällt die Beratung folgender Produkte:\n"
        "Produkt 11.01.13 Gebäudewirtschaft\n12.06.00 Feuerschutz\n53.08.00 Abwasser\n"
        "Beschlussvorschlag:\nDer Ausschuss empfiehlt den Teilhaushalt.\n"
    )
    assert [b.gremium for b in products.beratungsfolge] == ["Fachausschuss Bau"]


def _word_document(paragraphs: list[tuple[str, bool]]):
    """The extraction of a Word document of the given paragraphs, each bold or not."""
    import docx

    from vorlage_cli.readers.docx import read_docx

    document = docx.Document()
    for text, bold in paragraphs:
        document.add_paragraph().add_run(text).bold = bold
    buffer = io.BytesIO()
    document.save(buffer)
    return extract(read_docx(buffer.getvalue())).vorlage


def test_a_letterhead_table_cell_with_a_label_on_each_line() -> None:
    """A Word letterhead as a table whose right cell holds the kind, the number and the date,
    one per line: joined into one text, the kind before the first label hid all three."""
    import docx

    from vorlage_cli.readers.docx import read_docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Stadt Beispielhausen\nFachbereich 6 – Planen und Bauen"
    table.cell(0, 1).text = "Beschlussvorlage\nVorlage-Nr.: FB6/123/2025\nDatum: 02.09.2025"
    document.add_paragraph("Betreff: Bebauungsplan Nr. 77")
    buffer = io.BytesIO()
    document.save(buffer)
    vorlage = extract(read_docx(buffer.getvalue())).vorlage
    assert (vorlage.nummer, vorlage.art, vorlage.erstellt_am, vorlage.ersteller) == (
        "FB6/123/2025",
        "Beschlussvorlage",
        dt.date(2025, 9, 2),
        "Fachbereich 6 – Planen und Bauen",
    )


def test_a_bold_line_is_a_heading_where_the_known_headings_are_marked_only_by_bold() -> None:
    """Known headings printed bold, without colon or capitals: an unknown bold line is a
    heading too, and ends the decision text; a numbered bold line stays in the reasoning."""
    vorlage = _word_document(
        [
            ("Vorlage Nr. 2031/0815", False),
            ("Beschlussvorschlag", True),
            ("Der Rat beschließt den Neubau der Feuerwache.", False),
            ("Erläuterungen zum Verfahren", True),
            ("Die Ausschreibung erfolgt europaweit.", False),
            ("Begründung", True),
            ("Die Wache ist zu klein.", False),
            ("1. Raumbedarf", True),
            ("Es fehlen drei Stellplätze.", False),
        ]
    )
    assert vorlage.beschlussvorschlag == ["Der Rat beschließt den Neubau der Feuerwache."]
    assert vorlage.weitere_abschnitte == {
        "Erläuterungen zum Verfahren": "Die Ausschreibung erfolgt europaweit."
    }
    assert vorlage.sachdarstellung == (
        "Die Wache ist zu klein.\n\n1. Raumbedarf\n\nEs fehlen drei Stellplätze."
    )


def test_a_bold_sub_heading_unlike_the_headings_stays_in_its_section() -> None:
    """Headings in bold capitals: a bold sub-heading in ordinary case is part of the text."""
    vorlage = _word_document(
        [
            ("Vorlage Nr. 2031/0816", False),
            ("BESCHLUSSVORSCHLAG", True),
            ("Der Rat beschließt das Konzept.", False),
            ("SACHDARSTELLUNG", True),
            ("Das Konzept liegt vor.", False),
            ("Erstellungsprozess:", True),
            ("Es wurde in Workshops erarbeitet.", False),
            ("Anlagen:", True),
            ("Konzept", False),
        ]
    )
    assert vorlage.sachdarstellung == (
        "Das Konzept liegt vor.\n\nErstellungsprozess:\n\nEs wurde in Workshops erarbeitet."
    )
    assert vorlage.weitere_abschnitte == {}


def test_a_date_inside_the_sentence_after_the_list_ends_it() -> None:
    text = (
        "Beratungsfolge Sitzungstermin Stand\n"
        "Rat 25.06.2013 Beratung und Beschlussfassung\n"
        "Fortführung des offenen Nachmittagsangebotes bis zum 31.07.2014\n"
        "Beschlussvorschlag:\nDas Angebot wird fortgeführt.\n"
    )
    vorlage = vorlage_of(text)
    assert [b.gremium for b in vorlage.beratungsfolge] == ["Rat"]
    assert vorlage.beschlussvorschlag == ["Das Angebot wird fortgeführt."]


def test_a_yes_keeps_its_question_and_details() -> None:
    vorlage = vorlage_of(
        "Vorlage Nr.: 2021/0100\nBeschlussantrag\nDer Gemeinderat stimmt der Vergabe zu.\n"
        "Finanzielle Auswirkungen\nGesamtkosten der Maßnahme\nJa ☒ Nein ☐\n"
        "2.920.000 €  keine Bauunterhaltung\n"
        "Haushaltsmittel sind dauerhaft im Budget vorhanden\nJa ☒ PSP-Element 1.880.11.24\n"
        "Nein ☐ Die Finanzierung wird auf Dauer wie folgt sichergestellt:\n"
        "Gesamteinzahlung:\n"
    )
    assert vorlage.finanzielle_auswirkungen == (
        "Gesamtkosten der Maßnahme: Ja\n\n2.920.000 € keine Bauunterhaltung\n\n"
        "Haushaltsmittel sind dauerhaft im Budget vorhanden: Ja PSP-Element 1.880.11.24"
    )


def test_a_sessionnet_page_of_labels_over_values() -> None:
    """SessionNet's information tab: each label on its line, its value below; a kind of the
    city's own; the financial statement and the attachments without a heading."""
    text = (
        "Betreff\nEinführung und Verpflichtung im Ausschuss für Umwelt\n"
        "Vorlage\n039/26\nArt\nEinführung und Verpflichtung\n\n"
        "Die Ausschussmitglieder werden eingeführt und verpflichtet.\n\n"
        "Keine finanziellen Auswirkungen.\n\nAnlage zur Verpflichtungsformel\n"
    )
    vorlage = vorlage_of(text)
    assert (vorlage.nummer, vorlage.art, vorlage.finanzielle_auswirkungen) == (
        "039/26",
        "Einführung und Verpflichtung",
        "Keine finanziellen Auswirkungen.",
    )
    assert [a.titel for a in vorlage.anlagen] == ["Anlage zur Verpflichtungsformel"]


def test_consultations_written_as_sentences_in_both_orders() -> None:
    text = (
        "Vorlage Nr.: 2025/0300\n"
        "Vorberatung im Bauausschuss am 12.05.2025 (öffentlich)\n"
        "Ortsbeirat Nord am 14.05.2025 zur Anhörung\n"
        "Entscheidung im Rat der Gemeinde am 26.05.2025 (nichtöffentlich)\n"
    )
    assert [
        (b.gremium, b.rolle, b.termin.isoformat() if b.termin else None, b.oeffentlich)
        for b in vorlage_of(text).beratungsfolge
    ] == [
        ("Bauausschuss", "Vorberatung", "2025-05-12", True),
        ("Ortsbeirat Nord", "Anhörung", "2025-05-14", None),
        ("Rat der Gemeinde", "Entscheidung", "2025-05-26", False),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Vorlage wird zur Vorberatung im Bauausschuss am 12.05.2025 (öffentlich) und zur "
        "Beschlussfassung im Gemeinderat am 26.05.2025 (öffentlich) vorgelegt.\n",
        "Die Vorlage wird zur Vorberatung im Bauausschuss am 12.05.2025 (öffentlich) und zur\n"
        "Beschlussfassung im Gemeinderat am 26.05.2025 (öffentlich) vorgelegt.\n",
        "Die Vorlage wird zur Vorberatung im Bauausschuss am 12.05.2025 (öffentlich) und zur "
        "Beschlussfassung im\nGemeinderat am 26.05.2025 (öffentlich) vorgelegt.\n",
    ],
    ids=["one line", "wrapped between stations", "wrapped inside a station"],
)
def test_one_sentence_names_several_consultations(sentence: str) -> None:
    """Only the first station of such a sentence was read; the deciding one was lost, and the
    rules then said that no session decides (BF004) on a correct Vorlage."""
    vorlage = vorlage_of("Vorlage 41/2024\nBeschlussvorlage\n\n" + sentence)
    assert [
        (b.gremium, b.rolle, b.termin.isoformat() if b.termin else None, b.oeffentlich)
        for b in vorlage.beratungsfolge
    ] == [
        ("Bauausschuss", "Vorberatung", "2025-05-12", True),
        ("Gemeinderat", "Entscheidung", "2025-05-26", True),
    ]


@pytest.mark.parametrize(
    ("sentence", "stations"),
    [
        (
            "Aufgrund der Beratung im Haupt- und Finanzausschuss am 14.03.2017 wird ein "
            "ergänzter Beschlussvorschlag vorgelegt.",
            [],
        ),
        ("Nach dem Beschluss des Rates vom 05.07.2016 wurde das Verfahren eingeleitet.", []),
        (
            "Nach der Beratung im Bauausschuss am 12.05.2025 folgt die Beschlussfassung im "
            "Gemeinderat am 26.05.2025.",
            [("Gemeinderat", "Entscheidung", "2025-05-26")],
        ),
    ],
    ids=["past session", "past decision", "past session, then a planned one"],
)
def test_a_sentence_that_tells_of_a_session_plans_no_station(
    sentence: str, stations: list[tuple[str, str, str]]
) -> None:
    """Nordkirchen's Sachverhalt: a session told of ("Aufgrund der Beratung im …") was read as
    the Vorlage's only station, on a page that prints no Beratungsfolge."""
    vorlage = vorlage_of(f"Vorlage 004/2017\nBeschlussvorlage\n\nSachverhalt\n\n{sentence}\n")
    assert [
        (b.gremium, b.rolle, b.termin.isoformat() if b.termin else None)
        for b in vorlage.beratungsfolge
    ] == stations


@pytest.mark.parametrize(
    ("line", "nummer", "art"),
    [
        ("Kreistagsdrucksache KT/0045/2025", "KT/0045/2025", "Drucksache"),
        ("Gemeinderatsdrucksache Nr. 123/2025", "123/2025", "Drucksache"),
        ("GR-Drucksache 45/2025", "45/2025", "Drucksache"),
        ("Ratsvorlage 0045/2025", "0045/2025", "Vorlage"),
        ("BV/0197/2026", "BV/0197/2026", None),
        ("Kopiervorlage für 2025/2026", None, None),
    ],
)
def test_a_number_after_a_compound_kind_or_alone_under_the_letterhead(
    line: str, nummer: str | None, art: str | None
) -> None:
    """A body's own kind of paper ("Kreistagsdrucksache") and a number alone under a short
    letterhead line were not read; a word that merely ends like a kind is no title."""
    vorlage = vorlage_of(
        f"Landkreis Musterkreis\n{line}\nBetreff: Haushaltssatzung 2026\n"
        "Beschlussvorschlag:\nDer Kreistag beschließt.\n"
    )
    assert (vorlage.nummer, vorlage.art) == (nummer, art)


@pytest.mark.parametrize(
    ("title", "art", "sitzungsteil"),
    [
        ("Vorlage 41/2024\nBeschlussvorlage öffentlich", "Beschlussvorlage", "öffentlich"),
        (
            "Beschlussvorlage nicht öffentlich\nVorlage 41/2024",
            "Beschlussvorlage",
            "nichtöffentlich",
        ),
        ("Informationsvorlage 41/2024\nöffentlich", "Informationsvorlage", "öffentlich"),
        (
            "Informationsvorlage 41/2024\nöffentliche Bekanntmachung folgt",
            "Informationsvorlage",
            None,
        ),
    ],
)
def test_the_public_status_beside_or_under_the_title(
    title: str, art: str, sitzungsteil: str | None
) -> None:
    vorlage = vorlage_of(
        f"Gemeinde Beispielstadt\n{title}\n\nBetreff: Bebauungsplan\n\n"
        "Beschlussvorschlag:\nDer Gemeinderat beschließt.\n"
    )
    assert (vorlage.nummer, vorlage.art, vorlage.sitzungsteil) == ("41/2024", art, sitzungsteil)


@pytest.mark.parametrize(
    "rows",
    [
        "Bauausschuss am 14.10.2025 Vorberatung\nGemeinderat am 23.10.2025 Entscheidung\n",
        "Sitzung des Bauausschusses am 14.10.2025 – Vorberatung\n"
        "Sitzung des Gemeinderates am 23.10.2025 – Entscheidung\n",
    ],
    ids=["body am date", "session of the body am date"],
)
def test_rows_that_print_am_before_the_date(rows: str) -> None:
    """ "am" before a date marks a date in prose ("Der Rat hat am …"), which ended the list
    after its first row, so the deciding session was lost (BF004 on a correct Vorlage); after a
    body's name it belongs to the date."""
    vorlage = vorlage_of(
        f"Vorlage Nr. 41/2024\nBeschlussvorlage\n\nBeratungsfolge:\n{rows}\n"
        "Betreff: Bebauungsplan\n\nBeschlussvorschlag:\nDer Gemeinderat beschließt.\n"
    )
    assert [(b.gremium, b.termin.isoformat(), b.rolle) for b in vorlage.beratungsfolge] == [
        ("Bauausschuss", "2025-10-14", "Vorberatung"),
        ("Gemeinderat", "2025-10-23", "Entscheidung"),
    ]


def test_a_date_in_another_style_under_the_list_is_no_station() -> None:
    """The decision text follows the list without a heading, and cites a statute "vom 18.
    Dezember" / "2012": it was read as a third station, the sentence above it as the rest of
    the Gemeinderat's name. One list prints its dates alike."""
    vorlage = vorlage_of(
        "Vorlage Nr.: 2025/0322\n\nGremien Termin TOP Ö / N Zuständigkeit\n"
        "Haupt- und Finanzausschuss 20.05.2025 16 N Vorberatung\n"
        "Gemeinderat 27.05.2025 6 Ö Entscheidung\n"
        "Der Gemeinderat beschließt nach Vorberatung im Haupt- und Finanzausschuss die\n"
        "beigefügte Satzung über Gebühren für Sondernutzungen an Straßen vom 18. Dezember\n"
        "2012, zuletzt geändert am 20. Dezember 2022.\n"
    )
    assert [(b.gremium, b.termin.isoformat()) for b in vorlage.beratungsfolge] == [
        ("Haupt- und Finanzausschuss", "2025-05-20"),
        ("Gemeinderat", "2025-05-27"),
    ]


def test_a_sentence_under_an_empty_list_is_no_station() -> None:
    """The header of an empty list, then the proposal: "… mit Ablauf des 31.07.2026 …" is a
    date in a sentence, also for the first row under the header."""
    vorlage = vorlage_of(
        "Vorlage Nr.: 2026/0101\n\nGremien Termin TOP Ö / N Zuständigkeit\n"
        "Antrag an den Ortschaftsrat\n"
        "1. Der Ortschaftsrat stellt fest, dass Frau Ortschaftsrätin Erika Beispiel\n"
        "mit Ablauf des 31.07.2026 aus ihrer Tätigkeit im Ortschaftsrat ausscheidet.\n"
    )
    assert vorlage.beratungsfolge == []


@pytest.mark.parametrize(
    "table",
    [
        "Gremium        Sitzungsdatum   Sitzungsnummer   Ö/N   Rolle\n"
        "Bauausschuss   16.09.2025      BA/012/2025      Ö     Vorberatung\n"
        "Rat            07.10.2025      RAT/008/2025     Ö     Entscheidung\n",
        "Sitzung                      Datum        TOP   Beratungsart\n"
        "Bauausschuss (12. Sitzung)   16.09.2025   5     vorberatend\n"
        "Rat (8. Sitzung)             07.10.2025   11    beschließend\n",
    ],
    ids=["session number column", "session in brackets"],
)
def test_the_session_beside_the_body_is_not_its_name(table: str) -> None:
    vorlage = vorlage_of(
        f"Vorlage Nr. 41/2024\nBeschlussvorlage\n\nBeratungsfolge:\n{table}\n"
        "Betreff: Bebauungsplan\n\nBeschlussvorschlag:\nDer Rat beschließt.\n"
    )
    assert [(b.gremium, b.rolle) for b in vorlage.beratungsfolge] == [
        ("Bauausschuss", "Vorberatung"),
        ("Rat", "Entscheidung"),
    ]
    assert all(b.einladung for b in vorlage.beratungsfolge)


def test_attachment_titles_without_the_file_size_a_page_prints() -> None:
    vorlage = vorlage_of(
        "Vorlage Nr. 41/2024\nBetreff: Sporthalle\n\nAnlagen:\n"
        "Anlage 1 Kostenschätzung (PDF, 120 KB)\nAnlage 2 Lageplan [pdf | 1,2 MB]\n"
        "Anlage 3 Satzung über 2 Bauabschnitte\n"
    )
    assert [(a.nummer, a.titel) for a in vorlage.anlagen] == [
        ("1", "Kostenschätzung"),
        ("2", "Lageplan"),
        ("3", "Satzung über 2 Bauabschnitte"),
    ]


def test_the_unit_in_a_letterhead_cell_beside_a_labelled_value() -> None:
    """The PDF of a Word letterhead table: the unit's line shares its row with the number's
    label, so the header took the row and the unit was lost."""
    vorlage = vorlage_of(
        "Stadt Beispielhausen                   Beschlussvorlage\n"
        "Fachbereich 6 – Planen und Bauen       Vorlage-Nr.: FB6/123/2025\n"
        "                                       Datum: 02.09.2025\n\nBetreff: Bebauungsplan\n"
    )
    assert (vorlage.nummer, vorlage.ersteller) == (
        "FB6/123/2025",
        "Fachbereich 6 – Planen und Bauen",
    )


@pytest.mark.parametrize(
    ("proposal", "reasoning", "money"),
    [
        ("Beschlussentwurf:", "Sach- und Rechtslage:", "Haushaltsrechtliche Auswirkungen:"),
        ("Vorschlag der Verwaltung:", "Darstellung des Sachverhalts:", "Haushaltsmittel:"),
        ("Der Rat möge beschließen:", "Begründung der Vorlage:", "Haushaltsmäßige Auswirkungen:"),
    ],
)
def test_section_headings_in_further_spellings(proposal: str, reasoning: str, money: str) -> None:
    """Unknown, the reasoning's heading left its text in the decision; without the decision's
    heading the rules said the decision text was missing (REQ006) on a complete Vorlage."""
    vorlage = vorlage_of(
        "Vorlage Nr. 41/2024\nBeschlussvorlage\nBetreff: Sporthalle\n\n"
        f"{proposal}\nDer Rat beschließt die Sanierung.\n\n{reasoning}\nDie Halle ist alt.\n\n"
        f"{money}\nKosten 100.000 Euro, gedeckt aus Produkt 42.\n"
    )
    assert vorlage.beschlussvorschlag == ["Der Rat beschließt die Sanierung."]
    assert vorlage.sachdarstellung == "Die Halle ist alt."
    assert vorlage.finanzielle_auswirkungen == "Kosten 100.000 Euro, gedeckt aus Produkt 42."


@pytest.mark.parametrize(
    "dates",
    [
        ("Di, 14.10.2025", "Do, 23.10.2025"),
        ("Dienstag, 14. Oktober 2025", "Donnerstag, 23. Oktober 2025"),
    ],
)
def test_a_weekday_before_the_date_is_not_part_of_the_body(dates: tuple[str, str]) -> None:
    first, second = dates
    vorlage = vorlage_of(
        "Vorlage Nr. 41/2024\nBeschlussvorlage\n\nBeratungsfolge:\n"
        f"Bauausschuss    {first}    Vorberatung\nGemeinderat    {second}    Entscheidung\n\n"
        "Betreff: Bebauungsplan\n"
    )
    assert [(b.gremium, b.termin.isoformat()) for b in vorlage.beratungsfolge] == [
        ("Bauausschuss", "2025-10-14"),
        ("Gemeinderat", "2025-10-23"),
    ]


@pytest.mark.parametrize("placeholder", ["noch offen", "-", "N.N."])
def test_a_session_not_yet_set_is_a_station_without_a_date(placeholder: str) -> None:
    """The row was lost, or glued to the name above it ("Bauausschuss Hauptausschuss -
    Vorberatung"); without the deciding station the rules said that no session decides."""
    vorlage = vorlage_of(
        "Vorlage Nr. 41/2024\nBeschlussvorlage\n\nBeratungsfolge:\n"
        "Bauausschuss      14.10.2025      Vorberatung\n"
        f"Hauptausschuss    {placeholder:<10}      Vorberatung\n"
        f"Gemeinderat       {placeholder:<10}      Entscheidung\n\nBetreff: Bebauungsplan\n"
    )
    assert [(b.gremium, b.termin, b.rolle) for b in vorlage.beratungsfolge] == [
        ("Bauausschuss", dt.date(2025, 10, 14), "Vorberatung"),
        ("Hauptausschuss", None, "Vorberatung"),
        ("Gemeinderat", None, "Entscheidung"),
    ]


def test_roles_in_a_text_layer_that_lost_its_spaces() -> None:
    """Some PDF text layers run words together ("BeratungundEmpfehlung"): the role was not
    recognised, and BF008 said the station names none."""
    vorlage = vorlage_of(
        "DS 85/2020\nBeschlussvorlage\nBeratungsfolge Termin Stand\n"
        "Verwaltungsausschuss 24.11.2020 BeratungundEmpfehlung\n"
        "Rat 26.11.2020 BeratungundBeschlussfassung\nBetreff\n"
    )
    assert [(b.gremium, b.rolle) for b in vorlage.beratungsfolge] == [
        ("Verwaltungsausschuss", "Vorberatung"),
        ("Rat", "Entscheidung"),
    ]


def test_a_role_broken_over_rows_in_a_text_layer_that_lost_its_spaces() -> None:
    """A role cell of two lines around its row's line ("BeratungundBeschlussfas-" / "Rat …" /
    "sung") went to the station above, because the broken word was not seen to begin a role,
    and the vote beside it ("einstimmiglt.Beschlussvorschlag") became the row's role."""
    vorlage = vorlage_of(
        "DS 85/2020\nBeschlussvorlage\nBeratungsfolge Termin Stand Abstimmung\n"
        "Verwaltungsausschuss 24.11.2020 BeratungundEmpfehlung einstimmig\n"
        "BeratungundBeschlussfas-\nRat 26.11.2020 einstimmiglt.Beschlussvorschlag\nsung\n"
        "Betreff\n"
    )
    assert [(b.gremium, b.rolle, b.rolle_text) for b in vorlage.beratungsfolge] == [
        ("Verwaltungsausschuss", "Vorberatung", "BeratungundEmpfehlung"),
        ("Rat", "Entscheidung", "BeratungundBeschlussfassung"),
    ]


@pytest.mark.parametrize("word", ["Einstimmigkeit", "Beratungsbedarf-"])
def test_a_word_that_merely_begins_like_a_phrase_stays_in_the_name(word: str) -> None:
    vorlage = vorlage_of(
        "DS 85/2020\nBeschlussvorlage\nBeratungsfolge Termin Stand\n"
        f"Verwaltungsausschuss {word}\n24.11.2020 Beratung und Empfehlung\nBetreff\n"
    )
    assert vorlage.beratungsfolge[0].gremium == f"Verwaltungsausschuss {word}"


def test_a_subject_that_ends_in_a_date_is_not_a_station() -> None:
    """The subject under the list, ending in the date it is about, was read as a second
    station without a role (BF008) dated before the Vorlage (DAT001)."""
    vorlage = vorlage_of(
        "DS 54/2016\nMitteilungsvorlage\nBeratungsfolge Sitzungstermin Stand\n"
        "Fachausschuss Finanzen\n09.06.2016 Mitteilung\n"
        "Vorläufige Bilanz, Ergebnis- und Finanzrechnung 31.12.2015\n"
        "Inhalt der Mitteilung:\nAls Anlage übergebe ich die Bilanz.\n"
    )
    assert [(b.gremium, b.termin) for b in vorlage.beratungsfolge] == [
        ("Fachausschuss Finanzen", dt.date(2016, 6, 9))
    ]


def test_a_station_without_role_that_names_a_body_stays_in_the_list() -> None:
    vorlage = vorlage_of(
        "DS 1/2020\nBeschlussvorlage\nBeratungsfolge Termin Stand\n"
        "Verwaltungsausschuss 19.03.2020 Beratung und Empfehlung\n"
        "Rat der Gemeinde Beispielstadt 24.03.2020\nBetreff\n"
    )
    assert [b.gremium for b in vorlage.beratungsfolge] == [
        "Verwaltungsausschuss",
        "Rat der Gemeinde Beispielstadt",
    ]


def test_a_line_that_introduces_a_list_ends_the_beratungsfolge() -> None:
    """Past talks listed in the subject ("• Ratsgruppe SPD / Grüne 02.03.2009") under a line
    ending in a colon were read as five more stations."""
    vorlage = vorlage_of(
        "DS 6/2009\nBeschlussvorlage\nBeratungsfolge Sitzungstermin Stand\n"
        "Verwaltungsausschuss 17.03.2009 Beratung und Empfehlung\n"
        "Rat 19.03.2009 Beratung und Beschlussfassung\nFreibad Beispielstadt:\n"
        "• Investitionen\nNach Beratung in den Gremien\n• Ortsrat Nordstadt 09.03.2009\n"
        "• Ratsgruppe SPD / Grüne 10.03.2009\nergibt sich folgender Beschlussvorschlag:\n"
    )
    assert [b.gremium for b in vorlage.beratungsfolge] == ["Verwaltungsausschuss", "Rat"]


def test_cells_of_a_copied_page_that_ran_together() -> None:
    """Text copied from an ALLRIS page joins a row's cells: a label after the value before it
    ("öffentlichAktenzeichen:"), and the kind submitted before the kind it has now."""
    vorlage = vorlage_of(
        "Drucksache - 1536/V\n\nBetreff: Bezirkshaushaltsplan\n"
        "Status:öffentlichAktenzeichen:898/V\n"
        "Drucksache-Art:Vorlage zur BeschlussfassungBeschluss\n"
    )
    assert (vorlage.sitzungsteil, vorlage.art) == ("öffentlich", "Vorlage zur Beschlussfassung")


def test_bodies_with_their_role_over_their_sessions_in_page_text() -> None:
    """ALLRIS classic, as text: a body's line ends in its role, its sessions follow as a date
    line and a line naming the session and its result; the role stayed in the body's name."""
    vorlage = vorlage_of(
        "Drucksache - 1536/V\nBetreff: Haushaltsplan\nBeratungsfolge:\n"
        "Ausschuss für Haushalt und Personal Empfehlung\n19.08.2019\n"
        "33. öffentliche Sitzung des Ausschusses für Haushalt und Personal vertagt\n"
        "20.08.2019\n34. öffentliche Sitzung des Ausschusses für Haushalt und Personal\n"
        "Bezirksverordnetenversammlung Beispielbezirk Entscheidung\n11.09.2019\n"
        "32. öffentliche Sitzung der Bezirksverordnetenversammlung Beispielbezirk beschlossen\n"
        "\nSachverhalt\nDer Plan liegt vor.\n"
    )
    assert [(b.gremium, b.rolle, b.termin) for b in vorlage.beratungsfolge] == [
        ("Ausschuss für Haushalt und Personal", "Vorberatung", dt.date(2019, 8, 19)),
        ("Ausschuss für Haushalt und Personal", "Vorberatung", dt.date(2019, 8, 20)),
        ("Bezirksverordnetenversammlung Beispielbezirk", "Entscheidung", dt.date(2019, 9, 11)),
    ]


def test_a_body_with_its_role_over_one_session_in_page_text() -> None:
    vorlage = vorlage_of(
        "Antrag - DS/1246/V\nBetreff: Ordnungsamt\nBeratungsfolge:\n"
        "Bezirksverordnetenversammlung Beispielbezirk Entscheidung\n16.02.2005\n"
        "38. Sitzung der Bezirksverordnetenversammlung Beispielbezirk beschlossen\n"
        "\nSachverhalt\nDer Antrag liegt vor.\n"
    )
    assert [(b.gremium, b.rolle, b.rolle_text) for b in vorlage.beratungsfolge] == [
        ("Bezirksverordnetenversammlung Beispielbezirk", "Entscheidung", "Entscheidung")
    ]


def test_a_web_pages_buttons_and_points_numbered_with_both_marks() -> None:
    """ALLRIS net 4 prints "Reduzieren" under each panel; it ended the last point, and the
    points "1.)", "2.)" were one."""
    found = extraction_of(
        "Beschlussvorlage - 2021/BV/2114\n\nReduzieren\n\nBeschlussvorschlag:\n\n"
        "1.) Den Eckwerten wird zugestimmt.\n\n2.) Verbesserungen werden zugelassen.\n\n"
        "Reduzieren\n\nBeschlussvorschriften:\nHauptsatzung § 5 Absatz 1\n\nReduzieren\n"
    )
    assert found.vorlage.beschlussvorschlag == [
        "Den Eckwerten wird zugestimmt.",
        "Verbesserungen werden zugelassen.",
    ]
    assert found.vorlage.weitere_abschnitte == {
        "Beschlussvorschriften": "Hauptsatzung § 5 Absatz 1"
    }


def test_an_attachment_box_ends_where_the_text_of_the_page_goes_on() -> None:
    """A page's box of attachments under "Anlagen:", then the numbered text of the Vorlage:
    its points were read as attachments 1 to 3."""
    vorlage = vorlage_of(
        "Drucksache - 1536/V\nBetreff: Haushaltsplan\n\nSachverhalt\nAnlagen:\n"
        "Vorlage zur Beschlussfassung vom 01.08.2019\nBeschluss vom 11.09.2019\n\n"
        "1. Gegenstand der Vorlage: Bezirkshaushaltsplan\n\n2. Berichterstatterin: "
        "Bürgermeisterin Muster\n\n3. Die Bezirksverordnetenversammlung wolle beschließen:\n"
    )
    assert [(a.nummer, a.titel) for a in vorlage.anlagen] == [
        (None, "Vorlage zur Beschlussfassung vom 01.08.2019"),
        (None, "Beschluss vom 11.09.2019"),
    ]


def test_a_name_alone_between_the_proposal_and_the_reasoning_signs() -> None:
    """SessionNet pages print the signer's name alone after the proposal, before the heading
    of the reasoning; it was not read."""
    vorlage = vorlage_of(
        "Vorlage\nWP 04-09 SV 20/007\nBetreff: Finanzmanagement\n\nBeschlussvorschlag:\n"
        "Der Rat beschließt den Umstieg.\n\nGünter Beispiel\n\n"
        "Erläuterungen und Begründungen:\nDer Umstieg ist gesetzlich vorgeschrieben.\n"
    )
    assert vorlage.unterzeichnung is not None
    assert vorlage.unterzeichnung.name == "Günter Beispiel"


def test_points_whose_number_stands_alone_and_a_signature_written_out() -> None:
    """A web page's list items copied with the number alone on its line ("1." / "Bei …") were
    one point with the lead-in; "gezeichnet:" after the last point stayed in it."""
    found = extraction_of(
        "Beschlussvorlage - 06/SVV/0487\nBeschlussvorschlag\n"
        "Die Stadtverordnetenversammlung möge beschließen:\n1.\nBei Planverfahren sind die "
        "Kosten zu vereinbaren.\n2.\nBei der Neueinleitung ist zu entscheiden.\n\n"
        "gezeichnet:\nErika Beispiel\n"
    )
    assert found.vorlage.beschlussvorschlag == [
        "Bei Planverfahren sind die Kosten zu vereinbaren.",
        "Bei der Neueinleitung ist zu entscheiden.",
    ]
    signed = found.vorlage.unterzeichnung
    assert signed is not None
    assert (signed.name, signed.vertretung) == ("Erika Beispiel", "gez.")


def test_a_status_bullet_before_the_first_station_does_not_end_the_list() -> None:
    """ALLRIS net 4 prints a status bullet ("●" / "Erledigt") before each row: the list ended
    at the first bullet, before any station."""
    vorlage = vorlage_of(
        "Sitzungsvorlage - V/2024/431\nBeratungsfolge\n●\nErledigt\n"
        "Haupt- und Finanzausschuss\nVorberatung\n10.12.2024\n●\nErledigt\n"
        "Rat der Gemeinde Beispielstadt\nEntscheidung\n12.12.2024\nBeschlussvorschlag\n"
        "Der Rat beschließt.\n"
    )
    assert [(b.gremium, b.rolle, b.termin) for b in vorlage.beratungsfolge] == [
        ("Haupt- und Finanzausschuss", "Vorberatung", dt.date(2024, 12, 10)),
        ("Rat der Gemeinde Beispielstadt", "Entscheidung", dt.date(2024, 12, 12)),
    ]


def test_a_bodys_role_on_its_own_line_over_two_sessions() -> None:
    """A page's cells copied one per line: the body, its role, then two session dates. The
    printed role was dropped and roles were derived from the order."""
    vorlage = vorlage_of(
        "Beschlussvorlage - 06/SVV/0487\nBeratungsfolge\n●\nErledigt\n"
        "Stadtverordnetenversammlung Beispielstadt\nEntscheidung\n07.06.2006\n30.08.2006\n"
        "●\nErledigt\nAusschuss für Finanzen\nVorberatung\n21.06.2006\nBeschlussvorschlag\n"
        "Der Rat beschließt.\n"
    )
    assert [(b.gremium, b.rolle, b.rolle_quelle) for b in vorlage.beratungsfolge] == [
        ("Stadtverordnetenversammlung Beispielstadt", "Entscheidung", "gedruckt"),
        ("Stadtverordnetenversammlung Beispielstadt", "Entscheidung", "gedruckt"),
        ("Ausschuss für Finanzen", "Vorberatung", "gedruckt"),
    ]


def test_a_subjects_subtitle_after_a_dash_before_the_next_label() -> None:
    vorlage = vorlage_of(
        "Vorlage - 2015/0288-1\n\nBetreff: Grünflächenkataster der Stadt\n\n"
        "- Operative Steuerung der Grünflächen\nStatus:öffentlichVorlage-Art:Beschlussvorlage\n"
    )
    assert vorlage.betreff == "Grünflächenkataster der Stadt - Operative Steuerung der Grünflächen"
    assert (vorlage.art, vorlage.sitzungsteil) == ("Beschlussvorlage", "öffentlich")


def test_the_session_beside_the_body_and_a_body_without_session_in_page_text() -> None:
    """ALLRIS classic as text: "öffentliche/nichtöffentliche Sitzung des …" under the date was
    not seen as a session and joined the body's name, and the last body, whose session is not
    set, was dropped; komuna prints the session in a column beside the body."""
    vorlage = vorlage_of(
        "Vorlage - VO/1215/14\nBetreff: Städtebauförderung\nBeratungsfolge:\n"
        "Bau- und Planungsausschuss Vorberatung\n30.10.2014\n"
        "öffentliche/nichtöffentliche Sitzung des Bau- und Planungsausschusses geändert "
        "beschlossen\nStadtverordnetenversammlung der Stadt Beispielstadt Entscheidung\n\n"
        "Nach der erfolgreichen Bewerbung der Stadt um Aufnahme in das Programm hatte die "
        "Stadtverordnetenversammlung den Einleitungsbeschluss gefasst.\n"
    )
    assert [(b.gremium, b.rolle, b.termin) for b in vorlage.beratungsfolge] == [
        ("Bau- und Planungsausschuss", "Vorberatung", dt.date(2014, 10, 30)),
        ("Stadtverordnetenversammlung der Stadt Beispielstadt", "Entscheidung", None),
    ]
    listed = vorlage_of(
        "Antrag\nBeratungsreihenfolge\n"
        "Gremium Sitzung Sitzungsdatum ö / nö Beratungstyp TOP-Nr.\n"
        "Gemeinderat Sitzung des Gemeinderates 14.10.2021 ö beschließend 3\n\nSachverhalt\n"
        "Die Fraktion stellt folgenden Antrag.\n"
    )
    assert [(b.gremium, b.rolle, b.top) for b in listed.beratungsfolge] == [
        ("Gemeinderat", "Entscheidung", "3")
    ]


def test_a_proposal_without_heading_under_the_header_block() -> None:
    """SessionNet prints the Vorlage's text right under its header block; a Beschlussvorlage
    whose text is the decision alone had no proposal (REQ006 called it missing)."""
    vorlage = vorlage_of(
        "Betreff\nRahmenplan für das Gewerbegebiet\nVorlage\n013/2020\nArt\nBeschlussvorlage\n"
        "\nDer Stadtrat beschließt, den Bürgermeister mit dem Rahmenplan zu beauftragen.\n"
    )
    assert vorlage.beschlussvorschlag == [
        "Der Stadtrat beschließt, den Bürgermeister mit dem Rahmenplan zu beauftragen."
    ]


def test_a_sentence_that_merely_names_a_body_is_no_proposal() -> None:
    vorlage = vorlage_of(
        "Betreff\nRahmenplan\nVorlage\n013/2020\nArt\nMitteilungsvorlage\n"
        "\nDer Stadtrat hat im Mai über den Rahmenplan beraten.\n"
    )
    assert vorlage.beschlussvorschlag == []


def test_an_agenda_items_page_title_is_its_subject() -> None:
    """komuna's agenda-item page opens with the subject as its title over "Daten angezeigt aus
    Sitzung: …" and prints no subject label; no subject was read."""
    vorlage = vorlage_of(
        "Bebauungsplan Gewerbegebiet Süd, 1. Änderung; Behandlung der Anregungen\n\n"
        "Daten angezeigt aus Sitzung:  Sitzung des Gemeinderates, 01.06.2022\n\n"
        "Beratungsreihenfolge\n\nSachverhalt\nDer Gemeinderat hat das Verfahren eingeleitet.\n"
    )
    assert vorlage.betreff == (
        "Bebauungsplan Gewerbegebiet Süd, 1. Änderung; Behandlung der Anregungen"
    )


def test_a_printers_note_at_the_top_is_no_subject() -> None:
    vorlage = vorlage_of(
        "Gedruckt auf 100 Prozent Recyclingpapier\nSatzungen zur Änderung der Satzungen\n"
    )
    assert vorlage.betreff != "Gedruckt auf 100 Prozent Recyclingpapier"


def test_the_same_heading_twice_is_said_once() -> None:
    """A page's panel "Sachverhalt" over its box's own label "Sachverhalt:": the label stayed
    at the start of the reasoning."""
    vorlage = vorlage_of(
        "Beschlussvorlage - SV 17/11649\nBetreff: Dorfstraßen\n\nSachverhalt\nSachverhalt:\n"
        "Auf dem Gebiet der Stadt gibt es acht Dorfstraßen.\n"
    )
    assert vorlage.sachdarstellung == "Auf dem Gebiet der Stadt gibt es acht Dorfstraßen."


def test_a_kind_with_an_offices_code_after_a_dash() -> None:
    vorlage = vorlage_of("Vorlage\nSpA/0768/2019\nArt\nBeschlussvorlage - SL\n")
    assert vorlage.art == "Beschlussvorlage"


def test_a_bavarian_sachvortrag_is_the_reasoning() -> None:
    vorlage = vorlage_of(
        "Beschlussvorlage - GB II/443/2018\nBetreff: Radweg\n\nI. Sachvortrag:\n"
        "Der Radweg ist zu sanieren.\n"
    )
    assert vorlage.sachdarstellung == "Der Radweg ist zu sanieren."


def test_a_session_line_that_lost_its_word_sitzung() -> None:
    """ALLRIS classic as text, where the link text "Sitzung" is lost: "des Schulausschusses
    beschlossen" under the date joined the body's name with the role."""
    vorlage = vorlage_of(
        "Vorlage - 2011/0281\nBetreff: Schulentwicklung\nBeratungsfolge:\n"
        "Schulausschuss Vorberatung\n19.05.2011\ndes Schulausschusses beschlossen\n"
        "Haupt- und Finanzausschuss Vorberatung\n07.06.2011\n"
        "des Haupt- und Finanzausschusses beschlossen\n"
        "Rat der Stadt Entscheidung\n21.06.2011\ndes Rates der Stadt beschlossen\n"
        "\nSachverhalt\nDer Plan liegt vor.\n"
    )
    assert [(b.gremium, b.rolle) for b in vorlage.beratungsfolge] == [
        ("Schulausschuss", "Vorberatung"),
        ("Haupt- und Finanzausschuss", "Vorberatung"),
        ("Rat der Stadt", "Entscheidung"),  # "Rates" is a genitive however short
    ]


def test_a_decisions_lead_in_that_the_points_complete_is_no_point() -> None:
    found = extraction_of(
        "Beschlussvorschlag:\nIn Kenntnis des Widerspruchs beschließt die Bürgerschaft,\n"
        "1. die Verkehrswacht mit 3.000 € zu unterstützen.\n2. den Betrag einzustellen.\n"
    )
    assert found.vorlage.beschlussvorschlag == [
        "die Verkehrswacht mit 3.000 € zu unterstützen.",
        "den Betrag einzustellen.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Nordstemmen's formula before an unnumbered decision
        (
            "Der Rat möge wie folgt beschließen:\nDie Haushaltssatzung wird beschlossen.\n",
            "Die Haushaltssatzung wird beschlossen.",
        ),
        # Cramme's lead-in broken after its first word, and the bullet of the one point
        (
            "Der\nRat der Gemeinde wird gebeten, folgenden Beschluss zu fassen:\n·\n"
            "Die Bürger werden\nbeteiligt.\n",
            "Die Bürger werden beteiligt.",
        ),
        # a lead-in that names what is decided is part of the decision
        (
            "Der Ausschuss möge folgende Zuwendungen beschließen:\n165 Olmo e.V. 1.200,00\n",
            "Der Ausschuss möge folgende Zuwendungen beschließen: 165 Olmo e.V. 1.200,00",
        ),
        # a colon that announces a list of the decision's own
        (
            "Folgende Straßen werden umbenannt:\nDorfstraße in Lindenweg.\n",
            "Folgende Straßen werden umbenannt: Dorfstraße in Lindenweg.",
        ),
    ],
)
def test_a_formula_before_an_unnumbered_proposal_is_left_out(text: str, expected: str) -> None:
    """As before numbered points, the formula that hands the decision to the body is no part of
    the decision."""
    found = extraction_of(f"Beschlussvorschlag:\n{text}\nBegründung:\nDer Plan liegt vor.\n")
    assert found.vorlage.beschlussvorschlag == [expected]


def test_text_before_a_wrongly_numbered_line_stays_in_the_proposal() -> None:
    """Points a) to d) before a line that a wrapped name made start with "1." are kept, even
    where they end with a comma and one of them decides."""
    found = extraction_of(
        "Beschlussvorschlag:\na) Der Entwurf wird zur Kenntnis genommen.\n"
        "b) Der Rat beschließt den Bebauungsplan 0120 Mitte III,\n"
        "1. Änderung, als Satzung.\n"
    )
    assert found.vorlage.beschlussvorschlag[0].startswith("a) Der Entwurf")


@pytest.mark.parametrize(
    ("text", "art", "sitzungsteil"),
    [
        ("Anfrage (öffentlich) - 25-24934\n", "Anfrage", "öffentlich"),
        (
            "Vorlage - 2011/0281\nVorlage-Art: öffentliche Beschlussvorlage\n",
            "Beschlussvorlage",
            "öffentlich",
        ),
        # SessionNet's "Art" with the status after the kind (Sassenberg)
        (
            "Betreff\nHeimat-Preis\nVorlage\n10/499/2019\nArt\nBeschlussvorlage öffentlich\n",
            "Beschlussvorlage",
            "öffentlich",
        ),
    ],
)
def test_a_kind_with_its_public_status(text: str, art: str, sitzungsteil: str) -> None:
    """ALLRIS prints the status beside the kind: "Anfrage (öffentlich) - 25-24934" in the title,
    "öffentliche Beschlussvorlage" as the kind; the status stayed in the kind, and in the kind's
    cell it was not read as the Vorlage's."""
    vorlage = vorlage_of(text)
    assert (vorlage.art, vorlage.sitzungsteil) == (art, sitzungsteil)


def test_a_web_pages_button_line_ends_no_page() -> None:
    document = read_text(b"Betreff: Kanal\nReduzieren\nBeschlussvorschlag:\nJa.\n")
    assert [page.number for page in document.pages] == [1]
    assert [line.text for line in document.pages[0].furniture] == ["Reduzieren"]


def test_the_data_contracts_revision_examples_hold() -> None:
    """docs/data-contract.md shows how numbers with revisions split; the table is the test."""
    from .conftest import ROOT

    text = (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")
    table = text.split("Numbers with revisions, as printed")[1].split("\n\n")[1]
    rows = [line.split("|")[1:4] for line in table.splitlines()[2:]]
    assert len(rows) >= 9
    for printed, nummer, fassung in rows:
        expected = fassung.strip().split("`")[1]
        assert default_lexicon().numbers.split(printed.strip().strip("`")) == (
            nummer.strip().strip("`"),
            None if expected == "null" else expected,
        )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Der Bauausschuss tagt", ["Bauausschuss"]),
        ("Bauamtsleiter und Bau.", ["Bau"]),
        ("rat der  stadt tagt", ["rat der  stadt"]),
        ("Rat derselben", ["Rat"]),
        ("Haupt-\tund FINANZAUSSCHUSS", ["Haupt-\tund FINANZAUSSCHUSS"]),
        (
            "Bau- / Umweltausschuss, Bau-/Umweltausschuss",
            ["Bau- / Umweltausschuss", "Bau-/Umweltausschuss"],
        ),
        ("Neubauausschuss", []),
    ],
)
def test_phrase_patterns_find_the_longest_whole_phrase(text: str, found: list[str]) -> None:
    """Phrases sharing their beginnings ("Bau", "Bauamt", "Bauausschuss") are merged into one
    tree; the longest that ends at a word boundary must still win, in any case and spacing."""
    phrases = ["Bau", "Bauamt", "Bauausschuss", "Rat", "Rat der Stadt"]
    phrases += ["Haupt- und Finanzausschuss", "Bau-/Umweltausschuss"]
    pattern = phrase_pattern(phrases)
    normalised = [" ".join(m.group().split()) for m in pattern.finditer(text)]
    assert normalised == [" ".join(f.split()) for f in found]


PORTAL_FILE_PAGE = """Beschlussvorlage (Vorlage_12-24_Spielplatz)

Daten

Kommune
Musterstadt
Größe
88 kB
Datum
17.01.2025

Inhalt der Datei

öffentliche Vorlage Drs.Nr. 12/24 Anlagen: Nein Der Bürgermeister \
Drucksache: 12/24 Sitzungsteil Az.: öffentlich \
Beratungsfolge: Rat der Gemeinde Musterstadt Sitzungstermin: Abstimmungsergebnis: 27.03.2025 \
Betreff: Neubau des Spielplatzes am Mühlbach \
Beschlussvorschlag: Der Rat beschließt den Neubau des Spielplatzes am Mühlbach. \
Begründung: Der alte Spielplatz ist seit dem Jahr 2020 gesperrt und wird ersetzt.
"""


def test_a_portals_file_page_reads_the_files_text_run_into_one_line() -> None:
    """politik-bei-uns.de shows an OParl file's text under the portal's own data ("Größe 88 kB",
    "Datum 17.01.2025"): only the text after "Inhalt der Datei" is the Vorlage, and its form's
    labels, run into one line, open fields and sections again."""
    vorlage = vorlage_of(PORTAL_FILE_PAGE)
    assert (vorlage.nummer, vorlage.art, vorlage.sitzungsteil) == ("12/24", "Vorlage", "öffentlich")
    assert vorlage.erstellt_am is None and vorlage.ersteller is None  # the portal's, not its
    assert vorlage.betreff == "Neubau des Spielplatzes am Mühlbach"
    assert [(b.gremium, b.termin) for b in vorlage.beratungsfolge] == [
        ("Rat der Gemeinde Musterstadt", dt.date(2025, 3, 27))
    ]
    assert vorlage.beschlussvorschlag == [
        "Der Rat beschließt den Neubau des Spielplatzes am Mühlbach."
    ]
    assert vorlage.sachdarstellung == (
        "Der alte Spielplatz ist seit dem Jahr 2020 gesperrt und wird ersetzt."
    )
    assert vorlage.anlagen == []  # "Anlagen: Nein", whatever follows it


DOCPLAYER_TRANSCRIPT = (
    "Beschlussvorlage. Die Taxizentrale hat eine Änderung des Tarifs beantragt:\n\n"
    "Größe: px\nAb Seite anzeigen:\n\n"
    'Download "Beschlussvorlage. Die Taxizentrale hat eine Änderung des Tarifs beantragt:"\n\n'
    "Transkript\n\n"
    "1 X öffentlich nicht öffentlich Betrifft: Änderung der Taxentarifordnung "
    "Beschlussdarstellung: Der Rat beschließt die Achte Verordnung zur Änderung der "
    "Taxentarifordnung. Sachdarstellung: 1. Anträge Die Taxizentrale hat eine Änderung des "
    "Tarifs wie folgt beantragt: der Grundpreis steigt von 5,50 auf 6,00 Euro, das "
    "Beförderungsentgelt von 1,80 auf 1,90 Euro je Kilometer. Seite 1 von 12\n"
)
"""A docplayer.org page: its title (words from the document), its controls, then the
document's text after "Transkript", each page run into one line."""


def test_a_transcript_page_reads_the_text_after_its_marker() -> None:
    """docplayer's title is no subject, and the form's labels in the page's line, one of them
    printed as the lexicon has it in capitals ("Sachdarstellung", "SACHDARSTELLUNG"), open
    their sections."""
    vorlage = vorlage_of(DOCPLAYER_TRANSCRIPT)
    assert vorlage.betreff == "Änderung der Taxentarifordnung"
    assert vorlage.beschlussvorschlag == [
        "Der Rat beschließt die Achte Verordnung zur Änderung der Taxentarifordnung."
    ]
    assert vorlage.sachdarstellung is not None
    assert vorlage.sachdarstellung.startswith("1. Anträge Die Taxizentrale")


def test_a_paragraph_that_mentions_labels_stays_one_paragraph() -> None:
    """Prose may quote a label or two with its colon; only a line with three different labels
    is a form run into one line."""
    paragraph = (
        "Die Vorlage vom Mai trug noch den Betreff: Neubau des Spielplatzes, und ihre "
        "Begründung: der alte Spielplatz sei gesperrt, wurde im Ausschuss ausführlich beraten. "
        "Die Verwaltung hat die Vorlage daraufhin überarbeitet, die Kosten neu berechnet, die "
        "Anwohner beteiligt und legt sie dem Rat nun mit einem geänderten Vorschlag erneut vor, "
        "über den der Rat in seiner nächsten Sitzung entscheiden soll."
    )
    vorlage = vorlage_of(f"Betreff: Test\n\nSachverhalt:\n\n{paragraph}\n")
    assert vorlage.sachdarstellung == paragraph


def test_a_label_with_a_remark_before_its_colon_breaks_a_run_together_form() -> None:
    vorlage = vorlage_of(
        "Ratsversammlung Nr. VI-DS-0815 Status: öffentlich Betreff: Steuerung der Eigenbetriebe "
        "Beratungsfolge (Änderungen vorbehalten): Ratsversammlung 08.03.2025 Beschlussfassung "
        "Beschlussvorschlag: Die Ratsversammlung beschließt den Leitfaden zur Steuerung der "
        "Eigenbetriebe in der Fassung der Anlage 1 und beauftragt den Oberbürgermeister mit "
        "seiner Umsetzung zum ersten Januar des folgenden Jahres.\n"
    )
    assert vorlage.betreff == "Steuerung der Eigenbetriebe"
    assert [(b.gremium, b.termin, b.rolle) for b in vorlage.beratungsfolge] == [
        ("Ratsversammlung", dt.date(2025, 3, 8), "Entscheidung")
    ]


def test_the_subject_ends_at_the_proceedings_label() -> None:
    """PARLIS prints the proceedings after the subject on its line ("Vorgang: Beschl. …")."""
    vorlage = vorlage_of(
        "Betreff: Integriertes Stadtentwicklungskonzept Vorgang: Beschl. d. Stv.-V. vom "
        "22.05.2014, § 4542\n"
    )
    assert vorlage.betreff == "Integriertes Stadtentwicklungskonzept"


def test_a_proposal_numbered_in_roman_numerals_without_heading() -> None:
    """A SessionNet page prints the proposal under its header block without heading, its
    points numbered "I.", "II."; the "1." inside a point stays in it."""
    vorlage = vorlage_of(
        "Betreff\nPlanung der Kindertagesbetreuung\nVorlage\n0065/2024\n\n"
        "I.     Der Jugendhilfeausschuss beschließt die Höhe der Kindpauschalen für\n\n"
        "1. Kindertageseinrichtungen und\n\n2. die Kindertagespflege.\n\n"
        "II.     Der Jugendhilfeausschuss beschließt, die Plätze vorrangig mit Kindern unter "
        "3 Jahren zu belegen.\n"
    )
    assert vorlage.beschlussvorschlag == [
        "Der Jugendhilfeausschuss beschließt die Höhe der Kindpauschalen für "
        "1. Kindertageseinrichtungen und 2. die Kindertagespflege.",
        "Der Jugendhilfeausschuss beschließt, die Plätze vorrangig mit Kindern unter 3 Jahren "
        "zu belegen.",
    ]


def test_a_heading_that_joins_two_headings_of_one_section() -> None:
    vorlage = vorlage_of(
        "Beschlussvorschlag:\nDer Jahresfehlbetrag wird auf neue Rechnung vorgetragen.\n"
        "Sachverhalt/Stellungnahme der Verwaltung:\nDer Bericht liegt vor.\n"
    )
    assert vorlage.beschlussvorschlag == [
        "Der Jahresfehlbetrag wird auf neue Rechnung vorgetragen."
    ]
    assert vorlage.sachdarstellung == "Der Bericht liegt vor."


def test_a_box_whose_label_joins_a_heading_and_another_word_opens_no_section() -> None:
    """Karlsruhe's "Begründung/Optimierung:" box: one known part is not enough."""
    vorlage = vorlage_of(
        "Sachverhalt:\nDer Bericht liegt vor.\n\nBegründung/Optimierung:\nNichts weiter zu "
        "optimieren, alle Abläufe sind eingespielt.\n"
    )
    assert vorlage.sachdarstellung == (
        "Der Bericht liegt vor.\n\nBegründung/Optimierung: Nichts weiter zu optimieren, alle "
        "Abläufe sind eingespielt."
    )


def test_a_numbered_sub_heading_of_the_sections_kind_goes_on_its_text() -> None:
    """ "2. Sachverhalt" under "Problembeschreibung/Begründung:" is a part of the reasoning,
    not a second reasoning that replaces the first part."""
    vorlage = vorlage_of(
        "Problembeschreibung/Begründung:\nDer Verein beantragt die Anerkennung.\n\n"
        "2. Sachverhalt\nDer Verein ist seit 2005 eingetragen, gemeinnützig und arbeitet "
        "seit Jahren mit Jugendlichen.\n"
    )
    assert vorlage.sachdarstellung == (
        "Der Verein beantragt die Anerkennung.\n\n2. Sachverhalt Der Verein ist seit 2005 "
        "eingetragen, gemeinnützig und arbeitet seit Jahren mit Jugendlichen."
    )


def test_a_heading_after_a_sentence_in_a_line_that_lost_its_breaks() -> None:
    reasoning = "Die Wahl ist erfolgt. " * 20
    vorlage = vorlage_of(
        f"Sachverhalt:\n{reasoning}Beschlussvorschlag: Die Gemeindevertretung stimmt der Wahl "
        "zu. Finanzielle Auswirkungen: Keine.\n"
    )
    assert vorlage.sachdarstellung == reasoning.strip()
    assert vorlage.beschlussvorschlag == ["Die Gemeindevertretung stimmt der Wahl zu."]
    assert vorlage.finanzielle_auswirkungen == "Keine."


def test_beschlussvorbereitung_prepares_the_decision() -> None:
    vorlage = vorlage_of(
        "Beratungsfolge:\nOrtsrat Nordost Beschlussvorbereitung\n27.09.2012\n"
        "Rat der Stadt Entscheidung\n28.11.2012\n\nSachverhalt\nText.\n"
    )
    assert [(b.gremium, b.rolle, b.rolle_quelle) for b in vorlage.beratungsfolge] == [
        ("Ortsrat Nordost", "Vorberatung", "gedruckt"),
        ("Rat der Stadt", "Entscheidung", "gedruckt"),
    ]


def test_a_grid_that_came_out_column_by_column() -> None:
    """A page's text of a Beratungsfolge grid, one cell a line, column after column: the
    bodies, then their roles, public marks and dates."""
    vorlage = vorlage_of(
        "Beschlussvorlage\nVorlage an\nzur\nSitzungsart\nSitzungstermin\n"
        "Ausschuss für Umwelt und Technik\nVerwaltungsausschuss\nGemeinderat\n"
        "Vorberatung\nVorberatung\nBeschlussfassung\n"
        "öffentlich\nnichtöffentlich\nöffentlich\n"
        "09.05.2017\n12.05.2017\n17.05.2017\n"
        "Beschlussantrag:\nDer Bericht wird zur Kenntnis genommen.\n"
    )
    assert [(b.gremium, b.rolle, b.termin, b.oeffentlich) for b in vorlage.beratungsfolge] == [
        ("Ausschuss für Umwelt und Technik", "Vorberatung", dt.date(2017, 5, 9), True),
        ("Verwaltungsausschuss", "Vorberatung", dt.date(2017, 5, 12), False),
        ("Gemeinderat", "Entscheidung", dt.date(2017, 5, 17), True),
    ]


def test_a_referat_named_under_the_city_is_the_author() -> None:
    vorlage = vorlage_of(
        "Landeshauptstadt Musterstadt\nReferat Städtebau und Umwelt\nGRDrs\n192/2017\n\n"
        "Beschlussantrag:\nDer Bericht wird zur Kenntnis genommen.\n"
    )
    assert vorlage.ersteller == "Referat Städtebau und Umwelt"


def test_an_agenda_items_title_that_opens_with_a_kind_is_its_subject() -> None:
    """A komuna page's title "Antrag der CSU-Fraktion zur …" names the subject; only a short
    addition ("Mitteilungsvorlage zu TOP 8") makes a line the kind's title."""
    title = (
        "Antrag der Fraktion zur kurzfristigen Erweiterung des Sportgeländes um einen Rasenplatz"
    )
    vorlage = vorlage_of(
        f"{title}\n\nDaten angezeigt aus Sitzung:  Sitzung des Gemeinderates, 14.10.2021\n\n"
        "Sachverhalt\n\nDer Antrag liegt vor.\n"
    )
    assert vorlage.betreff == title
    short = vorlage_of("Mitteilungsvorlage zu TOP 8\n\nBetreff: Haushalt\n")
    assert (short.art, short.betreff) == ("Mitteilungsvorlage", "Haushalt")


def test_a_heading_of_three_parts_two_of_them_known() -> None:
    vorlage = vorlage_of(
        "Betreff: Städtepartnerschaft\n\nSachverhalt/Begründung/Rechtslage:\nDie Stadt prüft.\n"
    )
    assert vorlage.sachdarstellung == "Die Stadt prüft."


def test_an_agenda_items_title_over_a_label_whose_value_is_below_it() -> None:
    """komuna's "Next" view puts the session under its label ("Daten angezeigt aus Sitzung:" /
    "73. Sitzung des Stadtrates …, 18.09.2024")."""
    vorlage = vorlage_of(
        "Anfrage einer Städtepartnerschaft; Informationen für anschl. Fraktionsberatungen\n"
        "Daten angezeigt aus Sitzung:\n73. Sitzung des Stadtrates Musterstadt, 18.09.2024\n"
        "Sachverhalt:\nDie Stadt prüft.\n"
    )
    assert vorlage.betreff == (
        "Anfrage einer Städtepartnerschaft; Informationen für anschl. Fraktionsberatungen"
    )


def test_a_kind_with_the_name_of_the_place_it_is_for() -> None:
    vorlage = vorlage_of(
        "Betreff\nJugendparlament\nVorlage\nFB 1/003/2009\nArt\nBeschlussvorlage Musterau\n\n"
        "Die Junge Union hat einen Vorschlag eingereicht.\n"
    )
    assert vorlage.art == "Beschlussvorlage"


def test_a_passive_decision_alone_under_the_header_is_the_proposal() -> None:
    """A SessionNet page prints the proposal's box without heading under its header block."""
    header = "Betreff\nStellenplan 2024\nVorlage\n2023/232\nArt\nBeschlussvorlage\n\n"
    vorlage = vorlage_of(
        header + "Dem Stellenplan 2024 wird zugestimmt.\n\n\nSachverhalt\n\nDer Plan liegt vor.\n"
    )
    assert vorlage.beschlussvorschlag == ["Dem Stellenplan 2024 wird zugestimmt."]
    assert vorlage.sachdarstellung == "Der Plan liegt vor."
    reasoning_first = vorlage_of(
        header + "Der Stellenplan wird jedes Jahr fortgeschrieben und dem Kreistag vorgelegt, "
        "der ihm zustimmt, wenn die Stellen im Haushalt gedeckt sind; in diesem Jahr werden "
        "vier neue Stellen für die Digitalisierung der Verwaltung und zwei weitere für den "
        "Rettungsdienst vorgeschlagen und vom Kreisausschuss beraten, bevor sie beschlossen.\n"
    )
    assert reasoning_first.beschlussvorschlag == []


def test_a_number_label_vouches_for_a_shape_not_seen_before() -> None:
    """Number shapes are learnt from the RIS we have met; the next one prints another. Where a
    label names the Vorlage's number, its whole value of letters and digits is the number."""
    block = vorlage_of(
        "Betreff\nWahl der Wehrführung\nVorlage\nVO/OS/40-0475/2015\nArt\nBeschlussvorlage\n"
    )
    assert (block.nummer, block.fassung) == ("VO/OS/40-0475/2015", None)
    labelled = vorlage_of("Beschlussvorlage\nDrucksache-Nr.: GV.Mu-12.0345.B\nBetreff: Test\n")
    assert labelled.nummer == "GV.Mu-12.0345.B"
    known = vorlage_of("Beschlussvorlage\nVorlage-Nr.: VO/2025/0123-R1\nBetreff: Test\n")
    assert (known.nummer, known.fassung) == ("VO/2025/0123", "R1")
    weak_label = vorlage_of("Beschlussvorlage\nNr.: AB.12-34.C\nBetreff: Test\n")
    assert weak_label.nummer is None
    term = vorlage_of("Betreff\nSchulweg\nVorlage\n0466/2020-2025\nArt\nBeschlussvorlage\n")
    assert (term.nummer, term.fassung) == ("0466/2020-2025", None)
    for date in ("12.05.2024", "2024-05-12"):
        dated = vorlage_of(f"Beschlussvorlage\nDrucksache: {date}\nBetreff: Test\n")
        assert dated.nummer is None, date


def test_a_short_unknown_heading_after_the_last_point_ends_the_proposal() -> None:
    """Where the known headings have no colon, a heading with one is not of the document's
    style; after a finished point it still ends the proposal."""
    vorlage = vorlage_of(
        "Beschlussvorschlag\n\n1. Der Kreistag stimmt der Umstellung zu.\n\n"
        "2. Der Ausschuss ist regelmäßig zu informieren.\n\nAnmerkung:\n\n"
        "Der Ausschuss hat den Antrag einstimmig empfohlen.\n\nSachverhalt\n\nDie Umstellung.\n"
    )
    assert vorlage.beschlussvorschlag == [
        "Der Kreistag stimmt der Umstellung zu.",
        "Der Ausschuss ist regelmäßig zu informieren.",
    ]
    within_a_point = vorlage_of(
        "Beschlussvorschlag\n\n1. Die Mittel werden wie folgt bereitgestellt:\n\n"
        "Ergebnishaushalt:\n\n12.000 Euro im Produkt 11.\n\n2. Die Verwaltung berichtet.\n"
    )
    assert within_a_point.beschlussvorschlag == [
        "Die Mittel werden wie folgt bereitgestellt: Ergebnishaushalt: 12.000 Euro im Produkt 11.",
        "Die Verwaltung berichtet.",
    ]


def test_a_pages_loading_note_and_help_link_are_no_text() -> None:
    vorlage = vorlage_of(
        "Sachverhalt:\nDer Rat hat die Klima-Checks beschlossen.\n\nLoading...\n\n"
        "Erläuterungen und Hinweise\n"
    )
    assert vorlage.sachdarstellung == "Der Rat hat die Klima-Checks beschlossen."


def test_a_number_label_and_number_that_end_a_short_header_line() -> None:
    """A page that lost its line breaks joins the title's parts: the body, the kind and "Nr."
    with the number."""
    vorlage = vorlage_of(
        "Ratsversammlung Neufassung Nr. VI-DS-02515-NF-02\nStatus: öffentlich\n"
        "Betreff: Steuerung der Eigenbetriebe\n"
    )
    assert (vorlage.nummer, vorlage.fassung) == ("VI-DS-02515", "NF-02")
    cited = vorlage_of(
        "Der Stadtrat hat mit seinem Beschluss Nr. 2016/0345\nStatus: öffentlich\n"
        "Betreff: Steuerung der Eigenbetriebe\n"
    )
    assert cited.nummer is None


def test_a_label_that_ends_in_a_preposition_needs_no_colon_inside_a_line() -> None:
    vorlage = vorlage_of(
        "Vorlage Nr. VI-DS-02515\nStatus: öffentlich Eingereicht von Dezernat Finanzen\n"
        "Betreff: Steuerung der Eigenbetriebe\n"
    )
    assert (vorlage.sitzungsteil, vorlage.ersteller) == ("öffentlich", "Dezernat Finanzen")
    prose = vorlage_of(
        "Vorlage Nr. VI-DS-02515\nStatus: öffentlich, eingereicht von der Fraktion\n"
        "Betreff: Steuerung der Eigenbetriebe\n"
    )
    assert prose.ersteller is None


def test_an_attachment_list_ends_at_prose() -> None:
    """SessionNet prints an empty "Anlage" box over the reasoning's box without heading."""
    vorlage = vorlage_of(
        "Betreff\nAufwandsentschädigung\nVorlage\nDS-Nr. 097/16\nArt\nAntrag\n\n"
        "Die Satzung zur Änderung der Aufwandsentschädigung wird beschlossen.\n\nAnlage\n\n\n"
        "Der § 3 müsste vom Inhalt und der Auswirkung nicht verändert, aber redaktionell "
        "angepasst werden, denn dort fehlt bisher zum Beispiel der Regionalausschuss.\n\n"
        "Die restliche Satzung bleibt unberührt.\n\nFinanzielle Auswirkungen:\n\nkeine\n"
    )
    assert vorlage.anlagen == []
    assert vorlage.sachdarstellung is not None
    assert vorlage.sachdarstellung.startswith("Der § 3 müsste vom Inhalt")
    assert vorlage.sachdarstellung.endswith("Die restliche Satzung bleibt unberührt.")
    titles = vorlage_of(
        "Anlagen:\n\nAnlage 1 – Lageplan des Baugebiets Nord mit den Grenzen des "
        "Geltungsbereichs und der Erschließung\n\nAnlage 2 – Begründung\n"
    )
    assert [a.nummer for a in titles.anlagen] == ["1", "2"]


def test_a_pages_cell_marks_and_table_borders_are_no_text() -> None:
    """A web page's text may end every table cell with a pipe and close a layout table with a
    row of pipes."""
    vorlage = vorlage_of(
        "Sachverhalt: |\nDie Sitze werden nach d'Hondt verteilt.\nCDU |\nSPD |\n7 |\n5 |\n"
        "Anlagenverzeichnis: |\nEntwurf Geschäftsordnung |\n"
        "Beschlussvorschlag: Die Änderungssatzung wird beschlossen. |\n||||||||||||||||\n"
    )
    assert vorlage.sachdarstellung is not None
    assert vorlage.sachdarstellung.startswith("Die Sitze werden nach d'Hondt verteilt.")
    assert [a.titel for a in vorlage.anlagen] == ["Entwurf Geschäftsordnung"]
    assert vorlage.beschlussvorschlag == ["Die Änderungssatzung wird beschlossen."]
    separator = vorlage_of(
        "Sachverhalt:\nDas Fest im ZKM |\nZentrum für Kunst und Medien ist gut besucht.\n"
    )
    assert separator.sachdarstellung == (
        "Das Fest im ZKM | Zentrum für Kunst und Medien ist gut besucht."
    )


def test_a_forms_question_with_its_boxes_ends_the_reasoning() -> None:
    vorlage = vorlage_of(
        "Begründung:\n\nDie Hundesteuer soll angehoben werden.\n\n"
        "Einstellung im Haushalt erforderlich?\n\nJa\n\nNein\n\nJahr\n\nSumme\n\n"
        "Gefertigt\n\nBürgermeister\n"
    )
    assert vorlage.sachdarstellung == "Die Hundesteuer soll angehoben werden."
    asked = vorlage_of("Begründung:\n\nWarum soll die Steuer steigen?\n\nDie Einnahmen fehlen.\n")
    assert asked.sachdarstellung == "Warum soll die Steuer steigen?\n\nDie Einnahmen fehlen."


def test_the_ticked_one_of_two_status_boxes_on_a_line() -> None:
    """A Word form's PDF text keeps the tick as an "X" before the option it marks."""
    ticked = vorlage_of(
        "Vorlagen-Nr.: 145/2018\nDatum: 17.07.2018 X öffentlich nichtöffentlich\nBetreff: Test\n"
    )
    assert ticked.sitzungsteil == "öffentlich"
    other = vorlage_of("Vorlagen-Nr.: 145/2018\nöffentlich X nichtöffentlich\nBetreff: Test\n")
    assert other.sitzungsteil == "nichtöffentlich"
    unticked = vorlage_of("Vorlagen-Nr.: 145/2018\nöffentlich nichtöffentlich\nBetreff: Test\n")
    assert unticked.sitzungsteil is None


def test_unheaded_proposal_and_reasoning_boxes_one_after_the_other() -> None:
    """SessionNet pages without headings: the title line, the header block, the proposal's
    box of one passive sentence, then the reasoning's box before the first heading."""
    vorlage = vorlage_of(
        "Benennung einer Straße\n\nBetreff\nBenennung einer Straße\nVorlage\nSpA/0001/2024\n"
        "Art\nBeschlussvorlage\n\nDie Straße im Baugebiet Nord wird in „Haferweg“ benannt.\n\n"
        "Im Baugebiet Nord entsteht eine neue Straße, die einen Namen braucht.\n\n"
        "In der Umgebung gibt es bereits einen Roggenweg und einen Gerstenweg, daher bietet sich "
        "eine Nutzpflanze an.\n\nFinanzierung:\n\nkeine Kosten\n"
    )
    assert vorlage.beschlussvorschlag == [
        "Die Straße im Baugebiet Nord wird in „Haferweg“ benannt."
    ]
    assert vorlage.sachdarstellung == (
        "Im Baugebiet Nord entsteht eine neue Straße, die einen Namen braucht.\n\n"
        "In der Umgebung gibt es bereits einen Roggenweg und einen Gerstenweg, daher bietet sich "
        "eine Nutzpflanze an."
    )


def test_an_empty_label_and_an_unheaded_refusal_before_the_unheaded_reasoning() -> None:
    """SessionNet (Weingarten): the header block ends with the label 'Referenzvorlage' left
    empty, then the proposal's box (a refusal: '… lehnt … ab') and the reasoning's box, both
    without headings. The empty label takes no value from the text below it, and the
    proposal ends with its sentence."""
    vorlage = vorlage_of(
        "Betreff\nEinführung einer Ehrennadel\nVorlage\n0815/2024/1\nArt\nBeschlussvorlage\n"
        "Referenzvorlage\n\nDer Gemeinderat lehnt die Einführung einer Ehrennadel in Bronze ab, "
        "um den Wert der bisherigen Ehrungen zu erhalten.\n\n"
        "Die Fraktion der Wählergemeinschaft hat am 03.03.2024 beantragt, eine Ehrennadel in "
        "Bronze für das Ehrenamt einzuführen.\n\n"
        "In der Sitzung des Verwaltungsausschusses vom 10.04.2024 wurde der Antrag vorberaten; "
        "der Ausschuss empfiehlt, ihn abzulehnen.\n"
    )
    assert vorlage.nummer == "0815/2024"
    assert vorlage.beschlussvorschlag == [
        "Der Gemeinderat lehnt die Einführung einer Ehrennadel in Bronze ab, um den Wert der "
        "bisherigen Ehrungen zu erhalten."
    ]
    assert vorlage.sachdarstellung is not None
    assert vorlage.sachdarstellung.startswith("Die Fraktion der Wählergemeinschaft hat am")
    assert vorlage.sachdarstellung.endswith("der Ausschuss empfiehlt, ihn abzulehnen.")


def test_a_request_addressed_to_any_body_heads_the_proposal() -> None:
    """Karlsruhe's template ends with 'Beschluss:' and a request addressed to the deciding body,
    which may be any committee, with a remark on the pre-advising bodies that may wrap onto the
    next line, or the proposal after a colon on the same line. The request is the proposal's
    heading, not its first point."""
    head = (
        "Beschlussvorlage\nVorlage Nr.: 2024/0815 Verantwortlich: Dez. 2\n"
        "Dienststelle: Tiefbauamt\nSanierung der Brunnenstraße\n"
        "Gremien Termin TOP Ö / N Zuständigkeit\n"
    )
    wrapped = vorlage_of(
        head + "Bauausschuss 02.05.2024 3 Ö Vorberatung\nGemeinderat 14.05.2024 5 Ö Entscheidung\n"
        "Begründung:\nDie Brunnenstraße ist in einem schlechten Zustand und muss saniert werden, "
        "damit sie sicher befahren werden kann.\n"
        "Beschluss:\nAntrag an den Gemeinderat – nach Vorberatung im Bauausschuss und im\n"
        "Hauptausschuss\n\n1. Der Gemeinderat beschließt die Sanierung der Brunnenstraße.\n"
        "2. Die Verwaltung wird mit der Vergabe beauftragt.\n"
    )
    assert wrapped.beschlussvorschlag == [
        "Der Gemeinderat beschließt die Sanierung der Brunnenstraße.",
        "Die Verwaltung wird mit der Vergabe beauftragt.",
    ]
    on_its_line = vorlage_of(
        head + "Bauausschuss 02.05.2024 3 Ö Entscheidung\n"
        "Antrag an den Bauausschuss: Der Bauausschuss genehmigt die Vergabe der Arbeiten.\n"
        "Begründung:\nDie Brunnenstraße ist in einem schlechten Zustand und muss saniert werden, "
        "damit sie sicher befahren werden kann.\n"
    )
    assert on_its_line.beschlussvorschlag == [
        "Der Bauausschuss genehmigt die Vergabe der Arbeiten."
    ]
    assert on_its_line.betreff == "Sanierung der Brunnenstraße"


def test_a_request_to_no_body_is_no_heading() -> None:
    """'Antrag an' followed by something that names no body is a sentence of the text."""
    vorlage = vorlage_of(
        "Vorlage Nr.: 2024/0815\nBetreff: Zuschuss\n\nSachverhalt:\n"
        "Antrag an die Stiftung Lesen auf einen Zuschuss\n"
        "Die Stiftung fördert Leseprojekte an Schulen in der ganzen Region.\n"
    )
    assert vorlage.sachdarstellung == (
        "Antrag an die Stiftung Lesen auf einen Zuschuss Die Stiftung fördert Leseprojekte an "
        "Schulen in der ganzen Region."
    )


def test_the_full_decision_wins_over_its_summary() -> None:
    """Karlsruhe prints a 'Kurzfassung' on page 1, which may be a summary in prose, and the
    full decision under 'Beschluss:' at the end: the proposal is the decision, even where the
    summary is longer."""
    vorlage = vorlage_of(
        "Beschlussvorlage\nVorlage Nr.: 2024/0815 Verantwortlich: Dez. 2\n"
        "Dienststelle: Stadtarchiv\nBildungspartnerschaft mit der Hochschule\n"
        "Gremien Termin TOP Ö / N Zuständigkeit\nGemeinderat 14.05.2024 5 Ö Entscheidung\n"
        "Kurzfassung\nDie seit Jahren bestehende Zusammenarbeit zwischen dem Stadtarchiv und der "
        "Hochschule soll durch eine Vereinbarung über eine Bildungspartnerschaft gefestigt "
        "werden, die Lehre und Forschung am Archivgut verbindet.\n"
        "Begründung:\nDie Hochschule nutzt das Archiv seit 2010 für Seminare.\n"
        "Beschluss:\nAntrag an den Gemeinderat\n"
        "Der Gemeinderat beschließt die Bildungspartnerschaft gemäß Anlage.\n"
    )
    assert vorlage.beschlussvorschlag == [
        "Der Gemeinderat beschließt die Bildungspartnerschaft gemäß Anlage."
    ]


def test_allris_session_lines_under_each_station_are_no_bodies() -> None:
    """ALLRIS classic prints each station as the body with its role, the date, then the
    session's line ('8. ordentliche Sitzung des Betriebsausschusses', maybe with its result):
    a session with an adjective other than 'öffentliche' is a session too, not the start of
    the next body's name."""
    vorlage = vorlage_of(
        "Vorlage - 2024/BA/0815\nBetreff: Abstufung einer Kreisstraße\nBeratungsfolge:\n"
        "Bauausschuss Vorberatung\n08.05.2024\n"
        "8. ordentliche Sitzung des Bauausschusses\n"
        "Kreisausschuss Vorberatung\n16.05.2024\n"
        "24. außerordentliche Sitzung des Kreisausschusses zur Kenntnis genommen\n"
        "Kreistag Entscheidung\n23.05.2024\n"
        "12. ordentliche Sitzung des Kreistages ungeändert beschlossen\n"
        "Beschlussvorschlag:\nDer Kreistag beschließt die Abstufung.\n"
    )
    assert [(b.gremium, b.rolle_text, b.termin) for b in vorlage.beratungsfolge] == [
        ("Bauausschuss", "Vorberatung", dt.date(2024, 5, 8)),
        ("Kreisausschuss", "Vorberatung", dt.date(2024, 5, 16)),
        ("Kreistag", "Entscheidung", dt.date(2024, 5, 23)),
    ]


def test_a_role_that_also_heads_a_section_inside_a_table_of_cells() -> None:
    """ALLRIS 2024 pages copy the Beratungsfolge table one cell per line between '|' marks; the
    role 'Information' is also a heading of the Sachverhalt, yet inside the table it is the
    station's role."""
    vorlage = vorlage_of(
        "Vorlage öffentlich - VO/12GV/2024-101\nBeratungsfolge\n"
        "Status | Datum | Gremium | Beschluss | NA |\n---|---|---|---|---|\n●\nErledigt\n|\n|\n"
        "Gemeindevertretung Wiesenfeld\n|\nInformation\n|\n|\n|\n14.03.2024\n|\n"
        "Sachverhalt\nDie Verwaltung berichtet über den Stand der Arbeiten am Radweg.\n"
    )
    assert [(b.gremium, b.rolle, b.rolle_text) for b in vorlage.beratungsfolge] == [
        ("Gemeindevertretung Wiesenfeld", "Kenntnisnahme", "Information")
    ]
    assert vorlage.sachdarstellung == (
        "Die Verwaltung berichtet über den Stand der Arbeiten am Radweg."
    )


def test_information_under_a_complete_station_heads_the_text() -> None:
    """Karlsruhe's Informationsvorlage prints 'Information' as the heading of its text right
    under the Beratungsfolge: after a station read whole, it is no role."""
    vorlage = vorlage_of(
        "Informationsvorlage\nVorlage Nr.: 2023/0815\nDienststelle: Sozialamt\n"
        "Jahresbericht des Seniorenbeirats\nBeratungsfolge dieser Vorlage\n"
        "Gremium Termin TOP ö nö Ergebnis\nSozialausschuss 14.07.2023 2 x\n"
        "Information\nDer Sozialausschuss nimmt den Jahresbericht des Seniorenbeirats zur "
        "Kenntnis.\n"
    )
    assert [(b.gremium, b.rolle_text) for b in vorlage.beratungsfolge] == [
        ("Sozialausschuss", None)
    ]
    assert vorlage.sachdarstellung == (
        "Der Sozialausschuss nimmt den Jahresbericht des Seniorenbeirats zur Kenntnis."
    )


def test_headings_listed_with_commas() -> None:
    """'Sachdarstellung, Begründung:' heads the reasoning; a line whose parts are not all
    headings stays text."""
    vorlage = vorlage_of(
        "Vorlage Nr. 12/2024\nBetreff: Radweg\n\nBeschlussvorschlag:\n"
        "Der Rat beschließt den Bau des Radweges.\n\nSachdarstellung, Begründung:\n"
        "Der Radweg schließt eine Lücke im Netz.\n"
    )
    assert vorlage.sachdarstellung == "Der Radweg schließt eine Lücke im Netz."
    prose = vorlage_of(
        "Vorlage Nr. 12/2024\nBetreff: Radweg\n\nSachverhalt:\nDer Radweg schließt eine Lücke.\n"
        "Begründung, warum er nötig ist\nDer Schulweg wird sicherer.\n"
    )
    assert prose.sachdarstellung is not None
    assert "Begründung, warum er nötig ist" in prose.sachdarstellung


@pytest.mark.parametrize(
    ("unit_lines", "ersteller"),
    [
        # a name that breaks off mid-phrase twice
        (
            "Dienststelle: Amt für\nHochbau und\nGebäudewirtschaft\n",
            "Amt für Hochbau und Gebäudewirtschaft",
        ),
        # the value on the line under its label
        (
            "Dienststelle:\nAmt für Stadtentwicklung und\nDenkmalpflege\n",
            "Amt für Stadtentwicklung und Denkmalpflege",
        ),
        # a kind of unit that its name follows
        ("Dienststelle: Eigenbetrieb\nStadtentwässerung\n", "Eigenbetrieb Stadtentwässerung"),
        # an adjective that waits for its noun
        ("Dienststelle: Zentraler\nJuristischer Dienst\n", "Zentraler Juristischer Dienst"),
        ("Dienststelle: Team Sauberes\nWiesenfeld\n", "Team Sauberes Wiesenfeld"),
        # a whole name: the next line is the subject
        ("Dienststelle: Tiefbauamt\n", "Tiefbauamt"),
    ],
)
def test_a_units_name_wrapped_under_its_label(unit_lines: str, ersteller: str) -> None:
    """Karlsruhe's narrow value column wraps the Dienststelle over several lines right above
    the unlabelled subject; the wrapped rest belongs to the unit, not to the subject."""
    vorlage = vorlage_of(
        "Beschlussvorlage\nVorlage Nr.: 2024/0815 Verantwortlich: Dez. 2\n"
        + unit_lines
        + "Sanierung der Brunnenstraße\nGremien Termin TOP Ö / N Zuständigkeit\n"
        "Gemeinderat 14.05.2024 5 Ö Entscheidung\n"
        "Beschluss:\nDer Gemeinderat beschließt die Sanierung.\n"
    )
    assert (vorlage.ersteller, vorlage.betreff) == (ersteller, "Sanierung der Brunnenstraße")


def test_the_subject_after_a_forms_questions_under_the_beratungsfolge() -> None:
    """Nordstemmen's template prints questions answered by check boxes between the Beratungsfolge
    and the subject ('Beteiligung Personalrat Ja ☐ Nein ☐'); the subject below them is still
    the subject, not the text of the last question. A soft hyphen where a line ends joins the
    word it breaks."""
    vorlage = vorlage_of(
        "Innere Dienste\nAktenzeichen: 11.00.03\nDS 28/2025\nBeschlussvorlage\n"
        "Beratung in öffentlicher Sitzung\nBeratungsfolge Termin Stand Abstimmung\n"
        "Verwaltungsausschuss 17.06.2025 Beratung und Empfehlung\n"
        "Rat 24.06.2025 Beratung und Beschlussfassung\n"
        "Beteiligung Personalrat Ja ☐ Nein ☐\nBeteiligung Gleichstellung Ja ☐ Nein ☐\n"
        "Ernennung von Frau Erika Muster zur Ehrenbürgerin der Gemeinde Wiesen\u00ad\nfeld\n"
        "Beschlussvorschlag:\nDer Rat ernennt Frau Erika Muster zur Ehrenbürgerin.\n"
        "Sachverhalt:\nFrau Muster leitet seit 30 Jahren den Heimatverein.\n"
    )
    assert vorlage.betreff == (
        "Ernennung von Frau Erika Muster zur Ehrenbürgerin der Gemeinde Wiesenfeld"
    )
    assert vorlage.beschlussvorschlag == ["Der Rat ernennt Frau Erika Muster zur Ehrenbürgerin."]


def test_an_agenda_items_number_in_the_header_is_no_subject() -> None:
    """Karlsruhe prints the session's item ('TOP 10') under the number in some Vorlagen; the
    unlabelled subject is the text after the header's labels, not that line."""
    vorlage = vorlage_of(
        "Beschlussvorlage\nVorlage Nr.: 2023/1123\nTOP 10\nVerantwortlich: Dez. 3\n"
        "Dienststelle: Schul- und\nSportamt\nÜberarbeitung der Sportförderrichtlinien\n"
        "Gremien Termin TOP Ö / N Zuständigkeit\nGemeinderat 14.05.2024 10 Ö Entscheidung\n"
        "Beschluss:\nDer Gemeinderat beschließt die Richtlinien.\n"
    )
    assert vorlage.betreff == "Überarbeitung der Sportförderrichtlinien"
    assert vorlage.ersteller == "Schul- und Sportamt"


def test_a_heading_broken_after_a_sentences_end() -> None:
    """ALLRIS's text view runs the boxes together: the money section's heading begins at the
    end of the reasoning's last line ('… angepasst. Finanzielle' / 'Auswirkungen: Kosten …').
    A sentence that only ends with such a word keeps it."""
    vorlage = vorlage_of(
        "Vorlage - 2024/0815\nBetreff: Feuerwehrsatzung\n\nSachverhalt:\n"
        "Die Satzung wird an den neuen Namen der Stadt angepasst. Finanzielle\n"
        "Auswirkungen: Kosten für die Bekanntmachung 50,00 €\n"
    )
    assert vorlage.sachdarstellung == "Die Satzung wird an den neuen Namen der Stadt angepasst."
    assert vorlage.finanzielle_auswirkungen == "Kosten für die Bekanntmachung 50,00 €"
    prose = vorlage_of(
        "Vorlage - 2024/0815\nBetreff: Feuerwehrsatzung\n\nSachverhalt:\n"
        "Der Rat hat beraten. Finanzielle\nMittel: stehen im Haushalt bereit.\n"
    )
    assert prose.finanzielle_auswirkungen is None


def test_a_form_field_answered_in_the_head_does_not_end_it() -> None:
    """A Word form's head asks 'Anlagen: Nein' among its fields; the header goes on below it
    (its date), and an empty label above the contact labels names no unit."""
    vorlage = vorlage_of(
        "öffentliche Vorlage Drs.Nr. 12/24\nAnlagen: Nein\nBauausschuss\nBearbeiter/in:\n"
        "Aktenzeichen: 61.2\nDatum: 03.04.2024\nSanierung der Brunnenstraße\n"
        "Beschlussvorschlag:\nDer Bauausschuss beschließt die Sanierung.\n"
    )
    assert vorlage.erstellt_am == dt.date(2024, 4, 3)
    assert vorlage.ersteller is None


@pytest.mark.parametrize(
    ("subject", "betreff"), [("Lärmaktionsplan", "Lärmaktionsplan"), ("Umwelt", None)]
)
def test_a_subject_of_one_word(subject: str, betreff: str | None) -> None:
    """Karlsruhe prints the subject between the header's labels and the Beratungsfolge, some
    of one compound word ('Hitzeaktionsplan'); a short word there is more often a label's rest
    and stays no subject."""
    vorlage = vorlage_of(
        "Beschlussvorlage\nVorlage Nr.: 2025/0369 Verantwortlich: Dez. 5\nDienststelle: UA\n"
        f"{subject}\nGremien Termin TOP Ö / N Zuständigkeit\n"
        "Gemeinderat 29.07.2025 18 Ö Entscheidung\n"
        "Beschluss:\nDer Gemeinderat beschließt den Plan.\n"
    )
    assert vorlage.betreff == betreff


def test_names_in_brackets_sign_and_end_the_text_above_them() -> None:
    """A fair copy shows its signers' names in brackets, each section may carry its own."""
    vorlage = vorlage_of(
        "Betreff\nJugendparlament\nVorlage\nFB 1/003/2009\nArt\nBeschlussvorlage\n\n"
        "Die Junge Union hat einen Vorschlag zur Einrichtung eines Jugendparlaments eingereicht, "
        "der als Anlage beigefügt ist und in den Mitgliedsgemeinden beraten wurde.\n\n"
        "(Ahrend)\n\n(Selter)\nFachdienst\n\nSamtgemeindebürgermeister\n\n"
        "Finanzielle Auswirkungen:\n\nDie Kosten hängen vom Budget ab.\n\n(Weymann)\n"
        "Fachdienst II\n"
    )
    assert vorlage.sachdarstellung is not None
    assert vorlage.sachdarstellung.endswith("in den Mitgliedsgemeinden beraten wurde.")
    assert vorlage.finanzielle_auswirkungen == "Die Kosten hängen vom Budget ab."
    assert vorlage.unterzeichnung is not None
    assert (vorlage.unterzeichnung.name, vorlage.unterzeichnung.funktion) == (
        "Ahrend",
        "Fachdienst",
    )
    not_signed = vorlage_of(
        "Finanzielle Auswirkungen:\n\nDie Kosten sind gedeckt.\n\n(Euro)\nNach HHS - Teil 1\n"
    )
    assert not_signed.unterzeichnung is None


def test_a_proposal_that_says_there_is_none_is_empty() -> None:
    vorlage = vorlage_of(
        "Vorlage Nr. 12/2024\nBetreff: Jugendparlament\n\nBeschlussvorschlag:\n\nkeiner\n\n"
        "Sachverhalt:\nDie Verwaltung berichtet.\n"
    )
    assert vorlage.beschlussvorschlag == []


def test_the_vote_form_under_the_reasoning_is_no_part_of_it() -> None:
    """SessionNet pages of Baden-Württemberg end the Vorlage with an empty vote form."""
    vorlage = vorlage_of(
        "Sachverhalt:\n\nDie Spenden sind anzunehmen.\n\n\nBeratungsergebnis Abstimmung/Wahl\n\n"
        "laut Beschluss-\n\nvorschlag\n\nAbweichender\n\nBeschluss\n\nJa\n\nNein\n\nEnthalten\n"
    )
    assert vorlage.sachdarstellung == "Die Spenden sind anzunehmen."


ONE_LINE_GRID = (
    "Vorlage Nr. VII-DS-04711 Status: öffentlich Eingereicht von Dezernat Jugend Betreff: "
    "Neubau der Kita Sonnenweg Beratungsfolge (Änderungen vorbehalten): Gremium "
    "voraussichtlicher Sitzungstermin Zuständigkeit Haupt- und Finanzausschuss FA Jugend, "
    "Schule und Demokratie Ratsversammlung {dates} Vorberatung Vorberatung Beschlussfassung "
    "Die Stadt braucht mehr Plätze für Kinder unter drei Jahren. Beschlussvorschlag: Die "
    "Ratsversammlung beschließt den Neubau der Kita Sonnenweg.\n"
)
"""A Vorlage's text as an OParl file's text field gives it: the whole PDF run into one line,
its Beratungsfolge grid column by column (the bodies, then the dates, then the roles)."""


def test_a_grid_run_into_one_line_column_by_column() -> None:
    dates = "12.03.2024 19.03.2024 27.03.2024"
    vorlage = vorlage_of(ONE_LINE_GRID.format(dates=dates))
    assert [(b.gremium, b.rolle, b.termin) for b in vorlage.beratungsfolge] == [
        ("Haupt- und Finanzausschuss", "Vorberatung", dt.date(2024, 3, 12)),
        ("FA Jugend, Schule und Demokratie", "Vorberatung", dt.date(2024, 3, 19)),
        ("Ratsversammlung", "Entscheidung", dt.date(2024, 3, 27)),
    ]
    assert vorlage.betreff == "Neubau der Kita Sonnenweg"
    assert vorlage.beschlussvorschlag == [
        "Die Ratsversammlung beschließt den Neubau der Kita Sonnenweg."
    ]


def test_a_grid_in_one_line_with_an_empty_date_cell_keeps_no_dates() -> None:
    """Two dates for three bodies: which body's date cell was empty, the text no longer tells,
    so no station gets a date rather than a wrong one."""
    extraction = extraction_of(ONE_LINE_GRID.format(dates="12.03.2024 19.03.2024"))
    vorlage = extraction.vorlage
    assert extraction.evidence.unplaced == {f"beratungsfolge[{i}].termin" for i in range(3)}
    codes = {finding.code for finding in run_rules(vorlage, extraction.evidence)}
    assert "BF013" not in codes  # the dates are printed, only their places are lost
    assert [(b.gremium, b.rolle, b.termin) for b in vorlage.beratungsfolge] == [
        ("Haupt- und Finanzausschuss", "Vorberatung", None),
        ("FA Jugend, Schule und Demokratie", "Vorberatung", None),
        ("Ratsversammlung", "Entscheidung", None),
    ]


ROW_BY_ROW_GRID = (
    "Beschlussvorlage Amt: 202 Datum: 15.08.2024 Az.: 965.2 Drucksache Nr.: 161/2024 "
    "Beratungsfolge Termin Beratung Kennung Abstimmung Haupt- und Personalausschuss 12.09.2024 "
    "vorberatend nichtöffentlich Gemeinderat 24.10.2024 beschließend öffentlich Ortschaftsrat "
    "Oberdorf öffentlich Ortschaftsrat Unterdorf öffentlich Beteiligungsvermerke Amt "
    "Handzeichen Betreff: Hebesatzsatzung Beschlussvorschlag: Der Gemeinderat beschließt die "
    "Satzung. Sachverhalt: Die Hebesätze steigen.\n"
)
"""A Baden-Württemberg Word form as a portal's text: the grid read row by row, each body
followed by its date, role and mark, the Ortschaftsräte only with their mark."""


def test_a_grid_run_into_one_line_row_by_row() -> None:
    extraction = extraction_of(ROW_BY_ROW_GRID)
    vorlage = extraction.vorlage
    assert [(b.gremium, b.termin, b.rolle, b.oeffentlich) for b in vorlage.beratungsfolge] == [
        ("Haupt- und Personalausschuss", dt.date(2024, 9, 12), "Vorberatung", False),
        ("Gemeinderat", dt.date(2024, 10, 24), "Entscheidung", True),
        ("Ortschaftsrat Oberdorf", None, None, True),
        ("Ortschaftsrat Unterdorf", None, None, True),
    ]
    # the labels around the grid still break the line
    assert (vorlage.nummer, vorlage.erstellt_am) == ("161/2024", dt.date(2024, 8, 15))
    assert vorlage.betreff == "Hebesatzsatzung"
    assert vorlage.beschlussvorschlag == ["Der Gemeinderat beschließt die Satzung."]
    codes = [finding.code for finding in run_rules(vorlage, extraction.evidence)]
    # the Ortschaftsräte' sessions are not set: a hint each, no warning about their roles
    assert "BF008" not in codes
    assert codes.count("BF013") == 2


def test_a_column_label_with_its_colon_does_not_break_a_grid_in_one_line() -> None:
    """Waldkirch's header 'Gremium: Sitzung am: TOP-Nr: Status:' holds a header label of the
    Vorlage ("Status:"); the rows after it print no dates yet."""
    vorlage = vorlage_of(
        "SITZUNGSVORLAGE Nr. GR027/11 Gremium: Sitzung am: TOP-Nr: Status: Verwaltungsausschuss "
        "nichtöffentlich vorberatend Gemeinderat öffentlich beschließend Ortschaftsrat Buchholz "
        "öffentlich mit der Bitte um Stellungnahme Bearbeiter/in: Hauptamt Betreff: Änderung der "
        "Hauptsatzung Sachverhalt: Die Hauptsatzung gilt seit langem. Beschlussvorschlag: Der "
        "Gemeinderat beschließt die Änderung.\n"
    )
    assert [(b.gremium, b.rolle, b.oeffentlich) for b in vorlage.beratungsfolge] == [
        ("Verwaltungsausschuss", "Vorberatung", False),
        ("Gemeinderat", "Entscheidung", True),
        ("Ortschaftsrat Buchholz", "Anhörung", True),
    ]
    assert vorlage.sitzungsteil is None  # the marks are per station, not the Vorlage's


def test_a_reasonings_numbered_outline_stays_in_the_reasoning() -> None:
    """ALLRIS's page text: "Sachverhalt" over its outline "1. Zuständigkeit" (a heading the
    lexicon knows for a section of its own) and "2. Sachdarstellung". A bare heading over a
    numbered one is no strip of tabs, and the outline's first heading opens no section beside
    the reasoning."""
    vorlage = vorlage_of(
        "Mitteilung öffentlich - VO/2023/222-1\nBetreff:\nVerkaufsoffene Sonntage\n"
        "Sachverhalt\n1. Zuständigkeit\nDer Ratsversammlung ist die Verordnung vorzulegen.\n"
        "2. Sachdarstellung\nDer Kultursonntag wird verlegt.\n"
    )
    assert vorlage.sachdarstellung == (
        "1. Zuständigkeit Der Ratsversammlung ist die Verordnung vorzulegen. "
        "2. Sachdarstellung Der Kultursonntag wird verlegt."
    )
    assert vorlage.weitere_abschnitte == {}


def test_a_bodys_motion_alone_on_its_line_heads_the_proposal() -> None:
    """A Fraktion's Antrag prints no 'Beschlussvorschlag' heading, only the motion to the body
    (Hohenstein); any body the lexicon's head words name, and a repeat of the text after an
    empty attachments list is no attachment."""
    vorlage = vorlage_of(
        "Betreff\nStraßenbeiträge (Antrag SPD-Fraktion)\nVorlage\nAN/003/2018\nArt\nAntrag\n\n"
        "Die Stadtverordnetenversammlung wolle beschließen:\n\n"
        "1. Der Magistrat wird aufgefordert, die Satzung zu prüfen.\n\n"
        "2. Der Magistrat berichtet im Juni.\n\n"
        "Anlagenverzeichnis:\n\n"
        "Die Stadtverordnetenversammlung wolle beschließen:\n\n"
        "1. Der Magistrat wird aufgefordert, die Satzung zu prüfen.\n"
    )
    assert vorlage.beschlussvorschlag == [
        "Der Magistrat wird aufgefordert, die Satzung zu prüfen.",
        "Der Magistrat berichtet im Juni.",
    ]
    assert vorlage.anlagen == []


def test_a_motion_quoted_in_the_reasoning_stays_there() -> None:
    reasoning = (
        "Die Fraktion hatte beantragt:\nDie Gemeindevertretung möge beschließen:\n"
        "Die Straße wird saniert.\n"
    )
    vorlage = vorlage_of(f"Vorlage 12/2024\nBetreff: Sanierung\n\nSachverhalt:\n{reasoning}")
    assert vorlage.beschlussvorschlag == []
    assert vorlage.sachdarstellung is not None
    assert vorlage.sachdarstellung.endswith("Die Straße wird saniert.")


def test_a_quoted_proposal_with_its_reasoning_unheaded_after_it() -> None:
    """SessionNet (Sassenberg): the proposal in quotation marks under 'Vorschlag der
    Verwaltung:', then the reasoning's box without its label."""
    vorlage = vorlage_of(
        "Vorlage\n10/499/2019\nArt\nBeschlussvorlage\n\nVorschlag der Verwaltung:\n\n"
        "„Die Verwaltung wird beauftragt, den Heimat-Preis zu beantragen und den Wettbewerb "
        "durchzuführen.“\n\n"
        "Die Fraktion beantragt mit Schreiben vom 11.09.2019 die Auslobung eines "
        "Heimat-Preises.\n\n"
        "Mit dem Preis will das Land herausragendes Engagement in den Gemeinden würdigen und "
        "sichtbar machen; das Preisgeld beträgt 5.000 Euro je Gemeinde und Jahr.\n"
    )
    assert vorlage.beschlussvorschlag == [
        "Die Verwaltung wird beauftragt, den Heimat-Preis zu beantragen und den Wettbewerb "
        "durchzuführen."
    ]
    assert vorlage.sachdarstellung is not None
    assert vorlage.sachdarstellung.startswith("Die Fraktion beantragt mit Schreiben")


def test_a_heading_beside_its_own_specific_form_is_one_heading() -> None:
    """SessionNet (Billerbeck) prints its box label beside the Vorlage's own heading, two cells
    of one line; the second is no text of the proposal."""
    vorlage = vorlage_of(
        "Vorlage\nFBZD/0535/2020\nArt\nSitzungsvorlage\n\n"
        " Beschlussvorschlag:                 Beschlussvorschlag für den Rat:\n\n"
        "Der Rat beschließt die Verordnung.\n\nSachverhalt:\n\nDie Klage ist erledigt.\n"
    )
    assert vorlage.beschlussvorschlag == ["Der Rat beschließt die Verordnung."]


def test_a_station_given_by_labels_in_a_form_run_into_one_line() -> None:
    """Merzenich's Word form as a portal's one-line text: the body after 'Gremium:', the
    session after 'Termin:' (not after 'Datum:', which dates the Vorlage), and a heading
    printed with spaces around its slash ('Sachverhalt / Begründung:')."""
    vorlage = vorlage_of(
        "Mitteilungsvorlage Nr./Drucksache: M68/2018 Verantwortlicher Fachbereich: Stabstelle "
        "Gremium: Ausschuss für Soziales, Sport und Kultur Sachbearbeiter: Georg Gelhausen "
        "Datum: 03.09.2018 Termin: 13.09.2018 Betreff / TOP: Landesförderprogramm Heimat "
        "Sachverhalt / Begründung: Das Land fördert Heimatpreise. Die Gemeinde kann einen Preis "
        "ausloben und dafür eine Förderung beantragen, die den Preis vollständig deckt.\n"
    )
    assert [(b.gremium, b.termin) for b in vorlage.beratungsfolge] == [
        ("Ausschuss für Soziales, Sport und Kultur", dt.date(2018, 9, 13))
    ]
    assert (vorlage.nummer, vorlage.erstellt_am) == ("M68/2018", dt.date(2018, 9, 3))
    assert vorlage.betreff == "Landesförderprogramm Heimat"
    assert (vorlage.sachdarstellung or "").startswith("Das Land fördert Heimatpreise.")


def test_a_gremium_label_in_minutes_is_no_station_without_a_session_date() -> None:
    vorlage = vorlage_of("Vorlage 12/2024\nGremium: Gemeinderat\nBetreff: Test\n")
    assert vorlage.beratungsfolge == []


def test_a_report_that_asks_for_no_decision_proposes_none() -> None:
    text = (
        "Mitteilungsvorlage Nr. VO/2022/275\nBetreff: Bericht über die Kita-Plätze\n"
        "Beschlussvorschlag:\nEin Beschluss ist nicht erforderlich.\nAnlage/n:\n-/-\n"
    )
    extraction = extraction_of(text)
    assert extraction.vorlage.beschlussvorschlag == []
    assert (
        extraction.evidence.printed["beschlussvorschlag"] == "Ein Beschluss ist nicht erforderlich."
    )
    assert extraction.vorlage.anlagen == []


def test_an_unheaded_decision_under_the_title_is_the_proposal_not_the_subject() -> None:
    """A headless RIS page: the title line, a web page's image marks, the decision without a
    heading, then the reasoning under a combined heading."""
    text = (
        "Vorlage - BR-076/2014\n![]() |\n![]() |\n"
        "Die Gemeindevertretung Britz beschließt die Haushaltssatzung 2015.\n"
        "Problemdarstellung/Sachverhalt:\nDie Gemeinde hat jedes Jahr eine Haushaltssatzung zu "
        "erlassen.\nÄnderungsempfehlungen aus der Beratungsfolge:\nBeschlussfassung:\n"
    )
    vorlage = vorlage_of(text)
    assert vorlage.beschlussvorschlag == [
        "Die Gemeindevertretung Britz beschließt die Haushaltssatzung 2015."
    ]
    assert vorlage.betreff is None
    assert (
        vorlage.sachdarstellung == "Die Gemeinde hat jedes Jahr eine Haushaltssatzung zu erlassen."
    )


HEADED_PROPOSAL = (
    "Beschlussvorschlag:\n\nDer Finanzausschuss empfiehlt dem Stadtrat, die neue "
    "Friedhofsgebührensatzung, welche Bestandteil der Sitzungsunterlage ist\n\nzu beschließen "
    "und zum 01.01.2026 in Kraft zu setzen.\n\n{rest}"
)
"""A SessionNet page's proposal box under its heading, then the reasoning's box, whose label
the page does not print."""


def test_the_unheaded_reasoning_after_a_headed_proposal() -> None:
    rest = (
        "Die derzeitige Friedhofsgebührensatzung wurde vom Stadtrat im Jahr 2021 beschlossen "
        "und ist seit dem 1. Januar 2022 in Kraft.\n\nDie Gebühren wurden nach aktuellem "
        "Datenstand für einen Zeitraum von vier Jahren neu kalkuliert.\n"
    )
    vorlage = vorlage_of(HEADED_PROPOSAL.format(rest=rest))
    assert vorlage.beschlussvorschlag == [
        "Der Finanzausschuss empfiehlt dem Stadtrat, die neue Friedhofsgebührensatzung, welche "
        "Bestandteil der Sitzungsunterlage ist\n\nzu beschließen und zum 01.01.2026 in Kraft zu "
        "setzen."
    ]
    assert vorlage.sachdarstellung is not None
    assert vorlage.sachdarstellung.startswith("Die derzeitige Friedhofsgebührensatzung wurde")


def test_a_proposal_that_goes_on_deciding_stays_whole() -> None:
    rest = (
        "Die Verwaltung wird beauftragt, die Satzung öffentlich bekannt zu machen und die "
        "Gebühren ab dem 1. Januar 2026 nach der neuen Satzung zu erheben.\n\nDer Bürgermeister "
        "wird ermächtigt, redaktionelle Änderungen an der Satzung vorzunehmen.\n"
    )
    vorlage = vorlage_of(HEADED_PROPOSAL.format(rest=rest))
    assert vorlage.sachdarstellung is None
    assert "Die Verwaltung wird beauftragt" in vorlage.beschlussvorschlag[0]


@pytest.mark.parametrize(
    ("listed", "bodies"),
    [
        ("Beratungsfolge: Hauptausschuss Rat", ["Hauptausschuss", "Rat"]),
        (
            "Beratungsfolge:\nBau- und Umweltausschuss, Gemeinderat",
            ["Bau- und Umweltausschuss", "Gemeinderat"],
        ),
        (
            "Beratungsfolge:\nHaupt- und Finanzausschuss Rat der Stadt",
            ["Haupt- und Finanzausschuss", "Rat der Stadt"],
        ),
    ],
)
def test_bodies_without_dates_under_the_heading(listed: str, bodies: list[str]) -> None:
    """A Word form's field names the bodies before their sessions are set."""
    text = f"Sitzungsvorlage Nr.: 145/2018\nBetreff: Änderung der Hauptsatzung\n{listed}\n"
    vorlage = vorlage_of(f"{text}Beschlussentwurf:\nDer Rat beschließt die Änderung.\n")
    assert [(b.gremium, b.termin) for b in vorlage.beratungsfolge] == [(b, None) for b in bodies]


def test_a_sentence_under_the_heading_is_no_list_of_bodies() -> None:
    text = (
        "Vorlage Nr.: 145/2018\nBetreff: Hauptsatzung\nBeratungsfolge:\nDer Rat berät im Herbst.\n"
    )
    assert vorlage_of(text).beratungsfolge == []


def test_boxes_run_together_in_a_text_view() -> None:
    """ALLRIS's text view: the title, then the boxes with their headings in the middle of
    lines, one with a remark in brackets, the proposal set in quotes."""
    text = (
        "Bürgerinformationssystem\nTatbestand: Für die Sitzungen des Wahlausschusses ist ein "
        "Schriftführer zu bestellen.\nDer Wahlleiter macht hierzu einen Vorschlag. "
        "Beschlussentwurf (in eigener Zuständigkeit): „1. Zum Schriftführer wird Herr Muster "
        "bestellt.\n2. Als Vertreterin wird Frau Beispiel berufen.“ Finanzielle Auswirkungen: "
        "Keine\n"
    )
    vorlage = vorlage_of(text)
    assert vorlage.sachdarstellung == (
        "Für die Sitzungen des Wahlausschusses ist ein Schriftführer zu bestellen. Der "
        "Wahlleiter macht hierzu einen Vorschlag."
    )
    assert vorlage.beschlussvorschlag == [
        "Zum Schriftführer wird Herr Muster bestellt.",
        "Als Vertreterin wird Frau Beispiel berufen.",
    ]
    assert vorlage.finanzielle_auswirkungen == "Keine"


def test_a_letter_spaced_title_names_the_kind() -> None:
    """A text layer gives a letter-spaced heading one letter a word; three letters or fewer
    ("M I T") stay, they may be initials."""
    text = "B E S C H L U S S V O R L A G E\nVorlage Nr.: 2024/0001\nBetreff: Neubau der Kita\n"
    vorlage = vorlage_of(f"{text}Beschlussvorschlag:\nDer Rat beschließt, M I T Kosten zu bauen.\n")
    assert vorlage.art == "Beschlussvorlage"
    assert vorlage.beschlussvorschlag == ["Der Rat beschließt, M I T Kosten zu bauen."]


def test_an_unheaded_election_after_a_line_on_the_vote() -> None:
    text = (
        "Vorlage - OD-005/2015\nDie Wahl der Stellvertreterin erfolgt offen.\nDie "
        "Stadtverordnetenversammlung wählt aus ihrer Mitte Frau Muster zur Stellvertreterin.\n"
        "Problemdarstellung/Sachverhalt:\nDie Stadt wählt nach jeder Wahl eine Stellvertretung.\n"
    )
    vorlage = vorlage_of(text)
    assert vorlage.betreff is None
    assert vorlage.beschlussvorschlag == [
        "Die Wahl der Stellvertreterin erfolgt offen. Die Stadtverordnetenversammlung wählt aus "
        "ihrer Mitte Frau Muster zur Stellvertreterin."
    ]


def test_an_abbreviated_money_heading_ends_the_reasoning() -> None:
    text = (
        "Beschlussvorlage - VO/LV/30-160/2024\nBetreff: Entschädigungssatzung\nSachverhalt:\n"
        "Die Satzung wird an das Landesrecht angepasst.\nFinanz. Auswirkung\n"
        "Ja, geringere Ausgaben.\n"
    )
    vorlage = vorlage_of(text)
    assert vorlage.sachdarstellung == "Die Satzung wird an das Landesrecht angepasst."
    assert vorlage.finanzielle_auswirkungen == "Ja, geringere Ausgaben."


def test_a_session_line_with_a_spaced_non_public_mark_is_no_station() -> None:
    """ALLRIS classic prints the session under its station: "öffentliche/nicht öffentliche
    Sitzung der Stadtvertretung" with the result."""
    text = (
        "Drucksache - BV/027/2011\nBetreff: Ehrennadel\nBeratungsfolge:\n"
        "Stadtvertretung der Hansestadt Musterstadt Entscheidung\n14.04.2011\n"
        "öffentliche/nicht öffentliche Sitzung der Stadtvertretung abgelehnt\n"
        "Beschlussvorschlag:\nDie Stadtvertretung beschließt die Richtlinie.\n"
    )
    vorlage = vorlage_of(text)
    assert [(b.gremium, b.termin) for b in vorlage.beratungsfolge] == [
        ("Stadtvertretung der Hansestadt Musterstadt", dt.date(2011, 4, 14))
    ]


def test_a_bodys_corporation_in_brackets_is_not_its_name() -> None:
    """komuna's agenda item: the body, its corporation in brackets, the session's name, the
    date, the mark, the role and the item."""
    text = (
        "Zuschuss für den Schützenverein\n\n\nDaten angezeigt aus Sitzung:  8. Sitzung des "
        "Hauptausschusses, 09.10.2023\n\nBeratungsreihenfolge\nGremium Sitzung Sitzungsdatum "
        "ö / nö Beratungstyp TOP-Nr.\nHaupt- und Finanzausschuss (Markt Musterdorf) 8. Sitzung "
        "des Haupt- und Finanzausschusses 09.10.2023 ö beschließend 1\n\nSachverhalt\n\nDer "
        "Verein beantragt einen Zuschuss.\n"
    )
    (station,) = vorlage_of(text).beratungsfolge
    assert (station.gremium, station.termin, station.rolle, station.top) == (
        "Haupt- und Finanzausschuss",
        dt.date(2023, 10, 9),
        "Entscheidung",
        "1",
    )


def test_a_tab_bar_opens_the_section_of_its_first_tab() -> None:
    """komuna shows an agenda item's tabs side by side, the open one first."""
    text = (
        "Zuschuss für den Schützenverein\n\n\nDaten angezeigt aus Sitzung:  8. Sitzung des "
        "Hauptausschusses, 09.10.2023\n\nSachverhalt Protokoll\n\nMit E-Mail vom 11.10.2022 "
        "beantragt der Verein einen Zuschuss.\n"
    )
    assert vorlage_of(text).sachdarstellung == (
        "Mit E-Mail vom 11.10.2022 beantragt der Verein einen Zuschuss."
    )
