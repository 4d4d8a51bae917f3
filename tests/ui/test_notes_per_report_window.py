"""In the window, a note made on another report is never placed in this one: listed apart, only when asked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListView, QListWidget, QPushButton

from reader.content import ParagraphId, SectionId
from reader.notes.anchoring import anchor_from_selection
from reader.notes.note import Anchor
from reader.notes.store import NoteStore
from reader.ui.note_highlighter import NoteHighlighter

QUOTE = "international law"


def test_a_note_from_another_report_is_listed_apart_and_never_painted(make_window, qtbot, report, data_dir: Path):
    assert any(QUOTE in paragraph.text for paragraph in report.paragraphs())
    with NoteStore(data_dir, report="udhr-1948") as other:
        # Its quote is in this report too: placing it here would be wrong.
        other.add(Anchor(SectionId("article-1"), ParagraphId("article-1-p1"), 0, len(QUOTE), QUOTE), text="from UDHR")
    with NoteStore(data_dir, report=report.manifest.id) as mine:
        mine.add(anchor_from_selection(report, "overview-p1", 0, 12), text="mine")

    window = make_window()
    highlighter = window.findChild(NoteHighlighter, "noteHighlighter")
    qtbot.waitUntil(lambda: highlighter.is_active)
    window.findChild(QAction, "actionFocusNotes").trigger()
    notes_list = window.findChild(QListView, "notesList")
    qtbot.waitUntil(lambda: notes_list is not None and notes_list.model().rowCount() == 1)
    assert "mine" in notes_list.model().index(0, 0).data()
    assert len(highlighter.painted_notes()) == 1
    painted = [s.cursor.selectedText() for s in window.document.extraSelections()]
    assert QUOTE not in painted

    others = window.findChild(QListWidget, "notesOtherReports")
    button = window.findChild(QPushButton, "notesShowOtherReports")
    qtbot.waitUntil(button.isVisible)  # the panel's parts are shown on the turn after it is built
    assert button.text() == "Notes from other reports (1)"
    assert not others.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(others.isVisible)
    assert others.item(0).text() == "From another report (udhr-1948): “international law” — from UDHR"
