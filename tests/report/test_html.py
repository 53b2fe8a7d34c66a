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


def _render(*records: dict) -> str:
    stream = io.StringIO()
    write_report(stream, records, CorpusResult(), Summary(Path("."), done=len(records)))
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
    assert '<h3 data-start="12">عنوان فرعي</h3>' in page
    assert '<p data-start="0">فقرة أولى.</p>' in page
    assert '<html lang="ar" dir="rtl">' in page
