"""The read-aloud bar's voice list in the Arabic interface: a voice's English name reads from its start, left to
right, and ends in "…" when the box is too narrow, in the box and in the open list, without widening the bar."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMainWindow, QStyleOptionViewItem

from reader.ui.actions import Actions
from reader.ui.read_aloud_bar import MAX_VOICE_WIDTH, ReadAloudBar

VOICES = [("English (Great Britain) (en_GB)", True), ("English (America) (en_US)", True), ("Arabic (ar)", False)]


@pytest.fixture
def right_to_left(qapp) -> Iterator[None]:
    """The interface laid out right to left, as it is in Arabic."""
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def voice_box(right_to_left, qtbot) -> Iterator[QComboBox]:
    """The bar under a 1024-wide window, as the speech engine fills its voice list."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(1024, 600)
    bar = ReadAloudBar(Actions(window), window)
    window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, bar)
    bar.show_voices(VOICES, 0)
    bar.show()
    window.show()
    qtbot.waitExposed(window)
    yield window.findChild(QComboBox, "readAloudVoice")  # (the window kept alive until the test ends)


def test_a_long_english_voice_name_reads_from_its_start_and_ends_in_an_ellipsis(voice_box) -> None:
    text, direction = voice_box.shown_text()

    assert voice_box.isRightToLeft()
    assert direction == Qt.LayoutDirection.LeftToRight
    assert text.startswith("English (Great Britain)")
    assert text.endswith("…") and len(text) < len(VOICES[0][0])
    assert voice_box.toolTip() == VOICES[0][0]  # the whole name, on hovering


def test_the_voice_box_does_not_widen_the_bar(voice_box) -> None:
    assert voice_box.width() <= MAX_VOICE_WIDTH


def test_the_open_voice_list_lays_each_english_name_out_left_to_right(voice_box) -> None:
    view = voice_box.view()
    for row in (0, 1, 3):  # (row 2 is the line between the voices for the report's language and the others)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        view.itemDelegateForIndex(voice_box.model().index(row, 0)).initStyleOption(
            option, voice_box.model().index(row, 0)
        )
        assert option.direction == Qt.LayoutDirection.LeftToRight, voice_box.itemText(row)


def test_the_voice_names_keep_their_words(voice_box) -> None:
    assert [voice_box.itemText(row) for row in (0, 1, 3)] == [label for label, _matches in VOICES]
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
