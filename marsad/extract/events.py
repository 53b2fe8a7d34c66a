"""Event records (to be built, issue 7)."""

from __future__ import annotations

from marsad.document import Document, Event
from marsad.pipeline import component
from marsad.settings import Settings


@component("events", assigns="events", requires=("sentences", "quantities", "times", "mentions"))
def find_events(doc: Document, settings: Settings) -> list[Event]:
    return []
