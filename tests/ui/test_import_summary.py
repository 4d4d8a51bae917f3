"""What an import did is shown whole above the notes list (the status line cuts it on a small screen), until closed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QListView, QScrollArea, QToolButton

from reader.ui.note_highlighter import NoteHighlighter

from .test_notes_panel_space import interface_language  # noqa: F401 (a fixture)
from .test_notes_sharing import import_through_the_menu

NETBOOK = (1024, 600)
FOUND = "deliberately oppress Palestinians"
NOT_IN_THE_REPORT = "a sentence that this report does not contain anywhere at all"
LAYER = "Mr Haddad's class notes for the spring term week three"


def class_notes(folder: Path) -> Path:
    """A teacher's W3C file: one note on a passage of the report, one on a passage that is not in it."""
    items = [
        {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": f"urn:uuid:class-{number}",
            "type": "Annotation",
            "body": {"type": "TextualBody", "value": f"Question {number}", "purpose": "commenting"},
            "target": {"selector": {"type": "TextQuoteSelector", "exact": quote}},
        }
        for number, quote in enumerate((FOUND, NOT_IN_THE_REPORT))
    ]
    path = folder / "class.json"
    path.write_text(json.dumps({"type": "AnnotationCollection", "first": {"items": items}}), encoding="utf-8")
    return path


def settle() -> None:
    for _round in range(3):
        QApplication.processEvents()


@pytest.fixture
def imported_on_a_netbook(interface_language, make_window, qtbot, monkeypatch, tmp_path):  # noqa: F811
    """A 1024×600 window on a netbook's screen after importing the teacher's file from the menu."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, NETBOOK[0], NETBOOK[1] - 40))
    window = make_window()
    window.resize(*NETBOOK)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == NETBOOK)
    qtbot.waitUntil(lambda: window.findChild(NoteHighlighter, "noteHighlighter").is_active)
    assert import_through_the_menu(window, qtbot, monkeypatch, class_notes(tmp_path), LAYER) == []

    def listed() -> int:
        notes_list = window.findChild(QListView, "notesList")  # none until the panel is built
        return notes_list.model().rowCount() if notes_list is not None else 0

    qtbot.waitUntil(lambda: listed() == 2)
    settle()
    return window


def summary_of(window) -> QLabel:
    label = window.findChild(QLabel, "notesImportSummary")
    assert label is not None, "no import summary in the notes panel"
    return label


def test_the_whole_summary_is_shown_wrapped_within_the_panel(imported_on_a_netbook):
    window = imported_on_a_netbook
    label = summary_of(window)
    assert label.isVisible()
    assert label.accessibleName()
    text = label.text()
    assert text == window.statusBar().currentMessage()  # what the status line starts to show, here whole
    if QApplication.isLeftToRight():
        assert LAYER in text
        assert "Imported 2 notes" in text
        assert "1 whose passage was not found (kept as orphaned)" in text
    else:
        assert LAYER in text  # the layer's name as given, in the Arabic sentence
    panel = window.findChild(QDockWidget, "notesDock").widget()
    shown = QRect(label.mapTo(panel, QPoint(0, 0)), label.size())
    assert panel.rect().contains(shown), "the summary reaches past the panel's edge"
    assert label.height() >= label.heightForWidth(label.width()) > label.fontMetrics().lineSpacing()  # wrapped, whole


def test_the_notes_list_keeps_its_minimum_height_with_the_summary_shown(imported_on_a_netbook):
    assert summary_of(imported_on_a_netbook).isVisible()
    notes_list = imported_on_a_netbook.findChild(QListView, "notesList")
    assert notes_list.height() >= notes_list.minimumHeight() > 0
    assert notes_list.viewport().height() >= 2 * notes_list.sizeHintForRow(0)  # two notes whole, as before


def test_tab_reaches_the_close_button_which_puts_the_summary_away(imported_on_a_netbook, qtbot):
    window = imported_on_a_netbook
    label = summary_of(window)
    close = window.findChild(QToolButton, "notesImportSummaryClose")
    assert close.accessibleName() == "Close the import result" or QApplication.isRightToLeft()
    label.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(label, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is close
    window.findChild(QScrollArea, "notesPanelScroller").ensureWidgetVisible(close)
    qtbot.keyClick(close, Qt.Key.Key_Space)
    assert not label.isVisible()
    assert QApplication.focusWidget() is window.findChild(QListView, "notesList")  # the focus is not lost


def test_the_next_import_replaces_the_summary(imported_on_a_netbook, qtbot, monkeypatch, tmp_path):
    window = imported_on_a_netbook
    window.findChild(QToolButton, "notesImportSummaryClose").click()
    assert import_through_the_menu(window, qtbot, monkeypatch, class_notes(tmp_path), LAYER) == []
    label = summary_of(window)
    assert label.isVisible()  # shown again by the next import
    assert label.text() == window.statusBar().currentMessage()
    if QApplication.isLeftToRight():
        assert "2 already there" in label.text()
