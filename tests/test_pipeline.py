import pytest

from marsad.document import Document, Metadata
from marsad.errors import PipelineError
from marsad.pipeline import build_pipeline
from marsad.settings import Settings


def test_unknown_component_fails_when_the_pipeline_is_built() -> None:
    with pytest.raises(PipelineError, match="unknown component 'sentiment'"):
        build_pipeline(["tokens", "sentiment"])


def test_a_component_whose_needs_come_later_fails_at_build_time() -> None:
    with pytest.raises(PipelineError, match="needs tokens"):
        build_pipeline(["quantities", "tokens"])


def test_arabic_only_components_skip_other_languages() -> None:
    pipeline = build_pipeline(["tokens", "sentences", "quantities"])
    english = Document(id="e", text="Three people were killed.", meta=Metadata(language="en"))
    result = pipeline(english, Settings())
    assert result.done == ("tokens", "sentences")
    assert len(result.tokens) == 5
