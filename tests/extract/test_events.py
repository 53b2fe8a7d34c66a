from __future__ import annotations

from pathlib import Path

import pytest

from marsad.arabic.dates import parse_times
from marsad.arabic.sentences import iter_sentences
from marsad.arabic.tokens import iter_tokens
from marsad.document import (
    GPE,
    LOC,
    ORG,
    PER,
    Attribution,
    Document,
    Event,
    Mention,
    Metadata,
    Quantity,
    Reference,
    TimeExpression,
)
from marsad.errors import ModelError
from marsad.extract.events import MEDIATOR, PERPETRATOR, TARGET, find_events
from marsad.settings import Settings

SETTINGS = Settings()


def at(text: str, surface: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def figure(text: str, surface: str, low: float, high: float | None, *, approximate: bool = False, counted: str | None = None) -> Quantity:
    return Quantity(*at(text, surface), low=low, high=high, approximate=approximate, counted=counted)


def day(text: str, surface: str, value: str) -> TimeExpression:
    return TimeExpression(*at(text, surface), value_start=value, value_end=value, granularity="day")


def mention(text: str, surface: str, kind: str, occurrence: int = 0) -> Mention:
    return Mention(*at(text, surface, occurrence), type=kind)


def document(text: str, *, quantities=(), times=(), mentions=(), attributions=(), reference: str | None = None) -> Document:
    doc = Document("t", text, Metadata(language="ar", reference_date=reference))
    return (
        doc.with_layer("tokens", iter_tokens(text))
        .with_layer("sentences", iter_sentences(text))
        .with_layer("quantities", quantities)
        .with_layer("times", times)
        .with_layer("mentions", mentions)
        .with_layer("attributions", attributions)
    )


def events(doc: Document) -> list[Event]:
    found = find_events(doc, SETTINGS)
    for event in found:
        assert event.start < event.end and doc.text[event.start : event.end].strip() == doc.text[event.start : event.end]
    return found


def surface(doc: Document, event: Event) -> str:
    return doc.text[event.start : event.end]


def test_drone_strike_with_village_date_and_toll() -> None:
    text = "قصفت طائرة مسيرة قرية الحمرا شرق دير الزور يوم الأحد، ما أسفر عن مقتل 12 مسلحا."
    doc = document(
        text,
        quantities=[figure(text, "12", 12, 12, counted="مسلحا")],
        times=[day(text, "يوم الأحد", "2019-03-10")],
        mentions=[mention(text, "الحمرا", LOC), mention(text, "دير الزور", GPE)],
    )
    [event] = events(doc)
    assert (surface(doc, event), event.type, event.sub_type) == ("قصفت", "airstrike", "drone_strike")
    assert (event.place, event.place_precision) == (0, 1)  # قرية makes it a village
    assert (event.date, event.date_precision) == ("2019-03-10", 1)
    assert (event.killed, event.injured, event.notes) == ((12, 12), None, ())
    assert event.sentence == 0


def test_suicide_bombing_with_approximate_killed_and_injured() -> None:
    text = "فجر انتحاري نفسه في سوق مزدحم ببغداد، ما أدى إلى مقتل نحو 30 شخصا وإصابة 70 آخرين."
    doc = document(
        text,
        quantities=[
            figure(text, "نحو 30", 30, 30, approximate=True, counted="شخصا"),
            figure(text, "70", 70, 70, counted="آخرين"),
        ],
        mentions=[mention(text, "بغداد", GPE)],
    )
    [event] = events(doc)
    assert (surface(doc, event), event.type, event.sub_type) == ("فجر انتحاري نفسه", "bombing", "suicide_bombing")
    assert (event.killed, event.injured) == ((30, 30), (70, 70))
    assert event.notes == ("killed figure approximate",)
    assert (event.place, event.place_precision) == (0, 1)  # Baghdad is a city in the gazetteer


@pytest.mark.parametrize(
    ("text", "trigger", "kind", "sub_type"),
    [
        ("انفجرت عبوة ناسفة بدورية للشرطة في درعا صباح اليوم.", "انفجرت", "bombing", "remote_explosive"),
        ("سقطت قذائف هاون على حي الميدان وسط دمشق أمس.", "قذائف هاون", "shelling", "shelling"),
        ("اندلعت اشتباكات عنيفة بين الجيش وفصائل المعارضة في ريف حماة.", "اندلعت اشتباكات", "battle", "armed_clash"),
        ("شن مسلحون هجوما على مواقع الجيش قرب الحسكة.", "هجوما", "battle", "attack"),
        ("وقع هجوم على مدنيين في سوق البلدة صباح الجمعة.", "هجوم", "attack", "attack_on_civilians"),
        ("أعدم التنظيم شابين في ساحة عامة بمدينة الميادين.", "أعدم", "execution", None),
        ("اختطف مسلحون مجهولون صحفيا في مدينة إدلب.", "اختطف", "abduction", None),
        ("اعتقلت قوات الأمن ثلاثة ناشطين في حلب.", "اعتقلت", "arrest", None),
        ("ألقت الشرطة القبض على مطلوب في الموصل.", "القبض على", "arrest", None),
        ("تحتجز القوات الكردية مئات المقاتلين في سجن بالحسكة.", "تحتجز", "detention", None),
        ("استسلم عشرات المسلحين للجيش في بلدة بيت جن.", "استسلم", "surrender", None),
        ("فر قادة التنظيم من الرقة إلى البادية.", "فر", "escape", "escape"),
        ("قتل 18 جنديا في قرية أبو ميال إثر عملية تسلل نفذتها الفصائل.", "عملية تسلل", "battle", "attack"),
        ("انشق ضابط برتبة عقيد عن الجيش وانضم إلى المعارضة في درعا.", "انشق", "escape", "desertion"),
        ("عبروا الحدود إلى تركيا عن طريق مهربين الشهر الماضي.", "عبروا", "smuggling", "crossing"),
        ("وثق المرصد تهريب عناصر من التنظيم إلى تركيا.", "تهريب", "smuggling", "smuggling"),
        ("سيطرت قوات المعارضة على مدينة الباب بعد معارك استمرت أسابيع.", "سيطرت", "territory", "capture"),
        ("أعلن الجيش تحرير الرقة بالكامل.", "تحرير", "territory", "capture"),
        ("بعد سقوط الرقة انتقل المقاتلون إلى دير الزور.", "سقوط", "territory", "fall"),
        ("دخل وقف إطلاق النار حيز التنفيذ في الغوطة الشرقية منتصف الليل.", "وقف إطلاق النار", "agreement", "ceasefire"),
        ("أعلنت فصائل المعارضة إسقاط طائرة حربية فوق ريف إدلب.", "إسقاط طائرة", "battle", "aircraft_downed"),
    ],
)
def test_each_event_type(text: str, trigger: str, kind: str, sub_type: str | None) -> None:
    doc = document(text)  # no other layers: verbs and anchored nouns still make events
    found = [(surface(doc, e), e.type, e.sub_type) for e in events(doc)]
    assert found[0] == (trigger, kind, sub_type)
    assert len(found) == 1 or trigger == "سيطرت"  # سيطرت ... بعد معارك: two events


def test_bare_strike_or_shelling_needs_an_air_word_to_be_an_air_strike() -> None:
    doc = document("قصفت الطائرات الحربية بلدة سراقب. وقصفت المدفعية أطراف المدينة.")
    assert [(surface(doc, e), e.type) for e in events(doc)] == [("قصفت", "airstrike"), ("وقصفت", "shelling")]
    assert events(document("وجهت الأزمة ضربة قوية لاقتصاد البلاد.")) == []


@pytest.mark.parametrize(
    "text",
    [
        "نفت الوزارة تنفيذ أي غارات على المدينة.",
        "لم تشن الطائرات أي غارة على البلدة.",
        "حذر المسؤول من أن القصف قد يؤدي إلى فرار آلاف المدنيين.",
        "أطلق التنظيم تهديدات بشن هجمات في العاصمة.",
        "أمهل الجيش المسلحين 72 ساعة للاستسلام.",
        "شارك أكثر من 40 ألف مقاتل في القتال على مدى أربع سنوات.",
        "يتبنى التنظيم تكتيكات مثل التفجيرات الانتحارية.",
        "سقط قتلى في المدينة.",
        "بدأت الشرطة عملية أمنية واسعة للقبض على المسلحين في المدينة.",
        "يعيش النازحون في ظروف صعبة ويواجهون قصفا جويا في إدلب.",
        "يخوض الحزب معارك مسلحة مع الجيش منذ الثمانينات في جبال قنديل.",
    ],
)
def test_negated_hypothetical_and_generic_mentions_are_not_events(text: str) -> None:
    assert events(document(text)) == []


def test_an_event_dated_after_the_document_is_future() -> None:
    text = "تبدأ الهدنة في حلب يوم الجمعة."
    assert events(document(text, times=[day(text, "يوم الجمعة", "2020-05-08")], reference="2020-05-05")) == []
    [event] = events(document(text, times=[day(text, "يوم الجمعة", "2020-05-01")], reference="2020-05-05"))
    assert (event.type, event.date) == ("agreement", "2020-05-01")


def test_subject_is_a_noun_with_purpose_la_only_after_taarrada() -> None:
    doc = document("تعرضت البلدة للقصف المدفعي صباح اليوم.")
    assert [(surface(doc, e), e.type) for e in events(doc)] == [("للقصف المدفعي", "shelling")]


def test_conflicting_figures_give_the_conservative_range_and_a_note() -> None:
    text = "أسفرت الاشتباكات في ريف حماة عن مقتل 15 عنصرا، فيما تحدثت مصادر أخرى عن 22 قتيلا."
    doc = document(
        text,
        quantities=[figure(text, "15", 15, 15, counted="عنصرا"), figure(text, "22", 22, 22, counted="قتيلا")],
        mentions=[mention(text, "حماة", GPE)],
    )
    [event] = events(doc)
    assert event.killed == (15, 22)
    assert event.notes == ("killed figures disputed: 15, 22",)
    assert event.place_precision == 2  # ريف حماة is a district


def test_vague_figure_keeps_the_contract_convention() -> None:
    text = "لقي عشرات المدنيين حتفهم في قصف على بلدات ريف إدلب الأسبوع الماضي."
    doc = document(text, quantities=[figure(text, "عشرات", 20, None, approximate=True, counted="المدنيين")])
    [event] = events(doc)
    assert (event.type, event.killed, event.notes) == ("shelling", (20, None), ("killed figure approximate",))


def test_a_part_of_a_toll_is_not_another_toll() -> None:
    text = "قتل 40 شخصا بينهم 12 طفلا في غارة على سوق المدينة."
    doc = document(text, quantities=[figure(text, "40", 40, 40, counted="شخصا"), figure(text, "12", 12, 12, counted="طفلا")])
    [event] = events(doc)
    assert (event.type, event.killed) == ("airstrike", (40, 40))


def test_executed_victims_are_killed() -> None:
    text = "أعدم تنظيم داعش 25 شخصا في الميادين."
    doc = document(
        text,
        quantities=[figure(text, "25", 25, 25, counted="شخصا")],
        mentions=[mention(text, "تنظيم داعش", ORG), mention(text, "الميادين", GPE)],
    )
    [event] = events(doc)
    assert (event.type, event.killed, event.place) == ("execution", (25, 25), 1)
    assert event.actors == ((0, PERPETRATOR),)


def test_actor_roles_from_the_words_around_them() -> None:
    text = "قتل ثلاثة مدنيين في هجوم على يد عناصر الحرس ضد أهالي قرية الطيبة. وأعلنت الهدنة في المدينة بوساطة روسيا."
    doc = document(
        text,
        mentions=[mention(text, "الحرس", ORG), mention(text, "أهالي", ORG), mention(text, "الطيبة", LOC), mention(text, "روسيا", GPE)],
    )
    attack, truce = events(doc)
    assert attack.actors == ((0, PERPETRATOR), (1, TARGET))
    assert attack.place == 2
    assert (truce.type, truce.actors, truce.place) == ("agreement", ((3, MEDIATOR),), None)


def test_country_is_the_least_precise_place_and_the_town_wins() -> None:
    text = "شنت طائرات التحالف غارات على مدينة منبج في سوريا."
    doc = document(text, mentions=[mention(text, "منبج", GPE), mention(text, "سوريا", GPE)])
    [event] = events(doc)
    assert (event.place, event.place_precision) == (0, 1)
    text = "شنت طائرات التحالف غارات في سوريا."
    [event] = events(document(text, mentions=[mention(text, "سوريا", GPE)]))
    assert (event.place, event.place_precision) == (0, 3)


def test_date_falls_back_to_the_sentence_before_then_to_the_document_date() -> None:
    text = "في العاشر من أيار الماضي دخلت القوات المدينة. واندلعت اشتباكات عنيفة قرب المطار."
    doc = document(text, times=[day(text, "العاشر من أيار", "2017-05-10")], reference="2017-06-01")
    [event] = events(doc)
    assert (event.type, event.date, event.date_precision) == ("battle", "2017-05-10", 1)
    [event] = events(document("واندلعت اشتباكات عنيفة قرب المطار.", reference="2017-06-01"))
    assert (event.date, event.date_precision) == ("2017-06-01", 3)
    [event] = events(document("واندلعت اشتباكات عنيفة قرب المطار."))
    assert (event.date, event.date_precision) == (None, None)


def test_a_month_is_a_reduced_date() -> None:
    text = "قتل 7 أشخاص في تفجير سيارة مفخخة في كانون الثاني 2018."
    doc = document(
        text,
        quantities=[figure(text, "7", 7, 7, counted="أشخاص")],
        times=[TimeExpression(*at(text, "كانون الثاني 2018"), value_start="2018-01-01", value_end="2018-01-31", granularity="month")],
    )
    [event] = events(doc)
    assert (surface(doc, event), event.sub_type, event.date, event.date_precision, event.killed) == (
        "تفجير سيارة",
        "remote_explosive",
        "2018-01",
        3,
        (7, 7),
    )


def test_a_definite_repeat_adds_its_toll_to_the_first_mention() -> None:
    text = "استهدفت غارة جوية بلدة سراقب صباح الاثنين. وأسفرت الغارة عن مقتل 5 مدنيين."
    doc = document(text, quantities=[figure(text, "5", 5, 5, counted="مدنيين")], mentions=[mention(text, "سراقب", GPE)])
    [event] = events(doc)
    assert (surface(doc, event), event.killed, event.place) == ("غارة جوية", (5, 5), 0)


def test_the_attribution_holding_the_trigger() -> None:
    text = "قال المرصد إن غارة روسية قتلت 9 مدنيين في أريحا."
    content = at(text, "غارة روسية قتلت 9 مدنيين في أريحا")
    said = Attribution(*at(text, "قال"), cue="قال", source=Reference("المرصد"), content_start=content[0], content_end=content[1])
    doc = document(text, quantities=[figure(text, "9", 9, 9, counted="مدنيين")], attributions=[said])
    [event] = events(doc)
    assert (event.attribution, event.killed) == (0, (9, 9))


def test_two_events_in_one_sentence_share_out_the_figures() -> None:
    text = "قتل 4 أشخاص في غارة على أريحا، وأصيب 6 آخرون في انفجار عبوة ناسفة في سرمدا."
    doc = document(text, quantities=[figure(text, "4", 4, 4, counted="أشخاص"), figure(text, "6", 6, 6, counted="آخرون")])
    strike, bomb = events(doc)
    assert (strike.type, strike.killed, strike.injured) == ("airstrike", (4, 4), None)
    assert (bomb.type, bomb.sub_type, bomb.killed, bomb.injured) == ("bombing", "remote_explosive", None, (6, 6))


def _analysed_seed(path: Path) -> Document:
    from marsad.ingest.documents import to_document
    from marsad.ingest.readers import TEXT, RawInput
    from marsad.pipeline import load_component

    doc = to_document(RawInput(path.stem, str(path), TEXT, str(path), data=path.read_bytes()), SETTINGS)
    for name in SETTINGS.pipeline[:-1]:
        info, func = load_component(name)
        try:
            doc = doc.with_layer(info.assigns, func(doc, SETTINGS))
        except ModelError:  # the NER model is rebuilt apart; events go on without places
            pass
    return doc


@pytest.mark.slow
def test_seed_events(shared: Path) -> None:
    seeds = {p.name[:3]: _analysed_seed(p) for p in sorted((shared / "seeds").glob("*.txt"))}

    def find(key: str, kind: str, trigger: str) -> tuple[Document, Event]:
        doc = seeds[key]
        matches = [e for e in events(doc) if e.type == kind and surface(doc, e).endswith(trigger)]
        assert matches, f"no {kind} '{trigger}' in seed {key}"
        return doc, matches[0]

    # the vague 'major strike last month' (its Baghdad is in a contrasted phrase: بعيدا عن) is the strike of 20 January told next
    doc, strike = find("001", "airstrike", "جوية")
    assert (strike.date, strike.date_precision, strike.killed) == ("2018-01-20", 1, (150, 150))
    assert [e.type for e in events(doc)].count("airstrike") == 1
    doc, bombing = find("001", "bombing", "انتحاري")
    assert (bombing.sub_type, bombing.date, bombing.killed, bombing.injured) == ("suicide_bombing", "2018-01", (36, 36), (90, 90))
    doc, execution = find("002", "execution", "أعدم")
    assert execution.killed == (100, 100)
    doc, battle = find("004", "battle", "المعركة")
    assert battle.killed == (3250, 3250)
    doc, fall = find("004", "territory", "سقوط")  # the heading; سقطت in the text repeats it
    assert (fall.sub_type, fall.killed) == ("fall", None)  # the 6000 killed over months of the campaign are no toll of the fall
    find("004", "smuggling", "عبور")
    find("000", "smuggling", "للتهريب")
    doc = seeds["001"]
    if not doc.mentions:
        pytest.skip("mentions layer empty (NER model missing): places not checked")
    assert surface(doc, doc.mentions[bombing.place]).endswith("بغداد")
    doc, held = find("001", "detention", "وتحتجزهم")
    assert surface(doc, doc.mentions[held.place]) == "سوريا"  # in its own phrase (شمال سوريا), not the next one's Iraq
    doc, surrender = find("002", "surrender", "سلموا أنفسهم")
    assert surrender.place is None  # فلوريدا is where one of them is from
    doc = seeds["001"]
    village = doc.text.index("الشفة")
    if not any(m.start <= village < m.end for m in doc.mentions):
        # ACLED's fallback: a village that cannot be located gives the larger area, precision 2
        assert (surface(doc, doc.mentions[strike.place]), strike.place_precision) == ("وادي نهر الفرات", 2)
        pytest.skip("the mentions layer misses the village الشفة (بقرية الشفة): the strike's village not checked")
    assert (surface(doc, doc.mentions[strike.place]), strike.place_precision) == ("الشفة", 1)


def test_a_figure_of_dead_and_wounded_together_is_neither() -> None:
    text = "سقط نحو أربعين شخصا بين قتيل وجريح في غارة جوية على بلدة كفرزيتا."
    doc = document(text, quantities=[figure(text, "نحو أربعين", 40, 40, approximate=True, counted="شخصا")])
    [event] = events(doc)
    assert (event.type, event.killed, event.injured) == ("airstrike", None, None)
    text = "قتل 8 مدنيين وجرح 11 آخرون في غارة جوية على بلدة كفرزيتا."
    doc = document(text, quantities=[figure(text, "8", 8, 8, counted="مدنيين"), figure(text, "11", 11, 11, counted="آخرون")])
    [event] = events(doc)
    assert (event.killed, event.injured) == ((8, 8), (11, 11))


def test_a_definite_repeat_refines_the_place_and_raises_the_toll() -> None:
    text = (
        "قتل 6 أشخاص في تفجير سيارة مفخخة في محافظة درعا. "
        "ووقع التفجير قرب سوق بلدة طفس. "
        "وارتفعت حصيلة التفجير إلى 9 قتلى بعد وفاة جرحى."
    )
    doc = document(
        text,
        quantities=[figure(text, "6", 6, 6, counted="أشخاص"), figure(text, "9", 9, 9, counted="قتلى")],
        mentions=[mention(text, "درعا", GPE), mention(text, "طفس", LOC)],
    )
    [event] = events(doc)
    assert (event.type, event.place, event.place_precision, event.killed) == ("bombing", 1, 1, (6, 9))
    assert event.notes == ("killed figures disputed: 6, 9",)


def test_an_indefinite_mention_elsewhere_or_a_sentence_adding_one_is_another_event() -> None:
    text = "قتل 4 مدنيين في غارة على بلدة سرمين. وقتل 2 في غارة على بلدة بنش."
    doc = document(text, mentions=[mention(text, "سرمين", LOC), mention(text, "بنش", LOC)])
    assert len(events(doc)) == 2
    for opener, count in (("و", 1), ("كما ", 2)):
        text = f"قتل 4 مدنيين في غارة على محافظة إدلب. {opener}قتل 2 في الغارة على بلدة بنش."
        doc = document(
            text,
            quantities=[figure(text, "4", 4, 4, counted="مدنيين"), figure(text, "2", 2, 2)],
            mentions=[mention(text, "إدلب", GPE), mention(text, "بنش", LOC)],
        )
        assert len(events(doc)) == count, opener
    text = "استهدف القصف الجوي مدرسة في بلدة سرمين في ساعات الصباح الأولى، وشمل القصف أيضا منزلا في قرية بنش."
    doc = document(text, mentions=[mention(text, "سرمين", LOC), mention(text, "بنش", LOC)])
    assert len(events(doc)) == 2


def test_a_vague_definite_word_in_the_same_sentence_repeats_the_event() -> None:
    text = "قتل عنصران في انفجار عبوة ناسفة بسيارة في بلدة الحراك، كما خلف الانفجار أضرارا في المكان."
    doc = document(text, quantities=[figure(text, "عنصران", 2, 2)], mentions=[mention(text, "الحراك", LOC)])
    [event] = events(doc)
    assert (event.sub_type, event.killed) == ("remote_explosive", (2, 2))


def test_dozens_and_a_hundred_may_be_one_toll() -> None:
    text = "قتل عشرات المدنيين في تفجير سيارة مفخخة في بلدة الراشدين. وأسفر التفجير عن مقتل 100 شخص."
    doc = document(text, quantities=[figure(text, "عشرات", 20, None, approximate=True, counted="المدنيين"), figure(text, "100", 100, 100, counted="شخص")])
    [event] = events(doc)
    assert event.killed == (100, 100)  # one event; the exact figure outranks dozens


def test_a_point_of_reference_a_source_s_seat_and_a_clock_s_city_are_not_where_it_happened() -> None:
    text = "ففي الدور الواقعة شمال بغداد، قال المرصد ومقره لندن إن قصفا جويا استهدف المستشفى الساعة 9:00 (مكة المكرمة)."
    doc = document(
        text,
        mentions=[mention(text, "الدور", LOC), mention(text, "بغداد", GPE), mention(text, "لندن", GPE), mention(text, "مكة المكرمة", GPE)],
    )
    [event] = events(doc)
    assert (surface(doc, event), event.place) == ("قصفا جويا", 0)


def test_an_exact_toll_outranks_dozens_and_children_among_the_dead_are_no_other_toll() -> None:
    text = "عشرات الضحايا في غارة جوية على بلدة كفرنبل. وأسفرت الغارة عن مقتل 21 مدنيا. وقال المرصد إن 9 أطفال قتلوا في الغارة."
    doc = document(
        text,
        quantities=[
            figure(text, "عشرات", 20, None, approximate=True, counted="الضحايا"),
            figure(text, "21", 21, 21, counted="مدنيا"),
            figure(text, "9", 9, 9, counted="أطفال"),
        ],
    )
    [event] = events(doc)
    assert (event.killed, event.notes) == ((21, 21), ())


def test_a_toll_goes_to_the_event_its_cause_names_and_an_arrest_takes_none() -> None:
    text = "ويأتي هذا القصف بعد يوم من مقتل 12 شخصا جراء غارات جوية على بلدة التبني، واعتقال 3 آخرين."
    doc = document(text, quantities=[figure(text, "12", 12, 12, counted="شخصا"), figure(text, "3", 3, 3, counted="آخرين")])
    found = {e.type: e for e in events(doc)}
    assert found["airstrike"].killed == (12, 12)
    assert all(e.killed is None for kind, e in found.items() if kind != "airstrike")


def test_a_truce_named_again_is_the_same_truce() -> None:
    text = "دخل وقف إطلاق النار حيز التنفيذ في درعا. وتزامن اليوم الثاني من وقف إطلاق النار مع جولة مفاوضات في جنيف."
    doc = document(text, mentions=[mention(text, "درعا", GPE), mention(text, "جنيف", GPE)])
    [truce] = events(doc)
    assert (truce.type, truce.place) == ("agreement", 0)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("توفيت امرأة جراء انفجار عبوة ناسفة في بلدة الصنمين مساء الخميس.", (1, 1), None),
        ("أسفر القصف المدفعي على قرية الهبيط عن مقتل شخصين وإصابة رجل مسن.", (2, 2), (1, 1)),
        ("أفاد ناشطون بمقتل أحد عناصر الشرطة في هجوم مسلح على حاجز قرب البلدة.", (1, 1), None),
        ("قال مسعفون إن مدنيا قتل في غارة جوية على بلدة كفرزيتا.", (1, 1), None),
        ("قتل شخص على الأقل جراء سقوط قذائف هاون على حي الميدان.", (1, None), None),
        ("أعلنت الشرطة مقتل رجل وامرأة في تفجير سيارة مفخخة بالبلدة.", (2, 2), None),
    ],
)
def test_one_or_two_persons_named_by_a_casualty_word_are_a_toll(text: str, killed: tuple, injured: tuple | None) -> None:
    [event] = events(document(text))
    assert (event.killed, event.injured) == (killed, injured)


def test_a_person_counted_by_a_figure_or_doing_the_killing_is_no_toll_of_its_own() -> None:
    text = "قام مسلح بقتل 3 أشخاص في هجوم على مقهى بالمدينة، وأصيب 5 آخرون."
    doc = document(text, quantities=[figure(text, "3", 3, 3, counted="أشخاص"), figure(text, "5", 5, 5, counted="آخرون")])
    [event] = events(doc)
    assert (event.killed, event.injured) == ((3, 3), (5, 5))


def test_killed_by_a_verb_or_a_perishing_word_before_the_figure() -> None:
    text = "قتل المهاجمون 18 جنديا إثر عملية تسلل على قرية أبو الخير، وأدت عبوة ناسفة إلى هلاك 5 عناصر."
    doc = document(text, quantities=[figure(text, "18", 18, 18, counted="جنديا"), figure(text, "5", 5, 5, counted="عناصر")])
    found = events(doc)
    assert [(surface(doc, e), e.killed) for e in found] == [("عملية تسلل", (18, 18)), ("عبوة ناسفة", (5, 5))]


def test_a_demonstrative_points_back_to_the_latest_event_of_its_kind_wherever_it_names() -> None:
    text = "دارت اشتباكات عنيفة في حي القابون شرق دمشق. وتركزت هذه الاشتباكات في منطقة المعامل."
    doc = document(text, mentions=[mention(text, "القابون", LOC), mention(text, "دمشق", GPE), mention(text, "المعامل", LOC)])
    [event] = events(doc)
    assert surface(doc, event) == "دارت اشتباكات"


def test_a_verb_after_a_definite_device_repeats_the_explosion() -> None:
    text = "قتل 4 أشخاص بانفجار في مدينة حمص. وكانت مصادر قالت إن القنبلة انفجرت في حافلة في حي الأرمن."
    doc = document(text, quantities=[figure(text, "4", 4, 4, counted="أشخاص")], mentions=[mention(text, "حمص", GPE), mention(text, "الأرمن", LOC)])
    [event] = events(doc)
    assert (surface(doc, event), event.killed) == ("بانفجار", (4, 4))
    text = "قتل 4 أشخاص بانفجار في مدينة حمص. وفي حي الأرمن انفجرت عبوة ناسفة أخرى."
    doc = document(text, mentions=[mention(text, "حمص", GPE), mention(text, "الأرمن", LOC)])
    assert len(events(doc)) == 2  # an indefinite device is another explosion


def test_a_dateline_s_place_is_not_where_it_happened() -> None:
    text = "باريس، فرنسا (أ ف ب) - قتل 5 أشخاص في تفجير سيارة مفخخة في ريف إدلب."
    doc = document(text, mentions=[mention(text, "باريس", GPE), mention(text, "فرنسا", GPE), mention(text, "إدلب", GPE)])
    [event] = events(doc)
    assert doc.span_text(doc.mentions[event.place]) == "إدلب"  # a region, but the city of the dateline is no candidate


def test_a_place_read_only_in_a_country_the_text_never_names_does_not_tell_events_apart() -> None:
    text = "قتل 13 شخصا في انفجار سيارة مفخخة في إقليم هلمند جنوب أفغانستان. وقال مسؤول إن الهجوم وقع في سوق بمنطقة نوا."
    doc = document(
        text,
        quantities=[figure(text, "13", 13, 13, counted="شخصا")],
        mentions=[mention(text, "هلمند", LOC), mention(text, "أفغانستان", GPE), mention(text, "نوا", LOC)],
    )
    [event] = events(doc)  # نوا is a Syrian town in the gazetteer, but this report names Afghanistan only
    assert (event.type, event.killed) == ("bombing", (13, 13))


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("وتسبب القصف خلال الأيام الماضية بمقتل 6 مدنيين في بلدة عندان.", "الأيام الماضية"),
        ("ومنذ بداية العام الجاري تشهد المحافظة معارك بين الفصائل المسلحة.", "بداية العام الجاري"),
    ],
)
def test_a_mention_over_a_period_is_a_sum_or_a_state_not_one_event(text: str, period: str) -> None:
    times = [TimeExpression(*at(text, period), value_start="2017-01-01", value_end="2017-06-30", granularity="range", relative=True)]
    assert events(document(text, times=times)) == []


def test_a_period_further_on_describes_something_else() -> None:
    text = "فجر مسلحون سيارة مفخخة داخل المطار العسكري المحاصر منذ عامين في ريف حلب."
    times = [TimeExpression(*at(text, "عامين"), kind="duration", granularity="year", duration_days=730)]
    [event] = events(document(text, times=times, mentions=[mention(text, "حلب", GPE)]))
    assert event.type == "bombing"


def test_another_site_or_another_strike_is_another_event() -> None:
    text = "قتل 3 أشخاص في هجوم انتحاري على مركز للشرطة في دمشق. وفي وقت سابق هاجم انتحاريون مركزا في جانب آخر من العاصمة."
    doc = document(text, quantities=[figure(text, "3", 3, 3, counted="أشخاص")], mentions=[mention(text, "دمشق", GPE)])
    assert len(events(doc)) == 2
    text = "قتل 3 أشخاص في قصف مدفعي على بلدة عربين. وأصيب طفل في قصف مدفعي آخر."
    assert len(events(document(text, mentions=[mention(text, "عربين", LOC)]))) == 2
    text = "قتل 3 أشخاص في اشتباك قرب بلدة عربين. وأدى الاشتباك إلى إصابة آخر."
    assert len(events(document(text, mentions=[mention(text, "عربين", LOC)]))) == 1  # آخر here is a person


def test_the_toll_goes_to_the_event_another_one_accompanied() -> None:
    text = "شنت الطائرات غارات جوية ترافقت مع قصف مدفعي على بلدة مديرا، ما أدى لسقوط 9 قتلى."
    doc = document(text, quantities=[figure(text, "9", 9, 9, counted="قتلى")], mentions=[mention(text, "مديرا", LOC)])
    tolls = {surface(doc, e): e.killed for e in events(doc)}
    assert tolls == {"غارات جوية": (9, 9), "قصف مدفعي": None}


def test_a_casualty_word_after_a_partitive_phrase_and_two_groups_under_one_word() -> None:
    text = "قالت مصادر إن 28 من عناصر التنظيم إضافة إلى سبعة من قوات البشمركة قتلوا في مواجهات مسلحة في جبل زردك."
    doc = document(text, quantities=[figure(text, "28", 28, 28, counted="عناصر"), figure(text, "سبعة", 7, 7, counted="قوات")])
    [event] = events(doc)
    assert event.killed == (35, 35)
    text = "أسفرت معارك عنيفة في جبل زردك عن مقتل 28 من أفراد التنظيم وسبعة من عناصر البشمركة ونزوح 300 عائلة."
    doc = document(
        text,
        quantities=[figure(text, "28", 28, 28, counted="أفراد"), figure(text, "سبعة", 7, 7, counted="عناصر"), figure(text, "300", 300, 300, counted="عائلة")],
    )
    [event] = events(doc)
    assert event.killed == (35, 35)  # the families displaced are no toll


def test_an_undated_report_resolves_its_relative_dates_against_the_latest_date_it_names() -> None:
    text = "حلب 2017/8/4 - أفاد ناشطون في ريف المدينة الغربي بأن الطائرات قصفت بلدة الأتارب أمس الخميس. وساد هدوء حذر. واندلعت اشتباكات عنيفة قرب المطار."
    doc = document(text, mentions=[mention(text, "الأتارب", LOC)])
    doc = doc.with_layer("times", parse_times(text, None, doc.tokens))  # what the times layer finds with no date given
    strike, clash = events(doc)
    assert (surface(doc, strike), strike.date, strike.date_precision) == ("قصفت", "2017-08-03", 3)  # the day written is a lower bound
    assert (clash.date, clash.date_precision) == ("2017-08-04", 3)
    assert strike.notes == clash.notes == ("date inferred from the latest date the text names",)


def test_the_day_a_toll_was_announced_dates_the_event_within_a_week() -> None:
    text = "وأفاد مصدر عسكري، أمس الاثنين، بارتفاع حصيلة ضحايا سقوط قذيفتين على حي المزة إلى 12 شخصا."
    doc = document(text, times=[day(text, "أمس الاثنين", "2018-01-22")], quantities=[figure(text, "12", 12, 12, counted="شخصا")])
    [event] = events(doc)
    assert (event.date, event.date_precision) == ("2018-01-22", 2)


def test_ongoing_since_a_day_is_no_event_unless_the_period_is_another_clause_s() -> None:
    text = "وقال إن القصف المستمر منذ ليل الجمعة على المحافظة أدى إلى مقتل 50 مدنيا."
    times = [day(text, "ليل الجمعة", "2017-11-10")]
    assert events(document(text, times=times, quantities=[figure(text, "50", 50, 50, counted="مدنيا")])) == []
    text = "وقال شاهد إن طائرات مسيرة تحلق منذ صباح الأحد وإن طائرات حربية قصفت بلدة مسرابا."
    [event] = events(document(text, times=[day(text, "صباح الأحد", "2018-02-04")], mentions=[mention(text, "مسرابا", LOC)]))
    assert surface(document(text), event) == "قصفت"


def test_a_figure_after_a_killed_and_a_wounded_word_counts_both_and_sunday_is_nobody() -> None:
    text = "قصفت الطائرات بلدة كفرنبل، وتسبب القصف بمقتل وجرح 40 مدنيا."
    doc = document(text, quantities=[figure(text, "40", 40, 40, counted="مدنيا")], mentions=[mention(text, "كفرنبل", LOC)])
    [event] = events(doc)
    assert (event.killed, event.injured) == (None, None)
    text = "قال مسؤولون إن 13 شخصا قتلوا وأصيب 18 في انفجار سيارة مفخخة ببلدة نوا."
    doc = document(text, quantities=[figure(text, "13", 13, 13, counted="شخصا"), figure(text, "18", 18, 18)])
    [event] = events(doc)
    assert (event.killed, event.injured) == ((13, 13), (18, 18))
    [event] = events(document("قتل الأحد 5 أشخاص في غارة على بلدة سرمين.", quantities=[Quantity(10, 11, low=5, high=5, counted="أشخاص")]))
    assert event.killed == (5, 5)


def test_the_place_comes_from_the_trigger_s_own_clause() -> None:
    text = "قتل 7 مدنيين في قصف على مدينة الحويجة، بينما سيطرت قوات البشمركة على جبل زردك قرب الموصل بعد معارك عنيفة."
    doc = document(
        text,
        quantities=[figure(text, "7", 7, 7, counted="مدنيين")],
        mentions=[mention(text, "الحويجة", GPE), mention(text, "زردك", LOC), mention(text, "الموصل", GPE)],
    )
    places = {surface(doc, e): doc.span_text(doc.mentions[e.place]) for e in events(doc)}
    assert places["معارك عنيفة"] in ("زردك", "الموصل")


def test_a_toll_summed_over_a_period_is_no_event_s_toll() -> None:
    text = "وأسفرت عملية السيطرة على مدينة الطبقة عن مقتل 600 مسلح خلال الأشهر الأخيرة."
    times = [TimeExpression(*at(text, "الأشهر الأخيرة"), value_start="2017-01-01", value_end="2017-05-31", granularity="range", relative=True)]
    doc = document(text, quantities=[figure(text, "600", 600, 600, counted="مسلح")], times=times, mentions=[mention(text, "الطبقة", GPE)])
    [event] = events(doc)
    assert (event.type, event.killed) == ("territory", None)


@pytest.mark.parametrize(
    "text",
    [
        "وقال مسؤول إن السجناء قد ينتهي بهم الأمر إلى الهروب من السجن في الحسكة.",
        "وقال إنه إذا لم توقف تركيا هذه الهجمات على منبج فسنواجه أزمة.",
        "ويطلب المقاتل في رسالته التوقف عن القتال في الرقة.",
        "ويعاني التنظيم من حالات فرار بين مقاتليه في دير الزور.",
        "بعد أربعة أشهر من القصف المستمر على الرقة سقطت المدينة.",
        "سقطت المدينة تحت ضربات التحالف في الرقة.",
        "حاول مقاتلون الهرب من الرقة، وأثار هذا الهروب تساؤلات في دير الزور.",
    ],
)
def test_what_may_happen_stops_goes_on_or_is_pointed_to_without_being_told_is_no_event(text: str) -> None:
    doc = document(text, mentions=[mention(text, name, GPE) for name in ("الحسكة", "منبج", "الرقة", "دير الزور") if name in text])
    assert [e.type for e in events(doc) if e.type != "territory"] == []


def test_indeed_with_a_past_verb_is_no_modality() -> None:
    text = "وقد أسفر القصف المدفعي على بلدة عربين عن مقتل 3 مدنيين."
    [event] = events(document(text, quantities=[figure(text, "3", 3, 3, counted="مدنيين")], mentions=[mention(text, "عربين", LOC)]))
    assert (event.type, event.killed) == ("shelling", (3, 3))


def test_a_casualty_word_split_by_a_stray_space_still_counts() -> None:
    text = "ق تل 8 مسلحين وج رح 4 آخرون إثر هجوم انتحاري على تجمع لهم في بلدة الكرامة."
    doc = document(text, quantities=[figure(text, "8", 8, 8, counted="مسلحين"), figure(text, "4", 4, 4, counted="آخرون")])
    [event] = events(doc)
    assert (event.type, event.killed, event.injured) == ("bombing", (8, 8), (4, 4))


def test_the_place_of_the_trigger_s_own_phrase_comes_first() -> None:
    text = "قتل أربعة مدنيين في ريف إدلب بقذائف الهاون، وأصيب آخرون في مدينة معرة النعمان."
    doc = document(
        text,
        quantities=[figure(text, "أربعة", 4, 4, counted="مدنيين")],
        mentions=[mention(text, "ريف إدلب", LOC), mention(text, "معرة النعمان", LOC)],
    )
    [event] = events(doc)
    assert (surface(doc, event), event.place, event.killed) == ("بقذائف الهاون", 0, (4, 4))


def test_a_place_that_contains_the_one_before_it_is_vaguer() -> None:
    text = "تعرضت الهبيط بريف إدلب الجنوبي لغارات جوية عنيفة."
    doc = document(text, mentions=[mention(text, "الهبيط", LOC), mention(text, "ريف إدلب الجنوبي", LOC)])
    [event] = events(doc)
    assert (surface(doc, event), event.place) == ("لغارات جوية", 0)


def test_a_person_s_origin_is_not_where_the_event_happened() -> None:
    text = "وقال التقرير إن أحمد سالم من مدينة ليون وكريم ناصر من ولاية تكساس سلموا أنفسهم للسلطات التركية الأسبوع الماضي."
    doc = document(
        text,
        mentions=[mention(text, "أحمد سالم", PER), mention(text, "ليون", LOC), mention(text, "كريم ناصر", PER), mention(text, "تكساس", GPE)],
    )
    [event] = events(doc)
    assert (event.type, event.place) == ("surrender", None)


def test_a_contrasted_place_is_none_and_the_later_specific_report_refines_the_vague_mention() -> None:
    text = (
        "وبعيدا عن التفجيرات في حمص، تكشف ضربة جوية كبرى الشهر الماضي (آذار 2017) قوة التحالف. "
        "وقال الجيش إن طائرات مسيرة نفذت ضربة في 3 آذار 2017، بقرية الهبيط، أسفرت عن مقتل نحو 40 مقاتلا."
    )
    doc = document(
        text,
        quantities=[figure(text, "40", 40, 40, approximate=True, counted="مقاتلا")],
        times=[
            TimeExpression(*at(text, "آذار 2017"), value_start="2017-03-01", value_end="2017-03-31", granularity="month"),
            day(text, "3 آذار 2017", "2017-03-03"),
        ],
        mentions=[mention(text, "حمص", GPE), mention(text, "الهبيط", LOC)],
        reference="2017-04-10",
    )
    bombings, [strike] = ([e for e in events(doc) if e.type == kind] for kind in ("bombing", "airstrike"))
    assert (surface(doc, strike), strike.place, strike.date, strike.killed) == ("ضربة جوية", 1, "2017-03-03", (40, 40))
    assert [(surface(doc, e), e.place) for e in bombings] == [("التفجيرات", 0)]  # the contrasted mention keeps its own place


def test_a_planned_battle_is_no_event() -> None:
    text = "وانسحبت الفصائل من القرى، نأيا بنفسها عن المعركة التي تخطط لها تركيا في مدينة منبج."
    doc = document(text, mentions=[mention(text, "تركيا", GPE), mention(text, "منبج", LOC)])
    assert [e.type for e in events(doc)] == []


def test_a_province_holds_its_countryside() -> None:
    text = (
        "سقطت قذيفتين على مطحنة بمحافظة حمص يوم الأحد. "
        "وقالت المصادر إن مسلحين يتحصنون في ريف حمص الشمالي، استهدفوا بقذيفتين مطحنة، ما أسفر عن مقتل 12 عاملا."
    )
    doc = document(
        text,
        quantities=[figure(text, "12", 12, 12, counted="عاملا")],
        mentions=[mention(text, "محافظة حمص", LOC), mention(text, "ريف حمص الشمالي", LOC)],
    )
    [event] = events(doc)
    assert (surface(doc, event), event.place, event.killed) == ("قذيفتين", 0, (12, 12))


def test_a_plural_settlement_word_makes_its_places_towns() -> None:
    text = "اندلعت اشتباكات عنيفة في بلدات حاس وكنصفرة وفي قرية عاجل."
    doc = document(text, mentions=[mention(text, "حاس", LOC), mention(text, "عاجل", LOC)])
    [event] = events(doc)
    assert (event.type, event.place, event.place_precision) == ("battle", 0, 1)


def test_a_district_named_after_the_place_it_holds_is_vaguer() -> None:
    text = "وسيطر مسلحون على ناحية ينكجة بقضاء الطوز، إثر اشتباكات أوقعت قتلى في صفوف الجيش."
    doc = document(text, mentions=[mention(text, "ينكجة", LOC), mention(text, "الطوز", LOC)])
    assert {(e.type, e.place) for e in events(doc)} == {("territory", 0), ("battle", 0)}


def test_a_speaker_s_place_is_not_where_the_event_happened() -> None:
    text = "وقال ناشطون في مدينة حمص، إن غارة جوية استهدفت سوقا شعبية صباح اليوم، ما أسفر عن مقتل 5 مدنيين."
    doc = document(text, quantities=[figure(text, "5", 5, 5, counted="مدنيين")], mentions=[mention(text, "حمص", GPE)])
    [event] = events(doc)
    assert (surface(doc, event), event.place, event.killed) == ("غارة جوية", None, (5, 5))


def test_a_headline_s_city_that_holds_the_body_s_village_is_one_event_placed_in_the_village() -> None:
    text = "قتلى بغارات جوية في حمص قتل أربعة مدنيين بغارات جوية استهدفت قرية الغنطو بريف الرستن شمالي حمص."
    doc = document(
        text,
        quantities=[figure(text, "أربعة", 4, 4, counted="مدنيين")],
        mentions=[mention(text, "حمص", GPE), mention(text, "الغنطو", LOC), mention(text, "ريف الرستن شمالي حمص", LOC)],
    )
    [event] = events(doc)
    assert (event.type, event.place, event.killed) == ("airstrike", 1, (4, 4))


def test_a_country_named_with_no_locative_word_acts_and_is_not_the_place() -> None:
    text = "وتحتجز الفصائل المدعومة تركياً مئات المقاتلين شمال حلب، ما يثير مخاوف في العراق."
    doc = document(text, mentions=[mention(text, "تركياً", GPE), mention(text, "حلب", GPE), mention(text, "العراق", GPE)])
    [event] = events(doc)
    assert (event.type, event.place) == ("detention", 1)
    text = "وتمكن مئات المقاتلين من الفرار من الحملة التي قادتها روسيا في حربها على الفصائل بسوريا."
    doc = document(text, mentions=[mention(text, "روسيا", GPE), mention(text, "سوريا", GPE)])
    [event] = events(doc)
    assert (event.type, event.place) == ("escape", 1)


@pytest.mark.parametrize(
    "text",
    [
        'وسيطرت "هيئة تحرير الشام" على حاجز للجيش عند مدخل البلدة.',
        "وتمكنت قوات الجيش من السيطرة على عدد من القرى شرق المدينة.",
        "وأفاد ناشطون بسيطرة فصائل المعارضة على نقاط عسكرية جنوب المدينة.",
        "وسيطر مقاتلو الفصائل في ساعات الصباح الأولى اليوم على مزارع قريبة من المطار.",
        "وقالت مصادر إن المسلحين سيطروا في وقت مبكر اليوم على نقاط داخل المطار العسكري.",
        "وكان الجيش أعلن الخميس استعادة كاملة لمدينة الميادين.",
        "وقالت المقاومة إنها سيطرت على كافة المواقع التي كانت تحتلها الميليشيات.",
    ],
)
def test_control_taken_of_a_place_or_a_held_site_is_a_capture(text: str) -> None:
    assert [(e.type, e.sub_type) for e in events(document(text))] == [("territory", "capture")]


@pytest.mark.parametrize(
    "text",
    [
        "وسيطرت الشرطة على الوضع في المدينة بعد ساعات من التوتر.",
        "وسيطر الفريق الضيف على مجريات المباراة.",
        "وتقع القرية تحت سيطرة الفصائل منذ سنوات.",
        "وسيطرت الفصائل على الطريق، فيما قصفت المدفعية على حي الوعر.",
        "وبات النظام عاجزا عن فرض سيطرته على مدينة درعا.",
        "وسيطر الفريق الضيف على مباراته أمام فريق مدينة حمص.",
        "وسيطر المسلحون على كافة احتياطات البلاد من الوقود في مدينة الحديدة.",
        "وتعمل الحكومة على جعل المدينة قاعدة لتحدي سيطرة المتمردين على بقية البلاد.",
    ],
)
def test_control_of_no_place_is_no_capture(text: str) -> None:
    assert "territory" not in [e.type for e in events(document(text))]


def test_a_capture_takes_no_toll_beside_the_fight_that_won_it() -> None:
    text = "وسيطرت الفصائل على بلدة كفرنبودة إثر معارك عنيفة قتل فيها 12 عنصرا من الجيش."
    doc = document(text, quantities=[figure(text, "12", 12, 12, counted="عنصرا")])
    found = {e.type: e.killed for e in events(doc)}
    assert found == {"territory": None, "battle": (12, 12)}


@pytest.mark.parametrize(
    "text, trigger, kind",
    [
        ("وسقطت قذيفتا هاون على حي الميدان، وسقطت قذيفتان على حي القصاع.", "قذيفتان", "shelling"),
        ("سقطت قذيفتي هاون على حي الشاغور دون وقوع إصابات.", "قذيفتي", "shelling"),
        ("أوقع مقاتلو الفصائل دورية للجيش بكمين في تلة الحمرا، ما أدى لمقتل عناصرها.", "بكمين", "battle"),
        ("وأعدمت الجماعة في جبل الزاوية قياديا سابقا، بعد إعدامها في مدينة سراقب محاميا بتهمة التخابر.", "إعدامها", "execution"),
        ("ونفذ أحد عناصر التنظيم عملية استشهادية قرب بلدة الخالص.", "عملية استشهادية", "bombing"),
        ("وشهدت المدينة انفجارا أسفر عن قتلى وجرحى.", "انفجارا", "bombing"),
        ("وتصدت الفصائل لهجوم شنته قوات النظام على بلدة كفرنبودة، ما أسفر عن مقتل ثلاثة من المهاجمين.", "لهجوم", "battle"),
    ],
)
def test_dual_accusative_possessed_and_partisan_forms_name_events(text: str, trigger: str, kind: str) -> None:
    doc = document(text, mentions=[mention(text, name, LOC) for name in ("جبل الزاوية", "سراقب") if name in text])
    assert (trigger, kind) in [(surface(doc, e), e.type) for e in events(doc)]


def test_la_after_a_distant_taarrada_is_an_event_but_not_across_a_clause_opener() -> None:
    text = "وتعرضت أماكن في قرية الشيخ عيسى الواقعة في ريف عفرين، بريف حلب الشمالي الغربي، لقصف من القوات التركية."
    assert [(surface(document(text), e), e.type) for e in events(document(text))] == [("لقصف", "shelling")]
    text = "وتعرضت البلدة لحصار طويل، كما وجهت الفصائل نداء إلى المدنيين في أحياء المدينة للهجوم على المطار."
    assert [e.type for e in events(document(text))] == []


def test_salvos_on_villages_the_tagger_missed_are_events_of_their_own() -> None:
    text = (
        "واستهدف المقاتلون مواقع الجيش ب 40 قذيفة هاون في قرية الدبس. "
        "وتم استهداف ثكنات الجيش ب 25 قذيفة هاون في حيي الصناعة والمعلمين. "
        "كما قصف المقاتلون مواقع أخرى ب 12 قذيفة هاون في قرى عين البيضة والطلاوي."
    )
    doc = document(text, mentions=[mention(text, "الدبس", LOC)])
    assert [e.type for e in events(doc)] == ["shelling", "shelling", "shelling"]


def test_an_event_a_time_is_counted_from_is_another_and_takes_the_toll_after_it() -> None:
    text = (
        "قتل 10 جنود في هجوم على قاعدة عسكرية في ولاية هلمند. "
        "ويأتي الهجوم بعد أيام من تفجير انتحاري في مدينة لشكركاه أسفر عن مقتل 7 أشخاص وإصابة 40."
    )
    doc = document(
        text,
        quantities=[figure(text, "10", 10, 10, counted="جنود"), figure(text, "7", 7, 7, counted="أشخاص"), figure(text, "40", 40, 40)],
        mentions=[mention(text, "هلمند", GPE), mention(text, "لشكركاه", GPE)],
    )
    found = [(surface(doc, e), e.type, e.killed, e.injured) for e in events(doc)]
    assert found == [("هجوم", "battle", (10, 10), None), ("تفجير انتحاري", "bombing", (7, 7), (40, 40))]


def test_an_indefinite_vague_word_at_another_town_in_a_later_sentence_is_another_event() -> None:
    text = "وشنت الطائرات الحربية غارات على قرى في ريف دير الزور الشرقي. وقتل مدنيان في قصف على بلدة مسرابا."
    doc = document(text, mentions=[mention(text, "ريف دير الزور الشرقي", LOC), mention(text, "مسرابا", LOC)])
    found = [(surface(doc, e), surface(doc, doc.mentions[e.place])) for e in events(doc)]
    assert found == [("غارات", "ريف دير الزور الشرقي"), ("قصف", "مسرابا")]
    text = "وشنت الطائرات الحربية غارات على قرى في ريف دير الزور الشرقي. وقتل مدنيان في القصف على بلدة مسرابا."
    doc = document(text, mentions=[mention(text, "ريف دير الزور الشرقي", LOC), mention(text, "مسرابا", LOC)])
    [event] = events(doc)  # the definite word refines the strikes' place
    assert surface(doc, doc.mentions[event.place]) == "مسرابا"


def test_fire_opened_on_civilians_is_an_attack_on_civilians() -> None:
    doc = document("وأطلق مسلحون مجهولون النار بعد منتصف الليل على مخيم للنازحين قرب الحدود، ما أدى إلى سقوط جرحى.")
    assert [(surface(doc, e), e.type, e.sub_type) for e in events(doc)] == [("وأطلق", "attack", "attack_on_civilians")]
    doc = document("وأطلقت عناصر الحاجز الرصاص على متظاهرين خرجوا ضد دخول الأرتال إلى المدينة.")
    assert [e.type for e in events(doc)] == ["attack"]
    assert events(document("وأطلقت الشرطة النار في الهواء لتفريق المحتجين.")) == []
    assert events(document("وأطلق الجيش سراح 20 معتقلا من سكان البلدة.")) == []


def test_an_aircraft_that_kills_or_targets_is_an_air_strike() -> None:
    text = "ونقلت الوكالة عن ناشطين أن طائرات روسية قتلت 12 مدنيا عندما استهدفت قواربهم في نهر الفرات."
    doc = document(text, quantities=[figure(text, "12", 12, 12, counted="مدنيا")])
    assert [(surface(doc, e), e.type, e.killed) for e in events(doc)] == [("قتلت", "airstrike", (12, 12))]
    doc = document("وقام طيران النظام المروحي باستهداف بلدة الناجية بالبراميل المتفجرة.")
    assert [e.type for e in events(doc)] == ["airstrike"]
    doc = document("وقالت مصادر إن مقاتلات التحالف استهدفت بغارتين جويتين مواقع المسلحين.")
    assert [surface(doc, e) for e in events(doc)] == ["بغارتين جويتين"]
    assert all(e.type != "airstrike" for e in events(document("وقتلت قوات الأمن مسلحين اثنين في اشتباك.")))


@pytest.mark.parametrize(
    "text, trigger, kind",
    [
        ('وأفاد المراسل أن مقاتلي الفصائل تصدوا لمحاولة تقدم قوات النظام باتجاه قرية الزلاقيات.', "تصدوا لمحاولة", "battle"),
        ("وقال قائد الشرطة إن شرطيا أصيب بعد تبادل لإطلاق النار مع المسلحين.", "تبادل لإطلاق النار", "battle"),
        ("وأعلن مسؤول محلي عن عملية قتل جماعي بحق أبناء عشيرة في ريف الأنبار.", "عملية قتل جماعي", "attack"),
        ("ودكت مدفعية الجيش مواقع المسلحين في محيط البلدة.", "ودكت", "shelling"),
    ],
)
def test_repelling_an_advance_an_exchange_of_fire_a_mass_killing_and_pounding_are_events(text: str, trigger: str, kind: str) -> None:
    doc = document(text)
    assert [(surface(doc, e), e.type) for e in events(doc)][:1] == [(trigger, kind)]


def test_a_counter_attack_is_another_attack() -> None:
    text = "وشن الجيش هجوما على مدينة البوكمال الخميس. إلا أن التنظيم شن الجمعة هجوما مضادا."
    doc = document(text, mentions=[mention(text, "البوكمال", GPE)])
    assert [surface(doc, e) for e in events(doc)] == ["هجوما", "هجوما"]


def test_an_indefinite_word_at_a_quarter_the_tagger_missed_is_not_an_earlier_village_s_event() -> None:
    text = "وتعرضت قرية المستريحة لقصف مدفعي. وتعرضت أحياء درعا البلد لقصف بقذائف الهاون من قبل قوات النظام."
    doc = document(text, mentions=[mention(text, "المستريحة", LOC)])
    found = [(surface(doc, e), e.place) for e in events(doc)]
    assert found == [("لقصف مدفعي", 0), ("لقصف", None)]


def test_a_second_device_or_a_demonstrative_object_before_an_indefinite_noun_makes_another_explosion() -> None:
    text = "قتل 12 شخصا في انفجار سيارة مفخخة وسط بلدة سرمدا، وكانت سيارة ثانية مفخخة انفجرت قرب مخفر البلدة."
    doc = document(text, quantities=[figure(text, "12", 12, 12, counted="شخصا")], mentions=[mention(text, "سرمدا", LOC)])
    assert [surface(doc, e) for e in events(doc)] == ["انفجار سيارة", "انفجرت"]
    text = "انفجرت عبوة ناسفة في حي برزة بدمشق. وسبق ذلك انفجار سيارة مفخخة في مدينة حمص."
    doc = document(text, mentions=[mention(text, "برزة", LOC), mention(text, "دمشق", GPE), mention(text, "حمص", GPE)])
    assert [surface(doc, e) for e in events(doc)] == ["انفجرت", "انفجار سيارة"]


def test_sniping_is_an_attack_that_takes_the_toll_before_it() -> None:
    text = "قتل 5 عناصر من الجيش قنصا في أطراف منطقة العركوب، كما قصف المقاتلون تجمعات الجيش بقذائف الهاون."
    doc = document(text, quantities=[figure(text, "5", 5, 5, counted="عناصر")], mentions=[mention(text, "العركوب", LOC)])
    found = {e.type: e.killed for e in events(doc)}
    assert found == {"battle": (5, 5), "shelling": None}
    doc = document("وأصيب شخص برصاص قناص في مدينة المعضمية المحاصرة.")
    assert [(surface(doc, e), e.type) for e in events(doc)] == [("برصاص قناص", "battle")]


def test_a_verb_right_after_kama_adds_another_event_but_kama_between_tolls_does_not() -> None:
    text = "وقصفت قوات النظام بلدة دوما وأوقعت جرحى من المدنيين، كما قصفت الأطراف الشرقية للعاصمة."
    doc = document(text, mentions=[mention(text, "دوما", GPE)])
    assert [surface(doc, e) for e in events(doc)] == ["وقصفت", "قصفت"]
    text = "قال قائد الشرطة إن سبعة قتلوا كما أصيب ثمانية إثر انفجار قنبلة في حافلة بمدينة حمص."
    doc = document(text, quantities=[figure(text, "سبعة", 7, 7), figure(text, "ثمانية", 8, 8)], mentions=[mention(text, "حمص", GPE)])
    [event] = events(doc)
    assert (event.killed, event.injured) == ((7, 7), (8, 8))


def test_a_trigger_word_inside_a_place_name_is_no_event() -> None:
    text = "وفي محافظة هروب، دهمت السيول المحلات التجارية وقطعت الكهرباء."
    assert events(document(text, mentions=[mention(text, "محافظة هروب", LOC)])) == []
    text = "وتمكن عشرات السجناء من الهروب من سجن في محافظة هروب."
    [event] = events(document(text, mentions=[mention(text, "محافظة هروب", LOC)]))
    assert (event.type, surface(document(text), event), event.place) == ("escape", "الهروب", 0)


def test_a_place_name_in_quotation_marks_is_an_outlet_not_the_place() -> None:
    text = "وقال مسؤول لـ«الشرق الأوسط» إن التنظيم أعدم أمس تسعة أشخاص بتهمة التجسس."
    [event] = events(document(text, mentions=[mention(text, "الشرق الأوسط", LOC)]))
    assert (event.type, event.place) == ("execution", None)


@pytest.mark.parametrize(
    "text",
    [
        "نجح الفريق في خطف بطاقة التأهل إلى النهائي بعد فوزه أمس.",
        "وخطف المهاجم الأضواء في المباراة التي جرت الخميس.",
        "وأكد القائد أن سقوط الشهداء لن يثنيهم عن مواصلة الطريق.",
        "وقع الانفجار السكاني في المدينة خلال العقد الماضي بسبب الهجرة.",
        "وقعت اشتباكات بالأيدي بين المصلين والحراس أمس.",
        "جرت مواجهات الدور الثاني من الدوري أمس في جدة وسط حضور كبير.",
    ],
)
def test_a_figure_of_speech_is_no_event(text: str) -> None:
    assert events(document(text)) == []


def test_the_literal_sense_is_still_an_event() -> None:
    text = "خطف مسلحون طبيبا من منزله في بلدة الأتارب أمس."
    [event] = events(document(text, mentions=[mention(text, "الأتارب", LOC)]))
    assert event.type == "abduction"


def test_a_strike_on_another_site_is_another_event_even_with_an_adjective_between() -> None:
    text = "قتل 5 مدنيين في غارات على معبر السوسة قرب البوكمال. وشنت الطائرات غارات استهدفت معبرا نهريا آخر."
    doc = document(text, quantities=[figure(text, "5", 5, 5, counted="مدنيين")], mentions=[mention(text, "البوكمال", LOC)])
    assert [(surface(doc, e), e.killed) for e in events(doc)] == [("غارات", (5, 5)), ("غارات", None)]
