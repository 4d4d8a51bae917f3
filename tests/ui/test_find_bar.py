"""Ctrl+F: finding text within the section being read."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QToolBar, QToolButton

from reader.content import Report
from reader.ui.find_bar import find_in_section

CTRL = Qt.KeyboardModifier.ControlModifier


def marked(window) -> list[tuple[int, str]]:
    return [(s.cursor.selectionStart(), s.cursor.selectedText()) for s in window.document.extraSelections()]


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


def test_ctrl_f_opens_the_find_bar_with_the_cursor_in_it(window, find_field) -> None:
    assert window.findChild(QToolBar, "findBar").isVisible()


def test_typing_marks_every_occurrence_in_the_current_section_only(window, qtbot, find_field, report) -> None:
    qtbot.keyClicks(find_field, "checkpoint")

    expected = find_in_section(report, "red-wolf", "checkpoint")
    assert len(expected) >= 3
    assert [text.lower() for _start, text in marked(window)] == ["checkpoint"] * len(expected)
    start, _end = window.document.paragraph_span("red-wolf-p1")
    assert all(position >= start for position, _text in marked(window))
    assert window.findChild(QLabel, "findStatus").text() == f"1 of {len(expected)}"


def test_enter_and_shift_enter_step_through_the_occurrences(window, qtbot, find_field) -> None:
    qtbot.keyClicks(find_field, "checkpoint")
    first = window.document.textCursor().position()

    qtbot.keyClick(find_field, Qt.Key.Key_Return)
    second = window.document.textCursor().position()
    qtbot.keyClick(find_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)

    assert second > first
    assert window.document.textCursor().position() == first
    assert window.findChild(QLabel, "findStatus").text().startswith("1 of")


def test_text_not_in_the_section_says_so(window, qtbot, find_field) -> None:
    qtbot.keyClicks(find_field, "Netanyahu")

    assert marked(window) == []
    assert window.findChild(QLabel, "findStatus").text() == "Not found in this section"


def test_escape_closes_the_bar_and_clears_the_marks(window, qtbot, find_field) -> None:
    qtbot.keyClicks(find_field, "checkpoint")

    qtbot.keyClick(find_field, Qt.Key.Key_Escape)

    assert not window.findChild(QToolBar, "findBar").isVisible()
    assert marked(window) == []


def test_a_section_includes_its_subsections_and_case_does_not_matter(report: Report) -> None:
    found = find_in_section(report, "apartheid", "RED WOLF")

    assert {paragraph_id for paragraph_id, _start, _end in found} == {"red-wolf-p2", "red-wolf-p3"}
    assert find_in_section(report, "overview", "Red Wolf") == []


def test_the_next_button_steps_to_the_next_occurrence(window, qtbot, find_field) -> None:
    qtbot.keyClicks(find_field, "checkpoint")
    first = window.document.textCursor().position()

    qtbot.mouseClick(window.findChild(QToolButton, "findNext"), Qt.MouseButton.LeftButton)

    assert window.document.textCursor().position() > first
    assert window.findChild(QLabel, "findStatus").text().startswith("2 of")
