"""Small Vorlagen built for the output-format tests: one of each kind of result a report must
show (clean, an error with a line, a warning without a place, an unreadable file, a DOCX finding
located by paragraph), byte for byte the same on every run so that snapshots stay stable."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .test_cli import SEED_LIKE

MITTEILUNG = (
    "MITTEILUNGSVORLAGE MV-3/2025\n\n"
    "ERSTELLT DURCH\tERSTELLT AM\tSITZUNGSTEIL\n"
    "Ordnungsamt\t05.02.2025\töffentlich\n\n"
    "GREMIUM\tSTATUS\tTERMIN\tEINLADUNG\tTOP\n"
    "Hauptausschuss\tzur Kenntnis\t19.02.2025\t3/2025\t7\n\n"
    "BEZEICHNUNG DES TAGESORDNUNGSPUNKTES\n\nBericht über den Winterdienst\n\n"
    "SACHDARSTELLUNG\n\nDer Winterdienst war im Januar an 12 Tagen im Einsatz.\n"
)

DECISION_TOO_EARLY = SEED_LIKE.replace("BV-7/2025", "BV-8/2025").replace("27.02.2025", "10.02.2025")
"""The Rat decides on 10.02.2025, before the Umweltausschuss advises on 12.02.2025 (line 8)."""

IMPOSSIBLE_DATE = SEED_LIKE.replace("BV-7/2025", "BV-9/2025").replace("12.02.2025", "31.02.2025")
"""The Umweltausschuss meets on 31.02.2025, which does not exist (paragraph 7 in the DOCX)."""


def docx_bytes(text: str) -> bytes:
    """A DOCX with one paragraph per line, its ZIP entries dated 1980 and stored uncompressed,
    so that neither the clock nor the zlib version changes its bytes."""
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    built = io.BytesIO()
    document.save(built)
    stable = io.BytesIO()
    with (
        zipfile.ZipFile(built) as source,
        zipfile.ZipFile(stable, "w", zipfile.ZIP_STORED) as target,
    ):
        for entry in source.infolist():
            target.writestr(
                zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0)),
                source.read(entry.filename),
            )
    return stable.getvalue()


def write_documents(folder: Path) -> Path:
    """Five documents, in the order discovery sorts them."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a-sauber.txt").write_text(SEED_LIKE, encoding="utf-8")
    (folder / "b-fehler.txt").write_text(DECISION_TOO_EARLY, encoding="utf-8")
    (folder / "c-mitteilung.pdf").write_text(MITTEILUNG, encoding="utf-8")
    (folder / "d-leer.txt").write_text("", encoding="utf-8")
    (folder / "e-datum.docx").write_bytes(docx_bytes(IMPOSSIBLE_DATE))
    return folder
