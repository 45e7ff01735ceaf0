"""The ``vorlage`` command's entry point. It answers ``--version`` before importing anything
else: a script or a pre-commit hook that asks for the version should not pay for the
command-line framework. Every other call goes to the command line."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from vorlage_cli import __version__

        print(f"vorlage {__version__}")
        return
    from vorlage_cli.forking import start_for_command_line

    start_for_command_line(sys.argv[1:])  # the workers' server warms up while typer starts
    from vorlage_cli.cli import main as run

    run()
