"""Arabic normalisation for matching and indexing, never for the stored text.

Small pure functions, one per phenomenon, that callers compose; ``normalise``
applies them all. ``normalise_with_map`` also returns, for every character of
the normalised string, the index of the character it came from, so a match
found in normalised text maps back to exact offsets in the original.
"""

from __future__ import annotations

import re
import unicodedata

# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks.
DIACRITICS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E5)]
    + ["\u06E7", "\u06E8"]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
)
TATWEEL = "\u0640"
# Zero-width and direction marks that scraped text is full of.
INVISIBLES = frozenset("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")

_DELETE = {ord(c): None for c in DIACRITICS | {TATWEEL} | INVISIBLES}
_ALEF = {ord(c): "ا" for c in "أإآٱٲٳ"}
_HAMZA_SEATS = {ord("ؤ"): "و", ord("ئ"): "ي"}
_YA = {ord("ى"): "ي", ord("ی"): "ي", ord("ے"): "ي"}
_TA_MARBUTA = {ord("ة"): "ه"}
_LETTER_VARIANTS = {ord("ک"): "ك", ord("ڪ"): "ك", ord("ە"): "ه", ord("ھ"): "ه"}
_DIGITS = {ord(a): str(i) for i, a in enumerate("٠١٢٣٤٥٦٧٨٩")} | {
    ord(p): str(i) for i, p in enumerate("۰۱۲۳۴۵۶۷۸۹")
}
_PUNCTUATION = {ord("،"): ",", ord("؛"): ";", ord("؟"): "?", ord("٪"): "%", ord("٫"): ".", ord("٬"): ","}

_ALL = {**_DELETE, **_ALEF, **_HAMZA_SEATS, **_YA, **_TA_MARBUTA, **_LETTER_VARIANTS, **_DIGITS, **_PUNCTUATION}


def remove_diacritics(text: str) -> str:
    return text.translate({ord(c): None for c in DIACRITICS})


def remove_tatweel(text: str) -> str:
    return text.replace(TATWEEL, "")


def remove_invisibles(text: str) -> str:
    return text.translate({ord(c): None for c in INVISIBLES})


def normalise_alef(text: str) -> str:
    """أ إ آ ٱ become ا."""
    return text.translate(_ALEF)


def normalise_hamza_seats(text: str) -> str:
    """ؤ becomes و and ئ becomes ي (seated hamza dropped)."""
    return text.translate(_HAMZA_SEATS)


def normalise_ya(text: str) -> str:
    """Alef maqsura ى (and Persian ی) becomes ي."""
    return text.translate(_YA)


def normalise_ta_marbuta(text: str) -> str:
    """ة becomes ه."""
    return text.translate(_TA_MARBUTA)


def normalise_digits(text: str) -> str:
    """Arabic-Indic and Persian digits become 0-9."""
    return text.translate(_DIGITS)


def normalise_punctuation(text: str) -> str:
    """Arabic comma, semicolon, question mark, percent and separators become ASCII."""
    return text.translate(_PUNCTUATION)


def normalise(text: str) -> str:
    """Every normalisation at once: the form used for matching and indexing."""
    return text.translate(_ALL)


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """``normalise(text)`` and, for each of its characters, its index in ``text``.

    The map has one extra final entry, ``len(text)``, so that an end offset in
    the normalised string maps back too: ``span (i, j)`` of the result covers
    ``text[m[i]:m[j - 1] + 1]``.
    """
    out: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        mapped = _ALL.get(ord(char), char)
        if mapped is None:
            continue
        out.append(mapped)
        index.append(i)
    index.append(len(text))
    return "".join(out), index


def original_span(index: list[int], start: int, end: int) -> tuple[int, int]:
    """Offsets in the original text of the normalised span ``start:end``."""
    return index[start], index[end - 1] + 1


_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """A key for comparing names: normalised, NFKC, single-spaced, lower-cased Latin."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", normalise(text))).strip().casefold()
