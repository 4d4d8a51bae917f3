"""The notes panel: every note listed, filtered, ordered, and a way back to each passage."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import QComboBox, QDockWidget, QLabel, QLineEdit, QListView, QPlainTextEdit

from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.note import Anchor
from reader.notes.store import NoteStore

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def noted(make_window, qtbot, report: Report, data_dir: Path):
    """A window over three notes (written in a different order from the report's) and one orphaned note."""
    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, "red-wolf-p2", 0, 25), text="second in the report", tags=["tech"])
        store.add(anchor_from_selection(report, "overview-p1", 0, 30), text="first in the report", color="green")
        store.add(anchor_from_selection(report, "mass-displacement-p1", 0, 20), text="third one", tags=["Gaza", "tech"])
        store.add(Anchor("overview", "overview-p1", 0, 12, "words that were never in the report"), text="lost")
    window = make_window()
    window.findChild(QAction, "actionFocusNotes").trigger()
    notes_list = window.findChild(QListView, "notesList")
    qtbot.waitUntil(lambda: notes_list.model().rowCount() == 4)
    return window


def listed(window) -> list[str]:
    model = window.findChild(QListView, "notesList").model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def listed_notes(window) -> list[str]:
    """The note text shown for each listed note (the line after the quote)."""
    return [row.split("\n")[2].split("  #")[0] for row in listed(window)]


def choose(combo: QComboBox, label: str) -> None:
    index = combo.findText(label)
    assert index >= 0, label
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_notes_are_listed_in_reading_order_with_the_orphan_last(noted):
    assert listed_notes(noted) == ["first in the report", "second in the report", "third one", "lost"]
    orphan = listed(noted)[-1]
    assert orphan.startswith("Passage not found in this edition")
    assert "words that were never in the report" in orphan


def test_newest_first_lists_by_date(noted):
    choose(noted.findChild(QComboBox, "notesOrder"), "Newest first")
    assert listed_notes(noted) == ["lost", "third one", "first in the report", "second in the report"]


def test_filtering_by_text_keeps_matching_notes(noted, qtbot):
    qtbot.keyClicks(noted.findChild(QLineEdit, "notesFilter"), "THIRD")
    assert listed_notes(noted) == ["third one"]


def test_filtering_by_tag_and_colour(noted):
    choose(noted.findChild(QComboBox, "notesTagFilter"), "#tech")
    assert listed_notes(noted) == ["second in the report", "third one"]
    choose(noted.findChild(QComboBox, "notesTagFilter"), "Any tag")
    choose(noted.findChild(QComboBox, "notesColorFilter"), "Green")
    assert listed_notes(noted) == ["first in the report"]


def test_a_filter_that_matches_nothing_says_so(noted, qtbot):
    qtbot.keyClicks(noted.findChild(QLineEdit, "notesFilter"), "zebra")
    assert listed(noted) == []
    message = noted.findChild(QLabel, "notesEmpty")
    assert message.isVisible()
    assert message.text() == "No note matches the filter."


def test_clicking_a_note_shows_and_selects_its_passage(noted, qtbot, report):
    notes_list = noted.findChild(QListView, "notesList")
    index = notes_list.model().index(2, 0)
    qtbot.mouseClick(notes_list.viewport(), Qt.MouseButton.LeftButton, pos=notes_list.visualRect(index).center())
    assert noted.document.textCursor().selectedText() == report.paragraph("mass-displacement-p1").text[:20].strip()
    assert noted.document.current_section() == "mass-displacement"


def test_keyboard_focuses_the_filter_then_the_list_and_enter_jumps(noted, qtbot, report):
    noted.document.setFocus()
    noted.activateWindow()
    qtbot.keyClick(noted.document, Qt.Key.Key_M, CTRL_SHIFT)
    notes_filter = noted.findChild(QLineEdit, "notesFilter")
    assert notes_filter.hasFocus()  # Ctrl+Shift+M: ready to type a filter
    qtbot.keyClick(notes_filter, Qt.Key.Key_Down)  # Down goes on to the list, on the first note
    notes_list = noted.findChild(QListView, "notesList")
    assert notes_list.hasFocus()
    qtbot.keyClick(notes_list, Qt.Key.Key_Down)
    qtbot.keyClick(notes_list, Qt.Key.Key_Return)
    assert noted.document.textCursor().selectedText() == report.paragraph("red-wolf-p2").text[:25].strip()


def test_choosing_a_note_opens_it_for_editing_in_place(noted, qtbot, data_dir):
    notes_list = noted.findChild(QListView, "notesList")
    notes_list.setCurrentIndex(notes_list.model().index(0, 0))
    text = noted.findChild(QPlainTextEdit, "noteText")
    assert text.toPlainText() == "first in the report"
    text.selectAll()
    qtbot.keyClicks(text, "rewritten")
    qtbot.waitUntil(lambda: listed_notes(noted)[0] == "rewritten", timeout=3000)
    with NoteStore(data_dir) as store:
        assert "rewritten" in [note.text for note in store.notes()]


def test_an_orphaned_note_cannot_be_jumped_to_but_is_explained(noted, qtbot):
    notes_list = noted.findChild(QListView, "notesList")
    index = notes_list.model().index(3, 0)
    qtbot.mouseClick(notes_list.viewport(), Qt.MouseButton.LeftButton, pos=notes_list.visualRect(index).center())
    assert "not in this edition" in noted.statusBar().currentMessage()
    assert noted.findChild(QPlainTextEdit, "noteText").toPlainText() == "lost"


def test_the_notes_list_model_is_well_behaved(noted, qtmodeltester):
    qtmodeltester.check(noted.findChild(QListView, "notesList").model())


def test_the_panel_lives_in_a_named_dock(noted):
    dock = noted.findChild(QDockWidget, "notesDock")
    assert dock.isVisible()
    assert dock.widget().objectName() == "notesPanel"
    assert dock.widget().accessibleName()


def test_the_delete_key_deletes_the_chosen_note_and_undo_brings_it_back(noted, qtbot):
    notes_list = noted.findChild(QListView, "notesList")
    notes_list.setFocus()
    notes_list.setCurrentIndex(notes_list.model().index(2, 0))
    qtbot.keyClick(notes_list, Qt.Key.Key_Delete)
    assert listed_notes(noted) == ["first in the report", "second in the report", "lost"]
    noted.findChild(QAction, "actionUndo").trigger()
    assert listed_notes(noted) == ["first in the report", "second in the report", "third one", "lost"]


def test_a_new_tag_becomes_a_filter_choice(noted, qtbot):
    notes_list = noted.findChild(QListView, "notesList")
    notes_list.setCurrentIndex(notes_list.model().index(0, 0))
    tags = noted.findChild(QLineEdit, "noteTags")
    qtbot.keyClicks(tags, "fresh")
    qtbot.keyClick(tags, Qt.Key.Key_Return)
    choose(noted.findChild(QComboBox, "notesTagFilter"), "#fresh")
    assert listed_notes(noted) == ["first in the report"]


def test_a_note_tooltip_shows_markup_as_typed(make_window, qtbot, report, data_dir):
    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, "red-wolf-p2", 0, 25), text="<b>not bold</b>")
    window = make_window()
    window.findChild(QAction, "actionFocusNotes").trigger()
    model = window.findChild(QListView, "notesList").model()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    document = QTextDocument()
    document.setHtml(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert document.toPlainText() == "<b>not bold</b>"


def test_the_panel_shown_at_the_last_close_is_shown_and_filled_at_the_next_start(make_window, qtbot, report, data_dir):
    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, "red-wolf-p2", 0, 25), text="kept")
    first = make_window()
    first.findChild(QAction, "actionFocusNotes").trigger()
    first.close()
    again = make_window()
    assert again.findChild(QDockWidget, "notesDock").isVisible()
    qtbot.waitUntil(lambda: again.findChild(QListView, "notesList") is not None)
    qtbot.waitUntil(lambda: again.findChild(QListView, "notesList").model().rowCount() == 1)


def _window_with_three_notes(make_window, report: Report, data_dir: Path):
    with NoteStore(data_dir) as store:
        for paragraph in ("red-wolf-p2", "overview-p1", "mass-displacement-p1"):
            store.add(anchor_from_selection(report, paragraph, 0, 20), text=f"on {paragraph}")
    window = make_window()
    window.ensure_features()
    return window


def test_a_panel_shown_with_its_dock_lists_the_notes_a_turn_later(make_window, qtbot, report: Report, data_dir: Path):
    window = _window_with_three_notes(make_window, report, data_dir)
    window.findChild(QDockWidget, "notesDock").show()  # as a restored layout shows it
    qtbot.waitUntil(lambda: window.findChild(QListView, "notesList") is not None)
    qtbot.waitUntil(lambda: window.findChild(QListView, "notesList").model().rowCount() == 3)
    assert listed_notes(window) == ["on overview-p1", "on red-wolf-p2", "on mass-displacement-p1"]
