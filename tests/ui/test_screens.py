"""Every screen: a first start takes a sensible share of the screen, a saved size is kept on it, and the whole window
(every panel and toolbar open) fits on a 1024×600 netbook."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from reader.ui.window_state import clamped, first_start_geometry

SCREENS = [QRect(0, 0, 1024, 600 - 40), QRect(0, 0, 1366, 768 - 48), QRect(0, 0, 1920, 1080 - 48)]


@pytest.mark.parametrize("available", SCREENS, ids=lambda rect: f"{rect.width()}x{rect.height()}")
def test_a_first_start_takes_most_of_the_screen_centred_and_never_more(available: QRect):
    rect = first_start_geometry(available)
    assert available.contains(rect)
    assert rect.width() >= 0.8 * available.width() and rect.height() >= 0.8 * available.height()
    assert abs(rect.center().x() - available.center().x()) <= 1
    assert abs(rect.center().y() - available.center().y()) <= 1


def test_a_saved_size_from_a_big_screen_is_brought_onto_a_small_one():
    netbook = SCREENS[0]
    saved = QRect(600, 300, 1100, 760)  # where the window was on a large monitor
    rect = clamped(saved, netbook)
    assert netbook.contains(rect)
    assert rect.size().width() == netbook.width() and rect.height() == netbook.height()
    small = clamped(QRect(-200, 900, 500, 400), netbook)
    assert netbook.contains(small) and small.size() == QRect(0, 0, 500, 400).size()


def test_with_every_panel_and_toolbar_open_the_window_fits_a_netbook(window, qtbot):
    for name in ("actionToggleToc", "actionToggleSearch", "actionToggleGlossary", "actionToggleNotes"):
        action = window.findChild(QAction, name)
        if not action.isChecked():
            action.trigger()
    window.findChild(QAction, "actionFindInSection").trigger()
    window.findChild(QAction, "actionFocusNotes").trigger()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "noteText") is not None)  # the notes panel built in full
    netbook = SCREENS[0]
    needed = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert needed.width() <= netbook.width(), needed
    assert needed.height() <= netbook.height() - 30, needed  # and a title bar
    window.resize(netbook.width(), netbook.height() - 30)
    assert window.width() <= netbook.width() and window.height() <= netbook.height() - 30
    document = window.document
    right_edge = document.mapTo(window, document.rect().topRight()).x()
    assert right_edge < window.width()  # the text and its scroll bar are on screen


def test_a_narrower_page_keeps_the_readers_place_at_the_top(window, qtbot, report):
    """Opening a panel or enlarging the text rewraps every line above: the paragraph being read stays at the top."""
    window.resize(1200, 700)
    qtbot.wait(10)
    paragraph = report.sections[8].paragraphs[2]
    window.go_to(paragraph.id)
    qtbot.wait(10)
    before = window.document.top_paragraph_id()
    for width in (760, 1000, 700):
        window.resize(width, 700)
        qtbot.wait(10)
        assert window.document.top_paragraph_id() == before == paragraph.id
