from marsad.report.spans import Mark, annotation_marks, format_value, paragraphs, pieces


def test_pieces_cut_text_at_marks_and_extra_cuts() -> None:
    text = "قال الوزير إن 40 شخصا قتلوا."
    marks = [Mark(4, 10, "mentions", "m", "", {}), Mark(4, 6, "mentions", "m", "", {}), Mark(14, 16, "quantities", "q", "", {})]
    cut = pieces(text, 0, len(text), marks, cuts=(8, 14))
    assert "".join(p.text for p in cut) == text
    assert [(p.text, p.mark is not None, p.opens) for p in cut] == [
        ("قال ", False, False),
        ("الوز", True, True),  # the longer of two marks at the same start wins, cut at 8
        ("ير", True, False),
        (" إن ", False, False),
        ("40", True, True),
        (" شخصا قتلوا.", False, False),
    ]


def test_paragraphs_and_headings() -> None:
    record = {"text": "فقرة.\n\nعنوان\n\n\n\nأخرى", "headings": [{"start": 7, "end": 12}]}
    assert [(p.start, p.end, p.heading) for p in paragraphs(record)] == [(0, 5, False), (7, 12, True), (16, 20, False)]


def test_values_and_marks() -> None:
    assert format_value(20000, 30000) == "20,000–30,000" and format_value(None, 5) == "≤ 5" and format_value(None, None) == "?"
    marks = annotation_marks({"quantities": [{"start": 0, "end": 2, "low": 3, "high": 3, "approximate": True, "unit": "km"}]})
    assert marks[0].title == "3 km تقريبا" and marks[0].section == "quantities"
