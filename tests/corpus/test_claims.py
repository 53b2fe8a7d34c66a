"""Claims from hand-built documents: the layers are filled directly, so these tests
check merging, provenance and conflicts whatever the extractors do."""

import dataclasses

import pytest

from marsad.arabic.sentences import split_sentences
from marsad.corpus.claims import ClaimBuilder, claim_occurrences, statement_similarity
from marsad.corpus.entities import link_entities, mention_records
from marsad.corpus.provenance import RelayGraph
from marsad.corpus.stance import SAME, compare_statements, stance_scores
from marsad.document import Attribution, Document, Mention, Metadata, Origin, Quantity, Reference, TimeExpression


def _doc(doc_id: str, text: str, *, outlet: str, origins=(), mentions=(), quantities=(), attributions=()) -> Document:
    doc = Document(id=doc_id, text=text, meta=Metadata(language="ar", outlet=outlet), origins=tuple(origins))
    doc = doc.with_layer("sentences", split_sentences(text))
    return doc.with_layer("mentions", mentions).with_layer("quantities", quantities).with_layer("attributions", attributions)


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _figure(text: str, part: str, low: float, high: float, **fields) -> Quantity:
    return Quantity(*_span(text, part), low=low, high=high, **fields)


def _said(text: str, cue: str, source: str, content: str, via: tuple[str, ...] = ()) -> Attribution:
    refs = tuple(Reference(v, *_span(text, v)) for v in via)
    return Attribution(
        *_span(text, cue), cue=cue, source=Reference(source, *_span(text, source)),
        content_start=_span(text, content)[0], content_end=_span(text, content)[1], via=refs,
    )


def _mention(text: str, part: str, kind: str = "ORG") -> Mention:
    return Mention(*_span(text, part), type=kind)


# Three reports of one bribe figure: the monitor said it; a newspaper quoted the monitor;
# a website repeated the newspaper's words.
MONITOR = "قال المرصد المحلي إن المهربين تقاضوا رشاوى بين 5 و7 آلاف دولار عن كل عنصر."
PAPER = "وبحسب صحيفة الشرق، نقلا عن المرصد المحلي، دفع العناصر رشاوى تصل إلى 5 و7 آلاف دولار للمهربين."
SITE = "وقالت صحيفة الشرق إن العناصر دفعوا رشاوى بين 5 و7 آلاف دولار للمهربين."


def _bribe_documents() -> list[Document]:
    monitor = _doc(
        "a", MONITOR, outlet="موقع المرصد",
        mentions=[_mention(MONITOR, "المرصد المحلي")],
        quantities=[_figure(MONITOR, "بين 5 و7 آلاف دولار", 5000, 7000, unit="USD")],
        attributions=[_said(MONITOR, "قال", "المرصد المحلي", "المهربين تقاضوا رشاوى بين 5 و7 آلاف دولار عن كل عنصر")],
    )
    paper = _doc(
        "b", PAPER, outlet="الشرق",
        mentions=[_mention(PAPER, "صحيفة الشرق"), _mention(PAPER, "المرصد المحلي")],
        quantities=[_figure(PAPER, "تصل إلى 5 و7 آلاف دولار", 5000, 7000, unit="USD")],
        attributions=[_said(PAPER, "نقلا عن", "المرصد المحلي", "دفع العناصر رشاوى تصل إلى 5 و7 آلاف دولار للمهربين", via=("صحيفة الشرق",))],
    )
    site = _doc(
        "c", SITE, outlet="موقع الأخبار", origins=[Origin("صحيفة الشرق", "relayed")],
        mentions=[_mention(SITE, "صحيفة الشرق")],
        quantities=[_figure(SITE, "بين 5 و7 آلاف دولار", 5000, 7000, unit="USD")],
        attributions=[_said(SITE, "وقالت", "صحيفة الشرق", "العناصر دفعوا رشاوى بين 5 و7 آلاف دولار للمهربين")],
    )
    return [monitor, paper, site]


def _entities(docs: list[Document]) -> dict[tuple[str, int, int], str]:
    """A stand-in for entity linking: one id per surface name."""
    ids = {"المرصد المحلي": "E-monitor", "صحيفة الشرق": "E-sharq"}
    return {(d.id, m.start, m.end): ids[d.text[m.start : m.end]] for d in docs for m in d.mentions}


def test_one_figure_relayed_three_ways_is_one_claim_with_one_independent_origin() -> None:
    docs = _bribe_documents()
    builder = ClaimBuilder()
    for order, doc in enumerate(docs):
        builder.add(claim_occurrences(doc, order))
    claims = builder.finish(_entities(docs), story_of={})
    (bribe,) = [c for c in claims if c["kind"] == "figure"]
    assert [o["doc"] for o in bribe["occurrences"]] == ["a", "b", "c"]
    assert bribe["value"] == {"low": 5000, "high": 7000, "unit": "USD"}
    assert bribe["measure"].startswith("paid|")
    assert bribe["origins"] == ["E-monitor", "E-sharq"]
    assert bribe["independent_origins"] == 1
    assert bribe["conflicts"] == []


def test_an_origin_credited_by_its_english_name_is_the_entity_mentioned_in_arabic() -> None:
    """The monitor said it; a translation of the newspaper quotes the monitor; another outlet quotes the newspaper."""
    monitor = "قال المرصد السوري لحقوق الإنسان إن قياديين دفعوا رشاوى بين 10 و15 ألف دولار للعبور."
    translation = "ونقلت الصحيفة عن المرصد السوري لحقوق الإنسان أن القياديين دفعوا رشاوى تصل إلى 10 و15 ألف دولار."
    quoting = "وقالت صحيفة نيويورك تايمز إن القياديين دفعوا رشاوى بين 10 و15 ألف دولار."
    observatory = "المرصد السوري لحقوق الإنسان"
    docs = [
        _doc(
            "m", monitor, outlet="موقع المرصد", mentions=[_mention(monitor, observatory)],
            quantities=[_figure(monitor, "بين 10 و15 ألف دولار", 10000, 15000, unit="USD")],
            attributions=[_said(monitor, "قال", observatory, "قياديين دفعوا رشاوى بين 10 و15 ألف دولار للعبور")],
        ),
        _doc(
            "t", translation, outlet="موقع عربي", origins=[Origin("The New York Times", "translated")],
            mentions=[_mention(translation, observatory)],
            quantities=[_figure(translation, "تصل إلى 10 و15 ألف دولار", 10000, 15000, unit="USD")],
            attributions=[_said(translation, "ونقلت", observatory, "القياديين دفعوا رشاوى تصل إلى 10 و15 ألف دولار")],
        ),
        _doc(
            "q", quoting, outlet="موقع آخر", mentions=[_mention(quoting, "نيويورك تايمز")],
            quantities=[_figure(quoting, "بين 10 و15 ألف دولار", 10000, 15000, unit="USD")],
            attributions=[_said(quoting, "وقالت", "صحيفة نيويورك تايمز", "القياديين دفعوا رشاوى بين 10 و15 ألف دولار")],
        ),
    ]
    builder = ClaimBuilder()
    for order, doc in enumerate(docs):
        builder.add(claim_occurrences(doc, order))
    linking = link_entities((doc.id, mention_records(doc)) for doc in docs)
    (bribe,) = builder.finish(linking.mention_entity, story_of={})
    newspaper = linking.mention_entity[("q", *_span(quoting, "نيويورك تايمز"))]
    assert bribe["occurrences"][1]["sources"][:2] == [linking.mention_entity[("t", *_span(translation, observatory))], newspaper]
    assert len(bribe["origins"]) == 2 and newspaper in bribe["origins"]
    assert bribe["independent_origins"] == 1


def test_different_figures_for_one_measure_in_one_story_are_conflicts() -> None:
    first = "وفر نحو ألف مقاتل من المدينة خلال الأيام الأخيرة."
    second = "وقدر مسؤولون أن آلاف المقاتلين فروا من المدينة."
    docs = [
        _doc("x", first, outlet="أ", quantities=[_figure(first, "نحو ألف", 1000, 1000, approximate=True, counted="مقاتل", counted_lemma="مقاتل")]),
        _doc("y", second, outlet="ب", quantities=[_figure(second, "آلاف", 2000, None, approximate=True, counted="المقاتلين", counted_lemma="مقاتل")]),
    ]
    builder = ClaimBuilder()
    for order, doc in enumerate(docs):
        builder.add(claim_occurrences(doc, order))
    (claim,) = builder.finish({}, story_of={"x": "S1", "y": "S1"})
    assert claim["measure"] == "fled|مقاتل|"
    assert [(c["doc"], c["low"], c["high"]) for c in claim["conflicts"]] == [("y", 2000, None)]


def test_a_figure_followed_by_its_verb_counts_what_the_document_s_figures_of_that_measure_count() -> None:
    first = "وقدر مسؤولون أن آلاف المقاتلين فروا من المدينة."
    second = "بضعة آلاف فرّوا إلى الصحراء\nوقال قائد إن نحو ألف مقاتل فروا من البلدة."
    docs = [
        _doc("x", first, outlet="أ", quantities=[_figure(first, "آلاف", 2000, None, approximate=True, counted="المقاتلين", counted_lemma="مقاتل")]),
        _doc(
            "y", second, outlet="ب",
            quantities=[
                _figure(second, "بضعة آلاف", 3000, 9000, approximate=True, counted="فرّوا", counted_lemma="فرو"),
                _figure(second, "نحو ألف", 1000, 1000, approximate=True, counted="مقاتل", counted_lemma="مقاتل"),
            ],
        ),
    ]
    builder = ClaimBuilder()
    for order, doc in enumerate(docs):
        builder.add(claim_occurrences(doc, order))
    (claim,) = builder.finish({}, story_of={"x": "S1", "y": "S1"})
    assert claim["measure"] == "fled|مقاتل|"
    assert sorted((c["low"], c["high"]) for c in claim["conflicts"]) == [(1000, 1000), (3000, 9000)]


def test_a_pronoun_after_the_number_word_or_others_after_the_figure_names_nothing_counted() -> None:
    text = "فر نحو ألف مقاتل من البلدة. وقدر المسؤولون عدد الفارين ثم عدلوا عددهم ببضعة آلاف. وقال مسؤول إن عدة آلاف آخرين نجوا."
    doc = _doc(
        "d", text, outlet="أ",
        quantities=[
            _figure(text, "نحو ألف", 1000, 1000, approximate=True, counted="مقاتل", counted_lemma="مقاتل"),
            _figure(text, "بضعة آلاف", 3000, 9000, approximate=True),
            _figure(text, "عدة آلاف", 3000, 9000, approximate=True, counted="آخرين", counted_lemma="آخر"),
        ],
    )
    assert [o.measure for o in claim_occurrences(doc, 0)] == ["fled|مقاتل|"] * 3


def test_different_measures_are_not_merged_even_in_one_story() -> None:
    text = "أسفرت المعركة عن مقتل 600 مسلح، فيما قتل 300 شخص من المدنيين."
    doc = _doc(
        "z", text, outlet="أ",
        quantities=[
            _figure(text, "600", 600, 600, counted="مسلح", counted_lemma="مسلح"),
            _figure(text, "300", 300, 300, counted="شخص", counted_lemma="شخص"),
        ],
    )
    builder = ClaimBuilder()
    builder.add(claim_occurrences(doc, 0))
    claims = builder.finish({}, story_of={"z": "S"})
    assert sorted(c["measure"] for c in claims) == ["killed|شخص|", "killed|مسلح|"]


def test_paraphrased_statements_in_one_story_merge_and_others_do_not() -> None:
    one = "قال الوزير إن الحكومة ستفتح المعابر الحدودية أمام المساعدات الأسبوع المقبل."
    two = "وأكد الوزير أن الحكومة ستفتح المعابر الحدودية أمام المساعدات قريبا."
    three = "وقال الوزير إن الأمطار أتلفت محاصيل القمح في الجنوب."
    docs = [
        _doc("p", one, outlet="أ", attributions=[_said(one, "قال", "الوزير", "الحكومة ستفتح المعابر الحدودية أمام المساعدات الأسبوع المقبل")]),
        _doc("q", two, outlet="ب", attributions=[_said(two, "وأكد", "الوزير", "الحكومة ستفتح المعابر الحدودية أمام المساعدات قريبا")]),
        _doc("r", three, outlet="ج", attributions=[_said(three, "وقال", "الوزير", "الأمطار أتلفت محاصيل القمح في الجنوب")]),
    ]
    builder = ClaimBuilder()
    for order, doc in enumerate(docs):
        builder.add(claim_occurrences(doc, order))
    claims = builder.finish({}, story_of={"p": "S", "q": "S", "r": "S"})
    assert sorted(len(c["occurrences"]) for c in claims) == [1, 2]


def test_a_negated_statement_in_one_story_is_a_conflict_not_the_same_claim() -> None:
    said = "قال المتحدث إن الجيش انسحب من البلدة بعد اشتباكات عنيفة مع المسلحين."
    denied = "ونفى المتحدث أن الجيش لم ينسحب من البلدة رغم الاشتباكات مع المسلحين."
    docs = [
        _doc("p", said, outlet="أ", attributions=[_said(said, "قال", "المتحدث", "الجيش انسحب من البلدة بعد اشتباكات عنيفة مع المسلحين")]),
        _doc("q", denied, outlet="ب", attributions=[_said(denied, "ونفى", "المتحدث", "الجيش لم ينسحب من البلدة رغم الاشتباكات مع المسلحين")]),
    ]
    builder = ClaimBuilder()
    for order, doc in enumerate(docs):
        builder.add(claim_occurrences(doc, order))
    claims = builder.finish({}, story_of={"p": "S", "q": "S"})
    assert [len(c["occurrences"]) for c in claims] == [1, 1]
    assert [(c["conflicts"][0]["doc"], c["conflicts"][0]["stance"]) for c in claims] == [("q", "contradiction"), ("p", "contradiction")]


def test_stance_is_the_same_in_both_orders() -> None:
    first = "ارتفعت أسعار النفط في الأسواق العالمية اليوم"
    second = "انخفاض أسعار النفط في الأسواق العالمية اليوم"
    assert stance_scores(first, second) == pytest.approx(stance_scores(second, first))
    assert compare_statements(first, first) == SAME


def test_statement_similarity_is_relative_to_the_shorter_statement() -> None:
    assert statement_similarity(frozenset("abc"), frozenset("abcdef")) == 1.0
    assert statement_similarity(frozenset("ab"), frozenset("cd")) == 0.0


def test_relay_graph_counts_sources_that_do_not_relay_each_other() -> None:
    graph = RelayGraph()
    graph.add_chain(["monitor", "paper", "site"])  # the paper relayed the monitor, the site the paper
    graph.add_chain(["ministry", "agency"])
    assert graph.independent(["monitor", "paper"]) == 1
    assert graph.independent(["monitor", "site"]) == 1
    assert graph.independent(["monitor", "ministry"]) == 2
    assert graph.independent(["paper", "agency", "site"]) == 2


def test_relay_graph_follows_long_chains_through_roots_and_cycles() -> None:
    graph = RelayGraph()
    graph.add_chain(["monitor", "paper", "site", "blog"])
    graph.add_chain(["ministry", "agency"])
    graph.add_chain(["agency", "ministry"])  # each says it had it from the other
    assert graph.independent(["blog", "site", "monitor"]) == 1
    assert graph.independent(["blog", "ministry"]) == 2
    assert graph.independent(["ministry", "agency"]) == 1


def test_relay_graph_counts_a_claim_with_thousands_of_roots() -> None:
    graph = RelayGraph()
    for n in range(5000):
        graph.add_chain([f"official {n}", "agency", "paper"])
    roots = [f"official {n}" for n in range(5000)] + ["paper"]
    assert graph.independent(roots) == 5000


def test_a_round_figure_in_unrelated_stories_is_two_claims_and_a_rare_one_is_one() -> None:
    market = "قتل شخصان وأصيب ثلاثة في انفجار عبوة ناسفة بسوق المدينة."
    road = "قتل شخصان في حادث سير على الطريق الدولي مساء أمس."
    toll = "وقتل 3250 شخصا خلال معركة المدينة، بحسب المرصد."
    retold = "وذكر تقرير أن المعركة قتل فيها 3250 شخصا."
    docs = [
        _doc("m", market, outlet="أ", quantities=[_figure(market, "شخصان", 2, 2, counted="شخصان", counted_lemma="شخص")]),
        _doc("r", road, outlet="ب", quantities=[_figure(road, "شخصان", 2, 2, counted="شخصان", counted_lemma="شخص")]),
        _doc("t", toll, outlet="ج", quantities=[_figure(toll, "3250 شخصا", 3250, 3250, counted="شخصا", counted_lemma="شخص")]),
        _doc("u", retold, outlet="د", quantities=[_figure(retold, "3250 شخصا", 3250, 3250, counted="شخصا", counted_lemma="شخص")]),
    ]
    builder = ClaimBuilder()
    for order, doc in enumerate(docs):
        builder.add(claim_occurrences(doc, order))
    claims = builder.finish({}, story_of={"m": "S1", "r": "S2", "t": "S3", "u": "S4"})
    grouped = sorted(sorted(o["doc"] for o in c["occurrences"]) for c in claims if c["kind"] == "figure")
    assert grouped == [["m"], ["r"], ["t", "u"]]


def test_different_figures_of_one_measure_in_one_document_are_two_facts_not_a_conflict() -> None:
    text = "وقتل الآلاف من المقاتلين خلال الحملة، بينما قتل نحو 150 مقاتلا في غارة واحدة على القرية."
    doc = _doc(
        "x", text, outlet="أ",
        quantities=[
            _figure(text, "الآلاف", 2000, None, approximate=True, counted="المقاتلين", counted_lemma="مقاتل"),
            _figure(text, "نحو 150", 150, 150, approximate=True, counted="مقاتلا", counted_lemma="مقاتل"),
        ],
    )
    builder = ClaimBuilder()
    builder.add(claim_occurrences(doc, 0))
    claims = [c for c in builder.finish({}, story_of={"x": "S1"}) if c["kind"] == "figure"]
    assert sorted((c["value"]["low"], c["conflicts"]) for c in claims) == [(150, []), (2000, [])]


def test_a_figure_that_many_stories_state_is_common_and_joins_none_of_them() -> None:
    report = "وارتفع عدد المصابين بالفيروس في المنطقة إلى 125 مصابا خلال الأسبوع."
    docs = [
        _doc(name, report, outlet="أ", quantities=[_figure(report, "125 مصابا", 125, 125, counted="مصابا", counted_lemma="مصاب")])
        for name in "abcd"
    ]
    builder = ClaimBuilder()
    for order, doc in enumerate(docs):
        builder.add(claim_occurrences(doc, order))
    claims = builder.finish({}, story_of={name: "S" + name for name in "abcd"})
    assert [len(c["occurrences"]) for c in claims] == [1, 1, 1, 1]
    builder = ClaimBuilder()
    for order, doc in enumerate(docs[:3]):
        builder.add(claim_occurrences(doc, order))
    (claim,) = builder.finish({}, story_of={name: "S" + name for name in "abc"})
    assert claim["documents"] == 3


def test_a_share_without_what_it_is_a_share_of_stands_alone() -> None:
    first = "وارتفع المؤشر العام بنسبة 1.5 بالمئة في ختام التعاملات."
    second = "وارتفعت أسعار الذهب 3 بالمئة خلال الجلسة نفسها."
    docs = [
        _doc("x", first, outlet="أ", quantities=[_figure(first, "1.5 بالمئة", 1.5, 1.5, unit="percent")]),
        _doc("y", second, outlet="ب", quantities=[_figure(second, "3 بالمئة", 3, 3, unit="percent")]),
    ]
    builder = ClaimBuilder()
    for order, doc in enumerate(docs):
        builder.add(claim_occurrences(doc, order))
    claims = builder.finish({}, story_of={"x": "S1", "y": "S1"})
    assert sorted((c["occurrences"][0]["doc"], c["conflicts"]) for c in claims) == [("x", []), ("y", [])]


def test_a_toll_of_an_earlier_year_recalled_in_a_report_is_another_fact() -> None:
    text = "وقتل 9 أشخاص في السيول أمس. وفي عام 2019 أودت سيول مماثلة بحياة 14 شخصا."
    copy = "قتل 9 أشخاص في السيول. وكانت سيول عام 2019 قد أودت بحياة 14 شخصا."
    docs = []
    for doc_id, body in (("x", text), ("y", copy)):
        doc = _doc(
            doc_id, body, outlet=doc_id,
            quantities=[
                _figure(body, "9 أشخاص", 9, 9, counted="أشخاص", counted_lemma="شخص"),
                _figure(body, "14 شخصا", 14, 14, counted="شخصا", counted_lemma="شخص"),
            ],
        )
        year = TimeExpression(*_span(body, "2019"), value_start="2019", value_end="2019", granularity="year")
        docs.append(dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, published="2026-03-02")).with_layer("times", [year]))
    builder = ClaimBuilder()
    for order, doc in enumerate(docs):
        builder.add(claim_occurrences(doc, order))
    claims = builder.finish({}, story_of={"x": "S1", "y": "S1"})
    assert sorted((c["value"]["low"], c["documents"], c["conflicts"]) for c in claims) == [(9, 2, []), (14, 2, [])]


def test_bodies_recovered_are_a_toll_and_damaged_houses_are_not() -> None:
    text = "وانتشلت فرق الإنقاذ جثث 6 أشخاص، وألحق القصف أضرارا بعشرات المنازل وأودى بحياة كثيرين."
    doc = _doc(
        "x", text, outlet="أ",
        quantities=[
            _figure(text, "6 أشخاص", 6, 6, counted="أشخاص", counted_lemma="شخص"),
            _figure(text, "عشرات المنازل", 20, None, approximate=True, counted="المنازل", counted_lemma="منزل"),
        ],
    )
    measures = sorted(o.measure for o in claim_occurrences(doc, 0))
    assert measures == ["damaged|منزل|", "killed|شخص|"]


def test_a_source_no_entity_stands_for_is_named_as_the_text_spells_it() -> None:
    docs = _bribe_documents()
    builder = ClaimBuilder()
    for order, doc in enumerate(docs):
        builder.add(claim_occurrences(doc, order))
    (bribe,) = [c for c in builder.finish({}, story_of={}) if c["kind"] == "figure"]
    assert bribe["origins"] == ["name:المرصد المحلي", "name:صحيفه الشرق"]  # keys are folded
    assert bribe["source_names"]["name:صحيفه الشرق"] == "صحيفة الشرق"
    assert set(bribe["source_names"]) >= set(bribe["origins"])


def test_figures_dated_to_different_days_are_different_facts_not_a_conflict() -> None:
    reports = {
        "x": ("وارتفعت اليوم أسهم 120 شركة في السوق.", "2026-03-01"),
        "y": ("وارتفعت اليوم أسهم 95 شركة في السوق.", "2026-03-02"),
        "z": ("وقال محلل إن أسهم 80 شركة ارتفعت في السوق.", "2026-03-02"),
    }
    docs = []
    for doc_id, (text, published) in reports.items():
        figure = next(part for part in ("120 شركة", "95 شركة", "80 شركة") if part in text)
        doc = _doc(doc_id, text, outlet=doc_id, quantities=[_figure(text, figure, int(figure.split()[0]), int(figure.split()[0]), counted="شركة", counted_lemma="شركة")])
        doc = dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, published=published))
        times = [TimeExpression(*_span(text, "اليوم"), value_start=published, value_end=published, granularity="day")] if "اليوم" in text else []
        docs.append(doc.with_layer("times", times))
    builder = ClaimBuilder()
    for order, doc in enumerate(docs):
        builder.add(claim_occurrences(doc, order))
    claims = builder.finish({}, story_of={"x": "S1", "y": "S1", "z": "S1"})
    summary = sorted((c["value"]["low"], [o["doc"] for o in c["occurrences"]], [x["low"] for x in c["conflicts"]]) for c in claims)
    # 120 on the 1st stands alone; 95 and the undated 80 of the 2nd are one day's figures, in conflict
    assert summary == [(95, ["y", "z"], [80]), (120, ["x"], [])]
