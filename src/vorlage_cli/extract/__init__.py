"""The extractor: a layout document in, the fields of a Vorlage out.

It knows Vorlagen and nothing about file formats. Fields are found through the label lexicon
and a few layout strategies; each value keeps its source location for the rules' findings.
"""

from __future__ import annotations

import re

from vorlage_cli.evidence import Extraction
from vorlage_cli.extract.beratungsfolge import BeratungsfolgeReader
from vorlage_cli.extract.lexicon import Lexicon, alternatives, default_lexicon
from vorlage_cli.extract.other_documents import other_document
from vorlage_cli.extract.preamble import (
    fill_header_fields,
    fill_subject,
    read_preamble,
    unlabelled_subject,
)
from vorlage_cli.extract.roles import derive_roles, mark_printed_roles
from vorlage_cli.extract.rows import flatten, furniture_rows
from vorlage_cli.extract.runon import (
    broken_at_labels,
    grid_cells_on_lines,
    grid_rows_on_lines,
    has_run_together_lines,
    headings_split_after_sentences,
    lists_off_their_heading,
)
from vorlage_cli.extract.sections import (
    SectionReader,
    attachments,
    best,
    embedded_attachment,
    finanzen_text,
    heading_name,
    loose_attachments,
    money_block,
    money_statement,
    orphan_blocks,
    other_sections,
    proposal_points,
    reasoning_after_decision,
    section_text,
    unheaded_proposal,
    unheaded_reasoning,
)
from vorlage_cli.extract.signature import read_signature
from vorlage_cli.extract.textutil import joining, key
from vorlage_cli.layout import LayoutDocument
from vorlage_cli.model import Anlage, Beratung, Unterzeichnung, Vorlage

__all__ = ["Lexicon", "default_lexicon", "extract"]


def extract(document: LayoutDocument, lexicon: Lexicon | None = None) -> Extraction:
    lexicon = lexicon or default_lexicon()
    with joining(lexicon.joining):  # lines join by the lexicon's words (textutil.joining)
        return _extract(document, lexicon)


def _extract(document: LayoutDocument, lexicon: Lexicon) -> Extraction:
    rows = flatten(document)
    run_together = has_run_together_lines(rows)
    rows = lists_off_their_heading(broken_at_labels(rows, lexicon), lexicon)
    rows = headings_split_after_sentences(rows, lexicon)
    rows = grid_cells_on_lines(rows, lexicon)
    if run_together:
        rows = grid_rows_on_lines(rows, lexicon)
    found = Extraction(Vorlage())
    vorlage, evidence = found.vorlage, found.evidence

    consultations = BeratungsfolgeReader(lexicon)
    stations = consultations.read(rows)
    evidence.role_column = consultations.role_column
    sections_reader = SectionReader(lexicon)
    first_section = sections_reader.first_section(rows)

    header = read_preamble(rows, first_section, lexicon, found)
    signature = read_signature(rows, lexicon, first_section, sections_reader.heading_of)
    subject_rows = unlabelled_subject(
        rows, first_section, sections_reader, lexicon.built(_decision)
    )
    sections = sections_reader.read(rows)

    fill_header_fields(found, header, rows[:first_section], furniture_rows(document), lexicon)
    fill_subject(found, header, sections, subject_rows, rows)

    for position, station in enumerate(stations):
        vorlage.beratungsfolge.append(
            Beratung(
                gremium=station.gremium,
                rolle=station.rolle,  # type: ignore[arg-type]
                rolle_text=station.rolle_text,
                termin=station.termin,
                einladung=station.einladung,
                top=station.top,
                oeffentlich=station.oeffentlich,
            )
        )
        evidence.locate(f"beratungsfolge[{position}]", station.location)
        if station.termin_text:
            evidence.printed[f"beratungsfolge[{position}].termin"] = station.termin_text
        if station.termin_unplaced:
            evidence.unplaced.add(f"beratungsfolge[{position}].termin")
    if stations:
        evidence.locate("beratungsfolge", stations[0].location)

    section_words = lexicon.data.get("sections", {})
    statement = None
    if best(sections, "finanzielle_auswirkungen") is None:
        statement = money_statement(
            rows, section_words.get("finanzielle_auswirkungen", []), lexicon.none_keys
        )
    orphans = orphan_blocks(rows, first_section)
    finanzen = (
        best(sections, "finanzielle_auswirkungen")
        or statement
        or money_block(orphans, section_words.get("finanzen_words", []))
    )
    if finanzen is not None:
        text = finanzen_text(finanzen, lexicon.yes_words)
        found.put("finanzielle_auswirkungen", text, finanzen.location)
    unheaded = orphan_blocks(rows, 0)
    summaries = lexicon.built(_summary_headings)
    proposal = best(sections, "beschlussvorschlag", summaries) or unheaded_proposal(
        unheaded, lexicon.built(_decision), lexicon.built(_passive_decision)
    )
    reasoning = best(sections, "sachdarstellung")
    if reasoning is None or not section_text(reasoning):
        reasoning = unheaded_reasoning(unheaded, finanzen, proposal) or reasoning
    unreasoned = reasoning is None or not section_text(reasoning)
    if proposal is not None and unreasoned:
        # the reasoning's box without its label after the proposal's box (SessionNet), whether
        # the proposal's box has its label or not
        split = reasoning_after_decision(
            proposal, lexicon.built(_decision), lexicon.built(_deciding_passive)
        )
        if split is not None:
            proposal, reasoning = split
    if proposal is not None:
        points, evidence.proposal_numbers = proposal_points(
            proposal, lexicon.built(_decision_verb), lexicon.built(_decision_formula)
        )
        if len(points) == 1 and key(points[0].rstrip(".")) in lexicon.none_keys:
            # "Beschlussvorschlag: keiner": the document states that there is none
            evidence.printed["beschlussvorschlag"] = points[0]
            points = []
        found.put("beschlussvorschlag", points, proposal.location)
    if reasoning is not None:
        reasoning = embedded_attachment(reasoning, orphans, lexicon.attachment) or reasoning
        found.put("sachdarstellung", section_text(reasoning), reasoning.location)
    listed = attachments(sections, lexicon)
    listed = listed or loose_attachments(rows, lexicon.attachment)
    for number, title in listed:
        vorlage.anlagen.append(Anlage(nummer=number, titel=title))
    anlagen = [s for s in sections if s.kind == "anlagen"]
    if anlagen:
        evidence.locate("anlagen", anlagen[0].location)
    for name, (text, location) in other_sections(sections, lexicon.yes_words).items():
        vorlage.weitere_abschnitte[heading_name(name)] = text
        evidence.locate(f"weitere_abschnitte.{heading_name(name)}", location)
    if signature is not None:
        name, funktion, vertretung, location = signature
        signed = Unterzeichnung(name=name, funktion=funktion, vertretung=vertretung)
        found.put("unterzeichnung", signed, location)
        evidence.signature_block = True
    elif any(_signature_place(row.text, lexicon) for row in rows):
        evidence.signature_block = True
    evidence.sections = {s.kind for s in sections}
    evidence.other_document = other_document(rows, vorlage, lexicon, evidence.locations.get("art"))
    # hook for the rules' quotes and places: which rows each section was read from
    evidence.keep_rows(
        rows,
        {
            "betreff": best(sections, "betreff"),
            "finanzielle_auswirkungen": finanzen,
            "beschlussvorschlag": proposal,
            "sachdarstellung": reasoning,
            "anlagen": anlagen[0] if anlagen else None,
            **{
                f"weitere_abschnitte.{heading_name(s.heading)}": s
                for s in sections
                if s.kind.startswith("other:")
            },
        },
    )
    mark_printed_roles(vorlage.beratungsfolge)
    derive_roles(vorlage, lexicon)
    return found


_FIRST_POINT = r"(?:(?:1|I|a)[.)]\s+)?"
"""The number of a decision's first point, in any of the styles a proposal numbers them."""


def _summary_headings(lexicon: Lexicon) -> frozenset[str]:
    """The keys of the headings over a proposal's summary ("Kurzfassung")."""
    words = lexicon.data.get("sections", {}).get("decision", {}).get("summaries", [])
    return frozenset(key(heading) for heading in words)


def _decision(lexicon: Lexicon) -> re.Pattern[str]:
    """The opening of a decision: an article, a body's name of a few words, a decision verb
    ("Der Stadtrat beschließt", "Die Bezirksvertretung empfiehlt"), maybe after the number of
    its first point ("I. Der Jugendhilfeausschuss beschließt …")."""
    words = lexicon.data.get("sections", {}).get("decision", {})
    return re.compile(
        rf"^{_FIRST_POINT}{alternatives(words.get('articles', []))}\s+(?:\S+\s+){{0,5}}?"
        rf"{alternatives(words.get('verbs', []))}\b"
    )


def _passive_decision(lexicon: Lexicon) -> re.Pattern[str]:
    """A sentence that decides in the passive and ends there: "Dem Stellenplan 2024 wird
    zugestimmt.", "Der Jahresabschluss 2023 wird festgestellt."."""
    words = lexicon.data.get("sections", {}).get("decision", {})
    return re.compile(
        rf"\b{alternatives(words.get('auxiliaries', []))}\b(?:\s+\S+){{0,6}}?\s+"
        rf"{alternatives(words.get('participles', []))}\.$"
    )


def _deciding_passive(lexicon: Lexicon) -> re.Pattern[str]:
    """A decision in the passive anywhere in a sentence ("Die Verwaltung wird beauftragt, …",
    "… werden genehmigt"): a present auxiliary and within a few words a participle or a
    decision's verb."""
    words = lexicon.data.get("sections", {}).get("decision", {})
    participles = words.get("participles", []) + words.get("verbs", [])
    return re.compile(
        rf"\b{alternatives(words.get('auxiliaries', []))}\b(?:\s+\S+){{0,6}}?\s+"
        rf"{alternatives(participles)}\b"
    )


def _decision_verb(lexicon: Lexicon) -> re.Pattern[str]:
    """A decision's verb anywhere in a lead-in ("… beschließt die Bürgerschaft,")."""
    verbs = lexicon.data.get("sections", {}).get("decision", {}).get("verbs", [])
    return re.compile(rf"\b{alternatives(verbs)}\b")


def _decision_formula(lexicon: Lexicon) -> re.Pattern[str]:
    """A decision's lead-in that holds nothing of the decision: it ends in a decision's verb
    ("Der Rat beschließt:") or a formula ("… folgenden Beschluss zu fassen:", "… möge
    beschließen:") before its colon, and announces no object of its own ("… möge folgende
    Sondermittelanträge beschließen:")."""
    words = lexicon.data.get("sections", {}).get("decision", {})
    endings = words.get("verbs", []) + words.get("lead_in_endings", [])
    ending = rf"{alternatives(endings, space=' ')}\s*:$"
    announced = rf"\b{alternatives(words.get('lead_in_objects', []))}\s+(?!{ending})\w"
    return re.compile(rf"^(?!.*{announced}).*\b{ending}")


def _signature_place(text: str, lexicon: Lexicon) -> bool:
    """A place for a signature left empty: "gez.", "i.V." or "Unterschrift" alone on its line,
    or a signature line."""
    line = text.strip()
    return (
        key(line) in lexicon.signature_places
        or (lexicon.vertretung_pattern.fullmatch(line) is not None)
        or (len(line) >= SIGNATURE_LINE and set(line) == {"_"})
    )


SIGNATURE_LINE = 6
"""Underscores that make a line to sign on."""
