"""``marsad analyze``: inputs in, analysis.json, report.html and manifest.jsonl out.

Documents stream through the per-document stage; their records are spooled to
disk section by section and their signatures go to the cross-document stage.
The export is then assembled from the spool with the cross-document fields
filled in, so memory holds signatures, not the corpus.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

from marsad.corpus.entities import curated_entity_id
from marsad.corpus.stage import CorpusResult, CorpusStage
from marsad.ingest.readers import read_inputs
from marsad.report.export import DOCUMENT_SECTIONS, SCHEMA, SECTIONS, dumps
from marsad.report.html import write_report
from marsad.runner import Outcome, analyse_stream
from marsad.settings import Settings

ANALYSIS_FILE = "analysis.json"
REPORT_FILE = "report.html"
MANIFEST_FILE = "manifest.jsonl"


@dataclass
class Summary:
    out_dir: Path
    done: int = 0
    skipped: int = 0
    failed: int = 0
    languages: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.done + self.skipped + self.failed


class _Spool:
    """One JSONL file per export section, written as documents arrive."""

    def __init__(self, folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        self.folder = folder
        self._files: dict[str, IO[str]] = {s: (folder / f"{s}.jsonl").open("w", encoding="utf-8") for s in DOCUMENT_SECTIONS}

    def add(self, section: str, line: str) -> None:
        self._files[section].write(line + "\n")

    def close(self) -> None:
        for stream in self._files.values():
            stream.close()

    def read(self, section: str) -> Iterator[dict[str, Any]]:
        with (self.folder / f"{section}.jsonl").open(encoding="utf-8") as stream:
            for line in stream:
                yield json.loads(line)

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _manifest_record(outcome: Outcome) -> dict[str, Any]:
    if outcome.analysed is not None:
        return {"input": outcome.where, "status": "done", "id": outcome.analysed.id, "language": outcome.analysed.language}
    problem = outcome.problem
    assert problem is not None
    return {
        "input": problem.where,
        "status": problem.status,
        "id": problem.id,
        "error": problem.error,
        "code": problem.code,
        "reason": problem.message,
        "line": problem.line,
    }


def run_analysis(
    paths: Iterable[Path],
    out_dir: Path,
    settings: Settings,
    *,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> Summary:
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = Summary(out_dir)
    spool = _Spool(out_dir / ".spool")
    corpus = CorpusStage(settings)
    try:
        with (out_dir / MANIFEST_FILE).open("w", encoding="utf-8") as manifest:
            for outcome in analyse_stream(read_inputs(paths, settings), settings):
                manifest.write(dumps(_manifest_record(outcome)) + "\n")
                if outcome.analysed is not None:
                    analysed = outcome.analysed
                    summary.done += 1
                    summary.languages[analysed.language] = summary.languages.get(analysed.language, 0) + 1
                    for section, line in analysed.lines:
                        spool.add(section, line)
                    corpus.add(analysed.signature)
                elif outcome.problem is not None and outcome.problem.status == "skipped":
                    summary.skipped += 1
                else:
                    summary.failed += 1
                if on_outcome is not None:
                    on_outcome(outcome)
        spool.close()
        if summary.done:
            result = corpus.finish()
            with (out_dir / ANALYSIS_FILE).open("w", encoding="utf-8") as stream:
                write_analysis(stream, spool, result)
            if settings.report_html:
                with (out_dir / REPORT_FILE).open("w", encoding="utf-8") as stream:
                    write_report(
                        stream,
                        _documents_with_layers(spool, result),
                        result,
                        summary,
                        max_documents=settings.report_max_documents,
                        max_claims=settings.report_max_claims,
                        max_events=settings.report_max_events,
                    )
    finally:
        spool.close()
        spool.remove()
    return summary


def _completed_documents(spool: _Spool, result: CorpusResult) -> Iterator[dict[str, Any]]:
    for record in spool.read("documents"):
        doc_id = record["id"]
        record["duplicate_of"] = result.duplicate_of.get(doc_id)
        record["story"] = result.story_of.get(doc_id)
        for origin in record["origins"]:
            origin["entity"] = origin["entity"] or _named_entity(origin["name"], result)
        record.update(result.document_extra.get(doc_id, {}))
        yield record


def _documents_with_layers(spool: _Spool, result: CorpusResult) -> Iterator[tuple[dict[str, Any], dict[str, list]]]:
    """Each document record with its annotation records, streamed section by section in step."""
    layers = [s for s in DOCUMENT_SECTIONS if s != "documents"]
    grouped = {s: groupby(_with_entities(s, spool.read(s), result), key=itemgetter("doc")) for s in layers}
    pending: dict[str, tuple[str, list] | None] = {s: _next_group(grouped[s]) for s in layers}
    for record in _completed_documents(spool, result):
        annotations: dict[str, list] = {}
        for section in layers:
            group = pending[section]
            if group is not None and group[0] == record["id"]:
                annotations[section] = group[1]
                pending[section] = _next_group(grouped[section])
            else:
                annotations[section] = []
        yield record, annotations


def _next_group(groups: Iterator[tuple[str, Iterator[dict[str, Any]]]]) -> tuple[str, list] | None:
    for key, items in groups:
        return key, list(items)
    return None


def _with_entities(section: str, records: Iterator[dict[str, Any]], result: CorpusResult) -> Iterator[dict[str, Any]]:
    """Fill entity ids into per-document records from the cross-document linking."""
    entity = result.mention_entity
    for record in records:
        if section == "mentions":
            record["entity"] = entity.get((record["doc"], record["start"], record["end"]))
        elif section == "attributions":
            for ref in (record["source"], *record["via"]):
                if ref.get("start") is not None:
                    ref["entity"] = entity.get((record["doc"], ref["start"], ref["end"]))
                else:  # a report the document relays, named by the outlets table
                    ref["entity"] = ref["entity"] or _named_entity(ref["text"], result)
        elif section == "events":
            _link_event(record, result)
        yield record


def _named_entity(name: str, result: CorpusResult) -> str | None:
    """The entity a name without offsets spells (an origin credited as The New York Times), if the corpus has it."""
    entity = curated_entity_id(name)
    return entity if entity in result.entity_ids else None


def _link_event(record: dict[str, Any], result: CorpusResult) -> None:
    """An event's place and actors as entity ids, and the event group it reports."""
    for ref in filter(None, (record["place_mention"], *record["actor_mentions"])):
        ref["entity"] = result.mention_entity.get((record["doc"], ref["start"], ref["end"]))
    record["place"] = record["place_mention"]["entity"] if record["place_mention"] else None
    record["actors"] = list(dict.fromkeys(a["entity"] for a in record["actor_mentions"] if a["entity"]))
    record["event"] = result.event_of.get(record["id"])


def write_analysis(stream: IO[str], spool: _Spool, result: CorpusResult) -> None:
    """Write the whole export, one record per line inside each section's list."""
    stream.write('{"schema":' + dumps(SCHEMA))
    cross_sections = {
        "entities": result.entities,
        "claims": result.claims,
        "stories": result.stories,
        "event_groups": result.event_groups,
    }
    for section in SECTIONS:
        if section == "documents":
            records: Iterator[dict[str, Any]] = _completed_documents(spool, result)
        elif section in DOCUMENT_SECTIONS:
            records = _with_entities(section, spool.read(section), result)
        else:
            records = iter(cross_sections[section])
        stream.write(f',\n"{section}":[')
        for number, record in enumerate(records):
            stream.write(("\n" if number == 0 else ",\n") + dumps(record))
        stream.write("]")
    stream.write("}\n")
