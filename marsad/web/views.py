"""What the pages show, built from a loaded corpus before any markup: links, and a document's text cut into
segments that the template escapes and marks (nothing here is HTML)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from marsad.report.spans import TYPE_LABELS, Mark, annotation_marks, paragraphs, pieces
from marsad.web.corpus import Corpus

FOCUS_ANCHOR = "hl"


def href(kind: str, record_id: str) -> str:
    """The page of a record: ``/documents/ID``, ``/entities/ID``... (any id, quoted whole)."""
    return f"/{kind}/{quote(record_id, safe='')}"


def fact_href(doc_id: str, start: int, end: int) -> str:
    """A span of a document, highlighted in its sentence in the document page."""
    return f"{href('documents', doc_id)}?hl={start}-{end}#{FOCUS_ANCHOR}"


def _entity_href(corpus: Corpus, entity: str | None) -> str | None:
    return href("entities", entity) if entity in corpus.entities else None


def mark_href(corpus: Corpus, mark: Mark) -> str | None:
    """Where a marked span leads: an event to its page, a name to its entity, a figure or a statement
    to the claim it makes (a statement that makes none to the entity that said it)."""
    record = mark.record
    if mark.section == "events":
        return href("events", record["id"])
    if mark.section == "mentions":
        return _entity_href(corpus, record.get("entity"))
    if mark.section == "quantities":
        claim = corpus.claim_at.get((record["doc"], record["start"]))
        return href("claims", claim) if claim else None
    if mark.section == "attributions":
        claim = corpus.claim_at.get((record["doc"], record["content_start"]))
        return href("claims", claim) if claim else _entity_href(corpus, record["source"].get("entity"))
    return None


def mark_title(corpus: Corpus, mark: Mark) -> str:
    """A mark's tooltip, naming a mention's entity rather than giving its id."""
    entity = corpus.entities.get(mark.record.get("entity") or "") if mark.section == "mentions" else None
    return f"{TYPE_LABELS.get(entity['type'], entity['type'])}: {entity['name']}" if entity else mark.title


def parse_span(value: str | None, length: int) -> tuple[int, int] | None:
    """``START-END`` from a query string, when it is a span of a text of ``length`` characters."""
    start, sep, end = (value or "").partition("-")
    if not (sep and start.isdigit() and end.isdigit()):
        return None
    span = int(start), int(end)
    return span if span[0] < span[1] <= length else None


@dataclass(frozen=True)
class Segment:
    """A run of a document's text with what marks it: ``anchor`` is the id of a mark's first segment,
    ``focus`` the requested span, ``in_sentence`` the sentence around it, ``opens_focus`` its first segment."""

    text: str
    mark: Mark | None
    title: str
    link: str | None
    anchor: str | None
    focus: bool
    in_sentence: bool
    opens_focus: bool


@dataclass(frozen=True)
class ParagraphView:
    start: int
    heading: bool
    segments: list[Segment]


def document_text(corpus: Corpus, record: dict[str, Any], focus: tuple[int, int] | None) -> list[ParagraphView]:
    """The document's paragraphs with its annotations marked and linked, and the focused span in its sentence."""
    text = record["text"]
    marks = annotation_marks(corpus.annotations_of(record["id"]))
    sentence = corpus.sentence(record["id"], focus[0]) if focus else (0, 0)
    cuts = (*focus, *sentence) if focus else ()
    views = []
    for paragraph in paragraphs(record):
        segments = []
        for piece in pieces(text, paragraph.start, paragraph.end, marks, cuts):
            in_focus = focus is not None and focus[0] <= piece.start < focus[1]
            segments.append(
                Segment(
                    text=piece.text,
                    mark=piece.mark,
                    title=mark_title(corpus, piece.mark) if piece.mark else "",
                    link=mark_href(corpus, piece.mark) if piece.mark else None,
                    anchor=f"c{piece.start}" if piece.opens else None,
                    focus=in_focus,
                    in_sentence=sentence[0] <= piece.start < sentence[1],
                    opens_focus=in_focus and piece.start == focus[0],  # type: ignore[index]
                )
            )
        views.append(ParagraphView(paragraph.start, paragraph.heading, segments))
    return views
