"""The search panel as a reader uses it: type, arrow, Enter, see the passage highlighted, step, clear."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QLineEdit, QListView, QProgressBar, QPushButton, QWidget

from reader.content import Report
from reader.notes.note import Anchor
from reader.search.build import INFO_NAME, build_index, cache_index_dir
from reader.ui.search_panel import SearchPanel

CTRL = Qt.KeyboardModifier.ControlModifier

# The window builds its own index in the test's cache unless a test builds a bundled one.
pytestmark = pytest.mark.usefixtures("empty_bundled_index")


@pytest.fixture
def panel(window, qtbot) -> SearchPanel:
    found = window.findChild(QWidget, "searchPanel")
    qtbot.waitUntil(lambda: found.is_ready, timeout=10_000)
    return found


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
    while panel.model.hit(results.currentIndex().row()).kind != "report":
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

    if hit.kind == "report":
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
    assert panel.model.hit(0).kind == "glossary"

    qtbot.keyClick(panel.findChild(QLineEdit, "searchField"), Qt.Key.Key_Return)

    assert window.findChild(QDockWidget, "glossaryDock").isVisible()


def test_notes_become_searchable_shortly_after_they_are_written(window, qtbot, panel, report: Report) -> None:
    paragraph = report.paragraph("red-wolf-p2")
    anchor = Anchor(paragraph.section_id, paragraph.id, 0, 8, paragraph.text[:8])
    window.annotator.add(anchor, color="yellow", style="highlight", text="Ask the clinic about water trucks")

    type_query(qtbot, panel, "trucks")

    # The notes are re-indexed once writing pauses; the open search then updates by itself.
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and panel.model.hit(0).kind == "note")
    assert "Note" in panel.model.index(0, 0).data()


def test_an_edited_note_is_found_by_its_new_words(window, qtbot, panel, report: Report) -> None:
    paragraph = report.paragraph("red-wolf-p2")
    anchor = Anchor(paragraph.section_id, paragraph.id, 0, 8, paragraph.text[:8])
    note = window.annotator.add(anchor, color="yellow", style="highlight", text="Ask the clinic about water trucks")
    type_query(qtbot, panel, "trucks")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and panel.model.hit(0).kind == "note")

    window.annotator.update(note.id, text="Ask the beekeepers about the orchards")
    type_query(qtbot, panel, "beekeepers")

    assert [panel.model.hit(row).kind for row in range(panel.model.rowCount())] == ["note"]
    type_query(qtbot, panel, "trucks")
    assert all(panel.model.hit(row).kind != "note" for row in range(panel.model.rowCount()))


def test_opening_a_note_hit_shows_the_note_and_its_passage(window, qtbot, panel, report: Report) -> None:
    paragraph = report.paragraph("mass-displacement-p2")
    anchor = Anchor(paragraph.section_id, paragraph.id, 0, 14, paragraph.text[:14])
    window.annotator.add(anchor, color="green", style="highlight", text="Compare with the camp survey")
    type_query(qtbot, panel, "camp survey")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and panel.model.hit(0).kind == "note")

    qtbot.keyClick(panel.findChild(QLineEdit, "searchField"), Qt.Key.Key_Return)

    assert window.document.current_section() == "mass-displacement"
    assert window.findChild(QDockWidget, "notesDock").isVisible()
    editor_text = window.findChild(QWidget, "noteEditor").findChild(QWidget, "noteText")
    assert editor_text.toPlainText() == "Compare with the camp survey"


class TestIndexLoading:
    @pytest.fixture
    def alone(self, qtbot) -> SearchPanel:
        panel = SearchPanel()
        qtbot.addWidget(panel)
        panel.show()
        return panel

    def test_a_missing_index_is_built_in_the_background_with_visible_progress(self, alone, qtbot, report) -> None:
        with qtbot.waitSignal(alone.index_ready, timeout=10_000):
            alone.load_index(report)
            assert alone.findChild(QProgressBar, "searchProgress").isVisible()
            assert not alone.is_ready

        assert not alone.findChild(QProgressBar, "searchProgress").isVisible()
        assert (cache_index_dir() / INFO_NAME).is_file()

    def test_what_was_typed_before_the_index_was_ready_is_searched_once_it_is(self, alone, qtbot, report) -> None:
        with qtbot.waitSignal(alone.results_shown, timeout=3000):
            qtbot.keyClicks(alone.findChild(QLineEdit, "searchField"), "ceasefire")
        assert "prepared" in alone.findChild(QLabel, "searchStatus").text()

        alone.load_index(report)

        qtbot.waitUntil(lambda: alone.model.rowCount() > 0, timeout=10_000)
        assert "results" in alone.findChild(QLabel, "searchStatus").text()

    def test_a_fresh_bundled_index_is_opened_at_once(self, alone, report, empty_bundled_index: Path) -> None:
        build_index(empty_bundled_index, report)

        alone.load_index(report)

        assert alone.is_ready
        assert not alone.findChild(QProgressBar, "searchProgress").isVisible()
        assert not (cache_index_dir() / INFO_NAME).exists()
