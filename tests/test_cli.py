import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from marsad.cli import app
from marsad.report.validate import validate_analysis

runner = CliRunner()


def _analyse(tmp_path: Path, *inputs: Path | str, jobs: int = 1, extra: tuple[str, ...] = ()) -> tuple[int, str, Path]:
    out = tmp_path / f"out-{jobs}"
    result = runner.invoke(app, ["analyze", *map(str, inputs), "--out", str(out), "--jobs", str(jobs), "--quiet", *extra])
    return result.exit_code, result.stderr, out


def _manifest(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def test_demo_corpus_gives_a_valid_export_and_report(tmp_path: Path, demo: Path) -> None:
    code, stderr, out = _analyse(tmp_path, demo)
    assert code == 0, stderr
    analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    assert validate_analysis(analysis) == []
    documents = {d["id"]: d for d in analysis["documents"]}
    assert len(documents) == 7
    assert documents["005_khartoum_truce_cp1256"]["encoding"] == "cp1256"
    truce = documents["005_khartoum_truce_cp1256"]
    assert truce["title"] == "السودان: اتفاق هدنة لمدة سبعة أيام في الخرطوم"
    assert truce["text"].startswith("الخرطوم - واس\n\nأعلن الوسطاء السعوديون والأمريكيون")  # wire dateline kept
    english = documents["wire-0002"]
    assert english["language"] == "en" and "tokens" in english["analysed"] and "quantities" not in english["analysed"]
    assert documents["002_sadd_marib_copy"]["published"] == "2023-03-14"
    report = (out / "report.html").read_text(encoding="utf-8")
    assert report.startswith("<!DOCTYPE html>") and 'dir="rtl"' in report
    assert "http" not in report.split("<main>")[0]  # no external resources
    assert all(m["status"] == "done" for m in _manifest(out))


def test_output_is_the_same_whatever_the_number_of_jobs(tmp_path: Path, demo: Path) -> None:
    one = _analyse(tmp_path, demo, jobs=1)[2]
    two = _analyse(tmp_path, demo, jobs=2)[2]
    assert (one / "analysis.json").read_bytes() == (two / "analysis.json").read_bytes()
    assert (one / "manifest.jsonl").read_bytes() == (two / "manifest.jsonl").read_bytes()


def test_a_folder_of_bad_inputs_is_accounted_for_and_the_rest_analysed(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("قال وزير الزراعة إن محصول القمح ارتفع هذا العام بنسبة كبيرة.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (folder / "noise.txt").write_bytes(bytes(range(128, 256)) * 3 + b"\x81\x8d\x8f\x90\x9d")
    (folder / "broken.html").write_text("<html><body><p>ارتفعت أسعار الخبز في المدينة بنسبة عشرة في المئة هذا الأسبوع.<div><p", encoding="utf-8")
    (folder / "feed.jsonl").write_text('{"id": "r1", "text": "افتتحت البلدية حديقة عامة جديدة."}\n{"id": broken\n', encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n")
    code, stderr, out = _analyse(tmp_path, folder, tmp_path / "missing-folder")
    assert code == 0
    statuses = {m["input"].replace(str(tmp_path) + "/", ""): m["status"] for m in _manifest(out)}
    assert statuses == {
        "mixed/binary.txt": "failed",
        "mixed/broken.html": "done",
        "mixed/empty.txt": "skipped",
        "mixed/feed.jsonl:1": "done",
        "mixed/feed.jsonl:2": "failed",
        "mixed/good.txt": "done",
        "mixed/image.png": "skipped",
        "mixed/noise.txt": "failed",
        "missing-folder": "failed",
    }
    problem_lines = [line for line in stderr.splitlines() if line.startswith("marsad:")]
    assert len(problem_lines) == 6
    assert any("feed.jsonl:2" in line and "malformed JSON" in line for line in problem_lines)
    assert "Traceback" not in stderr


def test_no_analysable_input_exits_non_zero_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, stderr, out = _analyse(tmp_path, tmp_path / "empty.txt")
    assert code == 1
    assert "no document could be analysed" in stderr
    assert not (out / "analysis.json").exists()


def test_unreadable_settings_file_is_a_clear_error(tmp_path: Path, demo: Path) -> None:
    code, stderr, _ = _analyse(tmp_path, demo, extra=("--config", str(tmp_path / "nope.toml")))
    assert code == 2 and "settings file not found" in stderr


def test_installed_command_runs_as_a_process(tmp_path: Path, demo: Path) -> None:
    exe = shutil.which("marsad", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("console script not installed")
    out = tmp_path / "out"
    done = subprocess.run([exe, "analyze", str(demo / "001_sadd_marib.txt"), "--out", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "1 analysed" in done.stderr
    validate = subprocess.run([exe, "validate", str(out / "analysis.json")], capture_output=True, text=True)
    assert validate.returncode == 0 and "is valid" in validate.stderr


def test_export_prints_a_section_as_json_lines(tmp_path: Path, demo: Path) -> None:
    code, _, out = _analyse(tmp_path, demo / "006_wire_feed.jsonl")
    assert code == 0
    result = runner.invoke(app, ["export", str(out), "--section", "documents", "--jsonl"])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in lines] == ["wire-0001", "wire-0002"]
    bad = runner.invoke(app, ["export", str(out), "--section", "people"])
    assert bad.exit_code == 2 and "no section 'people'" in bad.stderr


def test_serve_binds_to_this_machine_only_by_default(tmp_path: Path, demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append({"app": app, **options}))
    code, stderr, out = _analyse(tmp_path, demo / "001_sadd_marib.txt", extra=("--no-report",))
    assert code == 0, stderr
    result = runner.invoke(app, ["serve", str(out)])
    assert result.exit_code == 0, result.stderr
    assert calls[-1]["host"] == "127.0.0.1" and calls[-1]["port"] == 8000
    assert "http://127.0.0.1:8000/" in result.stderr
    web = TestClient(calls[-1]["app"], base_url="http://127.0.0.1:8000")
    assert web.get("/").status_code == 200
    assert web.get("/", headers={"host": "rebound.example"}).status_code == 400  # another site's name for 127.0.0.1
    result = runner.invoke(app, ["serve", str(out / "analysis.json"), "--host", "0.0.0.0", "--port", "9000"])
    assert result.exit_code == 0 and calls[-1]["host"] == "0.0.0.0" and calls[-1]["port"] == 9000
    assert "anyone who can reach this address" in result.stderr


def test_serve_needs_an_analysis(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", str(tmp_path)])
    assert result.exit_code == 2 and "no analysis.json" in result.stderr
    (tmp_path / "analysis.json").write_text('{"schema": "other"}', encoding="utf-8")
    result = runner.invoke(app, ["serve", str(tmp_path)])
    assert result.exit_code == 2 and "not a marsad.analysis/1 analysis" in result.stderr
