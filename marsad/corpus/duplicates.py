"""Exact copies and near-copies across a corpus, from signatures only.

Exact copies share the hash of their normalised words. Near-copies (a wire
story lightly edited by several outlets) are found with MinHash LSH: each
sketch is cut into bands, documents that agree on a whole band become
candidates, and a candidate pair is kept when the sketches estimate a Jaccard
similarity of shingles at or above the threshold. Copies are joined
transitively and every copy points at the earliest of its group (by date,
then input order; dates are compared to the day and undated documents come after dated ones).

Banding is done for the whole corpus at once with sorting in numpy rather
than with per-document hash-table inserts, so a million signatures take
seconds; sketches are kept as ``bits``-bit truncations (b-bit minwise
hashing) behind :class:`SketchStore`, so they cost 256 bytes a document at
the defaults.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Protocol

import numpy as np

from marsad.corpus.signatures import Signature, date_day, signature_batches

_NO_DATE = np.iinfo(np.int64).max
_BAND_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


class SketchStore(Protocol):
    """Where the index keeps the sketches it verifies candidates with (row i is the i-th inserted)."""

    def append(self, sketches: np.ndarray) -> None: ...

    def rows(self, indices: np.ndarray) -> np.ndarray: ...


class MemorySketchStore:
    """Sketches in memory, truncated to their low ``bits`` bits (8, 16 or 32)."""

    def __init__(self, bits: int = 16) -> None:
        if bits not in (8, 16, 32):
            raise ValueError(f"bits must be 8, 16 or 32, not {bits}")
        self.bits = bits
        self._dtype = np.dtype(f"uint{bits}")
        self._blocks: list[np.ndarray] = []
        self._matrix: np.ndarray | None = None

    def append(self, sketches: np.ndarray) -> None:
        self._blocks.append(sketches.astype(self._dtype))
        self._matrix = None

    def rows(self, indices: np.ndarray) -> np.ndarray:
        if self._matrix is None:
            self._matrix = _drain(self._blocks) if self._blocks else np.empty((0, 0), self._dtype)
            self._blocks = [self._matrix]
        return self._matrix[indices]


@cache
def lsh_parameters(
    threshold: float, num_perm: int, false_positive_weight: float = 0.5, false_negative_weight: float = 0.5
) -> tuple[int, int]:
    """(bands, rows per band) minimising the weighted false positive and negative areas.

    As datasketch's ``MinHashLSH`` derives them from an intended threshold:
    the probability that two documents of similarity s share a band is
    1 - (1 - s^r)^b; false positives are its area below the threshold, false
    negatives the area of its complement above.
    """
    below = np.linspace(0.0, threshold, 201)
    above = np.linspace(threshold, 1.0, 201)
    best = (float("inf"), (1, num_perm))
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            false_positive = np.trapezoid(1 - (1 - below**rows) ** bands, below)
            false_negative = np.trapezoid((1 - above**rows) ** bands, above)
            error = false_positive * false_positive_weight + false_negative * false_negative_weight
            if error < best[0]:
                best = (error, (bands, rows))
    return best[1]


class DuplicateIndex:
    """Collects signatures in bulk and, when asked, maps each copy to the earliest of its group.

    ``threshold`` is the Jaccard similarity of shingle sets at which two
    documents count as near-copies; bands and rows are derived from it.
    """

    def __init__(
        self,
        *,
        threshold: float,
        num_perm: int,
        store: SketchStore | None = None,
        false_positive_weight: float = 0.5,
        false_negative_weight: float = 0.5,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands, self.rows = lsh_parameters(threshold, num_perm, false_positive_weight, false_negative_weight)
        self.store = store if store is not None else MemorySketchStore()
        self._ids: list[str] = []
        self._dates: list[np.ndarray] = []
        self._orders: list[np.ndarray] = []
        self._exact: list[np.ndarray] = []
        self._band_keys: list[np.ndarray] = []
        self._sketched: list[np.ndarray] = []

    def __len__(self) -> int:
        return len(self._ids)

    def insert_batch(self, signatures: Sequence[Signature]) -> None:
        """Add many signatures at once (their sketches must all have ``num_perm`` values or none)."""
        if not signatures:
            return
        sketches = np.zeros((len(signatures), self.num_perm), dtype=np.uint32)
        sketched = np.zeros(len(signatures), dtype=bool)
        for i, signature in enumerate(signatures):
            values = signature.minhash_values
            if len(values) == self.num_perm:
                sketches[i] = values
                sketched[i] = True
            elif len(values):
                raise ValueError(f"{signature.doc_id}: sketch of {len(values)} values, index expects {self.num_perm}")
        self._ids.extend(s.doc_id for s in signatures)
        self._dates.append(np.array([_date_number(s.date) for s in signatures], dtype=np.int64))
        self._orders.append(np.array([s.order for s in signatures], dtype=np.int64))
        self._exact.append(np.array([s.exact_key for s in signatures], dtype=np.uint64))
        self._band_keys.append(self._band_hashes(sketches))
        self._sketched.append(sketched)
        self.store.append(sketches)

    def _band_hashes(self, sketches: np.ndarray) -> np.ndarray:
        keys = np.zeros((len(sketches), self.bands), dtype=np.uint64)
        for band in range(self.bands):
            for row in range(band * self.rows, (band + 1) * self.rows):
                keys[:, band] = keys[:, band] * _BAND_MULTIPLIER + sketches[:, row].astype(np.uint64)
        return keys

    def duplicates(self) -> dict[str, str]:
        """doc_id of every copy -> doc_id of the earliest document of its group (originals are not keys)."""
        if not self._ids:
            return {}
        exact = np.concatenate(self._exact)
        sketched = np.concatenate(self._sketched)
        with_sketch = np.flatnonzero(sketched)  # documents with no words at all are nobody's copy
        pairs = [_equal_runs(exact[with_sketch], with_sketch)]
        band_keys = _drain(self._band_keys)
        self._band_keys = [band_keys]
        for band in range(self.bands):
            pairs.append(self._verified(_equal_runs(band_keys[with_sketch, band], with_sketch)))
        groups = _components(len(self._ids), np.concatenate(pairs))
        dates = np.concatenate(self._dates)
        orders = np.concatenate(self._orders)
        copies: dict[str, str] = {}
        for members in groups:
            earliest = min(members, key=lambda i: (dates[i], orders[i]))
            for i in members:
                if i != earliest:
                    copies[self._ids[i]] = self._ids[earliest]
        return dict(sorted(copies.items()))

    def _verified(self, pairs: np.ndarray) -> np.ndarray:
        """The candidate pairs whose sketches estimate a similarity at or above the threshold."""
        if not len(pairs):
            return pairs
        left = self.store.rows(pairs[:, 0])
        right = self.store.rows(pairs[:, 1])
        agreement = (left == right).mean(axis=1)
        bits = left.dtype.itemsize * 8
        chance = 2.0**-bits  # b-bit sketches agree by chance this often
        similarity = (agreement - chance) / (1.0 - chance)
        return pairs[similarity >= self.threshold - 1e-9]


def _drain(blocks: list[np.ndarray]) -> np.ndarray:
    """The blocks as one array, each freed once copied, so the peak is one copy plus a block, not two copies."""
    whole = np.empty((sum(len(b) for b in blocks), *blocks[0].shape[1:]), dtype=blocks[0].dtype)
    filled = 0
    while blocks:
        block = blocks.pop(0)
        whole[filled : filled + len(block)] = block
        filled += len(block)
    return whole


def _date_number(date: str | None) -> int:
    """Days since the epoch; undated sorts last."""
    day = date_day(date)
    return int(_NO_DATE) if day is None else day


def _equal_runs(keys: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Pairs (first row of the run, row) for rows with equal keys, plus each row with its predecessor."""
    if len(keys) < 2:
        return np.empty((0, 2), dtype=np.int64)
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    same = sorted_keys[1:] == sorted_keys[:-1]
    if not same.any():
        return np.empty((0, 2), dtype=np.int64)
    starts = np.flatnonzero(np.concatenate(([True], ~same)))
    run_start = starts[np.searchsorted(starts, np.arange(len(keys)), side="right") - 1]
    members = np.flatnonzero(np.concatenate(([False], same)))
    sorted_rows = rows[order]
    to_first = np.column_stack((sorted_rows[run_start[members]], sorted_rows[members]))
    to_previous = np.column_stack((sorted_rows[members - 1], sorted_rows[members]))
    return np.concatenate((to_first, to_previous)).astype(np.int64)


def _components(count: int, pairs: np.ndarray) -> list[list[int]]:
    """Groups of two or more rows joined by ``pairs``."""
    if not len(pairs):
        return []
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(len(pairs), dtype=np.int8), (pairs[:, 0], pairs[:, 1])), shape=(count, count))
    _, labels = connected_components(graph, directed=False)
    involved = np.unique(pairs)
    by_label: dict[int, list[int]] = {}
    for row in involved.tolist():
        by_label.setdefault(int(labels[row]), []).append(row)
    return [members for members in by_label.values() if len(members) > 1]


def find_duplicates(
    signatures: Iterable[Signature],
    *,
    threshold: float,
    num_perm: int,
    store: SketchStore | None = None,
    batch_size: int = 16_384,
) -> dict[str, str]:
    """doc_id of every exact or near copy -> doc_id of the earliest copy (by date, then input order).

    ``signatures`` is streamed in batches, so only the index's compact
    arrays are held, never the signatures themselves.
    """
    index = DuplicateIndex(threshold=threshold, num_perm=num_perm, store=store)
    for batch in signature_batches(signatures, batch_size):
        index.insert_batch(batch)
    return index.duplicates()
