"""What the kind of a Vorlage implies for the rules: whether it asks a body to decide, whether it
revises an earlier Vorlage. Kinds and their ``decides`` flag are lexicon data, so a council's
configuration can teach new ones."""

from __future__ import annotations

from vorlage_cli.extract.lexicon import Lexicon
from vorlage_cli.model import Vorlage


def kind_of(vorlage: Vorlage, lexicon: Lexicon) -> str | None:
    """The kind in the lexicon's spelling ("Beschlussvorlage"), or None when unknown."""
    if not vorlage.art:
        return None
    known = lexicon.kind(vorlage.art)
    return known[0] if known else None


def asks_for_decision(vorlage: Vorlage, lexicon: Lexicon) -> bool:
    """True for Beschluss-, Verwaltungsvorlagen and Anträge; False for information kinds
    (Mitteilung, Informations-, Unterrichtungsvorlage). A generic kind (Vorlage,
    Sitzungsvorlage, Drucksache) says little: München prints "Sitzungsvorlage" on a Bekanntgabe.
    There, as for an unknown kind, the document itself tells: a Beratungsfolge of nothing but
    Kenntnisnahme informs; otherwise an unknown kind asks for a decision when it has a
    Beschlussvorschlag or a deciding consultation."""
    kind = lexicon.kind(vorlage.art) if vorlage.art else None
    if kind is not None and kind[0] not in lexicon.generic_kinds:
        return kind[1]
    roles = [b.rolle for b in vorlage.beratungsfolge]
    if roles and all(role == "Kenntnisnahme" for role in roles):
        return False
    if kind is not None:
        return kind[1]
    return bool(vorlage.beschlussvorschlag) or "Entscheidung" in roles


def is_revision(vorlage: Vorlage, lexicon: Lexicon) -> bool:
    """A Neufassung or Ergänzung of an earlier Vorlage: a revision suffix ("1N", "1. Ergänzung")
    or a revising kind. A subject that mentions a "Neufassung" of a statute is not one."""
    return vorlage.fassung is not None or kind_of(vorlage, lexicon) in lexicon.revision_kinds
