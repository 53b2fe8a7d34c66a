"""A document's origins: the upstream reports it relays, translates or cites.

Read from the text and the document's attributions:

* a wire credit at the start (``الرياض - واس``) or end (``(رويترز)``) of the text, or in a
  dateline that cleaning took out: the agency is *relayed*;
* an outlet that the statements of the document come through (the source or
  intermediary of at least three attributions, or of two when they are most of
  them), or that a prepositional cue credits in the lead (وفق ما ذكر موقع بوليتيكو): *relayed*;
* an outlet that the lead quotes, or that 'الأمر الذي أكدته صحيفة X' points to: *cited*;
* the journalist whose report is relayed (وذكر الصحفي ايريك شميت في تقريره): *reported_by*;
* a translator (وترجمه راديو روزنة، ترجمة: ...): *translated*.

Origins are listed upstream first: the outlets, then their reporters, then
translators, then wire credits. A document that only quotes people is its own
origin (no origins).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from marsad.arabic.sentences import iter_sentences
from marsad.arabic.tokens import iter_tokens
from marsad.document import (
    CITED,
    DATELINE,
    OUTLET_SOURCE,
    PERSON_SOURCE,
    PUNCT,
    RELAYED,
    REPORTED_BY,
    TRANSLATED,
    Attribution,
    Document,
    Origin,
    Reference,
)
from marsad.extract.attributions import (
    Outlet,
    agency_names,
    is_outlet_anaphor,
    is_prepositional_cue,
    key_of,
    match_outlet,
    outlet_named,
    own_outlet_names,
    readings,
)
from marsad.pipeline import component
from marsad.settings import Settings

_WIRE_WINDOW = 12  # tokens at each end of the text where a wire credit may stand
_LEAD_SENTENCES = 2
_RELAY_COUNT = 3
_RELAY_SHARE = 0.4
_TRANSLATOR_WORDS = 4
_CREDIT_MARKS = frozenset("-–—ـ(:/")
_CLOSING_MARKS = frozenset(")-–—ـ")
_ENCLOSING_MARKS = frozenset('«»"“”(')


@cache
def _translation_words() -> frozenset[str]:
    return _with_conjunctions(("ترجمه", "ترجمته", "ترجمها", "ترجمة", "بترجمة", "ترجمت"))


def _with_conjunctions(words: Sequence[str]) -> frozenset[str]:
    """The keys of words as written alone or after و/ف."""
    return frozenset(key_of(conjunction + word) for word in words for conjunction in ("", "و", "ف"))


@cache
def _rendering_words() -> frozenset[str]:
    """'Carried it over': a translation only when 'into Arabic' follows (نقله إلى العربية), else a relay (بيان نقلته واس)."""
    return _with_conjunctions(("نقلته", "نقله", "نقلها"))


def _into_arabic(words: _Words, i: int) -> int:
    """The token after 'إلى العربية' / 'للعربية' right after token ``i``, else 0."""
    keys = words.keys
    if keys[i + 1 : i + 3] == ["الي", "العربيه"]:
        return i + 3
    return i + 2 if keys[i + 1 : i + 2] == ["للعربيه"] else 0


@cache
def _reporter_titles() -> frozenset[str]:
    words = ("الصحفي", "الصحافي", "الصحفية", "الصحافية", "المراسل", "المراسلة", "مراسل", "مراسلة", "الكاتب", "الكاتبة", "المحرر")
    return frozenset(key_of(w) for w in words)


@cache
def _citing_verbs() -> frozenset[str]:
    """Verbs with an object pronoun in 'الأمر الذي أكدته صحيفة X'."""
    stems = ("اكد", "ذكر", "اورد", "نشر", "كشف", "اوضح")
    return frozenset(stem + suffix for stem in stems for suffix in ("ته", "ه", "تها"))


@dataclass(frozen=True, slots=True)
class _Words:
    keys: list[str]
    starts: list[int]
    ends: list[int]
    punct: list[bool]


def _words(text: str) -> _Words:
    tokens = list(iter_tokens(text))
    return _Words(
        [key_of(text[t.start : t.end]) if t.kind != PUNCT else text[t.start : t.end] for t in tokens],
        [t.start for t in tokens],
        [t.end for t in tokens],
        [t.kind == PUNCT for t in tokens],
    )


def _outlet_at(words: _Words, i: int) -> tuple[Outlet, int] | None:
    for reading, _ in readings(words.keys[i]):
        found = match_outlet(words.keys, i, reading)
        if found is not None:
            return found
    return None


def wire_credits(text: str, words: _Words | None = None) -> list[Outlet]:
    """Agencies credited at the start (الرياض - واس) or the end ((رويترز)) of a text, or between its sentences («واس»).

    At the start the credit may also end the first line, a dateline
    (الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس). Inside the text it
    stands in quotation marks or brackets right after a full stop (... أمس.«واس» وقال).
    """
    words = words or _words(text)
    n = len(words.keys)
    found: list[Outlet] = []
    ends = {*range(min(n, _WIRE_WINDOW)), *range(max(_WIRE_WINDOW, n - _WIRE_WINDOW), n)}
    for i in range(n):
        if words.punct[i] or (i not in ends and not (i and words.keys[i - 1] in _ENCLOSING_MARKS)):
            continue
        outlet = _outlet_at(words, i)
        if outlet is None or outlet[0].kind != "agency" or outlet[0] in found:
            continue
        after_end = outlet[1]
        before = text[words.ends[i - 1] if i else 0 : words.starts[i]]
        after = text[words.ends[after_end - 1] : words.starts[after_end] if after_end < n else len(text)]
        at_line_start = i == 0 or "\n" in before
        at_line_end = after_end == n or "\n" in after
        if i not in ends:
            if _between_sentences(words, i, after_end):
                found.append(outlet[0])
            continue
        mark_before = i > 0 and words.punct[i - 1] and words.keys[i - 1] in _CREDIT_MARKS
        mark_after = after_end < n and words.punct[after_end] and words.keys[after_end] in _CLOSING_MARKS
        marked = mark_before or mark_after
        ends_dateline = at_line_end and "\n" not in text[: words.starts[i]] and i < _WIRE_WINDOW
        if marked or (at_line_start and at_line_end) or ends_dateline or _between_sentences(words, i, after_end):
            found.append(outlet[0])
    return found


def _between_sentences(words: _Words, i: int, after_end: int) -> bool:
    """Whether the agency at ``i`` stands in its own marks right after a full stop: ... أمس.«واس» وقال."""
    opening, closing = i - 1, after_end
    if opening < 1 or closing >= len(words.keys) or not (words.punct[opening] and words.punct[closing]):
        return False
    if words.keys[opening] not in _ENCLOSING_MARKS or words.keys[closing] not in _ENCLOSING_MARKS.union(")"):
        return False
    return words.punct[opening - 1] and words.keys[opening - 1] in (".", "..", "...", "…")


def _translators(text: str, words: _Words) -> list[str]:
    names = []
    for i, key in enumerate(words.keys):
        if key in _rendering_words():
            j = _into_arabic(words, i)
            if not j:
                continue
        elif key in _translation_words():
            j = i + 1
        else:
            continue
        while j < len(words.keys) and words.punct[j] and words.keys[j] == ":":
            j += 1
        if j >= len(words.keys):
            continue
        outlet = _outlet_at(words, j)
        if outlet is not None:
            names.append(outlet[0].name)
            continue
        k = j
        while k < len(words.keys) and k - j < _TRANSLATOR_WORDS and not words.punct[k] and words.keys[k] not in ("ان", "انه", "انها"):
            k += 1
        if k > j and k - j < _TRANSLATOR_WORDS:
            names.append(text[words.starts[j] : words.ends[k - 1]])
    return names


@cache
def _gathering_verbs() -> frozenset[str]:
    """Verbs of an agency gathering the news itself (وتلقت واس نسخة منه، أطلعت عليه واس، رصدت عدسة واس، التقته واس)."""
    stems = ("تلقت", "اطلعت", "رصدت", "التقت")
    return _with_conjunctions([stem + suffix for stem in stems for suffix in ("", "ه", "ها", "هم")])


def _agency_reports(words: _Words) -> list[str]:
    """Agencies that gathered the news the text gives: a gathering verb, then at most two words, then the agency."""
    names = []
    for i, key in enumerate(words.keys):
        if key not in _gathering_verbs():
            continue
        for j in range(i + 1, min(i + 4, len(words.keys))):
            outlet = None if words.punct[j] else _outlet_at(words, j)
            if outlet is not None:
                if outlet[0].kind == "agency":
                    names.append(outlet[0].name)
                break
    return names


def _cited_by_relative(words: _Words) -> list[str]:
    """Outlets in 'الأمر الذي أكدته صحيفة X', 'وهو ما ذكرته وكالة X'."""
    names = []
    for i, key in enumerate(words.keys[:-1]):
        if key in _citing_verbs():
            outlet = _outlet_at(words, i + 1)
            if outlet is not None:
                names.append(outlet[0].name)
    return names


def _named_outlets(words: _Words) -> list[tuple[int, str]]:
    """Each outlet named in the text, with its offset, in text order."""
    named = []
    i = 0
    while i < len(words.keys):
        found = None if words.punct[i] else _outlet_at(words, i)
        if found is None:
            i += 1
            continue
        named.append((words.starts[i], found[0].name))
        i = found[1]
    return named


def _outlet_of(reference: Reference, named: list[tuple[int, str]]) -> str | None:
    """The outlet a source or intermediary stands for; 'the newspaper' is the last outlet named before it."""
    if reference.kind != OUTLET_SOURCE:
        return None
    outlet = outlet_named(reference.text)
    if outlet is not None:
        return outlet.name
    if is_outlet_anaphor(reference.text) and reference.start is not None:
        before = [name for start, name in named if start < reference.start]
        return before[-1] if before else None
    return None


def find_origins(doc: Document, attributions: Sequence[Attribution]) -> list[Origin]:
    """The upstream reports of ``doc``, upstream first; empty when it is its own origin."""
    text = doc.text
    if not text:
        return []
    words = _words(text)
    named = _named_outlets(words)
    sentences = list(iter_sentences(text))
    lead_end = sentences[min(_LEAD_SENTENCES, len(sentences)) - 1].end if sentences else 0

    own = own_outlet_names(doc.meta.outlet) if doc.meta.outlet else frozenset()
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    in_lead: dict[str, bool] = {}  # outlet -> credited (بحسب X, X عن Y) in the lead, or only quoted or spoken to
    for a in attributions:
        credits: dict[str, bool] = {}
        said_by = _outlet_of(a.source, named)
        if said_by:
            credits[said_by] = is_prepositional_cue(a.cue)
        for via in a.via:
            name = _outlet_of(via, named)
            if name:
                credits[name] = credits.get(name, False) or not _spoken_to(text, via)
        for name, credited in credits.items():
            if name in own:
                continue
            counts[name] += 1
            first_seen.setdefault(name, a.start)
            if a.start < lead_end or name in agency_names():  # a wire credited or spoken to anywhere
                in_lead[name] = in_lead.get(name, False) or credited

    datelines = [r.text for r in doc.removed if r.kind == DATELINE]
    wired = [o.name for line in datelines for o in wire_credits(line)] + [o.name for o in wire_credits(text, words)]
    gathered = _agency_reports(words)
    relayed_agencies = {*wired, *gathered}  # even where a statement only cites them

    origins: list[Origin] = []
    for name in sorted(counts, key=lambda n: first_seen[n]):
        count = counts[name]
        relayed = count >= _RELAY_COUNT or (count >= 2 and count >= _RELAY_SHARE * len(attributions))
        if relayed or in_lead.get(name) or name in relayed_agencies:
            origins.append(Origin(name, RELAYED))
        elif name in in_lead:
            origins.append(Origin(name, CITED))
    for name in gathered:
        if name not in own and all(o.name != name for o in origins):
            origins.append(Origin(name, RELAYED))
    for name in _cited_by_relative(words):
        if all(o.name != name for o in origins):
            origins.append(Origin(name, CITED))
    if origins:
        origins.extend(_reporters(attributions))
    origins.extend(Origin(name, TRANSLATED) for name in dict.fromkeys(_translators(text, words)))
    for name in wired:
        if name not in own and all(o.name != name for o in origins):
            origins.append(Origin(name, RELAYED))
    return origins


@component("origins", assigns="origins", requires=("attributions",))
def find_document_origins(doc: Document, settings: Settings) -> list[Origin]:
    """The pipeline's origins step: :func:`find_origins` over the document's attributions."""
    return find_origins(doc, doc.attributions)


def _reporters(attributions: Sequence[Attribution]) -> list[Origin]:
    """Journalists whose report the document relays (ذكر الصحفي ايريك شميت في تقريره)."""
    found: dict[str, Origin] = {}
    for a in attributions:
        title = a.affiliation or ""
        if a.source.kind == PERSON_SOURCE and title and key_of(title).split()[0] in _reporter_titles():
            found.setdefault(a.source.text, Origin(a.source.text, REPORTED_BY))
    return list(found.values())


def _spoken_to(text: str, via: Reference) -> bool:
    """Whether an intermediary is the outlet a source spoke to (قال لرويترز، لـ"الوطن"), not one it is read in."""
    if via.start is None:
        return False
    before = text[max(0, via.start - 12) : via.start]
    glued = before.endswith("ل")  # لرويترز، لوكالة الأنباء
    if not glued and re.search(r'(?:^|\s)[وف]?لـ?\s*["«“]\s*$|(?:^|\s)[وف]?لـ\s*$', before) is None:
        return False  # لـ"الوطن"، لـ «واس»
    return re.search(r"(?:حسب|وفقا|وفقاً|طبقا|تبعا)\s+لـ?[\s\"«“]*$", before) is None
