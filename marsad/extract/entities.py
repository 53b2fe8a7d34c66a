"""Named-entity mentions of one document: the tagger's spans, trimmed and completed by rules.

The statistical tagger (:mod:`marsad.extract.tagger`) tags each sentence. Its
spans are then cut to the name as cited, and rules add what the training
corpora miss:

- **clitics** stay out of the span: بالرقة gives الرقة (the article is part of
  the name as cited), وواشنطن gives واشنطن. With ``لل`` (ل + ال, alef elided:
  للمرصد) the span starts after both lams, at مرصد, so that it matches المرصد.
  A prefix letter is only taken as a clitic when what remains is a known name
  or starts with the article, or for و before an unknown word that is not a
  given name (وليد stays whole);
- **titles** (الرئيس، وزير الدفاع، المتحدث باسم، with the nationality adjectives
  after them: الرئيس الأميركي) are left out of name spans, and outlet words
  (صحيفة) before a name without an article (صحيفة نيويورك تايمز);
- **curated names** (``marsad/data/aliases.json``): acronyms (داعش، قسد), known
  actors and outlets, found even when the tagger misses them; a short form
  such as المرصد only in a document that names the entity in full;
- **Latin-script names** inside Arabic text (The New York Times);
- **places**: ريف حلب الشمالي and محافظة الحسكة are one place span (a compass
  word before a name stays out: شمال بغداد is a direction from بغداد); a capital
  that stands for its government (تقول واشنطن) is GPE, one that is a place
  (في واشنطن) is LOC; countries are GPE. Where the tagger saw nothing, the
  word or words after قرية، بلدة، مدينة، حي، ريف، محافظة، منطقة are a place
  (بقرية الشفة gives الشفة; تل عادة، معرة النعمان stay whole; ريف and محافظة
  stay in the span as above), unless they are a common word (منطقة عسكرية).

Where spans overlap, the longest wins, then curated names, Latin names and the
tagger in that order.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache, partial
from importlib import resources
from typing import NamedTuple, Protocol

import regex

from marsad.arabic.normalise import fold, normalise
from marsad.arabic.numbers import is_unit_word, number_word_value
from marsad.arabic.terms import stopwords
from marsad.arabic.tokens import MIN_STEM, iter_tokens, split_clitics, surface_offset
from marsad.document import GPE, LATIN, LOC, MISC, NUMBER, ORG, PER, PUNCT, WORD, Document, Mention, Token
from marsad.extract.attributions import outlet_named
from marsad.extract.places import candidates as place_candidates
from marsad.extract.places import geocode, is_curated_place, is_kind_of_place, name_key, place_population
from marsad.extract.tagger import QUOTE_PAIRS, load_tagger, match_key
from marsad.pipeline import component
from marsad.settings import Settings

_CONJUNCTIONS = "وف"
_PREPOSITIONS = "بلك"
_ARTICLE = "ال"
# Words before a capital or a country that make it a place rather than its government (في واشنطن).
LOCATIVE_WORDS = frozenset(
    name_key(word) for word in "في إلى من قرب داخل خارج نحو حول عند العاصمة مدينة بين غرب شرق شمال جنوب".split()
)
# Words after which the next word or two name a place (بقرية الشفة).
_PLACE_NOUNS = frozenset(name_key(word) for word in "قرية بلدة مدينة حي ريف محافظة منطقة".split())
# First words of two-word place names (تل عادة، بيت جن، أبو ميال، كفر حمرة).
_PLACE_NAME_HEADS = frozenset(
    normalise(word)
    for word in "تل تلة بيت أبو أم كفر عين دير رأس جسر حوش دارة خربة مزرعة سد بئر قصر سان عرب حج السيدة باب معرة".split()
)
# Words after a place noun that are no name (منطقة عسكرية، حي سكني) or end one (قرية أرمناز التي).
_NOT_PLACE_NAMES = frozenset(
    normalise(word)
    for word in (
        "في من على إلى الى عن مع قرب بين حيث بعد قبل منذ خلال عند نحو لدى التي الذي الواقعة الواقع التابعة التابع "
        "وسط شمال جنوب شرق غرب أخرى آخر اخرى واحدة كاملة بأكملها سيطرة نفوذ خفض عمليات اشتباكات آمنة كبيرة صغيرة "
        "قريبة مجاورة المجاورة القريبة المحاصرة المحررة نفسها ذاتها تقع يقع تضم يسكنها يقطنها تحت"
    ).split()
)
# Endings of a noun with a possessive pronoun (منطقة عملياتنا، منطقة سيطرتهم): no place name.
_POSSESSIVE_ENDINGS = ("اته", "اتها", "هم", "هما", "كم", "نا")
# Lower-case words allowed inside a Latin-script name.
_LATIN_CONNECTORS = frozenset(("of", "the", "and", "for", "de", "du", "al", "el", "&", "-"))
# Lower-case words inside Latin names (Bank of America, Ibrahim bin Ali, Ludwig van Beethoven).
_LATIN_NAME_PARTICLES = _LATIN_CONNECTORS | frozenset(
    ("bin", "ibn", "abu", "van", "von", "der", "den", "da", "di", "del", "la", "le", "y", "on", "in", "at", "a")
)
# A page's code word: lower case letters, then a capital (backButton, signInEmailAddress, existing-createdDate).
_CODE_WORD = regex.compile(r"[a-z]{2,}[a-z-]*[A-Z]")
# Last words that make an unknown Latin-script name an organisation.
_LATIN_ORG_WORDS = frozenset(
    "times news post journal agency press institute university council party army forces group inc ltd corp "
    "foundation organization organisation committee ministry network radio tv channel review magazine centre "
    "center company bank association union front movement daily weekly herald tribune guardian telegraph".split()
)
_MAX_LATIN_ACRONYM = 6
# Words inside Arabic names that join the name to what follows (بن راشد، آل مكتوم).
_JOINERS = frozenset(normalise(word) for word in ("بن", "بنت", "ابن", "آل", "أبو", "أبي", "عبد"))
_MIN_PLACE_LETTERS = 4
# The most letters (without the article) of an Arabic word that spells a Latin letter (إس، إف، يو) and names nothing.
_MAX_LETTER_NAME = 2
_MIN_SHORT_PLACE_POPULATION = 100_000
# How many times as populous the place named without a leading و must be for وX after a place of its country to
# read as و + X (الرياض وجدة is Riyadh and Jeddah; Oujda, وجدة, is a tenth of Jeddah's size).
_CONJOINED_PLACE_RATIO = 5
_MAX_PLACE_NAME_WORDS = 3
# Mention types whose names, once found, are looked for again in the rest of the document.
_REPEATED_TYPES = frozenset((PER, ORG, LOC, GPE))
# Head nouns that make a name of several words an organisation whatever the tagger read (جامعة الملك سعود،
# ميليشيا الحوثي); not those that also open places or titles (قناة السويس، الاتحاد السوفيتي، الفريق، جبهة الجوف).
_ORGANISATION_HEADS = frozenset(
    normalise(article + word)
    for word in ("جامعة", "شركة", "وزارة", "منظمة", "حزب", "حركة", "هيئة", "وكالة", "صحيفة", "جريدة", "مجلة",
                 "جمعية", "مؤسسة", "بنك", "مصرف", "معهد", "نادي", "منتخب", "ميليشيا", "ميليشيات", "كتائب")
    for article in ("", "ال")
)
# Nouns of bodies, places and things named after a titled person, and the type of the whole name
# (مستشفى الملك فهد التخصصي is an organisation, طريق الملك عبدالعزيز a place, جائزة الملك فيصل a thing).
_NAMED_AFTER_A_PERSON = {
    ORG: "جامعة كلية معهد مدرسة ثانوية أكاديمية مستشفى مكتبة دارة مركز مؤسسة صندوق مجمع "
         "كتيبة كتائب لواء ألوية فيلق سرايا",
    LOC: "طريق شارع مطار ميناء ملعب استاد جسر نفق حي باب جامع مسجد ميدان ساحة قصر حديقة قاعدة كورنيش محطة مدينة",
    MISC: "جائزة كأس دوري برنامج وسام مسابقة",
}
_FACILITY_TYPES = {name_key(noun): kind for kind, nouns in _NAMED_AFTER_A_PERSON.items() for noun in nouns.split()}
_FACILITY_NOUNS = frozenset(_FACILITY_TYPES)
# Given names whose first letter is و with no vowel after it, which the tagger's list lacks (وليم باسيلي is no
# و + ليم); kept here so that the tagger's features, and so the shipped model, stay as trained.
_NAMES_OPENING_WITH_WA = frozenset(
    normalise(name) for name in "وجدي وديع وضاح وداد وصفي وهبة وهيب وفيق وجيه وليم والتر ولفغانغ".split()
)
# Bodies of water whose names go on with definite words only (البحر الأحمر، الخليج العربي، المحيط الهندي).
_WATERS = frozenset(normalise(word) for word in ("البحر", "الخليج", "المحيط"))
_THE_GULF = normalise("الخليج")
# Nouns that open names of bodies and places, so a clitic before one is no part of the name.
_NAME_HEADS = _FACILITY_NOUNS | frozenset(name_key(head) for head in _ORGANISATION_HEADS)
# Those before which a name without a title names the body or the thing too (كتيبة طارق بن زياد، جامعة محمد
# الخامس، دوري عبد اللطيف جميل، جائزة نوبل).
_NAMED_WITHOUT_A_TITLE = frozenset(
    name_key(noun)
    for noun in "كتيبة كتائب لواء ألوية فيلق سرايا جامعة مستشفى مطار مؤسسة جامع مسجد جائزة كأس دوري".split()
)
_MAX_TITLE_WORDS = 3  # خادم الحرمين الشريفين
_MAX_FACILITY_ADJECTIVES = 2  # مدينة الملك فهد الطبية، مطار الملك خالد الدولي
# Outlet words that also open other names: firms, products and sites (شركة، مؤسسة، موقع فوردو).
_NOT_MEDIA = frozenset(normalise(word) for word in ("شركة", "مؤسسة", "موقع", "الموقع"))
# A nisba with the accusative ending (أميركياً، روسيّاً، دولياً): an adverb or "Americans" after a number, no name.
_ADVERBIAL_NISBA = regex.compile(r"ي\p{Mn}*(?:ا\p{Mn}*\N{ARABIC FATHATAN}|\N{ARABIC FATHATAN}\p{Mn}*ا)\p{Mn}*$")
# Titles after مدينة that name a campus or a project after a royal, not a town.
_ROYAL_TITLES = frozenset(normalise(word) for word in ("الملك", "الأمير", "الملكة", "الأميرة"))
# Particles as written (على, not the name علي it normalises to): never a name alone, nor a place after منطقة.
_PARTICLES = frozenset("على في من إلى الى أو او عن مع ثم أن إن أنّ إنّ لا ما قد".split())
# The given name علي as written (with ya, not the alef maqsura of the particle على), alone or after و,
# and how many name words after it make a person the tagger missed (علي حسن الشمري).
_ALI = frozenset(("علي", "وعلي"))
_MAX_NAME_WORDS_AFTER_ALI = 3
# The word God and its forms after ل, which open pious formulas (الله الهادي، لله درك), folded.
_GOD = frozenset(("الله", "لله"))
# The shortest function word taken off the end of a name of several words, in letters.
_MIN_TRIMMED_FUNCTION_WORD = 3
# Prepositions with a pronoun and adverbs that, like the function words of content terms, are no name alone
# (قال لي، وحينها).
_MORE_FUNCTION_WORDS = (
    "لي له لها لهم لهما لنا لك لكم بي به بها بهم منه منها عنه عنها فيه فيها عليه عليها إليه إليها معه معها "
    "لديه لديها حينها عندها عندئذ حينئذ سوف إذ إذا لو لولا كي لكي بل"
)
# How common (wordfreq Zipf) a word must be for a letter before it to be read as a proclitic in a name of a
# thing or a body, when the word with that letter is rarer (بنظام is ب + نظام; كندا stays, ندا is rarer).
_COMMON_WORD_ZIPF = 4
# Dashes and a tatweel standing alone, which separate names in lists and bylines.
_DASHES = "-\u2013\u2014\u0640"
_TANWEEN = regex.compile("[\u064B-\u064D]")
# An imperfect verb in the plural (يتساقطون، ويقولون): no name ends with one.
_PRESENT_PLURAL_VERB = regex.compile(r"^[وف]?[يت]\w{3,}ون$")
# An imperfect verb with the future prefix and the plural ending (سيغادرون، وسيعودون): no name starts with one.
_FUTURE_PLURAL_VERB = regex.compile(r"^[وف]?س[يتن]\w{2,}ون$")
# Which candidate wins between overlapping spans of the same length (lower wins).
PRIORITY_ALIAS, PRIORITY_LATIN, PRIORITY_SURNAME, PRIORITY_TAGGER, PRIORITY_REPEAT = 0, 1, 2, 3, 4


class Tagger(Protocol):
    def tag_sentences(self, sentences: Iterable[Sequence[str]]) -> list[list[str]]:
        """BIO tags for the sentences of one document, tagged together (the second pass reads them all)."""
        ...


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """One curated entity of ``aliases.json``."""

    id: str
    type: str
    name: str
    name_en: str | None
    country: str | None = None  # ISO code of a country entry
    government_of: str | None = None  # id of the country a capital stands for
    near: str | None = None  # a place that an area outside the gazetteer is near


@dataclass(frozen=True, slots=True)
class AliasTable:
    """The curated names: an index for finding them in text and one for linking."""

    entries: dict[str, AliasEntry]
    # first token form -> (following token forms, entry, only with the full name in the document)
    in_text: dict[str, list[AliasForm]]  # first word of a name -> the names it may begin
    by_key: dict[str, AliasEntry]  # name_key -> entry, every name of an entry
    by_document_key: dict[str, AliasEntry]  # name_key of a short form valid beside the full name


class AliasForm(NamedTuple):
    """A curated name as it is found in text: its words after the first, and how many of its
    first words are a title kept out of the mention (الملك in الملك سلمان)."""

    rest: tuple[str, ...]
    entry: AliasEntry
    document_only: bool
    title_words: int = 0


def token_form(text: str) -> str:
    """The form tokens are compared by: normalised, Latin case-folded."""
    return normalise(text).casefold()


def _forms(name: str) -> tuple[str, ...]:
    return tuple(token_form(name[t.start : t.end]) for t in iter_tokens(name))


@cache
def alias_table() -> AliasTable:
    data = json.loads(resources.files("marsad.data").joinpath("aliases.json").read_text(encoding="utf-8"))
    entries: dict[str, AliasEntry] = {}
    in_text: dict[str, list[AliasForm]] = {}
    by_key: dict[str, AliasEntry] = {}
    by_document_key: dict[str, AliasEntry] = {}

    outlet_words = _titles().outlet
    for item in data["entities"]:
        entry = AliasEntry(
            item["id"],
            item["type"],
            item["name"],
            item.get("name_en"),
            item.get("country"),
            item.get("government_of"),
            item.get("near"),
        )
        entries[entry.id] = entry
        findable = list(item["aliases"]) + ([] if item.get("name_link_only") else [item["name"]])
        for name in [item["name"], *item["aliases"], *item.get("link_only", ())]:
            by_key.setdefault(name_key(name), entry)
        for forms in map(_forms, findable):
            if len(forms) > 1 and forms[0] in outlet_words and not forms[1].startswith(_ARTICLE):
                continue  # صحيفة نيويورك تايمز: the name without the outlet word is found instead
            title_words = _title_length(forms, 0, len(forms))  # الملك سلمان: found, with the title out of the span
            if title_words < len(forms):
                in_text.setdefault(forms[0], []).append(AliasForm(forms[1:], entry, False, title_words))
        for name in item.get("document_aliases", ()):
            forms = _forms(name)
            in_text.setdefault(forms[0], []).append(AliasForm(forms[1:], entry, True))
            by_document_key.setdefault(name_key(name), entry)
    for candidates in in_text.values():
        candidates.sort(key=lambda candidate: -len(candidate.rest))
    return AliasTable(entries, in_text, by_key, by_document_key)


@dataclass(frozen=True, slots=True)
class _Titles:
    person: dict[str, list[tuple[str, ...]]]  # first form -> following forms, longest first
    person_qualifiers: frozenset[str]
    outlet: frozenset[str]
    given_names: frozenset[str]
    not_surnames: frozenset[str]
    not_names: frozenset[str]  # name keys
    latin_not_names: frozenset[str]  # lower case


@cache
def _titles() -> _Titles:
    data = json.loads(resources.files("marsad.data").joinpath("titles.json").read_text(encoding="utf-8"))
    person: dict[str, list[tuple[str, ...]]] = {}
    for title in data["person"]:
        forms = _forms(title)
        person.setdefault(forms[0], []).append(forms[1:])
    for rests in person.values():
        rests.sort(key=len, reverse=True)
    names = resources.files("marsad.data").joinpath("ner", "given_names.txt").read_text(encoding="utf-8")
    given = frozenset(token_form(line) for line in names.splitlines() if line and not line.startswith("#"))
    return _Titles(
        person,
        frozenset(token_form(q) for q in data["person_qualifiers"]),
        frozenset(token_form(o) for o in data["outlet"]),
        given,
        frozenset(token_form(word) for word in data["not_surnames"]),
        frozenset(name_key(word) for word in data["not_names"]),
        frozenset(data["latin_not_names"]),
    )


@cache
def _not_standing_for_full_names() -> frozenset[str]:
    titles = _titles()
    return frozenset(name_key(word) for word in (*titles.given_names, *titles.not_surnames))


def may_stand_for_a_full_name(key: str) -> bool:
    """Whether a one-word person's name (a :func:`name_key`) may be the surname of a full name elsewhere: no given
    name (سلمان، سعود) and no word kept off surnames (الثاني، باشا)."""
    return key not in _not_standing_for_full_names()


@cache
def outlet_keys() -> frozenset[str]:
    """Words naming a kind of outlet (صحيفة، وكالة), as :func:`name_key` gives them."""
    data = json.loads(resources.files("marsad.data").joinpath("titles.json").read_text(encoding="utf-8"))
    return frozenset(name_key(word) for word in data["outlet"])


@cache
def _place_words() -> tuple[frozenset[str], frozenset[str]]:
    """Qualifiers that belong in a place span before the name (ريف، محافظة), and directions after it."""
    data = json.loads(resources.files("marsad.data").joinpath("places.json").read_text(encoding="utf-8"))
    before = frozenset(name_key(w) for w in data["span_prefixes"])
    return before, frozenset(token_form(w) for w in data["directions"])


@lru_cache(maxsize=1 << 16)
def clitic_variants(form: str, min_stem: int = MIN_STEM) -> tuple[tuple[str, int], ...]:
    """A token form and its readings without proclitics, as (form, normalised letters dropped).

    لل reads as ل + ال: the variant is ``ال`` + the rest, dropping both lams; it also reads as ل before a
    word opening with ل (للبنان). A reading keeps more than ``min_stem`` letters.
    """
    variants = [(form, 0)]
    i = 0
    if len(form) - 1 > min_stem and form[0] in _CONJUNCTIONS:
        i = 1
        variants.append((form[1:], 1))
    if len(form) - i - 1 > min_stem and form[i] in _PREPOSITIONS:
        if form.startswith("لل", i):
            variants.append((_ARTICLE + form[i + 2 :], i + 2))
            variants.append((form[i + 1 :], i + 1))  # للبنان: ل + لبنان
        else:
            variants.append((form[i + 1 :], i + 1))
    return tuple(variants)


def _clitics_before(form: str, words: frozenset[str]) -> int | None:
    """Letters of clitics before a word of ``words`` that ``form`` holds (ريف in بريف), else None.

    The words form a closed list, so a short one is read after a clitic too (بحي، وبريف).
    """
    return next((dropped for variant, dropped in clitic_variants(form, min_stem=1) if name_key(variant) in words), None)


def _name_form(form: str, dropped: int) -> str:
    """The reading of a token form without its first ``dropped`` letters of clitics (للمرصد, 2: المرصد)."""
    return next(variant for variant, letters in clitic_variants(form, min_stem=1) if letters == dropped)


def _is_known(form: str, following: Sequence[str] = ()) -> bool:
    """A curated name, a given name or a place name (a short one only for a city: جدة but not اري)."""
    if form in _titles().given_names:
        return True
    key = name_key(" ".join((form, *following)))
    if key in alias_table().by_key:
        return True
    return place_population(key) >= (0 if len(key) >= _MIN_PLACE_LETTERS else _MIN_SHORT_PLACE_POPULATION)


def name_offset(form: str, following: Sequence[str] = ()) -> int:
    """How many normalised letters of a token's form are clitics before the name it holds.

    ``following`` are the forms of the name's other words (لدير followed by الزور).
    Before a word that is not known, و is a conjunction unless a vowel follows it or the word with it is the
    commoner: وسامر is و + سامر but ويليام is William and وحدات a word.
    """
    variants = clitic_variants(form)
    if len(variants) == 1 or form in _NAMES_OPENING_WITH_WA or name_key(form) in _NAME_HEADS \
            or _is_known(form, following):
        return 0  # وزارة، وكالة: the head noun itself, no و before زارة
    for variant, dropped in variants[1:]:
        known = _is_known(variant, following) or variant.startswith(_ARTICLE)
        if (known and not _commoner_whole(form, variant)) or name_key(variant) in _NAME_HEADS:
            return dropped  # بالرقة is ب + الرقة (but ولاية no و + لاية); بجامعة نايف: the name opens with جامعة
    if form[0] == "و" and form[1] not in "اي" and not _commoner_whole(form, form[1:]):
        return 1  # وسامر is و + سامر, but وحدات and ولاية are words of their own
    return 0


@dataclass(slots=True)
class _Candidate:
    first: int  # token indices, last exclusive
    last: int
    type: str
    priority: int
    dropped: int = 0  # normalised letters of the first token left out (clitics)
    entry: AliasEntry | None = field(default=None)


class _Text:
    """A document's tokens with the forms the rules compare."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.tokens: Sequence[Token] = doc.tokens
        self.forms = [t.norm.casefold() for t in self.tokens]
        self.starts = [t.start for t in self.tokens]
        # Whether the document writes the particle على with its alef maqsura, so that علي in it is the name
        # (some outlets write both علي).
        self.writes_the_particle = "على" in doc.text

    def surface(self, index: int) -> str:
        token = self.tokens[index]
        return self.doc.text[token.start : token.end]

    def span(self, candidate: _Candidate) -> tuple[int, int]:
        first = self.tokens[candidate.first]
        start = first.start + surface_offset(self.surface(candidate.first), candidate.dropped)
        return start, self.tokens[candidate.last - 1].end

    def sentence_range(self, start: int, end: int) -> tuple[int, int]:
        return bisect_left(self.starts, start), bisect_left(self.starts, end)


def _alias_hits(text: _Text) -> list[_Candidate]:
    table = alias_table()
    forms = text.forms
    hits: list[_Candidate] = []
    document_hits: list[_Candidate] = []
    named: set[str] = set()
    for i, form in enumerate(forms):
        best: tuple[int, int, AliasForm] | None = None  # length, dropped, name
        for variant, dropped in clitic_variants(form):
            for alias in table.in_text.get(variant, ()):
                length = 1 + len(alias.rest)
                if (best is None or length > best[0]) and tuple(forms[i + 1 : i + length]) == alias.rest:
                    best = (length, dropped, alias)
                    break
        if best is None:
            continue
        length, dropped, alias = best
        entry = alias.entry
        if "\n" in text.doc.text[text.tokens[i].start : text.tokens[i + length - 1].end]:
            continue
        if alias.title_words:
            hit = _Candidate(i + alias.title_words, i + length, entry.type, PRIORITY_ALIAS, 0, entry)
        else:
            hit = _Candidate(i, i + length, entry.type, PRIORITY_ALIAS, dropped, entry)
        if alias.document_only:
            document_hits.append(hit)
        else:
            named.add(entry.id)
            hits.append(hit)
    return hits + [hit for hit in document_hits if hit.entry and hit.entry.id in named]


def _latin_names(text: _Text) -> list[_Candidate]:
    """Runs of capitalised Latin words (with 'of', 'the' ... inside): The New York Times."""
    names = []
    tokens, forms = text.tokens, text.forms
    i = 0
    while i < len(tokens):
        if tokens[i].kind != LATIN or not text.surface(i)[0].isupper():
            i += 1
            continue
        last = i + 1
        j = i + 1
        while j < len(tokens) and text.doc.text[tokens[j - 1].end : tokens[j].start] in ("", " "):
            if tokens[j].kind == LATIN and text.surface(j)[0].isupper():
                last = j = j + 1
            elif forms[j] in _LATIN_CONNECTORS:
                j += 1
            else:
                break
        names.append(_Candidate(i, last, _latin_type(text, i, last), PRIORITY_LATIN))
        i = last
    return names


def _latin_type(text: _Text, first: int, last: int) -> str:
    surface = text.doc.text[text.tokens[first].start : text.tokens[last - 1].end]
    entry = alias_table().by_key.get(name_key(surface))
    if entry is not None:
        return entry.type
    if surface.isupper() and last - first == 1 and len(surface) <= _MAX_LATIN_ACRONYM:
        return ORG
    return ORG if text.forms[last - 1] in _LATIN_ORG_WORDS else MISC


def _tagger_spans(text: _Text, tagger: Tagger) -> list[_Candidate]:
    spans = []
    ranges = [text.sentence_range(sentence.start, sentence.end) for sentence in text.doc.sentences]
    ranges = [(first, last) for first, last in ranges if first < last]
    tagged = tagger.tag_sentences([[text.surface(i) for i in range(first, last)] for first, last in ranges])
    for (first, _), tags in zip(ranges, tagged, strict=True):
        current: _Candidate | None = None
        for offset, tag in enumerate(tags):
            i = first + offset
            dash = tag != "O" and _is_separating_dash(text, i)
            if current is not None and tag == "I-" + current.type and not dash:
                current.last = i + 1
                continue
            if current is not None:
                spans.append(current)
                current = None
            if tag != "O" and not dash:
                current = _Candidate(i, i + 1, tag[2:], PRIORITY_TAGGER)
        if current is not None:
            spans.append(current)
    return spans


def _is_separating_dash(text: _Text, i: int) -> bool:
    """A dash with spaces around it, or a tatweel alone, separates names (سعود – فيصل، أم محمد ـ الدمام);
    a hyphen inside one does not (F-16، آنت-مان)."""
    tokens = text.tokens
    if text.surface(i).strip(_DASHES) or not 0 < i < len(tokens) - 1:
        return False
    return tokens[i].start > tokens[i - 1].end and tokens[i + 1].start > tokens[i].end


def _title_length(forms: Sequence[str], i: int, last: int) -> int:
    """How many of ``forms[i:last]`` a person title at ``i`` takes (0 without one)."""
    for variant, _ in clitic_variants(forms[i]):
        for rest in _titles().person.get(variant, ()):
            if i + 1 + len(rest) <= last and tuple(forms[i + 1 : i + 1 + len(rest)]) == rest:
                return 1 + len(rest)
    return 0


def _skip_title(text: _Text, first: int, last: int) -> int:
    """The first token after any person titles (and the adjectives following them) at ``first``."""
    titles = _titles()
    forms = text.forms
    i = first
    while i < last:
        matched = _title_length(forms, i, last)
        if not matched:
            return i
        i += matched
        while i < last and (
            forms[i] in titles.person_qualifiers or _is_nisba(forms[i]) or text.tokens[i].kind == PUNCT
        ):
            i += 1
    return i


def _after_adjectives(forms: Sequence[str], first: int, last: int) -> int:
    """The first token after the adjectives that open a person's span (الليبيري، المعماري الكبير), keeping
    at least one token: an Arab surname of that form ends a name, it does not open one."""
    qualifiers = _titles().person_qualifiers
    i = first
    while i + 1 < last and (_is_nisba(split_clitics(forms[i]).with_article) or (i > first and forms[i] in qualifiers)):
        i += 1
    return i


def _is_nisba(form: str) -> bool:
    """A nationality or relation adjective with the article: الأميركي، السورية."""
    return form.startswith(_ARTICLE) and len(form) > 4 and form.endswith(("ي", "يه", "يين", "يون"))


def _trim(text: _Text, candidate: _Candidate) -> _Candidate | None:
    """A tagger span without titles, outlet words, punctuation and clitics; None when nothing is left."""
    first = _skip_title(text, candidate.first, candidate.last)
    forms = text.forms
    if candidate.type == PER and first + 1 < candidate.last and _is_nisba(split_clitics(forms[first]).with_article):
        after = _skip_title(text, _after_adjectives(forms, first, candidate.last), candidate.last)
        if after < candidate.last and _is_name_word(forms[after]):
            first = after  # الليبيري موسى بيليتي (but البغدادي يتساقطون is البغدادي)
    if candidate.type != PER and first + 1 < candidate.last and _FUTURE_PLURAL_VERB.match(forms[first]):
        first += 1  # سيغادرون سوريا: the place is سوريا
    if (
        first + 1 < candidate.last
        and _clitics_before(forms[first], _titles().outlet) is not None
        and not forms[first + 1].startswith(_ARTICLE)
    ):
        first += 1
    noun = _clitics_before(forms[first], _PLACE_NOUNS) if candidate.type == LOC and first + 1 < candidate.last else None
    if (
        noun is not None
        and name_key(_name_form(forms[first], noun)) not in _place_words()[0]
        and not _named_with_its_noun(forms, first, candidate.last, noun)
    ):
        first += 1  # وبحي الفردوس: the place is الفردوس (ريف and محافظة stay, see _extend_place)
    last = candidate.last
    while last > first and text.tokens[last - 1].kind == PUNCT:
        last -= 1
    while first < last and text.tokens[first].kind == PUNCT:
        first += 1
    if first == last:
        return None
    if last - first == 1 and _clitics_before(forms[first], _PLACE_NOUNS) is not None:
        return None  # لمدينة alone: the noun, not the name after it (found by _places_after_nouns)
    kind = candidate.type
    while kind == PER and last - first > 1 and (
        _is_prepositional_noun(forms[last - 1]) or _PRESENT_PLURAL_VERB.match(forms[last - 1])
    ):
        last -= 1  # أبو بكر البغدادي للهاربين، البغدادي يتساقطون: no preposition or verb ends a name
    while last - first > 1 and _TANWEEN.search(text.surface(last - 1)):
        last -= 1  # ودير الزور رشىً: a noun with a case ending closes no name
    if kind == LOC and split_clitics(forms[first]).with_article in _WATERS:
        # حالة البحر متوسط الموج، الرياح على الخليج العربي شرقية: a definite noun and an indefinite
        # adjective are a clause (a weather report), not a name, which ends before the indefinite word
        last = next((i for i in range(first + 1, last) if not forms[i].startswith(_ARTICLE)), last)
        if last - first == 1 and split_clitics(forms[first]).with_article != _THE_GULF:
            return None  # البحر alone is the sea, not a name (but الخليج is the Gulf)
    if kind == PER and last - first > 1 and all(form.startswith(_ARTICLE) for form in forms[first:last]):
        return None  # الهيكل التنظيمي: a noun phrase, not a person
    dropped = name_offset(forms[first], forms[first + 1 : last]) if text.tokens[first].kind == WORD else 0
    if not dropped and kind == LOC and _conjoined_place(text, first):
        dropped = 1
    if not dropped and kind in (ORG, MISC) and text.tokens[first].kind == WORD:
        dropped = _clitic_of_a_common_word(forms[first])
    if kind in (MISC, PER):
        key = name_key(" ".join((_name_form(forms[first], dropped), *forms[first + 1 : last])))
        if kind == MISC and len(key) >= _MIN_PLACE_LETTERS and place_population(key) >= _MIN_SHORT_PLACE_POPULATION:
            kind = LOC  # «دير الزور» in quotes is still the city
        elif kind == PER and last - first > 1 and place_population(key) >= 0:
            kind = LOC  # a place of several words the tagger took for a person (ودير الزور)
    return _Candidate(first, last, kind, candidate.priority, dropped)


def _conjoined_place(text: _Text, index: int) -> bool:
    """Whether a place name opening with و is و + a far larger place of the country of the place listed before it
    (في الرياض وجدة، والقطيف، وجدة: Jeddah; مدينة وجدة stays Oujda)."""
    form = text.forms[index]
    if not form.startswith("و") or index == 0:
        return False
    rest = name_key(form[1:])
    if place_population(rest) < _CONJOINED_PLACE_RATIO * max(place_population(name_key(form)), 1):
        return False
    previous = index - 1
    if text.tokens[previous].kind == PUNCT and text.surface(previous) in ",،" and previous > 0:
        previous -= 1
    if _clitics_before(text.forms[previous], _PLACE_NOUNS) is not None:
        return False  # مدينة وجدة: the noun of a place, not a place
    countries = {place.country for place in place_candidates(rest)}
    return any(
        place.country in countries
        for variant, _ in clitic_variants(text.forms[previous])
        for place in place_candidates(variant)
    )


def _named_with_its_noun(forms: Sequence[str], first: int, last: int, dropped: int) -> bool:
    """Whether a place noun is part of the name: the gazetteer knows the whole (المدينة المنورة) but not the rest,
    or the whole is a curated name (المنطقة الشرقية is Saudi Arabia's Eastern Province, الشرقية alone Egypt's)."""
    whole = name_key(" ".join((_name_form(forms[first], dropped), *forms[first + 1 : last])))
    if is_curated_place(whole):
        return True
    return place_population(whole) >= 0 and place_population(name_key(" ".join(forms[first + 1 : last]))) < 0


def _after_a_number(text: _Text, index: int) -> bool:
    """Whether token ``index`` comes right after a number in digits or words (اثنين، 300)."""
    if index == 0 or text.doc.text[text.tokens[index - 1].end : text.tokens[index].start].strip():
        return False
    previous = text.tokens[index - 1]
    return previous.kind == NUMBER or number_word_value(text.surface(index - 1)) is not None


def _zipf(form: str) -> int:
    """How common a word is: its wordfreq Zipf frequency, rounded down (0 when unlisted)."""
    return int(load_tagger().features.lexicon.usage.get(form, ("0",))[0])


def _commoner_whole(form: str, variant: str) -> bool:
    """Whether wordfreq uses a word more than its reading without a clitic (بالوتيلي, Balotelli, is no ب + الوتيلي;
    بالرقة is rarer than الرقة, والقوقاز as rare as القوقاز)."""
    return _zipf(form) > _zipf(variant)


def _clitic_of_a_common_word(form: str) -> int:
    """Letters of a proclitic before a much more frequent word (بنظام التشغيل، بكأس العالم: نظام and كأس are
    used ten times as often as the word with ب), which names of things and bodies open with; 0 if none.
    Not for persons' names, whose first letter may look like one (بسام)."""
    whole = _zipf(form)
    for variant, dropped in clitic_variants(form)[1:]:
        frequency = _zipf(variant)
        if frequency >= _COMMON_WORD_ZIPF and frequency > whole:
            return dropped
    return 0


def _is_accusative_noun(form: str) -> bool:
    """Whether a word is a common noun with the accusative alef (بلاغا، دعما): its bare form is used with the
    article, as names are not, and is no given name."""
    if not form.endswith("ا") or len(form) < 4 or form.startswith(_ARTICLE):
        return False  # البا (Alba): a word with the article takes no accusative alef
    lexicon = load_tagger().features.lexicon
    bare = form[:-1]
    usage = lexicon.usage.get(bare)
    return usage is not None and usage[1] in ("1", "2", "3") and bare not in lexicon.given_names


def _is_common_noun_not_a_place(name: str) -> bool:
    """Whether a word the tagger took for a place is a common noun that no list knows as a place: one used with
    the article three times in four (بترول، نفط), or one with the article that the gazetteer knows only as a town
    abroad named without it (الليمون, Limón)."""
    if name_key(name) in alias_table().by_key or geocode(name) is not None:
        return False
    form = match_key(name)
    if form.startswith(_ARTICLE):
        return bool(place_candidates(name))
    usage = load_tagger().features.lexicon.usage.get(form)
    return usage is not None and usage[1] == "3"


def _is_nationality(form: str) -> bool:
    """A nationality adjective of the tagger's list, with the article or a proclitic (الروسي، والروسي)."""
    split = split_clitics(form)
    nationalities = load_tagger().features.lexicon.triggers.get("nationality", ())
    return split.with_article.startswith(_ARTICLE) and split.stem in nationalities  # not بلاتيني, Platini


def _is_page_text(surface: str) -> bool:
    """Whether a Latin-script mention is text of the page rather than a name: all in lower case (px, email
    protected), code (backButton, existing-createdDate), a phrase with lower-case words that are no name particles
    (Our website is using cookies), or only words of page furniture, dates and units (GMT, September 22)."""
    if surface == surface.lower() or _CODE_WORD.match(surface):
        return True
    words = surface.split()
    if any(word.isalpha() and word.islower() and word not in _LATIN_NAME_PARTICLES for word in words):
        return True
    return all(word.lower() in _titles().latin_not_names or word.isdigit() or word in _DASHES for word in words)


def _is_name_word(form: str) -> bool:
    """Whether a word may go on a person's name: a known given name or name word, or a name joiner (بن، آل)."""
    lexicon = load_tagger().features.lexicon
    forms = (form, split_clitics(form).with_article)
    return form in _JOINERS or any(f in lexicon.given_names or f in lexicon.person_names for f in forms)


def _is_prepositional_noun(form: str) -> bool:
    """A definite noun after a preposition (للهاربين، بالذل), but not الله in a name (المعتصم بالله)."""
    return form.startswith(("لل", "بال", "كال")) and not form.endswith(("الله", "لله"))


def _extend_person(text: _Text, candidate: _Candidate) -> None:
    """Take in the rest of a name after a joining word (محمد بن راشد | آل مكتوم), the given name علي written
    with ya just before it, which the tagger reads as the particle على (علي | عبدالله صالح), and the first half
    of a compound given name before الله (فتح | الله غولن)."""
    tokens = text.tokens
    first = candidate.first
    if (
        candidate.dropped == 0
        and first > 0
        and text.surface(first - 1) in _ALI
        and tokens[first].start - tokens[first - 1].end == 1
        and text.writes_the_particle
    ):
        candidate.first = first - 1
        candidate.dropped = len(text.surface(first - 1)) - len("علي")  # وعلي: the name starts after و
    elif (
        first > 0
        and text.forms[first] in _GOD
        and tokens[first - 1].kind == WORD
        and tokens[first].start - tokens[first - 1].end == 1
    ):
        candidate.first = first - 1  # فتح | الله غولن: no name opens with الله, which ends a compound given name
        candidate.dropped = name_offset(text.forms[first - 1], text.forms[first : candidate.last])
    _extend_over_joiners(text, candidate, joiner_after=True)


def _named_after_a_person(text: _Text, candidate: _Candidate) -> _Candidate:
    """A titled person's name after the noun of a body or a place names that body or place, with the
    adjectives after it (بمستشفى الملك فهد التخصصي، طريق الملك عبدالعزيز), and so does a name without a
    title after a few nouns (كتيبة طارق بن زياد); else the person as found."""
    forms, first = text.forms, candidate.first
    title = next(
        (start for start in range(first - 1, max(first - _MAX_TITLE_WORDS, 0) - 1, -1)
         if _title_length(forms, start, first) == first - start),
        first,
    )
    if title == 0:
        return candidate
    dropped = _clitics_before(forms[title - 1], _FACILITY_NOUNS if title < first else _NAMED_WITHOUT_A_TITLE)
    if dropped is None or split_clitics(forms[title - 1]).article or any(
        text.tokens[i].kind != WORD for i in range(title - 1, first)
    ):
        return candidate  # مدير الجامعة الدكتور: the noun with its article is no part of a name
    if title > 1 and forms[title - 2] == "عن" and name_key(forms[title - 1]) == "طريق":
        return candidate  # عن طريق الأمير نايف: through the prince, no road
    last = candidate.last
    while last < len(forms) and last - candidate.last < _MAX_FACILITY_ADJECTIVES and _is_nisba(forms[last]):
        last += 1
    kind = _FACILITY_TYPES[name_key(_name_form(forms[title - 1], dropped))]
    return replace(candidate, first=title - 1, last=last, type=kind, dropped=dropped)


def _extend_over_joiners(text: _Text, candidate: _Candidate, *, joiner_after: bool) -> None:
    """Take in the word after a joining word that ends a span (كتيبة طارق بن | زياد: no name ends on بن), and
    with ``joiner_after`` a joining word and its name right after the span (a person's محمد بن راشد | آل مكتوم)."""
    forms, tokens = text.forms, text.tokens
    while True:
        last = candidate.last
        if forms[last - 1] in _JOINERS:  # the span stops on the joining word itself
            added = range(last, last + 1)
        elif joiner_after and last < len(forms) and forms[last] in _JOINERS:
            added = range(last, last + 2)
        else:
            return
        if added.stop > len(forms) or any(
            tokens[i].kind != WORD or tokens[i].start - tokens[i - 1].end > 1 for i in added
        ):
            return
        candidate.last = added.stop


def _extend_place(text: _Text, candidate: _Candidate) -> None:
    """Take in a qualifier before a place (بريف حلب) and directions after it (ريف حلب الشمالي الشرقي), or the
    word after a head word the tagger took alone (تل of تل علي)."""
    before, directions = _place_words()
    forms = text.forms
    first = candidate.first
    qualifier = _clitics_before(forms[first], before)
    if qualifier is None and first > 0 and text.tokens[first - 1].end + 1 >= text.tokens[first].start:
        qualifier = _clitics_before(forms[first - 1], before)
        if qualifier is not None:
            candidate.first = first - 1
    if qualifier is not None:
        candidate.dropped = qualifier  # بريف حلب: the span opens at ريف
        if candidate.first + 1 < len(forms):
            _extend_to_known_place(text, candidate, candidate.first + 1)
        while candidate.last < len(forms) and forms[candidate.last] in directions:
            candidate.last += 1
    elif candidate.last - candidate.first == 1 and _name_form(forms[first], candidate.dropped) in _PLACE_NAME_HEADS:
        following = candidate.last
        if (
            following < len(forms)
            and text.tokens[following].kind == WORD
            and text.tokens[following].start == text.tokens[first].end + 1
            and not _ends_place_name(text, following)
            and forms[following][:1] not in _CONJUNCTIONS + _PREPOSITIONS
        ):
            candidate.last += 1  # تل علي، باب الهوى: a head word is no place alone
    else:
        _extend_back_to_known_place(text, candidate)
        _extend_to_known_place(text, candidate, candidate.first)


def _extend_back_to_known_place(text: _Text, candidate: _Candidate) -> None:
    """Take in the word before a place span when the two make a name the gazetteer knows (جنوب | أفريقيا), but not
    a word for a kind of place (منطقة الرياض: the region is named by its city's name, see _trim)."""
    first = candidate.first
    if first == 0 or text.tokens[first - 1].kind != WORD or text.tokens[first].start - text.tokens[first - 1].end > 1:
        return
    words = text.forms[first : candidate.last]
    words[0] = _name_form(words[0], candidate.dropped)
    for variant, dropped in clitic_variants(text.forms[first - 1]):
        if is_kind_of_place(name_key(variant)):
            return
        if place_population(name_key(" ".join((variant, *words)))) >= 0:
            candidate.first, candidate.dropped = first - 1, dropped  # وجنوب أفريقيا: South Africa
            return


def _extend_to_known_place(text: _Text, candidate: _Candidate, name_first: int) -> None:
    """Take in the words after a place span that make with the name (from token ``name_first``) a longer name the
    gazetteer knows (الكونغو | الديمقراطية، ولاية لوس | أنجلس)."""
    first_form = text.forms[name_first]
    words = [_name_form(first_form, candidate.dropped) if name_first == candidate.first else first_form]
    for i in range(name_first + 1, min(name_first + _MAX_PLACE_NAME_WORDS, len(text.forms))):
        if text.tokens[i].kind != WORD or text.tokens[i].start - text.tokens[i - 1].end > 1:
            break
        words.append(text.forms[i])
    for length in range(len(words), candidate.last - name_first, -1):
        if place_population(name_key(" ".join(words[:length]))) >= 0:
            candidate.last = name_first + length
            return


def _against_hits(candidate: _Candidate, hits_by_first: dict[int, _Candidate], text: _Text) -> list[_Candidate]:
    """A tagger span made consistent with the curated names inside it.

    A curated name plus adjectives (نيويورك تايمز الأمريكية) becomes the name; a
    curated person's name ends before a word that is no name (الملك سلمان الوفد);
    a curated organisation followed by a person's name is the two (قائد قوات سوريا
    الديمقراطية مظلوم عبدي); a span running into a curated name of another type
    through a preposition (ماثيو ميلر لبوليتيكو) stops before it.
    """
    forms = text.forms
    hit = hits_by_first.get(candidate.first)
    if hit and hit.last < candidate.last:
        rest = forms[hit.last : candidate.last]
        if all(_is_nisba(f) for f in rest) or (hit.type == PER and not _is_name_word(rest[0])):
            return [hit]
        if hit.type == ORG and _is_name_word(rest[0]):
            person = _Candidate(hit.last, candidate.last, PER, candidate.priority)
            while person.last < len(forms) and text.tokens[person.last].kind == WORD and _is_name_word(forms[person.last]):
                person.last += 1
            return [hit, person]
    for i in range(candidate.first + 1, candidate.last):
        hit = hits_by_first.get(i)
        if hit and hit.dropped and hit.type != candidate.type:
            return [_Candidate(candidate.first, i, candidate.type, candidate.priority, candidate.dropped)]
    return [candidate]


def _repeats(text: _Text, found: list[_Candidate], places: set[str]) -> list[_Candidate]:
    """Names found once, found again where the tagger missed them; a person's surname alone (إيهو) too, unless
    it is one of ``places``, names the document writes after a place noun."""
    names: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
    for candidate in found:
        if candidate.type not in _REPEATED_TYPES:
            continue
        first = _name_form(text.forms[candidate.first], candidate.dropped)
        forms = (first, *text.forms[candidate.first + 1 : candidate.last])
        if len(forms) > 1 or not first.startswith(_ARTICLE):  # الدولة alone is too often a common noun
            names.setdefault(forms[0], []).append((forms[1:], candidate.type, PRIORITY_REPEAT))
        surname = forms[-1]
        if (
            candidate.type == PER
            and len(forms) > 1
            and len(surname) > MIN_STEM
            and surname not in _titles().not_surnames
            and surname not in places  # علي البوكمال, a misread, does not make the town of مدينة البوكمال a person
        ):
            # the surname of a person named in full outranks the tagger (كاميرون is not Cameroon here)
            names.setdefault(surname, []).append(((), PER, PRIORITY_SURNAME))
    repeats = []
    forms = text.forms
    for i, form in enumerate(forms):
        for variant, dropped in clitic_variants(form):
            match = next(
                (name for name in names.get(variant, ()) if tuple(forms[i + 1 : i + 1 + len(name[0])]) == name[0]),
                None,
            )
            if match:
                rest, kind, priority = match
                repeats.append(_Candidate(i, i + 1 + len(rest), kind, priority, dropped))
                break
    return repeats


def _places_named_after_nouns(text: _Text, found: list[_Candidate]) -> set[str]:
    """One-word place names the document writes after a place noun somewhere (مدينة البوكمال): places wherever."""
    return {
        _name_form(text.forms[c.first], c.dropped)
        for c in found
        if c.type == LOC and c.last - c.first == 1 and c.first > 0 and _after_place_noun(text, c.first)
    }


def _after_place_noun(text: _Text, index: int) -> bool:
    """Whether token ``index`` comes right after an indefinite place noun (مدينة، بلدة، قرية، حي، منطقة)."""
    return _indefinite_place_noun(text.forms[index - 1]) is not None


def _indefinite_place_noun(form: str) -> int | None:
    """Letters of clitics before an indefinite place noun that ``form`` is (بقرية: 1), else None."""
    dropped = _clitics_before(form, _PLACE_NOUNS)
    return None if dropped is None or _name_form(form, dropped).startswith(_ARTICLE) else dropped


def _places_after_nouns(text: _Text, found: list[_Candidate]) -> list[_Candidate]:
    """Places named after an indefinite place noun (بقرية الشفة، مدينة معرة النعمان) that no mention covers whole."""
    by_first = {candidate.first: candidate for candidate in found}
    before, _ = _place_words()
    places = []
    for i, form in enumerate(text.forms[:-1]):
        dropped = _indefinite_place_noun(form)
        if dropped is None:
            continue
        named = by_first.get(i + 1)
        if named is not None and named.type in (PER, MISC) and named.entry is None:
            named.type = LOC  # قرية أبو ميال: a village, not a person
        length = _place_name_length(text, i + 1)
        if not length:
            continue
        if name_key(_name_form(form, dropped)) in before:  # ريف حلب: the qualifier is part of the place
            candidate = _Candidate(i, i + 1 + length, LOC, PRIORITY_REPEAT, dropped)
            _extend_place(text, candidate)
        else:
            candidate = _Candidate(i + 1, i + 1 + length, LOC, PRIORITY_REPEAT)
        overlapping = [c for c in found if c.first < candidate.last and candidate.first < c.last]
        size = candidate.last - candidate.first
        if all(candidate.first <= c.first and c.last <= candidate.last and c.last - c.first < size for c in overlapping):
            places.append(candidate)  # the tagger missed the name, or cut it (تل of تل علي)
    return places


def _persons_named_ali(text: _Text, found: list[_Candidate]) -> list[_Candidate]:
    """Persons named علي that the tagger missed, reading it as the particle على (المتحدث باسم المقاومة، علي
    الأحمدي): علي written with ya and followed by name words, in a document that writes the particle على."""
    if not text.writes_the_particle:
        return []
    taken = {i for candidate in found for i in range(candidate.first, candidate.last)}
    forms, tokens = text.forms, text.tokens
    persons = []
    for i in range(len(tokens) - 1):
        if forms[i] not in _ALI or i in taken or text.surface(i) not in _ALI:  # the form of على too: check as written
            continue
        last = i + 1
        while (
            last < len(tokens)
            and last - i <= _MAX_NAME_WORDS_AFTER_ALI
            and last not in taken
            and tokens[last].kind == WORD
            and tokens[last].start - tokens[last - 1].end == 1
            and not _is_function_word(text.surface(last))
            and not _title_length(forms, last, len(forms))
            and _is_name_word(forms[last])
        ):
            last += 1
        if last > i + 1:
            persons.append(_Candidate(i, last, PER, PRIORITY_TAGGER, len(text.surface(i)) - len("علي")))
    return persons


def _place_name_length(text: _Text, first: int) -> int:
    """How many words from token ``first`` make a place name: those the gazetteer knows, else one, or two for a compound."""
    forms, tokens = text.forms, text.tokens
    words = []
    for i in range(first, min(first + _MAX_PLACE_NAME_WORDS, len(forms))):
        if tokens[i].kind != WORD or _ends_place_name(text, i) or tokens[i].start - tokens[i - 1].end > 1:
            break
        words.append(forms[i])
    if not words or _clitics_before(words[0], _PLACE_NOUNS) is not None or text.surface(first) in _PARTICLES:
        return 0
    if _is_prepositional_noun(words[0]):
        return 0  # منطقة للألعاب: an area for games, not a place named للألعاب
    if words[0].endswith(_POSSESSIVE_ENDINGS) and place_population(name_key(words[0])) < 0:
        return 0
    if not words[0].startswith(_ARTICLE) and words[0].endswith(("ي", "يه")) and place_population(name_key(words[0])) < 0:
        return 0  # منطقة عسكرية، حي سكني: an adjective
    for length in range(len(words), 1, -1):
        if place_population(name_key(" ".join(words[:length]))) >= 0:
            return length
    if words[0] in _ROYAL_TITLES:
        return 0  # مدينة الملك عبدالله الطبية: a campus named after a king (but بلدة السيدة زينب، حي الشيخ مقصود)
    if len(words) > 1 and not _is_nisba(words[1]) and words[1][:1] not in _CONJUNCTIONS + _PREPOSITIONS:
        construct = not words[0].startswith(_ARTICLE) and words[1].startswith(_ARTICLE)
        if words[0] in _PLACE_NAME_HEADS or (construct and place_population(name_key(words[0])) < 0):
            return 2  # تل عادة، معرة النعمان (but سراقب الواقعة, a known town, stays one word)
    return 1


def _ends_place_name(text: _Text, index: int) -> bool:
    """Whether token ``index`` is a word no place name goes on with (التي، شمال، في); علي written with ya
    after a head word is the name, not the particle على it normalises to (قرية تل علي)."""
    if text.forms[index] not in _NOT_PLACE_NAMES:
        return False
    return not (text.surface(index) == "علي" and index > 0 and text.forms[index - 1] in _PLACE_NAME_HEADS)


@cache
def _function_words() -> frozenset[str]:
    """Folded words never named alone: the function words of content terms but those that are also names
    (علي، أمام، كان the city of the festival, اليوم the newspaper)."""
    return (stopwords() - {"علي", "امام", "كان", "اليوم"}) | {fold(word) for word in _MORE_FUNCTION_WORDS.split()}


def _without_function_words(text: _Text, candidate: _Candidate) -> _Candidate:
    """A span of several words without a function word of three letters or more at either end (بحسب البي بي
    سي، فإن بلاتر، شينزو آبي إلى); shorter ones may be syllables of a name (جاك لو، لي كه تشيانغ)."""
    first, last = candidate.first, candidate.last

    def trimmed(index: int) -> bool:
        surface = text.surface(index)
        return last - first > 1 and len(fold(surface)) >= _MIN_TRIMMED_FUNCTION_WORD and _is_function_word(surface)

    def opens_before_given_name(index: int) -> bool:
        """A short function word before a given name is no syllable of the name (قال لي يوسف شاهين)."""
        given_names = _titles().given_names
        return last - index > 1 and _is_function_word(text.surface(index)) and text.forms[index + 1] in given_names

    while trimmed(first) or (last - first > 1 and text.surface(first) in _PARTICLES) or opens_before_given_name(first):
        first += 1  # على as written opens no name (على بلاتر), though it may end one (محمد على)
    while trimmed(last - 1):
        last -= 1
    if (first, last) == (candidate.first, candidate.last) or candidate.entry is not None:
        return candidate
    return replace(candidate, first=first, last=last, dropped=candidate.dropped if first == candidate.first else 0)


def _is_function_word(surface: str) -> bool:
    """Whether a one-word mention is a function word, with و or ف before it or not (لي، ولم، فإن); a bare
    alef after the ف is no hamza (فان of فان غال is a name, not فإن)."""
    words = _function_words()
    rest = surface[1:]
    return fold(surface) in words or (surface[:1] in ("و", "ف") and not rest.startswith("ا") and fold(rest) in words)


def _drop_clitics_written_apart(text: _Text, found: list[_Candidate]) -> None:
    """A letter before a name is a clitic when the document also names the same without any (لغولن after غولن,
    لصدام حسين after صدام حسين): another mention of the same type, written alone; a known name keeps it (وجدة)."""
    forms = text.forms
    alone = {(c.type, " ".join(forms[c.first : c.last])) for c in found if c.dropped == 0}
    for candidate in found:
        form = forms[candidate.first]
        if candidate.dropped or text.tokens[candidate.first].kind != WORD or _is_known(form):
            continue
        rest = forms[candidate.first + 1 : candidate.last]
        for variant, dropped in clitic_variants(form)[1:]:
            if (candidate.type, " ".join((variant, *rest))) in alone:
                candidate.dropped = dropped
                break


def _resolve(candidates: list[_Candidate]) -> list[_Candidate]:
    taken: set[int] = set()
    chosen = []
    for candidate in sorted(candidates, key=lambda c: (c.first - c.last, c.priority, c.first)):
        indices = range(candidate.first, candidate.last)
        if not taken.intersection(indices):
            taken.update(indices)
            chosen.append(candidate)
    return chosen


def _is_locative(text: _Text, candidate: _Candidate) -> bool:
    """Whether a capital is named as a place (في واشنطن، بواشنطن) rather than as its government."""
    if candidate.dropped and text.forms[candidate.first][candidate.dropped - 1] == "ب":
        return True
    window = range(max(0, candidate.first - 3), candidate.first)
    return any(_clitics_before(text.forms[i], LOCATIVE_WORDS) is not None for i in window)


def _final_type(text: _Text, candidate: _Candidate) -> str:
    entry = candidate.entry
    if entry is None and candidate.type in (PER, LOC) and candidate.last - candidate.first > 1 \
            and split_clitics(text.forms[candidate.first]).with_article in _ORGANISATION_HEADS:
        return ORG
    if entry is None and candidate.type == MISC and candidate.first > 0 \
            and _clitics_before(text.forms[candidate.first - 1], _titles().outlet - _NOT_MEDIA) is not None:
        return ORG  # بصحيفة الوئام: a newspaper (but صحيفة رفسنجاني may be his, موقع فوردو a site)
    if entry is None and candidate.type in (LOC, GPE):
        entry = alias_table().by_key.get(name_key(text.doc.text[slice(*text.span(candidate))]))
        if entry is not None and entry.type not in (LOC, GPE):
            entry = None
    if entry is None:
        return candidate.type
    if entry.government_of:
        return LOC if _is_locative(text, candidate) else GPE
    return entry.type


def mentions_in(doc: Document, tagger: Tagger | None) -> list[Mention]:
    """The mentions of ``doc`` (tokens and sentences set; times, if set, hold no names) with ``tagger``,
    or the rules alone without one."""
    text = _Text(doc)
    hits = _alias_hits(text)
    hits_by_first = {hit.first: hit for hit in hits}
    candidates = hits + _latin_names(text)
    for span in _tagger_spans(text, tagger) if tagger else ():
        trimmed = _trim(text, span)
        if trimmed is None:
            continue
        if trimmed.type == LOC:
            _extend_place(text, trimmed)
        elif trimmed.type == PER:
            _extend_person(text, trimmed)
            trimmed = _named_after_a_person(text, trimmed)
        else:
            _extend_over_joiners(text, trimmed, joiner_after=False)
        candidates += _against_hits(trimmed, hits_by_first, text)
    found = _resolve(candidates)
    found = _resolve(found + _places_after_nouns(text, found))
    found = _resolve(found + _persons_named_ali(text, found))
    places = _places_named_after_nouns(text, found)
    found = _resolve(found + _repeats(text, found, places))
    _drop_clitics_written_apart(text, found)
    for candidate in found:
        if candidate.type == PER and candidate.last - candidate.first == 1 and candidate.entry is None \
                and _name_form(text.forms[candidate.first], candidate.dropped) in places:
            candidate.type = LOC  # وتعد البوكمال after مدينة البوكمال: the town, whatever the tagger said here
    titles = _titles()
    surnames = {text.forms[c.last - 1] for c in found if c.type == PER and c.last - c.first > 1}
    mentions = []
    for candidate in map(partial(_without_function_words, text), found):
        start, end = text.span(candidate)
        surface = doc.text[start:end]
        if end - start < 2 or name_key(surface) in titles.not_names or all(map(is_unit_word, surface.split())):
            continue  # جنيه استرليني، الميغاواط: a currency or a unit, not a name
        kind = _final_type(text, candidate)
        one_word = candidate.last - candidate.first == 1
        if kind in (LOC, GPE) and QUOTE_PAIRS.get(doc.text[start - 1 : start]) == doc.text[end : end + 1] \
                and outlet_named(surface, alone=True):
            kind = ORG  # لـ«الشرق الأوسط»: a newspaper named after a place, in quotation marks
        if kind != MISC and number_word_value(text.surface(candidate.first)) is not None:
            continue  # تريليون وون: an amount, not a name (but a title may open with one: ألف ليلة وليلة)
        if kind != PER and fold(surface).partition(" ")[0] in _GOD:
            continue  # والله الهادي، ولله الحمد: a pious formula, not a name (but خلف الله is a person)
        if one_word and (
            surface in _PARTICLES
            or _is_function_word(surface)
            or (kind != PER and _ADVERBIAL_NISBA.search(surface))
            or (kind == PER and () in titles.person.get(text.forms[candidate.first], ()))
        ):
            continue  # قال لي، ولم: no name; الشيخ alone before a name: a title
        if any(time.start <= start and end <= time.end for time in doc.times):
            continue  # أبريل (نيسان) 2014: a month, not the car maker
        if kind in (LOC, GPE) and one_word and _after_a_number(text, candidate.first):
            continue  # اثنين بريطانيين: what a number counts, not a place
        if kind == LOC and one_word and not surface.startswith(_ARTICLE) and name_key(surface) in _FACILITY_NOUNS:
            continue  # في مسجد: the noun of a place alone, not its name (but الكورنيش is the corniche)
        if kind == LOC and one_word and _is_common_noun_not_a_place(surface):
            continue  # عصر الليمون، تطوير بترول ألاسكا: a common noun, not a place
        if kind == MISC and one_word and not surface.isascii() and len(name_key(surface)) <= _MAX_LETTER_NAME:
            continue  # إس of إس 400, الج: a Latin letter spelled out or a broken word, not a name
        if kind == PER and one_word and _is_nationality(text.forms[candidate.first]) \
                and text.forms[candidate.first] not in surnames:
            continue  # الرئيس الروسي، للدور الروسي: a nationality, not a person (but المصري after أبو حمزة المصري)
        if kind in (PER, MISC) and one_word and _is_accusative_noun(text.forms[candidate.first]):
            continue  # تلقت بلاغا: a common noun with the accusative alef, not a name
        if surface.isascii() and _is_page_text(surface):
            continue  # px, backButton, Our website is using cookies, GMT: page text, not a name
        if kind == PER and one_word and _TANWEEN.search(surface):
            form = text.forms[candidate.first]
            if not (_is_name_word(form) or _is_name_word(form.removesuffix("ا"))):
                continue  # دفعوا رشىً: a noun with a case ending, not a name (عليّاً is علي)
        mentions.append(Mention(start, end, kind))
    return sorted(mentions, key=lambda m: (m.start, m.end))


@component("mentions", assigns="mentions", requires=("tokens", "sentences", "times"))
def find_mentions(doc: Document, settings: Settings) -> list[Mention]:
    return mentions_in(doc, load_tagger())
