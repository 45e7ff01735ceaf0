"""What goes to the terminal besides the report: colour or not, and a progress bar on stderr.

Colour follows ``--color``: ``auto`` colours a terminal unless NO_COLOR is set (no-color.org),
``always`` and ``never`` override both, as a per-call option should. The progress bar appears
only where someone watches: stderr is a terminal and stdout does not already show the report
there; never in CI logs or pipes, where it would be noise.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import IO


class ColorChoice(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


REPORT_WIDTH = 10_000
"""Columns of a report that goes to a file or a pipe: wide enough for any line, so that nothing
is cut or wrapped at the 80 columns a terminal-less console would assume."""


def report_width(stream: IO[str]) -> int | None:
    """The width to lay a report out in: the terminal's own (None lets rich ask it, COLUMNS
    included) on a terminal, the full length of each line anywhere else."""
    isatty = getattr(stream, "isatty", None)
    return None if isatty is not None and isatty() else REPORT_WIDTH


class LineEnds:
    """A text stream that drops the spaces rich pads table lines with, where they end a line:
    in a file or a pipe they are noise in every diff."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.pending = ""

    def write(self, text: str) -> int:
        lines = (self.pending + text).split("\n")
        self.pending = lines.pop()
        for line in lines:
            self.stream.write(line.rstrip(" ") + "\n")
        return len(text)

    def flush(self) -> None:
        self.stream.write(self.pending)
        self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return False


def report_stream(stream: IO[str]) -> IO[str]:
    """Where a report is written: the terminal as it is, a file or a pipe without trailing
    spaces."""
    return stream if report_width(stream) is None else LineEnds(stream)  # type: ignore[return-value]


def note(message: str) -> None:
    """A message to the user beside the output: on stderr, so that stdout holds only the
    report or the data, and prefixed with the program's name, as in ``vorlage: …``."""
    print(f"vorlage: {message}", file=sys.stderr)


def use_color(choice: ColorChoice, stream: IO[str]) -> bool:
    if choice is ColorChoice.always:
        return True
    if choice is ColorChoice.never or os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


def wants_progress(documents: int, *, quiet: bool, report_to_stdout: bool) -> bool:
    """A bar is worth showing for more than one document, on a terminal that does not show
    the report scroll by at the same time."""
    report_on_terminal = report_to_stdout and sys.stdout.isatty()
    return documents > 1 and not quiet and not report_on_terminal and sys.stderr.isatty()


@contextmanager
def progress(total: int, *, enabled: bool, color: bool) -> Iterator[Callable[[], None]]:
    """Yields the function to call after each document; a bar on stderr when enabled, which
    disappears when the run ends."""
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = Console(file=sys.stderr, no_color=not color)
    with Progress(
        "Dokumente",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("", total=total)
        yield lambda: bar.advance(task)
