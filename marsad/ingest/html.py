"""HTML pages: main text and metadata with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from lxml.etree import LxmlError

from marsad.errors import EmptyInputError, ParseError


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None
    url: str | None = None


def extract_html(html: str, *, path: str | None = None) -> Extracted:
    """The main text of a page (paragraphs on their own lines) and its metadata.

    Raises ParseError when the page cannot be parsed at all, and
    EmptyInputError when it parses but holds no main text.
    """
    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
        )
    except (LxmlError, ValueError, TypeError) as exc:
        raise ParseError(f"unreadable HTML: {exc}", path=path) from None
    if result is None or not (result.text or "").strip():
        raise EmptyInputError("no main text found in the HTML page", path=path)
    return Extracted(
        text=result.text,
        title=result.title or None,
        author=result.author or None,
        date=result.date or None,
        site=result.sitename or result.hostname or None,
        url=result.url or None,
    )
