"""The one way to report an exception that no code anticipated, that is, a bug.

The pipeline turns it into a finding on the document that found it, the runner does the same
for a worker's task, and the command line uses it as its last guard. Each shows one German
line, not a traceback: a batch over thousands of files wants one line per bad file, and a
traceback may show a password or document text in a CI log. ``VORLAGE_DEBUG=1`` adds the
traceback on stderr for whoever fixes the bug.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

MAX_DETAIL = 200
"""Characters of the exception's message kept in the line."""


def debugging() -> bool:
    return bool(os.environ.get("VORLAGE_DEBUG"))


def internal_error(error: BaseException, stage: str = "", path: Path | None = None) -> str:
    """The German line for ``error`` ("interner Fehler beim Lesen (KeyError: 'x'); bitte
    melden, …"); ``stage`` says what was being done, ``path`` which file (for the traceback
    only: the caller names the file in its own way)."""
    if debugging():
        where = f"{path}: " if path is not None else ""
        print(f"vorlage: {where}interner Fehler {stage}:".replace(" :", ":"), file=sys.stderr)
        traceback.print_exception(error, file=sys.stderr)
    detail = (str(error).splitlines() or [""])[0][:MAX_DETAIL]
    stage = f" {stage}" if stage else ""
    return (
        f"interner Fehler{stage} ({type(error).__name__}{': ' + detail if detail else ''}); "
        "bitte melden, VORLAGE_DEBUG=1 zeigt die Einzelheiten"
    )
