"""Attributed statements (to be built, issue 5)."""

from __future__ import annotations

from marsad.document import Attribution, Document
from marsad.pipeline import component
from marsad.settings import Settings


@component("attributions", assigns="attributions", requires=("tokens", "sentences", "mentions"))
def find_attributions(doc: Document, settings: Settings) -> list[Attribution]:
    return []
