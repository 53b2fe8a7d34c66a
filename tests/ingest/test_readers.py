import gzip
import json
from pathlib import Path

from marsad.ingest.readers import HTML, RECORD, TEXT, Problem, RawInput, read_inputs
from marsad.settings import Settings

SETTINGS = Settings(jobs=1)


def _read(*paths: Path, settings: Settings = SETTINGS) -> list[RawInput | Problem]:
    return list(read_inputs(paths, settings))


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("نص ثان", encoding="utf-8")
    (tmp_path / "a.html").write_text("<p>نص</p>", encoding="utf-8")
    (tmp_path / "c.htm").write_text("<p>نص</p>", encoding="utf-8")
    items = _read(tmp_path)
    assert [(i.id, i.kind) for i in items if isinstance(i, RawInput)] == [("a", HTML), ("2", TEXT), ("c", HTML)]
    assert [i.order for i in items] == [0, 1, 2]


def test_missing_path_and_unknown_type_are_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    items = _read(tmp_path / "nowhere.txt", tmp_path)
    assert all(isinstance(i, Problem) for i in items)
    missing, unknown = items
    assert (missing.status, missing.error) == ("failed", "MissingInputError")
    assert (unknown.status, unknown.error) == ("skipped", "UnsupportedInputError")
    assert unknown.where.endswith("notes.docx")


def test_malformed_jsonl_lines_are_reported_with_their_line_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "عنوان", "text": "نص الخبر الأول", "date": "2020-01-02"}, ensure_ascii=False),
        '{"id": "a2", "text": "نص مقطوع',
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a4", "body": "لا يوجد حقل نص"}, ensure_ascii=False),
        json.dumps({"id": "a5", "text": "نص الخبر الخامس"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(path)
    assert [type(i).__name__ for i in items] == ["RawInput", "Problem", "Problem", "Problem", "RawInput"]
    assert [i.line for i in items if isinstance(i, Problem)] == [2, 4, 5]
    assert items[1].where == f"{path}:2"
    assert items[0].kind == RECORD and items[0].record["title"] == "عنوان"


def test_jsonl_fields_can_be_remapped_and_gzip_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(json.dumps({"uid": "x9", "body": "نص", "headline": "عنوان"}, ensure_ascii=False) + "\n")
    settings = SETTINGS.replace(jsonl_fields=tuple((SETTINGS.field_map | {"id": "uid", "text": "body", "title": "headline"}).items()))
    (item,) = _read(path, settings=settings)
    assert isinstance(item, RawInput)
    assert (item.id, item.record["text"], item.record["title"]) == ("x9", "نص", "عنوان")


def test_records_without_id_and_repeated_ids_get_unique_ids(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "أ"}\n{"id": "k", "text": "ب"}\n{"id": "k", "text": "ج"}\n', encoding="utf-8")
    assert [i.id for i in _read(path)] == ["feed:1", "k", "k~2"]


def test_truncated_gzip_is_reported_after_the_lines_it_could_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    body = "".join(json.dumps({"id": str(n), "text": "نص " * 200}, ensure_ascii=False) + "\n" for n in range(50))
    path.write_bytes(gzip.compress(body.encode("utf-8"))[:-60])
    items = _read(path)
    assert isinstance(items[-1], Problem) and items[-1].status == "failed"
    assert all(isinstance(i, RawInput) for i in items[:-1])


def test_file_over_the_size_limit_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("نص " * 100, encoding="utf-8")
    (item,) = _read(path, settings=SETTINGS.replace(max_bytes=50))
    assert isinstance(item, Problem) and (item.status, item.error) == ("skipped", "TooLargeError")
