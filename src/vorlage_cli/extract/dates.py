"""German dates as printed in Vorlagen: 14.03.2024, 4.4.23, 6. DEZ. 2005, 16./17./18.12.2025,
"14. März 2024", and the "2026 Oct 21" and "Jan 29, 2026" that some RIS pages print."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1,
    "januar": 1,
    "jänner": 1,
    "feb": 2,
    "februar": 2,
    "mär": 3,
    "mrz": 3,
    "märz": 3,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "mai": 5,
    "may": 5,
    "jun": 6,
    "juni": 6,
    "june": 6,
    "jul": 7,
    "juli": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oct": 10,
    "oktober": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dez": 12,
    "dec": 12,
    "dezember": 12,
    "december": 12,
}
_MONTH_WORD = "|".join(sorted(_MONTHS, key=len, reverse=True))

DATE = re.compile(
    rf"""(?<![\d.])(?:
        (?P<days>(?:\d{{1,2}}\.\s?/\s?)+)?(?P<d>\d{{1,2}})\.\s?(?P<m>\d{{1,2}})\.\s?(?P<y>\d{{4}}|\d{{2}})(?![\d])
      | (?P<d2>\d{{1,2}})\.\s?(?P<mw>{_MONTH_WORD})\.?\s+(?P<y2>\d{{4}})
      | (?P<y3>\d{{4}})\s+(?P<mw3>{_MONTH_WORD})\.?\s+(?P<d3>\d{{1,2}})(?!\d)
      | (?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}})
      | (?P<mw5>{_MONTH_WORD})\.?\s+(?P<d5>\d{{1,2}}),\s*(?P<y5>\d{{4}})
    )""",
    re.VERBOSE | re.IGNORECASE,
)


PARTIAL_DATE_END = re.compile(
    rf"(?<![\d.])\d{{1,2}}\.\s?(?:(?:{_MONTH_WORD})\.?|\d{{1,2}}\.)$", re.IGNORECASE
)
"""A day and month at the end of a line whose year is printed on the next ("25. Januar")."""
YEAR_START = re.compile(r"^(?:19|20)\d{2}(?!\d)")


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def parse_match(match: re.Match[str]) -> dt.date | None:
    """The date a DATE match denotes; the first day of a multi-day date; None if it is not a real
    calendar date (31.02.2025)."""
    try:
        if match.group("d"):
            first = match.group("days")
            day = int(first.split(".")[0]) if first else int(match.group("d"))
            return dt.date(_year(match.group("y")), int(match.group("m")), day)
        if match.group("d2"):
            month = _MONTHS[match.group("mw").lower()]
            return dt.date(int(match.group("y2")), month, int(match.group("d2")))
        if match.group("y3"):
            month = _MONTHS[match.group("mw3").lower()]
            return dt.date(int(match.group("y3")), month, int(match.group("d3")))
        if match.group("y4"):
            return dt.date(int(match.group("y4")), int(match.group("m4")), int(match.group("d4")))
        month = _MONTHS[match.group("mw5").lower()]
        return dt.date(int(match.group("y5")), month, int(match.group("d5")))
    except ValueError:
        return None


def find_date(text: str) -> tuple[dt.date | None, re.Match[str]] | None:
    """The first date-like text in ``text`` with its parsed value (None when not a real date)."""
    match = DATE.search(text)
    if match is None:
        return None
    return parse_match(match), match
