"""A run without a screen (the tests, `--exit-after-start` smoke runs) never saves the window's size for the next
real start; the reader's place and which panels are open are still saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication

from reader.prefs import Preferences
from reader.ui import window_state


def test_the_tests_run_on_a_platform_without_a_screen(qapp):
    assert QGuiApplication.platformName() in window_state.HEADLESS_PLATFORMS


def test_an_offscreen_window_saves_no_size(make_window, data_dir: Path):
    window = make_window()
    window.resize(256, 322)
    window.close()

    prefs = Preferences(data_dir)
    assert prefs.window_geometry is None
    assert prefs.position is not None  # the place is saved as always
    assert prefs.window_state  # and the panels the reader left open or closed


def test_the_size_a_real_start_saved_survives_an_offscreen_run(make_window, data_dir: Path):
    prefs = Preferences(data_dir)
    prefs.window_geometry = "c2F2ZWQgYnkgYSByZWFsIHN0YXJ0"
    prefs.save()

    window = make_window()
    window.resize(256, 322)
    window.close()

    assert Preferences(data_dir).window_geometry == "c2F2ZWQgYnkgYSByZWFsIHN0YXJ0"


def test_on_a_real_screen_the_size_is_saved(make_window, data_dir: Path, monkeypatch):
    monkeypatch.setattr(window_state, "HEADLESS_PLATFORMS", frozenset())  # as if this were a desktop session
    window = make_window()
    window.close()

    assert Preferences(data_dir).window_geometry
