"""Rebuild the NER tagger shipped in marsad/data/ner/.

    .venv/bin/pip install -e ".[train]"                             # training-only inputs (wordfreq, arabnamer;
                                                                    # PyTorch's CPU build, onnx for --neural-epochs)
    nice .venv/bin/python scripts/train_ner.py                      # the shipped model: train + dev splits
    nice .venv/bin/python scripts/train_ner.py --train-only --out-dir /tmp/ner   # dev figures

Writes into --out-dir (default marsad/data/ner), besides the hand-written triggers.json, given_names.txt
and organisations.json:
- places.txt        place names (normalised) from ../shared/data/gazetteer/places.tsv;
- person_names.txt  Arabic spellings of personal names from the arabnamer name dictionary;
- usage.tsv         per word: frequency, and how often its bare form takes the article or a pronoun
                    suffix (names rarely do), from the wordfreq Arabic list;
- name_ngrams.tsv   how much a word's letters look like a person's or a place's name rather than a common
                    word: character n-gram weights of a logistic regression learnt from the three lists
                    above only (GeoNames, arabnamer, wordfreq), needing scipy;
- first.crfsuite, second.crfsuite  the two CRFs (python-crfsuite, L-BFGS, elastic net). The second
                    sees the first's tags of the same word across the context; it is trained on tags
                    the first pass gave to data it was not trained on (two-fold jackknife). With
                    --augment R (not by default) the first also learns from copies of R of the data in
                    which persons' names are replaced by names of the arabnamer dictionary
                    (scripts/augment_ner.py, mention replacement); with the name-likeness features it
                    gains on ANERcorp and loses a little on AQMAR (figures there);
- with --neural-epochs N (not shipped yet): neural.onnx, neural.json, a small neural tagger
                    (scripts/train_neural_ner.py: word, stem and character embeddings and the word-list
                    flags under a BiLSTM, run with onnxruntime) whose guesses the second CRF then also
                    sees, learnt from networks trained on the other three quarters (four-fold jackknife).
                    Held-out dev with 16 epochs: ANERcorp F1 0.683 -> 0.692, AQMAR 0.680 -> 0.686, but
                    its confident guesses override the document context (a town named once after
                    مدينة is no longer a place in the next sentence), so the shipped model is CRF only.

Corpora and licences (credit them in the README):
- ANERcorp (Benajiba, Rosso & Benedí 2007), CAMeL Lab train split (Obeid et al. 2020): CC BY-SA 4.0.
- AQMAR Arabic Wikipedia NE corpus (Mohit et al. 2012): CC BY-SA 3.0.
- GeoNames (https://www.geonames.org): CC BY 4.0, place names.
- wordfreq (Robyn Speer): data CC BY-SA 4.0, word frequencies.
- arabnamer (Elsayed Yousef, https://github.com/sayedyousef/arabnamer): name dictionary CC BY 4.0.
SaudiNewsNet and the Baly corpus are never read here: nothing learned from them may ship.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import shutil
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite
import train_neural_ner  # the sibling script: scripts/ is on sys.path when this one runs
from augment_ner import augmented_contexts, build_pool, external_names

from marsad.arabic.tokens import split_clitics
from marsad.extract.neural_tagger import NEURAL_VOCABULARY, NeuralTagger
from marsad.extract.tagger import (
    CONTEXT_SENTENCES,
    FIRST_MODEL,
    NEURAL_MODEL,
    SECOND_MODEL,
    ConllSentence,
    FeatureExtractor,
    character_ngrams,
    context_features,
    format_scores,
    load_tagger,
    match_key,
    read_conll,
    read_lexicon,
    repair_bio,
    score_entities,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
PACKAGE_DATA = ROOT / "marsad" / "data" / "ner"
CORPORA = ("anercorp", "aqmar")
HAND_WRITTEN = ("triggers.json", "given_names.txt", "organisations.json")
# Pronoun suffixes (normalised) that a common noun takes and a name rarely does.
PRONOUN_SUFFIXES = ("ها", "هم", "هما", "هن", "كم", "نا")
# Words rarer than this Zipf frequency are left out of usage.tsv (they read as unseen).
MIN_ZIPF = 2.0
# The name-likeness model (name_ngrams.tsv): character n-grams up to this long, the L2 penalty of its
# logistic regression, the least frequent common words it learns from, the least weight kept in the table.
NGRAM_LONGEST = 4
NGRAM_L2 = 1.0
NGRAM_MIN_ZIPF = 3
NGRAM_MIN_WEIGHT = 0.05
ARABIC_WORD = re.compile("[\u0621-\u064a]+")
FOLDS = 2
# Folds of the network's jackknife: more than the CRF's, so that the guesses the second pass learns
# from come from networks nearly as good as the one it will run with.
NEURAL_FOLDS = 4


def read_split(corpus: str, split: str) -> list[ConllSentence]:
    path = SHARED / "ner" / f"{corpus}.{split}.conll"
    with path.open(encoding="utf-8") as lines:
        return list(read_conll(lines, str(path)))


def blocks(sentences: list[ConllSentence]) -> list[list[ConllSentence]]:
    """Consecutive runs of sentences tagged together, as ``Tagger.tag_corpus`` does."""
    return [sentences[i : i + CONTEXT_SENTENCES] for i in range(0, len(sentences), CONTEXT_SENTENCES)]


def write_places(out_dir: Path) -> int:
    """Every Arabic name of the gazetteer, normalised, one per line."""
    names = set()
    with (SHARED / "gazetteer" / "places.tsv").open(encoding="utf-8") as rows:
        alt_column = next(rows).rstrip("\n").split("\t").index("alt_ar")
        for row in rows:
            for name in row.rstrip("\n").split("\t")[alt_column].split("|"):
                key = " ".join(match_key(name).replace("-", " ").split())
                if len(key) > 2:
                    names.add(key)
    header = "# Place names from GeoNames (https://www.geonames.org), CC BY 4.0, normalised.\n"
    (out_dir / "places.txt").write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    return len(names)


def person_dictionary() -> Path:
    """arabnamer's English-to-Arabic name dictionary."""
    spec = importlib.util.find_spec("arabnamer")  # located, not imported: its model needs xgboost
    if spec is None or not spec.submodule_search_locations:
        sys.exit('arabnamer is needed: .venv/bin/pip install -e ".[train]"')
    return Path(spec.submodule_search_locations[0]) / "data" / "dict_FINAL.json"


def write_person_names(out_dir: Path) -> int:
    """Words of the Arabic side of arabnamer's English-to-Arabic name dictionary, normalised."""
    names = set()
    for arabic in json.loads(person_dictionary().read_text(encoding="utf-8")).values():
        names.update(key for key in map(match_key, arabic.split()) if len(key) > 1)
    header = "# Personal names from arabnamer (E. Yousef, github.com/sayedyousef/arabnamer), CC BY 4.0, normalised.\n"
    (out_dir / "person_names.txt").write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    return len(names)


def write_usage(out_dir: Path) -> int:
    """Per normalised word: Zipf frequency, and how often its bare form is used with the article
    or with a pronoun suffix (names rarely are), from the wordfreq Arabic list."""
    import wordfreq

    frequency: dict[str, float] = defaultdict(float)
    for word, value in wordfreq.get_frequency_dict("ar", "large").items():
        key = match_key(word)
        if key and not any(char.isspace() for char in key):
            frequency[key] += value

    def zipf(word: str) -> float:
        value = frequency.get(word, 0.0)
        return math.log10(value * 1e9) if value > 0 else 0.0

    def share(part: float, whole: float) -> str:
        return str(min(int(4 * part / whole), 3)) if whole > 0 else "-"

    rows = []
    for word in sorted(frequency):
        if max(zipf(word), zipf("ال" + word)) < MIN_ZIPF:
            continue
        bare = frequency[word]
        with_article = frequency.get("ال" + word, 0.0)
        with_suffix = sum(frequency.get(word + suffix, 0.0) for suffix in PRONOUN_SUFFIXES)
        article_share, suffix_share = share(with_article, bare + with_article), share(with_suffix, bare + with_suffix)
        rows.append(f"{word}\t{int(zipf(word))}\t{article_share}\t{suffix_share}")
    header = "# Word usage from wordfreq (R. Speer), data CC BY-SA 4.0: word, Zipf, article share, suffix share.\n"
    (out_dir / "usage.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def write_name_ngrams(out_dir: Path) -> int:
    """A character n-gram model of how much a word without its proclitics looks like a person's name,
    a place's name or a common word: a multinomial logistic regression of the person names and one-word
    place names just written against the other frequent words of usage.tsv that take a proclitic, the
    article or a pronoun suffix (as common nouns and verbs do). Saved as each n-gram's person and place
    weights relative to a common word (name_ngrams.tsv, read by ``NameLikeness``); returns their number."""
    import numpy as np
    from scipy import optimize, sparse

    lexicon = read_lexicon(out_dir)
    people = {name for name in lexicon.person_names | lexicon.given_names if ARABIC_WORD.fullmatch(name)}
    places = {name for name in lexicon.places if ARABIC_WORD.fullmatch(name)}
    listed = {form for name in people | places for form in (name, split_clitics(name).stem)}
    labels = defaultdict(set)
    for names, label in ((people, 1), (places, 2)):
        for name in names:
            labels[split_clitics(name).stem].add(label)
    for word, (frequency, article, suffix) in lexicon.usage.items():
        split = split_clitics(word)
        common = split.prefix or article not in ("0", "-") or suffix not in ("0", "-")
        if common and int(frequency) >= NGRAM_MIN_ZIPF and ARABIC_WORD.fullmatch(word) \
                and split.stem not in labels and not {word, split.stem, split.with_article} & listed:
            labels[split.stem].add(0)
    samples = [(word, label) for word in sorted(labels) if len(word) > 1 for label in sorted(labels[word])]
    columns: dict[str, int] = {}
    rows, cols = [], []
    for row, (word, _) in enumerate(samples):
        for gram in dict.fromkeys(character_ngrams(word, NGRAM_LONGEST)):  # in the word's order: the same columns every run
            rows.append(row)
            cols.append(columns.setdefault(gram, len(columns)))
    grams = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(samples), len(columns)))
    truth = np.eye(3)[[label for _, label in samples]]
    size = len(columns) * 3

    def loss_and_gradient(theta):
        weights, bias = theta[:size].reshape(-1, 3), theta[size:]
        logits = grams @ weights + bias
        logits -= logits.max(axis=1, keepdims=True)
        log_p = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        error = np.exp(log_p) - truth
        loss = -(log_p * truth).sum() + NGRAM_L2 / 2 * (weights**2).sum()
        return loss, np.concatenate([(grams.T @ error + NGRAM_L2 * weights).ravel(), error.sum(axis=0)])

    fit = optimize.minimize(loss_and_gradient, np.zeros(size + 3), jac=True, method="L-BFGS-B",
                            options={"maxiter": 300})
    weights, bias = fit.x[:size].reshape(-1, 3), fit.x[size:]
    relative = weights[:, 1:] - weights[:, :1]
    lines = [f"{NGRAM_LONGEST}", f"{bias[1] - bias[0]:.2f}\t{bias[2] - bias[0]:.2f}"]
    for gram, (person, place) in sorted(zip(columns, relative.tolist())):
        if max(abs(person), abs(place)) >= NGRAM_MIN_WEIGHT:
            lines.append(f"{gram}\t{person:.2f}\t{place:.2f}")
    header = ("# Name-likeness of a word's letters: n-gram, person and place weights against a common word "
              "(first rows: longest n-gram, biases); learnt from person_names.txt, places.txt and usage.tsv.\n")
    (out_dir / "name_ngrams.tsv").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 2


def train_crf(items: list[list[list[str]]], tags: list[list[str]], path: Path, params: dict) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence_items, sentence_tags in zip(items, tags, strict=True):
        trainer.append(sentence_items, sentence_tags)
    trainer.set_params({"feature.possible_transitions": True, **params})
    trainer.train(str(path))


def train(contexts: list[list[ConllSentence]], out_dir: Path, params: dict, neural_epochs: int = 0,
          copies: Sequence[tuple[int, list[ConllSentence]]] = ()) -> None:
    """Both passes and, with ``neural_epochs``, the network; the second pass learns from first-pass
    tags and network guesses made by models that did not see the sentence. ``copies`` (index of the
    source context, copy with names replaced) are learnt from by the first pass only, each in its
    source's jackknife fold (it shares the source's context words)."""
    extractor = FeatureExtractor(read_lexicon(out_dir))
    every = contexts + [copy for _, copy in copies]
    sources = list(range(len(contexts))) + [source for source, _ in copies]
    items = [[extractor.sentence_features(s.words) for s in context] for context in every]
    gold = [[s.gold for s in context] for context in every]
    first_tags: list[list[list[str]] | None] = [None] * len(contexts)
    scratch = out_dir / "fold.crfsuite"
    for fold in range(FOLDS):
        held_out = [i for i in range(len(contexts)) if i % FOLDS == fold]
        kept = [i for i in range(len(every)) if sources[i] % FOLDS != fold]
        train_crf([x for i in kept for x in items[i]], [y for i in kept for y in gold[i]], scratch, params)
        crf = pycrfsuite.Tagger()
        crf.open(str(scratch))
        for i in held_out:
            first_tags[i] = [repair_bio(crf.tag(x)) for x in items[i]]
        crf.close()
    scratch.unlink()
    guesses = network_guesses(contexts, out_dir, neural_epochs)
    train_crf([x for context in items for x in context], [y for context in gold for y in context],
              out_dir / FIRST_MODEL, params)
    for name in (NEURAL_MODEL, NEURAL_VOCABULARY):  # a network left from an earlier run would not fit
        (out_dir / name).unlink(missing_ok=True)
    if neural_epochs:
        train_network([s for context in contexts for s in context], out_dir, out_dir, neural_epochs)
    second_items = []
    originals = len(contexts)
    for context, context_items, tags, context_guesses in zip(contexts, items[:originals], first_tags, guesses,
                                                              strict=True):
        forms = [extractor.forms(s.words) for s in context]
        for sentence_items, extra, guess in zip(context_items, context_features(forms, tags), context_guesses,
                                                strict=True):
            second_items.append([own + more + nn for own, more, nn in zip(sentence_items, extra, guess, strict=True)])
    train_crf(second_items, [y for context in gold[:originals] for y in context], out_dir / SECOND_MODEL, params)


def network_guesses(contexts: list[list[ConllSentence]], out_dir: Path, epochs: int) -> list[list[list[list[str]]]]:
    """Second-pass attributes from the network for every token, each context's made by a network
    trained on the other folds (none without ``epochs``)."""
    guesses = [[[[] for _ in s.words] for s in context] for context in contexts]
    if not epochs:
        return guesses
    scratch = out_dir / "fold-network"
    for fold in range(NEURAL_FOLDS):
        kept = [s for i, context in enumerate(contexts) if i % NEURAL_FOLDS != fold for s in context]
        network = train_network(kept, out_dir, scratch, epochs)
        for i in range(fold, len(contexts), NEURAL_FOLDS):
            guesses[i] = network.stacking_features([s.words for s in contexts[i]])
    shutil.rmtree(scratch)
    return guesses


def train_network(sentences: list[ConllSentence], lexicon_dir: Path, out_dir: Path, epochs: int) -> NeuralTagger:
    """The neural tagger trained on ``sentences`` (written into ``out_dir``), ready to run."""
    started = time.perf_counter()
    train_neural_ner.train_network(sentences, None, lexicon_dir, out_dir, epochs=epochs, log=lambda note: None)
    print(f"network trained on {len(sentences)} sentences in {time.perf_counter() - started:.0f} s")
    extractor = FeatureExtractor(read_lexicon(lexicon_dir))
    return NeuralTagger(out_dir, match_key, lambda word: extractor.word_features(word)[0])


def evaluate(out_dir: Path, note: str) -> None:
    tagger = load_tagger(out_dir)
    for corpus in CORPORA:
        dev = read_split(corpus, "dev")
        predicted = tagger.tag_corpus([s.words for s in dev])
        print(f"\n{corpus} dev{note}\n{format_scores(score_entities([s.gold for s in dev], predicted))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out-dir", type=Path, default=PACKAGE_DATA)
    parser.add_argument("--train-only", action="store_true", help="leave the dev splits out (for dev figures)")
    parser.add_argument("--c1", type=float, default=0.05, help="L1 penalty")
    parser.add_argument("--c2", type=float, default=0.05, help="L2 penalty")
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--neural-epochs", type=int, default=0,
                        help="train the neural tagger too, for so many epochs (16 measured best; 0: none)")
    parser.add_argument("--keep-tables", action="store_true", help="reuse the word tables already in --out-dir")
    parser.add_argument("--augment", type=float, default=0.0,
                        help="add copies of the training data with names replaced, so many times its size "
                             "(0.3 measured best; 0: none)")
    parser.add_argument("--augment-types", default="PER", help="entity types whose names are replaced")
    parser.add_argument("--augment-external", type=float, default=1.0,
                        help="share of replacement names drawn from the gazetteer, name dictionary and "
                             "organisation list rather than from the training mentions")
    parser.add_argument("--augment-replaced", type=float, default=1.0,
                        help="probability that a name of the copies is replaced (else it stays)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the augmentation")
    args = parser.parse_args()
    if not SHARED.exists():
        sys.exit(f"training data not found at {SHARED}")

    out_dir: Path = args.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    if out_dir.resolve() != PACKAGE_DATA.resolve():
        for name in HAND_WRITTEN:
            shutil.copy(PACKAGE_DATA / name, out_dir / name)
    if not args.keep_tables:
        print(f"places: {write_places(out_dir)}, person names: {write_person_names(out_dir)}, "
              f"usage: {write_usage(out_dir)} words")
        print(f"name-likeness: {write_name_ngrams(out_dir)} n-grams")

    splits = ("train",) if args.train_only else ("train", "dev")
    contexts = [block for corpus in CORPORA for split in splits for block in blocks(read_split(corpus, split))]
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    started = time.perf_counter()
    copies = []
    if args.augment:
        external = external_names(SHARED / "gazetteer" / "places.tsv", out_dir / "organisations.json",
                                  person_dictionary())
        pool = build_pool((s for context in contexts for s in context), external)
        copies = augmented_contexts(contexts, pool, args.augment, args.augment_types.split(","),
                                    args.augment_external, args.augment_replaced, args.seed)
        print(f"augmented: {sum(map(len, (copy for _, copy in copies)))} sentences in {len(copies)} copies")
    train(contexts, out_dir, params, args.neural_epochs, copies)
    models = [out_dir / name for name in (FIRST_MODEL, SECOND_MODEL, NEURAL_MODEL)]
    size = sum(path.stat().st_size for path in models if path.exists()) / 1e6
    print(f"trained on {', '.join(splits)} in {time.perf_counter() - started:.0f} s with {json.dumps(params)}; "
          f"models {size:.1f} MB")
    evaluate(out_dir, "" if args.train_only else " (trained on: not a held-out figure)")


if __name__ == "__main__":
    main()
