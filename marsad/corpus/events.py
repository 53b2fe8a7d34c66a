"""One event reported in several documents, merged across the corpus.

Each document's events come in as compact :class:`EventRecord` s in its
signature; the corpus stage fills in their place entity and story
(:func:`linked`) and merges them. Two records name the same event when they
come from different documents and agree on what can be checked: the same type,
the same story, the same place entity (when both are known) and compatible
dates (days at most ``max_days`` apart; a month or a year holds any day inside
it). Reports in different stories (story grouping misses short or distant
reports) are one event only when both name the same town and a day. Casualty
figures are not compared: reports of one event often give different tolls,
and the merged event keeps them all in the conservative range (ACLED's rule,
the dispute noted).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from marsad.document import Document
from marsad.extract.events import conservative_range

Figure = tuple[float | None, float | None]


def event_id(doc: str, index: int) -> str:
    """The export id of a document's ``index``-th event."""
    return f"{doc}#ev{index}"


@dataclass(frozen=True, slots=True)
class EventRecord:
    """What the cross-document stage keeps of one per-document event."""

    doc: str
    type: str
    trigger: tuple[int, int]  # offsets into the document's text
    index: int = 0  # position among the document's events
    date: str | None = None  # ISO day, month, year or interval, as in Event.date
    place: str | None = None  # entity id, filled by the corpus stage
    place_mention: tuple[int, int] | None = None  # offsets of the place mention, linked to ``place``
    place_precision: int | None = None  # as in Event.place_precision: 1 town, 2 region, 3 province or country
    killed: Figure | None = None
    injured: Figure | None = None
    story: str | None = None
    sentence: tuple[int, int] | None = None  # offsets of the sentence that reports it
    attribution: int | None = None  # index into the document's attributions

    @property
    def id(self) -> str:
        return event_id(self.doc, self.index)


def event_records(doc: Document) -> list[EventRecord]:
    """The compact records of a document's events, for its signature."""
    records = []
    for index, event in enumerate(doc.events):
        place = doc.mentions[event.place] if event.place is not None else None
        sentence = doc.sentences[event.sentence] if event.sentence is not None and event.sentence < len(doc.sentences) else None
        records.append(
            EventRecord(
                doc.id,
                event.type,
                (event.start, event.end),
                index,
                date=event.date,
                place_mention=(place.start, place.end) if place else None,
                place_precision=event.place_precision,
                killed=event.killed,
                injured=event.injured,
                sentence=(sentence.start, sentence.end) if sentence else None,
                attribution=event.attribution,
            )
        )
    return records


def linked(record: EventRecord, mention_entity: Mapping[tuple[str, int, int], str], story_of: Mapping[str, str]) -> EventRecord:
    """The record with its place mention's entity and its document's story."""
    place = mention_entity.get((record.doc, *record.place_mention)) if record.place_mention else None
    return dataclasses.replace(record, place=place, story=story_of.get(record.doc))


def merge_events(records: Iterable[EventRecord], max_days: int = 1) -> list[tuple[EventRecord, ...]]:
    """Groups of records that report one event, each sorted, in a stable order (singletons included).

    A record is compared only with the groups that share one of its blocks
    (:func:`_blocks`), so merging stays near linear in the corpus.
    """
    groups: list[list[EventRecord]] = []
    by_block: dict[tuple, set[int]] = {}
    for record in sorted(records, key=lambda r: (r.type, r.date or "", r.doc, r.trigger)):
        blocks = _blocks(record)
        candidates = sorted({g for block in blocks for g in by_block.get(block, ())})
        found = next((g for g in candidates if all(_same_event(record, member, max_days) for member in groups[g])), None)
        if found is None:
            found = len(groups)
            groups.append([])
        groups[found].append(record)
        for block in blocks:
            by_block.setdefault(block, set()).add(found)
    merged = (tuple(sorted(g, key=lambda r: (r.doc, r.trigger))) for g in groups)
    return sorted(merged, key=lambda g: (g[0].doc, g[0].trigger))


def _blocks(record: EventRecord) -> list[tuple]:
    """Keys under which a record may meet the others of its event: its story, and its town on its day."""
    blocks: list[tuple] = [("story", record.type, record.story)]
    if _located(record):
        blocks.append(("place", record.type, record.place))
    return blocks


def _located(record: EventRecord) -> bool:
    """Whether a record names its town (ACLED geo-precision 1) and its day."""
    return bool(record.place and record.place_precision == 1 and record.date and len(record.date) == 10)


def _same_event(first: EventRecord, second: EventRecord, max_days: int) -> bool:
    if first.doc == second.doc:
        return False  # a document's own repeats are merged when it is analysed
    if first.place and second.place and first.place != second.place:
        return False
    if first.story != second.story and not (_located(first) and _located(second)):
        return False  # outside one story, only a town and a day tell one event from another
    return _dates_agree(first.date, second.date, max_days)


def _dates_agree(first: str | None, second: str | None, max_days: int) -> bool:
    if not first or not second:
        return True
    first, second = first.split("/")[0], second.split("/")[0]
    if len(first) < 10 or len(second) < 10:  # a month or a year holds the other date
        return first.startswith(second) or second.startswith(first)
    return abs((date.fromisoformat(first) - date.fromisoformat(second)).days) <= max_days


def group_id(group: tuple[EventRecord, ...]) -> str:
    """A stable id from the group's first report."""
    return "V" + hashlib.blake2b(group[0].id.encode(), digest_size=5).hexdigest()


def group_json(group: tuple[EventRecord, ...]) -> dict[str, Any]:
    """One event as the corpus reports it: what its reports agree on, the tolls' conservative range, and the reports."""
    notes: list[str] = []
    dates = sorted({r.date for r in group if r.date}, key=lambda d: (-len(d.split("/")[0]), d))
    places = sorted({r.place for r in group if r.place})
    return {
        "id": group_id(group),
        "type": group[0].type,
        "date": dates[0] if dates else None,
        "place": places[0] if places else None,
        "killed": _bounds(conservative_range([r.killed for r in group if r.killed], "killed", notes)),
        "injured": _bounds(conservative_range([r.injured for r in group if r.injured], "injured", notes)),
        "notes": notes,
        "reports": [
            {
                "event": r.id,
                "doc": r.doc,
                "sentence": {"start": r.sentence[0], "end": r.sentence[1]} if r.sentence else None,
                "attribution": r.attribution,
            }
            for r in group
        ],
    }


def _bounds(pair: Figure | None) -> dict[str, float | None] | None:
    return None if pair is None else {"low": pair[0], "high": pair[1]}
