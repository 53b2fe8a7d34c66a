"""Quantities: Arabic numbers in digits and words, resolved to values (to be built, issue 3)."""

from __future__ import annotations

from marsad.document import Document, Quantity
from marsad.pipeline import component
from marsad.settings import Settings


@component("quantities", assigns="quantities", requires=("tokens",))
def find_quantities(doc: Document, settings: Settings) -> list[Quantity]:
    return []


def number_word_value(word: str) -> float | None:
    """Value of one Arabic number word in any case form (ثلاثة، ثلاث، عشرين، ألفا), else None."""
    return None
