"""report.html: a self-contained right-to-left page, written as a stream.

The corpus-level sections (stories, entities, claims, events) come first; then
every document with its metadata, its cleaned text with the annotations marked
in place, and what cleaning removed. Every fact links to the place in the text
it comes from (``#DOC-c<offset>``). All article text goes through
:func:`html.escape`; the page loads nothing from the network.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from importlib import resources
from typing import IO, TYPE_CHECKING, Any

from marsad.report.spans import (
    EVENT_LABELS,
    REMOVED_LABELS,
    TYPE_LABELS,
    Annotations,
    Mark,
    Paragraph,
    annotation_marks,
    format_value,
    metadata_rows,
    paragraphs,
    pieces,
    text_direction,
)

if TYPE_CHECKING:
    from marsad.analysis import Summary
    from marsad.corpus.stage import CorpusResult


def _style() -> str:
    return resources.files("marsad.report").joinpath("report.css").read_text(encoding="utf-8")


def _anchor(doc_id: str, start: int) -> str:
    return f"{doc_id}-c{start}"


def _link(doc_id: str, start: int, label: str) -> str:
    return f'<a href="#{escape(_anchor(doc_id, start))}">{escape(label)}</a>'


def _paragraph_html(text: str, paragraph: Paragraph, marks: list[Mark], doc_id: str) -> str:
    """Escaped text of the paragraph with its marks as spans."""
    parts = []
    for piece in pieces(text, paragraph.start, paragraph.end, marks):
        if piece.mark is None:
            parts.append(escape(piece.text))
        else:
            anchor = escape(_anchor(doc_id, piece.start))
            parts.append(f'<span id="{anchor}" class="{piece.mark.css}" title="{escape(piece.mark.title)}">{escape(piece.text)}</span>')
    return "".join(parts)


def _text_html(record: dict[str, Any], annotations: Annotations) -> str:
    """The cleaned text as paragraphs, subheadings as headings, annotations marked."""
    marks = annotation_marks(annotations)
    parts = []
    for paragraph in paragraphs(record):
        tag = "h3" if paragraph.heading else "p"
        anchor = escape(_anchor(record["id"], paragraph.start))
        parts.append(f'<{tag} id="{anchor}">{_paragraph_html(record["text"], paragraph, marks, record["id"])}</{tag}>')
    return "\n".join(parts)


def _meta_row(label: str, value: object) -> str:
    shown = "—" if value in (None, "", []) else str(value)
    return f"<tr><th>{escape(label)}</th><td>{escape(shown)}</td></tr>"


def _attributions_html(record: dict[str, Any], annotations: Annotations) -> str:
    items = []
    text = record["text"]
    for a in annotations.get("attributions", []):
        via = "، ".join(v["text"] for v in a.get("via", []))
        content = text[a["content_start"] : a["content_end"]]
        short = content if len(content) <= 160 else content[:160] + "…"
        via_html = f' <span class="via">عبر {escape(via)}</span>' if via else ""
        items.append(
            f"<li>{_link(record['id'], a['start'], a['cue'])} — <b>{escape(a['source']['text'])}</b>{via_html}: "
            f"<q>{escape(short)}</q></li>"
        )
    return f'<details><summary>من قال ماذا ({len(items)})</summary><ul>{"".join(items)}</ul></details>' if items else ""


def _document_html(record: dict[str, Any], annotations: Annotations) -> str:
    doc_id = escape(record["id"])
    title = escape(record.get("title") or record["id"])
    rows = "".join(_meta_row(label, value) for _, label, value in metadata_rows(record))
    removed = "".join(
        f'<li><span class="kind">{escape(REMOVED_LABELS.get(r["kind"], r["kind"]))}</span> {escape(r["text"])}</li>'
        for r in record.get("removed", [])
    )
    removed_html = f"<details><summary>ما حُذف ({len(record.get('removed', []))})</summary><ul>{removed}</ul></details>" if removed else ""
    direction = text_direction(record)
    return (
        f'<article id="doc-{doc_id}">\n<h2>{title}</h2>\n<table class="meta">{rows}</table>\n'
        f'<div class="text" dir="{direction}">{_text_html(record, annotations)}</div>\n'
        f"{_attributions_html(record, annotations)}\n{removed_html}\n</article>\n"
    )


def _stories_html(result: CorpusResult) -> str:
    if not result.stories:
        return ""
    rows = []
    for story in result.stories:
        documents = "، ".join(f'<a href="#doc-{escape(d)}">{escape(d)}</a>' for d in story["documents"])
        rows.append([escape(story["title"]), escape(story.get("first_seen") or "—"), escape(story.get("last_seen") or "—"), documents])
    return _table_section("القصص", ["العنوان", "أول ظهور", "آخر ظهور", "الوثائق"], rows)


def _table_section(title: str, headers: list[str], rows: list[list[str]], *, folded: bool = False) -> str:
    """A titled table of already escaped cells; ``folded`` tables open on a click."""
    heading = f"<h2>{title} ({len(rows)})</h2>"
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    table = f"<table><tr>{head}</tr>{body}</table>"
    return f"<section><details><summary>{heading}</summary>{table}</details></section>" if folded else f"<section>{heading}{table}</section>"


def _entities_html(result: CorpusResult) -> str:
    if not result.entities:
        return ""
    rows = []
    for e in result.entities:
        geo = e.get("geo") or {}
        where = f"{geo['lat']:.3f}, {geo['lon']:.3f} ({geo.get('country') or '?'})" if geo.get("lat") is not None else "—"
        aliases = "، ".join(a for a in e.get("aliases", []) if a != e["name"])
        cells = [e["name"], e.get("name_en") or "", TYPE_LABELS.get(e["type"], e["type"]), aliases, where]
        rows.append([escape(cell) for cell in cells])
    return _table_section("الكيانات", ["الاسم", "بالإنجليزية", "النوع", "صيغ أخرى", "الموقع"], rows, folded=True)


def _claims_html(result: CorpusResult, most: int) -> str:
    """The claims, or the ``most`` reported in the most documents (then in order of appearance)."""
    if not result.claims:
        return ""
    claims = result.claims
    if most and len(claims) > most:
        claims = sorted(claims, key=lambda c: -c["documents"])[:most]
    items = []
    for c in claims:
        occurrences = "، ".join(_link(o["doc"], o["start"], o["doc"]) for o in c["occurrences"])
        conflicts = f' <span class="conflict">تعارض: {len(c["conflicts"])}</span>' if c.get("conflicts") else ""
        items.append(
            f"<li>{escape(c['summary'])} — مصادر مستقلة: {c['independent_origins']}{conflicts}<br>"
            f'<span class="small">في: {occurrences}</span></li>'
        )
    shown = f"{len(items)} من {len(result.claims)}، الأكثر تكرارا" if len(items) < len(result.claims) else f"{len(items)}"
    return f"<section><h2>الادعاءات ({shown})</h2><ul>{''.join(items)}</ul></section>"


def _events_html(result: CorpusResult, most: int) -> str:
    """Events, one row per happening however many documents report it (the ``most`` reported, 0: all),
    each report linked to its sentence."""
    if not result.event_groups:
        return ""
    groups = result.event_groups
    if most and len(groups) > most:
        groups = sorted(groups, key=lambda g: -len(g["reports"]))[:most]
    names = {e["id"]: e["name"] for e in result.entities}
    rows = []
    for group in groups:
        reports = "، ".join(_link(r["doc"], r["sentence"]["start"], r["doc"]) for r in group["reports"])
        cells = [
            EVENT_LABELS.get(group["type"], group["type"]),
            group.get("date") or "—",
            names.get(group.get("place") or "", "—"),
            *(format_value(figure["low"], figure["high"]) if figure else "—" for figure in (group.get("killed"), group.get("injured"))),
        ]
        rows.append([escape(cell) for cell in cells] + [reports])
    title = f"الأحداث الأكثر تكرارا من {len(result.event_groups)}" if len(rows) < len(result.event_groups) else "الأحداث"
    return _table_section(title, ["الحدث", "التاريخ", "المكان", "القتلى", "الجرحى", "في"], rows)


def write_report(
    stream: IO[str],
    documents: Iterable[tuple[dict[str, Any], Annotations]],
    result: CorpusResult,
    summary: Summary,
    *,
    max_documents: int = 0,
    max_claims: int = 0,
    max_events: int = 0,
) -> None:
    """The page; ``max_documents``, ``max_claims`` and ``max_events`` (0: all) keep a large corpus's page
    small enough to open."""
    stream.write(
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>مرصد: تقرير التحليل</title>\n"
        f"<style>{_style()}</style>\n</head>\n<body>\n<header><h1>مرصد — تقرير التحليل</h1>\n"
        f'<p class="summary">وثائق محللة: {summary.done} · متروكة: {summary.skipped} · فاشلة: {summary.failed}'
        f" · قصص: {len(result.stories)} · كيانات: {len(result.entities)} · ادعاءات: {len(result.claims)}</p></header>\n<main>\n"
        f"{_stories_html(result)}{_claims_html(result, max_claims)}{_events_html(result, max_events)}"
        f"{_entities_html(result)}\n"
    )
    for shown, (record, layers) in enumerate(documents):
        if max_documents and shown == max_documents:
            stream.write(
                f'<p class="summary">الوثائق المعروضة: أول {max_documents} من {summary.done}؛'
                " البقية في analysis.json.</p>\n"
            )
            break
        stream.write(_document_html(record, layers))
    stream.write("</main>\n</body>\n</html>\n")
