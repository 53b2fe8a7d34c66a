"""Stories: documents that report the same event or relay the same upstream report.

From signatures only. Copies (see :mod:`marsad.corpus.duplicates`) follow
their original; the originals are compared pairwise, but only the pairs that
share one of their key terms (their highest-weighted terms, leaving out terms
so common that their postings would be all-pairs) and that can be close
enough in time: at most ``max_days`` apart. A document with no stated date
is placed by the dates it names (a lower bound) and is taken to be written
at most ``max_inferred_days`` after it.

A pair's score adds up

* the cosine of the documents' TF-IDF term vectors (light-stemmed content
  terms; BM25's IDF over the corpus being analysed, so words every document
  shares, such as a collection's theme, weigh little),
* ``weights.entities`` times the cosine of their entity vectors: each
  person, organisation or place (the tagger's catch-all MISC class names no
  actor or place of an event) weighted by IDF and by its salience, 1 + log of
  its mentions, a mention in the headline or lead (the opening
  ``LEAD_CHARACTERS``) counting ``LEAD_MENTION_WEIGHT`` times: a report is
  about what it names first and often, not every name it passes by,
* ``weights.figures`` if they state a figure in common (value range and unit),
* ``weights.origins`` if they relay an upstream report in common,

and documents are clustered by average link: two groups merge while the mean
score over all their cross pairs (pairs not scored count as 0) is at least
``threshold``, and never into a story whose documents could not all fall
within ``max_days``. Translations and rewrites share terms, names and figures
without sharing shingles, so they land in one story and are not duplicates; a
2017 and a 2024 article on the same theme are too far apart in time to merge.

Ids are stable: 'S' and a hash of the story's earliest document, whatever
the order signatures arrive in (input order breaks every tie).
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from marsad.arabic.normalise import fold
from marsad.corpus.signatures import Signature, date_day, signature_batches, term_hash
from marsad.document import GPE, LOC, ORG, PER
from marsad.settings import Settings

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

_PAIR_CHUNK = 200_000
_ROW_BLOCK = 2_000
_WEAK_SHARE = 0.25
"""Pairs scoring under this share of the threshold are dropped before clustering."""
STORY_ENTITY_TYPES = frozenset((PER, ORG, LOC, GPE))
"""Mentions that tell events apart; MISC (religions, wars, and in crawled pages cookie notices or menus) does not."""
LEAD_CHARACTERS = 400
"""The headline and lead of a news text: where it tells its event and names who and where."""
LEAD_MENTION_WEIGHT = 2.0
"""How many passing mentions a mention in the lead counts as."""


@dataclass(frozen=True, slots=True)
class StoryWeights:
    """What shared entities, figures and origins add to the text cosine."""

    entities: float
    figures: float
    origins: float


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    documents: tuple[str, ...]
    """Earliest first: by stated date, then inferred date, then input order."""
    first_seen: str | None
    """ISO day of the earliest stated date among its documents (inferred dates when none is stated)."""
    last_seen: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "documents": list(self.documents),
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
        }


def story_id(first_document: str) -> str:
    """A stable id from the story's earliest document."""
    return "S" + hashlib.blake2b(first_document.encode(), digest_size=5).hexdigest()


class _Sparse:
    """Rows of (column key, value) pairs added in batches and kept as numpy arrays, made a CSR matrix at the end."""

    def __init__(self) -> None:
        self._lengths: list[np.ndarray] = []
        self._keys: list[np.ndarray] = []
        self._values: list[np.ndarray] = []

    def add_batch(self, rows: Sequence[Sequence[tuple[int, float]]]) -> None:
        self._lengths.append(np.array([len(row) for row in rows], dtype=np.int64))
        self._keys.append(np.array([key for row in rows for key, _ in row], dtype=np.int64))
        self._values.append(np.array([value for row in rows for _, value in row], dtype=np.float32))

    def matrix(self, rows: np.ndarray) -> tuple[csr_matrix, np.ndarray]:
        """The given rows (in that order) as a CSR matrix over the keys they use, and each column's document frequency."""
        from scipy.sparse import csr_matrix

        lengths = np.concatenate(self._lengths)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        picked_lengths = lengths[rows]
        indptr = np.concatenate(([0], np.cumsum(picked_lengths)))
        # positions of the picked rows' entries: each row's start, plus 0..length-1
        picked = np.repeat(starts[rows] - indptr[:-1], picked_lengths) + np.arange(indptr[-1])
        keys = np.concatenate(self._keys)[picked]
        values = np.concatenate(self._values)[picked].astype(np.float64)
        columns_used, columns = np.unique(keys, return_inverse=True)
        matrix = csr_matrix((values, columns.ravel(), indptr), shape=(len(rows), len(columns_used)))
        matrix.sum_duplicates()
        frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
        return matrix, frequency


def entity_salience(signature: Signature) -> dict[str, float]:
    """Folded name -> 1 + log of its mentions, those in the lead counting ``LEAD_MENTION_WEIGHT`` each."""
    mentions: dict[str, float] = {}
    for mention in signature.mentions:
        if mention.type in STORY_ENTITY_TYPES:
            key = fold(mention.text)
            mentions[key] = mentions.get(key, 0.0) + (LEAD_MENTION_WEIGHT if mention.start < LEAD_CHARACTERS else 1.0)
    return {key: 1.0 + float(np.log(count)) for key, count in sorted(mentions.items())}


def _iso_day(day: float) -> str:
    return str(np.datetime64(int(day), "D"))


def _tf_idf(matrix: csr_matrix, frequency: np.ndarray, sublinear: bool) -> csr_matrix:
    """Rows weighted by IDF times 1 + log tf when ``sublinear`` (else times the values as given), L2-normalised."""
    weighted = matrix.copy().astype(np.float64)
    if sublinear:
        weighted.data = 1.0 + np.log(weighted.data)
    idf = np.log((matrix.shape[0] - frequency + 0.5) / (frequency + 0.5) + 1.0)  # BM25's: small, never 0, for a term in every row
    weighted.data *= idf[weighted.indices]
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    weighted.data /= np.repeat(norms, np.diff(weighted.indptr))
    return weighted


def _row_dots(matrix: csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    return np.asarray(matrix[left].multiply(matrix[right]).sum(axis=1)).ravel()


def _key_terms(weighted: csr_matrix, frequency: np.ndarray, count: int, max_postings: int) -> csr_matrix:
    """Each row's ``count`` highest-weighted terms found in 2 to ``max_postings`` documents, as a 0/1 matrix."""
    from scipy.sparse import csr_matrix

    usable = (frequency >= 2) & (frequency <= max_postings)
    rows, columns = [], []
    for row in range(weighted.shape[0]):
        start, end = weighted.indptr[row], weighted.indptr[row + 1]
        cols = weighted.indices[start:end]
        keep = usable[cols]
        cols, weights = cols[keep], weighted.data[start:end][keep]
        if len(cols) > count:
            # the highest weights, ties broken by column so the choice is stable
            cols = cols[np.lexsort((cols, -weights))[:count]]
        rows.append(np.full(len(cols), row))
        columns.append(cols)
    row_index = np.concatenate(rows) if rows else np.empty(0, np.int64)
    column_index = np.concatenate(columns) if columns else np.empty(0, np.int64)
    return csr_matrix((np.ones(len(row_index), np.int32), (row_index, column_index)), shape=weighted.shape)


class _TimeBounds:
    """The days each cluster's documents can have been written on, so that no merge makes a story span more than allowed.

    A stated date is one day. An inferred date is a lower bound (see
    :func:`marsad.arabic.dates.infer_not_before`), taken to allow
    ``max_inferred_days`` after it; an undated document allows any day. A
    story stays possible while one window of ``max_days`` meets every
    document's days: its latest earliest day is at most ``max_days`` after
    its earliest latest day. A cluster only needs those two days.
    """

    def __init__(self, earliest: np.ndarray, latest: np.ndarray, max_days: int) -> None:
        self.earliest = earliest.tolist()
        self.latest = latest.tolist()
        self.max_days = max_days

    def joinable(self, a: int, b: int) -> bool:
        return max(self.earliest[a], self.earliest[b]) - min(self.latest[a], self.latest[b]) <= self.max_days

    def join(self, keep: int, gone: int) -> None:
        self.earliest[keep] = max(self.earliest[keep], self.earliest[gone])
        self.latest[keep] = min(self.latest[keep], self.latest[gone])


def _possible_days(days: np.ndarray, stated: np.ndarray, max_inferred_days: int) -> tuple[np.ndarray, np.ndarray]:
    """Each document's earliest and latest possible day: the stated day, an inferred day and up to ``max_inferred_days`` after, or any."""
    known = ~np.isnan(days)
    earliest = np.where(known, days, -np.inf)
    latest = np.where(known, days + np.where(stated, 0, max_inferred_days), np.inf)
    return earliest, latest


def _average_link(
    count: int, left: np.ndarray, right: np.ndarray, scores: np.ndarray, threshold: float, bounds: _TimeBounds
) -> np.ndarray:
    """Cluster labels (the smallest row of each cluster) from scored pairs, merging while the mean cross score >= threshold.

    Pairs not scored count as 0, and two clusters never merge if the result would span more days than ``bounds`` allow.
    """
    sums: list[dict[int, float]] = [{} for _ in range(count)]
    for a, b, score in zip(left.tolist(), right.tolist(), scores.tolist(), strict=True):
        sums[a][b] = sums[b][a] = score
    sizes = [1] * count
    alive = [True] * count
    label = list(range(count))
    heap = [(-score, min(a, b), max(a, b)) for a, b, score in zip(left.tolist(), right.tolist(), scores.tolist(), strict=True)]
    heapq.heapify(heap)
    members: dict[int, list[int]] = {}
    while heap:
        negative, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or b not in sums[a]:
            continue
        average = sums[a][b] / (sizes[a] * sizes[b])
        if average != -negative:  # stale: the sizes have changed since this entry was pushed
            continue
        if average < threshold:
            break
        if not bounds.joinable(a, b):  # bounds only narrow: these two can never join
            del sums[a][b], sums[b][a]
            continue
        keep, gone = a, b  # a < b: the cluster keeps its smallest row
        bounds.join(keep, gone)
        for neighbour, total in sums[gone].items():
            if neighbour != keep:
                sums[keep][neighbour] = sums[keep].get(neighbour, 0.0) + total
                sums[neighbour][keep] = sums[keep][neighbour]
                del sums[neighbour][gone]
        del sums[keep][gone]
        sums[gone] = {}
        alive[gone] = False
        sizes[keep] += sizes[gone]
        members.setdefault(keep, [keep]).extend(members.pop(gone, [gone]))
        for neighbour, total in sums[keep].items():
            heapq.heappush(heap, (-(total / (sizes[keep] * sizes[neighbour])), min(keep, neighbour), max(keep, neighbour)))
    for keep, rows in members.items():
        for row in rows:
            label[row] = keep
    return np.array(label, dtype=np.int64)


class StoryIndex:
    """Collects what stories need of each signature, in bulk; :meth:`stories` groups them."""

    def __init__(
        self,
        *,
        threshold: float,
        max_days: int,
        max_inferred_days: int,
        weights: StoryWeights,
        key_terms: int = 24,
        max_postings: int = 50,
        min_shared_keys: int = 2,
    ) -> None:
        self.threshold = threshold
        self.max_days = max_days
        self.max_inferred_days = max_inferred_days
        self.weights = weights
        self.key_terms = key_terms
        self.max_postings = max_postings
        self.min_shared_keys = min_shared_keys
        self._ids: list[str] = []
        self._orders: list[int] = []
        self._days: list[float] = []
        self._stated: list[bool] = []
        self._titles: list[str | None] = []
        self._openings: list[str | None] = []
        self._terms = _Sparse()
        self._entities = _Sparse()
        self._figures = _Sparse()
        self._origins = _Sparse()

    @classmethod
    def from_settings(cls, settings: Settings) -> StoryIndex:
        return cls(
            threshold=settings.story_threshold,
            max_days=settings.story_max_days,
            max_inferred_days=settings.story_max_inferred_days,
            weights=StoryWeights(
                entities=settings.story_entity_weight,
                figures=settings.story_figure_weight,
                origins=settings.story_origin_weight,
            ),
        )

    def __len__(self) -> int:
        return len(self._ids)

    def insert_batch(self, signatures: Sequence[Signature]) -> None:
        self._terms.add_batch([[(term, float(count)) for term, count in s.terms] for s in signatures])
        self._entities.add_batch([[(term_hash(key), w) for key, w in entity_salience(s).items()] for s in signatures])
        self._figures.add_batch([[(term_hash(key), 1.0) for key in s.figures] for s in signatures])
        self._origins.add_batch([[(term_hash(key), 1.0) for key in s.origins] for s in signatures])
        for signature in signatures:
            self._ids.append(signature.doc_id)
            self._orders.append(signature.order)
            day = date_day(signature.story_date)
            self._days.append(np.nan if day is None else day)
            self._stated.append(date_day(signature.date) is not None)
            self._titles.append(signature.title)
            self._openings.append(signature.opening)

    def stories(self, duplicates: Mapping[str, str]) -> list[Story]:
        """Every document in exactly one story, copies in their original's; stories sorted by first document."""
        if not self._ids:
            return []
        days = np.array(self._days, dtype=np.float64)
        stated = np.array(self._stated, dtype=bool)
        orders = np.array(self._orders, dtype=np.int64)
        position = {doc_id: i for i, doc_id in enumerate(self._ids)}
        is_copy = np.array([duplicates.get(doc_id) in position for doc_id in self._ids])
        originals = np.flatnonzero(~is_copy)
        originals = originals[np.argsort(orders[originals], kind="stable")]
        earliest, latest = _possible_days(days[originals], stated[originals], self.max_inferred_days)
        left, right, scores = self._scored_pairs(originals, earliest, latest)
        bounds = _TimeBounds(earliest, latest, self.max_days)
        labels = _average_link(len(originals), left, right, scores, self.threshold, bounds)
        within = np.zeros(len(originals))  # each document's summed score with the rest of its story
        same = labels[left] == labels[right]
        np.add.at(within, left[same], scores[same])
        np.add.at(within, right[same], scores[same])
        centrality = dict(zip(originals.tolist(), within.tolist(), strict=True))

        groups: dict[int, list[int]] = {}
        label_of = dict(zip(originals.tolist(), labels.tolist(), strict=True))
        for doc, label in label_of.items():
            groups.setdefault(label, []).append(doc)
        for copy in np.flatnonzero(is_copy).tolist():
            groups[label_of[position[duplicates[self._ids[copy]]]]].append(copy)

        def when(doc: int) -> tuple[bool, float, int]:
            """Stated dates first, then inferred ones (rough), then undated; input order breaks ties."""
            return (not stated[doc], np.inf if np.isnan(days[doc]) else days[doc], orders[doc])

        stories = []
        for docs in groups.values():
            docs.sort(key=when)
            best = max(docs, key=lambda d: (self._titles[d] is not None, centrality.get(d, 0.0), -orders[d]))
            dated = [d for d in docs if stated[d]] or [d for d in docs if not np.isnan(days[d])]
            stories.append(
                Story(
                    id=story_id(self._ids[docs[0]]),
                    title=self._titles[best] or self._openings[best] or self._ids[best],
                    documents=tuple(self._ids[d] for d in docs),
                    first_seen=_iso_day(min(days[d] for d in dated)) if dated else None,
                    last_seen=_iso_day(max(days[d] for d in dated)) if dated else None,
                )
            )
        stories.sort(key=lambda story: when(position[story.documents[0]]))
        return stories

    def _scored_pairs(
        self, rows: np.ndarray, earliest: np.ndarray, latest: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Candidate pairs (row indices into ``rows``, left < right) that can be close enough in time, with their scores.

        Candidates are made a block of rows at a time and only those scoring
        at least ``_WEAK_SHARE`` of the threshold are kept (weaker ones would
        barely move a mean), so memory holds the useful pairs, not all.
        """
        terms, term_frequency = self._terms.matrix(rows)
        text = _tf_idf(terms, term_frequency, sublinear=True)
        keys = _key_terms(text, term_frequency, self.key_terms, self.max_postings)
        keys_by_term = keys.T.tocsr()
        features = (
            text,
            _tf_idf(*self._entities.matrix(rows), sublinear=False),
            self._figures.matrix(rows)[0],
            self._origins.matrix(rows)[0],
        )
        kept = []
        for start in range(0, len(rows), _ROW_BLOCK):
            shared = (keys[start : start + _ROW_BLOCK] @ keys_by_term).tocoo()
            left, right = shared.row.astype(np.int64) + start, shared.col.astype(np.int64)
            later = (right > left) & (shared.data >= self.min_shared_keys)
            left, right = left[later], right[later]
            gap = np.maximum(earliest[left], earliest[right]) - np.minimum(latest[left], latest[right])
            close = gap <= self.max_days
            left, right = left[close], right[close]
            scores = self._pair_scores(features, left, right)
            strong = scores >= self.threshold * _WEAK_SHARE
            kept.append((left[strong], right[strong], scores[strong]))
        left, right, scores = (np.concatenate(parts) for parts in zip(*kept, strict=True))
        order = np.lexsort((right, left))
        return left[order], right[order], scores[order]

    def _pair_scores(self, features: tuple[csr_matrix, ...], left: np.ndarray, right: np.ndarray) -> np.ndarray:
        text, entities, figures, origins = features
        scores = np.empty(len(left))
        for start in range(0, len(left), _PAIR_CHUNK):
            a, b = left[start : start + _PAIR_CHUNK], right[start : start + _PAIR_CHUNK]
            scores[start : start + len(a)] = (
                _row_dots(text, a, b)
                + self.weights.entities * _row_dots(entities, a, b)
                + self.weights.figures * (_row_dots(figures, a, b) > 0)
                + self.weights.origins * (_row_dots(origins, a, b) > 0)
            )
        return scores


def group_stories(
    signatures: Iterable[Signature], *, duplicates: Mapping[str, str], settings: Settings, batch_size: int = 16_384
) -> list[Story]:
    """Stories of a stream of signatures, given their duplicates (copy id -> original id)."""
    index = StoryIndex.from_settings(settings)
    for batch in signature_batches(signatures, batch_size):
        index.insert_batch(batch)
    return index.stories(duplicates)
