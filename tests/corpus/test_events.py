from __future__ import annotations

import json
from pathlib import Path

from marsad.analysis import run_analysis
from marsad.corpus.events import EventRecord, group_json, merge_events
from marsad.report.validate import validate_analysis
from marsad.settings import Settings


def record(doc: str, date: str | None = "2017-10-04", place: str | None = "ent:raqqa", kind: str = "airstrike", **more) -> EventRecord:
    return EventRecord(doc, kind, (10, 15), date=date, place=place, **more)


def test_one_strike_in_three_reports_is_one_event() -> None:
    reports = [record("a", killed=(13, 13)), record("b", date="2017-10-05", killed=(15, 15)), record("c", date="2017-10")]
    assert merge_events(reports) == [tuple(reports)]


def test_type_place_date_and_story_keep_events_apart() -> None:
    strike = record("a", story="s1")
    others = [
        record("b", kind="shelling", story="s1"),
        record("c", place="ent:deir", story="s1"),
        record("d", date="2017-10-09", story="s1"),
        record("e", story="s2"),
    ]
    groups = merge_events([strike, *others])
    assert len(groups) == 5 and (strike,) in groups


def test_reports_in_two_stories_are_one_event_only_with_a_town_and_a_day() -> None:
    town = {"place_precision": 1}
    first, second = record("a", story="s1", **town), record("b", story="s2", date="2017-10-05", **town)
    assert merge_events([first, second]) == [(first, second)]
    province = record("c", story="s3", place_precision=3)
    month = record("d", story="s4", date="2017-10", **town)
    assert sorted(len(g) for g in merge_events([first, second, province, month])) == [1, 1, 2]


def test_unknown_place_or_date_does_not_block_and_one_document_is_never_merged_with_itself() -> None:
    first, vague, same_doc = record("a"), record("b", date=None, place=None), record("a", place=None)
    groups = merge_events([same_doc, vague, first])
    assert sorted(len(g) for g in groups) == [1, 2]
    assert all(len({r.doc for r in g}) == len(g) for g in groups) and any(vague in g for g in groups if len(g) == 2)


def test_a_group_keeps_the_conservative_toll_the_most_precise_date_and_every_report() -> None:
    group = (
        record("a", date="2017-10", killed=(13, 13), sentence=(0, 80), attribution=2),
        record("b", index=3, date="2017-10-04", killed=(15, 15), injured=(20, None)),
    )
    merged = group_json(group)
    assert (merged["type"], merged["date"], merged["place"]) == ("airstrike", "2017-10-04", "ent:raqqa")
    assert (merged["killed"], merged["injured"]) == ({"low": 13, "high": 15}, {"low": 20, "high": None})
    assert merged["notes"] == ["killed figures disputed: 13, 15"]
    assert merged["reports"] == [
        {"event": "a#ev0", "doc": "a", "sentence": {"start": 0, "end": 80}, "attribution": 2},
        {"event": "b#ev3", "doc": "b", "sentence": None, "attribution": None},
    ]


# Two outlets report one strike with different tolls; a third article reports another strike elsewhere.
OUTLET_A = (
    "غارات جوية تقتل مدنيين في ريف إدلب\n\n"
    "قتل 12 مدنيا وأصيب 20 آخرون في غارة جوية استهدفت سوقا شعبيا في مدينة معرة النعمان بريف إدلب الجنوبي "
    "يوم الثلاثاء 14 آذار 2023، بحسب ما أفاد الدفاع المدني السوري.\n\n"
    "وقال المرصد السوري لحقوق الإنسان إن طائرات حربية نفذت الغارة على السوق في ساعات الصباح.\n"
)
OUTLET_B = (
    "مقتل مدنيين بغارة على سوق في معرة النعمان\n\n"
    "قال الدفاع المدني السوري إن غارة جوية على سوق شعبي في مدينة معرة النعمان جنوب إدلب أسفرت "
    "يوم الثلاثاء 14 آذار 2023 عن مقتل 14 مدنيا وإصابة 20 آخرين.\n\n"
    "وأضاف أن فرق الإنقاذ ما زالت تبحث عن ناجين تحت الأنقاض في السوق.\n"
)
OTHER_STRIKE = (
    "غارة على أريحا\n\n"
    "قتل 3 مدنيين في غارة جوية على مدينة أريحا يوم الثلاثاء 14 آذار 2023، وفق الدفاع المدني السوري.\n"
)


def _analysis(folder: Path, out: Path) -> dict:
    run_analysis([folder], out, Settings(jobs=1, report_html=False))
    analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    assert validate_analysis(analysis) == []
    return analysis


def _check_links(analysis: dict) -> None:
    """Every event's place and actors are entities, and its group lists it among its reports."""
    entities = {e["id"] for e in analysis["entities"]}
    mention_entity = {(m["doc"], m["start"], m["end"]): m["entity"] for m in analysis["mentions"]}
    groups = {g["id"]: g for g in analysis["event_groups"]}
    for event in analysis["events"]:
        place = event["place_mention"]
        assert event["place"] == (mention_entity[(event["doc"], place["start"], place["end"])] if place else None)
        assert all(entity in entities for entity in [*event["actors"], *filter(None, [event["place"]])])
        assert event["id"] in [report["event"] for report in groups[event["event"]]["reports"]]


def test_two_outlets_reporting_one_strike_give_one_event_with_two_reports(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("outlet_a", OUTLET_A), ("outlet_b", OUTLET_B), ("other", OTHER_STRIKE)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    analysis = _analysis(folder, tmp_path / "out")
    _check_links(analysis)
    strikes = {e["doc"]: e for e in analysis["events"] if e["type"] == "airstrike"}
    assert sorted(strikes) == ["other", "outlet_a", "outlet_b"]
    assert strikes["outlet_a"]["event"] == strikes["outlet_b"]["event"] != strikes["other"]["event"]
    assert strikes["outlet_a"]["place"] == strikes["outlet_b"]["place"] is not None
    [merged] = [g for g in analysis["event_groups"] if g["id"] == strikes["outlet_a"]["event"]]
    assert (merged["date"], merged["killed"], merged["injured"]) == ("2023-03-14", {"low": 12, "high": 14}, {"low": 20, "high": 20})
    assert [(r["doc"], r["attribution"] is not None) for r in merged["reports"]] == [("outlet_a", True), ("outlet_b", True)]
    text = next(d["text"] for d in analysis["documents"] if d["id"] == "outlet_b")
    sentence = merged["reports"][1]["sentence"]
    assert "14 مدنيا" in text[sentence["start"] : sentence["end"]]


def test_seed_events_have_entity_places_and_actors_and_a_group(tmp_path: Path, shared: Path) -> None:
    analysis = _analysis(shared / "seeds", tmp_path / "out")
    _check_links(analysis)
    assert any(e["actors"] for e in analysis["events"]) and any(e["place"] for e in analysis["events"])
    reports = sorted(r["event"] for g in analysis["event_groups"] for r in g["reports"])
    assert reports == sorted(e["id"] for e in analysis["events"])
