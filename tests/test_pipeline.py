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


def test_setup_runs_when_the_pipeline_is_built_so_a_missing_model_stops_the_run_early(monkeypatch) -> None:
    from marsad import pipeline as pipeline_module
    from marsad.errors import ModelError
    from marsad.pipeline import component

    def missing_model(settings: Settings) -> None:
        raise ModelError("model not found")

    @component("fake", assigns="mentions", setup=missing_model)
    def find_nothing(doc: Document, settings: Settings) -> list:
        return []

    monkeypatch.setattr(pipeline_module, "load_component", lambda name: (find_nothing.component_info, find_nothing))
    assert build_pipeline(["fake"]).names == ("fake",)  # without settings: no setup
    with pytest.raises(ModelError):
        build_pipeline(["fake"], Settings())
