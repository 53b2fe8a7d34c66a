"""Pipeline components for the basic text layers: tokens and sentences."""

from __future__ import annotations

from marsad.arabic.sentences import iter_sentences
from marsad.arabic.tokens import iter_tokens
from marsad.document import Document, Sentence, Token
from marsad.pipeline import component
from marsad.settings import Settings


@component("tokens", assigns="tokens", arabic_only=False)
def find_tokens(doc: Document, settings: Settings) -> list[Token]:
    return list(iter_tokens(doc.text))


@component("sentences", assigns="sentences", arabic_only=False)
def find_sentences(doc: Document, settings: Settings) -> list[Sentence]:
    return list(iter_sentences(doc.text))
