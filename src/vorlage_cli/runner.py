"""Processing many documents: in worker processes, with a time limit per document, results in
input order.

Why worker processes and not threads: extraction is CPU-bound Python, and a document that hangs
inside PDFium can only be stopped by ending the process that runs it. The workers start with
'forkserver' where the platform has it (cheap replacements after a stopped worker, and no fork of
a process that has already used PDFium) and 'spawn' elsewhere.

Results are handed on strictly in input order, as soon as the next one in line is ready: the
output is the same byte for byte whatever the number of workers. At most a few documents per
worker are in flight ahead of the next one in line, so memory stays flat however long the run and
however slow one document is. A document that is too slow, crashes its worker or raises is
reported as a finding of its own and never stops or stalls the others.

A single document runs in this process (a worker would cost more to start than a short text
takes to check); its time limit is then an alarm signal, which interrupts Python code and
blocking reads, but not a loop inside a native library.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from vorlage_cli import codes
from vorlage_cli.forking import worker_context
from vorlage_cli.internal import internal_error
from vorlage_cli.model import DocumentResult, Source
from vorlage_cli.pipeline import process, reader_finding

if TYPE_CHECKING:  # multiprocessing loads only where workers start: one document needs none
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext

Task = Callable[[Path], DocumentResult]
"""Turns one path into its result; must be picklable (a module-level function or a
functools.partial of one) because workers receive it."""

IN_FLIGHT_PER_WORKER = 4
"""How far ahead of the next result in line workers may run: enough to keep them busy while one
document is slow, small enough that waiting results never pile up."""

DOCUMENTS_PER_WORKER = 200
"""A worker is replaced by a fresh one after this many documents: a bound on whatever a long run
might leave behind outside Python's sight (native libraries' caches and heaps); a fresh fork
costs a few milliseconds. (The growth that called for it, about 80 KiB per DOCX file, was
python-docx's reference cycles holding the parsed XML, now freed after each document, see
``_serve``: one process over 800 DOCX files stays at 52 MB from the 200th file on.) The
replacement starts when the next document is handed out, not after the last one: a run of
exactly this many documents starts no worker that it does not use."""


def default_jobs() -> int:
    """The cores this process may use (fewer than the machine has in a limited container)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def process_all(
    paths: Sequence[Path], *, jobs: int, timeout: float | None, task: Task = process
) -> Iterator[DocumentResult]:
    """Results for ``paths`` in their order, computed by up to ``jobs`` workers; ``timeout`` is
    the limit in seconds for one document (None: no limit)."""
    if not paths:
        return
    if len(paths) == 1 and _alarm_available():
        yield _in_process(task, paths[0], timeout)
        return
    pool = _Pool(min(jobs, len(paths)), task, timeout)
    try:
        yield from pool.results(paths)
    finally:
        pool.close()


def failed(path: Path, code: str, message: str) -> DocumentResult:
    """The result of a document that could not be processed at all."""
    return DocumentResult(
        source=Source(path=str(path), format=None, sha256=None, pages=None),
        vorlage=None,
        findings=[reader_finding(code, message)],
        valid=False,
    )


def _guarded(task: Task, path: Path) -> DocumentResult:
    """Run ``task`` so that a bug shows as a finding on its document instead of ending the run."""
    try:
        return task(path)
    except Exception as error:
        return failed(
            path, codes.INTERNAL_ERROR, internal_error(error, "bei der Verarbeitung", path)
        )


def _time_limit_message(timeout: float) -> str:
    seconds = f"{timeout:g}".replace(".", ",")
    return f"Verarbeitung nach {seconds} s abgebrochen: Zeitlimit überschritten"


class _TimeLimitError(BaseException):
    """Raised by the alarm; a BaseException so that the guard against bugs does not catch it."""


def _alarm_available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _in_process(task: Task, path: Path, timeout: float | None) -> DocumentResult:
    if not timeout:
        return _guarded(task, path)

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _TimeLimitError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return _guarded(task, path)
    except _TimeLimitError:
        return failed(path, codes.TIME_LIMIT, _time_limit_message(timeout))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _serve(connection: Connection, task: Task) -> None:
    """A worker's life: take a path, send back its result, until told to stop (None) or the
    parent is gone. Ctrl-C reaches the whole process group; the parent alone handles it.

    After each document the worker collects its garbage in full. A document can leave reference
    cycles behind that hold far more memory than the collector counts: python-docx's package
    (parts and relationships pointing at each other) holds every parsed XML part of a DOCX as a
    native lxml tree. Left to the collector's own schedule such cycles wait for a full
    collection, which comes after tens of thousands of objects have aged, i.e. after 100 to 200
    or more documents, depending on what ran before; meanwhile the C heap grows to hold them
    all (a DOCX worker peaked at 88 MB over the benchmark's 200 files instead of 46 MB).

    What the first document loaded (modules, the lexicon and its compiled patterns) lives as
    long as the worker: after it, that is taken out of the garbage collector's sight
    (``gc.freeze``), so that the collection after every later document walks only what that
    document left (about 0.1 ms for a PDF; a DOCX's trees take about 3 ms to free)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm = False
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        index, path = job
        connection.send((index, _guarded(task, path)))
        gc.collect()
        if not warm:
            gc.freeze()
            warm = True


class _Worker:
    def __init__(self, context: BaseContext, task: Task) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, task), daemon=True)
        self.process.start()
        child.close()
        self.job: tuple[int, Path] | None = None
        self.deadline = float("inf")
        self.done = 0

    def assign(self, index: int, path: Path, timeout: float | None) -> None:
        self.job = (index, path)
        self.deadline = time.monotonic() + timeout if timeout else float("inf")
        self.connection.send(self.job)

    def stop(self) -> None:
        """Ask an idle worker to finish; end a busy one, or one that does not finish within a
        moment."""
        if self.job is None and self.process.is_alive():
            with contextlib.suppress(OSError):
                self.connection.send(None)
            self.process.join(1)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


class _Pool:
    def __init__(self, size: int, task: Task, timeout: float | None) -> None:
        self.context = worker_context()
        self.task = task
        self.timeout = timeout
        self.workers = [_Worker(self.context, task) for _ in range(size)]

    def results(self, paths: Sequence[Path]) -> Iterator[DocumentResult]:
        waiting = deque(enumerate(paths))
        ready: dict[int, DocumentResult] = {}
        window = IN_FLIGHT_PER_WORKER * len(self.workers)
        next_index = 0
        while next_index < len(paths):
            for worker in self.workers:
                if worker.job is None and waiting and waiting[0][0] < next_index + window:
                    if worker.done >= DOCUMENTS_PER_WORKER:
                        worker = self._replace(worker)
                    worker.assign(*waiting.popleft(), self.timeout)
            self._collect(ready)
            while next_index in ready:
                yield ready.pop(next_index)
                next_index += 1

    def _collect(self, ready: dict[int, DocumentResult]) -> None:
        """Wait until a worker answers, dies or runs out of time, and take in what happened."""
        from multiprocessing.connection import wait

        busy = [worker for worker in self.workers if worker.job is not None]
        deadline = min(worker.deadline for worker in busy)
        remaining = None if deadline == float("inf") else max(0.0, deadline - time.monotonic())
        signalled = wait(
            [worker.connection for worker in busy] + [worker.process.sentinel for worker in busy],
            remaining,
        )
        for worker in busy:
            assert worker.job is not None
            index, path = worker.job
            if worker.connection in signalled:
                try:
                    answered, result = worker.connection.recv()
                except (EOFError, OSError):
                    ready[index] = failed(path, codes.WORKER_DIED, _crash_message(worker))
                    self._replace(worker)
                    continue
                assert answered == index
                ready[index] = result
                worker.job, worker.deadline = None, float("inf")
                worker.done += 1
            elif worker.process.sentinel in signalled:
                ready[index] = failed(path, codes.WORKER_DIED, _crash_message(worker))
                self._replace(worker)
            elif time.monotonic() >= worker.deadline:
                assert self.timeout is not None
                ready[index] = failed(path, codes.TIME_LIMIT, _time_limit_message(self.timeout))
                self._replace(worker)

    def _replace(self, worker: _Worker) -> _Worker:
        worker.stop()
        fresh = _Worker(self.context, self.task)
        self.workers[self.workers.index(worker)] = fresh
        return fresh

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()


def _crash_message(worker: _Worker) -> str:
    worker.process.join(1)
    code = worker.process.exitcode
    how = f"mit Code {code}"
    if code is not None and code < 0:
        try:
            how = f"durch das Signal {signal.Signals(-code).name}"
        except ValueError:
            how = f"durch das Signal {-code}"
    return f"Verarbeitung abgebrochen: der Arbeitsprozess endete {how}, ohne ein Ergebnis"
