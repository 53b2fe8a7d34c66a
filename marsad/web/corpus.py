"""An analysis.json (contract ``marsad.analysis/1``) loaded once into the indexes the web view reads.

Records stay as the export has them; the indexes are dicts by id, each
document's annotations by section, each entity's mentions, the claim reported
at an offset, and one normalised string of every title and text for search.
Sentences are not in the export: they are split again from the text (the same
splitter as the pipeline, so an event's ``sentence`` index holds) when a page
needs them.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from math import ceil
from pathlib import Path
from typing import Any

from marsad.arabic.normalise import normalise, normalise_with_map
from marsad.arabic.sentences import split_sentences
from marsad.corpus.provenance import NAME_PREFIX
from marsad.errors import MissingInputError, ParseError
from marsad.report.export import DOCUMENT_SECTIONS, SCHEMA

PAGE_SIZE = 50
ANALYSIS_FILE = "analysis.json"
QUOTE_CONTEXT = 160  # characters of a sentence kept on each side of a quoted fact
ANNOTATION_SECTIONS = tuple(s for s in DOCUMENT_SECTIONS if s != "documents")
_DOCUMENT_SEPARATOR = "\x00"


@dataclass(frozen=True)
class Page:
    """One page of a list: its items, its number (from 1) and the number of pages."""

    items: Sequence[Any]
    number: int
    pages: int
    total: int


def paginate(items: Sequence[Any], number: int, size: int = PAGE_SIZE) -> Page:
    """Page ``number`` of ``items`` (clamped to the pages there are)."""
    pages = max(1, ceil(len(items) / size))
    number = min(max(1, number), pages)
    return Page(items[(number - 1) * size : number * size], number, pages, len(items))


@dataclass(frozen=True)
class Quote:
    """A fact in its sentence: ``before`` + ``focus`` + ``after`` is the sentence (shortened with …)."""

    doc: str
    start: int
    end: int
    before: str
    focus: str
    after: str


@lru_cache(maxsize=4096)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of a document's text, as the pipeline splits them."""
    return tuple((s.start, s.end) for s in split_sentences(text))


def search_pattern(query: str) -> re.Pattern[str] | None:
    """A case-blind pattern for the normalised words of ``query`` (any spacing between them); None for no words."""
    words = normalise(query).split()
    return re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE) if words else None


class Corpus:
    """Every section of one analysis, indexed for lookups by id and for search."""

    def __init__(self, analysis: dict[str, Any]) -> None:
        self.documents: dict[str, dict[str, Any]] = {d["id"]: d for d in analysis["documents"]}
        self.entities: dict[str, dict[str, Any]] = {e["id"]: e for e in analysis["entities"]}
        self.claims: dict[str, dict[str, Any]] = {c["id"]: c for c in analysis["claims"]}
        self.events: dict[str, dict[str, Any]] = {e["id"]: e for e in analysis["events"]}
        self.stories: dict[str, dict[str, Any]] = {s["id"]: s for s in analysis["stories"]}
        self.event_groups: dict[str, dict[str, Any]] = {g["id"]: g for g in analysis.get("event_groups", [])}
        annotations: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: {s: [] for s in ANNOTATION_SECTIONS})
        for section in ANNOTATION_SECTIONS:
            for record in analysis[section]:
                annotations[record["doc"]][section].append(record)
        self.annotations = dict(annotations)
        mentions_of = defaultdict(list)
        for mention in analysis["mentions"]:
            if mention.get("entity"):
                mentions_of[mention["entity"]].append(mention)
        self.mentions_of: dict[str, list[dict[str, Any]]] = dict(mentions_of)
        claims_in = defaultdict(list)
        self.claim_at: dict[tuple[str, int], str] = {}
        for claim in analysis["claims"]:
            for doc in dict.fromkeys(o["doc"] for o in claim["occurrences"]):
                claims_in[doc].append(claim)
            for occurrence in claim["occurrences"]:
                self.claim_at.setdefault((occurrence["doc"], occurrence["start"]), claim["id"])
        self.claims_in: dict[str, list[dict[str, Any]]] = dict(claims_in)
        self.source_names: dict[str, str] = {}
        for claim in analysis["claims"]:
            for key, name in claim.get("source_names", {}).items():
                self.source_names.setdefault(key, name)
        self.entity_list = sorted(self.entities.values(), key=lambda e: (-len(self.mentions_of.get(e["id"], [])), e["name"], e["id"]))
        self.claim_list = sorted(self.claims.values(), key=lambda c: -c.get("documents", len(c["occurrences"])))
        self._entity_names = [(e, normalise("\n".join([e["name"], e.get("name_en") or "", *e["aliases"]]))) for e in self.entity_list]
        self._document_ids = list(self.documents)
        self._document_order = {doc_id: index for index, doc_id in enumerate(self._document_ids)}
        self._document_starts: list[int] = []
        texts = []
        position = 0
        for record in self.documents.values():
            self._document_starts.append(position)
            searchable = normalise(f"{record.get('title') or ''}\n{record['text']}")
            texts.append(searchable)
            position += len(searchable) + len(_DOCUMENT_SEPARATOR)
        self._searchable = _DOCUMENT_SEPARATOR.join(texts)

    @classmethod
    def load(cls, path: Path) -> Corpus:
        """The analysis in an output folder of ``marsad analyze`` (or the analysis.json itself)."""
        file = path / ANALYSIS_FILE if path.is_dir() else path
        if not file.is_file():
            raise MissingInputError(f"no {ANALYSIS_FILE} here; run 'marsad analyze ... --out DIR' first", path=str(path))
        try:
            with file.open(encoding="utf-8") as stream:
                analysis = json.load(stream)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ParseError(f"not a JSON analysis: {exc}", path=str(file)) from None
        if not isinstance(analysis, dict) or analysis.get("schema") != SCHEMA:
            raise ParseError(f"not a {SCHEMA} analysis", path=str(file))
        return cls(analysis)

    @cached_property
    def figures(self) -> dict[str, Any]:
        """Counts for the home page and /api."""
        documents = self.documents.values()
        return {
            "documents": len(self.documents),
            "languages": dict(Counter(d.get("language") or "?" for d in documents).most_common()),
            "duplicates": sum(1 for d in documents if d.get("duplicate_of")),
            "stories": len(self.stories),
            "entities": len(self.entities),
            "entity_types": dict(Counter(e["type"] for e in self.entities.values()).most_common()),
            "mentions": sum(len(a["mentions"]) for a in self.annotations.values()),
            "quantities": sum(len(a["quantities"]) for a in self.annotations.values()),
            "times": sum(len(a["times"]) for a in self.annotations.values()),
            "attributions": sum(len(a["attributions"]) for a in self.annotations.values()),
            "claims": len(self.claims),
            "conflicting_claims": sum(1 for c in self.claims.values() if c.get("conflicts")),
            "events": len(self.events),
            "event_groups": len(self.event_groups),
        }

    def annotations_of(self, doc_id: str) -> dict[str, list[dict[str, Any]]]:
        """A document's mentions, quantities, times, attributions and events."""
        return self.annotations.get(doc_id) or {section: [] for section in ANNOTATION_SECTIONS}

    def sentence(self, doc_id: str, offset: int) -> tuple[int, int]:
        """The sentence of a document that holds ``offset`` (the whole text when none does)."""
        text = self.documents[doc_id]["text"]
        spans = sentence_spans(text)
        index = bisect_right(spans, offset, key=lambda span: span[0]) - 1
        if index >= 0 and offset < spans[index][1]:
            return spans[index]
        return 0, len(text)

    def quote(self, doc_id: str, start: int, end: int) -> Quote:
        """The span ``start:end`` of a document in its sentence."""
        text = self.documents[doc_id]["text"]
        first, last = self.sentence(doc_id, start)
        first, last = min(first, start), max(last, end)
        before = text[first:start]
        after = text[end:last]
        if len(before) > QUOTE_CONTEXT:
            before = "…" + before[-QUOTE_CONTEXT:]
        if len(after) > QUOTE_CONTEXT:
            after = after[:QUOTE_CONTEXT] + "…"
        return Quote(doc_id, start, end, before, text[start:end], after)

    def source(self, key: str) -> dict[str, Any]:
        """A claim's source or origin key (an entity id, or ``name:...`` for an unlinked name) as name and entity."""
        if key in self.entities:
            return {"key": key, "name": self.entities[key]["name"], "entity": key}
        return {"key": key, "name": self.source_names.get(key) or key.removeprefix(NAME_PREFIX), "entity": None}

    def named_entity(self, query: str) -> dict[str, Any] | None:
        """The entity of the corpus that the query names through the curated alias table (أميركا: the United States)."""
        from marsad.corpus.entities import curated_entity_id

        return self.entities.get(curated_entity_id(query) or "") if query.strip() else None

    def search_entities(self, query: str) -> list[dict[str, Any]]:
        """The entity the query names, then those whose name, English name or an alias holds it (normalised),
        most mentioned first."""
        pattern = search_pattern(query)
        named = self.named_entity(query)
        found = [] if pattern is None else [e for e, names in self._entity_names if pattern.search(names) and e is not named]
        return [named, *found] if named else found

    def search_documents(self, query: str) -> list[str]:
        """Ids of the documents whose title or text holds the query (normalised) or that mention the entity
        it names, in corpus order."""
        pattern = search_pattern(query)
        found = set()
        position = 0
        while pattern is not None and (match := pattern.search(self._searchable, position)):
            index = bisect_right(self._document_starts, match.start()) - 1
            found.add(index)
            if index + 1 == len(self._document_starts):
                break
            position = self._document_starts[index + 1]
        named = self.named_entity(query)
        if named is not None:
            found.update(self._document_order[m["doc"]] for m in self.mentions_of.get(named["id"], []))
        return [self._document_ids[index] for index in sorted(found)]

    def search_hit(self, doc_id: str, query: str) -> Quote | None:
        """Where a document matches the query, in its sentence: the first match in its text, else the first
        mention of the entity the query names (None when only the title matches)."""
        pattern = search_pattern(query)
        text = self.documents[doc_id]["text"]
        normalised, index = normalise_with_map(text)
        match = pattern.search(normalised) if pattern else None
        if match is not None:
            return self.quote(doc_id, index[match.start()], index[match.end() - 1] + 1)
        named = self.named_entity(query)
        mentions = [m for m in self.annotations_of(doc_id)["mentions"] if named and m.get("entity") == named["id"]]
        return self.quote(doc_id, mentions[0]["start"], mentions[0]["end"]) if mentions else None
