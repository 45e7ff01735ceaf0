"""What ``check`` and ``export`` do once their options are parsed: find the inputs, resolve each
document's configuration, run the pipeline over them, hand the results to a reporter or a
writer, and decide the exit code.

Kept apart from cli.py so that the command line only parses and calls, and so that tests and
other callers run exactly what a user runs. Problems that end a run before or between documents
(a broken configuration, nothing to check, an output that cannot be written) raise
:class:`RunError`; problems of one document are findings on it.

Besides the report or the data on stdout, a run says on stderr what a person must know: files
passed over, every input that could not be read with its reason, and, last, one line that sums
the run up (``--quiet`` leaves out all but the errors).
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, TypeVar

from vorlage_cli.options import ExportFormat, FailOn, Options
from vorlage_cli.terminal import note, use_color

if TYPE_CHECKING:
    from vorlage_cli.baseline import Baseline
    from vorlage_cli.discovery import Inputs
    from vorlage_cli.model import DocumentResult
    from vorlage_cli.pipeline import Checker
    from vorlage_cli.report import Reporter, Summary
    from vorlage_cli.runner import Task

T = TypeVar("T")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2
"""As ruff has them: clean; findings at or above --fail-on; could not run or read an input."""


class RunError(Exception):
    """A run that cannot start or go on; the message is one German line for ``vorlage: …``,
    and the exit code is 2."""


def run_check(options: Options, reporter_for: Callable[[IO[str]], Reporter]) -> int:
    """Check the inputs and report each document to the reporter made for the report's stream
    (stdout, or the file ``output`` names, written whole or not at all); returns the exit code.
    With ``update_baseline`` the findings are recorded in the baseline instead."""
    from vorlage_cli.report import Summary

    inputs = _inputs(options)
    if options.update_baseline:
        return _record_baseline(options, inputs)
    checker, known = checker_for(inputs, options, baseline=options.baseline)
    summary = Summary()
    left_out = 0
    failed: list[DocumentResult] = []
    counts: Counter[tuple[str, str]] = Counter()
    to_stdout = options.output is None
    # a file's write errors name the file (AtomicWriter), stdout's are said here
    send = _to_stdout if to_stdout else _call
    with (
        _report_stream(options, inputs.files) as stream,
        _checked(inputs.files, checker, options, to_stdout=to_stdout) as results,
    ):
        reporter = reporter_for(stream)
        for result in results:
            if known is not None:
                result, hidden = known.filter(result)
                left_out += hidden
            summary.add(result)
            counts.update((finding.code, finding.severity) for finding in result.findings)
            if result.vorlage is None:
                failed.append(result)
            send(reporter.document, result)
        send(reporter.finish, summary)
    if options.statistics:
        _statistics(counts, machine=options.output_format.value != "human")
    if left_out:
        _tell(options, f"{left_out} bekannte Befunde aus {options.baseline} ausgeblendet")
    _name_failures(failed)
    _tell(options, summary.in_words())
    return exit_code(summary, options.fail_on, exit_zero=options.exit_zero)


@contextmanager
def _report_stream(options: Options, files: list[Path]) -> Iterator[IO[str]]:
    """Where the report goes: stdout, or the file ``output`` names, written atomically, never
    over an input and over an existing file only with ``force``."""
    if options.output is None:
        yield sys.stdout
        return
    from vorlage_cli.output import AtomicWriter, OutputError, resolved

    try:
        with AtomicWriter(
            Path(options.output), inputs=resolved(files), force=options.force
        ) as stream:
            yield stream
    except OutputError as error:
        raise RunError(str(error)) from None


def _statistics(counts: Counter[tuple[str, str]], *, machine: bool) -> None:
    """A count per code, most frequent first, as ruff's --statistics prints it: on stdout
    after a report for people, on stderr beside a machine format's stdout."""
    from vorlage_cli.rules.catalogue import lookup

    stream = sys.stderr if machine else sys.stdout
    width = max((len(str(count)) for count in counts.values()), default=1)
    for (code, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        entry = lookup(code)
        name = entry.name if entry is not None else ""
        print(f"{count:>{width}}  {code:<7} {severity:<8} {name}", file=stream)


def run_export(options: Options) -> int:
    """Write every input in the chosen format (the data contract, OParl Papers, CSV), to
    stdout, a file or, one file per document, a folder; returns the exit code."""
    from vorlage_cli.output import (
        AtomicWriter,
        FolderWriter,
        OutputError,
        WriteError,
        resolved,
        terminate_like_interrupt,
    )
    from vorlage_cli.report import Summary

    inputs = _inputs(options)
    files = inputs.files
    checker, _ = checker_for(inputs, options)
    if options.export_format is ExportFormat.oparl:
        checker = replace(checker, with_facts=True)
    export = _Export(options, checker)
    summary = Summary()
    unwritten = 0
    failed: list[DocumentResult] = []
    output = options.output
    folder, sink = None, None
    try:
        # the inputs' resolved paths are needed only to keep an output off them
        if output is not None and (output.endswith(("/", os.sep)) or Path(output).is_dir()):
            if options.export_format is ExportFormat.csv:
                raise RunError(
                    f"{output}: CSV ist eine Tabelle für alle Dokumente: in eine Datei "
                    "schreiben, nicht in einen Ordner"
                )
            folder = FolderWriter(
                Path(output), inputs=resolved(files), force=options.force, render=export.one
            )
        elif output is not None:
            sink = AtomicWriter(Path(output), inputs=resolved(files), force=options.force)
        # a CSV row counts the findings as check does, those across documents included
        counted = (
            _checked(files, checker, options, to_stdout=output is None)
            if options.export_format is ExportFormat.csv
            else nullcontext(_processed(files, checker, options, to_stdout=output is None))
        )
        with terminate_like_interrupt(), counted as results:
            if folder is not None:
                for result in results:
                    summary.add(result)
                    if result.vorlage is None:
                        failed.append(result)
                    try:
                        folder.write(result)
                    except WriteError:
                        raise
                    except OutputError as error:
                        unwritten += 1
                        note(str(error))
            else:
                # a file's write errors name the file (AtomicWriter), stdout's are said here
                send = _to_stdout if sink is None else _call
                with sink if sink else nullcontext(sys.stdout) as stream:
                    reporter = export.reporter(stream)
                    for result in results:
                        summary.add(result)
                        if result.vorlage is None:
                            failed.append(result)
                        send(reporter.document, result)
                    send(reporter.finish, summary)
    except OutputError as error:
        raise RunError(str(error)) from None
    _name_failures(failed)
    _tell(options, summary.exported_in_words(output, unwritten))
    return EXIT_UNREADABLE if summary.unreadable or unwritten else EXIT_CLEAN


class _Export:
    """What ``export`` writes in its format: a reporter for a stream, or the text of one
    document for a folder (None: nothing to write, a document that is no OParl Paper)."""

    def __init__(self, options: Options, checker: Checker) -> None:
        from vorlage_cli.report.oparl import DEFAULT_BASE_URL

        self.format = options.export_format
        self.delimiter = options.delimiter
        self.configs = checker.configs
        self.base_url = options.base_url
        self.default_base = DEFAULT_BASE_URL

    def base_for(self, result: DocumentResult) -> str:
        if self.base_url is not None:
            return self.base_url
        configured = self.configs.for_document(Path(result.source.path)).oparl_base_url
        return configured or self.default_base

    def reporter(self, stream: IO[str]) -> Reporter:
        if self.format is ExportFormat.oparl:
            from vorlage_cli.report.oparl import OparlReporter

            return OparlReporter(stream, self.base_for, _printed_reference)
        if self.format is ExportFormat.csv:
            from vorlage_cli.report.csv import CsvReporter

            return CsvReporter(stream, self.delimiter)
        if self.format is ExportFormat.json:
            from vorlage_cli.report.json import JsonReporter

            return JsonReporter(stream)
        from vorlage_cli.report.jsonl import JsonLinesReporter

        return JsonLinesReporter(stream)

    def one(self, result: DocumentResult) -> str | None:
        if self.format is ExportFormat.oparl:
            from vorlage_cli.report.oparl import render

            return render(result, self.base_for(result), _printed_reference(result), indent=2)
        return result.model_dump_json(indent=2)


def _printed_reference(result: DocumentResult) -> str | None:
    facts = getattr(result, "facts", None)
    return facts.reference if facts is not None else None


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
    inputs: Inputs, options: Options, *, baseline: Path | None = None
) -> tuple[Checker, Baseline | None]:
    """The pipeline with every document's configuration resolved, and the baseline: problems
    with either end the run before any output."""
    from vorlage_cli.forking import start_early

    start_early(len(inputs.files))  # first, so that its workers' imports run beside these
    from vorlage_cli.baseline import Baseline, BaselineError
    from vorlage_cli.config import ConfigError, ConfigResolver, Selection
    from vorlage_cli.discovery import STDIN
    from vorlage_cli.pipeline import Checker

    try:
        selection = Selection(options.select, options.extend_select, options.ignore)
        resolver = ConfigResolver(options.config, selection)
        for path in inputs.files:
            resolver.prepare(path)
        known = Baseline.load(baseline) if baseline is not None else None
    except (ConfigError, BaselineError) as error:
        raise RunError(str(error)) from None
    stdin = _read_stdin(options) if STDIN in inputs.files else None
    checker = Checker(resolver, options.limits, options.password, inputs.refused, stdin)
    return checker, known


def _read_stdin(options: Options) -> bytes:
    """The document on standard input, read here once: workers cannot share the stream. One
    byte more than the size limit is enough to know that it is too large."""
    try:
        return sys.stdin.buffer.read(options.limits.max_file_size + 1)
    except (OSError, AttributeError, ValueError) as error:
        raise RunError(f"die Standardeingabe lässt sich nicht lesen ({error})") from None


def _record_baseline(options: Options, inputs: Inputs) -> int:
    """Write every finding to the baseline instead of reporting; exit 2 if an input could not
    be read (its error is recorded too, but the run did not check it)."""
    from vorlage_cli.baseline import write_baseline
    from vorlage_cli.output import OutputError

    if options.baseline is None:
        raise RunError("--update-baseline braucht --baseline DATEI")
    checker, _ = checker_for(inputs, options)
    with _checked(inputs.files, checker, options, to_stdout=False) as checked:
        results = list(checked)
    try:
        count = write_baseline(options.baseline, results)
    except OutputError as error:
        raise RunError(str(error)) from None
    note(f"{count} Befunde in die Baseline {options.baseline} geschrieben")
    failed = [result for result in results if result.vorlage is None]
    _name_failures(failed)
    return EXIT_UNREADABLE if failed else EXIT_CLEAN


def _inputs(options: Options) -> Inputs:
    """The files to read. Files passed over are named; a folder or pattern without any
    document ends the run unless ``allow_empty``."""
    from vorlage_cli.discovery import discover

    inputs = discover(options.paths, options.exclude)
    for path, reason in inputs.skipped:
        _tell(options, f"{path}: übersprungen, {reason}")
    if inputs.empty and not options.allow_empty:
        for path in inputs.empty[:-1]:
            note(f"{path}: keine Dokumente gefunden")
        raise RunError(
            f"{inputs.empty[-1]}: keine Dokumente gefunden "
            "(--allow-empty lässt einen leeren Ordner oder ein Muster ohne Treffer zu)"
        )
    if not inputs.files:
        _tell(options, "keine Dokumente gefunden")
    return inputs


def _name_failures(failed: list[DocumentResult]) -> None:
    """Each input that could not be read or checked, with its reason, on stderr: the report
    may be a file or a machine format that nobody reads in a CI log."""
    for result in failed:
        for finding in result.findings:
            if finding.severity == "error":
                note(f"{result.source.path}: {finding.message} ({finding.code})")


def _tell(options: Options, message: str) -> None:
    if not options.quiet:
        note(message)


def _to_stdout(write: Callable[[T], None], value: T) -> None:
    """Hand a reporter its next piece; a stdout that cannot take it (a full disk behind a
    redirection) ends the run with the reason. A closed pipe (``| head``) is the reader's
    choice, not an error: the command line ends quietly."""
    try:
        write(value)
    except BrokenPipeError:
        raise
    except OSError as error:
        from vorlage_cli.system_errors import reason

        raise RunError(f"die Standardausgabe lässt sich nicht schreiben: {reason(error)}") from None


def _call(write: Callable[[T], None], value: T) -> None:
    write(value)


@contextmanager
def _checked(
    files: list[Path], checker: Checker, options: Options, *, to_stdout: bool
) -> Iterator[Iterator[DocumentResult]]:
    """The results of ``check``. Several documents are compared with each other as well (the
    REP rules): their results come once all are read, with those findings added, and the
    progress bar shows meanwhile even where the report goes to the terminal."""
    if len(files) < 2:
        yield _processed(files, checker, options, to_stdout=to_stdout)
        return
    from vorlage_cli.across import AcrossDocuments

    with AcrossDocuments(checker.configs) as across:
        collecting = replace(checker, with_facts=True)
        for result in _processed(files, collecting, options, to_stdout=False):
            across.add(result)
        yield across.results()


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
