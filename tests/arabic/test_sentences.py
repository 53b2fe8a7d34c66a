from marsad.arabic.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_arabic_and_latin_end_marks_split() -> None:
    text = "سقطت المدينة. هل انتهت المعركة؟ لا! The war goes on."
    assert _texts(text) == ["سقطت المدينة.", "هل انتهت المعركة؟", "لا!", "The war goes on."]


def test_no_split_inside_numbers_dates_or_after_one_letter_abbreviations() -> None:
    text = "ارتفع المؤشر 3.5 نقطة في 2017.4.27 بحسب د. خالد. ثم هبط"
    assert _texts(text) == ["ارتفع المؤشر 3.5 نقطة في 2017.4.27 بحسب د. خالد.", "ثم هبط"]


def test_line_breaks_end_sentences_and_closing_quotes_stay() -> None:
    text = 'وقال: "انتهى الأمر."\nعنوان فرعي\n\nفقرة أخرى'
    assert _texts(text) == ['وقال: "انتهى الأمر."', "عنوان فرعي", "فقرة أخرى"]


def test_offsets_give_back_the_text() -> None:
    text = "  جملة أولى.   جملة ثانية؟  "
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end].strip() == text[sentence.start : sentence.end]
