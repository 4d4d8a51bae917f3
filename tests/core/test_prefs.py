"""Preferences survive a restart and a damaged file never stops the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.prefs import Preferences


def test_preferences_survive_a_restart(data_dir):
    prefs = Preferences(data_dir)
    prefs.theme, prefs.zoom, prefs.position, prefs.reference_mode = "sepia", 3, "red-wolf-p2", True
    prefs.save()
    again = Preferences(data_dir)
    assert (again.theme, again.zoom, again.position, again.reference_mode) == ("sepia", 3, "red-wolf-p2", True)


def test_damaged_file_is_kept_aside_and_defaults_used(data_dir):
    (data_dir / "preferences.json").write_text("{not json", encoding="utf-8")
    prefs = Preferences(data_dir)
    assert prefs.theme == "system" and prefs.zoom == 0
    assert "damaged" in prefs.load_problem
    assert (data_dir / "preferences.damaged.json").read_text(encoding="utf-8") == "{not json"


def test_out_of_range_values_are_clamped(data_dir):
    (data_dir / "preferences.json").write_text('{"zoom": 999, "theme": "neon"}', encoding="utf-8")
    prefs = Preferences(data_dir)
    assert prefs.zoom == 10 and prefs.theme == "system"


def test_unknown_theme_is_refused(data_dir):
    with pytest.raises(ReaderError, match="Unknown theme"):
        Preferences(data_dir).theme = "neon"


def test_a_pipe_in_place_of_the_preferences_is_refused_without_waiting(data_dir: Path) -> None:
    import os

    os.mkfifo(data_dir / "preferences.json")
    prefs = Preferences(data_dir)
    assert prefs.theme == "system"
    assert prefs.load_problem == (
        "Could not read preferences.json (it is not a regular file (a device, pipe or socket)); "
        "using default preferences."
    )


def test_preferences_nested_too_deeply_are_set_aside(data_dir: Path) -> None:
    (data_dir / "preferences.json").write_text("[" * 100_000 + "]" * 100_000)
    prefs = Preferences(data_dir)
    assert prefs.zoom == 0
    assert (data_dir / "preferences.damaged.json").exists()


def test_an_index_stamp_that_is_a_pipe_means_no_index(tmp_path: Path) -> None:
    import os

    from reader.search.stamp import INFO_NAME, read_checksum

    os.mkfifo(tmp_path / INFO_NAME)
    assert read_checksum(tmp_path) is None
