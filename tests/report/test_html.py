import io
from pathlib import Path

from marsad.analysis import Summary
from marsad.corpus.stage import CorpusResult
from marsad.report.html import write_report


def _record(**fields) -> dict:
    base = {
        "id": "doc-1",
        "title": "عنوان",
        "text": "فقرة أولى.\n\nعنوان فرعي\n\nفقرة ثانية.",
        "headings": [{"start": 12, "end": 22, "text": "عنوان فرعي"}],
        "removed": [],
        "origins": [],
        "language": "ar",
    }
    return base | fields


def _render(*records: dict, annotations: dict | None = None) -> str:
    stream = io.StringIO()
    documents = [(record, annotations or {}) for record in records]
    write_report(stream, documents, CorpusResult(), Summary(Path("."), done=len(records)))
    return stream.getvalue()


def test_article_text_and_metadata_are_escaped() -> None:
    page = _render(
        _record(
            title='<img src=x onerror="alert(1)">',
            text="<script>alert('x')</script> نص",
            headings=[],
            removed=[{"kind": "caption", "text": "<b>صورة</b>"}],
            url="javascript:alert(1)",
        )
    )
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x" in page
    assert "<b>صورة</b>" not in page
    assert 'href="javascript' not in page


def test_subheadings_are_shown_as_headings_and_the_page_is_rtl() -> None:
    page = _render(_record())
    assert '<h3 id="doc-1-c12">عنوان فرعي</h3>' in page
    assert '<p id="doc-1-c0">فقرة أولى.</p>' in page
    assert '<html lang="ar" dir="rtl">' in page


def test_annotations_are_marked_in_place_and_linked() -> None:
    text = "قال المرصد إن 40 شخصا قتلوا <أمس>."
    record = _record(text=text, headings=[])
    annotations = {
        "mentions": [{"start": 4, "end": 10, "type": "ORG", "entity": "E1"}],
        "quantities": [{"start": 14, "end": 16, "low": 40, "high": 40, "approximate": False, "unit": None}],
        "attributions": [
            {"start": 0, "end": 3, "cue": "قال", "source": {"text": "المرصد"}, "via": [], "content_start": 11, "content_end": 34}
        ],
    }
    page = _render(record, annotations=annotations)
    assert '<span id="doc-1-c0" class="cue" title="المصدر: المرصد">قال</span>' in page
    assert '<span id="doc-1-c4" class="m m-ORG" title="منظمة E1">المرصد</span>' in page
    assert 'class="q" title="40">40</span>' in page
    assert "&lt;أمس&gt;" in page and "<أمس>" not in page
    assert '<a href="#doc-1-c0">قال</a>' in page


def test_a_large_corpus_shows_its_first_documents_and_most_reported_claims() -> None:
    records = [_record(id=f"doc-{n}", headings=[]) for n in range(5)]
    claims = [
        {"summary": f"ادعاء {n}", "occurrences": [{"doc": "doc-0", "start": 0, "end": 4}] * n, "documents": n,
         "independent_origins": 1, "conflicts": []}
        for n in (1, 3, 2)
    ]
    stream = io.StringIO()
    documents = [(record, {}) for record in records]
    write_report(stream, documents, CorpusResult(claims=claims), Summary(Path("."), done=5), max_documents=2, max_claims=2)
    page = stream.getvalue()
    assert page.count("<article ") == 2 and 'id="doc-doc-1"' in page and 'id="doc-doc-2"' not in page
    assert "أول 2 من 5" in page
    assert "ادعاء 3" in page and "ادعاء 2" in page and "ادعاء 1" not in page
    assert "الادعاءات (2 من 3، الأكثر تكرارا)" in page


def test_events_are_listed_once_per_happening_with_each_report_linked() -> None:
    text = "قتل 5 مدنيين في غارة على <حمص> أمس."
    groups = [
        {"id": "V1", "type": "airstrike", "date": "2024-03-01", "place": "E-homs", "killed": {"low": 5, "high": 5},
         "injured": None, "reports": [{"event": "d#ev0", "doc": "doc-1", "sentence": {"start": 0, "end": len(text)}}]},
        {"id": "V2", "type": "arrest", "date": None, "place": None, "killed": None, "injured": None,
         "reports": [{"event": "d#ev1", "doc": "doc-1", "sentence": {"start": 0, "end": 5}}] * 2},
    ]
    entities = [{"id": "E-homs", "name": "<حمص>", "type": "LOC", "aliases": []}]
    stream = io.StringIO()
    result = CorpusResult(event_groups=groups, entities=entities)
    write_report(stream, [(_record(text=text, headings=[]), {})], result, Summary(Path("."), done=1), max_events=1)
    page = stream.getvalue()
    assert "الأحداث الأكثر تكرارا من 2 (1)" in page
    assert "<td>اعتقال</td><td>—</td><td>—</td><td>—</td><td>—</td>" in page and "غارة جوية" not in page
    write_report(stream := io.StringIO(), [(_record(text=text, headings=[]), {})], result, Summary(Path("."), done=1))
    page = stream.getvalue()
    assert "<td>غارة جوية</td><td>2024-03-01</td><td>&lt;حمص&gt;</td><td>5</td><td>—</td>" in page
    assert '<a href="#doc-1-c0">doc-1</a>' in page
