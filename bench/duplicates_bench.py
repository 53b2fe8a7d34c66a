"""Near-duplicates: speed, memory and what is found on SaudiNewsNet, plus a synthetic scale run.

    .venv/bin/python bench/duplicates_bench.py                    # SaudiNewsNet, all 31k articles
    .venv/bin/python bench/duplicates_bench.py --limit 5000 --sample 10
    .venv/bin/python bench/duplicates_bench.py --synthetic 1000000 --skip-corpus

Prints: signature building time (tokens, shingles, MinHash, terms), our MinHash
against datasketch's ``update_batch`` on the same shingles, deduplication time
and peak memory for our banded index against datasketch's ``MinHashLSH``, the
groups found (exact, near, across outlets) and a random sample of groups to
check by hand, and the time of grouping the same signatures into stories; with ``--synthetic N``, the time and peak memory of
deduplicating N random signatures streamed in batches.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import numpy as np

from marsad.arabic.tokens import iter_tokens
from marsad.corpus.duplicates import find_duplicates, lsh_parameters
from marsad.corpus.signatures import Signature, make_signature, matching_words, minhash_of, shingle_hashes
from marsad.corpus.stories import group_stories
from marsad.document import Document, Metadata
from marsad.settings import Settings

SAUDI = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"


def read_records(limit: int | None) -> list[dict]:
    records = []
    with gzip.open(SAUDI, "rt", encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            if (record.get("text") or "").strip():
                records.append(record)
            if limit and len(records) >= limit:
                break
    return records


def build_signatures(records: list[dict], settings: Settings) -> list[Signature]:
    signatures = []
    for order, record in enumerate(records):
        meta = Metadata(title=record.get("title"), published=record.get("date"), outlet=record.get("source"))
        signatures.append(make_signature(Document(record["id"], record["text"], meta), order, settings))
    return signatures


def compare_minhash(records: list[dict], settings: Settings) -> None:
    from datasketch import MinHash

    shingles = [shingle_hashes(matching_words(list(iter_tokens(r["text"]))), settings.shingle_size) for r in records]
    start = time.perf_counter()
    ours = [minhash_of(s, settings) for s in shingles]
    ours_time = time.perf_counter() - start
    template = MinHash(num_perm=settings.minhash_permutations, seed=settings.seed, scheme="affine32")
    start = time.perf_counter()
    theirs = []
    for s in shingles:
        sketch = MinHash(
            num_perm=settings.minhash_permutations, seed=settings.seed, hashfunc=int,
            permutations=template.permutations, scheme="affine32",
        )
        sketch.update_batch(s.tolist())
        theirs.append(sketch.hashvalues)
    theirs_time = time.perf_counter() - start
    same = all(np.array_equal(a, b) for a, b in zip(ours, theirs, strict=True))
    print(f"minhash of {len(records)} docs: numpy {ours_time:.2f} s, datasketch update_batch {theirs_time:.2f} s"
          f" ({theirs_time / ours_time:.1f}x), identical values: {same}")


def run_datasketch_lsh(signatures: list[Signature], settings: Settings) -> tuple[float, int, int]:
    """Time, peak memory and number of candidate pairs of datasketch's MinHashLSH on the same sketches."""
    from datasketch import LeanMinHash, MinHashLSH

    tracemalloc.start()
    start = time.perf_counter()
    lsh = MinHashLSH(threshold=settings.duplicate_threshold, num_perm=settings.minhash_permutations)
    sketches = {}
    with lsh.insertion_session() as session:
        for s in signatures:
            values = s.minhash_values
            if len(values):
                sketch = LeanMinHash(seed=settings.seed, hashvalues=values, scheme="affine32")
                sketches[s.doc_id] = sketch
                session.insert(s.doc_id, sketch)
    candidates = 0
    for doc_id, sketch in sketches.items():
        candidates += sum(1 for other in lsh.query(sketch) if other != doc_id)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak, candidates // 2


def report_groups(records: list[dict], signatures: list[Signature], copies: dict[str, str], sample: int) -> None:
    by_id = {r["id"]: r for r in records}
    exact_of = {s.doc_id: s.exact_key for s in signatures}
    groups: dict[str, list[str]] = {}
    for copy, original in copies.items():
        groups.setdefault(original, [original]).append(copy)
    exact_groups = Counter(s.exact_key for s in signatures)
    exact_group_count = sum(1 for n in exact_groups.values() if n > 1)
    exact_docs = sum(n for n in exact_groups.values() if n > 1)
    near_only = [g for g in groups.values() if len({exact_of[d] for d in g}) > 1]
    across = [g for g in groups.values() if len({by_id[d]["source"] for d in g}) > 1]
    print(f"exact copies (normalised words): {exact_group_count} groups, {exact_docs} articles")
    print(f"all copies: {len(groups)} groups, {sum(map(len, groups.values()))} articles, {len(copies)} marked duplicate_of;"
          f" {len(near_only)} groups hold near (not exact) copies; {len(across)} groups span outlets")
    sizes = Counter(len(g) for g in groups.values())
    print("group sizes:", dict(sorted(sizes.items())))
    rng = random.Random(7)
    shown = rng.sample(near_only, min(sample, len(near_only)))
    for group in shown:
        print("  near group:")
        for doc_id in group:
            r = by_id[doc_id]
            print(f"    {doc_id:28} {r['source']:13} {r['date']}  {(r.get('title') or '')[:60]}  [{len(r['text'])} chars]")


def synthetic_signatures(count: int, settings: Settings, seed: int = 3):
    """Random sketches; every tenth document is a near-copy (10% of values changed) of the one before it."""
    rng = np.random.default_rng(seed)
    num_perm = settings.minhash_permutations
    batch = 50_000
    for start in range(0, count, batch):
        size = min(batch, count - start)
        sketches = rng.integers(0, 2**32, size=(size, num_perm), dtype=np.uint32)
        copies = np.arange(1, size, 10)
        changed = rng.random((len(copies), num_perm)) < 0.1
        fresh = rng.integers(0, 2**32, size=changed.shape, dtype=np.uint32)
        sketches[copies] = np.where(changed, fresh, sketches[copies - 1])
        exact_keys = rng.integers(0, 2**63, size=size).tolist()
        for i in range(size):
            n = start + i
            yield Signature(f"doc{n}", n, None, None, sketches[i].tobytes(), exact_keys[i], ())


def run_synthetic(count: int, settings: Settings) -> None:
    tracemalloc.start()
    start = time.perf_counter()
    copies = find_duplicates(
        synthetic_signatures(count, settings),
        threshold=settings.duplicate_threshold,
        num_perm=settings.minhash_permutations,
    )
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"synthetic {count:,} signatures (generation included): {elapsed:.1f} s, peak traced memory"
          f" {peak / 2**20:.0f} MiB, {len(copies):,} marked duplicate_of (about {count // 10:,} planted at similarity 0.9)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--sample", type=int, default=8, help="near-copy groups to print for checking by hand")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--synthetic", type=int, default=0)
    parser.add_argument("--skip-corpus", action="store_true")
    args = parser.parse_args()
    settings = Settings().replace(duplicate_threshold=args.threshold)
    bands, rows = lsh_parameters(settings.duplicate_threshold, settings.minhash_permutations)
    print(f"threshold {settings.duplicate_threshold}, {settings.minhash_permutations} permutations,"
          f" {bands} bands x {rows} rows, shingles of {settings.shingle_size} words")
    if not args.skip_corpus:
        if not SAUDI.exists():
            raise SystemExit(f"missing {SAUDI}")
        records = read_records(args.limit)
        start = time.perf_counter()
        signatures = build_signatures(records, settings)
        built = time.perf_counter() - start
        print(f"signatures for {len(records)} articles: {built:.1f} s ({len(records) / built:.0f} docs/s, one process)")
        compare_minhash(records[:2000], settings)
        tracemalloc.start()
        start = time.perf_counter()
        copies = find_duplicates(signatures, threshold=settings.duplicate_threshold, num_perm=settings.minhash_permutations)
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"find_duplicates on {len(signatures)} signatures: {elapsed:.2f} s, peak traced memory {peak / 2**20:.1f} MiB")
        ds_time, ds_peak, ds_pairs = run_datasketch_lsh(signatures, settings)
        print(f"datasketch MinHashLSH insert+query (candidates only, unverified): {ds_time:.2f} s,"
              f" peak traced memory {ds_peak / 2**20:.1f} MiB, {ds_pairs} candidate pairs")
        report_groups(records, signatures, copies, args.sample)
        tracemalloc.start()
        start = time.perf_counter()
        stories = group_stories(signatures, duplicates=copies, settings=settings)
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        multi = [s for s in stories if len(s.documents) > 1]
        print(f"group_stories on {len(signatures)} signatures (terms and figures, no mentions here): {elapsed:.1f} s,"
              f" peak traced memory {peak / 2**20:.0f} MiB; {len(stories)} stories, {len(multi)} of two or more"
              f" documents holding {sum(len(s.documents) for s in multi)}")
    if args.synthetic:
        run_synthetic(args.synthetic, settings)


if __name__ == "__main__":
    main()
