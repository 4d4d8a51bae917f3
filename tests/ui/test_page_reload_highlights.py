"""A theme or reference-mode change loads the page again: the notes' highlights come back on their passages, none
of the old highlights is still held while the new text is set (Qt would move each one through the change), and a
change that keeps the theme does not restyle every widget."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction

from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.store import NoteStore
from reader.ui.actions import ActionName
from reader.ui.note_highlighter import NoteHighlighter

pytestmark = pytest.mark.usefixtures("bundled_index")


def painted_texts(window) -> set[str]:
    return {selection.cursor.selectedText() for selection in window.document.extraSelections()}


@pytest.fixture
def highlighted(make_window, qtbot, report: Report, data_dir: Path):
    """A window with two notes painted; the notes' quotes."""
    paragraphs = [paragraph for paragraph in report.paragraphs() if len(paragraph.text) > 60][:2]
    with NoteStore(data_dir) as store:
        for paragraph in paragraphs:
            store.add(anchor_from_selection(report, paragraph.id, 10, 50))
    window = make_window()
    highlighter = window.findChild(NoteHighlighter, "noteHighlighter")
    qtbot.waitUntil(lambda: highlighter.is_active, timeout=10_000)
    quotes = {paragraph.text[10:50] for paragraph in paragraphs}
    qtbot.waitUntil(lambda: quotes <= painted_texts(window))
    return window, quotes


@pytest.mark.parametrize("action_name", [ActionName.THEME_DARK, ActionName.REFERENCE_MODE])
def test_the_highlights_come_back_on_their_passages_after_the_page_is_loaded_again(
    highlighted, qtbot, action_name: ActionName
) -> None:
    window, quotes = highlighted
    window.findChild(QAction, action_name.value).trigger()
    qtbot.waitUntil(lambda: quotes <= painted_texts(window))


@pytest.mark.parametrize("action_name", [ActionName.THEME_DARK, ActionName.REFERENCE_MODE])
def test_no_highlight_is_held_while_the_new_page_is_set(highlighted, qtbot, action_name: ActionName) -> None:
    window, quotes = highlighted
    highlighter = window.findChild(NoteHighlighter, "noteHighlighter")
    held: list[tuple[int, int, int]] = []

    def on_change(*_args: object) -> None:
        held.append(
            (
                len(window.document.extraSelections()),  # what Qt paints: notes, search matches
                len(highlighter._painted),  # each note's highlights, kept until the page changes
                highlighter._window.held(),  # and those of them near the view, with their cursors
            )
        )

    slices = highlighter.slices
    window.document.document().contentsChange.connect(on_change)
    window.findChild(QAction, action_name.value).trigger()
    window.document.document().contentsChange.disconnect(on_change)
    assert held, "the page was not loaded again"
    assert set(held) == {(0, 0, 0)}
    assert highlighter.slices == slices  # the loading has spent its turn: the highlights are built from the next
    qtbot.waitUntil(lambda: quotes <= painted_texts(window))


class StyleEvents(QObject):
    """Counts the palette and style changes a widget is told of."""

    KINDS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange, QEvent.Type.StyleChange)

    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.KINDS:
            self.seen += 1
        return False


def test_reference_mode_loads_the_page_again_without_restyling_every_widget(highlighted, qtbot) -> None:
    window, quotes = highlighted
    events = StyleEvents()
    window.document.installEventFilter(events)
    window.findChild(QAction, ActionName.REFERENCE_MODE.value).trigger()
    qtbot.waitUntil(lambda: quotes <= painted_texts(window))
    assert events.seen == 0  # same palette, same style sheet: nothing for Qt to polish again
    window.findChild(QAction, ActionName.THEME_DARK.value).trigger()  # a new theme is told, as it must be
    qtbot.waitUntil(lambda: events.seen > 0)
