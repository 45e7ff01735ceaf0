"""The catalogue of bad inputs: each one gives a one-line finding with its own code, the other
inputs are still processed, the exit code is 2 (or the document is read with a warning where a
limit only shortens it), and nothing escapes as a traceback, hangs or reads outside the input.

Every file is made here, in tmp_path, by the builders in ``hostile``.
"""

from __future__ import annotations

import json
import os
import re
import struct
import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import docx
import pytest

from vorlage_cli.layout import Line
from vorlage_cli.limits import Limits
from vorlage_cli.pipeline import process
from vorlage_cli.readers import load, parse
from vorlage_cli.readers.bounds import MAX_CELLS, MAX_LINE_LENGTH, split_long_line
from vorlage_cli.readers.text import split_cells

from .hostile import (
    APP_XML,
    BILLION_LAUGHS,
    content_xml,
    cyclic_form_pdf,
    document_xml,
    make_docx,
    make_odt,
    make_pdf,
    nested_array_pdf,
    nested_forms_pdf,
    styles_xml,
    xxe_prolog,
)
from .test_cli import SEED_LIKE

PDF_TEXT = ["BESCHLUSSVORLAGE BV-3/2025", "Betreff: Sanierung der Brücke (Bauabschnitt 2)"]
SECRET = "geheimes-passwort-9731"


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _zip_bomb() -> bytes:
    """word/document.xml of 150 MB of one repeated paragraph: about 150 KB compressed."""
    paragraph = b"<w:p><w:r><w:t>" + b"Bombe " * 1000 + b"</w:t></w:r></w:p>"
    body = paragraph * (150 * 1024 * 1024 // len(paragraph))
    xml = document_xml([]).encode().replace(b"<w:body></w:body>", b"<w:body>" + body + b"</w:body>")
    return make_docx(xml)


def _odt_zip_bomb() -> bytes:
    """content.xml of 150 MB of one repeated paragraph: about 150 KB compressed."""
    paragraph = "<text:p>" + "Bombe " * 1000 + "</text:p>"
    return make_odt(content_xml(paragraph * (150 * 1024 * 1024 // len(paragraph))))


def _odt_members(count: int) -> bytes:
    return make_odt(content_xml(""), extra={f"Pictures/{n}.png": b"" for n in range(count)})


def _lying_zip() -> bytes:
    """A package whose document.xml declares 100 bytes but holds 2 MB: the headers lie."""
    data = make_docx(document_xml(["Lüge " * 400_000]))
    package = zipfile.ZipFile(BytesIO(data))
    member = package.getinfo("word/document.xml")
    patched = bytearray(data)
    # the local header's size field (offset 22) and the central directory's (offset 24)
    struct.pack_into("<I", patched, member.header_offset + 22, 100)
    name = member.filename.encode()
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", patched, central + 24, 100)
    return bytes(patched)


def _corrupt_deflate() -> bytes:
    """A package whose document.xml starts with an invalid deflate block (a crash the long
    fuzzing session found: zlib.error escaped the package check)."""
    data = bytearray(make_docx(document_xml(["Betreff: x"])))
    member = zipfile.ZipFile(BytesIO(bytes(data))).getinfo("word/document.xml")
    name_length, extra_length = struct.unpack_from("<HH", data, member.header_offset + 26)
    start = member.header_offset + 30 + name_length + extra_length
    data[start : start + 2] = b"\xff\xff"  # block type 3: invalid
    return bytes(data)


def _future_zip_version() -> bytes:
    """A package whose directory says it needs ZIP version 18.1 to extract: zipfile raised
    NotImplementedError out of the format sniffing (found by the atheris session)."""
    data = bytearray(make_docx(document_xml(["Betreff: x"])))
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<H", data, central + 6, 181)
    return bytes(data)


# name, file name, content builder, finding code, a fragment of its message (read from the input)
ERRORS: list[tuple[str, str, Callable[[], bytes | str], str, str]] = [
    ("empty text", "leer.txt", lambda: b"", "RD003", "leer"),
    ("empty pdf", "leer.pdf", lambda: b"", "RD003", "leer"),
    ("empty docx", "leer.docx", lambda: b"", "RD003", "leer"),
    ("empty html", "leer.html", lambda: b"", "RD003", "leer"),
    ("only whitespace", "leer2.txt", lambda: b" \n\t\r\n  ", "RD003", "leer"),
    # PDFium gives no reason for a PDF without pages (its last error, whatever it was)
    ("pdf of no pages", "ohne.pdf", lambda: make_pdf([]), "RD001", "PDF-Datei"),
    ("truncated pdf", "halb.pdf", lambda: make_pdf([PDF_TEXT])[:300], "RD001", "beschädigt"),
    (
        "random bytes after a pdf header",
        "zufall.pdf",
        lambda: b"%PDF-1.7\n" + os.urandom(4096),
        "RD001",
        "keine gültige PDF-Datei",
    ),
    (
        "encrypted pdf",
        "geheim.pdf",
        lambda: make_pdf([PDF_TEXT], password=SECRET),
        "RD005",
        "verschlüsselt; das Passwort mit --password",
    ),
    (
        "scan without text layer",
        "scan.pdf",
        lambda: make_pdf([[], []], drawing=b"0 0 595 842 re f"),
        "RD004",
        "Texterkennung (OCR)",
    ),
    (
        "docx that is not a zip",
        "kaputt.docx",
        lambda: b"PK\x03\x04" + os.urandom(2000),
        "RD001",
        "beschädigtes ZIP-Archiv",
    ),
    (
        "zip without a word document",
        "archiv.docx",
        lambda: make_docx(document_xml([])).replace(b"word/document.xml", b"word/documenX.xml"),
        "RD001",
        "ZIP-Archiv ohne Word- oder OpenDocument-Text",
    ),
    ("zip bomb in document.xml", "bombe.docx", _zip_bomb, "RD006", "ZIP-Bombe"),
    ("zip headers that lie", "luege.docx", _lying_zip, "RD001", "word/document.xml"),
    (
        "corrupt deflate data in a docx member",
        "deflate.docx",
        _corrupt_deflate,
        "RD001",
        "beschädigtes Word-Dokument: word/document.xml",
    ),
    ("zip of an unknown version", "version.docx", _future_zip_version, "RD001", "ZIP-Archiv"),
    (
        "document.xml of another root element",
        "wurzel.docx",
        lambda: make_docx('<?xml version="1.0"?><html><body>Betreff: x</body></html>'),
        "RD001",
        "ohne w:document/w:body",
    ),
    (
        "billion laughs in document.xml",
        "lachen.docx",
        lambda: make_docx(document_xml(["&lol9;"], BILLION_LAUGHS)),
        "RD008",
        "word/document.xml enthält eine DTD",
    ),
    (
        "external entity in document.xml",
        "xxe.docx",
        lambda: make_docx(document_xml(["&xxe;"], xxe_prolog("/etc/passwd"))),
        "RD008",
        "word/document.xml enthält eine DTD",
    ),
    (
        "external entity in docProps/app.xml",
        "xxe-app.docx",
        lambda: make_docx(
            document_xml(["Betreff: x"]),
            app=APP_XML.replace("?>", "?>" + xxe_prolog("/etc/hostname"), 1),
        ),
        "RD008",
        "docProps/app.xml enthält eine DTD",
    ),
    (
        "external entity in a UTF-16 header part",
        "xxe-kopf.docx",
        lambda: make_docx(
            document_xml(["Betreff: x"]),
            extra={"word/header1.xml": xxe_prolog("/etc/passwd").encode("utf-16-le")},
        ),
        "RD008",
        "word/header1.xml enthält eine DTD",
    ),
    ("zip bomb in content.xml", "bombe.odt", _odt_zip_bomb, "RD006", "ZIP-Bombe"),
    (
        "an odt of thousands of members",
        "viele.odt",
        lambda: _odt_members(2_001),
        "RD006",
        "das ODT-Dokument enthält 2003 Dateien, mehr als die Grenze von 2000",
    ),
    (
        "billion laughs in content.xml",
        "lachen.odt",
        lambda: make_odt(content_xml("<text:p>&lol9;</text:p>", BILLION_LAUGHS)),
        "RD008",
        "content.xml enthält eine DTD (<!DOCTYPE …>), die in ODT-Dokumenten nicht vorkommt",
    ),
    (
        "external entity in styles.xml",
        "xxe.odt",
        lambda: make_odt(
            content_xml("<text:p>Betreff: x</text:p>"),
            styles=styles_xml().replace("?>", "?>" + xxe_prolog("/etc/passwd"), 1),
        ),
        "RD008",
        "styles.xml enthält eine DTD",
    ),
    (
        "broken content.xml",
        "kaputt.odt",
        lambda: make_odt("<office:document-content><text:p>"),
        "RD001",
        "beschädigtes ODT-Dokument: content.xml",
    ),
    (
        "content.xml of another root element",
        "wurzel.odt",
        lambda: make_odt('<?xml version="1.0"?><html><body>Betreff: x</body></html>'),
        "RD001",
        "ohne office:body/office:text",
    ),
    (
        "an odt saved with a password",
        "geheim.odt",
        lambda: make_odt(
            os.urandom(500),
            extra={"META-INF/manifest.xml": b"<manifest:encryption-data/>"},
        ),
        "RD001",
        "mit einem Passwort gespeichert",
    ),
    (
        "a presentation named .odt",
        "folien.odt",
        lambda: make_odt(
            content_xml(""), mimetype=b"application/vnd.oasis.opendocument.presentation"
        ),
        "RD001",
        "OpenDocument-Präsentation (.odp)",
    ),
    (
        "binary junk named .txt",
        "muell.txt",
        lambda: bytes(range(256)) * 16,
        "RD001",
        "binär",
    ),
    (
        "an old Word file",
        "alt.doc",
        lambda: bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600),
        "RD001",
        ".doc",
    ),
]


@pytest.mark.parametrize(
    ("name", "content", "code", "fragment"),
    [case[1:] for case in ERRORS],
    ids=[case[0] for case in ERRORS],
)
def test_bad_input_is_an_error_finding_and_the_others_still_run(
    run, tmp_path: Path, name: str, content: Callable[[], bytes | str], code: str, fragment: str
) -> None:
    bad = _write(tmp_path, name, content())
    good = _write(tmp_path, "gut.txt", SEED_LIKE)
    result = run("check", bad, good, "--format", "jsonl")
    assert result.exit_code == 2
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["source"]["path"] == str(bad)
    assert first["vorlage"] is None
    [finding] = first["findings"]
    assert (finding["code"], finding["severity"]) == (code, "error")
    assert fragment in finding["message"]
    assert "\n" not in finding["message"]
    assert second["vorlage"]["nummer"] == "BV-7/2025"
    assert "Traceback" not in result.stderr


def test_human_report_names_the_file_and_the_problem(run, tmp_path: Path) -> None:
    bad = _write(tmp_path, "geheim.pdf", make_pdf([PDF_TEXT], password=SECRET))
    result = run("check", bad)
    assert result.exit_code == 2
    assert str(bad) in result.stdout
    assert "RD005" in result.stdout and "verschlüsselt" in result.stdout


def test_encrypted_pdf_opens_with_its_password(run, tmp_path: Path) -> None:
    path = _write(tmp_path, "geheim.pdf", make_pdf([PDF_TEXT], password=SECRET))
    result = run("check", path, "--format", "jsonl", "--password", SECRET)
    document = json.loads(result.stdout)
    assert document["vorlage"]["betreff"] == "Sanierung der Brücke (Bauabschnitt 2)"
    wrong = run("check", path, "--format", "jsonl", "--password", "falsch")
    assert wrong.exit_code == 2
    assert "Passwort passt nicht" in json.loads(wrong.stdout)["findings"][0]["message"]


def test_a_doctype_in_a_part_that_is_never_parsed_is_no_reason_to_refuse(tmp_path: Path) -> None:
    svg = (
        b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg/>'
    )
    data = make_docx(document_xml(PDF_TEXT), extra={"word/media/image1.svg": svg})
    result = process(_write(tmp_path, "bild.docx", data))
    assert result.vorlage is not None
    assert result.vorlage.nummer == "BV-3/2025"


@pytest.mark.parametrize(
    ("name", "data", "read_as"),
    [
        ("vorlage.pdf", SEED_LIKE.encode(), "Text"),
        ("vorlage.docx", make_pdf([PDF_TEXT]), "PDF"),
        ("vorlage.txt", make_docx(document_xml(PDF_TEXT)), "DOCX"),
    ],
)
def test_content_decides_the_format_and_the_mismatch_is_reported(
    run, tmp_path: Path, name: str, data: bytes, read_as: str
) -> None:
    result = run("check", _write(tmp_path, name, data), "--format", "jsonl")
    document = json.loads(result.stdout)
    assert document["vorlage"]["nummer"] in ("BV-7/2025", "BV-3/2025")
    mismatch = [f for f in document["findings"] if f["code"] == "RD010"]
    assert [f["severity"] for f in mismatch] == ["warning"]
    assert f"gelesen als {read_as}" in mismatch[0]["message"]


@pytest.mark.parametrize(
    "data",
    [nested_forms_pdf(2000), cyclic_form_pdf(), nested_array_pdf(100_000)],
    ids=["form objects 2000 deep", "form drawing itself", "array 100000 deep"],
)
def test_deeply_nested_pdf_objects_are_read(tmp_path: Path, data: bytes) -> None:
    result = process(_write(tmp_path, "tief.pdf", data))
    assert result.vorlage is not None
    assert result.vorlage.betreff in ("tief verschachtelt", "Zyklus", "Arrays")


def test_thousand_page_pdf_is_read_up_to_the_page_limit(run, tmp_path: Path) -> None:
    pages = [[f"Blatt {n}", f"Absatz auf Blatt {n}"] for n in range(1, 1001)]
    pages[0] = [*PDF_TEXT, *pages[0]]
    path = _write(tmp_path, "lang.pdf", make_pdf(pages))
    document = json.loads(run("check", path, "--format", "jsonl").stdout)
    assert document["source"]["pages"] == 1000
    assert document["vorlage"]["nummer"] == "BV-3/2025"
    [limit] = [f for f in document["findings"] if f["code"] == "RD007"]
    assert limit["severity"] == "warning"
    assert "500 von 1000 Seiten" in limit["message"]
    full = json.loads(run("check", path, "--format", "jsonl", "--max-pages", "1000").stdout)
    assert not [f for f in full["findings"] if f["code"] == "RD007"]


def test_eight_megabyte_line_is_read(tmp_path: Path) -> None:
    sentence = "Der Rat beschließt die Sanierung der Brücke im Bauabschnitt 2. "
    line = (sentence * (8 * 1024 * 1024 // len(sentence) + 1))[: 8 * 1024 * 1024]
    result = process(_write(tmp_path, "zeile.txt", "Betreff: Brücke\n" + line))
    assert result.vorlage is not None
    assert result.vorlage.betreff == "Brücke"


def test_lines_past_the_limit_are_skipped_with_a_warning(run, tmp_path: Path) -> None:
    path = _write(tmp_path, "zeilen.txt", SEED_LIKE + "Noch eine Zeile.\n" * 5000)
    document = json.loads(run("check", path, "--format", "jsonl", "--max-lines", "100").stdout)
    assert document["vorlage"]["nummer"] == "BV-7/2025"
    [limit] = [f for f in document["findings"] if f["code"] == "RD007"]
    assert "ersten 100 Zeilen" in limit["message"]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("zeilen.html", "<html><body>" + "<p>Absatz</p>" * 300 + "</body></html>"),
        ("zeilen.docx", make_docx(document_xml(["Absatz"] * 300))),
        ("zeilen.pdf", make_pdf([["Absatz"] * 40 for _ in range(10)])),
    ],
)
def test_every_reader_keeps_to_the_line_limit(tmp_path: Path, name: str, data: str | bytes) -> None:
    result = process(_write(tmp_path, name, data), limits=Limits(max_lines=100))
    assert [f.code for f in result.findings if f.code.startswith("RD")] == ["RD007"]


def test_a_line_of_a_million_tabs_keeps_its_columns_bounded() -> None:
    cells = split_cells("Gremium\t" + "x\t" * 1_000_000)
    assert len(cells) == MAX_CELLS
    assert cells[0].text == "Gremium"
    assert cells[-1].text.count("\t") > 999_000


def test_nul_bytes_are_dropped(tmp_path: Path) -> None:
    path = _write(tmp_path, "nul.txt", SEED_LIKE.replace("Neupflanzung", "Neu\x00pflanzung", 1))
    result = process(path)
    assert result.vorlage is not None
    assert result.vorlage.betreff == "Neupflanzung von Straßenbäumen"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16"])
def test_text_in_other_encodings_is_decoded(tmp_path: Path, encoding: str) -> None:
    path = _write(tmp_path, "alt.txt", SEED_LIKE.replace("12.000 Euro", "12.000 €"))
    if encoding == "latin-1":  # no € in latin-1
        path.write_bytes(SEED_LIKE.encode("latin-1"))
    else:
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    result = process(path)
    assert result.vorlage is not None
    assert result.vorlage.betreff == "Neupflanzung von Straßenbäumen"
    assert result.vorlage.ersteller == "Amt für Grünflächen"


def test_xxe_in_html_stays_literal(tmp_path: Path) -> None:
    page = (
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        "<html><body><p>Betreff: &xxe;</p></body></html>"
    )
    result = process(_write(tmp_path, "xxe.html", page))
    assert "root:" not in result.to_json()


def test_deeply_nested_html_is_read(tmp_path: Path) -> None:
    page = "<html><body><p>Betreff: Tiefe</p>" + "<div>" * 100_000 + "innen"
    result = process(_write(tmp_path, "tief.html", page))
    assert result.vorlage is not None
    assert result.vorlage.betreff == "Tiefe"


def test_file_above_the_size_limit_is_not_read(run, tmp_path: Path) -> None:
    path = _write(tmp_path, "gross.txt", SEED_LIKE + "x" * (2 * 1024 * 1024))
    result = run("check", path, "--format", "jsonl", "--max-file-size", "1")
    assert result.exit_code == 2
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["code"] == "RD006"
    assert "2,0 MB" in finding["message"] and "1,0 MB" in finding["message"]


def test_folder_named_like_a_file(run, tmp_path: Path) -> None:
    folder = tmp_path / "vorlage.pdf"
    folder.mkdir()
    _write(folder, "innen.txt", SEED_LIKE)
    result = run("check", tmp_path, "--format", "jsonl")
    assert [json.loads(line)["source"]["path"] for line in result.stdout.splitlines()] == [
        str(folder / "innen.txt")
    ]
    [finding] = process(folder).findings
    assert (finding.code, finding.message) == ("RD002", "ist ein Ordner, keine Datei")


def test_dangling_symlink(run, tmp_path: Path) -> None:
    link = tmp_path / "weg.pdf"
    link.symlink_to(tmp_path / "gibt-es-nicht.pdf")
    result = run("check", tmp_path, "--format", "jsonl")
    assert result.exit_code == 2
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["code"] == "RD002"
    assert "symbolischer Link auf eine fehlende Datei" in finding["message"]


def test_link_out_of_a_scanned_folder_is_not_followed(run, tmp_path: Path) -> None:
    outside = _write(tmp_path, "geheim.txt", SEED_LIKE.replace("Neupflanzung", "Kennwort4711"))
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "harmlos.txt").symlink_to(outside)
    (folder / "innen.txt").symlink_to(_write(folder, "echt.txt", SEED_LIKE))
    result = run("check", folder, "--format", "jsonl")
    assert result.exit_code == 2
    assert "Kennwort4711" not in result.stdout
    documents = {
        Path(d["source"]["path"]).name: d for d in map(json.loads, result.stdout.splitlines())
    }
    assert documents["harmlos.txt"]["findings"][0]["code"] == "RD008"
    assert documents["innen.txt"]["vorlage"]["nummer"] == "BV-7/2025"
    named = run("check", folder / "harmlos.txt", "--format", "jsonl")
    assert "Kennwort4711" in named.stdout  # named by the user: read


def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "rohr.txt"
    os.mkfifo(fifo)
    [finding] = process(fifo).findings
    assert finding.code == "RD002"
    assert "keine gewöhnliche Datei" in finding.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "gesperrt.txt", SEED_LIKE)
    path.chmod(0)
    [finding] = process(path).findings
    assert (finding.code, finding.message) == ("RD002", "keine Leseberechtigung")


def test_permission_denied_is_reported(tmp_path: Path, monkeypatch) -> None:
    """The same as the test above for a run as root (as in CI), where chmod 000 blocks
    nothing: the error the kernel would give is raised where the file is opened."""
    path = _write(tmp_path, "gesperrt.txt", SEED_LIKE)

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    [finding] = process(path).findings
    assert (finding.code, finding.message) == ("RD002", "keine Leseberechtigung")


def test_unexpected_exception_is_finding_rd022_not_a_traceback(
    run, tmp_path: Path, monkeypatch
) -> None:
    def broken(*args: object) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr("vorlage_cli.extract.extract", broken)
    bad = _write(tmp_path, "a.txt", SEED_LIKE)
    result = run("check", bad, "--format", "jsonl")
    assert result.exit_code == 2
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["code"] == "RD022"
    assert "IndexError: list index out of range" in finding["message"]
    assert "Traceback" not in result.stderr
    monkeypatch.setenv("VORLAGE_DEBUG", "1")
    debug = run("check", bad, "--format", "jsonl")
    assert "Traceback" in debug.stderr and "IndexError" in debug.stderr
    assert str(bad) in debug.stderr


def test_long_line_is_broken_at_spaces_into_one_paragraph() -> None:
    words = [f"Wort{n}" for n in range(5000)]
    line = " ".join(words)
    pieces = split_long_line(line, length=1000)
    assert max(map(len, pieces)) <= 1000
    assert " ".join(pieces) == line
    assert split_long_line("x" * 2500, length=1000) == ["x" * 1000, "x" * 1000, "x" * 500]


@pytest.mark.parametrize("name", ["absatz.docx", "absatz.html"])
def test_long_paragraph_in_docx_and_html_is_read_in_bounded_lines(
    tmp_path: Path, name: str
) -> None:
    paragraph = "Der Rat beschließt " * 20_000
    data = (
        make_docx(document_xml(["Betreff: Brücke", paragraph]))
        if name.endswith(".docx")
        else f"<html><body><p>Betreff: Brücke</p><p>{paragraph}</p></body></html>"
    )
    path = _write(tmp_path, name, data)
    lines = [block for block in parse(load(path)).blocks() if isinstance(block, Line)]
    assert max(len(line.text) for line in lines) <= MAX_LINE_LENGTH
    assert " ".join(line.text for line in lines[1:]) == paragraph.strip()
    assert [line.paragraph_start for line in lines[1:3]] == [True, False]
    assert process(path).vorlage.betreff == "Brücke"


def _numbered_docx(patch: Callable[[str], str]) -> bytes:
    """A Word document with a numbered list whose numbering.xml goes through ``patch``."""
    document = docx.Document()
    for text in ("Betreff: Nummern", "Der Rat beschließt.", "Die Verwaltung berichtet."):
        document.add_paragraph(text, style=None if text.startswith("Betreff") else "List Number")
    saved = BytesIO()
    document.save(saved)
    source = zipfile.ZipFile(BytesIO(saved.getvalue()))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/numbering.xml":
                data = patch(data.decode()).encode()
            package.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    "patch",
    [
        lambda xml: xml.replace('w:ilvl="0"', 'w:ilvl="x"'),
        lambda xml: re.sub(r'<w:start w:val="\d+"/>', '<w:start w:val="1.5"/>', xml),
        lambda xml: re.sub(r'<w:start w:val="\d+"/>', '<w:start w:val="999999999"/>', xml),
    ],
    ids=["level not a number", "start not a number", "start of a billion"],
)
def test_hostile_list_numbering_falls_back_to_the_defaults(
    tmp_path: Path, patch: Callable[[str], str]
) -> None:
    path = _write(tmp_path, "nummern.docx", _numbered_docx(patch))
    lines = [block.text for block in parse(load(path)).blocks() if isinstance(block, Line)]
    assert lines == ["Betreff: Nummern", "1. Der Rat beschließt.", "2. Die Verwaltung berichtet."]


def test_a_rule_that_fails_leaves_the_document_unchecked(run, tmp_path: Path, monkeypatch) -> None:
    def broken(*args: object) -> None:
        raise KeyError("termin")

    monkeypatch.setattr("vorlage_cli.rules.run_rules", broken)
    result = run("check", _write(tmp_path, "a.txt", SEED_LIKE), "--format", "jsonl")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["vorlage"] is None
    assert [f["code"] for f in document["findings"]] == ["RD022"]
    assert "bei der Prüfung (KeyError: 'termin')" in document["findings"][0]["message"]
