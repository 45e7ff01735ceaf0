"""Rules: each reads the model and yields findings; none decides its own severity.

A rule is a function registered with :func:`rule`, carrying a stable code (a letter group and
digits, grouped as sqlfluff groups them), a readable name, a default severity and a paragraph of
documentation (its docstring). Configuration may switch a rule off or change its severity; the
rule itself only says what it found, in German, naming the values involved. Local practice that a
rule needs to know (the council's bodies, the invitation period, required sections) reaches it as
:class:`RuleOptions`.

One module per group of rules: completeness (REQ), Beratungsfolge (BF), document dates (DAT),
numbering and references (NUM), money (FIN), public and non-public matters (OEF), signature
(SIG). The codes of files that could not be read (RD) are documented beside them
(``rules/reader_codes.py``) but are not rules: readers report them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from vorlage_cli.evidence import Evidence
from vorlage_cli.extract.lexicon import Lexicon, default_lexicon
from vorlage_cli.model import Finding, Location, Severity, Vorlage

GROUPS = {
    "REQ": "Completeness",
    "BF": "Beratungsfolge",
    "DAT": "Document dates",
    "NUM": "Numbering and references",
    "FIN": "Money",
    "OEF": "Public and non-public matters",
    "SIG": "Signature",
}


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found: the message and the field it concerns."""

    message: str
    field: str | None = None


@dataclass(frozen=True, slots=True)
class RuleOptions:
    """What a council sets for its own practice; the defaults suit a council that set nothing."""

    lexicon: Lexicon = field(default_factory=default_lexicon)
    required: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Fields and sections required on top of the defaults, by kind ("Beschlussvorlage") or
    group ("all", "decision", "information")."""
    bodies: tuple[str, ...] = ()
    """The council's bodies as they are spelt; empty means "not configured"."""
    councils: tuple[str, ...] = ()
    """Names of bodies that are the council itself, beyond the usual ones (Rat, Stadtrat, …)."""
    min_invitation_days: int | None = None
    signature_required: bool = False


Check = Callable[[Vorlage, Evidence, RuleOptions], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    check: Check
    options: tuple[str, ...] = ()
    """The configuration keys the rule reads, for its documentation."""

    @property
    def group(self) -> str:
        return self.code.rstrip("0123456789")


REGISTRY: dict[str, Rule] = {}


def _register(entry: Rule) -> None:
    if entry.code in REGISTRY:
        raise ValueError(f"rule code {entry.code} registered twice")
    if any(other.name == entry.name for other in REGISTRY.values()):
        raise ValueError(f"rule name {entry.name} registered twice")
    if entry.group not in GROUPS:
        raise ValueError(f"rule code {entry.code} has no known group")
    REGISTRY[entry.code] = entry


def _doc(text: str | None) -> str:
    """A docstring as one paragraph; a blank line in it starts a new paragraph."""
    paragraphs = (text or "").strip().split("\n\n")
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs)


def rule(
    code: str, name: str, severity: Severity, summary: str, *, options: tuple[str, ...] = ()
) -> Callable[[Check], Check]:
    """Register a check function; its docstring is the rule's documentation."""

    def register(check: Check) -> Check:
        _register(Rule(code, name, severity, summary, _doc(check.__doc__), check, options))
        return check

    return register


@dataclass(slots=True)
class RuleSettings:
    """Which rules run, at which severity, with which local options; filled from configuration."""

    disabled: set[str] = field(default_factory=set)
    severities: dict[str, Severity] = field(default_factory=dict)
    options: RuleOptions = field(default_factory=RuleOptions)

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severities.get(code, default)


def all_rules() -> list[Rule]:
    """Every rule, grouped in the order of :data:`GROUPS`, by number within a group."""
    _load()
    order = list(GROUPS)
    return sorted(
        REGISTRY.values(),
        key=lambda entry: (order.index(entry.group), int(entry.code[len(entry.group) :])),
    )


def find_rule(code_or_name: str) -> Rule | None:
    """A rule by its code ("bf003" works too) or its name ("entscheidung-vor-vorberatung")."""
    _load()
    wanted = code_or_name.strip()
    by_code = REGISTRY.get(wanted.upper())
    if by_code is not None:
        return by_code
    return next((entry for entry in REGISTRY.values() if entry.name == wanted.lower()), None)


def run_rules(
    vorlage: Vorlage, evidence: Evidence | None = None, settings: RuleSettings | None = None
) -> list[Finding]:
    """The findings of every rule switched on; without evidence (a Vorlage built by hand) the
    rules judge the values alone and the findings point nowhere."""
    settings = settings or RuleSettings()
    evidence = evidence or Evidence()
    findings: list[Finding] = []
    for current in all_rules():
        if current.code in settings.disabled:
            continue
        severity = settings.severity_of(current.code, current.severity)
        for hit in current.check(vorlage, evidence, settings.options):
            location = evidence.location_of(hit.field) if hit.field else None
            findings.append(
                Finding(
                    code=current.code,
                    severity=severity,
                    message=hit.message,
                    field=hit.field,
                    location=Location(page=location.page, line=location.line)
                    if location
                    else Location(),
                )
            )
    return findings


def _load() -> None:
    """Import the rule modules once; registration happens on import."""
    from vorlage_cli.rules import (  # noqa: F401
        beratungsfolge,
        completeness,
        dates,
        money,
        publicity,
        references,
        signature,
    )
