"""Qt holds only the note highlights near the view: scrolling far brings the highlights there, and every note still
answers a click wherever it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.store import NoteStore
from reader.ui import highlight_window
from reader.ui.note_highlighter import NoteHighlighter

pytestmark = pytest.mark.usefixtures("bundled_index")


def painted_texts(window) -> set[str]:
    return {selection.cursor.selectedText() for selection in window.document.extraSelections()}


def test_scrolling_far_hands_qt_the_highlights_there_and_only_those(
    make_window, qtbot, report: Report, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(highlight_window, "MARGIN", 100)
    monkeypatch.setattr(highlight_window, "EVERY_HIGHLIGHT_UP_TO", 0)  # as with thousands of notes
    paragraphs = [paragraph for paragraph in report.paragraphs() if len(paragraph.text) > 40]
    first, last = paragraphs[0], paragraphs[-1]
    with NoteStore(data_dir) as store:
        for paragraph in (first, last):
            store.add(anchor_from_selection(report, paragraph.id, 0, 20))
    window = make_window()
    highlighter = window.findChild(NoteHighlighter, "noteHighlighter")
    qtbot.waitUntil(lambda: highlighter.is_active, timeout=10_000)
    scroll_bar = window.document.verticalScrollBar()
    scroll_bar.setValue(0)
    qtbot.waitUntil(lambda: first.text[:20] in painted_texts(window))
    assert last.text[:20] not in painted_texts(window)

    scroll_bar.setValue(scroll_bar.maximum())
    qtbot.waitUntil(lambda: last.text[:20] in painted_texts(window))
    assert first.text[:20] not in painted_texts(window)
    notes = window.findChild(QObject, "notesFeature").annotator.notes()
    assert highlighter.painted_notes() == {note.id for note in notes}  # a click finds either
