"""The cross-document stage: fed one document at a time, it keeps only compact signatures.

When the stream ends, :meth:`CorpusStage.finish` links mentions into entities,
finds duplicates and stories, merges the reports of one event, and returns
what the export needs to fill the cross-document fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from marsad.corpus.claims import ClaimBuilder
from marsad.corpus.duplicates import DuplicateIndex
from marsad.corpus.entities import EntityLinker
from marsad.corpus.events import EventRecord, group_id, group_json, linked, merge_events
from marsad.corpus.signatures import Signature
from marsad.corpus.stories import StoryIndex
from marsad.settings import Settings

_BATCH = 4096
"""Signatures buffered before they go to the duplicate and story indexes in bulk."""


@dataclass
class CorpusResult:
    duplicate_of: dict[str, str] = field(default_factory=dict)
    story_of: dict[str, str] = field(default_factory=dict)
    stories: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    mention_entity: dict[tuple[str, int, int], str] = field(default_factory=dict)
    claims: list[dict[str, Any]] = field(default_factory=list)
    event_groups: list[dict[str, Any]] = field(default_factory=list)
    event_of: dict[str, str] = field(default_factory=dict)  # event id -> id of the event group it reports
    document_extra: dict[str, dict[str, Any]] = field(default_factory=dict)

    @cached_property
    def entity_ids(self) -> frozenset[str]:
        return frozenset(entity["id"] for entity in self.entities)


class CorpusStage:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._linker = EntityLinker()
        self._claims = ClaimBuilder()
        self._duplicates = DuplicateIndex(threshold=settings.duplicate_threshold, num_perm=settings.minhash_permutations)
        self._stories = StoryIndex.from_settings(settings)
        self._pending: list[Signature] = []
        self._events: list[EventRecord] = []

    def add(self, signature: Signature) -> None:
        self._linker.add_document(signature.doc_id, signature.mentions, signature.home_country)
        self._claims.add(signature.claims)
        self._events.extend(signature.events)
        self._pending.append(signature)
        if len(self._pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        self._duplicates.insert_batch(self._pending)
        self._stories.insert_batch(self._pending)
        self._pending = []

    def finish(self) -> CorpusResult:
        self._flush()
        linking = self._linker.finish()
        duplicate_of = self._duplicates.duplicates()
        stories = self._stories.stories(duplicate_of)
        story_of = {doc_id: story.id for story in stories for doc_id in story.documents}
        events = merge_events(linked(record, linking.mention_entity, story_of) for record in self._events)
        return CorpusResult(
            duplicate_of=duplicate_of,
            story_of=story_of,
            stories=[story.as_json() for story in stories],
            entities=linking.entities_json(),
            mention_entity=linking.mention_entity,
            claims=self._claims.finish(linking.mention_entity, story_of),
            event_groups=[group_json(group) for group in events],
            event_of={record.id: group_id(group) for group in events for record in group},
        )
