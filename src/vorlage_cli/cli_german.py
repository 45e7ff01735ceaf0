"""The command-line framework's own words in German: help headings, usage lines, the help and
completion options, and the errors of a wrong call ("No such option", "Missing argument").

typer 0.29 vendors click without gettext: typer's few words go through gettext (``typer.core``
imports ``gettext`` as ``_``), click's are f-strings inside its exceptions and parser. So the
layer has three parts, each in one place:

* :data:`WORDS`, typer's gettext messages, installed as ``typer.core``'s translation function;
* :class:`GermanGroup` and :class:`GermanCommand`, the command classes typer lets an app choose
  (``cls=``), which write the usage line and the help option in German and show usage errors
  as one German line on stderr, the usage and a pointer to ``--help`` below it;
* :func:`usage_error`, the German text of each kind of usage error, built from the exception's
  fields (the option, the parameter, the type of the validation error) where it has them, and
  from its English text by the patterns of :data:`MESSAGES` where it does not.

``tests/test_german.py`` checks that the English this layer expects still occurs in typer's
source, so that an update of typer that rewords a message fails the suite instead of letting
English through, and that no English reaches a user in help or errors.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

import typer
import typer.core
from typer import Abort, _click
from typer._click.exceptions import (
    BadParameter,
    ClickException,
    MissingParameter,
    NoSuchOption,
    UsageError,
)

OPTIONS_METAVAR = "[OPTIONEN]"
SUBCOMMAND_METAVAR = "BEFEHL [ARGUMENTE]..."
USAGE = "Aufruf: "

WORDS = {
    "Arguments": "Argumente",
    "Options": "Optionen",
    "Commands": "Befehle",
    "default: {default}": "Standard: {default}",
    "required": "erforderlich",
    "env var: {var}": "Umgebungsvariable: {var}",
    "(dynamic)": "(wird ermittelt)",
    "Missing command.": "Befehl fehlt.",
    "No such command {name!r}.": "unbekannter Befehl {name!r}.",
    "Aborted!": "abgebrochen",
}
"""typer's gettext messages."""

HELP_OPTION = "Diese Hilfe zeigen."
COMPLETION_HELP = {
    "install_completion": "Die Vervollständigung für die laufende Shell einrichten.",
    "show_completion": "Das Vervollständigungsskript für die laufende Shell zeigen (zum "
    "Kopieren oder Anpassen).",
}

_PATH = "(?i:file|directory|dir|path)"
"""How typer names a path in its messages."""
MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), german)
    for pattern, german in (
        (r"^(.*)\. Did you mean (.*)\?$", r"\1 (meinten Sie \2?)"),
        (r"^Option '(.*)' requires an argument\.$", r"die Option \1 braucht einen Wert"),
        (r"^Option '(.*)' requires (\d+) arguments\.$", r"die Option \1 braucht \2 Werte"),
        (r"^Option '(.*)' does not take a value\.$", r"die Option \1 nimmt keinen Wert"),
        (r"^Argument '(.*)' takes (\d+) values\.$", r"das Argument \1 braucht \2 Werte"),
        (r"^Got unexpected extra argument(?:\(s\)|s)? \((.*)\)$", r"unerwartete Angabe: \1"),
        (r"^Value error, (.*) is not one of (.*)\.$", r"\1 ist nicht möglich; möglich sind \2"),
        (r"^(.*) is not one of (.*)\.$", r"\1 ist nicht möglich; möglich sind \2"),
        (rf"^{_PATH} (.*) does not exist\.$", r"\1 existiert nicht"),
        (rf"^{_PATH} (.*) is a file\.$", r"\1 ist eine Datei, kein Ordner"),
        (rf"^{_PATH} (.*) is a directory\.$", r"\1 ist ein Ordner, keine Datei"),
        (rf"^{_PATH} (.*) is not readable\.$", r"\1 ist nicht lesbar"),
        (rf"^{_PATH} (.*) is not writable\.$", r"\1 ist nicht beschreibbar"),
    )
)  # fmt: skip
"""English messages of the vendored click and of typer, by pattern, and their German."""

VALIDATION = {
    "int_parsing": "{input!r} ist keine ganze Zahl",
    "int_type": "{input!r} ist keine ganze Zahl",
    "int_from_float": "{input!r} ist keine ganze Zahl",
    "float_parsing": "{input!r} ist keine Zahl",
    "float_type": "{input!r} ist keine Zahl",
    "greater_than_equal": "{input} ist zu klein, mindestens {ge}",
    "greater_than": "{input} ist zu klein, es muss mehr als {gt} sein",
    "less_than_equal": "{input} ist zu groß, höchstens {le}",
    "less_than": "{input} ist zu groß, es muss weniger als {lt} sein",
    "bool_parsing": "{input!r} ist weder ja noch nein",
}
"""pydantic's validation errors (typer checks option values with pydantic), by their type."""

_KINDS = {"argument": "das Argument", "option": "die Option", "parameter": "die Angabe"}


def translate(message: str) -> str:
    """The German of one of typer's gettext messages (``typer.core._``)."""
    return WORDS.get(message, message)


def german(message: str) -> str:
    """An English message of click or typer in German, where a pattern knows it."""
    for pattern, replacement in MESSAGES:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


def usage_error(error: ClickException) -> str:
    """What was wrong with the call, in one German line."""
    if isinstance(error, NoSuchOption):
        text = f"unbekannte Option {error.option_name}"
        if error.possibilities:
            text += f" (meinten Sie {' oder '.join(sorted(error.possibilities))}?)"
        return text
    if isinstance(error, MissingParameter):
        kind = error.param_type or (error.param.param_type_name if error.param else "parameter")
        return f"{_KINDS.get(kind, 'die Angabe')} {_hint(error) or ''} fehlt".replace("  ", " ")
    if isinstance(error, BadParameter):
        hint = _hint(error)
        reason = _validation(error) or german(error.message)
        return f"ungültiger Wert für {hint}: {reason}" if hint else f"ungültiger Wert: {reason}"
    return german(error.format_message())


def _hint(error: BadParameter) -> str | None:
    if error.param_hint is not None:
        hint: Sequence[str] | str = error.param_hint
    elif error.param is not None:
        hint = error.param.get_error_hint()
    else:
        return None
    return hint if isinstance(hint, str) else " / ".join(hint)


def _validation(error: BadParameter) -> str | None:
    """The German of the first pydantic validation error behind ``error``, if that is what
    it is."""
    cause = error.__cause__
    errors = getattr(cause, "errors", None)
    if errors is None:
        return None
    try:
        first: dict[str, Any] = errors()[0]
    except (IndexError, TypeError):
        return None
    if first.get("type") == "value_error":
        return german(str(first.get("ctx", {}).get("error", first.get("msg", ""))))
    template = VALIDATION.get(first.get("type", ""))
    if template is None:
        return None
    values = {name: _number(value) for name, value in first.get("ctx", {}).items()}
    try:
        return template.format(input=first.get("input"), **values)
    except (KeyError, IndexError, ValueError):
        return None


def _number(value: object) -> object:
    """A bound as a German reader writes it: 0 rather than 0.0, 1,5 rather than 1.5."""
    if isinstance(value, float):
        return int(value) if value.is_integer() else str(value).replace(".", ",")
    return value


def show(error: ClickException, prog: str) -> None:
    """The error on stderr: what is wrong first, then how the command is called."""
    lines = [f"{prog}: {usage_error(error)}"]
    context = error.ctx if isinstance(error, UsageError) else None
    if context is not None:
        lines.append(context.get_usage())
        if context.command.get_help_option(context) is not None:
            names = sorted(context.help_option_names, key=len)
            lines.append(f"Hilfe: {context.command_path} {names[-1]}")
    print("\n".join(lines), file=sys.stderr)


class _German:
    """What GermanGroup and GermanCommand share: the usage line, the arguments and the help
    option."""

    def format_usage(self, ctx: _click.Context, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE)

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        """typer writes a required argument in braces ("{PFADE}..."), which no German (or
        English) reader knows; the usage convention is the bare name."""
        pieces = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        return [re.sub(r"^\{(.*)\}", r"\1", piece) for piece in pieces]

    def get_params(self, ctx: _click.Context) -> list[_click.Parameter]:
        """The parameters, with an argument's help naming no Python type ("<list[Path]>"):
        its metavar says what it takes."""
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            if isinstance(param, typer.core.TyperArgument) and param.metavar:
                param.display_type_rich = _no_type  # type: ignore[method-assign]
        return params

    def get_help_option(self, ctx: _click.Context) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION
        return option


class GermanCommand(_German, typer.core.TyperCommand):
    """A command whose help and usage are German."""


class GermanGroup(_German, typer.core.TyperGroup):
    """The application: German help and usage, the completion options described in German,
    and usage errors shown in German instead of click's English."""

    def get_params(self, ctx: _click.Context) -> list[_click.Parameter]:
        """The parameters, typer's completion options (added after the group is made)
        described, and reporting, in German."""
        params = super().get_params(ctx)
        for param in params:
            if param.name in COMPLETION_HELP:
                param.help = COMPLETION_HELP[param.name]  # type: ignore[attr-defined]
                param.callback = COMPLETION_CALLBACKS[param.name]
        return params

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except ClickException as error:
            show(error, prog_name or self.name or "vorlage")
            code = error.exit_code
        except Abort:
            print(f"{prog_name or self.name}: {translate('Aborted!')}", file=sys.stderr)
            code = 1
        sys.exit(code if isinstance(code, int) else 0)


def _no_type(ctx: _click.Context) -> None:
    return None


def _shell(value: Any) -> str:
    """The shell completion is for: the one named, or the one this runs in; one typer cannot
    serve (sh, cmd) ends the call with a German line instead of typer's English one."""
    import os

    from typer._completion_shared import Shells, _get_shell_name

    shell = value if isinstance(value, str) else ""
    if not shell and not os.getenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"):
        shell = _get_shell_name() or ""
    if shell not in {known.value for known in Shells}:
        named = shell or "unbekannt"
        print(
            f"vorlage: keine Vervollständigung für die Shell {named} (möglich: bash, zsh, "
            "fish, powershell, pwsh)",
            file=sys.stderr,
        )
        sys.exit(1)
    return shell


def _install_completion(ctx: _click.Context, param: _click.Parameter, value: Any) -> Any:
    """typer's ``--install-completion``, saying in German what it did."""
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import install

    shell, path = install(shell=_shell(value))
    print(f"Vervollständigung für {shell} eingerichtet in {path}")
    print("Sie wirkt, sobald ein neues Terminal geöffnet wird.")
    sys.exit(0)


def _show_completion(ctx: _click.Context, param: _click.Parameter, value: Any) -> Any:
    """typer's ``--show-completion``, with a German error for a shell it cannot serve."""
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import get_completion_script

    prog = ctx.find_root().info_name or "vorlage"
    variable = "_{}_COMPLETE".format(prog.replace("-", "_").upper())
    print(get_completion_script(prog_name=prog, complete_var=variable, shell=_shell(value)))
    sys.exit(0)


COMPLETION_CALLBACKS = {
    "install_completion": _install_completion,
    "show_completion": _show_completion,
}


def install() -> None:
    """Put :data:`WORDS` into typer."""
    typer.core._ = translate  # type: ignore[attr-defined]
