"""The command line: parse options, run the pipeline, pick the reporter, map the outcome to an
exit code (0 clean, 1 findings at or above --fail-on, 2 an input could not be read or the call
is wrong).

Heavy modules (pydantic, rich, the readers) are imported inside the commands, so that
``--help`` and a check of one short text file start quickly."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple, NoReturn

import typer

from vorlage_cli import __version__
from vorlage_cli.limits import DEFAULT_LIMITS, MB, Limits
from vorlage_cli.terminal import ColorChoice, use_color

if TYPE_CHECKING:
    from vorlage_cli.baseline import Baseline
    from vorlage_cli.model import DocumentResult
    from vorlage_cli.pipeline import Checker
    from vorlage_cli.report import Summary
    from vorlage_cli.runner import Task

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2

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


class OutputFormat(StrEnum):
    human = "human"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    gitlab = "gitlab"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


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
    from vorlage_cli.report import Summary, make_reporter

    refused: dict[Path, str] = {}
    files = _inputs(paths, exclude, refused, quiet=quiet)
    reading = _Reading(
        _limits(max_file_size, max_pages, max_lines, max_unpacked_size), password, refused
    )
    if update_baseline:
        if baseline is None:
            _fail("--update-baseline braucht --baseline DATEI")
        checker, _ = _checker(files, config, None, reading)
        results = _processed(
            files, checker, jobs=jobs, timeout=timeout, quiet=quiet, to_stdout=False, color=color
        )
        _record_baseline(baseline, list(results))
    checker, known = _checker(files, config, baseline, reading)
    reporter = make_reporter(
        output_format.value, sys.stdout, quiet=quiet, color=use_color(color, sys.stdout)
    )
    summary = Summary()
    left_out = 0
    for result in _processed(
        files, checker, jobs=jobs, timeout=timeout, quiet=quiet, to_stdout=True, color=color
    ):
        if known is not None:
            result, hidden = known.filter(result)
            left_out += hidden
        summary.add(result)
        reporter.document(result)
    reporter.finish(summary)
    if left_out:
        typer.echo(f"vorlage: {left_out} bekannte Befunde aus {baseline} ausgeblendet", err=True)
    raise typer.Exit(_exit_code(summary, fail_on, exit_zero=exit_zero))


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
    from vorlage_cli.output import (
        AtomicWriter,
        FolderWriter,
        OutputError,
        resolved,
        terminate_like_interrupt,
    )
    from vorlage_cli.report import Summary
    from vorlage_cli.report.jsonl import JsonLinesReporter

    refused: dict[Path, str] = {}
    files = _inputs(paths, exclude, refused, quiet=quiet)
    reading = _Reading(
        _limits(max_file_size, max_pages, max_lines, max_unpacked_size), password, refused
    )
    checker, _ = _checker(files, config, None, reading)
    summary = Summary()
    unwritten = 0
    folder, sink = None, None
    try:
        # the inputs' resolved paths are needed only to keep an output off them
        if output is not None and (output.endswith(("/", os.sep)) or Path(output).is_dir()):
            folder = FolderWriter(Path(output), inputs=resolved(files), force=force)
        elif output is not None:
            sink = AtomicWriter(Path(output), inputs=resolved(files), force=force)
    except OutputError as error:
        _fail(str(error))
    with terminate_like_interrupt():
        results = _processed(
            files, checker, jobs=jobs, timeout=timeout, quiet=quiet, to_stdout=output is None
        )
        if folder is not None:
            for result in results:
                summary.add(result)
                try:
                    folder.write(result)
                except OutputError as error:
                    unwritten += 1
                    typer.echo(f"vorlage: {error}", err=True)
        else:
            with sink if sink else nullcontext(sys.stdout) as stream:
                reporter = JsonLinesReporter(stream)
                for result in results:
                    summary.add(result)
                    reporter.document(result)
                reporter.finish(summary)
    raise typer.Exit(EXIT_UNREADABLE if summary.unreadable or unwritten else EXIT_CLEAN)


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
        typer.echo("vorlage: keine Golden-Dateien (*.golden.json) gefunden", err=True)
        raise typer.Exit(EXIT_UNREADABLE)
    try:
        loaded = [load_golden(path, documents) for path in goldens]
    except GoldenError as error:
        typer.echo(f"vorlage: {error}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
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
    checker, _ = _checker(files, config, None, _Reading(DEFAULT_LIMITS, None, {}))
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
        typer.Option("--markdown", help="Print the whole catalogue as Markdown (docs/rules.md)."),
    ] = False,
) -> None:
    """List the rules and the other finding codes, or show one code's documentation."""
    from vorlage_cli.report.catalogue import markdown as catalogue_markdown
    from vorlage_cli.report.catalogue import print_catalogue, print_entry
    from vorlage_cli.rules.catalogue import catalogue, lookup

    if markdown:
        sys.stdout.write(catalogue_markdown(catalogue()))
    elif code is None:
        print_catalogue(catalogue(), sys.stdout)
    else:
        entry = lookup(code)
        if entry is None:
            _fail(f"unbekannter Code oder Regelname: {code} (Liste: vorlage rules)")
        print_entry(entry, sys.stdout)


class _Reading(NamedTuple):
    """How every document of a run is read: the limits, a PDF password, and the files that
    discovery found but will not let a reader open (with the reason)."""

    limits: Limits
    password: str | None
    refused: dict[Path, str]


def _limits(max_file_size: int, max_pages: int, max_lines: int, max_unpacked_size: int) -> Limits:
    return Limits(
        max_file_size=max_file_size * MB,
        max_pages=max_pages,
        max_lines=max_lines,
        max_unpacked_size=max_unpacked_size * MB,
    )


def _checker(
    files: list[Path], config: Path | None, baseline: Path | None, reading: _Reading
) -> tuple[Checker, Baseline | None]:
    """The pipeline with every document's configuration resolved, and the baseline: problems
    with either end the run before any output."""
    from vorlage_cli.baseline import Baseline, BaselineError
    from vorlage_cli.config import ConfigError, ConfigResolver
    from vorlage_cli.pipeline import Checker

    try:
        resolver = ConfigResolver(config)
        for path in files:
            resolver.for_document(path)
        known = Baseline.load(baseline) if baseline is not None else None
    except (ConfigError, BaselineError) as error:
        _fail(str(error))
    return Checker(resolver, *reading), known


def _record_baseline(path: Path, results: list[DocumentResult]) -> NoReturn:
    """Write every finding to the baseline instead of reporting; exit 2 if an input could not
    be read (its error is recorded too, but the run did not check it)."""
    from vorlage_cli.baseline import write_baseline
    from vorlage_cli.output import OutputError

    try:
        count = write_baseline(path, results)
    except OutputError as error:
        _fail(str(error))
    typer.echo(f"vorlage: {count} Befunde in die Baseline {path} geschrieben", err=True)
    unreadable = any(result.vorlage is None for result in results)
    raise typer.Exit(EXIT_UNREADABLE if unreadable else EXIT_CLEAN)


def _fail(message: str) -> NoReturn:
    typer.echo(f"vorlage: {message}", err=True)
    raise typer.Exit(EXIT_UNREADABLE)


def _inputs(
    paths: list[Path], exclude: list[str] | None, refused: dict[Path, str], *, quiet: bool
) -> list[Path]:
    from vorlage_cli.discovery import discover

    files = discover(paths, exclude or (), refused)
    if not files and not quiet:
        typer.echo("vorlage: keine Dokumente gefunden", err=True)
    return files


def _processed(
    files: list[Path],
    task: Task,
    *,
    jobs: int | None,
    timeout: float,
    quiet: bool,
    to_stdout: bool,
    color: ColorChoice = ColorChoice.auto,
) -> Iterator[DocumentResult]:
    """The documents' results in input order, with a progress bar on stderr where wanted."""
    from vorlage_cli.runner import default_jobs, process_all
    from vorlage_cli.terminal import progress, wants_progress

    shown = wants_progress(len(files), quiet=quiet, report_to_stdout=to_stdout)
    with progress(len(files), enabled=shown, color=use_color(color, sys.stderr)) as advance:
        for result in process_all(
            files, jobs=jobs or default_jobs(), timeout=timeout or None, task=task
        ):
            yield result
            advance()


def _exit_code(summary: Summary, fail_on: FailOn, *, exit_zero: bool) -> int:
    if summary.unreadable:
        return EXIT_UNREADABLE
    at_or_above = {
        FailOn.error: summary.errors,
        FailOn.warning: summary.errors + summary.warnings,
        FailOn.info: summary.errors + summary.warnings + summary.infos,
    }[fail_on]
    return EXIT_FINDINGS if at_or_above and not exit_zero else EXIT_CLEAN


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        # The one call that needs no command machinery: answer before importing it.
        print(f"vorlage {__version__}")
        return
    try:
        app()
    except Exception as error:
        # Each document's errors are findings already (pipeline, runner); this is the last
        # guard for a bug outside them: one line, not a traceback that might show a password or
        # document text, unless a developer asks for it.
        if os.environ.get("VORLAGE_DEBUG"):
            raise
        detail = (str(error).splitlines() or [""])[0][:200]
        print(
            f"vorlage: interner Fehler ({type(error).__name__}: {detail}); "
            "VORLAGE_DEBUG=1 zeigt die Einzelheiten",
            file=sys.stderr,
        )
        sys.exit(EXIT_UNREADABLE)
