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
