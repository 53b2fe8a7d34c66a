"""Datelines and bylines of scraped articles: the publication date and the author's name.

``parse_dateline`` reads the dates news sites print above or below a headline
(``الخميس، 27 أبريل 2017 03:53 م``, ``2017/04/27``, ``نشر في : 12 - 3 - 2016``,
``26 شوال 1436 هـ``) into ISO 8601; ``parse_byline`` takes the name out of a
credit line (``كتب : سها صلاح``, ``كتب - محمد الشرقاوي``, ``بقلم: ...``).
Month names come from :mod:`marsad.arabic.calendar`, so every naming system
(يناير، كانون الثاني، جانفي) and Arabic-Indic digits are understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from marsad.arabic.calendar import hijri_month_number, hijri_to_gregorian, month_number, weekday_number
from marsad.arabic.normalise import normalise_digits

_SEP = r"\s*([/\-.])\s*"
_YEAR_FIRST = re.compile(rf"(?<!\d)(\d{{4}}){_SEP}(\d{{1,2}})\s*\2\s*(\d{{1,2}})(?!\d)")
_DAY_FIRST = re.compile(rf"(?<!\d)(\d{{1,2}}){_SEP}(\d{{1,2}})\s*\2\s*(\d{{4}})(?!\d)")
# Day, one or two month words (optionally two names joined by '/'), year: 27 أبريل 2017, 8 ديسمبر / كانون الأول 2017.
_NAMED = re.compile(r"(?<!\d)(\d{1,2})\s+((?:[^\W\d_]+\s*){1,2}(?:/\s*(?:[^\W\d_]+\s*){1,2})?)[,،]?\s*(\d{4})(?!\d)")
_TIME = re.compile(
    r"(?<![\d:])(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*\d{2})?"
    r"(?:\s*(صباحا|صباحًا|صباحاً|مساء|مساءً|مساءا|ص|م|am|pm|a\.m\.|p\.m\.)(?![^\W\d_]))?",
    re.IGNORECASE,
)
_PM = frozenset({"م", "مساء", "مساءً", "مساءا", "pm", "p.m."})
_AM = frozenset({"ص", "صباحا", "صباحًا", "صباحاً", "am", "a.m."})
_HIJRI_MARK = re.compile(r"\s*(?:هـ|ه)(?![^\W\d_])")
_GREGORIAN_MARK = re.compile(r"\s*م(?![^\W\d_])")
# The word joining a Hijri date to its Gregorian equivalent (26 شوال 1436 هـ الموافق 11 أغسطس 2015 م).
_DATE_JOINER = re.compile(r"(?<![^\W\d_])الموافق(?![^\W\d_])")


@dataclass(frozen=True, slots=True)
class Dateline:
    """A date found in a line: ISO 8601 value and the words of the line around it."""

    published: str
    rest: str  # the line with the date and time taken out


def parse_dateline(line: str) -> Dateline | None:
    """The first calendar date in ``line`` (with its clock time when one is given), else None."""
    text = normalise_digits(line)
    found = _find_date(text)
    if found is None:
        return None
    day, spans = found
    rest = text
    for start, end in sorted(spans, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    if len(spans) > 1:
        rest = _DATE_JOINER.sub(" ", rest)
    published = day.isoformat()
    time = _TIME.search(rest)
    if time is not None:
        clock = _clock(time)
        if clock is not None:
            published += f"T{clock[0]:02d}:{clock[1]:02d}"
            rest = rest[: time.start()] + " " + rest[time.end() :]
    return Dateline(published, " ".join(rest.split()))


def is_clock_time(line: str) -> bool:
    """True when ``line`` is a clock time with at most two short words around it (``14:27 ت م``)."""
    text = normalise_digits(line)
    time = _TIME.search(text)
    if time is None or _clock(time) is None:
        return False
    rest = (text[: time.start()] + " " + text[time.end() :]).split()
    return len(rest) <= 2 and all(len(word) <= 3 for word in rest)


def _find_date(text: str) -> tuple[date, list[tuple[int, int]]] | None:
    """The first date of ``text`` and the spans of every date in it (all are dropped from the rest)."""
    candidates: list[tuple[bool, int, date, tuple[int, int]]] = []  # (is Hijri, start, date, span)
    for match in _NAMED.finditer(text):
        found = _named_date(int(match.group(1)), match.group(2), int(match.group(3)), text[match.end() :])
        if found is not None:
            era = (_HIJRI_MARK if found[1] else _GREGORIAN_MARK).match(text, match.end())
            span = (match.start(), era.end() if era else match.end())
            candidates.append((found[1], match.start(), found[0], span))
    for match in _YEAR_FIRST.finditer(text):
        day = _valid(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        if day is not None:
            candidates.append((False, match.start(), day, match.span()))
    for match in _DAY_FIRST.finditer(text):
        day = _valid(int(match.group(4)), int(match.group(3)), int(match.group(1)))
        if day is not None:
            candidates.append((False, match.start(), day, match.span()))
    if not candidates:
        return None
    # A Gregorian date wins over a Hijri one given beside it (26 شوال 1436 هـ الموافق 11 أغسطس 2015).
    _, _, day, _ = min(candidates, key=lambda candidate: candidate[:2])
    return day, [candidate[3] for candidate in candidates]


def _named_date(day: int, month_words: str, year: int, after: str) -> tuple[date, bool] | None:
    """The date and whether it was Hijri."""
    for name in month_words.split("/"):
        # Each alternative is a whole month name: 'أبريل', 'كانون الثاني'.
        candidate = " ".join(name.split())
        month = month_number(candidate)
        if month is not None:
            gregorian = _valid(year, month, day)
            return None if gregorian is None else (gregorian, False)
        hijri = hijri_month_number(candidate)
        if hijri is not None and _HIJRI_MARK.match(after):
            converted = hijri_to_gregorian(year, hijri, day)
            return None if converted is None else (converted, True)
    return None


def _valid(year: int, month: int, day: int) -> date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _clock(match: re.Match[str]) -> tuple[int, int] | None:
    hour, minute = int(match.group(1)), int(match.group(2))
    marker = (match.group(3) or "").lower()
    if marker in _PM and hour < 12:
        hour += 12
    elif marker in _AM and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def is_weekday(word: str) -> bool:
    """True for an Arabic weekday name (الخميس، يوم is not one)."""
    return weekday_number(word.strip("،,:-")) is not None


_BYLINE = re.compile(
    r"^\s*(?:(?P<writer>كتبت|كتبه|كتبها|كتب|بقلم الكاتبة|بقلم الكاتب|بقلم|posted by|written by|by)"
    r"(?![^\W\d_])\s*[:：\-–—ـ/]?"
    r"|(?P<role>إعداد|اعداد|تقرير|متابعة|ترجمة|تحرير|حوار|تصوير|المحرر)\s*[:：\-–—ـ/])\s*(?P<name>.+?)\s*$",
    re.IGNORECASE,
)
# Where a name ends: a dash, bar, comma or slash between words ('محمد علي - القاهرة').
_NAME_END = re.compile(r"\s[-–—ـ|،,/]|[-–—|،,/]\s|[|،,:]")
MAX_NAME_WORDS = 5


def parse_byline(line: str) -> str | None:
    """The author's name in a credit line (``كتب : سها صلاح`` gives ``سها صلاح``), else None."""
    match = _BYLINE.match(line)
    if match is None:
        return None
    return person_name(match.group("name"))


def credit_parts(line: str) -> list[str] | None:
    """The parts of a bare credit line ``NAME - PLACE`` (``طلال عبدالله ـ القاهرة``), else None.

    Only short lines of two or three short dash-separated parts count; the caller
    decides where such a line may stand (under a headline, not in the body) and
    which part is a person's name.
    """
    parts = [part.strip() for part in re.split(r"\s[-–—ـ]\s?|\s?[-–—ـ]\s", line) if part.strip()]
    if not 2 <= len(parts) <= 3 or any(len(part.split()) > 3 for part in parts):
        return None
    if any(char.isdigit() or char in ".:؟?!" for part in parts for char in part):
        return None
    return parts


def person_name(text: str) -> str | None:
    """``text`` as a name: cut at a dash, bar, comma or slash; at most five words, no digits."""
    end = _NAME_END.search(text)
    name = (text[: end.start()] if end else text).strip(" .:-–—ـ")
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or any(char.isdigit() for char in name):
        return None
    return " ".join(words)
