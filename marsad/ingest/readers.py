"""Files, folders and JSONL records turned into a stream of raw inputs.

Reading is cheap and happens in the main process: a file is read as bytes
(decoding is left to the workers), a JSONL line is parsed into a record. Every
path, file and line ends up either as a :class:`RawInput` or as a
:class:`Problem` naming it, so nothing is dropped silently.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from marsad.errors import (
    EmptyInputError,
    InputError,
    MarsadError,
    MissingInputError,
    ParseError,
    TooLargeError,
    UnsupportedInputError,
)
from marsad.settings import Settings

TEXT = "text"
HTML = "html"
RECORD = "record"

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")

# Errors after which an input counts as skipped rather than failed.
SKIPPING_ERRORS = (EmptyInputError, UnsupportedInputError, TooLargeError)


@dataclass(frozen=True, slots=True)
class RawInput:
    """One document to analyse, before decoding and cleaning."""

    id: str
    where: str  # path, or path:line for a JSONL record
    kind: str  # TEXT | HTML | RECORD
    source_path: str
    data: bytes = b""
    record: dict[str, object] = field(default_factory=dict)
    order: int = 0


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that could not become a document."""

    where: str
    status: str  # skipped | failed
    error: str  # the error class name
    code: str
    message: str
    line: int | None = None
    id: str | None = None
    order: int = 0

    @classmethod
    def from_error(cls, error: MarsadError, where: str, *, id: str | None = None, order: int = 0) -> Problem:
        status = "skipped" if isinstance(error, SKIPPING_ERRORS) else "failed"
        return cls(where, status, type(error).__name__, error.code, error.message, error.line, id, order)

    def describe(self) -> str:
        return f"{self.where}: {self.status}: {self.message} [{self.error}]"


def file_kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return RECORD
    if name.endswith(HTML_SUFFIXES):
        return HTML
    if name.endswith(TEXT_SUFFIXES):
        return TEXT
    return None


def iter_files(paths: Iterable[Path]) -> Iterator[Path | Problem]:
    """Files under ``paths`` (folders recursively, in sorted order), or a problem for a missing path."""
    for path in paths:
        if path.is_dir():
            yield from sorted((p for p in path.rglob("*") if p.is_file()), key=lambda p: str(p))
        elif path.is_file():
            yield path
        else:
            yield Problem.from_error(MissingInputError(f"no such file or folder: {path}"), str(path))


def read_inputs(paths: Iterable[Path], settings: Settings) -> Iterator[RawInput | Problem]:
    """Every input under ``paths`` as a raw input or a problem, in a stable order."""
    ids = _UniqueIds()
    order = 0
    for item in iter_files(paths):
        if isinstance(item, Problem):
            yield _ordered(item, order)
            order += 1
            continue
        for result in _read_file(item, settings, ids):
            yield _ordered(result, order)
            order += 1


def _ordered(item: RawInput | Problem, order: int) -> RawInput | Problem:
    return replace(item, order=order)


def _read_file(path: Path, settings: Settings, ids: _UniqueIds) -> Iterator[RawInput | Problem]:
    where = str(path)
    kind = file_kind(path)
    if kind is None:
        yield Problem.from_error(UnsupportedInputError(f"not a file type marsad reads ({path.suffix or 'no suffix'})"), where)
        return
    if kind == RECORD:
        yield from _read_jsonl(path, settings, ids)
        return
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise TooLargeError(f"{size} bytes, over the limit of {settings.max_bytes}")
        data = path.read_bytes()
    except MarsadError as error:
        yield Problem.from_error(error, where)
        return
    except OSError as error:
        yield Problem.from_error(InputError(f"cannot read: {error.strerror}"), where)
        return
    yield RawInput(ids.take(_stem(path)), where, kind, where, data=data)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (*JSONL_SUFFIXES, *HTML_SUFFIXES, *TEXT_SUFFIXES):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _read_jsonl(path: Path, settings: Settings, ids: _UniqueIds) -> Iterator[RawInput | Problem]:
    fields = settings.field_map
    where = str(path)
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    line_number = 0
    try:
        with opener(path, "rb") as stream:
            for line_number, raw_line in enumerate(stream, start=1):
                here = f"{where}:{line_number}"
                if not raw_line.strip():
                    continue
                try:
                    record = _parse_record(raw_line, line_number)
                    text = record.get(fields["text"])
                    if not isinstance(text, str):
                        raise ParseError(f"no text field {fields['text']!r} in the record", line=line_number)
                    if len(text.encode("utf-8")) > settings.max_bytes:
                        raise TooLargeError(f"record text over the limit of {settings.max_bytes} bytes", line=line_number)
                except MarsadError as error:
                    yield Problem.from_error(error, here)
                    continue
                record_id = record.get(fields["id"])
                base_id = str(record_id) if record_id not in (None, "") else f"{_stem(path)}:{line_number}"
                mapped = {name: record.get(source) for name, source in fields.items()}
                yield RawInput(ids.take(base_id), here, RECORD, where, record=mapped)
    except (OSError, EOFError, zlib.error) as error:
        message = f"cannot read past line {line_number}: {error}"
        yield Problem.from_error(InputError(message, line=line_number or None), where)


def _parse_record(raw_line: bytes, line_number: int) -> dict[str, object]:
    try:
        text = raw_line.decode("utf-8-sig" if line_number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(f"invalid UTF-8 at byte {exc.start}", line=line_number) from None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"malformed JSON: {exc.msg} (column {exc.colno})", line=line_number) from None
    if not isinstance(record, dict):
        raise ParseError(f"a JSON {type(record).__name__}, not an object", line=line_number)
    return record


class _UniqueIds:
    """Hands out ids, suffixing repeats (``a``, ``a~2``, ...) so every document id is unique."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def take(self, wanted: str) -> str:
        count = self._seen.get(wanted, 0) + 1
        self._seen[wanted] = count
        return wanted if count == 1 else f"{wanted}~{count}"
