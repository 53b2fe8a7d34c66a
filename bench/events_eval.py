"""Events against hand annotations, and the speed of the events component.

Gold: tests/regression/events_gold.jsonl, one line per Baly article (no text):
every event the article reports as having happened, with the raw-text offsets
of all the words that name it, its accepted types, places, dates and casualty
figures (see the ``_about`` line). The texts are read from ../shared.

Each article goes through the whole per-document pipeline
(``marsad.runner.analyse_input``). A found event is located in the raw text
through its trigger and a little of the cleaned text before it, then matched
to the gold event one of whose trigger spans it overlaps:

- correct: the type is one of the accepted ones (a second found event on the
  same gold event is a duplicate);
- wrong type, or spurious (no gold event there): errors;
- on an optional gold event (background, aggregate, ongoing fighting): ignored.

Precision is correct / (correct + duplicates + wrong type + spurious), recall
is gold events found / gold events. Place, date and casualty figures are
scored on the correct events where the gold gives them; "figures exact" asks
both killed and injured to be exactly as annotated (no figure where none is
given). docs/s is for the events component alone, on documents whose other
layers are already filled.

    .venv/bin/python bench/events_eval.py [--show]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from marsad.arabic.normalise import fold
from marsad.document import Document, Event
from marsad.extract.events import find_events
from marsad.ingest.readers import RECORD, RawInput
from marsad.pipeline import build_pipeline
from marsad.runner import analyse_input
from marsad.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "regression" / "events_gold.jsonl"
NEWS = ROOT.parent / "shared" / "data" / "news" / "baly2018_factcheck_stance.jsonl.gz"
_CONTEXTS = (40, 20, 8, 0)  # characters of cleaned text before a trigger used to find it in the raw text


@dataclass
class Tally:
    correct: int = 0
    duplicate: int = 0
    wrong_type: int = 0
    spurious: int = 0
    ignored: int = 0
    gold: int = 0
    found: int = 0
    scored: Counter = field(default_factory=Counter)  # attribute -> events where the gold gives it
    right: Counter = field(default_factory=Counter)  # attribute -> events where it is right
    errors: list[str] = field(default_factory=list)


def load_gold() -> list[dict]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and "_about" not in line]


def load_texts(ids: set[str]) -> dict[str, str]:
    texts: dict[str, str] = {}
    with gzip.open(NEWS, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in ids and record["id"] not in texts:
                texts[record["id"]] = record["text"]
    return texts


def raw_span(doc: Document, raw: str, event: Event) -> tuple[int, int] | None:
    """Where the event's trigger is in the raw text: found with the cleaned text just before it."""
    trigger = doc.text[event.start : event.end]
    expected = round(event.start * len(raw) / max(len(doc.text), 1))
    for width in _CONTEXTS:
        before = doc.text[max(0, event.start - width) : event.start]
        if "\n" in before:
            before = before[before.rindex("\n") + 1 :]
        hits = []
        position = raw.find(before + trigger)
        while position >= 0:
            hits.append(position + len(before))
            position = raw.find(before + trigger, position + 1)
        if len(hits) == 1 or (hits and width == 0):
            start = min(hits, key=lambda hit: abs(hit - expected))
            return start, start + len(trigger)
    return None


def _same_place(found: str, accepted: list[str]) -> bool:
    key = _place_key(found)
    return any(key == _place_key(name) or key.endswith(" " + _place_key(name)) for name in accepted)


def _place_key(name: str) -> str:
    return " ".join(word[2:] if word.startswith("ال") and len(word) > 3 else word for word in fold(name).split())


def _pair(value: tuple[float | None, float | None] | None) -> list[float | None] | None:
    return None if value is None else [value[0], value[1]]


def _score_attributes(doc: Document, event: Event, gold: dict, tally: Tally, where: str) -> None:
    if "place" in gold:
        tally.scored["place"] += 1
        found = doc.text[doc.mentions[event.place].start : doc.mentions[event.place].end] if event.place is not None else None
        if found is not None and _same_place(found, gold["place"]):
            tally.right["place"] += 1
        else:
            tally.errors.append(f"{where} place {found!r}, gold {gold['place']}")
    if "date" in gold:
        tally.scored["date"] += 1
        if event.date in gold["date"]:
            tally.right["date"] += 1
        else:
            tally.errors.append(f"{where} date {event.date}, gold {gold['date']}")
    exact = True
    for name in ("killed", "injured"):
        if name not in gold:
            continue
        tally.scored[name] += 1
        found = _pair(getattr(event, name))
        if (found is None and gold[name] is None) or (gold[name] is not None and found in gold[name]):
            tally.right[name] += 1
        else:
            exact = False
            tally.errors.append(f"{where} {name} {found}, gold {gold[name]}")
    tally.scored["figures"] += 1
    tally.right["figures"] += exact


def score_document(doc: Document, raw: str, gold_events: list[dict], tally: Tally) -> None:
    matched: set[int] = set()
    tally.gold += sum(1 for g in gold_events if not g.get("optional"))
    for event in doc.events:
        trigger = doc.text[event.start : event.end]
        span = raw_span(doc, raw, event)
        where = f"{doc.id} {event.type} {trigger!r}@{span[0] if span else '?'}"
        overlapping = [
            index
            for index, gold in enumerate(gold_events)
            if span and any(start < span[1] and span[0] < end for start, end in gold["triggers"])
        ]
        overlapping.sort(key=lambda index: bool(gold_events[index].get("optional")))
        if not overlapping:
            tally.spurious += 1
            tally.found += 1
            tally.errors.append(f"{where} spurious")
            continue
        index = overlapping[0]
        gold = gold_events[index]
        if gold.get("optional"):
            tally.ignored += 1
            continue
        tally.found += 1
        if event.type not in gold["type"]:
            tally.wrong_type += 1
            tally.errors.append(f"{where} wrong type, gold {gold['type']}")
        elif index in matched:
            tally.duplicate += 1
            tally.errors.append(f"{where} duplicate")
        else:
            matched.add(index)
            tally.correct += 1
            _score_attributes(doc, event, gold, tally, where)
    for index, gold in enumerate(gold_events):
        if index not in matched and not gold.get("optional"):
            tally.errors.append(f"{doc.id} missed {gold['type'][0]} at {gold['triggers'][0][0]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list every error")
    args = parser.parse_args()
    if not NEWS.exists():
        raise SystemExit(f"missing {NEWS}")
    gold = load_gold()
    texts = load_texts({record["id"] for record in gold})
    settings = Settings(jobs=1)
    names = [name for name in settings.pipeline if name not in ("events", "origins")]
    pipeline = build_pipeline(names, settings)
    docs = []
    for record in gold:
        raw = RawInput(record["id"], record["id"], RECORD, str(NEWS), record={"id": record["id"], "text": texts[record["id"]]})
        docs.append(analyse_input(raw, settings, pipeline))
    started = time.perf_counter()
    layers = [find_events(doc, settings) for doc in docs]
    seconds = time.perf_counter() - started
    tally = Tally()
    for record, doc, events in zip(gold, docs, layers, strict=True):
        score_document(doc.with_layer("events", events), texts[record["id"]], record["events"], tally)

    errors = tally.duplicate + tally.wrong_type + tally.spurious
    print(f"articles {len(gold)}, gold events {tally.gold}, found {tally.found} (+{tally.ignored} on optional gold events)")
    print(f"event precision {tally.correct / max(tally.correct + errors, 1):.3f} "
          f"(correct {tally.correct}, duplicates {tally.duplicate}, wrong type {tally.wrong_type}, spurious {tally.spurious}); "
          f"without duplicates {tally.correct / max(tally.correct + errors - tally.duplicate, 1):.3f}")
    print(f"event recall {tally.correct / max(tally.gold, 1):.3f}")
    for name in ("place", "date", "killed", "injured", "figures"):
        print(f"{name:8s} right {tally.right[name]}/{tally.scored[name]} = {tally.right[name] / max(tally.scored[name], 1):.3f}")
    print(f"events component: {len(docs) / seconds:.1f} docs/s ({seconds * 1000 / len(docs):.2f} ms/doc)")
    if args.show:
        print("\n".join(tally.errors))


if __name__ == "__main__":
    main()
