"""What ``check`` and ``export`` do once their options are parsed: find the inputs, resolve each
document's configuration, run the pipeline over them, hand the results to a reporter or a
writer, and decide the exit code.

Kept apart from cli.py so that the command line only parses and calls, and so that tests and
other callers run exactly what a user runs. Problems that end a run before or between documents
(a broken configuration, an output that may not be written) raise :class:`RunError`; problems of
one document are findings on it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from vorlage_cli.options import FailOn, Options
from vorlage_cli.terminal import note, use_color

if TYPE_CHECKING:
    from vorlage_cli.baseline import Baseline
    from vorlage_cli.model import DocumentResult
    from vorlage_cli.pipeline import Checker
    from vorlage_cli.report import Reporter, Summary
    from vorlage_cli.runner import Task

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2
"""As ruff has them: clean; findings at or above --fail-on; could not run or read an input."""


class RunError(Exception):
    """A run that cannot start or go on; the message is one German line for ``vorlage: …``,
    and the exit code is 2."""


def run_check(options: Options, reporter: Reporter) -> int:
    """Check the inputs and report each document to ``reporter``; returns the exit code.
    With ``update_baseline`` the findings are recorded in the baseline instead."""
    from vorlage_cli.report import Summary

    files, refused = _inputs(options)
    if options.update_baseline:
        return _record_baseline(options, files, refused)
    checker, known = checker_for(files, options, refused, baseline=options.baseline)
    summary = Summary()
    left_out = 0
    for result in _processed(files, checker, options, to_stdout=True):
        if known is not None:
            result, hidden = known.filter(result)
            left_out += hidden
        summary.add(result)
        reporter.document(result)
    reporter.finish(summary)
    if left_out:
        note(f"{left_out} bekannte Befunde aus {options.baseline} ausgeblendet")
    return exit_code(summary, options.fail_on, exit_zero=options.exit_zero)


def run_export(options: Options) -> int:
    """Write the data contract of every input, to stdout, a JSON Lines file or a folder;
    returns the exit code."""
    from vorlage_cli.output import (
        AtomicWriter,
        FolderWriter,
        OutputError,
        resolved,
        terminate_like_interrupt,
    )
    from vorlage_cli.report import Summary
    from vorlage_cli.report.jsonl import JsonLinesReporter

    files, refused = _inputs(options)
    checker, _ = checker_for(files, options, refused)
    summary = Summary()
    unwritten = 0
    output = options.output
    folder, sink = None, None
    try:
        # the inputs' resolved paths are needed only to keep an output off them
        if output is not None and (output.endswith(("/", os.sep)) or Path(output).is_dir()):
            folder = FolderWriter(Path(output), inputs=resolved(files), force=options.force)
        elif output is not None:
            sink = AtomicWriter(Path(output), inputs=resolved(files), force=options.force)
    except OutputError as error:
        raise RunError(str(error)) from None
    with terminate_like_interrupt():
        results = _processed(files, checker, options, to_stdout=output is None)
        if folder is not None:
            for result in results:
                summary.add(result)
                try:
                    folder.write(result)
                except OutputError as error:
                    unwritten += 1
                    note(str(error))
        else:
            with sink if sink else nullcontext(sys.stdout) as stream:
                reporter = JsonLinesReporter(stream)
                for result in results:
                    summary.add(result)
                    reporter.document(result)
                reporter.finish(summary)
    return EXIT_UNREADABLE if summary.unreadable or unwritten else EXIT_CLEAN


def exit_code(summary: Summary, fail_on: FailOn, *, exit_zero: bool) -> int:
    if summary.unreadable:
        return EXIT_UNREADABLE
    at_or_above = {
        FailOn.error: summary.errors,
        FailOn.warning: summary.errors + summary.warnings,
        FailOn.info: summary.errors + summary.warnings + summary.infos,
    }[fail_on]
    return EXIT_FINDINGS if at_or_above and not exit_zero else EXIT_CLEAN


def checker_for(
    files: list[Path],
    options: Options,
    refused: dict[Path, str] | None = None,
    *,
    baseline: Path | None = None,
) -> tuple[Checker, Baseline | None]:
    """The pipeline with every document's configuration resolved, and the baseline: problems
    with either end the run before any output."""
    from vorlage_cli.baseline import Baseline, BaselineError
    from vorlage_cli.config import ConfigError, ConfigResolver
    from vorlage_cli.pipeline import Checker

    try:
        resolver = ConfigResolver(options.config)
        for path in files:
            resolver.for_document(path)
        known = Baseline.load(baseline) if baseline is not None else None
    except (ConfigError, BaselineError) as error:
        raise RunError(str(error)) from None
    checker = Checker(resolver, options.limits, options.password, refused or {})
    return checker, known


def _record_baseline(options: Options, files: list[Path], refused: dict[Path, str]) -> int:
    """Write every finding to the baseline instead of reporting; exit 2 if an input could not
    be read (its error is recorded too, but the run did not check it)."""
    from vorlage_cli.baseline import write_baseline
    from vorlage_cli.output import OutputError

    if options.baseline is None:
        raise RunError("--update-baseline braucht --baseline DATEI")
    checker, _ = checker_for(files, options, refused)
    results = list(_processed(files, checker, options, to_stdout=False))
    try:
        count = write_baseline(options.baseline, results)
    except OutputError as error:
        raise RunError(str(error)) from None
    note(f"{count} Befunde in die Baseline {options.baseline} geschrieben")
    unreadable = any(result.vorlage is None for result in results)
    return EXIT_UNREADABLE if unreadable else EXIT_CLEAN


def _inputs(options: Options) -> tuple[list[Path], dict[Path, str]]:
    """The files to read, and those found but refused (with the reason)."""
    from vorlage_cli.discovery import discover

    refused: dict[Path, str] = {}
    files = discover(options.paths, options.exclude, refused)
    if not files and not options.quiet:
        note("keine Dokumente gefunden")
    return files, refused


def _processed(
    files: list[Path], task: Task, options: Options, *, to_stdout: bool
) -> Iterator[DocumentResult]:
    """The documents' results in input order, with a progress bar on stderr where wanted."""
    from vorlage_cli.runner import default_jobs, process_all
    from vorlage_cli.terminal import progress, wants_progress

    shown = wants_progress(len(files), quiet=options.quiet, report_to_stdout=to_stdout)
    color = use_color(options.color, sys.stderr)
    with progress(len(files), enabled=shown, color=color) as advance:
        for result in process_all(
            files,
            jobs=options.jobs or default_jobs(),
            timeout=options.timeout or None,
            task=task,
        ):
            yield result
            advance()
