"""Train the statement-stance model (same / contradiction / other) on the ANS headline pairs.

    python scripts/train_stance.py [../shared/data/news/ans_stance_pairs.jsonl]

ANS (Khouja 2020, github.com/latynt/ans) is Apache-2.0. Trains on its train split only,
prints accuracy on train and dev (per label too), and writes marsad/data/statement_stance.json:
softmax regression weights over marsad.corpus.stance.FEATURES and the hashed added words.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from marsad.corpus import stance
from marsad.corpus.stance import ADDED_WORD_BUCKETS, FEATURES, LABELS, added_word_buckets, statement_features

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "news" / "ans_stance_pairs.jsonl"
OUT = ROOT / "marsad" / "data" / "statement_stance.json"
GOLD = {"agree": stance.SAME, "disagree": stance.CONTRADICTION, "other": stance.OTHER}
L2 = 1e-3
STEPS = 1500
RATE = 0.5


def features(first: str, second: str) -> np.ndarray:
    row = np.zeros(len(FEATURES) + ADDED_WORD_BUCKETS)
    row[: len(FEATURES)] = statement_features(first, second)
    for bucket in added_word_buckets(first, second):
        row[len(FEATURES) + bucket] += 1
    return row


def load(path: Path, split: str) -> tuple[list[dict], np.ndarray, np.ndarray]:
    """The split's pairs in their own order (training on both orders measured worse on dev)."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    rows = [r for r in rows if r["split"] == split]
    x = np.array([features(r["text_a"], r["text_b"]) for r in rows])
    y = np.array([LABELS.index(GOLD[r["stance"]]) for r in rows])
    return rows, x, y


def train(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Softmax regression with an L2 penalty, by full-batch gradient descent."""
    weights = np.zeros((len(LABELS), x.shape[1]))
    onehot = np.eye(len(LABELS))[y]
    for _ in range(STEPS):
        logits = x @ weights.T
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        weights -= RATE * (((probs - onehot).T @ x) / len(y) + L2 * weights)
    return weights


def report(name: str, rows: list[dict], gold: np.ndarray) -> None:
    """Accuracy of the shipped scorer (both orders averaged), overall and per gold label."""
    predicted = [LABELS.index(stance.compare_statements(r["text_a"], r["text_b"])) for r in rows]
    hits = Counter()
    for p, g in zip(predicted, gold):
        hits[LABELS[g], p == g] += 1
    per_label = ", ".join(
        f"{label} {hits[label, True] / max(1, hits[label, True] + hits[label, False]):.3f} (n={hits[label, True] + hits[label, False]})"
        for label in LABELS
    )
    majority = Counter(gold.tolist()).most_common(1)[0][1] / len(gold)
    print(f"{name}: accuracy {np.mean(np.array(predicted) == gold):.3f} (majority class {majority:.3f}); recall {per_label}")


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    train_rows, x_train, y_train = load(path, "train")
    dev_rows, _, y_dev = load(path, "dev")
    weights = train(x_train, y_train)
    dense = len(FEATURES)
    OUT.write_text(
        json.dumps(
            {
                "_about": "Softmax regression over marsad.corpus.stance.FEATURES and hashed added words, "
                "trained on ANS train (Khouja 2020, Apache-2.0) by scripts/train_stance.py.",
                "features": list(FEATURES),
                "weights": {label: [round(float(w), 4) for w in weights[i, :dense]] for i, label in enumerate(LABELS)},
                "added_words": {label: [round(float(w), 4) for w in weights[i, dense:]] for i, label in enumerate(LABELS)},
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        + "\n",
        encoding="utf-8",
    )
    stance._model.cache_clear()
    print(f"wrote {OUT}")
    report("train", train_rows, y_train)
    report("dev", dev_rows, y_dev)


if __name__ == "__main__":
    main()
