"""`check` as CI uses it: exit codes and thresholds, colour, time limits, the progress bar only
where a person watches."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from vorlage_cli.commands import EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE, exit_code
from vorlage_cli.options import FailOn
from vorlage_cli.report import Summary
from vorlage_cli.terminal import ColorChoice, use_color

from .documents import DECISION_TOO_EARLY, MITTEILUNG, write_documents
from .test_cli import SEED_LIKE


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = Path("vorlagen")
    folder.mkdir()
    return folder


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ((), EXIT_CLEAN),
        (("--fail-on", "warning"), EXIT_FINDINGS),
        (("--fail-on", "info"), EXIT_FINDINGS),
        (("--fail-on", "warning", "--exit-zero"), EXIT_CLEAN),
    ],
)
def test_a_warning_fails_only_at_its_threshold(run, folder: Path, options, expected) -> None:
    # A Mitteilungsvorlage saved with the wrong extension: one warning (RD010), no error.
    _write(folder, "mitteilung.pdf", MITTEILUNG)
    assert run("check", folder, *options).exit_code == expected


@pytest.mark.parametrize(
    ("options", "expected"),
    [((), EXIT_FINDINGS), (("--exit-zero",), EXIT_CLEAN), (("--fail-on", "info"), EXIT_FINDINGS)],
)
def test_an_error_fails_unless_exit_zero(run, folder: Path, options, expected) -> None:
    _write(folder, "bv.txt", DECISION_TOO_EARLY)
    assert run("check", folder, *options).exit_code == expected


def test_an_unreadable_input_exits_two_even_with_exit_zero(run, folder: Path) -> None:
    _write(folder, "bv.txt", SEED_LIKE)
    _write(folder, "leer.txt", "")
    assert run("check", folder, "--exit-zero").exit_code == EXIT_UNREADABLE


def test_info_findings_count_only_at_threshold_info() -> None:
    summary = Summary(documents=1, infos=2)
    assert exit_code(summary, FailOn.warning, exit_zero=False) == EXIT_CLEAN
    assert exit_code(summary, FailOn.info, exit_zero=False) == EXIT_FINDINGS


def test_a_wrong_call_exits_two(run, folder: Path) -> None:
    assert run("check", folder, "--format", "xml").exit_code == 2
    assert run("check", folder, "--fail-on", "fatal").exit_code == 2
    assert run("check", folder, "--jobs", "0").exit_code == 2


def test_a_folder_without_documents_fails_unless_allowed(run, folder: Path) -> None:
    (folder / "notizen.md").write_text("keine Vorlage", encoding="utf-8")
    result = run("check", folder, "-f", "json")
    assert result.exit_code == EXIT_UNREADABLE
    assert result.stdout == ""
    assert result.stderr == (
        "vorlage: vorlagen: keine Dokumente gefunden (--allow-empty lässt einen leeren Ordner "
        "oder ein Muster ohne Treffer zu)\n"
    )
    allowed = run("check", folder, "-f", "json", "--allow-empty")
    assert allowed.exit_code == EXIT_CLEAN
    assert allowed.stdout == "[]\n"
    assert allowed.stderr == (
        "vorlage: keine Dokumente gefunden\n"
        "vorlage: 0 Dokumente geprüft: 0 Fehler, 0 Warnungen, 0 Hinweise\n"
    )
    assert run("check", folder, "-f", "json", "--allow-empty", "--quiet").stderr == ""


def test_each_folder_or_pattern_must_yield_a_document(run, folder: Path) -> None:
    _write(folder, "a.txt", SEED_LIKE)
    (folder / "leer").mkdir()
    result = run("check", folder / "a.txt", folder / "leer", "vorlagen/*.pdf")
    assert result.exit_code == EXIT_UNREADABLE
    assert result.stdout == "", "nothing is checked when a path is wrong"
    assert result.stderr.splitlines() == [
        "vorlage: vorlagen/leer: keine Dokumente gefunden",
        "vorlage: vorlagen/*.pdf: keine Dokumente gefunden (--allow-empty lässt einen leeren "
        "Ordner oder ein Muster ohne Treffer zu)",
    ]
    allowed = run("check", folder / "a.txt", folder / "leer", "vorlagen/*.pdf", "--allow-empty")
    assert allowed.exit_code == EXIT_CLEAN
    assert "BV-7/2025" in allowed.stdout
    excluded = run("check", folder, "--exclude", "a.txt")
    assert excluded.exit_code == EXIT_UNREADABLE
    assert "vorlage: vorlagen: keine Dokumente gefunden" in excluded.stderr


def test_color_only_when_asked_or_on_a_terminal(run, tmp_path: Path, monkeypatch) -> None:
    write_documents(tmp_path / "vorlagen")
    monkeypatch.chdir(tmp_path)
    assert "\x1b[" in run("check", "vorlagen/b-fehler.txt", "--color", "always").stdout
    assert "\x1b[" not in run("check", "vorlagen/b-fehler.txt").stdout
    assert "\x1b[" not in run("check", "vorlagen/b-fehler.txt", "--color", "never").stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_color_environment_is_respected_unless_overridden(monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(ColorChoice.auto, _Terminal())
    assert not use_color(ColorChoice.auto, io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(ColorChoice.auto, _Terminal())
    assert use_color(ColorChoice.always, _Terminal())
    monkeypatch.setenv("NO_COLOR", "")  # no-color.org: an empty value does not count
    assert use_color(ColorChoice.auto, _Terminal())


def test_a_document_that_never_arrives_hits_the_time_limit(run, folder: Path) -> None:
    """A document far slower than the limit, in a worker (two documents) and in this process
    (one document). 40,000 long lines that each look a little like a station (20 MB) take the
    extractor about 20 s on an idle machine, several times the limit; one 8 MB line, which once
    stood in here, now takes 4 s, and a named pipe is refused before it is opened. The limit
    leaves the short document room to finish while other work holds the machine's cores."""
    sentence = "Der Rat beschließt die Sanierung der Brücke am 14.10.2025 im Bauausschuss. "
    line = "Bauausschuss 14.10.2025 Vorberatung " + sentence * 6
    _write(folder, "stau.txt", (line + "\n") * 40_000)
    good = _write(folder, "bv.txt", SEED_LIKE)
    result = run("check", folder / "stau.txt", good, "-f", "jsonl", "--timeout", "3")
    stuck, done = (json.loads(line) for line in result.stdout.splitlines())
    assert stuck["findings"][0]["code"] == "RD020"
    assert "3 s" in stuck["findings"][0]["message"]
    assert done["vorlage"]["nummer"] == "BV-7/2025"
    assert result.exit_code == EXIT_UNREADABLE
    alone = run("check", folder / "stau.txt", "-f", "jsonl", "--timeout", "3")
    assert json.loads(alone.stdout)["findings"][0]["code"] == "RD020"


def _check_with_stderr_on_a_terminal(folder: Path, *options: str) -> tuple[str, str]:
    """Run ``vorlage check -f jsonl`` with stdout to a pipe and stderr to a pseudo-terminal."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "vorlage_cli", "check", str(folder), "-f", "jsonl", *options],
        stdout=subprocess.PIPE,
        stderr=terminal,
        env={**os.environ, "TERM": "xterm", "COLUMNS": "80"},
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal is closed once the process has ended
            break
        if not chunk:
            break
        shown += chunk
    stdout = process.communicate(timeout=60)[0]
    os.close(controller)
    return stdout.decode(), shown.decode(errors="replace")


def test_progress_bar_on_a_terminal_and_never_in_stdout(folder: Path) -> None:
    for index in range(3):
        _write(folder, f"bv-{index}.txt", SEED_LIKE)
    stdout, terminal = _check_with_stderr_on_a_terminal(folder)
    assert "Dokumente" in terminal
    assert [json.loads(line)["vorlage"]["nummer"] for line in stdout.splitlines()] == [
        "BV-7/2025"
    ] * 3
    _, quiet = _check_with_stderr_on_a_terminal(folder, "--quiet")
    assert "Dokumente" not in quiet


def test_no_progress_bar_in_a_pipe(folder: Path) -> None:
    for index in range(3):
        _write(folder, f"bv-{index}.txt", SEED_LIKE)
    result = subprocess.run(
        [sys.executable, "-m", "vorlage_cli", "check", str(folder), "-f", "jsonl"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stderr == "vorlage: 3 Dokumente geprüft: 0 Fehler, 0 Warnungen, 0 Hinweise\n"
    assert len(result.stdout.splitlines()) == 3
