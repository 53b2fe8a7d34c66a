"""Sentences with offsets.

A sentence ends at a line break, or at ``. ! ? ؟ …`` (with any closing quotes
or brackets after it) followed by white space. A full stop between digits
(``3.5``) or inside a date (``2017.4.27``) is never an end, since it is not
followed by white space, and a one-letter abbreviation (``د.`` ``م.``) is not
an end either.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from marsad.document import Sentence

_END = regex.compile(
    r"""
    (?:[.!?؟…]+|\.{3})
    [\"'»”’)\]]*                   # closing quotes and brackets stay with the sentence
    (?=\s)
  | \n
    """,
    regex.VERBOSE,
)
_ONE_LETTER_ABBREVIATION = regex.compile(r"(?:^|[\s(])\p{L}\.$")


def iter_sentences(text: str) -> Iterator[Sentence]:
    """Sentences of ``text``, trimmed of surrounding white space; empty ones skipped."""
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if match.group() != "\n" and _ONE_LETTER_ABBREVIATION.search(text, max(0, match.start() - 2), match.end()):
            continue
        yield from _trimmed(text, start, end)
        start = end
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield Sentence(start, end)


def split_sentences(text: str) -> list[Sentence]:
    return list(iter_sentences(text))
