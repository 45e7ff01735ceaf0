"""One German HTML page for the clerk before a session: every Vorlage of the run in a table
that sorts and filters in the browser, the sessions of each body with the Vorlagen they
handle, and each Vorlage's fields, Beratungsfolge and findings with their quotes and places.

The page is one file that needs nothing else: the styles and the small script are inline, and
a Content-Security-Policy allows exactly that script (by its hash) and no request at all, so
the report opens offline, from a mail attachment or a share, and a document's text, escaped
everywhere, could not load or run anything even if it got through. Without the script the page
is complete; it only loses sorting and filtering.

The sessions need every document, so the page is written when the run ends; what is kept
meanwhile is the rendered part of each Vorlage, not its result.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import IO

from vorlage_cli.model import Beratung, DocumentResult, Finding, Vorlage
from vorlage_cli.report import SEVERITY_NAMES, Summary
from vorlage_cli.report.places import place_in_words, related_in_words, relative_path

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Characters HTML does not allow in text; removed, not escaped."""

STATUS_NAMES = {
    "unreadable": "nicht lesbar",
    "error": "Fehler",
    "warning": "Warnungen",
    "info": "Hinweise",
    "clean": "ohne Befund",
}
"""A Vorlage's status in the overview: its worst finding, or that it could not be read; in
this order, the worst first, the column sorts."""


def text(value: object) -> str:
    """Document text for the page: escaped (quotes too, so it is safe in attributes), without
    the control characters HTML forbids."""
    return html.escape(_CONTROL.sub("", str(value)), quote=True)


def _one_line(value: str | None) -> str:
    return text(" ".join(value.split())) if value else ""


def _date(value: date | None) -> str:
    if value is None:
        return "–"
    return f'<time datetime="{value.isoformat()}">{value.strftime("%d.%m.%Y")}</time>'


def _reference(vorlage: Vorlage | None) -> str:
    if vorlage is None or not vorlage.nummer:
        return ""
    return " ".join(part for part in (vorlage.nummer, vorlage.fassung) if part)


def _role(station: Beratung) -> str:
    role = station.rolle or station.rolle_text or ""
    if station.rolle_quelle == "abgeleitet":
        return f"{text(role)} <small>(abgeleitet)</small>"
    return text(role)


def _alphabetical(name: str) -> str:
    """A sort key that files "Ä" with "A", as a German index does."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def anchor_of(path: str) -> str:
    """A document's anchor, taken from its path, so that a finding about another document
    links to that document's part before the part is written."""
    return "vorlage-" + hashlib.sha256(relative_path(path).encode()).hexdigest()[:12]


def status_of(result: DocumentResult) -> str:
    if result.vorlage is None:
        return "unreadable"
    severities = {finding.severity for finding in result.findings}
    return next((name for name in ("error", "warning", "info") if name in severities), "clean")


@dataclass(frozen=True, slots=True)
class _Agenda:
    """A Vorlage on a session's agenda."""

    anchor: str
    reference: str
    subject: str
    role_html: str
    """Escaped already, with its mark where the role was derived."""
    item: str


class HtmlReporter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.rows: list[str] = []
        self.sections: list[str] = []
        self.sessions: dict[str, dict[date | None, list[_Agenda]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.body_names: dict[str, str] = {}
        self.anchors: set[str] = set()

    def document(self, result: DocumentResult) -> None:
        anchor = anchor_of(result.source.path)
        if anchor in self.anchors:  # the same file twice
            anchor += f"-{len(self.rows) + 1}"
        self.anchors.add(anchor)
        self.rows.append(self._row(result, anchor))
        self.sections.append(self._section(result, anchor))
        vorlage = result.vorlage
        if vorlage is None:
            return
        for station in vorlage.beratungsfolge:
            body = " ".join(station.gremium.split())
            key = body.casefold()
            self.body_names.setdefault(key, body)
            self.sessions[key][station.termin].append(
                _Agenda(
                    anchor=anchor,
                    reference=_reference(vorlage) or relative_path(result.source.path),
                    subject=" ".join((vorlage.betreff or "").split()),
                    role_html=_role(station),
                    item=station.top or "",
                )
            )

    def finish(self, summary: Summary) -> None:
        script = _SCRIPT
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        policy = (
            "default-src 'none'; style-src 'unsafe-inline'; "
            f"script-src 'sha256-{digest}'; img-src data:"
        )
        documents = f"{summary.documents} Vorlage{'' if summary.documents == 1 else 'n'}"
        self.stream.write(
            "<!DOCTYPE html>\n"
            '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>Prüfbericht: {documents}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
            "<header>\n<h1>Prüfbericht Vorlagen</h1>\n"
            f"<p>{text(summary.in_words())}.</p>\n"
            '<nav aria-label="Inhalt"><ul><li><a href="#uebersicht">Übersicht</a></li>'
            '<li><a href="#sitzungen">Sitzungen nach Gremium</a></li>'
            '<li><a href="#vorlagen">Vorlagen im Einzelnen</a></li></ul></nav>\n</header>\n'
            "<main>\n"
        )
        self._overview()
        self._timeline()
        self.stream.write(
            '<section id="vorlagen" aria-labelledby="vorlagen-titel">\n'
            '<h2 id="vorlagen-titel">Vorlagen im Einzelnen</h2>\n'
        )
        self.stream.writelines(self.sections)
        self.stream.write(f"</section>\n</main>\n<script>{script}</script>\n</body>\n</html>\n")
        self.stream.flush()

    def _overview(self) -> None:
        options = "".join(
            f'<option value="{key}">{name}</option>' for key, name in STATUS_NAMES.items()
        )
        headers = "".join(
            f'<th scope="col"{attributes}><button type="button" data-column="{index}">{name}'
            '<span class="pfeil" aria-hidden="true"></span></button></th>'
            for index, (name, attributes) in enumerate(
                (
                    ("Nummer", ""),
                    ("Betreff", ""),
                    ("Art", ""),
                    ("Status", ' data-sortierung="zahl"'),
                    ("Fehler", ' class="zahl" data-sortierung="zahl"'),
                    ("Warnungen", ' class="zahl" data-sortierung="zahl"'),
                    ("Hinweise", ' class="zahl" data-sortierung="zahl"'),
                )
            )
        )
        self.stream.write(
            '<section id="uebersicht" aria-labelledby="uebersicht-titel">\n'
            '<h2 id="uebersicht-titel">Übersicht</h2>\n'
            '<form class="filter" role="search" hidden>\n'
            '<label for="suche">Suchen</label> '
            '<input type="search" id="suche" placeholder="Nummer, Betreff, Art …"> '
            '<label for="status">Status</label> '
            f'<select id="status"><option value="">alle</option>{options}</select>\n'
            '<p id="anzahl" role="status" aria-live="polite"></p>\n</form>\n'
            '<table id="vorlagen-tabelle">\n'
            "<caption>Alle geprüften Vorlagen mit ihren Befunden; ein Klick auf eine "
            "Spaltenüberschrift sortiert.</caption>\n"
            f"<thead><tr>{headers}</tr></thead>\n<tbody>\n"
        )
        self.stream.writelines(self.rows)
        self.stream.write("</tbody>\n</table>\n</section>\n")

    def _row(self, result: DocumentResult, anchor: str) -> str:
        vorlage = result.vorlage
        status = status_of(result)
        counts = [
            sum(1 for finding in result.findings if finding.severity == severity)
            for severity in ("error", "warning", "info")
        ]
        reference = _reference(vorlage)
        # a path has no place to break but anywhere; a number keeps its column's width
        name = (
            text(reference)
            if reference
            else f'<span class="pfad">{text(relative_path(result.source.path))}</span>'
        )
        cells = [
            f'<th scope="row"><a href="#{anchor}">{name}</a></th>',
            f"<td>{_one_line(vorlage.betreff) if vorlage else ''}</td>",
            f"<td>{_one_line(vorlage.art) if vorlage else ''}</td>",
            f'<td data-sort="{list(STATUS_NAMES).index(status)}">'
            f'<span class="marke {status}">{STATUS_NAMES[status]}</span></td>',
            *(f'<td class="zahl">{count}</td>' for count in counts),
        ]
        return f'<tr data-status="{status}">{"".join(cells)}</tr>\n'

    def _timeline(self) -> None:
        self.stream.write(
            '<section id="sitzungen" aria-labelledby="sitzungen-titel">\n'
            '<h2 id="sitzungen-titel">Sitzungen nach Gremium</h2>\n'
        )
        if not self.sessions:
            self.stream.write("<p>Keine Vorlage nennt eine Sitzung.</p>\n")
        for number, key in enumerate(sorted(self.sessions, key=_alphabetical), start=1):
            body = self.body_names[key]
            sessions = self.sessions[key]
            self.stream.write(
                f'<section class="gremium" aria-labelledby="gremium-{number}">\n'
                f'<h3 id="gremium-{number}">{text(body)}</h3>\n<ol class="zeitleiste">\n'
            )
            dated = sorted(day for day in sessions if day is not None)
            for day in [*dated, None] if None in sessions else dated:
                when = _date(day) if day is not None else "ohne gültiges Datum"
                items = "".join(
                    f'<li><a href="#{entry.anchor}">{text(entry.reference)}</a> '
                    f"{text(entry.subject)} <small>({entry.role_html or 'Rolle unbekannt'}"
                    f"{', TOP ' + text(entry.item) if entry.item else ''})</small></li>"
                    for entry in sessions[day]
                )
                self.stream.write(f'<li><span class="termin">{when}</span><ul>{items}</ul></li>\n')
            self.stream.write("</ol>\n</section>\n")
        self.stream.write("</section>\n")

    def _section(self, result: DocumentResult, anchor: str) -> str:
        vorlage = result.vorlage
        path = relative_path(result.source.path)
        title = text(_reference(vorlage) or path)
        if vorlage is not None and vorlage.betreff:
            title += f": {_one_line(vorlage.betreff)}"
        parts = [
            f'<article id="{anchor}" aria-labelledby="{anchor}-titel">\n'
            f'<h3 id="{anchor}-titel">{title}</h3>\n'
        ]
        fields = [("Datei", f"<code>{text(path)}</code>")]
        if vorlage is not None:
            author = ", ".join(
                part
                for part in (
                    _one_line(vorlage.ersteller),
                    _date(vorlage.erstellt_am) if vorlage.erstellt_am else "",
                )
                if part
            )
            points = len(vorlage.beschlussvorschlag)
            fields += [
                ("Nummer", text(vorlage.nummer or "–")),
                ("Fassung", text(vorlage.fassung or "–")),
                ("Art", _one_line(vorlage.art) or "–"),
                ("Erstellt", author or "–"),
                ("Sitzungsteil", text(vorlage.sitzungsteil or "–")),
                ("Beschlussvorschlag", f"{points} Punkt{'' if points == 1 else 'e'}"),
                ("Anlagen", str(len(vorlage.anlagen))),
            ]
        parts.append(
            '<dl class="felder">'
            + "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in fields)
            + "</dl>\n"
        )
        if vorlage is not None:
            parts.append(self._consultations(vorlage, title))
        parts.append(f'<h4 id="{anchor}-befunde">Befunde</h4>\n')
        if result.findings:
            parts.append(
                '<ul class="befunde">'
                + "".join(self._finding(result, finding) for finding in result.findings)
                + "</ul>\n"
            )
        else:
            parts.append("<p>Keine Befunde.</p>\n")
        parts.append("</article>\n")
        return "".join(parts)

    def _consultations(self, vorlage: Vorlage, title: str) -> str:
        if not vorlage.beratungsfolge:
            return "<h4>Beratungsfolge</h4>\n<p>Keine Beratungsfolge erkannt.</p>\n"
        columns = ("Nr.", "Gremium", "Rolle", "Termin", "Einladung", "TOP", "Ö/N")
        rows = []
        for index, station in enumerate(vorlage.beratungsfolge, start=1):
            public = {True: "ö", False: "nö", None: ""}[station.oeffentlich]
            rows.append(
                f'<tr><th scope="row">{index}</th><td>{_one_line(station.gremium)}</td>'
                f"<td>{_role(station)}</td><td>{_date(station.termin)}</td>"
                f"<td>{text(station.einladung or '')}</td><td>{text(station.top or '')}</td>"
                f"<td>{public}</td></tr>"
            )
        head = "".join(f'<th scope="col">{column}</th>' for column in columns)
        return (
            "<h4>Beratungsfolge</h4>\n"
            f'<table class="beratungsfolge"><caption>Beratungsfolge von {title}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>\n"
        )

    def _finding(self, result: DocumentResult, finding: Finding) -> str:
        place = place_in_words(result, finding)
        parts = [
            f'<li class="{finding.severity}"><p><span class="marke {finding.severity}">'
            f"{SEVERITY_NAMES[finding.severity]}</span> <code>{text(finding.code)}</code> "
            f"{text(finding.message)}</p>"
        ]
        if place:
            parts.append(f'<p class="ort">Fundstelle: {text(place)}</p>')
        if finding.excerpt:
            parts.append(f"<blockquote><p>{text(finding.excerpt)}</p></blockquote>")
        if finding.related:
            others = "".join(
                f'<li><a href="#{anchor_of(other.path)}"><code>'
                + text(relative_path(other.path))
                + "</code></a>"
                + (f", {text(related_in_words(other))}" if related_in_words(other) else "")
                + (f": <q>{text(other.excerpt)}</q>" if other.excerpt else "")
                + "</li>"
                for other in finding.related
            )
            parts.append(f'<p class="ort">Auch betroffen:</p><ul>{others}</ul>')
        parts.append("</li>")
        return "".join(parts)


_STYLE = """
:root{color-scheme:light;--rand:#c8ccd2;--fehler:#a4161a;--warnung:#8a5300;--hinweis:#1d4e89;
--ok:#2b6a30;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
body{margin:0 auto;max-width:78rem;padding:1rem 1.5rem 3rem;line-height:1.45;color:#1b1d21;
overflow-wrap:break-word}code,.pfad{overflow-wrap:anywhere}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #1b1d21}
h3{margin:1.6rem 0 .4rem}h4{margin:1rem 0 .3rem}
nav ul{list-style:none;padding:0;display:flex;gap:1.2rem;flex-wrap:wrap}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}
caption{text-align:left;font-style:italic;padding:.2rem 0;color:#444}
th,td{border:1px solid var(--rand);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#eef0f3}td.zahl,th.zahl{text-align:right}
thead button{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;
color:inherit;text-align:inherit}
thead button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible{
outline:3px solid #1d4e89;outline-offset:2px}
th[aria-sort=ascending] .pfeil::after{content:" ▲"}th[aria-sort=descending] .pfeil::after{
content:" ▼"}
.filter{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;margin:.5rem 0}
.filter p{margin:0 0 0 auto;color:#444}
input,select{font:inherit;padding:.2rem .4rem}
.marke{display:inline-block;padding:0 .4rem;border-radius:.2rem;color:#fff;font-size:.9em;
white-space:nowrap}
.marke.error,.marke.unreadable{background:var(--fehler)}.marke.warning{background:var(--warnung)}
.marke.info{background:var(--hinweis)}.marke.clean{background:var(--ok)}
article{border-top:1px solid var(--rand);padding-top:.2rem}
dl.felder{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.4rem 0}
dl.felder dt{font-weight:bold}dl.felder dd{margin:0}
ul.befunde{list-style:none;padding:0}ul.befunde>li{border-left:4px solid var(--rand);
padding:.1rem .8rem;margin:.6rem 0}
ul.befunde>li.error{border-color:var(--fehler)}ul.befunde>li.warning{border-color:var(--warnung)}
ul.befunde>li.info{border-color:var(--hinweis)}ul.befunde p{margin:.2rem 0}
blockquote{margin:.3rem 0;padding:.2rem .7rem;background:#f4f5f7;border-left:3px solid #8a8f98;
white-space:pre-wrap}
.ort{color:#444;font-size:.95em}
ol.zeitleiste{list-style:none;padding:0;border-left:3px solid var(--rand);margin-left:.4rem}
ol.zeitleiste>li{padding:.2rem 0 .4rem 1rem}ol.zeitleiste ul{margin:.1rem 0}
.termin{font-weight:bold}
@media print{.filter,nav{display:none}thead button .pfeil{display:none}}
"""

_SCRIPT = """
(function () {
  "use strict";
  var table = document.getElementById("vorlagen-tabelle");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var search = document.getElementById("suche");
  var status = document.getElementById("status");
  var count = document.getElementById("anzahl");
  var form = document.querySelector("form.filter");
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  function filter() {
    var words = search.value.toLocaleLowerCase("de").split(/\\s+/).filter(Boolean);
    var wanted = status.value;
    var shown = 0;
    rows.forEach(function (row) {
      var content = row.textContent.toLocaleLowerCase("de");
      var visible = (!wanted || row.dataset.status === wanted) &&
        words.every(function (word) { return content.indexOf(word) !== -1; });
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    count.textContent = shown + " von " + rows.length + " Vorlagen";
  }
  var collator = new Intl.Collator("de", { numeric: true, sensitivity: "base" });
  function key(cell) {
    return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
  }
  function sort(button) {
    var header = button.parentNode;
    var column = Number(button.dataset.column);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var numeric = header.dataset.sortierung === "zahl";
    rows.sort(function (a, b) {
      var x = key(a.cells[column]);
      var y = key(b.cells[column]);
      var order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  table.tHead.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (button) { sort(button); }
  });
  search.addEventListener("input", filter);
  status.addEventListener("change", filter);
  filter();
})();
"""
