from marsad.document import (
    ANONYMOUS_SOURCE,
    OUTLET_SOURCE,
    RELAYED,
    TRANSLATED,
    Attribution,
    Document,
    Metadata,
    Origin,
    Reference,
)
from marsad.report.export import layer_records

# A site's translation of a newspaper report: the newspaper speaks, quotes a monitor, and is named again.
TEXT = (
    "قالت صحيفة نيويورك تايمز إن المئات فروا. "
    "وقال المرصد المحلي إن المهربين تقاضوا رشاوى. "
    "واعتبرت الصحيفة أن الأرقام غير دقيقة، ونقلت عن مسؤولين أن التحقيق مستمر."
)


def _ref(part: str, kind: str) -> Reference:
    start = TEXT.index(part)
    return Reference(part, start, start + len(part), kind=kind)


def _said(cue: str, source: Reference, content: str, via: tuple[Reference, ...] = ()) -> Attribution:
    start, content_start = TEXT.index(cue), TEXT.index(content)
    return Attribution(
        start, start + len(cue), cue=cue, source=source,
        content_start=content_start, content_end=content_start + len(content), via=via,
    )


def _vias(origins: tuple[Origin, ...]) -> list[list[str]]:
    doc = Document("t", TEXT, Metadata(language="ar"), origins=origins).with_layer(
        "attributions",
        (
            _said("قالت", _ref("صحيفة نيويورك تايمز", OUTLET_SOURCE), "المئات فروا"),
            _said("وقال", _ref("المرصد المحلي", "organisation"), "المهربين تقاضوا رشاوى"),
            _said("ونقلت", _ref("مسؤولين", ANONYMOUS_SOURCE), "التحقيق مستمر", via=(_ref("الصحيفة", OUTLET_SOURCE),)),
        ),
    )
    return [[v["text"] for v in record["via"]] for section, record in layer_records(doc) if section == "attributions"]


def test_a_statement_in_a_relayed_report_comes_through_it_unless_the_report_speaks_or_is_named() -> None:
    relayed = (Origin("The New York Times", RELAYED), Origin("راديو المدينة", TRANSLATED))
    assert _vias(relayed) == [
        ["راديو المدينة"],  # the newspaper itself speaks: only the translator stands between
        ["The New York Times", "راديو المدينة"],  # the monitor, quoted in the newspaper's report
        ["الصحيفة", "راديو المدينة"],  # 'the newspaper' is the relayed report
    ]


def test_a_cited_or_reporting_origin_is_no_intermediary() -> None:
    assert _vias((Origin("The New York Times", "cited"), Origin("ايريك شميت", "reported_by"))) == [[], [], ["الصحيفة"]]
