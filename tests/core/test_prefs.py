"""Preferences survive a restart and a damaged file never stops the app."""

from __future__ import annotations

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
