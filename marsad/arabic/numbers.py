"""Quantities: Arabic numbers in digits and words, resolved to values (to be built, issue 3)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from marsad.arabic.normalise import normalise
from marsad.document import Document, Quantity
from marsad.pipeline import component
from marsad.settings import Settings

# Proclitics a number word may carry (وثلاثة، بعشرة، والعشرين), longest first.
_PROCLITICS = ("وبال", "وال", "فال", "بال", "لل", "ال", "وب", "ول", "و", "ف", "ب", "ل")
# Short number words that clitics would confuse with other words (لست 'I am not').
_MIN_STEM_AFTER_CLITIC = 3


@dataclass(frozen=True, slots=True)
class _NumberWords:
    """The number-word tables, keyed by normalised form."""

    values: dict[str, float]  # every word with a definite value on its own
    units: dict[str, int]  # 1-10
    teen_heads: dict[str, int]  # أحد/إحدى/اثنا before عشر
    teen_tails: frozenset[str]
    tens: dict[str, int]
    hundreds: dict[str, int]
    scales: dict[str, int]  # singular scale words: ألف، مليون
    duals: dict[str, int]  # dual scale words, valued 2 x scale
    scale_plurals: dict[str, int]  # آلاف، ملايين: value of one unit
    tens_plurals: dict[str, int]  # عشرات، مئات
    fractions: dict[str, float]
    few: frozenset[str]


def _forms(table: dict[str, list[str]]) -> dict[str, float]:
    return {normalise(form): float(value) for value, forms in table.items() for form in forms}


@cache
def _number_words() -> _NumberWords:
    data = json.loads(resources.files("marsad.data").joinpath("number_words.json").read_text(encoding="utf-8"))
    integer = lambda table: {form: int(value) for form, value in _forms(table).items()}  # noqa: E731
    scales = {kind: integer({s: f[kind] for s, f in data["scales"].items()}) for kind in ("singular", "dual", "plural")}
    duals = {form: 2 * value for form, value in scales["dual"].items()}
    units, tens, hundreds = integer(data["units"]), integer(data["tens"]), integer(data["hundreds"])
    fractions = _forms(data["fractions"])
    values: dict[str, float] = {**fractions, **units, **tens, **hundreds, **scales["singular"], **duals}
    return _NumberWords(
        values=values,
        units=units,
        teen_heads=integer(data["teen_heads"]),
        teen_tails=frozenset(normalise(form) for form in data["teen_tails"]),
        tens=tens,
        hundreds=hundreds,
        scales=scales["singular"],
        duals=duals,
        scale_plurals=scales["plural"],
        tens_plurals=integer(data["tens_plurals"]),
        fractions=fractions,
        few=frozenset(normalise(form) for form in data["few"]),
    )


def _strip_proclitics(norm: str, table: dict[str, float] | dict[str, int]) -> str | None:
    """The form of ``norm`` found in ``table``, as is or without its proclitics."""
    if norm in table:
        return norm
    for prefix in _PROCLITICS:
        stem = norm[len(prefix) :]
        if norm.startswith(prefix) and len(stem) >= _MIN_STEM_AFTER_CLITIC and stem in table:
            return stem
    return None


def number_word_value(word: str) -> float | None:
    """Value of one Arabic number word in any case form (ثلاثة، ثلاث، عشرين، ألفا), else None.

    Proclitics are allowed (وعشرين، بثلاثة، الخمسة). Words without a value of
    their own give None: plurals (آلاف، عشرات), بضعة/عدة, ordinals (ثاني) and
    أحد/إحدى, which count only in compounds (أحد عشر).
    """
    norm = normalise(word.strip())
    words = _number_words()
    form = _strip_proclitics(norm, words.values)
    return None if form is None else words.values[form]


@component("quantities", assigns="quantities", requires=("tokens",))
def find_quantities(doc: Document, settings: Settings) -> list[Quantity]:
    return []
