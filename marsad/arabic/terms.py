"""Content terms for comparing texts: normalised, clitics off, light-stemmed, function words out."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

from marsad.arabic.tokens import iter_tokens, split_clitics
from marsad.document import LATIN, NUMBER, WORD, Token

# Suffixes taken off a stem of at least three letters left: plurals, duals, pronouns.
_SUFFIXES = ("يين", "ات", "ون", "ين", "ان", "ها", "هم", "هما", "كم", "نا", "ه", "ي")
_MIN_STEM = 3


@cache
def stopwords() -> frozenset[str]:
    text = resources.files("marsad.data").joinpath("stopwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1 << 16)
def light_stem(norm: str) -> str:
    """A normalised word without proclitics, article and the commonest suffix."""
    stem = split_clitics(norm).stem
    for suffix in _SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= _MIN_STEM:
            return stem[: -len(suffix)]
    return stem


def content_terms(tokens: Iterable[Token]) -> list[str]:
    """Stems of the content words and numbers among ``tokens``, in order."""
    stop = stopwords()
    terms = []
    for token in tokens:
        if token.kind == WORD and token.norm not in stop and len(token.norm) > 1:
            stem = light_stem(token.norm)
            if stem not in stop:
                terms.append(stem)
        elif token.kind == LATIN:
            terms.append(token.norm.casefold())
        elif token.kind == NUMBER:
            terms.append(token.norm)
    return terms


def text_terms(text: str) -> list[str]:
    return content_terms(iter_tokens(text))
