"""Event records in the style of the ACLED codebook, one document at a time.

A trigger word or phrase (``marsad/data/event_triggers.json``) gives the type
and sub-type: غارة is an air strike, هجوم انتحاري a suicide bombing, أعدم an
execution, سقوط الرقة a territorial change. Some need their context: control
(سيطر، سيطرة) is a capture only when على further on has a place or a held
site as object (سيطرت "النصرة" على حاجز), fire (أطلق النار) an attack only
on civilians (على مخيم للنازحين), استهدف or قتل an air strike only with an
aircraft as subject (طائرات روسية قتلت). A trigger is dropped when its
mention did not happen: negated (لم يقصف), hypothetical or future (قد يؤدي إلى
فرار، تهديدات بشن هجمات), or summed over a period (خلال الأيام الماضية، منذ
بداية العام). A noun trigger also needs an anchor in its sentence
(a casualty figure, a date, a place or a happening verb such as وقع، أسفر), so
that generic talk of "suicide attacks" is not an event.

Each event then takes from its sentence, using the layers found before it:

- place: the most specific place mention of the trigger's phrase (between
  commas), else of the nearest phrase of its clause (up to the next بينما or
  فيما), else of the sentence (precision 1 town or village, 2 district or
  region, 3 province or country, as ACLED's geo-precision), the nearest to the
  trigger among equals; a point of reference (شمال بغداد) and a place holding
  the one before it (الهبيط بريف إدلب) count as vaguer; a dateline's place, a
  person's origin (X من فلوريدا) and a place in a contrasted phrase (بعيدا عن
  التفجيرات في بغداد) are none;
- date: the nearest resolved time expression, else one in the sentence before,
  else the document's reference date with precision 3 (ACLED's time precision:
  1 day, 2 week, 3 month or vaguer); the day a statement was made (أعلن السبت)
  dates its event within a week. A document with no date is taken to be
  written on the latest date it names, its relative times resolved against
  that day and noted as inferred;
- killed and injured: figures next to a casualty word (مقتل نحو 36 شخصا،
  90 جريحا; مقتل امرأة is 1, مقتل شخصين 2), each given to the nearest trigger
  before it, not to one that only accompanies another (غارات ترافقت مع قصف).
  A figure after بينهم is part of a total, not another one; two groups under
  one casualty word add up (مقتل 28 من التنظيم وسبعة من البشمركة). Conflicting
  figures give the most conservative range (lowest low, highest high) with the
  dispute in ``notes``;
- actors: mentions in the roles the words around them show (على يد: perpetrator,
  ضد: target, بوساطة: mediator; the subject right after a verbal trigger);
- the attribution whose content holds the trigger.

A definite or demonstrative noun (هذا الهجوم) that repeats an event of the same
type a few sentences earlier adds its details to that event instead of making
a new one; one said to be another (قصف آخر، هجوما مضادا، سيارة ثانية مفخخة
انفجرت) or what a time is counted from (بعد أيام من تفجير انتحاري) never does,
nor does an indefinite word at another town, or at a settlement the mentions
layer missed (ب 71 قذيفة هاون في حيي البلديات). A mention
with no place (ضربة جوية كبرى الشهر الماضي) takes the place, date and toll of a
later report of its type whose date fits (ضربة في 20 يناير بقرية الشفة). A
planned event (المعركة المرتقبة، التي تخطط لها تركيا) is none.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

from marsad.arabic.dates import infer_not_before, parse_times
from marsad.arabic.normalise import normalise
from marsad.arabic.tokens import iter_tokens
from marsad.document import GPE, LOC, NORP, NUMBER, ORG, PER, PUNCT, Document, Event, Mention, Quantity, Sentence, Token
from marsad.extract.entities import LOCATIVE_WORDS
from marsad.extract.places import COUNTRY, REGION, candidates, geocode, name_key
from marsad.pipeline import component
from marsad.settings import Settings

# Actor roles.
PERPETRATOR = "perpetrator"
TARGET = "target"
MEDIATOR = "mediator"

_PLACE_TYPES = (LOC, GPE)
_OPENING_QUOTES = frozenset('«"“')
_CLOSING_QUOTES = frozenset('»"”')
# Mentions whose words are never a trigger (هروب the governorate, the surname حرب).
_NAME_TYPES = frozenset((LOC, GPE, PER))
# Words and clitics before a country or capital that name it as a place (في سوريا، بسوريا، شمال العراق), not as an actor.
# Besides those that make a capital a place: على (the target of an attack), عبر and more nouns and directions.
_LOCATIVE_WORDS = LOCATIVE_WORDS | frozenset(name_key(word) for word in "على عبر غربي شرقي شمالي جنوبي وسط بلدة قرية محافظة".split())
_LOCATIVE_CLITICS = frozenset("بل")
_ACTOR_TYPES = (PER, ORG, GPE, NORP)
_ARTICLE = "ال"
_NEGATION_WINDOW = 3  # tokens before a trigger searched for a negation
_MODALITY_WINDOW = 4  # ... for a hypothetical or future word
_MODAL_PARTICLES = frozenset(("سوف", "ربما", "اذا", "لو"))  # normalised; the trigger's whole clause is hypothetical
_CUE_WINDOW = 2  # tokens between a casualty word and its figure
_CUMULATIVE_REACH = 5  # tokens between a figure and the period it is summed over
_CONJOINED_GAP = 6  # tokens between two figures of one toll (28 من عناصر التنظيم وسبعة)
_FIGURATIVE_REACH = 2  # tokens after a verb trigger looked at for the object that makes it figurative
_PARTITIVE_REACH = 2  # more tokens after a figure when من follows it (7 من عناصر التنظيم قتلوا)
_MIXED_WINDOW = 4  # tokens after a figure searched for a killed-and-injured pair
_VICTIM_WINDOW = 4  # tokens between an execution verb and the number executed
_SUBJECT_WINDOW = 3  # tokens between a verbal trigger and its subject
_ADJACENT = 3  # same-type triggers this close (in tokens) are one event
_ALSO_WINDOW = 3  # tokens after a repeating trigger searched for أيضا
_CAUSE_WINDOW = 2  # tokens before a trigger searched for a word of cause (جراء غارات)
_TOLL_LESS_TYPES = ("arrest", "detention", "agreement", "surrender", "smuggling", "escape")
_PERSON_TYPES = ("arrest", "detention", "surrender", "escape", "execution", "abduction")  # اعتقال آخر: another person
_REFERENCE_WINDOW = 2  # tokens before a place searched for a direction word (جنوب غرب كركوك، بالقرب من)
_PHRASE_MARKS = frozenset((",", "،", ";", "؛"))  # what ends the phrase a trigger's place is first looked for in
_ORIGIN_REACH = 4  # tokens between من and a place that tells where the person before it is from (من إنفليد في شمال لندن)
_ORIGIN_GAP = 2  # tokens between a person's name and that من (كاري بول كلمن من)
_SPEAKER_REACH = 2  # tokens between a speaker noun and the في before its place (مراسل الجزيرة في حلب)
_BRACKET_REACH = 20  # characters from a place to the brackets around it
_DATELINE_TAIL = re.compile(r"[^.()\n]{0,40}\([^()\n]{1,25}\)\s*[-–—]")  # after a dateline's place: (CNN) -
_GENERIC_SUB_TYPES = (None, "explosion", "attack", "armed_clash")
_PLACE_NEAR = 5  # tokens after a capture verb within which its place must come
_CONTROL_REACH = 14  # words between سيطر (or سيطرة) and the على of what was taken (سيطر مسلحو "قسد" ضمن المرحلة الثالثة ... على قرية)
_FIRE_REACH = 12  # tokens after أطلق searched for the fire, على and the civilians
_STRONG_OPENERS = frozenset(("كما", "فيما", "بينما"))  # normalised clause openers that end a capture's reach; not في وقت مبكر
_TARGET_REACH = 4  # tokens after على or باتجاه within which the civilians fired on come (على مخيم أطمة للنازحين)
_LA_HEAD_WINDOW = 14  # words before a noun with ل searched for تعرض or طرق, across commas, up to a clause opener
# (وتعرضت أماكن في منطقة برصايا الواقعة في ريف عفرين، بريف حلب الشمالي الغربي، لقصف)
_EARLIER_REACH = 4  # words between بعد and the من before an earlier event (بعد أقل من يوم من سيطرة)
_ANOTHER_WINDOW = 8  # tokens after a trigger searched for آخر
_RESTATED_GAP = 3  # characters (spaces and a bracket) between a relative time and the absolute one restating it
_REPORT_WINDOW = 6  # tokens (punctuation included) between a reporting verb and the time of the statement
_PLANNED_REACH = 2  # tokens after a trigger searched for a word that makes it planned (المرتقبة، التي تخطط لها)
_PERIOD_REACH = 4  # tokens after a trigger within which a period (خلال الأيام الماضية) makes it a sum
_ARTILLERY_WINDOW = 2  # tokens after قصف searched for an artillery word (قصفت المدفعية)
_DATE_PRECISION = {"day": 1, "hour": 1, "minute": 1, "part": 1, "weekday": 1, "week": 2}
_VAGUE_PRECISION = 3
# The types of event that a vague word of each type may repeat: القصف after a strike, الهجوم after a bombing.
_VAGUE_COVERS = {
    "airstrike": ("airstrike", "shelling"),
    "shelling": ("airstrike", "shelling"),
    "battle": ("battle", "bombing", "attack"),
    "attack": ("battle", "bombing", "attack"),  # الهجوم وقع في سوق: a vague attack on civilians
    "bombing": ("bombing",),
}


@dataclass(frozen=True, slots=True)
class _Trigger:
    type: str
    sub_type: str | None
    verbal: bool
    requires: str | None
    victims_killed: bool
    vague: bool  # قصف، هجوم، انفجار: may name an event typed more precisely elsewhere
    words: tuple[str, ...]  # normalised, article dropped
    figurative_after: frozenset[str]  # words after it that make it a figure of speech (خطف بطاقة التأهل)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    by_first: dict[str, tuple[_Trigger, ...]]  # longest first, then file order
    exact: dict[str, tuple[_Trigger, ...]]  # one-word forms matched only without clitics
    words: dict[str, frozenset[str]]  # every cue list, as bare normalised words


def bare(norm: str) -> str:
    """A normalised word without its article (غاره for الغاره), kept whole when short."""
    return norm[2:] if norm.startswith(_ARTICLE) and len(norm) > 3 else norm


def stems(norm: str) -> tuple[str, ...]:
    """A normalised word and what is left after its proclitics (و ف, ب ل ك, ال, لل)."""
    heads = [norm]
    if norm[:1] in ("و", "ف") and len(norm) > 3:
        heads.append(norm[1:])
    for head in list(heads):
        if head[:1] in ("ب", "ل", "ك") and len(head) > 3:
            heads.append(head[1:])
            if head.startswith("لل") and len(head) > 4:
                heads.append(head[2:])
    return tuple(dict.fromkeys(bare(head) for head in heads))


@cache
def _lexicon() -> _Lexicon:
    data = json.loads(resources.files("marsad.data").joinpath("event_triggers.json").read_text(encoding="utf-8"))
    by_first: dict[str, list[_Trigger]] = {}
    exact: dict[str, list[_Trigger]] = {}
    for entry in data["triggers"]:
        exact_forms = {normalise(form) for form in entry.get("exact", ())}
        for form in dict.fromkeys([*entry["forms"], *entry.get("exact", ())]):
            words = tuple(bare(normalise(word)) for word in form.split())
            trigger = _Trigger(
                entry["type"],
                entry["sub_type"],
                entry["kind"] == "verb",
                entry.get("requires"),
                entry.get("victims_killed", False),
                entry.get("vague", False),
                words,
                frozenset(bare(normalise(word)) for word in entry.get("figurative_after", ())),
            )
            table = exact if normalise(form) in exact_forms else by_first
            table.setdefault(words[0], []).append(trigger)
    cues = {key: frozenset(bare(normalise(w)) for w in value) for key, value in data.items() if key != "triggers" and isinstance(value, list)}
    return _Lexicon(
        # longest phrase first; the sort is stable, so file order decides among equals
        {key: tuple(sorted(found, key=lambda t: -len(t.words))) for key, found in by_first.items()},
        {key: tuple(found) for key, found in exact.items()},
        cues,
    )


def _has(lexicon: _Lexicon, cue: str, forms: Sequence[str]) -> bool:
    return any(form in lexicon.words[cue] for form in forms)


@dataclass(frozen=True, slots=True)
class _Sentence:
    """One sentence of the document with the annotations inside it."""

    index: int
    span: Sentence
    tokens: tuple[Token, ...]
    forms: tuple[tuple[str, ...], ...]  # each token's stems
    mentions: tuple[int, ...]  # indices into doc.mentions
    quantities: tuple[Quantity, ...]  # the quantities layer's, and one or two persons a casualty word names (مقتل امرأة)
    times: tuple[int, ...]  # indices into doc.times

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left([t.start for t in self.tokens], offset)

    def has_word(self, lexicon: _Lexicon, cue: str) -> bool:
        return any(_has(lexicon, cue, forms) for forms in self.forms)


@dataclass(slots=True)
class _Draft:
    """An event being filled in; frozen into an :class:`Event` at the end."""

    trigger: _Trigger
    start: int
    end: int
    sentence: int
    first: int  # token indices in the sentence
    last: int
    type: str
    sub_type: str | None
    date: str | None = None
    date_precision: int | None = None
    date_inferred: bool = False  # resolved against the day an undated document was inferred to be written on
    place: int | None = None
    place_precision: int | None = None
    actors: list[tuple[int, str]] = field(default_factory=list)
    killed: list[Quantity] = field(default_factory=list)
    injured: list[Quantity] = field(default_factory=list)
    attribution: int | None = None
    vague: bool = False
    definite: bool = False  # القصف، هذا الهجوم، القنبلة انفجرت: may point back to an event named before
    pointed: bool = False  # هذه الاشتباكات: a demonstrative always points back
    another: bool = False  # هجوم آخر، في جانب آخر: never one named in an earlier sentence
    accompanying: bool = False  # غارات ترافقت مع قصف: the shelling takes no toll while the strikes are there to take it
    second: bool = False  # سيارة ثانية مفخخة انفجرت: the subject before the verb says it is another, even in the same sentence
    earlier: bool = False  # بعد أيام من تفجير: an event before the one told, never a repeat, the toll after it its own
    unnamed_site: tuple[str, ...] = ()  # في قرى عين حصان: the names after the settlement words of its clause, which the mentions layer may miss
    places: tuple[int, ...] = ()  # every place mention of the sentence that may be where it happened
    areas: tuple[int, ...] = ()  # the place mentions after its place that hold it (بريف البوكمال شرقي دير الزور)


def _sentences(doc: Document, lexicon: _Lexicon) -> list[_Sentence]:
    tokens = doc.tokens or tuple(iter_tokens(doc.text))
    spans = doc.sentences or (Sentence(0, len(doc.text)),)
    starts = [t.start for t in tokens]
    result = []
    for index, span in enumerate(spans):
        inside = tokens[bisect_left(starts, span.start) : bisect_left(starts, span.end)]
        forms = tuple(_forms(doc, inside, k) for k in range(len(inside)))
        quantities = tuple(q for q in doc.quantities if span.start <= q.start < span.end)
        result.append(
            _Sentence(
                index,
                span,
                inside,
                forms,
                tuple(i for i, m in enumerate(doc.mentions) if span.start <= m.start < span.end),
                tuple(sorted((*quantities, *_persons_named(inside, forms, quantities, lexicon)), key=lambda q: q.start)),
                tuple(i for i, t in enumerate(doc.times) if span.start <= t.start < span.end),
            )
        )
    return result


def _forms(doc: Document, tokens: Sequence[Token], k: int) -> tuple[str, ...]:
    """A token's stems, and those of the word it ends when a stray space split off its first letter (ق تل، وأ صيب)."""
    norm = tokens[k].norm or normalise(doc.text[tokens[k].start : tokens[k].end])
    found = stems(norm)
    if k > 0 and doc.text[tokens[k - 1].end : tokens[k].start] == " ":
        head = tokens[k - 1].norm or ""
        if (len(head) == 1 and head != "و" and head.isalpha()) or (len(head) == 2 and head[0] == "و" and head.isalpha()):
            found = (*found, *stems(head + norm))
    return found


def _without_waw(norm: str) -> tuple[str, ...]:
    """A word as written and without a conjunction و (وأصيب), no other proclitic taken off."""
    return (bare(norm), bare(norm[1:])) if norm.startswith("و") and len(norm) >= 3 else (bare(norm),)


def _persons_named(tokens: Sequence[Token], forms: Sequence[tuple[str, ...]], quantities: Sequence[Quantity], lexicon: _Lexicon) -> list[Quantity]:
    """A figure of 1 or 2 for a singular or dual noun of a person right next to a casualty word (مقتل امرأة، بمقتل أحد عناصرها،
    مقتل شخصين، مدنيا قتل), which the quantities layer does not count; على الأقل after it leaves the figure open."""
    def persons(k: int) -> int:
        if _ARTICLE in tokens[k].norm[:4]:
            return 0  # الأحد is Sunday
        return 1 if _has(lexicon, "one_person", forms[k]) else 2 if _has(lexicon, "two_persons", forms[k]) else 0

    def word(k: int) -> tuple[str, ...]:
        return forms[k] if 0 <= k < len(tokens) and tokens[k].kind != PUNCT else ()

    counted = []
    for k, token in enumerate(tokens):
        count = persons(k)
        if not count or (k > 0 and (tokens[k - 1].kind == NUMBER or any(q.start <= tokens[k - 1].start < q.end for q in quantities))):
            continue  # 42 شخصا: the quantities layer's counted noun
        last = k
        if k + 1 < len(tokens) and tokens[k + 1].norm.startswith("و") and persons(k + 1):
            last, count = k + 1, count + persons(k + 1)  # مقتل رجل وامرأة
        cue_before = _has(lexicon, "killed_before", word(k - 1)) or _has(lexicon, "injured_before", word(k - 1))
        verb_after = _without_waw(tokens[last + 1].norm) if word(last + 1) else ()  # مدنيا قتل, not مسلح بقتل
        cue_after = _has(lexicon, "killed_after", verb_after) or _has(lexicon, "injured_after", verb_after)
        if cue_before or cue_after:
            open_ended = " ".join(t.norm for t in tokens[last + 1 : last + 3]) in lexicon.words["at_least_after"]
            counted.append(Quantity(token.start, tokens[last].end, low=count, high=None if open_ended else count))
    return counted


def _matches_at(sentence: _Sentence, i: int, lexicon: _Lexicon) -> list[_Trigger]:
    """Triggers starting at token ``i`` whose words all follow, longest first, then in file order."""
    tokens, forms = sentence.tokens, sentence.forms
    candidates = list(lexicon.exact.get(tokens[i].norm, ()))
    for stem in forms[i]:
        candidates.extend(lexicon.by_first.get(stem, ()))
    found = [
        trigger
        for trigger in candidates
        if i + len(trigger.words) <= len(tokens)
        and all(trigger.words[k] == bare(tokens[i + k].norm) for k in range(1, len(trigger.words)))
    ]
    return sorted(found, key=lambda t: -len(t.words))


def _place_follows(doc: Document, sentence: _Sentence, after: int, within: int, lexicon: _Lexicon) -> bool:
    """Whether a place name (or a settlement word, or a held site: حاجز، نقاط) comes in the ``within`` tokens after token ``after``."""
    for k in range(after + 1, min(after + 1 + within, len(sentence.tokens))):
        following = sentence.tokens[k]
        if following.kind == PUNCT:
            return False
        if any(_has(lexicon, cue, sentence.forms[k]) for cue in ("settlement_words", "region_words", "held_sites")):
            return True
        if any(
            doc.mentions[m].type in _PLACE_TYPES and doc.mentions[m].start <= following.start < doc.mentions[m].end
            for m in sentence.mentions
        ):
            return True
        # the mentions layer may miss a name the gazetteer knows (تحرير الرقة)
        if geocode(doc.text[following.start : following.end]) is not None:
            return True
    return False


def _controls_a_place(doc: Document, sentence: _Sentence, last: int, lexicon: _Lexicon) -> bool:
    """Whether control (سيطر، سيطرة) is taken of a place: على further on in the clause, its subject and adjuncts
    between (سيطرت "النصرة" على حاجز، سيطر الجيش، الثلاثاء، على محطة), a place or held site just after it."""
    words = 0
    for k in range(last + 1, len(sentence.tokens)):
        if sentence.tokens[k].norm in (".", ":", "؟", "!", ";", "؛") or any(form in _STRONG_OPENERS for form in sentence.forms[k]):
            return False
        if sentence.tokens[k].kind == PUNCT:
            continue  # commas around an adjunct, quotation marks and dashes around a name
        if sentence.tokens[k].norm in ("على", "علي"):
            return _place_follows(doc, sentence, _object_head(sentence, k, lexicon) - 1, 1, lexicon)
        words += 1
        if words > _CONTROL_REACH:
            return False
    return False


def _object_head(sentence: _Sentence, preposition: int, lexicon: _Lexicon) -> int:
    """The first token after a preposition that is no figure or quantifier (على عدد من القرى، على عشر مزارع): the
    head of its object, which a place after it (سيطرت الشرطة على الوضع في المدينة، سيطر الفريق على مباراته أمام كاين) is not."""
    k = preposition + 1
    while k < len(sentence.tokens) and (
        _has(lexicon, "quantifier_words", sentence.forms[k]) or any(q.start <= sentence.tokens[k].start < q.end for q in sentence.quantities)
    ):
        k += 1
    return k


def _fire_on_civilians(sentence: _Sentence, last: int, lexicon: _Lexicon) -> bool:
    """Whether fire is opened on civilians: a word for fire a few words after أطلق (its subject between), then على or
    باتجاه and a word for civilians (أطلق مسلحون مجهولون النار بعد منتصف الليل على مخيم للنازحين)."""
    after = _window_after(sentence, last, _FIRE_REACH)
    fire = next((k for k, forms in enumerate(after) if _has(lexicon, "fire_words", forms)), None)
    if fire is None:
        return False
    rest = after[fire + 1 :]
    target = next((k for k, forms in enumerate(rest) if _has(lexicon, "fire_targets", forms)), None)
    return target is not None and any(_has(lexicon, "civilian_words", forms) for forms in rest[target + 1 : target + 1 + _TARGET_REACH])


def _air_subject(sentence: _Sentence, first: int, last: int, lexicon: _Lexicon) -> bool:
    """Whether an aircraft is the subject of a verb: an air word right after it or among the three words before it
    (استهدفت الطائرات، طائرات روسية قتلت، قام طيران النظام المروحي باستهداف), and no noun for the strike right after
    it names the event instead (مقاتلات التحالف استهدفت بغارتين جويتين)."""
    for k in range(last + 1, min(last + 1 + _ADJACENT, len(sentence.tokens))):
        if any(t.type == "airstrike" and not t.verbal for t in _matches_at(sentence, k, lexicon)):
            return False
    after = _window_after(sentence, last, 1)
    return any(_has(lexicon, "air_words", forms) for forms in (*after, *_window(sentence, first, 3)))


def _window(sentence: _Sentence, first: int, size: int) -> list[tuple[str, ...]]:
    """Stems of up to ``size`` word tokens before token ``first``, stopping at punctuation."""
    found = []
    for k in range(first - 1, -1, -1):
        if sentence.tokens[k].kind == PUNCT or len(found) == size:
            break
        found.append(sentence.forms[k])
    return found


def _window_after(sentence: _Sentence, last: int, size: int) -> list[tuple[str, ...]]:
    """Stems of up to ``size`` tokens after token ``last``, stopping at punctuation."""
    found = []
    for k in range(last + 1, min(last + 1 + size, len(sentence.tokens))):
        if sentence.tokens[k].kind == PUNCT:
            break
        found.append(sentence.forms[k])
    return found


def _words_before(sentence: _Sentence, first: int, size: int) -> list[tuple[str, ...]]:
    """Stems of up to ``size`` word tokens before token ``first``, across punctuation."""
    words = [k for k in range(first - 1, -1, -1) if sentence.tokens[k].kind != PUNCT][:size]
    return [sentence.forms[k] for k in words]


def _happened(sentence: _Sentence, first: int, last: int, lexicon: _Lexicon) -> bool:
    """False for a negated, hypothetical, future, ongoing or generic mention."""
    if any(_has(lexicon, "negation", forms) for forms in _window(sentence, first, _NEGATION_WINDOW)):
        return False
    if last + 1 < len(sentence.tokens) and _has(lexicon, "ongoing_after", sentence.forms[last + 1]):
        return False  # القصف المستمر: a campaign, not one event
    if any(_has(lexicon, "planned_after", forms) for forms in _window_after(sentence, last, _PLANNED_REACH)):
        return False  # المعركة المرتقبة، الهجوم الذي تخطط له تركيا: not yet fought
    if _modal_clause(sentence, first):
        return False
    return not any(
        _has(lexicon, "hypothetical", forms) or _has(lexicon, "generic", forms)
        for forms in _window(sentence, first, _MODALITY_WINDOW)
    )


def _modal_clause(sentence: _Sentence, first: int) -> bool:
    """Whether the trigger's clause says what may or will happen before it: قد with an imperfect verb (فقد نواجه،
    قد ينتهي بهم الأمر إلى الهروب), سوف, ربما, or a condition (إذا لم توقف تركيا هذه الهجمات)."""
    k = first - 1
    while k >= 0 and sentence.tokens[k].kind != PUNCT:
        word = sentence.tokens[k].norm
        word = word[1:] if word[:1] in ("و", "ف") and len(word) > 2 else word
        if word in _MODAL_PARTICLES:
            return True
        if word == "قد" and k + 1 < first and sentence.tokens[k + 1].norm[:1] in ("ي", "ن"):
            return True  # not وقد أسفر القصف, 'indeed'
        k -= 1
    return False


def _anchored(doc: Document, sentence: _Sentence, lexicon: _Lexicon) -> bool:
    """Whether a sentence says something specific happened: a figure, a date, a place (or a settlement word naming one:
    في قرى عين حصان، في حيي البلديات, which the mentions layer may miss) or a happening verb."""
    if any(doc.times[t].kind == "date" and doc.times[t].granularity != "range" for t in sentence.times):
        return True
    if any(doc.mentions[m].type in _PLACE_TYPES for m in sentence.mentions):
        return True
    if any(_names_a_settlement(sentence, k, lexicon) for k in range(len(sentence.tokens) - 1)):
        return True
    return any(_casualty_kind(sentence, q, lexicon) for q in sentence.quantities) or sentence.has_word(lexicon, "happening_verbs")


def _names_a_settlement(sentence: _Sentence, k: int, lexicon: _Lexicon) -> bool:
    """Whether token ``k`` is a settlement word without the article followed by a word, a name it is construed with
    (قرية حجف، حيي البلديات), not a generic plural (المدن السورية)."""
    if not _has(lexicon, "settlement_words", sentence.forms[k]) or sentence.tokens[k + 1].kind == PUNCT:
        return False
    return _ARTICLE not in sentence.tokens[k].norm[:4]


def _triggers(doc: Document, sentence: _Sentence, lexicon: _Lexicon) -> list[_Draft]:
    drafts: list[_Draft] = []
    i = 0
    while i < len(sentence.tokens):
        matches = _matches_at(sentence, i, lexicon)
        if not matches:
            i += 1
            continue
        applying = [t for t in matches if _applies(doc, sentence, t, i, i + len(t.words) - 1, lexicon)]
        trigger = applying[0] if applying else matches[0]
        last = i + len(trigger.words) - 1
        if applying:
            start, end = sentence.tokens[i].start, sentence.tokens[last].end
            kind, sub_type = trigger.type, trigger.sub_type
            if kind == "airstrike" and sentence.has_word(lexicon, "drone_words"):
                sub_type = "drone_strike"
            elif sub_type == "attack" and any(_has(lexicon, "civilian_words", f) for f in sentence.forms[last + 1 : last + 5]):
                kind, sub_type = "attack", "attack_on_civilians"
            # هذه الاشتباكات points back; وسبق ذلك انفجار does not: a demonstrative before an indefinite noun is no determiner
            pointed = not trigger.verbal and _definite(sentence, i) and any(_has(lexicon, "demonstratives", forms) for forms in _window(sentence, i, 1))
            definite = _device_subject(sentence, i, lexicon) if trigger.verbal else _definite(sentence, i)
            draft = _Draft(
                trigger,
                start,
                end,
                sentence.index,
                i,
                last,
                kind,
                sub_type,
                vague=trigger.vague,
                definite=definite,
                pointed=pointed,
                another=trigger.type not in _PERSON_TYPES and _another(sentence, last, lexicon),
                second=trigger.verbal and any(_has(lexicon, "other_words", forms) for forms in _window(sentence, i, _SUBJECT_WINDOW)),
                earlier=_earlier_one(sentence, i),
                unnamed_site=tuple(
                    bare(sentence.tokens[k + 1].norm) for k in _clause(sentence, i) if k + 1 < len(sentence.tokens) and _names_a_settlement(sentence, k, lexicon)
                ),
                accompanying=any(_has(lexicon, "accompaniment_words", forms) for forms in _window(sentence, i, 2)),
            )
            previous = drafts[-1] if drafts else None
            if previous is not None and previous.type == kind and i - previous.last <= _ADJACENT:
                # انفجرت عبوة ناسفة: one event, named by its more specific trigger
                if previous.sub_type in _GENERIC_SUB_TYPES:
                    previous.sub_type = sub_type
            else:
                drafts.append(draft)
        i = last + 1
    return drafts


def _applies(doc: Document, sentence: _Sentence, trigger: _Trigger, first: int, last: int, lexicon: _Lexicon) -> bool:
    start, end = sentence.tokens[first].start, sentence.tokens[last].end
    if any(doc.mentions[m].type in _NAME_TYPES and doc.mentions[m].start < end and start < doc.mentions[m].end for m in sentence.mentions):
        return False  # في محافظة هروب: a place's name, not an escape
    # a verb's subject may come between (خطف المهاجم الأضواء), and خطف may be the verb or the noun
    after = sentence.forms[last + 1 : last + 1 + _FIGURATIVE_REACH]
    if any(trigger.figurative_after.intersection(forms) for forms in after):
        return False  # خطف بطاقة التأهل، سقوط الشهداء، تهدئة النفوس: a figure of speech
    if trigger.requires == "air" and (not sentence.has_word(lexicon, "air_words") or _artillery_after(sentence, last, lexicon)):
        return False
    extent = last + 1 < len(sentence.tokens) and _has(lexicon, "extent_words", sentence.forms[last + 1])  # استعادة كاملة لمدينة
    if trigger.requires == "place_after" and not _place_follows(doc, sentence, last + extent, 1, lexicon):
        return False
    if trigger.requires == "place_near" and not _place_follows(doc, sentence, last, _PLACE_NEAR, lexicon):
        return False
    if trigger.requires == "control" and not _controls_a_place(doc, sentence, last, lexicon):
        return False
    if trigger.requires == "fire_on_civilians" and not _fire_on_civilians(sentence, last, lexicon):
        return False
    if trigger.requires == "air_subject" and not _air_subject(sentence, first, last, lexicon):
        return False
    if not _happened(sentence, first, last, lexicon) or _purpose(sentence, trigger, first, lexicon):
        return False
    if _over_a_period(doc, sentence, first, lexicon):
        return False
    if not trigger.verbal and any(_has(lexicon, "subset", forms) for forms in _window(sentence, first, 2)):
        return False  # بينهم 7 انتحاريين: people counted, not an event
    if _future(doc, sentence):
        return False
    # a place named just after (سقوط الرقة) anchors a noun too
    named_place = trigger.requires in ("place_after", "place_near", "control")
    return trigger.verbal or named_place or _anchored(doc, sentence, lexicon)


def _over_a_period(doc: Document, sentence: _Sentence, first: int, lexicon: _Lexicon) -> bool:
    """Whether a period (خلال الأيام الماضية، منذ بداية العام) opens the trigger's clause or follows the trigger:
    a sum of events or an ongoing state, not one event (not المطار المحاصر منذ عامين further on)."""
    clause = _clause(sentence, first)
    for t in sentence.times:
        time = doc.times[t]
        position = sentence.token_at(time.start)
        if position not in clause or position > first + _PERIOD_REACH:
            continue
        if any(_has(lexicon, "complementisers", _without_waw(token.norm)) for token in sentence.tokens[position:first]):
            continue  # تحلق منذ الصباح وإن طائرات قصفت: the period is another clause's
        before = _window(sentence, position, 2)
        if any(_has(lexicon, "since_words", forms) for forms in before):
            return True  # منذ ليل الجمعة: ongoing since then
        if time.kind == "date" and time.granularity in _DATE_PRECISION and time.granularity != "week":
            continue  # خلال يوم الأحد: a day or an hour is a point in time
        if any(_has(lexicon, "period_openers", forms) for forms in before):
            return True
    return False


def _another(sentence: _Sentence, last: int, lexicon: _Lexicon) -> bool:
    """Whether آخر or أخرى describes the trigger or a site in its clause after it, an adjective between allowed (قصف
    مدفعي آخر، في جانب آخر من العاصمة، استهدفت معبرا نهريا آخر), not a person (وإصابة آخر) nor 'the last' (على آخر
    معاقله)."""
    for k in range(last + 1, min(last + 1 + _ANOTHER_WINDOW, len(sentence.tokens))):
        if sentence.tokens[k].kind == PUNCT:
            return False
        if _has(lexicon, "other_words", sentence.forms[k]):
            return k == last + 1 or any(_is_site(lexicon, sentence.forms[j]) for j in range(max(last + 1, k - 2), k))
    return False


def _is_site(lexicon: _Lexicon, forms: Sequence[str]) -> bool:
    """Whether a word names a site, a settlement or a region, also with the accusative alef (معبرا نهريا آخر)."""
    forms = (*forms, *(form[:-1] for form in forms if form.endswith("ا") and len(form) > 3))
    return any(_has(lexicon, cue, forms) for cue in ("site_nouns", "held_sites", "settlement_words", "region_words"))


def _earlier_one(sentence: _Sentence, first: int) -> bool:
    """Whether a trigger is what a time before it is counted from (يأتي الهجوم بعد أيام من تفجير انتحاري، بعد أقل من يوم
    من سيطرة التنظيم على قرية): an event before the one told, not a repeat of it."""
    if first == 0 or sentence.tokens[first - 1].norm != "من":
        return False
    between = [sentence.tokens[k].norm for k in range(max(0, first - 1 - _EARLIER_REACH), first - 2)]  # a time word at least
    return any(word in ("بعد", "قبل") for word in between)


def _artillery_after(sentence: _Sentence, last: int, lexicon: _Lexicon) -> bool:
    """Whether an artillery word follows the trigger (قصفت المدفعية، قصف بالهاون): shelling, not an air strike."""
    return any(_has(lexicon, "artillery_words", forms) for forms in sentence.forms[last + 1 : last + 1 + _ARTILLERY_WINDOW])


def _future(doc: Document, sentence: _Sentence) -> bool:
    """Whether the sentence's dates all lie after the document's date (الأسبوع المقبل)."""
    reference = (doc.meta.reference_date or doc.meta.published or "")[:10]
    starts = [doc.times[t].value_start for t in sentence.times if doc.times[t].kind == "date" and doc.times[t].value_start]
    return bool(reference and starts) and all(start[:10] > reference for start in starts)


def _purpose(sentence: _Sentence, trigger: _Trigger, first: int, lexicon: _Lexicon) -> bool:
    """Whether a noun trigger carries the ل of purpose (مهلة للاستسلام، عملية أمنية للقبض على), not of تعرضت للقصف or طرقا للتهريب."""
    norm = sentence.tokens[first].norm
    if bare(norm) == trigger.words[0]:
        return False
    rest = norm[1:] if norm[:1] in ("و", "ف") else norm
    if trigger.verbal and not rest.startswith("لل"):
        return False  # a verb never takes لل: القبض على with it is a noun
    heads = _words_before(sentence, first, _LA_HEAD_WINDOW)
    opener = next((k for k, forms in enumerate(heads) if _has(lexicon, "clause_openers", forms)), len(heads))
    heads = heads[:opener]
    return rest.startswith("ل") and not any(_has(lexicon, "la_event_heads", forms) for forms in heads)


def _casualty_kind(sentence: _Sentence, quantity: Quantity, lexicon: _Lexicon) -> str | None:
    """``killed``, ``injured`` or None for a figure, from its counted noun and the words around it."""
    if quantity.low is None or quantity.unit is not None:
        return None
    counted = bare(normalise(quantity.counted or ""))
    before = _window(sentence, sentence.token_at(quantity.start), _CUE_WINDOW)
    if any(_has(lexicon, "subset", forms) for forms in before) or _mixed(sentence, quantity, lexicon):
        return None
    if counted in lexicon.words["killed_after"]:
        return "killed"
    if counted in lexicon.words["injured_after"]:
        return "injured"
    for forms in before:  # the nearest casualty word before the figure decides
        if _has(lexicon, "killed_before", forms):
            return "killed"
        if _has(lexicon, "injured_before", forms):
            return "injured"
    after = sentence.token_at(quantity.end)
    reach = _CUE_WINDOW + 1
    if any("من" in forms for forms in sentence.forms[after : after + 2]):
        reach += _PARTITIVE_REACH  # 7 مدنيين من عائلة واحدة قتلوا
    for forms in sentence.forms[after : after + reach]:
        if _has(lexicon, "killed_after", forms):
            return "killed"
        if _has(lexicon, "injured_after", forms):
            return "injured"
    return None


def _mixed(sentence: _Sentence, quantity: Quantity, lexicon: _Lexicon) -> bool:
    """Whether a figure counts the dead and the wounded together: a killed word and a wounded one just before it
    (مقتل وإصابة 40 شخصا, not 13 قتلوا وأصيب 18) or just after it (50 بين قتيل وجريح، 70 قتلوا أو جرحوا)."""
    position = sentence.token_at(quantity.start)
    before = _window(sentence, position, 2)
    if len(before) == 2 and any(
        _has(lexicon, "killed_before", first) and _has(lexicon, "injured_before", second) for first, second in (before, before[::-1])
    ):
        clause = _clause(sentence, position)
        return not any(clause.start <= sentence.token_at(q.start) < position - 2 for q in sentence.quantities)
    after = sentence.token_at(quantity.end)
    figures = {q.start for q in sentence.quantities}
    window = []
    for token, forms in zip(sentence.tokens[after : after + _MIXED_WINDOW], sentence.forms[after : after + _MIXED_WINDOW], strict=True):
        if token.kind in (PUNCT, NUMBER) or token.start in figures:
            break  # the next figure counts on its own (سبعة قتلى و11 جريحا)
        window.append(forms)
    for k, forms in enumerate(window):
        if _has(lexicon, "killed_after", forms):
            rest = window[k + 2 :] if k + 1 < len(window) and "او" in window[k + 1] else window[k + 1 :]
            return bool(rest) and _has(lexicon, "injured_after", rest[0])
    return False


def _add_casualties(doc: Document, sentence: _Sentence, drafts: list[_Draft], lexicon: _Lexicon) -> None:
    """Give each casualty figure to the event its cause names (مقتل 12 شخصا ... جراء غارات), else the one in its clause,
    else the nearest before it (or the first one after); arrests, truces and the like take no toll, nor does a change
    of territory when a fight in its sentence can take it."""
    drafts = [d for d in drafts if d.type not in _TOLL_LESS_TYPES]
    if any(not d.accompanying for d in drafts):
        drafts = [d for d in drafts if not d.accompanying]
    if any(d.type != "territory" for d in drafts):
        drafts = [d for d in drafts if d.type != "territory"]  # السيطرة على البلدات إثر معارك خسر فيها 20: the fight's toll
    quantities = sentence.quantities
    kinds = [_casualty_kind(sentence, q, lexicon) for q in quantities]
    # one casualty word for two groups: مقتل 28 من التنظيم وسبعة من البشمركة، 28 من التنظيم إضافة إلى سبعة من البشمركة قتلوا
    for k in range(len(quantities)):
        if kinds[k] is None:
            if k > 0 and kinds[k - 1] is not None and _conjoined(sentence, quantities[k - 1], quantities[k], lexicon):
                kinds[k] = kinds[k - 1]
            elif k + 1 < len(quantities) and _conjoined(sentence, quantities[k], quantities[k + 1], lexicon):
                kinds[k] = _casualty_kind(sentence, quantities[k + 1], lexicon)
    last: tuple[list[Quantity], Quantity] | None = None  # the toll the latest figure went to, and that figure
    for quantity, kind in zip(quantities, kinds, strict=True):
        position = sentence.token_at(quantity.start)
        if _cumulative(doc, sentence, quantity, lexicon):
            continue  # مقتل 6000 إرهابي خلال الأشهر الأخيرة: a war's toll, not one event's
        if kind is None:
            executed = [d for d in drafts if d.trigger.victims_killed and 0 < position - d.last <= _VICTIM_WINDOW]
            if not executed or quantity.low is None or quantity.unit is not None:
                continue
            kind = "killed"
        clause = _clause(sentence, position)
        same_clause = [d for d in drafts if d.first in clause]
        before = [d for d in drafts if d.start <= quantity.start]
        caused = _cause_after(sentence, position, drafts, lexicon)
        if caused is not None:
            owner = caused
        elif any(d.earlier for d in same_clause if d.start <= quantity.start):
            owner = [d for d in same_clause if d.start <= quantity.start][-1]  # بعد أيام من تفجير أسفر عن مقتل سبعة
        elif same_clause or before:
            owner = same_clause[0] if same_clause else before[-1]
        elif drafts and not _new_clause_between(sentence, position, drafts[0].first, lexicon):
            owner = drafts[0]  # مقتل 10 مدنيين، بينهم أطفال، في قصف
        else:
            continue  # قتل 5 جنود بنيران مجهولة، كما تم قصف ...: the figure's own event has no trigger
        toll = owner.killed if kind == "killed" else owner.injured
        if last is not None and last[0] is toll and _conjoined(sentence, last[1], quantity, lexicon):
            toll[-1] = _sum(toll[-1], quantity)
        else:
            toll.append(quantity)
        last = (toll, quantity)


def _cumulative(doc: Document, sentence: _Sentence, quantity: Quantity, lexicon: _Lexicon) -> bool:
    """Whether a figure is summed over a period named next to it (6000 إرهابي خلال الأشهر الأخيرة، وخلال الشهر الماضي قتل 500)."""
    first, last = sentence.token_at(quantity.start), sentence.token_at(quantity.end)
    clause = _clause(sentence, first)
    for t in sentence.times:
        at = sentence.token_at(doc.times[t].start)
        if at not in clause or not first - _CUMULATIVE_REACH <= at <= last + _CUMULATIVE_REACH:
            continue
        before = _window(sentence, at, 2)
        if any(_has(lexicon, "period_openers", forms) or _has(lexicon, "since_words", forms) for forms in before):
            return True
    return False


def _conjoined(sentence: _Sentence, first: Quantity, second: Quantity, lexicon: _Lexicon) -> bool:
    """Whether two figures count two groups under one casualty word (مقتل 28 من التنظيم وسبعة من البشمركة، 5 رجال إضافة إلى 3 نساء):
    و or إضافة إلى before the second, and no punctuation, casualty word, subset word or clause opener between them."""
    start, end = sentence.token_at(first.end), sentence.token_at(second.start)
    if end > 0 and (end == len(sentence.tokens) or sentence.tokens[end].start > second.start):
        end -= 1  # وسبعة: the figure starts inside its token
    if end - start > _CONJOINED_GAP or end >= len(sentence.tokens):
        return False
    cues = ("killed_before", "killed_after", "injured_before", "injured_after", "subset", "clause_openers")
    for k in range(start, end):
        if sentence.tokens[k].kind == PUNCT or any(_has(lexicon, cue, sentence.forms[k]) for cue in cues):
            return False
    joined = sentence.tokens[end].norm.startswith("و") or sentence.tokens[end].norm == "و"
    return joined or any(_has(lexicon, "conjunctions", forms) for forms in sentence.forms[max(start, end - 2) : end])


def _sum(first: Quantity, second: Quantity) -> Quantity:
    """One toll of two groups: the sum of their figures, open when either is."""
    high = None if first.high is None or second.high is None else first.high + second.high
    low = None if first.low is None or second.low is None else first.low + second.low
    return Quantity(first.start, second.end, low=low, high=high, approximate=first.approximate or second.approximate)


def _cause_after(sentence: _Sentence, position: int, drafts: list[_Draft], lexicon: _Lexicon) -> _Draft | None:
    """The first event after a figure, if a word of cause (جراء، إثر، بسبب) introduces it before any other event."""
    for draft in drafts:
        if draft.first <= position:
            continue
        between = sentence.forms[position + 1 : draft.first]
        if _new_clause_between(sentence, position, draft.first, lexicon):
            return None
        return draft if any(_has(lexicon, "cause_words", forms) for forms in between[-_CAUSE_WINDOW:]) else None
    return None


def _new_clause_between(sentence: _Sentence, start: int, end: int, lexicon: _Lexicon) -> bool:
    """Whether a word that opens another clause (كما، فيما، بينما) comes between two tokens."""
    return any(_has(lexicon, "clause_openers", forms) for forms in sentence.forms[start:end])


def _after_also(sentence: _Sentence, first: int) -> bool:
    """Whether a trigger comes right after كما (كما قصفت), which adds another action; not after فيما or بينما, which
    may tell more of the same one, nor a figure's كما (قتل سبعة كما أصيب ثمانية إثر انفجار)."""
    return first > 0 and "كما" in sentence.forms[first - 1]


def _clause(sentence: _Sentence, position: int) -> range:
    """Token indices of the clause (between punctuation marks) around token ``position``."""
    start = position
    while start > 0 and sentence.tokens[start - 1].kind != PUNCT:
        start -= 1
    end = position
    while end < len(sentence.tokens) and sentence.tokens[end].kind != PUNCT:
        end += 1
    return range(start, end)


def _figures(found: list[Quantity], what: str, notes: list[str]) -> tuple[float | None, float | None] | None:
    """The most conservative range of the figures given for one toll, noting approximation and disputes.

    An exact figure outranks an open one (عشرات الضحايا, then 7 قتلى), and a part
    of the toll (9 أطفال of 21 مدنيا) is no other figure for it.
    """
    closed = [q for q in found if q.high is not None]
    found = closed or found
    largest = max((q.low for q in found if q.low is not None), default=None)
    counted_parts = _lexicon().words["part_nouns"]
    found = [q for q in found if q.low == largest or bare(normalise(q.counted or "")) not in counted_parts]
    if any(q.approximate for q in found):
        notes.append(f"{what} figure approximate")
    return conservative_range([(q.low, q.high) for q in found], what, notes)


def conservative_range(
    figures: Iterable[tuple[float | None, float | None]], what: str, notes: list[str]
) -> tuple[float | None, float | None] | None:
    """ACLED's rule for a toll given more than once: the lowest low and the highest high, the dispute noted.

    None when no figure is given; an open high (عشرات: 20 or more) keeps the range open.
    """
    values = sorted(set(figures), key=lambda pair: (pair[0] or 0, pair[1] or 0))
    if not values:
        return None
    if len(values) > 1:
        notes.append(f"{what} figures disputed: " + ", ".join(_range_text(pair) for pair in values))
    low = min((pair[0] for pair in values if pair[0] is not None), default=None)
    highs = [pair[1] for pair in values]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    return (low, high)


def _range_text(pair: tuple[float | None, float | None]) -> str:
    low, high = (None if v is None else f"{v:g}" for v in pair)
    return low if low == high else f"{low}-{high or ''}"


def _place_precision(doc: Document, sentence: _Sentence, mention: Mention, lexicon: _Lexicon) -> int:
    """ACLED-like geo-precision of a place mention: 1 town, 2 region, 3 province or country."""
    first = sentence.token_at(mention.start)
    inside = sentence.forms[first] if first < len(sentence.forms) else ()
    before = _window(sentence, first, 1)
    for forms in (*before, inside):
        if _has(lexicon, "settlement_words", forms):
            return 1
        if _has(lexicon, "region_words", forms):
            return 2
    place = geocode(doc.text[mention.start : mention.end])
    if place is None:
        return 2  # unknown to the gazetteer: most likely small, but not known to be a town
    if place.kind == "settlement":
        return 2 if place.approximate else 1
    return 2 if place.kind == "region" else 3


def _add_place(doc: Document, sentence: _Sentence, draft: _Draft, lexicon: _Lexicon) -> None:
    """The most specific place of the trigger's phrase (between commas), else of the nearest phrase of its clause
    (between clause openers such as بينما), else of the sentence, the nearest among equals. A point of reference
    (شمال بغداد) or the place that holds the one just before it (قرية حر بريف حماه) counts as one level vaguer;
    a person's origin (X من فلوريدا), a speaker's place (قال ناشطون في حمص) and a contrasted phrase (بعيدا عن
    التفجيرات في بغداد) give no place to an event outside them. The places that hold the one chosen are its areas."""
    actors = {m for m, _ in draft.actors}
    own_phrase = _phrase(sentence, draft.first)
    places = []
    previous: int | None = None
    holder: dict[int, int] = {}  # a place mention -> the one right after it that holds it
    for m in sentence.mentions:
        mention = doc.mentions[m]
        if mention.type not in _PLACE_TYPES or m in actors or _enclosed(doc.text, mention) or _dateline(doc.text, mention):
            continue
        container = previous is not None and _holds_previous(doc.text[doc.mentions[previous].end : mention.start], lexicon)
        if container:
            holder[previous] = m
        previous = m
        first = sentence.token_at(mention.start)
        before = _window(sentence, first, _REFERENCE_WINDOW)
        if before and _has(lexicon, "seat_before", before[0]):
            continue  # ومقره بريطانيا: where a source sits, not where the event happened
        if _origin(doc, sentence, first) or _speaker_seat(sentence, first, lexicon):
            continue
        if _phrase(sentence, first) != own_phrase and _contrasted(sentence, first, lexicon):
            continue
        reference = container or any(_has(lexicon, "reference_before", forms) for forms in before)
        places.append((m, reference))
    draft.places = tuple(m for m, _ in places)
    own = _own_clause(sentence, draft, lexicon)
    in_own = [(m, reference) for m, reference in places if sentence.token_at(doc.mentions[m].start) in own]
    places = in_own or ([] if draft.unnamed_site else places)  # تعرضت مدينتا حيان وعندان لقصف: not another clause's town
    if not places:
        return
    ranked = []
    for m, reference in places:
        mention = doc.mentions[m]
        distance = mention.start - draft.end if mention.start >= draft.end else 2 * (draft.start - mention.end)
        precision = _place_precision(doc, sentence, mention, lexicon)
        phrases = _phrases_between(sentence, draft.first, sentence.token_at(mention.start))
        ranked.append((phrases, _named_as_actor(doc, sentence, mention), precision + reference, distance, precision, m))
    *_, draft.place_precision, draft.place = min(ranked)
    area = draft.place
    while area in holder:
        area = holder[area]
        draft.areas += (area,)


def _named_as_actor(doc: Document, sentence: _Sentence, mention: Mention) -> bool:
    """Whether a country or a capital standing for its government is named with no locative word or clitic
    before it (الحملة التي قادتها أمريكا): then it acts, and a place named as one (بسوريا، في إدلب) comes first."""
    if mention.type != GPE:
        return False
    index = sentence.token_at(mention.start)
    if index > 0 and (index == len(sentence.tokens) or sentence.tokens[index].start > mention.start):
        index -= 1  # the mention starts after a clitic inside this token
        if _LOCATIVE_CLITICS.intersection(doc.text[sentence.tokens[index].start : mention.start]):
            return False
    return not any(name_key(token.norm) in _LOCATIVE_WORDS for token in sentence.tokens[max(0, index - 2) : index])


def _phrase(sentence: _Sentence, position: int) -> range:
    """Token indices of the phrase around token ``position``, between commas, semicolons or the sentence's ends."""
    start = position
    while start > 0 and sentence.tokens[start - 1].norm not in _PHRASE_MARKS:
        start -= 1
    end = position
    while end < len(sentence.tokens) and sentence.tokens[end].norm not in _PHRASE_MARKS:
        end += 1
    return range(start, end)


def _holds_previous(gap: str, lexicon: _Lexicon) -> bool:
    """Whether the text between two places makes the second hold the first: nothing, ب or في, and maybe a word for
    a region (الهبيط بريف إدلب، ينكجة بقضاء الطوز، قرية في محافظة حمص)."""
    words = normalise(gap).split()
    if words[:1] == ["في"]:
        words = words[1:]
    if len(words) > 1:
        return False
    return not words or words[0] == "ب" or _has(lexicon, "region_words", stems(words[0]))


def _phrases_between(sentence: _Sentence, first: int, second: int) -> int:
    """How many phrase marks (commas, semicolons) come between two tokens."""
    low, high = sorted((first, second))
    return sum(token.norm in _PHRASE_MARKS for token in sentence.tokens[low:high])


def _origin(doc: Document, sentence: _Sentence, first: int) -> bool:
    """Whether a place at token ``first`` tells where a person is from: a few words after من right after a person's name
    (كاري كلمن من فلوريدا، آرستيدو من إنفليد في شمال لندن)."""
    for k in range(first - 1, max(first - 1 - _ORIGIN_REACH, -1), -1):
        if sentence.tokens[k].kind == PUNCT:
            return False
        if sentence.tokens[k].norm == "من":
            return any(
                doc.mentions[m].type == PER and 0 <= k - sentence.token_at(doc.mentions[m].end) < _ORIGIN_GAP
                for m in sentence.mentions
            )
    return False


def _speaker_seat(sentence: _Sentence, first: int, lexicon: _Lexicon) -> bool:
    """Whether a place at token ``first`` tells where a speaker is: في right after a speaker noun and maybe its
    outlet or adjective (قال ناشطون في مدينة حمص، أفاد مراسل الجزيرة في حلب، مصادر محلية في الرقة)."""
    before = sentence.forms[first - 1] if first > 0 else ()
    place_noun = _has(lexicon, "settlement_words", before) or _has(lexicon, "region_words", before)
    preposition = first - 2 if place_noun else first - 1
    if preposition < 1 or sentence.tokens[preposition].norm != "في":
        return False
    return any(_has(lexicon, "speaker_nouns", sentence.forms[k]) for k in range(max(0, preposition - _SPEAKER_REACH), preposition))


def _contrasted(sentence: _Sentence, first: int, lexicon: _Lexicon) -> bool:
    """Whether a place at token ``first`` is in a phrase set against the rest (بعيدا عن، على عكس، بخلاف ما جرى في)."""
    return any(_has(lexicon, "contrast_words", sentence.forms[k]) for k in _phrase(sentence, first) if k < first)


def _own_clause(sentence: _Sentence, draft: _Draft, lexicon: _Lexicon) -> range:
    """Token indices of the trigger's clause, between the clause openers (بينما، فيما، كما) around it; أيضا opens none."""

    def opens(k: int) -> bool:
        return _has(lexicon, "clause_openers", sentence.forms[k]) and not _has(lexicon, "also_words", sentence.forms[k])

    start = draft.first
    while start > 0 and not opens(start):
        start -= 1
    end = draft.last + 1
    while end < len(sentence.tokens) and not opens(end):
        end += 1
    return range(start, end)


def _enclosed(text: str, mention: Mention) -> bool:
    """Whether a place name is in brackets (a dateline's) or in quotation marks, as an outlet or a title is
    (لـ«الشرق الأوسط»)."""
    quoted = text[mention.start - 1 : mention.start] in _OPENING_QUOTES and text[mention.end : mention.end + 1] in _CLOSING_QUOTES
    return quoted or _parenthesised(text, mention)


def _parenthesised(text: str, mention: Mention) -> bool:
    """Whether a mention is in short brackets, as a dateline or a clock's city is (رويترز (بيروت)، الساعة 14:59 (مكة المكرمة))."""
    opening = text.rfind("(", max(0, mention.start - _BRACKET_REACH), mention.start)
    closing = text.find(")", mention.end, mention.end + _BRACKET_REACH)
    return opening >= 0 and closing >= 0 and ")" not in text[opening : mention.start] and "(" not in text[mention.end : closing]


def _dateline(text: str, mention: Mention) -> bool:
    """Whether a place is a dateline's, where the report was filed: before a source in brackets and a dash (أتلانتا، الولايات المتحدة (CNN) -)."""
    return _DATELINE_TAIL.match(text, mention.end) is not None


def _date_value(doc: Document, index: int) -> tuple[str, int] | None:
    """An ISO date (reduced for a month or a year, an interval otherwise) and its ACLED time precision."""
    time = doc.times[index]
    if time.kind != "date" or time.value_start is None:
        return None
    start, end = time.value_start[:10], (time.value_end or time.value_start)[:10]
    if start == end:
        return start, 1
    if time.granularity == "month":
        return start[:7], _VAGUE_PRECISION
    if time.granularity == "year":
        return start[:4], _VAGUE_PRECISION
    return f"{start}/{end}", _DATE_PRECISION.get(time.granularity, _VAGUE_PRECISION)


def _add_date(doc: Document, sentences: list[_Sentence], draft: _Draft, written: str | None) -> None:
    """The nearest time of the sentence, else the last of the sentence before, else the document's date (precision 3).

    ``written`` is the day an undated document was inferred to be written on; a date it gives is noted as inferred.
    A time right after a reporting verb (أعلن السبت حصيلة) dates the statement: the event happened that day
    or a few before, so it comes after the event's own times and with a week's precision at best. A relative
    time resolved against the inferred day has precision 3, as that day is only a lower bound.
    A relative time restated in brackets (الشهر الماضي (يناير 2018)) gives way to the absolute one.
    """
    sentence = sentences[draft.sentence]
    usable = [t for t in sentence.times if _date_value(doc, t) and not _restated(doc, t)]
    dated = [(_dates_a_report(doc, sentence, t), abs(doc.times[t].start - draft.start), t) for t in usable]
    if not dated and draft.sentence > 0:
        before = sentences[draft.sentence - 1]
        dated = [(_dates_a_report(doc, before, t), 0, t) for t in before.times[::-1] if _date_value(doc, t)][:1]
    if dated:
        report, _, time = min(dated)
        value = _date_value(doc, time)
        assert value is not None
        draft.date, draft.date_precision = value[0], max(value[1], 2) if report else value[1]
        draft.date_inferred = written is not None and doc.times[time].relative
        if draft.date_inferred:  # the day it was written is only a lower bound, and so is a day counted from it
            draft.date_precision = _VAGUE_PRECISION
        return
    reference = doc.meta.reference_date or doc.meta.published or written
    if reference:
        draft.date, draft.date_precision = reference[:10], _VAGUE_PRECISION
        draft.date_inferred = reference == written


def _restated(doc: Document, index: int) -> bool:
    """Whether a relative time is followed at once by an absolute one in brackets that says which it is."""
    time = doc.times[index]
    return time.relative and any(
        not other.relative and 0 <= other.start - time.end <= _RESTATED_GAP and not doc.text[time.end : other.start].strip(" ()")
        for other in doc.times
    )


def _dates_a_report(doc: Document, sentence: _Sentence, time: int) -> bool:
    """Whether a time comes a few words after a reporting verb (أعلن السبت، وأفاد مصدر عسكري، أمس الاثنين، بارتفاع)."""
    position = sentence.token_at(doc.times[time].start)
    verbs = _reporting_verbs()
    return any(verbs.intersection(sentence.forms[k]) for k in range(max(0, position - _REPORT_WINDOW), position))


@cache
def _reporting_verbs() -> frozenset[str]:
    """The written forms of the verbs that introduce a statement (قال، أعلن، أفاد), normalised."""
    data = json.loads(resources.files("marsad.data").joinpath("reporting_verbs.json").read_text(encoding="utf-8"))
    return frozenset(bare(normalise(form)) for forms in data["verbs"].values() for form in forms)


def _add_actors(doc: Document, sentence: _Sentence, draft: _Draft, lexicon: _Lexicon) -> None:
    for m in sentence.mentions:
        mention = doc.mentions[m]
        if mention.type not in _ACTOR_TYPES:
            continue
        first = sentence.token_at(mention.start)
        before = _window(sentence, first, 2)
        if any(_has(lexicon, "mediator_before", forms) for forms in before):
            draft.actors.append((m, MEDIATOR))
        elif any(_has(lexicon, "perpetrator_before", forms) for forms in before):
            draft.actors.append((m, PERPETRATOR))
        elif first > draft.last and any(_has(lexicon, "target_before", forms) for forms in before[:1]):
            draft.actors.append((m, TARGET))
        elif draft.trigger.verbal and 0 < first - draft.last <= _SUBJECT_WINDOW:
            draft.actors.append((m, PERPETRATOR))  # the subject follows the verb
        elif not draft.trigger.verbal and first - draft.last == 1 and mention.type == NORP:
            draft.actors.append((m, PERPETRATOR))  # ضربة جوية أميركية


def _attribution(doc: Document, draft: _Draft) -> int | None:
    holding = [
        (a.content_end - a.content_start, index)
        for index, a in enumerate(doc.attributions)
        if a.content_start <= draft.start < a.content_end
    ]
    return min(holding)[1] if holding else None


def _coreferent(doc: Document, sentences: list[_Sentence], draft: _Draft, earlier: list[_Draft]) -> _Draft | None:
    """The latest earlier event that this mention may repeat: same type (or a vague word for it) and nothing in conflict.

    A demonstrative (هذه الاشتباكات) points to the latest event of its kind,
    wherever it names. A definite noun (القصف، الهجوم) or a verb whose subject
    is a definite device (القنبلة انفجرت) points back more freely: a vague one
    to an event of its own sentence whatever the place, and any one to an event
    whose place its own refines or repeats (بلدة الدانا after محافظة إدلب),
    whatever the tolls (a toll rises as the wounded die).
    """
    for previous in reversed(earlier):
        if not (_same_kind(previous, draft) and _same_date(previous, draft)):
            continue
        if (draft.another and previous.sentence != draft.sentence) or draft.second or draft.earlier:
            continue
        if draft.pointed:
            return previous
        if draft.type == "agreement" and previous.sub_type == draft.sub_type:
            return previous  # a truce named again, wherever its talks are held
        if draft.trigger.verbal and previous.sentence == draft.sentence and _after_also(sentences[draft.sentence], draft.first):
            continue  # قصفت قوات النظام بلدة دوما ...، كما قصفت شرقي دمشق: a verb after كما adds another event
        if not draft.definite and _other_sites(previous, draft):
            continue  # ب 71 قذيفة هاون في حيي البلديات: an indefinite mention or the earlier one at a site the mentions layer missed
        if draft.definite and draft.vague and previous.sentence == draft.sentence:
            if not _new_clause_between(sentences[draft.sentence], draft.last + 1, draft.last + 1 + _ALSO_WINDOW, _lexicon()):
                return previous  # ... كما خلف الانفجار أضرارا; not وشمل القصف أيضا قرية أخرى
        if (draft.definite or draft.vague) and _refines(doc, sentences, previous, draft):
            return previous
        if _same_place(doc, previous.place, draft.place) or _within_area(doc, previous, draft):
            if not (previous.killed and draft.killed and not _same_figures(previous.killed, draft.killed)):
                return previous
    return None


def _other_sites(previous: _Draft, draft: _Draft) -> bool:
    """Whether one of two events has no place although its clause names a settlement (في قرى عين حصان), which the
    mentions layer missed, and the other is placed elsewhere: named otherwise or placed by a mention."""
    if draft.place is None and draft.unnamed_site:
        return previous.place is not None or not set(previous.unnamed_site) & set(draft.unnamed_site)
    return previous.place is None and bool(previous.unnamed_site) and draft.place is not None


def _definite(sentence: _Sentence, first: int) -> bool:
    """Whether a noun carries the article after its proclitics (الغارة، بالقصف، وللهجوم، هذا الهجوم); a demonstrative
    before an indefinite noun is no determiner (وسبق ذلك انفجار عبوة)."""
    norm = sentence.tokens[first].norm
    rest = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 else norm
    if rest.startswith("لل"):
        return True
    rest = rest[1:] if rest[:1] in ("ب", "ك") and len(rest) > 3 else rest
    return rest.startswith(_ARTICLE)


def _device_subject(sentence: _Sentence, first: int, lexicon: _Lexicon) -> bool:
    """Whether a verb comes right after a definite explosive device, its subject (القنبلة انفجرت، السيارة المفخخة انفجرت)."""
    return any(
        k >= 0 and sentence.tokens[k].kind != PUNCT and _has(lexicon, "device_nouns", sentence.forms[k]) and _definite(sentence, k)
        for k in (first - 1, first - 2)
    )


def _refines(doc: Document, sentences: list[_Sentence], previous: _Draft, draft: _Draft) -> bool:
    """Whether a later mention's place may be the earlier one's: named in its sentence, or more or less precise in one country.

    A city named as its province is (حمص، حلب، دير الزور) may stand for either, so a definite
    mention (القصف على بلدة الجرذي) in its country refines it.

    A sentence that opens with كما or فيما adds another event, whatever its words.
    """
    if sentences[draft.sentence].forms and _has(_lexicon(), "clause_openers", sentences[draft.sentence].forms[0]):
        return False
    if previous.place is None or draft.place is None or _same_place(doc, previous.place, draft.place):
        return True
    if not draft.definite and draft.place_precision == 1 and previous.sentence != draft.sentence:
        return False  # قصف على بلدة مسرابا after strikes along the Euphrates: an indefinite word at another town is another event
    names = [doc.text[doc.mentions[m].start : doc.mentions[m].end] for m in (previous.place, draft.place)]
    if previous.place_precision != draft.place_precision or (draft.definite and _names_a_province(names[0])):
        named = _named_countries(doc)
        countries = [{place.country for place in candidates(name)} for name in names]
        # a name read only in a country the text never names is no evidence (نوا in a report on Afghanistan)
        countries = [found if not named or found & named else set() for found in countries]
        return not all(countries) or bool(countries[0] & countries[1])
    return previous.sentence != draft.sentence and any(
        name_key(doc.text[doc.mentions[m].start : doc.mentions[m].end]) == name_key(names[1]) for m in previous.places
    )


def _named_countries(doc: Document) -> set[str]:
    """The countries the document names as such (سوريا، أفغانستان)."""
    places = (geocode(doc.text[m.start : m.end]) for m in doc.mentions if m.type in _PLACE_TYPES)
    return {place.country for place in places if place is not None and place.kind == COUNTRY}


def _names_a_province(name: str) -> bool:
    return any(place.kind == REGION for place in candidates(name))


def _same_kind(first: _Draft, second: _Draft) -> bool:
    if first.type == second.type:
        return True
    return (first.vague and second.type in _VAGUE_COVERS.get(first.type, ())) or (second.vague and first.type in _VAGUE_COVERS.get(second.type, ()))


def _same_place(doc: Document, first: int | None, second: int | None) -> bool:
    """Whether two place mentions may name where one event happened: the same name, one inside the other (ريف حمص
    in محافظة حمص), or a town in that country."""
    if first is None or second is None:
        return True
    names = [doc.text[doc.mentions[m].start : doc.mentions[m].end] for m in (first, second)]
    keys = [f" {_province_key(name)} " for name in names]
    if keys[0] in keys[1] or keys[1] in keys[0]:
        return True
    places = [geocode(name) for name in names]
    return any(
        place is not None and place.kind == COUNTRY and (other is None or other.country == place.country)
        for place, other in ((places[0], places[1]), (places[1], places[0]))
    )


def _within_area(doc: Document, previous: _Draft, draft: _Draft) -> bool:
    """Whether an earlier mention of the sentence placed in a city or province names an area that holds the later
    one's place (قتلى بغارات في دير الزور ... غارات استهدفت قرية السكرية بريف البوكمال شرقي دير الزور)."""
    return (
        previous.sentence == draft.sentence
        and previous.place is not None
        and any(_same_place(doc, previous.place, area) for area in draft.areas)
    )


def _province_key(name: str) -> str:
    """A place's name key without a word for a province (محافظة حمص is حمص, which holds ريف حمص الشمالي)."""
    province_words = _lexicon().words["province_words"]
    return " ".join(word for word in name_key(name).split() if bare(word) not in province_words)


def _same_date(first: _Draft, second: _Draft) -> bool:
    precise = all(d.date_precision is not None and d.date_precision < _VAGUE_PRECISION for d in (first, second))
    return not precise or first.date == second.date


def _same_figures(first: list[Quantity], second: list[Quantity]) -> bool:
    """Whether two mentions give a toll that may be the same: one figure of each in the other's range (عشرات and 100)."""
    return any(_overlap(a, b) for a in first for b in second)


def _overlap(first: Quantity, second: Quantity) -> bool:
    if first.low is None or second.low is None:
        return True
    return first.low <= (second.high if second.high is not None else math.inf) and second.low <= (
        first.high if first.high is not None else math.inf
    )


def _merge(doc: Document, into: _Draft, repeat: _Draft) -> None:
    """Details a repeated mention adds to the first one; a place inside the first one's is more precise."""
    if into.vague and not repeat.vague:  # هجومين ... التفجير الانتحاري: the attack was a bombing
        into.type, into.sub_type, into.vague = repeat.type, repeat.sub_type, False
    if repeat.place is not None and (
        into.place is None or (repeat.place_precision or 9) < (into.place_precision or 9) or _within_area(doc, into, repeat)
    ):
        into.place, into.place_precision = repeat.place, repeat.place_precision
    if (into.date_precision or 9) > (repeat.date_precision or 9):
        into.date, into.date_precision, into.date_inferred = repeat.date, repeat.date_precision, repeat.date_inferred
    into.killed.extend(repeat.killed)
    into.injured.extend(repeat.injured)
    into.actors.extend(a for a in repeat.actors if a not in into.actors)


def _event(draft: _Draft) -> Event:
    notes: list[str] = ["date inferred from the latest date the text names"] if draft.date_inferred else []
    killed = _figures(draft.killed, "killed", notes)
    injured = _figures(draft.injured, "injured", notes)
    return Event(
        draft.start,
        draft.end,
        type=draft.type,
        sub_type=draft.sub_type,
        sentence=draft.sentence,
        date=draft.date,
        date_precision=draft.date_precision,
        place=draft.place,
        place_precision=draft.place_precision,
        actors=tuple(draft.actors),
        killed=killed,
        injured=injured,
        attribution=draft.attribution,
        notes=tuple(notes),
    )


def _drafts(doc: Document, written: str | None = None) -> list[_Draft]:
    lexicon = _lexicon()
    sentences = _sentences(doc, lexicon)
    kept: list[_Draft] = []
    for sentence in sentences:
        drafts = _triggers(doc, sentence, lexicon)
        if not drafts:
            continue
        _add_casualties(doc, sentence, drafts, lexicon)
        for draft in drafts:
            _add_actors(doc, sentence, draft, lexicon)
            _add_place(doc, sentence, draft, lexicon)
            _add_date(doc, sentences, draft, written)
            draft.attribution = _attribution(doc, draft)
            earlier = _coreferent(doc, sentences, draft, kept)
            if earlier is not None:
                _merge(doc, earlier, draft)
            elif not draft.pointed or draft.killed or draft.injured:
                kept.append(draft)  # not هذا الهروب after an attempt to flee: it points to no event and tells nothing new
    return kept


@component("events", assigns="events", requires=("sentences", "quantities", "times", "mentions"))
def find_events(doc: Document, settings: Settings) -> list[Event]:
    """Events that the document reports as having happened, with their place, date, actors and toll."""
    doc, written = _with_inferred_dates(doc, settings)
    return [_event(draft) for draft in _drafts(doc, written)]


def _with_inferred_dates(doc: Document, settings: Settings) -> tuple[Document, str | None]:
    """The document with its relative times (أمس الخميس) resolved, when it gives no date of its own, against the latest
    absolute date it names (a page's stamp: it was written no earlier), and that day; unchanged with a date."""
    if doc.meta.reference_date or doc.meta.published or settings.reference_date:
        return doc, None
    written = infer_not_before(doc.times)
    if written is None or not any(t.relative and t.value_start is None for t in doc.times):
        return doc, written
    return doc.with_layer("times", parse_times(doc.text, date.fromisoformat(written[:10]), doc.tokens or None)), written
