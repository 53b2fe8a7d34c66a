"""Cross-document entity linking: mentions become entities across spellings and documents.

Every mention gets a key by dictionary look-ups only, so linking is linear in
the number of mentions:

1. a curated name (``marsad/data/aliases.json``: داعش = تنظيم الدولة الإسلامية =
   ISIS) gives its entry; a capital named as a government (GPE: تقول واشنطن)
   gives its country; a short form (المرصد) counts only in a document that
   names the entity in full;
2. a person named in short joins the one fuller name in the same document
   that ends (إيهو after أوتسو إيهو) or starts with it; after all documents, a
   surname alone also joins the one full name it ends, across documents
   (a first name alone never does);
3. a place is keyed by its GeoNames id (الرقة, مدينة الرقة and رقه are one
   place), disambiguated by the other places of its document; an area around a
   place (ريف حلب الشمالي) is an entity of its own with approximate coordinates;
4. anything else by its type and normalised name (:func:`marsad.extract.places.name_key`), with the
   spellings of one name made one (:func:`spelling_key`: عبدالعزيز = عبد العزيز, سامسونغ = سامسونج).

Entity ids are ``E`` + a hash of the key, so they do not depend on input order.
"""

from __future__ import annotations

import dataclasses
import hashlib
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from marsad.document import ENTITY_TYPES, GPE, LOC, MISC, ORG, PER, Document
from marsad.extract.attributions import outlet_named
from marsad.extract.entities import AliasEntry, alias_table, may_stand_for_a_full_name, outlet_keys
from marsad.extract.places import (
    COUNTRY,
    Place,
    country_place,
    document_countries,
    geocode,
    is_qualified,
    name_key,
    strip_article,
)

_PLACE_TYPES = frozenset((LOC, GPE))
_ID_DIGITS = 10


# Words before a mention looked at for a curated name that begins with a title (الملك سلمان).
_TITLE_WORDS = 2
# First halves of compound names written joined or apart (عبدالعزيز، عبد العزيز، أبوبكر), as name_key gives them.
_COMPOUND_HEADS = ("عبد", "ابو")
_FINAL_GHAIN = regex.compile(r"غ\b")
# The shortest second half split off a joined compound without the article (عبدربه, not عبدون).
_MIN_COMPOUND_REST = 3
# How many times as many mentions as the other full names ending with a surname the one it joins must have.
_SURNAME_DOMINANCE = 3


@dataclass(frozen=True, slots=True)
class MentionRecord:
    """What linking needs of a mention: its offsets, surface text and type, and the curated
    name it ends when the words before it are that name's title (الملك before سلمان)."""

    start: int
    end: int
    text: str
    type: str
    titled: str = ""


def mention_records(doc: Document) -> list[MentionRecord]:
    starts = [token.start for token in doc.tokens]
    return [
        MentionRecord(m.start, m.end, doc.text[m.start : m.end], m.type, _titled_name(doc, starts, m.start, m.end))
        for m in doc.mentions
    ]


def _titled_name(doc: Document, starts: list[int], start: int, end: int) -> str:
    """The mention with the one or two words before it, when that is a curated name (الملك سلمان)."""
    first = bisect_left(starts, start)
    by_key = alias_table().by_key
    for count in range(_TITLE_WORDS, 0, -1):
        if first - count >= 0:
            titled = doc.text[doc.tokens[first - count].start : end]
            if "\n" not in titled and name_key(titled) in by_key:
                return titled
    return ""


@dataclass(slots=True)
class Entity:
    """An entity and what its mentions said about it."""

    id: str
    key: str
    entry: AliasEntry | None = None
    place: Place | None = None
    types: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)

    @property
    def type(self) -> str:
        if self.entry is not None:
            return self.entry.type
        if self.place is not None and self.place.kind == COUNTRY:
            return GPE
        return min(self.types, key=lambda t: (-self.types[t], ENTITY_TYPES.index(t)))

    @property
    def name(self) -> str:
        if self.entry is not None:
            return self.entry.name
        if self.type == PER:  # the fullest form of a person's name
            return min(self.surfaces, key=lambda s: (-len(s.split()), -self.surfaces[s], s))
        return min(self.surfaces, key=lambda s: (-self.surfaces[s], -len(s), s))

    @property
    def name_en(self) -> str | None:
        if self.entry is not None and self.entry.name_en:
            return self.entry.name_en
        if self.place is not None:
            return self.place.name_en
        if self.type == ORG and (outlet := outlet_named(self.name, alone=True)) is not None:
            return outlet.name
        latin = sorted(s for s in self.surfaces if s.isascii())
        return latin[0] if latin else None

    def as_json(self) -> dict[str, Any]:
        """The entity as the export contract has it."""
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "name_en": self.name_en,
            "aliases": sorted(self.surfaces),
            "geo": self.place.as_geo() if self.place else None,
        }


@dataclass(frozen=True, slots=True)
class Linking:
    entities: list[Entity]
    mention_entity: dict[tuple[str, int, int], str]  # (doc, start, end) -> entity id

    def entities_json(self) -> list[dict[str, Any]]:
        return [entity.as_json() for entity in self.entities]


def entity_id(key: str) -> str:
    return "E" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:_ID_DIGITS]


def _group(mention_type: str) -> str:
    return "PLACE" if mention_type in _PLACE_TYPES else mention_type


class EntityLinker:
    """Links documents' mentions as they stream in; :meth:`finish` gives the entities."""

    def __init__(self) -> None:
        self._entities: dict[str, Entity] = {}
        self._mention_keys: list[tuple[str, int, int, str]] = []

    def add_document(self, doc_id: str, mentions: Sequence[MentionRecord], home_country: str | None = None) -> None:
        """``home_country``: the country place names default to when the document names none (its outlet's)."""
        keys = _DocumentKeys(mentions, home_country)
        for index, mention in enumerate(mentions):
            key, entry, place = keys.key(index)
            entity = self._entities.get(key)
            if entity is None:
                entity = self._entities[key] = Entity(entity_id(key), key, entry, place)
            entity.types[mention.type] += 1
            entity.surfaces[mention.text] += 1
            self._mention_keys.append((doc_id, mention.start, mention.end, key))

    def finish(self) -> Linking:
        merged = self._merge_surnames()
        mention_entity = {
            (doc, start, end): self._entities[merged.get(key, key)].id for doc, start, end, key in self._mention_keys
        }
        entities = sorted((e for k, e in self._entities.items() if k not in merged), key=lambda e: e.id)
        return Linking(entities, mention_entity)

    def _merge_surnames(self) -> dict[str, str]:
        """A one-word person entity joins the multi-word person entity whose name ends with it: the only one, or,
        unless the word is a given name or a title, one mentioned at least three times as often as the others
        together (غولن joins فتح الله غولن, 28 mentions, not كاريزما غولن, 2, a tagger's slip)."""
        prefix = PER + ":"
        by_surname: dict[str, list[str]] = {}
        for key in self._entities:
            if key.startswith(prefix) and " " in key:
                by_surname.setdefault(key.rpartition(" ")[2], []).append(key)
        sizes = {key: sum(self._entities[key].types.values()) for keys in by_surname.values() for key in keys}
        merged = {}
        for key, entity in self._entities.items():
            if not key.startswith(prefix) or " " in key:
                continue
            full = sorted(by_surname.get(key[len(prefix) :], []), key=lambda k: (-sizes[k], k))
            if len(full) > 1 and not may_stand_for_a_full_name(key[len(prefix) :]):
                continue  # سلمان alone is any of them
            if full and sizes[full[0]] >= _SURNAME_DOMINANCE * sum(sizes[k] for k in full[1:]):
                merged[key] = full[0]
                target = self._entities[full[0]]
                target.types.update(entity.types)
                target.surfaces.update(entity.surfaces)
        return merged


class _DocumentKeys:
    """The keys of one document's mentions (by index), with what the document as a whole tells."""

    def __init__(self, mentions: Sequence[MentionRecord], home_country: str | None = None) -> None:
        table = alias_table()
        self.mentions = mentions
        self.names = [name_key(m.text) for m in mentions]
        self.spellings = [spelling_key(name, m.type) for m, name in zip(mentions, self.names, strict=True)]
        self.entries = [self._entry(m, name) for m, name in zip(mentions, self.names, strict=True)]
        named = {entry.id for entry in self.entries if entry is not None}
        for index, name in enumerate(self.names):
            short = table.by_document_key.get(name)
            if self.entries[index] is None and short is not None and short.id in named:
                self.entries[index] = short
        places = [m.text for m, e in zip(mentions, self.entries, strict=True) if m.type in _PLACE_TYPES and e is None]
        self.countries = document_countries(places) | {e.country for e in self.entries if e is not None and e.country}
        if not self.countries and home_country:
            self.countries = frozenset({home_country})  # عنيزة in a Saudi paper's story that names no country
        self.persons = self._person_names()

    @staticmethod
    def _entry(mention: MentionRecord, name: str) -> AliasEntry | None:
        table = alias_table()
        entry = (
            table.by_key.get(name)
            or _entries_by_spelling().get(spelling_key(name, mention.type))
            or table.by_key.get(_without_outlet_word(name))
        )
        if entry is None and mention.titled:
            entry = table.by_key.get(name_key(mention.titled))
        if entry is None or not _compatible(entry.type, mention.type):
            return None
        if entry.government_of and mention.type == GPE:
            return table.entries[entry.government_of]
        return entry

    def _person_names(self) -> dict[str, str]:
        """Shorter forms of a person's name (first words or last words) to the fullest name of this document.

        A form joins only when every name it could belong to is part of one
        fullest name (دي ميستورا and ميستورا within ستيفان دي ميستورا).
        """
        parts: dict[str, set[str]] = {}
        for mention, name, entry in zip(self.mentions, self.spellings, self.entries, strict=True):
            words = name.split()
            if mention.type != PER or entry is not None:
                continue
            for count in range(1, len(words)):
                parts.setdefault(" ".join(words[:count]), set()).add(name)
                parts.setdefault(" ".join(words[-count:]), set()).add(name)
        persons = {}
        for part, names in parts.items():
            fullest = max(names, key=lambda name: (len(name.split()), name))
            if all(f" {name} " in f" {fullest} " for name in names):
                persons[part] = fullest
        return persons

    def key(self, index: int) -> tuple[str, AliasEntry | None, Place | None]:
        mention, name, entry = self.mentions[index], self.spellings[index], self.entries[index]
        if entry is not None:
            return "alias:" + entry.id, entry, self._entry_place(entry)
        if mention.type == PER:
            return PER + ":" + self.persons.get(name, name), None, None
        if mention.type in _PLACE_TYPES:
            place = geocode(mention.text, self.countries)
            if place is not None and not is_qualified(mention.text):
                country = alias_table().entries.get(f"country:{place.country}") if place.kind == COUNTRY else None
                if country is not None:  # عمان read as Oman in this document is سلطنة عمان
                    return "alias:" + country.id, country, self._entry_place(country)
                return f"geo:{place.geonames_id or place.name_en}", None, place
            return "PLACE:" + name, None, place
        return _group(mention.type) + ":" + name, None, None

    def _entry_place(self, entry: AliasEntry) -> Place | None:
        if entry.country:
            return country_place(entry.country)
        if entry.near:
            near = geocode(entry.near, self.countries)
            return dataclasses.replace(near, approximate=True) if near else None
        if entry.type in _PLACE_TYPES:
            return geocode(entry.name, self.countries)
        return None


@cache
def _entries_by_spelling() -> dict[str, AliasEntry]:
    """The alias table's names by :func:`spelling_key` (أبو ظبي finds the entry of أبوظبي)."""
    entries: dict[str, AliasEntry] = {}
    for key, entry in alias_table().by_key.items():
        entries.setdefault(spelling_key(key, entry.type), entry)
    return entries


def spelling_key(key: str, kind: str = PER) -> str:
    """A name key (:func:`name_key`) with the spellings of one name made one: a compound written joined
    (عبدالعزيز، عبدربه، أبوبكر) as written apart, and the g of a foreign name written غ as ج: at the end of
    a word (هامبورغ، هامبورج), and anywhere in a name that is no person's (غوغل، جوجل; غازي and جازي are two names)."""
    if kind == PER:
        key = _FINAL_GHAIN.sub("ج", key)
    else:
        key = key.replace("غ", "ج")
    words = []
    for word in key.split():
        head = next((head for head in _COMPOUND_HEADS if word.startswith(head)), None)
        rest = word[len(head) :] if head else ""
        if rest.startswith("ال") and len(rest) > 2:
            words += [head, strip_article(rest)]
        elif len(rest) >= _MIN_COMPOUND_REST:
            words += [head, rest]
        else:
            words.append(word)
    return " ".join(words)


def _compatible(entry_type: str, mention_type: str) -> bool:
    return mention_type == MISC or _group(entry_type) == _group(mention_type)


def curated_entity_id(name: str) -> str | None:
    """The id of the curated entity (``aliases.json``) that a name spells, whatever its type; None if none does."""
    table = alias_table()
    key = name_key(name)
    entry = table.by_key.get(key) or table.by_key.get(_without_outlet_word(key))
    return None if entry is None else entity_id("alias:" + entry.id)


def _without_outlet_word(key: str) -> str:
    """صحيفه جارديان -> جارديان: the key without a leading outlet word."""
    first, _, rest = key.partition(" ")
    return rest if rest and first in outlet_keys() else key


def link_entities(documents: Iterable[tuple[str, Sequence[MentionRecord]]]) -> Linking:
    """Link the mentions of ``(doc id, mentions)`` pairs into entities."""
    linker = EntityLinker()
    for doc_id, mentions in documents:
        linker.add_document(doc_id, mentions)
    return linker.finish()
