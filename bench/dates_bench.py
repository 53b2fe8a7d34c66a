"""Time expressions on SaudiNewsNet: accuracy on the hand-annotated regression set, and speed.

    .venv/bin/python bench/dates_bench.py [--docs 3000] [--data ../shared/data/news/saudinewsnet.jsonl.gz]

Accuracy: ``tests/regression/saudinewsnet_times.jsonl`` holds the time
expressions of the first 60 ids of ``tests/regression/saudinewsnet_sample.txt``
(ids, offsets and values; the texts stay in ../shared). The first 50 were
annotated first and the rules then tuned on their errors ("dev"); the last 10
were annotated afterwards and not tuned on ("held out"). The reference date is
the record's ``date`` (the crawl date). Annotation guide: every expression that
names a date, a period or a length of time is marked (dates, months, years,
seasons, decades, quarters, ranges, relative days and periods, weekdays, Hijri
dates, durations and ages); clock times, vague adverbs (الآن، مؤخرا، في وقت
سابق، عدة سنوات) and anaphoric days (اليوم التالي) are not. Spans leave out
prepositions and proclitics (في، منذ، و، ب، ل; لل stays) and keep بين/من of a
range, a duration's hedge (أكثر من), a weekday or يوم before a date and a part
of the day (صباح اليوم).

Prints exact-span and overlap precision/recall, the share of exactly matched
expressions whose values agree, and docs/s and expressions/s on one core
(times alone on pre-tokenised documents, tokenising, and times with quantities),
measured in CPU time so that a busy machine does not skew them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
from datetime import date
from pathlib import Path

from marsad.arabic.dates import parse_times, reference_date
from marsad.arabic.numbers import find_quantities
from marsad.arabic.tokens import tokenise
from marsad.document import Document, Metadata, TimeExpression
from marsad.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests/regression/saudinewsnet_sample.txt"
GOLD = ROOT / "tests/regression/saudinewsnet_times.jsonl"
DATA = ROOT.parent / "shared/data/news/saudinewsnet.jsonl.gz"
DEV_DOCS = 50
ANNOTATED_DOCS = 60
CORPUS_SIZE = 31_030


def _records(path: Path, wanted: set[str] | None, limit: int | None, step: int = 1) -> list[dict]:
    """Records with text: those in ``wanted``, or every ``step``-th one up to ``limit``."""
    records = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number % step:
                continue
            record = json.loads(line)
            if not record.get("text"):
                continue
            if wanted is None or record["id"] in wanted:
                records.append(record)
            if limit is not None and len(records) >= limit:
                break
    return records


def _values_agree(gold: dict, found: TimeExpression) -> bool:
    if gold["kind"] != found.kind:
        return False
    if gold["kind"] == "duration":
        return found.duration_days is not None and abs(found.duration_days - gold["duration_days"]) <= 0.01 * gold[
            "duration_days"
        ]
    return (gold["value_start"], gold["value_end"], gold["granularity"], gold["relative"]) == (
        found.value_start,
        found.value_end,
        found.granularity,
        found.relative,
    )


def accuracy(data: Path) -> None:
    ids = [line.strip() for line in SAMPLE.read_text().splitlines() if line.strip() and not line.startswith("#")]
    ids = ids[:ANNOTATED_DOCS]
    records = {r["id"]: r for r in _records(data, set(ids), None)}
    gold: dict[str, list[dict]] = {i: [] for i in ids}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        gold[item["id"]].append(item)
    for label, part in (("dev", ids[:DEV_DOCS]), ("held out", ids[DEV_DOCS:]), ("all", ids)):
        _score(label, part, records, gold)


def _score(label: str, ids: list[str], records: dict[str, dict], gold: dict[str, list[dict]]) -> None:
    exact = overlap_found = overlap_gold = values = found_total = 0
    gold_total = sum(len(gold[i]) for i in ids)
    for doc_id in ids:
        record = records[doc_id]
        found = parse_times(record["text"], reference_date(record["date"]))
        found_total += len(found)
        by_span = {(t.start, t.end): t for t in found}
        for item in gold[doc_id]:
            match = by_span.get((item["start"], item["end"]))
            if match is not None:
                exact += 1
                values += _values_agree(item, match)
            overlap_gold += any(t.start < item["end"] and item["start"] < t.end for t in found)
        for t in found:
            overlap_found += any(g["start"] < t.end and t.start < g["end"] for g in gold[doc_id])
    print(f"{label}: {len(ids)} docs, {gold_total} gold expressions, {found_total} found")
    print(f"  exact span   precision {exact / found_total:.3f}  recall {exact / gold_total:.3f}")
    print(f"  overlap      precision {overlap_found / found_total:.3f}  recall {overlap_gold / gold_total:.3f}")
    print(f"  values agree on {values}/{exact} exact matches ({values / max(exact, 1):.3f})")
    print(f"  exact span and values: precision {values / found_total:.3f}  recall {values / gold_total:.3f}")


def _metadata(record: dict) -> Metadata:
    return Metadata(language="ar", reference_date=record["date"])


def speed(data: Path, count: int) -> None:
    records = _records(data, None, count, step=max(CORPUS_SIZE // count, 1))  # spread over outlets and days
    settings = Settings()
    started = time.process_time()
    docs = [
        Document(r["id"], r["text"], _metadata(r), tokens=tuple(tokenise(r["text"])))
        for r in records
    ]
    tokenising = time.process_time() - started
    started = time.process_time()
    found = sum(len(parse_times(d.text, reference_date(d.meta.reference_date), d.tokens)) for d in docs)
    times_only = time.process_time() - started
    started = time.process_time()
    for doc in docs:
        find_quantities(doc, settings)
        parse_times(doc.text, reference_date(doc.meta.reference_date), doc.tokens)
    together = time.process_time() - started
    tokens = sum(len(d.tokens) for d in docs)
    print(f"speed on {len(docs)} SaudiNewsNet docs ({tokens} tokens), one core:")
    print(f"  times (pre-tokenised)  {len(docs) / times_only:7.0f} docs/s  {found / times_only:7.0f} expressions/s")
    print(f"  tokenising             {len(docs) / tokenising:7.0f} docs/s")
    print(f"  quantities + times     {len(docs) / together:7.0f} docs/s")
    print(f"  peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    if not args.data.exists():
        raise SystemExit(f"{args.data} is missing")
    parse_times("", date(2015, 8, 1))  # load the tables before timing
    accuracy(args.data)
    speed(args.data, args.docs)


if __name__ == "__main__":
    main()
