"""Do two statements say the same thing, contradict each other, or neither?

A small linear model over features of the two statements' content terms:
overlap, the terms each side has alone, a negation on one side only, opposite
words (ارتفع / انخفض), numbers that differ, character n-gram similarity
(paraphrases share stems even when words change form), and the words the second
statement adds, hashed into buckets (a contradiction is often made by what is
added: لم، ينفي، انخفاض). The model reads both orders and averages, so that
comparing A with B is comparing B with A. Its weights are data
(``marsad/data/statement_stance.json``), trained by ``scripts/train_stance.py``
on the ANS headline pairs (Apache-2.0).
"""

from __future__ import annotations

import json
import math
import zlib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from marsad.arabic.normalise import normalise
from marsad.arabic.terms import text_terms
from marsad.arabic.tokens import iter_tokens
from marsad.document import NUMBER, WORD

SAME = "same"
CONTRADICTION = "contradiction"
OTHER = "other"
LABELS = (SAME, CONTRADICTION, OTHER)
FEATURES = (
    "bias",
    "overlap",
    "jaccard",
    "only_first",
    "only_second",
    "negation_differs",
    "opposites",
    "numbers_differ",
    "char_similarity",
    "no_overlap",
)
# Buckets for the hashed words that only the second statement has.
ADDED_WORD_BUCKETS = 4096


def _lines(name: str) -> list[str]:
    text = resources.files("marsad.data").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def _negations() -> frozenset[str]:
    return frozenset(_lines("negations.txt"))


@cache
def _opposites() -> frozenset[tuple[str, str]]:
    pairs = set()
    for line in _lines("antonyms.tsv"):
        a, b = line.split("\t")
        pairs |= {(a, b), (b, a)}
    return frozenset(pairs)


@cache
def _model() -> dict[str, dict[str, list[float]]]:
    return json.loads(resources.files("marsad.data").joinpath("statement_stance.json").read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class StatementProfile:
    """What the model reads of one statement, computed once however many pairs it is in."""

    terms: frozenset[str]
    negated: bool
    numbers: frozenset[str]
    char_grams: frozenset[str]


@lru_cache(maxsize=1 << 16)
def profile(text: str) -> StatementProfile:
    tokens = list(iter_tokens(text))
    squeezed = " ".join(t.norm for t in tokens if t.kind == WORD)
    negations = _negations()
    return StatementProfile(
        terms=frozenset(text_terms(text)),
        negated=any(t.norm in negations for t in tokens),
        numbers=frozenset(normalise(t.norm) for t in tokens if t.kind == NUMBER),
        char_grams=frozenset(squeezed[i : i + 3] for i in range(len(squeezed) - 2)),
    )


@cache
def _opposite_partners() -> dict[str, frozenset[str]]:
    partners: dict[str, set[str]] = {}
    for x, y in _opposites():
        partners.setdefault(x, set()).add(y)
    return {word: frozenset(others) for word, others in partners.items()}


@lru_cache(maxsize=1 << 16)
def _opposite_stems(term: str) -> frozenset[str]:
    """The words of the antonym list that ``term`` starts with."""
    partners = _opposite_partners()
    return frozenset(term[:n] for n in range(1, len(term) + 1) if term[:n] in partners)


def _has_opposites(only_a: frozenset[str], only_b: frozenset[str]) -> bool:
    """Whether a word only the first has and a word only the second has start like two antonyms."""
    stems_b = {stem for term in only_b for stem in _opposite_stems(term)}
    if not stems_b:
        return False
    partners = _opposite_partners()
    return any(partners[x] & stems_b for term in only_a for x in _opposite_stems(term))


@lru_cache(maxsize=1 << 16)
def _bucket(term: str) -> int:
    return zlib.crc32(term.encode("utf-8")) % ADDED_WORD_BUCKETS


def added_word_buckets(first: str, second: str) -> list[int]:
    """Bucket numbers of the content terms that ``second`` has and ``first`` lacks."""
    return [_bucket(term) for term in profile(second).terms - profile(first).terms]


def statement_features(first: str, second: str) -> list[float]:
    """The dense features, in the order of ``FEATURES``."""
    return _features(profile(first), profile(second))


def _features(first: StatementProfile, second: StatementProfile) -> list[float]:
    a, b = first.terms, second.terms
    shared = a & b
    only_a, only_b = a - b, b - a
    opposites = _has_opposites(only_a, only_b)
    grams_a, grams_b = first.char_grams, second.char_grams
    char_similarity = len(grams_a & grams_b) / max(1, len(grams_a | grams_b))
    return [
        1.0,
        len(shared) / max(1, min(len(a), len(b))),
        len(shared) / max(1, len(a | b)),
        min(len(only_a), 8) / 8,
        min(len(only_b), 8) / 8,
        float(first.negated != second.negated),
        float(opposites),
        float(bool(first.numbers and second.numbers and first.numbers != second.numbers)),
        char_similarity,
        float(not shared),
    ]


def _ordered_scores(first: StatementProfile, second: StatementProfile) -> list[float]:
    model = _model()
    features = _features(first, second)
    buckets = [_bucket(term) for term in second.terms - first.terms]
    logits = []
    for label in LABELS:
        dense, added = model["weights"][label], model["added_words"][label]
        logits.append(sum(w * x for w, x in zip(dense, features)) + sum(added[b] for b in buckets))
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    total = sum(exps)
    return [e / total for e in exps]


def stance_scores(first: str, second: str) -> dict[str, float]:
    """Probabilities of SAME, CONTRADICTION and OTHER, the same whichever statement comes first."""
    a, b = profile(first), profile(second)
    forward, backward = _ordered_scores(a, b), _ordered_scores(b, a)
    return {label: (f + b) / 2 for label, f, b in zip(LABELS, forward, backward)}


def compare_statements(first: str, second: str) -> str:
    """SAME, CONTRADICTION or OTHER."""
    scores = stance_scores(first, second)
    return max(LABELS, key=lambda label: scores[label])
