"""What a run of ``check`` or ``export`` was asked to do, as one object.

The command line fills it from its options; ``commands.py`` reads it. Nothing here parses or
runs anything, so the same object serves the command line, the tests and any other caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from vorlage_cli.limits import DEFAULT_LIMITS, Limits
from vorlage_cli.terminal import ColorChoice


class OutputFormat(StrEnum):
    """The report formats of ``check``: human and html are for people, the others are machine
    formats for stdout."""

    human = "human"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    gitlab = "gitlab"
    html = "html"


class ExportFormat(StrEnum):
    """What ``export`` writes: the data contract (JSON Lines, or one JSON array), OParl 1.1
    Papers (JSON Lines), or one CSV row per document."""

    jsonl = "jsonl"
    json = "json"
    oparl = "oparl"
    csv = "csv"


class FailOn(StrEnum):
    """The least severity that makes ``check`` exit with 1."""

    error = "error"
    warning = "warning"
    info = "info"


@dataclass(frozen=True, slots=True)
class Options:
    """The options of a ``check`` or ``export`` run. The first group is shared, and so are
    ``output``/``force``; ``check`` reads the reporting group, ``export`` its own."""

    paths: tuple[Path, ...]
    """Files, folders and glob patterns, as given; ``-`` is one document on standard input."""
    exclude: tuple[str, ...] = ()
    allow_empty: bool = False
    """A folder or pattern that yields no document is no error."""
    config: Path | None = None
    """A configuration file for every document instead of the one found from each."""
    jobs: int | None = None
    """Worker processes; None: one per core."""
    timeout: float = 60.0
    """Seconds per document; 0: no limit."""
    password: str | None = None
    limits: Limits = DEFAULT_LIMITS
    quiet: bool = False
    color: ColorChoice = ColorChoice.auto

    # check
    output_format: OutputFormat = OutputFormat.human
    fail_on: FailOn = FailOn.error
    exit_zero: bool = False
    select: tuple[str, ...] | None = None
    """Codes or code prefixes to report instead of all (ruff's --select)."""
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    statistics: bool = False
    """End the report with a count per code."""
    baseline: Path | None = None
    update_baseline: bool = False

    # export
    export_format: ExportFormat = ExportFormat.jsonl
    base_url: str | None = None
    """Where OParl ids are minted; None: the configuration's, or the default."""
    delimiter: str = ";"
    """The CSV field separator."""
    # both
    output: str | None = None
    """The report's file (check); the export's file, or a folder (existing, or named with a
    trailing slash); None: stdout."""
    force: bool = False
