"""NER tagger: entity-level P/R/F1 per type on the dev splits, and tokens/s on one core.

    nice .venv/bin/python bench/ner_bench.py [--model DIR]

Speed is measured twice on all dev tokens: cold (empty word-feature cache, as for a
fresh process) and warm (second pass); feature extraction, the neural tagger and both CRF
passes included.
The packaged model may be trained on train + dev (then its dev figures are not held
out): for held-out figures train with `scripts/train_ner.py --train-only --out-dir DIR`
and pass `--model DIR`.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from marsad.extract.tagger import format_scores, load_tagger, read_conll, score_entities

SHARED_NER = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ner"
DEV_SPLITS = ("anercorp.dev", "aqmar.dev")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=None, help="model folder (default: the packaged model)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    started = time.perf_counter()
    tagger = load_tagger(args.model)
    print(f"model {tagger.folder} loaded in {time.perf_counter() - started:.2f} s")

    corpora = {}
    for split in DEV_SPLITS:
        with (SHARED_NER / f"{split}.conll").open(encoding="utf-8") as lines:
            corpora[split] = list(read_conll(lines))
    for split, sentences in corpora.items():
        predicted = tagger.tag_corpus([s.words for s in sentences])
        print(f"\n{split}\n{format_scores(score_entities([s.gold for s in sentences], predicted))}")

    sentences = [s.words for split in corpora.values() for s in split]
    tokens = sum(map(len, sentences))
    print()
    for label in ("cold", "warm"):
        if label == "cold":
            tagger.clear_cache()
        started = time.perf_counter()
        tagger.tag_corpus(sentences)
        seconds = time.perf_counter() - started
        print(f"speed ({label} word cache): {tokens} tokens in {seconds:.2f} s = {tokens / seconds:,.0f} tokens/s")


if __name__ == "__main__":
    main()
