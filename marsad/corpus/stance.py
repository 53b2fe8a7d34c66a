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
from functools import cache
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


def _char_grams(text: str, n: int = 3) -> set[str]:
    squeezed = " ".join(t.norm for t in iter_tokens(text) if t.kind == WORD)
    return {squeezed[i : i + n] for i in range(len(squeezed) - n + 1)}


def _stems_starting(terms: set[str], opposite: str) -> bool:
    return any(t.startswith(opposite) for t in terms)


def added_word_buckets(first: str, second: str) -> list[int]:
    """Bucket numbers of the content terms that ``second`` has and ``first`` lacks."""
    added = set(text_terms(second)) - set(text_terms(first))
    return [zlib.crc32(term.encode("utf-8")) % ADDED_WORD_BUCKETS for term in added]


def statement_features(first: str, second: str) -> list[float]:
    """The dense features, in the order of ``FEATURES``."""
    a, b = set(text_terms(first)), set(text_terms(second))
    shared = a & b
    only_a, only_b = a - b, b - a
    negations = _negations()
    neg_a = any(t.norm in negations for t in iter_tokens(first))
    neg_b = any(t.norm in negations for t in iter_tokens(second))
    opposites = any(
        _stems_starting(only_b, y) for x, y in _opposites() if _stems_starting(only_a, x)
    )
    numbers_a = {normalise(t.norm) for t in iter_tokens(first) if t.kind == NUMBER}
    numbers_b = {normalise(t.norm) for t in iter_tokens(second) if t.kind == NUMBER}
    grams_a, grams_b = _char_grams(first), _char_grams(second)
    char_similarity = len(grams_a & grams_b) / max(1, len(grams_a | grams_b))
    return [
        1.0,
        len(shared) / max(1, min(len(a), len(b))),
        len(shared) / max(1, len(a | b)),
        min(len(only_a), 8) / 8,
        min(len(only_b), 8) / 8,
        float(neg_a != neg_b),
        float(opposites),
        float(bool(numbers_a and numbers_b and numbers_a != numbers_b)),
        char_similarity,
        float(not shared),
    ]


def _ordered_scores(first: str, second: str) -> list[float]:
    model = _model()
    features = statement_features(first, second)
    buckets = added_word_buckets(first, second)
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
    forward, backward = _ordered_scores(first, second), _ordered_scores(second, first)
    return {label: (f + b) / 2 for label, f, b in zip(LABELS, forward, backward)}


def compare_statements(first: str, second: str) -> str:
    """SAME, CONTRADICTION or OTHER."""
    scores = stance_scores(first, second)
    return max(LABELS, key=lambda label: scores[label])

