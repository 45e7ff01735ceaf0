"""Shell completion through typer's --install-completion and --show-completion: the script for a
shell, and the completions it asks the program for (commands, options, an option's choices)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

VORLAGE = shutil.which("vorlage", path=str(Path(sys.executable).parent))
pytestmark = pytest.mark.skipif(VORLAGE is None, reason="the vorlage script is not installed")


def _vorlage(*args: str, **environment: str) -> subprocess.CompletedProcess[str]:
    assert VORLAGE is not None
    return subprocess.run(
        [VORLAGE, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **environment},
    )


NAMED_SHELL = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
"""Lets the completion options take the shell's name instead of finding the shell this runs in
(a test runs under whatever shell started it, sh in CI)."""


def test_show_completion_prints_the_script_for_a_shell() -> None:
    result = _vorlage("--show-completion", "bash", **NAMED_SHELL)
    assert result.returncode == 0
    assert "_vorlage_completion()" in result.stdout
    assert "_VORLAGE_COMPLETE=complete_bash" in result.stdout


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX sh")
def test_a_shell_without_completion_is_told_in_german() -> None:
    """Run from sh, which typer's completion does not serve; sh stays the parent process."""
    assert VORLAGE is not None
    result = subprocess.run(
        ["sh", "-c", f"'{VORLAGE}' --show-completion; exit $?"],
        capture_output=True,
        text=True,
        check=False,
        env={k: v for k, v in os.environ.items() if not k.startswith("_TYPER")},
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "vorlage: keine Vervollständigung für die Shell sh (möglich: bash, zsh, fish, "
        "powershell, pwsh)\n"
    )


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("vorlage ch", ["check"]),
        ("vorlage e", ["export", "evaluate"]),
        ("vorlage check --fo", ["--force", "--format"]),
        ("vorlage check --fail-on ", ["error", "warning", "info"]),
        ("vorlage check --color a", ["auto", "always"]),
    ],
)
def test_the_shell_gets_commands_options_and_choices(words: str, expected: list[str]) -> None:
    position = len(words.split()) - (0 if words.endswith(" ") else 1)
    result = _vorlage(_VORLAGE_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(position))
    assert result.returncode == 0
    assert sorted(result.stdout.split()) == sorted(expected)


def test_install_completion_sets_up_bash_and_says_so_in_german(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = _vorlage(
        "--install-completion",
        "bash",
        HOME=str(home),
        SHELL="/bin/bash",
        **NAMED_SHELL,
    )
    assert result.returncode == 0, result.stderr
    script = home / ".bash_completions" / "vorlage.sh"
    assert result.stdout.splitlines() == [
        f"Vervollständigung für bash eingerichtet in {script}",
        "Sie wirkt, sobald ein neues Terminal geöffnet wird.",
    ]
    assert "_VORLAGE_COMPLETE=complete_bash" in script.read_text(encoding="utf-8")
    assert f"source '{script}'" in (home / ".bashrc").read_text(encoding="utf-8")
