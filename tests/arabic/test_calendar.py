"""Month and weekday names, and Hijri conversion."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.arabic.calendar import (
    gregorian_to_hijri,
    hijri_month_number,
    hijri_month_span,
    hijri_to_gregorian,
    hijri_year_span,
    month_names,
    month_number,
    weekday_number,
)


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("يناير", 1), ("كانون الثاني", 1), ("جانفي", 1), ("كانون  الثاني", 1), ("كانون ثاني", 1),
        ("فبراير", 2), ("شباط", 2), ("فيفري", 2),
        ("مارس", 3), ("آذار", 3), ("اذار", 3),
        ("أبريل", 4), ("إبريل", 4), ("نيسان", 4), ("أفريل", 4),
        ("مايو", 5), ("أيار", 5), ("ماي", 5),
        ("يونيو", 6), ("يونيه", 6), ("حزيران", 6), ("جوان", 6),
        ("يوليو", 7), ("تموز", 7), ("جويلية", 7),
        ("أغسطس", 8), ("آب", 8), ("أوت", 8),
        ("سبتمبر", 9), ("أيلول", 9),
        ("أكتوبر", 10), ("تشرين الأول", 10), ("تشرين الاول", 10),
        ("نوفمبر", 11), ("تشرين الثاني", 11),
        ("ديسمبر", 12), ("كانون الأول", 12), ("كانون الاول", 12),
        ("أبريـــل", 4), ("يَنَايِر", 1),
    ],
)  # fmt: skip
def test_month_number_in_every_naming_system(name: str, number: int) -> None:
    assert month_number(name) == number


@pytest.mark.parametrize("word", ["الشهر", "رمضان", "", "كانون", "تشرين"])
def test_month_number_of_other_words_is_none(word: str) -> None:
    assert month_number(word) is None


def test_every_month_has_a_name_in_each_system() -> None:
    numbers = sorted(set(month_names().values()))
    assert numbers == list(range(1, 13))


@pytest.mark.parametrize(
    ("name", "number"),
    [("الاثنين", 1), ("الإثنين", 1), ("الثلاثاء", 2), ("الأربعاء", 3), ("الخميس", 4), ("الجمعة", 5),
     ("السبت", 6), ("الأحد", 7)],
)  # fmt: skip
def test_weekday_number_is_iso(name: str, number: int) -> None:
    assert weekday_number(name) == number


@pytest.mark.parametrize(
    ("name", "number"),
    [("محرم", 1), ("صفر", 2), ("ربيع الأول", 3), ("ربيع الآخر", 4), ("ربيع الثاني", 4), ("جمادى الأولى", 5),
     ("جمادى الآخرة", 6), ("رجب", 7), ("شعبان", 8), ("رمضان", 9), ("شوال", 10), ("ذو القعدة", 11),
     ("ذي القعدة", 11), ("ذو الحجة", 12), ("ذي الحجة", 12)],
)  # fmt: skip
def test_hijri_month_number(name: str, number: int) -> None:
    assert hijri_month_number(name) == number


def test_hijri_conversion() -> None:
    assert hijri_to_gregorian(1438, 9, 15) == date(2017, 6, 10)
    assert hijri_to_gregorian(1436, 10, 1) == date(2015, 7, 17)
    assert gregorian_to_hijri(date(2015, 8, 1)) == (1436, 10, 16)
    assert hijri_month_span(1436, 9) == (date(2015, 6, 18), date(2015, 7, 16))
    assert hijri_year_span(1436) == (date(2014, 10, 25), date(2015, 10, 13))


def test_hijri_conversion_outside_the_table_is_none() -> None:
    assert hijri_to_gregorian(1600, 1, 1) is None
    assert hijri_to_gregorian(1438, 13, 1) is None
    assert hijri_to_gregorian(1438, 2, 30) is None  # Safar 1438 has 29 days
    assert hijri_month_span(1200, 1) is None
    assert hijri_year_span(1501) is None
    assert gregorian_to_hijri(date(1800, 1, 1)) is None
