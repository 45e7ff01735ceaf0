"""Writing output files safely: never half-written, never over an input, never over an existing
file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO


class OutputError(Exception):
    """An output that must not be written; the message says why."""


class AtomicWriter:
    """A text file written to a temporary file beside the target and renamed into place on
    success, so that an interrupted run leaves the old file (or none), never a torn one."""

    def __init__(self, target: Path, *, inputs: list[Path] = (), force: bool = False) -> None:  # type: ignore[assignment]
        self.target = target
        resolved = target.resolve()
        if any(path.resolve() == resolved for path in inputs):
            raise OutputError(f"{target}: die Ausgabedatei ist zugleich eine Eingabe")
        if target.is_dir():
            raise OutputError(f"{target}: ist ein Ordner")
        if target.exists() and not force:
            raise OutputError(f"{target}: existiert bereits (mit --force überschreiben)")
        if not target.parent.is_dir():
            raise OutputError(f"{target.parent}: Ordner existiert nicht")
        self._stream: IO[str] | None = None
        self._temporary: str | None = None

    def __enter__(self) -> IO[str]:
        descriptor, self._temporary = tempfile.mkstemp(
            prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent
        )
        self._stream = os.fdopen(descriptor, "w", encoding="utf-8", newline="\n")
        return self._stream

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        assert self._stream is not None and self._temporary is not None
        self._stream.flush()
        if kind is None:
            os.fsync(self._stream.fileno())
        self._stream.close()
        if kind is None:
            Path(self._temporary).replace(self.target)
        else:
            Path(self._temporary).unlink(missing_ok=True)
