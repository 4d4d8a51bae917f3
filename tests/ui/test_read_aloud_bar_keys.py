"""The read-aloud bar can be left with the keyboard: Esc closes it, stops reading and puts the keyboard back in the
report, as Esc does in the find bar (on a narrow window the bar's Close button is out of sight)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSlider, QToolBar

from reader.ui.actions import ActionName
from reader.ui.speech_engine import PlayState

pytestmark = pytest.mark.qt_log_ignore("pipewire", "speech")


@pytest.fixture
def voice_field(window, qtbot, monkeypatch) -> QComboBox:
    speech = pytest.importorskip("PySide6.QtTextToSpeech", reason="PySide6-Addons (the speech extra) is not installed")
    if "mock" not in speech.QTextToSpeech.availableEngines():
        pytest.skip("Qt's mock text-to-speech engine is not in this PySide6-Addons")
    monkeypatch.setattr("reader.ui.speech_engine.ENGINE", "mock")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.go_to("red-wolf-p2")
    window.findChild(type(window._actions[ActionName.READ_ALOUD]), ActionName.READ_ALOUD.value).trigger()
    qtbot.waitUntil(lambda: window._read_aloud.speaker is not None)
    qtbot.waitUntil(lambda: window._read_aloud.speaker.state is PlayState.PLAYING)
    voices = window.findChild(QComboBox, "readAloudVoice")
    voices.setFocus()
    qtbot.waitUntil(voices.hasFocus)
    return voices


def test_escape_in_the_voice_list_closes_the_bar_and_returns_to_the_report(window, qtbot, voice_field) -> None:
    qtbot.keyClick(voice_field, Qt.Key.Key_Escape)

    assert not window.findChild(QToolBar, "readAloudBar").isVisible()
    assert window.document.hasFocus()
    assert window._read_aloud.speaker.state is not PlayState.PLAYING


def test_escape_on_the_speed_slider_closes_the_bar_too(window, qtbot, voice_field) -> None:
    speed = window.findChild(QSlider, "readAloudSpeed")
    speed.setFocus()
    qtbot.waitUntil(speed.hasFocus)

    qtbot.keyClick(speed, Qt.Key.Key_Escape)

    assert not window.findChild(QToolBar, "readAloudBar").isVisible()
    assert window.document.hasFocus()


def test_the_speed_slider_keeps_room_to_move_in_a_narrow_window(window, qtbot, voice_field) -> None:
    window.resize(640, 440)
    speed = window.findChild(QSlider, "readAloudSpeed")

    qtbot.waitUntil(lambda: window.width() <= 700)
    assert speed.width() >= 60 or not speed.isVisible()
