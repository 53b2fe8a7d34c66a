from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEMO = ROOT / "examples" / "demo"


@pytest.fixture
def shared() -> Path:
    """The shared data folder beside the repo; tests that need it skip without it."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture
def seeds(shared: Path) -> dict[str, str]:
    """The seed articles' raw text by file stem (read at test time, never copied)."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))}


@pytest.fixture
def demo() -> Path:
    return DEMO
