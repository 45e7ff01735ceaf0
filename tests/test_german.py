"""The interface speaks German: help of every command and option, the errors of a wrong call,
`vorlage rules` and its explanations. English stays where the ecosystem expects it (option
names, JSON keys, SARIF), and the layer that translates typer's own words is checked against
typer's source, so that an update of typer cannot let English through unnoticed."""

from __future__ import annotations

import hashlib
import inspect
import re
from pathlib import Path

import pytest
import typer

from vorlage_cli import cli_german
from vorlage_cli.cli import app
from vorlage_cli.report.catalogue import explanations
from vorlage_cli.rules import Rule
from vorlage_cli.rules.catalogue import READER_INTRO, catalogue, group_of

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
ENGLISH = re.compile(
    r"\b(Usage|Options|Arguments|Commands|Show|Error|Invalid|Missing|No such|Try|default|"
    r"required|the|and|of|is|for|with|file|folder|Input should|not one of|Did you mean|"
    r"Install|completion)\b"
)
"""Words that give English away; option names and values are cut out before the search."""


def _prose(text: str) -> str:
    """Text without what stays English on purpose: option names, choices, code and paths."""
    text = re.sub(r"--?[a-z][\w-]*", "", text)
    text = re.sub(r"<[^>]*>|'[^']*'|\[tool\.vorlage\]|\S+\.(?:toml|json|md|pdf|txt|html)", "", text)
    return re.sub(r"\b(?:human|json|jsonl|sarif|github|junit|gitlab|error|warning|info|auto|"
                  r"always|never|NO_COLOR|VORLAGE_PASSWORD|CI|PDF|DOCX|ODT|HTML|MB|OParl|"
                  r"Paper|Meeting|JSON|Lines|ZIP)\b", "", text)  # fmt: skip


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)])
def test_help_is_german(run, command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("Aufruf: vorlage")
    assert "Optionen:" in text and "Diese Hilfe zeigen." in text
    assert not ENGLISH.search(_prose(text)), ENGLISH.search(_prose(text))


def test_every_option_has_a_german_help() -> None:
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        for param in command.params:
            text = getattr(param, "help", None)
            assert text, f"{name} {param.name} has no help"
            assert text[0].isupper() and text.rstrip().endswith((".", ")")), (name, text)


ERRORS = [
    (
        ["check", "--formt", "json", "x"],
        "vorlage: unbekannte Option --formt (meinten Sie --force oder --format?)",
    ),
    (["check"], "vorlage: das Argument 'PFADE' fehlt"),
    (
        ["chek", "x"],
        "vorlage: unbekannter Befehl 'chek' (meinten Sie 'check', 'schema'?)",
    ),
    (["schema", "zuviel"], "vorlage: unerwartete Angabe: zuviel"),
    (["check", "x", "--format"], "vorlage: die Option --format braucht einen Wert"),
    (
        ["check", "--jobs", "abc", "x"],
        "vorlage: ungültiger Wert für '--jobs' / '-j': 'abc' ist keine ganze Zahl",
    ),
    (
        ["check", "--jobs", "0", "x"],
        "vorlage: ungültiger Wert für '--jobs' / '-j': 0 ist zu klein, mindestens 1",
    ),
    (
        ["check", "--timeout", "-1", "x"],
        "vorlage: ungültiger Wert für '--timeout': -1 ist zu klein, mindestens 0",
    ),
    (
        ["check", "--fail-on", "fatal", "x"],
        "vorlage: ungültiger Wert für '--fail-on': 'fatal' ist nicht möglich; möglich sind "
        "'error', 'warning', 'info'",
    ),
    (
        ["check", "--config", ".", "x"],
        "vorlage: ungültiger Wert für '--config' / '-c': '.' ist ein Ordner, keine Datei",
    ),
    (
        ["evaluate", "--documents", "fehlt"],
        "vorlage: ungültiger Wert für '--documents' / '-d': 'fehlt' existiert nicht",
    ),
]


@pytest.mark.parametrize(("args", "message"), ERRORS, ids=[" ".join(a) for a, _ in ERRORS])
def test_a_wrong_call_is_told_in_german(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    first, *rest = result.stderr.splitlines()
    assert first == message
    if rest:  # the usage and where to find help
        command = "vorlage" if args[0] == "chek" else f"vorlage {args[0]}"
        assert rest[0].startswith(f"Aufruf: {command} [OPTIONEN]")
        assert rest[1] == f"Hilfe: {command} --help"
    assert not ENGLISH.search(_prose(result.stderr))


def test_the_english_the_layer_translates_is_still_typers() -> None:
    """Each message the layer expects, as typer 0.29 and its vendored click write it."""
    source = "\n".join(
        path.read_text(encoding="utf-8") for path in Path(typer.__file__).parent.rglob("*.py")
    )
    for english in cli_german.WORDS:
        assert f'_("{english}")' in source, english
    for fragment in (
        "Did you mean",
        "requires {msg}",
        "does not take a value.",
        "Got unexpected extra argument(s)",
        "is not one of",
        "does not exist.",
        "is a directory.",
        "is a file.",
        'prefix = "Usage: "',
        "Show this message and exit.",
        "Install completion for the current shell.",
        'f"Missing {param_type}{param_hint}.',
        'f"No such option: ',
    ):
        assert fragment in source, fragment
    assert set(cli_german.COMPLETION_HELP) == {"install_completion", "show_completion"}


def _source_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:12]


def test_every_code_and_group_has_a_current_german_explanation() -> None:
    german = explanations()
    codes = {entry.code: entry for entry in catalogue()}
    assert set(german["codes"]) == set(codes), (
        "src/vorlage_cli/rules/explanations.de.toml must explain exactly the catalogue's codes"
    )
    for code, entry in codes.items():
        expected = _source_hash(entry.doc)
        assert german["codes"][code]["source"] == expected, (
            f"The English doc of {code} changed: update its German explanation in "
            f'rules/explanations.de.toml and set source = "{expected}"'
        )
    groups: dict[str, str] = {}
    for entry in codes.values():
        if isinstance(entry, Rule):
            check = entry.check or entry.check_folder
            groups[group_of(entry)] = inspect.getmodule(check).__doc__ or ""
        else:
            groups[group_of(entry)] = READER_INTRO
    assert set(german["groups"]) == set(groups)
    for group, english in groups.items():
        expected = _source_hash(english)
        assert german["groups"][group]["source"] == expected, (
            f"The English intro of group {group} changed: update its German in "
            f'rules/explanations.de.toml and set source = "{expected}"'
        )


def test_rules_speak_german(run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    listed = run("rules")
    header = listed.stdout.splitlines()[0]
    assert [part.strip() for part in header.split("┃")] == [
        "Code",
        "Name",
        "Schweregrad",
        "Kurzbeschreibung",
    ]
    entry = run("rules", "RD001").stdout
    assert entry.splitlines()[1] == "Lesen der Datei · Standard: Fehler · hier eingestellt: Fehler"
    assert "als DOCX, ODT oder PDF speichern" in entry
    assert not ENGLISH.search(_prose(entry))


def test_messages_on_the_command_line_start_in_lower_case(run, tmp_path: Path) -> None:
    """One convention for everything after "vorlage: ": a continuation, lower case unless it
    starts with a noun or a name (German capitalises nouns anyway)."""
    (tmp_path / "leer.txt").write_text("", encoding="utf-8")
    result = run("check", tmp_path / "leer.txt", tmp_path / "leer", "--allow-empty")
    for line in result.stderr.splitlines():
        message = line.removeprefix("vorlage: ").split(": ", 1)[-1]
        assert message[0].islower() or message[0].isdigit() or message.split()[0] == "Datei"
