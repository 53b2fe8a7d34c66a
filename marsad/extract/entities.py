"""Named-entity mentions (to be built, issue 4)."""

from __future__ import annotations

from marsad.document import Document, Mention
from marsad.pipeline import component
from marsad.settings import Settings


@component("mentions", assigns="mentions", requires=("tokens", "sentences"))
def find_mentions(doc: Document, settings: Settings) -> list[Mention]:
    return []
