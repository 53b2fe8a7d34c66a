from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.errors import ParseError
from marsad.extract.ner_cli import app
from marsad.extract.tagger import (
    MICRO,
    FeatureExtractor,
    Lexicon,
    NameLikeness,
    context_features,
    entity_spans,
    format_conll,
    load_tagger,
    read_conll,
    repair_bio,
    score_entities,
)

LEXICON = Lexicon(
    triggers={"title": frozenset({"الرييس", "وزير"}), "place": frozenset({"مدينه"})},
    given_names=frozenset({"سمير"}),
    places=frozenset({"حلب", "الرقه", "دير الزور"}),
    organisations={"بنزيكا": "club", "شركه النسيم للطيران": "company"},
)


def test_word_features_strip_clitics_and_find_lists():
    own, near = FeatureExtractor(LEXICON).word_features("بالرقة")
    assert {"w=بالرقه", "s=رقه", "pre=بال", "place", "sh=arabic", "x1=ه"} <= set(own)
    assert near == ["w=بالرقه", "sh=arabic", "s=رقه", "place", "z=0"]


def test_word_features_of_latin_and_digits():
    extractor = FeatureExtractor(LEXICON)
    assert "sh=Latin" in extractor.word_features("Reuters")[0]
    assert "sh=LATIN" in extractor.word_features("SDF")[0]
    assert "w=reuters" in extractor.word_features("REUTERS")[0]
    assert "sh=digit" in extractor.word_features("٢٠٢٤")[0]


def test_name_likeness_sums_the_weights_of_a_words_ngrams():
    likeness = NameLikeness(weights={"<ب": (1.0, 0.0), "وف>": (2.0, -1.0)}, bias=(-1.0, 0.5), longest=3)
    assert likeness.scores("بوف") == (2.0, -0.5)
    assert likeness.scores("توف") == (1.0, -0.5)  # the n-gram at the start is missing
    assert likeness.scores("بوفا") == (0.0, 0.5)  # and the one at the end is no longer at the end


def test_word_features_bucket_the_name_likeness_of_the_stem():
    likeness = NameLikeness(weights={"سكي>": (2.5, -0.5), "<ال": (-9.0, -9.0)}, bias=(0.0, 0.0), longest=4)
    extractor = FeatureExtractor(replace(LEXICON, name_likeness=likeness))
    own, near = extractor.word_features("وزيلينسكي")  # scored without its conjunction
    assert {"nP=2", "nL=-1"} <= set(own)
    assert "nm=1" in near and not any(item.startswith(("nP=", "nL=")) for item in near)
    assert {"nP=-4", "nL=-4"} <= set(extractor.word_features("الالتزام")[0])  # clipped
    assert not any(item.startswith("nP=") for item in extractor.word_features("Zelensky")[0])


def test_packaged_name_likeness_tells_transliterated_names_from_common_words():
    likeness = load_tagger().features.lexicon.name_likeness
    assert likeness is not None
    for name in ("زيلينسكي", "غرونفيلدر", "ايفانوفيتش"):
        person, _ = likeness.scores(name)
        assert person > 3, name
    for word in ("اجتماعات", "مشروعات", "يعملون"):
        person, place = likeness.scores(word)
        assert max(person, place) < -2, word


def test_sentence_features_see_neighbours_and_place_phrases():
    words = ["قال", "الرئيس", "سمير", "في", "دير", "الزور"]
    features = FeatureExtractor(LEXICON).sentence_features(words)
    assert len(features) == len(words)
    assert "BOS" in features[0] and "EOS" in features[-1]
    assert {"-1t=title", "given", "-2w=قال", "1w=في", "2w=دير", "b-=الرييس|سمير"} <= set(features[2])
    assert "gB" in features[4] and "gI" in features[5]
    assert not {"gB", "gI"} & set(features[3])


def test_word_features_find_a_known_organisation_after_a_conjunction_and_a_preposition():
    extractor = FeatureExtractor(LEXICON)
    assert "org=club" in extractor.word_features("وبنزيكا")[0]  # و + بنزيكا, not و + ب + نزيكا
    assert "org=club" in extractor.word_features("لبنزيكا")[0]
    assert "org=club" in extractor.word_features("بنزيكا")[1]
    assert not any(item.startswith("org=") for item in extractor.word_features("بنزيك")[0])


def test_sentence_features_mark_a_known_organisation_of_several_words():
    words = "وقالت شركة النسيم للطيران في حلب".split()
    features = FeatureExtractor(LEXICON).sentence_features(words)
    marks = [[item for item in items if item in ("oB", "oI", "org=company")] for items in features]
    assert marks == [[], ["oB", "org=company"], ["oI", "org=company"], ["oI", "org=company"], [], []]


def test_sentence_features_mark_a_short_quotation():
    words = "عرضت القناة برنامج « حديث المساء » وقال المذيع ' ' مرحبا ' ' .".split()
    features = FeatureExtractor(LEXICON).sentence_features(words)
    quoted = [[item for item in items if item in ("inq", "q<", "q>")] for items in features]
    assert quoted[4:6] == [["inq", "q<"], ["inq", "q>"]]
    assert quoted[11] == ["inq", "q<", "q>"]
    assert not any(quoted[:4] + quoted[6:11] + quoted[12:])


def test_sentence_features_leave_long_quoted_speech_unmarked():
    words = 'قال الوزير " إن الحكومة لن تقبل بأي شروط جديدة من أي طرف " ثم غادر'.split()
    assert not any("inq" in items for items in FeatureExtractor(LEXICON).sentence_features(words))


def test_forms_drop_proclitics_but_keep_the_article():
    assert FeatureExtractor(LEXICON).forms(["بالرقة", "الرقة", "وسمير", "في"]) == ["الرقه", "الرقه", "سمير", "في"]


def test_context_features_count_the_other_uses_of_a_word():
    forms = [["سمير", "في", "حلب"], ["قال", "سمير"], ["سمير"]]
    first = [["B-PER", "O", "B-LOC"], ["O", "O"], ["B-LOC"]]
    features = context_features(forms, first)
    # سمير in the second sentence: tagged O itself, PER once and LOC once elsewhere.
    assert features[1][1] == [
        "f1=O", "f1-=O", "f1+=EOS", "ctx=PER", "ctxPER=2", "ctxO>PER", "ctx=LOC", "ctxLOC=2", "ctxO>LOC",
    ]
    # حلب occurs once: nothing to learn from elsewhere.
    assert features[0][2] == ["f1=B-LOC", "f1-=O", "f1+=EOS", "ctx=alone"]
    # في is O everywhere; the first سمير sees one O and one LOC besides itself.
    assert features[0][1] == ["f1=O", "f1-=B-PER", "f1+=B-LOC", "ctx=alone"]
    assert features[0][0][3:] == ["ctx=LOC", "ctxLOC=2", "ctxPER>LOC"]


def test_context_features_tell_a_surname_seen_inside_a_full_name():
    forms = [["قال", "سمير", "حداد"], ["واضاف", "حداد"]]
    first = [["O", "B-PER", "I-PER"], ["O", "O"]]
    features = context_features(forms, first)
    assert {"ctx=PER", "ctxO>PER", "ctxI=PER"} <= set(features[1][1])
    # The full name's own I- tag is not evidence about itself.
    assert not any(item.startswith("ctxI=") for item in features[0][2])


def test_packaged_tagger_finds_obvious_entities():
    words = "قال الرئيس الفرنسي إيمانويل ماكرون في باريس".split()
    tags = load_tagger().tag(words)
    assert entity_spans(tags) >= {("PER", 3, 5), ("LOC", 6, 7)}
    assert tags[1] == "O"
    assert load_tagger().tag([]) == []
    assert load_tagger().tag_sentences([words, ["باريس"]])[0] == tags


def test_packaged_tagger_has_both_passes():
    """What scripts/train_ner.py writes is what ships: the second pass is there and used."""
    tagger = load_tagger()
    assert tagger._second is not None


def test_packaged_tagger_keeps_a_name_across_the_sentences_of_a_document():
    """A town named after مدينة is a place where its sentence alone says little."""
    document = [
        "وصل وزير الخارجية إلى مدينة زاخورة صباح اليوم .".split(),
        "وتقع زاخورة قرب الحدود .".split(),
    ]
    tagger = load_tagger()
    first, second = tagger.tag_sentences(document)
    assert ("LOC", 5, 6) in entity_spans(first)
    assert ("LOC", 1, 2) in entity_spans(second)
    assert ("LOC", 1, 2) not in entity_spans(tagger.tag(document[1]))


def test_repair_bio():
    assert repair_bio(["I-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-LOC"]) == [
        "B-PER", "I-PER", "O", "B-LOC", "B-ORG", "B-LOC",
    ]


def test_conll_round_trip_keeps_blank_lines():
    text = "قال\tO\nماكرون\tB-PER\n\n\nفي\tO\nباريس\tB-LOC\n"
    sentences = list(read_conll(io.StringIO(text)))
    assert [s.words for s in sentences] == [["قال", "ماكرون"], ["في", "باريس"]]
    assert [s.gold for s in sentences] == [["O", "B-PER"], ["O", "B-LOC"]]
    assert [s.blank_lines for s in sentences] == [2, 0]
    assert "".join(format_conll(s, s.gold) for s in sentences) == text


def test_conll_one_column_and_mixed_columns():
    sentences = list(read_conll(["سمير\n", "\n", "حلب\n", "\n"]))
    assert [(s.words, s.gold, s.blank_lines) for s in sentences] == [(["سمير"], None, 1), (["حلب"], None, 1)]
    with pytest.raises(ParseError) as error:
        list(read_conll(["سمير\tB-PER\n", "حلب\n"], path="x.conll"))
    assert error.value.line == 2


def test_entity_spans_conlleval_style():
    tags = ["B-PER", "I-PER", "I-LOC", "O", "I-ORG", "I-ORG", "B-ORG", "B-MISC"]
    assert entity_spans(tags) == {("PER", 0, 2), ("LOC", 2, 3), ("ORG", 4, 6), ("ORG", 6, 7), ("MISC", 7, 8)}


def test_score_entities_on_a_known_pair():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG", "O", "B-LOC"]]
    predicted = [["B-PER", "O", "O", "B-LOC"], ["B-ORG", "I-ORG", "B-PER", "O"]]
    scores = score_entities(gold, predicted)
    assert list(scores) == ["LOC", "ORG", "PER", MICRO]
    # gold: PER 0-2, LOC 3, ORG 0-2, LOC 3; found: PER 0-1 (wrong end), LOC 3, ORG 0-2, PER 2.
    assert (scores["LOC"].true_positives, scores["LOC"].false_negatives) == (1, 1)
    assert (scores["PER"].false_positives, scores["PER"].false_negatives) == (2, 1)
    micro = scores[MICRO]
    assert (micro.true_positives, micro.false_positives, micro.false_negatives) == (2, 2, 2)
    assert micro.precision == micro.recall == micro.f1 == 0.5
    assert scores["LOC"].precision == 1.0 and scores["LOC"].recall == 0.5
    assert scores["LOC"].f1 == pytest.approx(2 / 3)


def test_cli_tag_and_eval(tmp_path: Path):
    path = tmp_path / "one.conll"
    path.write_text("قال\tO\nالرئيس\tO\nإيمانويل\tB-PER\nماكرون\tI-PER\n\nفي\tO\nباريس\tB-LOC\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["tag", str(path)])
    assert result.exit_code == 0
    lines = result.stdout.split("\n")
    assert lines[4] == "" and lines[6] == "باريس\tB-LOC"
    assert [line.split("\t")[0] for line in lines if line] == ["قال", "الرئيس", "إيمانويل", "ماكرون", "في", "باريس"]
    out = tmp_path / "tagged.conll"
    assert runner.invoke(app, ["tag", str(path), "--out", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == result.stdout
    result = runner.invoke(app, ["eval", str(path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split() == ["type", "P", "R", "F1", "gold"]
    assert result.stdout.splitlines()[-1].split()[0] == MICRO
