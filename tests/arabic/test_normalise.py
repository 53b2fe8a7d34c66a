import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic.normalise import (
    fold,
    normalise,
    normalise_alef,
    normalise_digits,
    normalise_punctuation,
    normalise_ta_marbuta,
    normalise_with_map,
    normalise_ya,
    original_span,
    remove_diacritics,
    remove_tatweel,
)


@pytest.mark.parametrize(
    ("func", "given_text", "expected"),
    [
        (normalise_alef, "أحمد وإبراهيم وآمنة", "احمد وابراهيم وامنة"),
        (normalise_ya, "مستشفى على", "مستشفي علي"),
        (normalise_ta_marbuta, "مدينة الرقة", "مدينه الرقه"),
        (remove_diacritics, "مُحَمَّدٌ", "محمد"),
        (remove_tatweel, "الأخبـــار", "الأخبار"),
        (normalise_digits, "٢٠١٧ و۱۴۰۲", "2017 و1402"),
        (normalise_punctuation, "نعم، لا؛ لماذا؟ ٪", "نعم, لا; لماذا? %"),
    ],
)
def test_each_phenomenon_has_its_own_function(func, given_text: str, expected: str) -> None:
    assert func(given_text) == expected


def test_spelling_variants_share_one_normal_form() -> None:
    assert normalise("أمريكا") == normalise("امريكا")
    assert normalise("الإسلاميّة") == normalise("الاسلامية")
    assert fold("  قوات   سورية ") == fold("قوات سوريه")


def test_map_points_back_to_the_original_characters() -> None:
    text = "قالَ المـرصد: ٣٠ قتيلاً"
    norm, index = normalise_with_map(text)
    assert norm == "قال المرصد: 30 قتيلا"
    start = norm.index("المرصد")
    a, b = original_span(index, start, start + len("المرصد"))
    assert text[a:b] == "المـرصد"
    a, b = original_span(index, norm.index("30"), norm.index("30") + 2)
    assert text[a:b] == "٣٠"


@given(st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي أإآىةـًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩،.x"))))
def test_map_is_consistent_with_normalise(text: str) -> None:
    norm, index = normalise_with_map(text)
    assert norm == normalise(text)
    assert len(index) == len(norm) + 1
    assert all(normalise(text[i]) == norm[k] for k, i in enumerate(index[:-1]))
