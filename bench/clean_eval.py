"""Line-level evaluation of the cleaner against hand labels, and its speed.

Gold: tests/regression/cleaning_gold.jsonl, one record per document with the
indices (in ``raw.split("\\n")``) of boilerplate lines, the title line, lines
mixing boilerplate with prose (prose: must be kept), subheading lines and wire
datelines (الرياض - واس: kept, for the origins finder). The texts are read
from ../shared. A raw line counts as removed when cleaning did not keep it in
the text (boilerplate, title repeats, bylines, datelines...); the title line is
left out of both counts.

Prints removal precision and recall (overall and per source), prose lines lost
(with the lines), subheadings and wire datelines kept, and clean_text docs/s
over SaudiNewsNet articles.

    .venv/bin/python bench/clean_eval.py [--speed-docs N] [--show]
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import time
from collections import Counter
from pathlib import Path

from marsad.ingest.clean import clean_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "regression" / "cleaning_gold.jsonl"
NEWS = {
    "baly": SHARED / "data" / "news" / "baly2018_factcheck_stance.jsonl.gz",
    "saudinewsnet": SHARED / "data" / "news" / "saudinewsnet.jsonl.gz",
}


def load_texts(gold: list[dict]) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(source, id) -> (raw text, metadata title) for every gold document."""
    wanted: dict[str, set[str]] = {}
    for record in gold:
        wanted.setdefault(record["source"], set()).add(record["id"])
    texts: dict[tuple[str, str], tuple[str, str | None]] = {}
    for seed in wanted.get("seeds", ()):
        texts["seeds", seed] = ((SHARED / "seeds" / f"{seed}.txt").read_text(encoding="utf-8"), None)
    for source, path in NEWS.items():
        ids = wanted.get(source, set())
        if not ids:
            continue
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if record["id"] in ids:
                    title = record.get("title")
                    texts[source, record["id"]] = (record["text"], None if title in (None, "None") else title)
    return texts


def kept_lines(raw: str, cleaned_text: str) -> set[int]:
    """Indices of raw lines kept as paragraphs, matched in order (so a later copy of a kept line is not kept)."""
    paragraphs = cleaned_text.split("\n\n")
    kept: set[int] = set()
    position = 0
    for index, line in enumerate(raw.split("\n")):
        if position < len(paragraphs) and _comparable(line) == _comparable(paragraphs[position]):
            kept.add(index)
            position += 1
    return kept


def _comparable(line: str) -> str:
    return "".join(char for char in html.unescape(line) if char.isalnum())


class Counts:
    """Line counts of one group of documents."""

    def __init__(self) -> None:
        self.true_positive = self.false_positive = self.false_negative = 0

    def line(self) -> str:
        precision = self.true_positive / max(1, self.true_positive + self.false_positive)
        recall = self.true_positive / max(1, self.true_positive + self.false_negative)
        return (
            f"precision {precision:.3f} ({self.true_positive}/{self.true_positive + self.false_positive}), "
            f"recall {recall:.3f} ({self.true_positive}/{self.true_positive + self.false_negative})"
        )


def evaluate(gold: list[dict], texts: dict, show: bool) -> None:
    total = Counts()
    by_source: dict[str, Counts] = {}
    lost_prose: list[str] = []
    missed: Counter[str] = Counter()
    headings_found = headings_total = wires_kept = wires_total = 0
    for record in gold:
        raw, title = texts[record["source"], record["id"]]
        cleaned = clean_text(raw, title=title)
        kept = kept_lines(raw, cleaned.text)
        boilerplate = set(record["remove_lines"])
        heading_texts = {cleaned.text[h.start : h.end] for h in cleaned.headings}
        source = by_source.setdefault(record["source"], Counts())
        for index, line in enumerate(raw.split("\n")):
            if not line.strip() or index == record["title_line"]:
                continue
            removed = index not in kept
            for counts in (total, source):
                if removed and index in boilerplate:
                    counts.true_positive += 1
                elif removed:
                    counts.false_positive += 1
                elif index in boilerplate:
                    counts.false_negative += 1
            if removed and index not in boilerplate:
                lost_prose.append(f"{record['source']} {record['id']} line {index}: {line.strip()[:80]}")
            elif not removed and index in boilerplate:
                missed[record["kinds"].get(str(index), "?")] += 1
                if show:
                    print(f"  missed {record['id']} line {index}: {line.strip()[:80]}")
        wires_total += len(record["wire_lines"])
        wires_kept += len(kept.intersection(record["wire_lines"]))
        for index in record["heading_lines"]:
            headings_total += 1
            headings_found += " ".join(raw.split("\n")[index].split()) in heading_texts
    print(f"documents: {len(gold)}")
    print(f"removal: {total.line()}")
    for name, counts in sorted(by_source.items()):
        print(f"  {name}: {counts.line()}")
    print(f"prose lines lost:  {len(lost_prose)}")
    for line in lost_prose:
        print("  lost", line)
    print(f"missed boilerplate by kind: {dict(missed.most_common())}")
    print(f"subheadings marked: {headings_found}/{headings_total}")
    print(f"wire datelines kept: {wires_kept}/{wires_total}")


def measure_speed(count: int) -> None:
    documents = []
    with gzip.open(NEWS["saudinewsnet"], "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            documents.append((record["text"] or "", record.get("title")))
            if len(documents) == count:
                break
    started = time.perf_counter()
    for text, title in documents:
        clean_text(text, title=title)
    elapsed = time.perf_counter() - started
    characters = sum(len(text) for text, _ in documents)
    print(f"clean_text: {len(documents) / elapsed:.0f} docs/s over {len(documents)} SaudiNewsNet articles "
          f"(avg {characters / len(documents):.0f} chars, one core)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--speed-docs", type=int, default=5000)
    parser.add_argument("--show", action="store_true", help="print missed boilerplate lines")
    arguments = parser.parse_args()
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    evaluate(gold, load_texts(gold), arguments.show)
    measure_speed(arguments.speed_docs)


if __name__ == "__main__":
    main()
