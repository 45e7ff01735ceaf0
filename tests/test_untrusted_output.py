"""What the tool writes stays safe when the documents are hostile: their text is shown, never
obeyed (no terminal markup or escape sequences), and export never leaves a torn file and never
writes over an input. (Ctrl-C and SIGTERM during an export: tests/test_export.py.)"""

from __future__ import annotations

import json
import os
import re
from io import StringIO
from pathlib import Path

import pytest

from vorlage_cli.output import AtomicWriter, WriteError
from vorlage_cli.pipeline import process
from vorlage_cli.report.human import HumanReporter

from .test_cli import SEED_LIKE

HOSTILE = (
    "[bold red]Alarm[/] [link=https://evil.example]klick[/link] "
    "\x1b[31mROT\x1b[0m \x1b]8;;https://evil.example\x07Link\x1b]8;;\x07 "
    "\x9b2J \u202eRückwärts\u202c"
)


def _hostile_document(tmp_path: Path) -> Path:
    text = SEED_LIKE.replace("Neupflanzung von Straßenbäumen", HOSTILE).replace(
        "Umweltausschuss", "[u]Umwelt[/u]"
    )
    path = tmp_path / "feindlich.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("color", [False, True])
def test_document_text_is_shown_literally_and_never_controls_the_terminal(
    tmp_path: Path, color: bool
) -> None:
    result = process(_hostile_document(tmp_path))
    assert result.vorlage is not None and "[bold red]Alarm[/]" in result.vorlage.betreff
    stream = StringIO()
    reporter = HumanReporter(stream, color=color)
    reporter.document(result)
    shown = stream.getvalue()
    assert "[bold red]Alarm[/]" in shown
    assert "[link=https://evil.example]klick[/link]" in shown
    assert "[u]Umwelt[/u]" in shown
    assert "ROT" in shown and "Rückwärts" in shown
    assert "\x1b[31mROT" not in shown  # the document's own colour code
    assert "\x1b]8;;" not in shown  # its hyperlink
    assert "\x9b" not in shown and "\x07" not in shown
    assert "\u202e" not in shown
    if not color:
        assert "\x1b" not in shown


def test_document_text_stays_data_in_json_lines(run, tmp_path: Path) -> None:
    result = run("export", _hostile_document(tmp_path))
    [line] = result.stdout.splitlines()
    betreff = json.loads(line)["vorlage"]["betreff"]
    assert betreff.startswith("[bold red]Alarm[/] [link=https://evil.example]klick[/link] ")


def test_export_never_writes_through_a_link_or_hard_link_to_an_input(run, tmp_path: Path) -> None:
    source = tmp_path / "bv.txt"
    source.write_text(SEED_LIKE, encoding="utf-8")
    hard = tmp_path / "hart.jsonl"
    os.link(source, hard)
    soft = tmp_path / "weich.jsonl"
    soft.symlink_to(source)
    for target in (hard, soft):
        result = run("export", source, "-o", target, "--force")
        assert result.exit_code == 2
        assert "zugleich eine Eingabe" in result.stderr
    assert source.read_text(encoding="utf-8") == SEED_LIKE


@pytest.mark.parametrize("stage", ["opening", "renaming"])
def test_export_that_fails_while_opening_or_renaming_leaves_no_file(
    tmp_path: Path, monkeypatch, stage: str
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fdopen" if stage == "opening" else "pathlib.Path.replace", fail)
    target = tmp_path / "vorlagen.jsonl"
    expected = f"{target}: lässt sich nicht schreiben: kein Platz mehr auf dem Datenträger"
    with pytest.raises(WriteError, match=re.escape(expected)), AtomicWriter(target) as stream:
        stream.write("{}\n")
    assert list(tmp_path.iterdir()) == []
