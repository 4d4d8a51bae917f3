"""The search panel as a reader uses it: type, arrow, Enter, see the passage highlighted, step, clear."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from reader.content import Report
from reader.glossary import load_glossary
from reader.notes.anchoring import anchor_from_selection
from reader.notes.store import NoteStore
from reader.search.build import build_index
from reader.search.documents import glossary_documents
from reader.search.location import cache_index_folder
from reader.search.results import HitKind
from reader.search.stamp import INFO_NAME
from reader.ui.search_panel import SearchPanel

CTRL = Qt.KeyboardModifier.ControlModifier

# The window builds its own index in the test's cache unless a test builds a bundled one.
pytestmark = pytest.mark.usefixtures("empty_bundled_index")


def search_ready(window, qtbot) -> SearchPanel:
    """The window's search panel, once the window has built its index."""
    search = window.findChild(QObject, "searchFeature")
    qtbot.waitUntil(lambda: search.is_ready, timeout=10_000)
    return window.findChild(QWidget, "searchPanel")


@pytest.fixture
def panel(window, qtbot) -> SearchPanel:
    return search_ready(window, qtbot)


def hit_kinds(panel: SearchPanel) -> list[HitKind]:
    return [panel.model.hit(row).kind for row in range(panel.model.rowCount())]


def write_note(qtbot, window, paragraph_id: str, text: str) -> QPlainTextEdit:
    """Select the first words of a paragraph, choose Add Note and type the note, as a reader does."""
    window.go_to(paragraph_id)
    start, _end = window.document.paragraph_span(paragraph_id)
    window.document.select_range(start, start + 8)
    window.findChild(QAction, "actionAddNote").trigger()
    editor_text = window.findChild(QPlainTextEdit, "noteText")
    qtbot.keyClicks(editor_text, text)
    return editor_text


def type_query(qtbot, panel: SearchPanel, text: str) -> None:
    field = panel.findChild(QLineEdit, "searchField")
    field.clear()
    with qtbot.waitSignal(panel.results_shown, timeout=3000):
        qtbot.keyClicks(field, text)


def search_selections(window) -> list[str]:
    document = window.document
    return [selection.cursor.selectedText() for selection in document.extraSelections()]


def visible_text(window) -> str:
    document = window.document
    top = document.cursorForPosition(document.viewport().rect().topLeft()).position()
    bottom = document.cursorForPosition(document.viewport().rect().bottomRight()).position()
    return document.toPlainText()[top:bottom]


def open_first_report_hit(qtbot, window, panel: SearchPanel, text: str):
    type_query(qtbot, panel, text)
    field = panel.findChild(QLineEdit, "searchField")
    results = panel.findChild(QListView, "searchResults")
    while panel.model.hit(results.currentIndex().row()).kind is not HitKind.REPORT:
        qtbot.keyClick(field, Qt.Key.Key_Down)
    hit = panel.model.hit(results.currentIndex().row())
    qtbot.keyClick(field, Qt.Key.Key_Return)
    return hit


@pytest.mark.parametrize("keys", [(Qt.Key.Key_K, CTRL), (Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.ShiftModifier)])
def test_the_search_shortcuts_focus_the_search_field(window, qtbot, keys) -> None:
    window.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(window.isActiveWindow)
    window.document.setFocus()
    field = window.findChild(QLineEdit, "searchField")

    qtbot.keyClick(window.document, *keys)

    qtbot.waitUntil(field.hasFocus)
    assert window.findChild(QDockWidget, "searchDock").isVisible()


def test_typing_lists_hits_with_their_section_and_snippet(window, qtbot, panel) -> None:
    type_query(qtbot, panel, "scanned without their knowledge")

    first = panel.model.index(0, 0).data()
    assert "Automated Apartheid" in first
    assert "scanned" in first
    assert "result" in panel.findChild(QLabel, "searchStatus").text()


def test_arrow_keys_then_enter_open_that_hit_and_highlight_its_words(window, qtbot, panel, report: Report) -> None:
    type_query(qtbot, panel, "facial recognition")
    field = panel.findChild(QLineEdit, "searchField")
    results = panel.findChild(QListView, "searchResults")
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    hit = panel.model.hit(results.currentIndex().row())
    assert results.currentIndex().row() == 1

    qtbot.keyClick(field, Qt.Key.Key_Return)

    if hit.kind is HitKind.REPORT:
        assert report.paragraph(hit.paragraph_id).text[:60] in visible_text(window)
        assert {"facial", "recognition"} <= {text.lower() for text in search_selections(window)}
    else:
        assert window.findChild(QDockWidget, "glossaryDock").isVisible()


def test_opening_a_hit_shows_its_paragraph_and_marks_every_match(window, qtbot, panel, report: Report) -> None:
    hit = open_first_report_hit(qtbot, window, panel, "Red Wolf")

    assert report.paragraph(hit.paragraph_id).text[:60] in visible_text(window)
    marked = search_selections(window)
    assert marked.count("Red") == marked.count("Wolf") >= 2  # this paragraph and the other that names it
    assert window.document.current_section() == "red-wolf"


def test_f3_and_shift_f3_step_through_the_matches(window, qtbot, panel) -> None:
    open_first_report_hit(qtbot, window, panel, "Netanyahu")
    first = window.document.textCursor().position()

    qtbot.keyClick(window.document, Qt.Key.Key_F3)
    second = window.document.textCursor().position()
    qtbot.keyClick(window.document, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)

    assert second != first
    assert window.document.toPlainText()[second : second + 9] == "Netanyahu"
    assert window.document.textCursor().position() == first
    assert "Match" in window.statusBar().currentMessage()


def test_f3_before_any_search_says_to_search_first(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.document.setFocus()

    qtbot.keyClick(window.document, Qt.Key.Key_F3)

    assert window.statusBar().currentMessage() == "No search matches to step through; search first."


def test_escape_in_the_field_clears_the_query_and_the_highlights(window, qtbot, panel) -> None:
    open_first_report_hit(qtbot, window, panel, "Netanyahu")
    field = panel.findChild(QLineEdit, "searchField")

    qtbot.keyClick(field, Qt.Key.Key_Escape)

    assert "Netanyahu" not in search_selections(window)
    assert field.text() == ""


def test_escape_in_the_document_clears_the_highlights(window, qtbot, panel) -> None:
    open_first_report_hit(qtbot, window, panel, "Netanyahu")
    window.document.setFocus()

    qtbot.keyClick(window.document, Qt.Key.Key_Escape)

    assert "Netanyahu" not in search_selections(window)


def test_a_typo_offers_the_right_word_and_clicking_it_searches_for_it(window, qtbot, panel) -> None:
    type_query(qtbot, panel, "genocde")
    suggestion = panel.findChild(QPushButton, "searchSuggestion")
    assert suggestion.isVisible()
    assert suggestion.text() == "Did you mean: genocide?"

    with qtbot.waitSignal(panel.results_shown, timeout=3000):
        qtbot.mouseClick(suggestion, Qt.MouseButton.LeftButton)

    assert panel.findChild(QLineEdit, "searchField").text() == "genocide"
    assert not suggestion.isVisible()
    assert panel.model.rowCount() > 0


def test_no_results_are_reported_calmly_under_the_field(window, qtbot, panel) -> None:
    type_query(qtbot, panel, "zzqqxxj")

    assert panel.model.rowCount() == 0
    assert "No results" in panel.findChild(QLabel, "searchStatus").text()


@pytest.mark.parametrize("text", ['"((', "AND NOT", "☺☺", "\x00\x1b", "x" * 600])
def test_hostile_text_in_the_field_gives_a_calm_answer(window, qtbot, panel, text: str) -> None:
    # Pasted rather than typed: QTest cannot type characters outside the Basic Multilingual Plane.
    with qtbot.waitSignal(panel.results_shown, timeout=3000):
        panel.search_for(text)

    assert panel.findChild(QLabel, "searchStatus").isVisible()


def test_the_hit_list_model_is_well_behaved(window, qtbot, panel, qtmodeltester) -> None:
    type_query(qtbot, panel, "apartheid")

    qtmodeltester.check(panel.model)


def test_a_glossary_hit_opens_the_glossary_entry(window, qtbot, panel) -> None:
    type_query(qtbot, panel, "International Court of Justice")
    assert panel.model.hit(0).kind is HitKind.GLOSSARY

    qtbot.keyClick(panel.findChild(QLineEdit, "searchField"), Qt.Key.Key_Return)

    assert window.findChild(QDockWidget, "glossaryDock").isVisible()
    entry = window.findChild(QWidget, "glossaryEntry")
    assert entry.toPlainText().startswith("ICJ")


def test_notes_become_searchable_shortly_after_they_are_written(window, qtbot, panel) -> None:
    write_note(qtbot, window, "red-wolf-p2", "Ask the clinic about water trucks")

    type_query(qtbot, panel, "trucks")

    # The notes are indexed once writing pauses; the open search then updates by itself.
    qtbot.waitUntil(lambda: hit_kinds(panel)[:1] == [HitKind.NOTE])
    assert "Note" in panel.model.index(0, 0).data()


def test_an_edited_note_is_found_by_its_new_words(window, qtbot, panel) -> None:
    editor_text = write_note(qtbot, window, "red-wolf-p2", "Ask the clinic about water trucks")
    type_query(qtbot, panel, "trucks")
    qtbot.waitUntil(lambda: hit_kinds(panel)[:1] == [HitKind.NOTE])

    editor_text.selectAll()
    qtbot.keyClicks(editor_text, "Ask the beekeepers about the orchards")
    type_query(qtbot, panel, "beekeepers")

    qtbot.waitUntil(lambda: hit_kinds(panel) == [HitKind.NOTE])
    type_query(qtbot, panel, "trucks")
    assert HitKind.NOTE not in hit_kinds(panel)


def test_opening_a_note_hit_shows_the_note_and_its_passage(make_window, qtbot, report: Report, data_dir) -> None:
    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, "mass-displacement-p2", 0, 14), text="Compare with the camp survey")
        store.add(anchor_from_selection(report, "red-wolf-p2", 0, 8), text="Ask the clinic")
    window = make_window()
    panel = search_ready(window, qtbot)
    type_query(qtbot, panel, "camp survey")
    qtbot.waitUntil(lambda: hit_kinds(panel)[:1] == [HitKind.NOTE])

    qtbot.keyClick(panel.findChild(QLineEdit, "searchField"), Qt.Key.Key_Return)

    assert window.document.current_section() == "mass-displacement"
    assert window.findChild(QDockWidget, "notesDock").isVisible()
    editor_text = window.findChild(QWidget, "noteEditor").findChild(QWidget, "noteText")
    assert editor_text.toPlainText() == "Compare with the camp survey"


class TestIndexLoading:
    def test_a_missing_index_is_built_in_the_background_with_visible_progress(self, make_window, qtbot, data_dir):
        window = make_window()
        search = window.findChild(QObject, "searchFeature")
        progress = window.findChild(QProgressBar, "searchProgress")

        with qtbot.waitSignal(search.index_ready, timeout=10_000):
            qtbot.waitUntil(progress.isVisible)

        assert not progress.isVisible()
        assert (cache_index_folder(data_dir / "cache") / INFO_NAME).is_file()

    def test_what_was_typed_before_the_index_was_ready_is_searched_once_it_is(self, make_window, qtbot) -> None:
        window = make_window()
        panel = window.findChild(QWidget, "searchPanel")
        field = panel.findChild(QLineEdit, "searchField")
        with qtbot.waitSignal(panel.results_shown, timeout=3000):
            qtbot.keyClicks(field, "ceasefire")
            qtbot.keyClick(field, Qt.Key.Key_Return)  # searches at once, before the index is built
        assert "prepared" in panel.findChild(QLabel, "searchStatus").text()

        qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)
        assert "results" in panel.findChild(QLabel, "searchStatus").text()

    def test_a_fresh_bundled_index_is_opened_without_building_one(
        self, make_window, qtbot, report, data_dir, empty_bundled_index: Path
    ) -> None:
        build_index(empty_bundled_index, report, glossary_documents(load_glossary(report)))

        window = make_window()
        search_ready(window, qtbot)

        assert not window.findChild(QProgressBar, "searchProgress").isVisible()
        assert not (cache_index_folder(data_dir / "cache") / INFO_NAME).exists()
