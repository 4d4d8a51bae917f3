"""Annotating the report: select, highlight, write a note, find it again after a restart, delete and undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QContextMenuEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolBar,
    QToolButton,
)

from reader.notes.note import COLOR_HEX, Color
from reader.notes.store import NoteStore
from reader.ui.note_highlighter import NoteHighlighter

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
PARAGRAPH = "red-wolf-p2"


def select_words(window, paragraph_id: str = PARAGRAPH, start: int = 4, end: int = 40) -> str:
    """Select part of a paragraph as a reader would, and return the selected text."""
    window.go_to(paragraph_id)
    base, _end = window.document.paragraph_span(paragraph_id)
    window.document.select_range(base + start, base + end)
    return window.document.textCursor().selectedText()


def ready(window, qtbot):
    """Wait until the window has painted once and its notes are drawn."""
    qtbot.waitUntil(lambda: window.findChild(NoteHighlighter, "noteHighlighter").is_active)
    window.activateWindow()
    window.document.setFocus()
    return window


def painted(window) -> list[tuple[int, int, QTextCharFormat]]:
    """The note highlights drawn in the document: start, end and look."""
    highlighter = window.findChild(NoteHighlighter, "noteHighlighter")
    ranges = set()
    for note_id in highlighter.painted_notes():
        ranges.update(highlighter.document_ranges(note_id))
    return [
        (selection.cursor.selectionStart(), selection.cursor.selectionEnd(), QTextCharFormat(selection.format))
        for selection in window.document.extraSelections()
        if (selection.cursor.selectionStart(), selection.cursor.selectionEnd()) in ranges
    ]


def stored_notes(data_dir: Path):
    """What is on disk now, read through a second connection as another process would."""
    with NoteStore(data_dir) as store:
        return store.notes()


def click_at(qtbot, window, position: int) -> None:
    cursor = QTextCursor(window.document.document())
    cursor.setPosition(position)
    rect = window.document.cursorRect(cursor)
    qtbot.mouseClick(
        window.document.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 2, rect.center().y())
    )


def test_a_note_written_on_a_selection_survives_a_restart_and_is_painted_again(make_window, qtbot, data_dir):
    window = ready(make_window(), qtbot)
    quote = select_words(window)
    qtbot.keyClick(window.document, Qt.Key.Key_N, CTRL_SHIFT)
    editor_text = window.findChild(QPlainTextEdit, "noteText")
    assert window.findChild(QDockWidget, "notesDock").isVisible()
    assert editor_text.hasFocus()
    qtbot.keyClicks(editor_text, "Read this with the class")
    qtbot.keyClicks(window.findChild(QLineEdit, "noteTags"), "apartheid, surveillance")
    window.close()

    again = ready(make_window(), qtbot)
    qtbot.waitUntil(lambda: len(painted(again)) == 1)
    start, end, _look = painted(again)[0]
    assert again.document.toPlainText()[start:end] == quote.strip()
    (note,) = stored_notes(data_dir)
    assert (note.text, note.tags) == ("Read this with the class", ("apartheid", "surveillance"))


def test_the_note_is_saved_shortly_after_typing_stops(window, qtbot, data_dir):
    ready(window, qtbot)
    select_words(window)
    window.findChild(QAction, "actionAddNote").trigger()
    qtbot.keyClicks(window.findChild(QPlainTextEdit, "noteText"), "checked on site")
    state = window.findChild(QLabel, "noteSaveState")
    qtbot.waitUntil(lambda: state.text() == "Saved.", timeout=3000)
    assert [note.text for note in stored_notes(data_dir)] == ["checked on site"]


def test_highlight_shortcut_paints_the_selection_in_the_chosen_colour(window, qtbot):
    ready(window, qtbot)
    quote = select_words(window)
    toolbar = window.findChild(QToolBar, "annotationToolbar")
    green = window.findChild(QAction, "actionNoteColorGreen")
    qtbot.mouseClick(toolbar.widgetForAction(green), Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.document, Qt.Key.Key_H, CTRL_SHIFT)
    qtbot.waitUntil(lambda: len(painted(window)) == 1)
    start, end, look = painted(window)[0]
    assert window.document.toPlainText()[start:end] == quote.strip()
    assert look.background().color().rgb() == QColor(COLOR_HEX[Color.GREEN]).rgb()
    assert not window.document.textCursor().hasSelection()


@pytest.mark.parametrize(
    ("action", "drawn"),
    [
        (
            "actionNoteStyleUnderline",
            lambda look: look.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline,
        ),
        ("actionNoteStyleStrike", lambda look: look.fontStrikeOut()),
    ],
)
def test_underline_and_strike_through_styles_are_drawn(window, qtbot, action, drawn):
    ready(window, qtbot)
    select_words(window)
    window.findChild(QAction, action).trigger()
    window.findChild(QAction, "actionHighlight").trigger()
    qtbot.waitUntil(lambda: len(painted(window)) == 1)
    assert drawn(painted(window)[0][2])


def test_the_document_context_menu_offers_highlight_and_note(window, qtbot):
    ready(window, qtbot)
    offered: list[str] = []

    def read_and_close_menu() -> None:
        menu = window.document.findChild(QMenu, "documentContextMenu")
        if menu is None or not menu.isVisible():
            QTimer.singleShot(10, read_and_close_menu)
            return
        offered.extend(action.objectName() for action in menu.actions())
        menu.close()

    select_words(window)
    point = window.document.cursorRect().center()
    QTimer.singleShot(0, read_and_close_menu)
    window.document.contextMenuEvent(
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, window.document.viewport().mapToGlobal(point))
    )
    assert {"actionHighlight", "actionAddNote"} <= set(offered)


def test_right_clicking_a_highlight_offers_to_edit_or_delete_it(window, qtbot, data_dir):
    ready(window, qtbot)
    select_words(window)
    window.findChild(QAction, "actionHighlight").trigger()
    qtbot.waitUntil(lambda: len(painted(window)) == 1)
    start, _end, _look = painted(window)[0]
    cursor = window.document.textCursor()
    cursor.setPosition(start + 2)
    point = window.document.cursorRect(cursor).center()

    def delete_from_menu() -> None:
        menu = window.document.findChild(QMenu, "documentContextMenu")
        if menu is None or not menu.isVisible():
            QTimer.singleShot(10, delete_from_menu)
            return
        names = {action.objectName(): action for action in menu.actions()}
        assert "actionEditNoteHere" in names
        menu.close()
        names["actionDeleteNoteHere"].trigger()

    QTimer.singleShot(0, delete_from_menu)
    window.document.contextMenuEvent(
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, window.document.viewport().mapToGlobal(point))
    )
    qtbot.waitUntil(lambda: painted(window) == [])
    assert stored_notes(data_dir) == ()


def test_clicking_a_highlight_opens_it_and_a_delete_can_be_undone(window, qtbot, data_dir):
    ready(window, qtbot)
    quote = select_words(window)
    window.findChild(QAction, "actionHighlight").trigger()
    qtbot.waitUntil(lambda: len(painted(window)) == 1)
    start, end, _look = painted(window)[0]

    click_at(qtbot, window, (start + end) // 2)
    assert window.findChild(QDockWidget, "notesDock").isVisible()
    assert quote.strip() in window.findChild(QLabel, "noteQuote").text()

    qtbot.mouseClick(window.findChild(QPushButton, "noteDelete"), Qt.MouseButton.LeftButton)
    assert painted(window) == []
    assert stored_notes(data_dir) == ()
    window.document.setFocus()
    qtbot.keyClick(window.document, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(painted(window)) == 1)
    assert [note.quote for note in stored_notes(data_dir)] == [quote.strip()]


def test_undo_of_a_new_highlight_removes_it(window, qtbot, data_dir):
    ready(window, qtbot)
    select_words(window)
    window.findChild(QAction, "actionHighlight").trigger()
    qtbot.waitUntil(lambda: len(painted(window)) == 1)
    window.findChild(QAction, "actionUndo").trigger()
    assert painted(window) == []
    assert stored_notes(data_dir) == ()
    window.findChild(QAction, "actionRedo").trigger()
    assert len(painted(window)) == 1


def test_changing_the_colour_in_the_editor_repaints_the_highlight(window, qtbot, data_dir):
    ready(window, qtbot)
    select_words(window)
    window.findChild(QAction, "actionAddNote").trigger()
    editor = window.findChild(QPlainTextEdit, "noteText").parentWidget()
    qtbot.mouseClick(editor.findChild(QToolButton, "noteColorPurple"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: painted(window)[0][2].background().color().rgb() == QColor(COLOR_HEX[Color.PURPLE]).rgb())
    assert [note.color for note in stored_notes(data_dir)] == [Color.PURPLE]


def test_note_text_is_shown_as_plain_text_never_as_markup(make_window, qtbot, data_dir, report):
    from reader.notes.anchoring import anchor_from_selection

    hostile = '<b>bold</b> <img src="x" onerror="alert(1)"> &amp;'
    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, PARAGRAPH, 0, 30), text=hostile)
    window = ready(make_window(), qtbot)
    window.findChild(QAction, "actionFocusNotes").trigger()
    notes_list = window.findChild(QListView, "notesList")
    qtbot.waitUntil(lambda: notes_list.model().rowCount() == 1)
    assert hostile in notes_list.model().index(0, 0).data()
    notes_list.setCurrentIndex(notes_list.model().index(0, 0))
    assert window.findChild(QPlainTextEdit, "noteText").toPlainText() == hostile
    assert window.findChild(QLabel, "noteQuote").textFormat() == Qt.TextFormat.PlainText


def test_highlighting_without_a_selection_says_what_to_do(window, qtbot, data_dir):
    ready(window, qtbot)
    window.findChild(QAction, "actionHighlight").trigger()
    assert "Select some text" in window.statusBar().currentMessage()
    assert stored_notes(data_dir) == ()


def test_highlights_are_painted_again_after_switching_reference_mode(window, qtbot):
    ready(window, qtbot)
    quote = select_words(window)
    window.findChild(QAction, "actionHighlight").trigger()
    qtbot.waitUntil(lambda: len(painted(window)) == 1)
    window.findChild(QAction, "actionReferenceMode").trigger()
    qtbot.waitUntil(lambda: len(painted(window)) == 1)
    start, end, _look = painted(window)[0]
    assert window.document.toPlainText()[start:end] == quote.strip()


def test_undoing_a_delete_brings_back_words_typed_just_before_it(window, qtbot, data_dir):
    ready(window, qtbot)
    select_words(window)
    window.findChild(QAction, "actionAddNote").trigger()
    qtbot.keyClicks(window.findChild(QPlainTextEdit, "noteText"), "typed a moment ago")
    qtbot.mouseClick(window.findChild(QPushButton, "noteDelete"), Qt.MouseButton.LeftButton)
    assert stored_notes(data_dir) == ()
    window.findChild(QAction, "actionUndo").trigger()
    assert [note.text for note in stored_notes(data_dir)] == ["typed a moment ago"]


def test_a_damaged_notes_file_is_restored_from_backup_and_the_reader_is_told(make_window, qtbot, data_dir):
    first = ready(make_window(), qtbot)
    select_words(first)
    first.findChild(QAction, "actionHighlight").trigger()
    first.close()  # refreshes today's backup
    (data_dir / "notes.sqlite3").write_bytes(b"this is not a database" * 100)
    (data_dir / "notes.sqlite3-wal").unlink(missing_ok=True)

    again = ready(make_window(), qtbot)
    assert "damaged" in again.statusBar().currentMessage()
    qtbot.waitUntil(lambda: len(painted(again)) == 1)


def test_add_note_with_the_cursor_in_a_highlight_opens_that_note(window, qtbot):
    ready(window, qtbot)
    quote = select_words(window)
    window.findChild(QAction, "actionHighlight").trigger()
    qtbot.waitUntil(lambda: len(painted(window)) == 1)
    start, _end, _look = painted(window)[0]
    cursor = window.document.textCursor()
    cursor.setPosition(start + 3)
    window.document.setTextCursor(cursor)
    qtbot.keyClick(window.document, Qt.Key.Key_N, CTRL_SHIFT)
    assert window.findChild(QPlainTextEdit, "noteText").hasFocus()
    assert quote.strip() in window.findChild(QLabel, "noteQuote").text()
    assert len(painted(window)) == 1  # no second highlight
