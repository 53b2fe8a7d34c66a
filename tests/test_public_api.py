import json
from pathlib import Path

import marsad


def test_public_surface_is_pinned() -> None:
    assert sorted(marsad.__all__) == sorted(
        [
            "Attribution", "Document", "Event", "Heading", "MarsadError", "Mention", "Metadata", "Origin",
            "Quantity", "Reference", "Removed", "Sentence", "Settings", "Span", "Summary", "TimeExpression",
            "Token", "load_settings", "run_analysis", "__version__",
        ]
    )
    for name in marsad.__all__:
        assert getattr(marsad, name) is not None


def test_packaged_contract_is_the_shared_one(shared: Path) -> None:
    packaged = Path(marsad.__file__).parent / "data" / "analysis.schema.json"
    assert json.loads(packaged.read_text()) == json.loads((shared / "contract" / "analysis.schema.json").read_text())
