"""What the report and the web view show of a document, before any markup.

Both render a document's cleaned text as paragraphs (subheadings as headings)
with its annotations marked in place. This module cuts the text into plain
pieces and marked pieces by offsets; each renderer escapes the pieces itself.
It also holds the Arabic labels and the figure format both use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

TYPE_LABELS = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "GPE": "كيان سياسي", "NORP": "جماعة", "MISC": "أخرى"}
# Event types and sub-types (marsad/data/event_triggers.json) as a reader says them.
EVENT_LABELS = {
    "abduction": "خطف",
    "agreement": "اتفاق",
    "ceasefire": "وقف إطلاق النار",
    "airstrike": "غارة جوية",
    "air_strike": "غارة جوية",
    "drone_strike": "غارة بطائرة مسيرة",
    "arrest": "اعتقال",
    "attack": "هجوم",
    "attack_on_civilians": "هجوم على مدنيين",
    "battle": "معركة",
    "aircraft_downed": "إسقاط طائرة",
    "armed_clash": "اشتباك مسلح",
    "bombing": "تفجير",
    "explosion": "انفجار",
    "remote_explosive": "عبوة ناسفة",
    "suicide_bombing": "تفجير انتحاري",
    "detention": "احتجاز",
    "escape": "فرار",
    "desertion": "انشقاق",
    "execution": "إعدام",
    "shelling": "قصف مدفعي",
    "smuggling": "تهريب",
    "crossing": "عبور حدود",
    "surrender": "استسلام",
    "territory": "سيطرة على أرض",
    "capture": "سيطرة",
    "fall": "سقوط",
}


def event_label(event: dict[str, Any]) -> str:
    """An event's type and sub-type in Arabic (فرار / انشقاق), the codes where no label is known."""
    kind = EVENT_LABELS.get(event["type"], event["type"])
    sub_type = event.get("sub_type")
    if not sub_type or EVENT_LABELS.get(sub_type, sub_type) == kind:
        return kind
    return f"{kind} / {EVENT_LABELS.get(sub_type, sub_type)}"


REMOVED_LABELS = {
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

Annotations = dict[str, list[dict[str, Any]]]


def format_value(low: float | None, high: float | None) -> str:
    """A figure's value or range as it reads: ``400``, ``20,000–30,000``, ``≥ 5``, ``?``."""

    def number(x: float) -> str:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"

    if low is None and high is None:
        return "?"
    if low is None:
        return f"≤ {number(high)}"  # type: ignore[arg-type]
    if high is None:
        return f"≥ {number(low)}"
    return number(low) if low == high else f"{number(low)}–{number(high)}"


@dataclass(frozen=True)
class Mark:
    """An annotation to mark in the text: its section (``mentions``, ``events``...), CSS class and tooltip."""

    start: int
    end: int
    section: str
    css: str
    title: str
    record: dict[str, Any] = field(compare=False, repr=False)


def annotation_marks(annotations: Annotations) -> list[Mark]:
    """A mark for everything worth marking in a document's text."""
    marks = []
    for m in annotations.get("mentions", []):
        title = f"{TYPE_LABELS.get(m['type'], m['type'])} {m.get('entity') or ''}"
        marks.append(Mark(m["start"], m["end"], "mentions", f"m m-{m['type']}", title, m))
    for q in annotations.get("quantities", []):
        unit = f" {q['unit']}" if q.get("unit") else ""
        approx = " تقريبا" if q.get("approximate") else ""
        marks.append(Mark(q["start"], q["end"], "quantities", "q", f"{format_value(q['low'], q['high'])}{unit}{approx}", q))
    for t in annotations.get("times", []):
        title = f"{t.get('value_start') or '?'} … {t.get('value_end') or '?'} ({t['granularity']})"
        marks.append(Mark(t["start"], t["end"], "times", "t", title, t))
    for a in annotations.get("attributions", []):
        marks.append(Mark(a["start"], a["end"], "attributions", "cue", f"المصدر: {a['source']['text']}", a))
    for e in annotations.get("events", []):
        marks.append(Mark(e["start"], e["end"], "events", "ev", f"حدث: {event_label(e)}", e))
    return marks


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    heading: bool


def paragraphs(record: dict[str, Any]) -> list[Paragraph]:
    """The non-blank paragraphs of a document record's text (blocks between blank lines)."""
    headings = {(h["start"], h["end"]) for h in record.get("headings", [])}
    found = []
    start = 0
    for block in record["text"].split("\n\n"):
        end = start + len(block)
        if block.strip():
            found.append(Paragraph(start, end, (start, end) in headings))
        start = end + 2
    return found


@dataclass(frozen=True)
class Piece:
    """A run of text between two cuts; ``mark`` covers it, ``opens`` when the mark starts here."""

    start: int
    end: int
    text: str
    mark: Mark | None
    opens: bool


def pieces(text: str, start: int, end: int, marks: Iterable[Mark], cuts: Iterable[int] = ()) -> list[Piece]:
    """``text[start:end]`` cut at its marks (non-overlapping: the earliest, then the longest, wins) and at ``cuts``."""
    chosen: list[Mark] = []
    cursor = start
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start >= cursor and mark.end <= end and mark.start >= start:
            chosen.append(mark)
            cursor = mark.end
    bounds = sorted({start, end, *(m.start for m in chosen), *(m.end for m in chosen), *(c for c in cuts if start < c < end)})
    found = []
    index = 0
    for a, b in pairwise(bounds):
        while index < len(chosen) and chosen[index].end <= a:
            index += 1
        mark = chosen[index] if index < len(chosen) and chosen[index].start <= a else None
        found.append(Piece(a, b, text[a:b], mark, mark is not None and mark.start == a))
    return found


def metadata_rows(record: dict[str, Any]) -> list[tuple[str, str, Any]]:
    """(field, Arabic label, value) for a document's metadata table."""
    origins = " ← ".join(f"{o.get('name', '')} ({o['role']})" for o in record.get("origins", []))
    return [
        ("id", "المعرّف", record["id"]),
        ("outlet", "المنفذ", record.get("outlet")),
        ("byline", "الكاتب", record.get("byline")),
        ("published", "تاريخ النشر", record.get("published")),
        ("language", "اللغة", record.get("language")),
        ("url", "الرابط", record.get("url")),
        ("source_path", "الملف", record.get("source_path")),
        ("duplicate_of", "نسخة من", record.get("duplicate_of")),
        ("story", "القصة", record.get("story")),
        ("origins", "المصادر الأصلية", origins),
    ]


def text_direction(record: dict[str, Any]) -> str:
    return "rtl" if record.get("language") in ("ar", "fa", "ur", "he") else "ltr"
