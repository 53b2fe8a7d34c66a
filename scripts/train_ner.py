"""Rebuild the NER tagger shipped in marsad/data/ner/.

    .venv/bin/python scripts/train_ner.py            # the shipped model: train + dev splits
    .venv/bin/python scripts/train_ner.py --train-only --out-dir /tmp/ner   # for dev figures

Writes, into --out-dir (default marsad/data/ner):
- places.txt   place names (normalised) from ../shared/data/gazetteer/places.tsv;
- clusters.tsv Brown-style word clusters (see --clusters) learned from unlabelled text that may ship:
               the NER corpora's own words and the ANS headlines;
- model.crfsuite  the CRF (python-crfsuite, L-BFGS with elastic-net regularisation).
triggers.json and given_names.txt are written by hand and copied when --out-dir is elsewhere.

Corpora and licences:
- ANERcorp (Benajiba, Rosso & Benedí 2007), CAMeL Lab train split (Obeid et al. 2020), CC BY-SA 4.0.
- AQMAR Arabic Wikipedia NE corpus (Mohit et al. 2012), CC BY-SA 3.0.
- ANS (Khouja 2020), Apache-2.0: unlabelled headline text for the word clusters only.
- GeoNames (https://www.geonames.org), CC BY 4.0: place names.
SaudiNewsNet and the Baly corpus are never read here: nothing learned from them may ship.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

import pycrfsuite

from marsad.extract.tagger import (
    MODEL_FILE,
    FeatureExtractor,
    format_scores,
    load_tagger,
    match_key,
    read_conll,
    read_lexicon,
    score_entities,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
PACKAGE_DATA = ROOT / "marsad" / "data" / "ner"
CORPORA = ("anercorp", "aqmar")
HAND_WRITTEN = ("triggers.json", "given_names.txt")


def read_split(corpus: str, split: str) -> list:
    path = SHARED / "ner" / f"{corpus}.{split}.conll"
    with path.open(encoding="utf-8") as lines:
        return list(read_conll(lines, str(path)))


def write_places(out_dir: Path) -> int:
    """Every Arabic name of the gazetteer, normalised, one per line."""
    names = set()
    with (SHARED / "gazetteer" / "places.tsv").open(encoding="utf-8") as rows:
        header = next(rows).rstrip("\n").split("\t")
        alt_column = header.index("alt_ar")
        for row in rows:
            for name in row.rstrip("\n").split("\t")[alt_column].split("|"):
                key = " ".join(match_key(name).replace("-", " ").split())
                if len(key) > 2:
                    names.add(key)
    text = "# Place names from GeoNames (https://www.geonames.org), CC BY 4.0, normalised.\n"
    (out_dir / "places.txt").write_text(text + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    return len(names)


def train(sentences: list, model_path: Path, params: dict) -> float:
    extractor = FeatureExtractor(read_lexicon(model_path.parent))
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        trainer.append(extractor.sentence_features(sentence.words), sentence.gold)
    trainer.set_params({"feature.possible_transitions": True, **params})
    started = time.perf_counter()
    trainer.train(str(model_path))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out-dir", type=Path, default=PACKAGE_DATA)
    parser.add_argument("--train-only", action="store_true", help="leave the dev splits out (for dev figures)")
    parser.add_argument("--c1", type=float, default=0.05, help="L1 penalty")
    parser.add_argument("--c2", type=float, default=0.05, help="L2 penalty")
    parser.add_argument("--iterations", type=int, default=200)
    args = parser.parse_args()
    if not SHARED.exists():
        sys.exit(f"training data not found at {SHARED}")

    out_dir: Path = args.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    if out_dir.resolve() != PACKAGE_DATA.resolve():
        for name in HAND_WRITTEN:
            shutil.copy(PACKAGE_DATA / name, out_dir / name)
    print(f"places: {write_places(out_dir)} names")

    splits = ("train",) if args.train_only else ("train", "dev")
    sentences = [s for corpus in CORPORA for split in splits for s in read_split(corpus, split)]
    model_path = out_dir / MODEL_FILE
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    seconds = train(sentences, model_path, params)
    print(f"trained on {len(sentences)} sentences ({', '.join(splits)}) in {seconds:.0f} s: {json.dumps(params)}")
    print(f"model: {model_path} ({model_path.stat().st_size / 1e6:.1f} MB)")

    tagger = load_tagger(model_path)
    for corpus in CORPORA:
        dev = read_split(corpus, "dev")
        scores = score_entities([s.gold for s in dev], tagger.tag_sentences([s.words for s in dev]))
        note = "" if args.train_only else " (dev was trained on: not a held-out figure)"
        print(f"\n{corpus} dev{note}\n{format_scores(scores)}")


if __name__ == "__main__":
    main()
