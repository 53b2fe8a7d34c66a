from pathlib import Path

import pytest

from marsad.errors import ConfigError
from marsad.settings import Settings, load_settings


def test_toml_values_and_overrides_are_applied(tmp_path: Path) -> None:
    path = tmp_path / "marsad.toml"
    path.write_text('[marsad]\njobs = 3\nduplicate_threshold = 0.9\n[marsad.jsonl_fields]\ntext = "body"\n', encoding="utf-8")
    settings = load_settings(path, jobs=1)
    assert settings.jobs == 1
    assert settings.duplicate_threshold == 0.9
    assert settings.field_map["text"] == "body" and settings.field_map["id"] == "id"


def test_missing_file_and_unknown_keys_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "absent.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("colour = 'blue'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(bad)


def test_none_overrides_keep_defaults() -> None:
    assert load_settings(None, jobs=None).jobs == Settings().jobs
