"""The cross-document stage: fed one document at a time, it keeps only compact signatures.

When the stream ends, :meth:`CorpusStage.finish` links mentions into entities,
finds duplicates and stories, and returns what the export needs to fill the
cross-document fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.corpus.claims import ClaimBuilder, ClaimOccurrence, claim_occurrences
from marsad.corpus.entities import EntityLinker, MentionRecord, mention_records
from marsad.document import Document
from marsad.settings import Settings


@dataclass
class CorpusResult:
    duplicate_of: dict[str, str] = field(default_factory=dict)
    story_of: dict[str, str] = field(default_factory=dict)
    stories: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    mention_entity: dict[tuple[str, int, int], str] = field(default_factory=dict)
    claims: list[dict[str, Any]] = field(default_factory=list)
    document_extra: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Signature:
    """The compact form of a document that the cross-document stage works on."""

    doc_id: str
    order: int
    mentions: tuple[MentionRecord, ...]
    claims: tuple[ClaimOccurrence, ...]


def make_signature(doc: Document, order: int, settings: Settings) -> Signature:
    """Built in the worker process, from the analysed document."""
    return Signature(doc.id, order, tuple(mention_records(doc)), tuple(claim_occurrences(doc, order)))


class CorpusStage:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._linker = EntityLinker()
        self._claims = ClaimBuilder()

    def add(self, signature: Signature) -> None:
        self._linker.add_document(signature.doc_id, signature.mentions)
        self._claims.add(signature.claims)

    def finish(self) -> CorpusResult:
        linking = self._linker.finish()
        story_of: dict[str, str] = {}
        return CorpusResult(
            entities=linking.entities_json(),
            mention_entity=linking.mention_entity,
            claims=self._claims.finish(linking.mention_entity, story_of),
        )
