from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from importlib import resources

from marsad.arabic.sentences import iter_sentences
from marsad.arabic.tokens import iter_tokens
from marsad.document import GPE, LOC, MISC, ORG, PER, Document, Metadata
from marsad.extract.entities import alias_table, mentions_in, name_offset, token_form
from marsad.extract.places import country_place, name_key
from marsad.pipeline import build_pipeline
from marsad.settings import Settings


class PhraseTagger:
    """A stand-in for the statistical tagger: tags the phrases it is given wherever they occur, first come first."""

    def __init__(self, phrases: dict[str, str]) -> None:
        self.phrases = [(phrase.split(), label) for phrase, label in phrases.items()]

    def tag_sentences(self, sentences: Iterable[Sequence[str]]) -> list[list[str]]:
        return [self.tag(words) for words in sentences]

    def tag(self, words: Sequence[str]) -> list[str]:
        tags = ["O"] * len(words)
        for phrase, label in self.phrases:
            for i in range(len(words) - len(phrase) + 1):
                if list(words[i : i + len(phrase)]) == phrase and set(tags[i : i + len(phrase)]) == {"O"}:
                    tags[i : i + len(phrase)] = [f"B-{label}"] + [f"I-{label}"] * (len(phrase) - 1)
        return tags


def document(text: str) -> Document:
    doc = Document("test", text, Metadata(language="ar"))
    return doc.with_layer("tokens", iter_tokens(text)).with_layer("sentences", iter_sentences(text))


def found(text: str, phrases: dict[str, str] | None = None) -> list[tuple[str, str, int]]:
    """(surface, type, start) of every mention, checking that each span is its surface."""
    doc = document(text)
    mentions = mentions_in(doc, PhraseTagger(phrases or {}))
    return [(text[m.start : m.end], m.type, m.start) for m in mentions]


def surfaces(text: str, phrases: dict[str, str] | None = None) -> list[str]:
    """The surface of every mention, in order."""
    return [surface for surface, _, _ in found(text, phrases)]


def named(text: str, phrases: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(surface, type) of every mention, in order."""
    return [(surface, kind) for surface, kind, _ in found(text, phrases)]


def test_clitics_stay_out_of_the_span() -> None:
    text = "وتقدمت القوات بالرقة ووصلت والموصل."
    result = found(text, {"بالرقة": "LOC", "والموصل": "LOC"})
    assert result == [("الرقة", LOC, text.index("الرقة")), ("الموصل", LOC, text.index("الموصل"))]


def test_wa_before_a_far_larger_place_of_the_listed_country_is_the_conjunction() -> None:
    text = "افتتحت الشركة فروعا في الرياض وجدة، وفي الدمام، وجدة أيضا، ثم في مدينة وجدة المغربية."
    tags = {"الرياض": "LOC", "وجدة": "LOC", "الدمام": "LOC", "مدينة وجدة": "LOC"}
    first, second, third = (i for i in range(len(text)) if text.startswith("وجدة", i))
    assert [(surface, start) for surface, kind, start in found(text, tags) if kind == LOC] == [
        ("الرياض", text.index("الرياض")),
        ("جدة", first + 1),  # after Riyadh: Riyadh and Jeddah
        ("الدمام", text.index("الدمام")),
        ("جدة", second + 1),  # after Dammam and a comma
        ("وجدة", third),  # after مدينة, with no Saudi place before it: Oujda
    ]


def test_a_common_noun_no_list_knows_as_a_place_is_no_place() -> None:
    text = "تعتمد الأسر على عصر الليمون صيفا، ويعود الحديث عن تطوير بترول ألاسكا."
    tags = {"الليمون": "LOC", "بترول": "LOC", "ألاسكا": "LOC"}
    assert found(text, tags) == [("ألاسكا", LOC, text.index("ألاسكا"))]


def test_a_place_span_takes_in_the_rest_of_a_longer_known_name() -> None:
    text = "وصل الوفد إلى مكة المكرمة قادما من الكونغو الديمقراطية وجنوب أفريقيا وولاية لوس أنجلس ومنطقة الرياض."
    tags = {"مكة": "LOC", "الكونغو": "LOC", "أفريقيا": "LOC", "وولاية لوس": "LOC", "الرياض": "LOC"}
    assert surfaces(text, tags) == [
        "مكة المكرمة",
        "الكونغو الديمقراطية",
        "جنوب أفريقيا",
        "ولاية لوس أنجلس",
        "الرياض",  # the region is named by its city's name: the noun stays out
    ]


def test_a_place_noun_alone_or_before_a_preposition_names_no_place() -> None:
    text = "صلى الجميع في مسجد قريب، وفي الحديقة منطقة للألعاب ومنطقة للمطاعم قرب الكورنيش."
    tags = {"مسجد": "LOC", "الكورنيش": "LOC"}
    assert found(text, tags) == [("الكورنيش", LOC, text.index("الكورنيش"))]


def test_a_curated_place_name_keeps_its_noun() -> None:
    text = "زار أمير المنطقة الشرقية مركز الدفاع المدني بمحافظة القطيف."
    tags = {"المنطقة الشرقية": "LOC", "بمحافظة القطيف": "LOC"}
    assert surfaces(text, tags) == ["المنطقة الشرقية", "محافظة القطيف"]


def test_a_name_does_not_open_with_allah_but_with_the_compound_given_name() -> None:
    text = "اتهم أردوغان الداعية فتح الله غولن بتدبير الانقلاب."
    assert ("فتح الله غولن", PER, text.index("فتح")) in found(text, {"أردوغان": "PER", "الله غولن": "PER"})


def test_a_clitic_is_dropped_when_the_document_names_the_same_without_it() -> None:
    text = "أسس غولن حركة الخدمة، وقال مساعد إن الموالين لغولن أرادوا الانقلاب، ووصلت برقية إلى وجدة."
    tags = {"غولن": "PER", "لغولن": "PER", "وجدة": "LOC"}
    assert found(text, tags) == [
        ("غولن", PER, text.index("غولن")),
        ("غولن", PER, text.index("لغولن") + 1),
        ("وجدة", LOC, text.index("وجدة")),  # Oujda: a known name keeps its first letter
    ]


def test_lam_lam_drops_both_lams_so_the_name_matches_its_article_form() -> None:
    text = "قال المرصد السوري لحقوق الإنسان إن الطائرات قصفت البلدة، وأكدت مصادر للمرصد أن القصف استمر."
    assert found(text) == [
        ("المرصد السوري لحقوق الإنسان", ORG, 4),
        ("مرصد", ORG, text.index("للمرصد") + 2),
    ]


def test_a_short_form_needs_the_full_name_in_the_document() -> None:
    assert found("وأضاف المرصد أن الوضع هادئ.") == []


def test_a_name_beginning_with_a_clitic_letter_keeps_it() -> None:
    assert name_offset(token_form("وليد")) == 0  # a given name
    assert name_offset(token_form("ويليام")) == 0  # و before a vowel: William
    assert name_offset(token_form("وليم")) == 0  # William without the vowel: a known given name
    assert name_offset(token_form("وسامر")) == 1
    assert name_offset(token_form("بغداد")) == 0
    assert name_offset(token_form("ببغداد")) == 1
    assert name_offset(token_form("فالنسيا")) == 0  # Valencia, not ف + النسيا
    assert name_offset(token_form("لفالنسيا")) == 1
    assert name_offset(token_form("بالوتيلي")) == name_offset(token_form("فاليري")) == 0  # foreign names
    assert name_offset(token_form("وحدات")) == name_offset(token_form("ولاية")) == 0  # commoner than حدات، لاية
    assert name_offset(token_form("للبنان")) == 1  # ل + لبنان
    assert name_offset(token_form("ووزارة")) == 1


def test_a_body_named_after_its_head_noun_keeps_its_first_letter() -> None:
    text = "وأعلنت وزارة الزراعة السورية ووكالة الأنباء الرسمية أمس."
    tags = {"وزارة الزراعة السورية": "ORG", "ووكالة الأنباء الرسمية": "ORG"}
    assert surfaces(text, tags) == ["وزارة الزراعة السورية", "وكالة الأنباء الرسمية"]


def test_the_clitic_of_a_multi_word_place_is_judged_on_the_whole_name() -> None:
    text = "وتوجهت القوات لدير الزور."
    assert found(text, {"لدير الزور": "LOC"}) == [("دير الزور", LOC, text.index("دير"))]


def test_titles_and_the_adjectives_after_them_stay_out_of_the_name() -> None:
    text = "وقال الرئيس الأمريكي السابق جورج بوش إن وزير الدفاع سامر حداد وصل."
    result = found(text, {"الرئيس الأمريكي السابق جورج بوش": "PER", "وزير الدفاع سامر حداد": "PER"})
    assert result == [("جورج بوش", PER, text.index("جورج")), ("سامر حداد", PER, text.index("سامر"))]


def test_a_span_that_is_only_a_title_is_dropped() -> None:
    assert found("وصل الجنرال أمس.", {"الجنرال": "PER"}) == []


def test_an_outlet_word_before_a_foreign_name_stays_out() -> None:
    text = "ونشرت صحيفة لوموند تقريرا، وبثت قناة الشرق الخبر."
    result = found(text, {"صحيفة لوموند": "ORG", "قناة الشرق": "ORG"})
    assert result == [("لوموند", ORG, text.index("لوموند")), ("قناة الشرق", ORG, text.index("قناة"))]


def test_latin_script_names_inside_arabic_text() -> None:
    text = "وبحسب صحيفة The New York Times ومجلة Foreign Affairs Review وموقع Mosaic فإن الهجوم فشل."
    assert found(text) == [
        ("The New York Times", ORG, text.index("The")),
        ("Foreign Affairs Review", ORG, text.index("Foreign")),
        ("Mosaic", MISC, text.index("Mosaic")),
    ]


def test_a_name_the_document_writes_after_a_place_noun_is_a_place_wherever_it_stands() -> None:
    text = "سيطر الجيش على مدينة البوكمال بالكامل علي البوكمال، وتعد البوكمال مهمة."
    tags = {"البوكمال": "PER", "علي البوكمال": "PER"}
    places = [(surface, kind) for surface, kind, _ in found(text, tags) if surface == "البوكمال"]
    assert places == [("البوكمال", LOC)] * 2  # the misread علي البوكمال gives no surname that outranks the town


def test_a_nationality_or_the_eulogy_is_no_person() -> None:
    text = (
        "قال الرئيس الروسي إن النبي صلى الله عليه وسلم ذكر في الكتاب، "
        "وقال أبو حمزة المصري ثم كرر المصري ذلك، وأشاد بلاتيني."
    )
    tags = {"الروسي": "PER", "صلى": "PER", "أبو حمزة المصري": "PER", "المصري": "PER", "بلاتيني": "PER"}
    assert surfaces(text, tags) == ["أبو حمزة المصري", "المصري", "بلاتيني"]


def test_named_wars_uprisings_and_operations_are_curated_things() -> None:
    text = "بعد الربيع العربي أطلقت تركيا عملية درع الفرات، ورفع المتظاهرون غصن الزيتون."
    assert found(text, {"الربيع العربي": "PER"}) == [
        ("الربيع العربي", MISC, text.index("الربيع")),
        ("تركيا", GPE, text.index("تركيا")),
        ("عملية درع الفرات", MISC, text.index("عملية")),
    ]  # غصن الزيتون alone is the olive branch of peace


def test_a_latin_letter_spelled_in_arabic_is_no_name() -> None:
    text = "نشرت روسيا منظومة إس 400 وطائرات إف 16 قرب حميميم."
    assert surfaces(text, {"إس": "MISC", "إف": "MISC", "حميميم": "MISC"}) == ["روسيا", "حميميم"]


def test_latin_page_text_is_no_name() -> None:
    text = (
        "نشر الخبر الساعة 10 GMT عبر iPad ثم Our website is using cookies ثم signInEmailAddress "
        "و All rights reserved و September 22 وأكدت Human Rights Watch ذلك."
    )
    phrases = ("Our website is using cookies", "All rights reserved", "signInEmailAddress", "iPad")
    tags = dict.fromkeys(phrases, "MISC")
    assert surfaces(text, tags) == ["iPad", "Human Rights Watch"]


def test_a_latin_name_does_not_run_across_a_line_break() -> None:
    assert [m[0] for m in found("Reuters\nTelegram")] == ["Reuters", "Telegram"]


def test_acronyms_and_curated_names_are_found_without_the_tagger() -> None:
    text = "واشتبكت قسد مع عناصر لداعش قرب منبج."
    assert found(text) == [("قسد", ORG, 8), ("داعش", ORG, text.index("داعش"))]


def test_a_curated_name_is_found_without_the_title_before_it() -> None:
    text = "واستقبل الملك عبد الله الثاني الوفد."
    assert found(text) == [("عبد الله الثاني", PER, text.index("عبد"))]


def test_a_curated_name_wins_over_a_tagger_span_with_an_adjective() -> None:
    text = "وقالت نيويورك تايمز الأمريكية إن المقاتلين فروا."
    assert found(text, {"نيويورك تايمز الأمريكية": "ORG"}) == [("نيويورك تايمز", ORG, 6)]


def test_a_person_span_stops_before_an_outlet_joined_by_a_preposition() -> None:
    text = "وقال المتحدث سامر حداد لبوليتيكو إن الوضع خطير."
    result = found(text, {"سامر حداد لبوليتيكو": "PER"})
    assert result == [("سامر حداد", PER, text.index("سامر")), ("بوليتيكو", ORG, text.index("بوليتيكو"))]


def test_a_capital_is_its_government_unless_named_as_a_place() -> None:
    text = "واتهمت واشنطن موسكو بالتصعيد، وعقد الاجتماع في واشنطن."
    assert found(text) == [
        ("واشنطن", GPE, text.index("واشنطن")),
        ("موسكو", GPE, text.index("موسكو")),
        ("واشنطن", LOC, text.rindex("واشنطن")),
    ]


def test_countries_are_gpe_even_when_tagged_loc() -> None:
    assert found("وصل الوفد إلى الأردن.", {"الأردن": "LOC"}) == [("الأردن", GPE, 14)]


def test_a_rural_area_is_one_place_span() -> None:
    text = "وتقدمت الفصائل في ريف حلب الشمالي الشرقي ثم في بريف إدلب."
    result = found(text, {"حلب": "LOC", "إدلب": "LOC"})
    assert result == [
        ("ريف حلب الشمالي الشرقي", LOC, text.index("ريف")),
        ("ريف إدلب", LOC, text.index("بريف") + 1),
    ]


def test_a_qualifier_with_a_clitic_inside_a_tagger_span_loses_the_clitic() -> None:
    text = "وعبروا مناطق الفصائل بريف حلب الشمالي ثم وصلوا إلى حي الشعار وبحي الفردوس."
    result = found(text, {"بريف حلب الشمالي": "LOC", "وبحي الفردوس": "LOC"})
    assert result[0] == ("ريف حلب الشمالي", LOC, text.index("بريف") + 1)
    assert ("الفردوس", LOC, text.index("الفردوس")) in result or ("حي الفردوس", LOC, text.index("وبحي") + 2) in result


def test_a_surname_alone_later_is_the_same_person() -> None:
    text = "وقال الباحث سامر الخطيب إن الهدنة صامدة. وأضاف الخطيب أن الخروقات قليلة."
    result = found(text, {"سامر الخطيب": "PER"})
    assert result == [("سامر الخطيب", PER, text.index("سامر")), ("الخطيب", PER, text.rindex("الخطيب"))]


def test_the_last_word_of_the_kings_title_is_no_surname() -> None:
    text = "ودشن خادم الحرمين الشريفين مشروع توسعة الحرمين الشريفين."
    assert named(text) == [("خادم الحرمين الشريفين", PER)]


def test_the_surname_of_a_person_named_in_full_outranks_another_tag() -> None:
    text = "ووصل ديفيد كاميرون إلى المدينة، وقال كاميرون إن الزيارة ناجحة."
    result = found(text, {"ديفيد كاميرون": "PER", "كاميرون": "LOC"})
    assert result == [("ديفيد كاميرون", PER, text.index("ديفيد")), ("كاميرون", PER, text.rindex("كاميرون"))]


def test_a_short_city_name_loses_its_clitic_but_a_short_rare_one_does_not() -> None:
    text = "وصل الوفد بجدة ثم وكاري."
    assert found(text, {"بجدة": "LOC", "وكاري": "PER"}) == [
        ("جدة", LOC, text.index("جدة")),
        ("كاري", PER, text.index("كاري")),
    ]


def test_implausible_tags_are_corrected() -> None:
    text = "ضعف الهيكل التنظيمي للجماعة في «دير الزور»."
    assert found(text, {"الهيكل التنظيمي": "PER", "دير الزور": "MISC"}) == [("دير الزور", LOC, text.index("دير"))]


def test_some_words_are_never_mentions() -> None:
    assert found("والحمد لله، رحمه الله.", {"الله": "MISC", "رحمه الله": "ORG"}) == []


def test_a_person_span_runs_on_over_a_joining_word() -> None:
    text = "واستقبل الشيخ محمد بن راشد آل مكتوم الوفد."
    assert found(text, {"محمد بن راشد": "PER"}) == [("محمد بن راشد آل مكتوم", PER, text.index("محمد"))]
    assert found("وصل سامر بن", {"سامر بن": "PER"}) == [("سامر بن", PER, 4)]


def test_an_ordinal_at_the_end_of_a_name_is_not_looked_for_alone() -> None:
    text = "واستقبل الملك عبد الله الثاني الوفد في اليوم الثاني من الزيارة."
    assert found(text, {"عبد الله الثاني": "PER"}) == [("عبد الله الثاني", PER, text.index("عبد"))]


def test_the_pipeline_component_runs_the_real_tagger() -> None:
    text = "وقال الرئيس التركي رجب طيب أردوغان في أنقرة إن بلاده لن تتراجع."
    doc = build_pipeline(["tokens", "sentences", "times", "mentions"])(Document("t", text, Metadata(language="ar")), Settings())
    names = {(text[m.start : m.end], m.type) for m in doc.mentions}
    assert ("رجب طيب أردوغان", PER) in names
    assert ("أنقرة", LOC) in names


def test_the_alias_table_is_consistent() -> None:
    data = json.loads(resources.files("marsad.data").joinpath("aliases.json").read_text(encoding="utf-8"))
    owner: dict[str, str] = {}
    for item in data["entities"]:
        names = [item["name"], *item["aliases"], *item.get("link_only", ()), *item.get("document_aliases", ())]
        for name in names:
            assert owner.setdefault(name_key(name), item["id"]) == item["id"], f"{name} names two entities"
        if "country" in item:
            assert country_place(item["country"]) is not None
    table = alias_table()
    assert all(e.government_of in table.entries for e in table.entries.values() if e.government_of)


def test_the_name_after_a_place_noun_is_a_place_where_the_tagger_saw_none() -> None:
    text = "قتل مسلحون في ضربة بقرية الشفة في ريف دير الزور، وانفجرت عبوة في بلدة تل عادة قرب مدينة معرة النعمان."
    expected = [("الشفة", LOC), ("ريف دير الزور", LOC), ("تل عادة", LOC), ("معرة النعمان", LOC)]
    assert named(text, {"تل": "LOC"}) == expected


def test_ali_after_a_place_head_word_is_the_name_not_the_particle() -> None:
    text = "سقطت قذيفة على منزل في قرية تل علي، وسيطرت الفصائل على تل الزهور."
    assert named(text, {"تل": "LOC"}) == [("تل علي", LOC), ("تل الزهور", LOC)]


def test_a_function_word_or_a_title_alone_is_no_mention() -> None:
    text = "وقال لي الشيخ إن الوفد وصل، ولم يتأخر، وحينها بدأ الاجتماع."
    tagged = {"لي": "PER", "الشيخ": "PER", "ولم": "LOC", "وحينها": "LOC"}
    assert found(text, tagged) == []


def test_a_function_word_at_either_end_of_a_name_is_left_out_but_a_short_syllable_is_not() -> None:
    text = "ونقل التقرير بحسب البي بي سي أن الخبر صحيح، فإن بلاتر غادر، وقابل جاك لو الوزير في كان."
    tagged = {"بحسب البي بي سي": "ORG", "فإن بلاتر": "PER", "جاك لو": "PER", "كان": "LOC"}
    assert named(text, tagged) == [("البي بي سي", ORG), ("بلاتر", PER), ("جاك لو", PER), ("كان", LOC)]


def test_a_short_function_word_before_a_given_name_is_left_out() -> None:
    text = "وحكى لي أحمد سالم قصته، ثم التقى الوزير لي كه تشيانغ في بكين."
    tagged = {"لي أحمد سالم": "PER", "لي كه تشيانغ": "PER", "بكين": "LOC"}
    assert named(text, tagged) == [("أحمد سالم", PER), ("لي كه تشيانغ", PER), ("بكين", LOC)]


def test_a_weather_report_or_the_penalty_area_is_no_place_but_the_red_sea_is() -> None:
    text = "وحالة البحر متوسط الموج، بينما تكون الرياح على الخليج العربي شرقية، وسقط اللاعب داخل منطقة الجزاء قرب البحر الأحمر."
    tagged = {"البحر متوسط الموج": "LOC", "الخليج العربي شرقية": "LOC", "الجزاء": "LOC", "البحر الأحمر": "LOC"}
    assert named(text, tagged) == [("الخليج العربي", LOC), ("البحر الأحمر", LOC)]


def test_a_spaced_dash_separates_names_and_an_accusative_noun_or_lowercase_code_is_no_name() -> None:
    text = "وأقيمت سباقات كؤوس الملوك سعود – فيصل، وتلقت الشرطة بلاغا، وكتب ألبا رسالة، وحلقت طائرة F-16 فوق الصفحة px."
    tagged = {"سعود – فيصل": "PER", "بلاغا": "PER", "ألبا": "PER", "F - 16": "MISC", "px": "MISC"}
    assert named(text, tagged) == [
        ("سعود", PER), ("فيصل", PER), ("ألبا", PER), ("F-16", MISC),
    ]


def test_a_pious_formula_or_an_idiom_is_no_name_but_a_name_with_allah_is() -> None:
    text = "وقال اللواء خلف الله إن الأمر محسوم والله الهادي، وأخذ في الحسبان قوة خط الوسط."
    tagged = {"خلف الله": "PER", "الله الهادي": "MISC", "الحسبان": "LOC", "خط الوسط": "LOC"}
    assert named(text, tagged) == [("خلف الله", PER)]


def test_adjectives_before_a_person_stay_out_of_the_name() -> None:
    text = (
        "وصمم والمعماري الكبير سامي مكيه المبنى، وسجل الليبيري موسى بيليتي هدفا، "
        "وقال السعودي الأمير فهد بن سالم إن الحفل نجح، وحضر القحطاني."
    )
    tagged = {
        "والمعماري الكبير سامي مكيه": "PER",
        "الليبيري موسى بيليتي": "PER",
        "السعودي الأمير فهد بن سالم": "PER",
        "القحطاني": "PER",
    }
    assert surfaces(text, tagged) == ["سامي مكيه", "موسى بيليتي", "فهد بن سالم", "القحطاني"]


def test_ali_before_a_name_the_tagger_found_is_part_of_it() -> None:
    text = "وقاتلت قوات الرئيس المخلوع علي عبدالله صالح في عدن، والتقى الوفد بسامي وعلي حسين الشمري، ثم عاد على سامي ناصر."
    tagged = {"عبدالله صالح": "PER", "حسين الشمري": "PER", "سامي ناصر": "PER"}
    assert surfaces(text, tagged) == ["علي عبدالله صالح", "علي حسين الشمري", "سامي ناصر"]


def test_ali_and_the_name_words_after_it_are_a_person_the_tagger_missed() -> None:
    text = "وقال علي حسن إن الوفد وصل على متن طائرة."
    assert named(text) == [("علي حسن", PER)]


def test_a_document_that_writes_the_particle_with_ya_has_no_ali() -> None:
    text = "اعتمد المدرب علي محمد صلاح في المباراة، واعتمد علي حسن في الدفاع."
    assert surfaces(text, {"محمد صلاح": "PER"}) == ["محمد صلاح"]


def test_no_name_ends_on_bin_or_on_a_noun_with_a_case_ending() -> None:
    text = "أصدرت «كتيبة خالد بن الوليد» بيانا، ودفع عناصر من الرقة ودير الزور رشىً كبيرة."
    tagged = {"كتيبة خالد بن": "ORG", "الوليد": "PER", "الرقة": "LOC", "ودير الزور رشىً": "PER"}
    assert named(text, tagged) == [("كتيبة خالد بن الوليد", ORG), ("الرقة", LOC), ("دير الزور", LOC)]


def test_an_amount_a_counterpart_or_the_particle_ala_is_no_part_of_a_name() -> None:
    text = "والتقى الرئيس نظيره الكيني أوهورو كينياتا، وأنفقت الشركة تريليون وون كوري، وأثنى على بلاتر."
    tagged = {"نظيره الكيني أوهورو كينياتا": "PER", "تريليون وون كوري": "PER", "على بلاتر": "PER"}
    assert surfaces(text, tagged) == ["أوهورو كينياتا", "بلاتر"]


def test_ali_written_with_ya_is_a_name_the_particle_is_not() -> None:
    text = "وصل علي إلى بغداد، ثم عاد على متن طائرة."
    assert named(text, {"علي": "PER", "على": "PER", "بغداد": "LOC"}) == [("علي", PER), ("بغداد", LOC)]


def test_a_common_word_or_a_definite_noun_before_a_name_gives_no_place() -> None:
    text = "انتشرت القوات في منطقة عسكرية وحي سكني، ثم عادت إلى المدينة الصناعية وقرية تقع قرب الحدود."
    assert found(text) == []


def test_a_noun_with_a_possessive_pronoun_after_a_place_noun_is_no_place() -> None:
    text = "وقال المتحدث إن المسلحين تسللوا عبر منطقة عملياته، لكنهم لم يدخلوا منطقة سيطرتنا ولا مدينة حمص."
    assert found(text) == [("حمص", LOC, text.index("حمص"))]


def test_a_person_span_ends_before_a_preposition_with_the_article() -> None:
    text = "ووصف القائد خالد العمري للفارين بالجبن، كما أشاد بالخليفة المعتصم بالله."
    result = found(text, {"خالد العمري للفارين": "PER", "المعتصم بالله": "PER"})
    assert [(surface, kind) for surface, kind, _ in result] == [("خالد العمري", PER), ("المعتصم بالله", PER)]


def test_a_currency_the_tagger_took_for_a_name_is_no_mention() -> None:
    text = "ودفع كل عنصر نحو ألف دولار للمهربين في إسطنبول."
    assert found(text, {"دولار": "MISC", "إسطنبول": "LOC"}) == [("إسطنبول", LOC, text.index("إسطنبول"))]


def test_a_unit_or_a_currency_with_its_adjective_is_no_mention_but_a_club_named_after_one_is() -> None:
    text = "وتنتج المحطة 500 ميغاواط بكلفة مليون جنيه استرليني، وتتسع الذاكرة لـ64 جيجابايت، وفاز ريال مدريد."
    tagged = {"ميغاواط": "MISC", "جنيه استرليني": "MISC", "جيجابايت": "MISC", "ريال مدريد": "ORG"}
    assert named(text, tagged) == [("ريال مدريد", ORG)]


def test_a_name_without_a_title_after_a_unit_or_a_university_names_it_and_a_clitic_before_it_stays_out() -> None:
    text = ("وقاتلت كتيبة طارق بن زياد في الرقة، وتخرج بجامعة محمد الخامس، وقال المدير إن محمد علي وصل "
            "لمتابعة دوري عبد اللطيف جميل.")
    tagged = {
        "طارق بن زياد": "PER", "الرقة": "LOC", "بجامعة محمد الخامس": "ORG", "محمد علي": "PER", "عبد اللطيف جميل": "PER",
    }
    assert named(text, tagged) == [
        ("كتيبة طارق بن زياد", ORG),
        ("الرقة", LOC),
        ("جامعة محمد الخامس", ORG),
        ("محمد علي", PER),
        ("دوري عبد اللطيف جميل", MISC),
    ]


def test_a_name_opening_with_an_organisation_head_is_an_organisation() -> None:
    text = "تخرج في جامعة الملك سعود، ثم أسرته ميليشيا الحوثي قرب قناة السويس."
    tagged = {"جامعة الملك سعود": "LOC", "ميليشيا الحوثي": "PER", "قناة السويس": "LOC"}
    assert named(text, tagged) == [("جامعة الملك سعود", ORG), ("ميليشيا الحوثي", ORG), ("قناة السويس", LOC)]


def test_a_clitic_before_a_common_word_stays_out_of_an_organisation_but_a_name_keeps_its_letter() -> None:
    text = "وفاز لريال مدريد لقب بكأس العالم للأندية، وزار الوفد لبنان وكندا، والتقى بسام."
    tagged = {"لريال مدريد": "ORG", "بكأس العالم للأندية": "MISC", "لبنان": "ORG", "وكندا": "ORG", "بسام": "PER"}
    assert surfaces(text, tagged) == ["ريال مدريد", "كأس العالم للأندية", "لبنان", "كندا", "بسام"]


def test_saudi_telecoms_are_organisations_in_either_script() -> None:
    text = "وتقدم شركات Stc و Mobily و Zain عروضا جديدة، وقالت موبايلي إن الأرباح ارتفعت، وحضر زين العابدين."
    assert named(text) == [
        ("Stc", ORG), ("Mobily", ORG), ("Zain", ORG), ("موبايلي", ORG),
    ]


def test_a_newspaper_named_after_a_place_is_an_organisation_in_quotation_marks() -> None:
    text = "وقال مصدر أمني لـ«الشرق الأوسط» إن التوتر في الشرق الأوسط يتصاعد، وذكرت مصادر في «تونس» ذلك."
    tagged = {"الشرق الأوسط": "LOC", "تونس": "LOC"}
    assert named(text, tagged) == [("الشرق الأوسط", ORG), ("الشرق الأوسط", LOC), ("تونس", GPE)]


def test_a_titled_persons_name_after_the_noun_of_a_body_or_a_place_names_it() -> None:
    text = ("نقل المصاب إلى مستشفى الملك فهد التخصصي، وأغلق طريق الملك عبدالعزيز، وفاز بجائزة الملك فيصل. "
            "وقال الملك سلمان إن الحجاج بخير، ووصل الوفد عن طريق الأمير نايف، وتحدث مدير الجامعة الدكتور سالم العمري.")
    tagged = {name: "PER" for name in ("فهد", "عبدالعزيز", "فيصل", "سلمان", "نايف", "سالم العمري")}
    assert named(text, tagged) == [
        ("مستشفى الملك فهد التخصصي", ORG),
        ("طريق الملك عبدالعزيز", LOC),
        ("جائزة الملك فيصل", MISC),
        ("سلمان", PER),
        ("نايف", PER),
        ("سالم العمري", PER),
    ]


def test_a_village_the_tagger_took_for_a_person_is_a_place() -> None:
    text = "قتل ثلاثة أطفال في قصف على قرية أبو ميال بريف حماة."
    assert ("أبو ميال", LOC) in named(text, {"أبو ميال": "PER"})


def test_a_nisba_with_the_accusative_ending_is_no_place() -> None:
    text = "سافر 120 بريطانياً إلى تركيا، وتقدمت القوات المدعومة روسيّاً نحو المدينة، ثم قابل الوزير عليّاً."
    phrases = {"بريطانياً": "LOC", "روسيّاً": "GPE", "تركيا": "LOC", "عليّاً": "PER"}
    assert named(text, phrases) == [("تركيا", GPE), ("عليّاً", PER)]


def test_a_future_verb_the_tagger_put_before_a_place_stays_out() -> None:
    text = "وقال إن المقاتلين سيغادرون ليبيا قريباً."
    assert found(text, {"سيغادرون ليبيا": "LOC"}) == [("ليبيا", GPE, text.index("ليبيا"))]


def test_amman_is_not_read_as_oman_by_the_alias_table() -> None:
    assert found("وصل الوفد إلى عمّان أمس.") == []
    text = "ووصل الوفد إلى سلطنة عُمان أمس."
    assert found(text) == [("سلطنة عُمان", GPE, text.index("سلطنة"))]


def test_a_place_noun_that_is_part_of_the_name_stays_in_the_span() -> None:
    text = "ووصل أمير منطقة المدينة المنورة أمس، ثم زار بحي الفردوس مدرسة."
    result = found(text, {"المدينة المنورة": "LOC", "بحي الفردوس": "LOC"})
    assert [(surface, kind) for surface, kind, _ in result] == [("المدينة المنورة", LOC), ("الفردوس", LOC)]


def test_a_particle_is_no_name_and_no_place_after_a_place_noun() -> None:
    text = "وأدخلت الفعاليات السرور على الزوار في كل مدينة أو جزيرة، وفي مدينة الملك فهد الطبية."
    assert found(text, {"على": "PER"}) == []
    text = "وزار الوفد بلدة على الحدود ثم التقى محمد على في القاهرة."
    result = found(text, {"محمد على": "PER", "القاهرة": "LOC"})
    assert [(surface, kind) for surface, kind, _ in result] == [("محمد على", PER), ("القاهرة", LOC)]


def test_a_curated_person_after_its_title_ends_before_a_word_that_is_no_name() -> None:
    text = "واستقبل الملك سلمان الوفد، ثم التقى الأمير سلطان بن سلمان."
    result = found(text, {"سلمان الوفد": "PER", "سلطان بن سلمان": "PER"})
    assert [(surface, kind) for surface, kind, _ in result] == [("سلمان", PER), ("سلطان بن سلمان", PER)]


def test_a_name_inside_a_time_expression_is_no_mention() -> None:
    text = "وبدأ التمرد في أبريل (نيسان) 2014 بعد أن أعلنت شركة نيسان خطتها."
    doc = build_pipeline(["tokens", "sentences", "times"])(Document("t", text, Metadata(language="ar")), Settings())
    mentions = mentions_in(doc, PhraseTagger({"نيسان": "ORG"}))
    assert [(text[m.start : m.end], m.start) for m in mentions] == [("نيسان", text.rindex("نيسان"))]


def test_a_town_named_after_a_person_keeps_the_title_but_a_royal_campus_is_no_town() -> None:
    text = "وانفجرت سيارة قرب بلدة السيدة زينب، ونقل الجرحى إلى مدينة الملك فهد الطبية."
    result = found(text, {"زينب": "PER"})
    assert [(surface, kind) for surface, kind, _ in result] == [("السيدة زينب", LOC)]


def test_a_head_word_or_place_noun_the_tagger_took_alone_gives_the_whole_name() -> None:
    text = "سقطت قذيفتان على تل رفعت، ثم بدأ هجوم على الريف الشمالي لمدينة السويداء."
    result = found(text, {"تل": "LOC", "لمدينة": "LOC"})
    assert [(surface, kind) for surface, kind, _ in result] == [("تل رفعت", LOC), ("السويداء", LOC)]


def test_a_person_span_ends_before_a_verb_in_the_plural() -> None:
    text = "وقال إن عناصر البغدادي يتساقطون واحدا تلو الآخر."
    assert found(text, {"البغدادي يتساقطون": "PER"}) == [("البغدادي", PER, text.index("البغدادي"))]


def test_what_a_number_counts_is_no_place() -> None:
    text = "وكان بينهم اثنين بريطانيين وثلاثة سوريين وصلوا إلى تركيا."
    result = found(text, {"بريطانيين": "LOC", "سوريين": "LOC", "تركيا": "LOC"})
    assert [(surface, kind) for surface, kind, _ in result] == [("تركيا", GPE)]


def test_a_curated_organisation_then_a_person_are_two_mentions_and_a_noun_with_tanween_is_no_person() -> None:
    text = "وقال قائد قوات سوريا الديمقراطية مظلوم عبدي إن المهربين تقاضوا رشىً كبيرة."
    result = found(text, {"قوات سوريا الديمقراطية مظلوم": "ORG", "رشىً": "PER"})
    assert [(surface, kind) for surface, kind, _ in result] == [("قوات سوريا الديمقراطية", ORG), ("مظلوم عبدي", PER)]
