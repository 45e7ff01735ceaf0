"""Rebuild the bundled sample Vorlagen (DOCX, ODT, PDF, text) from their sources in samples/src/.

The samples exist so that the parser can be tested on every layout quirk without a network, a
converter or real (copyrighted or personal) documents. Each source file in ``samples/src/`` is a
TOML description of one invented Vorlage: its template family, its header fields, its
Beratungsfolge and its sections. A family template turns that into a small document model, which
is written four ways:

* DOCX with python-docx, plus hand-built OXML for what python-docx cannot make (content controls,
  tracked changes, check-box controls, page fields, repeated table header rows);
* ODT by LibreOffice (``soffice --headless --convert-to odt``) from that same DOCX, as a clerk
  saving it in LibreOffice would get it;
* PDF by LibreOffice (``soffice --headless --convert-to pdf``) from that same DOCX;
* text, either the way a person or an old system saves a document as plain text (tab-separated
  cells, a chosen encoding and line end) or literally ``pdftotext -layout`` of the PDF.

The built files are committed, so tests need neither LibreOffice nor poppler. The golden files
beside them are written by hand and are never produced here: the script must not be the judge of
what the documents say.

Run: ``python scripts/build_samples.py`` (all) or ``python scripts/build_samples.py NAME ...``.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SRC = SAMPLES / "src"

#: Author and timestamp written into tracked changes; fixed so that rebuilds are byte-identical.
REVISION_AUTHOR = "Sachbearbeitung"
#: Zip member timestamp for DOCX files (the zip format cannot store anything earlier).
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

# Inline markup in source texts. Kept tiny on purpose: everything else is plain prose.
#   {+text+}            tracked insertion (counts)      {-text-}  tracked deletion (does not)
#   [x] / [ ]           ticked / unticked check box
#   {sdt:Alias|text}    plain-text content control      {date:YYYY-MM-DD|text}  date control
#   **text**            bold                            {PAGE} {NUMPAGES}  page fields
INLINE = re.compile(
    r"(\{\+.*?\+\}|\{-.*?-\}|\[[x ]\]|\{sdt:[^|}]*\|[^}]*\}|\{date:[^|}]*\|[^}]*\}"
    r"|\*\*.*?\*\*|\{PAGE\}|\{NUMPAGES\})"
)
BOX = {"[x]": "\u2612", "[ ]": "\u2610"}
EN_DASH = "\u2013"


# --------------------------------------------------------------------------------------------
# Document model shared by the DOCX and the text writers
# --------------------------------------------------------------------------------------------


@dataclass
class Para:
    r"""One paragraph; ``text`` may hold inline markup, ``\n`` (line break) and ``\t`` (tab)."""

    text: str
    bold: bool = False
    italic: bool = False
    size: float | None = None
    align: str = "left"
    before: float = 0.0
    after: float = 6.0
    tabs: list[tuple[float, str]] = field(default_factory=list)
    indent: tuple[float, float] | None = None  # (left cm, hanging cm)
    keep_next: bool = False
    page_break: bool = False  # start a new page (LibreOffice sometimes strands headings)
    numbered: bool = False  # Word auto numbering ("List Number" style)
    heading: bool = False  # a section heading: the no-gap text style puts a blank line before it
    gap: bool = True  # a blank line follows in text renditions that separate paragraphs
    txt_columns: list[int] | None = None  # expand tabs to these character columns in text


@dataclass
class Cell:
    """A table cell: paragraphs plus merge and layout flags."""

    paras: list[Para]
    span: int = 1
    vmerge: str | None = None  # "restart" or "continue"
    valign: str = "top"
    shade: str | None = None


@dataclass
class Row:
    """A table row; ``header`` rows repeat at the top of every page the table runs onto."""

    cells: list[Cell]
    header: bool = False
    min_height: float | None = None  # cm


@dataclass
class Table:
    """A table with fixed column widths (cm) and either grid lines or none."""

    widths: list[float]
    rows: list[Row]
    borders: bool = True
    after: float = 6.0
    gap: bool = True


Block = Para | Table


@dataclass
class Doc:
    """A whole document: body, page header and footer, base font, and the text style."""

    body: list[Block]
    header: list[Para] = field(default_factory=list)
    footer: list[Para] = field(default_factory=list)
    font: str = "Arial"
    size: float = 11.0
    text_gaps: bool = True  # blank lines between paragraphs in the plain text rendition
    text_lead: int = 0  # empty lines before the first line of the plain text (as in the seed)


@dataclass
class Sample:
    """One source file: the family, rendering options, header fields, Beratungsfolge, sections."""

    name: str
    family: str
    options: dict[str, Any]
    kopf: dict[str, str]
    beratung: list[dict[str, str]]
    abschnitte: list[dict[str, Any]]

    @classmethod
    def load(cls, path: Path) -> Sample:
        """Read a TOML source; unknown families fail loudly rather than render half a document."""
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if data["family"] not in FAMILIES:
            raise SystemExit(f"{path}: unknown family {data['family']!r}")
        return cls(
            name=path.stem,
            family=data["family"],
            options=data.get("options", {}),
            kopf=data["kopf"],
            beratung=data.get("beratung", []),
            abschnitte=data.get("abschnitt", []),
        )

    def opt(self, key: str, default: Any = None) -> Any:
        """Rendering option with a default, so sources only state what is special about them."""
        return self.options.get(key, default)


def paragraphs(text: str) -> list[str]:
    """Split a source text into paragraphs at blank lines; lines inside one are joined."""
    out = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        out.append(" ".join(line.strip() for line in chunk.splitlines()))
    return [p for p in out if p]


# --------------------------------------------------------------------------------------------
# Shared section rendering
# --------------------------------------------------------------------------------------------


def render_sections(
    s: Sample, heading_style: dict[str, Any], auto_numbering: bool = False
) -> list[Block]:
    """Render the ``[[abschnitt]]`` list in source order.

    A section has a ``titel`` (heading as printed) and one of ``text`` (paragraphs; a line
    starting with ``## `` is a sub-heading), ``punkte`` (numbered points) or ``zeilen`` (lines
    printed without space between them, e.g. a signature or an Anlagen list). ``neue_seite``
    starts the heading on a new page, as an author fixes a heading stranded at a page foot.
    """
    out: list[Block] = []
    for sec in s.abschnitte:
        if "titel" in sec:
            out.append(
                Para(
                    sec["titel"],
                    heading=True,
                    keep_next=True,
                    before=6,
                    page_break=sec.get("neue_seite", False),
                    **heading_style,
                )
            )
        if "text" in sec:
            for p in paragraphs(sec["text"]):
                if p.startswith("## "):
                    out.append(Para(p[3:], bold=True, italic=True, keep_next=True, after=3))
                else:
                    out.append(Para(p, align="both"))
        if "punkte" in sec:
            pts = sec["punkte"]
            for i, pt in enumerate(pts, 1):
                last = i == len(pts)
                if auto_numbering:
                    out.append(Para(pt, numbered=True, align="both", after=6 if last else 3))
                else:
                    out.append(
                        Para(
                            f"{i}.\t{pt}",
                            tabs=[(0.63, "left")],
                            indent=(0.63, 0.63),
                            align="both",
                            after=6 if last else 3,
                            gap=last,
                            txt_columns=[0],
                        )
                    )
        if "zeilen" in sec:
            lines = sec["zeilen"]
            for i, line in enumerate(lines, 1):
                last = i == len(lines)
                out.append(
                    Para(
                        line,
                        before=12 if i == 1 and "titel" not in sec else 0,
                        after=12 if last else 0,
                        gap=last or sec.get("getrennt", False),
                    )
                )
    return out


def fields_text(label_values: list[tuple[str, str]], tab_cm: float, col: int | None) -> list[Para]:
    """Label/value lines ("Vorlage-Nr.:<tab>VO/2025/0123") aligned at one tab stop.

    In the plain text the tab stays a tab (``col`` None, as Word's text export keeps it) or
    becomes spaces up to a column, as in a text typed or converted by another system.
    """
    out = []
    for i, (label, value) in enumerate(label_values, 1):
        out.append(
            Para(
                f"{label}\t{value}",
                tabs=[(tab_cm, "left")],
                after=0 if i < len(label_values) else 12,
                gap=i == len(label_values),
                txt_columns=None if col is None else [col],
            )
        )
    return out


# --------------------------------------------------------------------------------------------
# Family 1: Verwaltungsvorlage (the seed's layout)
# --------------------------------------------------------------------------------------------


def build_verwaltungsvorlage(s: Sample) -> Doc:
    """Title line with number and revision, header/value tables, UPPER-CASE headings.

    The text rendition follows the seed: tab-separated header/value rows, a blank line after
    every paragraph, numbered points and signature lines kept together.
    """
    k = s.kopf
    nummer = k["nummer"]
    if s.opt("number_sdt"):
        nummer = f"{{sdt:Vorlagennummer|{nummer}}}"
    title = f"{k['art']} {nummer}" + (f" {k['fassung']}" if k.get("fassung") else "")
    bold_cell = {"bold": True, "size": 9, "after": 0}
    plain_cell = {"size": 10, "after": 0}
    meta = Table(
        widths=[7.0, 4.0, 5.0],
        rows=[
            Row(
                [
                    Cell([Para(h, **bold_cell)])
                    for h in ("ERSTELLT DURCH", "ERSTELLT AM", "SITZUNGSTEIL")
                ]
            ),
            Row(
                [
                    Cell([Para(k[f], **plain_cell)])
                    for f in ("erstellt_durch", "erstellt_am", "sitzungsteil")
                ]
            ),
        ],
        borders=False,
        after=12,
    )
    cols = ("gremium", "status", "termin", "einladung", "top")
    gremien = Table(
        widths=[6.2, 3.0, 2.6, 2.6, 1.6],
        rows=[
            Row([Cell([Para(c.upper(), **bold_cell)], shade="E7E6E6") for c in cols], header=True)
        ]
        + [Row([Cell([Para(b.get(c, ""), **plain_cell)]) for c in cols]) for b in s.beratung],
        after=12,
    )
    body: list[Block] = [
        Para(title, bold=True, size=14, after=12),
        meta,
        gremien,
        Para("BEZEICHNUNG DES TAGESORDNUNGSPUNKTES", bold=True, heading=True, keep_next=True),
        Para(k["betreff"], bold=True, after=12),
    ]
    body += render_sections(s, {"bold": True})
    header_text = f"**{k['kommune']}**"
    if s.opt("number_in_header"):
        header_text += f"\t{k['art'].capitalize()} {k['nummer']}"
    header = [Para(header_text, size=9, tabs=[(16.0, "right")], after=0)]
    footer = [Para("Seite {PAGE}", size=8, align="right", after=0)]
    return Doc(body=body, header=header, footer=footer, text_lead=2)


# --------------------------------------------------------------------------------------------
# Family 2: ALLRIS-like print
# --------------------------------------------------------------------------------------------


def build_allris(s: Sample) -> Doc:
    """Label/value header, a Beratungsfolge table with a repeated header row, ALLRIS headings.

    The page header carries the number on every page and the footer a "- n -" page number,
    so multi-page renditions have page furniture a parser must skip.
    """
    k = s.kopf
    body: list[Block] = [
        Para(f"**{k['kommune']}**\n{k['behoerde']}", size=12, after=42),  # room for a logo
        Para(k["art"], bold=True, size=16, after=12),
    ]
    fields = [
        ("Vorlage-Nr.:", f"**{k['nummer']}**"),
        ("Status:", k["status"]),
        ("Datum:", k["datum"]),
        ("Federführend:", k["federfuehrend"]),
        ("Bearbeiter/in:", k["bearbeiter"]),
    ]
    if k.get("aktenzeichen"):
        fields.append(("Aktenzeichen:", k["aktenzeichen"]))
    body += fields_text(fields, 3.5, None)
    head = {"bold": True, "size": 10, "after": 0}
    cell = {"size": 10, "after": 0}
    cols = [("Datum", "termin"), ("Gremium", "gremium"), ("Zuständigkeit", "status"), ("Ö/N", "oe")]
    height = s.opt("row_height")
    body.append(Para("Beratungsfolge:", bold=True, heading=True, keep_next=True, after=3))
    body.append(
        Table(
            widths=[2.6, 6.0, 3.6, 1.6],
            rows=[Row([Cell([Para(h, **head)], shade="D9D9D9") for h, _ in cols], header=True)]
            + [
                Row([Cell([Para(b.get(key, ""), **cell)]) for _, key in cols], min_height=height)
                for b in s.beratung
            ],
            after=12,
        )
    )
    body.append(Para("Betreff:", bold=True, heading=True, keep_next=True, after=3))
    body.append(Para(k["betreff"], bold=True, after=12))
    body += render_sections(s, {"bold": True}, auto_numbering=s.opt("auto_numbering", False))
    header = [
        Para(
            f"{k['kommune']}\tVorlage {k['nummer']}",
            size=9,
            tabs=[(16.0, "right")],
            after=0,
        )
    ]
    footer = [Para("- {PAGE} -", size=9, align="center", after=0)]
    return Doc(body=body, header=header, footer=footer, text_gaps=s.opt("text_gaps", False))


# --------------------------------------------------------------------------------------------
# Family 3: SessionNet-like print (one big table with a result grid per station)
# --------------------------------------------------------------------------------------------

GRID_WORDS = [
    ("einstimmig", "mehrheitl.", "ohne BE"),
    ("abgelehnt", "Kenntnis", "abgesetzt"),
    ("verwiesen", "vertagt", "geändert"),
]


def build_sessionnet(s: Sample) -> Doc:
    """Number/date/author/subject rows, then per station date, body and an empty result grid.

    The grid words (einstimmig, Kenntnis, vertagt ...) sit next to the committee name on the
    same printed line; they are form labels for the minute-taker, not bodies or results.
    """
    k = s.kopf
    small = {"size": 10, "after": 0}
    grid = {"size": 8, "after": 0}
    datum = k["datum"]
    if s.opt("date_sdt"):
        iso = dt.datetime.strptime(datum, "%d.%m.%Y").date().isoformat()
        datum = f"{{date:{iso}|{datum}}}"
    rows = [
        Row(
            [
                Cell([Para(f"Vorlage: **{k['nummer']}**", **small)], span=4),
                Cell([Para(f"Datum: {datum}", align="right", **small)], span=4),
            ]
        ),
        Row([Cell([Para(k["dezernat"], bold=True, align="center", **small)], span=8)]),
        Row(
            [
                Cell([Para("Verfasser:", **small)]),
                Cell([Para(k["verfasser"], **small)], span=4),
                Cell([Para(f"Az.: {k['az']}", align="right", **small)], span=3),
            ]
        ),
        Row(
            [
                Cell(
                    [
                        Para("Betreff:", bold=True, size=10, after=0, gap=False),
                        Para(k["betreff"], bold=True, size=10, after=3),
                    ],
                    span=8,
                )
            ]
        ),
        Row(
            [
                Cell(
                    [Para(k.get("gremienweg_label", "Gremienweg:"), align="center", **small)],
                    span=8,
                )
            ]
        ),
    ]
    for b in s.beratung:
        for i, words in enumerate(GRID_WORDS):
            cells = [
                Cell(
                    [Para(b["termin"] if i == 0 else "", **small)],
                    vmerge="restart" if i == 0 else "continue",
                ),
                Cell(
                    [Para(b["gremium"] if i == 0 else "", **small)],
                    vmerge="restart" if i == 0 else "continue",
                ),
            ]
            for w in words:
                cells += [Cell([Para(w, **grid)]), Cell([Para("", **grid)])]
            rows.append(Row(cells))
        top = f"TOP {b.get('top', '')}".rstrip()
        rows.append(
            Row(
                [
                    Cell([Para("", **small)], vmerge="continue"),
                    Cell([Para(f"{top}\t{b['oe']}", tabs=[(2.4, "left")], **small)]),
                    Cell([Para("Enthaltungen", **grid)], span=2),
                    Cell([Para("", **grid)]),
                    Cell([Para("Gegenstimmen", **grid)], span=2),
                    Cell([Para("", **grid)]),
                ]
            )
        )
    body: list[Block] = [
        Para(k["art"], bold=True, size=16, align="center", after=12),
        Table(widths=[2.1, 6.2, 1.85, 0.45, 1.85, 0.45, 1.85, 0.45], rows=rows, after=18),
    ]
    body += render_sections(s, {"bold": True})
    footer = [
        Para(
            f"Seite {{PAGE}} von {{NUMPAGES}} aus Vorlage: {k['nummer']}",
            size=8,
            align="right",
            after=0,
        )
    ]
    return Doc(body=body, footer=footer, font="Times New Roman", text_gaps=False)


# --------------------------------------------------------------------------------------------
# Family 4: Gremienweg as a list of lines (no table)
# --------------------------------------------------------------------------------------------


def build_gremienweg(s: Sample) -> Doc:
    """Letterhead, label lines, then the Gremienweg with one station per line, no table.

    Stations are either in tab columns or "Gremium (Rolle) - Datum" (with an en dash). A body
    name with a line break in the source wraps onto a second, indented line, as typed in Word
    with a manual line break.
    """
    k = s.kopf
    body: list[Block] = [
        Para(f"**{k['kommune']}**\n{k['behoerde']}", size=12, after=0, gap=False),
        Para(k["ort_datum"], align="right", after=12),
    ]
    body += fields_text([(label, value) for label, value in k["felder"]], 4.0, 18)
    body.append(Para(k["art"], bold=True, size=16, after=6))
    if k.get("betreff_oben"):
        body.append(Para(k["betreff"], bold=True, after=12))
    if k.get("sitzung"):
        body.append(Para(k["sitzung"], italic=True, after=12))
    body.append(Para(k["gremienweg_label"], bold=True, heading=True, keep_next=True, after=3))
    style = s.opt("list_style", "columns")
    for i, b in enumerate(s.beratung, 1):
        last = i == len(s.beratung)
        if style == "columns":
            first, *rest = b["gremium"].split("\n")
            text = f"{b['termin']}\t{first}\t{b['status']}\t{b['oe']}"
            for more in rest:
                text += f"\n\t{more}"
            out = Para(
                text,
                tabs=[(2.4, "left"), (10.6, "left"), (13.6, "left")],
                after=12 if last else 2,
                gap=last,
                txt_columns=[12, 56, 71],
            )
        else:
            out = Para(
                f"{b['gremium']} ({b['status']}) {EN_DASH} {b['termin']}",
                after=12 if last else 2,
                gap=last,
            )
        body.append(out)
    if not k.get("betreff_oben"):
        body.append(Para("Betreff:", bold=True, heading=True, keep_next=True, after=3))
        body.append(Para(k["betreff"], bold=True, after=12))
    body += render_sections(s, {"bold": True})
    footer = [
        Para(f"Drucksache {k['nummer']} {EN_DASH} Seite {{PAGE}}", size=8, align="center", after=0)
    ]
    return Doc(body=body, footer=footer)


FAMILIES: dict[str, Callable[[Sample], Doc]] = {
    "verwaltungsvorlage": build_verwaltungsvorlage,
    "allris": build_allris,
    "sessionnet": build_sessionnet,
    "gremienweg": build_gremienweg,
}


# --------------------------------------------------------------------------------------------
# DOCX writer
# --------------------------------------------------------------------------------------------


class Ids:
    """Counters for w:id values: Word wants them unique per kind across the document."""

    def __init__(self) -> None:
        """Start well apart so that content-control and revision ids never collide."""
        self.sdt = 1_000_000
        self.rev = 100

    def next_sdt(self) -> str:
        """Next content-control id (Word uses arbitrary signed 32-bit integers)."""
        self.sdt += 7919
        return str(self.sdt)

    def next_rev(self) -> str:
        """Next revision id for w:ins / w:del."""
        self.rev += 1
        return str(self.rev)


def el(tag: str, attrs: dict[str, str] | None = None, *children: Any) -> Any:
    """Build one OXML element with namespaced attributes; keeps the XML code readable."""
    e = OxmlElement(tag)
    for key, value in (attrs or {}).items():
        e.set(qn(key), value)
    for c in children:
        e.append(c)
    return e


def run_props(bold: bool, italic: bool, size: float | None, font: str | None = None) -> Any:
    """w:rPr in schema order (rFonts, b, i, sz); Word rejects out-of-order children."""
    rpr = el("w:rPr")
    if font:
        rpr.append(
            el(
                "w:rFonts",
                {"w:ascii": font, "w:eastAsia": font, "w:hAnsi": font, "w:hint": "eastAsia"},
            )
        )
    if bold:
        rpr.append(el("w:b"))
        rpr.append(el("w:bCs"))
    if italic:
        rpr.append(el("w:i"))
        rpr.append(el("w:iCs"))
    if size:
        rpr.append(el("w:sz", {"w:val": str(round(size * 2))}))
        rpr.append(el("w:szCs", {"w:val": str(round(size * 2))}))
    return rpr


def make_run(text: str, rpr: Any, deleted: bool = False) -> Any:
    """A w:r with text, tabs and line breaks; deleted text goes into w:delText as Word does."""
    r = el("w:r")
    r.append(copy.deepcopy(rpr))
    for piece in re.split(r"(\t|\n)", text):
        if piece == "\t":
            r.append(el("w:tab"))
        elif piece == "\n":
            r.append(el("w:br"))
        elif piece:
            t = el("w:delText" if deleted else "w:t")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = piece
            r.append(t)
    return r


def field_runs(code: str, rpr: Any, shown: str) -> list[Any]:
    """A complex field (PAGE, NUMPAGES) with a cached result, as Word writes it."""
    instr = el("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {code} "
    runs = []
    for part in (
        el("w:fldChar", {"w:fldCharType": "begin"}),
        instr,
        el("w:fldChar", {"w:fldCharType": "separate"}),
    ):
        r = el("w:r")
        r.append(copy.deepcopy(rpr))
        r.append(part)
        runs.append(r)
    runs.append(make_run(shown, rpr))
    r = el("w:r")
    r.append(copy.deepcopy(rpr))
    r.append(el("w:fldChar", {"w:fldCharType": "end"}))
    runs.append(r)
    return runs


def checkbox_sdt(checked: bool, ids: Ids, size: float | None) -> Any:
    """A Word 2010 check-box content control (w14:checkbox) showing ☒ or ☐ in MS Gothic."""
    w14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
    rpr = run_props(False, False, size, font="MS Gothic")
    pr = el("w:sdtPr")
    pr.append(copy.deepcopy(rpr))
    pr.append(el("w:id", {"w:val": ids.next_sdt()}))
    box = OxmlElement("w14:checkbox")
    for tag, attrs in (
        ("checked", {"val": "1" if checked else "0"}),
        ("checkedState", {"val": "2612", "font": "MS Gothic"}),
        ("uncheckedState", {"val": "2610", "font": "MS Gothic"}),
    ):
        child = OxmlElement(f"w14:{tag}")
        for key, value in attrs.items():
            child.set(f"{w14}{key}", value)
        box.append(child)
    pr.append(box)
    content = el("w:sdtContent")
    content.append(make_run(BOX["[x]" if checked else "[ ]"], rpr))
    return el("w:sdt", None, pr, content)


def text_sdt(alias: str, text: str, rpr: Any, ids: Ids) -> Any:
    """A plain-text content control, as a template field for the number would be."""
    pr = el(
        "w:sdtPr",
        None,
        copy.deepcopy(rpr),
        el("w:alias", {"w:val": alias}),
        el("w:tag", {"w:val": alias}),
        el("w:id", {"w:val": ids.next_sdt()}),
        el("w:text"),
    )
    return el("w:sdt", None, pr, el("w:sdtContent", None, make_run(text, rpr)))


def date_sdt(iso: str, text: str, rpr: Any, ids: Ids) -> Any:
    """A date-picker content control: the shown text plus w:fullDate, as Word stores it."""
    date = el(
        "w:date",
        {"w:fullDate": f"{iso}T00:00:00Z"},
        el("w:dateFormat", {"w:val": "dd.MM.yyyy"}),
        el("w:lid", {"w:val": "de-DE"}),
        el("w:storeMappedDataAs", {"w:val": "dateTime"}),
        el("w:calendar", {"w:val": "gregorian"}),
    )
    pr = el(
        "w:sdtPr",
        None,
        copy.deepcopy(rpr),
        el("w:alias", {"w:val": "Datum"}),
        el("w:id", {"w:val": ids.next_sdt()}),
        date,
    )
    return el("w:sdt", None, pr, el("w:sdtContent", None, make_run(text, rpr)))


@dataclass
class DocxContext:
    """What paragraph writing needs besides the paragraph: ids, check-box mode, a revision date."""

    ids: Ids
    checkbox: str  # "glyph" or "sdt"
    revision_date: str
    document: Any = None

    def field_style(self, p: Para) -> str:
        """A paragraph style carrying the paragraph's character format, created on demand.

        LibreOffice imports a plain-text or date content control as an input field that takes
        its font from the paragraph style, not from the run inside the control; without this
        the number in a bold 14 pt title would print in plain 11 pt.
        """
        name = f"Feld {p.size or 'Standard'}{' fett' if p.bold else ''}"
        styles = self.document.styles
        if name not in [st.name for st in styles]:
            style = styles.add_style(name, 1)  # WD_STYLE_TYPE.PARAGRAPH
            style.base_style = styles["Normal"]
            style.font.bold = p.bold or None
            if p.size:
                style.font.size = Pt(p.size)
        return styles[name].style_id


def write_para(p: Para, ctx: DocxContext) -> Any:
    """Build a w:p from a Para, turning inline markup into runs, controls and revisions."""
    wp = el("w:p")
    ppr = el("w:pPr")
    if p.numbered:
        ppr.append(el("w:pStyle", {"w:val": "ListNumber"}))
    elif re.search(r"\{(sdt|date):", p.text):
        ppr.append(el("w:pStyle", {"w:val": ctx.field_style(p)}))
    if p.keep_next:
        ppr.append(el("w:keepNext"))
    if p.page_break:
        ppr.append(el("w:pageBreakBefore"))
    if p.tabs:
        tabs = el("w:tabs")
        for pos, align in p.tabs:
            tabs.append(el("w:tab", {"w:val": align, "w:pos": str(round(Cm(pos).twips))}))
        ppr.append(tabs)
    ppr.append(
        el(
            "w:spacing",
            {"w:before": str(round(p.before * 20)), "w:after": str(round(p.after * 20))},
        )
    )
    if p.indent:
        left, hanging = p.indent
        ppr.append(
            el(
                "w:ind",
                {"w:left": str(round(Cm(left).twips)), "w:hanging": str(round(Cm(hanging).twips))},
            )
        )
    if p.align != "left":
        ppr.append(el("w:jc", {"w:val": p.align}))
    base = run_props(p.bold, p.italic, p.size)
    # The paragraph mark's run properties, as Word writes them; LibreOffice formats an inline
    # content control from these rather than from the run inside it.
    ppr.append(copy.deepcopy(base))
    wp.append(ppr)
    for token in INLINE.split(p.text):
        if not token:
            continue
        if token.startswith("**") and token.endswith("**") and len(token) > 4:
            wp.append(make_run(token[2:-2], run_props(True, p.italic, p.size)))
        elif token.startswith("{+"):
            ins = el(
                "w:ins",
                {
                    "w:id": ctx.ids.next_rev(),
                    "w:author": REVISION_AUTHOR,
                    "w:date": ctx.revision_date,
                },
            )
            ins.append(make_run(token[2:-2], base))
            wp.append(ins)
        elif token.startswith("{-"):
            dele = el(
                "w:del",
                {
                    "w:id": ctx.ids.next_rev(),
                    "w:author": REVISION_AUTHOR,
                    "w:date": ctx.revision_date,
                },
            )
            dele.append(make_run(token[2:-2], base, deleted=True))
            wp.append(dele)
        elif token in BOX:
            if ctx.checkbox == "sdt":
                wp.append(checkbox_sdt(token == "[x]", ctx.ids, p.size))
            else:
                wp.append(make_run(BOX[token], base))
        elif token.startswith("{sdt:"):
            alias, text = token[5:-1].split("|", 1)
            wp.append(text_sdt(alias, text, base, ctx.ids))
        elif token.startswith("{date:"):
            iso, text = token[6:-1].split("|", 1)
            wp.append(date_sdt(iso, text, base, ctx.ids))
        elif token in ("{PAGE}", "{NUMPAGES}"):
            for r in field_runs(token[1:-1], base, "1"):
                wp.append(r)
        else:
            wp.append(make_run(token, base))
    return wp


def write_table(t: Table, ctx: DocxContext) -> Any:
    """Build a w:tbl with a fixed grid, merges, header-row repetition and unsplittable rows."""
    tbl = el("w:tbl")
    tblpr = el("w:tblPr", None, el("w:tblW", {"w:w": "0", "w:type": "auto"}))
    borders = el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(
            el(
                f"w:{side}",
                {
                    "w:val": "single" if t.borders else "nil",
                    "w:sz": "4",
                    "w:space": "0",
                    "w:color": "000000",
                },
            )
        )
    tblpr.append(borders)
    tblpr.append(el("w:tblLayout", {"w:type": "fixed"}))
    tblpr.append(
        el(
            "w:tblCellMar",
            None,
            el("w:left", {"w:w": "70", "w:type": "dxa"}),
            el("w:right", {"w:w": "70", "w:type": "dxa"}),
        )
    )
    tblpr.append(
        el(
            "w:tblLook",
            {
                "w:val": "04A0",
                "w:firstRow": "1",
                "w:lastRow": "0",
                "w:firstColumn": "1",
                "w:lastColumn": "0",
                "w:noHBand": "0",
                "w:noVBand": "1",
            },
        )
    )
    tbl.append(tblpr)
    grid = el("w:tblGrid")
    twips = [round(Cm(w).twips) for w in t.widths]
    for w in twips:
        grid.append(el("w:gridCol", {"w:w": str(w)}))
    tbl.append(grid)
    for row in t.rows:
        tr = el("w:tr")
        trpr = el("w:trPr", None, el("w:cantSplit"))
        if row.min_height:
            trpr.append(
                el(
                    "w:trHeight",
                    {"w:val": str(round(Cm(row.min_height).twips)), "w:hRule": "atLeast"},
                )
            )
        if row.header:
            trpr.append(el("w:tblHeader"))
        tr.append(trpr)
        col = 0
        for cell in row.cells:
            width = sum(twips[col : col + cell.span])
            col += cell.span
            tcpr = el("w:tcPr", None, el("w:tcW", {"w:w": str(width), "w:type": "dxa"}))
            if cell.span > 1:
                tcpr.append(el("w:gridSpan", {"w:val": str(cell.span)}))
            if cell.vmerge:
                tcpr.append(
                    el("w:vMerge", {"w:val": cell.vmerge} if cell.vmerge == "restart" else {})
                )
            if cell.shade:
                tcpr.append(
                    el("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": cell.shade})
                )
            tcpr.append(el("w:vAlign", {"w:val": cell.valign}))
            tc = el("w:tc", None, tcpr)
            for p in cell.paras:
                tc.append(write_para(p, ctx))
            tr.append(tc)
        if col != len(t.widths):
            raise ValueError(f"row spans {col} columns, table has {len(t.widths)}")
        tbl.append(tr)
    return tbl


def doc_date(s: Sample) -> str:
    """The document's printed date (ERSTELLT AM, Datum, or the date in "Ort, dd.mm.yyyy").

    It stamps the DOCX core properties, revisions and PDF dates, so that metadata agrees with
    the page and a rebuild changes nothing.
    """
    for key in ("erstellt_am", "datum", "ort_datum"):
        m = re.search(r"\d{2}\.\d{2}\.\d{4}", s.kopf.get(key, ""))
        if m:
            return m.group(0)
    raise SystemExit(f"{s.name}: no document date in the header fields")


def core_date(text: str) -> dt.datetime:
    """The document's date as printed (dd.mm.yyyy) at 08:00 UTC, for fixed core properties."""
    return dt.datetime.strptime(text, "%d.%m.%Y").replace(hour=8, tzinfo=dt.UTC)


def write_docx(s: Sample, d: Doc, path: Path) -> None:
    """Write the DOCX with fixed metadata and zip timestamps so rebuilds are byte-identical."""
    document = docx.Document()
    # Drop the template's preview thumbnail: it is a picture of some other document.
    pkg = document.part.package
    for rid, rel in list(pkg.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del pkg.rels[rid]
    settings = document.settings.element
    for child in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(child)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), "de-DE")

    normal = document.styles["Normal"]
    normal.font.name = d.font
    normal.font.size = Pt(d.size)
    rfonts = normal.element.rPr.rFonts
    for attr in ("w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), d.font)
    normal.element.rPr.append(el("w:lang", {"w:val": "de-DE", "w:eastAsia": "de-DE"}))
    # Word's own Normal style keeps widow/orphan control on; the python-docx template lacks it,
    # and without it LibreOffice strands headings at the foot of a page.
    normal.element.get_or_add_pPr().insert(0, el("w:widowControl"))

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)

    created = core_date(doc_date(s))
    revision_date = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    ctx = DocxContext(
        ids=Ids(),
        checkbox=s.opt("checkbox", "glyph"),
        revision_date=revision_date,
        document=document,
    )

    body = document.element.body
    sect_pr = body.find(qn("w:sectPr"))
    for block in d.body:
        node = write_table(block, ctx) if isinstance(block, Table) else write_para(block, ctx)
        sect_pr.addprevious(node)
        if isinstance(block, Table):
            # Word needs a paragraph between two tables; it also carries the space after.
            sect_pr.addprevious(write_para(Para("", size=4, after=block.after), ctx))
    # python-docx starts with one empty paragraph in a new document; remove it.
    first = body[0]
    if first.tag == qn("w:p") and not "".join(first.itertext()):
        body.remove(first)

    for part, paras in ((section.header, d.header), (section.footer, d.footer)):
        if not paras:
            continue
        part.is_linked_to_previous = False
        hdr = part._element
        for old in list(hdr):
            hdr.remove(old)
        for p in paras:
            hdr.append(write_para(p, ctx))

    if any(tok.startswith(("{+", "{-")) for tok in INLINE.findall(source_text(s))):
        # Show the final text: Word and LibreOffice open (and LibreOffice prints) without
        # insertion/deletion markup, while w:ins and w:del stay in the file.
        view = el("w:revisionView", {"w:markup": "false", "w:insDel": "false"})
        settings.find(qn("w:defaultTabStop")).addprevious(view)

    props = document.core_properties
    props.author = s.opt("docx_author", "")
    props.last_modified_by = s.opt("docx_author", "")
    props.title = ""
    props.subject = ""
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.created = created
    props.modified = created + dt.timedelta(hours=2)
    props.last_printed = created + dt.timedelta(hours=2)
    props.revision = int(s.opt("docx_revision", 3))

    buf = io.BytesIO()
    document.save(buf)
    path.write_bytes(pin_zip(buf.getvalue()))


def source_text(s: Sample) -> str:
    """All source strings of a sample, to ask whether it uses a kind of markup at all."""
    parts: list[str] = [str(v) for v in s.kopf.values()]
    for b in s.beratung:
        parts += b.values()
    for sec in s.abschnitte:
        for value in sec.values():
            parts += value if isinstance(value, list) else [str(value)]
    return "\n".join(parts)


def pin_zip(data: bytes) -> bytes:
    """Rewrite a zip with a fixed timestamp per member, keeping member order and content."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# PDF (LibreOffice) and text writers
# --------------------------------------------------------------------------------------------


def convert_to_pdf(docx_paths: list[Path], out_dir: Path) -> list[Path]:
    """Convert DOCX files to PDF with LibreOffice in one run; returns the PDFs."""
    return convert(docx_paths, out_dir, "pdf")


def convert(docx_paths: list[Path], out_dir: Path, target: str) -> list[Path]:
    """Convert DOCX files with LibreOffice in one run and a private profile; returns the
    converted files (``target`` is their extension: pdf, odt).

    One run for many files: starting LibreOffice costs more than converting a short document.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit(f"LibreOffice (soffice) is needed to build the {target} renditions")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8")
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                *(str(path) for path in docx_paths),
            ],
            check=True,
            capture_output=True,
            env=env,
            timeout=180 + 10 * len(docx_paths),
        )
    return [out_dir / f"{path.stem}.{target}" for path in docx_paths]


def write_pdf(docx_path: Path, pdf_path: Path, stamp: dt.datetime) -> None:
    """Convert with LibreOffice, then pin the PDF's dates and /ID.

    LibreOffice stamps the conversion time and a random file ID; both are replaced by values
    of the same length so the cross-reference offsets stay valid.
    """
    with tempfile.TemporaryDirectory() as tmp:
        (converted,) = convert_to_pdf([docx_path], Path(tmp))
        data = converted.read_bytes()
    digits = stamp.strftime("%Y%m%d%H%M%S").encode()

    def pin_date(m: re.Match[bytes]) -> bytes:
        return m.group(1) + digits + m.group(3)

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})([^)]*\))", pin_date, data)
    ident = hashlib.md5(docx_path.name.encode(), usedforsecurity=False).hexdigest().upper()

    def pin_id(m: re.Match[bytes]) -> bytes:
        return m.group(1) + ident.encode() + m.group(2) + ident.encode() + m.group(3)

    data = re.sub(rb"(/ID\s*\[\s*<)[0-9A-Fa-f]{32}(>\s*<)[0-9A-Fa-f]{32}(>)", pin_id, data)
    # LibreOffice's /DocChecksum covers the unpinned bytes; recompute it over the pinned ones.
    blank = re.sub(rb"(/DocChecksum\s*/)[0-9A-Fa-f]{32}", rb"\g<1>" + b"0" * 32, data)
    digest = hashlib.md5(blank, usedforsecurity=False).hexdigest().upper().encode()
    data = re.sub(rb"(/DocChecksum\s*/)[0-9A-Fa-f]{32}", rb"\g<1>" + digest, blank)
    pdf_path.write_bytes(data)


def write_odt(docx_path: Path, odt_path: Path) -> None:
    """Convert with LibreOffice (as a clerk's "Save as ODT" of the same document would), then
    pin what changes from run to run: the ids of tracked changes and lists (LibreOffice takes
    them from memory addresses), the editing session ids (Rsid) in settings.xml, and the zip
    member timestamps. The ``mimetype`` member stays first and uncompressed, as OpenDocument
    requires."""
    with tempfile.TemporaryDirectory() as tmp:
        (converted,) = convert([docx_path], Path(tmp), "odt")
        data = converted.read_bytes()
    source = zipfile.ZipFile(io.BytesIO(data))
    ids: dict[bytes, bytes] = {}

    def pin_id(m: re.Match[bytes]) -> bytes:
        return ids.setdefault(m.group(0), m.group(1) + str(len(ids) + 1).encode())

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.endswith(".xml"):
                content = re.sub(rb"\b(ct|list)\d{6,}\b", pin_id, content)
            if info.filename == "settings.xml":
                content = re.sub(
                    rb'(config:name="Rsid(?:Root)?" config:type="int">)\d+', rb"\g<1>1", content
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, content)
    odt_path.write_bytes(out.getvalue())


def plain(text: str) -> str:
    """Inline markup resolved to what a reader sees: insertions kept, deletions dropped."""

    def one(m: re.Match[str]) -> str:
        tok = m.group(0)
        if tok.startswith("**"):
            return tok[2:-2]
        if tok.startswith("{+"):
            return tok[2:-2]
        if tok.startswith("{-"):
            return ""
        if tok in BOX:
            return BOX[tok]
        if tok.startswith(("{sdt:", "{date:")):
            return tok[:-1].split("|", 1)[1]
        return ""

    return INLINE.sub(one, text)


def para_text(p: Para) -> str:
    """A paragraph as text lines; tabs become spaces up to fixed columns where asked."""
    text = plain(p.text)
    if p.numbered:
        raise ValueError("auto-numbered paragraphs only in layout-text samples")
    if p.txt_columns is None:
        return text
    lines = []
    for line in text.split("\n"):
        parts = line.split("\t")
        out = parts[0]
        for col, part in zip(p.txt_columns, parts[1:], strict=False):
            out = out.ljust(col) if len(out) < col else out + " "
            out += part
        lines.append(out.rstrip())
    return "\n".join(lines)


def render_text(d: Doc) -> str:
    """The document as a person's plain-text export: no page furniture, tables as tab rows."""
    out: list[str] = [""] * d.text_lead
    for block in d.body:
        if isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    text = (
                        ""
                        if cell.vmerge == "continue"
                        else "\n".join(plain(p.text) for p in cell.paras)
                    )
                    cells.append(text)
                out.append("\t".join(cells))
            if d.text_gaps and block.gap:
                out.append("")
            continue
        if block.heading and not d.text_gaps and out and out[-1] != "":
            out.append("")
        out.append(para_text(block))
        if d.text_gaps and block.gap:
            out.append("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def layout_text(pdf_path: Path) -> str:
    """``pdftotext -layout`` of the PDF, as a third party's extraction would give it."""
    exe = shutil.which("pdftotext")
    if not exe:
        raise SystemExit("poppler-utils (pdftotext) is needed for layout text renditions")
    res = subprocess.run(
        [exe, "-layout", "-enc", "UTF-8", str(pdf_path), "-"], check=True, capture_output=True
    )
    return res.stdout.decode("utf-8")


def write_text(s: Sample, d: Doc, pdf_path: Path, path: Path) -> None:
    """Write the text rendition in the sample's style, encoding and line end."""
    text = layout_text(pdf_path) if s.opt("txt") == "layout" else render_text(d)
    if s.opt("newline") == "crlf":
        text = text.replace("\n", "\r\n")
    encoding = s.opt("encoding", "utf-8")
    path.write_bytes(text.encode(encoding))


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------


def build(s: Sample) -> list[Path]:
    """Build one sample's DOCX, ODT, PDF and text into samples/<family>/ and return the
    paths."""
    out_dir = SAMPLES / s.family
    out_dir.mkdir(parents=True, exist_ok=True)
    d = FAMILIES[s.family](s)
    docx_path = out_dir / f"{s.name}.docx"
    odt_path = out_dir / f"{s.name}.odt"
    pdf_path = out_dir / f"{s.name}.pdf"
    txt_path = out_dir / f"{s.name}.txt"
    write_docx(s, d, docx_path)
    write_odt(docx_path, odt_path)
    write_pdf(docx_path, pdf_path, core_date(doc_date(s)))
    write_text(s, d, pdf_path, txt_path)
    return [docx_path, odt_path, pdf_path, txt_path]


def main(argv: list[str] | None = None) -> int:
    """Build all samples, or only those named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="source names (file stems) to build")
    args = parser.parse_args(argv)
    sources = sorted(SRC.glob("*.toml"))
    if args.names:
        sources = [p for p in sources if p.stem in args.names]
        missing = set(args.names) - {p.stem for p in sources}
        if missing:
            parser.error(f"no such source: {', '.join(sorted(missing))}")
    for path in sources:
        sample = Sample.load(path)
        for built in build(sample):
            print(built.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
