from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from marsad.arabic.sentences import iter_sentences
from marsad.arabic.tokens import iter_tokens
from marsad.corpus.entities import EntityLinker, Linking, MentionRecord, entity_id, link_entities, mention_records
from marsad.document import GPE, LOC, ORG, PER, Document, Metadata
from marsad.extract.entities import mentions_in
from marsad.extract.tagger import load_tagger


def records(text: str, *spans: tuple[str, str, int]) -> list[MentionRecord]:
    """Mention records for (surface, type, occurrence) triples of ``text``."""
    result = []
    for surface, kind, occurrence in spans:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(surface, start + 1)
        result.append(MentionRecord(start, start + len(surface), surface, kind))
    return result


def entity_of(linking: Linking, doc: str, record: MentionRecord) -> dict:
    entity_id_ = linking.mention_entity[(doc, record.start, record.end)]
    return next(e.as_json() for e in linking.entities if e.id == entity_id_)


A = "قالت أمريكا إن قواتها باقية، وأكدت الولايات المتحدة ذلك."
B = "وأعلنت أميركا وقف الدعم، ونقلت رويترز عن مسؤولين في واشنطن أن واشنطن تدرس الأمر."


def test_spellings_of_one_country_are_one_entity() -> None:
    a = records(A, ("أمريكا", GPE, 0), ("الولايات المتحدة", GPE, 0))
    b = records(B, ("أميركا", GPE, 0), ("رويترز", ORG, 0), ("واشنطن", LOC, 0), ("واشنطن", GPE, 1))
    linking = link_entities([("a", a), ("b", b)])
    us = entity_of(linking, "a", a[0])
    assert {linking.mention_entity[("a", r.start, r.end)] for r in a} == {us["id"]}
    assert linking.mention_entity[("b", b[0].start, b[0].end)] == us["id"]
    assert linking.mention_entity[("b", b[3].start, b[3].end)] == us["id"]  # the government
    assert (us["name"], us["name_en"], us["type"], us["geo"]["country"]) == (
        "الولايات المتحدة",
        "United States",
        GPE,
        "US",
    )
    assert us["aliases"] == ["أمريكا", "أميركا", "الولايات المتحدة", "واشنطن"]
    washington = entity_of(linking, "b", b[2])  # the city
    assert (washington["name_en"], washington["geo"]["geonames_id"]) == ("Washington, D.C.", 4140963)


def test_an_acronym_and_the_full_name_are_one_organisation() -> None:
    text = "هاجم تنظيم الدولة الإسلامية القرية، وقال سكان إن داعش انسحب. وذكرت تقارير أن ISIS خسر مواقع."
    mentions = records(text, ("تنظيم الدولة الإسلامية", ORG, 0), ("داعش", ORG, 0), ("ISIS", ORG, 0))
    linking = link_entities([("d", mentions)])
    assert len(linking.entities) == 1
    assert linking.entities[0].as_json()["name_en"] == "Islamic State (ISIS)"


def test_a_place_written_apart_or_a_country_by_its_short_name_joins_its_curated_entity() -> None:
    a = "وصل الوفد إلى أبو ظبي قادما من مسقط، وأشادت سلطنة عمان بالزيارة."
    b = "وتستضيف أبوظبي المؤتمر، وقالت عمان إنها ستشارك فيه إلى جانب سلطنة عمان والكويت."
    first = records(a, ("أبو ظبي", LOC, 0), ("مسقط", LOC, 0), ("سلطنة عمان", GPE, 0))
    second = records(b, ("أبوظبي", LOC, 0), ("عمان", GPE, 0), ("سلطنة عمان", GPE, 0), ("الكويت", GPE, 0))
    linking = link_entities([("a", first), ("b", second)])
    assert entity_of(linking, "a", first[0])["id"] == entity_of(linking, "b", second[0])["id"]
    oman = entity_of(linking, "a", first[2])
    assert entity_of(linking, "b", second[1])["id"] == oman["id"]
    assert (oman["name"], oman["name_en"]) == ("سلطنة عمان", "Oman")


def test_a_newspaper_named_after_a_place_has_its_own_english_name() -> None:
    text = "وقال مسؤول لـ«الشرق الأوسط» إن الشرق الأوسط يحتاج إلى الاستقرار."
    mentions = records(text, ("الشرق الأوسط", ORG, 0), ("الشرق الأوسط", LOC, 1))
    linking = link_entities([("d", mentions)])
    names = {(e.as_json()["type"], e.as_json()["name_en"]) for e in linking.entities}
    assert names == {(ORG, "Asharq Al-Awsat"), (LOC, "Middle East")}


def test_a_surname_joins_the_full_name_in_its_document_but_a_first_name_does_not_cross_documents() -> None:
    one = "قال سامر الخطيب إن الهدنة صامدة، وأضاف الخطيب أن سامر سيسافر."
    two = "والتقى سامر بالوفد، وقال الخطيب إن اللقاء مثمر."
    a = records(one, ("سامر الخطيب", PER, 0), ("الخطيب", PER, 1), ("سامر", PER, 1))
    b = records(two, ("سامر", PER, 0), ("الخطيب", PER, 0))
    linking = link_entities([("one", a), ("two", b)])
    ids = [linking.mention_entity[(doc, r.start, r.end)] for doc, rs in (("one", a), ("two", b)) for r in rs]
    full = ids[0]
    assert ids[1] == ids[2] == full  # surname and first name inside the document
    assert ids[3] != full  # a first name alone elsewhere is someone else, maybe
    assert ids[4] == full  # the only person of that surname
    assert entity_of(linking, "one", a[1])["name"] == "سامر الخطيب"


def test_a_surname_alone_joins_the_full_name_that_dominates_but_a_given_name_does_not() -> None:
    accused = "اتهم أردوغان الداعية فتح الله غولن بتدبير الانقلاب."
    docs = [(f"d{i}", accused, ("فتح الله غولن", PER, 0)) for i in range(4)] + [
        ("slip", "وعزا الكاتب كاريزما غولن إلى خطابه.", ("كاريزما غولن", PER, 0)),
        ("alone", "ونفى غولن التهمة.", ("غولن", PER, 0)),
        ("k1", "التقى الملك سلمان بن عبدالعزيز الوفد.", ("سلمان بن عبدالعزيز", PER, 0)),
        ("k2", "وصل الملك سلمان بن عبدالعزيز إلى جدة.", ("سلمان بن عبدالعزيز", PER, 0)),
        ("k3", "استقبل الملك سلمان بن عبدالعزيز الضيوف.", ("سلمان بن عبدالعزيز", PER, 0)),
        ("k4", "وقال محمد بن سلمان إن الرؤية ماضية.", ("محمد بن سلمان", PER, 0)),
        ("given", "وقال سلمان إن الاجتماع انتهى.", ("سلمان", PER, 0)),
    ]
    linking = link_entities([(doc, records(text, span)) for doc, text, span in docs])
    names = {doc: entity_of(linking, doc, records(text, span)[0])["name"] for doc, text, span in docs}
    assert names["alone"] == "فتح الله غولن"  # 4 mentions against a tagger's slip of 1
    assert names["given"] == "سلمان"  # a given name stands for nobody in particular


def test_shorter_forms_of_a_name_join_the_fullest_one() -> None:
    text = "وقال جان دو لافال إن المحادثات متعثرة. وأضاف دو لافال أن الطرفين متباعدان، وختم لافال بالتفاؤل."
    mentions = records(text, ("جان دو لافال", PER, 0), ("دو لافال", PER, 1), ("لافال", PER, 2))
    linking = link_entities([("d", mentions)])
    assert len(linking.entities) == 1
    assert linking.entities[0].as_json()["aliases"] == ["جان دو لافال", "دو لافال", "لافال"]


def test_spellings_of_one_name_are_one_entity_across_documents() -> None:
    one = "استقبل عبدالرحيم أبوالفتوح وفدا من شركة سامسونغ في مكتبه، ثم زار مصنع فولكس فاغن."
    two = "وقال عبد الرحيم أبو الفتوح إن سامسونج ستوسع مصنعها، كما قال غازي إن فولكس فاجن ستفعل."
    three = "وأعلن جازي الموافقة على الصفقة."
    a = records(one, ("عبدالرحيم أبوالفتوح", PER, 0), ("سامسونغ", ORG, 0), ("فولكس فاغن", ORG, 0))
    b = records(two, ("عبد الرحيم أبو الفتوح", PER, 0), ("سامسونج", ORG, 0), ("غازي", PER, 0), ("فولكس فاجن", ORG, 0))
    c = records(three, ("جازي", PER, 0))
    linking = link_entities([("one", a), ("two", b), ("three", c)])
    assert entity_of(linking, "one", a[0])["id"] == entity_of(linking, "two", b[0])["id"]
    assert entity_of(linking, "one", a[1])["id"] == entity_of(linking, "two", b[1])["id"]
    assert entity_of(linking, "one", a[2])["id"] == entity_of(linking, "two", b[3])["id"]
    assert entity_of(linking, "two", b[2])["id"] != entity_of(linking, "three", c[0])["id"]  # Ghazi and Jazi


def test_places_are_linked_by_gazetteer_id_and_areas_stay_apart() -> None:
    one = "قصفت الطائرات مدينة الرقة وريف حلب الشمالي."
    two = "عاد النازحون إلى الرقة."
    a = records(one, ("مدينة الرقة", LOC, 0), ("ريف حلب الشمالي", LOC, 0))
    b = records(two, ("الرقة", LOC, 0))
    linking = link_entities([("one", a), ("two", b)])
    raqqa = entity_of(linking, "two", b[0])
    assert entity_of(linking, "one", a[0])["id"] == raqqa["id"]
    assert raqqa["geo"] == {"lat": 35.95283, "lon": 39.00788, "geonames_id": 172955, "country": "SY"}
    rural = entity_of(linking, "one", a[1])
    assert rural["name"] == "ريف حلب الشمالي"
    assert rural["geo"]["approximate"] is True and rural["geo"]["geonames_id"] == 170063


def test_a_document_that_names_no_country_places_its_towns_in_its_outlets_country() -> None:
    text = "افتتحت محافظة عنيزة مهرجانها السنوي للتمور."
    mentions = records(text, ("محافظة عنيزة", LOC, 0))
    countries = []
    for home_country in (None, "SA"):
        linker = EntityLinker()
        linker.add_document("d", mentions, home_country)
        countries.append(entity_of(linker.finish(), "d", mentions[0])["geo"]["country"])
    # The gazetteer gives Qatar's Al Unayzah a population and the Saudi city none
    assert countries == ["QA", "SA"]


def test_regions_without_a_geonames_id_are_entities_of_their_own() -> None:
    text = "زار الوفد منطقة عسير ثم المنطقة الشرقية."
    mentions = records(text, ("منطقة عسير", LOC, 0), ("المنطقة الشرقية", LOC, 0))
    linking = link_entities([("d", mentions)])
    asir, eastern = (entity_of(linking, "d", record) for record in mentions)
    assert asir["id"] != eastern["id"]
    assert (asir["geo"]["country"], asir["geo"]["geonames_id"]) == ("SA", None)


def test_a_region_outside_the_gazetteer_has_no_geo() -> None:
    text = "تتصاعد التوترات في الشرق الأوسط."
    linking = link_entities([("d", records(text, ("الشرق الأوسط", LOC, 0)))])
    assert linking.entities[0].as_json()["geo"] is None


def test_ids_do_not_depend_on_document_order() -> None:
    a = ("a", records(A, ("أمريكا", GPE, 0), ("الولايات المتحدة", GPE, 0)))
    b = ("b", records(B, ("أميركا", GPE, 0), ("رويترز", ORG, 0)))
    assert link_entities([a, b]).entities_json() == link_entities([b, a]).entities_json()
    reuters = link_entities([b]).mention_entity[("b", b[1][1].start, b[1][1].end)]
    assert reuters == entity_id("alias:reuters")


def test_entities_follow_the_export_contract() -> None:
    schema_text = resources.files("marsad.data").joinpath("analysis.schema.json").read_text(encoding="utf-8")
    item_schema = json.loads(schema_text)["properties"]["entities"]["items"]
    b = records(B, ("أميركا", GPE, 0), ("رويترز", ORG, 0), ("واشنطن", LOC, 0))
    for entity in link_entities([("b", b)]).entities_json():
        jsonschema.validate(entity, item_schema)


@pytest.mark.slow
def test_seeds_merge_what_a_reader_would_merge(seeds: dict[str, str]) -> None:
    tagger = load_tagger()
    docs = []
    for stem, text in seeds.items():
        doc = Document(stem[:3], text, Metadata(language="ar"))
        doc = doc.with_layer("tokens", iter_tokens(text)).with_layer("sentences", iter_sentences(text))
        docs.append(doc.with_layer("mentions", mentions_in(doc, tagger)))
    linking = link_entities((doc.id, mention_records(doc)) for doc in docs)
    documents_of: dict[str, set[str]] = {}
    for (doc, _, _), entity in linking.mention_entity.items():
        documents_of.setdefault(entity, set()).add(doc)
    by_name = {entity.name: entity.as_json() | {"docs": documents_of[entity.id]} for entity in linking.entities}

    nyt = by_name["نيويورك تايمز"]
    assert {"نيويورك تايمز", "The New York Times"} <= set(nyt["aliases"]) and nyt["docs"] == {"000", "001"}
    assert by_name["المرصد السوري لحقوق الإنسان"]["docs"] == {"001", "004"}
    isis = by_name["تنظيم الدولة الإسلامية"]
    assert {"داعش", "الدولة الإسلامية", "تنظيم الدولة"} <= set(isis["aliases"])
    assert isis["docs"] == {"000", "001", "002", "003", "004"}
    assert {"قسد", "قوات سوريا الديمقراطية", "قوات سورية الديمقراطية"} <= set(
        by_name["قوات سوريا الديمقراطية"]["aliases"]
    )
    assert set(by_name["أوتسو إيهو"]["aliases"]) == {"أوتسو إيهو", "إيهو"}
    assert by_name["أوتسو إيهو"]["docs"] == {"000", "001"}
    assert by_name["دونالد ترامب"]["docs"] == {"001", "003"}
    assert by_name["منبج"]["geo"]["country"] == "SY"
    assert by_name["الرقة"]["geo"]["geonames_id"] == 172955
    assert by_name["واشنطن"]["geo"]["geonames_id"] == 4140963
    assert "واشنطن" in by_name["الولايات المتحدة"]["aliases"]  # بفاعلية واشنطن: the government
    assert by_name["ريف حلب الشمالي الشرقي"]["geo"]["approximate"] is True


def test_a_name_after_the_title_of_a_curated_name_is_that_person_in_any_document() -> None:
    texts = {
        "a": "واستقبل الملك سلمان الوفد في الرياض أمس.",
        "b": "وأكد خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز دعم المملكة.",
        "c": "وقال الشيخ سلمان العودة في محاضرته إن الصبر مفتاح الفرج.",
    }
    docs = []
    for doc_id, text in texts.items():
        doc = Document(doc_id, text, Metadata(language="ar"))
        doc = doc.with_layer("tokens", iter_tokens(text)).with_layer("sentences", iter_sentences(text))
        docs.append(doc.with_layer("mentions", mentions_in(doc, load_tagger())))
    linking = link_entities([(doc.id, mention_records(doc)) for doc in docs])
    names = {}
    for doc in docs:
        for m in doc.mentions:
            if m.type == PER:
                names[doc.text[m.start : m.end]] = entity_of(linking, doc.id, MentionRecord(m.start, m.end, "", PER))["name_en"]
    assert names["سلمان"] == names["سلمان بن عبدالعزيز"] == "King Salman bin Abdulaziz"
    assert names["سلمان العودة"] is None
