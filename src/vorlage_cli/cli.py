"""The command line: parse options, run the pipeline, pick the reporter, map the outcome to an
exit code (0 clean, 1 error findings, 2 an input could not be read or the call is wrong)."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from vorlage_cli import __version__

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
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(StrEnum):
    human = "human"
    jsonl = "jsonl"


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
        help="Files or folders; folders are searched recursively for .txt, .pdf, .docx, .html.",
        show_default=False,
    ),
]


@app.command()
def check(
    paths: PathsArgument,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="Report format: human (default) or jsonl."),
    ] = OutputFormat.human,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Show only documents with findings.")
    ] = False,
) -> None:
    """Check Vorlagen and report their fields and findings.

    Exit code 0: no document has an error; 1: at least one has; 2: an input could not be read.
    """
    from vorlage_cli.discovery import discover
    from vorlage_cli.pipeline import process
    from vorlage_cli.report import Summary, make_reporter

    reporter = make_reporter(output_format.value, sys.stdout, quiet=quiet)
    summary = Summary()
    for path in discover(paths):
        result = process(path)
        summary.add(result)
        reporter.document(result)
    reporter.finish(summary)
    raise typer.Exit(_exit_code(summary))


@app.command()
def export(
    paths: PathsArgument,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write JSON Lines to this file instead of stdout.",
            dir_okay=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing output file.")
    ] = False,
) -> None:
    """Export the extracted data as JSON Lines, one object per document, in input order.

    The object's shape is printed by `vorlage schema`. Exit code 2 when an input could not be
    read (its line then has "vorlage": null and the reason in "findings").
    """
    from vorlage_cli.discovery import discover
    from vorlage_cli.output import AtomicWriter, OutputError
    from vorlage_cli.pipeline import process
    from vorlage_cli.report import Summary
    from vorlage_cli.report.jsonl import JsonLinesReporter

    files = discover(paths)
    try:
        writer = AtomicWriter(output, inputs=files, force=force) if output else None
    except OutputError as error:
        typer.echo(f"vorlage: {error}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    summary = Summary()
    with writer if writer else nullcontext(sys.stdout) as stream:
        reporter = JsonLinesReporter(stream)
        for path in files:
            result = process(path)
            summary.add(result)
            reporter.document(result)
        reporter.finish(summary)
    raise typer.Exit(EXIT_UNREADABLE if summary.unreadable else EXIT_CLEAN)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one exported document (generated from the data model)."""
    import json

    from vorlage_cli.model import DocumentResult

    typer.echo(json.dumps(DocumentResult.model_json_schema(), indent=2, ensure_ascii=False))


@app.command()
def evaluate(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Golden files (*.golden.json) or folders containing them.", show_default=False
        ),
    ],
    documents: Annotated[
        Path | None,
        typer.Option(
            "--documents",
            "-d",
            help="Resolve the golden files' documents against this folder.",
            file_okay=False,
        ),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every mismatch.")] = False,
) -> None:
    """Measure extraction against hand-written golden files: field-level accuracy.

    See docs/golden-files.md for the format. Exit code 1 when any field differs.
    """
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

    goldens = find_goldens(paths)
    if not goldens:
        typer.echo("vorlage: keine Golden-Dateien (*.golden.json) gefunden", err=True)
        raise typer.Exit(EXIT_UNREADABLE)
    try:
        loaded = [load_golden(path, documents) for path in goldens]
    except GoldenError as error:
        typer.echo(f"vorlage: {error}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    checks = run_evaluation(loaded, lambda path: read_vorlage(path)[1])
    print_evaluation(checks, sys.stdout, verbose=verbose)
    raise typer.Exit(EXIT_CLEAN if all(check.ok for check in checks) else EXIT_FINDINGS)


def _exit_code(summary: object) -> int:
    if summary.unreadable:  # type: ignore[attr-defined]
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if summary.with_errors else EXIT_CLEAN  # type: ignore[attr-defined]


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        # The one call that needs no command machinery: answer before importing it.
        print(f"vorlage {__version__}")
        return
    app()
