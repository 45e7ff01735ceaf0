"""The shape of a Vorlage's number and of its revision suffix.

Numbers are recognised by their shape wherever they stand (after a label, in the title line,
alone on a row, in the page header), so the shape must cover what RIS print: "DS 1/2008",
"GRDrs 192/2017" (an abbreviation in mixed case), "2020/1430", "BV/0197/2026",
"STEIN/BV/052/2011" (a Gemeinde's code first), "FB6/123/2025", "SpA/0768/2019",
"FB III/176/2015", "1.0/103/2018" (an office's number first), "2021/BV/2114",
"06/SVV/0487", "SV Klütz/17/11649", "VO/LV/30-160/2024" (an Amt's code and a Gemeinde's number
inside), "VL-40/2024", "20-26 / V 02318", "VII-DS-01234", "22-2362", a Berlin district's
"DS/1246/V" with the electoral term in Roman numerals, "VO/09GV/2021-339" with a Gemeinde's
code of digits and letters, "WP 04-09 SV 20/007" with the term in front, and "M68/2018",
"GR027/11" with the kind's letters glued to the serial. A revision
is a suffix in one of many spellings: "VL-40/2024 1N", "DS 12/2021 1. Ergänzung", "DS 10/2013
– 1. Ergänzung", "2015/0288-1", "2023/0999/1", "VO/2025/0123-R1", "VII-DS-01234-NF-01",
"22-1940.01". The words that name a revision (Ergänzung, Neufassung …) are lexicon data; the
digits and separators around them are the grammar here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CORE = r"""(?:
    \d{1,2}-\d{1,2}\s*/\s*[A-Z]\s*\d{3,6}                             # 20-26 / V 02318
  | (?:[A-Z]{1,3}\s\d{2}-\d{2}\s)?                                    # WP 04-09 SV 20/007
    (?:[A-ZÄÖÜ]{2,6}/)?                                                # STEIN/BV/052/2011
    (?:(?:[A-ZÄÖÜ]{1,6}|[A-ZÄÖÜ][a-zäöü][A-ZÄÖÜ]|[A-ZÄÖÜ]{2,4}[a-zäöü]{1,3})  # SpA/, GRDrs
       (?:\d{1,2}|\s[IVX]{1,4})?(?:\s?[-/]\s?|\s)
     | \d{1,2}\.\d{1,2}/)?                                               # FB6/, FB III/, 1.0/
    \d{1,5}\s?/\s?\d{2,4}(?:[A-Z]{1,3}(?=/))?(?:/[\w-]+)*                # DS 1/2008, 0340/23OA/2017
  | \d{2}(?:\d{2})?/[A-ZÄÖÜ]{1,6}/\d{1,5}                              # 2021/BV/2114, 06/SVV/0487
  | [A-Z]{1,4}\s[A-ZÄÖÜ][a-zäöüß]{2,12}/\d{2}/\d{3,6}                   # SV Klütz/17/11649
  | (?:[A-ZÄÖÜ]{1,6}/)?\d{1,5}/[IVX]{1,5}                              # DS/1246/V (Wahlperiode)
  | [A-ZÄÖÜ]{1,6}-\d{1,5}/\d{4}                                       # VL-40/2024
  | [A-ZÄÖÜ]{1,3}\d{2,5}/\d{2,4}                                      # M68/2018, GR027/11
  | (?:[IVX]{1,5}-)?[A-ZÄÖÜ]{1,6}-\d{3,6}                             # VII-DS-01234
  | (?:[A-ZÄÖÜ]{2,6}/){1,2}\d{1,3}-\d{1,5}/\d{4}                       # VO/LV/30-160/2024
  | [A-ZÄÖÜ]{2,6}/\d{1,2}[A-ZÄÖÜ]{1,4}/\d{4}-\d{3,5}                     # VO/09GV/2021-339
  | \d{1,2}-\d{3,5}                                                   # 22-2362
)"""


@dataclass(frozen=True, slots=True)
class NumberGrammar:
    """Patterns for a number with an optional revision suffix, built from the lexicon's
    revision words."""

    shape: re.Pattern[str]
    """A number, with its revision suffix where one follows."""
    revision: re.Pattern[str]
    """The revision suffix at the end of a printed number."""

    @classmethod
    def from_words(cls, words: list[str]) -> NumberGrammar:
        names = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) or "(?!)"
        suffix = rf"""(?:
            \s+\d{{1,2}}\s?N(?![\w])                                   # 1N
          | \s*[-–]\s*\d{{1,2}}\.\s*(?:{names})                         # - 1. Ergänzung
          | \s+\d{{1,2}}\.\s*(?:{names})                                # 1. Ergänzung
          | \s+(?:{names})                                              # Neufassung
          | -[A-Z]{{1,3}}-\d{{1,2}}                                     # -NF-01
          | [-/]R?\d{{1,2}}(?:-\d{{1,2}})?                               # -1, /1, -R1, -01-01
          | (?<=\d{{3}})\.\d{{1,2}}                                      # 22-1940.01
        )"""
        shape = re.compile(rf"(?<![\w/]){_CORE}{suffix}?(?![\w/])", re.VERBOSE)
        revision = re.compile(
            rf"""(?:
                \s*[-–]\s*(?P<ordinal>\d{{1,2}}\.\s*(?:{names}))
              | \s+(?P<neu>\d{{1,2}}\s?N)
              | \s+(?P<word>(?:\d{{1,2}}\.\s*)?(?:{names}))
              | -(?P<code>[A-Z]{{1,3}}-\d{{1,2}})
              | (?<=\d{{3}})[-/.](?P<short>R?\d{{1,2}}(?:-\d{{1,2}})?)
            )\s*$""",
            re.VERBOSE | re.IGNORECASE,
        )
        return cls(shape, revision)

    def split(self, printed: str) -> tuple[str, str | None]:
        """The number and its revision suffix as printed ("VL-40/2024 1N" → "VL-40/2024",
        "1N"); the suffix is None for an original."""
        number = " ".join(printed.split())
        match = self.revision.search(number)
        if not match:
            return number, None
        suffix = next(group for group in match.groups() if group)
        base = number[: match.start()].rstrip(" -–")
        if not self.shape.search(base):
            return number, None
        return base, " ".join(suffix.split())
