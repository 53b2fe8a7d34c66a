"""Quantities: Arabic figures in digits and words, resolved to values.

One pass over the tokens (``Token.norm``) with a small look-ahead at each
number or number word; no backtracking regexes, so the work is linear in the
text. The word tables are data (``number_words.json``, ``units.json``,
``counted_nouns.json`` in ``marsad/data``), loaded on first use.

What a :class:`~marsad.document.Quantity` covers
    ``text[start:end]`` runs from the first hedge or range word (نحو، أكثر من،
    ما لا يقل عن، بين، من) through the number or numbers with their scale words
    (ألف، ملايين) to the unit (%, بالمئة, في المائة, a currency and its
    adjective: دولار أمريكي، ليرة سورية; a symbol: $40، 300$) and a trailing
    hedge written right after it (20 على الأقل، 50 تقريبا). A proclitic glued
    to the first word (بنحو، بثلاثة) is left out; an article is kept (الآلاف).
    The counted noun is *not* in the span: ``counted`` is the word as written
    after the figure (مقاتلاً) or after a partitive من (المئات من المقاتلين),
    and ``counted_lemma`` its normalised singular (مقاتل). A figure with a unit
    has no counted noun; a currency word that names several currencies
    (دينار، ليرة alone) is not a unit and stays the counted noun.

Values
    An exact figure has ``low == high``. Plurals of a unit (عشرات، مئات، آلاف،
    عشرات الآلاف) give ``low = 2 x unit`` and no ``high``; بضعة/بضع/عدة with a
    unit give 3 to 9 units; both are approximate. أكثر من / ما لا يقل عن X (or
    X على الأقل) give ``low = X`` and no ``high``; أقل من / ما لا يزيد على /
    تصل إلى / حتى X give ``high = X`` and no ``low``; bounds are not
    approximate, نحو/حوالي/قرابة/تقريبا are. A range (بين 20 و30 ألف، 20-30
    ألف، من 20 إلى 30 ألفا، 40 أو 50) gives both ends, with a scale written only
    on the second end applied to the first; a range after an upper-bound hedge
    (رشى تصل إلى 20 و30 ألف دولار) is read as the range, which is what the
    writer means. لتصل إلى X ('to reach') is the figure reached, exact.
    ألفا/مليونا right before a noun is the dual in construct (ألفا زائر: 2000).

Not quantities
    Days and years of dates (27 أبريل 2017، عام 2016، في 2019، 1438 هـ)، clock
    times (03:53، 8 مساء) and durations (3 سنوات، أربعة أشهر) are left to the
    dates stage; also numeric dates (2017/4/27), phone numbers, numbers in
    URLs, version numbers (2.0.1), model names (إف-16، G20، iPhone 6), list
    and section numbers (1-2، "5 -" opening a line), scores (3-1), numbers
    that name something (المادة 5، اللواء 93، القرار رقم 2254، البطولة
    العربية الـ13), number words with the article used as adjectives
    (الأعضاء الثلاثة), a lone واحد/واحدة (one of, the same) and أحد/إحدى/اثنا
    outside أحد عشر/اثنا عشر.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import compress, count
from operator import attrgetter, or_
from typing import Any

from marsad.arabic.calendar import month_names
from marsad.arabic.normalise import normalise
from marsad.arabic.tokens import iter_tokens, split_clitics, surface_offset
from marsad.document import LATIN, NUMBER, SYMBOL, WORD, Document, Quantity, Token
from marsad.pipeline import component
from marsad.settings import Settings

PERCENT = "percent"

# Proclitics a number word may carry (وثلاثة، بعشرة، فالآلاف); not ك, which
# would read كميات as ك + مئات.
_CLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
_ARTICLES = ("ال", "لل")
# Number words of fewer letters are only taken bare or after و (لست is not ل + ست).
_MIN_STEM_AFTER_CLITIC = 3
_DASHES = frozenset("-–—")
_TEEN_TAILS = frozenset({"عشر", "عشره"})
# A word with a preposition and the article (بالقرب، وال...) is never a counted noun.
_PREPOSITION_ARTICLES = ("بال", "وال", "فال", "كال", "ولل", "فلل")
_YEARS = range(1900, 2101)
# Words that normalise to a label's form but are none: فيه (in it) is فئة (class) once normalised.
_NOT_LABELS = frozenset({"فيه", "وفيه"})
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)

# Kinds of number words.
_UNIT = "unit"
_TEEN_HEAD = "teen_head"
_TEEN_TAIL = "teen_tail"
_TEN = "ten"
_HUNDRED = "hundred"
_SCALE = "scale"
_DUAL = "dual"
_SCALE_PLURAL = "scale_plural"
_TENS_PLURAL = "tens_plural"
_FRACTION = "fraction"
_FEW = "few"
_VAGUE_KINDS = frozenset({_SCALE_PLURAL, _TENS_PLURAL, _FEW})


def _load(name: str) -> Any:
    return json.loads(resources.files("marsad.data").joinpath(name).read_text(encoding="utf-8"))


def _norms(words: Sequence[str]) -> frozenset[str]:
    return frozenset(normalise(word) for word in words)


@dataclass(frozen=True, slots=True)
class _NumberWord:
    kind: str
    value: float
    prefix: str  # normalised proclitics (and article) in front of the stem
    article: bool


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Every table the scanner needs, keyed by normalised form."""

    words: dict[str, _NumberWord]  # number words with every allowed proclitic
    values: dict[str, float]  # stems with a definite value of their own
    hedges_before: dict[tuple[str, ...], str]  # phrase -> hedge kind
    hedges_after: dict[tuple[str, ...], str]
    hedge_last_words: frozenset[str]  # last words of the hedges before a figure, with proclitics
    hedge_first_words: frozenset[str]  # first words of the hedges after it
    percent_first_words: frozenset[str]
    max_hedge_words: int
    percent: dict[tuple[str, ...], int]  # phrase -> number of tokens
    currencies: dict[str, tuple[str | None, dict[str, str]]]  # form -> (default code, adjectives)
    measures: frozenset[str]
    symbols: dict[str, str]
    codes: frozenset[str]
    lemmas: dict[str, str]
    time_units: frozenset[str]
    labels: frozenset[str]
    year_cues: frozenset[str]
    year_prepositions: frozenset[str]
    not_counted: frozenset[str]
    months: frozenset[str]  # Gregorian (every naming system) and Hijri month names
    ordinals: frozenset[str]
    day_parts: frozenset[str]


def _phrases(table: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
    return {tuple(normalise(phrase).split()): kind for kind, phrases in table.items() for phrase in phrases}


def _number_words(data: dict[str, Any]) -> tuple[dict[str, _NumberWord], dict[str, float]]:
    stems: dict[str, tuple[str, float]] = {}

    def add(kind: str, table: dict[str, list[str]], factor: float = 1) -> None:
        for value, forms in table.items():
            for form in forms:
                stems.setdefault(normalise(form), (kind, float(value) * factor))

    add(_UNIT, data["units"])
    add(_TEEN_HEAD, data["teen_heads"])
    add(_TEEN_TAIL, {"10": data["teen_tails"]})
    add(_TEN, data["tens"])
    add(_HUNDRED, data["hundreds"])
    for kind, factor, key in ((_SCALE, 1, "singular"), (_DUAL, 2, "dual"), (_SCALE_PLURAL, 1, "plural")):
        add(kind, {scale: forms[key] for scale, forms in data["scales"].items()}, factor)
    add(_TENS_PLURAL, data["tens_plurals"])
    add(_FRACTION, data["fractions"])
    add(_FEW, {"1": data["few"]})
    words: dict[str, _NumberWord] = {}
    for stem, (kind, value) in stems.items():
        articles = ("",) if kind == _FEW else ("", *_ARTICLES)
        for clitic in _CLITICS:
            if clitic and len(stem) < _MIN_STEM_AFTER_CLITIC and clitic != "و":
                continue
            for article in articles:
                if article == "لل" and clitic not in ("", "و", "ف"):
                    continue
                prefix = clitic + article
                words.setdefault(prefix + stem, _NumberWord(kind, value, prefix, bool(article)))
    definite = {_UNIT, _TEN, _HUNDRED, _SCALE, _DUAL, _FRACTION}
    values = {stem: value for stem, (kind, value) in stems.items() if kind in definite}
    return words, values


@cache
def _lexicon() -> _Lexicon:
    numbers, units, nouns = _load("number_words.json"), _load("units.json"), _load("counted_nouns.json")
    hijri = _load("hijri_months.json")
    words, values = _number_words(numbers)
    hedges = {k: v for k, v in numbers["hedges"].items() if not k.startswith("_")}
    before = _phrases({k: v for k, v in hedges.items() if not k.endswith("_after")})
    after = _phrases({k.removesuffix("_after"): v for k, v in hedges.items() if k.endswith("_after")})
    currencies: dict[str, tuple[str | None, dict[str, str]]] = {}
    for entry in units["currencies"].values():
        adjectives = {_adjective_stem(normalise(adj)): code for adj, code in entry["adjectives"].items()}
        for form in entry["forms"]:
            currencies[normalise(form)] = (entry["default"], adjectives)
    percent = {tuple(normalise(p).split()): len(normalise(p).split()) for p in numbers["percent"]}
    return _Lexicon(
        words=words,
        values=values,
        hedges_before=before,
        hedges_after=after,
        hedge_last_words=frozenset(
            prefix + phrase[-1] for phrase in before for prefix in ("", *("وفبل" if len(phrase) == 1 else ""))
        ),
        hedge_first_words=frozenset(phrase[0] for phrase in after),
        percent_first_words=frozenset(phrase[0] for phrase in percent),
        max_hedge_words=max(len(p) for p in (*before, *after)),
        percent=percent,
        currencies=currencies,
        measures=_norms(units["measures"]),
        symbols=units["symbols"],
        codes=frozenset(units["codes"]),
        lemmas={normalise(plural): normalise(single) for plural, single in nouns["lemmas"].items()},
        time_units=_norms(nouns["time_units"]),
        labels=_norms(nouns["labels"]),
        year_cues=_norms(nouns["year_cues"]),
        year_prepositions=_norms(nouns["year_prepositions"]),
        not_counted=_norms(nouns["not_counted"]),
        months=frozenset(month_names())
        | _norms([name for number, names in hijri.items() if not number.startswith("_") for name in names]),
        ordinals=_norms(numbers["ordinals"]),
        day_parts=_norms(nouns["day_parts"]),
    )


def number_word_value(word: str) -> float | None:
    """Value of one Arabic number word in any case form (ثلاثة، ثلاث، عشرين، ألفا), else None.

    Proclitics and the article are allowed (وعشرين، بثلاثة، الخمسة). Words
    without a value of their own give None: plurals (آلاف، عشرات), بضعة/عدة,
    ordinals (ثاني) and أحد/إحدى, which count only in compounds (أحد عشر).
    """
    norm = normalise(word.strip())
    values = _lexicon().values
    for prefix in ("", *(c + a for c in _CLITICS for a in ("", *_ARTICLES) if c + a)):
        stem = norm[len(prefix) :]
        if norm.startswith(prefix) and stem in values:
            if prefix and len(stem) < _MIN_STEM_AFTER_CLITIC and prefix != "و":
                continue
            return values[stem]
    return None


def is_unit_word(word: str) -> bool:
    """Whether ``word`` names a currency or a unit of measurement (جنيها، بالدولار، الميغاواط، جيجابايتا)."""
    lexicon = _lexicon()
    norm = normalise(word.strip())
    split = split_clitics(norm)
    forms = {norm, split.stem, split.with_article}
    forms |= {form.removesuffix("ا") for form in forms}
    return any(form in lexicon.currencies or form in lexicon.measures for form in forms)


def digits_value(norm: str) -> float | None:
    """Value of a normalised digit token (``20,000``, ``1.5``, ``3,5``), or None if it is no amount.

    Commas are thousands separators when every group after the first has
    three digits, else a decimal comma (``2,5``); several dots are thousands
    separators only in groups of three (``1.500.000``), otherwise the token is
    a version number or a date (``2.0.1``, ``27.4.2017``).
    """
    if "," in norm and "." in norm:
        if norm.rfind(",") < norm.rfind("."):
            return _grouped(norm, ",", ".")
        return _grouped(norm, ".", ",")
    for separator in ",.":
        if separator in norm:
            groups = norm.split(separator)
            if len(groups) > 2 or len(groups[1]) == 3 and separator == ",":
                return _grouped(norm, separator, None)
            return float(norm.replace(separator, "."))
    return float(norm)


def _grouped(norm: str, thousands: str, decimal: str | None) -> float | None:
    whole, _, fraction = norm.partition(decimal) if decimal else (norm, "", "")
    groups = whole.split(thousands)
    if not 1 <= len(groups[0]) <= 3 or any(len(group) != 3 for group in groups[1:]) or thousands in fraction:
        return None
    return float("".join(groups) + ("." + fraction if fraction else ""))


def _adjective_stem(norm: str) -> str:
    """سعوديا، السعودية، الأمريكي -> سعودي، امريكي: the article and inflection removed."""
    if norm.startswith("ال") and len(norm) > 4:
        norm = norm[2:]
    for ending in ("ين", "ون", "ات", "ه", "ا"):
        if norm.endswith(ending) and len(norm) - len(ending) >= 3:
            return norm[: -len(ending)]
    return norm


def lemma(norm: str) -> str:
    """Normalised singular of a counted noun: مقاتلين، المقاتلين، مقاتلاً -> مقاتل; أشخاص -> شخص."""
    lexicon = _lexicon()
    if norm.startswith(_ARTICLES) and len(norm) > 4:
        norm = norm[2:]
    if norm in lexicon.lemmas:
        return lexicon.lemmas[norm]
    if norm.endswith("ا") and len(norm) > 3 and not norm.endswith("ايا"):  # not ضحايا، قضايا
        norm = norm[:-1]
    if norm in lexicon.lemmas:
        return lexicon.lemmas[norm]
    for ending, replacement in (("يين", "ي"), ("يون", "ي"), ("ين", ""), ("ون", ""), ("ات", "ه")):
        if norm.endswith(ending) and len(norm) - len(ending) >= 3:
            return norm[: -len(ending)] + replacement
    return norm


def _integral(value: float) -> float:
    """Round away binary noise (1.2 x 10^6 is 1200000.0, not 1199999.9999999998)."""
    rounded = round(value)
    return float(rounded) if abs(value - rounded) < 1e-6 * max(1.0, abs(value)) else value


@dataclass(slots=True)
class _Figure:
    """A number phrase: tokens ``first:end`` (end exclusive), its bounds and scale."""

    first: int
    end: int
    start: int  # character offset, after any proclitic
    low: float | None
    high: float | None
    vague: bool = False
    digits: bool = False
    scale: float | None = None  # the scale word written after the number, if any
    unscaled: float = 0.0


@dataclass(slots=True)
class _Scanner:
    text: str
    tokens: Sequence[Token]
    lexicon: _Lexicon = field(default_factory=_lexicon)
    urls: list[tuple[int, int]] = field(default_factory=list)
    label_end: int = 0  # token after the last number that named something

    norms: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.urls = [m.span() for m in _URL.finditer(self.text)] if "/" in self.text or "@" in self.text else []
        self.norms = list(map(attrgetter("norm"), self.tokens))
        self.kinds = list(map(attrgetter("kind"), self.tokens))

    # Token helpers -------------------------------------------------------
    def norm(self, i: int) -> str:
        return self.norms[i] if 0 <= i < len(self.norms) else ""

    def kind(self, i: int) -> str:
        return self.kinds[i] if 0 <= i < len(self.kinds) else ""

    def glued(self, i: int, j: int) -> bool:
        """Tokens i and j touch (no space between)."""
        return 0 <= i < j < len(self.tokens) and self.tokens[i].end == self.tokens[j].start

    def surface(self, i: int) -> str:
        token = self.tokens[i]
        return self.text[token.start : token.end]

    def word(self, i: int) -> _NumberWord | None:
        """The number word at token i (None outside the text)."""
        return self.lexicon.words.get(self.norms[i]) if self.kind(i) == WORD else None

    def is_in(self, i: int, table: frozenset[str]) -> bool:
        """Token i, bare or after one proclitic (لعام، والمادة), is in ``table``."""
        norm = self.norm(i)
        return norm in table or (len(norm) > 3 and norm[0] in "وفبل" and norm[1:] in table)

    # Scanning ------------------------------------------------------------
    def run(self) -> list[Quantity]:
        quantities: list[Quantity] = []
        is_number_word = map(self.lexicon.words.__contains__, self.norms)
        is_digits = map(NUMBER.__eq__, self.kinds)
        candidates = compress(count(), map(or_, is_number_word, is_digits))
        following = 0
        for i in candidates:
            if i < following:
                continue
            quantity, following = self.expression(i)
            if quantity is not None:
                quantities.append(quantity)
        return quantities

    def expression(self, i: int) -> tuple[Quantity | None, int]:
        """The quantity starting with the figure at token i (or None) and where to go on."""
        first = self.figure(i)
        if first is None:
            return None, i + 1
        if first.digits and (skip := self.not_an_amount(i)):
            return None, skip
        if self.names_or_dates(i, first) or self.continues_a_label(i):
            self.label_end = first.end
            return None, first.end
        if first.digits and first.scale is None and self.ordinal_after_definite(i):
            return None, first.end
        opener = self.range_opener(i)
        last, end = first, first.end
        second = self.range_end(first, opener)
        if second is not None:
            last, end = second, second.end
            if second.digits and self.names_or_dates(second.first, second):
                return None, end  # من 4 إلى 15 أغسطس
        elif first.digits and self.norm(end) in _DASHES and self.kind(end + 1) == NUMBER:
            return None, end + 2  # a score (3-1) or a descending pair: not a range
        bare_dash_pair = second is not None and self.norm(first.end) in _DASHES and not last.scale and opener is None
        low, high = first.low, last.high
        lead = first.first - 1 if self.leading_unit(first.first) else first.first
        hedge, hedge_start = self.hedge_before(opener if second is not None and opener is not None else lead)
        start = first.start
        if second is not None and opener is not None:
            clitic = "" if self.norm(opener) in ("ما", "بين", "من") else self.norm(opener)[0]  # بما بين، وبين
            start = self.start_after_prefix(opener, clitic)
        if hedge_start is not None:
            start = hedge_start
        unit, end, unit_start = self.unit(i, end)
        if unit_start is not None:
            start = min(start, unit_start)
        hedge_after, after_end = self.hedge_after(end)
        approximate = first.vague or hedge == "approximate" or hedge_after == "approximate"
        if hedge_after:
            end = after_end
        if "at_least" in (hedge, hedge_after):
            high = None
        elif hedge == "at_most" and second is None:
            low, high = None, first.high if first.high is not None else first.low
        counted = None if unit else self.counted(end, first.vague)
        if counted is not None and not hedge_after:
            hedge_after, _ = self.hedge_after(counted + 1)  # 13 شخصا على الأقل
            if hedge_after == "at_least":
                high = None
            approximate = approximate or hedge_after == "approximate"
        if counted is not None and lemma(self.norm(counted)) in self.lexicon.time_units:
            return None, end  # a duration: the dates stage reads it
        if bare_dash_pair and not (unit or counted or hedge):
            return None, end  # 1-2 numbering a section, or a score
        if hedge is None and self.is_year(first, last, unit, counted, i):
            return None, end
        counted_text = self.surface(counted) if counted is not None else None
        quantity = Quantity(
            start,
            self.tokens[end - 1].end,
            None if low is None else _integral(low),
            None if high is None else _integral(high),
            approximate,
            unit,
            counted_text,
            lemma(self.norm(counted)) if counted is not None else None,
        )
        return quantity, end

    # Figures ---------------------------------------------------------------
    def figure(self, i: int) -> _Figure | None:
        if self.kind(i) == NUMBER:
            return self.digits_figure(i)
        word = self.word(i)
        if word is None:
            return None
        if word.kind in _VAGUE_KINDS:
            return self.vague_figure(i, word)
        if self.norm(i) in _TEEN_TAILS and (
            self.norm(i - 1) in self.lexicon.words or self.norm(i - 1).removeprefix("ال") in self.lexicon.ordinals
        ):
            return None  # عشر of الإثني عشر or of an ordinal (الثانية عشرة)
        if word.article and not self.scale_follows(i + 1):
            if not (word.kind == _SCALE and self.hedge_before(i)[0] is not None):
                return None  # الثلاثة is an adjective; العشرة ملايين and ما يفوق المليار are figures
        return self.words_figure(i)

    def scale_follows(self, j: int) -> bool:
        following = self.word(j)
        return following is not None and not following.prefix and following.kind in (_SCALE, _SCALE_PLURAL)

    def start_after_prefix(self, i: int, prefix: str) -> int:
        return self.tokens[i].start + surface_offset(self.surface(i), len(prefix))

    def start_after_clitic(self, i: int, word: _NumberWord) -> int:
        """Start of the number word at i without its proclitic; the article stays in the span."""
        return self.start_after_prefix(i, word.prefix[:-2] if word.article else word.prefix)

    def digits_figure(self, i: int) -> _Figure | None:
        value = digits_value(self.norm(i))
        if value is None:
            return None
        end = i + 1
        # 40،000: the Arabic comma used as a thousands separator.
        while (
            value.is_integer()
            and self.norm(end) == ","
            and self.glued(end - 1, end)
            and self.glued(end, end + 1)
            and self.kind(end + 1) == NUMBER
            and len(self.norm(end + 1)) == 3
            and self.norm(end + 1).isdigit()
        ):
            value = value * 1000 + int(self.norm(end + 1))
            end += 2
        if (
            end == i + 1
            and self.norm(end) == "."
            and self.kind(end + 1) == NUMBER
            and not self.glued(i, end)
            and not self.glued(end, end + 1)
            and self.norm(i).isdigit()
            and self.norm(end + 1).isdigit()
        ):
            value = float(f"{self.norm(i)}.{self.norm(end + 1)}")  # 2 . 5: a decimal spaced out by the source
            end += 2
        if (
            end == i + 1
            and self.norm(end) == "ر"
            and self.kind(end + 1) == NUMBER
            and self.glued(i, end)
            and self.glued(end, end + 1)
            and self.norm(i).isdigit()
            and self.norm(end + 1).isdigit()
        ):
            value = float(f"{self.norm(end + 1)}.{self.norm(i)}")  # 5ر2: the old Arabic decimal mark, fraction first
            end += 2
        if _DOT_THOUSANDS.fullmatch(self.norm(i)) and not self.scale_follows(end):
            if self.norm(end) not in self.lexicon.percent_first_words:
                value = float(self.norm(i).replace(".", ""))  # 30.000 مشارك; but 1.500 مليون, 2.125%
        first = i
        if i > 0 and self.norm(i - 1) == "(" and self.norm(end) == ")" and self.scale_at(end + 1):
            first, end = i - 1, end + 1  # (900) ألف: the number bracketed before its scale word
        figure = _Figure(first, end, self.tokens[first].start, value, value, digits=True, unscaled=value)
        self.apply_scale(figure)
        return figure

    def scale_at(self, j: int) -> bool:
        word = self.word(j)
        return word is not None and not word.prefix and word.kind in (_SCALE, _SCALE_PLURAL)

    def apply_scale(self, figure: _Figure) -> None:
        """Multiply by a scale word after the number (20 ألف، 3 ملايين), then add ونصف/وربع."""
        j = figure.end
        scale = self.word(j)
        if scale is None or scale.prefix or scale.kind not in (_SCALE, _SCALE_PLURAL):
            return
        assert figure.low is not None
        number = figure.low
        if scale.kind == _SCALE_PLURAL and number > 10 and "," in self.norm(figure.first):
            # آلاف/ملايين count 3 to 10: 7,967 ملايين is 7.967 million, the comma a decimal one.
            number = digits_value(self.norm(figure.first).replace(",", ".")) or number
        value = number * scale.value
        j += 1
        value, j = self.add_fraction(value, scale.value, j)
        figure.low = figure.high = value
        figure.end, figure.scale = j, scale.value

    def add_fraction(self, value: float, scale: float, j: int) -> tuple[float, int]:
        """مليون ونصف: add the fraction of the last scale written with و."""
        if j < len(self.tokens) and self.norm(j) == "و" and not self.glued(j, j + 1):
            following = self.word(j + 1)
            if following is not None and following.kind == _FRACTION and not following.prefix:
                return value + following.value * scale, j + 2
        following = self.word(j)
        if following is not None and following.kind == _FRACTION and following.prefix == "و":
            return value + following.value * scale, j + 1
        return value, j

    def words_figure(self, i: int) -> _Figure | None:
        """A number in words: units, teens, tens, hundreds and scales (ثلاثة وعشرون ألفا)."""
        first = self.word(i)
        assert first is not None
        total, current = 0.0, None  # current: the group before the next scale
        last_scale: float | None = None
        parts = 0
        j = i
        while j < len(self.tokens):
            word = self.word(j)
            conjunction = False
            if word is None and self.norm(j) == "و" and last_scale is not None and current is None:
                rest = self.digits_figure(j + 1) if self.kind(j + 1) == NUMBER else None
                if rest is not None and rest.low is not None and rest.low < last_scale:
                    total += rest.low  # المليار و600 مليون، مليونين و 749 ألف و 140
                    j = rest.end
                    parts += 1
                    if rest.scale is None:
                        break
                    last_scale = rest.scale
                    continue
            if word is None and self.norm(j) == "و" and j > i and j + 1 < len(self.tokens):
                following = self.word(j + 1)
                if following is not None and not following.prefix and following.kind not in _VAGUE_KINDS:
                    word, conjunction, j = following, True, j + 1
            if word is not None and j > i and not word.prefix and self.norm(j).startswith("و"):
                inner = self.lexicon.words.get(self.norm(j)[1:])  # وأحد normalises to واحد
                if inner is not None and not inner.prefix:
                    word, conjunction = inner, True
            if word is None or (word.article and j > i) or word.kind in (_FEW, _TENS_PLURAL):
                break
            joined = conjunction or word.prefix == "و"
            if j > i and word.prefix and not joined:
                break
            kind = word.kind
            # The order is hundreds, then و unit, then و tens (مئة وخمسة وعشرون).
            unit_fits = current is None or current % 100 == 0
            if kind in (_UNIT, _TEEN_HEAD) and (j == i or joined and unit_fits):
                if self.norm(j + 1) in _TEEN_TAILS:  # أحد عشر، ثلاثة عشر
                    current = (current or 0) + word.value + 10
                    j += 2
                    parts += 1
                    continue
                if kind == _TEEN_HEAD:
                    break  # أحد، إحدى، اثنا without عشر
                tail = self.word(j + 1)
                if tail is not None and not tail.prefix and tail.kind == _HUNDRED and tail.value == 100:
                    current = (current or 0) + word.value * 100
                    j += 2
                    parts += 1
                    continue
                current = (current or 0) + word.value
            elif kind == _TEN and (j == i or joined and (current is None or current % 100 < 10)):
                current = (current or 0) + word.value
            elif kind == _HUNDRED and (j == i or joined and current is None):
                current = word.value
            elif kind in (_SCALE, _SCALE_PLURAL) and (j == i or not joined or current is None) and not (
                last_scale is not None and word.value >= last_scale
            ):
                if kind == _SCALE_PLURAL and current is None:
                    break
                # ألفا/مليونا right before a noun is the dual in construct (ألفا زائر: 2000).
                dual = (
                    j == i
                    and self.norm(j).endswith("ا")
                    and "\u064b" not in self.surface(j)  # tanween: ألفاً is the singular
                    and self.norm(j + 1) != "من"
                    and self.counted(j + 1, vague=False) is not None
                )
                total += (current if current is not None else 2 if dual else 1) * word.value
                current, last_scale = None, word.value
                j += 1
                parts += 1
                total, j = self.add_fraction(total, word.value, j)
                continue
            elif kind == _DUAL and current is None and (j == i or joined):
                total += word.value
                last_scale = word.value / 2
            elif kind == _FRACTION and j == i:
                scale = self.word(j + 1)
                if scale is None or scale.prefix or scale.kind != _SCALE:
                    break
                total += word.value * scale.value
                last_scale = scale.value
                j += 2
                parts += 1
                continue
            else:
                break
            parts += 1
            j += 1
        if parts == 0:
            return None
        value = total + (current or 0)
        if parts == 1 and j == i + 1 and first.kind == _UNIT and first.value == 1:
            return None  # a lone واحد: 'one of', 'the same'
        if self.norm(j - 1) == "و":
            j -= 1
        figure = _Figure(i, j, self.start_after_clitic(i, first), value, value, unscaled=value)
        if current is None and last_scale is not None and total == value:  # ends with its scale word
            figure.scale, figure.unscaled = last_scale, value / last_scale
        return figure

    def vague_figure(self, i: int, word: _NumberWord) -> _Figure | None:
        """عشرات، مئات الآلاف، آلاف، بضعة آلاف، عدة مئات."""
        j = i + 1
        few = word.kind == _FEW
        if few:
            unit_word = self.word(j)
            if unit_word is None or unit_word.prefix or unit_word.kind not in (_SCALE_PLURAL, _TENS_PLURAL):
                return None
            unit = unit_word.value
            j += 1
        else:
            unit = word.value
        following = self.word(j)  # عشرات الآلاف، بضع مئات الآلاف
        if following is not None and following.kind == _SCALE_PLURAL and following.prefix in ("", "ال"):
            if following.value > unit:
                unit *= following.value
                j += 1
        low, high = (3 * unit, 9 * unit) if few else (2 * unit, None)
        return _Figure(i, j, self.start_after_clitic(i, word), low, high, vague=True, unscaled=low)

    # Context ---------------------------------------------------------------
    def not_an_amount(self, i: int) -> int:
        """If the digits at i are no amount (time, date, phone, URL, model, version), the index after them; else 0."""
        tokens, n = self.tokens, len(self.tokens)
        token = tokens[i]
        if self.urls and self.in_url(token.start):
            return i + 1
        if (self.glued(i - 1, i) and self.kind(i - 1) == LATIN) or (self.glued(i, i + 1) and self.kind(i + 1) == LATIN):
            return i + 1
        for neighbour in (i - 1, i + 1):
            if self.kind(neighbour) == LATIN and self.norm(neighbour).upper() not in self.lexicon.codes:
                return i + 1  # iPhone 6، 1 Pont St
        if self.norm(i - 1) in _DASHES and self.glued(i - 1, i) and self.kind(i - 2) in (WORD, LATIN):
            return i + 1  # إف-16
        # Chains joined by ':' '/' or several '-' or '.': times and dates.
        j = i
        joiners: list[str] = []
        while j + 2 < n and self.kind(j + 2) == NUMBER:
            joiner = self.norm(j + 1)
            glued = self.glued(j, j + 1) and self.glued(j + 1, j + 2)
            short = len(self.norm(j)) <= 2 and len(self.norm(j + 2)) <= 2
            spaced_ok = joiner in ("/", ".") or joiner == ":" and short  # 26 /9 /1436، 09 : 48
            if joiner not in (":", "/", "-", ".", "\\") or not glued and not spaced_ok:
                break
            joiners.append(joiner)
            j += 2
        spaced_decimal = joiners == ["."] and not self.glued(i, i + 1)  # 2 . 5: decimal, spaced by the source
        if joiners and not spaced_decimal and (any(s != "-" for s in joiners) or len(joiners) > 1):
            return j + 1
        if self.starts_a_line(i) and self.norm(i + 1) in ("-", ".", ")", "–"):
            return i + 1  # a list item: 5 - ...
        norm = token.norm
        digits_only = norm.isdigit()
        phone = (
            (digits_only and len(norm) > 1 and norm[0] == "0")
            or (digits_only and len(norm) >= 9)
            or (self.norm(i - 1) == "+" and self.glued(i - 1, i))
        )
        if phone:
            j = i
            while j + 1 < n and self.kind(j + 1) == NUMBER or (self.norm(j + 1) in _DASHES and self.kind(j + 2) == NUMBER):
                j += 1
            return j + 1
        return 0

    def starts_a_line(self, i: int) -> bool:
        previous_end = self.tokens[i - 1].end if i > 0 else 0
        return i == 0 or "\n" in self.text[previous_end : self.tokens[i].start]

    def in_url(self, offset: int) -> bool:
        k = bisect_right(self.urls, (offset, len(self.text) + 1)) - 1
        return k >= 0 and self.urls[k][0] <= offset < self.urls[k][1]

    def names_or_dates(self, i: int, figure: _Figure) -> bool:
        """The number names something (المادة 5) or is a day or year of a date."""
        lexicon = self.lexicon
        previous = self.previous_word(i)
        if (
            previous is not None
            and self.is_in(previous, lexicon.labels)
            and self.unit(i, figure.end)[0] is None
            and self.surface(previous) not in _NOT_LABELS
        ):
            return True  # المادة 5، but not الرحلة 300$
        if previous is not None and self.is_in(previous, lexicon.year_cues):
            return True
        if not figure.digits or figure.scale is not None:
            return False
        if self.norm(figure.end) in lexicon.day_parts and (figure.low or 0) <= 24:
            return True  # حتى 8 مساء: a clock time
        after = figure.end + 1 if self.norm(figure.end) in ("(", "/", "من") else figure.end  # 8 من ذي القعدة
        if self.is_month(after) or (previous is not None and self.is_month_before(previous)):
            return True
        following = self.norm(figure.end)
        value = figure.low or 0
        return following in ("ه", "م", "هجري", "ميلادي", "هجريه", "ميلاديه") and 1300 <= value <= 2100

    def continues_a_label(self, i: int) -> bool:
        """المراكز 2 و3 و4: numbers joined to a number that names something name things too."""
        return self.label_end > 0 and i - self.label_end in (1, 2) and self.norm(self.label_end) in ("و", ",", "-", "/")

    def ordinal_after_definite(self, i: int) -> bool:
        """البطولة العربية الـ13، الذكرى الـ50: الـ and a number after a definite noun is an ordinal."""
        if self.norm(i - 1) != "ال" or self.kind(i - 2) != WORD:
            return False
        # الـ 350 تعليق, with an indefinite noun after, is a count; بدورتها الـ23 is not.
        if self.norm(i - 2).startswith(("ال", *_PREPOSITION_ARTICLES)):
            return True
        return self.norm(i - 2) not in ("بين", "من") and self.counted(i + 1, vague=False) is None

    def previous_word(self, i: int) -> int | None:
        """Index of the word before token i, skipping الـ and an opening bracket or quote."""
        j = i - 1
        if self.norm(j) in ("(", "«", '"', "["):
            j -= 1
        if self.norm(j) == "ال":
            j -= 1
        return j if j >= 0 and self.kind(j) in (WORD, LATIN) else None

    def is_month(self, j: int) -> bool:
        if self.kind(j) != WORD:
            return False
        norm = self.norm(j).removeprefix("و")
        two = f"{norm} {self.norm(j + 1)}"
        return norm in self.lexicon.months or two in self.lexicon.months

    def is_month_before(self, j: int) -> bool:
        """Token j ends a month name (أبريل، كانون الثاني، ومارس، رمضان)."""
        norm = self.norm(j).removeprefix("و") if len(self.norm(j)) > 3 else self.norm(j)
        return norm in self.lexicon.months or f"{self.norm(j - 1)} {norm}" in self.lexicon.months

    def is_year(self, first: _Figure, last: _Figure, unit: str | None, counted: int | None, i: int) -> bool:
        """A bare four-digit figure between 1900 and 2100 after في/منذ..., or with nothing counted."""
        if unit or first.scale or last.scale or first.vague or not first.digits:
            return False
        values = (first.low, last.high)
        if not all(v is not None and v.is_integer() and int(v) in _YEARS for v in values):
            return False
        if not self.norm(i).isdigit():
            return False
        previous = self.previous_word(i)
        if previous is not None and self.is_in(previous, self.lexicon.year_prepositions):
            return True  # في 2019، منذ 2011، بنهاية 2015
        return counted is None or self.norm(counted)[0] in "وف"  # 2018 وكأس آسيا

    def range_opener(self, i: int) -> int | None:
        """Index of بين / من (or ما of ما بين) before the figure at i, skipping الـ."""
        j = i - 1
        if self.norm(j) == "ال":
            j -= 1
        norm = self.norm(j)
        if norm in ("بين", "وبين", "من"):
            if norm == "بين" and self.norm(j - 1) in ("ما", "بما", "وما"):
                return j - 1
            return j
        return None

    def range_end(self, first: _Figure, opener: int | None) -> _Figure | None:
        j = first.end
        if j >= len(self.tokens):
            return None
        joiner = self.norm(j)
        nxt = j + 1
        glued_word = self.word(j)
        if glued_word is not None and glued_word.prefix == "و":  # ثلاثة وأربعة ملايين
            joiner, nxt = "و", j
        elif joiner not in ("و", "الي", "حتي", "او", *_DASHES) or nxt >= len(self.tokens):
            return None
        if self.norm(nxt) == "ال":
            nxt += 1
        second = self.figure(nxt)
        if second is None or second.vague or first.vague:
            return None
        if second.digits and self.not_an_amount(nxt):
            return None
        opened_by = self.norm(opener) if opener is not None else ""
        if joiner == "و":
            hedge, _ = self.hedge_before(first.first)
            if not (opened_by in ("بين", "ما", "بما", "وما", "وبين") or hedge == "at_most" or (first.scale is None and second.scale)):
                return None
        elif joiner in _DASHES and not (first.digits and second.digits):
            return None
        if first.scale is None and second.scale is not None and first.low is not None and first.low < second.unscaled:
            first.low = first.high = first.low * second.scale
        if first.low is None or second.low is None or not first.low < second.low:
            return None
        return second

    def hedge_before(self, i: int) -> tuple[str | None, int | None]:
        """Kind and start offset of the longest hedge phrase ending just before token i."""
        j = i - 1
        if self.norm(j) == "ال":
            j -= 1
        best: tuple[str | None, int | None] = (None, None)
        if self.norm(j) not in self.lexicon.hedge_last_words:
            return best
        for length in range(1, self.lexicon.max_hedge_words + 1):
            first = j - length + 1
            if first < 0:
                break
            words = [self.norm(k) for k in range(first, j + 1)]
            kind = self.lexicon.hedges_before.get(tuple(words))
            prefix = ""
            if kind is None and len(words[0]) > 2 and words[0][0] in "وفبل":
                prefix = words[0][0]
                kind = self.lexicon.hedges_before.get((words[0][1:], *words[1:]))
            if kind is not None and not (prefix == "ل" and kind == "at_most"):
                best = (kind, self.start_after_prefix(first, prefix))
        return best

    def hedge_after(self, end: int) -> tuple[str | None, int]:
        if self.norm(end) not in self.lexicon.hedge_first_words:
            return None, end
        for length in range(self.lexicon.max_hedge_words, 0, -1):
            words = tuple(self.norm(k) for k in range(end, end + length))
            kind = self.lexicon.hedges_after.get(words)
            if kind is not None:
                return kind, end + length
        return None, end

    def unit(self, i: int, end: int) -> tuple[str | None, int, int | None]:
        """Unit after the figure (%, بالمئة, a currency with its adjective) or a symbol before it.

        Returns the unit, the new end token and, for a symbol written first, its start offset.
        """
        lexicon = self.lexicon
        if self.norm(end) == ")" and self.norm(i - 1) == "(":  # (40،000) ريال
            unit, after, _ = self.unit(i, end + 1)
            if unit is not None:
                return unit, after, self.tokens[i - 1].start
        norm = self.norm(end)
        if norm in lexicon.percent_first_words:
            for phrase, length in lexicon.percent.items():
                if tuple(self.norm(k) for k in range(end, end + length)) == phrase:
                    return PERCENT, end + length, None
        if norm in lexicon.symbols and self.kind(end) == SYMBOL:
            return lexicon.symbols[norm], end + 1, None
        if self.kind(end) == LATIN and norm.upper() in lexicon.codes:
            return norm.upper(), end + 1, None
        partitive = norm == "من" and self.norm(end + 1) in lexicon.currencies
        currency_at = end + 1 if partitive else end
        if self.kind(currency_at) == WORD and self.norm(currency_at) in lexicon.currencies:
            default, adjectives = lexicon.currencies[self.norm(currency_at)]
            code = default
            following = currency_at + 1
            if self.kind(following) == WORD and _adjective_stem(self.norm(following)) in adjectives:
                code = adjectives[_adjective_stem(self.norm(following))]
                following += 1
            if code is not None:
                return code, following, None
        leading = self.leading_unit(i)
        return leading, end, self.tokens[i - 1].start if leading else None

    def leading_unit(self, i: int) -> str | None:
        """A currency symbol or a percent sign written before the figure ($40، %35)."""
        before = self.norm(i - 1)
        if before in self.lexicon.symbols and self.kind(i - 1) == SYMBOL:
            return self.lexicon.symbols[before]
        if before == "%" and self.glued(i - 1, i) and self.kind(i - 2) != NUMBER:
            return PERCENT
        return None

    def counted(self, end: int, vague: bool) -> int | None:
        """Index of the counted noun after the figure: the next word, or the word after a partitive من."""
        lexicon = self.lexicon
        if self.kind(end) != WORD:
            return None
        norm = self.norm(end)
        if norm == "من":
            k = end + 1
            if self.norm(k) in ("هولاء", "هذه", "هذا", "تلك"):
                k += 1
            if self.kind(k) == WORD and self.norm(k) not in lexicon.not_counted and self.norm(k) not in lexicon.words:
                return k
            return None
        if norm in lexicon.not_counted or norm in lexicon.words or len(norm) < 2:
            return None
        if norm.startswith(_ARTICLES) and not vague or norm.startswith(_PREPOSITION_ARTICLES):
            return None
        if self.is_month(end):
            return None
        return end


def quantities_in(text: str, tokens: Sequence[Token] | None = None) -> list[Quantity]:
    """Every quantity in ``text``; ``tokens`` are its tokens if already known."""
    return _Scanner(text, list(iter_tokens(text)) if tokens is None else tokens).run()


@component("quantities", assigns="quantities", requires=("tokens",))
def find_quantities(doc: Document, settings: Settings) -> list[Quantity]:
    return quantities_in(doc.text, doc.tokens or None)
