"""Time expressions resolved to dates.

Dates, years, months, seasons, decades, ranges, relative expressions and
durations are found on the token stream in one left-to-right pass. Only tokens
that can open an expression (a month name, a weekday, a number, اليوم ...) are
looked at; each parser reads a bounded number of tokens from there, so the work
is linear in the length of the text. The words are data
(``marsad/data/time_words.json``, ``months.json``, ``hijri_months.json``,
``weekdays.json``), matched on normalised forms with their proclitics
(وفي العام، بالأمس، للعام).

Values are the first and last day covered (ISO dates). Expressions that need the
document's date (أمس، الشهر الماضي، 27 أبريل without a year) are ``relative``
and resolved against ``doc.meta.reference_date``; without one their values
are null. Weeks run from Sunday to Saturday, as in most Arab countries.
"""

from __future__ import annotations

import calendar as gregorian
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from marsad.arabic import calendar
from marsad.arabic.normalise import normalise
from marsad.arabic.numbers import number_word_value
from marsad.arabic.tokens import iter_tokens, surface_offset
from marsad.document import NUMBER, Document, TimeExpression, Token
from marsad.pipeline import component
from marsad.settings import Settings

DAY = "day"
WEEK = "week"
MONTH = "month"
SEASON = "season"
YEAR = "year"
DECADE = "decade"
RANGE = "range"
DATE = "date"
DURATION = "duration"

_CLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
# Years a bare four-digit number may be (in a date context); Hijri years need هـ.
_GREGORIAN_YEARS = range(1900, 2101)
_NAMED_YEARS = range(1000, 2200)
_HIJRI_YEARS = range(1300, 1501)
# Hijri years written without هـ after عام (عام 1436): far more common in the
# Gulf press than a Gregorian year of the fifteenth century.
_UNMARKED_HIJRI_YEARS = range(1400, 1501)
_NUMERIC_DATE_SEPARATORS = frozenset("/-.")
_USABLE_REFERENCE_YEARS = range(1000, 9000)
_LONGEST_TRAILING_DAYS = 365 * 200
_LONGEST_PERIOD_CHAIN = 3  # الأيام والأسابيع والأشهر الماضية
_FUTURE_WINDOW = 8  # tokens looked back for a future verb before a bare weekday
_SUNDAY = 6  # date.weekday() of the first day of the week


@dataclass(frozen=True, slots=True)
class _Hit:
    """A lexicon phrase found at a token: its value, proclitic length and next token."""

    value: Any
    prefix: int
    stop: int


@dataclass(frozen=True, slots=True)
class _Lexicon:
    tables: dict[str, dict[str, Any]]  # class -> normalised phrase -> value
    prefixed: dict[str, dict[str, tuple[Any, int]]]  # class -> first word with proclitic -> (value, prefix)
    longest: dict[str, int]
    first_words: dict[str, frozenset[str]]  # a word that can open a phrase -> its classes
    values: dict[str, Any]  # vague counts, unit lengths and word lists used whole


def _words(form: str) -> str:
    return " ".join(normalise(word) for word in form.split())


def _read(name: str) -> Any:
    return json.loads(resources.files("marsad.data").joinpath(name).read_text(encoding="utf-8"))


@cache
def _lexicon() -> _Lexicon:
    data = _read("time_words.json")
    months, hijri, weekdays = _read("months.json"), _read("hijri_months.json"), _read("weekdays.json")

    def numbered(table: dict[str, list[str]]) -> dict[str, int]:
        return {_words(form): int(key) for key, forms in table.items() if not key.startswith("_") for form in forms}

    def keyed(table: dict[str, list[str]]) -> dict[str, str]:
        return {_words(form): key for key, forms in table.items() if not key.startswith("_") for form in forms}

    def flat(forms: list[str]) -> dict[str, bool]:
        return {_words(form): True for form in forms}

    units: dict[str, tuple[str, str]] = {}
    for unit, kinds in data["units"].items():
        for kind, forms in kinds.items():
            units.update({_words(form): (unit, kind) for form in forms})
    seasons = {
        _words(form): (name, tuple(season["months"]), form.startswith("ال"))
        for name, season in data["seasons"].items()
        for form in season["forms"]
    }
    tables: dict[str, dict[str, Any]] = {
        "month": numbered(months),
        "hijri_month": numbered(hijri),
        "weekday": numbered(weekdays),
        "relative_day": numbered(data["relative_days"]),
        "day_part": flat(data["day_parts"]),
        "day_word": flat(data["day_word"]),
        "this": flat(data["this"]),
        "period": keyed(data["periods"]) | {_words(f): "decade" for f in data["period_singular_spans"]["decade"]},
        "period_plural": keyed(data["period_plurals"]),
        "period_dual": keyed(data["period_duals"]),
        "modifier": numbered(data["modifiers"]),
        "last_modifier": flat(data["last_modifiers"]),
        "part": keyed(data["parts"]),
        "season": seasons,
        "season_word": flat(data["season_word"]),
        "decade": numbered(data["decades"]),
        "century": numbered(data["centuries"]),
        "quarter_word": flat(data["quarter_word"]),
        "quarter": numbered(data["quarters"]),
        "year_word": flat(data["year_words"]),
        "year_pair_word": flat(data["year_pair_words"]),
        "month_word": flat(data["month_word"]),
        "gregorian_mark": flat(data["gregorian_marks"]),
        "hijri_mark": flat(data["hijri_marks"]),
        "aligned": flat(data["aligned_words"]),
        "unit": units,
        "hedge": flat(data["duration_hedges"]),
        "lead": flat(data["duration_leads"]),
        "between": flat(data["range_openers"]["between"]),
        "from": flat(data["range_openers"]["from"]),
        "and": flat(data["range_joiners"]["between"]),
        "to": flat(data["range_joiners"]["from"]),
        "ordinal_day": numbered(data["ordinal_days"]),
        "teen_head": numbered(data["teen_heads"]),
        "one": flat(data["one"]),
        "one_or_whole": flat(data["one"] + data["whole"]),  # شهر كامل is a duration too
        "few": flat(data["few"]),
        "future_cue": flat(data["future_cues"]),
        "article": flat(data["detached_article"]),
        "not_today_before": flat(data["not_today_before"]),
        "not_today_after": flat(data["not_today_after"]),
        "weekday_blocker_before": flat(data["weekday_blockers_before"]),
        "weekday_blocker_after": flat(data["weekday_blockers_after"]),
        "date_context": flat(data["date_contexts"]),
        "since": flat(data["since"]),
        "year_context": flat(data["year_contexts"]),
    }
    # Classes whose first word may carry a proclitic (وفي العام، بالأمس، للعام).
    with_clitics = (
        "month", "hijri_month", "weekday", "relative_day", "day_part", "day_word", "this", "period",
        "period_plural", "period_dual", "part", "season", "season_word", "decade", "year_word",
        "year_pair_word", "month_word", "unit", "hedge", "between", "from", "to", "quarter_word",
    )  # fmt: skip
    ambiguous = {_words(form) for form in data["ambiguous_months"]}
    prefixed: dict[str, dict[str, tuple[Any, int]]] = {}
    for name in with_clitics:
        variants: dict[str, tuple[Any, int]] = {}
        for phrase, value in tables[name].items():
            first, _, rest = phrase.partition(" ")
            if first in ambiguous or len(first) < 2:
                continue
            forms = [(clitic + first, len(clitic)) for clitic in _CLITICS]
            if first.startswith("ال"):
                # ل + ال is written لل (للعام): the span keeps both, as the article is not separable.
                forms += [(clitic + "ل" + first[1:], len(clitic)) for clitic in ("", "و", "ف")]
            for form, length in forms:
                variants.setdefault(" ".join(filter(None, (form, rest))), (value, length))
        prefixed[name] = variants
    openers = (
        "month", "hijri_month", "weekday", "relative_day", "day_part", "day_word", "this", "period",
        "period_plural", "period_dual", "part", "season", "season_word", "decade", "year_word",
        "year_pair_word", "month_word", "unit", "ordinal_day", "article", "quarter_word",
    )  # fmt: skip
    first_words: dict[str, set[str]] = {}
    for name in openers:
        for phrase in (*tables[name], *prefixed.get(name, ())):
            first_words.setdefault(phrase.partition(" ")[0], set()).add(name)
    return _Lexicon(
        tables=tables,
        prefixed=prefixed,
        longest={name: max((p.count(" ") + 1 for p in table), default=1) for name, table in tables.items()},
        first_words={word: frozenset(names) for word, names in first_words.items()},
        values={
            "ambiguous": frozenset(ambiguous),
            **data["vague_counts"],
            "unit_days": data["unit_days"],
            "not_future": tuple(normalise(stem) for stem in data["not_future_stems"]),
        },
    )


@dataclass(frozen=True, slots=True)
class _Match:
    """A time expression found on tokens ``first:stop``, before it becomes a record."""

    first: int
    stop: int
    start: int
    end: int
    span: tuple[date, date] | None
    granularity: str
    relative: bool = False
    kind: str = DATE
    duration_days: float | None = None
    clitic: str = ""  # proclitic on the first token, outside the span (و of ومارس)
    floating: tuple[int, int | None, int | None] | None = None  # month, day, weekday of a year-less date


class _Reader:
    """The tokens of one document and the parsers that read them."""

    def __init__(self, text: str, tokens: Sequence[Token], reference: date | None) -> None:
        self.text = text
        self.tokens = tokens
        self.norms = [token.norm for token in tokens]
        # Relative arithmetic needs room on both sides of the reference date.
        self.reference = reference if reference is not None and reference.year in _USABLE_REFERENCE_YEARS else None
        self.lexicon = _lexicon()
        self.floor = 0  # first token not yet covered by an expression

    # --- token access -------------------------------------------------
    def norm(self, i: int) -> str:
        return self.norms[i] if 0 <= i < len(self.norms) else ""

    def touching(self, i: int) -> bool:
        """True when token ``i`` directly follows token ``i - 1`` (no space)."""
        return 0 < i < len(self.tokens) and self.tokens[i - 1].end == self.tokens[i].start

    def lookup(self, name: str, i: int, *, clitics: bool = True) -> _Hit | None:
        """The longest phrase of class ``name`` starting at token ``i``."""
        if not 0 <= i < len(self.norms):
            return None
        table = self.lexicon.tables[name]
        variants = self.lexicon.prefixed.get(name) if clitics else None
        for size in range(min(self.lexicon.longest[name], len(self.norms) - i), 0, -1):
            phrase = " ".join(self.norms[i : i + size])
            if phrase in table:
                return _Hit(table[phrase], 0, i + size)
            if variants and phrase in variants:
                value, prefix = variants[phrase]
                return _Hit(value, prefix, i + size)
        return None

    def lookup_ending(self, name: str, stop: int) -> tuple[int, _Hit] | None:
        """A phrase of class ``name`` ending just before token ``stop``: (its first token, hit)."""
        for size in range(self.lexicon.longest[name], 0, -1):
            hit = self.lookup(name, stop - size)
            if hit is not None and hit.stop == stop:
                return stop - size, hit
        return None

    def start_of(self, i: int, prefix: int = 0) -> int:
        token = self.tokens[i]
        return token.start + surface_offset(self.text[token.start : token.end], prefix)

    def end_of(self, stop: int) -> int:
        return self.tokens[stop - 1].end

    def match(self, first: int, stop: int, span: tuple[date, date] | None, granularity: str, **fields: Any) -> _Match:
        prefix = fields.pop("prefix", 0)
        return _Match(
            first, stop, self.start_of(first, prefix), self.end_of(stop), span, granularity,
            clitic=self.norms[first][:prefix], **fields,
        )  # fmt: skip

    # --- numbers --------------------------------------------------------
    def integer(self, i: int, digits: range) -> int | None:
        """The value of token ``i`` if it is a plain number of ``digits`` digits."""
        norm = self.norm(i)
        if len(norm) in digits and norm.isascii() and norm.isdigit() and self.tokens[i].kind == NUMBER:
            return int(norm)
        return None

    def day_number(self, i: int) -> int | None:
        day = self.integer(i, range(1, 3))
        return day if day is not None and 1 <= day <= 31 else None

    def year_number(self, i: int) -> tuple[int, int, bool] | None:
        """(year, next token, hijri) for a four-digit year with an optional era mark (2016م، 1436هـ)."""
        year = self.integer(i, range(4, 5))
        if year is None:
            return None
        if (mark := self.lookup("hijri_mark", i + 1, clitics=False)) and year in _HIJRI_YEARS:
            return year, mark.stop, True
        if mark := self.lookup("gregorian_mark", i + 1, clitics=False):
            return year, mark.stop, False
        return year, i + 1, False

    # --- the scan -----------------------------------------------------
    def scan(self) -> list[_Match]:
        found: list[_Match] = []
        first_words = self.lexicon.first_words
        no_classes: frozenset[str] = frozenset()
        openers = [
            (i, first_words.get(norm, no_classes), token.kind == NUMBER)
            for i, (norm, token) in enumerate(zip(self.norms, self.tokens))
            if norm in first_words or token.kind == NUMBER
        ]
        for i, classes, number in openers:
            if i < self.floor:
                continue
            best = self.best_at(i, classes, number)
            if best is not None:
                found.append(best)
                self.floor = best.stop
        return _join_ranges(self, found)

    def best_at(self, i: int, classes: frozenset[str], number: bool) -> _Match | None:
        candidates = [parse(self, i) for parse in _parsers_for(classes, number)]
        found = [m for m in candidates if m is not None and m.first >= self.floor]
        return max(found, key=lambda m: (m.stop, -m.first), default=None)


# --- resolution helpers ---------------------------------------------------


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, gregorian.monthrange(year, month)[1])


def _year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _shift_months(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_MONTHS_PER_UNIT = {MONTH: 1, YEAR: 12, DECADE: 120}


def _moved(reference: date, count: float, unit: str, sign: int) -> date:
    """``reference`` moved ``count`` units back (sign -1) or forward (+1); months and years by the calendar."""
    if unit in _MONTHS_PER_UNIT:
        year, month = _shift_months(reference.year, reference.month, sign * round(count * _MONTHS_PER_UNIT[unit]))
        return date(year, month, min(reference.day, gregorian.monthrange(year, month)[1]))
    return reference + sign * timedelta(days=count * _lexicon().values["unit_days"][unit])


def _period_span(reference: date, unit: str, offset: int) -> tuple[date, date]:
    """The calendar week, month or year ``offset`` periods from the one holding ``reference``."""
    if unit == WEEK:
        start = reference - timedelta(days=(reference.weekday() - _SUNDAY) % 7) + timedelta(weeks=offset)
        return start, start + timedelta(days=6)
    if unit == MONTH:
        return _month_span(*_shift_months(reference.year, reference.month, offset))
    return _year_span(reference.year + offset)


def _nearest_day(
    reference: date, month: int, day: int | None, weekday: int | None, *, past: bool = False
) -> tuple[date, date] | None:
    """The occurrence of a year-less date or month nearest to ``reference``.

    A weekday given with it picks the years where the date falls on that day;
    ``past`` (after منذ) keeps occurrences that began by the reference date.
    """
    candidates: list[tuple[date, date]] = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        if day is None:
            candidates.append(_month_span(year, month))
        elif (when := _safe_date(year, month, day)) is not None:
            candidates.append((when, when))
    if weekday is not None:
        candidates = [c for c in candidates if c[0].isoweekday() == weekday] or candidates
    if past:
        candidates = [c for c in candidates if c[0] <= reference] or candidates
    if not candidates:
        return None
    return min(candidates, key=lambda c: (abs((c[0] - reference).days), c[0] > reference))


def _month_by_modifier(reference: date, month: int, offset: int) -> tuple[date, date]:
    """مارس الماضي: the last March before this month; المقبل: the next; الجاري: this year's."""
    year = reference.year
    if offset < 0:
        year -= month >= reference.month
    elif offset > 0:
        year += month <= reference.month
    return _month_span(year, month)


def _season_span(year: int, months: tuple[int, ...]) -> tuple[date, date]:
    """A season of ``year``; winter runs from December of the year before."""
    first_year = year - 1 if months[0] > months[-1] else year
    return date(first_year, months[0], 1), _month_span(year, months[-1])[1]


def _season_by_modifier(reference: date, months: tuple[int, ...], offset: int) -> tuple[date, date]:
    spans = [_season_span(year, months) for year in range(reference.year - 2, reference.year + 3)]
    if offset < 0:
        return max(s for s in spans if s[1] < reference)
    if offset > 0:
        return min(s for s in spans if s[0] > reference)
    return min(spans, key=lambda s: 0 if s[0] <= reference <= s[1] else abs((s[0] - reference).days))


def _weekday_near(reference: date, weekday: int, offset: int, *, today: bool = False) -> date:
    """The weekday on or before ``reference`` (offset 0), before (-1) or after (+1) it.

    ``today`` lets the reference date itself count for offset +1 (سيعقد الاجتماع الأحد, said on a Sunday).
    """
    back = (reference.isoweekday() - weekday) % 7
    if offset < 0:
        return reference - timedelta(days=back or 7)
    if offset > 0:
        ahead = (weekday - reference.isoweekday()) % 7
        return reference + timedelta(days=ahead or (0 if today else 7))
    return reference - timedelta(days=back)


def _part_of(span: tuple[date, date], part: str, granularity: str) -> tuple[date, date]:
    """The early, middle or late third of a period (whole months for years and longer)."""
    start, end = span
    if granularity in (YEAR, DECADE, SEASON):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        third = max(months // 3, 1)
        if part == "early":
            return start, _month_span(*_shift_months(start.year, start.month, third - 1))[1]
        if part == "late":
            return date(*_shift_months(end.year, end.month, 1 - third), 1), end
        return (
            date(*_shift_months(start.year, start.month, third), 1),
            _month_span(*_shift_months(end.year, end.month, -third))[1],
        )
    days = (end - start).days + 1
    third = max(days // 3, 1)
    if part == "early":
        return start, start + timedelta(days=third - 1)
    if part == "late":
        return end - timedelta(days=third - 1), end
    return start + timedelta(days=third), end - timedelta(days=third)


# --- parsers ----------------------------------------------------------------


def _month_group(r: _Reader, i: int, name: str) -> tuple[int, int, int, bool] | None:
    """A month name with its optional equivalent (يناير/كانون الثاني، حزيران (يونيو)).

    Returns (month, proclitic length, next token, ambiguous) where ambiguous
    means every name used could be an ordinary word (ماي، آب).
    """
    opened = r.norm(i) == "("
    hit = r.lookup(name, i + opened)
    if hit is None or (opened and r.norm(hit.stop) != ")"):
        return None
    ambiguous_names = r.lexicon.values["ambiguous"]
    ambiguous = r.norm(i + opened) in ambiguous_names
    stop = hit.stop + opened
    j = stop + (r.norm(stop) in ("/", "-", "–", "\\"))
    inner = r.norm(j) == "("
    alternative = r.lookup(name, j + inner, clitics=False)
    if alternative is not None and alternative.value == hit.value and (not inner or r.norm(alternative.stop) == ")"):
        stop = alternative.stop + inner
        ambiguous = ambiguous and r.norm(j + inner) in ambiguous_names
    return hit.value, 0 if opened else hit.prefix, stop, ambiguous


@dataclass(frozen=True, slots=True)
class _YearPart:
    year: int | None  # None when given by a modifier
    offset: int | None  # الماضي -> -1 ... for the month itself
    year_offset: int | None  # من العام الماضي -> -1
    stop: int


def _year_after_month(r: _Reader, j: int) -> _YearPart | None:
    """What follows a month: 2017، من عام 2017، من العام الماضي، الماضي."""
    k = j + (r.norm(j) in (",", "،"))
    k += r.norm(k) == "من"
    if (word := r.lookup("year_word", k, clitics=False)) is not None:
        k = word.stop
        if (modifier := r.lookup("modifier", k, clitics=False)) is not None and r.norm(k - 1) in ("العام", "السنه"):
            return _YearPart(None, None, modifier.value, modifier.stop)
    if (number := r.year_number(k)) is not None and number[0] in _NAMED_YEARS:
        return _YearPart(number[0], None, None, number[1])
    if (this := r.lookup("this", k)) is not None and r.lookup("year_word", this.stop, clitics=False):
        return _YearPart(None, None, 0, this.stop + 1)
    if (modifier := r.lookup("modifier", j, clitics=False)) is not None:
        return _YearPart(None, modifier.value, None, modifier.stop)
    return None


def _absolute(r: _Reader, i: int, weekday: int | None = None) -> _Match | None:
    """Dates with a month name: 27 أبريل 2017، الخامس من يناير، مارس الماضي، 15 رمضان 1438 هـ."""
    j = i + (r.lookup("article", i, clitics=False) is not None)
    days: tuple[int, int] | None = None
    prefix = 0
    if (day := r.day_number(j)) is not None:
        days, j = (day, day), j + 1
        joiner = r.lookup("to", j, clitics=False) or r.lookup("and", j, clitics=False)
        if joiner is not None and (last := r.day_number(joiner.stop)) is not None and last > day:
            days, j = (day, last), joiner.stop + 1
    elif (ordinal := r.lookup("ordinal_day", j, clitics=False)) is not None:
        days, j = (ordinal.value, ordinal.value), ordinal.stop
        if r.norm(j) != "من":
            return None
    if days is not None:
        j += r.norm(j) == "من"
    named = r.lookup("month_word", j)
    if named is not None:
        prefix = named.prefix if days is None else prefix
        j = named.stop
    for name, hijri in (("month", False), ("hijri_month", True)):
        group = _month_group(r, j, name)
        if group is not None:
            break
    else:
        return _day_of_relative_month(r, i, j, days) if days is not None else None
    month, month_prefix, stop, ambiguous = group
    if days is None and named is None:
        prefix = month_prefix
    part = _year_after_month(r, stop)
    if hijri:
        return _hijri_date(r, i, prefix, month, days, part, stop, named is not None)
    if days is None and part is None and named is None:
        # A month name alone needs a date word before it (في مارس); ماي، آب need شهر.
        if ambiguous or r.lookup_ending("date_context", i) is None:
            return None
    stop = part.stop if part is not None else stop
    fields: dict[str, Any] = {"prefix": prefix}
    if part is None:
        fields["floating"] = (month, days[0] if days else None, weekday)
    if part is not None and part.year is not None:
        span = _month_span(part.year, month)
    elif r.reference is None:
        span = None
        fields["relative"] = True
    elif part is not None and part.offset is not None:
        span = _month_by_modifier(r.reference, month, part.offset)
        fields["relative"] = True
    elif part is not None and part.year_offset is not None:
        span = _month_span(r.reference.year + part.year_offset, month)
        fields["relative"] = True
    else:
        fields["relative"] = True
        past = r.lookup_ending("since", i) is not None
        span = _nearest_day(r.reference, month, days[0] if days else None, weekday, past=past)
        if span is not None and days is not None:
            span = (span[0], span[0] + timedelta(days=days[1] - days[0]))
    if days is None:
        return r.match(i, stop, span, MONTH, **fields)
    if span is not None:
        first, last = _safe_date(span[0].year, month, days[0]), _safe_date(span[0].year, month, days[1])
        if first is None or last is None:
            return None
        span = (first, last)
    if days[0] == days[1]:
        return r.match(i, stop, span, DAY, **fields)
    return _with_opener(r, r.match(i, stop, span, RANGE, **fields))


def _with_opener(r: _Reader, found: _Match) -> _Match:
    """A range of days extended to the بين / من / الفترة من that opens it."""
    opener = r.lookup_ending("between", found.first) or r.lookup_ending("from", found.first)
    if opener is None:
        return found
    first, hit = opener
    return replace(found, first=first, start=r.start_of(first, hit.prefix), clitic=r.norm(first)[: hit.prefix])


def _hijri_date(
    r: _Reader,
    i: int,
    prefix: int,
    month: int,
    days: tuple[int, int] | None,
    part: _YearPart | None,
    stop: int,
    named: bool,
) -> _Match | None:
    """15 رمضان 1438 هـ، رمضان 1436، شهر رمضان الماضي (names alone need شهر or a modifier)."""
    if part is not None and part.year is not None:
        if part.year not in _HIJRI_YEARS:
            return None
        year, relative = part.year, False
    elif days is None and not named and (part is None or part.offset is None):
        return None
    elif r.reference is None:
        return r.match(i, part.stop if part else stop, None, DAY if days else MONTH, prefix=prefix, relative=True)
    else:
        this_year = calendar.gregorian_to_hijri(r.reference)
        if this_year is None:
            return None
        offset = part.offset if part is not None and part.offset is not None else 0
        year, relative = this_year[0], True
        if offset < 0:
            year -= month >= this_year[1]
        elif offset > 0:
            year += month <= this_year[1]
    stop = part.stop if part is not None else stop
    if days is None:
        month_span = calendar.hijri_month_span(year, month)
        return r.match(i, stop, month_span, MONTH, prefix=prefix, relative=relative) if month_span else None
    first = calendar.hijri_to_gregorian(year, month, days[0])
    last = calendar.hijri_to_gregorian(year, month, days[1])
    if first is None or last is None:
        return None
    return r.match(i, stop, (first, last), DAY if first == last else RANGE, prefix=prefix, relative=relative)


def _day_of_relative_month(r: _Reader, i: int, j: int, days: tuple[int, int]) -> _Match | None:
    """5 من الشهر الجاري، من 10 إلى 12 الشهر الماضي."""
    period = r.lookup("period", j, clitics=False)
    modifier = r.lookup("modifier", period.stop, clitics=False) if period is not None else None
    if period is None or period.value != MONTH or modifier is None:
        return None
    granularity = DAY if days[0] == days[1] else RANGE
    if r.reference is None:
        return r.match(i, modifier.stop, None, granularity, relative=True)
    start, _ = _period_span(r.reference, MONTH, modifier.value)
    first, last = _safe_date(start.year, start.month, days[0]), _safe_date(start.year, start.month, days[1])
    if first is None or last is None:
        return None
    found = r.match(i, modifier.stop, (first, last), granularity, relative=True)
    return found if granularity == DAY else _with_opener(r, found)


def _numeric(r: _Reader, i: int) -> _Match | None:
    """2017/4/27، ٢٧-٤-٢٠١٧، 27.4.2017، 15/10/1436هـ."""
    norm = r.norm(i)
    if norm.count(".") == 2:
        parts, stop = norm.split("."), i + 1
    else:
        separator = r.norm(i + 1)
        if separator not in _NUMERIC_DATE_SEPARATORS or r.norm(i + 3) != separator:
            return None
        spaced = separator == "/"  # 30 / 10 / 1436هـ
        if not spaced and not all(r.touching(k) for k in range(i + 1, i + 5)):
            return None
        parts, stop = [norm, r.norm(i + 2), r.norm(i + 4)], i + 5
    if not all(p.isascii() and p.isdigit() for p in parts):
        return None
    if len(parts[0]) == 4 and len(parts[1]) <= 2 and len(parts[2]) <= 2:
        year, month, day = int(parts[0]), int(parts[1]), int(parts[2])
    elif len(parts[2]) == 4 and len(parts[0]) <= 2 and len(parts[1]) <= 2:
        day, month, year = int(parts[0]), int(parts[1]), int(parts[2])
    else:
        return None
    if (mark := r.lookup("hijri_mark", stop, clitics=False)) is not None and year in _HIJRI_YEARS:
        stop, when = mark.stop, calendar.hijri_to_gregorian(year, month, day) if 1 <= month <= 12 else None
    elif year in _HIJRI_YEARS:
        when = calendar.hijri_to_gregorian(year, month, day) if 1 <= month <= 12 else None
    elif year in _GREGORIAN_YEARS:
        when = _safe_date(year, month, day)
        if (mark := r.lookup("gregorian_mark", stop, clitics=False)) is not None:
            stop = mark.stop
    else:
        return None
    return r.match(i, stop, (when, when), DAY) if when is not None else None


def _weekday(r: _Reader, i: int) -> _Match | None:
    """الجمعة، يوم الجمعة المقبل، الخميس 27 أبريل، يوم 8 ديسمبر."""
    day_word = r.lookup("day_word", i)
    j = day_word.stop if day_word is not None else i
    prefix = day_word.prefix if day_word is not None else 0
    hit = r.lookup("weekday", j)
    if hit is None:
        if day_word is None:
            return None
        date_after = _absolute(r, j)
        if date_after is None or date_after.granularity not in (DAY, RANGE):
            return None
        return replace(date_after, first=i, start=r.start_of(i, prefix), clitic=r.norm(i)[:prefix])
    prefix = hit.prefix if day_word is None else prefix
    if not r.norm(j)[hit.prefix :].startswith("ال") and (day_word is None or hit.prefix):
        return None  # أحد، جمعة without the article are weekdays only right after يوم
    if day_word is None:
        if r.lookup_ending("weekday_blocker_before", i) or r.lookup("weekday_blocker_after", hit.stop):
            return None
    k = hit.stop
    k = aligned.stop if (aligned := r.lookup("aligned", k, clitics=False)) else k
    k += r.norm(k) in (",", "،", "(")
    date_after = _absolute(r, k, hit.value)
    if date_after is not None and date_after.granularity == DAY:
        stop = date_after.stop + (r.norm(date_after.stop) == ")" and r.norm(k - 1) == "(")
        return replace(
            date_after, first=i, stop=stop, start=r.start_of(i, prefix), end=r.end_of(stop), clitic=r.norm(i)[:prefix]
        )
    modifier = r.lookup("modifier", hit.stop, clitics=False)
    offset = modifier.value if modifier is not None and abs(modifier.value) == 1 else 0
    stop = modifier.stop if offset else hit.stop
    if r.reference is None:
        return r.match(i, stop, None, DAY, prefix=prefix, relative=True)
    if offset:
        when = _weekday_near(r.reference, hit.value, offset)
    elif _future_before(r, i):
        when = _weekday_near(r.reference, hit.value, 1, today=True)
    else:
        when = _weekday_near(r.reference, hit.value, 0)
    return r.match(i, stop, (when, when), DAY, prefix=prefix, relative=True)


def _future_before(r: _Reader, i: int) -> bool:
    """True when the clause before token ``i`` speaks of the future (ستعيد، سيناقش، سوف، المقررة).

    A bare weekday is the last such day by default; after a future verb it is the next one.
    """
    cues = r.lexicon.tables["future_cue"]
    not_future = r.lexicon.values["not_future"]
    for k in range(i - 1, max(i - _FUTURE_WINDOW, 0) - 1, -1):
        norm = r.norm(k)
        if norm in (".", "?", "!", ":", ";"):
            return False
        if norm in cues:
            return True
        verb = norm[1:] if norm[:1] in ("و", "ف") else norm
        if len(verb) >= 5 and verb[:2] in ("سي", "ست", "سن") and not verb.startswith(not_future):
            return True
    return False


def _relative_day(r: _Reader, i: int) -> _Match | None:
    """اليوم، أمس، أول أمس، غدا، صباح اليوم، أمس الخميس، اليوم (الاثنين)."""
    part = r.lookup("day_part", i)
    j = part.stop if part is not None else i
    hit = r.lookup("relative_day", j)
    if hit is None:
        if part is None:
            return None
        after = _weekday(r, j) or _absolute(r, j)
        if after is None or after.first != j or after.granularity != DAY:
            return None
        return replace(after, first=i, start=r.start_of(i, part.prefix), clitic=r.norm(i)[: part.prefix])
    if r.lookup_ending("not_today_before", i) or (hit.value == 0 and r.lookup("not_today_after", hit.stop)):
        return None
    prefix = part.prefix if part is not None else hit.prefix
    stop = hit.stop
    opened = r.norm(stop) == "("
    if (weekday := r.lookup("weekday", stop + opened, clitics=False)) is not None:
        if not opened or r.norm(weekday.stop) == ")":
            stop = weekday.stop + opened
    if r.reference is None:
        return r.match(i, stop, None, DAY, prefix=prefix, relative=True)
    when = r.reference + timedelta(days=hit.value)
    return r.match(i, stop, (when, when), DAY, prefix=prefix, relative=True)


def _relative_period(r: _Reader, i: int) -> _Match | None:
    """الأسبوع الماضي، هذا العام، العام قبل الماضي، العقد الماضي، الأيام والأسابيع الماضية، العامين الماضيين."""
    this = r.lookup("this", i)
    j = this.stop if this is not None else i
    prefix = this.prefix if this is not None else 0
    if (period := r.lookup("period", j)) is not None:
        prefix = prefix if this is not None else period.prefix
        if this is not None:
            offset, stop = 0, period.stop
        elif (modifier := r.lookup("modifier", period.stop, clitics=False)) is not None:
            offset, stop = modifier.value, modifier.stop
        else:
            return None
        if period.value == DECADE:
            return _trailing(r, i, stop, prefix, 1, DECADE, offset) if offset else None
        span = _period_span(r.reference, period.value, offset) if r.reference else None
        return r.match(i, stop, span, period.value, prefix=prefix, relative=True)
    if this is not None:
        return _season(r, j, this_first=i) or _this_weekday(r, i, j, this.prefix)
    unit, count, stop = None, None, i
    for _ in range(_LONGEST_PERIOD_CHAIN):
        dual = r.lookup("period_dual", stop, clitics=stop == i)
        hit = r.lookup("period_plural", stop, clitics=stop == i or r.norm(stop).startswith("و")) or dual
        if hit is None:
            break
        if unit is None or _unit_rank(hit.value) > _unit_rank(unit):
            unit, count = hit.value, (2 if dual is not None else None)
        stop = hit.stop
        if dual is not None:
            break
    if unit is None:
        return None
    if count is None:
        stop += r.lookup("article", stop, clitics=False) is not None
        if (number := _count(r, stop)) is not None:
            count, stop = number
        elif (few := r.lookup("few", stop, clitics=False)) is not None:
            stop = few.stop
    modifier = r.lookup("modifier", stop, clitics=False)
    last = r.lookup("last_modifier", stop, clitics=False)
    if last is not None:
        offset, stop = -1, last.stop
    elif modifier is not None and abs(modifier.value) == 1:
        offset, stop = modifier.value, modifier.stop
    else:
        return None
    if count is None:
        count = r.lexicon.values[unit]
    first_hit = r.lookup("period_plural", i) or r.lookup("period_dual", i)
    return _trailing(r, i, stop, first_hit.prefix if first_hit else 0, count, unit, offset)


def _this_weekday(r: _Reader, i: int, j: int, prefix: int) -> _Match | None:
    """هذا الخميس: the day of the reference date's week."""
    hit = r.lookup("weekday", j, clitics=False)
    if hit is None or not r.norm(j).startswith("ال"):
        return None
    if r.reference is None:
        return r.match(i, hit.stop, None, DAY, prefix=prefix, relative=True)
    week_start, _ = _period_span(r.reference, WEEK, 0)
    when = week_start + timedelta(days=(hit.value - week_start.isoweekday()) % 7)
    return r.match(i, hit.stop, (when, when), DAY, prefix=prefix, relative=True)


def _unit_rank(unit: str) -> int:
    return ("minute", "hour", DAY, WEEK, MONTH, YEAR, DECADE).index(unit)


def _count(r: _Reader, i: int) -> tuple[float, int] | None:
    """A number in digits or words from token ``i`` (the article allowed: الأربع، الـ24، الإثني عشر)."""
    if i >= len(r.tokens):
        return None
    norm = r.norm(i)
    if r.tokens[i].kind == NUMBER:
        return (float(norm), i + 1) if norm.isascii() and norm.isdigit() else None
    value = _word_number(r, i)
    if value is None:
        return None
    following = number_word_value(r.norm(i + 1))
    if following is not None and (r.norm(i + 1).startswith("و") or (following == 10 and value < 10)):
        return value + following, i + 2
    return value, i + 1


def _word_number(r: _Reader, i: int) -> float | None:
    """The value of a number word, or of the head of a teen (أحد، اثنا، الإثني)."""
    norm = r.norm(i)
    value = number_word_value(norm)
    if value is not None:
        return value
    teen_heads = r.lexicon.tables["teen_head"]
    return teen_heads.get(norm[2:] if norm.startswith("ال") else norm)


def _trailing(r: _Reader, first: int, stop: int, prefix: int, count: float, unit: str, offset: int) -> _Match | None:
    """The last (or next) ``count`` units up to (or from) the reference date."""
    if count * r.lexicon.values["unit_days"][unit] > _LONGEST_TRAILING_DAYS:
        return None
    span = None
    if r.reference is not None:
        if offset < 0:
            span = (_moved(r.reference, count, unit, -1), r.reference)
        else:
            span = (r.reference, _moved(r.reference, count, unit, 1))
    return r.match(first, stop, span, RANGE, prefix=prefix, relative=True)


def _part(r: _Reader, i: int) -> _Match | None:
    """مطلع العام الجاري، أواخر الشهر الماضي، منتصف 2016، نهاية عام 2017، أوائل الثمانينيات."""
    hit = r.lookup("part", i)
    if hit is None:
        return None
    inner = [parse(r, hit.stop) for parse in (_absolute, _year, _relative_period, _season, _decade, _quarter)]
    found = [m for m in inner if m is not None and m.kind == DATE and m.first == hit.stop and not m.clitic]
    if not found:
        return None
    whole = max(found, key=lambda m: m.stop)
    if whole.granularity in (DAY, RANGE):
        return None
    span = _part_of(whole.span, hit.value, whole.granularity) if whole.span else None
    return replace(whole, first=i, start=r.start_of(i, hit.prefix), span=span, clitic=r.norm(i)[: hit.prefix])


def _year(r: _Reader, i: int) -> _Match | None:
    """عام 2016، العام 2017، في 2019، 2016م، 1436هـ، عامي 2015 و2016، بين 2014 و2016، 2015-2016."""
    word = r.lookup("year_word", i) or r.lookup("year_pair_word", i)
    j = word.stop if word is not None else i
    number = r.year_number(j)
    if number is None:
        return None
    year, stop, hijri = number
    marked = stop > j + 1
    if word is None and not marked:
        if year not in _GREGORIAN_YEARS or r.lookup_ending("year_context", i) is None:
            return _year_range(r, i)
        if r.norm(i + 1) in ("-", "–") and (dashed := _year_range(r, i)) is not None:
            return dashed
    elif word is not None and year not in _NAMED_YEARS:
        return None
    elif word is None and not hijri and year not in _GREGORIAN_YEARS:
        return None  # 3000 م is metres
    hijri = hijri or (word is not None and not marked and year in _UNMARKED_HIJRI_YEARS)
    prefix = word.prefix if word is not None else 0
    if word is not None and r.lookup("year_pair_word", i) is not None:
        joiner = r.lookup("and", stop, clitics=False)
        second = r.year_number(joiner.stop if joiner else stop)
        if second is None or (joiner is None and not r.norm(stop).startswith("و")) or second[0] <= year:
            return None
        return _years_match(r, i, second[1], prefix, year, second[0], hijri or second[2])
    span = calendar.hijri_year_span(year) if hijri else _year_span(year)
    return r.match(i, stop, span, YEAR, prefix=prefix) if span else None


def _year_range(r: _Reader, i: int) -> _Match | None:
    """Bare years joined as a range: بين 2014 و2016، من 2011 إلى 2014، 2015-2016."""
    year = r.integer(i, range(4, 5))
    opener = r.lookup_ending("between", i) or r.lookup_ending("from", i)
    dashed = r.norm(i + 1) in ("-", "–") and (r.touching(i + 1) or r.touching(i + 2))
    if year is None or (opener is None and not dashed):
        return None
    joiner = r.lookup("and", i + 1, clitics=False) or r.lookup("to", i + 1, clitics=False)
    k = joiner.stop if joiner is not None else i + 1
    second = r.year_number(k)
    if second is None or not 0 < second[0] - year <= 100:
        return None
    hijri = second[2] and year in _HIJRI_YEARS
    if not hijri and not (year in _GREGORIAN_YEARS and second[0] in _GREGORIAN_YEARS):
        return None
    found = _years_match(r, i, second[1], 0, year, second[0], hijri)
    return _with_opener(r, found) if found is not None and not dashed else found


def _years_match(r: _Reader, i: int, stop: int, prefix: int, first: int, last: int, hijri: bool) -> _Match | None:
    start = calendar.hijri_year_span(first) if hijri else _year_span(first)
    end = calendar.hijri_year_span(last) if hijri else _year_span(last)
    if start is None or end is None:
        return None
    return r.match(i, stop, (start[0], end[1]), RANGE, prefix=prefix)


def _season(r: _Reader, i: int, this_first: int | None = None) -> _Match | None:
    """الخريف الماضي، صيف 2017، شتاء العام الماضي، فصل الصيف المقبل، هذا الصيف، أوائل الخريف."""
    word = r.lookup("season_word", i)
    j = word.stop if word is not None else i
    hit = r.lookup("season", j, clitics=word is None)
    if hit is None:
        return None
    _, months, definite = hit.value
    first = this_first if this_first is not None else i
    prefix = (word or hit).prefix if this_first is None else r.lookup("this", first).prefix  # type: ignore[union-attr]
    stop = hit.stop
    year = offset = None
    relative = True
    if this_first is not None:
        offset = 0
    elif definite and (modifier := r.lookup("modifier", stop, clitics=False)) is not None:
        offset, stop = modifier.value, modifier.stop
    else:
        part = _year_after_month(r, stop)
        if part is None and definite and r.lookup_ending("part", first) is not None:
            offset = 0  # أوائل الخريف: the season of the reference date, or the next one
            part = _YearPart(None, None, None, stop)
        if part is None or part.offset is not None:
            return None
        stop = part.stop
        if part.year is not None:
            year, relative = part.year, False
        elif r.reference is not None:
            year = r.reference.year + (part.year_offset or 0)
    if year is not None:
        span: tuple[date, date] | None = _season_span(year, months)
    elif r.reference is not None and offset is not None:
        span = _season_by_modifier(r.reference, months, offset)
    else:
        span = None
    return r.match(first, stop, span, SEASON, prefix=prefix, relative=relative)


def _quarter(r: _Reader, i: int) -> _Match | None:
    """الربع الثاني، الربع الأول من العام الماضي، الربع الأخير من عام 2016 (a bare one is the last begun)."""
    word = r.lookup("quarter_word", i)
    number = r.lookup("quarter", word.stop, clitics=False) if word is not None else None
    if word is None or number is None:
        return None
    stop, first_month = number.stop, 3 * number.value - 2
    part = _year_after_month(r, stop)
    year_word = r.lookup("year_word", stop + 1, clitics=False) if r.norm(stop) == "من" else None
    if part is not None and part.year is not None:
        start = date(part.year, first_month, 1)
        return r.match(i, part.stop, (start, _month_span(part.year, first_month + 2)[1]), RANGE, prefix=word.prefix)
    if part is not None and part.offset is None:
        offset, stop = part.year_offset or 0, part.stop
    elif year_word is not None:
        offset, stop = 0, year_word.stop  # الربع الثاني من العام: of this year
    else:
        offset = None
    if r.reference is None:
        return r.match(i, stop, None, RANGE, prefix=word.prefix, relative=True)
    if offset is None:
        year = r.reference.year - (date(r.reference.year, first_month, 1) > r.reference)
    else:
        year = r.reference.year + offset
    span = (date(year, first_month, 1), _month_span(year, first_month + 2)[1])
    return r.match(i, stop, span, RANGE, prefix=word.prefix, relative=True)


def _decade(r: _Reader, i: int) -> _Match | None:
    """الثمانينيات، تسعينيات القرن الماضي، في السبعينات من القرن العشرين."""
    hit = r.lookup("decade", i)
    if hit is None:
        return None
    century = r.lookup("century", hit.stop, clitics=False)
    base = century.value if century is not None else 1900
    stop = century.stop if century is not None else hit.stop
    start = base + hit.value
    return r.match(i, stop, (date(start, 1, 1), date(start + 9, 12, 31)), DECADE, prefix=hit.prefix)


def _duration(r: _Reader, i: int) -> _Match | None:
    """Anchored on the unit, read backwards: 3 سنوات، أربعة أشهر، أكثر من سنتين، خمسة وعشرين عاما، لمدة عام.

    A number with the article and a modifier after the unit is a trailing period
    (الأربع سنوات الماضية، الـ24 ساعة الماضية).
    """
    hit = r.lookup("unit", i)
    if hit is None or r.year_number(hit.stop) is not None:
        return None
    unit, form = hit.value
    first, count, definite = i, None, False
    if form == "two":
        count = 2.0
    elif not hit.prefix and (number := _count_before(r, i)) is not None:
        count, first, definite = number
    if count is None and form != "one":
        return None
    hedge = r.lookup_ending("hedge", first)
    if hedge is not None:
        first = hedge[0]
    elif count is None and r.lookup_ending("lead", first) is None and r.lookup("one_or_whole", i + 1) is None:
        return None
    if count is None and r.norm(first - 1) == "بعد" and r.lookup("unit", first - 2) is not None:
        return None  # يوما بعد يوم، عاما بعد عام
    if first < r.floor:
        return None
    stop = hit.stop
    if count is None and r.lookup("one", stop, clitics=False) is not None:
        count, stop = 1.0, stop + 1  # يوم واحد
    count = 1.0 if count is None else count
    if definite:
        modifier = r.lookup("modifier", stop, clitics=False) or r.lookup("last_modifier", stop, clitics=False)
        offset = 0 if modifier is None else -1 if modifier.value is True else modifier.value
        if abs(offset) == 1:
            return _trailing(r, first, modifier.stop, 0, count, unit, offset)  # type: ignore[union-attr]
    days = count * r.lexicon.values["unit_days"][unit]
    granularity = DAY if unit in ("hour", "minute") else unit
    if hedge is not None:
        prefix = hedge[1].prefix
    elif first == i:
        prefix = hit.prefix
    else:
        prefix = _number_clitic(r.norm(first))
    return r.match(first, stop, None, granularity, kind=DURATION, duration_days=days, prefix=prefix)


def _number_clitic(norm: str) -> int:
    """Length of the proclitic on a number word (لخمسة -> 1), 0 when it has none."""
    value = number_word_value(norm)
    for clitic in sorted(_CLITICS, key=len, reverse=True):
        if norm.startswith(clitic) and number_word_value(norm[len(clitic) :]) == value is not None:
            return len(clitic)
    return 0


def _count_before(r: _Reader, i: int) -> tuple[float, int, bool] | None:
    """The number just before token ``i``: (value, first token, has the article)."""
    k = i - 1
    if k < 0:
        return None
    norm = r.norm(k)
    if r.tokens[k].kind == NUMBER:
        try:
            value = float(norm.replace(",", ""))
        except ValueError:
            return None
        definite = r.lookup("article", k - 1, clitics=False) is not None
        return value, k - definite, definite
    value = number_word_value(norm)
    if value is None:
        return None
    first = k
    head = _word_number(r, k - 1) if k > 0 else None
    if head is not None and (norm.startswith("و") or (value == 10 and head < 10)):
        value, first = value + head, k - 1
    elif value >= 1000 and r.tokens[k - 1].kind == NUMBER and (digits := _count(r, k - 1)) is not None:
        value, first = value * digits[0], k - 1  # 125 مليون عام
    return value, first, r.norm(first).startswith("ال")


@cache
def _parsers_for(classes: frozenset[str], number: bool) -> tuple[Any, ...]:
    return tuple(
        _PARSERS[name]
        for name in _PARSER_ORDER
        if _TRIGGERS[name] & classes or (number and name in _NUMBER_PARSERS)
    )


_PARSERS = {
    "absolute": _absolute,
    "weekday": _weekday,
    "relative_day": _relative_day,
    "relative_period": _relative_period,
    "part": _part,
    "year": _year,
    "season": _season,
    "decade": _decade,
    "quarter": _quarter,
    "duration": _duration,
    "numeric": _numeric,
}
_PARSER_ORDER = tuple(_PARSERS)
_TRIGGERS = {
    "absolute": frozenset({"month", "hijri_month", "ordinal_day", "month_word", "article"}),
    "weekday": frozenset({"weekday", "day_word"}),
    "relative_day": frozenset({"relative_day", "day_part"}),
    "relative_period": frozenset({"period", "period_plural", "period_dual", "this"}),
    "part": frozenset({"part"}),
    "year": frozenset({"year_word", "year_pair_word"}),
    "season": frozenset({"season", "season_word"}),
    "decade": frozenset({"decade"}),
    "quarter": frozenset({"quarter_word"}),
    "duration": frozenset({"unit"}),
    "numeric": frozenset(),
}
_NUMBER_PARSERS = frozenset({"absolute", "year", "numeric"})


def _join_ranges(r: _Reader, found: list[_Match]) -> list[_Match]:
    """Join two dates into a range: بين أغسطس 2016 ومارس 2017، من عام 2016 إلى عام 2019."""
    joined: list[_Match] = []
    k = 0
    while k < len(found):
        first = found[k]
        second = found[k + 1] if k + 1 < len(found) else None
        both = _range(r, first, second) if second is not None else None
        if both is not None:
            joined.append(both)
            k += 2
        else:
            joined.append(first)
            k += 1
    return joined


def _range(r: _Reader, first: _Match, second: _Match) -> _Match | None:
    """Two dates as one range when بين/من opens the first and و/إلى joins them.

    A first date without a year takes the year of the second (بين نوفمبر ومارس 2017).
    """
    if first.kind != DATE or second.kind != DATE or RANGE in (first.granularity, second.granularity):
        return None
    if first.clitic:
        return None
    opener = r.lookup_ending("between", first.first)
    kind = "and"
    if opener is None:
        opener, kind = r.lookup_ending("from", first.first), "to"
    if opener is None:
        return None
    if second.first == first.stop:
        if kind != "and" or not second.clitic.startswith("و"):
            return None
    else:
        joiner = r.lookup(kind, first.stop)
        if joiner is None or joiner.stop != second.first or second.clitic:
            return None
    start_span = first.span
    inherited = first.floating is not None and second.span is not None and not second.relative
    if inherited:
        month, day, _ = first.floating  # type: ignore[misc]
        year = second.span[0].year - (month > second.span[0].month)  # type: ignore[index]
        when = _safe_date(year, month, day) if day is not None else None
        start_span = _month_span(year, month) if day is None else ((when, when) if when else None)
    span = (start_span[0], second.span[1]) if start_span is not None and second.span is not None else None
    if span is not None and span[0] > span[1]:
        return None
    relative = second.relative or (first.relative and not inherited)
    opener_first, opener_hit = opener
    return replace(
        first,
        first=opener_first,
        stop=second.stop,
        start=r.start_of(opener_first, opener_hit.prefix),
        end=second.end,
        span=span,
        granularity=RANGE,
        relative=relative,
        clitic=r.norm(opener_first)[: opener_hit.prefix],
        floating=None,
    )


def reference_date(value: str | None) -> date | None:
    """The date part of an ISO date or datetime string, None when absent or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_times(
    text: str, reference: date | None = None, tokens: Sequence[Token] | None = None
) -> list[TimeExpression]:
    """Time expressions of ``text``, relative ones resolved against ``reference``."""
    reader = _Reader(text, list(iter_tokens(text)) if tokens is None else tokens, reference)
    return [_record(m) for m in reader.scan()]


def _record(m: _Match) -> TimeExpression:
    span = m.span
    return TimeExpression(
        m.start,
        m.end,
        value_start=span[0].isoformat() if span else None,
        value_end=span[1].isoformat() if span else None,
        granularity=m.granularity,
        relative=m.relative,
        kind=m.kind,
        duration_days=m.duration_days,
    )


def infer_not_before(times: Sequence[TimeExpression]) -> str | None:
    """The earliest day a document with no stated date can have been written, from the absolute dates it names.

    A report speaks of the periods it names as past or present, so it was
    written no earlier than the start of the latest one: a text naming 2024
    and "last year" is from 2024 or later (perhaps 2025). A range counts by
    its last period ("from 2016 to 2019": 2019 or later). Relative
    expressions are left out: they need the publication date that is
    missing. It is a lower bound, not an estimate: a text may be written
    years after the latest date it names, and a date announced ahead (a
    scheduled election) would put it too late.
    """
    return max((_last_period_start(t) for t in times if t.kind == DATE and not t.relative and t.value_start), default=None)


def _last_period_start(time: TimeExpression) -> str:
    """The first day of the latest period a date names: its own start, or for a range that of its last year, month or day."""
    assert time.value_start is not None
    if time.granularity != RANGE or time.value_end is None:
        return time.value_start
    first, last = date.fromisoformat(time.value_start), date.fromisoformat(time.value_end)
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        last_period = date(last.year, 1, 1)
    elif first.day == 1 and (last + timedelta(days=1)).day == 1:
        last_period = date(last.year, last.month, 1)
    else:
        last_period = last
    return max(first, last_period).isoformat()


@component("times", assigns="times", requires=("tokens",))
def find_times(doc: Document, settings: Settings) -> list[TimeExpression]:
    reference = reference_date(doc.meta.reference_date) or reference_date(settings.reference_date)
    return parse_times(doc.text, reference, doc.tokens or None)
