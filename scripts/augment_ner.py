"""Mention replacement for NER training data (Dai & Adel 2020, "An analysis of simple data
augmentation for named entity recognition"): copies of training contexts in which the entity
mentions are replaced by other names of the same type, so that the tagger learns names from their
context and shape rather than from memorised words.

Within one copy a name is replaced the same way wherever it occurs (the second CRF pass reads the
tags a word gets across its context), a person's name word by word (بوش alone after جورج بوش stays
the surname of the new name). A mention's proclitics stay on the new name (بالرقة -> بدمشق).

Measured on held-out dev (train-only models, scripts/train_ner.py; F1 ANERcorp / AQMAR): persons'
names replaced by arabnamer names in copies of 0.3 of the data (--augment 0.3, the other options as
they are), learnt from by the first pass only, gained on both before the name-likeness features
(0.737 / 0.666 -> 0.741 / 0.670; more persons never seen in training found),
but with them it gains on ANERcorp and loses a little on AQMAR (0.745 / 0.676 -> 0.756 / 0.672, with
another seed 0.747 / 0.673), so it is off by default. Lost more: more copies (0.5, 1), names drawn
from the training mentions, places, organisations and other names replaced too (clubs named after
their towns became places), names replaced only half the time, copies in the second pass as well.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.extract.tagger import ConllSentence, entity_spans, match_key

# Proclitics a name can carry (conjunction, then preposition), longest first.
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
ARTICLE = "ال"
# Words inside a person's name that are no name of their own and stay as they are.
NAME_PARTICLES = frozenset(map(match_key, ("بن", "ابن", "بنت", "أبو", "أبي", "أبا", "أم", "عبد", "آل")))
LONGEST_NAME = 4
PERSON = "PER"


@dataclass
class NamePool:
    """Replacement names per type, as token tuples without proclitics; person names as single words.

    ``external`` holds names from outside the training data (gazetteer, name dictionary, curated
    organisations); ``known`` counts the first words of the training mentions by type, to tell a
    proclitic from a name's own first letter (وسوريا is و + سوريا, but لبنان is one word)."""

    split: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    external: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    known: dict[str, Counter[str]] = field(default_factory=dict)


def mentions(sentence: ConllSentence) -> list[tuple[str, int, int]]:
    """(type, start, end) of the sentence's gold mentions, in order."""
    return sorted(entity_spans(sentence.gold or []), key=lambda span: span[1])


def split_proclitic(word: str, kind: str, pool: NamePool) -> tuple[str, str]:
    """(proclitic, name word) of a mention's first word: a proclitic is split off before the
    article (بالرقة, للعراق) or when the rest is at least as often a name of this type as the whole."""
    known = pool.known.get(kind, Counter())
    for proclitic in PROCLITICS:
        if not word.startswith(proclitic):
            continue
        rest = word[len(proclitic):]
        if proclitic.endswith("ل") and rest.startswith("ل") and len(rest) > 3:
            return proclitic, "ا" + rest  # للعراق: ل + العراق, the article's alef elided
        if rest.startswith(ARTICLE) and len(rest) > 4:
            return proclitic, rest
        if len(rest) > 2 and known[match_key(rest)] >= max(known[match_key(word)], 1):
            return proclitic, rest
    return "", word


def attach_proclitic(proclitic: str, word: str) -> str:
    if proclitic.endswith("ل") and word.startswith(ARTICLE):
        return proclitic + word[1:]
    return proclitic + word


def build_pool(sentences: Iterable[ConllSentence], external: dict[str, Iterable[tuple[str, ...]]]) -> NamePool:
    """The names of the training mentions by type (person names as words) and the external names."""
    sentences = list(sentences)
    pool = NamePool(external={kind: sorted(set(names)) for kind, names in external.items()})
    for sentence in sentences:
        for kind, start, _ in mentions(sentence):
            pool.known.setdefault(kind, Counter())[match_key(sentence.words[start])] += 1
    found: dict[str, dict[tuple[str, ...], None]] = {}
    for sentence in sentences:
        for kind, start, end in mentions(sentence):
            _, first = split_proclitic(sentence.words[start], kind, pool)
            name = (first, *sentence.words[start + 1 : end])
            if kind == PERSON:
                for word in name:
                    if match_key(word) not in NAME_PARTICLES:
                        found.setdefault(kind, {})[(word,)] = None
            elif len(name) <= LONGEST_NAME:
                found.setdefault(kind, {})[name] = None
    pool.split = {kind: list(names) for kind, names in found.items()}
    return pool


def replace_mentions(
    context: Sequence[ConllSentence], pool: NamePool, rng: random.Random,
    types: Iterable[str], external_share: float = 0.0, replaced_share: float = 1.0,
) -> list[ConllSentence]:
    """A copy of ``context`` in which each name of ``types`` is, with probability ``replaced_share``,
    replaced by a name of its type drawn from ``pool`` (from its external names with probability
    ``external_share``), the same way throughout; proclitics and BIO tags follow the new name."""
    types = set(types)
    chosen: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}

    def replacement(kind: str, name: tuple[str, ...]) -> tuple[str, ...]:
        key = (kind, tuple(map(match_key, name)))
        if key not in chosen:
            external = pool.external.get(kind)
            if replaced_share < 1 and rng.random() >= replaced_share:
                chosen[key] = name
            elif external and rng.random() < external_share:
                chosen[key] = rng.choice(external)
            else:
                chosen[key] = rng.choice(pool.split[kind])
        return chosen[key]

    copies = []
    for sentence in context:
        words, tags = list(sentence.words), list(sentence.gold or [])
        for kind, start, end in reversed(mentions(sentence)):
            if kind not in types or not pool.split.get(kind):
                continue
            proclitic, first = split_proclitic(words[start], kind, pool)
            name = (first, *words[start + 1 : end])
            if kind == PERSON:
                new = tuple(word if match_key(word) in NAME_PARTICLES else replacement(kind, (word,))[0]
                            for word in name)
            else:
                new = replacement(kind, name)
            new = (attach_proclitic(proclitic, new[0]), *new[1:])
            words[start:end] = new
            tags[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (len(new) - 1)
        copies.append(ConllSentence(words, tags, sentence.blank_lines))
    return copies


def augmented_contexts(
    contexts: Sequence[Sequence[ConllSentence]], pool: NamePool, ratio: float, types: Iterable[str],
    external_share: float = 0.0, replaced_share: float = 1.0, seed: int = 1,
) -> list[tuple[int, list[ConllSentence]]]:
    """(index of the source context, copy) for about ``ratio`` times the data: of each context a
    run of consecutive sentences (all of it for a ratio of 1 or more, one copy per whole unit)."""
    rng = random.Random(seed)
    copies = []
    for index, context in enumerate(contexts):
        remaining = ratio
        while remaining > 0:
            length = max(1, round(len(context) * min(remaining, 1.0)))
            start = rng.randrange(len(context) - length + 1)
            copies.append((index, replace_mentions(context[start : start + length], pool, rng, types,
                                                     external_share, replaced_share)))
            remaining -= 1.0
    return copies


def external_names(gazetteer: Path, organisations: Path, person_dictionary: Path | None) -> dict[str, list[tuple[str, ...]]]:
    """Names from outside the training data: every Arabic spelling of the gazetteer's places (as
    written, not normalised), the one-word Arabic names of the person-name dictionary and the
    curated organisation names."""

    def usable(name: str) -> tuple[str, ...] | None:
        words = tuple(name.split())
        if 0 < len(words) <= LONGEST_NAME and all(word.replace("-", "").isalpha() for word in words):
            return words
        return None

    places = []
    with gazetteer.open(encoding="utf-8") as rows:
        alt_column = next(rows).rstrip("\n").split("\t").index("alt_ar")
        for row in rows:
            places += filter(None, map(usable, row.rstrip("\n").split("\t")[alt_column].split("|")))
    raw = json.loads(organisations.read_text(encoding="utf-8"))
    found = {"LOC": places, "ORG": [words for kind, names in raw.items() if not kind.startswith("_")
                                    for words in map(usable, names) if words]}
    if person_dictionary is not None:
        arabic = json.loads(person_dictionary.read_text(encoding="utf-8")).values()
        found[PERSON] = [(name.strip(),) for name in arabic if name.strip().isalpha()]
    return found
