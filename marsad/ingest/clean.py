"""Cleaning scraped article text: boilerplate out, repeats out, title/byline/dateline found.

The result's ``text`` is the document's text from then on (stand-off: it never
changes again); everything taken out is listed in ``removed`` with its kind.

Cleaning works on lines (the paragraphs of scraped text). The head of the
article, before its first prose paragraph, is read for a section label, the
title and its repeat, the dateline, the byline and photo credits; every line is
then checked against the boilerplate lexicons (``marsad/data/boilerplate.json``):
share buttons, comment forms, navigation, cookie and JavaScript notices, "read
also" blocks with the headlines they list and cross-links (اقرأ أيضا ...),
strips of furniture flattened onto one line, publishing stamps, captions, stray
marks; below a copyright notice, short lines between two footer lines go too.
A title loses a site's name set off at its end (| Euronews). Repeated
paragraphs are kept once. When a rule is unsure, the line stays: a short line
ending with a full stop is prose. A wire dateline (الرياض - واس) stays in the
text, where the origins finder reads it. Kept paragraphs are joined by a blank
line.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from marsad.arabic.normalise import fold
from marsad.document import (
    BOILERPLATE,
    BYLINE,
    CAPTION,
    COMMENT_FORM,
    DATELINE,
    DUPLICATE,
    NAVIGATION,
    RELATED,
    SECTION_LABEL,
    SHARE,
    STAMP,
    STRAY,
    TITLE_REPEAT,
    Heading,
    Removed,
)
from marsad.ingest.metadata import (
    credit_parts,
    is_clock_time,
    is_weekday,
    parse_byline,
    parse_dateline,
    person_name,
)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What cleaning gives: the text (the document's text from then on) and what it found and took out."""

    text: str  # kept paragraphs joined by "\n\n"
    title: str | None = None
    byline: str | None = None  # the author's name only
    published: str | None = None  # ISO 8601, from a dateline or stamp
    removed: tuple[Removed, ...] = ()
    headings: tuple[Heading, ...] = ()


# Thresholds in words.
MAX_TITLE_WORDS = 30
MAX_LABEL_WORDS = 3
MAX_CAPTION_WORDS = 12
MAX_HEADING_WORDS = 12
MAX_DATELINE_WORDS = 14
MAX_DATELINE_REST_WORDS = 4
# A title repeated above the story with its date holds this many of the title's words, and half of them.
MIN_TITLE_STAMP_WORDS = 3
MAX_WIRE_DATELINE_WORDS = 10
MAX_PLACE_WORDS = 3
MIN_PROSE_WORDS = 6
LONG_PROSE_WORDS = 25
# The beginning of a long line read to test how it starts: some LONG_PROSE_WORDS words.
HEAD_CHARACTERS = 240
# A long line naming only weak furniture phrases is furniture when they are this dense.
MAX_WORDS_PER_CHROME_HIT = 20
# A line holding this many furniture phrases, with no more than so many other words in a row and for each
# word of furniture, is furniture.
MIN_FURNITURE_PHRASES = 2
MAX_WORDS_BETWEEN_FURNITURE = 9
MAX_OTHER_WORDS_PER_FURNITURE_WORD = 2
# A cross-link (اقرأ أيضا ...) names a headline of this many words at least after its opener.
MIN_LINK_HEADLINE_WORDS = 2
MIN_DUPLICATE_WORDS = 5
# A comment-form phrase this long opening a line makes it a notice even when it ends like a sentence.
MIN_NOTICE_PHRASE_WORDS = 4
MIN_LONE_DUPLICATE_WORDS = 12
# A run of this many short items before the first paragraph is a menu, not a deck.
MIN_MENU_ITEMS = 4
MAX_MENU_ITEM_WORDS = 2
# A site's name at the end of a title has this many words at most (BBC News عربي، العربية . نت).
MAX_SITE_NAME_WORDS = 4
# The head of an article (label, title, dateline, byline, credits) is searched this far.
MAX_HEAD_LINES = 20
# Short lines between two lines of site furniture (a sign-in form's messages) are furniture too, this many at most.
MAX_ENCLOSED_LINES = 2

_EDGE_INVISIBLES = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LATIN = re.compile(r"[A-Za-z]")
_NOT_KEY = re.compile(r"[^\w ]|_")
_SENTENCE_END = ".!?؟…"
_BULLETS = "*-•–—·"
# A line that is only an e-mail address, a web address or a handle (a columnist's contact).
_ADDRESS = r"(?:[\w.+-]+@[\w-]+\.[\w.]+|https?://\S+|www\.\S+|@\w+)"
_CONTACT = re.compile(rf"{_ADDRESS}(?:\s*[|/،,]?\s*{_ADDRESS})*", re.ASCII)
_CLOSERS = "\"'”’»)]›>"
_NO_HEADLINE_END = ".:،,;؛"
_NO_HEADING_END = _NO_HEADLINE_END + "!?؟…"
_CREDIT_SEPARATOR = re.compile(r"\s[-–—ـ/|]\s|[:()]")
# Kinds of furniture that stand in a page's footer and enclose its form messages.
_FOOTER_KINDS = frozenset({NAVIGATION, COMMENT_FORM})
_FURNITURE = ("share", "read_also", "comment", "navigation", "chrome", "chrome_weak")
# A slideshow's buttons left at the head of the byline line (Next Previous حامد القرشي – عين اليوم).
_NAVIGATION_PREFIX = re.compile(r"^(?:(?:next|previous|prev|التالي|السابق)\s+)+", re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"(\s[-–—]\s|\s?\|\s?)")
_WIRE_SEPARATOR = re.compile(r"[-–—ـ()\[\],،:|/]")


def clean_text(raw: str, *, title: str | None = None) -> Cleaned:
    """Clean raw article text. ``title`` is a title known from metadata, if any."""
    lines = [_Line(index, text) for index, text in enumerate(_tidy(line) for line in raw.split("\n")) if text]
    known_title = _without_site_name(_tidy(title)) if title else None
    result = _Result(title=known_title or None)
    arabic = sum(1 for line in lines if line.arabic) * 2 >= len(lines)
    _drop_menu(lines)
    body = _read_head(lines, result, arabic)
    _drop_boilerplate(body, result, arabic)
    _drop_enclosed(body)
    _drop_repeats(body, result)
    kept = [line for line in body if line.kind is None]
    for line in sorted(lines, key=lambda line: line.index):
        if line.kind is not None:
            result.removed.append(Removed(line.kind, line.text))
    text, headings = _join(kept)
    return Cleaned(
        text=text,
        title=result.title,
        byline=result.byline,
        published=result.published,
        removed=tuple(result.removed),
        headings=headings,
    )


def _tidy(line: str) -> str:
    if "&" in line:
        line = html.unescape(line)
    return " ".join(line.split()).strip(_EDGE_INVISIBLES).strip()


@dataclass(slots=True)
class _Result:
    title: str | None
    byline: str | None = None
    published: str | None = None
    removed: list[Removed] = field(default_factory=list)


class _Line:
    """A non-blank line with what cleaning needs to know about it.

    Folding is the costly step: the folded keys are computed once, when first
    asked for, and a long paragraph is mostly tested on its first words only.
    """

    __slots__ = ("index", "text", "words", "arabic", "kind", "is_wire_dateline", "_key", "_head_key")

    def __init__(self, index: int, text: str) -> None:
        self.index = index
        self.text = text
        self.words = len(text.split())
        self.arabic = _ARABIC.search(text) is not None
        self.kind: str | None = None
        self.is_wire_dateline = False  # kept whatever the lexicons say: the origins finder reads it
        self._key: str | None = None
        self._head_key: str | None = None

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = _fold_key(self.text)
        return self._key

    @property
    def head_key(self) -> str:
        """The key of the line's first characters: enough to test how a long line starts."""
        if len(self.text) <= HEAD_CHARACTERS:
            return self.key
        if self._head_key is None:
            self._head_key = _fold_key(self.text[:HEAD_CHARACTERS])
        return self._head_key

    @property
    def is_short(self) -> bool:
        return self.words <= MAX_TITLE_WORDS

    @property
    def last_char(self) -> str:
        return self.text.rstrip(_CLOSERS + " ")[-1:] or self.text[-1]

    @property
    def is_prose(self) -> bool:
        """A sentence of the article: long enough and ending like a sentence, or simply long."""
        return self.words >= LONG_PROSE_WORDS or (self.words >= MIN_PROSE_WORDS and self.last_char in _SENTENCE_END)

    @property
    def is_headline_like(self) -> bool:
        return 2 <= self.words <= MAX_TITLE_WORDS and self.last_char not in _NO_HEADLINE_END and not self.is_prose


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files("marsad.data").joinpath("boilerplate.json").read_text(encoding="utf-8"))
    return {
        name: frozenset(_fold_key(phrase) for phrase in phrases) - {""}
        for name, phrases in data.items()
        if not name.startswith("_")
    }


@cache
def _longest_phrase(name: str) -> int:
    return max(len(phrase.split()) for phrase in _lexicon()[name])


def _read_head(lines: list[_Line], result: _Result, arabic: bool) -> list[_Line]:
    """Take label, title, title repeat, dateline, byline and credits off the head; return the body lines.

    A 'most read' list above the story (الأكثر قراءة and the headlines under
    it) goes; when no title is known, the last of its headlines, the one
    standing above the story, is the title.
    """
    title_line: _Line | None = None
    kept_head: list[_Line] = []
    listed: list[_Line] = []
    listing = False
    for position, line in enumerate(lines[:MAX_HEAD_LINES]):
        if line.kind is not None:
            continue
        if _read_title_stamp(line, result):
            continue
        if line.is_prose:
            break
        if _is_wire_dateline(line):
            line.is_wire_dateline = True
            _read_dateline(line, result)
            continue
        line.kind = _boilerplate_kind(line, arabic)
        if line.kind is not None:
            _note_date(line, result)
            listing = listing or (line.kind == RELATED and title_line is None and _is_bare_marker(line))
            continue
        if result.title is not None and _similar(line.key, _fold_key(result.title)):
            line.kind = TITLE_REPEAT
            continue
        if _read_dateline(line, result):
            continue
        if _read_byline(line, result, under_headline=(result.title is not None or bool(kept_head)) and arabic):
            continue
        listing = listing and line.is_headline_like
        if listing:
            line.kind = RELATED
            listed.append(line)
            continue
        if not kept_head and title_line is None:
            line.kind = _label_kind(line, lines[position + 1] if position + 1 < len(lines) else None, result)
            if line.kind is not None:
                continue
        if result.title is None and not kept_head and line.is_headline_like:
            title_line = line
            result.title = _without_site_name(line.text)
            continue
        kept_head.append(line)
    if result.title is None and listed:
        title_line = listed[-1]
        title_line.kind = None
        result.title = _without_site_name(title_line.text)
    if len(kept_head) >= MIN_MENU_ITEMS and all(_is_menu_item(line) for line in kept_head):
        for line in kept_head:
            line.kind = NAVIGATION
    return [line for line in lines if line is not title_line]


def _without_site_name(title: str) -> str:
    """The title without the site's name set off at its end (… | Euronews، … - العربية . نت، … - صحيفة الخبر)."""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 3 or not parts[0].strip():
        return title
    name = _fold_key(parts[-1]).split()
    if not name or len(name) > MAX_SITE_NAME_WORDS:
        return title
    latin_name = _LATIN.search(parts[-1]) is not None and _ARABIC.search(parts[-1]) is None
    if not latin_name and not any(word in _lexicon()["site_name_words"] for word in name):
        return title
    return "".join(parts[:-2]).strip()


def _is_menu_item(line: _Line) -> bool:
    return line.words <= MAX_MENU_ITEM_WORDS and line.last_char not in _NO_HEADING_END


def _drop_menu(lines: list[_Line]) -> None:
    """A menu opened by 'الرئيسية' above the story: it and the unpunctuated lines after it (a ticker).

    The menu ends at the first line ending like a sentence, and within the head.
    """
    head = lines[:MAX_HEAD_LINES]
    for position, line in enumerate(head):
        if line.last_char in _SENTENCE_END:
            return
        if _starts_with(line.head_key, "menu_openers", min_words=1):
            break
    else:
        return
    for line in head[position:]:
        if line.last_char in _SENTENCE_END:
            return
        line.kind = NAVIGATION


def _fold_key(text: str) -> str:
    """The folded text with punctuation gone and single spaces: what lexicons and repeats are compared on."""
    return " ".join(_NOT_KEY.sub(" ", fold(text)).split())


def _similar(key: str, title_key: str) -> bool:
    """Equal, or one holding most of the other (a title repeated with a site name or cut short)."""
    if not key or not title_key:
        return False
    if key == title_key:
        return True
    shorter, longer = sorted((key, title_key), key=len)
    if shorter in longer and len(shorter) >= 0.6 * len(longer):
        return True
    words, title_words = set(key.split()), set(title_key.split())
    return len(words & title_words) >= 0.8 * len(words | title_words)


def _label_kind(line: _Line, next_line: _Line | None, result: _Result) -> str | None:
    """The kind of a short unpunctuated line opening the text, if it is a label or a caption.

    A section label stands above a headline (تقارير ودراسات); when the title is
    already known and the story follows, the line is a photo caption (a name,
    جانب من الاستقبال).
    """
    if line.words > MAX_LABEL_WORDS or line.last_char in _SENTENCE_END + _NO_HEADLINE_END:
        return None
    if not line.arabic or line.text[0] in _BULLETS or any(char.isdigit() or char == ":" for char in line.text):
        return None
    if (
        next_line is not None
        and next_line.words > MAX_LABEL_WORDS
        and next_line.is_headline_like
        and parse_byline(next_line.text) is None
        and parse_dateline(next_line.text) is None
    ):
        return SECTION_LABEL
    return CAPTION if result.title is not None else None


def _read_dateline(line: _Line, result: _Result) -> bool:
    """A line holding a date (and little else) gives ``published`` and goes, unless it is a wire dateline."""
    if line.words > MAX_DATELINE_WORDS:
        return False
    dateline = parse_dateline(line.text)
    if dateline is None:
        return False
    if not _is_little(dateline.rest.split()):
        return False
    if not line.is_wire_dateline:
        line.kind = DATELINE
    result.published = result.published or dateline.published
    return True


def _is_little(words: list[str]) -> bool:
    """True when the words beside a date are few enough for a dateline (weekdays, stamp words, initials aside)."""
    rest = [word for word in words if _LETTER_OR_DIGIT.search(word) and not is_weekday(word)]
    rest = [word for word in rest if len(word.strip("،,")) > 2 and fold(word) not in _lexicon()["stamp"]]
    return len(rest) <= MAX_DATELINE_REST_WORDS


def _read_title_stamp(line: _Line, result: _Result) -> bool:
    """The title repeated with its date after it (العنوان | 12/12/2017 05:14), a stamp however long it looks."""
    if result.title is None or line.words > MAX_TITLE_WORDS + MAX_DATELINE_WORDS:
        return False
    dateline = parse_dateline(line.text)
    if dateline is None:
        return False
    title = f" {_fold_key(result.title)} "
    words = _fold_key(dateline.rest).split()
    repeated = next((size for size in range(len(words), 0, -1) if f" {' '.join(words[:size])} " in title), 0)
    if repeated < MIN_TITLE_STAMP_WORDS or 2 * repeated < len(title.split()) or not _is_little(words[repeated:]):
        return False
    line.kind = DATELINE
    result.published = result.published or dateline.published
    return True


def _read_byline(line: _Line, result: _Result, *, under_headline: bool) -> bool:
    """A byline (كتب: ...) or, under a headline, a bare credit (NAME - PLACE): ``byline`` gets the name."""
    text = _NAVIGATION_PREFIX.sub("", line.text)
    name = parse_byline(text)
    if name is None:
        parts = credit_parts(text) if under_headline else None
        if parts is None:
            return False
        name = next((person_name(part) for part in parts if _may_be_person(part)), None)
    line.kind = BYLINE
    result.byline = result.byline or name
    return True


def _may_be_person(part: str) -> bool:
    """Not a place, a desk (متابعات، وكالات) or a single word."""
    key = _fold_key(part)
    return len(key.split()) >= 2 and key not in _places() and not any(
        word in _lexicon()["credit_desks"] for word in key.split()
    )


@cache
def _places() -> frozenset[str]:
    """Place names of the gazetteer (GeoNames), normalised as :func:`_fold_key` does."""
    text = resources.files("marsad.data").joinpath("ner", "places.txt").read_text(encoding="utf-8")
    return frozenset(_fold_key(line) for line in text.splitlines() if line and not line.startswith("#"))


def _is_wire_dateline(line: _Line) -> bool:
    """A place and a news agency above the story (الرياض - واس، بيروت (رويترز)، أبها 3 مايو 2016 م واس).

    Such a line stays in the text: it tells where the story comes from.
    """
    if line.words > MAX_DATELINE_WORDS or line.last_char in _SENTENCE_END or not line.arabic:
        return False
    dateline = parse_dateline(line.text)
    text = dateline.rest if dateline is not None else line.text
    if len(text.split()) > MAX_WIRE_DATELINE_WORDS:
        return False
    agencies = places = 0
    for part in _WIRE_SEPARATOR.split(text):
        words = _fold_key(" ".join(word for word in part.split() if not is_weekday(word))).split()
        place = _without_agency(words)
        agencies += place is not words
        if place:
            if len(place) > MAX_PLACE_WORDS or any(char.isdigit() for word in place for char in word):
                return False
            places += 1
    return agencies > 0 and places > 0


def _without_agency(words: list[str]) -> list[str]:
    """The words with a news agency at their end or start taken off (the same list when there is none)."""
    agencies = _lexicon()["wire_agencies"]
    for size in range(min(_longest_phrase("wire_agencies"), len(words)), 0, -1):
        if " ".join(words[-size:]) in agencies:
            return words[:-size]
        if " ".join(words[:size]) in agencies:
            return words[size:]
    return words


def _note_date(line: _Line, result: _Result) -> None:
    if line.kind == STAMP and result.published is None:
        dateline = parse_dateline(line.text)
        if dateline is not None:
            result.published = dateline.published


def _boilerplate_kind(line: _Line, arabic: bool) -> str | None:
    """The kind of boilerplate a line is on its own, else None."""
    if not _LETTER_OR_DIGIT.search(line.text):
        return STRAY
    lexicon = _lexicon()
    if line.is_short:
        key = line.key
        if _covered(key, "share"):
            return SHARE
        if key in lexicon["navigation"]:
            return NAVIGATION
        if key in lexicon["end_marks"]:
            return BOILERPLATE
        if key in lexicon["comment"]:
            return COMMENT_FORM
    if _is_comment_notice(line):
        return COMMENT_FORM
    if _is_read_also(line):
        return RELATED
    if _is_chrome(line) or _is_made_of_furniture(line):
        return NAVIGATION
    if _is_stamp(line):
        return STAMP
    if _CONTACT.fullmatch(line.text):
        return BOILERPLATE
    if _is_caption(line, arabic):
        return CAPTION
    return None


def _covered(key: str, name: str) -> bool:
    """True when the line is made of the lexicon's phrases and counts (a row of share buttons: شارك 12 تويتر)."""
    words = key.split()
    if not words:
        return False
    phrases, longest = _lexicon()[name], _longest_phrase(name)
    position = matched = 0
    while position < len(words):
        for size in range(min(longest, len(words) - position), 0, -1):
            if " ".join(words[position : position + size]) in phrases:
                position += size
                matched += 1
                break
        else:
            if not words[position].isdigit():
                return False
            position += 1
    return matched > 0


def _starts_with(key: str, name: str, *, min_words: int) -> bool:
    return _opening_phrase_words(key, name) >= min_words


def _opening_phrase_words(key: str, name: str) -> int:
    """The length in words of the longest of the lexicon's phrases that ``key`` starts with (0 for none)."""
    longest = _longest_phrase(name)
    words = key.split(maxsplit=longest)[:longest]
    phrases = _lexicon()[name]
    return next((size for size in range(len(words), 0, -1) if " ".join(words[:size]) in phrases), 0)


def _is_read_also(line: _Line) -> bool:
    """A 'read also' marker, alone or followed on its line by a headline or by site chrome."""
    if _is_bare_marker(line) or _is_cross_link(line):
        return True
    if ":" not in line.text[:40] or not _starts_with(line.head_key, "read_also", min_words=2):
        return False
    return (line.is_short and line.last_char not in _SENTENCE_END) or _phrase_hits(line, "chrome")[0] > 0


def _is_cross_link(line: _Line) -> bool:
    """A link to another story: an opener and one headline (اقرأ أيضا حريق في مستودع، شاهد: لحظة انهيار المبنى).

    The headline holds no sentence end but a final question or exclamation
    mark: after an opener whose link was lost, a sentence of the article may
    follow on the line (اقرأ أيضا : وقال الوزير ... .). A one-word opener
    (شاهد، اقرأ) counts only with a colon after it.
    """
    if line.words > MAX_TITLE_WORDS:
        return False
    opener = _opening_phrase_words(line.key, "link_openers")
    if opener == 0 or line.words - opener < MIN_LINK_HEADLINE_WORDS:
        return False
    if opener == 1 and ":" not in line.text[: len(line.text.split()[0]) + 2]:
        return False
    headline = line.text.rstrip(_CLOSERS + "!?؟ ")
    return not any(char in _SENTENCE_END for char in headline)


def _is_comment_notice(line: _Line) -> bool:
    """A line opening with a comment phrase, unless it is a sentence with a short one only (لا تعليقات رسمية...)."""
    opening = _opening_phrase_words(line.head_key, "comment")
    if opening < 2:
        return False
    if opening >= MIN_NOTICE_PHRASE_WORDS or line.last_char not in _SENTENCE_END or line.words < MIN_PROSE_WORDS:
        return True
    return _phrase_hits(line, "comment")[0] >= 2


def _phrase_hits(line: _Line, name: str) -> tuple[int, int]:
    """How often the lexicon's phrases occur in the line, and how many words stand before the first one."""
    key = line.key
    found = [phrase for phrase in _lexicon()[name] if phrase in key]
    # A phrase inside a longer one found (الحقوق محفوظة in جميع الحقوق محفوظة) is not counted again.
    found = [phrase for phrase in found if not any(phrase != other and phrase in other for other in found)]
    if not found:
        return 0, -1
    return sum(key.count(phrase) for phrase in found), key.count(" ", 0, min(key.find(phrase) for phrase in found))


def _is_chrome(line: _Line) -> bool:
    """Site furniture: copyright, sign-in and newsletter forms, tag lists.

    Phrases in ``chrome`` are furniture wherever they stand; those in
    ``chrome_weak`` (سياسة الخصوصية، البريد الإلكتروني) occur in news too. A
    line ending like a sentence, or a long one, may be a paragraph that names
    them: it goes only when the furniture dominates. A line holding a
    paragraph's worth of words before the furniture (a footer glued to the last
    paragraph) stays.
    """
    if line.words > LONG_PROSE_WORDS:
        # Folding the whole of a long paragraph is costly: first see whether it starts as furniture.
        head = line.head_key
        if not any(phrase in head for name in ("chrome", "chrome_weak") for phrase in _lexicon()[name]):
            return False
    (strong, strong_at), (weak, weak_at) = _phrase_hits(line, "chrome"), _phrase_hits(line, "chrome_weak")
    if strong + weak == 0:
        return False
    if line.words <= LONG_PROSE_WORDS:
        return line.last_char not in _SENTENCE_END or strong > 0 or weak >= 2
    if min(at for at in (strong_at, weak_at) if at >= 0) >= LONG_PROSE_WORDS:
        return False
    if strong > 0:
        return strong + weak >= 2
    return weak >= 2 and line.words <= MAX_WORDS_PER_CHROME_HIT * weak


def _is_made_of_furniture(line: _Line) -> bool:
    """A flattened strip of furniture (كلمات دالة ، ، روابط ذات صلة تابعونا على فيسبوك تويتر ...).

    At least two furniture phrases of two words or more, a fair share of its
    words in furniture phrases, and no stretch of other words long enough to be
    a sentence of the article between them (a platform's name, a count or a
    date is not such a word). The line's head is tested first: a paragraph
    fails there.
    """
    cover = _furniture_cover(line.head_key)
    if cover is not None and len(line.text) > HEAD_CHARACTERS:
        cover = _furniture_cover(line.key)
    if cover is None:
        return False
    phrases, furniture_words, other_words = cover
    return phrases >= MIN_FURNITURE_PHRASES and furniture_words * MAX_OTHER_WORDS_PER_FURNITURE_WORD >= other_words


def _furniture_cover(key: str) -> tuple[int, int, int] | None:
    """The furniture phrases of two words or more in ``key``, the words in furniture phrases and the other words.

    None when other words make a stretch longer than MAX_WORDS_BETWEEN_FURNITURE.
    """
    sizes_by_first_word = _furniture_sizes()
    words = key.split()
    position = phrases = furniture_words = other_words = stretch = 0
    while position < len(words):
        size = next(
            (
                size
                for size in sizes_by_first_word.get(words[position], ())
                if " ".join(words[position : position + size]) in _furniture_set()
            ),
            0,
        )
        if size:
            phrases += size > 1
            furniture_words += size
            stretch = 0
            position += size
            continue
        if not words[position].isdigit():
            other_words += 1
            stretch += 1
            if stretch > MAX_WORDS_BETWEEN_FURNITURE:
                return None
        position += 1
    return phrases, furniture_words, other_words


@cache
def _furniture_set() -> frozenset[str]:
    """The phrases of every furniture lexicon of two words or more, and the share buttons' single words (فيسبوك)."""
    lexicon = _lexicon()
    return frozenset({phrase for name in _FURNITURE for phrase in lexicon[name] if " " in phrase} | lexicon["share"])


@cache
def _furniture_sizes() -> dict[str, tuple[int, ...]]:
    """The lengths of the furniture phrases starting with each word, longest first."""
    sizes: dict[str, set[int]] = {}
    for phrase in _furniture_set():
        words = phrase.split()
        sizes.setdefault(words[0], set()).add(len(words))
    return {word: tuple(sorted(lengths, reverse=True)) for word, lengths in sizes.items()}


def _is_stamp(line: _Line) -> bool:
    """'تم النشر: ... تم التحديث: ...', a bare clock time, or a stamp phrase with a date."""
    if line.words > MAX_CAPTION_WORDS:
        return False
    if is_clock_time(line.text):
        return True
    if not _starts_with(line.key, "stamp", min_words=1):
        return False
    return _covered(line.key, "stamp") or parse_dateline(line.text) is not None


def _is_caption(line: _Line, arabic: bool) -> bool:
    """A photo caption or credit.

    Only credits (أرشيفية، رويترز، أ ف ب), a credit set off by a dash, colon,
    slash or bracket at either end (``داعش - أرشيفية``, ``تصوير: ...``), or a
    lone Latin word in an Arabic text (``ISIS``).
    """
    if line.words > MAX_CAPTION_WORDS or line.last_char in _SENTENCE_END:
        return False
    if arabic and not line.arabic and line.words == 1 and _LATIN.search(line.text):
        return True
    words = line.key.split()
    credits = _lexicon()["caption_credits"]
    set_off = _CREDIT_SEPARATOR.search(line.text) is not None
    for size in range(1, min(_longest_phrase("caption_credits"), len(words)) + 1):
        if size == len(words) and " ".join(words) in credits:
            return True
        if set_off and (" ".join(words[-size:]) in credits or " ".join(words[:size]) in credits):
            return True
    return False


def _drop_boilerplate(body: list[_Line], result: _Result, arabic: bool) -> None:
    """Mark boilerplate lines of the body; a 'read also' marker takes the headlines listed under it.

    Under a marker that carries a headline of its own (اقرأ أيضا: ...), a
    headline-like line followed by a paragraph may be the article's
    subheading: it stays, and ends the block.
    """
    block: bool | None = None  # None: no 'related' block open; True: opened by a marker standing alone
    for position, line in enumerate(body):
        if line.is_wire_dateline:
            continue
        if line.kind is None:
            line.kind = _boilerplate_kind(line, arabic)
            _note_date(line, result)
        if line.kind == RELATED:
            block = bool(block) or _is_bare_marker(line)
        elif line.kind is None and block is not None:
            following = body[position + 1] if position + 1 < len(body) else None
            if line.is_prose or not line.is_headline_like or (not block and following and following.is_prose):
                block = None
            else:
                line.kind = RELATED


def _is_bare_marker(line: _Line) -> bool:
    return line.is_short and line.key in _lexicon()["read_also"]


def _drop_enclosed(body: list[_Line]) -> None:
    """Short lines standing between two lines of furniture in the page's footer go with them.

    The footer begins at a copyright notice below the story's first paragraph.
    Its sign-in and newsletter forms leave their messages on lines of their own
    (تم إرسال رابط التفعيل إلى بريدك); a paragraph of the article is not wedged
    between two lines of such a footer.
    """
    story = next((position for position, line in enumerate(body) if line.kind is None and line.is_prose), len(body))
    footer = next(
        (position for position in range(story + 1, len(body)) if _is_copyright(body[position])), len(body)
    )
    run: list[_Line] = []
    opened = False
    for line in body[footer:]:
        if line.kind in _FOOTER_KINDS:
            for enclosed in run if opened else ():
                enclosed.kind = line.kind
            opened, run = True, []
        elif line.kind is None and _may_be_enclosed(line) and len(run) < MAX_ENCLOSED_LINES:
            run.append(line)
        elif line.kind is None:
            opened, run = False, []


def _is_copyright(line: _Line) -> bool:
    return line.kind == NAVIGATION and any(phrase in line.head_key for phrase in _lexicon()["copyright"])


def _may_be_enclosed(line: _Line) -> bool:
    return not line.is_wire_dateline and line.words < LONG_PROSE_WORDS


def _drop_repeats(body: Iterable[_Line], result: _Result) -> None:
    """Keep a paragraph once; later copies (and later copies of the title) go."""
    seen: set[str] = set()
    title_key = _fold_key(result.title) if result.title else None
    candidates = [line for line in body if line.kind is None]
    # Folding every long paragraph is costly: only lines sharing a length with another can repeat.
    lengths = Counter(line.words for line in candidates)
    copies: set[int] = set()
    for position, line in enumerate(candidates):
        if title_key and line.is_short and line.key == title_key:
            line.kind = TITLE_REPEAT
        elif line.words >= MIN_DUPLICATE_WORDS and lengths[line.words] > 1:
            if line.key in seen:
                copies.add(position)
            seen.add(line.key)
    # A short paragraph repeated on its own (a refrain, a list item) stays; inside a repeated block it goes.
    for position in copies:
        line = candidates[position]
        if line.words >= MIN_LONE_DUPLICATE_WORDS or position - 1 in copies or position + 1 in copies:
            line.kind = DUPLICATE


def _join(kept: list[_Line]) -> tuple[str, tuple[Heading, ...]]:
    """The cleaned text (paragraphs separated by a blank line) and the spans of its subheadings."""
    headings: list[Heading] = []
    offset = 0
    for position, line in enumerate(kept):
        if 0 < position < len(kept) - 1 and _is_heading(line, kept[position - 1], kept[position + 1]):
            headings.append(Heading(offset, offset + len(line.text)))
        offset += len(line.text) + 2
    return "\n\n".join(line.text for line in kept), tuple(headings)


def _is_heading(line: _Line, before: _Line, after: _Line) -> bool:
    return (
        line.words <= MAX_HEADING_WORDS
        and line.last_char not in _NO_HEADING_END
        and not line.is_prose
        and before.is_prose
        and after.is_prose
    )
