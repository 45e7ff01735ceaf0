"""German dates as printed in Vorlagen: 14.03.2024, 4.4.23, 6. DEZ. 2005, 16./17./18.12.2025,
"14. März 2024", and the "2026 Oct 21", "Jan 29, 2026" and "04/25/2017" that some RIS pages print.

A date with slashes is read only where its order shows: a web server set to an English locale
prints month first ("04/25/2017"), a few writers day first ("25/04/2017"); "04/05/2017" may be
either and is no date here."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DateGrammar:
    """Patterns for a printed date, built from the lexicon's month names (``[language]
    months``); the digits and separators around them are the grammar here."""

    months: dict[str, int]
    """A month's name or abbreviation, lower case → its number."""
    pattern: re.Pattern[str]
    """A date in any of the printed forms; the groups tell which (see :meth:`parse`)."""
    partial_end: re.Pattern[str]
    """A day and month at the end of a line whose year is printed on the next ("25. Januar")."""

    @classmethod
    def from_months(cls, months: dict[str, int], weekdays: Sequence[str] = ()) -> DateGrammar:
        names = {name.lower(): int(number) for name, number in months.items()}
        word = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)) or "(?!)"
        days = "|".join(re.escape(day) for day in sorted(weekdays, key=len, reverse=True))
        # a weekday before the date belongs to it ("Di, 14.10.2025"), not to the text before it
        weekday = rf"(?:(?<![\w])(?:{days})\.?,?\s+(?=\d))?" if days else ""
        pattern = re.compile(
            rf"""{weekday}(?<![\d.])(?:
                (?P<days>(?:\d{{1,2}}\.\s?/\s?)+)?(?P<d>\d{{1,2}})\.\s?(?P<m>\d{{1,2}})\.\s?(?P<y>\d{{4}}|\d{{2}})(?![\d])
              | (?P<d2>\d{{1,2}})\.\s?(?P<mw>{word})\.?\s+(?P<y2>\d{{4}})
              | (?P<y3>\d{{4}})\s+(?P<mw3>{word})\.?\s+(?P<d3>\d{{1,2}})(?!\d)
              | (?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}})
              | (?P<mw5>{word})\.?\s+(?P<d5>\d{{1,2}}),\s*(?P<y5>\d{{4}})
              | (?<!/)(?P<m6>0?[1-9]|1[0-2])/(?P<d6>1[3-9]|2\d|3[01])/(?P<y6>\d{{4}})(?![\d/])
              | (?<!/)(?P<d7>1[3-9]|2\d|3[01])/(?P<m7>0?[1-9]|1[0-2])/(?P<y7>\d{{4}})(?![\d/])
            )""",
            re.VERBOSE | re.IGNORECASE,
        )
        partial_end = re.compile(
            rf"(?<![\d.])\d{{1,2}}\.\s?(?:(?:{word})\.?|\d{{1,2}}\.)$", re.IGNORECASE
        )
        return cls(names, pattern, partial_end)

    def parse(self, match: re.Match[str]) -> dt.date | None:
        """The date a match of :attr:`pattern` denotes; the first day of a multi-day date; None
        if it is not a real calendar date (31.02.2025)."""
        try:
            if match.group("d"):
                first = match.group("days")
                day = int(first.split(".")[0]) if first else int(match.group("d"))
                return dt.date(_year(match.group("y")), int(match.group("m")), day)
            if match.group("d2"):
                month = self.months[match.group("mw").lower()]
                return dt.date(int(match.group("y2")), month, int(match.group("d2")))
            if match.group("y3"):
                month = self.months[match.group("mw3").lower()]
                return dt.date(int(match.group("y3")), month, int(match.group("d3")))
            if match.group("y4"):
                return dt.date(
                    int(match.group("y4")), int(match.group("m4")), int(match.group("d4"))
                )
            if match.group("m6"):
                return dt.date(
                    int(match.group("y6")), int(match.group("m6")), int(match.group("d6"))
                )
            if match.group("d7"):
                return dt.date(
                    int(match.group("y7")), int(match.group("m7")), int(match.group("d7"))
                )
            month = self.months[match.group("mw5").lower()]
            return dt.date(int(match.group("y5")), month, int(match.group("d5")))
        except ValueError:
            return None

    def find(self, text: str) -> tuple[dt.date | None, re.Match[str]] | None:
        """The first date-like text in ``text`` with its parsed value (None when not a real
        date)."""
        match = self.pattern.search(text)
        if match is None:
            return None
        return self.parse(match), match

    def date_in(self, text: str) -> dt.date | None:
        found = self.find(text)
        return found[0] if found else None


YEAR_START = re.compile(r"^(?:19|20)\d{2}(?!\d)")


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year
