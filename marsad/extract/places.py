"""Geocoding place names with the GeoNames gazetteer shipped in ``marsad/data``.

The index (``gazetteer.tsv.gz``, rebuilt by ``scripts/build_gazetteer.py``)
maps the matching key of every Arabic name (:func:`name_key`) to its places.
A name is looked up after taking off the words that qualify it
(``marsad/data/places.json``):

- an administrative word (محافظة، ولاية) asks for the province, a settlement
  word (مدينة، بلدة، قرية) for the town; otherwise a country comes first (but
  a town in a country of the document beats a country outside them: عمان in a
  Jordanian story), then a town, then a province of the same name (الموصل is
  the city);
- a vicinity word or a direction (ريف حلب الشمالي، شرق دير الزور) gives the
  coordinates of the place it qualifies, marked approximate;
- among what is left, the most populous wins, a place in one of the countries
  of the document counting seven times its population (طرابلس in a Lebanese
  story, but جنيف stays Geneva in a story that names the United States), and a
  place in those countries wins a tie (منبج in Syria);
- an adjective of a country after the name picks that country (طرابلس الليبية),
  and a name of two words written as one is still found (ديرالزور).

Countries and provinces carry the coordinates of their capital or seat, so
they are approximate too. ``places.json`` also holds overrides for names the
gazetteer gets wrong (واشنطن is Washington, D.C., not the state).

Contains data from GeoNames (https://www.geonames.org), CC BY 4.0.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import regex

from marsad.arabic.normalise import fold

# Kinds of gazetteer rows, in the order a bare name prefers them.
COUNTRY = "country"
SETTLEMENT = "settlement"
REGION = "region"
_DEFAULT_ORDER = (COUNTRY, SETTLEMENT, REGION)
# A place in a country of the document counts as this many times its population (طرابلس in a Lebanese story is
# Tripoli, Lebanon, a fifth of Libya's; جنيف stays Genève when the story names the United States, whose Geneva has a
# tenth of its people; with ten, 80 mentions of Geneva in 330 Baly articles had been the American town).
_CONTEXT_WEIGHT = 7
# Letters each part of a name written as one word must have to be looked up as two (ديرالزور).
_MIN_PART_LETTERS = 2
# The population a place counts as when the gazetteer gives none: a small town (عنيزة, a Saudi city of 160,000
# listed without one, beats Qatar's Al Unayzah in a Saudi story).
_UNKNOWN_POPULATION = 10_000

# A name not in the gazetteer is matched by its consonants (:func:`_skeleton`) to a country or a place of
# at least this population, when the consonants are at least this many: foreign names are spelled many ways.
_MIN_SKELETON_POPULATION = 1_000_000
_MIN_SKELETON_LETTERS = 4
_LONG_VOWELS = frozenset("اويى")
_ADJECTIVE_ENDINGS = ("يه", "يين", "يون")
_NOT_NAME_CHARACTER = regex.compile(r"[^\p{L}\p{N}]+")
_NOT_WRITTEN_NAME_CHARACTER = regex.compile(r"[^\p{L}\p{M}\p{N}]+")  # keeps a word's diacritics in it
_ARTICLE = "ال"
# Countries whose towns' Arabic names may open with the article (الرقة، القدس، الأهواز، الإسكندرونة): the Arab
# League's, Israel's, Iran's and Turkey's. Elsewhere a word with the article is a common noun that shares an
# article-less town's name (الليمون is no Limón, الهايكو no Haikou); the few foreign towns named with the
# article in Arabic (البندقية، الأستانة) are overrides in places.json.
_ARTICLE_COUNTRIES = frozenset(
    "SA SY IQ EG JO LB YE KW AE QA BH OM PS IL LY TN DZ MA SD MR SO DJ KM EH IR TR".split()
)


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer place; ``approximate`` when the point stands for an area."""

    geonames_id: int | None
    name_en: str
    lat: float
    lon: float
    country: str | None
    kind: str = SETTLEMENT
    population: int = 0
    approximate: bool = False

    def as_geo(self) -> dict[str, object]:
        """The ``geo`` object of the export contract."""
        geo: dict[str, object] = {
            "lat": self.lat,
            "lon": self.lon,
            "geonames_id": self.geonames_id,
            "country": self.country,
        }
        if self.approximate:
            geo["approximate"] = True
        return geo


def strip_article(word: str) -> str:
    """A normalised word without its article (رقه for الرقه), kept whole when too short."""
    return word[2:] if word.startswith(_ARTICLE) and len(word) > 3 else word


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The key names are matched by: folded, punctuation to spaces, every article dropped.

    الرقة, رقه and الرَّقة share one key; so do ``The New York Times`` and ``new york times``.
    """
    words = _NOT_NAME_CHARACTER.sub(" ", fold(text)).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(strip_article(word) for word in words)


@dataclass(frozen=True, slots=True)
class _Qualifiers:
    admin: frozenset[str]
    settlement: frozenset[str]
    vicinity: frozenset[str]
    directions: frozenset[str]
    waters: frozenset[str]
    overrides: dict[str, Place]
    capitals: tuple[Place, ...]


@cache
def _places_json() -> dict:
    return json.loads(resources.files("marsad.data").joinpath("places.json").read_text(encoding="utf-8"))


@cache
def _qualifiers() -> _Qualifiers:
    data = _places_json()

    def keys(name: str) -> frozenset[str]:
        return frozenset(name_key(word) for word in data[name])

    places = [
        (entry, Place(entry["geonames_id"], entry["name_en"], entry["lat"], entry["lon"], entry["country"],
                      entry.get("kind", SETTLEMENT)))
        for entry in data["overrides"]
    ]
    overrides = {name_key(name): place for entry, place in places for name in entry["names"]}
    capitals = tuple(place for entry, place in places if entry.get("capital"))
    return _Qualifiers(
        keys("admin"), keys("settlement"), keys("vicinity"), keys("directions"), keys("waters"), overrides, capitals
    )


def capital_overrides() -> tuple[Place, ...]:
    """National capitals missing from the gazetteer (for the index build)."""
    return _qualifiers().capitals


def country_names() -> dict[str, list[str]]:
    """Arabic spellings of countries by ISO code, written for the project (for the index build)."""
    return _places_json()["country_names"]


def gazetteer_keys(name: str) -> set[str]:
    """The keys a gazetteer name is indexed under: whole, and without an administrative word."""
    key = name_key(name)
    words = key.split()
    keys = {key}
    if len(words) > 1 and words[0] in _qualifiers().admin:
        keys.add(" ".join(words[1:]))
    return keys


class _Gazetteer:
    """The index: keys to row numbers; a row becomes a :class:`Place` when first asked for."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._by_key: dict[str, list[int]] = {}
        self._by_id: dict[int, int] = {}
        self._parsed: dict[int, Place] = {}
        self._countries: dict[str, int] = {}
        self._by_skeleton: dict[str, set[int]] | None = None
        for number, line in enumerate(lines):
            geonames_id, _, keys = line.partition("\t")
            self._by_id[int(geonames_id)] = number
            if f"\t{COUNTRY}\t" in line:
                self._countries[line.split("\t")[5]] = number
            for key in keys.rpartition("\t")[2].split("|"):
                self._by_key.setdefault(key, []).append(number)

    def __contains__(self, key: str) -> bool:
        return key in self._by_key

    def places_by_skeleton(self, key: str) -> tuple[Place, ...]:
        """The countries and large places whose name has the consonants of ``key`` (:func:`_skeleton`)."""
        if self._by_skeleton is None:
            self._by_skeleton = {}
            for name, numbers in self._by_key.items():
                for number in numbers:
                    fields = self._lines[number].split("\t")
                    if fields[4] == COUNTRY or int(fields[6]) >= _MIN_SKELETON_POPULATION:
                        self._by_skeleton.setdefault(_skeleton(name), set()).add(number)
        return tuple(self._place(number) for number in sorted(self._by_skeleton.get(_skeleton(key), ())))

    def places(self, key: str) -> tuple[Place, ...]:
        return tuple(self._place(number) for number in self._by_key.get(key, ()))

    def country_of_key(self, key: str) -> str | None:
        """The ISO code of the country ``key`` names, if it names one."""
        return next((place.country for place in self.places(key) if place.kind == COUNTRY), None)

    def place_by_id(self, geonames_id: int) -> Place | None:
        number = self._by_id.get(geonames_id)
        return None if number is None else self._place(number)

    def country(self, code: str) -> Place | None:
        number = self._countries.get(code)
        return None if number is None else self._place(number)

    def _place(self, number: int) -> Place:
        place = self._parsed.get(number)
        if place is None:
            geonames_id, name_en, lat, lon, kind, country, population, _ = self._lines[number].split("\t")
            place = Place(int(geonames_id), name_en, float(lat), float(lon), country, kind, int(population))
            self._parsed[number] = place
        return place


@cache
def _gazetteer() -> _Gazetteer:
    raw = resources.files("marsad.data").joinpath("gazetteer.tsv.gz").read_bytes()
    return _Gazetteer(gzip.decompress(raw).decode("utf-8").splitlines())


def place_by_id(geonames_id: int) -> Place | None:
    return _gazetteer().place_by_id(geonames_id)


@cache
def country_place(code: str) -> Place | None:
    """The country with ISO code ``code`` (placed at its capital, approximate)."""
    place = _gazetteer().country(code)
    return None if place is None else dataclasses.replace(place, approximate=True)


def is_kind_of_place(key: str) -> bool:
    """Whether a :func:`name_key` word names a kind of place (منطقة، محافظة، مدينة، حي), not a place."""
    return key in _qualifiers().admin or key in _qualifiers().settlement


def is_curated_place(key: str) -> bool:
    """Whether a :func:`name_key` is one of the place names curated in places.json (المنطقة الشرقية)."""
    return key in _qualifiers().overrides


def place_population(key: str) -> int:
    """The population of the largest place a :func:`name_key` names; -1 when it names none."""
    if key in _qualifiers().overrides:
        return _qualifiers().overrides[key].population
    return max((place.population for place in _gazetteer().places(key)), default=-1)


@dataclass(frozen=True, slots=True)
class _Query:
    key: str
    wanted: str | None  # COUNTRY, SETTLEMENT or REGION when a word asked for one
    approximate: bool
    article: bool  # whether the name looked up opens with the article as written (الليمون, not ألماتي)
    country: str | None = None  # the country an adjective after the name gave (منبج السورية)


@lru_cache(maxsize=1 << 14)
def _query(name: str) -> _Query:
    """The bare name with its qualifying words taken off, unless only the whole is a name (المدينة المنورة)
    or the whole is an override (المنطقة الشرقية of Saudi Arabia, not الشرقية of Egypt)."""
    qualifiers = _qualifiers()
    gazetteer = _gazetteer()
    qualifying = qualifiers.admin | qualifiers.settlement | qualifiers.vicinity | qualifiers.directions
    words = name_key(name).split()
    wanted = None
    approximate = False
    country = None
    taken_before = 0  # qualifying words taken off before the name
    while len(words) > 1:
        whole = " ".join(words)
        if whole in qualifiers.overrides or (
            whole in gazetteer and (words[0] not in qualifying or " ".join(words[1:]) not in gazetteer)
        ):
            break  # a name the gazetteer has whole, unless a qualifier opens it (الضفة الغربية, not ريف دمشق)
        if words[0] in qualifiers.admin:
            wanted = REGION
        elif words[0] in qualifiers.settlement:
            wanted = SETTLEMENT
        elif words[0] in qualifiers.vicinity or words[0] in qualifiers.directions:
            approximate = True
        elif words[-1] in qualifiers.directions:
            approximate = True
            words = words[:-1]
            continue
        elif (adjective_of := _adjective_country(words[-1])) and _known_key(" ".join(words[:-1])):
            country = adjective_of  # البوكمال السورية، سوتشي الروسية: the place and the adjective of its country
            words = words[:-1]
            continue
        else:
            break
        words = words[1:]
        taken_before += 1
    written = _NOT_WRITTEN_NAME_CHARACTER.sub(" ", name).split()
    article = taken_before < len(written) and written[taken_before].startswith(_ARTICLE)
    key = " ".join(words)
    return _Query(_known_key(key) or key, wanted, approximate, article, country)


def _adjective_country(word: str) -> str | None:
    """The country whose adjective a key word is (سوريه -> SY, روسي -> RU, امريكيه -> US, نمساويه -> AT), if any."""
    names = [word] if word.endswith("يه") else []  # سعوديه is the adjective and the country
    for ending in ("يه", "ي"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            names += [stem, stem + "ا", stem + "يا", stem.removesuffix("و")]  # سوري، امريكي، نمساوي
    return next((country for name in names if (country := _gazetteer().country_of_key(name))), None)


def _known_key(key: str) -> str | None:
    """``key`` if the gazetteer or an override has it, or the key of the two words a one-word key runs together."""
    if key in _gazetteer() or key in _qualifiers().overrides:
        return key
    return _written_apart(key) if " " not in key else None


def _written_apart(word: str) -> str | None:
    """The key of a gazetteer name of two words that ``word`` runs together (ديرالزور is دير الزور, البوكمال is
    البو كمال), if any."""
    gazetteer = _gazetteer()
    for i in range(_MIN_PART_LETTERS, len(word) - _MIN_PART_LETTERS + 1):
        key = name_key(f"{word[:i]} {word[i:]}")
        if key in gazetteer:
            return key
    return None


def is_qualified(name: str) -> bool:
    """Whether a name is an area around or part of a place (ريف حلب، شمال سوريا), not the place itself."""
    return _query(name).approximate


def candidates(name: str) -> tuple[Place, ...]:
    """Every place a name may be, in no particular order."""
    query = _query(name)
    override = _qualifiers().overrides.get(query.key)
    return (override,) if override else _gazetteer().places(query.key)


def geocode(name: str, countries: Collection[str] = ()) -> Place | None:
    """The place a name most likely denotes, preferring places in ``countries`` (ISO codes)."""
    return _geocode(name, frozenset(countries))


@lru_cache(maxsize=1 << 14)
def _geocode(name: str, countries: frozenset[str]) -> Place | None:
    query = _query(name)
    if query.wanted is None and query.key in _qualifiers().waters:
        return None  # البحر الأحمر: the sea, not the province of that name
    place = _qualifiers().overrides.get(query.key)
    if place is None:
        found = _gazetteer().places(query.key)
        if not found and _may_be_transliterated(name, query.key):
            found = _gazetteer().places_by_skeleton(query.key)  # جاكرتا is جاكارتا
        if not found:
            return None
        if query.country and any(p.country == query.country for p in found):
            found = tuple(p for p in found if p.country == query.country)
        if query.wanted != REGION:
            # a town beats the province of the same name in the same country (الموصل)
            town_countries = {p.country for p in found if p.kind == SETTLEMENT}
            found = tuple(p for p in found if p.kind != REGION or p.country not in town_countries)
        if query.article:
            found = tuple(p for p in found if p.kind != SETTLEMENT or p.country in _ARTICLE_COUNTRIES)
            if not found:
                return None
        wanted = query.wanted or _bare_name_kind(found, countries)
        place = min(
            found,
            key=lambda p: (
                p.kind != wanted,
                -max(p.population, _UNKNOWN_POPULATION) * (_CONTEXT_WEIGHT if p.country in countries else 1),
                p.country not in countries,
                _DEFAULT_ORDER.index(p.kind),
                p.geonames_id,
            ),
        )
    return dataclasses.replace(place, approximate=query.approximate or place.kind != SETTLEMENT)


def _may_be_transliterated(name: str, key: str) -> bool:
    """Whether a name may be a foreign one spelled another way: no article (البساتين is no Boston), no
    adjective ending (بريطانية is no country), and enough consonants to tell."""
    return (
        not fold(name).startswith(_ARTICLE)
        and not key.endswith(_ADJECTIVE_ENDINGS)
        and len(_skeleton(key)) >= _MIN_SKELETON_LETTERS
    )


def _skeleton(key: str) -> str:
    """A name key as the consonants of a transliteration: long vowels and a final ه out but at the start of
    a word, غ and ج (both a foreign g) as one, doubled letters once (جاكرتا and جاكارتا, شنغهاي and شانغهاي)."""
    words = []
    for word in key.replace("غ", "ج").split():
        word = word.removesuffix("ه")
        letters = word[:1] + "".join(c for c in word[1:] if c not in _LONG_VOWELS)
        words.append(regex.sub(r"(.)\1+", r"\1", letters))
    return " ".join(words)


def _bare_name_kind(found: tuple[Place, ...], countries: frozenset[str]) -> str:
    """A bare name is a country, unless only a town of that name lies in a country of the
    document (عمان in a Jordanian story is Amman, not Oman)."""
    in_document = {p.kind for p in found if p.country in countries}
    return SETTLEMENT if SETTLEMENT in in_document and COUNTRY not in in_document else COUNTRY


def document_countries(names: Sequence[str]) -> frozenset[str]:
    """Countries a document's place names point to without doubt (one country among their candidates)."""
    countries = set()
    for name in names:
        found = {place.country for place in candidates(name)}
        if len(found) == 1:
            countries |= found
    return frozenset(c for c in countries if c)


def geocode_document(names: Sequence[str]) -> list[Place | None]:
    """Geocode the place names of one document, each disambiguated by the others."""
    countries = document_countries(names)
    return [geocode(name, countries) for name in names]
