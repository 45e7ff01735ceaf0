"""What the kind of a Vorlage implies for the rules: whether it asks a body to decide."""

from __future__ import annotations

from vorlage_cli.extract.lexicon import default_lexicon
from vorlage_cli.model import Vorlage


def asks_for_decision(vorlage: Vorlage) -> bool:
    """True for Beschluss-, Verwaltungs-, Sitzungsvorlagen and Anträge; False for information
    kinds (Mitteilung, Informations-, Unterrichtungsvorlage). An unknown kind counts as asking
    for a decision when the document has a Beschlussvorschlag or a deciding consultation."""
    if vorlage.art:
        kind = default_lexicon().kind(vorlage.art)
        if kind is not None:
            return kind[1]
    return bool(vorlage.beschlussvorschlag) or any(
        b.rolle == "Entscheidung" for b in vorlage.beratungsfolge
    )
