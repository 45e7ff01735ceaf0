"""Sections: a known heading, then text up to the next heading.

Only headings in the lexicon open a section, so that sub-headings inside a reasoning
("Erstellungsprozess:") stay part of it; a template with another section gets a lexicon entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import dropwhile

from vorlage_cli.extract.lexicon import MAIN_SECTIONS, AttachmentWords, Lexicon, phrase_pattern
from vorlage_cli.extract.rows import Row, row_lines
from vorlage_cli.extract.textutil import (
    BOX,
    TICKED,
    alternatives,
    fold,
    join_lines,
    key,
    title_case_heading,
)
from vorlage_cli.layout import Cell, Location

_POINT = re.compile(r"^\(?(\d{1,2})(?:\.\)|[.)])\s+(?=\S)")
_ROMAN_POINT = re.compile(r"^\(?([IVX]{1,4})(?:\.\)|[.)])\s+(?=\S)")
_NUMBERED = re.compile(r"^(\d{1,2}[a-z]?)([.)]?)\s+(.+)$")
_BULLET = re.compile(r"^[-•·▪–]\s+(.+)$")
MAX_WRAPPED_ADDRESSEE_WORDS = 4
"""Words of a body's name that an addressed heading wraps onto the next line."""
MAX_TABS = 2
"""Further tab names after the open tab's heading on one line."""
MIN_KNOWN_PARTS = 2
"""Known headings a slash-joined heading needs to open their section."""
_NUMBERED_HEADING = re.compile(r"^(?:[IVX]{1,5}\.|\d{1,2}(?:\.\d{1,2})*\.?)\s+\S")
_PROSE_SECTIONS = ("beschlussvorschlag", "sachdarstellung")
"""Sections whose text may quote a motion."""
_FIRST_POINT_HEADING = re.compile(r"^(?:I\.|1\.?)\s+\S")
_HEADING_REMARK = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_NUMBER_CELL = re.compile(r"^(?:[IVX]{1,5}|\d{1,2}|[a-z])[.)]$")
_FILLED_LABEL = re.compile(r"^[^:]{2,80}:\s*\S")


@dataclass(slots=True)
class Section:
    kind: str
    heading: str
    location: Location
    paragraphs: list[list[str]] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)

    def add(self, row: Row, text_lines: list[str] | None = None) -> None:
        """Add a row's text: a line's own lines, a table row as one line of its cells (a form's
        label and its box sit in neighbouring cells)."""
        if text_lines is not None:
            lines = text_lines
        elif row.table is not None:
            cells = [join_lines(cell.text.split("\n")) for cell in row.cells]
            lines = ["\t".join(cells)] if any(cells) else []
        else:
            lines = row_lines(row)
        if not lines:
            return
        previous = self.paragraphs[-1][-1] if self.paragraphs and self.paragraphs[-1] else ""
        continues = previous.endswith("-") and lines[0][:1].islower()
        if (row.paragraph_start and not continues) or not self.paragraphs or row.table is not None:
            self.paragraphs.append([])
        self.paragraphs[-1].extend(lines)
        self.rows.append(row)

    @property
    def size(self) -> int:
        return sum(len(line) for paragraph in self.paragraphs for line in paragraph)


NO_MATCH = re.compile("(?!)")


class SectionReader:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        sections = lexicon.data.get("sections", {})
        labels = [label for name in MAIN_SECTIONS for label in sections.get(name, [])]
        labels += [
            label for name, more in sections.get("other", {}).items() for label in [name, *more]
        ]
        self.heading_pattern = phrase_pattern(labels, anchored=True)
        self._headings: dict[tuple[tuple[str, ...], bool], tuple[str, str, str] | None] = {}
        self._answers = lexicon.yes_words | set(lexicon.words("sections", "no"))
        """A form's yes and no, which answer a question in the boxes below it."""
        self._bold_traits: dict[str, bool] = {}
        """For a document whose headings are marked by bold: the traits most of them share."""
        decision = sections.get("decision", {})
        self._motion = re.compile(
            rf"^{alternatives(decision.get('articles', []))}\s+(?P<body>.{{3,80}}?)\s+"
            rf"{alternatives(decision.get('motions', []))}\s*:?$"
        )
        self._addressed_starts = tuple(decision.get("addressed", []))
        """A cheap test before the pattern, on every distinct row."""
        self._addressed = re.compile(
            rf"^(?P<heading>{alternatives(decision.get('addressed', []))}\s+"
            r"(?P<body>[^.:;!?]{3,120}?))\s*(?::\s*(?P<rest>.*))?$"
        )

    def heading_of(self, row: Row) -> tuple[str, str, str] | None:
        """(section kind, printed heading, text after the heading) when the row opens a section:
        a heading alone, "Heading: text", a label cell beside its value, or a heading followed
        by check boxes ("Finanzielle Auswirkungen Ja ☐ Nein ☒").

        Every strategy asks this of every row, so the answer is kept per distinct row text (it
        depends on nothing else but whether the row is a table row)."""
        memo = (row.cell_texts, row.table is not None)
        if memo not in self._headings:
            self._headings[memo] = self._heading_of(row)
        return self._headings[memo]

    def _heading_of(self, row: Row) -> tuple[str, str, str] | None:
        texts = row.texts
        if len(texts) > 1 and _NUMBER_CELL.match(texts[0]):
            texts = [f"{texts[0]} {texts[1]}", *texts[2:]]  # "I." | "Sachverhalt"
        if not texts:
            return None
        first = texts[0]
        label, colon, rest = first.partition(":")
        kind = self._section_of(first)
        if kind is None and len(texts) > 1 and row.table is not None:
            kind = self.lexicon.keyed_section_of.get(key(first))
        if kind is not None and len(first) <= 90:
            beside = " ".join(texts[1:])
            if beside.endswith(":") and key(beside).startswith(key(first)):
                # the same heading again, made specific, in the next cell ("Beschlussvorschlag:"
                # | "Beschlussvorschlag für den Rat:"): a label, not the section's text
                beside = ""
            return kind, label.strip() if colon and not rest.strip() else first, beside
        if colon:
            # a remark in brackets after the heading: "Beschlussentwurf (in eigener
            # Zuständigkeit):"
            kind = self._section_of(label) or self._section_of(_HEADING_REMARK.sub("", label))
            if kind is not None:
                return kind, label.strip(), fold(" ".join([rest, *texts[1:]]))
        match = self.heading_pattern.match(first)
        if match:
            rest = first[match.end() :]
            kind = self.lexicon.section_of.get(key(match.group()))
            if kind is not None and BOX.search(rest):
                return kind, match.group(), fold(" ".join([rest, *texts[1:]]))
            if kind is not None and len(texts) == 1 and self._tabs(rest):
                # a web page's tabs side by side ("Sachverhalt Protokoll"): the first is open
                return kind, match.group(), ""
        # a plain text's line may be cut into cells at a wide gap ("Antrag an den Gemeinderat -"
        # | "nach Vorberatung im …")
        return self._addressed_heading(" ".join(texts)) if row.table is None else None

    def _tabs(self, text: str) -> bool:
        """Whether a text is one or two more headings side by side, as a page's tab bar prints
        the names of its other tabs after the open one."""
        words = text.split()
        return 0 < len(words) <= MAX_TABS and all(
            self.lexicon.section_of.get(key(word)) is not None for word in words
        )

    def _section_of(self, text: str) -> str | None:
        """The section a heading opens, also where it joins headings of that section with
        slashes ("Sachverhalt/Stellungnahme der Verwaltung", "Sachverhalt/Begründung/
        Rechtslage"): at least two parts must name the section and none another; one known
        part is not enough, a box "Begründung/Optimierung" is a part of its own. Headings
        listed with commas ("Sachdarstellung, Begründung") count only where every part names
        the section: a comma is common in prose."""
        kind = self.lexicon.section_of.get(key(text))
        if kind is not None or ("/" not in text and ", " not in text):
            return kind
        if "/" not in text:
            parts = [self.lexicon.section_of.get(key(part)) for part in text.split(", ")]
            return parts[0] if None not in parts and len(set(parts)) == 1 else None
        parts = [self.lexicon.section_of.get(key(part)) for part in text.split("/")]
        kinds = {part for part in parts if part is not None}
        known = len(parts) - parts.count(None)
        return kinds.pop() if len(kinds) == 1 and known >= MIN_KNOWN_PARTS else None

    def _wrapped_heading(self, rows: list[Row], index: int) -> tuple[str, str, str, int] | None:
        """A heading broken over two or three short lines ("Finanzielle" / "Auswirkungen", or
        "CO" / "2" / "-Relevanz: …" where text extraction put a subscript on its own line).
        Returns the heading and how many further rows it took."""
        first = rows[index]
        if len(first.texts) != 1 or len(first.text) > 40 or first.table is not None:
            return None
        text = first.text
        for extra in (1, 2):
            if index + extra >= len(rows):
                return None
            following = rows[index + extra]
            if following.used or following.table is not None:
                return None
            part = following.text
            text = (
                text + part
                if part[:1].isdigit() or part[:1] == "-" or text[-1:].isdigit()
                else join_lines([text, part])
            )
            joined = Row([Cell(text)], first.location, True)
            heading = self.heading_of(joined)
            label = self.heading_pattern.match(text)
            if heading is not None and label is not None and label.end() > len(first.text):
                return (*heading, extra)
            if len(part) > 40:
                return None
        return None

    def read(self, rows: list[Row]) -> list[Section]:
        """Split the rows not taken by the header into sections. A section ends at the next
        heading or at a row another strategy took (the signature, the Beratungsfolge); a
        section that opens with a table (a form) ends with that table."""
        sections: list[Section] = []
        current: Section | None = None
        skip = 0
        style = self._heading_style(rows)
        for index, row in enumerate(rows):
            if skip:
                skip -= 1
                continue
            if row.used:
                current = None
                continue
            heading = self.heading_of(row)
            if heading is None and (current is None or current.kind not in _PROSE_SECTIONS):
                heading = self._motion_heading(row.text)
            # a line in the headings' style is a heading of its own, except right under a
            # heading: "Petitum/Beschluss:" over "Der Hauptausschuss möge beschließen:"
            under_heading = current is not None and not current.paragraphs
            if (
                heading is None
                and sections
                and not under_heading
                and _in_style(rows, index, style)
                and not self._opens_attachment(row.text)
                and not self._goes_on_bold_text(rows, index, style)
            ):
                heading = (f"other:{row.text}", row.text.rstrip(": "), "")
            if heading is None:
                wrapped = self._wrapped_heading(rows, index)
                if wrapped is not None:
                    *parts, skip = wrapped
                    heading = (parts[0], parts[1], parts[2])
                    for taken in rows[index + 1 : index + 1 + skip]:
                        taken.used = True
            if heading is not None and self._addressee_wrapped(rows, index, heading):
                # "Antrag an den Gemeinderat – nach Vorberatung im … und im" / "Hauptausschuss"
                rows[index + 1].used = True
                skip = 1
                heading = (heading[0], join_lines([heading[1], rows[index + 1].text]), "")
            if (
                heading is not None
                and not rest_of(heading)
                and self._tab_strip(rows, index, heading)
            ):
                # "Sachverhalt" / "Beschlussvorschlag" / "Anlage/n": a web page's tabs, each
                # heading over the next, not sections
                row.used = True
                current = None
                continue
            if heading is not None:
                kind, printed, rest = heading
                row.used = True
                if (
                    current is not None
                    and not current.paragraphs
                    and kind not in MAIN_SECTIONS
                    and _FIRST_POINT_HEADING.match(printed)
                    and not _NUMBERED_HEADING.match(current.heading)
                ):
                    # "Sachverhalt" / "1. Zuständigkeit" / … / "2. Sachdarstellung": the first
                    # heading of the section's own outline, not a section beside it
                    current.add(row)
                    continue
                if current is not None and current.kind == kind:
                    if kind == "finanzielle_auswirkungen":
                        current.add(row, [row.text])
                        continue
                    if not current.paragraphs:
                        # A heading right under a heading of its kind: "Problembeschreibung/
                        # Begründung:" over "Sachverhalt" is one reasoning whose text starts with
                        # the sub-heading; "Kurzfassung" over "Antrag an den Ausschuss" is one
                        # proposal, whose text is only what is to be decided. The same heading
                        # again (a page's panel "Sachverhalt" over its box's "Sachverhalt:")
                        # is said once.
                        again = key(printed) == key(current.heading)
                        text = row.text if kind == "sachdarstellung" and not again else rest
                        current.add(row, [text] if text else [])
                        continue
                    if _NUMBERED_HEADING.match(printed) and not _NUMBERED_HEADING.match(
                        current.heading
                    ):
                        # "5. Stellungnahme der Verwaltung" under "Begründung:": a numbered
                        # sub-heading of the text it stands in
                        current.add(row)
                        continue
                current = Section(kind, printed, row.location)
                sections.append(current)
                if rest:
                    current.add(row, [rest])
                    if row.table is not None and len(row.texts) > 1:
                        current = None  # a label cell beside its value: the value is all of it
                continue
            if current is None:
                continue
            if (
                _form_ended(current, row)
                or _next_part(current, row)
                or _page_ended(current, row)
                or _prose_after_list(current, row)
                or self._form_question(current, rows, index)
            ):
                current = None
                continue
            row.used = True
            current.add(row)
        return sections

    def _motion_heading(self, text: str) -> tuple[str, str, str] | None:
        """A body's motion alone on its line ("Die Gemeindevertretung möge beschließen:") opens
        the proposal where no proposal or reasoning is open; inside them it is their text (a
        lead-in, a quoted motion)."""
        # every motion ends in its verb ("… beschließen") or the colon after it: a cheap test
        # before the pattern, on every row outside a section
        motion = self._motion.match(text) if text.endswith((":", "n")) else None
        if motion is None or not self.lexicon.consultation.body.search(motion.group("body")):
            return None
        return "beschlussvorschlag", text.rstrip(": "), ""

    def _addressee_wrapped(
        self, rows: list[Row], index: int, heading: tuple[str, str, str]
    ) -> bool:
        """Whether an addressed heading's last body stands alone on the next line ("Antrag an
        den Gemeinderat - nach Vorberatung im Haupt- und Finanzausschuss sowie" /
        "Planungsausschuss"): a few words that name a body, no sentence."""
        if rest_of(heading) or index + 1 >= len(rows):
            return False
        if not rows[index].text.startswith(self._addressed_starts):
            return False
        following = rows[index + 1]
        text = following.text.strip(" –-")
        return (
            not following.used
            and following.table is None
            and len(following.texts) == 1
            and 0 < len(text.split()) <= MAX_WRAPPED_ADDRESSEE_WORDS
            and not text.endswith((".", ":", "!", "?"))
            and self.lexicon.consultation.body.search(text) is not None
        )

    def _addressed_heading(self, text: str) -> tuple[str, str, str] | None:
        """A request addressed to the body that decides ("Antrag an den Bauausschuss", "Antrag
        an den Gemeinderat – nach Vorberatung im Hauptausschuss: Der Gemeinderat …") heads the
        proposal, as the lexicon's fixed "Antrag an den Gemeinderat" does: any body that the
        Beratungsfolge would know may stand there."""
        if not text.startswith(self._addressed_starts):
            return None
        addressed = self._addressed.match(text)
        if addressed is None or not self.lexicon.consultation.body.search(addressed["body"]):
            return None
        return "beschlussvorschlag", addressed["heading"], addressed["rest"] or ""

    def _form_question(self, section: Section, rows: list[Row], index: int) -> bool:
        """A form's question answered by its boxes below ("Einstellung im Haushalt
        erforderlich?" / "Ja" / "Nein") ends the text of a reasoning or a proposal: the form
        after the text is no part of it."""
        if section.kind not in ("sachdarstellung", "beschlussvorschlag") or index + 1 >= len(rows):
            return False
        text, answer = rows[index].text.strip(), rows[index + 1].text.strip()
        return (
            text.endswith("?")
            and len(text.split()) <= MAX_QUESTION_WORDS
            and rows[index + 1].table is None
            and answer in self._answers
        )

    def _goes_on_bold_text(self, rows: list[Row], index: int, style: str | None) -> bool:
        """Whether a bold line is no heading of the bold style: it goes on the bold text above
        it (a subject printed bold, broken over two lines), or it looks unlike most known
        headings ("Erstellungsprozess:" among "SACHDARSTELLUNG", "BESCHLUSSVORSCHLAG")."""
        if style != "bold":
            return False
        text = rows[index].text
        traits = {"caps": text.isupper(), "colon": text.endswith(":")}
        if any(traits[trait] != usual for trait, usual in self._bold_traits.items()):
            return True
        above = rows[index - 1] if index > 0 else None
        return (
            above is not None
            and above.bold
            and above.table is None
            and self.heading_of(above) is None
        )

    def _opens_attachment(self, text: str) -> bool:
        """Whether a line opens an attachment printed in the document ("Anlage 1:"): its text
        is what a reasoning "siehe Anlage 1" points to, not a section of the Vorlage."""
        match = self.lexicon.attachment.numbered.match(text)
        return match is not None and not match.group(2).strip()

    def _tab_strip(self, rows: list[Row], index: int, heading: tuple[str, str, str]) -> bool:
        """Whether a bare heading stands right over or under a bare heading of another kind:
        the whole stack is a strip of tabs, the last one included. A numbered heading is a
        text's outline ("Sachverhalt" / "1. Zuständigkeit"), never a tab."""
        if rows[index].table is not None or _NUMBERED_HEADING.match(heading[1]):
            return False
        for neighbour in (index - 1, index + 1):
            if not 0 <= neighbour < len(rows) or rows[neighbour].table is not None:
                continue
            if neighbour < index and (rows[index].text + rows[neighbour].text).count(":"):
                continue  # a heading with its colon under an empty one is a heading
            other = self.heading_of(rows[neighbour])
            if (
                other is not None
                and not rest_of(other)
                and other[0] != heading[0]
                and not _NUMBERED_HEADING.match(other[1])
            ):
                return True
        return False

    def first_section(self, rows: list[Row]) -> int:
        """Where the header ends: the first heading of a section other than the subject."""
        for index, row in enumerate(rows):
            if row.used:
                continue
            heading = self.heading_of(row)
            if (
                heading is not None
                and heading[0] != "betreff"
                and not self._a_value(rows, index)
                and not self._answered(heading)
            ):
                return index
        return len(rows)

    def _answered(self, heading: tuple[str, str, str]) -> bool:
        """Whether a heading is a form's field answered with a yes or no on its line ("Anlagen:
        Nein" among a Word form's head fields), which does not begin the Vorlage's body."""
        answer = key(heading[2].rstrip("."))
        return bool(answer) and (answer in self.lexicon.none_keys or heading[2] in self._answers)

    def _a_value(self, rows: list[Row], index: int) -> bool:
        """Whether a row is the value of the field label alone on the row above ("Vorlageart:"
        over "Antrag"), not a heading."""
        above = rows[index - 1].text if index > 0 else ""
        return above.endswith(":") and key(above) in self.lexicon.label_field

    def _heading_style(self, rows: list[Row]) -> str | None:
        """How this document prints its headings, learnt from the ones the lexicon knows: all
        ending with a colon ("Begründung:"), all in capitals ("SACHDARSTELLUNG") or all bold. A
        line of the same style that the lexicon does not know is then a heading too
        ("Auswirkungen auf Kinder und Jugendliche:"), while a sub-heading of another style stays
        in its section ("Erstellungsprozess:" among capital headings)."""
        printed = [
            row
            for row in rows
            if row.table is None
            and len(row.texts) == 1
            and (found := self.heading_of(row))
            and not found[2]
        ]
        if len(printed) < 2:
            return None
        if all(row.text.endswith(":") for row in printed):
            return "colon"
        if all(row.text.isupper() for row in printed):
            return "caps"
        if all(row.bold for row in printed):
            # bold alone is a weaker mark (sub-headings are bold too): a line must also look
            # like most known headings, in capitals or not, with a colon or without
            self._bold_traits = {
                trait: share >= MOST_HEADINGS
                for trait, share in (
                    ("caps", sum(row.text.isupper() for row in printed) / len(printed)),
                    ("colon", sum(row.text.endswith(":") for row in printed) / len(printed)),
                )
                if share >= MOST_HEADINGS or share <= 1 - MOST_HEADINGS
            }
            return "bold"
        return None


MAX_QUESTION_WORDS = 8
"""Words of a form's question; a longer question is the text's own."""

MOST_HEADINGS = 2 / 3
"""The share of a document's known headings that makes a trait of theirs its headings' style."""


def rest_of(heading: tuple[str, str, str]) -> str:
    """The text a heading row carries after its heading ("Begründung: Der Rat …")."""
    return heading[2]


def _in_style(rows: list[Row], index: int, style: str | None) -> bool:
    """Whether a row is a stand-alone heading of the document's style: a short line of its own
    paragraph, followed by a new paragraph."""
    row = rows[index]
    if style is None or row.used or row.table is not None or len(row.texts) != 1:
        return False
    text = row.text
    if len(text) > 60 or not row.paragraph_start or any(c in text for c in ".;!?"):
        return False
    if index + 1 < len(rows) and not rows[index + 1].paragraph_start:
        return False
    if style == "colon":
        return text.endswith(":") and text.count(":") == 1
    if style == "bold":
        # a numbered bold line is a sub-heading of the text it stands in ("1. Ausgangslage")
        return row.bold and not _POINT.match(text) and any(c.isalpha() for c in text)
    return text.isupper() and any(c.isalpha() for c in text)


def _page_ended(section: Section, row: Row) -> bool:
    """A short check section of a cover form ("Abstimmung mit städtischen Gesellschaften")
    ends with its page: the unheaded text on the next page is the reasoning. A section laid
    out as a table goes on with its table (``_form_ended``)."""
    return (
        row.page_start
        and section.kind.startswith("other:")
        and not (section.rows and section.rows[0].table is not None)
    )


_ROMAN_PART = re.compile(r"^([IVX]{1,5})\.\s+\S")
_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def _next_part(section: Section, row: Row) -> bool:
    """A section opened by part "I." of a document in Roman-numbered parts ends where part
    "II." begins, whatever that part is called ("II. Bekanntgegeben", "II. An den …")."""
    own = _ROMAN_PART.match(section.heading)
    found = _ROMAN_PART.match(row.text)
    if not own or not found or own.group(1) not in _ROMANS[:-1]:
        return False
    return found.group(1) == _ROMANS[_ROMANS.index(own.group(1)) + 1]


def _prose_after_list(section: Section, row: Row) -> bool:
    """An attachment list ends at a paragraph of prose: titles are not sentences of twenty
    words. A SessionNet page prints an empty "Anlage" box over the reasoning's box, which
    has no heading of its own."""
    text = row.text.rstrip()
    return (
        section.kind == "anlagen"
        and row.paragraph_start
        and row.table is None
        and len(text.split()) >= MIN_PROSE_WORDS
        and text.endswith((".", "!", "?"))
    )


MIN_PROSE_WORDS = 20
"""Words of a paragraph that make it prose rather than an attachment's title."""


def _form_ended(section: Section, row: Row) -> bool:
    """A check section or attachment list laid out as a table (Leitbild, Steuerrelevanz, the
    Anlagen of a web page) ends where the table ends; a table split at a page break continues."""
    return (
        (section.kind.startswith("other:") or section.kind == "anlagen")
        and bool(section.rows)
        and section.rows[0].table is not None
        and row.table is None
    )


def orphan_blocks(rows: list[Row], start: int) -> list[Section]:
    """Runs of rows after the header that no section took: text without a heading, such as a
    money block a template prints without one, or an attachment embedded in the document."""
    blocks: list[Section] = []
    current: Section | None = None
    for row in rows[start:]:
        if row.used:
            current = None
            continue
        if current is None:
            current = Section("orphan", "", row.location)
            blocks.append(current)
        current.add(row)
    return blocks


def money_statement(rows: list[Row], labels: list[str], none: frozenset[str]) -> Section | None:
    """A sentence of its own that states the financial impact where no heading announces it
    ("Keine finanziellen Auswirkungen."): a word for none, then the heading's words in any
    inflection."""
    heading = "|".join(
        r"\s+".join(re.escape(word) + r"\w{0,2}" for word in label.split()) for label in labels
    )
    nothing = "|".join(re.escape(word) for word in sorted(none, key=len, reverse=True) if word)
    if not heading or not nothing:
        return None
    pattern = re.compile(rf"^(?:{nothing})\s+(?:{heading})\b", re.IGNORECASE)
    for row in rows:
        if not row.used and len(row.texts) == 1 and pattern.match(row.text):
            row.used = True
            found = Section("finanzielle_auswirkungen", "", row.location)
            found.add(row)
            return found
    return None


def money_block(blocks: list[Section], words: list[str]) -> Section | None:
    """The first orphan block that speaks of money in several ways (Haushalt, Produktkonto,
    EUR …): the financial part of a template that prints no heading for it."""
    pattern = phrase_pattern(words)
    for block in blocks:
        text = " ".join(line for paragraph in block.paragraphs for line in paragraph)
        if len({match.group().casefold() for match in pattern.finditer(text)}) >= 3:
            return block
    return None


MIN_UNHEADED_REASONING = 150
"""Characters of prose an unheaded block needs to be taken for the reasoning."""


def unheaded_reasoning(
    blocks: list[Section], taken: Section | None, proposal: Section | None = None
) -> Section | None:
    """The reasoning where no heading announces it: the first block of prose that no section
    took (the text on the pages after a cover form, or between a web page's tabs and its
    proposal), at least a few sentences long. An unheaded proposal's rows are not prose for
    it: SessionNet prints the proposal's box and the reasoning's box one after the other
    without headings."""
    for block in blocks:
        if block is taken:
            continue
        if proposal is not None and not proposal.heading:
            block = rows_left(block, proposal)
        text = section_text(block) or ""
        if len(text) >= MIN_UNHEADED_REASONING and re.search(r"\w[.!?](?:\s|$)", text):
            return Section("sachdarstellung", "", block.location, block.paragraphs, block.rows)
    return None


def unheaded_proposal(
    blocks: list[Section], decision: re.Pattern[str], passive: re.Pattern[str] = NO_MATCH
) -> Section | None:
    """The proposal where no heading announces it: a block of text after the header that opens
    with a body's decision ("Der Stadtrat beschließt, …", maybe after a line on the vote), as a
    SessionNet page prints the Vorlage's text under its header block; or the first block's
    first paragraph, where it is short and decides in the passive ("Dem Stellenplan 2024 wird
    zugestimmt."), whatever unheaded text follows it. A paragraph without a letter before it
    (a web page's image mark) does not count."""
    for block in blocks:
        paragraphs = _from_first_letter(block.paragraphs)
        opening = paragraphs[0][:DECISION_LINES] if paragraphs else []
        if any(decision.match(fold(line)) for line in opening):
            return Section("beschlussvorschlag", "", block.location, paragraphs, block.rows)
    first_block = next((block for block in blocks if not _title_line(block)), None)
    if first_block is not None and first_block.paragraphs:
        text = fold(" ".join(first_block.paragraphs[0]))
        if len(text.split()) <= MAX_PASSIVE_PROPOSAL_WORDS and passive.search(text):
            return first_paragraph(first_block, "beschlussvorschlag")
    return None


def _from_first_letter(paragraphs: list[list[str]]) -> list[list[str]]:
    """The paragraphs from the first line with a letter on."""
    for index, lines in enumerate(paragraphs):
        rest = list(dropwhile(lambda line: not any(c.isalpha() for c in line), lines))
        if rest:
            return [rest, *paragraphs[index + 1 :]]
    return []


def _title_line(block: Section) -> bool:
    """A lone line without a sentence's end: a page's title over its header block (a
    SessionNet page may repeat the subject there), not the Vorlage's text."""
    lines = [line for paragraph in block.paragraphs for line in paragraph]
    return len(lines) == 1 and not lines[0].rstrip().endswith((".", "!", "?", ":"))


def reasoning_after_decision(
    proposal: Section, decision: re.Pattern[str], decides: re.Pattern[str]
) -> tuple[Section, Section] | None:
    """A headed proposal whose reasoning follows without a heading (SessionNet prints the
    proposal's box and the reasoning's box one after the other and may drop the second box's
    label): the proposal ends with the paragraph that finishes its first sentence, and the
    prose after it is the reasoning. Only a proposal that opens with a body's decision and has
    no lead-in colon is cut so ("Der Ausschuss empfiehlt dem Stadtrat, die Satzung …" / "zu
    beschließen …."), and only where what follows is longer prose that does not decide ("Die
    Verwaltung wird beauftragt …" goes on deciding)."""
    # a proposal in quotation marks ("„Die Verwaltung wird beauftragt, … durchzuführen.“")
    # decides and ends as one without them
    paragraphs = [
        " ".join(lines).strip().lstrip(_OPENING_QUOTES).rstrip(_CLOSING_QUOTES)
        for lines in proposal.paragraphs
    ]
    if not paragraphs or not decision.match(fold(paragraphs[0])):
        return None
    end = next((i for i, text in enumerate(paragraphs) if text.endswith((".", "!"))), None)
    if (
        end is None
        or end + 1 >= len(paragraphs)
        or any(text.endswith(":") for text in paragraphs[: end + 1])
    ):
        return None
    rest = [text for text in paragraphs[end + 1 :] if any(c.isalpha() for c in text)]
    if sum(len(text) for text in rest) < MIN_UNHEADED_REASONING or len(rest) < 2:
        return None
    if any(decision.match(fold(text)) or decides.search(text) for text in rest[:2]):
        return None
    if _POINT.match(rest[0]) or _ROMAN_POINT.match(rest[0]):
        return None
    kept = Section(proposal.kind, proposal.heading, proposal.location)
    after: Section | None = None
    for row in proposal.rows:
        if after is None:
            kept.add(row)
            if len(kept.paragraphs) <= end + 1:
                continue
            kept.paragraphs.pop()
            kept.rows.pop()
            after = Section("sachdarstellung", "", row.location)
        after.add(row)
    if after is None or not after.paragraphs:
        return None
    return kept, after


def first_paragraph(block: Section, kind: str) -> Section:
    """The block's first paragraph as a section of its own, with the rows that made it."""
    found = Section(kind, "", block.location)
    for row in block.rows:
        found.add(row)
        if len(found.paragraphs) > 1:
            found.paragraphs.pop()
            found.rows.pop()
            break
    return found


def rows_left(block: Section, taken: Section) -> Section:
    """The block without the rows another section took from it, built again from its rows
    so that its paragraphs and location are those of what is left."""
    taken_rows = {id(row) for row in taken.rows}
    left = [row for row in block.rows if id(row) not in taken_rows]
    if len(left) == len(block.rows):
        return block
    rest = Section(block.kind, block.heading, left[0].location if left else block.location)
    for row in left:
        rest.add(row)
    return rest


DECISION_LINES = 2
"""Lines of a block's first paragraph within which its decision may begin: a line on how the
vote is taken may come first ("Die Wahl … erfolgt offen." / "Die Stadtverordnetenversammlung
wählt …")."""
MAX_PASSIVE_PROPOSAL_WORDS = 40
"""Words of a decision in the passive that stands alone under the header; a longer paragraph
is text that mentions one."""


def embedded_attachment(
    reasoning: Section, blocks: list[Section], words: AttachmentWords
) -> Section | None:
    """The text of "Anlage 1" where the reasoning only says "siehe Anlage 1" and the attachment
    is printed in the same document under an "Anlage 1:" line, right after the reference or
    further on."""
    first = reasoning.paragraphs[0] if reasoning.paragraphs else []
    match = words.see.match(fold(" ".join(first)))
    if not match:
        return None
    opening = words.opening(match.group(1))
    for block in [reasoning, *blocks]:
        for index, paragraph in enumerate(block.paragraphs):
            if paragraph and opening.match(fold(paragraph[0])):
                found = Section("sachdarstellung", paragraph[0], block.location)
                found.paragraphs = [p for p in [paragraph[1:], *block.paragraphs[index + 1 :]] if p]
                return found
    return None


def best(
    sections: list[Section], kind: str, summaries: frozenset[str] = frozenset()
) -> Section | None:
    """Of several sections of one kind (a table of contents repeats the headings), the one with
    the most text; a section under a summary's heading only where no other has text."""
    candidates = [s for s in sections if s.kind == kind]
    if not candidates:
        return None
    full = [s for s in candidates if key(s.heading) not in summaries and s.size]
    return max(full or candidates, key=lambda s: s.size)


def section_text(section: Section) -> str | None:
    """The section's prose; a check box in it is replaced by its answer ("liegen ☒ vor ☐ nicht
    vor" → "liegen vor")."""
    paragraphs = []
    unticked_label_open = False
    for lines in section.paragraphs:
        read = []
        for line in lines:
            if BOX.search(line):
                boxes = list(BOX.finditer(line))
                last_label = line[boxes[-1].end() :].strip()
                unticked = not TICKED.fullmatch(boxes[-1].group())
                unticked_label_open = unticked and last_label.endswith(("-", ","))
                answer = read_boxes(line, keep_intro=True)
                if answer:
                    read.append(answer)
            elif unticked_label_open and line[:1].islower():
                # the rest of an unticked option's label, broken mid-phrase onto this line
                unticked_label_open = not line.endswith((".", "!", "?"))
            else:
                unticked_label_open = False
                read.append(line)
        text = join_lines(read)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs) or None


def other_sections(
    sections: list[Section], yes_words: frozenset[str]
) -> dict[str, tuple[str, Location]]:
    found: dict[str, tuple[str, Location]] = {}
    for section in sections:
        if not section.kind.startswith("other:"):
            continue
        name = heading_name(section.heading)
        text = section_text(_with_boxes_read(section, yes_words)) or ""
        if name not in found or len(text) > len(found[name][0]):
            found[name] = (text, section.location)
    return {name: value for name, value in found.items() if value[0]}


def read_boxes(line: str, keep_intro: bool = False) -> str | None:
    """Check boxes read as answers: "Ja ☐ Nein ☒" → "Nein", "☒ vor ☐ nicht vor" → "vor".

    A table row's cells (separated by tabs) are read one by one, since a box stands at the end
    of its own cell ("Kultur, Freizeit und Sport [x]" | "08"). Within a cell, a box belongs to
    the word after it where the cell starts with a box or with a longer lead-in than it ends
    with ("… wären somit ☒ vorhanden ☐ …"), else to the word before it ("Nein ☒ Ja ☐ abgestimmt
    mit"). Text after the last box belongs to it where it is ticked ("Ja ☒ Korridorthema: …").
    With ``keep_intro`` the lead-in stays (prose that a box completes). Returns the line
    unchanged without boxes, None where no box is ticked and nothing else remains.
    """
    if not BOX.search(line):
        return line
    parts = [_read_cell(cell, keep_intro) for cell in line.split("\t")]
    if not any(TICKED.search(cell) for cell in line.split("\t")) and not keep_intro:
        return None
    answer = fold(" ".join(part for part in parts if part))
    return answer or None


def _read_cell(cell: str, keep_intro: bool) -> str:
    boxes = list(BOX.finditer(cell))
    if not boxes:
        return cell
    before = cell[: boxes[0].start()].strip()
    after = cell[boxes[-1].end() :].strip()
    box_first = not before or (after and len(before.split()) > len(after.split()))
    ticked: list[str] = [before] if keep_intro and box_first and before else []
    for index, box in enumerate(boxes):
        if box_first:
            end = boxes[index + 1].start() if index + 1 < len(boxes) else len(cell)
            label = cell[box.end() : end]
        else:
            start = boxes[index - 1].end() if index > 0 else 0
            label = cell[start : box.start()]
        if TICKED.fullmatch(box.group()):
            ticked.append(fold(label))
    if not box_first and TICKED.fullmatch(boxes[-1].group()) and after:
        ticked.append(after)
    return " ".join(t for t in ticked if t)


MAX_QUESTION_WORDS = 12


def _with_boxes_read(section: Section, yes_words: frozenset[str]) -> Section:
    """The section as a form is read, where it has check boxes.

    Ticked boxes give their answers; a "yes" keeps the question printed over it ("Haushaltsmittel
    sind dauerhaft im Budget vorhanden: Ja") and the details printed under it (amounts, the
    PSP element). Other text between the boxes is kept where it says something of its own: a
    filled-in "label: value", or sentences that follow a ticked answer or precede every box
    ("Ja ☒ Nein ☐" / "Für die Ausarbeitung entstehen Kosten von …"). The form's printed
    questions, empty fields and the fine print under unticked options go.
    """
    lines = [line for paragraph in section.paragraphs for line in paragraph]
    if not any(BOX.search(line) for line in lines):
        return section
    result = Section(section.kind, section.heading, section.location)
    state = "start"  # before any box; after a "yes", another "ticked" or an "unticked" box
    run: list[str] = []

    def flush() -> None:
        sentences = bool(run) and run[-1].rstrip().endswith((".", "!", "?"))
        if run and (state == "yes" or (sentences and state in ("start", "ticked"))):
            kept = [line for line in run if not _EMPTY_LABEL.match(fold(line))]
            if kept:
                result.paragraphs.append(kept)
        else:
            filled = [line for line in run if _FILLED_LABEL.match(fold(line))]
            if filled:
                result.paragraphs.append(filled)
        run.clear()

    for line in lines:
        if BOX.search(line):
            answer = read_boxes(line)
            yes = bool(answer) and answer.split()[0] in yes_words
            question = run.pop() if yes and run and _is_question(run[-1]) else None
            flush()
            if answer:
                result.paragraphs.append([f"{fold(question)}: {answer}" if question else answer])
            state = ("yes" if yes else "ticked") if answer else "unticked"
        else:
            run.append(line)
    flush()
    return result


_EMPTY_LABEL = re.compile(r"^[^:]{2,80}:$")
"""A form's field label left empty ("Gesamtkosten:")."""


def _is_question(line: str) -> bool:
    """A form's yes/no question printed over its boxes ("Haushaltsmittel sind dauerhaft im
    Budget vorhanden"): a short line that ends no sentence and labels no field."""
    text = fold(line)
    return (
        0 < len(text.split()) <= MAX_QUESTION_WORDS
        and text[:1].isupper()
        and not text.endswith((".", ":", "!", ")"))
    )


def finanzen_text(section: Section, yes_words: frozenset[str]) -> str | None:
    return section_text(_with_boxes_read(section, yes_words))


_QUOTES = {"„": "“", "»": "«", "«": "»", '"': '"', "“": "”"}
"""Opening quotes and the quotes that close them."""
_OPENING_QUOTES = "".join(_QUOTES)
_CLOSING_QUOTES = "".join(_QUOTES.values())


def _unquoted(paragraphs: list[list[str]]) -> list[list[str]]:
    """A proposal set in quotes as a whole ("„1. Zum Schriftführer … bestellt." / "2. Als
    Vertreter … berufen.“") without them, so that its points are found; a quote inside the
    text stays."""
    if not paragraphs or not paragraphs[0] or not paragraphs[-1]:
        return paragraphs
    first, last = paragraphs[0][0].lstrip(), paragraphs[-1][-1].rstrip()
    closing = _QUOTES.get(first[:1])
    if closing is None or not last.endswith(closing) or len(first) < 2:
        return paragraphs
    text = "".join(line for lines in paragraphs for line in lines)
    if text.count(first[0]) != 1 or text.count(closing) != (2 if closing == first[0] else 1):
        return paragraphs
    unquoted = [list(lines) for lines in paragraphs]
    unquoted[0][0] = first[1:].lstrip()
    unquoted[-1][-1] = unquoted[-1][-1].rstrip()[:-1].rstrip()
    return unquoted


def proposal_points(
    section: Section,
    decision_verb: re.Pattern[str] = NO_MATCH,
    formula: re.Pattern[str] = NO_MATCH,
) -> tuple[list[str], list[str]]:
    """One entry per numbered point, numbers stripped, and the numbers as printed; unnumbered
    text is one entry. A lead-in ending with a colon ("Der Rat beschließt:") is not a point, nor
    one ending with a comma that has a ``decision_verb`` ("Der Gemeinderat beschließt,"). Before
    unnumbered text only a lead-in that ends in a decision's ``formula`` is left out ("… wird
    gebeten, folgenden Beschluss zu fassen:"): "Folgende Straßen werden umbenannt:" is the
    decision itself.

    A number starts a point where it is the next one, or where it starts a paragraph or follows
    a finished sentence: so a repeated or skipped number ("1", "2", "2") still starts a point and
    the rules can report it, while "2. Lesung" inside a sentence does not.
    """
    paragraphs = [
        _number_on_its_line(_split_shared_points(paragraph))
        for paragraph in _unquoted(section.paragraphs)
    ]
    lines = [line for paragraph in paragraphs for line in paragraph]
    paragraph_starts = set()
    count = 0
    for paragraph in paragraphs:
        paragraph_starts.add(count)
        count += len(paragraph)
    points: list[list[str]] = []
    numbers: list[str] = []
    lead: list[str] = []
    expected = 1
    style = ""
    roman = False
    for position, line in enumerate(lines):
        match = _POINT.match(line) or _ROMAN_POINT.match(line)
        if match and not points:
            # a proposal numbered "I.", "II." keeps its "1." inside a point, and one numbered
            # "1.", "2." its "I." (a list of Roman numerals, an article)
            roman = match.re is _ROMAN_POINT
        if match and (match.re is _ROMAN_POINT) != roman:
            match = None
        number = _point_number(match.group(1)) if match else 0
        after_sentence = position == 0 or not _continues(lines[position - 1])
        starts = number in (expected, expected + 1, 1) or (
            0 < number <= expected + 2 and (position in paragraph_starts or after_sentence)
        )
        if match and points and not after_sentence and _style(match) != style:
            # "… beschließt die 2. Nachtragshaushaltssatzung und den" / "2. Nachtragshaushalts-
            # plan …" under a point numbered "1)": a sentence that goes on, not a point
            starts = False
        if points and position in paragraph_starts and _closing_heading(line, lines[position - 1]):
            break  # "Anmerkung:" after the last point: a section the lexicon does not know
        if match and starts:
            style = _style(match)
            points.append([line[match.end() :]])
            numbers.append(match.group(1))
            expected = number + 1
        elif points:
            if position in paragraph_starts and points[-1] and not _continues(points[-1][-1]):
                points[-1].append("\n")
            points[-1].append(line)
        else:
            lead.append(line)
    if not points:
        unquoted = replace(section, paragraphs=_unquoted(section.paragraphs))
        text = section_text(_without_formula(unquoted, formula))
        return ([text] if text else []), []
    result = []
    for point in points:
        paragraphs: list[list[str]] = [[]]
        for line in point:
            if line == "\n":
                paragraphs.append([])
            else:
                paragraphs[-1].append(line)
        result.append(fold(" ".join(join_lines(lines) for lines in paragraphs if lines)))
    lead_text = join_lines(lead)
    completed = (
        lead_text.endswith(",")
        and decision_verb.search(lead_text) is not None
        and not re.search(r"[.!?:]\s", lead_text)  # one sentence, not points before the list
    )
    if lead_text and not lead_text.endswith(":") and not completed:
        # a decision's lead-in that the points complete ("… beschließt die Bürgerschaft," /
        # "1. die Verkehrswacht … zu unterstützen") is no point of its own
        result.insert(0, lead_text)
    return [r for r in result if r], numbers


MAX_LEAD_IN_LINES = 3
"""Lines a decision's formula may take before the colon ends it."""
_LONE_BULLET = re.compile(r"^[·•▪◦‣∙*–-](?:\s+|$)")


def _without_formula(section: Section, formula: re.Pattern[str]) -> Section:
    """The section without a lead-in that ends in a decision's formula and its colon ("Der" /
    "Rat der Gemeinde … wird gebeten, folgenden Beschluss zu fassen:"), and without the bullet
    of the one point that follows it; unchanged where nothing follows the lead-in."""
    lines = [line for paragraph in section.paragraphs for line in paragraph]
    ends = [index for index, line in enumerate(lines[:MAX_LEAD_IN_LINES]) if line.endswith(":")]
    if not ends:
        return section
    lead_in = join_lines(lines[: ends[0] + 1])
    if formula.search(lead_in) is None or re.search(r"[.!?]\s", lead_in):
        return section
    skipped, paragraphs = ends[0] + 1, []
    for paragraph in section.paragraphs:
        kept, skipped = paragraph[skipped:], max(0, skipped - len(paragraph))
        if kept:
            paragraphs.append(kept)
    bulleted = [line for paragraph in paragraphs for line in paragraph if _LONE_BULLET.match(line)]
    if len(bulleted) == 1 and _LONE_BULLET.match(paragraphs[0][0]):
        first = _LONE_BULLET.sub("", paragraphs[0][0])
        paragraphs[0] = [first, *paragraphs[0][1:]] if first else paragraphs[0][1:]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    return replace(section, paragraphs=paragraphs) if paragraphs else section


_NEXT_POINT = re.compile(r"(?<=[.!?;])\s+(?=\(?(\d{1,2})[.)]\s+\S)")


def _split_shared_points(lines: list[str]) -> list[str]:
    """Lines with a point that begins after another one ended on the same line ("1. Der Rat
    beschließt A. 2. Der Rat beschließt B."): text extraction of short points joins them. A
    number counts only where it is the next one after the line's own."""
    result: list[str] = []
    for line in lines:
        own = _POINT.match(line)
        expected = int(own.group(1)) + 1 if own else None
        start = 0
        for match in _NEXT_POINT.finditer(line):
            if expected is not None and int(match.group(1)) == expected:
                result.append(line[start : match.start()])
                start = match.end()
                expected += 1
        result.append(line[start:])
    return result


def _number_on_its_line(lines: list[str]) -> list[str]:
    """A point's number alone on its line, its text on the next ("1." / "Bei Bauleitplan-
    verfahren …"), as a web page's list item is copied: one line, as printed elsewhere."""
    joined: list[str] = []
    for line in lines:
        if joined and _NUMBER_ALONE.match(joined[-1]):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


_NUMBER_ALONE = re.compile(r"^\(?\d{1,2}(?:\.\)|[.)])$")


def _point_number(printed: str) -> int:
    """ "3" → 3, "III" → 3; a Roman numeral past the known ones counts as no point (0)."""
    if printed.isdigit():
        return int(printed)
    return _ROMANS.index(printed) + 1 if printed in _ROMANS else 0


def _style(point: re.Match[str]) -> str:
    """How a point's number is printed: "1.", "1)" or "(1)"."""
    text = point.group().strip()
    return text[0] * (text[0] == "(") + text[-1]


_SHORT_HEADING = re.compile(r"^[A-ZÄÖÜ][^\W\d]*(?:[ /-][^\W\d]+){0,2}:$")
"""A paragraph of one to three words and a colon: a heading, known to the lexicon or not."""


def _closing_heading(line: str, before: str) -> bool:
    """A short heading after a finished sentence, which a proposal's points do not hold:
    within a point a list's heading follows its lead-in's colon ("… wie folgt:" /
    "Ergebnishaushalt:")."""
    return bool(_SHORT_HEADING.match(line)) and before.rstrip().endswith((".", "!", "?"))


def _continues(line: str) -> bool:
    return not line.rstrip().endswith((".", ":", ";", "!", "?"))


_FILE_SIZE = re.compile(
    r"\s*[(\[]?(?:[A-Za-z]{2,5}\s*[,;|/-]\s*)?\d+(?:[.,]\d+)?\s*(?:[kKMG]i?B|Bytes?)[)\]]?$"
)
"""The size a RIS page prints after a file's title: "120 KB", "(PDF, 1,2 MB)", "[pdf | 88 kB]"."""


def anlagen_items(section: Section, lexicon: Lexicon) -> list[tuple[str | None, str]]:
    """The listed attachments: "Anlage 1: Lageplan", "1. Lageplan", "- Lageplan", or the rows of
    an attachments table, read by its header (Nr. · Status · Name · Größe) where it has one."""
    items: list[tuple[str | None, str]] = []
    columns: dict[str, int] = {}
    columns_of, words, section_of = (
        lexicon.attachment_columns,
        lexicon.attachment,
        lexicon.section_of,
    )
    for paragraph in section.paragraphs:
        if items and not columns and _prose_follows(paragraph, words):
            break  # the list box ends; the text of the page goes on under the same heading
        for raw in paragraph:
            if "\t" in raw:
                cells = [fold(cell) for cell in raw.split("\t")]
                roles = [columns_of.get(key(cell)) for cell in cells if cell]
                if roles and all(role is not None for role in roles) and "titel" in roles:
                    columns = {columns_of[key(cell)]: i for i, cell in enumerate(cells) if cell}
                    continue
                if "titel" in columns and columns["titel"] < len(cells):
                    number = cells[columns["nummer"]] if "nummer" in columns else None
                    title = _FILE_SIZE.sub("", cells[columns["titel"]])
                    if title:
                        items.append((number or None, title))
                    continue
                raw = " ".join(cell for cell in cells if cell)
            line = fold(raw)
            if not line or section_of.get(key(line)) == "anlagen":
                continue
            match = words.numbered.match(line)
            if match:
                items.append((match.group(1), fold(match.group(2))))
                continue
            match = _NUMBERED.match(line)
            if (
                match
                and not re.match(r"^\d{1,2}[.)]?\s+\d", line)
                and (match.group(2) or _next_number(items, match.group(1)))
            ):
                items.append((match.group(1), fold(match.group(3))))
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
    titles = [(number, _FILE_SIZE.sub("", title).strip(" :")) for number, title in items]
    return [(number, title) for number, title in titles if title]


def _prose_follows(paragraph: list[str], words: AttachmentWords) -> bool:
    """Whether a paragraph after an attachment list is running text rather than more entries:
    a sentence's line, or a number that restarts a numbered text ("1. Gegenstand der Vorlage").
    A paragraph that opens with a labelled entry ("Anlage 3 – Synopse", then what it shows)
    goes on with the list."""
    first = fold(paragraph[0]) if paragraph else ""
    if words.numbered.match(first):
        return False
    return any(len(line.split()) >= MIN_PROSE_WORDS for line in paragraph) or bool(
        re.match(r"^1[.)]\s", first)
    )


def _next_number(items: list[tuple[str | None, str]], number: str) -> bool:
    """Whether a number printed bare before a title ("2 Kostenplan") goes on the list's
    numbering; elsewhere it begins a line of prose ("30 cm unter Mutterboden …")."""
    numbers = [int(n) for n, _ in items if n is not None and n.isdigit()]
    return number.isdigit() and int(number) == (numbers[-1] + 1 if numbers else 1)


def attachments(sections: list[Section], lexicon: Lexicon) -> list[tuple[str | None, str]]:
    """The attachments of all Anlagen sections. Where a list numbers them, the numbered entries
    are the list: a web page repeats the titles unnumbered elsewhere and adds a legend. An entry
    that says there is none ("Keine Anlagen", "-") is no attachment, and a section that opens
    with one lists nothing: what follows "Anlagen: Nein" belongs to the next field."""
    items = []
    for section in sections:
        if section.kind != "anlagen":
            continue
        listed = anlagen_items(section, lexicon)
        if listed and listed[0][0] is None and key(listed[0][1]) in lexicon.none_keys:
            continue
        items += [
            item for item in listed if item[0] is not None or key(item[1]) not in lexicon.none_keys
        ]
    numbered = [item for item in items if item[0] is not None]
    prose = [title for _, title in items if len(title.split()) >= MIN_PROSE_WORDS]
    if not numbered and len(prose) >= MIN_PROSE_LINES:
        return []  # the heading stands over the attached text itself, not over a list
    return numbered or items


MIN_PROSE_WORDS = 12
"""A line this long under an Anlagen heading is a line of running text, not a title."""
MIN_PROSE_LINES = 2


MAX_ATTACHMENT_WORDS = 10


def loose_attachments(rows: list[Row], words: AttachmentWords) -> list[tuple[str | None, str]]:
    """Attachments listed without an Anlagen heading, as a RIS page lists a Vorlage's files
    ("Anlage zum Stellenplan 2012"): short lines of their own that no section took and that
    start with the word Anlage."""
    found = []
    for row in rows:
        text = row.text
        if row.used or len(row.texts) != 1 or text.endswith((".", ":")):
            continue
        if len(text.split()) <= MAX_ATTACHMENT_WORDS and words.loose.match(text):
            found.append((None, text))
    return found


def heading_name(printed: str) -> str:
    """The key a section is exported under: the printed heading up to a colon ("CO2-Relevanz:
    Auswirkung auf den Klimaschutz" → "CO2-Relevanz"), capitals in their usual spelling."""
    return title_case_heading(fold(printed).split(":")[0].strip())
