"""A raw input becomes a cleaned :class:`Document` with its metadata and language."""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlsplit

from marsad.arabic.language import identify_language
from marsad.document import Document, Metadata
from marsad.errors import EmptyInputError
from marsad.ingest.clean import Cleaned, clean_text
from marsad.ingest.decode import decode_bytes
from marsad.ingest.html import extract_html
from marsad.ingest.readers import HTML, RECORD, RawInput
from marsad.settings import Settings


def to_document(raw: RawInput, settings: Settings) -> Document:
    """Decode, extract and clean one input. Raises MarsadError subclasses for bad input."""
    given: dict[str, str | None] = {}
    if raw.kind == RECORD:
        given = {key: _text_or_none(value) for key, value in raw.record.items()}
        body = given.get("text") or ""
    else:
        body, encoding = decode_bytes(raw.data, path=raw.where)
        given["encoding"] = encoding
        if raw.kind == HTML:
            page = extract_html(body, path=raw.where)
            body = page.text
            given |= {"title": page.title, "author": page.author, "date": page.date, "source": page.site, "url": page.url}
    if not body.strip():
        raise EmptyInputError("no text", path=raw.where)
    cleaned = clean_text(body, title=given.get("title"))
    if not cleaned.text.strip():
        raise EmptyInputError("nothing left after cleaning (all boilerplate)", path=raw.where)
    return Document(
        id=raw.id,
        text=cleaned.text,
        meta=_metadata(raw, given, cleaned, identify_language(cleaned.text), settings),
        removed=cleaned.removed,
        headings=cleaned.headings,
    )


def _metadata(
    raw: RawInput, given: dict[str, str | None], cleaned: Cleaned, language: str, settings: Settings
) -> Metadata:
    published = _iso_or_none(given.get("date")) or cleaned.published
    url = given.get("url")
    outlet = given.get("source") or (urlsplit(url).hostname if url else None)
    if outlet and outlet.startswith("www."):
        outlet = outlet[4:]
    extra = tuple((k, v) for k, v in given.items() if k == "encoding" and v)
    return Metadata(
        title=cleaned.title,  # the given title, if any, without a site name set off at its end
        byline=given.get("author") or cleaned.byline,
        published=published,
        outlet=outlet,
        url=url,
        source_path=raw.source_path,
        language=language,
        reference_date=published or settings.reference_date,
        extra=extra,
    )


def _text_or_none(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _iso_or_none(value: str | None) -> str | None:
    """A date given in metadata, as ISO 8601, if it is one (``2015-07-21T10:00:00``, ``2017-04-27``)."""
    if not value:
        return None
    value = value.strip()
    for parse in (date.fromisoformat, lambda v: datetime.fromisoformat(v.replace(" ", "T", 1))):
        try:
            return parse(value).isoformat()
        except ValueError:
            continue
    return None
