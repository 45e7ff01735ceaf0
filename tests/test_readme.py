"""The README as a new user meets it: the two set-up commands first, then a German quick start
that covers every group of findings, and examples that work in a fresh clone."""

from __future__ import annotations

import re

import pytest

from vorlage_cli.rules.catalogue import catalogue, group_of

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_set_up_commands_come_first_and_the_quick_start_right_after() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first_block is not None
    assert first_block.group(1).splitlines() == [
        "python3 -m venv .venv && .venv/bin/pip install -q . && .venv/bin/vorlage check samples/",
        "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/pytest",
    ]
    headings = re.findall(r"^## (.+)$", README, re.M)
    assert headings[0] == "Schnellstart"
    quick_start = README.split("## Schnellstart", 1)[1].split("\n## ", 1)[0]
    for step in ("py -m pip install", "pipx install", ".whl", "vorlage check datei.pdf"):
        assert step in quick_start, step
    for group in {group_of(entry) for entry in catalogue()}:
        assert re.search(rf"^\| {group} \(", quick_start, re.M), f"what to do about {group}"


def test_evaluate_on_the_samples_as_the_readme_says(run, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    claimed = re.search(r"vorlage evaluate samples/\s+# (\d+) of (\d+) fields", README)
    assert claimed is not None
    result = run("evaluate", "samples/")
    assert result.exit_code == 0
    assert f"Felder: {claimed.group(1)}/{claimed.group(2)} richtig" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["tests/golden/corpus", "--documents", "../fehlt/corpus"],
            "vorlage: ungültiger Wert für '--documents' / '-d': '../fehlt/corpus' existiert nicht",
        ),
        (["fehlt/"], "vorlage: fehlt: nicht gefunden"),
    ],
)
def test_evaluate_against_a_missing_folder_is_an_error(run, monkeypatch, args, message) -> None:
    monkeypatch.chdir(ROOT)
    result = run("evaluate", *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == message


def test_evaluate_without_the_documents_of_its_golden_files_is_an_error(run, monkeypatch) -> None:
    """The real documents are not in the repository: without --documents the golden files
    name documents that are not there, which is an error, not "0 % right"."""
    monkeypatch.chdir(ROOT)
    result = run("evaluate", "tests/golden/corpus")
    assert result.exit_code == 2
    last = result.stderr.splitlines()[-1]
    assert re.fullmatch(
        r"vorlage: tests/golden/corpus/\S+\.golden\.json: Dokument \S+ nicht gefunden "
        r"\(--documents ORDNER angeben\?\)",
        last,
    )
    assert result.stdout == ""
