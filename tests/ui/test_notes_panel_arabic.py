"""The notes panel in Arabic: its parts' names, its filters' choices, its counts and what it says over an empty list
are the Arabic of the notes panel's strings (context "NotesPanel" in the translation), wherever the code making them
lives."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLineEdit, QListView, QListWidget, QPushButton, QWidget

from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.note import Anchor
from reader.notes.store import NoteStore
from reader.ui import language
from reader.ui.note_editor import NoteEditor

OTHER_REPORT = "udhr-1948"
OTHER_QUOTE = "international law"


def arabic_of(source: str, context: str = "NotesPanel") -> str:
    """The Arabic translation of `source`, as the translation file holds it."""
    root = ET.parse(language.TRANSLATIONS / "field_reader_ar.ts").getroot()
    for each in root.iter("context"):
        if each.findtext("name") == context:
            for message in each.iter("message"):
                if message.findtext("source") == source:
                    text = message.findtext("translation")
                    assert text and any("\u0600" <= letter <= "\u06ff" for letter in text), source
                    return text
    raise AssertionError(f"{context}: {source!r} is not in the translation")


@pytest.fixture
def noted(report: Report, data_dir: Path) -> None:
    """A tagged note on this report and a note made on another report."""
    with NoteStore(data_dir, report=OTHER_REPORT) as other:
        other.add(Anchor("article-1", "article-1-p1", 0, 17, OTHER_QUOTE), text="from UDHR")
    with NoteStore(data_dir, report=report.manifest.id) as store:
        store.add(anchor_from_selection(report, "red-wolf-p2", 0, 25), text="in the report", tags=["tech"])


def open_panel(make_window, qtbot) -> QWidget:
    """Go to Notes Panel, and wait until the panel is whole."""
    window = make_window()
    window.findChild(QAction, "actionFocusNotes").trigger()
    qtbot.waitUntil(lambda: window.findChild(NoteEditor) is not None)
    return window.findChild(QWidget, "notesPanel")


def combo(panel: QWidget, name: str) -> QComboBox:
    return panel.findChild(QComboBox, name)


# (the part's objectName, what of it is read and with what, its English source)
SHOWN: list[tuple[str, str, tuple[int, ...], str]] = [
    ("notesPanel", "accessibleName", (), "Notes"),
    ("notesPanelScroller", "accessibleName", (), "Notes"),
    ("notesSplitter", "accessibleName", (), "Notes list and note editor"),
    ("notesListPane", "accessibleName", (), "Notes list and filters"),
    ("notesFilter", "placeholderText", (), "Filter notes"),
    ("notesFilter", "accessibleName", (), "Filter notes"),
    ("notesFiltersToggle", "text", (), "Order and filters"),
    ("notesOrder", "accessibleName", (), "Order"),
    ("notesOrder", "itemText", (1,), "Newest first"),
    ("notesTagFilter", "itemText", (0,), "Any tag"),
    ("notesColorFilter", "itemText", (0,), "Any colour"),
    ("notesLayerFilter", "itemText", (0,), "Visible layers"),
    ("notesLayerFilter", "itemText", (1,), "My notes"),
    ("notesKindFilter", "accessibleName", (), "Show notes, bookmarks or both"),
    ("notesKindFilter", "itemText", (2,), "Bookmarks"),
    ("notesList", "accessibleName", (), "Notes"),
    ("notesEmpty", "accessibleName", (), "Why no notes are listed"),
    ("notesShowOtherReports", "accessibleName", (), "Show notes made on other reports"),
    ("notesOtherReports", "accessibleName", (), "Notes made on other reports (not placed in this report)"),
    ("notesImportSummaryBox", "accessibleName", (), "Result of the last import"),
    ("notesImportSummaryClose", "toolTip", (), "Close the import result"),
]


def test_an_arabic_notes_panel_names_its_parts_and_choices_in_arabic(arabic, noted, make_window, qtbot) -> None:
    panel = open_panel(make_window, qtbot)
    shown = [
        getattr(panel if name == "notesPanel" else panel.findChild(QWidget, name), read)(*args)
        for name, read, args, _source in SHOWN
    ]
    assert shown == [arabic_of(source) for _name, _read, _args, source in SHOWN]
    assert combo(panel, "notesColorFilter").itemText(1) == arabic_of("Yellow", "Labels")


def test_an_arabic_notes_panel_counts_the_filters_in_use_in_arabic(arabic, noted, make_window, qtbot) -> None:
    panel = open_panel(make_window, qtbot)
    tag = combo(panel, "notesTagFilter")
    tag.setCurrentIndex(tag.findData("tech"))
    header = panel.findChild(QWidget, "notesFiltersToggle")
    assert header.text() == arabic_of("Order and filters ({0} in use)").format(1)


def test_an_arabic_notes_panel_lists_notes_from_other_reports_in_arabic(arabic, noted, make_window, qtbot) -> None:
    panel = open_panel(make_window, qtbot)
    button = panel.findChild(QPushButton, "notesShowOtherReports")
    assert button.text() == arabic_of("Notes from other reports ({0})").format(1)
    button.click()
    item = panel.findChild(QListWidget, "notesOtherReports").item(0)
    assert item.text().startswith(arabic_of("From another report ({0}): “{1}”").format(OTHER_REPORT, OTHER_QUOTE))
    assert item.toolTip() == arabic_of("Made on another report; it is not placed in this one.")


@pytest.mark.parametrize(
    ("has_a_note", "kind", "words", "source"),
    [
        (False, "", "", "No notes yet. Select text in the report and press Highlight or Add Note."),
        (True, "bookmarks", "", "No bookmarks yet. Press Ctrl+D to bookmark the paragraph you are reading."),
        (True, "", "nowhere-in-any-note", "No note matches the filter."),
    ],
)
def test_an_arabic_notes_panel_says_in_arabic_why_no_note_is_listed(
    has_a_note: bool, kind: str, words: str, source: str, arabic, report: Report, data_dir: Path, make_window, qtbot
) -> None:
    if has_a_note:
        with NoteStore(data_dir, report=report.manifest.id) as store:
            store.add(anchor_from_selection(report, "red-wolf-p2", 0, 25), text="in the report")
    panel = open_panel(make_window, qtbot)
    kinds = combo(panel, "notesKindFilter")
    kinds.setCurrentIndex(kinds.findData(kind))
    kinds.activated.emit(kinds.currentIndex())
    if words:
        panel.findChild(QLineEdit, "notesFilter").setText(words)
    assert panel.findChild(QListView, "notesList").model().rowCount() == 0
    empty = panel.findChild(QWidget, "notesEmpty")
    assert empty.isVisible()
    assert empty.text() == arabic_of(source)
