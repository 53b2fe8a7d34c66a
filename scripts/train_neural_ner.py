"""Train the neural NER tagger (marsad.extract.neural_tagger) and export it to ONNX.

    .venv/bin/pip install -e ".[train]"    # PyTorch and onnx, for training only
    nice .venv/bin/python scripts/train_neural_ner.py --lexicon marsad/data/ner --out-dir /tmp/nn --train-only

``scripts/train_ner.py`` calls ``train_network`` itself (for its jackknife folds and for
the shipped model); run this script alone to see the network's own dev figures.
Trained on the ANERcorp and AQMAR train splits (and dev, unless --train-only); with
--train-only the dev splits pick the best epoch, otherwise --epochs fixes the count.
"""

from __future__ import annotations

import argparse
import random
import time
import warnings
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from torch import nn

from marsad.arabic.tokens import split_clitics
from marsad.extract.neural_tagger import (
    MAX_CHARS,
    NEURAL_VOCABULARY,
    Encoder,
    NeuralTagger,
    Vocabulary,
    best_tags,
    is_flag,
    same_length_batches,
)
from marsad.extract.tagger import (
    ENTITY_LABELS,
    NEURAL_MODEL,
    OUTSIDE,
    ConllSentence,
    FeatureExtractor,
    format_scores,
    match_key,
    read_conll,
    read_lexicon,
    repair_bio,
    score_entities,
)

SHARED_NER = Path(__file__).resolve().parents[2] / "shared" / "data" / "ner"
CORPORA = ("anercorp", "aqmar")
TAGS = (OUTSIDE, *(f"{prefix}-{label}" for label in ENTITY_LABELS for prefix in "BI"))
# A word (or stem) needs this many training uses to get its own embedding.
MIN_WORD_COUNT = 2
MIN_CHAR_COUNT = 2
# Share of known words read as unknown during training, so that the unknown embedding learns.
WORD_DROPOUT = 0.1
SEED = 13
# Sentences per training step (fewer than at inference: more steps per epoch).
TRAIN_BATCH_SENTENCES = 16


class Network(nn.Module):
    """Word and stem embeddings, a character CNN and the word-list flags, then a bidirectional LSTM (or GRU)."""

    def __init__(self, vocabulary: Vocabulary, word_dim: int = 64, char_dim: int = 24, char_filters: int = 48,
                 hidden: int = 100, dropout: float = 0.5, cell: str = "lstm") -> None:
        super().__init__()
        self.word_embedding = nn.Embedding(len(vocabulary.words), word_dim, padding_idx=0)
        self.char_embedding = nn.Embedding(len(vocabulary.chars), char_dim, padding_idx=0)
        self.char_convolution = nn.Conv1d(char_dim, char_filters, kernel_size=3, padding=1)
        recurrent = {"lstm": nn.LSTM, "gru": nn.GRU}[cell]
        self.recurrent = recurrent(2 * word_dim + char_filters + len(vocabulary.flags), hidden,
                                   batch_first=True, bidirectional=True)
        self.dropout = nn.Dropout(dropout)
        self.output = nn.Linear(2 * hidden, len(vocabulary.tags))

    def forward(self, ids, flags):
        words, stems, chars = ids[:, :, 0], ids[:, :, 1], ids[:, :, 2:]
        sentences, tokens, width = chars.shape
        embedded_chars = self.char_embedding(chars.reshape(sentences * tokens, width)).transpose(1, 2)
        char_vectors = torch.relu(self.char_convolution(embedded_chars)).amax(dim=2)
        inputs = torch.cat([self.word_embedding(words), self.word_embedding(stems),
                            char_vectors.reshape(sentences, tokens, -1), flags], dim=2)
        states, _ = self.recurrent(self.dropout(inputs))
        return self.output(self.dropout(states))


class Probabilities(nn.Module):
    """The network with a softmax on top: what is exported."""

    def __init__(self, network: Network) -> None:
        super().__init__()
        self.network = network

    def forward(self, ids, flags):
        return torch.softmax(self.network(ids, flags), dim=2)


def length_batches(sentences: Sequence[Sequence[str]], size: int) -> list[list[int]]:
    """Indices of the non-empty sentences in training batches of similar length (little padding)."""
    order = sorted((i for i, words in enumerate(sentences) if words), key=lambda i: len(sentences[i]))
    return [order[start : start + size] for start in range(0, len(order), size)]


def build_vocabulary(sentences: Sequence[ConllSentence], extractor: FeatureExtractor) -> Vocabulary:
    words: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    flags: set[str] = set()
    for sentence in sentences:
        for word in sentence.words:
            key = match_key(word)
            words[key] += 1
            stem = split_clitics(key).stem
            if stem != key:
                words[stem] += 1
            chars.update(key[:MAX_CHARS])
    for word in {w for sentence in sentences for w in sentence.words}:
        flags.update(f for f in extractor.word_features(word)[0] if is_flag(f))
    specials = ["<pad>", "<unk>"]
    return Vocabulary(
        words={w: i for i, w in enumerate(specials + sorted(w for w, n in words.items() if n >= MIN_WORD_COUNT))},
        chars={c: i for i, c in enumerate(specials + sorted(c for c, n in chars.items() if n >= MIN_CHAR_COUNT))},
        flags={f: i for i, f in enumerate(sorted(flags))},
        tags=TAGS,
    )


def tensors(encoder: Encoder, sentences: Sequence[Sequence[str]]) -> list[torch.Tensor]:
    batch = encoder.batch(sentences)
    return [torch.from_numpy(batch.ids), torch.from_numpy(batch.flags)]


def predict(network: Network, encoder: Encoder, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
    network.eval()
    results: list[np.ndarray] = [np.zeros((0, len(TAGS)), dtype=np.float32)] * len(sentences)
    with torch.no_grad():
        for indices in same_length_batches(sentences):
            probabilities = torch.softmax(network(*tensors(encoder, [sentences[i] for i in indices])), dim=2).numpy()
            for row, i in enumerate(indices):
                results[i] = probabilities[row, : len(sentences[i])]
    return results


def dev_f1(network: Network, encoder: Encoder, dev: Sequence[ConllSentence]) -> float:
    predicted = [repair_bio(best_tags(p, TAGS)) for p in predict(network, encoder, [s.words for s in dev])]
    return score_entities([s.gold for s in dev], predicted)["micro"].f1


def train_network(train: Sequence[ConllSentence], dev: Sequence[ConllSentence] | None, lexicon_dir: Path,
                  out_dir: Path, epochs: int = 12, max_epochs: int = 40, patience: int = 5,
                  log=print, **sizes) -> int:
    """Train on ``train``; with ``dev``, keep the epoch with the best dev F1 (stopping after
    ``patience`` epochs without gain), else train ``epochs`` epochs. Writes the ONNX network
    and its vocabulary into ``out_dir`` and returns the number of epochs kept."""
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    rng = random.Random(SEED)
    extractor = FeatureExtractor(read_lexicon(lexicon_dir))
    vocabulary = build_vocabulary(train, extractor)
    encoder = Encoder(vocabulary, match_key, lambda word: extractor.word_features(word)[0])
    network = Network(vocabulary, **sizes)
    optimiser = torch.optim.Adam(network.parameters(), lr=2e-3)
    loss_function = nn.CrossEntropyLoss(ignore_index=-1)
    tag_index = {tag: i for i, tag in enumerate(TAGS)}
    unknown_words = torch.tensor(1)
    best_f1, best_state, best_epoch = -1.0, None, 0
    for epoch in range(1, (max_epochs if dev else epochs) + 1):
        started = time.perf_counter()
        network.train()
        batches = length_batches([s.words for s in train], TRAIN_BATCH_SENTENCES)
        rng.shuffle(batches)
        total = 0.0
        for indices in batches:
            ids, flags = tensors(encoder, [train[i].words for i in indices])
            known = ids[:, :, :2] > 1
            drop = (torch.rand(known.shape) < WORD_DROPOUT) & known
            ids = torch.cat([torch.where(drop, unknown_words, ids[:, :, :2]), ids[:, :, 2:]], dim=2)
            gold = torch.full(ids.shape[:2], -1, dtype=torch.long)
            for row, i in enumerate(indices):
                gold[row, : len(train[i].gold)] = torch.tensor([tag_index[t] for t in train[i].gold])
            logits = network(ids, flags)
            loss = loss_function(logits.reshape(-1, len(TAGS)), gold.reshape(-1))
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(network.parameters(), 5.0)
            optimiser.step()
            total += loss.item()
        note = f"epoch {epoch}: loss {total / len(batches):.4f} ({time.perf_counter() - started:.0f} s)"
        if dev:
            f1 = dev_f1(network, encoder, dev)
            note += f", dev F1 {f1:.3f}"
            if f1 > best_f1:
                best_f1, best_epoch = f1, epoch
                best_state = {name: value.clone() for name, value in network.state_dict().items()}
            elif epoch - best_epoch >= patience:
                log(note)
                break
        log(note)
    if best_state is not None:
        network.load_state_dict(best_state)
    else:
        best_epoch = epochs
    export(network, encoder, out_dir)
    return best_epoch


def export(network: Network, encoder: Encoder, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    network.eval()
    example = tensors(encoder, [["مثال", "قصير"], ["جملة"]])
    axes = {0: "sentences", 1: "tokens"}
    with warnings.catch_warnings():  # the legacy exporter's notices (the LSTM's batch size is dynamic here)
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Probabilities(network).eval(), tuple(example), str(out_dir / NEURAL_MODEL), dynamo=False,
            input_names=["ids", "flags"], output_names=["probabilities"],
            dynamic_axes={"ids": axes, "flags": axes, "probabilities": axes},
            opset_version=17,
        )
    encoder.vocabulary.write(out_dir / NEURAL_VOCABULARY)
    check_export(network, encoder, out_dir)


def check_export(network: Network, encoder: Encoder, out_dir: Path) -> None:
    """The exported network gives the same probabilities as the trained one, whatever the batch size."""
    import onnxruntime

    session = onnxruntime.InferenceSession(str(out_dir / NEURAL_MODEL), providers=["CPUExecutionProvider"])
    sentences = [["قال", "الوزير", "في", "بيروت", "إن", "المحادثات", "انتهت"], ["وصل", "الوفد"], ["غدا"]]
    for batch_sentences in (sentences, sentences[:1], sentences[1:]):
        batch = encoder.batch(batch_sentences)
        with torch.no_grad():
            expected = torch.softmax(network(*tensors(encoder, batch_sentences)), dim=2).numpy()
        for row, length in enumerate(batch.lengths):
            (found,) = session.run(None, batch.inputs())
            if not np.allclose(found[row, :length], expected[row, :length], atol=1e-4):
                raise RuntimeError("the exported network disagrees with the trained one")


def read_split(corpus: str, split: str) -> list[ConllSentence]:
    with (SHARED_NER / f"{corpus}.{split}.conll").open(encoding="utf-8") as lines:
        return list(read_conll(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lexicon", type=Path, required=True, help="model folder with the CRF word lists")
    parser.add_argument("--out-dir", type=Path, required=True)
    parser.add_argument("--train-only", action="store_true", help="leave the dev splits out (for dev figures)")
    parser.add_argument("--epochs", type=int, default=12, help="epochs when no dev split is held out")
    args = parser.parse_args()
    splits = ("train",) if args.train_only else ("train", "dev")
    train = [s for corpus in CORPORA for split in splits for s in read_split(corpus, split)]
    dev = [s for corpus in CORPORA for s in read_split(corpus, "dev")] if args.train_only else None
    started = time.perf_counter()
    epochs = train_network(train, dev, args.lexicon, args.out_dir, epochs=args.epochs)
    print(f"trained {epochs} epochs in {time.perf_counter() - started:.0f} s")
    extractor = FeatureExtractor(read_lexicon(args.lexicon))
    tagger = NeuralTagger(args.out_dir, match_key, lambda word: extractor.word_features(word)[0])
    for corpus in CORPORA:
        sentences = read_split(corpus, "dev")
        predicted = [repair_bio(best_tags(p, tagger.tags)) for p in tagger.probabilities([s.words for s in sentences])]
        print(f"\n{corpus} dev\n{format_scores(score_entities([s.gold for s in sentences], predicted))}")


if __name__ == "__main__":
    main()
