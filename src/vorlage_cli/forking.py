"""How worker processes are started, apart from the runner (which imports the whole pipeline).

Workers fork from a server process that imports the pipeline once ('forkserver'; 'spawn' where
the platform has no fork server). That server's imports take about as long as the main
process's own before its first document, so a run over many documents starts the server first
and lets the two import side by side on two cores, instead of one after the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

PRELOAD = ["vorlage_cli.pipeline", "vorlage_cli.extract", "vorlage_cli.readers.pdf"]
"""What the fork server imports once for all its workers. Not pypdfium2: no fork of a process
that has already loaded PDFium."""


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
