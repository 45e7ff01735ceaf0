"""How worker processes are started, apart from the runner (which imports the whole pipeline).

Workers fork from a server process that imports the pipeline once and warms it up
(``warmup.py``; 'forkserver', or 'spawn' where the platform has no fork server). That takes
about as long as the main process's own start before its first document (the command-line
framework, finding the inputs, resolving their configurations), so a run over many documents
starts the server first, before even the command line is parsed, and the two run side by side
on two cores instead of one after the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

PRELOAD = ["vorlage_cli.warmup"]
"""What the fork server imports once for all its workers: the pipeline, warmed up. Not
pypdfium2: no fork of a process that has already loaded PDFium."""

RUNS = ("check", "export")
"""The commands that run documents, in workers where there are several."""


def worker_context() -> BaseContext:
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def start_early(documents: int) -> None:
    """Start the fork server now where workers will be needed (more than one document; one
    runs in the main process), so that it imports while the main process resolves the run."""
    if documents < 2:
        return
    context = worker_context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def start_for_command_line(arguments: Sequence[str]) -> None:
    """Start the fork server before the command line is parsed where the call will need
    workers: ``check`` or ``export`` of a folder, a search pattern or at least two files. A
    guess from the words alone (an option's value that names a file counts as one), so a
    wrong guess costs only an idle server; ``start_early`` decides again once the inputs are
    known."""
    if not arguments or arguments[0] not in RUNS:
        return
    import glob

    files = 0
    for argument in arguments[1:]:
        if argument.startswith("-"):
            continue
        if glob.has_magic(argument) or Path(argument).is_dir():
            files = 2
            break
        files += Path(argument).is_file()
        if files >= 2:
            break
    start_early(files)
