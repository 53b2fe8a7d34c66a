"""The document and its stand-off annotations.

A :class:`Document` holds its cleaned text once. Every annotation is a small
frozen record with ``start``/``end`` character offsets (Python ``str`` indices)
into that text, so ``doc.text[a.start:a.end]`` is always the surface string.
Stages never edit a document: they return a new one with a layer added
(:meth:`Document.with_layer`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

# Entity and mention types, defined once.
PER = "PER"
ORG = "ORG"
LOC = "LOC"
GPE = "GPE"
NORP = "NORP"
MISC = "MISC"
ENTITY_TYPES = (PER, ORG, LOC, GPE, NORP, MISC)

# Token kinds.
WORD = "WORD"
NUMBER = "NUMBER"
LATIN = "LATIN"
PUNCT = "PUNCT"
SYMBOL = "SYMBOL"

# Annotation layers a document can carry, in pipeline order.
LAYERS = (
    "tokens",
    "sentences",
    "quantities",
    "times",
    "mentions",
    "attributions",
    "events",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A character range of a document's cleaned text."""

    start: int
    end: int


class Token(NamedTuple):
    """A token; ``norm`` is its normalised form, for matching only.

    Tokens are by far the most numerous annotation, so they are tuples (made
    several times faster than frozen dataclasses) with the same fields a span has.
    """

    start: int
    end: int
    kind: str = WORD
    norm: str = ""


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    pass


@dataclass(frozen=True, slots=True)
class Heading(Span):
    """An in-body subheading kept in the text."""


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the raw input that cleaning took out, and why."""

    kind: str
    text: str


# Kinds of removed material.
BOILERPLATE = "boilerplate"
BYLINE = "byline"
CAPTION = "caption"
COMMENT_FORM = "comment_form"
DATELINE = "dateline"
DUPLICATE = "duplicate"
RELATED = "related"
SHARE = "share"
SECTION_LABEL = "section_label"
STAMP = "stamp"
TITLE_REPEAT = "title_repeat"
NAVIGATION = "navigation"
STRAY = "stray"


@dataclass(frozen=True, slots=True)
class Quantity(Span):
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    unit: str | None = None
    counted: str | None = None
    counted_lemma: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpression(Span):
    value_start: str | None = None
    value_end: str | None = None
    granularity: str = "day"
    relative: bool = False
    kind: str = "date"  # date | duration
    duration_days: float | None = None


@dataclass(frozen=True, slots=True)
class Mention(Span):
    type: str = MISC
    entity: str | None = None  # filled by the cross-document stage


# Kinds of attribution sources (Reference.kind).
PERSON_SOURCE = "person"
ORGANISATION_SOURCE = "organisation"
OUTLET_SOURCE = "outlet"
OFFICIAL_SOURCE = "official"
ANONYMOUS_SOURCE = "anonymous"

# Roles of a document's origins (Origin.role).
CITED = "cited"
TRANSLATED = "translated"
RELAYED = "relayed"
REPORTED_BY = "reported_by"


@dataclass(frozen=True, slots=True)
class Reference:
    """A source or intermediary named in the text: its span and entity if known."""

    text: str
    start: int | None = None
    end: int | None = None
    entity: str | None = None
    kind: str | None = None  # person | organisation | outlet | official | anonymous


@dataclass(frozen=True, slots=True)
class Attribution(Span):
    """A reported statement; ``start``/``end`` cover the cue word."""

    cue: str = ""
    source: Reference = Reference(text="")
    content_start: int = 0
    content_end: int = 0
    via: tuple[Reference, ...] = ()
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class Origin:
    """An upstream report that a document relays."""

    name: str
    role: str  # cited | translated | relayed | reported_by
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Event(Span):
    """An event record; ``start``/``end`` cover the trigger."""

    type: str = ""
    sub_type: str | None = None
    sentence: int | None = None
    date: str | None = None
    date_precision: int | None = None
    place: int | None = None  # index into the document's mentions
    place_precision: int | None = None
    actors: tuple[tuple[int, str], ...] = ()  # (mention index, role)
    killed: tuple[float | None, float | None] | None = None
    injured: tuple[float | None, float | None] | None = None
    attribution: int | None = None  # index into the document's attributions
    notes: tuple[str, ...] = ()  # e.g. approximate or disputed casualty figures


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO 8601
    outlet: str | None = None
    url: str | None = None
    source_path: str | None = None
    language: str = "und"
    reference_date: str | None = None  # for relative times: published, or --date
    extra: tuple[tuple[str, Any], ...] = ()


A = TypeVar("A", bound=Span)


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned document and its annotation layers (sorted tuples)."""

    id: str
    text: str
    meta: Metadata = Metadata()
    removed: tuple[Removed, ...] = ()
    headings: tuple[Heading, ...] = ()
    tokens: tuple[Token, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    mentions: tuple[Mention, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    events: tuple[Event, ...] = ()
    origins: tuple[Origin, ...] = ()
    done: tuple[str, ...] = field(default=())  # names of the components that ran

    @property
    def is_arabic(self) -> bool:
        return self.meta.language == "ar"

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def with_layer(self, name: str, annotations: Any) -> Document:
        """A new document with layer ``name`` set (annotation layers are sorted)."""
        if name in LAYERS:
            annotations = tuple(sorted(annotations, key=lambda a: (a.start, a.end)))
        else:
            annotations = tuple(annotations)
        return dataclasses.replace(self, **{name: annotations})

    def marked_done(self, component: str) -> Document:
        return dataclasses.replace(self, done=(*self.done, component))

    def char_span(self, start: int, end: int) -> Span | None:
        """The span ``start:end`` if it is inside the text and not empty, else None."""
        if 0 <= start < end <= len(self.text):
            return Span(start, end)
        return None
