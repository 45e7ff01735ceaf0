"""What the operating system said, in German: ``strerror`` is English ("No space left on
device") and would be the one English phrase in a German message."""

from __future__ import annotations

import errno

_REASONS = {
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "keine Berechtigung",
    errno.EROFS: "das Dateisystem ist schreibgeschützt",
    errno.ENOSPC: "kein Platz mehr auf dem Datenträger",
    errno.ENOTDIR: "ein Teil des Pfads ist eine Datei, kein Ordner",
    errno.ENOENT: "nicht gefunden",
    errno.EISDIR: "ist ein Ordner",
    errno.EEXIST: "existiert bereits",
    errno.ENAMETOOLONG: "der Name ist zu lang",
    errno.EIO: "Ein-/Ausgabefehler des Datenträgers",
    errno.EFBIG: "die Datei würde zu groß",
    errno.EMFILE: "zu viele offene Dateien",
    errno.ELOOP: "zu viele symbolische Links hintereinander",
    errno.EBUSY: "wird gerade benutzt",
    **({errno.EDQUOT: "das Speicherkontingent ist erschöpft"} if hasattr(errno, "EDQUOT") else {}),
}


def reason(error: OSError) -> str:
    """The reason for ``error`` in German; the system's own text where there is none."""
    known = _REASONS.get(error.errno) if error.errno is not None else None
    return known or error.strerror or type(error).__name__
