"""Sections: a known heading, then text up to the next heading.

Only headings in the lexicon open a section, so that sub-headings inside a reasoning
("Erstellungsprozess:") stay part of it; a template with another section gets a lexicon entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vorlage_cli.extract.lexicon import Lexicon, phrase_pattern
from vorlage_cli.extract.rows import Row, row_lines
from vorlage_cli.extract.textutil import fold, join_lines, key, title_case_heading
from vorlage_cli.layout import Location

_BOX = re.compile(r"\[\s*[xX✓✔]\s*\]|\[\s*\]|[☐☒☑✓✔✗✘□■]")
_TICKED = re.compile(r"\[\s*[xX✓✔]\s*\]|[☒☑✓✔✗✘■]")
_POINT = re.compile(r"^\(?(\d{1,2})[.)]\s+(?=\S)")
_ANLAGE = re.compile(
    r"^Anlagen?\s*(?:Nr\.?\s*)?(\d{1,2}[a-z]?)\b\s*[:.\-–)]?\s*(.*)$", re.IGNORECASE
)
_NUMBERED = re.compile(r"^(\d{1,2}[a-z]?)[.)]?\s+(.+)$")
_BULLET = re.compile(r"^[-•·▪–]\s+(.+)$")
_EMPTY_FORM_LABEL = re.compile(r"^[^:]{2,80}:$")


@dataclass(slots=True)
class Section:
    kind: str
    heading: str
    location: Location
    paragraphs: list[list[str]] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)

    def add(self, row: Row, text_lines: list[str] | None = None) -> None:
        lines = text_lines if text_lines is not None else row_lines(row)
        if not lines:
            return
        if row.paragraph_start or not self.paragraphs or row.table is not None:
            self.paragraphs.append([])
        self.paragraphs[-1].extend(lines)
        self.rows.append(row)

    @property
    def size(self) -> int:
        return sum(len(line) for paragraph in self.paragraphs for line in paragraph)


class SectionReader:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.heading_pattern = phrase_pattern(
            [
                label
                for labels in lexicon.data.get("sections", {}).values()
                if isinstance(labels, list)
                for label in labels
            ]
            + [
                label
                for name, labels in lexicon.data.get("sections", {}).get("other", {}).items()
                for label in [name, *labels]
            ],
            anchored=True,
        )

    def heading_of(self, row: Row) -> tuple[str, str, str] | None:
        """(section kind, printed heading, text after the heading) when the row opens a section."""
        texts = row.texts
        if not texts:
            return None
        first = texts[0]
        kind = self.lexicon.section_of.get(key(first))
        if kind is not None and len(first) <= 90:
            return kind, first.rstrip(": "), " ".join(texts[1:])
        label, colon, rest = first.partition(":")
        if colon:
            kind = self.lexicon.section_of.get(key(label))
            if kind is not None:
                return kind, label.strip(), fold(" ".join([rest, *texts[1:]]))
        match = self.heading_pattern.match(first)
        if match:
            rest = first[match.end() :]
            kind = self.lexicon.section_of.get(key(match.group()))
            if kind is not None and _BOX.search(rest):
                return kind, match.group(), fold(" ".join([rest, *texts[1:]]))
        return None

    def read(self, rows: list[Row]) -> list[Section]:
        sections: list[Section] = []
        current: Section | None = None
        for row in rows:
            if row.used:
                continue
            heading = self.heading_of(row)
            if heading is not None:
                kind, printed, rest = heading
                if (
                    current is not None
                    and current.kind == kind
                    and kind == "finanzielle_auswirkungen"
                ):
                    current.add(row, [fold(f"{printed} {rest}")])
                    continue
                current = Section(kind, printed, row.location)
                sections.append(current)
                row.used = True
                if rest:
                    current.add(row, [rest])
                continue
            if current is not None:
                row.used = True
                current.add(row)
        return sections


def best(sections: list[Section], kind: str) -> Section | None:
    """Of several sections of one kind (a table of contents repeats the headings), the one with
    the most text."""
    candidates = [s for s in sections if s.kind == kind]
    if not candidates:
        return None
    return max(candidates, key=lambda s: s.size)


def section_text(section: Section) -> str | None:
    text = "\n\n".join(p for p in (join_lines(lines) for lines in section.paragraphs) if p)
    return text or None


def other_sections(sections: list[Section]) -> dict[str, tuple[str, Location]]:
    found: dict[str, tuple[str, Location]] = {}
    for section in sections:
        if not section.kind.startswith("other:"):
            continue
        name = section.kind.split(":", 1)[1]
        text = section_text(_with_boxes_read(section)) or ""
        if name not in found or len(text) > len(found[name][0]):
            found[name] = (text, section.location)
    return {name: value for name, value in found.items() if value[0]}


def read_boxes(line: str) -> str | None:
    """Check boxes read as answers: "Ja ☐ Nein ☒" → "Nein", "☒ vor ☐ nicht vor" → "vor".
    Returns the line unchanged without boxes, None when no box on it is ticked."""
    boxes = list(_BOX.finditer(line))
    if not boxes:
        return line
    ticked: list[str] = []
    box_first = boxes[0].start() == 0 or not line[: boxes[0].start()].strip()
    for index, box in enumerate(boxes):
        if box_first:
            end = boxes[index + 1].start() if index + 1 < len(boxes) else len(line)
            label = line[box.end() : end]
        else:
            start = boxes[index - 1].end() if index > 0 else 0
            label = line[start : box.start()]
        if _TICKED.fullmatch(box.group()):
            ticked.append(fold(label))
    if not box_first and boxes[-1].end() < len(line.rstrip()):
        trailing = fold(line[boxes[-1].end() :])
        if trailing and ticked:
            ticked.append(trailing)
    answer = fold(" ".join(t for t in ticked if t))
    return answer or None


def _with_boxes_read(section: Section) -> Section:
    result = Section(section.kind, section.heading, section.location)
    for paragraph in section.paragraphs:
        lines = []
        for line in paragraph:
            read = read_boxes(line)
            if read is None or (read is line and _BOX.search(line)):
                continue
            empty_label = read is line and _EMPTY_FORM_LABEL.match(fold(line)) and "☐" not in line
            in_form = any(_BOX.search(other) for other in paragraph) or len(section.paragraphs) > 1
            if empty_label and in_form:
                continue
            lines.append(read)
        if lines:
            result.paragraphs.append(lines)
    return result


def finanzen_text(section: Section) -> str | None:
    return section_text(_with_boxes_read(section))


def proposal_points(section: Section) -> list[str]:
    """One entry per numbered point, numbers stripped; unnumbered text is one entry. A lead-in
    ending with a colon ("Der Rat beschließt:") is not a point."""
    lines = [line for paragraph in section.paragraphs for line in paragraph]
    paragraph_starts = set()
    count = 0
    for paragraph in section.paragraphs:
        paragraph_starts.add(count)
        count += len(paragraph)
    points: list[list[str]] = []
    lead: list[str] = []
    expected = 1
    for position, line in enumerate(lines):
        match = _POINT.match(line)
        if match and int(match.group(1)) in (expected, expected + 1, 1):
            points.append([line[match.end() :]])
            expected = int(match.group(1)) + 1
        elif points:
            if position in paragraph_starts and points[-1] and not _continues(points[-1][-1]):
                points[-1].append("\n")
            points[-1].append(line)
        else:
            lead.append(line)
    if not points:
        text = section_text(section)
        return [text] if text else []
    result = []
    for point in points:
        parts = " ".join(point).split("\n")
        result.append(fold(join_lines([p for p in parts if p.strip()])))
    lead_text = join_lines(lead)
    if lead_text and not lead_text.endswith(":"):
        result.insert(0, lead_text)
    return [r for r in result if r]


def _continues(line: str) -> bool:
    return not line.rstrip().endswith((".", ":", ";", "!", "?"))


def anlagen_items(section: Section, heading_rest: bool = True) -> list[tuple[str | None, str]]:
    items: list[tuple[str | None, str]] = []
    for row_lines_ in section.paragraphs:
        for line in row_lines_:
            line = fold(line)
            if not line or key(line) in ("anlagen", "anlage", "anlage/n"):
                continue
            match = _ANLAGE.match(line)
            if match:
                items.append((match.group(1), fold(match.group(2))))
                continue
            match = _NUMBERED.match(line)
            if match and not re.match(r"^\d{1,2}[.)]?\s+\d", line):
                items.append((match.group(1), fold(match.group(2))))
                continue
            match = _BULLET.match(line)
            if match:
                items.append((None, fold(match.group(1))))
                continue
            if items and (line[:1].islower() or items[-1][1].endswith(("-", ","))):
                number, title = items[-1]
                items[-1] = (number, join_lines([title, line]))
                continue
            items.append((None, line))
    return [(n, t.strip(" :")) for n, t in items if t.strip(" :")]


def heading_name(printed: str) -> str:
    return title_case_heading(fold(printed))
