"""Errors that tell the truth: every input that fails is named with its reason, a write that
fails is one line naming its target and leaves nothing behind, an empty search is an error,
formats the tool does not read are named, and standard input is a document like any other."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest

from vorlage_cli import output

from .documents import docx_bytes
from .hostile import make_pdf
from .test_cli import SEED_LIKE
from .test_hostile_inputs import PDF_TEXT

DOC = "altes Word-Format (.doc): bitte als DOCX, ODT oder PDF speichern"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("vorlagen").mkdir()
    Path("vorlagen/a.txt").write_text(SEED_LIKE, encoding="utf-8")
    Path("vorlagen/b.txt").write_text(SEED_LIKE.replace("BV-7", "BV-8"), encoding="utf-8")
    return tmp_path


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# --- every failing input, and a summary, on stderr -------------------------------------------


def test_check_names_each_failing_input_and_ends_with_a_summary(run, here: Path) -> None:
    Path("vorlagen/c.txt").write_text("", encoding="utf-8")
    result = run("check", "vorlagen", "fehlt.pdf", "-f", "json")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "vorlage: vorlagen/c.txt: die Datei ist leer (RD003)",
        "vorlage: fehlt.pdf: Datei nicht gefunden (RD002)",
        "vorlage: 4 Dokumente geprüft: 2 nicht lesbar, 2 Fehler, 0 Warnungen, 0 Hinweise",
    ]
    assert [doc["source"]["path"] for doc in json.loads(result.stdout)] == [
        "vorlagen/a.txt",
        "vorlagen/b.txt",
        "vorlagen/c.txt",
        "fehlt.pdf",
    ]
    quiet = run("check", "vorlagen", "fehlt.pdf", "-f", "json", "--quiet")
    assert quiet.stderr.splitlines() == result.stderr.splitlines()[:2], "errors even when quiet"


def test_a_successful_export_says_what_it_did(run, here: Path) -> None:
    result = run("export", "vorlagen", "-o", "alle.jsonl")
    assert result.exit_code == 0
    assert result.stderr == "vorlage: 2 Dokumente nach alle.jsonl exportiert\n"
    to_stdout = run("export", "vorlagen")
    assert to_stdout.stderr == "vorlage: 2 Dokumente exportiert\n"
    assert len(to_stdout.stdout.splitlines()) == 2
    assert run("export", "vorlagen", "-q").stderr == ""


def test_export_names_each_failing_input(run, here: Path) -> None:
    Path("vorlagen/alt.doc").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600))
    result = run("export", "vorlagen/a.txt", "vorlagen/alt.doc", "-o", "out/")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"vorlage: vorlagen/alt.doc: {DOC} (RD001)",
        "vorlage: 2 Dokumente nach out/ exportiert, davon 1 nicht lesbar",
    ]


# --- write errors ----------------------------------------------------------------------------


def _unprivileged(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``command`` as a user that file modes bind: root writes into any folder, so as root
    the command runs as an ordinary user in a user namespace (unshare), where a folder
    without write permission is read-only for real."""
    if os.geteuid() != 0:
        return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    unshare = shutil.which("unshare")
    probe = [unshare or "unshare", "--user", "--map-user=1000", "--map-group=1000", "true"]
    if unshare is None or subprocess.run(probe, capture_output=True, check=False).returncode:
        pytest.skip("running as root, and no user namespace to drop the privilege")
    return subprocess.run(
        [*probe[:-1], *command], cwd=cwd, capture_output=True, text=True, check=False
    )


@pytest.fixture
def read_only(here: Path) -> Iterator[Path]:
    folder = here / "schreibgeschuetzt"
    folder.mkdir()
    (folder / "alt.json").write_text("{}", encoding="utf-8")
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


@pytest.mark.parametrize(
    ("target", "named"),
    [
        ("schreibgeschuetzt/alle.jsonl", "schreibgeschuetzt/alle.jsonl"),
        ("schreibgeschuetzt/", "schreibgeschuetzt/BV-7-2025.json"),
        ("schreibgeschuetzt/neu/", "schreibgeschuetzt/neu"),
    ],
)
def test_a_read_only_folder_is_one_line_naming_the_target(
    here: Path, read_only: Path, target: str, named: str
) -> None:
    result = _unprivileged(
        [sys.executable, "-m", "vorlage_cli", "export", "vorlagen", "-o", target], here
    )
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"vorlage: {named}: ")
    assert line.endswith("keine Berechtigung")
    assert _leftovers(read_only) == ["alt.json"]


def test_a_baseline_in_a_read_only_folder(here: Path, read_only: Path) -> None:
    command = [sys.executable, "-m", "vorlage_cli", "check", "vorlagen"]
    command += ["--baseline", "schreibgeschuetzt/baseline.json", "--update-baseline"]
    result = _unprivileged(command, here)
    assert result.returncode == 2
    assert result.stderr == (
        "vorlage: schreibgeschuetzt/baseline.json: lässt sich nicht schreiben: keine Berechtigung\n"
    )
    assert _leftovers(read_only) == ["alt.json"]


class _FullDisk:
    """A stream on a disk with no space left: every write fails as the system would fail it."""

    def __init__(self, stream: object) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


@pytest.mark.parametrize("target", ["alle.jsonl", "out/"])
def test_a_full_disk_is_one_line_and_leaves_no_temporary_file(
    run, here: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    opened = os.fdopen
    monkeypatch.setattr(output.os, "fdopen", lambda *a, **k: _FullDisk(opened(*a, **k)))
    result = run("export", "vorlagen", "-o", target)
    assert result.exit_code == 2
    named = "out/BV-7-2025.json" if target == "out/" else target
    assert result.stderr == (
        f"vorlage: {named}: lässt sich nicht schreiben: kein Platz mehr auf dem Datenträger\n"
    )
    assert _leftovers(here) == (["out", "vorlagen"] if target == "out/" else ["vorlagen"])
    if target == "out/":
        assert _leftovers(here / "out") == []


def test_a_full_disk_found_at_the_last_moment(
    run, here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Network and copy-on-write file systems may report a full disk only when the data is
    forced out; the file is then not put in place."""

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(output.os, "fsync", full)
    Path("alle.jsonl").write_text("alt\n", encoding="utf-8")
    result = run("export", "vorlagen", "-o", "alle.jsonl", "--force")
    assert result.exit_code == 2
    assert result.stderr == (
        "vorlage: alle.jsonl: lässt sich nicht schreiben: kein Platz mehr auf dem Datenträger\n"
    )
    assert _leftovers(here) == ["alle.jsonl", "vorlagen"]
    assert Path("alle.jsonl").read_text(encoding="utf-8") == "alt\n", "the old file stays"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_a_full_disk_behind_stdout(here: Path) -> None:
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "vorlage_cli", "export", "vorlagen"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr == (
        "vorlage: die Standardausgabe lässt sich nicht schreiben: "
        "kein Platz mehr auf dem Datenträger\n"
    )


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            "datei.txt/alle.jsonl",
            "datei.txt/alle.jsonl: lässt sich nicht schreiben: datei.txt ist eine Datei, "
            "kein Ordner",
        ),
        (
            "datei.txt/out/",
            "datei.txt/out: Ordner lässt sich nicht anlegen: ein Teil des Pfads ist eine "
            "Datei, kein Ordner",
        ),
        (
            "fehlt/alle.jsonl",
            "fehlt/alle.jsonl: lässt sich nicht schreiben: der Ordner fehlt existiert nicht",
        ),
    ],
)
def test_a_parent_that_is_a_file(run, here: Path, target: str, message: str) -> None:
    Path("datei.txt").write_text("x", encoding="utf-8")
    result = run("export", "vorlagen", "-o", target)
    assert result.exit_code == 2
    assert result.stderr == f"vorlage: {message}\n"
    assert _leftovers(here) == ["datei.txt", "vorlagen"]


def test_a_closed_pipe_ends_quietly(here: Path) -> None:
    for index in range(30):
        Path(f"vorlagen/{index:02d}.txt").write_text(SEED_LIKE, encoding="utf-8")
    command = f"{sys.executable} -m vorlage_cli export vorlagen --jobs 1 | head -c 10"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, check=False)
    assert len(result.stdout) == 10
    assert result.stderr == ""


# --- formats the tool does not read ----------------------------------------------------------


def _zip(members: dict[str, bytes]) -> bytes:
    built = BytesIO()
    with zipfile.ZipFile(built, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return built.getvalue()


def _odf(kind: str) -> bytes:
    return _zip(
        {
            "mimetype": f"application/vnd.oasis.opendocument.{kind}".encode(),
            "content.xml": b"<office:document-content/>",
        }
    )


UNSUPPORTED = [
    ("alt.doc", bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600), DOC),
    (
        "alt2.doc",
        bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600) + "WordDocument".encode("utf-16-le"),
        DOC,
    ),
    (
        "brief.rtf",
        b"{\\rtf1\\ansi Beschlussvorlage BV-7/2025}",
        "RTF-Format (.rtf): bitte als DOCX, ODT oder PDF speichern",
    ),
    (
        "rtf-als.txt",
        b"{\\rtf1\\ansi Beschlussvorlage BV-7/2025}",
        "RTF-Format (.rtf): bitte als DOCX, ODT oder PDF speichern",
    ),
    (
        "folien.odp",
        _odf("presentation"),
        "OpenDocument-Präsentation (.odp), keine Textvorlage: bitte die Vorlage selbst als "
        "DOCX, ODT oder PDF speichern",
    ),
    (
        "tabelle.xlsx",
        _zip({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}),
        "Excel-Tabelle (.xlsx), keine Textvorlage: bitte die Vorlage selbst als DOCX, ODT "
        "oder PDF speichern",
    ),
    (
        "scan.png",
        b"\x89PNG\r\n\x1a\n" + bytes(100),
        "Bild (.png): ein Bild enthält keinen Text: bitte als PDF mit Texterkennung "
        "speichern (z. B. ocrmypdf)",
    ),
    (
        "foto.pdf",
        b"\xff\xd8\xff\xe0" + bytes(100),
        "Bild (.jpg): ein Bild enthält keinen Text: bitte als PDF mit Texterkennung "
        "speichern (z. B. ocrmypdf)",
    ),
]


@pytest.mark.parametrize(
    ("name", "content", "reason"), UNSUPPORTED, ids=[case[0] for case in UNSUPPORTED]
)
def test_a_named_unsupported_file_is_refused_with_the_reason(
    run, here: Path, name: str, content: bytes, reason: str
) -> None:
    Path(name).write_bytes(content)
    result = run("check", name, "vorlagen/a.txt", "-f", "jsonl")
    assert result.exit_code == 2
    refused = json.loads(result.stdout.splitlines()[0])
    assert refused["vorlage"] is None
    assert [(f["code"], f["message"]) for f in refused["findings"]] == [("RD001", reason)]
    assert result.stderr.splitlines()[0] == f"vorlage: {name}: {reason} (RD001)"


def test_unsupported_files_in_a_folder_are_skipped_with_a_note(run, here: Path) -> None:
    Path("vorlagen/alt.doc").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600))
    Path("vorlagen/folien.odp").write_bytes(_odf("presentation"))
    Path("vorlagen/notizen.md").write_text("keine Vorlage", encoding="utf-8")
    result = run("check", "vorlagen", "-f", "jsonl")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr.splitlines() == [
        f"vorlage: vorlagen/alt.doc: übersprungen, {DOC}",
        "vorlage: vorlagen/folien.odp: übersprungen, OpenDocument-Präsentation (.odp), keine "
        "Textvorlage: bitte die Vorlage selbst als DOCX, ODT oder PDF speichern",
        "vorlage: 2 Dokumente geprüft: 0 Fehler, 0 Warnungen, 0 Hinweise",
    ]


def test_a_folder_of_only_unsupported_files_is_empty(run, here: Path) -> None:
    Path("alt").mkdir()
    Path("alt/x.doc").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600))
    result = run("check", "alt")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"vorlage: alt/x.doc: übersprungen, {DOC}",
        "vorlage: alt: keine Dokumente gefunden (--allow-empty lässt einen leeren Ordner oder "
        "ein Muster ohne Treffer zu)",
    ]


# --- standard input --------------------------------------------------------------------------


def test_check_reads_one_document_from_standard_input(run_with_input) -> None:
    result = run_with_input(SEED_LIKE.encode("utf-8"), "check", "-", "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    (document,) = map(json.loads, result.stdout.splitlines())
    assert document["source"]["path"] == "-"
    assert document["source"]["format"] == "txt"
    assert document["vorlage"]["nummer"] == "BV-7/2025"
    assert result.stderr == "vorlage: 1 Dokument geprüft: 0 Fehler, 0 Warnungen, 0 Hinweise\n"


@pytest.mark.parametrize(
    ("content", "form"),
    [(docx_bytes(SEED_LIKE), "docx"), (make_pdf([PDF_TEXT]), "pdf")],
    ids=["docx", "pdf"],
)
def test_export_reads_any_format_from_standard_input(run_with_input, content, form) -> None:
    result = run_with_input(content, "export", "-")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert (document["source"]["path"], document["source"]["format"]) == ("-", form)
    assert document["vorlage"] is not None


def test_standard_input_beside_files_and_its_limits(run_with_input, here: Path) -> None:
    both = run_with_input(SEED_LIKE.encode(), "export", "vorlagen/a.txt", "-", "--jobs", "2")
    assert [json.loads(line)["source"]["path"] for line in both.stdout.splitlines()] == [
        "vorlagen/a.txt",
        "-",
    ]
    empty = run_with_input(b"", "check", "-")
    assert empty.exit_code == 2
    assert "vorlage: -: die Datei ist leer (RD003)" in empty.stderr
    large = run_with_input(b"x" * (1024 * 1024 + 1), "check", "-", "--max-file-size", "1")
    assert large.exit_code == 2
    assert "größer als die Grenze von 1,0 MB (--max-file-size) (RD006)" in large.stderr


def test_standard_input_through_a_real_pipe(here: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vorlage_cli", "check", "-", "-f", "jsonl"],
        input=Path("vorlagen/a.txt").read_bytes(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["vorlage"]["nummer"] == "BV-7/2025"
