from marsad.arabic.language import identify_language


def test_languages_are_told_apart() -> None:
    assert identify_language("أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية") == "ar"
    assert identify_language("The government announced a new plan to support farmers in rural areas") == "en"
    assert identify_language("دولت امروز از طرح جدیدی برای حمایت از کشاورزان در مناطق روستایی خبر داد") == "fa"


def test_text_without_letters_is_undetermined() -> None:
    assert identify_language("12 - 45 / 2020 ...") == "und"
