"""Timing whole processes from outside: wall time, CPU time and peak memory of a command.

Each figure comes from the operating system's own accounting of the finished process
(``os.wait4``), the same numbers ``/usr/bin/time -v`` prints. Peak memory is that of the largest
single process of the command's tree: the launcher becomes a "child subreaper" (Linux), so that
worker processes which outlive their parent (a forkserver, say) are still accounted.

Commands are started by a small launcher process (this file run as a script) rather than by the
benchmark itself: a process's peak memory includes the memory image of the process it was
forked from, and the benchmark is large once it has built a corpus. The launcher's own size
(about 10 MB, see :func:`floor`) is thus the smallest peak that can be reported.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

PR_SET_CHILD_SUBREAPER = 36


@dataclass(frozen=True, slots=True)
class Run:
    """One finished run of a command."""

    wall: float
    """Seconds from start until the command's own process ended."""
    cpu: float
    """User plus system seconds of the whole process tree."""
    peak_rss: int
    """Bytes: the largest resident set of any single process of the tree."""
    command_rss: int
    """Bytes: the largest resident set of the command's own process and the children it waited
    for (the main process of a tool with worker processes)."""
    exit_code: int
    stderr: str


@dataclass(slots=True)
class Series:
    """Runs of one command; the median is what a table quotes, since these machines are noisy."""

    runs: list[Run] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(run.wall for run in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(run.cpu for run in self.runs)

    @property
    def peak_rss(self) -> int:
        """The largest of the runs: memory is a limit, so the worst run counts."""
        return max(run.peak_rss for run in self.runs)

    @property
    def command_rss(self) -> int:
        return max(run.command_rss for run in self.runs)


def _become_subreaper() -> None:
    """Adopt orphaned descendants (Linux only; elsewhere their memory is simply not seen)."""
    if sys.platform != "linux":
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def run(command: Sequence[str]) -> Run:
    """Run ``command`` once through the launcher, output discarded; its whole tree accounted."""
    launched = subprocess.run(
        [sys.executable, "-S", __file__, *command], capture_output=True, text=True, check=False
    )
    if launched.returncode != 0:
        raise RuntimeError(f"the launcher failed: {launched.stderr.strip()}")
    return Run(**json.loads(launched.stdout))


def floor() -> int:
    """Bytes: the peak that a command of almost no memory shows (the launcher's own size)."""
    return run([sys.executable, "-S", "-c", "pass"]).peak_rss


def _launch(command: Sequence[str]) -> Run:
    """Run ``command`` as a child of this (small) process and account for its whole tree."""
    _become_subreaper()
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            list(command), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
        own = peak = usage.ru_maxrss
        # Descendants that outlived the command were handed to this process: reap them too.
        while True:
            try:
                _, _, orphan = os.wait4(-1, 0)
            except ChildProcessError:
                break
            cpu += orphan.ru_utime + orphan.ru_stime
            peak = max(peak, orphan.ru_maxrss)
        errors.seek(0)
        stderr = errors.read().decode("utf-8", errors="replace")
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    unit = 1 if sys.platform == "darwin" else 1024
    return Run(wall, cpu, peak * unit, own * unit, process.returncode, stderr)


def measure(
    commands: dict[str, Sequence[str]],
    runs: int,
    *,
    warmups: dict[str, Sequence[str]] | None = None,
) -> dict[str, Series]:
    """Each command ``runs`` times, taking turns (A B C A B C …) so that a machine that slows
    down for a while slows all of them alike. ``warmups`` are short versions of the commands run
    once first: they load the programs and libraries into the page cache."""
    for command in (warmups or {}).values():
        run(command)
    series = {label: Series() for label in commands}
    for _ in range(runs):
        for label, command in commands.items():
            series[label].runs.append(run(command))
    return series


if __name__ == "__main__":
    print(json.dumps(asdict(_launch(sys.argv[1:]))))
