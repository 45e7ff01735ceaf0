"""The first layer: words with their boxes, as PDFium segments the page's text.

PDFium reads text drawn twice for a bold effect once ("DS 49/2012", not "DDSS 4499//22001122")
and reports the state of form check boxes, which print nothing in the text layer.
"""

from __future__ import annotations

import ctypes
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    index: int = -1
    """Where the word starts in PDFium's text of the page, to ask for its font later."""


def page_words(textpage, height: float) -> list[Word]:  # noqa: ANN001 - a raw PDFium text page
    """Words as PDFium segments the text, each with the box from its first to its last character.

    One box lookup per word end rather than per character keeps this close to the speed of
    PDFium's own text extraction. The lookups run for every word of every page, so each is made
    as cheap as ctypes allows: the page and the two box slots go in as argument objects made
    once per page (nothing converted or allocated per call), and both ends' boxes are taken out
    of one float array as one list.
    """
    import pypdfium2.raw as raw

    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    # a plain bytearray: a ctypes buffer of this page's length would make a new ctypes type
    buffer = bytearray((count + 1) * 2)
    raw.FPDFText_GetText(textpage, 0, count, ctypes.byref(ctypes.c_ushort.from_buffer(buffer)))
    text = buffer[: count * 2].decode("utf-16-le", errors="replace")
    boxes = (ctypes.c_float * 8)()  # two FS_RECTF: left, top, right, bottom of each end
    first, last = ctypes.byref(boxes), ctypes.byref(boxes, 16)
    corners = memoryview(boxes).cast("B").cast("f").tolist
    loose_box = _loose_box_function()
    page = ctypes.c_void_p.from_param(ctypes.cast(textpage, ctypes.c_void_p).value)
    words: list[Word] = []
    append = words.append
    for match in _WORD.finditer(text, 0, count):
        start, after = match.span()
        if not loose_box(page, start, first):
            continue
        if after - start > 1 and loose_box(page, after - 1, last):
            # PDF space (y up): the word's top is the higher of its ends' tops, its bottom the
            # lower of their bottoms; both are turned into page space (y down) once, below
            x0, top, x1, bottom, _, last_top, right, last_bottom = corners()
            if right > x1:
                x1 = right
            if last_top > top:
                top = last_top
            if last_bottom < bottom:
                bottom = last_bottom
        else:
            x0, top, x1, bottom, _, _, _, _ = corners()
        if after < count and text[after] in _LINE_END_HYPHENS:
            append(Word(match.group() + "-", x0, height - top, x1, height - bottom, start))
        else:
            append(Word(match.group(), x0, height - top, x1, height - bottom, start))
    return words


def _address(handle) -> ctypes.c_void_p:  # noqa: ANN001 - a pypdfium2 handle
    """A PDFium handle as the plain pointer that the functions of ``_plain`` take."""
    return ctypes.c_void_p(ctypes.cast(handle, ctypes.c_void_p).value)


def _plain(function, result) -> Callable[..., int]:  # noqa: ANN001
    """A PDFium function called the cheapest way ctypes knows, for the calls made once or twice
    per word: with no declared argument types (pointers go in as ``c_void_p`` or ctypes arrays,
    indices as small ints, so nothing needs converting) and without releasing the interpreter
    lock (PDFium calls back into nothing). Each call then costs a fraction of pypdfium2's."""
    return ctypes.PYFUNCTYPE(result)(ctypes.cast(function, ctypes.c_void_p).value)


@functools.cache
def _loose_box_function() -> Callable[..., int]:
    """PDFium's FPDFText_GetLooseCharBox(text page, index, box): it runs twice per word."""
    import pypdfium2.raw as raw

    return _plain(raw.FPDFText_GetLooseCharBox, ctypes.c_int)


def bold_reader(textpage) -> Callable[[Word], bool]:  # noqa: ANN001 - a raw PDFium text page
    """Whether a word of the page is set in a bold font (a heading's mark): by the weight the
    font states (600 and more), else by its name, since many PDF writers state 400 for
    "Arial-BoldMT" or "LiberationSans-Bold". Text made bold by printing it twice is read once
    and not marked. The line layer asks only where a line could be a heading, and the answer
    is kept per text object and per font: most words share both with the word before."""
    weight, info, text_object, font_of = _font_functions()
    handle = ctypes.cast(textpage, ctypes.c_void_p).value
    page = _address(textpage)
    name = ctypes.create_string_buffer(128)
    name_address = ctypes.addressof(name)
    by_object: dict[int | None, bool] = {}
    by_font: dict[int | None, bool] = {}

    def bold(word: Word) -> bool:
        index = word.index
        if index < 0:
            return False  # a word PDFium did not print, such as a form's check box
        owner = text_object(page, index)
        known = by_object.get(owner)
        if known is not None:
            return known
        font = font_of(owner) if owner else None
        known = by_font.get(font) if font else None
        if known is None:
            known = weight(handle, index) >= BOLD_WEIGHT
            if not known:
                length = info(handle, index, name_address, 128, None)
                known = _BOLD_NAME.search(name.raw[: max(length - 1, 0)]) is not None
            if font:
                by_font[font] = known
        if owner:
            by_object[owner] = known
        return known

    return bold


@functools.cache
def _font_functions() -> tuple[Callable[..., int], ...]:
    """PDFium's font lookups for text, called with plain addresses; the text object of a word is
    asked for each word of a possible heading, the others once per font."""
    import pypdfium2.raw as raw

    def plain(function, result, *arguments):  # noqa: ANN001, ANN002, ANN202
        return ctypes.CFUNCTYPE(result, *arguments)(ctypes.cast(function, ctypes.c_void_p).value)

    pointer, integer = ctypes.c_void_p, ctypes.c_int
    return (
        plain(raw.FPDFText_GetFontWeight, integer, pointer, integer),
        plain(
            raw.FPDFText_GetFontInfo,
            ctypes.c_ulong,
            pointer,
            integer,
            pointer,
            ctypes.c_ulong,
            pointer,
        ),
        _plain(raw.FPDFText_GetTextObject, pointer),
        plain(raw.FPDFTextObj_GetFont, pointer, pointer),
    )


BOLD_WEIGHT = 600
"""The font weight from which a word counts as bold (CSS and PDF: 400 normal, 700 bold)."""
_BOLD_NAME = re.compile(rb"bold|black|heavy|demi", re.IGNORECASE)
"""How font names mark a bold face: "Arial-BoldMT", "Times New Roman,Bold", "Lato-Black"."""

_LINE_END_HYPHENS = "\ufffe\x02"
"""PDFium's marks for a hyphen at a line end; a line break follows, so they also end the word."""
_WORD = re.compile("[^ \r\n\t\x00\xa0" + _LINE_END_HYPHENS + "]+")
"""A word: a run of characters between PDFium's spaces, line breaks and line-end hyphens."""


def checkbox_words(page, pdf, height: float) -> list[Word]:  # noqa: ANN001 - raw page, document
    """Form check boxes as ☒/☐ glyphs at their place: ticked AcroForm boxes print nothing in the
    text layer, yet they are the answer ("Voraussetzungen liegen ☒ vor ☐ nicht vor")."""
    import pypdfium2.raw as raw

    formenv = getattr(pdf, "formenv", None)
    if formenv is None:
        return []
    words = []
    rect = raw.FS_RECTF()
    for index in range(raw.FPDFPage_GetAnnotCount(page)):
        annot = raw.FPDFPage_GetAnnot(page, index)
        if not annot:
            continue
        try:
            if raw.FPDFAnnot_GetSubtype(annot) != raw.FPDF_ANNOT_WIDGET:
                continue
            kind = raw.FPDFAnnot_GetFormFieldType(formenv.raw, annot)
            if kind not in (raw.FPDF_FORMFIELD_CHECKBOX, raw.FPDF_FORMFIELD_RADIOBUTTON):
                continue
            if not raw.FPDFAnnot_GetRect(annot, rect):
                continue
            glyph = "☒" if raw.FPDFAnnot_IsChecked(formenv.raw, annot) else "☐"
            words.append(
                Word(glyph, rect.left, height - rect.top, rect.right, height - rect.bottom)
            )
        finally:
            raw.FPDFPage_CloseAnnot(annot)
    return words
