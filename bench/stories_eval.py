"""Stories against the Baly et al. (2018) claim clusters: tune on folds 1-3, report fold 4 (dev).

    .venv/bin/python bench/stories_eval.py                 # settings' defaults, every fold
    .venv/bin/python bench/stories_eval.py --grid          # search the parameters on folds 1-3

For each claim, every pair of its related articles (non-null ``cluster``)
should share a story and every pair of a related and an ``unrelated`` article
retrieved for it should not. Prints pairwise precision, recall and F1 over
exactly those pairs (one story for everything scores about 0.5 precision, all
singletons 0 recall) and B-cubed over the related articles. Stories are run
over all the articles of one fold at a time (one article per URL), through
the real per-document stage (cleaning, tokens, mentions, ...); signatures are
cached in ``--cache`` because that stage takes minutes.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import pickle
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from marsad.corpus.duplicates import find_duplicates
from marsad.corpus.signatures import Signature
from marsad.corpus.stories import group_stories
from marsad.ingest.readers import read_inputs
from marsad.runner import analyse_stream
from marsad.settings import Settings

BALY = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "baly2018_factcheck_stance.jsonl.gz"
TUNING_FOLDS = (1, 2, 3)
DEV_FOLD = 4


def read_records() -> list[dict]:
    with gzip.open(BALY, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def article_ids(records: list[dict]) -> dict[str, str]:
    """One id per URL, in order of first appearance."""
    ids: dict[str, str] = {}
    for record in records:
        ids.setdefault(record["url"], f"baly{len(ids):05d}")
    return ids


def build_signatures(records: list[dict], ids: dict[str, str], settings: Settings) -> dict[str, Signature]:
    """The per-document stage over each URL's article once."""
    first = {}
    for record in records:
        first.setdefault(record["url"], record)
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "baly.jsonl"
        with feed.open("w", encoding="utf-8") as stream:
            for url, record in first.items():
                line = {"id": ids[url], "text": record["text"] or "", "title": record["title"], "url": url}
                stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        signatures = {}
        for outcome in analyse_stream(read_inputs([feed], settings), settings):
            if outcome.analysed is not None:
                signatures[outcome.analysed.id] = outcome.analysed.signature
        return signatures


@dataclass
class Scores:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    bcubed_precision: float = 0.0
    bcubed_recall: float = 0.0
    items: int = 0

    def add(self, other: Scores) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def pairwise(self) -> tuple[float, float, float]:
        precision = self.true_positive / max(1, self.true_positive + self.false_positive)
        recall = self.true_positive / max(1, self.true_positive + self.false_negative)
        return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)

    def pairwise_f1(self) -> float:
        return self.pairwise()[2]

    def line(self) -> str:
        precision, recall, f1 = self.pairwise()
        b_precision = self.bcubed_precision / max(1, self.items)
        b_recall = self.bcubed_recall / max(1, self.items)
        b_f1 = 2 * b_precision * b_recall / max(1e-9, b_precision + b_recall)
        return (
            f"pairwise P {precision:.3f} R {recall:.3f} F1 {f1:.3f} "
            f"(pairs: {self.true_positive + self.false_negative} same-story, {self.true_positive + self.false_positive} joined);"
            f" B-cubed P {b_precision:.3f} R {b_recall:.3f} F1 {b_f1:.3f} over {self.items} related articles"
        )


def score_fold(records: list[dict], ids: dict[str, str], story_of: dict[str, str]) -> Scores:
    scores = Scores()
    by_claim: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for record in records:
        related, unrelated = by_claim[record["claim_id"]]
        (related if record["cluster"] is not None else unrelated).add(ids[record["url"]])
    items: list[tuple[str, str]] = []  # (gold claim, predicted story) per related article
    for claim, (related, unrelated) in sorted(by_claim.items()):
        unrelated -= related
        for a, b in itertools.combinations(sorted(related), 2):
            if story_of[a] == story_of[b]:
                scores.true_positive += 1
            else:
                scores.false_negative += 1
        scores.false_positive += sum(story_of[a] == story_of[b] for a in related for b in unrelated)
        items.extend((claim, story_of[a]) for a in related)
    for claim, story in items:
        same_story = [c for c, s in items if s == story]
        same_claim = [s for c, s in items if c == claim]
        scores.bcubed_precision += same_story.count(claim) / len(same_story)
        scores.bcubed_recall += same_claim.count(story) / len(same_claim)
    scores.items = len(items)
    return scores


def run_fold(records: list[dict], ids: dict[str, str], signatures: dict[str, Signature], settings: Settings) -> Scores:
    fold_ids = sorted({ids[r["url"]] for r in records}, key=lambda i: signatures[i].order)
    fold_signatures = [signatures[i] for i in fold_ids]
    duplicates = find_duplicates(
        fold_signatures, threshold=settings.duplicate_threshold, num_perm=settings.minhash_permutations
    )
    stories = group_stories(fold_signatures, duplicates=duplicates, settings=settings)
    story_of = {doc: story.id for story in stories for doc in story.documents}
    return score_fold(records, ids, story_of)


def evaluate(folds: dict[int, list[dict]], ids, signatures, settings: Settings, which: Iterable[int]) -> Scores:
    total = Scores()
    for fold in which:
        total.add(run_fold(folds[fold], ids, signatures, settings))
    return total


def grid(folds, ids, signatures, settings: Settings) -> None:
    results = []
    for threshold, entities, figures, inferred_days in itertools.product(
        (0.3, 0.33, 0.36, 0.38, 0.4), (0.8, 1.0, 1.2, 2.0), (0.1, 0.2), (730, 36_500)
    ):
        tried = settings.replace(
            story_threshold=threshold,
            story_entity_weight=entities,
            story_figure_weight=figures,
            story_origin_weight=figures,
            story_max_inferred_days=inferred_days,
        )
        results.append((evaluate(folds, ids, signatures, tried, TUNING_FOLDS).pairwise_f1(), threshold, entities, figures, inferred_days))
    results.sort(reverse=True)
    for f1, threshold, entities, figures, inferred_days in results[:10]:
        print(
            f"folds 1-3 pairwise F1 {f1:.3f}: threshold {threshold}, entity weight {entities},"
            f" figure and origin weight {figures}, max inferred days {inferred_days}"
        )
    _, threshold, entities, figures, inferred_days = results[0]
    best = settings.replace(
        story_threshold=threshold,
        story_entity_weight=entities,
        story_figure_weight=figures,
        story_origin_weight=figures,
        story_max_inferred_days=inferred_days,
    )
    print(f"best on folds 1-3, on fold 4: {evaluate(folds, ids, signatures, best, (DEV_FOLD,)).line()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "marsad_baly_signatures.pkl")
    parser.add_argument("--grid", action="store_true")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    if not BALY.exists():
        raise SystemExit(f"missing {BALY}")
    settings = Settings(jobs=args.jobs)
    records = read_records()
    ids = article_ids(records)
    if args.cache.exists():
        signatures = pickle.loads(args.cache.read_bytes())
    else:
        start = time.perf_counter()
        signatures = build_signatures(records, ids, settings)
        print(f"per-document stage on {len(signatures)} articles: {time.perf_counter() - start:.0f} s")
        args.cache.write_bytes(pickle.dumps(signatures))
    missing = {r["url"] for r in records if ids[r["url"]] not in signatures}
    if missing:
        print(f"{len(missing)} articles failed the per-document stage; their records are left out")
    records = [r for r in records if r["url"] not in missing]
    folds = {fold: [r for r in records if r["fold"] == fold] for fold in (*TUNING_FOLDS, DEV_FOLD)}
    if args.grid:
        grid(folds, ids, signatures, settings)
    story_settings = {f: getattr(settings, f) for f in settings.__dataclass_fields__ if f.startswith("story_")}
    print("settings:", story_settings)
    for name, which in (("folds 1-3", TUNING_FOLDS), ("fold 4", (DEV_FOLD,))):
        print(f"{name}: {evaluate(folds, ids, signatures, settings, which).line()}")
        one_story = Scores()
        for fold in which:
            one_story.add(score_fold(folds[fold], ids, defaultdict(lambda: "one")))
        print(f"{name}, for scale, everything in one story: {one_story.line()}")


if __name__ == "__main__":
    main()
