"""One event reported in several documents, merged across the corpus.

Each document's events come in as compact :class:`EventRecord` s. Two records
name the same event when they come from different documents and agree on
what can be checked: the same type, the same story (when both are known), the
same place entity (when both are known) and compatible dates (days at most
``max_days`` apart; a month or a year holds any day inside it). Casualty
figures are not compared: reports of one event often give different tolls,
and the merged event keeps them all for the conservative range.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class EventRecord:
    """What the cross-document stage keeps of one per-document event."""

    doc: str
    type: str
    trigger: tuple[int, int]  # offsets into the document's text
    date: str | None = None  # ISO day, month, year or interval, as in Event.date
    place: str | None = None  # entity id
    killed: tuple[float | None, float | None] | None = None
    injured: tuple[float | None, float | None] | None = None
    story: str | None = None


def merge_events(records: Iterable[EventRecord], max_days: int = 1) -> list[tuple[EventRecord, ...]]:
    """Groups of records that report one event, each sorted, in a stable order (singletons included)."""
    ordered = sorted(records, key=lambda r: (r.type, r.date or "", r.doc, r.trigger))
    groups: list[list[EventRecord]] = []
    for record in ordered:
        for group in groups:
            if all(_same_event(record, member, max_days) for member in group):
                group.append(record)
                break
        else:
            groups.append([record])
    return sorted((tuple(sorted(g, key=lambda r: (r.doc, r.trigger))) for g in groups), key=lambda g: (g[0].doc, g[0].trigger))


def _same_event(first: EventRecord, second: EventRecord, max_days: int) -> bool:
    if first.doc == second.doc or first.type != second.type:
        return False  # a document's own repeats are merged when it is analysed
    if first.story and second.story and first.story != second.story:
        return False
    if first.place and second.place and first.place != second.place:
        return False
    return _dates_agree(first.date, second.date, max_days)


def _dates_agree(first: str | None, second: str | None, max_days: int) -> bool:
    if not first or not second:
        return True
    first, second = first.split("/")[0], second.split("/")[0]
    if len(first) < 10 or len(second) < 10:  # a month or a year holds the other date
        return first.startswith(second) or second.startswith(first)
    return abs((date.fromisoformat(first) - date.fromisoformat(second)).days) <= max_days
