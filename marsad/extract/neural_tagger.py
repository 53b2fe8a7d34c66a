"""A small neural NER tagger whose tag guesses are features of the second-pass CRF.

The network (built and trained by ``scripts/train_neural_ner.py``, run here with
onnxruntime) reads each token as its word, its stem without proclitics, its
characters (all in ``match_key`` form) and a few word-list flags the CRF features
already hold (gazetteer place, person name, trigger class, shape, usage codes),
runs a bidirectional LSTM over the sentence and gives every token a probability
for each BIO tag. ``stacking_features`` turns those into CRF attributes.

Files in the model folder: ``neural.onnx`` (the network) and ``neural.json`` (its
vocabularies). Nothing is loaded at import.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.arabic.tokens import split_clitics
from marsad.errors import ModelError
from marsad.extract.tagger import NEURAL_MODEL

NEURAL_VOCABULARY = "neural.json"
PAD, UNKNOWN = 0, 1
# Characters of a word the network reads (the first ones; names rarely need more).
MAX_CHARS = 16
# CRF features whose presence is a network input (list memberships, shape, usage codes).
FLAG_PREFIXES = ("given", "person", "place", "org=", "t=", "sh=", "z=", "sz=", "art=", "suf=")
# Sentences run through the network together (padded to the longest of each batch).
BATCH_SENTENCES = 32
# Words whose encoding is kept between calls.
WORD_CACHE_SIZE = 100_000


def is_flag(feature: str) -> bool:
    return feature.startswith(FLAG_PREFIXES)


@dataclass(frozen=True)
class Vocabulary:
    """Index of every input symbol and of every output tag (index 0 and 1 of words and
    characters are padding and unknown)."""

    words: dict[str, int]
    chars: dict[str, int]
    flags: dict[str, int]
    tags: tuple[str, ...]

    @classmethod
    def read(cls, path: Path) -> Vocabulary:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            words={word: i for i, word in enumerate(raw["words"])},
            chars={char: i for i, char in enumerate(raw["chars"])},
            flags={flag: i for i, flag in enumerate(raw["flags"])},
            tags=tuple(raw["tags"]),
        )

    def write(self, path: Path) -> None:
        raw = {"words": list(self.words), "chars": list(self.chars), "flags": list(self.flags), "tags": self.tags}
        path.write_text(json.dumps(raw, ensure_ascii=False) + "\n", encoding="utf-8")


@dataclass
class Batch:
    """Padded network inputs for a list of sentences: per token its word, stem and character
    indices in one row (``ids``), and its flags."""

    ids: np.ndarray  # (sentences, tokens, 2 + MAX_CHARS) int64
    flags: np.ndarray  # (sentences, tokens, flags) float32
    lengths: list[int]

    def inputs(self) -> dict[str, np.ndarray]:
        return {"ids": self.ids, "flags": self.flags}


class Encoder:
    """Turns tokens into network inputs, cached per distinct word.

    ``word_features(word)`` gives the word's CRF features (any list of strings); those the
    vocabulary knows as flags become inputs.
    """

    def __init__(self, vocabulary: Vocabulary, key: Callable[[str], str],
                 word_features: Callable[[str], Sequence[str]]) -> None:
        self.vocabulary = vocabulary
        self._key = key
        self._word_features = word_features
        self._cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def encode_word(self, word: str) -> tuple[np.ndarray, np.ndarray]:
        """(word, stem and character indices; flags) of one token."""
        encoded = self._cache.get(word)
        if encoded is None:
            vocabulary = self.vocabulary
            key = self._key(word)
            ids = np.zeros(2 + MAX_CHARS, dtype=np.int64)
            ids[0] = vocabulary.words.get(key, UNKNOWN)
            ids[1] = vocabulary.words.get(split_clitics(key).stem, UNKNOWN)
            chars = [vocabulary.chars.get(char, UNKNOWN) for char in key[:MAX_CHARS]]
            ids[2 : 2 + len(chars)] = chars
            flags = np.zeros(len(vocabulary.flags), dtype=np.float32)
            flags[[vocabulary.flags[f] for f in self._word_features(word) if f in vocabulary.flags]] = 1.0
            encoded = (ids, flags)
            if len(self._cache) >= WORD_CACHE_SIZE:
                self._cache.clear()
            self._cache[word] = encoded
        return encoded

    def batch(self, sentences: Sequence[Sequence[str]]) -> Batch:
        lengths = [len(words) for words in sentences]
        width = max(lengths, default=0)
        ids = np.zeros((len(sentences), width, 2 + MAX_CHARS), dtype=np.int64)
        flags = np.zeros((len(sentences), width, len(self.vocabulary.flags)), dtype=np.float32)
        for i, sentence in enumerate(sentences):
            if sentence:
                encoded = [self.encode_word(word) for word in sentence]
                ids[i, : len(sentence)] = np.stack([row for row, _ in encoded])
                flags[i, : len(sentence)] = np.stack([row for _, row in encoded])
        return Batch(ids, flags, lengths)

    def clear_cache(self) -> None:
        self._cache.clear()


def same_length_batches(sentences: Sequence[Sequence[str]], size: int = BATCH_SENTENCES) -> list[list[int]]:
    """Indices of the non-empty sentences in batches of one length: no padding, so that a sentence
    gets the same probabilities whatever it is tagged with (the backward LSTM would read the padding)."""
    by_length: dict[int, list[int]] = defaultdict(list)
    for i, words in enumerate(sentences):
        if words:
            by_length[len(words)].append(i)
    return [
        indices[start : start + size]
        for _, indices in sorted(by_length.items())
        for start in range(0, len(indices), size)
    ]


class NeuralTagger:
    """The network of a model folder, run with onnxruntime on one thread."""

    def __init__(self, folder: Path, key: Callable[[str], str], word_features: Callable[[str], Sequence[str]]) -> None:
        try:
            import onnxruntime
        except ImportError:
            message = 'this NER model has a neural tagger, which needs onnxruntime: pip install "marsad[neural]"'
            raise ModelError(message, path=str(folder)) from None

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        try:
            vocabulary = Vocabulary.read(folder / NEURAL_VOCABULARY)
            self._session = onnxruntime.InferenceSession(
                str(folder / NEURAL_MODEL), options, providers=["CPUExecutionProvider"]
            )
        except (OSError, ValueError, KeyError, RuntimeError) as error:
            raise ModelError(f"cannot open the neural NER model: {error}", path=str(folder)) from None
        self.tags = vocabulary.tags
        self.encoder = Encoder(vocabulary, key, word_features)

    def probabilities(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per sentence, a (tokens, tags) array of tag probabilities."""
        results: list[np.ndarray] = [np.zeros((0, len(self.tags)), dtype=np.float32)] * len(sentences)
        for indices in same_length_batches(sentences):
            batch = self.encoder.batch([sentences[i] for i in indices])
            (probabilities,) = self._session.run(None, batch.inputs())
            for row, i in enumerate(indices):
                results[i] = probabilities[row, : batch.lengths[row]]
        return results

    def stacking_features(self, sentences: Sequence[Sequence[str]]) -> list[list[list[str]]]:
        """Second-pass CRF attributes of each token of each sentence (see ``stacking_features``)."""
        return [stacking_features(probabilities, self.tags) for probabilities in self.probabilities(sentences)]


def best_tags(probabilities: np.ndarray, tags: Sequence[str]) -> list[str]:
    return [tags[i] for i in probabilities.argmax(axis=1)]


def stacking_features(probabilities: np.ndarray, tags: Sequence[str]) -> list[list[str]]:
    """CRF attributes of one sentence from the network's guesses: its best tag here and
    next door, and that tag with its confidence in three steps."""
    best = probabilities.argmax(axis=1)
    confidence = probabilities.max(axis=1)
    names = [tags[i] for i in best]
    last = len(names) - 1
    features = []
    for i, name in enumerate(names):
        step = "hi" if confidence[i] >= 0.9 else "mid" if confidence[i] >= 0.6 else "lo"
        features.append([
            f"nn={name}",
            f"nn={name}|{step}",
            f"nn-={names[i - 1] if i else 'BOS'}",
            f"nn+={names[i + 1] if i < last else 'EOS'}",
        ])
    return features

