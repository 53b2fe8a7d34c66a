import dataclasses
import math

import pytest

from marsad.arabic.normalise import fold
from marsad.corpus.duplicates import find_duplicates
from marsad.corpus.entities import MentionRecord
from marsad.corpus.signatures import Signature, make_signature
from marsad.corpus.stories import Story, entity_salience, group_stories, story_id
from marsad.document import LOC, MISC, ORG, PER, Document, Metadata
from marsad.pipeline import build_pipeline
from marsad.settings import Settings

SETTINGS = Settings()

FLOOD = (
    "أعلنت وزارة الصحة في محافظة الحديدة، صباح اليوم الأحد، أن حصيلة ضحايا السيول التي اجتاحت مديرية الزهرة ارتفعت "
    "إلى 14 قتيلا و31 مصابا، فيما لا يزال البحث جاريا عن خمسة مفقودين جرفتهم المياه قرب الوادي. وقال مدير مكتب "
    "الصحة في المحافظة إن فرق الإنقاذ تمكنت من إجلاء أكثر من 200 أسرة إلى مدارس المنطقة، وإن السيول ألحقت أضرارا "
    "كبيرة بالطرق والجسور وشبكات الكهرباء في مديرية الزهرة."
)
FLOOD_REWRITE = (
    "ارتفعت حصيلة ضحايا السيول في مديرية الزهرة بمحافظة الحديدة إلى 14 قتيلا و31 مصابا، بحسب مكتب الصحة في "
    "المحافظة، الذي أشار إلى أن فرق الإنقاذ ما زالت تبحث عن خمسة مفقودين جرفتهم السيول، وأنها أجلت مئتي أسرة إلى "
    "مدارس قريبة بعد أن غمرت المياه منازلها وقطعت الطرق والجسور في الزهرة."
)
# The same theme (floods in the same district) years later: another event.
FLOOD_YEARS_LATER = (
    "اجتاحت السيول مديرية الزهرة في محافظة الحديدة بعد أمطار غزيرة، وقال مكتب الصحة في المحافظة إن "
    "فرق الإنقاذ أجلت عشرات الأسر إلى مدارس المنطقة، وإن المياه ألحقت أضرارا بالطرق والجسور وشبكات الكهرباء، "
    "فيما لا يزال البحث جاريا عن مفقودين جرفتهم السيول قرب الوادي."
)
MARKET = (
    "افتتحت بلدية المدينة سوقا شعبية جديدة للخضار والفواكه في الحي الشرقي، تضم أكثر من مئة محل تجاري، "
    "وقال رئيس البلدية إن السوق ستوفر فرص عمل للشباب وتخفف الازدحام عن وسط المدينة خلال شهر رمضان."
)
SCHOOLS = (
    "بدأ العام الدراسي الجديد في مدارس المحافظة بمشاركة آلاف الطلاب والطالبات، وأكدت مديرية التربية أنها "
    "وزعت الكتب المدرسية على جميع المدارس ورممت الفصول المتضررة خلال العطلة الصيفية."
)


@pytest.fixture(scope="module")
def analyse():
    """The real per-document stage (tokens, quantities, times, mentions, ...) and the signature of its result."""
    pipeline = build_pipeline(SETTINGS.pipeline, SETTINGS)

    def signature(doc_id: str, text: str, order: int, published: str | None) -> Signature:
        doc = Document(doc_id, text, Metadata(published=published, language="ar", title=f"عنوان {doc_id}"))
        return make_signature(pipeline(doc, SETTINGS), order, SETTINGS)

    return signature


@pytest.fixture(scope="module")
def corpus(analyse) -> list[Signature]:
    return [
        analyse("flood", FLOOD, 0, "2024-02-11"),
        analyse("market", MARKET, 1, "2024-02-11"),
        analyse("flood_rewrite", FLOOD_REWRITE, 2, "2024-02-12T08:00"),
        analyse("schools", SCHOOLS, 3, "2024-02-12"),
        analyse("flood_2019", FLOOD_YEARS_LATER, 4, "2019-08-03"),
        analyse("flood_copy", FLOOD.replace("،", ","), 5, "2024-02-13"),
    ]


def _stories(signatures: list[Signature], **settings) -> list[Story]:
    duplicates = find_duplicates(signatures, threshold=SETTINGS.duplicate_threshold, num_perm=SETTINGS.minhash_permutations)
    return group_stories(signatures, duplicates=duplicates, settings=SETTINGS.replace(**settings))


def _documents(stories: list[Story]) -> list[tuple[str, ...]]:
    return [story.documents for story in stories]


def test_a_rewrite_shares_the_story_a_copy_follows_and_other_events_stay_apart(corpus) -> None:
    assert find_duplicates(corpus, threshold=0.8, num_perm=SETTINGS.minhash_permutations) == {"flood_copy": "flood"}
    stories = _stories(corpus)
    assert _documents(stories) == [("flood_2019",), ("flood", "flood_rewrite", "flood_copy"), ("market",), ("schools",)]
    flood = stories[1]
    assert flood.id == story_id("flood") and flood.first_seen == "2024-02-11" and flood.last_seen == "2024-02-13"
    assert flood.title in ("عنوان flood", "عنوان flood_rewrite")


def test_the_same_theme_years_apart_is_two_stories_unless_time_is_ignored(corpus) -> None:
    assert _documents(_stories(corpus))[0] == ("flood_2019",)
    timeless = _stories(corpus, story_max_days=10_000)
    assert _documents(timeless)[0] == ("flood_2019", "flood", "flood_rewrite", "flood_copy")


def test_undated_documents_are_placed_by_the_dates_they_mention(corpus) -> None:
    # a text naming only 2016 may be written years later: it joins, unless undated texts are given a window
    undated = dataclasses.replace(corpus[2], date=None, inferred_date="2016-06-01")
    assert ("flood", "flood_copy", "flood_rewrite") in _documents(_stories([*corpus[:2], undated, *corpus[3:]]))
    two_years = _stories([*corpus[:2], undated, *corpus[3:]], story_max_inferred_days=730)
    assert ("flood_rewrite",) in _documents(two_years)
    within_reach = dataclasses.replace(undated, inferred_date="2023-01-01")
    stories = _stories([*corpus[:2], within_reach, *corpus[3:]], story_max_inferred_days=730)
    # stated dates come before inferred ones, which are rough, and give first and last seen
    assert stories[1].documents == ("flood", "flood_copy", "flood_rewrite")
    assert (stories[1].first_seen, stories[1].last_seen) == ("2024-02-11", "2024-02-13")
    # an inferred date is a lower bound: a text naming a later day cannot report these days' floods
    names_a_later_day = dataclasses.replace(undated, inferred_date="2024-06-01")
    assert ("flood_rewrite",) in _documents(_stories([*corpus[:2], names_a_later_day, *corpus[3:]]))
    no_date_at_all = dataclasses.replace(undated, inferred_date=None)
    assert ("flood", "flood_copy", "flood_rewrite") in _documents(_stories([*corpus[:2], no_date_at_all, *corpus[3:]]))


def test_shared_entities_and_figures_add_to_the_text_score(corpus) -> None:
    assert corpus[0].figures == corpus[2].figures == ("14-14 قتيل", "200-200 اسره", "31-31 مصاب", "5-5 مفقود")
    # the rewrite's text alone scores under 0.4; the figures they share lift it over
    text_only = _stories(corpus, story_threshold=0.4, story_entity_weight=0.0, story_figure_weight=0.0)
    assert ("flood_rewrite",) in _documents(text_only)
    figures_only = _stories(corpus, story_threshold=0.4, story_entity_weight=0.0, story_figure_weight=0.2)
    assert ("flood", "flood_rewrite", "flood_copy") in _documents(figures_only)


def _mention(text: str, kind: str, start: int) -> MentionRecord:
    return MentionRecord(start, start + len(text), text, kind)


def test_a_report_s_entities_weigh_by_their_mentions_those_in_the_lead_double_and_misc_is_left_out() -> None:
    mentions = (
        _mention("مدينة الرقة", LOC, 12),
        _mention("قوات سوريا الديمقراطية", ORG, 40),
        _mention("الحرب العالمية الثانية", MISC, 95),
        _mention("مدينة الرقة", LOC, 880),
        _mention("أحمد الخالدي", PER, 1210),
    )
    signature = Signature("report", 0, "2024-03-01", None, b"", 0, (), mentions)
    assert entity_salience(signature) == {
        fold("مدينة الرقة"): pytest.approx(1 + math.log(3)),  # twice for the lead, once later
        fold("قوات سوريا الديمقراطية"): pytest.approx(1 + math.log(2)),
        fold("أحمد الخالدي"): 1.0,  # named once in passing
    }


def test_stories_do_not_depend_on_batches_or_the_order_signatures_arrive_in(corpus) -> None:
    signatures = corpus
    expected = _stories(signatures)
    shuffled = [signatures[i] for i in (4, 2, 5, 0, 3, 1)]
    assert _stories(shuffled) == expected
    duplicates = find_duplicates(signatures, threshold=0.8, num_perm=SETTINGS.minhash_permutations)
    batched = group_stories(shuffled, duplicates=duplicates, settings=SETTINGS, batch_size=2)
    assert batched == expected
    assert [s.id for s in expected] == [story_id(s.documents[0]) for s in expected]
    assert all(s.id.startswith("S") and len(s.id) == 11 for s in expected)


def test_as_json_has_the_contract_s_fields() -> None:
    story = Story("S0123456789", "عنوان", ("a", "b"), "2024-02-11", None)
    assert story.as_json() == {
        "id": "S0123456789",
        "title": "عنوان",
        "documents": ["a", "b"],
        "first_seen": "2024-02-11",
        "last_seen": None,
    }


def test_a_story_takes_a_real_headline_over_opening_words(corpus) -> None:
    untitled = [dataclasses.replace(s, title=None) for s in corpus]
    stories = {s.documents[0]: s for s in _stories(untitled)}
    assert stories["flood"].title == "أعلنت وزارة الصحة في محافظة الحديدة، صباح اليوم الأحد، أن حصيلة ضحايا السيول التي اجتاحت مديرية…"
    one_titled = [untitled[0], dataclasses.replace(untitled[2], title="سيول الحديدة"), *untitled[3:]]
    assert {s.documents[0]: s for s in _stories(one_titled)}["flood"].title == "سيول الحديدة"
