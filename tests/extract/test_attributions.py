from __future__ import annotations

from pathlib import Path

import pytest

from marsad.arabic.sentences import iter_sentences
from marsad.arabic.tokens import iter_tokens
from marsad.document import (
    ANONYMOUS_SOURCE,
    OFFICIAL_SOURCE,
    ORG,
    ORGANISATION_SOURCE,
    OUTLET_SOURCE,
    PER,
    PERSON_SOURCE,
    Attribution,
    Document,
    Mention,
    Metadata,
)
from marsad.extract.attributions import find_attributions, outlet_country, outlet_named
from marsad.settings import Settings

SETTINGS = Settings()


def document(text: str, mentions: tuple[Mention, ...] = ()) -> Document:
    doc = Document("t", text, Metadata(language="ar"))
    return doc.with_layer("tokens", iter_tokens(text)).with_layer("sentences", iter_sentences(text)).with_layer("mentions", mentions)


def person(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), type=PER)


def read(text: str, mentions: tuple[Mention, ...] = ()) -> list[Attribution]:
    """The attributions of ``text``, checked to be stand-off: every span gives back its surface."""
    found = find_attributions(document(text, mentions), SETTINGS)
    for a in found:
        assert text[a.start : a.end] == a.cue
        assert a.source.start is not None and text[a.source.start : a.source.end] == a.source.text
        assert all(text[v.start : v.end] == v.text for v in a.via)
    return found


def summary(text: str, a: Attribution) -> tuple[str, str, str | None, str]:
    return a.cue, a.source.text, a.source.kind, text[a.content_start : a.content_end]


def test_verb_then_titled_name_and_reported_clause() -> None:
    text = "قال وزير الصحة خالد الفالح إن الوزارة ستفتتح ثلاثة مستشفيات جديدة العام المقبل."
    (a,) = read(text)
    assert summary(text, a) == ("قال", "خالد الفالح", PERSON_SOURCE, "الوزارة ستفتتح ثلاثة مستشفيات جديدة العام المقبل")
    assert a.affiliation == "وزير الصحة"


def test_the_cue_span_leaves_out_the_conjunction() -> None:
    text = "وقالت الشرطة في بيان: \"تم القبض على المشتبه به فجر اليوم\"."
    (a,) = read(text)
    assert (a.start, a.end) == (1, 5)
    assert summary(text, a) == ("قالت", "الشرطة", OFFICIAL_SOURCE, "تم القبض على المشتبه به فجر اليوم")


def test_a_person_mention_gives_the_source_span() -> None:
    text = "وقال رئيس الوزراء تاكو ماني إن الحكومة ستستقيل."
    (a,) = read(text, (person(text, "تاكو ماني"),))
    assert (a.source.text, a.source.start, a.affiliation) == ("تاكو ماني", text.index("تاكو"), "رئيس الوزراء")


def test_subject_before_the_verb() -> None:
    text = "الوزير قال إن الميزانية ستعلن قريبا. المعارضة تقول إن الأرقام غير دقيقة."
    first, second = read(text)
    assert summary(text, first) == ("قال", "الوزير", OFFICIAL_SOURCE, "الميزانية ستعلن قريبا")
    assert summary(text, second) == ("تقول", "المعارضة", ANONYMOUS_SOURCE, "الأرقام غير دقيقة")


def test_follow_ups_continue_the_last_speaker() -> None:
    text = "وأضاف المتحدث أن التحقيقات مستمرة. وأكد أن الحادث لم يسفر عن إصابات."
    first, second = read(text)
    assert summary(text, second) == ("أكد", "المتحدث", OFFICIAL_SOURCE, "الحادث لم يسفر عن إصابات")
    assert second.source == first.source


def test_a_participle_continues_its_sentence_and_cuts_the_clause_before_it() -> None:
    text = "وقال المحامي إن موكله بريء، مضيفا أن المحكمة ستنظر في القضية الأسبوع المقبل."
    first, second = read(text)
    assert text[first.content_start : first.content_end] == "موكله بريء"
    assert summary(text, second) == ("مضيفا", "المحامي", OFFICIAL_SOURCE, "المحكمة ستنظر في القضية الأسبوع المقبل")


def test_said_in_a_message_is_the_last_speaker() -> None:
    text = "وقال ناشط من المدينة في رسالة إلى الصحفيين إن القصف استمر طوال الليل. وقال في رسالة أخرى إن الكهرباء مقطوعة."
    first, second = read(text)
    assert first.source.text == "ناشط من المدينة"
    assert summary(text, second) == ("قال", "ناشط من المدينة", ANONYMOUS_SOURCE, "الكهرباء مقطوعة")


def test_a_quotation_runs_across_sentences_and_a_colon_brings_the_next() -> None:
    text = "وقال الطبيب: «نعمل منذ ثلاثة أيام دون انقطاع. المستشفى ممتلئ بالجرحى».\nوأضاف: «نحتاج إلى الأدوية بشكل عاجل»."
    first, second = read(text)
    assert text[first.content_start : first.content_end] == "نعمل منذ ثلاثة أيام دون انقطاع. المستشفى ممتلئ بالجرحى"
    assert summary(text, second) == ("أضاف", "الطبيب", ANONYMOUS_SOURCE, "نحتاج إلى الأدوية بشكل عاجل")


def test_a_short_quotation_after_a_colon_is_content_not_a_name() -> None:
    text = "وقال الرئيس: \"لن نتراجع\". وقال المعارضون إن الخطاب لم يأت بجديد."
    first, second = read(text)
    assert text[first.content_start : first.content_end] == "لن نتراجع"
    assert summary(text, second) == ("قال", "المعارضون", ANONYMOUS_SOURCE, "الخطاب لم يأت بجديد")


def test_apposition_is_the_affiliation_and_a_quoted_name_stays_inside_it() -> None:
    text = 'وقال سامر العلي، أحد الباحثين في مركز "الأفق" للدراسات، إن الهدنة هشة.'
    (a,) = read(text)
    assert summary(text, a) == ("قال", "سامر العلي", PERSON_SOURCE, "الهدنة هشة")
    assert a.affiliation == 'أحد الباحثين في مركز "الأفق" للدراسات'


def test_a_name_with_abu_is_kept_whole() -> None:
    text = "وأضاف أبو محمد أن الطريق مقطوع منذ يومين."
    (a,) = read(text)
    assert (a.source.text, a.source.kind, a.affiliation) == ("أبو محمد", PERSON_SOURCE, None)


def test_anonymous_official_speaking_to_an_outlet_has_the_outlet_as_via() -> None:
    text = "قال مسؤول كبير في وزارة الخارجية لصحيفة الغارديان: \"لن نقبل بأي تسوية على حساب شعبنا\"."
    (a,) = read(text)
    assert summary(text, a) == ("قال", "مسؤول كبير في وزارة الخارجية", ANONYMOUS_SOURCE, "لن نقبل بأي تسوية على حساب شعبنا")
    assert [(v.text, v.kind) for v in a.via] == [("صحيفة الغارديان", OUTLET_SOURCE)]


def test_spoken_to_a_quoted_outlet_before_the_source() -> None:
    text = 'ذكر رئيس اللجنة لـ"الوطن" أن الاستعدادات اكتملت.'
    (a,) = read(text)
    assert (a.source.text, [v.text for v in a.via]) == ("رئيس اللجنة", ["الوطن"])


def test_according_to_an_outlet_inside_the_statement_is_a_via() -> None:
    text = "ويؤكد المحللون بحسب صحيفة واشنطن بوست أن الأزمة ستطول."
    (a,) = read(text)
    assert summary(text, a) == ("يؤكد", "المحللون", ANONYMOUS_SOURCE, "الأزمة ستطول")
    assert [v.text for v in a.via] == ["صحيفة واشنطن بوست"]


def test_relayed_by_an_agency_from_a_source() -> None:
    text = "ونقلت وكالة رويترز عن مسؤول أمني قوله إن الهجوم استهدف نقطة تفتيش."
    (a,) = read(text)
    assert summary(text, a) == ("نقلت", "مسؤول أمني", ANONYMOUS_SOURCE, "الهجوم استهدف نقطة تفتيش")
    assert [v.text for v in a.via] == ["وكالة رويترز"]


def test_quoting_sources_is_a_via_of_the_outlet_statement() -> None:
    text = "وقالت الصحيفة، نقلا عن مسؤولين أمنيين، إن المتهم اعترف بالجريمة."
    (a,) = read(text)
    assert summary(text, a) == ("قالت", "الصحيفة", OUTLET_SOURCE, "المتهم اعترف بالجريمة")
    assert [v.text for v in a.via] == ["مسؤولين أمنيين"]


def test_prepositional_cue_before_the_clause() -> None:
    text = "وبحسب المرصد السوري لحقوق الإنسان، قتل 12 مدنيا في القصف."
    (a,) = read(text)
    assert summary(text, a) == ("بحسب", "المرصد السوري لحقوق الإنسان", ORGANISATION_SOURCE, "قتل 12 مدنيا في القصف")


def test_prepositional_cue_after_the_clause() -> None:
    text = "قتل 12 مدنيا في القصف، وفقا لمصادر طبية."
    (a,) = read(text)
    assert summary(text, a) == ("وفقا", "مصادر طبية", ANONYMOUS_SOURCE, "قتل 12 مدنيا في القصف")


def test_as_stated_in_a_statement() -> None:
    text = "ارتفع عدد الإصابات إلى 40 حالة، كما جاء في بيان وزارة الصحة."
    (a,) = read(text)
    assert summary(text, a) == ("كما جاء في", "بيان وزارة الصحة", ANONYMOUS_SOURCE, "ارتفع عدد الإصابات إلى 40 حالة")


def test_according_to_what_a_site_reported_and_to_a_report_an_outlet_published() -> None:
    text = "وفق ما ذكر موقع بوليتيكو، تستعد الإدارة لسحب قواتها. وفقا لتقرير نشرته صحيفة وول ستريت جورنال، فإن الشركة تخطط لبيع أصولها."
    first, second = read(text)
    assert summary(text, first) == ("وفق ما ذكر", "موقع بوليتيكو", OUTLET_SOURCE, "تستعد الإدارة لسحب قواتها")
    assert summary(text, second) == ("وفقا", "صحيفة وول ستريت جورنال", OUTLET_SOURCE, "الشركة تخطط لبيع أصولها")


def test_in_his_words_completes_the_statement_without_a_second_record() -> None:
    text = "وقال المتحدث إن العمليات مستمرة، على حد قوله."
    (a,) = read(text)
    assert summary(text, a) == ("قال", "المتحدث", OFFICIAL_SOURCE, "العمليات مستمرة")


def test_backward_statement_said_by_the_source_after_dhalik() -> None:
    text = "وصل الإسعاف بعد نصف ساعة من الحادث. أوضح ذلك مدير المستشفى الدكتور سالم العتيبي."
    (a,) = read(text)
    assert summary(text, a) == ("أوضح", "سالم العتيبي", PERSON_SOURCE, "وصل الإسعاف بعد نصف ساعة من الحادث")


def test_an_organisation_source_and_the_anaphor_that_follows() -> None:
    text = "وكشفت وزارة الداخلية أن 15 شخصا اعتقلوا. وأوضحت الوزارة أن التحقيقات مستمرة."
    first, second = read(text)
    assert summary(text, first) == ("كشفت", "وزارة الداخلية", OFFICIAL_SOURCE, "15 شخصا اعتقلوا")
    assert summary(text, second) == ("أوضحت", "الوزارة", OFFICIAL_SOURCE, "التحقيقات مستمرة")


@pytest.mark.parametrize(
    "text",
    [
        "يذكر أن المهرجان انطلق قبل عشرة أعوام.",  # impersonal: 'it is worth noting'
        "وغادر الوفد بعد أن أكد أن الحوار سيستمر.",  # no source to be found
        "قتل 12 شخصا بحسب الجنس والعمر في الإحصاء.",  # بحسب a measure, not a source
        "وبما أن النادي لم يعلن عن رغبته في التعاقد، تبقى الصفقة معلقة.",  # a negated verb reports nothing
        "وفرضت الحكومة قيودا مشددة على السحب من المصارف.",  # a participle describing a noun
        "وتلتزم الشركات وفقا لنص المادة الخامسة بدفع الرسوم.",  # وفقا لـ a text, not a speaker
        "هل لفت انتباهك الكاتب إلى أمر جديد؟",  # drawing attention is no saying
        "وأكد المدرب جاهزية الفريق للقب، خاصة أنهم فازوا بالمباراة الأخيرة.",  # خاصة أن: 'especially since'
        "",
    ],
)
def test_no_attribution(text: str) -> None:
    assert read(text) == []


def test_outlet_names_in_both_scripts() -> None:
    assert outlet_named("صحيفة نيويورك تايمز الأمريكية").name == "The New York Times"  # type: ignore[union-attr]
    assert outlet_named("The New York Times").name == "The New York Times"  # type: ignore[union-attr]
    assert outlet_named("وكالة الأنباء السعودية").name == "Saudi Press Agency"  # type: ignore[union-attr]
    assert outlet_named("الرياض") is None  # a city unless an outlet word comes first
    assert outlet_named("صحيفة الرياض").name == "Al Riyadh"  # type: ignore[union-attr]


def test_in_the_words_of_after_a_quoted_word_attributes_that_word() -> None:
    text = 'وتعهد الجيش بـ"سحق" -على حد قول المتحدث باسمه- كل من يحمل السلاح.'
    (a,) = read(text)
    assert summary(text, a) == ("على حد قول", "المتحدث باسمه", OFFICIAL_SOURCE, "سحق")


def test_a_time_set_off_by_commas_after_the_verb() -> None:
    text = "قالت، مساء أمس الخميس، وزارة النقل إنها ستغلق الطريق مؤقتا."
    (a,) = read(text)
    assert summary(text, a) == ("قالت", "وزارة النقل", OFFICIAL_SOURCE, "ستغلق الطريق مؤقتا")


def test_a_second_verb_right_after_the_first_continues_the_speaker() -> None:
    text = "وقال المدرب إن الفريق جاهز. وتابع يقول: \"سنلعب للفوز\"."
    first, second = read(text)
    assert summary(text, second) == ("تابع", "المدرب", ANONYMOUS_SOURCE, "سنلعب للفوز")


def test_backward_statement_in_the_same_sentence_to_the_splitter() -> None:
    text = "نقل ثلاثة مصابين إلى المستشفى.أوضح ذلك المتحدث باسم الدفاع المدني."
    (a,) = read(text)
    assert summary(text, a) == ("أوضح", "المتحدث باسم الدفاع المدني", OFFICIAL_SOURCE, "نقل ثلاثة مصابين إلى المستشفى")


def test_a_name_followed_by_its_title_without_a_mention() -> None:
    text = "وقال ماهر شبانة رئيس مجلس إدارة النادي في تصريح: سنعلن التعاقد قريبا."
    (a,) = read(text)
    assert (a.source.text, a.source.kind, a.affiliation) == ("ماهر شبانة", PERSON_SOURCE, "رئيس مجلس إدارة النادي")


def test_a_person_mention_is_widened_to_the_whole_name_in_the_phrase() -> None:
    text = "وقال اللواء أحمد سيف الشعيبي في تصريح: إن القوات تقدمت. وأضاف سيد قادر أن الهجوم سيستمر."
    mentions = (person(text, "أحمد سيف"), person(text, "قادر"))
    first, second = read(text, mentions)
    assert (first.source.text, first.affiliation) == ("أحمد سيف الشعيبي", "اللواء")
    assert second.source.text == "سيد قادر"


def test_an_outlet_name_in_quotation_marks_keeps_its_closing_mark() -> None:
    text = "وقالت صحيفة «الأيام» إن المفاوضات انتهت."
    (a,) = read(text)
    assert (a.source.text, a.source.kind) == ("صحيفة «الأيام»", OUTLET_SOURCE)


def test_a_prepositional_phrase_before_the_verb_is_no_subject() -> None:
    text = "ألقى الأمير سلمان العتيبي كلمة لهذا الحفل قال فيها: نحن فخورون بكم."
    mentions = (person(text, "سلمان العتيبي"),)
    (a,) = read(text, mentions)
    assert summary(text, a) == ("قال", "سلمان العتيبي", PERSON_SOURCE, "نحن فخورون بكم")


def test_a_person_named_inside_the_last_statement_does_not_take_over_the_next_verb() -> None:
    text = "وأضاف الوزير سعد الحربي أن المشروع صممه المهندس فهد العتيبي، وقال: \"سننجز العمل قبل الصيف\"."
    mentions = (person(text, "سعد الحربي"), person(text, "فهد العتيبي"))
    first, second = read(text, mentions)
    assert first.source.text == second.source.text == "سعد الحربي"
    assert text[second.content_start : second.content_end] == "سننجز العمل قبل الصيف"


def test_a_name_of_lineage_after_a_long_title_is_the_source() -> None:
    text = "من جهته أوضح عضو المجلس البلدي بمحافظة الخرج سالم بن فهد الدوسري، أن الطريق سيفتتح قريبا."
    (a,) = read(text)
    assert (a.source.text, a.source.kind) == ("سالم بن فهد الدوسري", PERSON_SOURCE)
    assert a.affiliation == "عضو المجلس البلدي بمحافظة الخرج"


def test_a_name_with_the_article_before_bin_is_kept_whole() -> None:
    text = "وأضاف الأمير الوليد بن طلال: نحن ندعم هذا المشروع."
    (a,) = read(text)
    assert (a.source.text, a.affiliation) == ("الوليد بن طلال", "الأمير")


def test_a_member_with_no_name_stays_anonymous() -> None:
    text = "وقال عضو في اللجنة إن القرار سيصدر غدا."
    (a,) = read(text)
    assert (a.source.text, a.source.kind) == ("عضو في اللجنة", ANONYMOUS_SOURCE)


def test_a_deputy_of_a_hospital_head_is_an_official_not_a_name() -> None:
    text = "وقال نائب مدير مستشفى الملك فهد إنه تم تنويم ثلاث حالات."
    (a,) = read(text)
    assert (a.source.text, a.source.kind) == ("نائب مدير مستشفى الملك فهد", OFFICIAL_SOURCE)


def test_an_investigator_is_a_title_before_the_name() -> None:
    text = "وقال المحقق كارتر إن الأدلة تكفي لتوجيه الاتهام."
    (a,) = read(text)
    assert (a.source.text, a.affiliation) == ("كارتر", "المحقق")


def test_a_full_stop_glued_to_the_next_word_ends_the_statement_and_bayyana_opens_one() -> None:
    text = "وأوضح المدير أن الطلاب خضعوا للاختبار.وبين أن النتائج ستعلن غدا."
    first, second = read(text)
    assert summary(text, first)[3] == "الطلاب خضعوا للاختبار"
    assert summary(text, second) == ("بين", "المدير", OFFICIAL_SOURCE, "النتائج ستعلن غدا")


def test_bayna_as_a_preposition_is_no_verb() -> None:
    text = "وقال الوزير إن المسافة بين الرياض وجدة ستقصر. وبين المدينتين قطار سريع."
    (a,) = read(text)
    assert summary(text, a)[3] == "المسافة بين الرياض وجدة ستقصر"


def test_a_double_full_stop_does_not_end_the_statement() -> None:
    text = "وقالت المصممة إن الصورة حقيقية.. أنا لم أعدلها أبدا. وافتتح المعرض مساء أمس."
    (a,) = read(text)
    assert summary(text, a)[3] == "الصورة حقيقية.. أنا لم أعدلها أبدا"


def test_a_double_full_stop_before_a_new_verb_ends_the_statement() -> None:
    text = "وقالت المصممة: الصورة حقيقية.. وتساءلت: لماذا كل هذا الغضب؟"
    first, second = read(text)
    assert summary(text, first)[3] == "الصورة حقيقية"
    assert summary(text, second)[:2] == ("تساءلت", "المصممة")


def test_a_closing_participle_ends_the_statement() -> None:
    text = "وقال الشيخ سعد المطيري: نحن جميعا فداء للوطن، معربا عن شكره للقيادة على مواساتها."
    (a,) = read(text)
    assert summary(text, a)[3] == "نحن جميعا فداء للوطن"


def test_a_short_quotation_opening_with_a_complementiser_is_content() -> None:
    text = 'وقال المرشح عن خصمه "إنه ليس بطلا"، متسائلا "كيف يكون ذلك؟".'
    first, second = read(text)
    assert summary(text, first)[3] == "إنه ليس بطلا"
    assert summary(text, second) == ("متسائلا", "المرشح", ANONYMOUS_SOURCE, "كيف يكون ذلك؟")


def test_a_proposal_is_a_statement() -> None:
    text = "واقترح المهندس خالد العمري أن تنشأ حديقة في الحي."
    (a,) = read(text)
    assert summary(text, a) == ("اقترح", "خالد العمري", PERSON_SOURCE, "تنشأ حديقة في الحي")


def test_pointing_to_a_noun_is_the_content_of_a_participle_and_a_verb() -> None:
    text = (
        "وقال المدير إن العمل بدأ، مشيرا إلى أهمية الالتزام بالمواعيد التي حددتها الوزارة على موقعها. "
        "وأشار المدير إلى عودة الكهرباء إلى الأحياء."
    )
    _, pointing, verb = read(text)
    assert summary(text, pointing)[3] == "أهمية الالتزام بالمواعيد التي حددتها الوزارة على موقعها"
    assert summary(text, verb)[3] == "عودة الكهرباء إلى الأحياء"


def test_an_honorific_pronoun_after_the_cue_is_the_current_speaker() -> None:
    text = "وأوضح أمير المنطقة الأمير سعود بن نايف أن المشروع اكتمل، مؤكدا سموه على أهمية دعم الشباب."
    first, second = read(text)
    assert first.source.text == second.source.text == "سعود بن نايف"
    assert summary(text, second)[3] == "أهمية دعم الشباب"


def test_an_agency_in_quotation_marks_ends_the_source_and_a_place_after_it_is_skipped() -> None:
    text = "وبحسب وكالة «رويترز» من عدن، فإن القائد «اعترف بالتراجع»، لكنه قال إن قواته ستعود."
    first, second = read(text)
    assert summary(text, first) == ("بحسب", "وكالة «رويترز»", OUTLET_SOURCE, "القائد «اعترف بالتراجع»")
    assert summary(text, second)[3] == "قواته ستعود"


def test_a_quoted_site_name_runs_to_its_closing_mark() -> None:
    text = 'حسب موقع "سي إن إن بالعربية"، فإن الشركة منحت موظفيها إجازة.'
    (a,) = read(text)
    assert summary(text, a) == ("حسب", 'موقع "سي إن إن بالعربية"', OUTLET_SOURCE, "الشركة منحت موظفيها إجازة")


def test_an_agency_known_by_an_adjective_alone_after_a_cue() -> None:
    text = "وغاب عدد من النجوم عن الرحلة، نقلا عن الألمانية."
    (a,) = read(text)
    assert summary(text, a) == ("نقلا عن", "الألمانية", OUTLET_SOURCE, "وغاب عدد من النجوم عن الرحلة")
    assert read("وغاب عدد من النجوم عن الرحلة، نقلا عن الألمانية المقيمة في الرياض.") == []


def test_a_network_named_in_long_quotation_marks_is_the_via_not_part_of_the_source() -> None:
    text = "وقال سامي النمر لشبكة \"سي بي اس نيوز الامريكية\" أمس: \"لن نتراجع عن القرار\"."
    (a,) = read(text, (person(text, "سامي النمر"),))
    assert summary(text, a) == ("قال", "سامي النمر", PERSON_SOURCE, "لن نتراجع عن القرار")
    assert [(v.text, v.kind) for v in a.via] == [("شبكة \"سي بي اس نيوز الامريكية\"", OUTLET_SOURCE)]
    text = "وأضاف سامي النمر في تصريحات لقناة «الأفق» الإخبارية أمس: «لن نتراجع»."
    (a,) = read(text, (person(text, "سامي النمر"),))
    assert [v.text for v in a.via] == ["قناة «الأفق»"]  # the name ends at its closing mark


def test_a_speech_noun_the_tagger_ran_a_name_on_into_is_no_part_of_the_name() -> None:
    text = "وألقى رئيس الجمعية الأمير فيصل بن سعود كلمة (مسجلة) بالمناسبة قال فيها: نحن فخورون بكم."
    (a,) = read(text, (person(text, "فيصل بن سعود كلمة"),))
    assert (a.source.text, a.source.kind) == ("فيصل بن سعود", PERSON_SOURCE)


def test_what_an_outlet_relayed_from_a_person_has_the_person_as_source_and_the_outlet_as_via() -> None:
    text = "وتراجعت أسعار النفط في الأسواق الآسيوية، وفقا لما نقلته «رويترز» عن مارك هولت المحلل في بنك الخليج."
    (a,) = read(text, (person(text, "مارك"),))
    assert summary(text, a) == ("وفقا لما نقلته", "مارك هولت", PERSON_SOURCE, "وتراجعت أسعار النفط في الأسواق الآسيوية")
    assert ([v.text for v in a.via], a.affiliation) == (["«رويترز»"], "المحلل في بنك الخليج")


def test_one_who_confirms_what_was_said_becomes_the_speaker_without_a_statement_of_his_own() -> None:
    text = "وأكد الوزير خالد السالم أن المشروع سيكتمل هذا العام، وهو ما أكده المهندس فهد الزهراني بدوره، مشيرا إلى أن العمل يسير وفق الخطة."
    first, second = read(text, (person(text, "خالد السالم"), person(text, "فهد الزهراني")))
    assert summary(text, first) == ("أكد", "خالد السالم", PERSON_SOURCE, "المشروع سيكتمل هذا العام")
    assert summary(text, second) == ("مشيرا", "فهد الزهراني", PERSON_SOURCE, "العمل يسير وفق الخطة")


def test_two_ministers_joined_by_wa_are_one_source_and_a_plural_participle_continues_them() -> None:
    text = "أكد وزير الخارجية السعودي عادل الجبير ونظيره الفرنسي لوران فابيوس، أن المحادثات كانت مثمرة، مؤكدين أن التعاون سيستمر."
    first, second = read(text, (person(text, "لوران فابيوس"),))
    assert (first.source.text, first.affiliation) == ("عادل الجبير ونظيره الفرنسي لوران فابيوس", "وزير الخارجية السعودي")
    assert second.source.text == first.source.text
    (a,) = read("أكد وزير الخارجية والمغتربين لوران فابيوس أن المحادثات كانت مثمرة.", (person("أكد وزير الخارجية والمغتربين لوران فابيوس", "لوران فابيوس"),))
    assert a.source.text == "لوران فابيوس"
    text = "وأوضح رئيس المجلس البلدي في الخرج وضرما سالم بن فهد الدوسري أن الطريق سيفتتح قريبا."
    (a,) = read(text, (person(text, "سالم بن فهد الدوسري"),))
    assert a.source.text == "سالم بن فهد الدوسري"  # وضرما is a second place, no second person


def test_a_phrase_opening_with_a_preposition_is_no_subject_and_there_are_is_left_out() -> None:
    text = "وردا على سؤال عن أرقام تشير إلى ارتفاع الأسعار، أجاب الوزير بأن السوق مستقرة."
    assert all(a.source.text != "عن أرقام" for a in read(text))
    text = "وكانت الأمطار غزيرة. هناك مواقع محلية أكدت أن السيول جرفت عشر سيارات."
    (a,) = read(text)
    assert (a.source.text, a.source.kind) == ("مواقع محلية", ANONYMOUS_SOURCE)


def test_a_credit_followed_by_a_comment_attributes_the_clause_before_it() -> None:
    text = "ارتفعت صادرات النفط إلى مليوني برميل يوميا، وفقا لتقديرات جديدة، الأمر الذي يدعم الميزانية."
    (a,) = read(text)
    assert text[a.content_start : a.content_end] == "ارتفعت صادرات النفط إلى مليوني برميل يوميا"


def test_a_description_of_the_source_after_the_credit_is_its_affiliation_not_content() -> None:
    text = "ووفقا لمرصد الأسعار، وهو هيئة مستقلة مقرها جدة، ارتفعت أسعار الأرز عشرة بالمئة."
    (a,) = read(text)
    assert (a.affiliation, text[a.content_start : a.content_end]) == ("وهو هيئة مستقلة مقرها جدة", "ارتفعت أسعار الأرز عشرة بالمئة")


def test_the_report_after_an_outlet_is_read_through_that_outlet() -> None:
    text = "وذكرت صحيفة الغارديان أن الوزير سيزور المنطقة. ووفقا للتقرير، سيلتقي الوزير بالأهالي."
    _, report = read(text)
    assert [v.text for v in report.via] == ["صحيفة الغارديان"]


def test_the_government_and_analysts_are_one_source_and_a_possessed_object_no_source() -> None:
    text = "وقالت الحكومة ومحللون مستقلون في المنطقة، بينهم معهد الدراسات، إن التهريب يتزايد."
    (a,) = read(text)
    assert (a.source.text, a.affiliation) == ("الحكومة ومحللون مستقلون في المنطقة", "بينهم معهد الدراسات")
    assert read("وكانت القوات قد أعلنت سيطرتها الكاملة على المدينة.") == []


def test_a_masculine_participle_is_no_statement_of_a_newspaper_but_of_the_man_it_reports() -> None:
    text = "وذكرت صحيفة الحياة أن الوزير خالد السالم انتقد القرار، معتبرا أنه جاء متأخرا."
    first, second = read(text, (person(text, "خالد السالم"),))
    assert (first.source.text, second.cue, second.source.text) == ("صحيفة الحياة", "معتبرا", "خالد السالم")
    text = "وذكرت صحيفة الحياة أن الوزير خالد السالم انتقد القرار، معتبرة أنه جاء متأخرا."
    assert read(text, (person(text, "خالد السالم"),))[1].source.text == "صحيفة الحياة"


def test_media_in_an_organisations_name_does_not_end_the_source_but_to_the_media_does() -> None:
    text = "ويقول الكاتب ورئيس مؤسسة الأفق للإعلام والتنمية في جدة سامي الغامدي: إن القطاع يعاني."
    (a,) = read(text)
    assert (a.source.text, a.source.kind) == ("سامي الغامدي", PERSON_SOURCE)
    (a,) = read("وقال وزير النقل لوسائل الإعلام إن الطريق سيفتتح قريبا.")
    assert a.source.text == "وزير النقل"


def test_a_relative_clause_after_a_credited_source_is_its_own_statement_and_ends_the_credit() -> None:
    text = "وبلغ عدد الزوار مليون زائر، بحسب المدير سعد العمري نفسه، الذي أكد أن الموسم المقبل سيكون أكبر."
    first, second = read(text, (person(text, "سعد العمري"),))
    assert summary(text, first) == ("بحسب", "سعد العمري", PERSON_SOURCE, "وبلغ عدد الزوار مليون زائر")
    assert summary(text, second) == ("أكد", "سعد العمري", PERSON_SOURCE, "الموسم المقبل سيكون أكبر")


def test_a_quotation_never_closed_ends_before_a_closing_participle() -> None:
    text = 'وقال الأب إن ابنه بطل. وتابع يقول: "نحن فخورون بأبنائنا ونقف صفا واحدا، معربا عن شكره للمعزين.\nوافتتح المعرض.'
    _, a = read(text)
    assert text[a.content_start : a.content_end] == "نحن فخورون بأبنائنا ونقف صفا واحدا"


def test_a_titled_name_then_the_noun_said_and_a_participle_after_it() -> None:
    text = "وأكد وزير الصحة الدكتور سامي الحربي ضرورة الالتزام بالتعليمات، مضيفا أن الحالات تراجعت."
    first, second = read(text, (person(text, "سامي الحربي"),))
    assert summary(text, first) == ("أكد", "سامي الحربي", PERSON_SOURCE, "ضرورة الالتزام بالتعليمات")
    assert (first.affiliation, second.cue, second.source.text) == ("وزير الصحة الدكتور", "مضيفا", "سامي الحربي")
    text = "وأكد مدير المهرجان الأمير سعد بن فهد الجاهزية التامة لانطلاق الفعاليات."
    assert read(text, (person(text, "سعد بن فهد الجاهزية"),)) == []  # a name the tagger ran on: no split


def test_it_came_in_the_statement_that_is_a_cue_only_before_a_clause() -> None:
    text = "وجاء في البيان أن الشركة حققت أرباحا قياسية."
    (a,) = read(text)
    assert summary(text, a) == ("جاء في", "البيان", ANONYMOUS_SOURCE, "الشركة حققت أرباحا قياسية")
    assert read("وجاء في المرتبة الثانية فريق الهلال بعد فوزه أمس.") == []


def test_through_it_after_a_call_refers_to_the_caller_and_the_noun_is_what_he_said() -> None:
    text = "واستمع المجلس إلى الوزير سالم العتيبي عبر مداخلة هاتفية أوضح من خلالها عودة الخدمات إلى المدينة."
    (a,) = read(text, (person(text, "سالم العتيبي"),))
    assert summary(text, a) == ("أوضح", "سالم العتيبي", PERSON_SOURCE, "عودة الخدمات إلى المدينة")


def test_an_answer_to_an_outlets_question_comes_through_that_outlet() -> None:
    text = "وردا على سؤال من صحيفة الغارديان عن موعد الانسحاب، أجاب المتحدث في بيان، قائلا: \"لا موعد محددا بعد\"."
    (a,) = read(text)
    assert (a.cue, [v.text for v in a.via]) == ("قائلا", ["صحيفة الغارديان"])


def test_a_feminine_verb_after_a_report_continues_the_paper_not_the_report() -> None:
    text = "ونشرت صحيفة الغارديان تقريرا عن الأزمة. وتناول الكاتب الأسعار. وجاء في التقرير أن الأسعار ارتفعت. وأضافت: «الوضع يزداد سوءا»."
    report, added = read(text)
    assert (report.source.text, added.cue, added.source.text) == ("التقرير", "أضافت", "صحيفة الغارديان")


# ---------------------------------------------------------------- seeds


def analysed_seed(path: Path) -> Document:
    from marsad.errors import ModelError
    from marsad.ingest.documents import to_document
    from marsad.ingest.readers import TEXT, RawInput
    from marsad.pipeline import load_component

    doc = to_document(RawInput(path.stem, str(path), TEXT, str(path), data=path.read_bytes()), SETTINGS)
    for name in ("tokens", "sentences", "mentions", "attributions"):
        info, func = load_component(name)
        try:
            doc = doc.with_layer(info.assigns, func(doc, SETTINGS))
        except ModelError:  # the NER model is rebuilt apart: attributions fall back on their own phrases
            pass
    return doc


def statements(doc: Document, cue: str) -> list[Attribution]:
    return [a for a in doc.attributions if a.cue == cue]


def via_outlets(a: Attribution) -> list[str | None]:
    return [getattr(outlet_named(v.text), "name", None) for v in a.via]


def quoted(doc: Document, a: Attribution) -> bool:
    """Whether the content is a whole quotation (its marks just outside it)."""
    return doc.text[a.content_start - 1] in '"“«' and any(c in '"”»' for c in doc.text[a.content_end : a.content_end + 2])


@pytest.mark.slow
def test_seed_statements(shared: Path) -> None:
    seeds = {p.name[:3]: analysed_seed(p) for p in sorted((shared / "seeds").glob("*.txt"))}

    doc = seeds["000"]
    (analysts,) = [a for a in statements(doc, "يؤكد") if a.source.text == "المحللون"]
    assert (analysts.source.kind, via_outlets(analysts)) == (ANONYMOUS_SOURCE, ["The New York Times"])
    (analyst,) = [a for a in statements(doc, "قال") if a.source.text == "أوتسو إيهو"]
    assert analyst.affiliation is not None and analyst.affiliation.startswith("أحد المحللين") and '"جين"' in analyst.affiliation
    assert quoted(doc, analyst)

    doc = seeds["003"]
    official, general = [a for a in statements(doc, "قال") if via_outlets(a) == ["Politico"]][:2]
    assert official.source.text.startswith("مسؤول كبير") and official.source.kind == ANONYMOUS_SOURCE
    assert quoted(doc, official)
    assert (general.source.text, general.source.kind) == ("جوزيف فوتيل", PERSON_SOURCE)
    assert general.affiliation is not None and general.affiliation.startswith("الجنرال المتقاعد")

    doc = seeds["004"]
    sources = [(a.cue, a.source.text) for a in doc.attributions]
    assert sources[:3] == [("قال", "المرصد السوري لحقوق الإنسان"), ("أضاف", "المرصد"), ("أكدت", "مصادر المرصد")]
    assert any(cue == "بحسب" and source.endswith("ماكغورك") for cue, source in sources)
    (okaz,) = statements(doc, "ذكرت")
    assert (outlet_named(okaz.source.text).name, okaz.source.kind) == ("Okaz", OUTLET_SOURCE)  # type: ignore[union-attr]

    doc = seeds["001"]
    observatory = [a for a in doc.attributions if a.cue.startswith("وفق") and "مرصد السوري" in a.source.text]
    assert len(observatory) == 1
    (added,) = statements(doc, "أضاف")
    assert added.source.text == "أبو عمر"
    after = [a for a in statements(doc, "قال") if a.start > added.start]
    assert after and after[0].source.text == "أبو عمر"
    (dillon,) = statements(doc, "قائلاً")
    assert (dillon.source.text, via_outlets(dillon)) == ("ديلون", ["The New York Times"])
    (mattis,) = statements(doc, "على حد قول")
    assert mattis.source.text.endswith("ماتيس") and mattis.content_end - mattis.content_start < 12
    (observatory,) = observatory
    assert observatory.affiliation is not None and observatory.affiliation.startswith("وهو منظمة")
    assert doc.text[observatory.content_start : observatory.content_end].startswith("دفع")
    assert any(a.source.text.startswith("الحكومة ومحللون") for a in statements(doc, "قالت"))
    estimates = next(a for a in doc.attributions if a.cue.startswith("وفق"))
    assert estimates.content_start < estimates.start  # ، وفقاً لتقديراتٍ ...، الأمر الذي: the clause before

    doc = seeds["002"]
    assert [via_outlets(a) for a in statements(doc, "يقول")] == [["The Guardian"]]
    assert all(a.source.kind == ANONYMOUS_SOURCE for a in statements(doc, "أكدت"))

    doc = seeds["004"]
    assert statements(doc, "أعلنت") == []  # قد أعلنت سيطرتها: the subject came before
    (report,) = [a for a in doc.attributions if a.cue == "وفقا"]
    assert via_outlets(report) == ["Okaz"]


def test_a_credit_whose_clause_a_participle_takes_over_credits_the_clause_before_it() -> None:
    text = "وأكدت العائلة أنها استعانت بغواصة تابعة لشركة خاصة، بحسب ما اكد متحدث باسم الدفاع المدني، مشيرا الى ان البحث سيتواصل حتى الاحد المقبل."
    found = read(text)
    assert all(a.content_start < a.content_end for a in found)
    credit = next(a for a in found if a.cue == "بحسب ما اكد")
    assert summary(text, credit)[1:] == ("متحدث باسم الدفاع المدني", ANONYMOUS_SOURCE, "وأكدت العائلة أنها استعانت بغواصة تابعة لشركة خاصة")


def test_a_relative_pronoun_before_the_verb_speaks_for_the_name_before_it() -> None:
    text = (
        "وأشادت بالمبادرة المنظمة الدولية للهجرة، والتي أعلنت أنها ستعمم التجربة. "
        'هذا ما أكدته المواطنة "سعاد الخالدي" والتي أشارت إلى أن المهرجان قديم.'
    )
    start = text.index("المنظمة الدولية للهجرة")
    organisation = Mention(start, start + len("المنظمة الدولية للهجرة"), type=ORG)
    found = read(text, (organisation, person(text, "سعاد الخالدي")))
    sources = {a.cue: a.source.text for a in found}
    assert sources["أعلنت"] == "المنظمة الدولية للهجرة"
    assert sources["أشارت"] == "سعاد الخالدي"


def test_a_statement_reported_inside_another_keeps_the_outer_content_whole() -> None:
    text = "وقال سامر الخطيب إن البلدية أعلنت أنها ستغلق السوق. وأشار إلى أن «جبهة الإنقاذ» أعلنت عن رفضها للقرار."
    found = read(text, (person(text, "سامر الخطيب"),))
    statements = [(a.cue, a.source.text, text[a.content_start : a.content_end]) for a in found]
    assert statements == [
        ("قال", "سامر الخطيب", "البلدية أعلنت أنها ستغلق السوق"),
        ("أعلنت", "البلدية", "ستغلق السوق"),
        ("أشار", "سامر الخطيب", "«جبهة الإنقاذ» أعلنت عن رفضها للقرار"),
        ("أعلنت", "جبهة الإنقاذ", "رفضها للقرار"),
    ]


def test_an_outlet_known_by_its_metadata_id_has_a_home_country() -> None:
    assert (outlet_country("okaz"), outlet_country("sabq"), outlet_country("aawsat")) == ("SA", "SA", None)
