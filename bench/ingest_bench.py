"""Throughput and memory of ingest + cleaning, and of the whole `analyze` run, on SaudiNewsNet.

    python bench/ingest_bench.py                     # ingest+clean on one core, all 31k articles
    python bench/ingest_bench.py --limit 5000
    python bench/ingest_bench.py --full --jobs 2     # marsad analyze end to end, into a temporary folder

Prints docs/s and peak resident memory (the main process, and its workers for --full).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from marsad.ingest.documents import to_document
from marsad.ingest.readers import RawInput, read_inputs
from marsad.settings import Settings

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def bench_ingest(path: Path, limit: int | None) -> None:
    settings = Settings(jobs=1)
    items = list(islice(read_inputs([path], settings), limit))
    start = time.perf_counter()
    done = failed = 0
    chars = 0
    for item in items:
        if not isinstance(item, RawInput):
            failed += 1
            continue
        try:
            chars += len(to_document(item, settings).text)
            done += 1
        except Exception:
            failed += 1
    seconds = time.perf_counter() - start
    print(f"ingest+clean, one core: {done} docs ({failed} skipped/failed) in {seconds:.1f} s")
    print(f"  {done / seconds:.0f} docs/s, {chars / seconds / 1e6:.2f} M chars/s, peak RSS {_peak_mb():.0f} MB")


def bench_full(path: Path, limit: int | None, jobs: int) -> None:
    from marsad.analysis import run_analysis

    source = path
    with tempfile.TemporaryDirectory() as folder:
        if limit is not None:
            import gzip

            source = Path(folder) / "sample.jsonl"
            with gzip.open(path, "rt", encoding="utf-8") as stream, source.open("w", encoding="utf-8") as out:
                out.writelines(islice(stream, limit))
        start = time.perf_counter()
        summary = run_analysis([source], Path(folder) / "out", Settings(jobs=jobs))
        seconds = time.perf_counter() - start
        size = (Path(folder) / "out" / "analysis.json").stat().st_size / 1e6
    print(f"marsad analyze, {jobs} job(s): {summary.done} done, {summary.skipped} skipped, {summary.failed} failed in {seconds:.1f} s")
    print(f"  {summary.done / seconds:.0f} docs/s; analysis.json {size:.0f} MB")
    print(f"  peak RSS: main {_peak_mb():.0f} MB, largest worker {_peak_mb(resource.RUSAGE_CHILDREN):.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--full", action="store_true", help="run the whole analyze command")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    if not args.path.exists():
        sys.exit(f"no corpus at {args.path}")
    if args.full:
        bench_full(args.path, args.limit, args.jobs)
    else:
        bench_ingest(args.path, args.limit)


if __name__ == "__main__":
    main()
