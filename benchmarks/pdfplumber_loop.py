"""The naive baseline: every page of every PDF through pdfplumber's ``extract_text``.

This is what a tool built directly on pdfplumber does before any layout work of its own; the
benchmark runs it as one process over all files, as ``vorlage export`` runs.
"""

from __future__ import annotations

import sys

import pdfplumber


def main(paths: list[str]) -> int:
    out = sys.stdout
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                out.write(page.extract_text() or "")
                out.write("\f")
                page.close()  # drop the page's cached objects, as a long run must
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
