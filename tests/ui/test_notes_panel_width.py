"""The notes panel keeps its width whatever note is chosen: a long quote or note text wraps or is cut short, it
never pushes the dock wider or the page narrower."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QListView, QPlainTextEdit, QScrollArea

from reader.notes.note import Anchor
from reader.notes.store import NoteStore

NO_SPACES = "x" * 5_000
LONG_WORDS = " ".join(["Pneumonoultramicroscopicsilicovolcanoconiosis" * 3] * 40)
LONG_NOTES = {"no spaces": NO_SPACES, "long words": LONG_WORDS}


@pytest.fixture(params=[None, (1024, 600)], ids=["default size", "1024x600"])
def long_noted(request, make_window, qtbot, data_dir: Path):
    """A window with the notes panel open, over a short note and notes whose quote and text are very long."""
    with NoteStore(data_dir) as store:
        store.add(Anchor("overview", "overview-p1", 0, 5, "short"), text="a short note")
        for name, text in LONG_NOTES.items():
            store.add(Anchor("overview", "overview-p1", 0, 5, text), text=text, tags=[name.replace(" ", "-")])
    window = make_window()
    if request.param is not None:
        window.resize(*request.param)
        qtbot.waitUntil(lambda: window.size().width() == request.param[0])
    window.findChild(QAction, "actionFocusNotes").trigger()
    notes_list = window.findChild(QListView, "notesList")
    qtbot.waitUntil(lambda: notes_list.model().rowCount() == 3)
    choose_row(window, qtbot, "a short note")
    return window


def settle_layouts() -> None:
    """Run every layout request the change posted (a dock grows only once its layout is redone)."""
    for _round in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def choose_row(window, qtbot, note_text: str) -> None:
    notes_list = window.findChild(QListView, "notesList")
    model = notes_list.model()

    def rows() -> list[int]:
        return [row for row in range(model.rowCount()) if note_text[:20] in model.index(row, 0).data()]

    qtbot.waitUntil(lambda: bool(rows()))  # the notes are read, and listed, a slice per turn
    row = rows()[0]
    notes_list.setCurrentIndex(model.index(row, 0))
    editor_text = window.findChild(QPlainTextEdit, "noteText")
    qtbot.waitUntil(lambda: editor_text.toPlainText() == note_text)


@pytest.mark.parametrize("kind", LONG_NOTES)
def test_choosing_a_very_long_note_keeps_the_notes_dock_and_the_page_as_wide(long_noted, qtbot, kind):
    window = long_noted
    dock = window.findChild(QDockWidget, "notesDock")
    page_width = window.document.width()
    dock_width = dock.width()
    window_width = window.width()
    choose_row(window, qtbot, LONG_NOTES[kind])
    qtbot.waitUntil(lambda: window.findChild(QLabel, "noteQuote").text().startswith("“" + LONG_NOTES[kind][:20]))
    settle_layouts()
    assert (dock.width(), window.document.width(), window.width()) == (dock_width, page_width, window_width)


@pytest.mark.parametrize("kind", LONG_NOTES)
def test_a_very_long_quote_is_shown_whole_within_the_panel(long_noted, qtbot, kind):
    window = long_noted
    choose_row(window, qtbot, LONG_NOTES[kind])
    settle_layouts()
    quote = window.findChild(QLabel, "noteQuote")
    panel = window.findChild(QDockWidget, "notesDock").widget()
    right_edge = quote.mapTo(panel, quote.rect().topRight()).x()
    assert right_edge <= panel.width()
    assert quote.height() >= quote.heightForWidth(quote.width())  # every line of it there, none cut off
    area = window.findChild(QScrollArea, "noteQuoteArea")
    assert area.verticalScrollBar().maximum() > 0  # and the lines below the first few a scroll away
    assert area.mapTo(panel, area.rect().topRight()).x() <= panel.width()
    assert quote.text().startswith("“" + LONG_NOTES[kind][:20])


def test_a_short_quote_is_shown_whole_without_scrolling(long_noted):
    area = long_noted.findChild(QScrollArea, "noteQuoteArea")
    quote = long_noted.findChild(QLabel, "noteQuote")
    assert quote.text() == "“short”"
    assert area.verticalScrollBar().maximum() == 0
    assert area.viewport().height() >= quote.heightForWidth(area.viewport().width())


def test_each_filter_choice_is_given_whole_in_its_tooltip(long_noted):
    from PySide6.QtWidgets import QComboBox

    combos = [long_noted.findChild(QComboBox, name) for name in ("notesOrder", "notesLayerFilter", "notesKindFilter")]
    assert [combo.toolTip() for combo in combos] == ["Reading order", "Visible layers", "Notes and bookmarks"]


@pytest.fixture
def twice_the_text_size():
    """The desktop's text size doubled (as a reader who needs large text sets it), put back afterwards."""
    app = QApplication.instance()
    before = app.font()
    larger = app.font()
    larger.setPointSizeF(before.pointSizeF() * 2)
    app.setFont(larger)
    yield
    app.setFont(before)


def test_at_twice_the_text_size_the_notes_panel_leaves_the_window_on_a_small_screen(
    twice_the_text_size, make_window, qtbot, data_dir: Path
):
    with NoteStore(data_dir) as store:
        store.add(Anchor("overview", "overview-p1", 0, 5, LONG_WORDS), text=LONG_WORDS)
    window = make_window()
    window.findChild(QAction, "actionFocusNotes").trigger()
    qtbot.waitUntil(lambda: window.findChild(QPlainTextEdit, "noteText") is not None)
    choose_row(window, qtbot, LONG_WORDS)
    settle_layouts()
    assert window.findChild(QDockWidget, "notesDock").isVisible()
    needed = window.minimumSizeHint()
    assert (needed.width() <= 1024, needed.height() <= 600 - 40) == (True, True), needed  # less a panel or task bar
