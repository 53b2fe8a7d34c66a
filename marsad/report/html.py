"""report.html: a self-contained right-to-left page, written as a stream.

Every piece of article text goes through :func:`html.escape`; the page loads
nothing from the network.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from importlib import resources
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from marsad.analysis import Summary
    from marsad.corpus.stage import CorpusResult

_REMOVED_LABELS = {
    "caption": "تعليق صورة",
    "stamp": "ختم النشر",
    "section_label": "تصنيف القسم",
    "related": "اقرأ أيضا",
    "share": "أزرار المشاركة",
    "comment_form": "نموذج التعليق",
    "navigation": "تنقل",
    "stray": "علامات شاردة",
    "duplicate": "فقرة مكررة",
    "title_repeat": "عنوان مكرر",
    "boilerplate": "نص ثابت",
}


def _style() -> str:
    return resources.files("marsad.report").joinpath("report.css").read_text(encoding="utf-8")


def _text_html(record: dict[str, Any]) -> str:
    """The cleaned text as paragraphs, subheadings as headings (offsets from the record)."""
    text: str = record["text"]
    headings = {(h["start"], h["end"]) for h in record.get("headings", [])}
    parts = []
    start = 0
    for paragraph in text.split("\n\n"):
        end = start + len(paragraph)
        stripped = paragraph.strip()
        if stripped:
            tag = "h3" if (start, end) in headings else "p"
            parts.append(f'<{tag} data-start="{start}">{escape(stripped)}</{tag}>')
        start = end + 2
    return "\n".join(parts)


def _meta_row(label: str, value: object) -> str:
    shown = "—" if value in (None, "", []) else str(value)
    return f"<tr><th>{escape(label)}</th><td>{escape(shown)}</td></tr>"


def _document_html(record: dict[str, Any]) -> str:
    doc_id = escape(record["id"])
    title = escape(record.get("title") or record["id"])
    origins = "، ".join(f"{o.get('name', '')} ({o['role']})" for o in record.get("origins", []))
    rows = "".join(
        [
            _meta_row("المعرّف", record["id"]),
            _meta_row("المنفذ", record.get("outlet")),
            _meta_row("الكاتب", record.get("byline")),
            _meta_row("تاريخ النشر", record.get("published")),
            _meta_row("اللغة", record.get("language")),
            _meta_row("الرابط", record.get("url")),
            _meta_row("الملف", record.get("source_path")),
            _meta_row("نسخة من", record.get("duplicate_of")),
            _meta_row("القصة", record.get("story")),
            _meta_row("المصادر الأصلية", origins),
        ]
    )
    removed = "".join(
        f'<li><span class="kind">{escape(_REMOVED_LABELS.get(r["kind"], r["kind"]))}</span> {escape(r["text"])}</li>'
        for r in record.get("removed", [])
    )
    removed_html = f"<details><summary>ما حُذف ({len(record.get('removed', []))})</summary><ul>{removed}</ul></details>" if removed else ""
    direction = "rtl" if record.get("language") in ("ar", "fa", "ur", "he") else "ltr"
    return (
        f'<article id="doc-{doc_id}">\n<h2>{title}</h2>\n<table class="meta">{rows}</table>\n'
        f'<div class="text" dir="{direction}">{_text_html(record)}</div>\n{removed_html}\n</article>\n'
    )


def write_report(
    stream: IO[str], documents: Iterable[dict[str, Any]], result: CorpusResult, summary: Summary
) -> None:
    stream.write(
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>مرصد: تقرير التحليل</title>\n"
        f"<style>{_style()}</style>\n</head>\n<body>\n<header><h1>مرصد — تقرير التحليل</h1>\n"
        f'<p class="summary">وثائق محللة: {summary.done} · متروكة: {summary.skipped} · فاشلة: {summary.failed}'
        f" · قصص: {len(result.stories)} · كيانات: {len(result.entities)}</p></header>\n<main>\n"
    )
    for record in documents:
        stream.write(_document_html(record))
    stream.write("</main>\n</body>\n</html>\n")
