"""`check --format html`: one German page that needs nothing but itself, with every document's
text escaped, accessible headings and tables, sessions per body in date order; and, in a real
headless Chromium, that it renders without a console error or a request, sorts and filters."""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
import struct
from pathlib import Path

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from vorlage_cli.cli import app

from .chromium import Page, find_chromium
from .conftest import ROOT
from .test_cli import SEED_LIKE

FOLDER = "samples/verwaltungsvorlage"
SAMPLES = ("vl-12-2025-1n", "vl-31-2025_fehler-entscheidung-vor-vorberatung", "vl-44-2025")


def _report(*args: str, readable: bool = True) -> str:
    result = CliRunner().invoke(app, ["check", "-f", "html", *args], catch_exceptions=False)
    assert result.exit_code in ((0, 1) if readable else (2,)), result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def page_text() -> str:
    """The three Verwaltungsvorlagen of Wendelstedt, one with its planted defect."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        return _report(*(f"{FOLDER}/{name}.txt" for name in SAMPLES))


def _tree(page_text: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(page_text)


def _words(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def test_the_page_is_german_and_needs_nothing_else(page_text: str) -> None:
    tree = _tree(page_text)
    assert tree.get("lang") == "de"
    assert not tree.xpath("//link | //img | //iframe | //object | //embed | //script[@src]")
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page_text)
    assert not re.search(r"@import|url\(", page_text), "no fonts or images fetched by CSS"
    (script,) = tree.xpath("//script")
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    digest = base64.b64encode(hashlib.sha256(script.text.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy, "the inline script, and it alone, may run"
    assert "default-src 'none'" in policy


def test_headings_and_tables_are_accessible(page_text: str) -> None:
    tree = _tree(page_text)
    levels = [int(heading.tag[1]) for heading in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(after - before <= 1 for before, after in itertools.pairwise(levels))
    tables = tree.xpath("//table")
    assert len(tables) == 4, "the overview and one Beratungsfolge per Vorlage"
    for table in tables:
        assert table.xpath("caption") and _words(table.xpath("caption")[0])
        assert all(th.get("scope") == "col" for th in table.xpath("thead//th"))
        assert all(th.get("scope") == "row" for th in table.xpath("tbody//th"))
        assert table.xpath("tbody/tr[1]/th"), "each row is named by its first cell"
    targets = set(tree.xpath("//@id"))
    links = [href[1:] for href in tree.xpath("//a/@href")]
    assert links and all(link in targets for link in links), "no link leads nowhere"


def test_one_overview_row_per_vorlage_as_the_documents_print_them(page_text: str) -> None:
    rows = _tree(page_text).xpath("//table[@id='vorlagen-tabelle']/tbody/tr")
    assert [[_words(cell) for cell in row] for row in rows] == [
        ["VL-12/2025 1N",
         "Förderprogramm „Grünes Wendelstedt“ – Zuschüsse für Dachbegrünung, Fassadenbegrünung "
         "und Entsiegelung privater Flächen 2025 bis 2027",
         "Verwaltungsvorlage", "Hinweise", "0", "0", "2"],
        ["VL-31/2025",
         "Sanierung und Erweiterung der Turnhalle der Grundschule Am Lindenplatz – Baubeschluss",
         "Verwaltungsvorlage", "Fehler", "1", "0", "0"],
        ["VL-44/2025",
         "Haushaltssatzung der Stadt Wendelstedt für das Haushaltsjahr 2026 mit Stellenplan",
         "Verwaltungsvorlage", "ohne Befund", "0", "0", "0"],
    ]  # fmt: skip
    assert [row.get("data-status") for row in rows] == ["info", "error", "clean"]


def test_a_finding_shows_its_quote_and_place(page_text: str) -> None:
    """VL-31/2025's planted defect: the Rat, in line 12 of the text, decides on 22.05.2025
    before the Haupt- und Finanzausschuss advises on 05.06.2025."""
    tree = _tree(page_text)
    (article,) = [a for a in tree.xpath("//article") if "VL-31/2025" in _words(a.xpath("h3")[0])]
    (finding,) = article.xpath(".//ul[@class='befunde']/li")
    assert finding.get("class") == "error"
    words = _words(finding)
    assert "BF003" in words and "Fundstelle: Z. 12" in words
    assert "05.06.2025" in words and "22.05.2025" in words
    assert _words(finding.xpath("blockquote")[0]) == (
        "Rat der Stadt Wendelstedt beschließend 22.05.2025 6/2025"
    )
    stations = article.xpath(".//table[@class='beratungsfolge']/tbody/tr")
    assert [_words(row[1]) for row in stations] == [
        "Ausschuss für Schule, Sport und Kultur",
        "Bau- und Planungsausschuss",
        "Haupt- und Finanzausschuss",
        "Rat der Stadt Wendelstedt",
    ]
    assert stations[3].xpath("td[3]/time/@datetime") == ["2025-05-22"]


def test_sessions_per_body_in_date_order(page_text: str) -> None:
    """The sessions the three texts print: VL-44's "10./11.12.2025" counts by its first day,
    and the Rat's first reading of VL-44 (23.10.2025) is a session of its own."""
    tree = _tree(page_text)
    bodies = {
        _words(section.xpath("h3")[0]): [
            (day.xpath("span/time/@datetime")[0], [_words(a) for a in day.xpath("ul/li/a")])
            for day in section.xpath("ol/li")
        ]
        for section in tree.xpath("//section[@id='sitzungen']/section")
    }
    assert bodies["Rat der Stadt Wendelstedt"] == [
        ("2025-04-10", ["VL-12/2025 1N"]),
        ("2025-05-22", ["VL-31/2025"]),
        ("2025-10-23", ["VL-44/2025"]),
        ("2025-12-10", ["VL-44/2025"]),
    ]
    assert bodies["Haupt- und Finanzausschuss"] == [
        ("2025-04-03", ["VL-12/2025 1N"]),
        ("2025-06-05", ["VL-31/2025"]),
        ("2025-11-27", ["VL-44/2025"]),
    ]
    assert len(bodies) == 5


def test_a_finding_across_documents_links_to_the_other_one(tmp_path: Path, monkeypatch) -> None:
    """One Rat session, invitation 2/2025, on 27.02. in a.txt and on 10.02. in b.txt (REP004):
    each finding links to the other document's part, whichever comes first."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(SEED_LIKE, encoding="utf-8")
    Path("b.txt").write_text(SEED_LIKE.replace("27.02.2025", "10.02.2025"), encoding="utf-8")
    tree = _tree(_report("a.txt", "b.txt"))
    articles = {_words(a.xpath(".//dd/code")[0]): a for a in tree.xpath("//article")}
    for mine, other in (("a.txt", "b.txt"), ("b.txt", "a.txt")):
        (link,) = articles[mine].xpath(".//li[p/code='REP004']//ul/li/a")
        assert _words(link) == other
        assert link.get("href") == "#" + articles[other].get("id")


def test_document_text_is_escaped_everywhere(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> & "Rat"'
    document = SEED_LIKE.replace("Neupflanzung von Straßenbäumen", hostile).replace(
        "Umweltausschuss", "Umwelt<b>ausschuss</b>"
    )
    Path("<a>.txt").write_text(document, encoding="utf-8")
    page_text = _report("<a>.txt")
    tree = _tree(page_text)
    assert len(tree.xpath("//script")) == 1 and not tree.xpath("//img | //b")
    assert page_text.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") >= 3
    assert hostile in _words(tree.xpath("//table[@id='vorlagen-tabelle']/tbody/tr/td[1]")[0])
    assert "&lt;a&gt;.txt" in page_text and "<a>.txt" not in page_text


def test_the_report_goes_to_a_file_whole_and_only_with_force_over_one(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(SEED_LIKE, encoding="utf-8")
    run = CliRunner().invoke
    written = run(app, ["check", "a.txt", "-f", "html", "-o", "bericht.html"])
    assert written.exit_code == 0 and written.stdout == ""
    assert Path("bericht.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    Path("bericht.html").write_text("alt", encoding="utf-8")
    kept = run(app, ["check", "a.txt", "-f", "html", "-o", "bericht.html"])
    assert kept.exit_code == 2 and Path("bericht.html").read_text(encoding="utf-8") == "alt"
    assert "bericht.html: existiert bereits (mit --force überschreiben)" in kept.stderr
    forced = run(app, ["check", "a.txt", "-f", "html", "-o", "bericht.html", "--force"])
    assert forced.exit_code == 0
    assert Path("bericht.html").read_text(encoding="utf-8") != "alt"
    onto_input = run(app, ["check", "a.txt", "-o", "a.txt", "--force"])
    assert onto_input.exit_code == 2 and Path("a.txt").read_text(encoding="utf-8") == SEED_LIKE


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


CHROMIUM = find_chromium()


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium (Debian: apt-get install chromium)")
def test_the_report_in_chromium(tmp_path: Path, monkeypatch) -> None:
    """All nine samples (text renditions) and an empty file in one browser: no console message
    above info, no request but the page itself, a screenshot with something on it, and the
    table sorts and filters."""
    monkeypatch.chdir(ROOT)
    report = tmp_path / "bericht.html"
    empty_file = tmp_path / "leer.txt"
    empty_file.write_bytes(b"")
    report.write_text(_report("samples/**/*.txt", str(empty_file), readable=False), "utf-8")
    blank = tmp_path / "leer.html"
    blank.write_text('<!DOCTYPE html><html lang="de"><title>leer</title></html>')
    assert CHROMIUM is not None
    with Page(CHROMIUM) as page:
        page.open(blank)
        empty = page.screenshot()
        page.open(report)
        shot = page.screenshot()
        rows = "document.querySelectorAll('#vorlagen-tabelle tbody tr')"
        visible = f"Array.from({rows}).filter(r => !r.hidden).map(r => r.cells[0].textContent)"
        assert page.evaluate(f"{rows}.length") == 10
        assert page.evaluate("document.getElementById('anzahl').textContent") == (
            "10 von 10 Vorlagen"
        )
        page.evaluate(
            "const s = document.getElementById('suche'); s.value = 'friedhof';"
            "s.dispatchEvent(new Event('input'))"
        )
        assert page.evaluate(visible) == ["BV/0058/2025"]
        page.evaluate(
            "document.getElementById('suche').value = ''; const t = document.getElementById"
            "('status'); t.value = 'error'; t.dispatchEvent(new Event('change'))"
        )
        assert sorted(page.evaluate(visible)) == ["BV/0058/2025", "VL-31/2025", "VO/2025/0187"]
        page.evaluate("document.querySelector('button[data-column=\"0\"]').click()")
        assert page.evaluate(visible) == ["BV/0058/2025", "VL-31/2025", "VO/2025/0187"]
        assert page.evaluate("document.querySelector('thead th').getAttribute('aria-sort')") == (
            "ascending"
        )
        page.evaluate(
            "document.getElementById('status').value = '';"
            "document.getElementById('status').dispatchEvent(new Event('change'));"
            "document.querySelector('button[data-column=\"3\"]').click()"
        )
        statuses = page.evaluate(f"Array.from({rows}).map(r => r.dataset.status)")
        headings = page.evaluate(
            "Array.from(document.querySelectorAll('h1,h2')).map(h => h.tagName + ' ' + "
            "h.textContent)"
        )
        tree = page.send("Accessibility.getFullAXTree")["nodes"]
        problems, requests = page.problems(), page.requests()
    assert statuses == ["unreadable"] + ["error"] * 3 + ["info"] * 2 + ["clean"] * 4, (
        "the worst first, not in the alphabet's order"
    )
    assert problems == []
    assert requests == [blank.as_uri(), report.as_uri()]
    assert headings == [
        "H1 Prüfbericht Vorlagen",
        "H2 Übersicht",
        "H2 Sitzungen nach Gremium",
        "H2 Vorlagen im Einzelnen",
    ]
    names = [node.get("name", {}).get("value", "") for node in tree
             if node.get("role", {}).get("value") == "table"]  # fmt: skip
    assert len(names) == 10 and all(names), "every table is named by its caption"
    width, height = _png_size(shot)
    assert width == 1280 and height > 3000, "the whole page, not only the window"
    assert len(shot) > 20 * len(empty), "the page drew text and tables, not a blank"
