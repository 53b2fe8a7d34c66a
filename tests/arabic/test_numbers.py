"""Tests for marsad.arabic.numbers: number words and quantities."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from marsad.arabic.numbers import digits_value, find_quantities, lemma, number_word_value, quantities_in
from marsad.arabic.tokens import tokenise
from marsad.document import Document
from marsad.settings import Settings

CASES = Path(__file__).parent / "cases" / "quantities.tsv"


def _value(cell: str) -> float | None:
    return None if cell == "-" else float(cell)


def _read_cases() -> dict[str, list[tuple]]:
    """Sentence -> expected (span, low, high, approximate, unit, counted) in order."""
    cases: dict[str, list[tuple]] = {}
    text = ""
    with CASES.open(encoding="utf-8") as table:
        for row in csv.reader(table, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#"):
                continue
            text = text if row[0] == '"' else row[0]
            expected = cases.setdefault(text, [])
            if row[1] == "-":
                continue
            span, low, high, approximate, unit, counted = row[1:]
            dash = lambda cell: None if cell == "-" else cell  # noqa: E731
            expected.append((span, _value(low), _value(high), approximate == "~", dash(unit), dash(counted)))
    return cases


_CASES = _read_cases()


def test_the_table_is_big_enough() -> None:
    assert sum(max(1, len(expected)) for expected in _CASES.values()) >= 300


@pytest.mark.parametrize("text", list(_CASES))
def test_quantities_table(text: str) -> None:
    found = [
        (text[q.start : q.end], q.low, q.high, q.approximate, q.unit, q.counted) for q in quantities_in(text)
    ]
    assert found == _CASES[text]


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("ثلاثة", 3),
        ("ثلاث", 3),
        ("ثلاثين", 30),
        ("عشرون", 20),
        ("ألفاً", 1000),
        ("الفين", 2000),
        ("مئتي", 200),
        ("مائة", 100),
        ("ثمانمائة", 800),
        ("ملياري", 2_000_000_000),
        ("وعشرين", 20),
        ("بثلاثة", 3),
        ("الخمسة", 5),
        ("أربعةُ", 4),
        ("نصف", 0.5),
    ],
)
def test_number_word_value(word: str, value: float) -> None:
    assert number_word_value(word) == value


@pytest.mark.parametrize(
    "word", ["آلاف", "عشرات", "بضعة", "أحد", "إحدى", "اثني", "أثنى", "ثاني", "ثالث", "لست", "سنة", ""]
)
def test_number_word_value_is_none_for_words_without_a_value(word: str) -> None:
    assert number_word_value(word) is None


@pytest.mark.parametrize(
    ("norm", "value"),
    [
        ("20,000", 20000),
        ("1,250,000", 1250000),
        ("2,5", 2.5),
        ("1.5", 1.5),
        ("1.500.000", 1500000),
        ("1,500.25", 1500.25),
        ("1.500,5", 1500.5),
        ("2.0.1", None),
        ("27.4.2017", None),
        ("1,2,3", None),
    ],
)
def test_digits_value(norm: str, value: float | None) -> None:
    assert digits_value(norm) == value


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("مقاتلين", "مقاتل"),
        ("المقاتلين", "مقاتل"),
        ("مقاتلاً", "مقاتل"),
        ("شخصاً", "شخص"),
        ("مدنيّين", "مدني"),
        ("أشخاص", "شخص"),
        ("قتلى", "قتيل"),
        ("طائرات", "طايره"),
        ("ضحايا", "ضحيه"),
        ("جنديا", "جندي"),
    ],
)
def test_lemma(word: str, expected: str) -> None:
    from marsad.arabic.normalise import normalise

    assert lemma(normalise(word)) == expected


def test_component_uses_the_document_tokens_and_offsets() -> None:
    text = "قالت الوزارة إن نحو 150 مقاتلاً فروا، ودفع بعضهم 20 ألف دولار."
    doc = Document(id="d", text=text, tokens=tuple(tokenise(text)))
    quantities = find_quantities(doc, Settings())
    assert [(doc.span_text(q), q.low, q.unit, q.counted_lemma) for q in quantities] == [
        ("نحو 150", 150, None, "مقاتل"),
        ("20 ألف دولار", 20000, "USD", None),
    ]


# --- Property-based tests: render numbers as Arabic words and digits, parse them back.

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from marsad.arabic import numbers as numbers_module  # noqa: E402

_UNITS = {
    1: ("واحد", "واحدة"),
    2: ("اثنان", "اثنين", "اثنتان"),
    3: ("ثلاثة", "ثلاث"),
    4: ("أربعة", "أربع"),
    5: ("خمسة", "خمس"),
    6: ("ستة", "ست"),
    7: ("سبعة", "سبع"),
    8: ("ثمانية", "ثماني"),
    9: ("تسعة", "تسع"),
    10: ("عشرة", "عشر"),
}
_TEEN_HEADS = {1: ("أحد", "إحدى"), 2: ("اثنا", "اثني", "اثنتا")}
_TENS = {
    20: ("عشرون", "عشرين"),
    30: ("ثلاثون", "ثلاثين"),
    40: ("أربعون", "أربعين"),
    50: ("خمسون", "خمسين"),
    60: ("ستون", "ستين"),
    70: ("سبعون", "سبعين"),
    80: ("ثمانون", "ثمانين"),
    90: ("تسعون", "تسعين"),
}
_HUNDREDS = {
    1: ("مئة", "مائة"),
    2: ("مئتان", "مئتين", "مائتا", "مائتي"),
    3: ("ثلاثمئة", "ثلاثمائة", "ثلاث مئة"),
    4: ("أربعمئة", "أربعمائة"),
    5: ("خمسمئة", "خمسمائة", "خمس مئة"),
    6: ("ستمئة", "ستمائة"),
    7: ("سبعمئة", "سبعمائة"),
    8: ("ثمانمئة", "ثمانمائة"),
    9: ("تسعمئة", "تسعمائة"),
}
_SCALES = {
    1000: (("ألف",), ("ألفان", "ألفين"), ("آلاف", "الاف"), ("ألف", "ألفا")),
    1_000_000: (("مليون",), ("مليونان", "مليونين"), ("ملايين",), ("مليون", "مليونا")),
    1_000_000_000: (("مليار",), ("ملياران", "مليارين"), ("مليارات",), ("مليار", "مليارا")),
}


def _below_hundred(n: int, pick) -> str:
    if n <= 10:
        return pick(_UNITS[n])
    if n < 20:
        head = pick(_TEEN_HEADS[n - 10]) if n <= 12 else pick(_UNITS[n - 10][:2])
        return f"{head} {pick(('عشر', 'عشرة'))}"
    tens, unit = divmod(n, 10)
    return pick(_TENS[tens * 10]) if unit == 0 else f"{pick(_UNITS[unit])} و{pick(_TENS[tens * 10])}"


def _below_thousand(n: int, pick) -> str:
    hundreds, rest = divmod(n, 100)
    parts = [pick(_HUNDREDS[hundreds])] if hundreds else []
    if rest:
        parts.append(_below_hundred(rest, pick))
    return " و".join(parts)


def _render_words(n: int, pick) -> str:
    """n (1 <= n < 10^12, not 1) in Arabic words, choosing among the case and spelling forms."""
    parts = []
    for scale in sorted(_SCALES, reverse=True):
        count, n = divmod(n, scale)
        singular, dual, plural, after_eleven = _SCALES[scale]
        if count == 1:
            parts.append(pick(singular))
        elif count == 2:
            parts.append(pick(dual))
        elif 3 <= count <= 10:
            parts.append(f"{pick(_UNITS[count])} {pick(plural)}")
        elif count:
            parts.append(f"{_below_thousand(count, pick)} {pick(after_eleven)}")
    if n:
        parts.append(_below_thousand(n, pick))
    return " و".join(parts)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=2, max_value=999_999_999_999), st.randoms(use_true_random=False))
def test_numbers_in_words_parse_back(n: int, random) -> None:
    words = _render_words(n, random.choice)
    text = f"قالت الوزارة إن العدد بلغ {words}، بحسب البيان."
    quantities = quantities_in(text)
    assert [(text[q.start : q.end], q.low, q.high) for q in quantities] == [(words, n, n)]


_SCRIPTS = ("0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹")


def _render_digits(n: int, script: str, separator: str) -> str:
    plain = f"{n:,}".replace(",", separator) if separator else str(n)
    return plain.translate(str.maketrans("0123456789", script))


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from(_SCRIPTS),
    st.sampled_from(("", ",", "٬")),
)
def test_numbers_in_digits_parse_back(n: int, script: str, separator: str) -> None:
    if not separator and n >= 10**8:
        separator = ","  # a long bare run of digits reads as a phone number
    digits = _render_digits(n, script, separator)
    text = f"أحصت المنظمة {digits} شخصا في المخيمات."
    assert [(text[q.start : q.end], q.low, q.high, q.counted) for q in quantities_in(text)] == [
        (digits, n, n, "شخصا")
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=9),
    st.sampled_from(_SCRIPTS),
    st.sampled_from(((".", 1000, "ألف"), ("٫", 1_000_000, "مليون"), (".", 1_000_000_000, "مليار"))),
)
def test_decimals_with_a_scale_parse_back(whole: int, tenth: int, script: str, scale) -> None:
    point, factor, word = scale
    digits = _render_digits(whole, script, "") + point + _render_digits(tenth, script, "")
    text = f"بلغت الخسائر {digits} {word} دولار."
    [quantity] = quantities_in(text)
    assert text[quantity.start : quantity.end] == f"{digits} {word} دولار"
    assert quantity.low == quantity.high == pytest.approx((whole + tenth / 10) * factor)
    assert quantity.unit == "USD"


# --- Fuzzing: any input, no exception, spans inside the text, linear work.


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_random_unicode_never_fails(text: str) -> None:
    for quantity in quantities_in(text):
        assert 0 <= quantity.start < quantity.end <= len(text)
        if quantity.low is not None and quantity.high is not None:
            assert quantity.low <= quantity.high


_PIECES = ["ثلاثة", "وعشرون", "ألف", "آلاف", "عشرات", "بين", "و", "-", "20", "30", "٫", "/", ":", "%", "نحو", "من",
           "إلى", "دولار", "مقاتلا", "أكثر", "2017", "أبريل", "بضعة", "مليون", "ونصف", "الـ", "0", "،", "+"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60), st.sampled_from(("", " ")))
def test_random_number_talk_never_fails(pieces: list[str], joiner: str) -> None:
    text = joiner.join(pieces)
    for quantity in quantities_in(text):
        assert 0 <= quantity.start < quantity.end <= len(text)


def _word_lookups(text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    calls = 0
    original = numbers_module._Scanner.word

    def counting(self, i):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return original(self, i)

    monkeypatch.setattr(numbers_module._Scanner, "word", counting)
    quantities_in(text)
    monkeypatch.setattr(numbers_module._Scanner, "word", original)
    return calls


@pytest.mark.parametrize(
    "unit",
    [
        "قتل نحو 150 مقاتلا وأصيب ثلاثة وعشرون ألفا بين 20 و30 ألف دولار في 27 أبريل 2017. ",
        "ثلاثة وثلاثة وثلاثة ",
        "1-2-3:4/5 ",
        "0 1 2 3 ",
        "عشرات الآلاف ",
    ],
)
def test_work_grows_linearly(unit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    small = _word_lookups(unit * 200, monkeypatch)
    large = _word_lookups(unit * 800, monkeypatch)
    assert large <= 4.4 * max(small, 1)


# --- Regression on hand-checked SaudiNewsNet quantities (offsets into ../shared; skipped when absent).

import gzip  # noqa: E402
import json  # noqa: E402

_SHARED_NEWS = Path(__file__).resolve().parents[3] / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"
_REGRESSION = Path(__file__).resolve().parents[1] / "regression" / "saudinewsnet_quantities.jsonl"


@pytest.mark.skipif(not _SHARED_NEWS.exists(), reason="../shared data is absent")
def test_regression_set_precision_and_recall() -> None:
    gold = [json.loads(line) for line in _REGRESSION.read_text(encoding="utf-8").splitlines()]
    gold = [row for row in gold if "id" in row]
    sample = (_REGRESSION.parent / "saudinewsnet_sample.txt").read_text(encoding="utf-8").split()
    wanted = {line for line in sample if line.startswith("saudinewsnet:")}
    wanted = set(sorted(wanted, key=sample.index)[:50])  # the annotated ids
    texts = {}
    with gzip.open(_SHARED_NEWS, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line[8:60].split('"', 1)[0] in wanted:  # '{"id": "<id>", ...'
                record = json.loads(line)
                texts[record["id"]] = record["text"]
    fields = ("start", "end", "low", "high", "approximate", "unit")
    expected = {(row["id"], *(row[f] for f in fields)) for row in gold}
    found = set()
    for doc_id, text in texts.items():
        for q in quantities_in(text):
            assert text[q.start : q.end] == text[q.start : q.end].strip() != ""
            found.add((doc_id, *(getattr(q, f) for f in fields)))
    assert len(texts) == 50
    hits = len(expected & found)
    assert hits / len(found) >= 0.95
    assert hits / len(expected) >= 0.98
