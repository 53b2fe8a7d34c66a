from __future__ import annotations

from pathlib import Path

import numpy as np

from marsad.extract.neural_tagger import (
    MAX_CHARS,
    UNKNOWN,
    Encoder,
    Vocabulary,
    is_flag,
    same_length_batches,
    stacking_features,
)
from marsad.extract.tagger import match_key

TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC")
VOCABULARY = Vocabulary(
    words={"<pad>": 0, "<unk>": 1, "قاهره": 2, "وصل": 3},
    chars={"<pad>": 0, "<unk>": 1, "ق": 2, "ا": 3, "ه": 4, "ر": 5},
    flags={"place": 0, "sh=arabic": 1},
    tags=TAGS,
)


def _features(word: str) -> list[str]:
    return ["w=" + word, "sh=arabic", "place"] if "قاهر" in match_key(word) else ["w=" + word, "sh=arabic"]


def test_vocabulary_round_trip(tmp_path: Path):
    VOCABULARY.write(tmp_path / "vocabulary.json")
    assert Vocabulary.read(tmp_path / "vocabulary.json") == VOCABULARY


def test_encoder_reads_word_stem_characters_and_flags():
    encoder = Encoder(VOCABULARY, match_key, _features)
    ids, flags = encoder.encode_word("بالقاهرة")
    assert ids[0] == UNKNOWN  # the whole word was not seen in training
    assert ids[1] == VOCABULARY.words["قاهره"]  # its stem was
    assert list(ids[2:6]) == [UNKNOWN, VOCABULARY.chars["ا"], UNKNOWN, VOCABULARY.chars["ق"]]  # ب and ل unseen
    assert list(flags) == [1.0, 1.0]
    assert len(ids) == 2 + MAX_CHARS
    assert list(encoder.encode_word("وصل")[1]) == [0.0, 1.0]


def test_encoder_pads_a_batch_to_its_longest_sentence():
    batch = Encoder(VOCABULARY, match_key, _features).batch([["وصل", "إلى", "القاهرة"], ["وصل"]])
    assert batch.ids.shape == (2, 3, 2 + MAX_CHARS)
    assert batch.flags.shape == (2, 3, 2)
    assert batch.lengths == [3, 1]
    assert batch.ids[1, 1:].sum() == 0 and batch.flags[1, 1:].sum() == 0
    assert batch.ids[0, 2, 1] == VOCABULARY.words["قاهره"]  # the stem of القاهرة, its article split off


def test_batches_hold_sentences_of_one_length_and_skip_empty_ones():
    sentences = [["a"] * 2, [], ["a"], ["a"] * 2, ["a"] * 2, ["a"] * 5]
    assert same_length_batches(sentences, size=2) == [[2], [0, 3], [4], [5]]


def test_flags_are_list_memberships_shape_and_usage():
    assert all(map(is_flag, ["place", "given", "person", "t=title", "sh=Latin", "z=3", "art=2", "suf=-"]))
    assert not any(map(is_flag, ["w=حلب", "s=حلب", "p2=حل", "x1=ب", "len=3", "BOS"]))


def test_stacking_features_give_the_best_tag_its_confidence_and_neighbours():
    probabilities = np.array([[0.95, 0.05, 0, 0, 0], [0.2, 0.7, 0.1, 0, 0], [0.3, 0.1, 0.4, 0.2, 0]])
    features = stacking_features(probabilities, TAGS)
    assert features[0] == ["nn=O", "nn=O|hi", "nn-=BOS", "nn+=B-PER"]
    assert features[1] == ["nn=B-PER", "nn=B-PER|mid", "nn-=O", "nn+=I-PER"]
    assert features[2] == ["nn=I-PER", "nn=I-PER|lo", "nn-=B-PER", "nn+=EOS"]

