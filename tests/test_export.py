"""`export` to a folder or a JSON Lines file: safe names that stay inside the folder, nothing
overwritten unless asked, and never a half-written file, not even after Ctrl-C."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vorlage_cli.model import DocumentResult, Source, Vorlage
from vorlage_cli.output import MAX_NAME, safe_name

from .documents import MITTEILUNG
from .test_cli import SEED_LIKE


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = Path("vorlagen")
    folder.mkdir()
    (folder / "a.txt").write_text(SEED_LIKE, encoding="utf-8")
    (folder / "b.txt").write_text(MITTEILUNG, encoding="utf-8")
    (folder / "c.txt").write_text(SEED_LIKE, encoding="utf-8")  # the same number as a.txt
    (folder / "d.txt").write_text("", encoding="utf-8")
    return folder


def _result(number: str | None, path: str = "x/datei.pdf", fassung: str | None = None):
    vorlage = Vorlage(nummer=number, fassung=fassung) if number is not None else None
    return DocumentResult(
        source=Source(path=path, format="pdf", sha256=None, pages=None),
        vorlage=vorlage,
        valid=True,
    )


@pytest.mark.parametrize(
    ("number", "fassung", "path", "expected"),
    [
        ("VL-40/2024", "1N", "x.pdf", "VL-40-2024-1N"),
        ("20-26 / V 02318", None, "x.pdf", "20-26-V-02318"),
        ("../../etc/passwd", None, "x.pdf", "etc-passwd"),
        ("..\\..\\boot.ini", None, "x.pdf", "boot.ini"),
        ("Drucksache Nr. 4/2017 – Ergänzung", None, "x.pdf", "Drucksache-Nr.-4-2017-Ergänzung"),
        ("CON", None, "x.pdf", "_CON"),
        ("...", None, "x.pdf", "dokument"),
        (None, None, "ablage/Sitzung 3: Vorlage.txt", "Sitzung-3-Vorlage"),
    ],
)
def test_safe_names(number, fassung, path, expected) -> None:
    assert safe_name(_result(number, path, fassung)) == expected


@given(st.text(min_size=1))
def test_no_number_leads_out_of_the_folder(number: str) -> None:
    name = safe_name(_result(number))
    assert 0 < len(name) <= MAX_NAME
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    folder = Path("/srv/export")
    assert (folder / f"{name}.json").resolve().parent == folder


def test_export_to_a_folder_writes_one_file_per_document(run, folder: Path) -> None:
    result = run("export", folder, "-o", "out/")
    assert result.exit_code == 2, "d.txt is empty"
    names = sorted(path.name for path in Path("out").iterdir())
    assert names == ["BV-7-2025-2.json", "BV-7-2025.json", "MV-3-2025.json", "d.json"]
    first = json.loads(Path("out/BV-7-2025.json").read_text(encoding="utf-8"))
    assert first["source"]["path"] == "vorlagen/a.txt"
    second = json.loads(Path("out/BV-7-2025-2.json").read_text(encoding="utf-8"))
    assert second["source"]["path"] == "vorlagen/c.txt"
    assert json.loads(Path("out/d.json").read_text(encoding="utf-8"))["vorlage"] is None
    assert result.stdout == ""


def test_existing_files_stay_unless_forced(run, folder: Path) -> None:
    Path("out").mkdir()
    Path("out/MV-3-2025.json").write_text("behalten\n", encoding="utf-8")
    result = run("export", folder, "-o", "out")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "vorlage: out/MV-3-2025.json: existiert bereits (mit --force überschreiben)",
        "vorlage: vorlagen/d.txt: die Datei ist leer (RD003)",
        "vorlage: 4 Dokumente nach out exportiert, davon 1 nicht lesbar, 1 nicht geschrieben",
    ]
    assert Path("out/MV-3-2025.json").read_text(encoding="utf-8") == "behalten\n"
    assert Path("out/BV-7-2025.json").is_file(), "the other documents are still written"
    assert run("export", folder, "-o", "out", "--force").stderr == (
        "vorlage: vorlagen/d.txt: die Datei ist leer (RD003)\n"
        "vorlage: 4 Dokumente nach out exportiert, davon 1 nicht lesbar\n"
    )
    overwritten = json.loads(Path("out/MV-3-2025.json").read_text(encoding="utf-8"))
    assert overwritten["vorlage"]["nummer"] == "MV-3/2025"
    assert not list(Path("out").glob(".*")), "no temporary file is left behind"


def test_an_input_is_never_overwritten_by_its_export(run, folder: Path) -> None:
    Path("out").mkdir()
    disguised = Path("out/BV-7-2025.json")
    disguised.write_text(SEED_LIKE, encoding="utf-8")
    result = run("export", disguised, "-o", "out/", "--force")
    assert result.exit_code == 2
    assert "zugleich eine Eingabe" in result.stderr
    assert disguised.read_text(encoding="utf-8") == SEED_LIKE


def test_a_file_where_the_folder_should_be_is_a_clear_error(run, folder: Path) -> None:
    Path("out").write_text("", encoding="utf-8")
    result = run("export", folder, "-o", "out/")
    assert result.exit_code == 2
    assert result.stderr == "vorlage: out: ist eine Datei, kein Ordner\n"


def test_a_dash_as_output_is_the_standard_output(run, folder: Path) -> None:
    result = run("export", folder / "a.txt", "-o", "-")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["vorlage"]["nummer"] == "BV-7/2025"
    assert not Path("-").exists()


def test_export_to_a_json_lines_file(run, folder: Path) -> None:
    result = run("export", folder / "a.txt", folder / "b.txt", "-o", "alle.jsonl")
    assert result.exit_code == 0
    lines = Path("alle.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["vorlage"]["nummer"] for line in lines] == ["BV-7/2025", "MV-3/2025"]


def _interrupted_export(tmp_path: Path, target: str, sent: signal.Signals, started: str) -> int:
    """Export a thousand documents, interrupt the run as soon as a file matching ``started``
    exists, and return the exit code."""
    folder = tmp_path / "viele"
    folder.mkdir()
    for index in range(1000):
        (folder / f"{index:04d}.txt").write_text(
            SEED_LIKE.replace("BV-7/2025", f"BV-{index}/2025"), encoding="utf-8"
        )
    process = subprocess.Popen(
        [sys.executable, "-m", "vorlage_cli", "export", str(folder), "-o", target],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not any(tmp_path.glob(started)):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.01)
    process.send_signal(sent)
    process.communicate(timeout=60)
    return process.returncode


@pytest.mark.parametrize("sent", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_folder_export_leaves_only_whole_files(tmp_path: Path, sent) -> None:
    code = _interrupted_export(tmp_path, "out/", sent, started="out/*.json")
    assert code != 0
    written = list((tmp_path / "out").iterdir())
    assert 0 < len(written) < 1000, "the run was cut short"
    for path in written:
        assert path.suffix == ".json", path
        assert json.loads(path.read_text(encoding="utf-8"))["vorlage"]["nummer"]


def test_an_interrupted_json_lines_export_leaves_no_file(tmp_path: Path) -> None:
    code = _interrupted_export(tmp_path, "alle.jsonl", signal.SIGINT, started=".alle.jsonl.*")
    assert code != 0
    assert [path.name for path in tmp_path.iterdir()] == ["viele"]


def test_an_interruption_at_a_writers_exit_leaves_no_temporary_file(tmp_path: Path) -> None:
    """A signal can land at the first instruction of a writer's __exit__, before it holds
    signals back (the interrupted folder export above met it now and then), and the exception
    leaves the writer without its cleanup: the run's unwinding removes the temporary file."""
    from vorlage_cli import output

    with pytest.raises(KeyboardInterrupt), output.terminate_like_interrupt():
        stream = output.AtomicWriter(tmp_path / "a.json").__enter__()
        stream.write("{}")
        stream.close()
        raise KeyboardInterrupt  # where __exit__ would have begun
    assert list(tmp_path.iterdir()) == []
