"""The local web view of one analysis: Starlette pages from Jinja2 templates (autoescaped) and a JSON API.

Pages: ``/`` (figures, stories, search box), ``/search``, ``/documents``, ``/documents/{id}``, ``/entities``,
``/entities/{id}``, ``/claims``, ``/claims/{id}``, ``/events``, ``/events/{id}``, ``/stories/{id}``. Every
list shows 50 items a page (``?page=N``). Each page has a JSON twin under ``/api`` with the records as
analysis.json has them. A fact links to ``/documents/{id}?hl=START-END#hl``: the document with the span
and its sentence highlighted.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from marsad.report.spans import REMOVED_LABELS, TYPE_LABELS, event_label, format_value, metadata_rows, text_direction
from marsad.web.corpus import PAGE_SIZE, Corpus, Page, paginate
from marsad.web.views import FOCUS_ANCHOR, document_text, fact_href, href, parse_span

HERE = Path(__file__).parent
CLAIM_KINDS = {"figure": "رقم", "statement": "تصريح"}
STANCES = {"contradiction": "تناقض", "same": "اتفاق", "other": "أخرى"}  # of a conflicting statement
STORY_PREVIEW = 5  # documents of a story listed on the home page


def _environment(corpus: Corpus) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(href=href, fact_href=fact_href, value=format_value, TYPE_LABELS=TYPE_LABELS, FOCUS_ANCHOR=FOCUS_ANCHOR)
    env.globals.update(event_label=event_label, REMOVED_LABELS=REMOVED_LABELS, CLAIM_KINDS=CLAIM_KINDS, STANCES=STANCES, PAGE_SIZE=PAGE_SIZE, STORY_PREVIEW=STORY_PREVIEW, corpus=corpus)
    return env


def _page_number(request: Request) -> int:
    value = request.query_params.get("page", "1")
    return int(value) if value.isdigit() else 1


def _page_json(page: Page, items: list[Any]) -> dict[str, Any]:
    return {"page": page.number, "pages": page.pages, "total": page.total, "page_size": PAGE_SIZE, "items": items}


def create_app(corpus: Corpus, *, allowed_hosts: Sequence[str] = ()) -> Starlette:
    """The web application over a loaded corpus (load it once with :meth:`Corpus.load`).

    With ``allowed_hosts``, a request naming any other host is refused: a page on another site cannot
    read a server on this machine by pointing its own name at 127.0.0.1 (DNS rebinding)."""
    templates = Jinja2Templates(env=_environment(corpus))

    def render(request: Request, name: str, **context: Any) -> Response:
        return templates.TemplateResponse(request, name, context)

    def found(table: dict[str, dict[str, Any]], request: Request, key: str) -> dict[str, Any]:
        record = table.get(request.path_params[key])
        if record is None:
            raise HTTPException(404, f"no such {key.removesuffix('_id')}: {request.path_params[key]}")
        return record

    # Pages

    async def home(request: Request) -> Response:
        stories = paginate(list(corpus.stories.values()), _page_number(request))
        return render(request, "home.html", figures=corpus.figures, stories=stories)

    async def search(request: Request) -> Response:
        query = request.query_params.get("q", "").strip()
        entities = paginate(corpus.search_entities(query), 1)
        documents = paginate(corpus.search_documents(query), _page_number(request))
        matches = [(corpus.documents[d], corpus.search_hit(d, query)) for d in documents.items]
        return render(request, "search.html", query=query, entities=entities, documents=documents, matches=matches)

    async def documents(request: Request) -> Response:
        return render(request, "documents.html", documents=paginate(list(corpus.documents.values()), _page_number(request)))

    async def document(request: Request) -> Response:
        record = found(corpus.documents, request, "doc_id")
        focus = parse_span(request.query_params.get("hl"), len(record["text"]))
        return render(
            request,
            "document.html",
            doc=record,
            rows=metadata_rows(record),
            direction=text_direction(record),
            paragraphs=document_text(corpus, record, focus),
            annotations=corpus.annotations_of(record["id"]),
            claims=corpus.claims_in.get(record["id"], []),
        )

    async def entities(request: Request) -> Response:
        kind = request.query_params.get("type", "")
        listed = [e for e in corpus.entity_list if e["type"] == kind] if kind else corpus.entity_list
        return render(request, "entities.html", entities=paginate(listed, _page_number(request)), kind=kind)

    async def entity(request: Request) -> Response:
        record = found(corpus.entities, request, "entity_id")
        mentions = paginate(corpus.mentions_of.get(record["id"], []), _page_number(request))
        quotes = [corpus.quote(m["doc"], m["start"], m["end"]) for m in mentions.items]
        return render(request, "entity.html", entity=record, mentions=mentions, quotes=quotes)

    async def claims(request: Request) -> Response:
        return render(request, "claims.html", claims=paginate(corpus.claim_list, _page_number(request)))

    async def claim(request: Request) -> Response:
        record = found(corpus.claims, request, "claim_id")
        occurrences = paginate(record["occurrences"], _page_number(request))
        quotes = [corpus.quote(o["doc"], o["start"], o["end"]) for o in occurrences.items]
        conflicts = [(c, corpus.quote(c["doc"], c["start"], c["end"])) for c in record.get("conflicts", [])[:PAGE_SIZE]]
        return render(request, "claim.html", claim=record, occurrences=occurrences, quotes=quotes, conflicts=conflicts)

    async def events(request: Request) -> Response:
        return render(request, "events.html", events=paginate(list(corpus.events.values()), _page_number(request)))

    async def event(request: Request) -> Response:
        record = found(corpus.events, request, "event_id")
        group = corpus.event_groups.get(record.get("event") or "")
        attributions = corpus.annotations_of(record["doc"])["attributions"]
        index = record.get("attribution")
        return render(
            request,
            "event.html",
            event=record,
            sentence=corpus.quote(record["doc"], record["start"], record["end"]),
            group=group,
            attribution=attributions[index] if isinstance(index, int) and index < len(attributions) else None,
        )

    async def story(request: Request) -> Response:
        record = found(corpus.stories, request, "story_id")
        return render(request, "story.html", story=record, documents=paginate(record["documents"], _page_number(request)))

    # The JSON API: the records as analysis.json has them

    async def api_summary(request: Request) -> Response:
        return JSONResponse(corpus.figures)

    def api_list(records: list[dict[str, Any]]) -> Any:
        async def listing(request: Request) -> Response:
            page = paginate(records, _page_number(request))
            return JSONResponse(_page_json(page, list(page.items)))

        return listing

    async def api_document(request: Request) -> Response:
        record = found(corpus.documents, request, "doc_id")
        claims_here = [c["id"] for c in corpus.claims_in.get(record["id"], [])]
        return JSONResponse({"document": record, **corpus.annotations_of(record["id"]), "claims": claims_here})

    async def api_entity(request: Request) -> Response:
        record = found(corpus.entities, request, "entity_id")
        mentions = paginate(corpus.mentions_of.get(record["id"], []), _page_number(request))
        return JSONResponse({"entity": record, "mentions": _page_json(mentions, list(mentions.items))})

    async def api_claim(request: Request) -> Response:
        return JSONResponse({"claim": found(corpus.claims, request, "claim_id")})

    async def api_event(request: Request) -> Response:
        record = found(corpus.events, request, "event_id")
        return JSONResponse({"event": record, "group": corpus.event_groups.get(record.get("event") or "")})

    async def api_story(request: Request) -> Response:
        return JSONResponse({"story": found(corpus.stories, request, "story_id")})

    async def api_search(request: Request) -> Response:
        query = request.query_params.get("q", "").strip()
        page = paginate(corpus.search_documents(query), _page_number(request))
        entities_found = [{"id": e["id"], "name": e["name"], "type": e["type"]} for e in corpus.search_entities(query)[:PAGE_SIZE]]
        listed = [{"id": d, "title": corpus.documents[d].get("title")} for d in page.items]
        return JSONResponse({"query": query, "entities": entities_found, "documents": _page_json(page, listed)})

    async def not_found(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        return templates.TemplateResponse(request, "error.html", {"error": exc}, status_code=exc.status_code)

    routes = [
        Route("/", home),
        Route("/search", search),
        Route("/documents", documents),
        Route("/documents/{doc_id:path}", document),
        Route("/entities", entities),
        Route("/entities/{entity_id:path}", entity),
        Route("/claims", claims),
        Route("/claims/{claim_id:path}", claim),
        Route("/events", events),
        Route("/events/{event_id:path}", event),
        Route("/stories/{story_id:path}", story),
        Route("/api", api_summary),
        Route("/api/search", api_search),
        Route("/api/documents", api_list([{k: v for k, v in d.items() if k != "text"} for d in corpus.documents.values()])),
        Route("/api/documents/{doc_id:path}", api_document),
        Route("/api/entities", api_list(corpus.entity_list)),
        Route("/api/entities/{entity_id:path}", api_entity),
        Route("/api/claims", api_list(corpus.claim_list)),
        Route("/api/claims/{claim_id:path}", api_claim),
        Route("/api/events", api_list(list(corpus.events.values()))),
        Route("/api/events/{event_id:path}", api_event),
        Route("/api/stories", api_list(list(corpus.stories.values()))),
        Route("/api/stories/{story_id:path}", api_story),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))] if allowed_hosts else []
    return Starlette(routes=routes, middleware=middleware, exception_handlers={HTTPException: not_found})
