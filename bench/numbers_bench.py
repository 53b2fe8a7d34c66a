"""Speed and accuracy of the quantities stage on SaudiNewsNet.

Prints docs/s and expressions/s (per CPU second of one core) of
``find_quantities`` on the first ``--docs`` articles (tokens made beforehand,
as the pipeline does), the same for
quantities and times together when the dates stage is there, and precision
and recall against the hand-checked regression file
``tests/regression/saudinewsnet_quantities.jsonl``: span exact, and span and
value exact (low, high, approximate and unit). SaudiNewsNet is read from
``../shared/data/news`` (benchmarking only; nothing from it ships).

Run: ``nice .venv/bin/python bench/numbers_bench.py [--docs 3000]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
from collections.abc import Callable, Iterable
from itertools import islice
from pathlib import Path

from marsad.arabic.numbers import find_quantities
from marsad.arabic.tokens import iter_tokens
from marsad.document import Document, Metadata
from marsad.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"
SAMPLE = ROOT / "tests" / "regression" / "saudinewsnet_sample.txt"
GOLD = ROOT / "tests" / "regression" / "saudinewsnet_quantities.jsonl"
SETTINGS = Settings()
ANNOTATED = 50  # the regression file covers the first 50 ids of the sample


def read_records(lines: Iterable[str]) -> Iterable[tuple[str, str]]:
    for line in lines:
        record = json.loads(line)
        yield record["id"], record["text"] or ""


def tokenised(record_id: str, text: str) -> Document:
    return Document(record_id, text, Metadata(language="ar"), tokens=tuple(iter_tokens(text)))


def throughput(name: str, docs: list[Document], stage: Callable[[Document], int]) -> None:
    stage(Document("warm-up", "قتل 3 أشخاص في 27 أبريل 2017", Metadata(language="ar")))  # loads the tables
    started = time.process_time()  # CPU time of this process: one core, fair on a busy machine
    found = sum(stage(doc) for doc in docs)
    seconds = time.process_time() - started
    print(f"{name}: {len(docs) / seconds:,.0f} docs/s, {found / seconds:,.0f} expressions/s ({found} in {len(docs)} docs)")


def speed(count: int) -> None:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        docs = [tokenised(record_id, text) for record_id, text in islice(read_records(lines), count)]
    throughput("quantities", docs, lambda doc: len(find_quantities(doc, SETTINGS)))
    try:
        from marsad.arabic.dates import find_times
    except ImportError:
        return
    throughput(
        "quantities + times",
        docs,
        lambda doc: len(find_quantities(doc, SETTINGS)) + len(find_times(doc, SETTINGS)),
    )


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "n/a"


def accuracy() -> None:
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    gold = [row for row in gold if "id" in row]
    sample = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.startswith("saudi")]
    ids = set(sample[:ANNOTATED])
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        texts = {record_id: text for record_id, text in read_records(lines) if record_id in ids}
    found = []
    for record_id in sorted(texts):
        for q in find_quantities(tokenised(record_id, texts[record_id]), SETTINGS):
            values = {"low": q.low, "high": q.high, "approximate": q.approximate, "unit": q.unit}
            found.append({"id": record_id, "start": q.start, "end": q.end, **values})

    def keys(rows: list[dict], fields: tuple[str, ...]) -> set[tuple]:
        return {tuple(row[f] for f in fields) for row in rows}

    print(f"regression set: {len(texts)} docs, {len(gold)} gold quantities, {len(found)} found")
    for name, fields in (
        ("span exact", ("id", "start", "end")),
        ("span and value exact", ("id", "start", "end", "low", "high", "approximate", "unit")),
    ):
        expected, got = keys(gold, fields), keys(found, fields)
        hits = len(expected & got)
        print(f"{name}: precision {ratio(hits, len(got))}, recall {ratio(hits, len(expected))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000, help="SaudiNewsNet articles to time (default 3000)")
    args = parser.parse_args()
    accuracy()
    speed(args.docs)
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")


if __name__ == "__main__":
    main()
