"""Every theme the View menu offers, High Contrast included, is the one the next start opens with."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.prefs import Preferences
from reader.ui.themes import THEMES


@pytest.mark.parametrize("name", [*THEMES, "system"])
def test_every_theme_the_window_offers_is_remembered(name: str, data_dir: Path) -> None:
    prefs = Preferences(data_dir)
    prefs.theme = name
    prefs.save()
    assert Preferences(data_dir).theme == name
