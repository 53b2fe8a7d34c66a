"""Tests for marsad.arabic.numbers: number words and quantities."""

from __future__ import annotations

import pytest

from marsad.arabic.numbers import number_word_value


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


@pytest.mark.parametrize("word", ["آلاف", "عشرات", "بضعة", "أحد", "إحدى", "ثاني", "ثالث", "لست", "سنة", ""])
def test_number_word_value_is_none_for_words_without_a_value(word: str) -> None:
    assert number_word_value(word) is None
