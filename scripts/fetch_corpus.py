"""Download the gathered real documents that tests/corpus/manifest.json lists.

The documents are public records (amtliche Werke) that other public repositories keep as test
fixtures. They are not part of this repository: the manifest names each one by repository,
path and commit, and this script fetches it from GitHub into tests/corpus/fetched/ and checks
its SHA-256. Tests that need a document skip while it is absent.

A few documents could only be transcribed from a search index of their repository (the file
had left the repository's current tree); their manifest entry says so under "transcribed",
and the downloaded original may differ from the transcription by a few characters, which is
reported but not an error.

usage: python scripts/fetch_corpus.py [--list] [--force]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
MANIFEST = CORPUS / "manifest.json"
RAW = "https://raw.githubusercontent.com/{repository}/{commit}/{path}"
TIMEOUT = 30


def entries() -> list[dict[str, str]]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def fetch(entry: dict[str, str], *, force: bool) -> str:
    """Fetch one document unless it is present; returns what happened, in a few words."""
    target = CORPUS / entry["file"]
    if target.is_file() and not force:
        return "present"
    url = RAW.format(**entry)
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            data = response.read()
    except (urllib.error.URLError, TimeoutError) as error:
        return f"FAILED ({error})"
    digest = hashlib.sha256(data).hexdigest()
    if digest != entry["sha256"] and "transcribed" not in entry:
        return f"REFUSED: sha256 {digest} differs from the manifest"
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as stream:
        stream.write(data)
    Path(stream.name).replace(target)
    if digest != entry["sha256"]:
        return "fetched (differs from the transcription the golden file was written from)"
    return "fetched"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print the manifest and stop")
    parser.add_argument("--force", action="store_true", help="download present files again")
    arguments = parser.parse_args()
    failed = 0
    for entry in entries():
        if arguments.list:
            source = f"{entry['repository']}@{entry['commit'][:10]}:{entry['path']}"
            print(f"{entry['file']}\t{entry['what']}\t{source}")
            continue
        outcome = fetch(entry, force=arguments.force)
        failed += outcome.startswith(("FAILED", "REFUSED"))
        print(f"{entry['file']}: {outcome}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
