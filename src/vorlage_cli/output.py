"""Writing output files safely: never half-written, never over an input, never over an existing
file unless asked, never outside the folder it was asked for.

Every failure is an :class:`OutputError` whose message is one German line naming the target:
a read-only folder, a full disk or a parent that is a file are the user's to fix, not a bug,
and the temporary file of a failed write is removed before the error is raised."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path, PurePath
from types import FrameType
from typing import IO

from vorlage_cli.model import DocumentResult
from vorlage_cli.system_errors import reason

MAX_NAME = 100
"""Characters of a name derived from a document: well inside every file system's limit of 255
bytes, even in UTF-8 with umlauts."""

_UNSAFE = re.compile(r"[^\w.-]+")
_INTERRUPTS = (signal.SIGINT, signal.SIGTERM)
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"{kind}{n}" for kind in ("COM", "LPT") for n in range(1, 10)]
)


def resolved(paths: Iterable[Path]) -> frozenset[Path]:
    """The inputs of a run as absolute paths without links, to compare outputs against once."""
    return frozenset(path.resolve() for path in paths)


class OutputError(Exception):
    """An output that must not or cannot be written; the message names it and says why."""


class WriteError(OutputError):
    """The system refused a write (no permission, a full disk …): the files after it would
    fail the same way, so a run stops here."""


def write_error(target: Path | str, error: OSError) -> WriteError:
    return WriteError(f"{target}: lässt sich nicht schreiben: {reason(error)}")


def _missing_folder(target: Path) -> WriteError:
    """Why the folder of ``target`` is not there: a file on the way, or no such folder."""
    for ancestor in target.parents:
        if ancestor.exists():
            if not ancestor.is_dir():
                return WriteError(
                    f"{target}: lässt sich nicht schreiben: {ancestor} ist eine Datei, kein Ordner"
                )
            break
    return WriteError(
        f"{target}: lässt sich nicht schreiben: der Ordner {target.parent} existiert nicht"
    )


_TEMPORARIES: set[str] = set()
"""The temporary files of writers not yet finished, for :func:`terminate_like_interrupt` to
remove where an interruption came between a writer's last write and its own cleanup."""


class AtomicWriter:
    """A text file written to a temporary file beside the target and renamed into place on
    success, so that an interrupted run leaves the old file (or none), never a torn one."""

    def __init__(
        self, target: Path, *, inputs: Collection[Path] = frozenset(), force: bool = False
    ) -> None:
        """``inputs`` are the resolved paths of the run's inputs (see :func:`resolved`)."""
        self.target = target
        if target.resolve() in inputs or _hard_link_to_any(target, inputs):
            raise OutputError(f"{target}: die Ausgabedatei ist zugleich eine Eingabe")
        if target.is_dir():
            raise OutputError(f"{target}: ist ein Ordner")
        if target.exists() and not force:
            raise OutputError(f"{target}: existiert bereits (mit --force überschreiben)")
        if not target.parent.is_dir():
            raise _missing_folder(target)
        self._stream: IO[str] | None = None
        self._temporary: str | None = None

    def __enter__(self) -> IO[str]:
        try:
            with deferred_interrupts():
                descriptor, self._temporary = tempfile.mkstemp(
                    prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent
                )
                _TEMPORARIES.add(self._temporary)
                self._stream = os.fdopen(descriptor, "w", encoding="utf-8", newline="\n")
                if hasattr(os, "fchmod"):
                    # mkstemp makes the file readable by its owner only; an output should get
                    # the permissions any new file gets.
                    os.fchmod(descriptor, 0o666 & ~_umask())
        except OSError as error:
            self._discard()
            raise write_error(self.target, error) from None
        except BaseException:
            self._discard()
            raise
        return self._stream

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _: object
    ) -> None:
        """Put the file in place, or remove it; a failed write (a full disk shows only when
        the data is flushed) becomes the OutputError that names the target."""
        assert self._stream is not None and self._temporary is not None
        with deferred_interrupts():
            try:
                self._stream.flush()
                if kind is None:
                    os.fsync(self._stream.fileno())
                    self._stream.close()
                    Path(self._temporary).replace(self.target)
            except OSError as failed:
                self._discard()
                raise write_error(self.target, failed) from None
            finally:
                self._discard()
        if isinstance(error, OSError) and not isinstance(error, OutputError):
            raise write_error(self.target, error) from None

    def _discard(self) -> None:
        """Remove the temporary file unless it became the target; closing a stream whose data
        could not be written fails again, and that second failure says nothing new."""
        if self._stream is not None:
            with contextlib.suppress(OSError):
                self._stream.close()
        if self._temporary is not None:
            Path(self._temporary).unlink(missing_ok=True)
            _TEMPORARIES.discard(self._temporary)


def _hard_link_to_any(target: Path, inputs: Collection[Path]) -> bool:
    """Whether an existing target is another name of an input's file (a hard link), which
    resolving names cannot show: writing it would replace the input's content."""
    try:
        found = target.stat()
    except OSError:
        return False
    if found.st_nlink < 2:
        return False
    for path in inputs:
        try:
            if path.samefile(target):
                return True
        except OSError:
            continue
    return False


@contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Hold back Ctrl-C and SIGTERM while a file is created or put in place, and deliver them
    afterwards: an interruption in the middle would leave a temporary file behind.

    Python runs signal handlers in the main thread only, so elsewhere there is nothing to defer.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def remember(signum: int, frame: FrameType | None) -> None:
        received.append(signum)

    previous = {number: signal.signal(number, remember) for number in _INTERRUPTS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if received:
            signal.raise_signal(received[0])


@cache
def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def safe_name(result: DocumentResult) -> str:
    """A file name (without extension) for a document: its number and revision, or its file's
    name where no number was found, reduced to letters, digits, ".", "-" and "_".

    A slash, a backslash or ".." can never survive ("VL-40/2024" → "VL-40-2024", "../x" → "x"),
    and names Windows reserves for devices (CON, NUL, …) get a leading underscore."""
    vorlage = result.vorlage
    if vorlage is not None and vorlage.nummer:
        raw = " ".join(part for part in (vorlage.nummer, vorlage.fassung) if part)
    else:
        raw = PurePath(result.source.path).stem
    name = _UNSAFE.sub("-", unicodedata.normalize("NFC", raw))
    name = re.sub(r"-{2,}", "-", name).strip(".-_")[:MAX_NAME].rstrip(".-_") or "dokument"
    if name.split(".")[0].upper() in _RESERVED:
        name = f"_{name}"
    return name


class FolderWriter:
    """One ``<safe name>.json`` per document in a folder, each written atomically.

    Two documents with the same number get "-2", "-3" … in input order (compared without case,
    for file systems that ignore it), so the names are the same on every run."""

    def __init__(
        self,
        folder: Path,
        *,
        inputs: Collection[Path] = frozenset(),
        force: bool = False,
        render: Callable[[DocumentResult], str | None] | None = None,
    ) -> None:
        """``render`` is what a document's file holds (default: its data contract, indented);
        a document it renders as None gets no file."""
        if folder.exists() and not folder.is_dir():
            raise OutputError(f"{folder}: ist eine Datei, kein Ordner")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise WriteError(
                f"{folder}: Ordner lässt sich nicht anlegen: {reason(error)}"
            ) from None
        self.folder = folder
        self.inputs = inputs
        self.force = force
        self.render = render or (lambda result: result.model_dump_json(indent=2))
        self.used: set[str] = set()

    def write(self, result: DocumentResult) -> Path | None:
        """Write one document; raises OutputError (and writes nothing) where its file exists
        and may not be replaced. Returns the file written, None where there is nothing to
        write."""
        text = self.render(result)
        if text is None:
            return None
        stem = base = safe_name(result)
        number = 1
        while stem.casefold() in self.used:
            number += 1
            stem = f"{base}-{number}"
        self.used.add(stem.casefold())
        target = self.folder / f"{stem}.json"
        with AtomicWriter(target, inputs=self.inputs, force=self.force) as stream:
            stream.write(text + "\n")
        return target


@contextmanager
def terminate_like_interrupt() -> Iterator[None]:
    """Let SIGTERM (a CI job being cancelled, ``kill``) unwind like Ctrl-C, so that temporary
    files are removed and workers stopped instead of being left behind.

    A signal handler runs between two instructions, so an interruption can land at the very
    start of a writer's ``__exit__``, before it holds signals back: the exception then leaves
    the writer without its cleanup. Whatever temporary file is left is removed here, when the
    run unwinds."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        for leftover in list(_TEMPORARIES):
            Path(leftover).unlink(missing_ok=True)
            _TEMPORARIES.discard(leftover)
