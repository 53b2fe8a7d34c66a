"""Month and weekday names, looked up by their normalised form.

The tables are data (``marsad/data/months.json``, ``weekdays.json``), loaded on
first use. Multi-word names (كانون الثاني، تشرين الأول) are keyed with single
spaces; callers match the longest name first (:data:`MAX_NAME_WORDS`).
Hijri months (``hijri_months.json``) are a separate table, converted to
Gregorian dates with ``hijridate`` (Umm al-Qura calendar).
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from importlib import resources

from marsad.arabic.normalise import fold

MAX_NAME_WORDS = 2


@cache
def _table(name: str) -> dict[str, int]:
    data = json.loads(resources.files("marsad.data").joinpath(name).read_text(encoding="utf-8"))
    return {fold(word): int(number) for number, words in data.items() if not number.startswith("_") for word in words}


def month_number(name: str) -> int | None:
    """1-12 for a month name in any naming system (يناير، كانون الثاني، جانفي), else None."""
    return _table("months.json").get(fold(name))


def weekday_number(name: str) -> int | None:
    """ISO weekday (Monday = 1) for an Arabic weekday name, else None."""
    return _table("weekdays.json").get(fold(name))


def month_names() -> dict[str, int]:
    """Every known month name (normalised) with its number."""
    return dict(_table("months.json"))


def hijri_month_number(name: str) -> int | None:
    """1-12 for a Hijri month name (محرم ... ذو الحجة، ذي الحجة), else None."""
    return _table("hijri_months.json").get(fold(name))


def _plain(day: date) -> date:
    return date(day.year, day.month, day.day)


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Hijri (Umm al-Qura) date, None when invalid or out of range (1343-1500 AH)."""
    from hijridate import Hijri  # its tables load on first use, not on import

    try:
        return _plain(Hijri(year, month, day).to_gregorian())
    except (ValueError, OverflowError):
        return None


def hijri_month_span(year: int, month: int) -> tuple[date, date] | None:
    """First and last Gregorian days of a Hijri month, None when out of range."""
    from hijridate import Hijri

    try:
        first = Hijri(year, month, 1)
        last = Hijri(year, month, first.month_length())
    except (ValueError, OverflowError):
        return None
    return _plain(first.to_gregorian()), _plain(last.to_gregorian())


def hijri_year_span(year: int) -> tuple[date, date] | None:
    """First and last Gregorian days of a Hijri year, None when out of range."""
    first, last = hijri_month_span(year, 1), hijri_month_span(year, 12)
    return None if first is None or last is None else (first[0], last[1])


def gregorian_to_hijri(day: date) -> tuple[int, int, int] | None:
    """(year, month, day) in the Hijri calendar, None out of range."""
    from hijridate import Gregorian

    try:
        hijri = Gregorian.fromdate(day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return hijri.year, hijri.month, hijri.day
