"""Named-entity tagger: a linear-chain CRF over Arabic word features.

``load_tagger().tag(words)`` gives one BIO tag (PER, ORG, LOC, MISC) per
token of a sentence. Tokens are expected as ``marsad.arabic.tokens.iter_tokens``
cuts them: punctuation split off, clitics left attached.

Clitics, for the code that turns tags into mention spans: the training corpora
(ANERcorp, AQMAR) tag a word with its proclitics attached as a whole, so
``بالرقة`` is one token tagged ``B-LOC`` and ``والصين`` is ``B-LOC``. The tag
says the token holds a name; the name's own span starts after the clitics
(``split_clitics`` and ``surface_offset`` in ``marsad.arabic.tokens`` find it).
Titles (الرئيس، وزير الدفاع) are mostly left outside PER spans by the corpora,
but not always, so callers should still trim them.

The module also holds the CoNLL reader and writer and the entity-level scorer
that ``marsad ner``, ``bench/ner_bench.py`` and ``scripts/train_ner.py`` share.
Nothing is loaded at import: the model and the word lists are read on first use.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from marsad.arabic.normalise import normalise
from marsad.arabic.tokens import CliticSplit, split_clitics
from marsad.errors import ModelError, ParseError

ENTITY_LABELS = ("PER", "ORG", "LOC", "MISC")
OUTSIDE = "O"
FIRST_MODEL = "first.crfsuite"
SECOND_MODEL = "second.crfsuite"
# The neural tagger whose guesses the second CRF sees (marsad.extract.neural_tagger), when there is one.
NEURAL_MODEL = "neural.onnx"
# Sentences of a CoNLL file tagged together as one context (the unit a document is in the pipeline).
CONTEXT_SENTENCES = 400
# Longest gazetteer place and known organisation names looked for, in tokens.
MAX_PLACE_TOKENS = 4
MAX_ORGANISATION_TOKENS = 6
# Words whose features are kept between sentences; news vocabulary fits easily.
WORD_CACHE_SIZE = 200_000
# Neighbour offsets whose word features each token sees (the order of _WordEntry's fields).
WINDOW = (-2, -1, 1, 2)
# Quotation marks and the mark that closes each; a title or a nickname in quotes is often a name.
QUOTE_PAIRS = {"«": "»", '"': '"', "“": "”", "'": "'", "‘": "’", "''": "''"}
# Longest quotation read as a possible name, in tokens; longer ones are quoted speech.
MAX_QUOTED_TOKENS = 8


def _ner_data(name: str) -> Path:
    return Path(str(resources.files("marsad.data").joinpath("ner", name)))


def match_key(word: str) -> str:
    """The form a word is looked up by: normalised Arabic, case-folded Latin."""
    return normalise(word).casefold()


@dataclass(frozen=True)
class Lexicon:
    """Word lists the features consult, all in ``match_key`` form."""

    triggers: dict[str, frozenset[str]] = field(default_factory=dict)
    given_names: frozenset[str] = frozenset()
    person_names: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    # Organisation name (a word or a phrase) -> its kind (club, company, media, body).
    organisations: dict[str, str] = field(default_factory=dict)
    # Word -> (Zipf frequency, share of uses with the article, share with a pronoun suffix), as small codes.
    usage: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    # How much a word's letters look like a name (name_ngrams.tsv), when the model folder has the table.
    name_likeness: NameLikeness | None = None


@dataclass(frozen=True)
class NameLikeness:
    """How much a word's letters look like a person's or a place's name rather than a common word:
    log-odds summed over the character n-grams of the word (``<`` and ``>`` mark its ends)."""

    # Character n-gram -> (person, place) weights, each relative to a common word.
    weights: dict[str, tuple[float, float]]
    bias: tuple[float, float]
    longest: int

    def scores(self, word: str) -> tuple[float, float]:
        """(person, place) log-odds against a common word."""
        person, place = self.bias
        for weight in filter(None, map(self.weights.get, character_ngrams(word, self.longest))):
            person += weight[0]
            place += weight[1]
        return person, place


def character_ngrams(word: str, longest: int) -> list[str]:
    """The character n-grams of a word, 1 to ``longest`` long, with ``<`` and ``>`` marking its ends."""
    padded = f"<{word}>"
    return [padded[i : i + n] for n in range(1, longest + 1) for i in range(len(padded) - n + 1)]


def read_name_likeness(path: Path) -> NameLikeness | None:
    """The n-gram table ``name_ngrams.tsv`` (first row: the longest n-gram; second: the biases)."""
    lines = _read_lines(path)
    if not lines:
        return None
    longest = int(lines[0])
    bias = tuple(map(float, lines[1].split("\t")))
    weights = {}
    for line in lines[2:]:
        gram, person, place = line.split("\t")
        weights[gram] = (float(person), float(place))
    return NameLikeness(weights, bias, longest)



def _first_words(names: Iterable[str]) -> frozenset[str]:
    """First words of the names of several words."""
    return frozenset(name.split(" ", 1)[0] for name in names if " " in name)


_UNSEEN = ("0", "-", "-")


def _read_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def read_lexicon(folder: Path) -> Lexicon:
    """Word lists from a model folder; a missing optional file gives an empty list."""
    try:
        raw_triggers = json.loads((folder / "triggers.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"cannot read NER trigger words: {error}", path=str(folder / "triggers.json")) from None
    triggers = {
        name: frozenset(match_key(word) for word in words)
        for name, words in raw_triggers.items()
        if not name.startswith("_")
    }
    organisations = {}
    path = folder / "organisations.json"
    if path.exists():
        try:
            raw_organisations = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as error:
            raise ModelError(f"cannot read NER organisation names: {error}", path=str(path)) from None
        for kind, names in raw_organisations.items():
            if not kind.startswith("_"):
                organisations.update((" ".join(map(match_key, name.split())), kind) for name in names)
    usage = {}
    for line in _read_lines(folder / "usage.tsv"):
        word, frequency, article, suffix = line.split("\t")
        usage[word] = (frequency, article, suffix)
    return Lexicon(
        triggers=triggers,
        usage=usage,
        given_names=frozenset(match_key(name) for name in _read_lines(folder / "given_names.txt")),
        person_names=frozenset(_read_lines(folder / "person_names.txt")),
        places=frozenset(_read_lines(folder / "places.txt")),
        organisations=organisations,
        name_likeness=read_name_likeness(folder / "name_ngrams.tsv"),
    )


class FeatureExtractor:
    """Turns a sentence of tokens into CRF attribute lists, one list per token.

    Features of a word alone (its forms, affixes, shape, list memberships,
    usage, name-likeness) are computed once per distinct word and cached with their
    neighbour-prefixed copies, so a sentence costs little more than list joins.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._place_first_words = _first_words(lexicon.places)
        self._organisation_first_words = _first_words(lexicon.organisations)
        self._cache: dict[str, _WordEntry] = {}

    def word_features(self, word: str) -> tuple[list[str], list[str]]:
        """(features of the word at the current position, the subset its neighbours see)."""
        key = match_key(word)
        split = split_clitics(key)
        stem = split.stem
        forms = _lookup_forms(key, split)
        lexicon = self.lexicon
        shape = f"sh={_shape(word)}"
        own = [f"w={key}", shape]
        near = [f"w={key}", shape]
        if stem != key:
            own += [f"s={stem}", f"pre={split.prefix}"]
            near.append(f"s={stem}")
        own += [f"p2={stem[:2]}", f"p3={stem[:3]}", f"x1={key[-1:]}", f"x2={key[-2:]}", f"x3={key[-3:]}"]
        own.append(f"len={min(len(stem), 8)}")
        for name, words in lexicon.triggers.items():
            if forms & words:
                own.append(f"t={name}")
                near.append(f"t={name}")
        if forms & lexicon.given_names:
            own.append("given")
            near.append("given")
        if forms & lexicon.person_names:
            own.append("person")
            near.append("person")
        if forms & lexicon.places:
            own.append("place")
            near.append("place")
        for kind in sorted({lexicon.organisations[form] for form in forms if form in lexicon.organisations}):
            own.append(f"org={kind}")
            near.append(f"org={kind}")
        frequency = lexicon.usage.get(key, _UNSEEN)[0]
        stem_usage = lexicon.usage.get(stem, _UNSEEN)
        own += [f"z={frequency}", f"sz={stem_usage[0]}", f"art={stem_usage[1]}", f"suf={stem_usage[2]}"]
        near.append(f"z={frequency}")
        if lexicon.name_likeness is not None and shape == "sh=arabic":
            # Its own log-odds in steps of one; its neighbours see only how much it looks like a name of either kind.
            person, place = lexicon.name_likeness.scores(stem)
            own += [f"nP={_bucket(person, 1, 4)}", f"nL={_bucket(place, 1, 4)}"]
            near.append(f"nm={_bucket(max(person, place), 2, 2)}")
        return own, near

    def _entry(self, word: str) -> _WordEntry:
        entry = self._cache.get(word)
        if entry is None:
            own, near = self.word_features(word)
            key = match_key(word)
            split = split_clitics(key)
            forms = _lookup_forms(key, split)
            neighbours = tuple(tuple(f"{offset}{feature}" for feature in near) for offset in WINDOW)
            entry = _WordEntry(
                key, split.with_article, forms & self._place_first_words, forms & self._organisation_first_words,
                tuple(own), *neighbours,
            )
            if len(self._cache) >= WORD_CACHE_SIZE:
                self._cache.clear()
            self._cache[word] = entry
        return entry

    def clear_cache(self) -> None:
        self._cache.clear()

    def forms(self, words: Sequence[str]) -> list[str]:
        """Each word without its proclitics, the article kept: the form that names one thing."""
        return [self._entry(word).form for word in words]

    def sentence_features(self, words: Sequence[str]) -> list[list[str]]:
        entries = [self._entry(word) for word in words]
        phrases = self._phrase_marks(entries)
        quotes = _quote_marks(words)
        last = len(entries) - 1
        features = []
        for i, entry in enumerate(entries):
            items = list(entry.own)
            if i >= 2:
                items += entries[i - 2].before2
            if i >= 1:
                items += entries[i - 1].before1
                items.append(f"b-={entries[i - 1].key}|{entry.key}")
            else:
                items.append("BOS")
            if i < last:
                items += entries[i + 1].after1
                items.append(f"b+={entry.key}|{entries[i + 1].key}")
            else:
                items.append("EOS")
            if i + 2 <= last:
                items += entries[i + 2].after2
            items += phrases[i]
            items += quotes[i]
            features.append(items)
        return features

    def _phrase_marks(self, entries: list[_WordEntry]) -> list[list[str]]:
        """``gB``/``gI`` on the tokens of a gazetteer place name of several words, ``oB``/``oI``
        and ``org=<kind>`` on those of a known organisation name of several words."""
        places = [""] * len(entries)
        for start, end, _ in _phrase_matches(entries, "place_starts", self.lexicon.places, MAX_PLACE_TOKENS):
            places[start : end] = ["gB"] + ["gI"] * (end - start - 1)
        organisations: list[tuple[str, ...]] = [()] * len(entries)
        names = self.lexicon.organisations
        for start, end, name in _phrase_matches(entries, "organisation_starts", names, MAX_ORGANISATION_TOKENS):
            kind = f"org={names[name]}"
            organisations[start : end] = [("oB", kind)] + [("oI", kind)] * (end - start - 1)
        return [[place, *organisation] if place else list(organisation) for place, organisation in zip(places, organisations)]


class _WordEntry(NamedTuple):
    """Cached features of one word: its key, its form without proclitics (الرقه for بالرقة),
    the starts of place and organisation names of several words it can be, its own
    features and the copies its neighbours at offsets -2, -1, +1, +2 see."""

    key: str
    form: str
    place_starts: frozenset[str]
    organisation_starts: frozenset[str]
    own: tuple[str, ...]
    before2: tuple[str, ...]
    before1: tuple[str, ...]
    after1: tuple[str, ...]
    after2: tuple[str, ...]


def _lookup_forms(key: str, split: CliticSplit) -> frozenset[str]:
    """The forms a word is looked up by in the word lists: whole, without its proclitics (the
    article kept or not), and without a leading conjunction only (وبنفيكا is بنفيكا)."""
    forms = {key, split.stem, split.with_article}
    if split.prefix[:1] in ("و", "ف") and len(key) > 3:
        forms.add(key[1:])
    return frozenset(forms)


def _phrase_matches(
    entries: Sequence[_WordEntry], starts: str, names: Container[str], max_tokens: int
) -> Iterator[tuple[int, int, str]]:
    """(first token, end token, name) of the longest name of several words starting at each token
    with one of its forms (the entries' field ``starts``) and going on with the next tokens' keys."""
    for i, entry in enumerate(entries):
        for first in getattr(entry, starts):
            for length in range(min(max_tokens, len(entries) - i), 1, -1):
                phrase = " ".join([first] + [e.key for e in entries[i + 1 : i + length]])
                if phrase in names:
                    yield i, i + length, phrase
                    break


def _quote_marks(words: Sequence[str]) -> list[tuple[str, ...]]:
    """``inq`` on the tokens of a short quotation, with ``q<`` on its first and ``q>`` on its last:
    titles of programmes, films and books and the names of products are quoted (« الناس وأنا »).
    A doubled mark (two ``'`` tokens) counts as one."""
    marks: list[tuple[str, ...]] = [()] * len(words)
    i = 0
    while i < len(words):
        close = QUOTE_PAIRS.get(words[i])
        if close is None:
            i += 1
            continue
        start = i + 1
        while start < len(words) and words[start] == words[i]:
            start += 1
        end = next((j for j in range(start, len(words)) if words[j] == close), None)
        if end is None:
            i = start
            continue
        if 0 < end - start <= MAX_QUOTED_TOKENS:
            marks[start:end] = [("inq",)] * (end - start)
            marks[start] = ("inq", "q<")
            marks[end - 1] = (*marks[end - 1], "q>")
        i = end + 1
        while i < len(words) and words[i] == close:
            i += 1
    return marks


def _shape(word: str) -> str:
    first = word[0]
    if first.isdigit():
        return "digit"
    if not first.isalpha():
        return "punct"
    if "LATIN" in unicodedata.name(first, ""):
        if word.isupper() and len(word) > 1:
            return "LATIN"
        return "Latin" if first.isupper() else "latin"
    return "arabic"


def _bucket(score: float, step: int, clip: int) -> int:
    """A score in steps of ``step``, clipped to ``-clip..clip``: a few coarse values a CRF can weigh."""
    return max(-clip, min(clip, math.floor(score / step)))


def repair_bio(tags: list[str]) -> list[str]:
    """An ``I-X`` that does not continue an ``X`` entity becomes ``B-X``."""
    repaired = []
    previous = OUTSIDE
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        repaired.append(tag)
        previous = tag
    return repaired


def context_features(forms: Sequence[Sequence[str]], first_tags: Sequence[Sequence[str]]) -> list[list[list[str]]]:
    """Second-pass features: the first pass's tags around each token, and the types it gave
    the same word (by ``_WordEntry.form``) elsewhere in the context, so that a name tagged
    once in a clear context is tagged again where the context says little. The token's own
    type is paired with each other type (``ctxO>PER``: untagged here, a person elsewhere),
    and ``ctxI`` says the word was inside a longer name elsewhere (a surname after a given name)."""
    types: dict[str, Counter[str]] = defaultdict(Counter)
    inside: dict[str, Counter[str]] = defaultdict(Counter)
    for sentence_forms, tags in zip(forms, first_tags, strict=True):
        for form, tag in zip(sentence_forms, tags, strict=True):
            types[form][tag[2:] or OUTSIDE] += 1
            if tag.startswith("I-"):
                inside[form][tag[2:]] += 1
    features = []
    for sentence_forms, tags in zip(forms, first_tags, strict=True):
        last = len(tags) - 1
        sentence = []
        for i, (form, tag) in enumerate(zip(sentence_forms, tags, strict=True)):
            items = [f"f1={tag}", f"f1-={tags[i - 1] if i else 'BOS'}", f"f1+={tags[i + 1] if i < last else 'EOS'}"]
            own_type = tag[2:] or OUTSIDE
            others = {kind: count - (kind == own_type) for kind, count in types[form].items()}
            total = sum(others.values())
            if total == 0:
                items.append("ctx=alone")
            for kind, count in others.items():
                if count and kind != OUTSIDE:
                    items += [f"ctx={kind}", f"ctx{kind}={min(4 * count // total, 3)}", f"ctx{own_type}>{kind}"]
            own_inside = tag[2:] if tag.startswith("I-") else None
            items += [f"ctxI={kind}" for kind, count in sorted(inside[form].items()) if count - (kind == own_inside)]
            sentence.append(items)
        features.append(sentence)
    return features


class Tagger:
    """Two linear-chain CRFs over the same word features: the first tags each sentence, the
    second sees the first's tags for the same words across the whole context (a document) and,
    when the model folder has one, the guesses of a small neural tagger (``marsad.extract.neural_tagger``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.features = FeatureExtractor(read_lexicon(folder))
        self._first = _open_crf(folder / FIRST_MODEL)
        second = folder / SECOND_MODEL
        self._second = _open_crf(second) if second.exists() else None
        self._neural = None
        if (folder / NEURAL_MODEL).exists():
            from marsad.extract.neural_tagger import NeuralTagger  # numpy and onnxruntime, on first use

            self._neural = NeuralTagger(folder, match_key, lambda word: self.features._entry(word).own)

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO tags (``B-PER``, ``I-LOC``, ``O``, ...) for one sentence of tokens."""
        return self.tag_sentences([words])[0]

    def tag_sentences(self, sentences: Iterable[Sequence[str]]) -> list[list[str]]:
        """Tags for the sentences of one document (or of one block of a corpus file)."""
        sentences = [list(words) for words in sentences]
        word_features = [self.features.sentence_features(words) for words in sentences]
        first = [repair_bio(self._first.tag(items)) if items else [] for items in word_features]
        if self._second is None:
            return first
        forms = [self.features.forms(words) for words in sentences]
        extras = context_features(forms, first)
        if self._neural is not None:
            guesses = self._neural.stacking_features(sentences)
            extras = [[more + nn for more, nn in zip(*pair, strict=True)] for pair in zip(extras, guesses, strict=True)]
        second = []
        for items, extra in zip(word_features, extras, strict=True):
            combined = [own + more for own, more in zip(items, extra, strict=True)]
            second.append(repair_bio(self._second.tag(combined)) if combined else [])
        return second

    def clear_cache(self) -> None:
        """Forget the features of the words seen so far (as in a fresh process)."""
        self.features.clear_cache()
        if self._neural is not None:
            self._neural.encoder.clear_cache()

    def tag_corpus(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for the sentences of a corpus file, tagged in blocks of consecutive sentences
        that share context (no document boundaries are known)."""
        tags = []
        for start in range(0, len(sentences), CONTEXT_SENTENCES):
            tags += self.tag_sentences(sentences[start : start + CONTEXT_SENTENCES])
        return tags


def _open_crf(path: Path):  # -> pycrfsuite.Tagger, imported on first use
    import pycrfsuite

    crf = pycrfsuite.Tagger()
    try:
        crf.open(str(path))
    except (OSError, ValueError) as error:
        raise ModelError(f"cannot open NER model: {error}", path=str(path)) from None
    return crf


@cache
def load_tagger(path: Path | None = None) -> Tagger:
    """The tagger in model folder ``path`` (default: the packaged one in marsad/data/ner)."""
    folder = Path(path) if path is not None else _ner_data("")
    if not (folder / FIRST_MODEL).exists():
        raise ModelError("NER model not found; rebuild it with scripts/train_ner.py", path=str(folder))
    return Tagger(folder)


# CoNLL files ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConllSentence:
    """One sentence of a CoNLL file: its tokens, gold tags if the file has a second column,
    and the number of blank lines that followed it (kept so that output mirrors the input)."""

    words: list[str]
    gold: list[str] | None = None
    blank_lines: int = 1


def read_conll(lines: Iterable[str], path: str | None = None) -> Iterator[ConllSentence]:
    """Sentences of a CoNLL file: one token per line, optional tag column, blank line between sentences."""
    words: list[str] = []
    gold: list[str] = []
    blanks = 0
    two_columns: bool | None = None
    for number, line in enumerate(lines, start=1):
        columns = line.split()
        if not columns:
            blanks += 1
            continue
        if words and blanks:
            yield ConllSentence(words, gold if two_columns else None, blanks)
            words, gold = [], []
        blanks = 0
        has_tag = len(columns) > 1
        if two_columns is None:
            two_columns = has_tag
        elif has_tag != two_columns:
            raise ParseError("every token line must have the same number of columns", path=path, line=number)
        words.append(columns[0])
        if has_tag:
            gold.append(columns[1])
    if words:
        yield ConllSentence(words, gold if two_columns else None, blanks)


def format_conll(sentence: ConllSentence, tags: Sequence[str]) -> str:
    """``token<TAB>tag`` lines of one sentence followed by its blank lines."""
    rows = "".join(f"{word}\t{tag}\n" for word, tag in zip(sentence.words, tags, strict=True))
    return rows + "\n" * sentence.blank_lines


# Entity-level scoring ------------------------------------------------------------------------


def entity_spans(tags: Sequence[str]) -> set[tuple[str, int, int]]:
    """(type, first token, end token) of every entity in a BIO sequence, conlleval style:
    an ``I-X`` that does not continue an ``X`` entity starts one."""
    spans = set()
    label, start = None, 0
    for i, tag in enumerate([*tags, OUTSIDE]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if label is not None and not continues:
            spans.add((label, start, i))
            label = None
        if prefix in ("B", "I") and not continues:
            label, start = kind, i
    return spans


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


MICRO = "micro"


def score_entities(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> dict[str, Score]:
    """Exact-match P/R/F1 per entity type and their micro average (key ``"micro"``)."""
    scores: dict[str, Score] = {}
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        expected, found = entity_spans(gold_tags), entity_spans(predicted_tags)
        for kind, outcome in (
            *((span[0], "tp") for span in expected & found),
            *((span[0], "fp") for span in found - expected),
            *((span[0], "fn") for span in expected - found),
        ):
            for key in (kind, MICRO):
                score = scores.setdefault(key, Score())
                if outcome == "tp":
                    score.true_positives += 1
                elif outcome == "fp":
                    score.false_positives += 1
                else:
                    score.false_negatives += 1
    scores.setdefault(MICRO, Score())
    return dict(sorted(scores.items(), key=lambda item: (item[0] == MICRO, item[0])))


def format_scores(scores: dict[str, Score]) -> str:
    lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for kind, score in scores.items():
        gold = score.true_positives + score.false_negatives
        lines.append(f"{kind:<6} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} {gold:6d}")
    return "\n".join(lines)
