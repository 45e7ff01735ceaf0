"""Completeness: the fields a Vorlage cannot do without, by kind.

Every kind that asks a body to decide needs a number, a subject, the authoring unit, a date, a
Beratungsfolge, a Beschlussvorschlag, the Finanzielle Auswirkungen and a Sachdarstellung;
information kinds (Mitteilungs-, Informations-, Unterrichtungsvorlage) need no Beschlussvorschlag
and no financial statement; motions (Antrag) no authoring unit and no financial statement. The
configuration adds fields and sections per kind under ``[tool.vorlage.required]`` (a city that
mandates a Klimaverträglichkeit section adds it there). An empty section, or one that holds only
template placeholders ("...", "XXX", "[Text]"), counts as missing.
"""

from __future__ import annotations

from collections.abc import Iterator

from vorlage_cli.evidence import Evidence
from vorlage_cli.extract.lexicon import Lexicon
from vorlage_cli.extract.textutil import key
from vorlage_cli.model import Vorlage
from vorlage_cli.rules import Hit, RuleOptions, rule
from vorlage_cli.rules.kinds import asks_for_decision, kind_of
from vorlage_cli.rules.options import TEXT_TABLE, Option, OptionError
from vorlage_cli.rules.text import (
    AMOUNT,
    is_missing,
    listing,
    placeholders_in,
    quoted,
    texts,
)

_COMMON = ("nummer", "betreff", "ersteller", "erstellt_am", "beratungsfolge")
_MOTION = ("nummer", "betreff", "erstellt_am", "beratungsfolge", "beschlussvorschlag")
DEFAULT_REQUIRED: dict[str, tuple[str, ...]] = {
    "decision": (*_COMMON, "beschlussvorschlag", "finanzielle_auswirkungen", "sachdarstellung"),
    "information": (*_COMMON, "sachdarstellung"),
    # Motions are written by council members and factions, not by an office of the
    # administration: no authoring unit, no financial statement of the administration's own.
    "Antrag": (*_MOTION, "sachdarstellung"),
    "Fraktionsantrag": (*_MOTION, "sachdarstellung"),
}
"""Required fields by kind (in the lexicon's spelling) or by group: "decision" for kinds that
ask a body to decide, "information" for the others. A kind listed here replaces its group."""


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


def group_of(vorlage: Vorlage, options: RuleOptions) -> str:
    return "decision" if asks_for_decision(vorlage, options.lexicon) else "information"


def required(vorlage: Vorlage, options: RuleOptions) -> list[str]:
    """The fields and sections this Vorlage must have: the default for its kind (or group),
    plus what configuration adds for all kinds, for its group and for its kind. Section names
    from configuration are resolved through the lexicon ("Begründung" is the sachdarstellung,
    "Klima-Check" the Klimaverträglichkeit); other names stand for a section of that heading."""
    kind = kind_of(vorlage, options.lexicon)
    group = group_of(vorlage, options)
    base = DEFAULT_REQUIRED.get(kind or "", DEFAULT_REQUIRED[group])
    extra = [
        item
        for name in ("all", group, kind)
        if name is not None
        for item in options[REQUIRED].get(name, ())
    ]
    wanted: list[str] = []
    for item in [*base, *extra]:
        resolved = _resolve(item, options)
        if resolved not in wanted:
            wanted.append(resolved)
    return wanted


def _resolve(item: str, options: RuleOptions) -> str:
    if item in CORE_FIELDS:
        return item
    return options.lexicon.section_of.get(key(item), f"other:{item}")


def _recognisable(vorlage: Vorlage, evidence: Evidence) -> bool:
    return bool(vorlage.nummer or vorlage.beratungsfolge or (evidence.sections - {"betreff"}))


def _needs(field: str, vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> bool:
    return _recognisable(vorlage, evidence) and field in required(vorlage, options)


_HEADINGS = {
    "betreff": "Betreff",
    "finanzielle_auswirkungen": "Finanzielle Auswirkungen",
    "beschlussvorschlag": "Beschlussvorschlag",
    "sachdarstellung": "Sachdarstellung",
}


def _absent(evidence: Evidence, field: str, text: str | None, subject: str) -> str:
    """The message for a missing text: only a placeholder, an empty section, or absent."""
    if text and text.strip():
        found = placeholders_in(text)
        shown = found[0] if found else text.strip()
        return f"{subject} enthält nur den Platzhalter {quoted(shown)}"
    if field in _HEADINGS and field in evidence.sections:
        return f"Der Abschnitt {_HEADINGS[field]} ist leer"
    return f"{subject} fehlt"


@rule("REQ001", "nicht-erkennbar", "error", "Dokument ist nicht als Vorlage erkennbar")
def not_a_vorlage(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """A document with no number, no Beratungsfolge and none of the known sections is not
    recognisable as a Vorlage (or is a template the lexicon does not know yet). Reporting this as
    an error keeps a wrong file from passing as an empty success; the other completeness rules
    stay quiet on such a document."""
    if not _recognisable(vorlage, evidence):
        yield Hit(
            "Das Dokument ist nicht als Vorlage erkennbar: keine Nummer, keine Beratungsfolge, "
            "keine bekannten Abschnitte"
        )


@rule("REQ002", "nummer-fehlt", "error", "Vorlagennummer fehlt", options=(REQUIRED,))
def number_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """Every Vorlage carries a number (Vorlage-Nr., Drucksache, DS-Nr.) under which it is filed
    and referred to in minutes and decisions."""
    if _needs("nummer", vorlage, evidence, options) and is_missing(vorlage.nummer):
        yield Hit(_absent(evidence, "nummer", vorlage.nummer, "Die Vorlagennummer"), "nummer")


@rule("REQ003", "betreff-fehlt", "error", "Betreff fehlt", options=(REQUIRED,))
def subject_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """The subject (Betreff, Titel, Bezeichnung des Tagesordnungspunktes) becomes the agenda
    item's title; a Vorlage without one cannot be put on an agenda."""
    if _needs("betreff", vorlage, evidence, options) and is_missing(vorlage.betreff):
        yield Hit(_absent(evidence, "betreff", vorlage.betreff, "Der Betreff"), "betreff")


@rule("REQ004", "beratungsfolge-fehlt", "error", "Beratungsfolge fehlt", options=(REQUIRED,))
def consultations_missing(
    vorlage: Vorlage, evidence: Evidence, options: RuleOptions
) -> Iterator[Hit]:
    """Without a Beratungsfolge nobody knows which bodies deal with the Vorlage and when. Some
    RIS web pages show it on another tab (SessionNet's "Beratungen"): the finding then says
    that the page at hand is incomplete, not necessarily the Vorlage."""
    if _needs("beratungsfolge", vorlage, evidence, options) and not vorlage.beratungsfolge:
        yield Hit(
            "Die Beratungsfolge fehlt: keine Gremien und Sitzungstermine angegeben",
            "beratungsfolge",
        )


@rule("REQ005", "finanzen-fehlen", "error", "Finanzielle Auswirkungen fehlen", options=(REQUIRED,))
def finances_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """A Vorlage that asks for a decision must state its financial impact, even if only to say
    there is none ("Nein", "keine", "-", "./."). Information kinds and motions of council
    members (Antrag) need not. Where the reasoning names amounts but the template has no
    financial section, the finding says so: the amounts are there, the statement is not."""
    text = vorlage.finanzielle_auswirkungen
    if _needs("finanzielle_auswirkungen", vorlage, evidence, options) and is_missing(
        text, dash_means_none=True
    ):
        message = _absent(
            evidence,
            "finanzielle_auswirkungen",
            text,
            "Die Angabe zu den finanziellen Auswirkungen",
        )
        if text is None and AMOUNT.search(vorlage.sachdarstellung or ""):
            message += "; Beträge nennt nur die Sachdarstellung"
        yield Hit(message, "finanzielle_auswirkungen")


@rule(
    "REQ006", "beschlussvorschlag-fehlt", "error", "Beschlussvorschlag fehlt", options=(REQUIRED,)
)
def proposal_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """A Vorlage that asks a body to decide must say what it is to decide. Information kinds
    (Mitteilungs-, Informations-, Unterrichtungsvorlage) have none."""
    points = vorlage.beschlussvorschlag
    if _needs("beschlussvorschlag", vorlage, evidence, options) and all(
        is_missing(p) for p in points
    ):
        text = " ".join(points) if points else None
        message = _absent(evidence, "beschlussvorschlag", text, "Der Beschlussvorschlag")
        yield Hit(message, "beschlussvorschlag")


@rule("REQ007", "ersteller-fehlt", "error", "Federführende Stelle fehlt", options=(REQUIRED,))
def author_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """The authoring unit (Federführung, Fachbereich, Amt, Dienststelle) answers questions in
    the session and carries out the decision; every Vorlage of the administration names it.
    Motions (Antrag) come from council members and are exempt."""
    if _needs("ersteller", vorlage, evidence, options) and is_missing(vorlage.ersteller):
        message = _absent(
            evidence, "ersteller", vorlage.ersteller, "Die federführende Stelle (Ersteller)"
        )
        yield Hit(message, "ersteller")


@rule("REQ008", "datum-fehlt", "error", "Datum der Vorlage fehlt", options=(REQUIRED,))
def date_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """A Vorlage is dated: the date orders revisions, shows whether the invitation period was
    kept, and is how the Vorlage is cited. A printed date that is no calendar date ("31.02.2025")
    is reported with the printed text. Some RIS pages show the date only on another tab."""
    if not _needs("erstellt_am", vorlage, evidence, options) or vorlage.erstellt_am is not None:
        return
    printed = evidence.printed.get("erstellt_am")
    if printed:
        yield Hit(f"Das Datum der Vorlage {printed} ist kein gültiges Datum", "erstellt_am")
    else:
        yield Hit("Das Datum der Vorlage fehlt", "erstellt_am")


@rule("REQ009", "begruendung-fehlt", "error", "Sachdarstellung fehlt", options=(REQUIRED,))
def reasoning_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """The Sachdarstellung (Sachverhalt, Begründung, Erläuterungen) is what the bodies read
    before they decide or take note; without it a proposal is a bare instruction."""
    text = vorlage.sachdarstellung
    if _needs("sachdarstellung", vorlage, evidence, options) and is_missing(text):
        message = _absent(evidence, "sachdarstellung", text, "Die Sachdarstellung (Begründung)")
        yield Hit(message, "sachdarstellung")


@rule(
    "REQ010",
    "abschnitt-fehlt",
    "error",
    "Vorgeschriebener Abschnitt fehlt",
    options=(REQUIRED,),
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
        if text is not None and not is_missing(text):
            continue
        if text is not None or item in evidence.sections:
            yield Hit(
                f"Der vorgeschriebene Abschnitt {name} ist leer", f"weitere_abschnitte.{name}"
            )
        else:
            yield Hit(f"Der vorgeschriebene Abschnitt {name} fehlt", f"weitere_abschnitte.{name}")


@rule("REQ011", "platzhalter", "warning", "Platzhalter aus der Vorlage nicht ersetzt")
def placeholder_left(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """Template placeholders left in the text ("XXX", "XX.XX.2025", "[Betrag]", "@GRM4@") mean
    that something was not filled in. A section made of nothing but a placeholder is reported
    by the completeness rule for that section instead."""
    fields = [*texts(vorlage)]
    if vorlage.ersteller:
        fields.append(("ersteller", vorlage.ersteller))
    for index, entry in enumerate(vorlage.beratungsfolge):
        fields.append((f"beratungsfolge[{index}].gremium", entry.gremium))
    for index, anlage in enumerate(vorlage.anlagen):
        fields.append((f"anlagen[{index}].titel", anlage.titel))
    for path, text in fields:
        found = placeholders_in(text)
        if found and not is_missing(text):
            yield Hit(
                f"Platzhalter {listing(dict.fromkeys(quoted(f) for f in found))} "
                f"{_field_label(path)} nicht ersetzt",
                path,
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
