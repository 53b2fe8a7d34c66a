"""Attributed statements: who said what, through whom.

Rules over the token layer, read left to right:

* a reporting verb (قال، وأضاف، يؤكد ...) is followed by its source (the noun
  phrase up to a comma, أن/إن, a colon or a quotation; or, in the 'X قال' order,
  the phrase before it), then optional apposition (the source's affiliation),
  intermediaries (``لبوليتيكو``, ``بحسب نيويورك تايمز``: the ``via``) and
  adjuncts (في تصريح، أمس), then the content: a quotation, or the clause after
  أن/إن or a colon, to the end of the statement;
* a verb with no source of its own (وأضاف، وقال في رسالة) continues the last
  speaker; participles (مشيرا إلى أن) do too;
* a prepositional cue (بحسب، وفقا لـ، وفق ما ذكر، نقلا عن ...) attributes the
  rest of its clause, or becomes the ``via`` of the statement it closes.

The source is snapped to a mention of the NER layer when there is one (a
person's name without the title, an organisation), else kept as the phrase,
with its kind (person, organisation, outlet, official, anonymous).
The cue span is the reporting word as written, without the conjunction و/ف.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from marsad.arabic.normalise import normalise
from marsad.arabic.sentences import iter_sentences
from marsad.arabic.tokens import iter_tokens, surface_offset
from marsad.document import (
    ANONYMOUS_SOURCE,
    GPE,
    OFFICIAL_SOURCE,
    ORG,
    ORGANISATION_SOURCE,
    OUTLET_SOURCE,
    PER,
    PERSON_SOURCE,
    PUNCT,
    SYMBOL,
    Attribution,
    Document,
    Mention,
    Reference,
    Token,
)
from marsad.pipeline import component
from marsad.settings import Settings

_MAX_SOURCE_TOKENS = 14
_MAX_TAIL_TOKENS = 45
_MAX_PREPOSITION_SOURCE_TOKENS = 10
_MAX_SHORT_QUOTE_TOKENS = 4
_MAX_QUOTED_OUTLET_TOKENS = 7  # a name in quotation marks after an outlet word
_MAX_SUBJECT_TOKENS = 6
_STATEMENT_END = ".!?؟…;؛"
_TRIM = " \t\n\r\xa0\u200e\u200f.؛;:،,-–—"
_OPENING_QUOTES = "«\"“'‘"
_QUOTE_PAIRS = {"«": "»", "“": "”", "‹": "›"}
_TOGGLE_QUOTES = '"”'
_QUOTE_MARKS = frozenset('"«»“”‹›')
_OBJECT_SUFFIXES = ("ه", "ها", "ته", "تها")  # أكده، أكدته: a verb with the pronoun of what it confirms
_NOUN_OBJECT_LEMMAS = frozenset(("ذكر", "اوضح", "بين", "اقر"))  # and the object verbs: أكد X ضرورة ...
_REFLEXIVES = frozenset(("نفسه", "نفسها", "نفسهم", "ذاته", "ذاتها"))
_RELATIVES = frozenset(("التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي"))


def _is_relative(key: str) -> bool:
    """A relative pronoun, with و before it or not (التي، والتي)."""
    return key in _RELATIVES or (key[:1] == "و" and key[1:] in _RELATIVES)


def key_of(text: str) -> str:
    """The form words are compared by: normalised, Latin case-folded."""
    return normalise(text).casefold()


def _keys(text: str) -> tuple[str, ...]:
    return tuple(key_of(text[t.start : t.end]) for t in iter_tokens(text))


def readings(key: str) -> list[tuple[str, int]]:
    """A word's key and its readings without proclitics (و ف ب ل لل), with the letters dropped.

    لل reads as ل + ال: ``للمرصد`` gives ``المرصد`` with two letters dropped.
    """
    found = [(key, 0)]
    at = 1 if len(key) > 3 and key[0] in "وف" else 0
    if at:
        found.append((key[1:], 1))
    if len(key) - at > 3 and key[at] in "بلك":
        if key.startswith("لل", at):
            found.append(("ال" + key[at + 2 :], at + 2))
        else:
            found.append((key[at + 1 :], at + 1))
    return found


# ---------------------------------------------------------------- lexicons


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    kind: str
    ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _OutletTable:
    names: dict[str, list[tuple[tuple[str, ...], Outlet, bool]]]  # first key -> (keys, outlet, needs head)
    heads: dict[str, list[tuple[str, ...]]]  # first key -> outlet words (صحيفة، وكالة أنباء)
    anaphors: frozenset[str]


@cache
def _json(name: str) -> Any:
    return json.loads(resources.files("marsad.data").joinpath(name).read_text(encoding="utf-8"))


@cache
def _outlets() -> _OutletTable:
    data = _json("outlets.json")
    names: dict[str, list[tuple[tuple[str, ...], Outlet, bool]]] = {}
    for entry in data["outlets"]:
        outlet = Outlet(entry["name"], entry["kind"], tuple(entry.get("ids", ())))
        needs_head = {key_of(form) for form in entry.get("needs_head", ())}
        for form in entry["forms"]:
            keys = _keys(form)
            names.setdefault(keys[0], []).append((keys, outlet, " ".join(keys) in needs_head))
    for candidates in names.values():
        candidates.sort(key=lambda c: len(c[0]), reverse=True)
    heads: dict[str, list[tuple[str, ...]]] = {}
    for word in data["outlet_words"]:
        keys = _keys(word)
        heads.setdefault(keys[0], []).append(keys)
        heads.setdefault("ال" + keys[0], []).append(("ال" + keys[0], *keys[1:]))
    for forms in heads.values():
        forms.sort(key=len, reverse=True)
    return _OutletTable(names, heads, frozenset(key_of(w) for w in data["anaphors"]))


@dataclass(frozen=True, slots=True)
class _Preposition:
    words: tuple[str, ...]
    with_ma: bool
    verb_follows: bool
    clause_follows: bool  # وجاء في البيان أن: a cue only when its source is followed by أن/إن or a colon


@dataclass(frozen=True, slots=True)
class _Lexicon:
    verbs: dict[str, str]  # form -> lemma
    clause_verbs: dict[str, str]  # form -> lemma, verbs only when they open a clause (وبين أن)
    follow_ups: frozenset[str]
    relay_lemmas: frozenset[str]
    object_lemmas: frozenset[str]
    pointing_lemmas: frozenset[str]
    impersonal: frozenset[str]
    prepositions: dict[str, list[_Preposition]]
    pronoun_sources: frozenset[str]
    honorific_pronouns: frozenset[str]
    complementisers: frozenset[str]
    communication: frozenset[str]
    adjunct_prepositions: frozenset[str]
    time_words: frozenset[str]
    audience: frozenset[str]
    object_pronouns: frozenset[str]
    not_reporting_before: frozenset[str]
    negations: frozenset[str]
    idiom_objects: frozenset[str]
    closing_participles: frozenset[str]
    clause_particles: frozenset[str]
    anonymous_heads: frozenset[str]
    report_nouns: frozenset[str]
    official_heads: frozenset[str]
    organisation_heads: frozenset[str]
    titles: dict[str, list[tuple[str, ...]]]  # first key -> title keys, longest first
    qualifiers: frozenset[str]
    honorifics: frozenset[str]
    person_titles: frozenset[str]  # honorifics as listed, without the last words of titles
    name_links: frozenset[str]
    given_names: frozenset[str]


def _key_set(words: Sequence[str]) -> frozenset[str]:
    return frozenset(key_of(w) for w in words)


@cache
def _lexicon() -> _Lexicon:
    data = _json("reporting_verbs.json")
    verbs = {key_of(form): key_of(lemma) for lemma, forms in data["verbs"].items() for form in forms}
    clause_verbs = {key_of(form): key_of(lemma) for lemma, forms in data["clause_verbs"].items() for form in forms}
    prepositions: dict[str, list[_Preposition]] = {}
    for entry in data["prepositions"]:
        words = tuple(key_of(w) for w in entry["words"])
        prepositions.setdefault(words[0], []).append(
            _Preposition(words, entry["with_ma"], entry.get("verb_follows", False), entry.get("clause_follows", False))
        )
    for entries in prepositions.values():
        entries.sort(key=lambda p: len(p.words), reverse=True)
    title_data = _json("titles.json")
    titles: dict[str, list[tuple[str, ...]]] = {}
    for title in title_data["person"]:
        keys = _keys(title)
        titles.setdefault(keys[0], []).append(keys)
    for forms in titles.values():
        forms.sort(key=len, reverse=True)
    return _Lexicon(
        verbs=verbs,
        clause_verbs=clause_verbs,
        follow_ups=_key_set(data["follow_ups"]),
        relay_lemmas=_key_set(data["relay_verbs"]),
        object_lemmas=_key_set(data["object_verbs"]),
        pointing_lemmas=_key_set(data["pointing_verbs"]),
        impersonal=_key_set(data["impersonal"]),
        prepositions=prepositions,
        pronoun_sources=_key_set(data["pronoun_sources"]),
        honorific_pronouns=_key_set(data["honorific_pronouns"]),
        complementisers=_key_set(data["complementisers"]),
        communication=_key_set(data["communication_nouns"]),
        adjunct_prepositions=_key_set(data["adjunct_prepositions"]),
        time_words=_key_set(data["time_words"]),
        audience=_key_set(data["audience_words"]),
        object_pronouns=_key_set(data["object_pronouns"]),
        not_reporting_before=_key_set(data["not_reporting_before"]),
        negations=_key_set(data["negations"]),
        idiom_objects=_key_set(data["idiom_objects"]),
        closing_participles=_key_set(data["closing_participles"]),
        clause_particles=_key_set(data["clause_particles"]),
        anonymous_heads=_key_set(data["anonymous_heads"]),
        report_nouns=_key_set(data["report_nouns"]),
        official_heads=_key_set(data["official_heads"]),
        organisation_heads=_key_set(data["organisation_heads"]),
        titles=titles,
        qualifiers=_key_set(title_data["person_qualifiers"]),
        honorifics=_key_set(data["honorifics"]) | frozenset(keys[-1] for forms in titles.values() for keys in forms),
        person_titles=_key_set(data["honorifics"]),
        name_links=_key_set(data["name_links"]),
        given_names=_given_names(),
    )


def _given_names() -> frozenset[str]:
    text = resources.files("marsad.data").joinpath("ner", "given_names.txt").read_text(encoding="utf-8")
    return frozenset(key_of(line.strip()) for line in text.splitlines() if line.strip() and not line.startswith("#"))


def match_outlet(keys: Sequence[str], i: int, first: str | None = None, alone: bool = False) -> tuple[Outlet, int] | None:
    """The outlet named at token ``i`` (after any outlet word such as صحيفة), and the token after it.

    ``first`` replaces the key of token ``i`` (a reading without its clitics).
    The name may stand in quotation marks after the outlet word (وكالة «رويترز»);
    the token after it is then the one after the closing mark. ``alone`` accepts
    names that otherwise need an outlet word before them (وفقا للألمانية).
    """
    table = _outlets()
    words = [first if first is not None else keys[i], *keys[i + 1 : i + 7]]
    after_head = 0
    for head in table.heads.get(words[0], ()):
        if tuple(words[: len(head)]) == head:
            after_head = len(head)
            break
    for at in dict.fromkeys((after_head, 0)):  # صحيفة الغارديان; وكالة الأنباء السعودية is a name itself
        opened = at < len(words) and words[at] in _QUOTE_MARKS  # «واشنطن بوست»، صحيفة "عكاظ"
        name_at = at + opened
        if name_at >= len(words):
            continue
        for name, outlet, needs_head in table.names.get(words[name_at], ()):
            if tuple(words[name_at : name_at + len(name)]) == name and (at or alone or not needs_head):
                end = name_at + len(name)
                if opened:  # to the closing mark: «رويترز»، "سي إن إن بالعربية"
                    end = next((k + 1 for k in range(end, len(words)) if words[k] in _QUOTE_MARKS), end)
                return outlet, i + end
    return None


def outlet_named(text: str, *, alone: bool = False) -> Outlet | None:
    """The outlet a phrase names at its start (صحيفة نيويورك تايمز الأمريكية, صحيفة "عكاظ"); with ``alone``,
    also by a name that otherwise needs an outlet word before it (الشرق الأوسط, الرياض)."""
    keys = [key for key in _keys(text) if key not in _QUOTE_MARKS]
    for reading, _ in readings(keys[0]) if keys else ():
        found = match_outlet(keys, 0, reading, alone)
        if found:
            return found[0]
    return None


@cache
def _home_countries() -> dict[str, str]:
    return {
        outlet_id: entry["country"]
        for entry in _json("outlets.json")["outlets"]
        if "country" in entry
        for outlet_id in entry.get("ids", ())
    }


def outlet_country(outlet_id: str) -> str | None:
    """The home country (ISO code) of the outlet with metadata id ``outlet_id`` (``okaz`` -> SA), where known."""
    return _home_countries().get(outlet_id)


def own_outlet_names(outlet_id: str) -> frozenset[str]:
    """The names of the outlet with metadata id ``outlet_id`` (``was`` -> Saudi Press Agency)."""
    return frozenset(
        outlet.name for candidates in _outlets().names.values() for _, outlet, _ in candidates if outlet_id in outlet.ids
    )


@cache
def agency_names() -> frozenset[str]:
    """The names of the news agencies (wires) in the outlet table."""
    return frozenset(outlet.name for candidates in _outlets().names.values() for _, outlet, _ in candidates if outlet.kind == "agency")


def is_outlet_anaphor(text: str) -> bool:
    """Whether a phrase is 'the newspaper', 'the agency' ... standing for an outlet named before.

    Only adjectives may follow (الصحيفة الأمريكية), not an owner (الموقع الرسمي لأمانة المجلس).
    """
    keys = _keys(text)
    return bool(keys) and keys[0] in _outlets().anaphors and all(key.startswith("ال") for key in keys[1:])


def is_prepositional_cue(cue: str) -> bool:
    """Whether a cue is a prepositional one (بحسب، وفقا لما ذكره) rather than a verb."""
    keys = _keys(cue)
    return bool(keys) and any(r in _lexicon().prepositions for r, _ in readings(keys[0])[:2])


# ---------------------------------------------------------------- quotations


@dataclass(frozen=True, slots=True)
class _Quote:
    open: int  # offset of the opening mark
    inner_start: int
    inner_end: int
    close_end: int  # offset after the closing mark (or the line end when unclosed)


def _quotes(text: str) -> dict[int, _Quote]:
    """Quotations by the offset of their opening mark; unclosed ones run to the end of the line."""
    found: dict[int, _Quote] = {}
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        open_at: dict[str, int] = {}
        for offset in range(line_start, line_end):
            char = text[offset]
            if char in _QUOTE_PAIRS:
                open_at.setdefault(char, offset)
            elif char in _QUOTE_PAIRS.values():
                opener = next((o for o, c in _QUOTE_PAIRS.items() if c == char), "")
                if opener in open_at:
                    start = open_at.pop(opener)
                    found[start] = _Quote(start, start + 1, offset, offset + 1)
                    continue
            if char in _TOGGLE_QUOTES and not (char == "”" and "“" in open_at):
                if '"' in open_at:
                    start = open_at.pop('"')
                    found[start] = _Quote(start, start + 1, offset, offset + 1)
                else:
                    open_at['"'] = offset
        for start in open_at.values():
            found[start] = _Quote(start, start + 1, line_end, line_end)
        line_start = line_end + 1
    return found


# ---------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class _Speaker:
    source: Reference
    affiliation: str | None
    via: tuple[Reference, ...]


@dataclass(slots=True)
class _Found:
    attribution: Attribution
    quoted: bool
    sentence: int
    resume: int  # token index to read on from
    ends_previous: bool = True  # a statement starting inside the previous one's clause ends it
    speaks: bool = True  # its source becomes the current speaker
    recorded: bool = True  # a statement of its own (not: وهو ما أكده شكري, which only changes the speaker)


class _Reader:
    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.tokens: Sequence[Token] = doc.tokens or tuple(iter_tokens(doc.text))
        self.keys = [key_of(doc.text[t.start : t.end]) if t.kind != PUNCT else doc.text[t.start : t.end] for t in self.tokens]
        self.starts = [t.start for t in self.tokens]
        sentences = doc.sentences or tuple(iter_sentences(doc.text))
        self.sentence_starts = [s.start for s in sentences]
        self.sentence_ends = [s.end for s in sentences]
        self.sentence_of = [max(0, bisect_right(self.sentence_starts, t.start) - 1) for t in self.tokens]
        self.mentions: list[Mention] = sorted(doc.mentions, key=lambda m: (m.start, m.end))
        self.mention_starts = [m.start for m in self.mentions]
        self.quotes = _quotes(doc.text)
        self.quote_ends = {q.close_end: q for q in self.quotes.values() if q.close_end > q.inner_end}
        self.lexicon = _lexicon()
        self.speaker: _Speaker | None = None
        self.speaker_sentence = -1
        self.found: list[_Found] = []

    # -- token helpers

    def index_at(self, offset: int) -> int:
        """The first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def sentence_stop(self, i: int) -> int:
        """The token index just past the sentence of token ``i``."""
        return self.index_at(self.sentence_ends[self.sentence_of[i]])

    def is_punct(self, i: int) -> bool:
        return self.tokens[i].kind in (PUNCT, SYMBOL)

    def char(self, i: int) -> str:
        return self.text[self.tokens[i].start]

    def verb(self, i: int) -> tuple[str, int] | None:
        """The lemma of a reporting verb at token ``i`` and the conjunction letters before it."""
        key = self.keys[i]
        for reading, dropped in readings(key)[:2]:
            if dropped and key[0] not in "وف":
                continue
            lemma = self.lexicon.verbs.get(reading)
            if lemma is not None:
                return lemma, dropped
            lemma = self.lexicon.clause_verbs.get(reading)
            if lemma is not None and self.opens_clause(i) and self.complementiser_follows(i):
                return lemma, dropped
        return None

    def complementiser_follows(self, i: int) -> bool:
        """Whether a complementiser comes within a few words after token ``i``, before any punctuation."""
        for k in range(i + 1, min(i + 1 + _MAX_SUBJECT_TOKENS, len(self.tokens))):
            if self.is_punct(k):
                return False
            if self.is_complementiser(k):
                return True
        return False

    def follow_up(self, i: int) -> int | None:
        key = self.keys[i]
        if key in self.lexicon.follow_ups:
            return 0
        if key[:1] in "وف" and key[1:] in self.lexicon.follow_ups:
            return 1
        return None

    def is_complementiser(self, i: int) -> bool:
        return i < len(self.keys) and self.keys[i] in self.lexicon.complementisers

    def introducer_at(self, i: int) -> int | None:
        """The complementiser at ``i`` (or after إلى at ``i``), else None; not بعد أن، يجب أن."""
        if self.is_complementiser(i):
            if i > 0 and self.keys[i - 1] in self.lexicon.not_reporting_before:
                return None
            return i
        if self.keys[i] in ("الي", "والي", "من", "علي") and self.is_complementiser(i + 1):
            return i + 1
        return None

    def long_quote_at(self, i: int) -> _Quote | None:
        quote = self.quotes.get(self.tokens[i].start) if self.is_punct(i) else None
        if quote is None or self.is_short(quote):
            return None
        return quote

    def is_short(self, quote: _Quote, limit: int = _MAX_SHORT_QUOTE_TOKENS) -> bool:
        """A quoted name ("جين"), not a quotation (nor a short clause: "إنه ليس بطلا")."""
        first = self.index_at(quote.inner_start)
        words = self.index_at(quote.inner_end) - first
        return words <= limit and quote.close_end > quote.inner_end and not self.is_complementiser(first)

    def after_quote(self, i: int) -> int:
        """The token after a short quotation opening at token ``i``."""
        return self.index_at(self.quotes[self.tokens[i].start].close_end)

    def span(self, first: int, stop: int, dropped: int = 0) -> tuple[int, int]:
        token = self.tokens[first]
        start = token.start + surface_offset(self.text[token.start : token.end], dropped) if dropped else token.start
        return start, self.tokens[stop - 1].end

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        while end > start and self.text[end - 1] in _TRIM:
            end -= 1
        if end - start >= 2 and self.text[end - 1] == "و" and self.text[end - 2].isspace():
            return self.trimmed(start, end - 1)
        while start < end and self.text[start] in _TRIM:
            start += 1
        return start, end

    def end_before(self, start: int, offset: int) -> int:
        """The end of a statement cut at ``offset``, without the punctuation and particles before it (، لكنه)."""
        k = self.index_at(offset) - 1
        while k >= 0 and self.tokens[k].start >= start:
            key = self.keys[k]
            if self.is_punct(k) and self.closes_quote_from(start, k):
                break  # «اعترف بتراجعهم»، لكنه قال: the closing mark stays
            if not (self.is_punct(k) or key in ("و", "ف") or any(r in self.lexicon.clause_particles for r, _ in readings(key)[:2])):
                break
            k -= 1
        end = self.tokens[k].end if k >= 0 and self.tokens[k].start >= start else start
        if k >= 0 and self.closes_quote_from(start, k):
            return end
        return self.trimmed(start, min(end, offset))[1]

    def closes_quote_from(self, start: int, k: int) -> bool:
        """Whether punctuation token ``k`` closes a quotation opened at or after ``start``."""
        quote = self.quote_ends.get(self.tokens[k].end)
        return quote is not None and quote.open >= start

    # -- the whole document

    def read(self) -> list[Attribution]:
        found = self.found
        i = 0
        while i < len(self.tokens):
            if self.is_punct(i):
                i += 1
                continue
            item = self.verbal(i) or self.prepositional(i, found[-1] if found else None) or self.echo(i)
            if item is None:
                i += 1
                continue
            within = bool(found) and self.reports_within(found[-1].attribution, item.attribution)
            if (
                found
                and item.ends_previous
                and item.attribution.start < found[-1].attribution.content_end
                and not found[-1].quoted
                and not within
            ):
                previous = found[-1]
                end = self.end_before(previous.attribution.content_start, item.attribution.start)
                if end > previous.attribution.content_start:
                    previous.attribution = replace(previous.attribution, content_end=end)
                else:  # بحسب ما أكد X، مشيرا إلى: nothing of its content is left, so it credits the clause before it
                    start, end = self.trimmed(self.sentence_starts[previous.sentence], previous.attribution.start)
                    previous.attribution = replace(previous.attribution, content_start=start, content_end=end)
            if item.attribution.source.text and item.recorded:
                found.append(item)
            if item.attribution.source.text and item.speaks and not within:  # the reporter speaks on, not whom he cites
                a = item.attribution
                self.speaker = _Speaker(a.source, a.affiliation, a.via)
                self.speaker_sentence = item.sentence
            i = max(item.resume, i + 1)
        return [item.attribution for item in found]

    def reports_within(self, outer: Attribution, inner: Attribution) -> bool:
        """Whether a statement is reported inside another's content, its source opening that content
        (قال إن الحكومة أعلنت أنها ترفض: what قال says is the whole clause, not الحكومة)."""
        start = inner.source.start
        if start is None or start < outer.content_start:
            return False
        return not self.text[outer.content_start : start].strip(_TRIM + _OPENING_QUOTES)

    # -- reporting verbs

    def verbal(self, i: int) -> _Found | None:
        verb = self.verb(i)
        participle = None if verb else self.follow_up(i)
        if verb is None and participle is None:
            return None
        lemma, dropped = verb if verb else ("", participle or 0)
        stop = self.sentence_stop(i)
        key = self.keys[i][dropped:]
        if verb and key in self.lexicon.impersonal and i + 1 < stop and self.introducer_at(i + 1) is not None:
            return None
        if verb and i > 0 and any(r in self.lexicon.negations for r, _ in readings(self.keys[i - 1])[:2]):
            return None  # لم يعلن، لن يقول: nothing was said
        if participle is not None and not self.participle_reports(i, stop):
            return None
        if i + 1 < stop and self.keys[i + 1] in self.lexicon.idiom_objects:
            return None  # لفت انتباهه، لفت الأنظار: drew attention, said nothing
        cue_start, cue_end = self.span(i, i + 1, dropped)
        first = self.after_time_aside(i + 1, stop)
        honorific_subject = first < stop and self.keys[first] in self.lexicon.honorific_pronouns
        if honorific_subject:  # وأوضح معاليه، مؤكدا سموه: the speaker, referred to by his honorific
            first += 1
        if verb and first < stop and self.keys[first] == "ذلك":
            return self.backward(i, dropped, first + 1, stop)
        if verb and first < stop and self.is_possessed(first):
            return None  # قد أعلنت سيطرتها على الرقة: the object, its subject came before
        through = self.through_it(first, stop) if verb else first
        refers_back = through > first
        via: list[Reference] = []
        spoken_to = self.via_at(first, stop) if verb and first < stop and through == first else None
        if spoken_to is not None:  # ذكر لـ"الوطن" رئيس اللجنة ...
            via.append(spoken_to[0])
            first = spoken_to[1]
        if refers_back:  # عبر مداخلة هاتفية أوضح من خلالها عودة ...: no source after it, the noun is what it said
            first = source_stop = through
            relay_via = None
        else:
            first, source_stop, relay_via = self.source_phrase(first, stop, lemma) if verb else (first, first, None)
        if source_stop - first >= _MAX_SOURCE_TOKENS:
            return None  # no clear end to the source: not a statement we can read
        if relay_via:
            via.insert(0, relay_via)
        tail = self.tail(source_stop, stop, has_source=source_stop > first, lemma=lemma)
        if tail is None and refers_back and not self.is_punct(through):
            tail = (self.trimmed(self.tokens[through].start, self.statement_end(through)), False, through + 1, None, [])
        if tail is None and (lemma in self.lexicon.object_lemmas or lemma in _NOUN_OBJECT_LEMMAS) and source_stop - first > 2:
            tail, source_stop = self.object_after_name(first, source_stop)
        if tail is None and verb and source_stop > first:
            participle_at = self.participle_after(source_stop, stop) if self.names_a_speaker(first, source_stop) else None
            if participle_at is not None:  # أجاب ديلون في بيان، قائلا: the participle says it, he is its speaker
                source, title = self.reference(first, source_stop)
                attribution = Attribution(start=cue_start, end=cue_start, source=source, via=tuple(via), affiliation=title)
                return _Found(attribution, False, self.sentence_of[i], participle_at, recorded=False)
        if tail is None:
            return None
        content, quoted, resume, apposition, tail_via = tail
        via.extend(tail_via)
        affiliation = None
        if apposition is not None:
            named = self.name_start(*apposition)
            if self.is_name_after_title(first, source_stop, *apposition):
                first, source_stop, apposition = apposition[0], apposition[1], (first, source_stop)
            elif named is not None and named > apposition[0] and self.name_start(first, source_stop) is None:
                # رئيس النادي، المنسق العام الدكتور عبدالرحمن السلمي، أن: the name closes the apposition
                apposition, first, source_stop = (first, named), named, apposition[1]
            start, end = self.trimmed(*self.span(*apposition))
            affiliation = self.text[start:end]
        if source_stop > first:
            source, title = self.reference(first, source_stop)
        else:
            conjoined = honorific_subject or bool(dropped) or (i > 0 and self.keys[i - 1] in ("و", "ف"))
            implicit = self.implicit_speaker(i, conjoined, participle is not None, refers_back=refers_back)
            if implicit is None:
                return None
            source, title, inherited = implicit
            via = via or list(inherited)
        if not via and source_stop > first and self.is_report(first):
            via = self.publisher_before(i)
        if not any(v.kind == OUTLET_SOURCE for v in via):
            via.extend(self.questioner(i))
        attribution = Attribution(
            start=cue_start,
            end=cue_end,
            cue=self.text[cue_start:cue_end],
            source=source,
            content_start=content[0],
            content_end=content[1],
            via=tuple(via),
            affiliation=affiliation or title,
        )
        return _Found(attribution, quoted, self.sentence_of[i], resume)

    def names_a_speaker(self, first: int, stop: int) -> bool:
        """Whether a phrase after a verb names who speaks (a person, a title, a body, an unnamed source), not its object (وجود أي مخطط)."""
        lexicon = self.lexicon
        key = self.keys[first]
        if self.is_title_word(first) or key in lexicon.anonymous_heads or key in lexicon.organisation_heads:
            return True
        start = self.tokens[first].start
        at = bisect_left(self.mention_starts, start)
        return any(m.type == PER and m.start == start for m in self.mentions[at : at + 1]) or self.name_start(first, stop) == first

    def participle_after(self, j: int, stop: int) -> int | None:
        """A reporting participle after a comma that follows the verb's adjuncts (في بيان، قائلا), before any content."""
        for k in range(j, min(j + _MAX_SUBJECT_TOKENS, stop)):
            if self.is_punct(k) and self.char(k) not in "،,":
                return None
            if not self.is_punct(k) and (self.introducer_at(k) is not None or self.verb(k)):
                return None
            if self.follow_up(k) is not None:
                return k if self.is_punct(k - 1) and self.char(k - 1) in "،," else None
        return None

    def questioner(self, i: int) -> list[Reference]:
        """The outlet whose question the statement at token ``i`` answers (وردا على سؤال من صحيفة X ...، أجاب): its via."""
        k = self.index_at(self.sentence_starts[self.sentence_of[i]])
        while k + 2 < i and not (self.keys[k] in ("ردا", "وردا") and self.keys[k + 1] == "علي" and self.keys[k + 2].startswith("سوال")):
            k += 1
        for j in range(k + 3, min(k + 8, i)):
            for reading, dropped in readings(self.keys[j]) if k + 2 < i else ():
                outlet = match_outlet(self.keys, j, reading)
                if outlet is not None:
                    start, end = self.span(j, outlet[1], dropped)
                    return [Reference(self.text[start:end], start, end, kind=OUTLET_SOURCE)]
        return []

    def is_report(self, first: int) -> bool:
        """Whether a source phrase opens with a definite report noun (التقرير، للبيان): a report named before."""
        return any(r.startswith("ال") and r in self.lexicon.report_nouns for r, _ in readings(self.keys[first]))

    def publisher_before(self, i: int, sentences_back: int = 1) -> list[Reference]:
        """The outlet last named in the sentence of token ``i`` or the ones before: the publisher of 'the report'."""
        sentence = self.sentence_of[i]
        j = self.index_at(self.sentence_starts[max(0, sentence - sentences_back)])
        found: list[Reference] = []
        while j < i:
            for reading, dropped in readings(self.keys[j]) if not self.is_punct(j) else ():
                outlet = match_outlet(self.keys, j, reading)
                if outlet is not None:
                    start, end = self.span(j, outlet[1], dropped)
                    found = [Reference(self.text[start:end], start, end, kind=OUTLET_SOURCE)]
                    j = outlet[1] - 1
                    break
            j += 1
        return found

    def echo(self, i: int) -> _Found | None:
        """'وهو ما أكده شكري': someone confirms the statement before, which ends there; he becomes the current speaker."""
        if i < 1 or self.keys[i - 1] != "ما":
            return None
        key = self.keys[i]
        lemma = next((self.lexicon.verbs[key[: -len(p)]] for p in _OBJECT_SUFFIXES if key.endswith(p) and key[: -len(p)] in self.lexicon.verbs), None)
        if lemma is None:
            return None
        stop = self.sentence_stop(i)
        first, source_stop, _ = self.source_phrase(i + 1, stop, lemma)
        if source_stop == first or source_stop - first > _MAX_SUBJECT_TOKENS:
            return None
        source, title = self.reference(first, source_stop)
        opening = i - 2 if i >= 2 and self.keys[i - 2] in ("وهو", "وهذا", "وهي", "هو", "هذا") else i - 1
        start = self.tokens[opening].start
        attribution = Attribution(start=start, end=start, source=source, affiliation=title)
        return _Found(attribution, False, self.sentence_of[i], source_stop, recorded=False)

    def object_after_name(
        self, first: int, stop: int
    ) -> tuple[tuple[tuple[int, int], bool, int, None, list[Reference]] | None, int]:
        """'ذكر رئيس اللجنة محمد المسعودي حاجة المحافظة إلى ...': a titled name, then the noun the verb says.

        Returns the tail (the noun phrase as content) and the source's new stop,
        or no tail when no person's name after a title leaves two words or more.
        """
        start, end = self.tokens[first].start, self.tokens[stop - 1].end
        if not self.is_title_word(first):
            return None, stop
        at = bisect_left(self.mention_starts, start)
        person = next((m for m in self.mentions[at : bisect_left(self.mention_starts, end)] if m.type == PER), None)
        if person is None:
            return None, stop
        name_stop = self.index_at(self.name_of(person)[1])
        name_first = self.name_start(first, name_stop)
        if name_first is None or self.tokens[name_first].start != person.start or stop - name_stop < 2:
            return None, stop
        if self.keys[name_stop].startswith(("ال", "ب", "ل")):
            return None, stop  # الجاهزية التامة: the tagger ran the name on; بالكذب: a preposition, not the noun said
        return (self.trimmed(self.tokens[name_stop].start, end), False, stop, None, []), name_stop

    def through_it(self, j: int, stop: int) -> int:
        """The token after 'من خلالها' right after a verb, a pronoun for the call or speech just named, else ``j``.

        Only after a communication noun in the few words before the verb (عبر مداخلة هاتفية أوضح من خلالها).
        """
        k = j + 2 if j + 1 < stop and self.keys[j] == "من" and self.keys[j + 1] in ("خلالها", "خلاله") else j
        if k == j or k >= stop:
            return j
        before = range(max(0, j - 5), j - 1)
        return k if any(r in self.lexicon.communication for t in before for r, _ in readings(self.keys[t])) else j

    def is_possessed(self, k: int) -> bool:
        """Whether token ``k`` is an indefinite noun with a possessive pronoun (سيطرتها، رغبتهم), which names no speaker."""
        key = self.keys[k]
        return (
            len(key) >= 5
            and key.endswith(("ها", "هم", "ته"))
            and not key.startswith("ال")
            and key not in self.lexicon.given_names
            and key not in self.lexicon.honorific_pronouns
            and key not in self.lexicon.pronoun_sources
        )

    def participle_reports(self, i: int, stop: int) -> bool:
        """Whether a participle reports (، مشيرا إلى، مؤكدا أن) rather than describes a noun (قيودا مشددة على السحب).

        It must open a clause, or its content must follow at once.
        """
        if self.opens_clause(i) or self.keys[i - 1] in ("و", "ف"):
            return True
        after = i + 1
        return after < stop and (
            self.introducer_at(after) is not None
            or (self.is_punct(after) and (self.char(after) == ":" or self.tokens[after].start in self.quotes))
        )

    def after_time_aside(self, j: int, stop: int) -> int:
        """The token after a time set off by commas right after a verb (قالت، عصر أمس الخميس، الوزارة), else ``j``."""
        if j >= stop or not self.is_punct(j) or self.char(j) not in "،,":
            return j
        k = j + 1
        while k < stop and k - j <= 6 and not self.is_punct(k) and not self.verb(k):
            k += 1
        aside = range(j + 1, k)
        if k < stop and self.is_punct(k) and self.char(k) in "،," and any(self.keys[t] in self.lexicon.time_words for t in aside):
            return k + 1
        return j

    def backward(self, i: int, dropped: int, first: int, stop: int) -> _Found | None:
        """'أوضح ذلك مدير المستشفى': the source after ذلك said the sentence before."""
        j = first
        while j < stop and not self.is_punct(j) and j - first < _MAX_SOURCE_TOKENS:
            j += 1
        sentence = self.sentence_of[i]
        cue_start = self.tokens[i].start
        if j == first:
            return None
        if self.text[self.sentence_starts[sentence] : cue_start].strip(_TRIM):  # تنويمها.أوضح ذلك: one sentence to the splitter
            content = self.trimmed(self.sentence_starts[sentence], cue_start)
        elif sentence > 0:
            content = self.trimmed(self.sentence_starts[sentence - 1], self.sentence_ends[sentence - 1])
        else:
            return None
        source, title = self.reference(first, j)
        cue_start, cue_end = self.span(i, i + 1, dropped)
        attribution = Attribution(
            start=cue_start,
            end=cue_end,
            cue=self.text[cue_start:cue_end],
            source=source,
            content_start=content[0],
            content_end=content[1],
            affiliation=title,
        )
        return _Found(attribution, True, sentence, j)

    def source_phrase(self, first: int, stop: int, lemma: str) -> tuple[int, int, Reference | None]:
        """The source phrase after a verb (first token, stop); for نقل X عن Y also X, the intermediary."""
        lexicon = self.lexicon
        j = first
        relay_via = None
        phrase_first = first
        while j < stop and j - phrase_first < _MAX_SOURCE_TOKENS:
            key = self.keys[j]
            if self.is_punct(j):
                if self.tokens[j].start in self.quotes and self.is_short(self.quotes[self.tokens[j].start]):
                    j = self.after_quote(j)
                    continue
                break
            if j == phrase_first and key in lexicon.adjunct_prepositions or key in ("علي", "عن") and lemma not in lexicon.relay_lemmas:
                break
            if key == "الي" and lemma in lexicon.pointing_lemmas:
                break
            if (
                self.introducer_at(j) is not None
                or self.verb(j)
                or self.follow_up(j) is not None
                or self.preposition_at(j)
                or self.via_at(j, stop)
                or key in lexicon.time_words
                or key in lexicon.object_pronouns
                or key in lexicon.pronoun_sources
                or key in lexicon.clause_particles  # أكده شكري بدوره
                or self.is_adjunct(j, stop)
            ):
                break
            if key == "عن" and lemma in lexicon.relay_lemmas and relay_via is None and j > first:
                relay_via, _ = self.reference(first, j)
                phrase_first = j + 1
            j += 1
        if relay_via is not None and j > phrase_first:
            return phrase_first, j, relay_via
        return first, j if relay_via is None else first, None

    def is_adjunct(self, j: int, stop: int) -> bool:
        """في تصريح، خلال مؤتمر، ببيان ...: a phrase about the saying, not the sayer."""
        lexicon = self.lexicon
        key = self.keys[j]
        if key in lexicon.adjunct_prepositions and j + 1 < stop:
            noun = self.keys[j + 1]
            return noun in lexicon.communication or noun.startswith("ال") and noun[2:] in lexicon.communication
        if key[:1] in "ب" and key[1:] in lexicon.communication:
            return True
        return any(r in lexicon.audience for r, _ in readings(key)[1:])

    def via_at(self, j: int, stop: int) -> tuple[Reference, int] | None:
        """An outlet spoken to (لبوليتيكو، لصحيفة عكاظ، لـ«الرياض»): its reference and the token after it."""
        key = self.keys[j]
        if key == "ل" and j + 1 < stop:
            return self.outlet_reference(j + 1, 0, stop)
        if key[:1] != "ل":
            return None
        dropped = 2 if key.startswith("لل") else 1
        return self.outlet_reference(j, dropped, stop)

    def outlet_reference(self, j: int, dropped: int, stop: int) -> tuple[Reference, int] | None:
        key = self.keys[j]
        reading = ("ال" + key[2:]) if dropped == 2 else key[dropped:]
        if self.is_punct(j) and self.tokens[j].start in self.quotes:
            quote = self.quotes[self.tokens[j].start]
            end = self.after_quote(j)
            if not self.is_short(quote):
                return None
            start = quote.inner_start
            reference = Reference(self.text[start : quote.inner_end], start, quote.inner_end, kind=OUTLET_SOURCE)
            return reference, end
        found = match_outlet(self.keys, j, reading)
        if found is None:
            table = _outlets()
            if reading not in table.heads:
                return None
            end = j + 1
            quote = self.quotes.get(self.tokens[end].start) if end < stop and self.is_punct(end) else None
            if quote is not None and self.is_short(quote, _MAX_QUOTED_OUTLET_TOKENS):  # لشبكة "ام اس ان بي سي"
                end = self.after_quote(end)  # the name ends at its closing mark (لشبكة «روداو» الإعلامية)
            else:
                while end < stop and end - j < 5 and not self.is_punct(end) and self.introducer_at(end) is None:
                    end += 1
            if end == j + 1:
                return None
        else:
            end = found[1]
        start, finish = self.span(j, end, dropped)
        return Reference(self.text[start:finish], start, finish, kind=OUTLET_SOURCE), end

    def tail(
        self, j: int, stop: int, has_source: bool, lemma: str = ""
    ) -> tuple[tuple[int, int], bool, int, tuple[int, int] | None, list[Reference]] | None:
        """After the source: apposition, intermediaries and adjuncts, then the content.

        Returns the content span, whether it is a quotation, where to read on,
        the apposition's tokens and the intermediaries; None when no content follows.
        """
        affiliation = None
        via: list[Reference] = []
        source_end = j
        steps = 0
        while j < stop and steps < _MAX_TAIL_TOKENS:
            steps += 1
            if self.is_punct(j):
                char = self.char(j)
                if char == ":":
                    return (*self.after_colon(j), affiliation, via)
                quote = self.quotes.get(self.tokens[j].start)
                if quote is not None:
                    if self.is_short(quote) and (has_source or j > source_end):  # متسائلا "كيف؟": said at once
                        j = self.after_quote(j)
                        continue
                    return (*self.quoted(quote), affiliation, via)
                if char in "،," and j == source_end and has_source and affiliation is None:
                    end = self.apposition_end(j + 1, stop)
                    if end > j + 1:
                        affiliation = (j + 1, end)
                        j = end
                        continue
                if char in _STATEMENT_END:
                    return None
                j += 1
                continue
            introducer = self.introducer_at(j)
            if introducer is not None:
                return (*self.clause(introducer), affiliation, via)
            if self.takes_object(j, lemma, at_cue=j == source_end and not has_source):
                object_first = self.clause_after_object(j, stop)
                return (*self.clause(object_first), affiliation, via)
            if j == source_end and (self.follow_up(j) is not None or self.verb(j)):
                j += 1  # وأضاف قائلا، وتابع يقول:
                continue
            if self.verb(j) or self.follow_up(j) is not None:
                return None
            preposition = self.preposition_at(j)
            if preposition is not None:
                reference, end, _ = self.preposition_source(preposition[1], stop)
                if reference is not None:
                    via.append(reference)
                j = max(end, j + 1)
                continue
            spoken_to = self.via_at(j, stop)
            if spoken_to is not None:
                via.append(spoken_to[0])
                j = spoken_to[1]
                continue
            j += 1
        return None

    def takes_object(self, j: int, lemma: str, at_cue: bool) -> bool:
        """Whether token ``j`` opens the noun content of a verb (شدد على ضرورة، أشار إلى عودة، مشيرا إلى أهمية).

        A participle (no lemma) takes it only right after the cue.
        """
        key = self.keys[j]
        lexicon = self.lexicon
        if key in ("علي", "عن"):
            return lemma in lexicon.object_lemmas or (not lemma and at_cue)
        return key == "الي" and (lemma in lexicon.pointing_lemmas or (not lemma and at_cue))

    def clause_after_object(self, j: int, stop: int) -> int:
        """For 'أعرب عن ثقته في أن ...' the complementiser; else على/عن itself, whose object is the content."""
        for k in range(j + 1, min(j + 5, stop)):
            if self.is_punct(k):
                break
            if self.is_complementiser(k):
                return k
        return j

    def is_name_after_title(self, first: int, stop: int, name_first: int, name_stop: int) -> bool:
        """'وزير البيشمركة، مصطفى سيد قادر،': a title, then the name in apposition."""
        if self.keys[first] not in self.lexicon.titles or name_stop - name_first > 4:
            return False
        if any(m.type == PER and m.start <= self.tokens[name_first].start < m.end for m in self.mentions):
            return True
        return not self.keys[name_first].startswith("ال") and not any(self.is_punct(k) for k in range(name_first, name_stop))

    def apposition_end(self, j: int, stop: int) -> int:
        """The token after an apposition starting at ``j`` (أحد المحللين في مركز ...), or ``j`` if none."""
        lexicon = self.lexicon
        if j >= stop or self.is_punct(j) or self.introducer_at(j) is not None or self.follow_up(j) is not None:
            return j
        if self.keys[j] in lexicon.adjunct_prepositions or self.keys[j] in lexicon.time_words or self.via_at(j, stop):
            return j
        if self.preposition_at(j):
            return j
        k = j
        while k < stop and k - j < 30:
            if self.is_punct(k):
                char = self.char(k)
                quote = self.quotes.get(self.tokens[k].start)
                if quote is not None and self.is_short(quote):
                    k = self.after_quote(k)
                    continue
                if char in "،,:" or char in _STATEMENT_END or quote is not None:
                    return k
            elif self.introducer_at(k) is not None or self.via_at(k, stop) or self.verb(k):
                return k
            k += 1
        return k if k == stop else j

    def after_colon(self, j: int) -> tuple[tuple[int, int], bool, int]:
        if j + 1 < len(self.tokens):
            quote = self.quotes.get(self.tokens[j + 1].start)
            if quote is not None:  # after a colon even a short one is a quotation
                return self.quoted(quote)
        if self.is_complementiser(j + 1):
            return self.clause(j + 1)
        start = self.tokens[j].end
        end = self.statement_end(j)
        return self.trimmed(start, end), False, j + 1

    def quoted(self, quote: _Quote) -> tuple[tuple[int, int], bool, int]:
        if quote.close_end == quote.inner_end:  # never closed: it ends where a closing participle takes over (، معربا عن)
            for k in range(self.index_at(quote.inner_start), self.index_at(quote.inner_end)):
                if self.is_punct(k) and self.closes_content(k):
                    return self.trimmed(quote.inner_start, self.tokens[k].start), True, k
        return self.trimmed(quote.inner_start, quote.inner_end), True, self.index_at(quote.close_end)

    def clause(self, introducer: int) -> tuple[tuple[int, int], bool, int]:
        if introducer + 1 < len(self.tokens):
            quote = self.long_quote_at(introducer + 1)
            if quote is not None:
                return self.quoted(quote)
        start = self.tokens[introducer].end
        return self.trimmed(start, self.statement_end(introducer)), False, introducer + 1

    def statement_end(self, i: int) -> int:
        """The end of a statement whose content starts at token ``i``.

        That is the end of its sentence (run on past '..' into the next one on
        the same line), or of a quotation that runs past it; but a full stop
        glued to the next word (منهم.وبين) or a comma before a closing
        participle (، معربا عن شكره) ends it earlier.
        """
        sentence = self.sentence_of[i]
        end = self.sentence_ends[sentence]
        while self.text.endswith("..", 0, end) and sentence + 1 < len(self.sentence_starts):
            following = self.sentence_starts[sentence + 1]
            if "\n" in self.text[end:following] or self.verb(self.index_at(following)):
                break  # a new paragraph, or a new statement (.. وتساءلت)
            sentence += 1
            end = self.sentence_ends[sentence]
        k = i
        while k < len(self.tokens) and self.tokens[k].start < end:
            if self.is_punct(k):
                quote = self.quotes.get(self.tokens[k].start)
                if quote is not None and quote.close_end > end:
                    end = quote.close_end
                elif k > i and (self.is_glued_stop(k) or self.closes_content(k)):
                    return self.tokens[k].start
            k += 1
        return end

    def is_glued_stop(self, k: int) -> bool:
        """A full stop the sentence splitter left inside a sentence because no space follows (منهم.وبين)."""
        token = self.tokens[k]
        if self.char(k) != "." or k + 1 >= len(self.tokens) or self.is_punct(k + 1):
            return False
        after = self.tokens[k + 1].start
        return after == token.end and self.text[after].isalpha() and len(self.keys[k - 1]) >= 3

    def closes_content(self, k: int) -> bool:
        """A comma before a participle that closes a statement without reporting (، معربا عن شكره، داعيا).."""
        return self.char(k) in "،," and k + 1 < len(self.keys) and self.keys[k + 1] in self.lexicon.closing_participles

    def implicit_speaker(
        self, i: int, conjoined: bool, participle: bool, refers_back: bool = False
    ) -> tuple[Reference, str | None, tuple[Reference, ...]] | None:
        """The source of a verb with none after it: 'X قال', a person named before in the sentence, the last speaker.

        A participle (مشيرا) continues the speaker of its sentence, else the
        first person its sentence names (ردت هيفاء ... قائلة).
        """
        sentence = self.sentence_of[i]
        disagrees = participle and self.speaker is not None and self.is_masculine(i) and self.is_feminine_body(self.speaker.source)
        if participle and self.speaker_sentence == sentence and self.speaker is not None and not disagrees:
            return self.speaker.source, self.speaker.affiliation, self.speaker.via
        antecedent = self.antecedent_source(i) if not conjoined and not participle else None
        if antecedent is not None:  # بحسب بلقيس نفسها، التي أكدت أن
            return antecedent.source, antecedent.affiliation, antecedent.via
        named = self.named_before_relative(i) if not conjoined and not participle else None
        if named is not None:  # المفوضية السامية لشؤون اللاجئين، والتي أعلنت
            return (*self.reference(*named), ())
        if not conjoined and not participle:
            subject = self.subject_before(i)
            if subject is not None:
                return (*self.reference(*subject), ())
            if not self.opens_clause(i) and not self.after_prepositional_phrase(i) and not refers_back:
                return None
        sentence_start = self.sentence_starts[self.sentence_of[i]]
        people = [
            m
            for m in self.mentions[bisect_left(self.mention_starts, sentence_start) : bisect_left(self.mention_starts, self.tokens[i].start)]
            if m.type == PER and (disagrees or not ((conjoined or participle) and self.is_reported(m)))
        ]
        if people:
            person = people[0] if participle else people[-1]
            start, end = self.name_of(person)
            return Reference(self.text[start:end], start, end, kind=PERSON_SOURCE), None, ()
        if self.speaker is not None and conjoined and self.is_feminine_verb(i) and self.is_masculine_report(self.speaker.source):
            outlet = self.publisher_before(i, sentences_back=3)  # وجاء في الخبر أن ... وأضافت: the paper, not the item
            if outlet:
                return outlet[0], None, ()
        if self.speaker is not None:
            return self.speaker.source, self.speaker.affiliation, self.speaker.via
        return None

    def is_feminine_verb(self, i: int) -> bool:
        """Whether the verb at token ``i`` is feminine past (وأضافت، قالت)."""
        key = self.keys[i]
        return key.endswith("ت") and len(key) >= 4

    def is_masculine_report(self, source: Reference) -> bool:
        """Whether a source is a report named by a masculine noun (الخبر، التقرير، البيان), which no feminine verb continues."""
        keys = _keys(source.text)
        return bool(keys) and source.kind == ANONYMOUS_SOURCE and keys[0] in self.lexicon.report_nouns and not keys[0].endswith("ه")

    def antecedent_source(self, i: int) -> Attribution | None:
        """The statement whose source a relative pronoun before token ``i`` refers to (X نفسها، التي أكدت)."""
        if i < 2 or not _is_relative(self.keys[i - 1]) or not self.found:
            return None
        last = self.found[-1].attribution
        source_end = last.source.end if last.source.end is not None else -1
        between = self.text[source_end : self.tokens[i - 1].start] if source_end <= self.tokens[i - 1].start else "-"
        return last if len(between.split()) <= 2 and key_of(between.strip(" ،,")) in ("", *_REFLEXIVES) else None

    def named_before_relative(self, i: int) -> tuple[int, int] | None:
        """The tokens of the name a relative pronoun before token ``i`` refers to: a mention ending just before
        it, a comma or a closing quote between (أشادت المفوضية، والتي أعلنت; المواطنة "أم عبدالله" والتي أشارت)."""
        if i < 2 or not _is_relative(self.keys[i - 1]):
            return None
        end = self.tokens[i - 1].start
        before = [m for m in self.mentions[: bisect_left(self.mention_starts, end)] if m.end <= end]
        if not before or before[-1].type not in (PER, ORG, GPE):
            return None
        mention = before[-1]
        if self.text[mention.end : end].strip(" ،,\"'»”\n"):
            return None
        first = bisect_right(self.starts, mention.start) - 1
        return first, self.index_at(mention.end)

    def is_masculine(self, i: int) -> bool:
        """Whether the participle at token ``i`` is masculine singular (معتبرا، مشيرا), not مشيرة or مشيرين."""
        return self.keys[i].endswith("ا")

    def is_feminine_body(self, source: Reference) -> bool:
        """Whether a source is an outlet or body named by a feminine noun (الصحيفة، وكالة، الوزارة): no 'معتبرا' of its own."""
        keys = _keys(source.text)
        return source.kind in (OUTLET_SOURCE, ORGANISATION_SOURCE, OFFICIAL_SOURCE) and bool(keys) and keys[0].endswith("ه")

    def is_reported(self, mention: Mention) -> bool:
        """Whether a mention lies in the content of a statement read before (أن الفنان عبدالله السالم ...، وقالت)."""
        return any(
            f.attribution.content_start <= mention.start and mention.end <= f.attribution.content_end for f in self.found[-3:]
        )

    def opens_clause(self, i: int) -> bool:
        """Whether token ``i`` begins its sentence or follows a comma or a clause particle (حين قال)."""
        if i == self.index_at(self.sentence_starts[self.sentence_of[i]]):
            return True
        before = self.keys[i - 1]
        return self.is_punct(i - 1) or any(r in self.lexicon.clause_particles for r, _ in readings(before)[:2])

    def is_prepositional_phrase(self, k: int) -> bool:
        key = self.keys[k]
        return key[:1] in "بلك" and key[1:].startswith(("ال", "هذا", "هذه"))

    def after_prepositional_phrase(self, i: int) -> bool:
        """Whether a verb follows a short phrase about the saying (كلمة لهذا الحفل قال فيها)."""
        sentence_first = self.index_at(self.sentence_starts[self.sentence_of[i]])
        return any(self.is_prepositional_phrase(k) for k in range(max(sentence_first, i - 3), i))

    def subject_before(self, i: int) -> tuple[int, int] | None:
        """The subject of a verb in the 'X قال' order: the words since the clause began."""
        lexicon = self.lexicon
        sentence_first = self.index_at(self.sentence_starts[self.sentence_of[i]])
        quote = self.quote_ends.get(self.tokens[i - 1].end) if i > sentence_first else None
        if quote is not None and self.is_short(quote):  # أن «جبهة النصرة» أعلنت: the quoted name is the subject
            opening = self.index_at(quote.inner_start) - 1
            boundary = opening == sentence_first or self.is_punct(opening - 1)
            if boundary or self.keys[opening - 1] in lexicon.complementisers:
                return self.index_at(quote.inner_start), self.index_at(quote.inner_end)
        k = i - 1
        if k >= sentence_first and self.keys[k] in ("قد", "لقد"):
            k -= 1
        stop = k + 1
        while k >= sentence_first and stop - k <= _MAX_SUBJECT_TOKENS:
            key = self.keys[k]
            if self.is_punct(k) or key in lexicon.complementisers or self.verb(k):
                break
            if any(r in lexicon.clause_particles for r, _ in readings(key)[:2]):
                break
            k -= 1
        first = k + 1
        existential = first < stop and self.keys[first] in ("هناك", "هنالك")  # هناك مواقع عراقية أكدت
        if first + existential >= stop or stop - k > _MAX_SUBJECT_TOKENS or _is_relative(self.keys[stop - 1]):
            return None
        if self.is_prepositional_phrase(first) or self.keys[first] in lexicon.adjunct_prepositions or self.keys[first] == "عن":
            return None  # لهذا الحفل قال فيها، عن دلائل تشير إلى: a phrase about the saying, not its subject
        boundary = (
            first == sentence_first
            or self.is_punct(first - 1)
            or self.keys[first - 1] in lexicon.complementisers
            or any(r in lexicon.clause_particles for r, _ in readings(self.keys[first - 1])[:2])
        )
        return (first + existential, stop) if boundary else None

    # -- prepositional cues

    def preposition_at(self, i: int) -> tuple[int, int, int, int] | None:
        """A prepositional cue at token ``i``: (conjunction letters, first source token, cue stop, is-pronoun)."""
        key = self.keys[i]
        for reading, dropped in readings(key)[:2]:
            if dropped and key[0] not in "وف":
                continue
            for entry in self.lexicon.prepositions.get(reading, ()):
                found = self.preposition_words(entry, i, dropped)
                if found is not None:
                    return found
        return None

    def preposition_words(self, entry: _Preposition, i: int, dropped: int) -> tuple[int, int, int, int] | None:
        n = len(entry.words)
        keys = self.keys
        if i + n > len(keys):
            return None
        if any(keys[i + k] != entry.words[k] for k in range(1, n - 1)):
            return None
        last = i + n - 1
        if n > 1 and keys[last] != entry.words[-1]:
            if keys[last] in self.lexicon.pronoun_sources and keys[last].startswith(entry.words[-1]):
                return dropped, last + 1, last + 1, 1
            return None
        after = last + 1
        if entry.clause_follows and not (self.opens_clause(i) and self.clause_after(after)):
            return None
        if after < len(keys) and keys[after] in self.lexicon.pronoun_sources:
            return dropped, after + 1, after + 1, 1
        if entry.verb_follows or (entry.with_ma and after < len(keys) and keys[after] in ("ما", "لما")):
            verb_at = after if entry.verb_follows else after + 1
            if verb_at < len(keys) and self.reporting_word(verb_at):
                return dropped, verb_at + 1, verb_at + 1, 0
            if entry.verb_follows:
                return None
        return dropped, after, after, 0

    def clause_after(self, j: int) -> bool:
        """Whether أن/إن or a colon follows a short source phrase starting at token ``j``."""
        for k in range(j + 1, min(j + _MAX_PREPOSITION_SOURCE_TOKENS, len(self.keys))):
            if self.introducer_at(k) is not None or (self.is_punct(k) and self.char(k) == ":"):
                return True
            if self.is_punct(k) and not (self.tokens[k].start in self.quotes and self.is_short(self.quotes[self.tokens[k].start])):
                return False
        return False

    def reporting_word(self, i: int) -> bool:
        """A verb after وفق ما / حسبما, perhaps with an object pronoun (ذكره، أوردته، نشرته)."""
        key = self.keys[i]
        for suffix in ("", "ه", "ته", "ها", "تها"):
            if key.endswith(suffix) and (key[: len(key) - len(suffix)] if suffix else key) in self.lexicon.verbs:
                return True
        return key.startswith(("نشر", "جاء", "اورد", "اعلن"))

    def preposition_source(self, first: int, stop: int) -> tuple[Reference | None, int, str | None]:
        """The source named after a prepositional cue, the token after it and the source's title."""
        if first >= stop:
            return None, first, None
        key = self.keys[first]
        dropped = 0
        reading = key
        if key == "ل":
            first += 1
            if first >= stop:
                return None, first, None
            key = reading = self.keys[first]
        elif key.startswith("لال"):
            dropped, reading = 1, key[1:]
        elif key.startswith("لل"):
            dropped, reading = 2, "ال" + key[2:]
        elif key[:1] == "ل" and len(key) > 3:
            dropped, reading = 1, key[1:]
        outlet = match_outlet(self.keys, first, reading)
        if outlet is None:  # وفقا للألمانية.
            outlet = match_outlet(self.keys, first, reading, alone=True)
            if outlet is not None and outlet[1] < stop and not self.is_punct(outlet[1]):
                outlet = None
        if outlet is not None:
            end = outlet[1]
            while end < stop and self.is_nisba(end):
                end += 1
            start, finish = self.span(first, end, dropped)
            return Reference(self.text[start:finish], start, finish, kind=OUTLET_SOURCE), end, None
        j = first
        while j < stop and j - first < _MAX_PREPOSITION_SOURCE_TOKENS:
            if self.is_punct(j):
                quote = self.quotes.get(self.tokens[j].start)
                if quote is not None and self.is_short(quote):
                    j = self.after_quote(j)
                    continue
                break
            if j > first and (self.introducer_at(j) is not None or self.verb(j) or self.keys[j] in ("فان", "فانه", "فانها")):
                break
            j += 1
        if j - first >= _MAX_PREPOSITION_SOURCE_TOKENS:
            mention = self.mention_starting(first, dropped)
            if mention is None:
                return None, first, None
            j = self.index_at(mention.end)
        if j == first:
            return None, first, None
        reference, title = self.reference(first, j, dropped)
        if not self.is_known_source(reference, first, dropped):
            return None, first, None
        return reference, j, title

    def is_nisba(self, i: int) -> bool:
        key = self.keys[i]
        return key.startswith("ال") and (key.endswith("يه") or key.endswith("ي"))

    def prepositional(self, i: int, previous: _Found | None) -> _Found | None:
        found = self.preposition_at(i)
        if found is None:
            return None
        dropped, first, cue_stop, pronoun = found
        stop = self.sentence_stop(i)
        cue_start = self.span(i, i + 1, dropped)[0]
        cue_end = self.tokens[cue_stop - 1].end
        sentence = self.sentence_of[i]
        same_sentence = previous is not None and previous.sentence == sentence
        if pronoun:
            if same_sentence or self.speaker is None:
                return _Found(_empty_at(cue_start), False, sentence, first) if same_sentence else None
            source, end, title = self.speaker.source, first, None
        else:
            reference, end, title = self.preposition_source(first, stop)
            if reference is None:
                return None
            source = reference
        relayed_from, after, relayed_title = self.relayed_source(cue_stop - 1, end, stop) if not pronoun else (None, end, None)
        if relayed_from is not None:  # وفقا لما نقلته «واشنطن بوست» عن المحقق: the outlet is the via
            relay_via, source, end, title = (source,), relayed_from, after, relayed_title
        else:
            relay_via = ()
        closes_previous = (
            same_sentence
            and previous is not None
            and (cue_start >= previous.attribution.content_end or self.reaches_end(end, stop))
            and source.kind == OUTLET_SOURCE
        )
        if closes_previous and previous is not None:
            previous.attribution = replace(previous.attribution, via=(*previous.attribution.via, source))
            return _Found(_empty_at(cue_start), False, sentence, end)
        content = self.preposition_content(i, end, stop, previous if same_sentence else None)
        if content is None:
            return None
        if not relay_via and not pronoun and self.is_report(first):  # ووفقا للتقرير: the report of the outlet named before
            relay_via = tuple(self.publisher_before(i))
        described = self.after_description(end, stop)
        if described > end and title is None:  # وهو منظمة مستقلة مقرها بريطانيا
            start, finish = self.trimmed(*self.span(end + 1, described))
            title = self.text[start:finish]
        attribution = Attribution(
            start=cue_start,
            end=cue_end,
            cue=self.text[cue_start:cue_end],
            source=source,
            content_start=content[0],
            content_end=content[1],
            via=self.speaker.via if pronoun and self.speaker else relay_via,
            affiliation=self.speaker.affiliation if pronoun and self.speaker else title,
        )
        nested = same_sentence and previous is not None and cue_start < previous.attribution.content_end
        return _Found(attribution, False, sentence, end, ends_previous=False, speaks=not nested)

    def relayed_source(self, cue_last: int, j: int, stop: int) -> tuple[Reference | None, int, str | None]:
        """After a relaying cue (نقلا عن X، وفق ما نقلته X) and its intermediary, the source after عن and the token after it."""
        relaying = any(self.keys[cue_last].startswith(lemma) for lemma in self.lexicon.relay_lemmas)
        if not relaying or j + 1 >= stop or self.keys[j] != "عن":
            return None, j, None
        return self.preposition_source(j + 1, stop)

    def after_description(self, j: int, stop: int) -> int:
        """The token after a description of the source set off by commas (للمرصد، وهو منظمة مستقلة مقرها بريطانيا،), else ``j``."""
        if not (j + 1 < stop and self.is_punct(j) and self.char(j) in "،," and self.keys[j + 1] in ("وهو", "وهي", "وهم")):
            return j
        for k in range(j + 2, min(j + 2 + _MAX_SOURCE_TOKENS, stop)):
            if self.is_punct(k):
                return k if self.char(k) in "،," else j
        return j

    def comment_follows(self, j: int, stop: int) -> bool:
        """Whether a comment on the clause before or on the source follows a credit (، وفقا لـ X، الأمر الذي يهدد ...، بحسب X، التي)."""
        while j < stop and self.is_punct(j) and self.char(j) in "،,":
            j += 1
        if j < stop and self.keys[j] in _REFLEXIVES:
            j += 1  # بحسب بلقيس نفسها، التي أكدت
            while j < stop and self.is_punct(j) and self.char(j) in "،,":
                j += 1
        if j < stop and _is_relative(self.keys[j]):
            return True
        return j + 1 < stop and (self.keys[j], self.keys[j + 1]) in (("الامر", "الذي"), ("وهو", "ما"), ("وهذا", "ما")) or (
            j < stop and self.keys[j] == "مما"
        )

    def complementiser_after_adjunct(self, j: int, stop: int) -> int:
        """The complementiser after a short adjunct that follows a source (على لسان رويترز من صنعاء، أن), else ``j``."""
        for k in range(j, min(j + 5, stop)):
            if self.is_complementiser(k):
                return k
            if self.verb(k) or (self.is_punct(k) and self.char(k) not in "،,"):
                break
        return j

    def quote_before(self, i: int) -> _Quote | None:
        """The quotation that a cue at token ``i`` follows at once, across a dash or comma."""
        k = i - 1
        while k >= 0 and self.is_punct(k) and self.char(k) in "-–—(،,":
            k -= 1
        if k < 0 or not self.is_punct(k):
            return None
        return self.quote_ends.get(self.tokens[k].end)

    def reaches_end(self, j: int, stop: int) -> bool:
        """Whether only punctuation is left in the sentence from token ``j``."""
        return all(self.is_punct(k) for k in range(j, stop))

    def preposition_content(self, i: int, end: int, stop: int, previous: _Found | None) -> tuple[int, int] | None:
        sentence_start = self.sentence_starts[self.sentence_of[i]]
        sentence_end = self.statement_end(i)
        clause_first = i == self.index_at(sentence_start) or (self.is_punct(i - 1) and self.char(i - 1) in "،,")
        quoted = self.quote_before(i)
        if quoted is not None:  # و"إبادتهم" -على حد قول الوزير-
            return self.trimmed(quoted.inner_start, quoted.inner_end)
        end = self.after_description(end, stop)
        closes_clause = i > self.index_at(sentence_start) and self.comment_follows(end, stop)
        if clause_first and not self.reaches_end(end, stop) and not closes_clause:
            end = self.complementiser_after_adjunct(end, stop)
            start = self.tokens[end].start
            while end < stop and (self.is_punct(end) or self.is_complementiser(end)):
                end += 1
                start = self.tokens[end].start if end < stop else start
            span = self.trimmed(start, sentence_end)
        elif self.reaches_end(end, stop) or closes_clause:
            start = previous.attribution.content_start if previous else sentence_start
            span = self.trimmed(start, self.tokens[i].start)
        else:
            span = self.trimmed(sentence_start, sentence_end)
        return span if span[1] > span[0] else None

    # -- sources

    def mention_starting(self, first: int, dropped: int = 0) -> Mention | None:
        start = self.span(first, first + 1, dropped)[0]
        at = bisect_left(self.mention_starts, self.tokens[first].start)
        for mention in self.mentions[at : at + 2]:
            if self.tokens[first].start <= mention.start <= max(start, self.tokens[first].start + 2):
                return mention
        return None

    def reference(self, first: int, stop: int, dropped: int = 0) -> tuple[Reference, str | None]:
        """The source named by tokens ``first:stop``, and a title found before a person's name."""
        while stop > first + 1 and self.is_punct(stop - 1) and not self.closes_quote_from(self.tokens[first].start, stop - 1):
            stop -= 1
        while stop > first + 1 and self.keys[stop - 1] in _REFLEXIVES:
            stop -= 1  # بلقيس نفسها
        start, end = self.span(first, stop, dropped)
        phrase = self.text[start:end]
        lexicon = self.lexicon
        key = self.keys[first]
        head = ("ال" + key[2:]) if dropped == 2 else key[dropped:]
        if outlet_named(phrase) or head in _outlets().anaphors or head in _outlets().heads:
            return Reference(phrase, start, end, kind=OUTLET_SOURCE), None
        anonymous = head in lexicon.anonymous_heads
        if anonymous and head not in lexicon.titles:
            publisher = self.outlet_within(first + 1, stop) if head in lexicon.report_nouns else None
            return publisher or Reference(phrase, start, end, kind=ANONYMOUS_SOURCE), None
        inside = self.mentions[bisect_left(self.mention_starts, start) : bisect_left(self.mention_starts, end)]
        inside = [m for m in inside if m.end <= end]
        name_first = self.name_start(first, stop)
        name_at = self.tokens[name_first].start if name_first is not None else start
        person = next((m for m in inside if m.type == PER and m.start >= name_at), None)
        if person is not None:
            name_start, name_end = self.whole_name(first, stop, person)
            partner_start = self.partner_before(first, self.index_at(name_start))
            source, title = self.person(start, partner_start if partner_start is not None else name_start, name_end)
            after = self.trimmed(source.end or end, end)
            return source, title or self.text[after[0] : after[1]] or None  # دريو ويبر المحقق الجنائي
        if name_first is not None and name_first > first:
            return self.person(start, name_at, end)
        if anonymous:  # عضو في اللجنة: a title word, but no name follows
            return Reference(phrase, start, end, kind=ANONYMOUS_SOURCE), None
        if inside and inside[0].start <= start + 2 and inside[0].type != PER:
            mention = inside[0]
            kind = OFFICIAL_SOURCE if head in lexicon.official_heads or mention.type == GPE else ORGANISATION_SOURCE
            if head in lexicon.organisation_heads:
                kind = ORGANISATION_SOURCE
            return Reference(self.text[mention.start : mention.end], mention.start, mention.end, kind=kind), None
        if head in lexicon.organisation_heads:
            return Reference(phrase, start, end, kind=ORGANISATION_SOURCE), None
        if self.after_title(first, stop) > first or head in lexicon.official_heads:
            return Reference(phrase, start, end, kind=OFFICIAL_SOURCE), None
        if name_first == first or not head.startswith("ال"):
            return self.name_then_title(first, stop, start, end)
        return Reference(phrase, start, end, kind=ANONYMOUS_SOURCE), None

    def partner_before(self, first: int, name_first: int) -> int | None:
        """Where a name joined to this one by و begins (سامح شكري ونظيره الأميركي + جون كيري): both speak.

        Back from the name over nisbas, then و alone or before a title (ونظيره، والوزير),
        then two or three name words after a title (the first without the article).
        """
        k = name_first - 1
        while k > first and (self.is_nisba(k) or self.keys[k] in self.lexicon.qualifiers):
            k -= 1
        joining, partner = self.keys[k], self.keys[k][1:]
        if k <= first or not (joining == "و" or joining[:1] == "و" and (partner.startswith("نظير") or partner in self.lexicon.honorifics)):
            return None  # و، ونظيره، والوزير: not وبرك (a place)
        names = k
        while names - 1 >= first and k - names < 3 and self.is_name_word(names - 1):
            names -= 1
        if names > first and self.is_name_word(names - 1):
            return None
        while names < k and self.keys[names].startswith("ال"):  # المصري سامح شكري: a nisba, then the name
            names += 1
        return self.tokens[names].start if k - names >= 2 else None

    def name_then_title(self, first: int, stop: int, start: int, end: int) -> tuple[Reference, str | None]:
        """تركي شبانة رئيس شبكة ...: a name, then its title, which becomes the affiliation."""
        title_at = next((k for k in range(first + 1, stop) if self.is_title_word(k)), stop)
        name_end = self.tokens[title_at - 1].end
        rest = self.trimmed(name_end, end)
        return Reference(self.text[start:name_end], start, name_end, kind=PERSON_SOURCE), self.text[rest[0] : rest[1]] or None

    def outlet_within(self, first: int, stop: int) -> Reference | None:
        """The outlet that publishes a report named in a source phrase (تقرير نشرته صحيفة X)."""
        for k in range(first, stop):
            for reading, dropped in readings(self.keys[k]):
                found = match_outlet(self.keys, k, reading)
                if found is not None and found[1] <= stop:
                    start, end = self.span(k, found[1], dropped)
                    return Reference(self.text[start:end], start, end, kind=OUTLET_SOURCE)
        return None

    def name_of(self, mention: Mention) -> tuple[int, int]:
        """A person mention without words the tagger ran on into (الوليد بن طلال + كلمة)."""
        first = bisect_right(self.starts, mention.start) - 1
        k = self.index_at(mention.end) - 1
        while k > first and self.keys[k] in self.lexicon.communication:
            k -= 1
        return mention.start, min(mention.end, self.tokens[k].end)

    def whole_name(self, first: int, stop: int, mention: Mention) -> tuple[int, int]:
        """A person mention widened to the name the source phrase gives (أحمد سيف + اليافعي، سيد + قادر)."""
        name_first = bisect_right(self.starts, mention.start) - 1
        start, end = self.name_of(mention)
        name_stop = self.index_at(end)
        title_at = next((k for k in range(name_stop, min(name_stop + 3, stop)) if self.is_title_word(k)), stop)
        if 0 < title_at - name_stop <= 2 and all(self.is_name_word(k) for k in range(name_stop, title_at)):
            end = self.tokens[title_at - 1].end  # and before a title after the name (دريو + ويبر المحقق)
        single = name_stop - name_first == 1 or self.keys[name_first] in self.lexicon.name_links
        before = name_first - 1
        if single and before >= first and self.is_name_word(before) and not self.keys[before].startswith("ال"):
            start = self.tokens[before].start
        return start, end

    def is_title_word(self, k: int) -> bool:
        key = self.keys[k]
        return key in self.lexicon.titles or key in self.lexicon.person_titles or key in self.lexicon.official_heads

    def is_name_word(self, k: int) -> bool:
        """Whether token ``k`` may be part of a person's name: a word that is no title, head noun or preposition."""
        lexicon = self.lexicon
        key = self.keys[k]
        return (
            self.tokens[k].kind not in (PUNCT, SYMBOL)
            and key.isalpha()
            and not self.is_title_word(k)
            and key not in lexicon.adjunct_prepositions
            and key not in lexicon.anonymous_heads
            and key not in lexicon.organisation_heads
            and key not in lexicon.time_words
            and key not in lexicon.communication
            and not (key[:1] == "و" and (key[1:] in lexicon.anonymous_heads or key[1:] in lexicon.titles))  # ومحللون
            and not key.startswith(("بال", "لل", "وال", "فال", "كال"))
        )

    def person(self, start: int, name_start: int, name_end: int) -> tuple[Reference, str | None]:
        """A person's name, and the title before it in the phrase."""
        title = self.trimmed(start, name_start)
        return (
            Reference(self.text[name_start:name_end], name_start, name_end, kind=PERSON_SOURCE),
            self.text[title[0] : title[1]] or None,
        )

    def name_start(self, first: int, stop: int) -> int | None:
        """Where a person's name begins in a source phrase: after its last title word, or at a given name."""
        lexicon = self.lexicon
        keys = self.keys
        titled = [k for k in range(first, stop) if keys[k] in lexicon.honorifics and not self.names_institution(k, first)]
        if titled:
            k = titled[-1] + 1
            while k < stop and (keys[k] in lexicon.qualifiers or self.is_nisba(k) or self.is_punct(k)):
                k += 1
            if (
                0 < stop - k <= 5
                and keys[k] not in lexicon.name_links
                and (not keys[k].startswith(("ال", "باسم")) or self.begins_lineage(k, stop))
                and self.is_name_word(k)
                and not self.names_place(k)
            ):
                return k
        given = next(
            (
                k
                for k in range(first, stop)
                if (keys[k] in lexicon.given_names or self.begins_lineage(k, stop))
                and not (k - 1 > first and keys[k - 1] in lexicon.honorifics and self.names_institution(k - 1, first))
            ),
            None,
        )
        if given is None or stop - given > 5:
            return None
        while given - 1 >= first and keys[given - 1] in lexicon.name_links:
            given -= 1  # أبو محمد، عبد الله
            if given - 1 >= first and keys[given - 1] not in lexicon.name_links and self.is_name_word(given - 1):
                given -= 1  # خالد بن محمد، الوليد بن طلال
        return given

    def names_institution(self, k: int, first: int) -> bool:
        """Whether the honorific at ``k`` names an institution after a person (مستشفى الملك فهد، جامعة الملك سعود)."""
        before = self.keys[k - 1] if k > first else "ال"
        return not before.startswith("ال") and (before in self.lexicon.organisation_heads or before in self.lexicon.official_heads)

    def begins_lineage(self, k: int, stop: int) -> bool:
        """Whether token ``k`` opens a name of lineage: a name word, then بن/بنت and a name (مناحي بن محسن، الوليد بن طلال)."""
        return (
            k + 2 < stop
            and self.keys[k + 1] in ("بن", "ابن", "بنت")
            and self.is_name_word(k)
            and self.is_name_word(k + 2)
        )

    def names_place(self, k: int) -> bool:
        """Whether a mention other than a person's begins in token ``k`` (بجدة)."""
        token = self.tokens[k]
        at = bisect_left(self.mention_starts, token.start)
        return any(m.start < token.end and m.type != PER for m in self.mentions[at : at + 2])

    def is_known_source(self, reference: Reference, first: int, dropped: int) -> bool:
        """Whether a phrase after بحسب names a source rather than a measure (بحسب المطبخ الذي يفضله، وفقا لنص المادة)."""
        if reference.start is None:
            return True
        if reference.kind == PERSON_SOURCE:  # a name the NER layer or the given names vouch for
            at = bisect_left(self.mention_starts, reference.start)
            mentioned = any(m.type == PER and m.start < reference.end for m in self.mentions[at : at + 2])
            return mentioned or self.name_start(first, self.index_at(reference.end)) is not None
        if reference.kind != ANONYMOUS_SOURCE:
            return True
        key = self.keys[first]
        head = ("ال" + key[2:]) if dropped == 2 else key[dropped:]
        return head in self.lexicon.anonymous_heads

    def is_title(self, start: int, name_start: int) -> bool:
        """Whether the words before a person's name in a source phrase are a title (or nothing)."""
        if name_start <= start + 1:
            return True
        first = self.index_at(start)
        stop = self.index_at(name_start)
        return self.after_title(first, stop) == stop or self.keys[first] not in self.lexicon.anonymous_heads

    def after_title(self, first: int, stop: int) -> int:
        """The token after a title and its qualifiers (الرئيس الأمريكي السابق), or ``first`` if none."""
        lexicon = self.lexicon
        keys = self.keys
        j = first
        for title in lexicon.titles.get(keys[first], ()):
            if tuple(keys[first : first + len(title)]) == title:
                j = first + len(title)
                break
        else:
            return first
        while j < stop and (keys[j] in lexicon.qualifiers or self.is_nisba(j)):
            j += 1
        return j


def _empty_at(offset: int) -> Attribution:
    """A placeholder for a cue that only completes the statement before it (حسب تعبيره)."""
    return Attribution(start=offset, end=offset, source=Reference(text=""))


def attributions_in(doc: Document) -> list[Attribution]:
    """The attributed statements of a document, in text order."""
    if not doc.text:
        return []
    return _Reader(doc).read()


@component("attributions", assigns="attributions", requires=("tokens", "sentences", "mentions"))
def find_attributions(doc: Document, settings: Settings) -> list[Attribution]:
    return attributions_in(doc)
