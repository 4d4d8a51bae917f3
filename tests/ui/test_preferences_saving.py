"""Saving the reader's place as they scroll: a folder that can never be written to (read-only media) is no news at
every scroll, and a failure that lasts (a full disk) is told once, not again at every scroll."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.prefs import Preferences
from reader.ui.window_state import SAVE_DELAY_MS

from ..core.lock.conftest import make_read_only


def scroll_and_let_the_place_be_saved(window, qtbot, report, number: int) -> None:
    section = report.sections[number % len(report.sections)]
    assert window.go_to(section.id)
    qtbot.wait(SAVE_DELAY_MS + 300)


def said_in_the_status_line(window) -> list[str]:
    said: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: text and said.append(text))
    return said


def test_scrolling_in_a_read_only_folder_tells_no_failure_to_save(
    make_window, qtbot, report, data_dir: Path, monkeypatch
) -> None:
    make_read_only(data_dir, monkeypatch)
    window = make_window()
    said = said_in_the_status_line(window)

    for number in (3, 5):
        scroll_and_let_the_place_be_saved(window, qtbot, report, number)

    assert not [text for text in said if "Cannot" in text]


def test_a_lasting_failure_to_save_the_place_is_told_once(make_window, qtbot, report, monkeypatch) -> None:
    def full_disk(self: Preferences) -> None:
        raise ReaderError("Cannot write preferences.json: No space left on device; free some disk space.")

    window = make_window()
    monkeypatch.setattr(Preferences, "save", full_disk)
    said = said_in_the_status_line(window)

    for number in (3, 5, 7):
        scroll_and_let_the_place_be_saved(window, qtbot, report, number)
        window.statusBar().clearMessage()  # the line's time is up before the reader scrolls on

    assert said == ["Cannot write preferences.json: No space left on device; free some disk space."]


def test_locking_forgets_the_private_values_even_when_they_cannot_be_saved(tmp_path: Path, monkeypatch) -> None:
    from reader.sealing import SealKey

    prefs = Preferences(tmp_path)
    prefs.seal_private(SealKey(bytes(32)))
    prefs.position = "p-secret-place"

    def full_disk(self: Preferences) -> None:
        raise ReaderError("Cannot write preferences.json: No space left on device.")

    monkeypatch.setattr(Preferences, "save", full_disk)
    with pytest.raises(ReaderError):
        prefs.close_private()

    assert prefs.position != "p-secret-place"
