"""What is typed in a note reaches the notes file soon: as each word ends, after a short pause, and at once when
the reader leaves the text (another control, another window), so a crash or a kill loses next to nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from reader.notes.store import NoteStore
from reader.ui.note_highlighter import NoteHighlighter

PARAGRAPH = "red-wolf-p2"


def new_note_editor(window, qtbot) -> QPlainTextEdit:
    """A highlight with a note just added, its text field focused and empty, as Ctrl+Shift+N leaves it."""
    qtbot.waitUntil(lambda: window.findChild(NoteHighlighter, "noteHighlighter").is_active)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.go_to(PARAGRAPH)
    base, _end = window.document.paragraph_span(PARAGRAPH)
    window.document.select_range(base + 4, base + 40)
    window.findChild(QAction, "actionAddNote").trigger()
    text = window.findChild(QPlainTextEdit, "noteText")
    qtbot.waitUntil(text.hasFocus)
    return text


def stored_texts(data_dir: Path) -> list[str]:
    """The notes' text on disk now, read as another process would."""
    with NoteStore(data_dir) as store:
        return [note.text for note in store.notes()]


def test_a_short_pause_in_typing_saves_the_note(window, qtbot, data_dir: Path) -> None:
    text = new_note_editor(window, qtbot)
    qtbot.keyClicks(text, "Checkpoint")  # no word ended yet
    timer = window.findChild(QWidget, "noteEditor").findChild(QTimer, "noteSaveTimer")
    assert timer.isActive()
    assert timer.interval() <= 150  # a kill loses at most this long a pause's typing

    with qtbot.waitSignal(timer.timeout, timeout=2000):
        pass

    assert stored_texts(data_dir) == ["Checkpoint"]


def test_each_finished_word_is_saved_at_once(window, qtbot, data_dir: Path) -> None:
    text = new_note_editor(window, qtbot)

    qtbot.keyClicks(text, "Seen at the gate,")

    assert stored_texts(data_dir) == ["Seen at the gate,"]
    qtbot.keyClicks(text, " twice")
    assert stored_texts(data_dir) == ["Seen at the gate, "]  # the word being typed waits for its end or a pause


def test_moving_on_from_the_text_saves_it_at_once(window, qtbot, data_dir: Path) -> None:
    text = new_note_editor(window, qtbot)
    qtbot.keyClicks(text, "Checkpoint")

    tags = window.findChild(QLineEdit, "noteTags")
    qtbot.mouseClick(tags, Qt.MouseButton.LeftButton)

    assert tags.hasFocus()
    assert stored_texts(data_dir) == ["Checkpoint"]


def test_switching_to_another_window_saves_the_note_at_once(window, qtbot, data_dir: Path) -> None:
    text = new_note_editor(window, qtbot)
    qtbot.keyClicks(text, "Checkpoint")
    other = QWidget()
    other.setObjectName("anotherProgram")
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)

    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())

    assert stored_texts(data_dir) == ["Checkpoint"]
