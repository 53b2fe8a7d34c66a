"""Month and weekday names, looked up by their normalised form.

The tables are data (``marsad/data/months.json``, ``weekdays.json``), loaded on
first use. Multi-word names (كانون الثاني، تشرين الأول) are keyed with single
spaces; callers match the longest name first (:data:`MAX_NAME_WORDS`).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from marsad.arabic.normalise import fold

MAX_NAME_WORDS = 2


@cache
def _table(name: str) -> dict[str, int]:
    data = json.loads(resources.files("marsad.data").joinpath(name).read_text(encoding="utf-8"))
    return {fold(word): int(number) for number, words in data.items() if not number.startswith("_") for word in words}


def month_number(name: str) -> int | None:
    """1-12 for a month name in any naming system (يناير، كانون الثاني، جانفي), else None."""
    return _table("months.json").get(fold(name))


def weekday_number(name: str) -> int | None:
    """ISO weekday (Monday = 1) for an Arabic weekday name, else None."""
    return _table("weekdays.json").get(fold(name))


def month_names() -> dict[str, int]:
    """Every known month name (normalised) with its number."""
    return dict(_table("months.json"))
