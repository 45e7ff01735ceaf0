"""Rules: each reads the model and yields findings; none decides its own severity.

A rule is a function registered with :func:`rule`, carrying a stable code (a letter group and
digits, grouped as sqlfluff groups them), a readable name, a default severity and a paragraph of
documentation. Configuration may switch a rule off or change its severity; the rule itself only
says what it found, in German, naming the values involved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from vorlage_cli.model import Finding, Location, Severity, Vorlage


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found: the message and the field it concerns."""

    message: str
    field: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    check: Callable[[Vorlage], Iterable[Hit]]


REGISTRY: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity, summary: str) -> Callable:
    """Register a check function; its docstring is the rule's documentation."""

    def register(check: Callable[[Vorlage], Iterable[Hit]]) -> Callable[[Vorlage], Iterable[Hit]]:
        if code in REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        doc = " ".join((check.__doc__ or "").split())
        REGISTRY[code] = Rule(code, name, severity, summary, doc, check)
        return check

    return register


@dataclass(slots=True)
class RuleSettings:
    """Which rules run and at which severity; filled from configuration."""

    disabled: set[str] = field(default_factory=set)
    severities: dict[str, Severity] = field(default_factory=dict)


def all_rules() -> list[Rule]:
    _load()
    return [REGISTRY[code] for code in sorted(REGISTRY)]


def run_rules(vorlage: Vorlage, settings: RuleSettings | None = None) -> list[Finding]:
    settings = settings or RuleSettings()
    findings: list[Finding] = []
    for current in all_rules():
        if current.code in settings.disabled:
            continue
        severity = settings.severities.get(current.code, current.severity)
        for hit in current.check(vorlage):
            location = vorlage.location_of(hit.field) if hit.field else None
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
    from vorlage_cli.rules import beratungsfolge, completeness  # noqa: F401


def hits(*found: Hit) -> Iterator[Hit]:
    yield from found
