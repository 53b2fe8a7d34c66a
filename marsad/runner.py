"""Runs the per-document stage over a stream of inputs, in worker processes, in input order.

The per-document stage (:func:`analyse_input`) is a pure function of a raw
input and the settings. :func:`analyse_stream` feeds inputs to a process pool
in chunks with a bounded number in flight, so memory stays flat whatever the
size of the corpus, and yields outcomes in input order whatever ``jobs`` is.
"""

from __future__ import annotations

import multiprocessing
import sys
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from marsad.corpus.signatures import Signature, make_signature
from marsad.document import Document
from marsad.errors import MarsadError
from marsad.ingest.documents import to_document
from marsad.ingest.readers import Problem, RawInput
from marsad.pipeline import Pipeline, build_pipeline
from marsad.report.export import dumps, layer_records
from marsad.settings import Settings


@dataclass(frozen=True, slots=True)
class Analysed:
    """What the main process keeps of an analysed document: its export lines and its signature.

    Records are serialised in the worker, so the main process only writes lines
    and the cross-document stage only sees the compact signature.
    """

    id: str
    language: str
    lines: tuple[tuple[str, str], ...]  # (export section, JSON line)
    signature: Signature


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: an analysed document, or the problem that stopped it."""

    order: int
    where: str
    analysed: Analysed | None = None
    problem: Problem | None = None


def analyse_input(raw: RawInput, settings: Settings, pipeline: Pipeline) -> Document:
    """The per-document stage: raw input in, analysed document out."""
    return pipeline(to_document(raw, settings), settings)


def _outcome(item: RawInput | Problem, settings: Settings, pipeline: Pipeline) -> Outcome:
    if isinstance(item, Problem):
        return Outcome(item.order, item.where, problem=item)
    try:
        doc = analyse_input(item, settings, pipeline)
        lines = tuple((section, dumps(record)) for section, record in layer_records(doc))
        analysed = Analysed(doc.id, doc.meta.language, lines, make_signature(doc, item.order, settings))
        return Outcome(item.order, item.where, analysed=analysed)
    except MarsadError as error:
        return Outcome(item.order, item.where, problem=Problem.from_error(error, item.where, id=item.id, order=item.order))
    except Exception as error:  # a bug must not stop the batch; it is reported with its place
        frame = traceback.extract_tb(error.__traceback__)[-1]
        message = f"internal error {type(error).__name__}: {error} (at {frame.filename}:{frame.lineno})"
        problem = Problem(item.where, "failed", "InternalError", "E999", message, id=item.id, order=item.order)
        return Outcome(item.order, item.where, problem=problem)


# Worker-process state, set once per process by the pool initialiser.
_worker: tuple[Settings, Pipeline] | None = None


def _init_worker(settings: Settings) -> None:
    global _worker
    _worker = (settings, build_pipeline(settings.pipeline, settings))


def _work_chunk(chunk: list[RawInput | Problem]) -> list[Outcome]:
    assert _worker is not None, "worker not initialised"
    settings, pipeline = _worker
    return [_outcome(item, settings, pipeline) for item in chunk]


def _chunks(items: Iterable[RawInput | Problem], size: int) -> Iterator[list[RawInput | Problem]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def analyse_stream(items: Iterable[RawInput | Problem], settings: Settings) -> Iterator[Outcome]:
    """Outcomes for ``items`` in input order, using ``settings.jobs`` processes."""
    pipeline = build_pipeline(settings.pipeline, settings)  # a bad pipeline or a missing model fails here
    if settings.jobs <= 1:
        for item in items:
            yield _outcome(item, settings, pipeline)
        return
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    max_in_flight = settings.jobs * 4
    with context.Pool(settings.jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        pending: deque = deque()
        for chunk in _chunks(items, settings.batch_size):
            pending.append(pool.apply_async(_work_chunk, (chunk,)))
            if len(pending) >= max_in_flight:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
