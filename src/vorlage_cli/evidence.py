"""What the extractor found beside the data contract: where each value stands, how it was
printed, which sections the template has, and what the layout says about the template.

The data contract (``model.py``) is what ``export`` writes; it carries no layout. The rules need
more than the values to judge fairly and to point into the file: a date that could not be
normalised is reported with its printed text, a missing role is an error only where the template
has a role column, and every finding points at the page and line of its value. That evidence
travels here, from the extractor to the rules, and is never exported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vorlage_cli.layout import Location
from vorlage_cli.model import Vorlage


@dataclass(slots=True)
class Evidence:
    locations: dict[str, Location] = field(default_factory=dict)
    """Source locations of extracted values by field path ("beratungsfolge[1].termin")."""
    printed: dict[str, str] = field(default_factory=dict)
    """Values as printed by field path ("erstellt_am": "31.02.2025"), for messages about values
    that could not be normalised."""
    sections: set[str] = field(default_factory=set)
    """Kinds of section the extractor found headings for, even where they were empty."""
    proposal_numbers: list[str] = field(default_factory=list)
    """The numbers printed before the Beschlussvorschlag points ("1", "2", "2", "4"), which the
    model's points leave out; empty when the points are unnumbered. The rules check them for
    gaps and repeats."""
    role_column: bool | None = None
    """Whether the template prints a role column in its Beratungsfolge (STATUS, Zuständigkeit,
    Rolle); None when the extractor cannot tell. A result column is not a role column."""
    other_document: str | None = None
    """What the document is where it is no Vorlage ("eine Niederschrift"), by its title."""
    signature_block: bool | None = None
    """Whether the template has a place for a signature (a signature line, "gez.", a function
    line under an empty name); None when the extractor cannot tell."""

    def locate(self, path: str, location: Location | None) -> None:
        if location is not None:
            self.locations[path] = location

    def location_of(self, path: str) -> Location | None:
        """The location of a field, falling back to its parent ("beratungsfolge[1].termin" →
        "beratungsfolge[1]" → "beratungsfolge")."""
        while path:
            if path in self.locations:
                return self.locations[path]
            cut = max(path.rfind("."), path.rfind("["))
            if cut <= 0:
                break
            path = path[:cut]
        return self.locations.get(path)


@dataclass(slots=True)
class Extraction:
    """The extractor's answer: the data contract's values and the evidence behind them."""

    vorlage: Vorlage
    evidence: Evidence = field(default_factory=Evidence)

    def put(
        self, path: str, value: object, location: Location | None, printed: str | None = None
    ) -> None:
        """Set a top-level field of the Vorlage, with where it stands and how it was printed."""
        setattr(self.vorlage, path, value)
        self.evidence.locate(path, location)
        if printed is not None:
            self.evidence.printed[path] = printed
