from marsad.ingest.documents import to_document
from marsad.ingest.readers import RECORD, RawInput
from marsad.settings import Settings

TEXT = (
    "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد يضم مئتي سرير لخدمة سكان الأحياء الشرقية.\n\n"
    "وقال مدير المستشفى في مؤتمر صحفي إن العمل سيبدأ الأسبوع المقبل بعد استكمال تجهيز الأقسام."
)


def test_a_records_title_loses_the_site_name_set_off_at_its_end() -> None:
    record = {"id": "a1", "title": "افتتاح مستشفى جديد في الأحياء الشرقية | Euronews", "text": TEXT}
    document = to_document(RawInput("a1", "news.jsonl:1", RECORD, "news.jsonl", record=record), Settings())
    assert document.meta.title == "افتتاح مستشفى جديد في الأحياء الشرقية"
    assert document.text == TEXT
