"""The commands apart from the command line: an Options object in, an exit code out; and the
one line every part shows for a bug."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest

from vorlage_cli import cli, codes, commands
from vorlage_cli.commands import EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE, run_check
from vorlage_cli.model import DocumentResult
from vorlage_cli.options import FailOn, Options
from vorlage_cli.report import Summary
from vorlage_cli.rules.catalogue import READER_CODES, severity_of

from .conftest import ROOT
from .test_cli import SEED_LIKE


class Collecting:
    """A reporter that keeps what it is given."""

    def __init__(self) -> None:
        self.results: list[DocumentResult] = []
        self.summary: Summary | None = None

    def document(self, result: DocumentResult) -> None:
        self.results.append(result)

    def finish(self, summary: Summary) -> None:
        self.summary = summary


def _for(reporter: Collecting) -> Callable[[IO[str]], Collecting]:
    return lambda stream: reporter


def test_run_check_reports_each_document_and_returns_the_exit_code(tmp_path: Path) -> None:
    clean = tmp_path / "a.txt"
    clean.write_text(SEED_LIKE, encoding="utf-8")
    late = tmp_path / "b.txt"
    late.write_text(SEED_LIKE.replace("27.02.2025", "10.02.2025"), encoding="utf-8")
    reporter = Collecting()
    assert run_check(Options(paths=(clean,)), _for(reporter)) == EXIT_CLEAN
    reporter = Collecting()
    assert run_check(Options(paths=(tmp_path,)), _for(reporter)) == EXIT_FINDINGS
    assert [Path(r.source.path).name for r in reporter.results] == ["a.txt", "b.txt"]
    assert reporter.summary is not None and reporter.summary.documents == 2
    assert run_check(Options(paths=(tmp_path,), exit_zero=True), _for(Collecting())) == EXIT_CLEAN
    missing = Options(paths=(tmp_path / "fehlt.txt",), fail_on=FailOn.info)
    assert run_check(missing, _for(Collecting())) == EXIT_UNREADABLE


def test_a_broken_configuration_ends_the_run_before_any_output(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED_LIKE, encoding="utf-8")
    (tmp_path / ".vorlage.toml").write_text("[rules\n", encoding="utf-8")
    reporter = Collecting()
    with pytest.raises(commands.RunError, match=r"\.vorlage\.toml"):
        run_check(Options(paths=(tmp_path,)), _for(reporter))
    assert reporter.results == []


def test_reader_codes_are_spelt_once() -> None:
    constants = {
        value for name, value in vars(codes).items() if name.isupper() and isinstance(value, str)
    }
    assert constants == {entry.code for entry in READER_CODES}
    literal = re.compile(r'"(RD\d{3})"')
    for source in (ROOT / "src" / "vorlage_cli").rglob("*.py"):
        for code in literal.findall(source.read_text(encoding="utf-8")):
            assert code in constants, f"{source.name}: {code} is not in codes.py"


def test_reader_severities_come_from_the_catalogue() -> None:
    assert severity_of(codes.TRUNCATED) == "warning"
    assert severity_of(codes.CANNOT_OPEN) == "error"
    assert severity_of("BF003") == "error"
    with pytest.raises(KeyError):
        severity_of("XY999")


INTERNAL = re.compile(
    r"interner Fehler( [^(]+)? \(ValueError: kaputt\); bitte melden, "
    r"VORLAGE_DEBUG=1 zeigt die Einzelheiten"
)


def test_a_bug_shows_the_same_line_in_the_command_line_and_in_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object) -> int:
        raise ValueError("kaputt")

    monkeypatch.setattr(cli, "run_check", broken)
    monkeypatch.setattr(sys, "argv", ["vorlage", "check", str(tmp_path)])
    monkeypatch.delenv("VORLAGE_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == EXIT_UNREADABLE
    printed = capsys.readouterr().err
    assert printed.startswith("vorlage: ") and INTERNAL.fullmatch(printed.strip()[9:])
    assert "Traceback" not in printed

    document = tmp_path / "a.txt"
    document.write_text(SEED_LIKE, encoding="utf-8")
    monkeypatch.setattr("vorlage_cli.rules.run_rules", broken)
    reporter = Collecting()
    assert run_check(Options(paths=(document,)), _for(reporter)) == EXIT_UNREADABLE
    (finding,) = reporter.results[0].findings
    assert finding.code == codes.INTERNAL_ERROR
    assert INTERNAL.fullmatch(finding.message)


def test_the_traceback_only_when_asked_for(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from vorlage_cli.internal import internal_error

    monkeypatch.setenv("VORLAGE_DEBUG", "1")
    try:
        raise ValueError("kaputt")
    except ValueError as error:
        line = internal_error(error, "beim Lesen", Path("a.pdf"))
    assert INTERNAL.fullmatch(line)
    assert "Traceback" in capsys.readouterr().err
