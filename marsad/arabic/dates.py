"""Time expressions resolved to dates (to be built, issue 3)."""

from __future__ import annotations

from marsad.document import Document, TimeExpression
from marsad.pipeline import component
from marsad.settings import Settings


@component("times", assigns="times", requires=("tokens",))
def find_times(doc: Document, settings: Settings) -> list[TimeExpression]:
    return []
