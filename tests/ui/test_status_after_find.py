"""The status line forgets the match count once the marks it counts are gone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .test_find_bar import find_field  # noqa: F401 (a fixture: the find bar open on the Red Wolf section)

CTRL = Qt.KeyboardModifier.ControlModifier


def test_closing_the_find_bar_takes_the_match_count_off_the_status_line(window, qtbot, find_field) -> None:  # noqa: F811
    qtbot.keyClicks(find_field, "checkpoint")
    assert window.statusBar().currentMessage().startswith("Match 1 of")

    qtbot.keyClick(find_field, Qt.Key.Key_Escape)

    assert window.statusBar().currentMessage() == ""


def test_escape_in_the_page_takes_the_match_count_off_the_status_line(window, qtbot, find_field) -> None:  # noqa: F811
    qtbot.keyClicks(find_field, "checkpoint")
    window.document.setFocus()
    qtbot.waitUntil(window.document.hasFocus)

    qtbot.keyClick(window.document, Qt.Key.Key_Escape)

    assert window.statusBar().currentMessage() == ""


def test_a_message_that_is_not_a_count_is_left_alone_when_nothing_was_marked(window, qtbot, find_field) -> None:  # noqa: F811
    window.statusBar().showMessage("Copied with citation.", 4000)

    qtbot.keyClick(find_field, Qt.Key.Key_Escape)

    assert window.statusBar().currentMessage() == "Copied with citation."
