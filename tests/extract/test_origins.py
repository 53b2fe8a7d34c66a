from __future__ import annotations

from pathlib import Path

import pytest

from marsad.arabic.sentences import iter_sentences
from marsad.arabic.tokens import iter_tokens
from marsad.document import CITED, DATELINE, RELAYED, REPORTED_BY, TRANSLATED, Document, Metadata, Origin, Removed
from marsad.extract.attributions import find_attributions
from marsad.extract.origins import find_document_origins, find_origins, wire_credits
from marsad.settings import Settings

SETTINGS = Settings()


def document(text: str, *, outlet: str | None = None, removed: tuple[Removed, ...] = ()) -> Document:
    doc = Document("t", text, Metadata(language="ar", outlet=outlet), removed=removed)
    doc = doc.with_layer("tokens", iter_tokens(text)).with_layer("sentences", iter_sentences(text))
    return doc.with_layer("attributions", find_attributions(doc, SETTINGS))


def origins(text: str, **fields) -> list[tuple[str, str]]:
    doc = document(text, **fields)
    return [(o.name, o.role) for o in find_origins(doc, doc.attributions)]


STORY = "افتتح أمير المنطقة مشروع الطريق الدائري أمس بحضور عدد من المسؤولين."


@pytest.mark.parametrize(
    "text",
    [
        f"الرياض - واس\n{STORY}",
        f"جدة: واس\n{STORY}",
        f"{STORY}\nواس",
        f"{STORY} (واس)",
    ],
)
def test_a_wire_credit_at_either_end_relays_the_agency(text: str) -> None:
    assert origins(text) == [("Saudi Press Agency", RELAYED)]


def test_a_dateline_line_ending_with_the_agency_relays_it() -> None:
    text = f"أبها 20 شوال 1436 هـ الموافق 5 أغسطس 2015 م واس\n{STORY}"
    assert origins(text) == [("Saudi Press Agency", RELAYED)]


def test_an_agency_in_its_own_marks_between_sentences_relays_it_but_not_one_inside_a_sentence() -> None:
    assert origins(f"{STORY} وشاهد الحضور عرضا عن المشروع.«واس» وقال الأمير إن العمل سيبدأ قريبا.") == [
        ("Saudi Press Agency", RELAYED)
    ]
    assert origins(f"{STORY} وشاهد الحضور عرضا عن مراحل المشروع المختلفة ومنها «واس» الجديدة وقال الأمير إن العمل سيبدأ.") == []


def test_an_agency_that_gathered_the_news_is_relayed() -> None:
    text = f'{STORY} وأظهر التقرير الذي تلقت وكالة الأنباء السعودية "واس" نسخة منه أن الأرباح ارتفعت.'
    assert origins(text) == [("Saudi Press Agency", RELAYED)]
    assert origins(f"{STORY} ورصدت عدسة «واس» ازدحام الطرق المؤدية إلى الموقع.") == [("Saudi Press Agency", RELAYED)]


def test_a_wire_credited_after_the_lead_is_relayed_and_one_spoken_to_is_cited() -> None:
    later = f"{STORY} وتفقد الأمير المرافق. وحضر الحفل عدد من الأهالي."
    assert origins(f'{later} وأوضح التقرير وفقا لـ"واس" أن المشروع يخدم مليون نسمة.') == [("Saudi Press Agency", RELAYED)]
    assert origins(f'{later} وأوضح لـ"واس" مدير المشروع أن العمل يسير وفق الخطة.') == [("Saudi Press Agency", CITED)]


def test_a_statement_an_agency_carried_is_no_translation() -> None:
    text = "وقال المدير بحسب بيان نقلته وكالة الأنباء السعودية إن الشروط تغيرت."
    assert all(role != TRANSLATED for _, role in origins(text))
    assert origins(f"{STORY}\nنقله إلى العربية: مركز الدراسات") == [("مركز الدراسات", TRANSLATED)]


def test_the_site_of_an_owner_is_no_anaphor_of_an_outlet_named_before() -> None:
    text = (
        "عمل الرجل مديرا عاما لوكالة الأنباء السعودية حتى تقاعده. وواصل دراسته بعد ذلك. وحصل على الدكتوراه. "
        "وتضاعف عدد الطلاب في الجامعات الخليجية خلال عشر سنوات، بحسب الموقع الرسمي لأمانة مجلس التعاون."
    )
    assert origins(text) == []


def test_agency_credits_in_brackets_and_abbreviations() -> None:
    assert [o.name for o in wire_credits("بيروت (رويترز) - ارتفعت أسعار الوقود اليوم.")] == ["Reuters"]
    assert [o.name for o in wire_credits(f"{STORY} (أ ف ب)")] == ["AFP"]


def test_an_agency_a_source_spoke_to_is_cited_not_a_wire_credit() -> None:
    assert origins("وقال مسؤول لرويترز إن المحادثات فشلت. وعاد الوفد إلى العاصمة مساء أمس.") == [("Reuters", CITED)]


def test_a_newspaper_is_no_origin_of_its_own_interviews() -> None:
    text = 'وقال رئيس اللجنة لـ"عكاظ" إن الاستعدادات اكتملت.'
    assert origins(text) == [("Okaz", CITED)]
    assert origins(text, outlet="okaz") == []


def test_the_agency_is_no_origin_of_its_own_story() -> None:
    assert origins(f"الرياض - واس\n{STORY}", outlet="was") == []


def test_a_wire_credit_in_a_removed_dateline_counts() -> None:
    removed = (Removed(DATELINE, "الدمام - واس"),)
    assert origins(STORY, removed=removed) == [("Saudi Press Agency", RELAYED)]


def test_an_outlet_that_the_statements_come_through_is_relayed() -> None:
    text = (
        "أكدت صحيفة نيويورك تايمز أن المفاوضات توقفت. وقالت الصحيفة إن الوفدين غادرا العاصمة. "
        "وأضافت الصحيفة أن موعد الجولة المقبلة لم يحدد. وقال وزير الخارجية إن بلاده مستعدة للحوار."
    )
    assert origins(text) == [("The New York Times", RELAYED)]


def test_an_outlet_credited_in_the_lead_is_relayed() -> None:
    text = "وفق ما ذكر موقع بوليتيكو، تستعد الإدارة لسحب قواتها من المنطقة. وقال مسؤول إن القرار لم يتخذ بعد."
    assert origins(text) == [("Politico", RELAYED)]


def test_the_reporter_and_the_translator_follow_the_outlet() -> None:
    text = (
        "قالت صحيفة الغارديان البريطانية إن آلاف اللاجئين عبروا الحدود. "
        "وذكر الصحفي جون باركر في تقريره أن المخيمات امتلأت. "
        "وأضافت الصحيفة أن المنظمات طلبت مساعدات عاجلة، وترجمه موقع الشرق للدراسات."
    )
    assert origins(text) == [
        ("The Guardian", RELAYED),
        ("جون باركر", REPORTED_BY),
        ("موقع الشرق للدراسات", TRANSLATED),
    ]


def test_translation_credit_line() -> None:
    text = "قالت وكالة أسوشيتد برس إن الانفجار وقع قرب السفارة.\nترجمة: مركز الدراسات"
    assert origins(text) == [("Associated Press", CITED), ("مركز الدراسات", TRANSLATED)]


def test_an_outlet_pointed_to_by_a_relative_clause_is_cited() -> None:
    text = "وارتفعت الأسعار خمسة بالمئة خلال شهر، الأمر الذي أكدته صحيفة الجارديان في تقرير لها."
    assert origins(text) == [("The Guardian", CITED)]


def test_a_document_that_quotes_people_is_its_own_origin() -> None:
    text = (
        "قال وزير النقل إن المطار الجديد سيفتتح الشهر المقبل. وأكد مدير المطار أن الاختبارات اكتملت. "
        "وقال أحد المسافرين إن الخدمات تحسنت كثيرا."
    )
    assert origins(text) == []


def test_the_pipeline_step_reads_the_attributions_layer() -> None:
    doc = document("قالت وكالة أسوشيتد برس إن الانفجار وقع قرب السفارة.")
    assert find_document_origins(doc, SETTINGS) == [Origin("Associated Press", CITED)]
    assert find_document_origins(doc.with_layer("attributions", ()), SETTINGS) == []


@pytest.mark.slow
def test_seed_origins(shared: Path) -> None:
    from tests.extract.test_attributions import analysed_seed

    seeds = {p.name[:3]: analysed_seed(p) for p in sorted((shared / "seeds").glob("*.txt"))}
    found = {key: [(o.name, o.role) for o in find_origins(doc, doc.attributions)] for key, doc in seeds.items()}
    (nyt, reporter, translator) = found["000"]
    assert (nyt, translator) == (("The New York Times", RELAYED), ("Radio Rozana", TRANSLATED))
    assert reporter[1] == REPORTED_BY and reporter[0].endswith("شميت")
    assert found["001"] == [("The New York Times", RELAYED)]
    assert found["003"] == [("Politico", RELAYED)]
    assert found["002"] == [("The Guardian", RELAYED)]  # "ويقول التقرير" x3: the report the Guardian published
    assert found["004"] == []
