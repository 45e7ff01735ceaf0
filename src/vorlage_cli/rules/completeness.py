"""Completeness: the fields and sections a Vorlage must have, where the council requires them.

Which sections a Vorlage has is local practice: one city prints no date, another no financial
section, a third no heading over its reasoning. By default, therefore, nothing is required
that the document itself does not call for: a section that holds nothing but a template
placeholder ("XXX", "[Text]", "...") is reported, and so is a Vorlage that asks a body to decide
(a deciding station printed in its own Beratungsfolge) without saying what is to be decided.
What a council requires comes from its configuration (``required``, per kind or group) or is
learned from its own Vorlagen (the profile, ``vorlage init``): a section that nearly all of a
city's Beschlussvorlagen have and this one lacks is then reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from vorlage_cli.evidence import Evidence
from vorlage_cli.extract.lexicon import Lexicon
from vorlage_cli.extract.textutil import key
from vorlage_cli.model import Vorlage
from vorlage_cli.profile import Profile, from_table
from vorlage_cli.rules import Hit, RuleOptions, rule
from vorlage_cli.rules.kinds import asks_for_decision, is_revision, kind_of
from vorlage_cli.rules.options import TEXT_TABLE, Option, OptionError, OptionType
from vorlage_cli.rules.text import (
    in_body,
    is_missing,
    listing,
    money,
    placeholders_in,
    quoted,
    station,
    texts,
)

CORE_FIELDS = frozenset(
    {
        "nummer",
        "betreff",
        "ersteller",
        "erstellt_am",
        "beratungsfolge",
        "finanzielle_auswirkungen",
        "beschlussvorschlag",
        "sachdarstellung",
    }
)


GROUPS = ("all", "decision", "information")


def _required_by_kind(
    table: dict[str, tuple[str, ...]], lexicon: Lexicon
) -> dict[str, tuple[str, ...]]:
    """Keys are groups or kinds; a kind is stored in the lexicon's spelling."""
    resolved: dict[str, tuple[str, ...]] = {}
    for name, items in table.items():
        if name in GROUPS:
            target = name
        else:
            kind = lexicon.kind(name)
            if kind is None:
                raise OptionError(
                    "weder all, decision, information noch eine bekannte Vorlagenart", name
                )
            target = kind[0]
        resolved[target] = resolved.get(target, ()) + items
    return resolved


REQUIRED: Option[dict[str, tuple[str, ...]]] = Option(
    "required",
    TEXT_TABLE,
    {},
    "Fields and sections a Vorlage must have in addition to the defaults. Keys: `all`, "
    "`decision` (every kind that asks for a decision), `information` (Mitteilungs-, "
    "Informations-, Unterrichtungsvorlage …), or a kind (`Beschlussvorlage`). Names are field "
    "names (`erstellt_am`) or section headings; headings are matched through the lexicon, so "
    "`Klima-Check` finds a section printed as KLIMAVERTRÄGLICHKEIT. A missing field is "
    "reported by its own rule (REQ002–REQ009), a missing section by REQ010.",
    example='{ decision = ["Klimaverträglichkeit"], Beschlussvorlage = ["erstellt_am"] }',
    validate=_required_by_kind,
)


def _profile(value: object) -> Profile:
    return from_table(value)


PROFILE: Option[Profile | None] = Option(
    "profile",
    OptionType("Tabelle, von vorlage init geschrieben", _profile),
    None,
    "The council's practice learned from its own Vorlagen by `vorlage init`: per kind the "
    "fields and sections nearly all of them have (`kinds`), the bodies with their spellings "
    "(`bodies`), the shapes of the numbers (`numbers`) and the order in which bodies meet "
    "(`order`). A section of the profile is required as if listed under `required`; a body "
    "spelt close to a known one, a number of another shape and a route against the usual "
    "order are reported (BF010, NUM005, BF012). Edit it freely: a line deleted is a practice "
    "no longer checked.",
    example="{ documents = 449, kinds = { Beschlussvorlage = { documents = 300, sections = "
    "{ beschlussvorschlag = 0.99 } } } }",
)


def group_of(vorlage: Vorlage, options: RuleOptions) -> str:
    return "decision" if asks_for_decision(vorlage, options.lexicon) else "information"


def required(vorlage: Vorlage, options: RuleOptions) -> list[str]:
    """The fields and sections this Vorlage must have: what the configuration requires for all
    kinds, for its group and for its kind. Section names are resolved through the lexicon
    ("Begründung" is the sachdarstellung, "Klima-Check" the Klimaverträglichkeit); other names
    stand for a section of that heading."""
    kind = kind_of(vorlage, options.lexicon)
    group = group_of(vorlage, options)
    wanted: list[str] = []
    for name in ("all", group, kind):
        for item in options[REQUIRED].get(name, ()) if name is not None else ():
            resolved = _resolve(item, options)
            if resolved not in wanted:
                wanted.append(resolved)
    for item in learned(vorlage, options):
        if item not in wanted:
            wanted.append(item)
    return wanted


def learned(vorlage: Vorlage, options: RuleOptions) -> dict[str, float]:
    """The fields and sections the profile finds in nearly all Vorlagen of this one's kind,
    resolved like configured names, with their share."""
    profile = options[PROFILE]
    practice = profile.practice_of(vorlage, options.lexicon) if profile else None
    if practice is None:
        return {}
    return {_resolve(name, options): share for name, share in practice.sections.items()}


def _usual(field: str, vorlage: Vorlage, options: RuleOptions) -> str:
    """ " (in 98 % der gelernten Vorlagen dieser Art vorhanden)" where only the profile
    requires the field; empty where the configuration does."""
    share = learned(vorlage, options).get(field)
    configured = any(
        _resolve(item, options) == field
        for name in ("all", group_of(vorlage, options), kind_of(vorlage, options.lexicon))
        if name is not None
        for item in options[REQUIRED].get(name, ())
    )
    if share is None or configured:
        return ""
    return f" (in {share:.0%} der gelernten Vorlagen dieser Art vorhanden)".replace("%", " %")


def _resolve(item: str, options: RuleOptions) -> str:
    if item in CORE_FIELDS:
        return item
    return options.lexicon.section_of.get(key(item), f"other:{item}")


def _recognisable(vorlage: Vorlage, evidence: Evidence) -> bool:
    """A number, a Beratungsfolge, a known section or a decision proposal make a document a
    Vorlage: a RIS page that shows a Vorlage's text without its header block still proposes
    what a body is to decide ("Der Stadtrat beschließt …")."""
    return bool(
        vorlage.nummer
        or vorlage.beratungsfolge
        or vorlage.beschlussvorschlag
        or (evidence.sections - {"betreff"})
    )


def _missing(
    field: str,
    text: str | None,
    subject: str,
    vorlage: Vorlage,
    evidence: Evidence,
    options: RuleOptions,
    *,
    dash_means_none: bool = False,
) -> Hit | None:
    """A field left as a template placeholder, always; a field missing or empty where it is
    required. A section that states there is nothing ("Beschlussvorschlag: keiner") is not
    missing: the extractor leaves its field empty and keeps the statement as printed."""
    if not _recognisable(vorlage, evidence) or not is_missing(
        text, options.lexicon, dash_means_none=dash_means_none
    ):
        return None
    if text is None and _stated_none(field, evidence, options.lexicon):
        return None
    if text and text.strip():
        found = placeholders_in(text, options.lexicon)
        shown = found[0] if found else text.strip()
        return Hit(f"{subject} enthält nur den Platzhalter {quoted(shown)}", field, shown)
    if field not in required(vorlage, options):
        return None
    usual = _usual(field, vorlage, options)
    heading = options.lexicon.data.get("sections", {}).get("names", {}).get(field)
    if heading and field in evidence.sections:
        return Hit(f"Der Abschnitt {heading} ist leer{usual}", field)
    return Hit(f"{subject} fehlt{usual}", field)


def _stated_none(field: str, evidence: Evidence, lexicon: Lexicon) -> bool:
    printed = evidence.printed.get(field)
    return printed is not None and key(printed) in lexicon.none_keys


@rule("REQ001", "nicht-erkennbar", "error", "Dokument ist nicht als Vorlage erkennbar")
def not_a_vorlage(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """A document with no number, no Beratungsfolge, none of the known sections and no
    decision proposal is not recognisable as a Vorlage (or is a template the lexicon does not
    know yet). Reporting this as an error keeps a wrong file from passing as an empty success;
    the other completeness rules stay quiet on such a document."""
    if not _recognisable(vorlage, evidence) and evidence.other_document is None:
        yield Hit(
            "Das Dokument ist nicht als Vorlage erkennbar: keine Nummer, keine Beratungsfolge, "
            "keine bekannten Abschnitte, kein Beschlussvorschlag"
        )


@rule("REQ012", "kein-vorlagendokument", "warning", "Dokument ist keine Vorlage")
def other_document(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """Minutes, invitations with their agenda, public notices, questions and their answers sit
    in the same folders as Vorlagen and cite their numbers, but they are no Vorlagen: checked
    as one, each would get a wall of missing sections. Where the document's title says what it
    is ("Niederschrift über die 5. Sitzung …", "Tagesordnung - Sitzung des …"), this is the one
    finding it gets, and no other rule judges it. A document whose kind is a Vorlage kind is
    judged as a Vorlage whatever else it says."""
    if evidence.other_document is not None:
        yield Hit(f"Kein Vorlagendokument: das Dokument sieht aus wie {evidence.other_document}")


@rule("REQ002", "nummer-fehlt", "error", "Vorlagennummer fehlt", options=(REQUIRED, PROFILE))
def number_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """Every Vorlage carries a number (Vorlage-Nr., Drucksache, DS-Nr.) under which it is filed
    and referred to in minutes and decisions."""
    found = _missing("nummer", vorlage.nummer, "Die Vorlagennummer", vorlage, evidence, options)
    if found:
        yield found


@rule("REQ003", "betreff-fehlt", "error", "Betreff fehlt", options=(REQUIRED, PROFILE))
def subject_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """The subject (Betreff, Titel, Bezeichnung des Tagesordnungspunktes) becomes the agenda
    item's title; a Vorlage without one cannot be put on an agenda."""
    found = _missing("betreff", vorlage.betreff, "Der Betreff", vorlage, evidence, options)
    if found:
        yield found


@rule(
    "REQ004", "beratungsfolge-fehlt", "error", "Beratungsfolge fehlt", options=(REQUIRED, PROFILE)
)
def consultations_missing(
    vorlage: Vorlage, evidence: Evidence, options: RuleOptions
) -> Iterator[Hit]:
    """Without a Beratungsfolge nobody knows which bodies deal with the Vorlage and when. Some
    RIS web pages show it on another tab (SessionNet's "Beratungen"): the finding then says
    that the page at hand is incomplete, not necessarily the Vorlage."""
    if (
        _recognisable(vorlage, evidence)
        and "beratungsfolge" in required(vorlage, options)
        and not vorlage.beratungsfolge
    ):
        yield Hit(
            "Die Beratungsfolge fehlt: keine Gremien und Sitzungstermine angegeben"
            + _usual("beratungsfolge", vorlage, options),
            "beratungsfolge",
        )


@rule(
    "REQ005",
    "finanzen-fehlen",
    "error",
    "Finanzielle Auswirkungen fehlen",
    options=(REQUIRED, PROFILE),
)
def finances_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """A Vorlage that asks for a decision must state its financial impact, even if only to say
    there is none ("Nein", "keine", "-", "./."). Information kinds and motions of council
    members (Antrag) need not. Where the reasoning names amounts but the template has no
    financial section, the finding says so: the amounts are there, the statement is not."""
    text = vorlage.finanzielle_auswirkungen
    subject = "Die Angabe zu den finanziellen Auswirkungen"
    found = _missing(
        "finanzielle_auswirkungen", text, subject, vorlage, evidence, options, dash_means_none=True
    )
    if (
        found
        and text is None
        and money(options.lexicon).amount.search(vorlage.sachdarstellung or "")
    ):
        found = Hit(f"{found.message}; Beträge nennt nur die Sachdarstellung", found.field)
    if found:
        yield found


@rule(
    "REQ006",
    "beschlussvorschlag-fehlt",
    "error",
    "Beschlussvorschlag fehlt",
    options=(REQUIRED, PROFILE),
)
def proposal_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """A Vorlage that asks a body to decide must say what it is to decide. Without
    configuration this is judged by the document's own terms: a kind that asks for a decision
    whose Beratungsfolge prints a deciding body, and no decision text at all. Information kinds
    (Mitteilungs-, Informations-, Unterrichtungsvorlage) have none, and a Neufassung,
    Ergänzung or Tischvorlage may refer to the decision text of the Vorlage it completes."""
    points = vorlage.beschlussvorschlag
    text = " ".join(points) if points else None
    if is_revision(vorlage, options.lexicon) or kind_of(vorlage, options.lexicon) in (
        options.lexicon.late_kinds
    ):
        return
    subject = "Der Beschlussvorschlag"
    found = _missing("beschlussvorschlag", text, subject, vorlage, evidence, options)
    deciding = next(
        (
            (index, b)
            for index, b in enumerate(vorlage.beratungsfolge)
            if b.rolle == "Entscheidung" and b.rolle_quelle == "gedruckt"
        ),
        None,
    )
    if (
        found is None
        and text is None
        and deciding
        and asks_for_decision(vorlage, options.lexicon)
        and not _stated_none("beschlussvorschlag", evidence, options.lexicon)
    ):
        position, entry = deciding
        found = Hit(
            f"{subject} fehlt; die Beratungsfolge sieht eine Entscheidung "
            f"{in_body(station(entry), options.lexicon)} vor",
            "beschlussvorschlag",
            entry.rolle_text or entry.gremium,
            f"beratungsfolge[{position}]",
        )
    if found:
        yield found


@rule(
    "REQ007", "ersteller-fehlt", "error", "Federführende Stelle fehlt", options=(REQUIRED, PROFILE)
)
def author_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """The authoring unit (Federführung, Fachbereich, Amt, Dienststelle) answers questions in
    the session and carries out the decision; every Vorlage of the administration names it.
    Motions (Antrag) come from council members and are exempt."""
    subject = "Die federführende Stelle (Ersteller)"
    found = _missing("ersteller", vorlage.ersteller, subject, vorlage, evidence, options)
    if found:
        yield found


@rule("REQ008", "datum-fehlt", "error", "Datum der Vorlage fehlt", options=(REQUIRED, PROFILE))
def date_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """A Vorlage is dated: the date orders revisions, shows whether the invitation period was
    kept, and is how the Vorlage is cited. A printed date that is no calendar date ("31.02.2025")
    is always reported, with the printed text; a missing date only where the council's
    Vorlagen print one (many templates, and RIS pages, leave the date to the system)."""
    if vorlage.erstellt_am is not None or not _recognisable(vorlage, evidence):
        return
    printed = evidence.printed.get("erstellt_am")
    if printed:
        yield Hit(f"Das Datum der Vorlage {printed} ist kein gültiges Datum", "erstellt_am")
    elif "erstellt_am" in required(vorlage, options):
        yield Hit(
            f"Das Datum der Vorlage fehlt{_usual('erstellt_am', vorlage, options)}", "erstellt_am"
        )


@rule("REQ009", "begruendung-fehlt", "error", "Sachdarstellung fehlt", options=(REQUIRED, PROFILE))
def reasoning_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """The Sachdarstellung (Sachverhalt, Begründung, Erläuterungen) is what the bodies read
    before they decide or take note; without it a proposal is a bare instruction."""
    subject = "Die Sachdarstellung (Begründung)"
    found = _missing(
        "sachdarstellung", vorlage.sachdarstellung, subject, vorlage, evidence, options
    )
    if found:
        yield found


@rule(
    "REQ010",
    "abschnitt-fehlt",
    "error",
    "Vorgeschriebener Abschnitt fehlt",
    options=(REQUIRED, PROFILE),
)
def section_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """Sections a council requires beyond the usual fields, configured per kind under
    ``[tool.vorlage.required]`` (for example a Klimaverträglichkeit or Inklusionsverträglichkeit
    check). Without configuration this rule finds nothing."""
    if not _recognisable(vorlage, evidence):
        return
    present = {key(name): text for name, text in vorlage.weitere_abschnitte.items()}
    for item in required(vorlage, options):
        if not item.startswith("other:"):
            continue
        name = item.removeprefix("other:")
        text = present.get(key(name))
        if text is not None and not is_missing(text, options.lexicon):
            continue
        usual = _usual(item, vorlage, options)
        required_by = "übliche" if usual else "vorgeschriebene"
        if text is not None or item in evidence.sections:
            yield Hit(
                f"Der {required_by} Abschnitt {name} ist leer{usual}", f"weitere_abschnitte.{name}"
            )
        else:
            yield Hit(
                f"Der {required_by} Abschnitt {name} fehlt{usual}", f"weitere_abschnitte.{name}"
            )


@rule("REQ011", "platzhalter", "warning", "Platzhalter aus der Vorlage nicht ersetzt")
def placeholder_left(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """Template placeholders left in the text ("XXX", "XX.XX.2025", "[Betrag]", "@GRM4@") mean
    that something was not filled in. A section made of nothing but a placeholder is reported
    by the completeness rule for that section instead. Sections that the RIS fills in after the
    sessions (the lexicon's ``after_session``, such as a Beratungsergebnis grid) are not read:
    their unfilled fields are the system's, not the author's."""
    after = {
        key(name) for name in options.lexicon.data.get("after_session", {}).get("sections", [])
    }
    fields = [
        (path, text)
        for path, text in texts(vorlage)
        if not (path.startswith("weitere_abschnitte.") and key(path.split(".", 1)[1]) in after)
    ]
    if vorlage.ersteller:
        fields.append(("ersteller", vorlage.ersteller))
    for index, entry in enumerate(vorlage.beratungsfolge):
        fields.append((f"beratungsfolge[{index}].gremium", entry.gremium))
    for index, anlage in enumerate(vorlage.anlagen):
        fields.append((f"anlagen[{index}].titel", anlage.titel))
    for path, text in fields:
        found = placeholders_in(text, options.lexicon)
        if found and not is_missing(text, options.lexicon):
            yield Hit(
                f"Platzhalter {listing(dict.fromkeys(quoted(f) for f in found))} "
                f"{_field_label(path)} nicht ersetzt",
                path,
                found[0],
            )


def _field_label(path: str) -> str:
    """Where in the Vorlage, as a German prepositional phrase ("in der Sachdarstellung")."""
    index = path.partition("[")[2].partition("]")[0]
    if path.startswith("weitere_abschnitte."):
        return f"im Abschnitt {path.split('.', 1)[1]}"
    if path.startswith("beschlussvorschlag["):
        return f"in Punkt {int(index) + 1} des Beschlussvorschlags"
    if path.startswith("beratungsfolge["):
        return f"im Gremium der {int(index) + 1}. Beratung"
    if path.startswith("anlagen["):
        return f"im Titel der {int(index) + 1}. Anlage"
    return {
        "betreff": "im Betreff",
        "ersteller": "in der Angabe der federführenden Stelle",
        "finanzielle_auswirkungen": "in den finanziellen Auswirkungen",
        "sachdarstellung": "in der Sachdarstellung",
    }[path]
