"""How to write a date smguide reads (2026-03-01), said for the date someone typed.

smguide reads dates one way only, year-month-day with dashes, so that "03/02/2026" can
never be read as the wrong day. When a date is written another way, the message shows
the same date written the right way: "01.03.2026" (day first, as in Germany) is
2026-03-01; "03/02/2026" could be either day first or month first, so both are shown.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

_NUMBERS = re.compile(r"^\s*(\d{1,4})\s*([./-])\s*(\d{1,2})\s*[./-]\s*(\d{1,4})\s*$")


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _said(day: date, language: str = "en") -> str:
    """The date as typed, and as the guide's language says it (Babel: "3 mars 2026")."""
    if language.split("-")[0].lower() == "en":
        said = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    else:
        from smguide.sources.languages import format_date

        said = format_date(day.isoformat(), language)
    return f"{day.isoformat()} for {said}"


def readings(text: str) -> list[date]:
    """The dates `text` may mean, written with dots, slashes or dashes in another order
    (day first, month first, a two-digit year); none when it is no such date."""
    found = _NUMBERS.match(text.strip().strip("\"'“”„"))
    if not found:
        return []
    first, separator, middle, last = int(found[1]), found[2], int(found[3]), int(found[4])
    if len(found[1]) == 4:  # 2026/03/01 or 2026.3.1: year first, then month and day
        return [d for d in [_day(first, middle, last)] if d]
    year = last + 2000 if len(found[4]) == 2 else last
    if len(found[4]) not in (2, 4):
        return []
    options = [_day(year, middle, first)]  # day first: most of the world, and "." always
    if separator != ".":
        options.append(_day(year, first, middle))  # month first, as in the United States
    return list(dict.fromkeys(d for d in options if d))


def how_to_write(text: str, language: str = "en") -> str:
    """What to type instead of `text`: the date it means as year-month-day, with its
    day and month in words in the guide's `language`; both readings when it could be
    either."""
    meant = readings(text)
    if len(meant) == 1:
        return f"write it as year-month-day: {_said(meant[0], language)}"
    if len(meant) == 2:
        return (f"write it as year-month-day: {_said(meant[0], language)}, or "
                f"{_said(meant[1], language)}")
    return (f"write it as year-month-day with dashes, e.g. "
            f"{_said(date(2026, 3, 1), language)}")
