import dataclasses

import pytest

from marsad.document import Document, Quantity, Token


def test_layers_are_sorted_tuples_and_the_document_is_not_changed() -> None:
    doc = Document(id="d", text="قتل 3 أشخاص و5 جرحى")
    later = Quantity(14, 15, low=5, high=5)
    earlier = Quantity(4, 5, low=3, high=3)
    updated = doc.with_layer("quantities", [later, earlier])
    assert updated.quantities == (earlier, later)
    assert doc.quantities == ()
    assert updated.span_text(earlier) == "3"


def test_documents_and_annotations_are_frozen() -> None:
    doc = Document(id="d", text="نص")
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "آخر"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        Token(0, 2).start = 1  # type: ignore[misc]


def test_char_span_refuses_offsets_outside_the_text() -> None:
    doc = Document(id="d", text="نص قصير")
    assert doc.char_span(0, 2) is not None
    assert doc.char_span(3, 3) is None
    assert doc.char_span(5, 99) is None
