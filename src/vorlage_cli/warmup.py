"""What every worker needs before its first document, made once in the worker server.

The server (``forking.PRELOAD``) imports this module before it forks any worker, so each worker
starts with the pipeline's modules imported and with what a first document builds: the shipped
lexicon, the patterns made from its words, the rules' modules loaded on first use and the
caches of the text helpers. Without it every worker built them while the run waited for its
first result (about 0.15 s), and a run started by ``vorlage check`` or ``export`` waited for
the server's imports as well.

The warm-up reads, extracts and checks a short text in the shape of a Vorlage and throws the
result away; what it leaves behind is what any document would have built. PDFium itself is not
loaded here: no worker is forked from a process that has loaded it.

What the warm-up leaves behind is then frozen (``gc.freeze``, after its garbage is collected):
a worker's collections no longer write into those objects, so the memory pages that hold them
stay shared with the server instead of being copied into every worker (a DOCX worker's private
memory 20.6 MB instead of 25.8 MB; its resident size, shared pages included, is the same).

The workers also keep the memory a document freed for the next one (``keep_freed_memory``).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
from pathlib import Path

import vorlage_cli.readers.pdf  # noqa: F401 - the PDF reader's layers (not PDFium)
from vorlage_cli.pipeline import process

_SAMPLE = """\
Stadt Musterstadt
Der Bürgermeister
Musterstadt, 03.02.2025

Drucksache-Nr.: 2025/012
Amt: Schulamt

Beschlussvorlage

Sanierung der Grundschule am Markt

Beratung in öffentlicher Sitzung

Beratungsfolge:

Schulausschuss (Vorberatung) – 10.03.2025
Rat der Stadt (Entscheidung) – 20.03.2025

Beschlussvorschlag:

Der Rat beschließt die Sanierung der Grundschule am Markt mit Kosten von 120.000 Euro.

Begründung:

Das Dach ist undicht. Die Kostenschätzung liegt als Anlage 1 bei.

Finanzielle Auswirkungen:

120.000 Euro im Haushaltsplan 2025.

Max Muster
Bürgermeister

Anlagen:

Anlage 1: Kostenschätzung
"""


FREED_MEMORY_KEPT = 16 * 1024 * 1024
"""Bytes of freed memory a worker keeps rather than returning them to the system: more than
the buffers of one page (PDFium's page and text page, the words and lines made from them)."""


def keep_freed_memory() -> None:
    """Let the C allocator (glibc) keep freed memory for the next page and document: by
    default it hands freed blocks of 128 KiB and more back to the system at once, and the next
    page asks for them again, each time as fresh pages the kernel must clear; over the
    benchmark's 200 PDFs that was 140,000 page faults and 0.7 s of system time, where 13,000
    remain. Set in the server, inherited by every worker it forks; nothing where the C library
    has no ``mallopt``."""
    with contextlib.suppress(OSError, AttributeError):
        mallopt = ctypes.CDLL(None).mallopt
        mallopt(_M_TRIM_THRESHOLD, FREED_MEMORY_KEPT)
        mallopt(_M_MMAP_THRESHOLD, FREED_MEMORY_KEPT)


_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
"""glibc's mallopt parameters (malloc.h)."""

keep_freed_memory()
process(Path("warmup.txt"), data=_SAMPLE.encode())
gc.collect()
gc.freeze()
