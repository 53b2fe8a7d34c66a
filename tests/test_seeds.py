"""The whole pipeline on the seed articles from ../shared (never copied into the repo)."""

import json
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app
from marsad.report.validate import validate_analysis


def test_seeds_give_a_valid_export_with_exact_offsets(tmp_path: Path, shared: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["analyze", str(shared / "seeds"), "--out", str(out), "--quiet", "--jobs", "2"])
    assert result.exit_code == 0, result.stderr
    analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    assert validate_analysis(analysis) == []
    assert [d["id"] for d in analysis["documents"]] == sorted(p.stem for p in (shared / "seeds").glob("*.txt"))
    assert all(d["language"] == "ar" for d in analysis["documents"])
