"""Tokens with offsets, and clitic-aware splitting for matching.

A token is a run of Arabic letters (with their diacritics, tatweel and
joiners), a run of Latin letters, a number (digits in any script with inner
separators such as ``3.5``, ``20,000``, ``٢٠٫٥``), or a single punctuation or
symbol character. Normal forms are cached: news vocabulary is small and
repetitive, so most tokens are a dictionary hit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic.normalise import normalise
from marsad.document import LATIN, NUMBER, PUNCT, SYMBOL, WORD, Token

# Letters of the Arabic script (presentation forms included), and the marks,
# tatweel and joiners that may sit inside an Arabic word.
_ARABIC_LETTER = "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc"
_ARABIC_INNER = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640\u200c\u200d"
_LATIN_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_TOKEN = re.compile(
    rf"""
    (\d+(?:[.,٫٬]\d+)*)                                              # number, any script
  | ([{_ARABIC_LETTER}][{_ARABIC_LETTER}{_ARABIC_INNER}]*)            # Arabic word
  | ([{_LATIN_LETTER}][{_LATIN_LETTER}\u0300-\u036f]*(?:['’][{_LATIN_LETTER}]+)*)  # Latin word
  | ([^\w\s])                                                        # punctuation or symbol
  | ([^\s])                                                           # anything else
    """,
    re.VERBOSE,
)
_KINDS = (NUMBER, WORD, LATIN, PUNCT, SYMBOL)
_PUNCTUATION_GROUP = 4
_normalised = lru_cache(maxsize=1 << 16)(normalise)


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        group = match.lastindex or _PUNCTUATION_GROUP
        surface = match.group()
        kind = _KINDS[group - 1]
        if group == _PUNCTUATION_GROUP and not unicodedata.category(surface).startswith("P"):
            kind = SYMBOL
        yield Token(match.start(), match.end(), kind, _normalised(surface))


def tokenise(text: str) -> list[Token]:
    return list(iter_tokens(text))


# Proclitics, longest first; ال is handled after them.
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_ARTICLE = "ال"
MIN_STEM = 2


@dataclass(frozen=True, slots=True)
class CliticSplit:
    """A normalised word split into proclitics and stem.

    ``stem_offset`` is the number of normalised characters taken by the
    proclitics (the article included); ``article`` tells whether ال was there.
    """

    prefix: str
    stem: str
    article: bool

    @property
    def stem_offset(self) -> int:
        return len(self.prefix)

    @property
    def with_article(self) -> str:
        """The stem with its article, as a name is usually cited: الرقة for بالرقة."""
        return (_ARTICLE + self.stem) if self.article else self.stem


def split_clitics(norm: str, *, min_stem: int = MIN_STEM) -> CliticSplit:
    """Split the proclitics و ف ب ل ك and the article ال off a normalised word.

    A stem keeps at least ``min_stem`` letters after the article and one more
    without it (بلد and ولد stay whole). The split is for matching (a word may
    really begin with one of these letters), so callers try the whole word
    first. ``لل`` is ل + ال with the alef elided (للدولة).
    """
    bare_min = min_stem + 1
    i = 0
    if norm[:1] in _CONJUNCTIONS and _splittable(norm, 1, min_stem, bare_min):
        i = 1
    if norm[i : i + 1] in _PREPOSITIONS:
        if norm.startswith("لل", i) and len(norm) - i - 2 >= min_stem:
            return CliticSplit(norm[: i + 2], norm[i + 2 :], True)
        if _splittable(norm, i + 1, min_stem, bare_min):
            i += 1
    if norm.startswith(_ARTICLE, i) and len(norm) - i - 2 >= min_stem:
        return CliticSplit(norm[: i + 2], norm[i + 2 :], True)
    return CliticSplit(norm[:i], norm[i:], False)


def _splittable(norm: str, at: int, min_stem: int, bare_min: int) -> bool:
    """Whether what follows position ``at`` is long enough to be a stem."""
    rest = len(norm) - at
    has_article = norm.startswith(_ARTICLE, at) or norm.startswith("لل", at)
    return rest >= (min_stem + 2 if has_article else bare_min)


def surface_offset(surface: str, normalised_chars: int) -> int:
    """Offset in ``surface`` after ``normalised_chars`` characters that survive normalisation.

    Used to turn a clitic split of a token's normalised form back into an
    offset of the token's own text (diacritics and tatweel are skipped).
    """
    if normalised_chars <= 0:
        return 0
    seen = 0
    for i, char in enumerate(surface):
        if normalise(char):
            seen += 1
            if seen == normalised_chars:
                j = i + 1
                while j < len(surface) and not normalise(surface[j]):
                    j += 1
                return j
    return len(surface)
