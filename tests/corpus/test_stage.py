import json
from pathlib import Path

from marsad.analysis import run_analysis
from marsad.settings import Settings


def test_the_demo_s_near_copy_points_at_its_original_and_shares_its_story(tmp_path: Path, demo: Path) -> None:
    run_analysis([demo], tmp_path, Settings(jobs=1, report_html=False))
    analysis = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    documents = {d["id"]: d for d in analysis["documents"]}
    assert {d["id"]: d["duplicate_of"] for d in documents.values() if d["duplicate_of"]} == {
        "002_sadd_marib_copy": "001_sadd_marib"
    }
    stories = {s["id"]: s for s in analysis["stories"]}
    assert sorted(s for d in documents.values() for s in [d["story"]]) == sorted(
        story for story, s in stories.items() for _ in s["documents"]
    )
    marib = stories[documents["001_sadd_marib"]["story"]]
    assert marib["documents"] == ["001_sadd_marib", "002_sadd_marib_copy"]
    assert marib["first_seen"] == marib["last_seen"] == "2023-03-14"
    assert documents["004_hasakah_escape"]["story"] != documents["003_guardian_relay"]["story"]


def test_two_translations_of_one_report_share_a_story_and_same_theme_reports_do_not(tmp_path: Path, shared: Path) -> None:
    run_analysis([shared / "seeds"], tmp_path, Settings(jobs=1, report_html=False))
    analysis = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    groups = sorted(sorted(d[:3] for d in story["documents"]) for story in analysis["stories"])
    assert groups == [["000", "001"], ["002"], ["003"], ["004"]]
    assert all(d["duplicate_of"] is None for d in analysis["documents"])
