"""Mention replacement for NER training data (scripts/augment_ner.py)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from marsad.extract.tagger import ConllSentence, entity_spans

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from augment_ner import (
    NamePool,
    attach_proclitic,
    augmented_contexts,
    build_pool,
    replace_mentions,
    split_proclitic,
)


def sentence(text: str) -> ConllSentence:
    """``word/TAG`` pairs, a bare word being O."""
    pairs = [item.split("/") if "/" in item else (item, "O") for item in text.split()]
    return ConllSentence([word for word, _ in pairs], [tag for _, tag in pairs])


TRAINING = [
    sentence("زار جورج/B-PER بوش/I-PER سوريا/B-LOC أمس"),
    sentence("وقال بوش/B-PER إن وسوريا/B-LOC ولبنان/B-LOC جارتان"),
    sentence("وصل الوفد إلى لبنان/B-LOC بالطائرة"),
]


def test_proclitic_is_split_before_the_article_or_when_the_rest_is_a_known_name():
    pool = build_pool(TRAINING, {})
    assert split_proclitic("بالرقة", "LOC", pool) == ("ب", "الرقة")
    assert split_proclitic("للعراق", "LOC", pool) == ("ل", "العراق")
    assert split_proclitic("وسوريا", "LOC", pool) == ("و", "سوريا")
    assert split_proclitic("لبنان", "LOC", pool) == ("", "لبنان")
    assert split_proclitic("ولبنان", "LOC", pool) == ("و", "لبنان")
    assert attach_proclitic("ل", "الموصل") == "للموصل"
    assert attach_proclitic("وب", "حمص") == "وبحمص"


def test_a_name_is_replaced_the_same_way_throughout_with_its_proclitics_and_tags():
    pool = NamePool(split={"PER": [("سمير",), ("قصير",)], "LOC": [("مدينة", "الموصل")]},
                    known=build_pool(TRAINING, {}).known)
    copy = replace_mentions(TRAINING[:2], pool, random.Random(3), ["PER", "LOC"])
    first, second = copy
    assert first.words[3:5] == ["مدينة", "الموصل"]
    assert second.words[3:7] == ["ومدينة", "الموصل", "ومدينة", "الموصل"]  # و stays on the new name
    assert entity_spans(first.gold) == {("PER", 1, 3), ("LOC", 3, 5)}
    assert entity_spans(second.gold) == {("PER", 1, 2), ("LOC", 3, 5), ("LOC", 5, 7)}
    assert second.words[1] == first.words[2] != "بوش"  # the surname alone is the new surname
    assert [second.words[0], second.words[2], second.words[-1]] == ["وقال", "إن", "جارتان"]

def test_only_the_chosen_types_are_replaced_and_external_names_are_used():
    pool = build_pool(TRAINING, {"LOC": [("حماة",)]})
    copy = replace_mentions(TRAINING[2:], pool, random.Random(1), ["LOC"], external_share=1.0)
    assert copy[0].words == ["وصل", "الوفد", "إلى", "حماة", "بالطائرة"]
    assert replace_mentions(TRAINING[2:], pool, random.Random(1), ["PER"])[0].words == TRAINING[2].words


def test_copies_are_runs_of_each_context_about_the_ratio_long():
    pool = build_pool(TRAINING, {})
    contexts = [TRAINING, TRAINING[:2]]
    copies = augmented_contexts(contexts, pool, 0.5, ["PER", "LOC"], seed=4)
    assert [(source, len(copy)) for source, copy in copies] == [(0, 2), (1, 1)]
    assert [(source, len(copy)) for source, copy in augmented_contexts(contexts, pool, 1.5, ["PER"])] == [
        (0, 3), (0, 2), (1, 2), (1, 1),
    ]
    assert augmented_contexts(contexts, pool, 0.5, ["PER", "LOC"], seed=4) == copies  # deterministic
