"""Records of the analysis.json contract (``marsad.analysis/1``), made from documents.

Per-document records are made in the main process as outcomes arrive and
spooled to disk; cross-document fields (entity ids, duplicates, stories) are
filled in when the export is assembled, so memory never holds the corpus.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from marsad.arabic.dates import infer_not_before
from marsad.corpus.events import event_id
from marsad.document import OUTLET_SOURCE, RELAYED, TRANSLATED, Attribution, Document, Event, Reference
from marsad.extract.attributions import outlet_named

SCHEMA = "marsad.analysis/1"
SECTIONS = ("documents", "entities", "mentions", "quantities", "times", "attributions", "claims", "events", "stories", "event_groups")
# Sections that come straight from per-document layers.
DOCUMENT_SECTIONS = ("documents", "mentions", "quantities", "times", "attributions", "events")


def dumps(record: Any) -> str:
    """One compact JSON line, Arabic kept as is."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def document_record(doc: Document) -> dict[str, Any]:
    meta = doc.meta
    return {
        "id": doc.id,
        "source_path": meta.source_path,
        "url": meta.url,
        "outlet": meta.outlet,
        "title": meta.title,
        "byline": meta.byline,
        "published": meta.published,
        "language": meta.language,
        "text": doc.text,
        "removed": [{"kind": r.kind, "text": r.text} for r in doc.removed],
        "duplicate_of": None,
        "story": None,
        "origins": [{"entity": o.entity, "name": o.name, "role": o.role} for o in doc.origins],
        "not_before": None if meta.published else infer_not_before(doc.times),
        "headings": [{"start": h.start, "end": h.end, "text": doc.span_text(h)} for h in doc.headings],
        "analysed": list(doc.done),
        "sentences": len(doc.sentences),
        "tokens": len(doc.tokens),
        **dict(meta.extra),
    }


def _span(doc: Document, start: int, end: int) -> dict[str, Any]:
    return {"doc": doc.id, "start": start, "end": end, "text": doc.text[start:end]}


def _reference(ref: Reference) -> dict[str, Any]:
    return {"text": ref.text, "entity": ref.entity, "kind": ref.kind, "start": ref.start, "end": ref.end}


def _upstream_via(doc: Document, a: Attribution) -> list[dict[str, Any]]:
    """The reports the document translates or relays, as intermediaries of a statement they do not
    make themselves: in a translation of The New York Times, the Observatory speaks through the Times.
    They have no offsets when the text does not name them."""
    upstream = [o for o in doc.origins if o.role in (TRANSLATED, RELAYED)]
    if not upstream:
        return []
    named = set()
    for ref in (a.source, *a.via):
        outlet = outlet_named(ref.text)
        if outlet is not None:
            named.add(outlet.name)
        elif ref.kind == OUTLET_SOURCE:
            named.add(upstream[0].name)  # الصحيفة: the most upstream report the document relays
    return [
        {"text": o.name, "entity": o.entity, "kind": OUTLET_SOURCE, "start": None, "end": None, "role": o.role}
        for o in upstream
        if o.name not in named
    ]


def _attribution(doc: Document, a: Attribution) -> dict[str, Any]:
    return {
        **_span(doc, a.start, a.end),
        "cue": a.cue or doc.text[a.start : a.end],
        "source": _reference(a.source),
        "content_start": a.content_start,
        "content_end": a.content_end,
        "content": doc.text[a.content_start : a.content_end],
        "via": [_reference(v) for v in a.via] + _upstream_via(doc, a),
        "affiliation": a.affiliation,
    }


def _bounds(pair: tuple[float | None, float | None] | None) -> dict[str, float | None] | None:
    return None if pair is None else {"low": pair[0], "high": pair[1]}


def _mention_ref(doc: Document, index: int) -> dict[str, Any]:
    """A mention by its index and offsets: the offsets find its entity at assembly."""
    mention = doc.mentions[index]
    return {"mention": index, "start": mention.start, "end": mention.end, "entity": None}


def _event(doc: Document, index: int, e: Event) -> dict[str, Any]:
    return {
        "id": event_id(doc.id, index),
        **_span(doc, e.start, e.end),
        "type": e.type,
        "sub_type": e.sub_type,
        "trigger": doc.text[e.start : e.end],
        "sentence": e.sentence,
        "date": e.date,
        "date_precision": e.date_precision,
        "place": None,  # entity ids, filled from the mentions at assembly
        "place_mention": None if e.place is None else _mention_ref(doc, e.place),
        "place_precision": e.place_precision,
        "actors": [],
        "actor_mentions": [{**_mention_ref(doc, m), "role": role} for m, role in e.actors],
        "killed": _bounds(e.killed),
        "injured": _bounds(e.injured),
        "notes": list(e.notes),
        "attribution": e.attribution,
        "event": None,  # the event group (reports of one event across documents), filled at assembly
    }


def layer_records(doc: Document) -> Iterator[tuple[str, dict[str, Any]]]:
    """(section, record) pairs for everything a document contributes on its own."""
    yield "documents", document_record(doc)
    for index, m in enumerate(doc.mentions):
        yield "mentions", {**_span(doc, m.start, m.end), "type": m.type, "entity": m.entity, "index": index}
    for q in doc.quantities:
        yield "quantities", {
            **_span(doc, q.start, q.end),
            "low": q.low,
            "high": q.high,
            "approximate": q.approximate,
            "unit": q.unit,
            "counted": q.counted,
            "counted_lemma": q.counted_lemma,
        }
    for t in doc.times:
        yield "times", {
            **_span(doc, t.start, t.end),
            "value_start": t.value_start,
            "value_end": t.value_end,
            "granularity": t.granularity,
            "relative": t.relative,
            "kind": t.kind,
            "duration_days": t.duration_days,
        }
    for a in doc.attributions:
        yield "attributions", _attribution(doc, a)
    for index, e in enumerate(doc.events):
        yield "events", _event(doc, index, e)
