"""Speed of the mention stage (tagger + rules) and of cross-document linking on SaudiNewsNet.

Prints docs/s and tokens/s for the tagger alone and for ``find_mentions``
(so the cost of the rules shows), then docs/s and mentions/s of linking, the
number of entities, and the peak memory. SaudiNewsNet is read from
``../shared/data/news`` (benchmarking only; nothing from it ships).

With ``--conll FILE`` it prints instead the entity-level F1 of the tagger's
spans and of the final mentions on a CoNLL file (e.g. the ANERcorp dev split),
both cut into the file's tokens, so that what the rules add or break shows.
The corpora tag clitics as part of a name, so a mention starting after a
clitic still counts the clitic's token; GPE is scored as LOC.

Run: ``nice .venv/bin/python bench/entities_bench.py [--docs 1000] [--conll FILE]``
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import resource
import time
from bisect import bisect_left
from itertools import accumulate, islice
from pathlib import Path

from marsad.arabic.sentences import iter_sentences
from marsad.arabic.tokens import iter_tokens
from marsad.corpus.entities import EntityLinker, mention_records
from marsad.document import GPE, LOC, Document, Metadata, Sentence
from marsad.extract.entities import find_mentions, mentions_in
from marsad.extract.places import geocode
from marsad.extract.tagger import entity_spans, format_scores, load_tagger, read_conll, score_entities
from marsad.settings import Settings

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"


def read_documents(count: int) -> list[Document]:
    docs = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in islice(lines, count):
            record = json.loads(line)
            text = record["text"] or ""
            doc = Document(record["id"], text, Metadata(language="ar"))
            docs.append(doc.with_layer("tokens", iter_tokens(text)).with_layer("sentences", iter_sentences(text)))
    return docs


def _conll_tags(text: str, word_starts: list[int], spans: list[tuple[int, int, str]]) -> list[str]:
    """BIO tags of the CoNLL words (starting at ``word_starts`` in ``text``) that the spans cover."""
    tags = ["O"] * len(word_starts)
    ends = [*word_starts[1:], len(text) + 1]
    for start, end, kind in spans:
        label = LOC if kind == GPE else kind
        covered = [i for i, (a, b) in enumerate(zip(word_starts, ends, strict=True)) if a < end and start < b - 1]
        for position, i in enumerate(covered):
            tags[i] = ("B-" if position == 0 else "I-") + label
    return tags


def score_conll(path: Path) -> None:
    tagger = load_tagger()
    gold, tagged, mentioned = [], [], []
    for sentence in read_conll(path.read_text(encoding="utf-8").splitlines(), str(path)):
        text = " ".join(sentence.words)
        word_starts = list(accumulate((len(w) + 1 for w in sentence.words[:-1]), initial=0))
        doc = Document("conll", text, Metadata(language="ar"))
        doc = doc.with_layer("tokens", iter_tokens(text)).with_layer("sentences", [Sentence(0, len(text))])
        tags = tagger.tag([text[t.start : t.end] for t in doc.tokens])
        tagger_spans = [
            (doc.tokens[first].start, doc.tokens[end - 1].end, kind) for kind, first, end in entity_spans(tags)
        ]
        gold.append(sentence.gold or [])
        tagged.append(_conll_tags(text, word_starts, tagger_spans))
        mentions = mentions_in(doc, tagger)
        mentioned.append(_conll_tags(text, word_starts, [(m.start, m.end, m.type) for m in mentions]))
    for name, predicted in (("tagger spans", tagged), ("mentions", mentioned)):
        scores = score_entities(gold, predicted)
        print(f"{name}:")
        print(format_scores(scores))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--conll", type=Path)
    args = parser.parse_args()
    if args.conll:
        score_conll(args.conll)
        return
    docs = read_documents(args.docs)
    tokens = sum(len(doc.tokens) for doc in docs)
    settings = Settings()

    gc.collect()
    gc.freeze()
    tagger = load_tagger()
    find_mentions(docs[0], settings)  # load the model and tables outside the timings
    geocode("الرياض")

    sentences = [
        [doc.text[t.start : t.end] for t in doc.tokens[bisect_left(starts, s.start) : bisect_left(starts, s.end)]]
        for doc in docs
        for starts in [[t.start for t in doc.tokens]]
        for s in doc.sentences
    ]
    for words in sentences:  # once untimed, so that both timings find the tagger's word cache warm
        tagger.tag(words)
    started = time.perf_counter()
    for words in sentences:
        tagger.tag(words)
    tagger_seconds = time.perf_counter() - started

    started = time.perf_counter()
    analysed = [doc.with_layer("mentions", find_mentions(doc, settings)) for doc in docs]
    mention_seconds = time.perf_counter() - started
    mentions = sum(len(doc.mentions) for doc in analysed)

    gc.collect()
    gc.freeze()  # the analysed documents stay in memory here, unlike in a streamed run
    started = time.perf_counter()
    linker = EntityLinker()
    for doc in analysed:
        linker.add_document(doc.id, mention_records(doc))
    linking = linker.finish()
    link_seconds = time.perf_counter() - started

    print(f"documents {len(docs)}, tokens {tokens}, mentions {mentions}")
    print(f"tagger alone:   {len(docs) / tagger_seconds:8.1f} docs/s {tokens / tagger_seconds:10.0f} tokens/s")
    print(f"find_mentions:  {len(docs) / mention_seconds:8.1f} docs/s {tokens / mention_seconds:10.0f} tokens/s")
    print(f"linking:        {len(docs) / link_seconds:8.1f} docs/s {mentions / link_seconds:10.0f} mentions/s")
    print(f"entities {len(linking.entities)}, with geo {sum(1 for e in linking.entities if e.place)}")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
