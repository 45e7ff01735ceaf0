"""No word lists in code.

The words a document is read by (labels, role phrases, body names, the grammar words around
them) live in the lexicon (extract/lexicon.toml), where a city's ``[lexicon]``,
``[lexicon.override]`` and ``[lexicon.remove]`` reach them. A list of German words written into
a module escapes that configuration, so this scan fails when one appears: a literal set, tuple,
list or frozenset with three or more word-like strings, a dict with as many word-like keys, or
a string (a regular expression) that alternates three or more words ("und|oder|sowie").
Structure stays in code: digits, date shapes, punctuation, markup names; what is no vocabulary
but looks like it is listed in ``ALLOWED`` with the reason.
"""

from __future__ import annotations

import ast
import re
import typing
from dataclasses import dataclass

import pytest
from pydantic import BaseModel

from vorlage_cli import model

from .conftest import ROOT

PACKAGE = ROOT / "src" / "vorlage_cli"
LEXICON_MODULE = "extract/lexicon.py"
"""Builds the patterns from the lexicon's words: the one module that may spell their grammar."""
MIN_WORDS = 3

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+(?:[ .\-][A-Za-zÄÖÜäöüß]+)*\.?")
"""A word or short phrase as printed ("Nr.", "i.V.", "Haupt- und Finanzausschuss" is not one:
a list of phrases has word-like members beside it)."""
_PATTERN_WORD = r"[A-Za-zÄÖÜäöüß]{2,}(?:\\?\.)?(?:(?:\\s[+*]?|\\ | )[A-Za-zÄÖÜäöüß]+(?:\\?\.)?)*\??"
_ALTERNATED = re.compile(
    rf"(?<![\w\\])(?:{_PATTERN_WORD}\|){{{MIN_WORDS - 1},}}{_PATTERN_WORD}(?!\w)"
)
"""Three or more words as alternatives in a regular expression: "(?:zum|zur|am)", "Ja|Nein|
Enthaltung", "bis\\s+zum|seit|ab"; not "\\d|\\w" nor "[IVX]"."""

ALLOWED: dict[tuple[str, str], str] = {
    # the tool's own interface, never read from a document
    ("cli_german.py", "Arguments"): "click's English help headings and their German text",
    ("cli_german.py", "argument"): "click's names for a parameter's kind",
    ("cli_german.py", "file"): "click's metavar names",
    ("config.py", "rules"): "the configuration's table names",
    ("config.py", "extend"): "the lexicon changes a configuration names (extend/override/remove)",
    ("profile.py", "documents"): "JSON keys of a learned profile",
    ("profile.py", "pattern"): "JSON keys of a learned profile",
    ("profile.py", "before"): "JSON keys of a learned profile",
    ("rules/completeness.py", "all"): "values of a rule option",
    ("report/__init__.py", "human"): "output format names",
    ("report/csv.py", "datei"): "column names of the CSV export",
    ("report/oparl.py", "organizationName"): "property names of the OParl export",
    ("report/catalogue.py", "Code"): "column headings of the rule catalogue",
    ("report/catalogue.py", "Option"): "column headings of the option catalogue",
    ("report/human.py", "Gremium"): "column headings of the report's Beratungsfolge table",
    ("report/html.py", "Nr."): "column headings of the HTML report's Beratungsfolge table",
    ("report/sarif.py", "version"): "SARIF property names",
    ("report/sarif.py", "id"): "SARIF property names",
    ("report/sarif.py", "tool"): "SARIF property names",
    # markup and file formats: names in a file's structure, not words of its text
    ("readers/html.py", "script"): "HTML elements whose text is no content",
    ("readers/html.py", "div"): "HTML elements that end a block",
    ("readers/html.py", "span"): "inline HTML elements of a label/value layout",
    ("readers/html.py", "nav"): "class and id words of navigation chrome",
    ("readers/html.py", "menu"): "ARIA roles of navigation chrome",
    ("readers/odt.py", "header"): "ODF style names of page headers and footers",
    ("readers/sniff.py", "WordDocument"): "stream names of legacy Office files",
    ("readers/sniff.py", "png"): "image file extensions",
}
"""(module, first word of the list) → why these words are no vocabulary."""


@dataclass(frozen=True, slots=True)
class WordList:
    module: str
    line: int
    words: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.module}:{self.line}: {', '.join(self.words)}"


def _contract_words() -> frozenset[str]:
    """The data contract's field names and fixed values ("gremium", "Vorberatung", "pdf"):
    names of the output, not words a document is read by."""
    words: set[str] = set()
    for value in vars(model).values():
        if isinstance(value, type) and issubclass(value, BaseModel):
            words.update(value.model_fields)
    for literal in (model.Rolle, model.RollenQuelle, model.Severity, model.SourceFormat):
        words.update(typing.get_args(literal))
    return frozenset(words)


def _word_like(text: str, known: frozenset[str]) -> bool:
    return (
        len(text) >= 2
        and _WORD.fullmatch(text) is not None
        and any(c.islower() for c in text)  # "XXX", "IV", "CON" are shapes and codes
        and text not in known
    )


def _printed(alternative: str) -> str:
    """An alternative of a pattern as the text it matches: "bis\\s+zum" → "bis zum"."""
    return re.sub(r"\\s[+*]?|\\ ", " ", alternative).replace("\\", "").removesuffix("?")


def _exempt(tree: ast.AST) -> set[int]:
    """Literals that hold names by nature: ``__all__`` and a schema field's ``examples``."""
    exempt: set[int] = set()
    for node in ast.walk(tree):
        exports = isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        )
        if exports or (isinstance(node, ast.keyword) and node.arg == "examples"):
            exempt.add(id(node.value))
    return exempt


def word_lists(source: str, module: str, known: frozenset[str] = frozenset()) -> list[WordList]:
    """The word lists in one module's source: literal collections with ``MIN_WORDS`` or more
    word-like strings, and strings that alternate as many words."""
    tree = ast.parse(source)
    exempt = _exempt(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in exempt:
            continue
        members: list[ast.expr | None] | None = None
        if isinstance(node, ast.Set | ast.Tuple | ast.List):
            members = list(node.elts)
        elif isinstance(node, ast.Dict):
            members = list(node.keys)  # a table keyed by words; its values are what they mean
        if members is not None:
            words = tuple(
                m.value
                for m in members
                if isinstance(m, ast.Constant)
                and isinstance(m.value, str)
                and _word_like(m.value, known)
            )
            if len(words) >= MIN_WORDS:
                found.append(WordList(module, node.lineno, words))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            for match in _ALTERNATED.finditer(node.value):
                words = tuple(_printed(word) for word in match.group().split("|"))
                if sum(_word_like(word, known) for word in words) >= MIN_WORDS:
                    found.append(WordList(module, node.lineno, words))
    return found


def _scan_package() -> list[WordList]:
    known = _contract_words()
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        if module != LEXICON_MODULE:
            found.extend(word_lists(path.read_text("utf-8"), module, known))
    return found


def _allowed(found: WordList) -> bool:
    return (found.module, found.words[0]) in ALLOWED


def test_no_word_lists_in_code() -> None:
    lists = [found for found in _scan_package() if not _allowed(found)]
    assert not lists, (
        "Word lists in code; move them to extract/lexicon.toml (or, if they are no vocabulary, "
        "to ALLOWED with the reason):\n" + "\n".join(map(str, lists))
    )


def test_every_allowance_is_still_used() -> None:
    used = {(found.module, found.words[0]) for found in _scan_package()}
    assert set(ALLOWED) <= used, sorted(set(ALLOWED) - used)


@pytest.mark.parametrize(
    "source",
    [
        '_JOINERS = {"und", "oder", "sowie"}',
        'ROLES = ("Vorberatung", "Beratung und Empfehlung", "Kenntnisnahme", 3)',
        'def f():\n    return ["des", "der", "dem"]',
        'WORDS = frozenset({"Dr.", "Prof.", "i.V."})',
        '_MONTHS = {"januar": 1, "februar": 2, "märz": 3}',
        'import re\n_PROSE = re.compile(r"\\b(?:zum|zur|am)\\s*$")',
        'import re\n_VOTES = re.compile(r"^(?:Ja|Nein|Enthaltung)(?:-Stimmen?)?\\s*\\d+")',
        'import re\nP = re.compile(rf"{x}\\s+(?:bis\\s+zum|seit|ab)\\b")',
        'import re\nP = re.compile(r"^(?:Seite|Blatt|Page)\\s*\\d+")',
    ],
)
def test_scanner_finds_a_planted_list(source: str) -> None:
    assert word_lists(source, "planted.py")


@pytest.mark.parametrize(
    "source",
    [
        'import re\nDATE = re.compile(r"(?<![\\d.])(?P<d>\\d{1,2})\\.\\s?(?P<y>\\d{4}|\\d{2})")',
        'import re\nNUMBERING = re.compile(r"^(?:[IVX]{1,5}\\.|\\d{1,2}|[a-z]\\))\\s+")',
        '_ROMANS = ["I", "II", "III", "IV"]',
        '_PAIR = ("telefon", "tel.")',
        '__all__ = ["Lexicon", "default_lexicon", "extract"]',
        'x = Field(None, examples=["Beschlussvorlage", "Mitteilungsvorlage", "Antrag"])',
        'COLUMNS = ("gremium", "rolle", "termin")',
    ],
)
def test_scanner_passes_structure(source: str) -> None:
    assert word_lists(source, "structure.py", _contract_words()) == []
