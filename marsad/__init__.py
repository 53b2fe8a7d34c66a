"""marsad (مرصد): Arabic news articles in, a clean, source-traced account out.

The public API is what this module exports; ``tests/test_public_api.py`` pins it.
Heavy parts (HTML extraction, models) load only when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from marsad.document import (
    Attribution,
    Document,
    Event,
    Heading,
    Mention,
    Metadata,
    Origin,
    Quantity,
    Reference,
    Removed,
    Sentence,
    Span,
    TimeExpression,
    Token,
)
from marsad.errors import MarsadError
from marsad.settings import Settings, load_settings

if TYPE_CHECKING:
    from marsad.analysis import Summary, run_analysis

__version__ = "0.1.0"

__all__ = [
    "Attribution",
    "Document",
    "Event",
    "Heading",
    "MarsadError",
    "Mention",
    "Metadata",
    "Origin",
    "Quantity",
    "Reference",
    "Removed",
    "Sentence",
    "Settings",
    "Span",
    "Summary",
    "TimeExpression",
    "Token",
    "load_settings",
    "run_analysis",
    "__version__",
]


def __getattr__(name: str) -> Any:
    if name in ("run_analysis", "Summary"):
        from marsad import analysis

        return getattr(analysis, name)
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")
