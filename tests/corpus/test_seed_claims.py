"""Claims across the seed articles from ../shared (read at test time, never copied; skipped without them)."""

import json
from pathlib import Path

import pytest

from marsad.analysis import run_analysis
from marsad.corpus.entities import curated_entity_id
from marsad.settings import Settings

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> dict:
    if not SEEDS.is_dir():
        pytest.skip("../shared is not available")
    out = tmp_path_factory.mktemp("seeds")
    run_analysis([SEEDS], out, Settings(jobs=1, report_html=False))
    return json.loads((out / "analysis.json").read_text(encoding="utf-8"))


def _claims_with_value(analysis: dict, low: float, high: float | None) -> list[dict]:
    """The figure claims one of whose occurrences states ``low``-``high``."""
    found = []
    for claim in analysis["claims"]:
        values = [(c["low"], c["high"]) for c in claim.get("conflicts", []) if "low" in c]
        if claim["kind"] == "figure" and (low, high) in [(claim["value"]["low"], claim["value"]["high"]), *values]:
            found.append(claim)
    return found


def _seed(doc_id: str) -> str:
    return doc_id[:3]


def test_the_bribe_figure_is_one_claim_from_one_independent_origin(analysis: dict) -> None:
    (bribe,) = [c for c in _claims_with_value(analysis, 20_000, 30_000) if c["value"]["unit"] == "USD"]
    assert sorted({_seed(o["doc"]) for o in bribe["occurrences"]}) == ["000", "001", "004"]
    observatory, newspaper = curated_entity_id("المرصد السوري لحقوق الإنسان"), curated_entity_id("نيويورك تايمز")
    assert observatory in bribe["origins"]
    relayed = [o["sources"] for o in bribe["occurrences"] if _seed(o["doc"]) == "001" and o["sources"][0] == observatory]
    assert relayed and relayed[0][1] == newspaper  # the Observatory through the New York Times
    assert bribe["independent_origins"] == 1


def test_raqqa_deaths_of_militants_and_of_people_are_different_measures(analysis: dict) -> None:
    (militants,) = _claims_with_value(analysis, 6000, None)
    (people,) = _claims_with_value(analysis, 3250, 3250)
    assert militants["id"] != people["id"]
    assert militants["measure"].startswith("killed|") and people["measure"].startswith("killed|")


def test_thousands_a_few_thousand_and_about_a_thousand_fled_conflict_as_one_measure(analysis: dict) -> None:
    (fled,) = [c for c in _claims_with_value(analysis, 1000, 1000) if c["measure"].startswith("fled|")]
    stated = {(fled["value"]["low"], fled["value"]["high"])} | {(c["low"], c["high"]) for c in fled["conflicts"]}
    assert {(2000, None), (3000, 9000), (1000, 1000)} <= stated  # thousands, a few thousand, about 1,000
    assert {_seed(o["doc"]) for o in fled["occurrences"]} == {"000", "001"}
    assert all(c["source"] for c in fled["conflicts"])
