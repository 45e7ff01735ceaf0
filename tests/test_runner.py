"""Worker processes: results in input order, a slow, crashing or failing document reported on its
own while the others go on, a stopped worker really gone, and what a document left in reference
cycles freed before the next.

The tasks below stand in for the pipeline: their behaviour is written into each file's name, so
that a test says what each document does. Workers import them from this module.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from vorlage_cli import runner
from vorlage_cli.model import DocumentResult, Finding, Source
from vorlage_cli.runner import IN_FLIGHT_PER_WORKER, process_all


def _result(path: Path, message: str) -> DocumentResult:
    return DocumentResult(
        source=Source(path=str(path), format="txt", sha256=None, pages=None),
        vorlage=None,
        findings=[Finding(code="T001", severity="info", message=message)],
        valid=True,
    )


def behave(path: Path) -> DocumentResult:
    """sleep-<seconds>, hang (records its pid, then sleeps), crash, raise, or just answer."""
    name = path.stem
    if name.startswith("sleep-"):
        time.sleep(float(name.split("-")[1]))
    elif name == "hang":
        path.with_suffix(".pid").write_text(str(os.getpid()))
        time.sleep(600)
    elif name == "crash":
        os.kill(os.getpid(), signal.SIGKILL)
    elif name == "raise":
        raise ValueError("kaputt")
    return _result(path, name)


def count_started(path: Path) -> DocumentResult:
    """Every document leaves a mark; the first waits a while and then counts the marks, i.e. how
    many documents workers took on while it was still running."""
    path.with_suffix(".started").touch()
    if path.stem == "00":
        time.sleep(1.5)
        started = len(list(path.parent.glob("*.started"))) - 1
        return _result(path, str(started))
    return _result(path, "")


def _files(folder: Path, *names: str) -> list[Path]:
    return [folder / f"{name}.txt" for name in names]


def _messages(results: list[DocumentResult]) -> list[tuple[str, str]]:
    return [(result.findings[0].code, result.findings[0].message) for result in results]


def test_results_come_in_input_order_whatever_finishes_first(tmp_path: Path) -> None:
    files = _files(tmp_path, "sleep-0.6", "sleep-0", "sleep-0.3", "sleep-0", "a", "b")
    results = list(process_all(files, jobs=2, timeout=None, task=behave))
    assert [result.source.path for result in results] == [str(path) for path in files]


def test_a_hanging_document_is_stopped_and_the_others_go_on(tmp_path: Path) -> None:
    files = _files(tmp_path, "a", "hang", "b", "c")
    results = list(process_all(files, jobs=2, timeout=1, task=behave))
    codes = [result.findings[0].code for result in results]
    assert codes == ["T001", "RD020", "T001", "T001"]
    assert results[1].vorlage is None and not results[1].valid
    assert "1 s" in results[1].findings[0].message
    pid = int((tmp_path / "hang.pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_crashing_worker_is_reported_and_replaced(tmp_path: Path) -> None:
    files = _files(tmp_path, "crash", "a", "crash", "b", "c")
    results = list(process_all(files, jobs=1, timeout=None, task=behave))
    assert [code for code, _ in _messages(results)] == ["RD021", "T001", "RD021", "T001", "T001"]
    assert "SIGKILL" in results[0].findings[0].message


def test_an_exception_is_a_finding_on_its_document(tmp_path: Path) -> None:
    files = _files(tmp_path, "raise", "a")
    results = list(process_all(files, jobs=2, timeout=None, task=behave))
    assert results[0].findings[0].code == "RD022"
    assert "ValueError: kaputt" in results[0].findings[0].message
    assert _messages(results[1:]) == [("T001", "a")]


def test_a_single_document_runs_in_process_with_a_time_limit(tmp_path: Path) -> None:
    (hang,) = _files(tmp_path, "hang")
    (result,) = process_all([hang], jobs=4, timeout=0.5, task=behave)
    assert result.findings[0].code == "RD020"
    assert int((tmp_path / "hang.pid").read_text()) == os.getpid()


def test_workers_run_only_a_bounded_window_ahead_of_a_slow_document(tmp_path: Path) -> None:
    files = _files(tmp_path, *[f"{index:02d}" for index in range(40)])
    results = list(process_all(files, jobs=2, timeout=None, task=count_started))
    assert [result.source.path for result in results] == [str(path) for path in files]
    started_meanwhile = int(results[0].findings[0].message)
    # One worker is busy with document 00; the other may take on documents up to the window.
    assert 1 <= started_meanwhile <= 2 * IN_FLIGHT_PER_WORKER - 1


def test_nothing_to_do_starts_nothing() -> None:
    assert list(process_all([], jobs=4, timeout=1, task=behave)) == []


def report_pid(path: Path) -> DocumentResult:
    return _result(path, str(os.getpid()))


def test_workers_are_renewed_after_a_number_of_documents(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(runner, "DOCUMENTS_PER_WORKER", 3)
    files = _files(tmp_path, *[f"{index:02d}" for index in range(7)])
    results = list(process_all(files, jobs=1, timeout=None, task=report_pid))
    pids = [result.findings[0].message for result in results]
    assert pids[0] == pids[1] == pids[2] != pids[3] == pids[4] == pids[5] != pids[6]
    assert str(os.getpid()) not in pids


def test_a_worker_is_renewed_only_when_a_document_is_left_for_it(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(runner, "DOCUMENTS_PER_WORKER", 3)
    started: list[int] = []

    class CountedWorker(runner._Worker):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            started.append(self.process.pid)

    monkeypatch.setattr(runner, "_Worker", CountedWorker)
    files = _files(tmp_path, *[f"{index:02d}" for index in range(6)])
    results = list(process_all(files, jobs=1, timeout=None, task=report_pid))
    pids = [int(result.findings[0].message) for result in results]
    # two workers of three documents each; none started after the last document
    assert started == [pids[0], pids[3]]
    assert pids[0] != pids[3]


class _Cycle:
    """An object in a reference cycle, as python-docx's package and parts are: only the
    collector frees it, and when it does, it leaves a mark beside its document."""

    def __init__(self, mark: Path) -> None:
        self.mark = mark
        self.itself = self

    def __del__(self) -> None:
        self.mark.touch()


def leave_old_cycle(path: Path) -> DocumentResult:
    """Say which earlier documents' cycles are freed by now, then leave a cycle that has aged
    into the oldest generation, as the long-lived objects of a real document do."""
    freed = sorted(mark.stem for mark in path.parent.glob("*.freed"))
    cycle = _Cycle(path.with_suffix(".freed"))
    gc.collect(1)  # survivors of the middle generation move to the oldest
    del cycle
    return _result(path, " ".join(freed))


def test_a_worker_frees_what_a_document_left_in_cycles_before_the_next(tmp_path: Path) -> None:
    files = _files(tmp_path, "a", "b", "c", "d")
    results = list(process_all(files, jobs=1, timeout=None, task=leave_old_cycle))
    assert [message for _, message in _messages(results)] == ["", "a", "a b", "a b c"]


def report_frozen(path: Path) -> DocumentResult:
    return _result(path, str(gc.get_freeze_count()))


@pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(), reason="no fork server here"
)
def test_a_worker_starts_with_what_the_warm_up_loaded_frozen(tmp_path: Path) -> None:
    """Frozen in the server, the warm-up's objects stay on pages the workers share with it."""
    files = _files(tmp_path, "a", "b")
    results = list(process_all(files, jobs=1, timeout=None, task=report_frozen))
    assert int(results[0].findings[0].message) > 10_000
