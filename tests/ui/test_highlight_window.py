"""Qt holds only the note highlights near the view: scrolling far brings the highlights there, and every note still
answers a click wherever it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTextEdit

from reader.content import Paragraph, Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.store import NoteStore
from reader.ui import highlight_window
from reader.ui.note_highlighter import NoteHighlighter

pytestmark = pytest.mark.usefixtures("bundled_index")


def painted_texts(window) -> set[str]:
    return {selection.cursor.selectedText() for selection in window.document.extraSelections()}


def long_paragraphs(report: Report) -> list[Paragraph]:
    return [paragraph for paragraph in report.paragraphs() if len(paragraph.text) > 40]


def window_with_notes_at(
    make_window, qtbot, report: Report, data_dir: Path, monkeypatch: pytest.MonkeyPatch, paragraphs: list[Paragraph]
):
    """A window with a note on the first 20 characters of each paragraph, painted; Qt holding only the highlights
    near the view (as with thousands of notes), within a margin of 100 characters."""
    monkeypatch.setattr(highlight_window, "MARGIN", 100)
    monkeypatch.setattr(highlight_window, "EVERY_HIGHLIGHT_UP_TO", 0)
    with NoteStore(data_dir) as store:
        for paragraph in paragraphs:
            store.add(anchor_from_selection(report, paragraph.id, 0, 20))
    window = make_window()
    highlighter = window.findChild(NoteHighlighter, "noteHighlighter")
    qtbot.waitUntil(lambda: highlighter.is_active, timeout=10_000)
    return window


def test_scrolling_far_hands_qt_the_highlights_there_and_only_those(
    make_window, qtbot, report: Report, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraphs = long_paragraphs(report)
    first, last = paragraphs[0], paragraphs[-1]
    window = window_with_notes_at(make_window, qtbot, report, data_dir, monkeypatch, [first, last])
    highlighter = window.findChild(NoteHighlighter, "noteHighlighter")
    scroll_bar = window.document.verticalScrollBar()
    scroll_bar.setValue(0)
    qtbot.waitUntil(lambda: first.text[:20] in painted_texts(window))
    assert last.text[:20] not in painted_texts(window)

    scroll_bar.setValue(scroll_bar.maximum())
    qtbot.waitUntil(lambda: last.text[:20] in painted_texts(window))
    assert first.text[:20] not in painted_texts(window)
    notes = window.findChild(QObject, "notesFeature").annotator.notes()
    assert highlighter.painted_notes() == {note.id for note in notes}  # a click finds either


def test_a_highlight_far_from_the_view_holds_no_text_cursor_until_it_comes_near(
    make_window, qtbot, report: Report, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every text cursor ever made on the page slows each later loading of it (a theme or reference-mode change):
    with thousands of notes, only the highlights near the view have one."""
    paragraphs = long_paragraphs(report)
    window = window_with_notes_at(make_window, qtbot, report, data_dir, monkeypatch, paragraphs[:2] + paragraphs[-3:])
    scroll_bar = window.document.verticalScrollBar()
    scroll_bar.setValue(0)
    qtbot.waitUntil(lambda: paragraphs[0].text[:20] in painted_texts(window))
    assert live_selections(window) == 2  # the two notes at the top: the three at the end have none

    scroll_bar.setValue(scroll_bar.maximum())
    qtbot.waitUntil(lambda: paragraphs[-1].text[:20] in painted_texts(window))
    assert live_selections(window) == 3


def test_deleting_a_note_makes_no_new_cursor_for_the_highlights_that_stay(
    make_window, qtbot, report: Report, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraphs = long_paragraphs(report)
    window = window_with_notes_at(make_window, qtbot, report, data_dir, monkeypatch, paragraphs[:2])
    window.document.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: len(painted_texts(window)) == 2)
    held = live_selection_list(window)  # kept alive here, so that no new selection can take one's id
    annotator = window.findChild(QObject, "notesFeature").annotator
    first = next(note for note in annotator.notes() if note.anchor.paragraph_id == paragraphs[0].id)

    annotator.delete(first.id)

    qtbot.waitUntil(lambda: painted_texts(window) == {paragraphs[1].text[:20]})
    assert len(held) == 2
    assert {id(selection) for selection in live_selection_list(window)} == {id(selection) for selection in held}


def live_selections(window) -> int:
    return len(live_selection_list(window))


def live_selection_list(window) -> list[QTextEdit.ExtraSelection]:
    """The extra selections made in Python that are still alive with a text cursor on this window's page."""
    import gc

    from shiboken6 import Shiboken

    gc.collect()
    page = window.document.document()
    return [
        wrapper
        for wrapper in Shiboken.getAllValidWrappers()
        if isinstance(wrapper, QTextEdit.ExtraSelection) and wrapper.cursor.document() == page
    ]
