"""Build small PDFs by hand for tests: one page, Helvetica text (regular or bold) and ruling
lines, so that a test can state exactly what a page contains."""

from __future__ import annotations


def pdf_document(content: str) -> bytes:
    """A one-page A4 PDF whose page draws ``content`` (PDF content-stream operators)."""
    stream = content.encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def text(x: float, y_from_top: float, value: str, size: int = 10, *, bold: bool = False) -> str:
    """Draw ``value`` with its baseline ``y_from_top`` points below the page's top edge."""
    escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    font = "/F2" if bold else "/F1"
    return f"BT {font} {size} Tf {x} {842 - y_from_top} Td ({escaped}) Tj ET\n"


def line(x0: float, y0_from_top: float, x1: float, y1_from_top: float) -> str:
    return f"{x0} {842 - y0_from_top} m {x1} {842 - y1_from_top} l S\n"
