import pytest

from marsad.errors import ParseError
from marsad.web.corpus import Corpus, paginate, search_pattern
from marsad.web.views import parse_span


def _corpus(claims: tuple[dict, ...] = ()) -> Corpus:
    text = "قالت وزارة الصحة إن 30 شخصا أصيبوا. وأضافت أن المستشفى يعمل."
    return Corpus(
        {
            "documents": [{"id": "d1", "title": "إصابات في حادث سير", "text": text}],
            "entities": [{"id": "E1", "type": "ORG", "name": "وزارة الصحة", "aliases": ["وزارة الصحة"]}],
            "mentions": [{"doc": "d1", "start": 5, "end": 16, "text": "وزارة الصحة", "type": "ORG", "entity": "E1"}],
            "quantities": [],
            "times": [],
            "attributions": [],
            "claims": list(claims),
            "events": [],
            "stories": [],
        }
    )


def test_pages_of_fifty_clamped_to_the_pages_there_are() -> None:
    items = list(range(120))
    assert paginate(items, 1).items == list(range(50)) and paginate(items, 1).pages == 3
    assert paginate(items, 3).items == list(range(100, 120))
    assert paginate(items, 9).number == 3 and paginate(items, 0).number == 1
    assert paginate([], 1).pages == 1 and paginate([], 1).items == []


def test_a_quote_is_the_sentence_around_the_span() -> None:
    corpus = _corpus()
    quote = corpus.quote("d1", 5, 16)
    assert (quote.before, quote.focus, quote.after) == ("قالت ", "وزارة الصحة", " إن 30 شخصا أصيبوا.")
    assert corpus.sentence("d1", 40) == (36, len(corpus.documents["d1"]["text"]))


def test_a_source_is_shown_as_its_entity_or_as_the_text_spells_it() -> None:
    claim = {
        "id": "C1", "summary": "", "occurrences": [{"doc": "d1", "start": 20, "end": 22}],
        "origins": ["name:مسوولون طبيون"], "independent_origins": 1,
        "source_names": {"name:مسوولون طبيون": "مسؤولون طبيون"},
    }
    corpus = _corpus((claim,))
    assert corpus.source("name:مسوولون طبيون")["name"] == "مسؤولون طبيون"
    assert corpus.source("name:مصادر") == {"key": "name:مصادر", "name": "مصادر", "entity": None}
    assert corpus.source("E1")["entity"] == "E1"


def test_search_is_blind_to_hamza_ta_marbuta_and_spacing() -> None:
    corpus = _corpus()
    assert [e["id"] for e in corpus.search_entities("وزاره  الصحه")] == ["E1"]
    assert corpus.search_documents("اصابات") == ["d1"]  # the title
    assert corpus.search_documents("المستشفي") == ["d1"]
    assert corpus.search_hit("d1", "المستشفي").focus == "المستشفى"
    assert corpus.search_hit("d1", "اصابات") is None and search_pattern("  ") is None


def test_a_highlight_must_be_a_span_of_the_text() -> None:
    assert parse_span("5-16", 20) == (5, 16)
    assert parse_span("16-5", 20) is None and parse_span("5-30", 20) is None and parse_span("x-1", 20) is None
    assert parse_span(None, 20) is None


def test_loading_checks_the_contract(tmp_path) -> None:
    (tmp_path / "analysis.json").write_text("{", encoding="utf-8")
    with pytest.raises(ParseError):
        Corpus.load(tmp_path)

