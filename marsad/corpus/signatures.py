"""The compact signature a worker builds from an analysed document for the cross-document stage.

A signature is small (a few hundred bytes to a few kilobytes) and picklable,
so the main process can hold millions of them while the documents themselves
stay spooled on disk. It carries what finding duplicates and grouping stories
need: a MinHash of the normalised word shingles (near-copies), a hash of the
normalised words (exact copies), the document's top content terms with their
counts (story similarity, weighted by the corpus's own IDF later), its
mentions (entity linking, shared entities), the keys of its figures and
origins, its claim occurrences (claims), its event records (events reported
by several documents), its dates, its title and opening words.

Hashes are stable across processes and runs (BLAKE2b, fixed seeds), never
Python's salted ``hash``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice

import numpy as np

from marsad.arabic.dates import infer_not_before
from marsad.arabic.normalise import fold
from marsad.arabic.terms import content_terms
from marsad.arabic.tokens import iter_tokens
from marsad.corpus.claims import ClaimOccurrence, claim_occurrences
from marsad.corpus.entities import MentionRecord, mention_records
from marsad.corpus.events import EventRecord, event_records
from marsad.document import LATIN, NUMBER, WORD, Document, Quantity, Token
from marsad.extract.attributions import outlet_country
from marsad.settings import Settings

MINHASH_DTYPE = np.uint32
TOP_TERMS = 64
"""How many of a document's most frequent content terms its signature keeps."""
_SHINGLE_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True, slots=True)
class Signature:
    """What the cross-document stage knows of one document."""

    doc_id: str
    order: int
    """Input order: breaks ties between copies with the same (or no) date."""
    date: str | None
    """Published date (ISO), if stated."""
    inferred_date: str | None
    """For an undated document, the latest absolute date it mentions (a lower bound)."""
    minhash: bytes
    """MinHash values of the normalised word shingles (``MINHASH_DTYPE``); empty for a text too short to shingle."""
    exact_key: int
    """64-bit hash of the normalised words: equal for copies that differ only in punctuation, spacing or diacritics."""
    terms: tuple[tuple[int, int], ...]
    """(term hash, count) of the top content terms, light-stemmed, most frequent first."""
    mentions: tuple[MentionRecord, ...] = ()
    """For entity linking; stories compare their folded texts."""
    figures: tuple[str, ...] = ()
    """Keys of the figures stated (value range and unit), sorted."""
    origins: tuple[str, ...] = ()
    """Folded names of the upstream reports the document relays, sorted."""
    title: str | None = None
    claims: tuple[ClaimOccurrence, ...] = ()
    """The document's checkable statements, for :mod:`marsad.corpus.claims`."""
    opening: str | None = None
    """The opening words of the text: a story's title when none of its documents has one."""
    events: tuple[EventRecord, ...] = ()
    """The document's events, for :mod:`marsad.corpus.events`."""
    home_country: str | None = None
    """The home country of the outlet that published the document, where known (ISO code)."""

    @property
    def minhash_values(self) -> np.ndarray:
        return np.frombuffer(self.minhash, dtype=MINHASH_DTYPE)

    @property
    def story_date(self) -> str | None:
        """The date that places the document in time for stories: stated, else inferred."""
        return self.date or self.inferred_date


def make_signature(doc: Document, order: int, settings: Settings) -> Signature:
    """Built in the worker process from the analysed document."""
    tokens = doc.tokens or tuple(iter_tokens(doc.text))
    words = matching_words(tokens)
    return Signature(
        doc_id=doc.id,
        order=order,
        date=doc.meta.published,
        inferred_date=None if doc.meta.published else infer_not_before(doc.times),
        minhash=minhash_of(shingle_hashes(words, settings.shingle_size), settings).tobytes(),
        exact_key=exact_key(words),
        terms=top_terms(content_terms(tokens)),
        mentions=tuple(mention_records(doc)),
        figures=tuple(sorted({key for q in doc.quantities if (key := figure_key(q)) is not None})),
        origins=tuple(sorted({fold(o.name) for o in doc.origins})),
        title=doc.meta.title,
        claims=tuple(claim_occurrences(doc, order)),
        opening=opening_words(doc.text),
        events=tuple(event_records(doc)),
        home_country=outlet_country(doc.meta.outlet) if doc.meta.outlet else None,
    )


def signature_batches(signatures: Iterable[Signature], size: int) -> Iterator[list[Signature]]:
    """A stream of signatures in lists of ``size``, so indexes can insert in bulk."""
    iterator = iter(signatures)
    while batch := list(islice(iterator, size)):
        yield batch


def opening_words(text: str, limit: int = 100) -> str | None:
    """The first line of a text, cut at a word boundary within ``limit`` characters."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(line) > limit:
        line = line[:limit].rsplit(" ", 1)[0] + "…"
    return line or None


def date_day(date: str | None) -> int | None:
    """Days since the epoch for an ISO date or date-time, None if there is none.

    Documents are placed in time to the day: a date without a time of day
    cannot be ordered against a time on the same day.
    """
    if not date:
        return None
    try:
        return int(np.datetime64(date[:10], "D").astype(np.int64))
    except ValueError:
        return None


def matching_words(tokens: Sequence[Token]) -> list[str]:
    """The normalised words and numbers of a text, punctuation left out."""
    return [t.norm.casefold() if t.kind == LATIN else t.norm for t in tokens if t.kind in (WORD, NUMBER, LATIN)]


def exact_key(words: Sequence[str]) -> int:
    return int.from_bytes(hashlib.blake2b("\x1f".join(words).encode(), digest_size=8).digest(), "little")


@lru_cache(maxsize=1 << 18)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def term_hash(term: str) -> int:
    """A stable 63-bit id for a content term (fits a signed 64-bit integer)."""
    return _word_hash(term) >> 1


def shingle_hashes(words: Sequence[str], size: int) -> np.ndarray:
    """32-bit hashes of the word ``size``-grams (one shingle for a shorter text, none for an empty one)."""
    if not words:
        return np.empty(0, dtype=np.uint32)
    word_hashes = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    size = min(size, len(words))
    count = len(words) - size + 1
    combined = word_hashes[:count].copy()
    for offset in range(1, size):
        combined = combined * _SHINGLE_MULTIPLIER + word_hashes[offset : offset + count]
    return ((combined ^ (combined >> np.uint64(32))) & np.uint64(0xFFFFFFFF)).astype(np.uint32)


@cache
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(a, b) of the affine permutations h -> a*h + b (mod 2^32), drawn as datasketch draws them (scheme affine32)."""
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(values: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finaliser, as datasketch applies it before permuting."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def minhash_of(hashes: np.ndarray, settings: Settings) -> np.ndarray:
    """MinHash values of a set of 32-bit shingle hashes; empty if there are none.

    The values are those of ``datasketch.MinHash(seed=seed, scheme="affine32")``
    fed the same hashes (a test pins this), computed for the whole set at
    once: datasketch's ``update_batch`` hashes item by item in Python and is
    2-5 times slower, and importing datasketch costs a worker over a second
    (bench/duplicates_bench.py).
    """
    if len(hashes) == 0:
        return np.empty(0, dtype=MINHASH_DTYPE)
    a, b = _permutations(settings.minhash_permutations, settings.seed)
    mixed = _fmix32(hashes.astype(np.uint32)).reshape(-1, 1)
    return (mixed * a + b).min(axis=0).astype(MINHASH_DTYPE)


def top_terms(terms: Sequence[str], limit: int = TOP_TERMS) -> tuple[tuple[int, int], ...]:
    """The ``limit`` most frequent terms as (hash, count), ties broken by the term itself."""
    counts = Counter(terms)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return tuple((term_hash(term), count) for term, count in ranked)


def figure_key(quantity: Quantity) -> str | None:
    """'low-high unit' for a figure worth matching across documents: it has a unit or counts something."""
    if quantity.low is None and quantity.high is None:
        return None
    what = quantity.unit or quantity.counted_lemma or quantity.counted
    if what is None:
        return None
    low = quantity.low if quantity.low is not None else quantity.high
    high = quantity.high if quantity.high is not None else quantity.low
    return f"{low:g}-{high:g} {what}"
