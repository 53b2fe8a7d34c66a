import dataclasses

from marsad.corpus.duplicates import find_duplicates
from marsad.corpus.signatures import Signature, make_signature
from marsad.corpus.stories import Story, StoryWeights, group_stories, story_id
from marsad.document import Document, Mention, Metadata, Quantity
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
    "اجتاحت السيول مجددا مديرية الزهرة في محافظة الحديدة بعد أمطار غزيرة، وقال مكتب الصحة في المحافظة إن "
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


def _signature(doc_id: str, text: str, order: int, published: str | None, **layers) -> Signature:
    doc = Document(doc_id, text, Metadata(published=published, language="ar", title=f"عنوان {doc_id}"))
    for layer, values in layers.items():
        doc = doc.with_layer(layer, tuple(values))
    return make_signature(doc, order, SETTINGS)


def _corpus() -> list[Signature]:
    return [
        _signature("flood", FLOOD, 0, "2024-02-11"),
        _signature("market", MARKET, 1, "2024-02-11"),
        _signature("flood_rewrite", FLOOD_REWRITE, 2, "2024-02-12T08:00"),
        _signature("schools", SCHOOLS, 3, "2024-02-12"),
        _signature("flood_2019", FLOOD_YEARS_LATER.replace("مجددا ", ""), 4, "2019-08-03"),
        _signature("flood_copy", FLOOD.replace("،", ","), 5, "2024-02-13"),
    ]


def _stories(signatures: list[Signature], **options) -> list[Story]:
    duplicates = find_duplicates(signatures, threshold=SETTINGS.duplicate_threshold, num_perm=SETTINGS.minhash_permutations)
    options = {"threshold": SETTINGS.story_threshold, "max_days": SETTINGS.story_max_days} | options
    return group_stories(signatures, duplicates=duplicates, **options)


def test_a_rewrite_shares_the_story_a_copy_follows_and_other_events_stay_apart() -> None:
    signatures = _corpus()
    assert find_duplicates(signatures, threshold=0.8, num_perm=SETTINGS.minhash_permutations) == {"flood_copy": "flood"}
    stories = _stories(signatures)
    assert [story.documents for story in stories] == [
        ("flood_2019",),
        ("flood", "flood_rewrite", "flood_copy"),
        ("market",),
        ("schools",),
    ]
    flood = stories[1]
    assert flood.id == story_id("flood") and flood.first_seen == "2024-02-11" and flood.last_seen == "2024-02-13"
    assert flood.title in ("عنوان flood", "عنوان flood_rewrite")


def test_the_same_theme_years_apart_is_two_stories_unless_time_is_ignored() -> None:
    signatures = [_signature("flood", FLOOD, 0, "2024-02-11"), _signature("flood_2019", FLOOD_YEARS_LATER, 1, "2019-08-03")]
    assert [s.documents for s in _stories(signatures)] == [("flood_2019",), ("flood",)]
    assert [s.documents for s in _stories(signatures, max_days=10_000, threshold=0.1)] == [("flood_2019", "flood")]


def test_undated_documents_are_placed_by_the_dates_they_mention() -> None:
    undated = dataclasses.replace(_signature("undated", FLOOD_REWRITE, 1, None), inferred_date="2019-08-01")
    signatures = [_signature("flood", FLOOD, 0, "2024-02-11"), undated]
    assert [s.documents for s in _stories(signatures)] == [("undated",), ("flood",)]
    no_date_at_all = dataclasses.replace(undated, inferred_date=None)
    assert [s.documents for s in _stories([signatures[0], no_date_at_all])] == [("flood", "undated")]
    assert _stories([signatures[0], no_date_at_all])[0].first_seen == "2024-02-11"


def test_shared_entities_and_figures_add_to_the_text_score() -> None:
    short_a = "قتل 14 شخصا في سيول ضربت الزهرة بالحديدة أمس."
    short_b = "سيول الحديدة: 14 قتيلا في الزهرة وخسائر في الطرق."
    a_layers = {
        "mentions": [Mention(short_a.index("الزهرة"), short_a.index("الزهرة") + 6, "LOC")],
        "quantities": [Quantity(4, 6, low=14, high=14, counted="شخص", counted_lemma="قتيل")],
    }
    b_layers = {
        "mentions": [Mention(short_b.index("الزهرة"), short_b.index("الزهرة") + 6, "LOC")],
        "quantities": [Quantity(13, 15, low=14, high=14, counted="قتيلا", counted_lemma="قتيل")],
    }
    bare = [_signature("a", short_a, 0, "2024-02-11"), _signature("b", short_b, 1, "2024-02-11")]
    rich = [_signature("a", short_a, 0, "2024-02-11", **a_layers), _signature("b", short_b, 1, "2024-02-11", **b_layers)]
    assert rich[0].figures == rich[1].figures == ("14-14 قتيل",)
    weights = StoryWeights(entities=0.3, figures=0.1, origins=0.1)
    assert len(_stories(bare, threshold=0.5, weights=weights)) == 2
    assert len(_stories(rich, threshold=0.5, weights=weights)) == 1
    assert len(_stories(rich, threshold=0.5, weights=StoryWeights(entities=0.0, figures=0.0, origins=0.0))) == 2


def test_stories_do_not_depend_on_batches_or_the_order_signatures_arrive_in() -> None:
    signatures = _corpus()
    expected = _stories(signatures)
    shuffled = [signatures[i] for i in (4, 2, 5, 0, 3, 1)]
    assert _stories(shuffled) == expected
    duplicates = find_duplicates(signatures, threshold=0.8, num_perm=SETTINGS.minhash_permutations)
    batched = group_stories(
        shuffled, duplicates=duplicates, threshold=SETTINGS.story_threshold, max_days=SETTINGS.story_max_days, batch_size=2
    )
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
