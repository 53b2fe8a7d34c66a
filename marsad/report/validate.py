"""Checks an export against the contract schema and the stand-off rule."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

SPAN_SECTIONS = ("mentions", "quantities", "times", "attributions", "events")


@cache
def contract_schema() -> dict[str, Any]:
    """The analysis.json contract (a copy of shared/contract/analysis.schema.json)."""
    return json.loads(resources.files("marsad.data").joinpath("analysis.schema.json").read_text(encoding="utf-8"))


def validate_analysis(analysis: dict[str, Any]) -> list[str]:
    """Every way ``analysis`` breaks the contract or its offsets; empty when it is valid."""
    validator = jsonschema.Draft202012Validator(contract_schema())
    problems = [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in validator.iter_errors(analysis)]
    if problems:
        return problems
    texts = {d["id"]: d["text"] for d in analysis["documents"]}
    for section in SPAN_SECTIONS:
        for number, item in enumerate(analysis[section]):
            text = texts.get(item["doc"])
            where = f"{section}/{number}"
            if text is None:
                problems.append(f"{where}: unknown document {item['doc']!r}")
                continue
            if not 0 <= item["start"] <= item["end"] <= len(text):
                problems.append(f"{where}: offsets {item['start']}:{item['end']} outside the text")
            elif "text" in item and text[item["start"] : item["end"]] != item["text"]:
                problems.append(f"{where}: text[{item['start']}:{item['end']}] is not {item['text']!r}")
            if section == "attributions" and not 0 <= item["content_start"] <= item["content_end"] <= len(text):
                problems.append(f"{where}: content offsets outside the text")
    return problems


def validate_file(path: Path) -> list[str]:
    try:
        analysis = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [f"cannot read {path}: {exc}"]
    return validate_analysis(analysis)
