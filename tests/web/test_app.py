"""The web view over a real analysis of a tiny corpus written here: pages, links back and forth, search,
escaping and the JSON API."""

from __future__ import annotations

import html
from typing import Any

import pytest
from starlette.testclient import TestClient

from marsad.analysis import run_analysis
from marsad.report.spans import event_label
from marsad.settings import load_settings
from marsad.web.app import create_app
from marsad.web.corpus import Corpus
from marsad.web.views import fact_href, href

ARTICLES = {
    "01_idlib.txt": (
        "غارات جوية على ريف إدلب توقع قتلى مدنيين\n\n"
        "أفاد المرصد السوري لحقوق الإنسان بأن 12 مدنيا قتلوا صباح الأحد في غارات جوية على بلدة سراقب في ريف إدلب.\n\n"
        "وقال المتحدث باسم وزارة الخارجية الأمريكية إن أمريكا تتابع الوضع في سوريا عن كثب.\n"
    ),
    "02_hostile.txt": (
        "رسالة غريبة على موقع بلدية الزرقاء\n\n"
        "نشر مجهول عبارة \"<script>alert('x')</script>\" على موقع بلدية الزرقاء، وقالت الشرطة الأردنية إن التحقيق جار.\n"
    ),
}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    folder = tmp_path_factory.mktemp("web")
    for name, text in ARTICLES.items():
        (folder / "in").mkdir(exist_ok=True)
        (folder / "in" / name).write_text(text, encoding="utf-8")
    run_analysis([folder / "in"], folder / "out", load_settings(None, jobs=1, report_html=False))
    return TestClient(create_app(Corpus.load(folder / "out")))


def _json(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.json()


def _mention(client: TestClient, doc_id: str, surface: str) -> dict[str, Any]:
    mentions = _json(client, f"/api/documents/{doc_id}")["mentions"]
    return next(m for m in mentions if m["text"] == surface)


def test_the_document_page_marks_a_mention_at_its_offsets_and_links_it_to_its_entity(client: TestClient) -> None:
    record = _json(client, "/api/documents/01_idlib")["document"]
    mention = _mention(client, "01_idlib", "أمريكا")
    assert record["text"][mention["start"] : mention["end"]] == "أمريكا"
    page = client.get("/documents/01_idlib").text
    link = f'<a href="{href("entities", mention["entity"])}" id="c{mention["start"]}" class="m m-GPE"'
    assert link in page
    assert page[page.index(link) :].split(">", 1)[0].endswith('title="كيان سياسي: الولايات المتحدة"')  # named, not an id
    assert page[page.index(link) :].split(">", 1)[1].startswith("أمريكا</a>")
    assert '<html lang="ar" dir="rtl">' in page and '<div class="text" dir="rtl">' in page


def test_a_fact_link_highlights_the_span_in_its_sentence(client: TestClient) -> None:
    mention = _mention(client, "01_idlib", "أمريكا")
    url = fact_href("01_idlib", mention["start"], mention["end"])
    assert url.endswith("#hl")
    page = client.get(url.split("#")[0]).text
    focus = page[page.index('<a id="hl"></a>') :]
    assert 'class="m m-GPE focus sentence"' in focus.split("</a>", 2)[1] and "أمريكا" in focus.split("</a>", 2)[1]
    assert '<span class="sentence">' in page  # the rest of the sentence
    text = page.split('<div class="text"')[1]
    first_paragraph, second_paragraph = text.split("</p>")[:2]
    assert "sentence" not in first_paragraph and "<a id=\"hl\"></a>" in second_paragraph


def test_an_entity_page_lists_its_mentions_in_their_sentences(client: TestClient) -> None:
    mention = _mention(client, "01_idlib", "أمريكا")
    page = client.get(href("entities", mention["entity"])).text
    assert "الولايات المتحدة" in page  # the curated name of the entity
    assert "<mark>أمريكا</mark> تتابع الوضع في سوريا عن كثب." in page
    assert html.escape(fact_href("01_idlib", mention["start"], mention["end"])) in page
    assert "openstreetmap.org/?mlat=" in page
    api = _json(client, f"/api/entities/{mention['entity']}")
    assert [(m["doc"], m["start"]) for m in api["mentions"]["items"]] == [("01_idlib", mention["start"])]


def test_search_finds_an_entity_and_its_document_under_another_spelling(client: TestClient) -> None:
    mention = _mention(client, "01_idlib", "أمريكا")
    entity = mention["entity"]
    page = client.get("/search", params={"q": "أميركا"}).text
    assert f'href="{href("entities", entity)}"' in page
    assert html.escape(fact_href("01_idlib", mention["start"], mention["end"])) in page  # the document, at its mention
    assert "<mark>أمريكا</mark> تتابع" in page
    api = _json(client, "/api/search?q=أميركا")
    assert api["entities"][0]["id"] == entity and [d["id"] for d in api["documents"]["items"]] == ["01_idlib"]


def test_search_matches_normalised_text_and_quotes_the_match(client: TestClient) -> None:
    api = _json(client, "/api/search?q=ادلب")  # no hamza: finds إدلب
    assert [d["id"] for d in api["documents"]["items"]] == ["01_idlib"]
    page = client.get("/search", params={"q": "ادلب"}).text
    assert "<mark>إدلب</mark>" in page
    assert _json(client, "/api/search?q=")["documents"]["total"] == 0


def test_hostile_article_text_is_escaped_everywhere(client: TestClient) -> None:
    hostile = "<script>alert('x')</script>"
    text = _json(client, "/api/documents/02_hostile")["document"]["text"]
    start = text.index(hostile)
    escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
    for url in ("/documents/02_hostile", f"/documents/02_hostile?hl={start}-{start + len(hostile)}"):
        page = client.get(url).text
        assert "<script" not in page and escaped in page, url
    page = client.get("/search?q=script").text
    assert "<script" not in page and "&lt;<mark>script</mark>&gt;alert(&#39;x&#39;)" in page


def test_claim_and_event_pages_link_back_to_their_sentences(client: TestClient) -> None:
    document = _json(client, "/api/documents/01_idlib")
    figure = next(c for c in _json(client, "/api/claims")["items"] if c["kind"] == "figure")
    page = client.get(href("claims", figure["id"])).text
    occurrence = figure["occurrences"][0]
    assert html.escape(fact_href("01_idlib", occurrence["start"], occurrence["end"])) in page
    assert "<mark>12</mark>" in page and "المرصد السوري لحقوق الإنسان" in page
    event = document["events"][0]
    assert "#" in event["id"]  # ids with any character are quoted whole in links
    page = client.get(href("events", event["id"])).text
    assert f"<h1>حدث: {event_label(event)}</h1>" in page and f"<mark>{event['text']}</mark>" in page
    if event["place"]:
        assert f'href="{href("entities", event["place"])}"' in page


def test_unknown_ids_are_404_in_pages_and_api(client: TestClient) -> None:
    for kind in ("documents", "entities", "claims", "events", "stories"):
        assert client.get(f"/{kind}/nothing-here").status_code == 404
        response = client.get(f"/api/{kind}/nothing-here")
        assert response.status_code == 404 and "nothing-here" in response.json()["error"]
    page = client.get("/documents/<b>x</b>")
    assert page.status_code == 404 and "<b>x</b>" not in page.text


def test_home_and_lists(client: TestClient) -> None:
    page = client.get("/").text
    assert 'href="/static/web.css"' in page and 'action="/search"' in page
    figures = _json(client, "/api")
    assert figures["documents"] == 2 and figures["entities"] >= 3
    assert client.get("/static/web.css").status_code == 200
    for url in ("/documents", "/entities", "/entities?type=LOC", "/claims", "/events", "/documents?page=99"):
        assert client.get(url).status_code == 200, url
    listing = _json(client, "/api/documents")
    assert listing["total"] == 2 and "text" not in listing["items"][0]


def test_long_lists_come_in_pages_of_fifty() -> None:
    documents = [{"id": f"d{n:03}", "title": f"خبر رقم {n}", "text": "وصلت قافلة مساعدات إلى المدينة."} for n in range(60)]
    assert documents[0]["text"][23:30] == "المدينة"
    empty: list = []
    corpus = Corpus(
        {
            "documents": documents,
            "entities": [{"id": "E1", "type": "LOC", "name": "المدينة", "aliases": ["المدينة"]}],
            "mentions": [{"doc": d["id"], "start": 23, "end": 30, "text": "المدينة", "type": "LOC", "entity": "E1"} for d in documents],
            "quantities": empty, "times": empty, "attributions": empty, "claims": empty, "events": empty,
            "stories": [{"id": "S1", "title": "قافلة المساعدات", "documents": [d["id"] for d in documents]}],
        }
    )
    client = TestClient(create_app(corpus))
    home = client.get("/").text
    assert "خبر رقم 4<" in home and "خبر رقم 5<" not in home and "و55 أخرى" in home
    story = client.get("/stories/S1?page=2").text
    assert story.count("<li>") == 10 and "صفحة 2 من 2" in story and "خبر رقم 59" in story
    entity = client.get("/entities/E1").text
    assert entity.count("<mark>المدينة</mark>") == 50 and 'rel="next"' in entity
    mentions = client.get("/api/entities/E1?page=2").json()["mentions"]
    assert (mentions["page"], mentions["pages"], mentions["total"], len(mentions["items"])) == (2, 2, 60, 10)
    assert client.get("/api/search?q=قافله").json()["documents"]["total"] == 60


def test_a_statement_contradicted_elsewhere_shows_the_other_account() -> None:
    text = "قال المتحدث إن الجسر ما زال مغلقا."
    other = "نفى المسؤول أن يكون الجسر مغلقا."
    claim = {
        "id": "C1", "kind": "statement", "summary": "الجسر ما زال مغلقا", "origins": ["name:المتحدث"], "independent_origins": 1,
        "occurrences": [{"doc": "d1", "start": 15, "end": 33, "sources": ["name:المتحدث"]}],
        "conflicts": [{"doc": "d2", "start": 15, "end": 32, "stance": "contradiction", "source": "name:المسؤول"}],
    }
    assert text[15:33] == "الجسر ما زال مغلقا" and other[15:32] == "يكون الجسر مغلقا."
    documents = [{"id": "d1", "title": "الجسر", "text": text}, {"id": "d2", "title": "نفي", "text": other}]
    empty: list = []
    corpus = Corpus(
        {"documents": documents, "entities": empty, "mentions": empty, "quantities": empty, "times": empty,
         "attributions": empty, "claims": [claim], "events": empty, "stories": empty}
    )
    page = TestClient(create_app(corpus)).get("/claims/C1").text
    assert "روايات متعارضة (1)" in page and "<b>تناقض" in page and "<mark>يكون الجسر مغلقا.</mark>" in page
    assert "المتحدث" in page and "المسؤول" in page
