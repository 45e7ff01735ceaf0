"""Which files a run takes: folders recursively, glob patterns, exclusions, a stable order."""

from __future__ import annotations

from pathlib import Path

import pytest

from vorlage_cli.discovery import Inputs, discover


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in (
        "vorlagen/2024/b.pdf",
        "vorlagen/2024/a.txt",
        "vorlagen/2023/c.docx",
        "vorlagen/archiv/alt.txt",
        "vorlagen/archiv/2019/uralt.pdf",
        "vorlagen/.git/x.txt",
        "vorlagen/notizen.md",
        "vorlagen/seite.HTML",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _names(paths: list[Path] | Inputs) -> list[str]:
    if isinstance(paths, Inputs):
        paths = paths.files
    return [path.as_posix() for path in paths]


def test_a_folder_gives_its_vorlagen_sorted_without_hidden_folders(tree: Path) -> None:
    assert _names(discover([Path("vorlagen")])) == [
        "vorlagen/2023/c.docx",
        "vorlagen/2024/a.txt",
        "vorlagen/2024/b.pdf",
        "vorlagen/archiv/2019/uralt.pdf",
        "vorlagen/archiv/alt.txt",
        "vorlagen/seite.HTML",
    ]


def test_named_files_keep_their_order_and_come_once(tree: Path) -> None:
    files = [Path("vorlagen/2024/b.pdf"), Path("vorlagen/2024/a.txt"), Path("vorlagen/2024")]
    assert _names(discover(files)) == ["vorlagen/2024/b.pdf", "vorlagen/2024/a.txt"]


def test_glob_patterns_expand_recursively_and_only_to_vorlagen(tree: Path) -> None:
    assert _names(discover([Path("vorlagen/**/*.pdf")])) == [
        "vorlagen/2024/b.pdf",
        "vorlagen/archiv/2019/uralt.pdf",
    ]
    assert _names(discover([Path("vorlagen/*")])) == [
        "vorlagen/2023/c.docx",
        "vorlagen/2024/a.txt",
        "vorlagen/2024/b.pdf",
        "vorlagen/archiv/2019/uralt.pdf",
        "vorlagen/archiv/alt.txt",
        "vorlagen/seite.HTML",
    ]


def test_an_absolute_glob_pattern_works(tree: Path) -> None:
    found = discover([tree / "vorlagen" / "2024" / "*.txt"])
    assert found.files == [tree / "vorlagen/2024/a.txt"]


def test_folders_and_patterns_without_documents_are_listed(tree: Path) -> None:
    Path("leer").mkdir()
    found = discover([Path("vorlagen/*.xyz"), Path("leer"), Path("vorlagen/2024")])
    assert _names(found) == ["vorlagen/2024/a.txt", "vorlagen/2024/b.pdf"]
    assert _names(found.empty) == ["vorlagen/*.xyz", "leer"]
    assert discover([Path("vorlagen/2024")], exclude=["2024"]).empty == [Path("vorlagen/2024")]


def test_a_named_file_is_taken_whatever_it_is(tree: Path) -> None:
    found = discover([Path("vorlagen/notizen.md"), Path("fehlt.pdf"), Path("-")])
    assert _names(found) == ["vorlagen/notizen.md", "fehlt.pdf", "-"]
    assert found.empty == [] and found.skipped == []


def test_unsupported_formats_in_a_folder_are_skipped_with_the_reason(tree: Path) -> None:
    for name in ("vorlagen/alt.doc", "vorlagen/2024/scan.JPG", "vorlagen/x.rtf", "vorlagen/t.ods"):
        Path(name).write_text("x")
    found = discover([Path("vorlagen")])
    assert "vorlagen/alt.doc" not in _names(found)
    assert [(path.as_posix(), why) for path, why in found.skipped] == [
        (
            "vorlagen/2024/scan.JPG",
            "Bild (.jpg): ein Bild enthält keinen Text: bitte als PDF mit "
            "Texterkennung speichern (z. B. ocrmypdf)",
        ),
        ("vorlagen/alt.doc", "altes Word-Format (.doc): bitte als DOCX, ODT oder PDF speichern"),
        (
            "vorlagen/t.ods",
            "OpenDocument-Tabelle (.ods), keine Textvorlage: bitte die Vorlage "
            "selbst als DOCX, ODT oder PDF speichern",
        ),
        ("vorlagen/x.rtf", "RTF-Format (.rtf): bitte als DOCX, ODT oder PDF speichern"),
    ]
    assert discover([Path("vorlagen/*.doc")]).empty == [Path("vorlagen/*.doc")]


@pytest.mark.parametrize(
    ("pattern", "left_out"),
    [
        ("archiv", ["vorlagen/archiv/2019/uralt.pdf", "vorlagen/archiv/alt.txt"]),
        ("*.pdf", ["vorlagen/2024/b.pdf", "vorlagen/archiv/2019/uralt.pdf"]),
        ("archiv/*.txt", ["vorlagen/archiv/alt.txt"]),
        ("vorlagen/2024/", ["vorlagen/2024/a.txt", "vorlagen/2024/b.pdf"]),
        ("seite.html", []),
    ],
)
def test_exclude_matches_names_folders_and_path_parts(
    tree: Path, pattern: str, left_out: list[str]
) -> None:
    everything = _names(discover([Path("vorlagen")]))
    kept = _names(discover([Path("vorlagen")], exclude=[pattern]))
    assert kept == [name for name in everything if name not in left_out]


def test_exclude_applies_to_named_files_too(tree: Path) -> None:
    assert discover([Path("vorlagen/2024/a.txt")], exclude=["a.txt"]).files == []
