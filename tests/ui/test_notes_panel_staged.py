"""The notes panel is built a part per event-loop turn when first shown (the list and its filters, what goes below
the list, the notes listed, the note editor), so opening it never holds the window for long. The reader ends up
with the very same panel; a panel closed or hidden on the way builds nothing more, and a note or the bookmarks
asked for on the way are shown. Nothing here is timed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QDockWidget, QLineEdit, QListView, QPlainTextEdit, QWidget

from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.note import Anchor
from reader.notes.store import NoteStore
from reader.notes.w3c_import import ImportedNote
from reader.ui.note_editor import NoteEditor
from reader.ui.notes_model import NOTE_ID_ROLE

# Every named part of the built panel with its accessible name (the splitter's handles and scroll areas' insides,
# which Qt makes and names, aside).
NAMED_PARTS = {
    "notesPanelScroller": "Notes",
    "notesPanelContent": "Notes",
    "notesSplitter": "Notes list and note editor",
    "notesListPane": "Notes list and filters",
    "notesFilter": "Filter notes",
    "notesFiltersToggle": "Order and filters",
    "notesFilters": "Order and filters",
    "notesOrder": "Order",
    "notesTagFilter": "Tag",
    "notesColorFilter": "Colour",
    "notesLayerFilter": "Layer",
    "notesKindFilter": "Show notes, bookmarks or both",
    "notesImportSummaryBox": "Result of the last import",
    "notesImportSummary": "Result of the last import",
    "notesImportSummaryClose": "Close the import result",
    "notesList": "Notes",
    "notesEmpty": "Why no notes are listed",
    "notesLayersBox": "Imported layers",
    "notesLayersToggle": "Imported layers (1)",
    "notesLayers": "Imported layers (tick to show)",
    "notesLayerEditable": "Allow editing the chosen layer's notes",
    "notesRemoveLayer": "Remove the chosen layer and its notes",
    "notesShowOtherReports": "Show notes made on other reports",
    "notesOtherReports": "Notes made on other reports (not placed in this report)",
    "noteEditor": "Note editor",
    "notePlace": "Where the note is",
    "noteQuote": "Highlighted passage",
    "noteQuoteArea": "Highlighted passage",
    "noteText": "Note",
    "noteTags": "Tags",
    "noteColorYellow": "Yellow",
    "noteColorGreen": "Green",
    "noteColorBlue": "Blue",
    "noteColorPink": "Pink",
    "noteColorPurple": "Purple",
    "noteColorOrange": "Orange",
    "noteStyle": "Highlight style",
    "noteSaveState": "Save state",
    "noteDelete": "Delete this note",
}
# What Tab reaches in the built panel, in order, from the filter (the order and filters unfolded, an imported layer
# listed, a note from another report counted, the import result closed).
TAB_ORDER = [
    "notesFilter",
    "notesFiltersToggle",
    "notesOrder",
    "notesTagFilter",
    "notesColorFilter",
    "notesLayerFilter",
    "notesKindFilter",
    "notesList",
    "notesLayersToggle",
    "notesShowOtherReports",
    "noteQuoteArea",
    "noteText",
    "noteTags",
    "noteColorYellow",
    "noteStyle",
    "noteDelete",
    "notesPanelScroller",
]


@pytest.fixture
def many_kinds(report: Report, data_dir: Path) -> Report:
    """Three notes of mine (one a bookmark), an imported layer of two, and a note made on another report."""
    with NoteStore(data_dir, report="udhr-1948") as other:
        other.add(Anchor("article-1", "article-1-p1", 0, 17, "international law"), text="from UDHR")
    with NoteStore(data_dir, report=report.manifest.id) as store:
        store.add(anchor_from_selection(report, "red-wolf-p2", 0, 25), text="second in the report", tags=["tech"])
        store.add(anchor_from_selection(report, "overview-p1", 0, 30), text="first in the report", color="green")
        store.add(anchor_from_selection(report, "mass-displacement-p1", 0, 20), style="bookmark")
        paragraphs = [paragraph for paragraph in report.paragraphs() if len(paragraph.text) > 20][5:7]
        imported = [
            ImportedNote(key=f"k{number}", anchor=anchor_from_selection(report, paragraph.id, 0, 12))
            for number, paragraph in enumerate(paragraphs)
        ]
        store.add_imported("class", imported)
    return report


class PartsSeen:
    """At each event-loop turn, the named parts of the notes panel there are by then."""

    def __init__(self, window) -> None:
        self.turns: list[set[str]] = []
        self._window = window
        self._timer = QTimer()
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _look(self) -> None:
        panel = self._window.findChild(QWidget, "notesPanel")
        self.turns.append({widget.objectName() for widget in panel.findChildren(QWidget) if widget.objectName()})

    def first_turn_with(self, name: str) -> int:
        return next(turn for turn, names in enumerate(self.turns) if name in names)

    def stop(self) -> None:
        """Stop looking, after one last look: the turn that finished the panel may have ended the wait before this
        timer's next turn came round."""
        self._timer.stop()
        self._look()


def panel_of(window) -> QWidget:
    return window.findChild(QWidget, "notesPanel")


def listed_ids(window) -> list[str]:
    notes_list = window.findChild(QListView, "notesList")
    model = notes_list.model() if notes_list is not None else None
    return [] if model is None else [model.index(row, 0).data(NOTE_ID_ROLE) for row in range(model.rowCount())]


def visible_in_reading_order(window) -> list[str]:
    annotator = window.findChild(QObject, "notesFeature").annotator
    return [note.id for note in annotator.in_reading_order(annotator.notes(visible_only=True))]


def built_whole(window) -> bool:
    return window.findChild(NoteEditor) is not None and len(listed_ids(window)) == len(visible_in_reading_order(window))


def test_the_panel_is_built_over_several_turns_and_then_whole_with_its_names_and_tab_order(
    make_window, qtbot, many_kinds
) -> None:
    window = make_window()
    seen = PartsSeen(window)
    window.findChild(QDockWidget, "notesDock").show()  # as a restored layout shows it
    qtbot.waitUntil(lambda: built_whole(window))
    seen.stop()
    assert seen.first_turn_with("notesList") < seen.first_turn_with("notesLayersBox")
    assert seen.first_turn_with("notesLayersBox") < seen.first_turn_with("noteEditor")  # after the list, filled

    panel = panel_of(window)
    names = {widget.objectName(): widget.accessibleName() for widget in panel.findChildren(QWidget)}
    assert {name: names.get(name) for name in NAMED_PARTS} == NAMED_PARTS
    assert all(widget.accessibleName() for widget in panel.findChildren(QComboBox))
    assert listed_ids(window) == visible_in_reading_order(window)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field = window.findChild(QLineEdit, "notesFilter")
    field.setFocus()
    reached = []
    for _name in TAB_ORDER:
        reached.append(QApplication.focusWidget().objectName())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert reached == TAB_ORDER


def test_go_to_notes_panel_builds_the_list_at_once_and_the_rest_on_the_next_turns(
    make_window, qtbot, many_kinds
) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.findChild(QAction, "actionFocusNotes").trigger()
    assert window.findChild(QLineEdit, "notesFilter").hasFocus()  # ready to type
    assert window.findChild(QListView, "notesList") is not None
    assert window.findChild(NoteEditor) is None  # not yet
    qtbot.waitUntil(lambda: built_whole(window))
    notes_list = window.findChild(QListView, "notesList")
    first = listed_ids(window)[0]
    assert notes_list.currentIndex().data(NOTE_ID_ROLE) == first  # the first note chosen, so Down reaches it
    annotator = window.findChild(QObject, "notesFeature").annotator
    assert window.findChild(QPlainTextEdit, "noteText").toPlainText() == annotator.note(first).text
    assert window.findChild(QLineEdit, "notesFilter").hasFocus()


def _shown_then_list_built(window, qtbot):
    """Show the notes dock and wait for the panel's list, the rest of the panel still to come."""
    window.findChild(QDockWidget, "notesDock").show()
    qtbot.waitUntil(lambda: window.findChild(QListView, "notesList") is not None)
    assert window.findChild(NoteEditor) is None


def test_closing_the_window_while_the_panel_is_built_builds_nothing_more(make_window, qtbot, many_kinds) -> None:
    window = make_window()
    _shown_then_list_built(window, qtbot)
    window.close()
    qtbot.wait(200)
    assert window.findChild(NoteEditor) is None
    assert listed_ids(window) == []  # the notes were closed with the window: nothing listed from them


def test_a_panel_hidden_while_built_builds_nothing_more_until_shown_again(make_window, qtbot, many_kinds) -> None:
    window = make_window()
    _shown_then_list_built(window, qtbot)
    dock = window.findChild(QDockWidget, "notesDock")
    dock.hide()
    qtbot.wait(200)
    assert window.findChild(NoteEditor) is None
    dock.show()
    qtbot.waitUntil(lambda: built_whole(window))
    assert listed_ids(window) == visible_in_reading_order(window)


def test_a_note_shown_while_the_panel_is_built_is_shown_and_stays_chosen(make_window, qtbot, many_kinds) -> None:
    window = make_window()
    _shown_then_list_built(window, qtbot)
    feature = window.findChild(QObject, "notesFeature")
    second = visible_in_reading_order(window)[1]
    feature.show_note(second)
    text = window.findChild(QPlainTextEdit, "noteText")
    assert text.toPlainText() == feature.annotator.note(second).text
    qtbot.wait(200)  # whatever was still to come
    assert built_whole(window)
    assert window.findChild(QListView, "notesList").currentIndex().data(NOTE_ID_ROLE) == second
    assert text.toPlainText() == feature.annotator.note(second).text


def test_the_bookmarks_asked_for_while_the_panel_is_built_are_listed(make_window, qtbot, many_kinds) -> None:
    window = make_window()
    _shown_then_list_built(window, qtbot)
    panel_of(window).show_bookmarks()
    qtbot.wait(200)
    annotator = window.findChild(QObject, "notesFeature").annotator
    [bookmark] = [note.id for note in annotator.notes() if note.style.value == "bookmark"]
    assert listed_ids(window) == [bookmark]
    assert window.findChild(QComboBox, "notesKindFilter").currentData() == "bookmarks"
    assert window.findChild(NoteEditor) is not None
