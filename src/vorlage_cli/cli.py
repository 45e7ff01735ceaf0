"""The command line: parse the options into an :class:`Options`, pick the reporter, and call
``commands.py``, which runs the documents and returns the exit code (0 clean, 1 findings at or
above --fail-on, 2 an input could not be read or the call is wrong).

Heavy modules (pydantic, rich, the readers) are imported inside the commands, so that
``--help`` and a check of one short text file start quickly."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from vorlage_cli import __version__
from vorlage_cli.commands import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_UNREADABLE,
    RunError,
    checker_for,
    run_check,
    run_export,
)
from vorlage_cli.limits import DEFAULT_LIMITS, MB, Limits
from vorlage_cli.options import FailOn, Options, OutputFormat
from vorlage_cli.terminal import ColorChoice, note, use_color

if TYPE_CHECKING:
    from vorlage_cli.config import Config

T = TypeVar("T")

app = typer.Typer(
    name="vorlage",
    help=(
        "Read German council submissions (Vorlagen) from text, PDF, DOCX and RIS web pages, "
        "extract their fields and check them for completeness and consistency."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vorlage {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Read German council submissions (Vorlagen) and check them."""


PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        help=(
            "Files, folders or glob patterns ('vorlagen/**/*.pdf'); folders are searched "
            "recursively for .txt, .pdf, .docx, .html."
        ),
        show_default=False,
    ),
]
ExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        "-e",
        metavar="PATTERN",
        help=(
            "Leave out files whose name, a folder on their path, or a part of their path "
            "matches this glob ('archiv', '*.html', 'alt/*.pdf'); repeatable."
        ),
        show_default=False,
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Worker processes (default: the number of cores). Output order never depends on it.",
        show_default=False,
    ),
]
TimeoutOption = Annotated[
    float,
    typer.Option(
        "--timeout",
        min=0,
        help="Time limit per document in seconds (0: none); a document over it is reported as "
        "finding RD020 and the others go on.",
    ),
]
PasswordOption = Annotated[
    str | None,
    typer.Option(
        "--password",
        envvar="VORLAGE_PASSWORD",
        help="Password for encrypted PDFs (tried on every encrypted input); the environment "
        "variable keeps it out of the process list.",
        show_default=False,
    ),
]
MaxFileSizeOption = Annotated[
    int, typer.Option("--max-file-size", min=1, help="Largest file read, in MB.")
]
MaxPagesOption = Annotated[
    int,
    typer.Option("--max-pages", min=1, help="PDF pages read per document; later ones are skipped."),
]
MaxLinesOption = Annotated[
    int,
    typer.Option(
        "--max-lines", min=1, help="Lines and table rows read per document; later ones are skipped."
    ),
]
MaxUnpackedOption = Annotated[
    int,
    typer.Option(
        "--max-unpacked-size", min=1, help="Largest decompressed size of a DOCX package, in MB."
    ),
]
AllowEmptyOption = Annotated[
    bool,
    typer.Option(
        "--allow-empty",
        help="A folder or pattern that yields no document is no error (exit code 0).",
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", help="Human format: only documents with findings. No progress bar."
    ),
]


ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="Use this configuration file for every document instead of the .vorlage.toml or "
        "pyproject.toml [tool.vorlage] found from each document's folder upwards.",
        dir_okay=False,
        show_default=False,
    ),
]


@app.command()
def check(
    paths: PathsArgument,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="Report format: human, or a machine format for CI (json, jsonl, sarif, "
            "github, junit, gitlab) written to stdout alone.",
        ),
    ] = OutputFormat.human,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on", help="Exit with 1 when a finding of this severity or worse is found."
        ),
    ] = FailOn.error,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero", help="Exit with 0 even when there are findings (report-only runs)."
        ),
    ] = False,
    config: ConfigOption = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="Leave out the findings recorded in this baseline file: only new ones count.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    update_baseline: Annotated[
        bool,
        typer.Option(
            "--update-baseline",
            help="Record every current finding in the --baseline file instead of reporting.",
        ),
    ] = False,
    quiet: QuietOption = False,
    color: Annotated[
        ColorChoice,
        typer.Option("--color", help="Colour the human report: auto respects NO_COLOR."),
    ] = ColorChoice.auto,
    exclude: ExcludeOption = None,
    allow_empty: AllowEmptyOption = False,
    jobs: JobsOption = None,
    timeout: TimeoutOption = 60.0,
    password: PasswordOption = None,
    max_file_size: MaxFileSizeOption = DEFAULT_LIMITS.max_file_size // MB,
    max_pages: MaxPagesOption = DEFAULT_LIMITS.max_pages,
    max_lines: MaxLinesOption = DEFAULT_LIMITS.max_lines,
    max_unpacked_size: MaxUnpackedOption = DEFAULT_LIMITS.max_unpacked_size // MB,
) -> None:
    """Check Vorlagen and report their fields and findings.

    Exit code 0: no finding at or above --fail-on; 1: at least one; 2: an input could not be
    read (or the call is wrong).
    """
    from vorlage_cli.report import make_reporter

    options = Options(
        paths=tuple(paths),
        exclude=tuple(exclude or ()),
        allow_empty=allow_empty,
        config=config,
        jobs=jobs,
        timeout=timeout,
        password=password,
        limits=_limits(max_file_size, max_pages, max_lines, max_unpacked_size),
        quiet=quiet,
        color=color,
        output_format=output_format,
        fail_on=fail_on,
        exit_zero=exit_zero,
        baseline=baseline,
        update_baseline=update_baseline,
    )
    reporter = make_reporter(
        output_format.value, sys.stdout, quiet=quiet, color=use_color(color, sys.stdout)
    )
    _run(run_check, options, reporter)


@app.command()
def export(
    paths: PathsArgument,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE|FOLDER/",
            help="Write JSON Lines to this file, or, for a folder (an existing one, or a name "
            "ending in '/'), one <number>.json per document. Default: stdout.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite existing output files.")
    ] = False,
    config: ConfigOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    exclude: ExcludeOption = None,
    allow_empty: AllowEmptyOption = False,
    jobs: JobsOption = None,
    timeout: TimeoutOption = 60.0,
    password: PasswordOption = None,
    max_file_size: MaxFileSizeOption = DEFAULT_LIMITS.max_file_size // MB,
    max_pages: MaxPagesOption = DEFAULT_LIMITS.max_pages,
    max_lines: MaxLinesOption = DEFAULT_LIMITS.max_lines,
    max_unpacked_size: MaxUnpackedOption = DEFAULT_LIMITS.max_unpacked_size // MB,
) -> None:
    """Export the extracted data, one object per document, in input order.

    The object's shape is printed by `vorlage schema`. Files are written atomically; an input
    is never overwritten, an existing output only with --force. Exit code 2 when an input could
    not be read (its object then has "vorlage": null and the reason in "findings") or an output
    could not be written.
    """

    options = Options(
        paths=tuple(paths),
        exclude=tuple(exclude or ()),
        allow_empty=allow_empty,
        config=config,
        jobs=jobs,
        timeout=timeout,
        password=password,
        limits=_limits(max_file_size, max_pages, max_lines, max_unpacked_size),
        quiet=quiet,
        output=output,
        force=force,
    )
    _run(run_export, options)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one exported document (generated from the data model)."""
    import json

    from vorlage_cli.model import DocumentResult

    typer.echo(json.dumps(DocumentResult.model_json_schema(), indent=2, ensure_ascii=False))


@app.command()
def evaluate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Golden files (*.golden.json) or folders containing them.", show_default=False
        ),
    ] = None,
    documents: Annotated[
        Path | None,
        typer.Option(
            "--documents",
            "-d",
            help="Resolve the golden files' or OParl records' documents against this folder.",
            file_okay=False,
        ),
    ] = None,
    oparl: Annotated[
        Path | None,
        typer.Option(
            "--oparl",
            help="Compare with a city's OParl Paper records (JSON Lines or a JSON array) "
            "instead of golden files.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    meetings: Annotated[
        Path | None,
        typer.Option(
            "--meetings",
            help="The OParl Meeting records the papers' consultations point to (their dates "
            "and bodies).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every mismatch.")] = False,
    config: ConfigOption = None,
    jobs: JobsOption = None,
) -> None:
    """Measure extraction against hand-written golden files, or against a city's OParl records.

    See docs/golden-files.md for the format. Exit code 1 when any field differs.
    """
    if oparl is not None:
        _evaluate_oparl(oparl, meetings, documents, verbose=verbose, config=config, jobs=jobs)
    from vorlage_cli.config import ConfigError, ConfigResolver
    from vorlage_cli.evaluate import (
        GoldenError,
        find_goldens,
        load_golden,
    )
    from vorlage_cli.evaluate import (
        evaluate as run_evaluation,
    )
    from vorlage_cli.pipeline import read_vorlage
    from vorlage_cli.report.evaluation import print_evaluation

    goldens = find_goldens(paths or [])
    if not goldens:
        _fail("keine Golden-Dateien (*.golden.json) gefunden")
    try:
        loaded = [load_golden(path, documents) for path in goldens]
    except GoldenError as error:
        _fail(str(error))
    try:
        configs = ConfigResolver(config)
        checks = run_evaluation(
            loaded, lambda path: read_vorlage(path, configs.for_document(path).lexicon)[1]
        )
    except ConfigError as error:
        _fail(str(error))
    print_evaluation(checks, sys.stdout, verbose=verbose)
    raise typer.Exit(EXIT_CLEAN if all(check.ok for check in checks) else EXIT_FINDINGS)


def _evaluate_oparl(
    papers: Path,
    meetings: Path | None,
    documents: Path | None,
    *,
    verbose: bool,
    config: Path | None,
    jobs: int | None,
) -> NoReturn:
    from vorlage_cli.discovery import Inputs
    from vorlage_cli.oparl_compare import RecordError, compare, load_records
    from vorlage_cli.report.evaluation import print_oparl_evaluation
    from vorlage_cli.runner import default_jobs, process_all

    try:
        records = load_records(papers, meetings, documents)
    except RecordError as error:
        _fail(str(error))
    if not records.found:
        _fail(f"{papers}: kein Datensatz mit auffindbarem Dokument")
    files = [record.document for record in records.found]
    inputs = Inputs(files=files)
    checker, _ = _call(checker_for, inputs, Options(paths=tuple(files), config=config))
    checks = []
    results = process_all(files, jobs=jobs or default_jobs(), timeout=None, task=checker)
    for record, result in zip(records.found, results, strict=True):
        lexicon = checker.configs.for_document(record.document).lexicon
        checks.extend(compare(record, result.vorlage, lexicon))
    print_oparl_evaluation(checks, records.without_document, sys.stdout, verbose=verbose)
    raise typer.Exit(EXIT_CLEAN if all(check.ok for check in checks) else EXIT_FINDINGS)


@app.command()
def rules(
    code: Annotated[
        str | None,
        typer.Argument(
            help="A code (BF003) or name (entscheidung-vor-vorberatung).", show_default=False
        ),
    ] = None,
    markdown: Annotated[
        bool,
        typer.Option(
            "--markdown",
            help="Print the whole catalogue as Markdown (docs/rules.md); with --options, "
            "docs/configuration.md.",
        ),
    ] = False,
    options: Annotated[
        bool,
        typer.Option("--options", help="List the rules' options with their configured values."),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """List the rules and the other finding codes with the severities configured here (the
    configuration found from the working directory, or --config), or show one code's
    documentation."""
    from vorlage_cli.report import catalogue as shown
    from vorlage_cli.report.configuration import markdown as configuration_markdown
    from vorlage_cli.rules.catalogue import catalogue, lookup

    if markdown:
        text = configuration_markdown() if options else shown.markdown(catalogue())
        sys.stdout.write(text)
        return
    configured = _configured(config)
    if options:
        shown.print_options(configured, sys.stdout)
    elif code is None:
        shown.print_catalogue(catalogue(), sys.stdout, configured)
    else:
        entry = lookup(code)
        if entry is None:
            _fail(f"unbekannter Code oder Regelname: {code} (Liste: vorlage rules)")
        shown.print_entry(entry, sys.stdout, configured)


def _configured(explicit: Path | None) -> Config:
    """The configuration given, or the one that applies to the working directory."""
    from vorlage_cli.config import Config, ConfigError, find_config, load_config

    try:
        found = explicit or find_config(Path.cwd())
        return load_config(found) if found is not None else Config()
    except ConfigError as error:
        _fail(str(error))


def _limits(max_file_size: int, max_pages: int, max_lines: int, max_unpacked_size: int) -> Limits:
    return Limits(
        max_file_size=max_file_size * MB,
        max_pages=max_pages,
        max_lines=max_lines,
        max_unpacked_size=max_unpacked_size * MB,
    )


def _call(function: Callable[..., T], *args: object) -> T:
    """Call into commands.py, turning a run that cannot go on into its one-line message."""
    try:
        return function(*args)
    except RunError as error:
        _fail(str(error))


def _run(command: Callable[..., int], *args: object) -> NoReturn:
    raise typer.Exit(_call(command, *args))


def _fail(message: str) -> NoReturn:
    note(message)
    raise typer.Exit(EXIT_UNREADABLE)


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        # The one call that needs no command machinery: answer before importing it.
        print(f"vorlage {__version__}")
        return
    try:
        app()
    except BrokenPipeError:
        # The reader of a pipe stopped reading (``| head``): nothing is wrong, and nothing more
        # can be said; stdout goes to nowhere so that Python's final flush fails no more.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_UNREADABLE)
    except Exception as error:
        # Each document's errors are findings already (pipeline, runner); this is the last
        # guard for a bug outside them.
        from vorlage_cli.internal import internal_error

        note(internal_error(error))
        sys.exit(EXIT_UNREADABLE)
