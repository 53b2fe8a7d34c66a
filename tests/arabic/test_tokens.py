import pytest

from marsad.arabic.tokens import split_clitics, surface_offset, tokenise
from marsad.document import LATIN, NUMBER, PUNCT, WORD


def test_tokens_keep_offsets_and_kinds() -> None:
    text = "وقالتْ الوزارة إن ٣٫٥% من The Times فقط."
    tokens = tokenise(text)
    assert [text[t.start : t.end] for t in tokens] == ["وقالتْ", "الوزارة", "إن", "٣٫٥", "%", "من", "The", "Times", "فقط", "."]
    assert [t.kind for t in tokens] == [WORD, WORD, WORD, NUMBER, PUNCT, WORD, LATIN, LATIN, WORD, PUNCT]
    assert tokens[0].norm == "وقالت"
    assert tokens[3].norm == "3.5"


def test_numbers_with_separators_are_one_token() -> None:
    text = "بلغ العدد 20,000 و1.5 و٢٠٬٠٠٠"
    numbers = [text[t.start : t.end] for t in tokenise(text) if t.kind == NUMBER]
    assert numbers == ["20,000", "1.5", "٢٠٬٠٠٠"]


def test_tatweel_and_diacritics_stay_inside_the_word() -> None:
    text = "الإرهـــابيّين"
    (token,) = tokenise(text)
    assert (token.start, token.end, token.norm) == (0, len(text), "الارهابيين")


@pytest.mark.parametrize(
    ("word", "prefix", "stem", "article"),
    [
        ("بالرقه", "بال", "رقه", True),
        ("والمرصد", "وال", "مرصد", True),
        ("للدوله", "لل", "دوله", True),
        ("وبحلب", "وب", "حلب", False),
        ("فقال", "ف", "قال", False),
        ("كالعاده", "كال", "عاده", True),
        ("بلد", "", "بلد", False),
        ("ال", "", "ال", False),
    ],
)
def test_clitics_split_off_a_stem_of_two_letters_at_least(word: str, prefix: str, stem: str, article: bool) -> None:
    split = split_clitics(word)
    assert (split.prefix, split.stem, split.article) == (prefix, stem, article)


def test_name_as_cited_keeps_its_article() -> None:
    assert split_clitics("بالرقه").with_article == "الرقه"
    assert split_clitics("وحلب").with_article == "حلب"


def test_surface_offset_skips_diacritics() -> None:
    surface = "بِالرَّقَّة"
    offset = surface_offset(surface, 1)
    assert surface[offset:] == "الرَّقَّة"
