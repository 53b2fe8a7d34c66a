import pytest

from marsad.ingest.metadata import credit_parts, is_clock_time, parse_byline, parse_dateline, person_name


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("الخميس، 27 أبريل 2017 03:53 م", "2017-04-27T15:53"),
        ("الخميس، 27 أبريل 2017 03:53 ص", "2017-04-27T03:53"),
        ("السبت 4 مايو 2019 12:10 ص", "2019-05-04T00:10"),
        ("2017/04/27", "2017-04-27"),
        ("27/04/2017", "2017-04-27"),
        ("نشر في : 12 - 3 - 2016", "2016-03-12"),
        ("تم النشر: 2016-05-03 14:20", "2016-05-03T14:20"),
        # Arabic-Indic digits, Levantine month name
        ("الأحد ١٥ كانون الثاني ٢٠١٧ - ١٠:٣٠ ص", "2017-01-15T10:30"),
        # Maghrebi month names
        ("5 جانفي 2018", "2018-01-05"),
        ("نشر في 7 فيفري 2015 على الساعة 09:15 مساء", "2015-02-07T21:15"),
        ("12 شتنبر 2019", "2019-09-12"),
        ("3 غشت 2016", "2016-08-03"),
        # two names of one month
        ("8 ديسمبر / كانون الأول 2017", "2017-12-08"),
        # the Gregorian date given beside a Hijri one wins
        ("26 شوال 1436 هـ الموافق 11 أغسطس 2015", "2015-08-11"),
    ],
)
def test_datelines_give_iso_dates(line: str, published: str) -> None:
    dateline = parse_dateline(line)
    assert dateline is not None
    assert dateline.published == published


def test_era_marks_and_the_joining_word_are_part_of_the_date() -> None:
    dateline = parse_dateline("أبها 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس")
    assert dateline is not None
    assert (dateline.published, dateline.rest) == ("2015-08-11", "أبها واس")


def test_a_hijri_date_alone_is_converted() -> None:
    dateline = parse_dateline("1 رمضان 1438 هـ")
    assert dateline is not None and dateline.published == "2017-05-27"


def test_dateline_rest_holds_the_words_around_the_date() -> None:
    dateline = parse_dateline("نشر في : 12 - 3 - 2016")
    assert dateline is not None and dateline.rest == "نشر في :"


@pytest.mark.parametrize(
    "line", ["32 مارس 2017", "قتل 12 رجلا في الهجوم", "وصل 3 وزراء إلى 2017 مؤتمرا", "الساعة 25:10"]
)
def test_lines_without_a_valid_date_give_none(line: str) -> None:
    assert parse_dateline(line) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("كتب : سها صلاح", "سها صلاح"),
        ("كتب - محمد الشرقاوي", "محمد الشرقاوي"),
        ("كتبت: منى عبد الرحيم", "منى عبد الرحيم"),
        ("بقلم: خالد يوسف", "خالد يوسف"),
        ("بقلم الكاتب / سامي العلي", "سامي العلي"),
        ("إعداد: ليلى حسن", "ليلى حسن"),
        ("كتب محمد علي - القاهرة", "محمد علي"),
        ("Posted by Ahmed Ali", "Ahmed Ali"),
    ],
)
def test_bylines_give_the_name_only(line: str, name: str) -> None:
    assert parse_byline(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "كتبنا هذا الخبر أمس",
        "كتب الرئيس رسالة إلى نظيره الفرنسي يطلب فيها الدعم العاجل",
        "أعلنت الوزارة عن خطة جديدة",
        "كتب : 2017",
    ],
)
def test_lines_that_are_not_bylines_give_none(line: str) -> None:
    assert parse_byline(line) is None


def test_a_bare_credit_line_splits_into_its_parts() -> None:
    assert credit_parts("طلال عبدالله ـ القاهرة") == ["طلال عبدالله", "القاهرة"]
    assert credit_parts("أعلنت الوزارة اليوم عن خطة جديدة للطرق - القاهرة") is None
    assert credit_parts("قتل 3 أشخاص - حلب") is None
    assert credit_parts("القاهرة") is None


def test_person_name_is_cut_at_a_separator() -> None:
    assert person_name("محمد علي، القاهرة") == "محمد علي"
    assert person_name("فريق من ستة محررين في الصحيفة اليومية") is None


@pytest.mark.parametrize(
    ("line", "expected"), [("14:27", True), ("١٠:٣٠ ص", True), ("قتل 14 شخصا", False), ("99:99", False)]
)
def test_clock_time_lines(line: str, expected: bool) -> None:
    assert is_clock_time(line) is expected
