"""The command line: parse the options into an :class:`Options`, pick the reporter, and call
``commands.py``, which runs the documents and returns the exit code (0 clean, 1 findings at or
above --fail-on, 2 an input could not be read or the call is wrong).

Heavy modules (pydantic, rich, the readers) are imported inside the commands, so that
``--help`` and a check of one short text file start quickly."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from vorlage_cli import __version__
from vorlage_cli.cli_german import (
    OPTIONS_METAVAR,
    SUBCOMMAND_METAVAR,
    GermanCommand,
    GermanGroup,
)
from vorlage_cli.cli_german import install as install_german
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
from vorlage_cli.options import ExportFormat, FailOn, Options, OutputFormat
from vorlage_cli.terminal import ColorChoice, note, use_color

if TYPE_CHECKING:
    from vorlage_cli.config import Config
    from vorlage_cli.report import Reporter

T = TypeVar("T")

install_german()

app = typer.Typer(
    name="vorlage",
    cls=GermanGroup,
    help=(
        "Liest Vorlagen (Beschlussvorlagen, Mitteilungsvorlagen, Drucksachen …) aus Text, PDF, "
        "DOCX, ODT und Seiten von Ratsinformationssystemen, entnimmt ihre Angaben und prüft sie "
        "auf Vollständigkeit und Widersprüche."
    ),
    no_args_is_help=True,
    add_completion=True,
    options_metavar=OPTIONS_METAVAR,
    subcommand_metavar=SUBCOMMAND_METAVAR,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
command = partial(app.command, cls=GermanCommand, options_metavar=OPTIONS_METAVAR)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vorlage {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Die Version zeigen."),
    ] = False,
) -> None:
    """Liest Vorlagen und prüft sie."""


PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        metavar="PFADE",
        help=(
            "Dateien, Ordner oder Suchmuster ('vorlagen/**/*.pdf'); Ordner werden mit allen "
            "Unterordnern nach .txt, .pdf, .docx, .odt und .html durchsucht. '-' liest ein "
            "Dokument von der Standardeingabe."
        ),
        show_default=False,
    ),
]
ExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        "-e",
        metavar="MUSTER",
        help=(
            "Dateien auslassen, deren Name, ein Ordner auf ihrem Pfad oder ein Teil ihres Pfads "
            "auf dieses Muster passt ('archiv', '*.html', 'alt/*.pdf'); mehrfach möglich."
        ),
        show_default=False,
    ),
]
AllowEmptyOption = Annotated[
    bool,
    typer.Option(
        "--allow-empty",
        help="Ein Ordner oder Suchmuster ohne Dokument ist kein Fehler (sonst Exit-Code 2).",
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        metavar="ANZAHL",
        help="Arbeitsprozesse (Standard: so viele, wie der Rechner Kerne hat); die Reihenfolge "
        "der Ausgabe hängt nicht davon ab.",
        show_default=False,
    ),
]
TimeoutOption = Annotated[
    float,
    typer.Option(
        "--timeout",
        min=0,
        metavar="SEKUNDEN",
        help="Zeitlimit je Dokument (0: keines); ein Dokument darüber wird als Befund RD020 "
        "gemeldet, die anderen laufen weiter.",
    ),
]
PasswordOption = Annotated[
    str | None,
    typer.Option(
        "--password",
        envvar="VORLAGE_PASSWORD",
        metavar="PASSWORT",
        help="Passwort für verschlüsselte PDF-Dateien (bei jeder verschlüsselten versucht); die "
        "Umgebungsvariable hält es aus der Prozessliste heraus.",
        show_default=False,
    ),
]
MaxFileSizeOption = Annotated[
    int,
    typer.Option(
        "--max-file-size", min=1, metavar="MB", help="Größte Datei, die gelesen wird, in MB."
    ),
]
MaxPagesOption = Annotated[
    int,
    typer.Option(
        "--max-pages",
        min=1,
        metavar="SEITEN",
        help="Gelesene PDF-Seiten je Dokument; weitere werden ausgelassen (mit Warnung RD007).",
    ),
]
MaxLinesOption = Annotated[
    int,
    typer.Option(
        "--max-lines",
        min=1,
        metavar="ZEILEN",
        help="Gelesene Zeilen und Tabellenzeilen je Dokument; weitere werden ausgelassen (mit "
        "Warnung RD007).",
    ),
]
MaxUnpackedOption = Annotated[
    int,
    typer.Option(
        "--max-unpacked-size",
        min=1,
        metavar="MB",
        help="Größte entpackte Größe eines DOCX- oder ODT-Dokuments, in MB (gegen ZIP-Bomben).",
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="Nur Dokumente mit Befunden zeigen, ohne Fortschrittsbalken und Zusammenfassung; "
        "Fehler bleiben.",
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        metavar="DATEI",
        help="Diese Konfigurationsdatei für jedes Dokument verwenden, statt der .vorlage.toml "
        "oder pyproject.toml [tool.vorlage], die vom Ordner des Dokuments aufwärts gesucht wird.",
        dir_okay=False,
        show_default=False,
    ),
]


@command()
def check(
    paths: PathsArgument,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="Ausgabeformat: human (ein Bericht zum Lesen), html (eine Seite für den Browser "
            "mit Übersicht, Sitzungen und Befunden; mit -o in eine Datei) oder ein "
            "Maschinenformat für CI (json, jsonl, sarif, github, junit, gitlab), das allein auf "
            "die Standardausgabe geht.",
        ),
    ] = OutputFormat.human,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="DATEI",
            help="Den Bericht in diese Datei schreiben (vollständig oder gar nicht) statt auf die "
            "Standardausgabe ('-'); eine vorhandene Datei nur mit --force ersetzen.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Eine vorhandene Berichtsdatei überschreiben.")
    ] = False,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            help="Mit Exit-Code 1 enden, sobald ein Befund dieses Schweregrads oder eines "
            "schwereren vorliegt (error: Fehler, warning: Warnung, info: Hinweis).",
        ),
    ] = FailOn.error,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero",
            help="Auch bei Befunden mit Exit-Code 0 enden (nur berichten).",
        ),
    ] = False,
    config: ConfigOption = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            metavar="CODES",
            help="Nur diese Codes melden, statt aller: Codes oder ihr Anfang, durch Kommas "
            "getrennt ('BF,REQ006'; ALL für alle); mehrfach möglich.",
            show_default=False,
        ),
    ] = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option(
            "--extend-select",
            metavar="CODES",
            help="Diese Codes zusätzlich zu --select oder zur Konfiguration melden.",
            show_default=False,
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            metavar="CODES",
            help="Diese Codes nicht melden ('OEF,FIN002'); der genauere Code gewinnt "
            "(--ignore BF --select BF003 meldet BF003).",
            show_default=False,
        ),
    ] = None,
    statistics: Annotated[
        bool,
        typer.Option("--statistics", help="Am Ende die Zahl der Befunde je Code ausgeben."),
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            metavar="DATEI",
            help="Die in dieser Baseline-Datei festgehaltenen Befunde auslassen: nur neue zählen.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    update_baseline: Annotated[
        bool,
        typer.Option(
            "--update-baseline",
            help="Alle heutigen Befunde in die Datei von --baseline schreiben, statt zu berichten.",
        ),
    ] = False,
    quiet: QuietOption = False,
    color: Annotated[
        ColorChoice,
        typer.Option(
            "--color",
            help="Farbe im Bericht: auto färbt ein Terminal, außer NO_COLOR ist gesetzt.",
        ),
    ] = ColorChoice.auto,
    exclude: ExcludeOption = None,
    allow_empty: AllowEmptyOption = False,
    jobs: JobsOption = None,
    timeout: TimeoutOption = 60,
    password: PasswordOption = None,
    max_file_size: MaxFileSizeOption = DEFAULT_LIMITS.max_file_size // MB,
    max_pages: MaxPagesOption = DEFAULT_LIMITS.max_pages,
    max_lines: MaxLinesOption = DEFAULT_LIMITS.max_lines,
    max_unpacked_size: MaxUnpackedOption = DEFAULT_LIMITS.max_unpacked_size // MB,
) -> None:
    """Vorlagen prüfen: ihre Angaben und Befunde berichten.

    Exit-Code 0: kein Befund ab --fail-on; 1: mindestens einer; 2: ein Dokument war nicht
    lesbar, oder der Aufruf ist falsch.
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
        select=_codes(select) if select is not None else None,
        extend_select=_codes(extend_select),
        ignore=_codes(ignore),
        statistics=statistics,
        output=_file_or_stdout(output),
        force=force,
    )

    def reporter_for(stream: IO[str]) -> Reporter:
        return make_reporter(
            output_format.value, stream, quiet=quiet, color=use_color(color, stream)
        )

    _run(run_check, options, reporter_for)


@command()
def export(
    paths: PathsArgument,
    export_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="Ausgabeformat. jsonl: je Dokument eine Zeile mit seinen Angaben (siehe "
            "'vorlage schema'); json: dieselben Objekte in einer Liste; oparl: je Vorlage ein "
            "OParl-1.1-Paper mit seinen Beratungen; csv: je Dokument eine Zeile für "
            "Tabellenkalkulationen (UTF-8 mit BOM, für Excel).",
        ),
    ] = ExportFormat.jsonl,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="DATEI|ORDNER/",
            help="In diese Datei schreiben, oder in einen Ordner (einen vorhandenen oder einen "
            "Namen mit '/' am Ende) je Dokument eine <Nummer>.json (nicht bei csv). Standard "
            "und '-': die Standardausgabe.",
            show_default=False,
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            metavar="URL",
            help="Unter dieser Adresse die Kennungen der OParl-Objekte bilden "
            "(https://ris.example.de/oparl); Standard: oparl-base-url der Konfiguration, sonst "
            "urn:vorlage:oparl.",
            show_default=False,
        ),
    ] = None,
    delimiter: Annotated[
        str,
        typer.Option(
            "--delimiter",
            metavar="ZEICHEN",
            help="Trennzeichen der CSV-Spalten (Excel mit deutschen Einstellungen erwartet ';').",
        ),
    ] = ";",
    force: Annotated[
        bool, typer.Option("--force", help="Vorhandene Ausgabedateien überschreiben.")
    ] = False,
    config: ConfigOption = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Ohne Fortschrittsbalken und Zusammenfassung; Fehler bleiben."
        ),
    ] = False,
    exclude: ExcludeOption = None,
    allow_empty: AllowEmptyOption = False,
    jobs: JobsOption = None,
    timeout: TimeoutOption = 60,
    password: PasswordOption = None,
    max_file_size: MaxFileSizeOption = DEFAULT_LIMITS.max_file_size // MB,
    max_pages: MaxPagesOption = DEFAULT_LIMITS.max_pages,
    max_lines: MaxLinesOption = DEFAULT_LIMITS.max_lines,
    max_unpacked_size: MaxUnpackedOption = DEFAULT_LIMITS.max_unpacked_size // MB,
) -> None:
    """Die Angaben jeder Vorlage ausgeben, in der Reihenfolge der Eingaben: als JSON, als
    OParl oder als CSV-Tabelle.

    Den Aufbau jedes JSON-Objekts beschreibt 'vorlage schema'. Dateien werden vollständig oder
    gar nicht geschrieben; eine Eingabe wird nie überschrieben, eine vorhandene Ausgabe nur mit
    --force. Exit-Code 2, wenn ein Dokument nicht lesbar war (sein JSON-Objekt hat dann
    "vorlage": null und den Grund in "findings"; OParl lässt es aus) oder eine Ausgabe nicht
    geschrieben werden konnte.
    """
    if base_url is not None:
        from vorlage_cli.report.oparl import BaseUrlError, checked_base_url

        try:
            base_url = checked_base_url(base_url)
        except BaseUrlError as error:
            _fail(f"--base-url: {error}")
    if len(delimiter) != 1:
        _fail(f"--delimiter: ein einzelnes Zeichen erwartet, nicht „{delimiter}“")
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
        export_format=export_format,
        base_url=base_url,
        delimiter=delimiter,
        output=_file_or_stdout(output),
        force=force,
    )
    _run(run_export, options)


@command()
def init(
    paths: PathsArgument,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            "-c",
            metavar="DATEI",
            help="In diese Datei schreiben (.vorlage.toml oder pyproject.toml); Vorgabe: die "
            "Konfiguration im aktuellen Ordner, sonst eine neue .vorlage.toml.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    min_share: Annotated[
        int,
        typer.Option(
            "--min-share",
            min=50,
            max=100,
            metavar="PROZENT",
            help="Ein Abschnitt gilt als üblich, wenn ihn mindestens so viel Prozent der "
            "Vorlagen einer Art haben.",
        ),
    ] = 97,
    min_documents: Annotated[
        int,
        typer.Option(
            "--min-documents",
            min=1,
            metavar="ANZAHL",
            help="Arten mit weniger Vorlagen werden nicht gelernt.",
        ),
    ] = 20,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Ein vorhandenes Profil ersetzen (nur das Profil)."),
    ] = False,
    exclude: ExcludeOption = None,
    jobs: JobsOption = None,
) -> None:
    """Ein Profil aus den eigenen Vorlagen lernen und in die Konfiguration schreiben.

    Liest die Vorlagen der Stadt (Ordner, Dateien, Muster) und hält fest, was fast alle
    gemeinsam haben: Abschnitte je Vorlagenart, Gremien und ihre Schreibweisen, die Form der
    Nummern und die übliche Reihenfolge der Gremien. `check` meldet danach Abweichungen davon.
    Der übrige Inhalt der Datei bleibt unverändert; ein vorhandenes Profil wird nur mit
    --replace ersetzt.
    """
    from functools import partial

    from vorlage_cli.learning import run_init, target_file

    options = Options(paths=tuple(paths), exclude=tuple(exclude or ()), jobs=jobs, quiet=True)
    learn = partial(
        run_init, min_share=min_share / 100, min_documents=min_documents, replace=replace
    )
    _run(learn, options, target_file(config))


@command()
def schema() -> None:
    """Das JSON-Schema eines exportierten Dokuments ausgeben (aus dem Datenmodell erzeugt)."""
    import json

    from vorlage_cli.model import document_schema

    typer.echo(json.dumps(document_schema(), indent=2, ensure_ascii=False))


@command()
def evaluate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PFADE",
            help="Golden-Dateien (*.golden.json) oder Ordner, die welche enthalten.",
            show_default=False,
        ),
    ] = None,
    documents: Annotated[
        Path | None,
        typer.Option(
            "--documents",
            "-d",
            metavar="ORDNER",
            help="Die Dokumente der Golden-Dateien oder OParl-Datensätze in diesem Ordner suchen.",
            exists=True,
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    oparl: Annotated[
        Path | None,
        typer.Option(
            "--oparl",
            metavar="PAPERS",
            help="Statt mit Golden-Dateien mit den OParl-Datensätzen (Paper) einer Stadt "
            "vergleichen (JSON Lines oder ein JSON-Array).",
            exists=True,
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    meetings: Annotated[
        Path | None,
        typer.Option(
            "--meetings",
            metavar="MEETINGS",
            help="Die OParl-Sitzungen (Meeting), auf die die Beratungen der Paper zeigen (ihre "
            "Termine und Gremien).",
            exists=True,
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Jede Abweichung auflisten.")
    ] = False,
    config: ConfigOption = None,
    jobs: JobsOption = None,
) -> None:
    """Die Auslesung an Golden-Dateien messen, oder an den OParl-Datensätzen einer Stadt.

    Das Format der Golden-Dateien beschreibt docs/golden-files.md. Exit-Code 1, wenn ein Feld
    abweicht; 2, wenn eine Datei oder ein Dokument fehlt.
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
    from vorlage_cli.extract.lexicon import with_presets
    from vorlage_cli.pipeline import read_vorlage
    from vorlage_cli.report.evaluation import print_evaluation

    for path in paths or []:
        if not path.exists():
            _fail(f"{path}: nicht gefunden")
    goldens = find_goldens(paths or [])
    if not goldens:
        _fail("keine Golden-Dateien (*.golden.json) gefunden")
    try:
        loaded = [load_golden(path, documents) for path in goldens]
    except GoldenError as error:
        _fail(str(error))
    missing = [(golden, document) for golden in loaded for document in golden.documents]
    missing = [(golden, document) for golden, document in missing if not document.exists()]
    if missing:
        for golden, document in missing[:-1]:
            note(f"{golden.path}: Dokument {document} nicht gefunden")
        golden, document = missing[-1]
        hint = "" if documents else " (--documents ORDNER angeben?)"
        _fail(f"{golden.path}: Dokument {document} nicht gefunden{hint}")
    try:
        configs = ConfigResolver(config)
        checks = run_evaluation(
            loaded,
            lambda path, names: (
                read_vorlage(path, with_presets(configs.for_document(path).lexicon, names)).vorlage
            ),
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


@command()
def rules(
    code: Annotated[
        str | None,
        typer.Argument(
            metavar="CODE",
            help="Ein Code (BF003) oder Name (entscheidung-vor-vorberatung).",
            show_default=False,
        ),
    ] = None,
    markdown: Annotated[
        bool,
        typer.Option(
            "--markdown",
            help="Den ganzen Katalog als Markdown ausgeben (docs/rules.md); mit --options "
            "docs/configuration.md.",
        ),
    ] = False,
    options: Annotated[
        bool,
        typer.Option(
            "--options", help="Die Optionen der Regeln mit ihren eingestellten Werten auflisten."
        ),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Die Regeln und die übrigen Befund-Codes mit ihrem hier eingestellten Schweregrad
    auflisten, oder die Erklärung eines Codes zeigen.

    Es gilt die Konfiguration, die vom Arbeitsordner aufwärts gefunden wird, oder --config.
    """
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


def _codes(given: list[str] | None) -> tuple[str, ...]:
    """ "BF,REQ006" given once or "BF" and "REQ006" given twice: the same codes."""
    return tuple(code.strip() for value in given or () for code in value.split(",") if code.strip())


def _file_or_stdout(output: str | None) -> str | None:
    """'-o -' means the standard output, as '-' among the inputs means the standard input;
    without this a file named '-' appeared in the working folder."""
    return None if output == "-" else output


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
    try:
        app()
    except Exception as error:
        # Each document's errors are findings already (pipeline, runner); this is the last
        # guard for a bug outside them.
        from vorlage_cli.internal import internal_error

        note(internal_error(error))
        sys.exit(EXIT_UNREADABLE)
