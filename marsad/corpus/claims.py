"""Claims: checkable statements merged across documents, with their origins and conflicts.

A claim is a figure (a quantity and what it measures) or an attributed
assertion. Each document yields :class:`ClaimOccurrence` records in the worker
process; :class:`ClaimBuilder` merges them across the corpus:

- figures of the same measure (what happened, to whom, in which unit: فرار
  مقاتل, رشوة USD) are one claim when their documents share a story, or when
  they give the very same value; different values of one measure are that
  claim's conflicts;
- attributed assertions are one claim when they say the same thing in the same
  story (content terms compared with :func:`statement_similarity`).

Each occurrence carries its chain of sources (source, intermediaries, relayed
reports, outlet); the claim's origins are the roots of those chains, and its
independent origins are the roots that do not relay one another
(:class:`~marsad.corpus.provenance.RelayGraph`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from marsad.arabic.normalise import normalise
from marsad.arabic.numbers import PERCENT
from marsad.arabic.terms import content_terms, light_stem
from marsad.arabic.tokens import iter_tokens, split_clitics
from marsad.corpus.provenance import NAME_PREFIX, RelayGraph, SourceKey, reference_key, source_chain
from marsad.corpus.stance import CONTRADICTION, SAME, compare_statements
from marsad.document import Attribution, Document, Quantity

FIGURE = "figure"
STATEMENT = "statement"
SUMMARY_CHARS = 200


@dataclass(frozen=True, slots=True)
class ClaimOccurrence:
    """One statement of a claim in one document."""

    doc: str
    start: int  # the figure, or the attributed content
    end: int
    kind: str  # FIGURE | STATEMENT
    summary: str
    chain: tuple[SourceKey, ...]  # from the source outwards
    order: int
    date: str | None = None
    measure: str | None = None  # figures: "predicate|counted|unit"
    period: str | None = None  # figures: an earlier year their sentence names (a toll of 2020 in a 2026 story)
    day: str | None = None  # figures: the one day their sentence dates them to (اليوم، أمس، 12 مايو)
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    unit: str | None = None
    terms: frozenset[str] = frozenset()  # statements: content terms


@cache
def _predicates() -> dict[str, str]:
    data = json.loads(resources.files("marsad.data").joinpath("claim_predicates.json").read_text(encoding="utf-8"))
    return {word: measure for measure, words in data.items() if not measure.startswith("_") for word in words}


def _measure_word(norm: str) -> str | None:
    """The measure a word signals: tried whole, without a conjunction, without clitics, light-stemmed."""
    predicates = _predicates()
    forms = [norm]
    if norm[:1] in ("و", "ف") and len(norm) > 2:
        forms.append(norm[1:])
    for form in list(forms):
        forms += [split_clitics(form).stem, light_stem(form)]
    return next((predicates[f] for f in forms if f in predicates), None)


def _clip(text: str, start: int, end: int, around: tuple[int, int]) -> str:
    """The sentence ``text[start:end]``, clipped to SUMMARY_CHARS around ``around``."""
    if end - start <= SUMMARY_CHARS:
        return text[start:end].strip()
    middle = (around[0] + around[1]) // 2
    left = max(start, middle - SUMMARY_CHARS // 2)
    right = min(end, left + SUMMARY_CHARS)
    return "…" + text[left:right].strip() + "…"


def _sentence_of(doc: Document, start: int) -> tuple[int, int]:
    for sentence in doc.sentences:
        if sentence.start <= start < sentence.end:
            return sentence.start, sentence.end
    return start, start


def _dated(doc: Document, sentence: tuple[int, int]) -> tuple[str | None, str | None]:
    """When the dates of a sentence put its figures: the earliest year they name before the
    document's own (a period of its own), and the one day they name, if only one."""
    written = (doc.meta.reference_date or doc.meta.published or "")[:4]
    dates = [t for t in doc.times if t.kind == "date" and t.value_start and sentence[0] <= t.start < sentence[1]]
    earlier = [t.value_start[:4] for t in dates if written and t.value_start[:4] < written]
    days = {t.value_start[:10] for t in dates if t.granularity == "day"}
    return min(earlier, default=None), days.pop() if len(days) == 1 else None


def _attribution_of(doc: Document, start: int, end: int) -> Attribution | None:
    """The attribution whose content holds ``start:end``, the innermost one if nested."""
    holding = [a for a in doc.attributions if a.content_start <= start and end <= a.content_end]
    return min(holding, key=lambda a: a.content_end - a.content_start, default=None)


def _chain(doc: Document, attribution: Attribution | None) -> tuple[SourceKey, ...]:
    if attribution is None:
        return tuple(source_chain(doc, None))
    via = [reference_key(doc, ref) for ref in attribution.via]
    return tuple(source_chain(doc, reference_key(doc, attribution.source), via))


def _measure(doc: Document, quantity: Quantity, sentence: tuple[int, int]) -> str:
    """What a figure measures: the nearest signal word, the counted noun, the unit."""
    tokens = [t for t in iter_tokens(doc.text, *sentence)]
    position = next((i for i, t in enumerate(tokens) if t.start >= quantity.start), len(tokens))
    nearest: tuple[int, str] | None = None
    for i, token in enumerate(tokens):
        if quantity.start <= token.start < quantity.end:
            continue
        distance = abs(i - position)
        if nearest is None or distance < nearest[0]:
            measure = _measure_word(token.norm)
            if measure is not None:
                nearest = (distance, measure)
    counted = quantity.counted_lemma or (light_stem(quantity.counted.split()[0]) if quantity.counted else "")
    if quantity.counted and not _names_what_is_counted(normalise(quantity.counted.split()[0])):
        counted = ""
    if not counted:
        counted = _counted_before(tokens, position, quantity.start)
    return f"{nearest[1] if nearest else ''}|{light_stem(counted) if counted else ''}|{quantity.unit or ''}"


def _fill_counted(occurrences: list[ClaimOccurrence]) -> list[ClaimOccurrence]:
    """A figure whose sentence names nothing counted (بضعة آلاف فرّوا إلى الصحاري) counts what the
    document's other figures of that measure count, when they all count one thing."""
    counted_by_predicate: dict[str, set[str]] = defaultdict(set)
    for o in occurrences:
        if o.measure is not None:
            predicate, counted, _ = o.measure.split("|")
            if counted:
                counted_by_predicate[predicate].add(counted)
    filled = []
    for o in occurrences:
        if o.measure is not None and o.measure.endswith("||") and len(counted_by_predicate.get(o.measure[:-2], ())) == 1:
            (counted,) = counted_by_predicate[o.measure[:-2]]
            o = dataclasses.replace(o, measure=f"{o.measure[:-2]}|{counted}|")
        filled.append(o)
    return filled


def _names_what_is_counted(norm: str) -> bool:
    """False for a word after a figure that says what happened (بضعة آلاف فرّوا) or only sets it apart (آلاف آخرين)."""
    return _measure_word(norm) is None and light_stem(norm) not in _not_counted()


@cache
def _not_counted() -> frozenset[str]:
    data = json.loads(resources.files("marsad.data").joinpath("claim_predicates.json").read_text(encoding="utf-8"))
    return frozenset(data["_not_counted"])


def _counted_before(tokens: Sequence[Any], position: int, figure_start: int) -> str:
    """'عدد X' earlier in the sentence names what a bare figure counts (قدروا عدد المقاتلين ... ببضعة آلاف).

    Not when the word after عدد is the figure itself (قدروا عددهم ببضعة آلاف: a pronoun says what).
    """
    for i in range(position - 1, 0, -1):
        if light_stem(tokens[i - 1].norm) == "عدد":
            return tokens[i].norm if tokens[i].end <= figure_start else ""
    return ""


def claim_occurrences(doc: Document, order: int) -> list[ClaimOccurrence]:
    """The figures and attributed assertions of one document (built in the worker)."""
    date = doc.meta.published
    occurrences = []
    covered: list[tuple[int, int]] = []
    for quantity in doc.quantities:
        if quantity.low is None and quantity.high is None:
            continue
        sentence = _sentence_of(doc, quantity.start)
        period, day = _dated(doc, sentence)
        attribution = _attribution_of(doc, quantity.start, quantity.end)
        occurrences.append(
            ClaimOccurrence(
                doc=doc.id,
                start=quantity.start,
                end=quantity.end,
                kind=FIGURE,
                summary=_clip(doc.text, *sentence, (quantity.start, quantity.end)),
                chain=_chain(doc, attribution),
                order=order,
                date=date,
                measure=_measure(doc, quantity, sentence),
                period=period,
                day=day,
                low=quantity.low,
                high=quantity.high,
                approximate=quantity.approximate,
                unit=quantity.unit,
            )
        )
        covered.append((quantity.start, quantity.end))
    occurrences = _fill_counted(occurrences)
    for attribution in doc.attributions:
        start, end = attribution.content_start, attribution.content_end
        if end <= start or any(start <= a and b <= end for a, b in covered):
            continue  # a figure claim already stands for this statement
        terms = frozenset(content_terms(iter_tokens(doc.text, start, end)))
        if len(terms) < 2:
            continue
        occurrences.append(
            ClaimOccurrence(
                doc=doc.id,
                start=start,
                end=end,
                kind=STATEMENT,
                summary=_clip(doc.text, start, end, (start, end)),
                chain=_chain(doc, attribution),
                order=order,
                date=date,
                terms=terms,
            )
        )
    return occurrences


# More stories than this stating one figure of one measure make it a common figure.
_MAX_STORIES_PER_FIGURE = 3


def _distinctive(low: float | None, high: float | None) -> bool:
    """Whether a figure is rare enough that the same measure and value in two stories is one fact:
    a range (between 20,000 and 30,000 dollars) or a value with three significant digits (3,250).
    Round figures (two killed, 150 fighters, 1,000 fled) recur in unrelated stories."""
    if low is None or high is None:
        return False
    if low != high:
        return True
    digits = f"{abs(low):.6f}".replace(".", "").strip("0")
    return len(digits) >= 3


def statement_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap of content terms, relative to the shorter statement (a summary repeats part of a longer one)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _by_day(occurrences: list[ClaimOccurrence], indices: list[int]) -> list[list[int]]:
    """The figures of one measure in one story, split by the day their sentences date them to: a market
    report's "125 companies rose today" on two days is two facts, not a conflict. A figure with no day
    of its own goes with the day its document was published on, else with its own value, else with the
    most stated day; with fewer than two days known nothing is split."""
    days = {occurrences[i].day for i in indices} - {None}
    if len(days) < 2:
        return [indices]
    by_day: dict[str, list[int]] = defaultdict(list)
    for i in indices:
        if occurrences[i].day:
            by_day[occurrences[i].day].append(i)
    figures = {day: {(occurrences[i].low, occurrences[i].high) for i in members} for day, members in by_day.items()}
    largest = max(by_day, key=lambda day: (len(by_day[day]), day))
    for i in indices:
        o = occurrences[i]
        if o.day is None:
            published = (o.date or "")[:10]
            same_value = [day for day in sorted(by_day) if (o.low, o.high) in figures[day]]
            by_day[published if published in by_day else same_value[0] if same_value else largest].append(i)
    return [sorted(members) for _, members in sorted(by_day.items())]


class _Groups:
    """Union-find over occurrence indices."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


class ClaimBuilder:
    """Collects occurrences as documents stream in; :meth:`finish` merges them into claims."""

    def __init__(self, *, statement_threshold: float = 0.6, candidate_threshold: float = 0.3) -> None:
        self.statement_threshold = statement_threshold
        self.candidate_threshold = candidate_threshold
        self._occurrences: list[ClaimOccurrence] = []

    def add(self, occurrences: Iterable[ClaimOccurrence]) -> None:
        self._occurrences.extend(occurrences)

    def finish(self, mention_entity: dict[tuple[str, int, int], str], story_of: dict[str, str]) -> list[dict[str, Any]]:
        occurrences = sorted(self._occurrences, key=lambda o: (o.order, o.start))
        graph = RelayGraph()
        chains = [[key.resolve(mention_entity) for key in o.chain] for o in occurrences]
        # an unlinked source's key is its folded name; the first spelling seen is shown for it
        names: dict[str, str] = {}
        for o, chain in zip(occurrences, chains, strict=True):
            for key, resolved in zip(o.chain, chain, strict=True):
                if resolved.startswith(NAME_PREFIX):
                    names.setdefault(resolved, key.name)
        for chain in chains:
            graph.add_chain(chain)
        groups = _Groups(len(occurrences))
        self._join_figures(occurrences, story_of, groups)
        contradictions = self._join_statements(occurrences, story_of, groups)
        members: dict[int, list[int]] = defaultdict(list)
        for i in range(len(occurrences)):
            members[groups.find(i)].append(i)
        contradicting: dict[int, set[int]] = defaultdict(set)
        for i, j in contradictions:
            if groups.find(i) != groups.find(j):
                contradicting[groups.find(i)].add(j)
                contradicting[groups.find(j)].add(i)
        claims = []
        for root, indices in members.items():
            claim = self._claim(occurrences, chains, indices, graph)
            claim["source_names"] = {
                key: names[key]
                for key in sorted({key for i in (*indices, *contradicting[root]) for key in chains[i]})
                if key in names
            }
            claim["conflicts"] += [
                {
                    "doc": occurrences[j].doc,
                    "start": occurrences[j].start,
                    "end": occurrences[j].end,
                    "stance": CONTRADICTION,
                    "source": chains[j][0],
                }
                for j in sorted(contradicting[root])
            ]
            claims.append(claim)
        return sorted(claims, key=lambda c: (c["first_order"], c["id"]))

    @staticmethod
    def _join_figures(occurrences: list[ClaimOccurrence], story_of: dict[str, str], groups: _Groups) -> None:
        """Join the figures of one measure in one story, then such groups across stories that state one rare figure.

        Different figures of one measure conflict only when documents differ: one article that
        gives thousands of fighters killed in the campaign and 150 in one strike tells of two facts.
        A figure whose sentence names an earlier year than the document's (a flood of 2020 recalled
        in a report of 2026) is of another period, so it neither joins nor conflicts with the others,
        and figures dated to different days are different facts (see :func:`_by_day`).
        Across stories, a group joins others on the figure it states most, when that figure is rare
        (see :func:`_distinctive`) and no more than a few stories state it: a figure that many
        stories give (a share price, a daily toll) is common, and joining on it would chain
        unrelated facts together.
        """
        by_story: dict[tuple[str, str | None, str], list[int]] = defaultdict(list)
        for i, o in enumerate(occurrences):
            if o.kind != FIGURE or o.measure is None:
                continue
            predicate, counted, unit = o.measure.split("|")
            # a figure without a clear measure stands alone; a share names one only with what it is a share of
            if predicate and (counted or unit not in ("", PERCENT)):
                by_story[(o.measure, o.period, story_of.get(o.doc, o.doc))].append(i)
        by_value: dict[tuple[str, str | None, float | None, float | None], list[int]] = defaultdict(list)
        for (measure, period, _), indices in by_story.items():
            if len({occurrences[i].doc for i in indices}) == 1:
                by_figure: dict[tuple[float | None, float | None], list[int]] = defaultdict(list)
                for i in indices:
                    by_figure[(occurrences[i].low, occurrences[i].high)].append(i)
                story_groups = list(by_figure.values())
            else:
                story_groups = _by_day(occurrences, indices)
            for members in story_groups:
                for i in members[1:]:
                    groups.join(members[0], i)
                figures = Counter((occurrences[i].low, occurrences[i].high) for i in members)
                low, high = max(figures, key=lambda figure: figures[figure])  # ties: first seen
                if _distinctive(low, high):
                    by_value[(measure, period, low, high)].append(members[0])
        for firsts in by_value.values():
            if len(firsts) <= _MAX_STORIES_PER_FIGURE:
                for i in firsts[1:]:
                    groups.join(firsts[0], i)

    def _join_statements(
        self, occurrences: list[ClaimOccurrence], story_of: dict[str, str], groups: _Groups
    ) -> list[tuple[int, int]]:
        """Join statements of one story that say the same thing; return the pairs that contradict.

        Term overlap finds the candidates; the stance model then tells a paraphrase from a
        contradiction (the same words with a negation or an opposite) and from a different
        statement on the same subject.
        """
        by_story: dict[str, list[int]] = defaultdict(list)
        for i, o in enumerate(occurrences):
            if o.kind == STATEMENT:
                by_story[story_of.get(o.doc, o.doc)].append(i)
        contradictions = []
        for indices in by_story.values():
            for n, i in enumerate(indices):
                for j in indices[n + 1 :]:
                    first, second = occurrences[i], occurrences[j]
                    if first.doc == second.doc:
                        continue
                    if statement_similarity(first.terms, second.terms) < self.candidate_threshold:
                        continue
                    stance = compare_statements(first.summary, second.summary)
                    if stance == CONTRADICTION:
                        contradictions.append((i, j))
                    elif stance == SAME or statement_similarity(first.terms, second.terms) >= self.statement_threshold:
                        groups.join(i, j)
        return contradictions

    @staticmethod
    def _claim(
        occurrences: list[ClaimOccurrence], chains: list[list[str]], indices: list[int], graph: RelayGraph
    ) -> dict[str, Any]:
        first = occurrences[indices[0]]
        roots = sorted({chains[i][0] for i in indices})
        claim: dict[str, Any] = {
            "id": "C" + hashlib.sha1(f"{first.doc}:{first.start}:{first.end}".encode()).hexdigest()[:10],
            "kind": first.kind,
            "summary": first.summary,
            "occurrences": [
                {"doc": occurrences[i].doc, "start": occurrences[i].start, "end": occurrences[i].end, "sources": chains[i]}
                for i in indices
            ],
            "origins": roots,
            "independent_origins": graph.independent(roots),
            "documents": len({occurrences[i].doc for i in indices}),
            "first_order": first.order,
        }
        if first.kind == FIGURE:
            values = Counter((occurrences[i].low, occurrences[i].high, occurrences[i].unit) for i in indices)
            low, high, unit = max(values, key=lambda v: values[v])  # most reported; ties: first seen
            claim |= {"measure": first.measure, "value": {"low": low, "high": high, "unit": unit}}
            claim["conflicts"] = [
                {
                    "doc": occurrences[i].doc,
                    "start": occurrences[i].start,
                    "end": occurrences[i].end,
                    "low": occurrences[i].low,
                    "high": occurrences[i].high,
                    "unit": occurrences[i].unit,
                    "approximate": occurrences[i].approximate,
                    "source": chains[i][0],
                }
                for i in indices
                if (occurrences[i].low, occurrences[i].high, occurrences[i].unit) != (low, high, unit)
            ]
        else:
            claim["conflicts"] = []
        return claim
