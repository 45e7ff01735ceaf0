"""Rules: each reads the model and yields findings; none decides its own severity.

A rule is a function registered with :func:`rule`, carrying a stable code (a letter group and
digits, grouped as sqlfluff groups them), a readable name, a default severity and a paragraph of
documentation (its docstring). Configuration may switch a rule off or change its severity; the
rule itself only says what it found, in German, naming the values involved. Local practice that a
rule needs to know (the council's bodies, the invitation period, required sections) reaches it as
:class:`RuleOptions`.

One module per group of rules: completeness (REQ), Beratungsfolge (BF), document dates (DAT),
numbering and references (NUM), money (FIN), public and non-public matters (OEF), signature
(SIG), and the checks across the documents of one run (REP, ``rules/folder.py``), which
compare the facts of many documents instead of reading one (:func:`folder_rule`). The codes of
files that could not be read (RD) are documented beside them (``rules/reader_codes.py``) but are
not rules: readers report them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from vorlage_cli.evidence import Evidence
from vorlage_cli.extract.lexicon import Lexicon, default_lexicon
from vorlage_cli.model import Finding, Location, Severity, Vorlage
from vorlage_cli.rules.options import Option, OptionValues

if TYPE_CHECKING:
    from vorlage_cli.facts import DocumentFacts, Spot

T = TypeVar("T")

GROUPS = {
    "REQ": "Completeness",
    "BF": "Beratungsfolge",
    "DAT": "Document dates",
    "NUM": "Numbering and references",
    "FIN": "Money",
    "OEF": "Public and non-public matters",
    "SIG": "Signature",
    "REP": "Across documents",
}


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found: the message, the field it concerns, and the text it is about as
    printed ("19,980 Euro", "27.01.2025"), which the finding quotes and points at."""

    message: str
    field: str | None = None
    excerpt: str | None = None
    where: str | None = None
    """The field whose rows hold the excerpt, where it is not ``field`` itself (a missing
    Beschlussvorschlag is shown at the station that is to decide)."""


@dataclass(frozen=True, slots=True)
class RuleOptions:
    """What a council sets for its own practice: the lexicon and the options the rules declare
    (read as ``options[MIN_INVITATION_DAYS]``); without configuration, every option's default."""

    lexicon: Lexicon = field(default_factory=default_lexicon)
    values: OptionValues = field(default_factory=OptionValues)

    def __getitem__(self, option: Option[T]) -> T:
        return self.values[option]


Check = Callable[[Vorlage, Evidence, RuleOptions], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class FolderHit:
    """What a check across documents found: the message for one document (by its position
    among the run's documents), where in it, and the places in other documents it concerns."""

    document: int
    message: str
    spot: Spot | None = None
    field: str | None = None
    others: tuple[tuple[int, Spot | None], ...] = ()


FolderCheck = Callable[[Sequence["DocumentFacts | None"]], Iterable[FolderHit]]
"""Reads the facts of every document of a run, in input order (None for a document that could
not be read)."""


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    check: Check | None
    """Judges one document; None for a rule that compares documents (``check_folder``)."""
    options: tuple[Option[Any], ...] = ()
    """The options the rule reads; an option shared by several rules is declared once, beside
    the first of them, and listed by each."""
    check_folder: FolderCheck | None = None
    """Compares the documents of a run; None for a rule that judges one document."""

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
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    *,
    options: tuple[Option[Any], ...] = (),
) -> Callable[[Check], Check]:
    """Register a check function; its docstring is the rule's documentation."""

    def register(check: Check) -> Check:
        _register(Rule(code, name, severity, summary, _doc(check.__doc__), check, options))
        return check

    return register


def folder_rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    *,
    options: tuple[Option[Any], ...] = (),
) -> Callable[[FolderCheck], FolderCheck]:
    """Register a check across the documents of a run; its docstring is its documentation."""

    def register(check: FolderCheck) -> FolderCheck:
        doc = _doc(check.__doc__)
        _register(Rule(code, name, severity, summary, doc, None, options, check_folder=check))
        return check

    return register


@dataclass(slots=True)
class RuleSettings:
    """Which codes are reported, at which severity, with which local options; filled from the
    configuration and the command line. :meth:`adjust` is the one place where a finding's
    severity is decided: rules and readers report at their default severity."""

    severities: dict[str, Severity | Literal["off"]] = field(default_factory=dict)
    """From the configuration's ``rules`` table: a code's severity, or "off"."""
    select: tuple[str, ...] | None = None
    """Codes or code prefixes to report ("BF", "REQ006", "ALL"); None: every code."""
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    options: RuleOptions = field(default_factory=RuleOptions)

    def enabled(self, code: str, ignored: Iterable[str] = ()) -> bool:
        """Whether a code is reported. As in ruff, the most specific selector decides
        ("--select BF003 --ignore BF" keeps BF003) and between equally specific ones ignoring
        wins; the per-path ignores (``ignored``) always win."""
        if self.severities.get(code) == "off" or _specificity(code, ignored) >= 0:
            return False
        if self.select is None:
            selected = max(0, _specificity(code, self.extend_select))
        else:
            selected = _specificity(code, (*self.select, *self.extend_select))
        return selected >= 0 and selected > _specificity(code, self.ignore)

    def adjust(self, findings: Iterable[Finding], ignored: Iterable[str] = ()) -> list[Finding]:
        """The findings as configured: codes switched off, unselected or ignored dropped,
        severities overridden."""
        ignored = tuple(ignored)
        adjusted = []
        for finding in findings:
            if not self.enabled(finding.code, ignored):
                continue
            severity = self.severities.get(finding.code, finding.severity)
            if severity != finding.severity and severity != "off":
                finding = finding.model_copy(update={"severity": severity})
            adjusted.append(finding)
        return adjusted


def _specificity(code: str, selectors: Iterable[str]) -> int:
    """The length of the longest selector matching the code (0 for "ALL"), -1 for none."""
    best = -1
    for selector in selectors:
        wanted = selector.strip().upper()
        if wanted == "ALL":
            best = max(best, 0)
        elif wanted and code.startswith(wanted):
            best = max(best, len(wanted))
    return best


def all_rules() -> list[Rule]:
    """Every rule, grouped in the order of :data:`GROUPS`, by number within a group."""
    _load()
    order = list(GROUPS)
    return sorted(
        REGISTRY.values(),
        key=lambda entry: (order.index(entry.group), int(entry.code[len(entry.group) :])),
    )


def all_options() -> dict[str, Option[Any]]:
    """Every option the rules declare, by name, in the order of the rules that read them."""
    found: dict[str, Option[Any]] = {}
    for entry in all_rules():
        for option in entry.options:
            if found.setdefault(option.name, option) is not option:
                raise ValueError(f"option {option.name} declared twice")
    return found


def find_rule(code_or_name: str) -> Rule | None:
    """A rule by its code ("bf003" works too) or its name ("entscheidung-vor-vorberatung")."""
    _load()
    wanted = code_or_name.strip()
    by_code = REGISTRY.get(wanted.upper())
    if by_code is not None:
        return by_code
    return next((entry for entry in REGISTRY.values() if entry.name == wanted.lower()), None)


OTHER_DOCUMENT = "REQ012"
"""The rule that reports a document which is no Vorlage; the only one that runs on it."""


def run_rules(
    vorlage: Vorlage, evidence: Evidence | None = None, settings: RuleSettings | None = None
) -> list[Finding]:
    """The findings of every rule switched on, at the rules' default severities (the settings'
    :meth:`RuleSettings.adjust` applies the configured ones); without evidence (a Vorlage built
    by hand) the rules judge the values alone and the findings point nowhere."""
    settings = settings or RuleSettings()
    evidence = evidence or Evidence()
    findings: list[Finding] = []
    for current in all_rules():
        if current.check is None or not settings.enabled(current.code):
            continue
        if evidence.other_document is not None and current.code != OTHER_DOCUMENT:
            continue  # no Vorlage: its one finding says so, no rule judges it as one
        severity = current.severity
        for hit in current.check(vorlage, evidence, settings.options):
            place = evidence.place(hit.where or hit.field, hit.excerpt)
            location = place.location
            findings.append(
                Finding(
                    code=current.code,
                    severity=severity,
                    message=hit.message,
                    field=hit.field,
                    location=Location(
                        page=location.page if location else None,
                        line=location.line if location else None,
                        heading=place.heading,
                        paragraph=place.paragraph,
                    ),
                    excerpt=place.excerpt,
                )
            )
    return findings


MAX_RELATED = 10
"""Places in other documents a finding across documents points at, at most; its message counts
the rest."""


def run_folder_rules(documents: Sequence[DocumentFacts | None]) -> dict[int, list[Finding]]:
    """The findings of the checks across documents, by the position of the document each is
    about, at the rules' default severities (each document's configuration adjusts them, as
    for its own findings)."""
    from vorlage_cli.model import Related

    found: dict[int, list[Finding]] = {}
    for current in all_rules():
        if current.check_folder is None:
            continue
        for hit in current.check_folder(documents):
            related = []
            for index, spot in hit.others[:MAX_RELATED]:
                other = documents[index]
                assert other is not None
                related.append(
                    Related(
                        path=other.path,
                        format=other.format,
                        location=spot.location if spot else Location(),
                        excerpt=spot.excerpt if spot else None,
                    )
                )
            found.setdefault(hit.document, []).append(
                Finding(
                    code=current.code,
                    severity=current.severity,
                    message=hit.message,
                    field=hit.field,
                    location=hit.spot.location if hit.spot else Location(),
                    excerpt=hit.spot.excerpt if hit.spot else None,
                    related=related,
                )
            )
    return found


def _load() -> None:
    """Import the rule modules once; registration happens on import."""
    from vorlage_cli.rules import (  # noqa: F401
        beratungsfolge,
        completeness,
        dates,
        folder,
        money,
        publicity,
        references,
        signature,
    )
