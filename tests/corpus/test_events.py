from marsad.corpus.events import EventRecord, merge_events


def record(doc: str, date: str | None = "2017-10-04", place: str | None = "ent:raqqa", kind: str = "airstrike", **more) -> EventRecord:
    return EventRecord(doc, kind, (10, 15), date=date, place=place, **more)


def test_one_strike_in_three_reports_is_one_event() -> None:
    reports = [record("a", killed=(13, 13)), record("b", date="2017-10-05", killed=(15, 15)), record("c", date="2017-10")]
    assert merge_events(reports) == [tuple(reports)]


def test_type_place_date_and_story_keep_events_apart() -> None:
    strike = record("a", story="s1")
    others = [
        record("b", kind="shelling"),
        record("c", place="ent:deir"),
        record("d", date="2017-10-09"),
        record("e", story="s2"),
    ]
    groups = merge_events([strike, *others])
    assert len(groups) == 5 and (strike,) in groups


def test_unknown_place_or_date_does_not_block_and_one_document_is_never_merged_with_itself() -> None:
    first, vague, same_doc = record("a"), record("b", date=None, place=None), record("a", place=None)
    groups = merge_events([same_doc, vague, first])
    assert sorted(len(g) for g in groups) == [1, 2]
    assert all(len({r.doc for r in g}) == len(g) for g in groups) and any(vague in g for g in groups if len(g) == 2)
