"""The status line forgets the match count once the marks it counts are gone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def find_field(window, qtbot) -> QLineEdit:
    window.go_to("red-wolf")
    window.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(window.isActiveWindow)
    window.document.setFocus()
    qtbot.keyClick(window.document, Qt.Key.Key_F, CTRL)
    field = window.findChild(QLineEdit, "findField")
    qtbot.waitUntil(field.hasFocus)
    return field


def test_closing_the_find_bar_takes_the_match_count_off_the_status_line(window, qtbot, find_field) -> None:
    qtbot.keyClicks(find_field, "checkpoint")
    assert window.statusBar().currentMessage().startswith("Match 1 of")

    qtbot.keyClick(find_field, Qt.Key.Key_Escape)

    assert window.statusBar().currentMessage() == ""


def test_escape_in_the_page_takes_the_match_count_off_the_status_line(window, qtbot, find_field) -> None:
    qtbot.keyClicks(find_field, "checkpoint")
    window.document.setFocus()
    qtbot.waitUntil(window.document.hasFocus)

    qtbot.keyClick(window.document, Qt.Key.Key_Escape)

    assert window.statusBar().currentMessage() == ""


def test_a_message_that_is_not_a_count_is_left_alone_when_nothing_was_marked(window, qtbot, find_field) -> None:
    window.statusBar().showMessage("Copied with citation.", 4000)

    qtbot.keyClick(find_field, Qt.Key.Key_Escape)

    assert window.statusBar().currentMessage() == "Copied with citation."
