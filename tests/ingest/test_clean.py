import gzip
import html
import json
from pathlib import Path

import pytest

from marsad.document import (
    BOILERPLATE,
    BYLINE,
    CAPTION,
    COMMENT_FORM,
    DATELINE,
    DUPLICATE,
    NAVIGATION,
    RELATED,
    SECTION_LABEL,
    SHARE,
    STAMP,
    STRAY,
    TITLE_REPEAT,
)
from marsad.ingest.clean import Cleaned, clean_text

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = ROOT / "tests" / "regression" / "cleaning_gold.jsonl"
NEWS = {
    "baly": SHARED / "data" / "news" / "baly2018_factcheck_stance.jsonl.gz",
    "saudinewsnet": SHARED / "data" / "news" / "saudinewsnet.jsonl.gz",
}

TITLE = "افتتاح مستشفى جديد في الأحياء الشرقية"
P1 = "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد يضم مئتي سرير لخدمة سكان الأحياء الشرقية."
P2 = "وقال مدير المستشفى في مؤتمر صحفي إن العمل سيبدأ الأسبوع المقبل بعد استكمال تجهيز الأقسام."
P3 = "وأضاف أن المستشفى سيستقبل المرضى من المحافظات المجاورة أيضا، مشيرا إلى تعيين خمسين طبيبا."
P4 = "ومن المتوقع أن يخفف المشروع الضغط عن المستشفيات الحكومية التي تعاني من الازدحام منذ سنوات."


def _clean(*lines: str, title: str | None = None) -> Cleaned:
    return clean_text("\n".join(lines), title=title)


def _removed(cleaned: Cleaned) -> list[tuple[str, str]]:
    return [(removed.kind, removed.text) for removed in cleaned.removed]


def _body(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def test_headline_like_first_line_is_the_title_and_leaves_the_body() -> None:
    cleaned = _clean(TITLE, "", P1, "", P2)
    assert cleaned.title == TITLE
    assert cleaned.text == _body(P1, P2)
    assert cleaned.removed == ()


@pytest.mark.parametrize("site", ["| Euronews", "- العربية . نت", "- BBC News عربي", "| صحيفة الخبر اليومي"])
def test_site_name_at_the_end_of_the_title_line_is_not_part_of_the_title(site: str) -> None:
    cleaned = _clean(f"{TITLE} {site}", P1, P2)
    assert cleaned.title == TITLE
    assert cleaned.text == _body(P1, P2)


def test_site_name_is_taken_off_a_title_from_metadata_and_its_repeat_goes() -> None:
    cleaned = _clean(TITLE, P1, P2, title=f"{TITLE} | Euronews")
    assert cleaned.title == TITLE
    assert _removed(cleaned) == [(TITLE_REPEAT, TITLE)]


@pytest.mark.parametrize(
    "title", ["مصر - السودان: اتفاق على تقاسم المياه", "تغريدات الأسبوع - 4", "قمة الرياض - الجلسة الثانية"]
)
def test_title_ending_in_a_dash_and_words_of_its_own_keeps_them(title: str) -> None:
    assert _clean(title, P1).title == title


def test_first_line_ending_like_a_sentence_is_not_a_title() -> None:
    cleaned = _clean(P1, P2)
    assert cleaned.title is None
    assert cleaned.text == _body(P1, P2)


def test_title_repeated_under_the_title_is_removed() -> None:
    cleaned = _clean(TITLE, TITLE, P1)
    assert cleaned.title == TITLE
    assert _removed(cleaned) == [(TITLE_REPEAT, TITLE)]
    assert cleaned.text == P1


def test_known_title_repeated_as_first_line_is_removed() -> None:
    cleaned = _clean(TITLE + " - صحيفة المساء", P1, title=TITLE)
    assert cleaned.title == TITLE
    assert _removed(cleaned) == [(TITLE_REPEAT, TITLE + " - صحيفة المساء")]
    assert cleaned.text == P1


def test_section_label_above_the_title_is_removed() -> None:
    cleaned = _clean("أخبار محلية", TITLE, P1)
    assert cleaned.title == TITLE
    assert _removed(cleaned) == [(SECTION_LABEL, "أخبار محلية")]
    assert cleaned.text == P1


def test_short_line_between_known_title_and_story_is_a_caption() -> None:
    cleaned = _clean("جانب من الافتتاح", P1, P2, title=TITLE)
    assert _removed(cleaned) == [(CAPTION, "جانب من الافتتاح")]
    assert cleaned.text == _body(P1, P2)


def test_dateline_gives_published_and_byline_gives_the_name() -> None:
    cleaned = _clean(TITLE, "الخميس، 27 أبريل 2017 03:53 م", "كتب : سها صلاح", P1)
    assert cleaned.published == "2017-04-27T15:53"
    assert cleaned.byline == "سها صلاح"
    assert _removed(cleaned) == [(DATELINE, "الخميس، 27 أبريل 2017 03:53 م"), (BYLINE, "كتب : سها صلاح")]
    assert cleaned.text == P1


def test_dateline_with_arabic_indic_digits_and_levantine_month() -> None:
    cleaned = _clean(TITLE, "بقلم: خالد يوسف", "الأحد ١٥ كانون الثاني ٢٠١٧ - ١٠:٣٠ ص", P1)
    assert cleaned.published == "2017-01-15T10:30"
    assert cleaned.byline == "خالد يوسف"
    assert cleaned.text == P1


@pytest.mark.parametrize(
    ("credit", "byline"),
    [
        ("طلال عبدالله ـ القاهرة", "طلال عبدالله"),
        ("جدة - سامي الحربي", "سامي الحربي"),
        ("الرياضي ـ جدة", None),
        ("Next Previous سامي الحربي – جدة", "سامي الحربي"),  # a slideshow's buttons glued to the credit
    ],
)
def test_bare_credit_under_the_title_is_a_byline(credit: str, byline: str | None) -> None:
    cleaned = _clean(TITLE, credit, P1)
    assert cleaned.byline == byline
    assert _removed(cleaned) == [(BYLINE, credit)]
    assert cleaned.text == P1


@pytest.mark.parametrize(
    "caption",
    ["المستشفى الجديد - أرشيفية", "صورة أرشيفية", "(أ ف ب)", "STRINGER Iraq / Reuters", "ISIS", "تصوير: أحمد سمير"],
)
def test_photo_captions_and_credits_are_removed(caption: str) -> None:
    cleaned = _clean(TITLE, caption, P1, P2)
    assert _removed(cleaned) == [(CAPTION, caption)]
    assert cleaned.text == _body(P1, P2)


def test_caption_between_paragraphs_is_removed() -> None:
    cleaned = _clean(P1, "وزير الصحة خلال الافتتاح - رويترز", P2)
    assert _removed(cleaned) == [(CAPTION, "وزير الصحة خلال الافتتاح - رويترز")]
    assert cleaned.text == _body(P1, P2)


@pytest.mark.parametrize("stamp", ["تم النشر: تم التحديث:", "آخر تحديث: 2016-05-03 14:20", "14:27"])
def test_publishing_stamps_are_removed(stamp: str) -> None:
    cleaned = _clean(TITLE, stamp, P1)
    assert _removed(cleaned) == [(STAMP, stamp)]
    assert cleaned.text == P1


def test_read_also_block_goes_with_the_headlines_it_lists() -> None:
    cleaned = _clean(
        TITLE, P1, P2, "اقرأ أيضاً:", "وزير الصحة يتفقد مستشفيات الجنوب", "إغلاق عيادة خاصة بسبب مخالفات صحية", P3
    )
    assert _removed(cleaned) == [
        (RELATED, "اقرأ أيضاً:"),
        (RELATED, "وزير الصحة يتفقد مستشفيات الجنوب"),
        (RELATED, "إغلاق عيادة خاصة بسبب مخالفات صحية"),
    ]
    assert cleaned.text == _body(P1, P2, P3)


def test_read_also_block_at_the_end_and_marker_with_headline_on_its_line() -> None:
    cleaned = _clean(P1, "شاهد أيضا: حريق في مستودع للأدوية", P2, "مواضيع ذات صلة", "ارتفاع أسعار الدواء في الصيدليات")
    assert [kind for kind, _ in _removed(cleaned)] == [RELATED, RELATED, RELATED]
    assert cleaned.text == _body(P1, P2)


def test_related_block_under_a_variant_marker_and_site_sections_line_are_removed() -> None:
    cleaned = _clean(
        P1, P2, "مواضيع ذات علاقة", "ارتفاع أسعار الدواء في الصيدليات", "أقسام الموقع محليات رياضة Copyright 2018 ."
    )
    assert [kind for kind, _ in _removed(cleaned)] == [RELATED, RELATED, NAVIGATION]
    assert cleaned.text == _body(P1, P2)


@pytest.mark.parametrize(
    "link",
    [
        "اقرأ أيضا ارتفاع أسعار الذهب في الأسواق المحلية",
        "اقرأ أيضاً - هل ترتفع أسعار الذهب مرة أخرى؟",
        "شاهد: لحظة انهيار المبنى في وسط المدينة",
        "رابط الخبر بصحيفة المرصد: افتتاح جسر جديد فوق النهر",
    ],
)
def test_cross_link_to_another_story_is_removed(link: str) -> None:
    cleaned = _clean(P1, link, P2)
    assert _removed(cleaned) == [(RELATED, link)]
    assert cleaned.text == _body(P1, P2)


@pytest.mark.parametrize(
    "line",
    [
        "اقرأ أيضا : وقال المدير إن الخسائر في المستودع كبيرة .",
        "شاهد الآلاف العرض العسكري في وسط المدينة",
    ],
)
def test_sentence_after_a_lost_link_or_opening_with_a_verb_is_prose(line: str) -> None:
    cleaned = _clean(P1, line, P2)
    assert cleaned.text == _body(P1, line, P2)


def test_subheading_after_a_cross_link_with_its_headline_stays() -> None:
    subheading = "خدمات جديدة للمرضى"
    cleaned = _clean(P1, "اقرأ أيضا: حريق في مستودع للأدوية", subheading, P2, P3)
    assert _removed(cleaned) == [(RELATED, "اقرأ أيضا: حريق في مستودع للأدوية")]
    assert cleaned.text == _body(P1, subheading, P2, P3)
    assert len(cleaned.headings) == 1


@pytest.mark.parametrize("known_title", [None, TITLE])
def test_most_read_list_above_the_story_goes_and_the_headline_above_the_story_is_the_title(
    known_title: str | None,
) -> None:
    listed = ["ارتفاع أسعار الذهب في الأسواق المحلية", "فوز المنتخب الوطني على نظيره الأردني"]
    cleaned = _clean("الأكثر قراءة", *listed, TITLE, P1, P2, title=known_title)
    assert cleaned.title == TITLE
    assert _removed(cleaned)[:3] == [(RELATED, "الأكثر قراءة")] + [(RELATED, line) for line in listed]
    assert cleaned.text == _body(P1, P2)


def test_share_buttons_are_removed() -> None:
    cleaned = _clean(P1, P2, "شارك", "Facebook Twitter WhatsApp", "واتساب", "تيليجرام")
    assert _removed(cleaned) == [
        (SHARE, "شارك"),
        (SHARE, "Facebook Twitter WhatsApp"),
        (SHARE, "واتساب"),
        (SHARE, "تيليجرام"),
    ]
    assert cleaned.text == _body(P1, P2)


def test_comment_forms_and_notices_are_removed() -> None:
    notices = [
        "لا توجد تعليقات على الخبر",
        "اضف تعليق",
        "اترك تعليقاً",
        "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
    ]
    cleaned = _clean(P1, P2, *notices)
    assert _removed(cleaned) == [(COMMENT_FORM, notice) for notice in notices]
    assert cleaned.text == _body(P1, P2)


def test_sentence_opening_with_a_comment_phrase_is_prose() -> None:
    sentence = "لا تعليقات رسمية حتى الآن من وزارة الصحة على الحادث."
    cleaned = _clean(P1, sentence, P2)
    assert cleaned.text == _body(P1, sentence, P2)


def test_long_comment_notice_is_removed() -> None:
    notice = "لا توجد تعليقات على الخبر. مشاركتك بالتعليق تعني أنك قرأت شروط التعليق وتتحمل مسؤولية ما تكتبه."
    cleaned = _clean(P1, P2, notice)
    assert _removed(cleaned) == [(COMMENT_FORM, notice)]


def test_back_to_top_link_is_removed() -> None:
    cleaned = _clean(P1, P2, "زر الذهاب إلى الأعلى")
    assert _removed(cleaned) == [(NAVIGATION, "زر الذهاب إلى الأعلى")]


def test_lines_of_stray_marks_are_removed() -> None:
    cleaned = _clean(P1, "ّ", "&nbsp;", "- - -", "•", P2)
    assert _removed(cleaned) == [(STRAY, "ّ"), (STRAY, "- - -"), (STRAY, "•")]
    assert cleaned.text == _body(P1, P2)


def test_repeated_block_is_kept_once() -> None:
    cleaned = _clean(P1, P2, P3, P1, P2, P3, P4)
    assert cleaned.text == _body(P1, P2, P3, P4)
    assert _removed(cleaned) == [(DUPLICATE, P1), (DUPLICATE, P2), (DUPLICATE, P3)]


def test_repeat_differing_only_in_spelling_and_spaces_is_a_duplicate() -> None:
    variant = P2.replace("إن", "ان").replace(" ", "  ")
    cleaned = _clean(P1, P2, variant, P3)
    assert cleaned.text == _body(P1, P2, P3)
    assert _removed(cleaned) == [(DUPLICATE, " ".join(variant.split()))]


def test_short_line_repeated_alone_is_kept() -> None:
    item = "- ملعقة صغيرة من السكر."
    cleaned = _clean(P1, item, P2, item, P3)
    assert cleaned.text == _body(P1, item, P2, item, P3)


def test_site_furniture_is_removed() -> None:
    furniture = [
        "جميع الحقوق محفوظة لموقع الخبر اليومي 2018",
        "جميع حقوق التأليف والنشر محفوظة لقناة الخبر 2017",
        "من نحن خريطة الموقع اتصل بنا",
        "الرجاء إدخال بريدك الإلكتروني للاشتراك في نشرتنا الإخبارية",
        "كلمات دلالية: الصحة، المستشفيات",
    ]
    cleaned = _clean(P1, P2, *furniture)
    assert _removed(cleaned) == [(NAVIGATION, line) for line in furniture]
    assert cleaned.text == _body(P1, P2)


def test_cookie_javascript_and_language_notices_are_removed() -> None:
    notices = [
        "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك، وبمواصلة التصفح فإنك توافق على ذلك.",
        "يرجى تفعيل جافا سكريبت في متصفحك لعرض التعليقات",
        "لقد اخترت موقع الخبر اليومي باللغة العربية لغة الإعدادات لديك .",
    ]
    cleaned = _clean(notices[0], P1, P2, *notices[1:])
    assert _removed(cleaned) == [(NAVIGATION, line) for line in notices]
    assert cleaned.text == _body(P1, P2)


def test_news_about_cookies_is_prose() -> None:
    sentence = "وتلزم القواعد الجديدة المواقع بطلب موافقة الزائر قبل حفظ ملفات تعريف الارتباط على جهازه."
    cleaned = _clean(P1, sentence, P2)
    assert cleaned.text == _body(P1, sentence, P2)


def test_flattened_strips_of_furniture_are_removed() -> None:
    strips = [
        "وسوم : , , , مواضيع ذات صلة تابعونا على فيسبوك تويتر يوتيوب شكرا لك على المتابعة .",
        "الأكثر قراءة آخر الأخبار 12 / 3 / 2018 12 / 3 / 2018 اختيارات المحرر النشرة البريدية",
    ]
    cleaned = _clean(P1, P2, *strips)
    assert _removed(cleaned) == [(NAVIGATION, line) for line in strips]
    assert cleaned.text == _body(P1, P2)


def test_sentences_naming_furniture_phrases_are_prose() -> None:
    sentences = [
        "ودعت الوزارة المواطنين في بيانها: تابعونا على حساباتنا الرسمية لمعرفة كل المستجدات ذات صلة بالحالة الجوية.",
        "أخبار ذات صلة أعلنت الوزارة اليوم إغلاق الطريق الساحلي أمام الشاحنات حتى نهاية الأسبوع بسبب أعمال الصيانة.",
    ]
    cleaned = _clean(P1, *sentences, P2)
    assert cleaned.text == _body(P1, *sentences, P2)


def test_messages_of_a_sign_in_form_between_footer_lines_are_removed() -> None:
    footer = [
        "جميع الحقوق محفوظة لموقع الخبر اليومي 2018",
        "تم إرسال رابط تفعيل الحساب إلى عنوانك .",
        "مرحبا بك من جديد !",
        "تسجيل الدخول : البريد الإلكتروني : كلمة المرور :",
    ]
    cleaned = _clean(P1, P2, *footer)
    assert _removed(cleaned) == [(NAVIGATION, line) for line in footer]
    assert cleaned.text == _body(P1, P2)


def test_short_paragraphs_between_a_newsletter_box_and_the_footer_stay() -> None:
    short = "وأكد المدير أن العمل مستمر."
    box = "اشترك في نشرتنا الإخبارية: أدخل بريدك الإلكتروني"
    cleaned = _clean(P1, box, short, P2, "جميع الحقوق محفوظة لموقع الخبر اليومي 2018", "سياسة الخصوصية")
    assert cleaned.text == _body(P1, short, P2)


def test_long_paragraph_naming_a_furniture_phrase_is_prose() -> None:
    paragraph = (
        "وأوضحت الجامعة أن التقديم يتم عبر موقعها على الإنترنت حتى نهاية الشهر الجاري، "
        "على أن يرسل المتقدمون سيرهم الذاتية إلى البريد الإلكتروني المخصص للتوظيف، "
        "وستعلن أسماء المقبولين للمقابلات الشخصية في الأسبوع الأول من الشهر المقبل"
    )
    cleaned = _clean(P1, paragraph)
    assert cleaned.text == _body(P1, paragraph)


def test_contact_lines_of_a_columnist_are_boilerplate() -> None:
    cleaned = _clean(P1, P2, "k.alsaleh@example.com", "@kalsaleh")
    assert _removed(cleaned) == [(BOILERPLATE, "k.alsaleh@example.com"), (BOILERPLATE, "@kalsaleh")]


def test_latin_name_of_a_film_is_kept() -> None:
    cleaned = _clean(P1, "Blue Harbour", P2)
    assert cleaned.text == _body(P1, "Blue Harbour", P2)


def test_subheading_stays_and_is_marked() -> None:
    subheading = "خدمات جديدة للمرضى"
    cleaned = _clean(TITLE, P1, P2, subheading, P3, P4)
    assert cleaned.text == _body(P1, P2, subheading, P3, P4)
    assert len(cleaned.headings) == 1
    heading = cleaned.headings[0]
    assert (heading.start, heading.end) == (len(P1) + len(P2) + 4, len(P1) + len(P2) + 4 + len(subheading))
    assert cleaned.text[heading.start : heading.end] == subheading


def test_short_paragraph_ending_with_a_full_stop_is_prose() -> None:
    cleaned = _clean(TITLE, P1, "وأصيب شخصان.", P2, "وأكدت ذلك رويترز.")
    assert cleaned.text == _body(P1, "وأصيب شخصان.", P2, "وأكدت ذلك رويترز.")
    assert cleaned.removed == ()


def test_prose_mentioning_sites_and_comments_is_kept() -> None:
    paragraphs = [
        "وانتشر مقطع الفيديو على فيسبوك وتويتر خلال ساعات من نشره.",
        "تعليقات الوزير أثارت جدلا واسعا داخل البرلمان أمس.",
        P1,
    ]
    cleaned = _clean(*paragraphs)
    assert cleaned.text == _body(*paragraphs)


def test_whitespace_inside_a_paragraph_is_tidied() -> None:
    cleaned = _clean("  أعلنت   وزارة الصحة\tاليوم افتتاح مستشفى جديد يضم مئتي سرير.  ")
    assert cleaned.text == "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد يضم مئتي سرير."


def test_menu_opened_by_home_takes_the_ticker_under_it() -> None:
    ticker = [
        "الرئيسية وزير النقل يفتتح طريقا جديدا في الشمال",
        "ارتفاع أسعار الذهب في الأسواق المحلية",
        "المنتخب يستعد لمباراة الأسبوع المقبل",
    ]
    cleaned = _clean(TITLE, *ticker, P1, P2)
    assert cleaned.title == TITLE
    assert cleaned.text == _body(P1, P2)
    assert _removed(cleaned) == [(NAVIGATION, headline) for headline in ticker]


def test_menu_of_short_items_above_the_story_is_navigation() -> None:
    menu = ["أخبار", "رياضة", "اقتصاد", "منوعات"]
    cleaned = _clean(TITLE, *menu, P1)
    assert cleaned.text == P1
    assert _removed(cleaned) == [(NAVIGATION, item) for item in menu]


def test_highlights_under_the_title_are_kept() -> None:
    deck = [
        "الوزارة تعد بخدمات أفضل للمرضى",
        "خمسون طبيبا جديدا",
        "قسم للطوارئ يعمل طوال اليوم",
        "المرضى من المحافظات المجاورة يستفيدون",
    ]
    cleaned = _clean(TITLE, *deck, P1)
    assert cleaned.text == _body(*deck, P1)
    assert cleaned.removed == ()


@pytest.mark.parametrize("wire", ["الرياض - واس", "بيروت (رويترز)", "القاهرة - أ ش أ"])
def test_wire_dateline_stays_in_the_text(wire: str) -> None:
    cleaned = _clean(TITLE, wire, P1)
    assert cleaned.title == TITLE
    assert cleaned.byline is None
    assert cleaned.text == _body(wire, P1)
    assert cleaned.removed == ()


def test_wire_dateline_with_a_date_stays_and_gives_published() -> None:
    cleaned = _clean(TITLE, "الرياض 12 مارس 2017 (واس)", P1)
    assert cleaned.published == "2017-03-12"
    assert cleaned.text == _body("الرياض 12 مارس 2017 (واس)", P1)


def test_wire_dateline_with_weekday_date_and_time_stays() -> None:
    wire = "لندن - وكالات الثلاثاء، 05 ديسمبر 2017 01:34 ص"
    cleaned = _clean(TITLE, wire, P1)
    assert cleaned.published == "2017-12-05T01:34"
    assert cleaned.text == _body(wire, P1)


def test_wire_dateline_with_hijri_and_gregorian_dates_and_no_separator_stays() -> None:
    wire = "أبها 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس"
    cleaned = _clean(wire, P1)
    assert cleaned.published == "2015-08-11"
    assert cleaned.text == _body(wire, P1)


def test_dateline_without_an_agency_goes() -> None:
    cleaned = _clean(TITLE, "أبها 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م", P1)
    assert cleaned.published == "2015-08-11"
    assert [kind for kind, _ in _removed(cleaned)] == [DATELINE]


def test_title_repeated_with_places_agencies_and_a_spaced_out_date_is_a_stamp() -> None:
    stamp = f"{TITLE} الرياض , جدة - واس , رويترز | 03 / 05 / 2016 10 : 15 : 42 ص"
    cleaned = _clean(f"صحيفة الخبر - {TITLE}", stamp, P1, P2)
    assert _removed(cleaned) == [(DATELINE, stamp)]
    assert cleaned.published == "2016-05-03T10:15"
    assert cleaned.text == _body(P1, P2)


def test_first_paragraph_opening_with_the_title_words_and_a_date_is_prose() -> None:
    paragraph = f"{TITLE} كان موضوع اجتماع المجلس البلدي يوم 3 مايو 2016 بحضور المحافظ وأعضاء المجلس."
    cleaned = _clean(TITLE, paragraph, P1)
    assert cleaned.text == _body(paragraph, P1)


def test_footer_glued_to_a_long_last_paragraph_keeps_the_paragraph() -> None:
    glued = P3 + " " + P4 + " الأكثر قراءة جميع الحقوق محفوظة لموقع الخبر اليومي"
    cleaned = _clean(P1, P2, glued)
    assert cleaned.text == _body(P1, P2, glued)


def test_wire_dateline_glued_to_the_first_paragraph_keeps_the_paragraph() -> None:
    cleaned = _clean(TITLE, "الرياض - واس: " + P1, P2)
    assert cleaned.text == _body("الرياض - واس: " + P1, P2)
    assert cleaned.removed == ()


def test_empty_and_all_boilerplate_inputs() -> None:
    assert clean_text("").text == ""
    cleaned = _clean("شارك", "اضف تعليق", "زر الذهاب إلى الأعلى")
    assert cleaned.text == ""
    assert [kind for kind, _ in _removed(cleaned)] == [SHARE, COMMENT_FORM, NAVIGATION]


def _seed(prefix: str) -> Cleaned:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return clean_text(path.read_text(encoding="utf-8"))


def _kinds(cleaned: Cleaned) -> list[str]:
    return [removed.kind for removed in cleaned.removed]


def test_seed_000_repeated_block_is_kept_once() -> None:
    cleaned = _seed("000")
    assert cleaned.title is None  # the article starts with its first paragraph
    assert _kinds(cleaned) == [DUPLICATE] * 7
    paragraphs = cleaned.text.split("\n\n")
    assert len(paragraphs) == len(set(paragraphs))
    assert all(removed.text in paragraphs for removed in cleaned.removed)


def test_seed_001_stamp_and_credits_removed_subheadings_marked() -> None:
    cleaned = _seed("001")
    assert cleaned.title is not None and cleaned.title.startswith("يرتدون ملابس كاجوال")
    assert (STAMP, "تم النشر: تم التحديث:") in _removed(cleaned)
    assert (CAPTION, "ISIS") in _removed(cleaned)
    assert (CAPTION, "STRINGER Iraq / Reuters") in _removed(cleaned)
    headings = [cleaned.text[heading.start : heading.end] for heading in cleaned.headings]
    assert len(headings) == 5
    assert "بضعة آلاف فرّوا إلى الصحاري" in headings
    assert all(f"\n\n{heading}\n\n" in cleaned.text for heading in headings)


def test_seed_002_dateline_byline_caption_read_also_and_comments() -> None:
    cleaned = _seed("002")
    assert cleaned.title is not None and "وثائق تكشف فرار عناصر داعش" in cleaned.title
    assert cleaned.published == "2017-04-27T15:53"
    assert cleaned.byline == "محمد الشرقاوي"
    assert _kinds(cleaned) == [DATELINE, TITLE_REPEAT, CAPTION, BYLINE] + [RELATED] * 4 + [COMMENT_FORM] * 2
    assert (CAPTION, "داعش - أرشيفية") in _removed(cleaned)
    assert "تعليق" not in cleaned.text.split("\n\n")[-1]


def test_seed_003_section_label_and_comment_form_removed() -> None:
    cleaned = _seed("003")
    assert cleaned.title is not None and cleaned.title.startswith("مسؤولون أمريكيون يخشون")
    assert (SECTION_LABEL, "تقارير ودراسات") in _removed(cleaned)
    assert _kinds(cleaned).count(COMMENT_FORM) == 2
    assert (NAVIGATION, "زر الذهاب إلى الأعلى") in _removed(cleaned)


def test_seed_004_byline_and_share_buttons() -> None:
    cleaned = _seed("004")
    assert cleaned.title is not None and "قادة داعش" in cleaned.title
    assert cleaned.byline == "سها صلاح"
    assert (SHARE, "WhatsApp") in _removed(cleaned) and (SHARE, "Telegram") in _removed(cleaned)
    assert "WhatsApp" not in cleaned.text and "Telegram" not in cleaned.text
    assert [cleaned.text[heading.start : heading.end] for heading in cleaned.headings] == ["سقوط عاصمة الخلافة"]


def _gold_documents() -> list[tuple[dict, str, str | None]]:
    """(gold record, raw text, metadata title) for every hand-labelled document."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts: dict[tuple[str, str], tuple[str, str | None]] = {}
    for record in gold:
        if record["source"] == "seeds":
            texts["seeds", record["id"]] = ((SEEDS / f"{record['id']}.txt").read_text(encoding="utf-8"), None)
    for source, path in NEWS.items():
        wanted = {record["id"] for record in gold if record["source"] == source}
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                # Parsing 31k records is slow: the id comes first in each line.
                if line[8 : line.find('"', 8)] not in wanted:
                    continue
                article = json.loads(line)
                title = None if article.get("title") in (None, "None") else article["title"]
                texts[source, article["id"]] = (article["text"], title)
    return [(record, *texts[record["source"], record["id"]]) for record in gold]


def _comparable(text: str) -> str:
    return "".join(char for char in html.unescape(text) if char.isalnum())


def test_no_prose_line_of_the_gold_documents_is_lost() -> None:
    """Every line the gold does not call boilerplate (and wire datelines) stays a paragraph of the text."""
    lost = []
    for record, raw, title in _gold_documents():
        cleaned = clean_text(raw, title=title)
        paragraphs = {_comparable(paragraph) for paragraph in cleaned.text.split("\n\n")}
        for index, line in enumerate(raw.split("\n")):
            if index in record["remove_lines"] or index == record["title_line"] or not _comparable(line):
                continue
            if _comparable(line) not in paragraphs:
                lost.append((record["id"], index))
    assert lost == []
