"""F3 / Shift+F3 step through the marks of whatever search hit was opened: report, glossary and note hits."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLineEdit, QWidget

from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.store import NoteStore
from reader.search.results import HitKind
from reader.ui.search_panel import SearchPanel


def search_ready(window, qtbot) -> SearchPanel:
    search = window.findChild(QObject, "searchFeature")
    qtbot.waitUntil(lambda: search.is_ready, timeout=10_000)
    return window.findChild(QWidget, "searchPanel")


def type_query(qtbot, panel: SearchPanel, text: str) -> None:
    field = panel.findChild(QLineEdit, "searchField")
    field.clear()
    with qtbot.waitSignal(panel.results_shown, timeout=3000):
        qtbot.keyClicks(field, text)


def open_first_hit(qtbot, panel: SearchPanel) -> None:
    qtbot.keyClick(panel.findChild(QLineEdit, "searchField"), Qt.Key.Key_Return)


def press(window, name: str) -> str:
    """Choose an action (F3 is Next Match, Shift+F3 Previous Match) and return the status line it leaves."""
    window.findChild(QAction, name).trigger()
    return window.statusBar().currentMessage()


def marked_starts(window) -> set[int]:
    """Where each mark painted in the document starts."""
    return {selection.cursor.selectionStart() for selection in window.document.extraSelections()}


def test_after_opening_a_glossary_hit_f3_steps_through_the_words_in_the_report(window, qtbot) -> None:
    panel = search_ready(window, qtbot)
    type_query(qtbot, panel, "International Court of Justice")
    assert panel.model.hit(0).kind is HitKind.GLOSSARY
    open_first_hit(qtbot, panel)
    assert window.findChild(QDockWidget, "glossaryDock").isVisible()

    first = press(window, "actionNextMatch")

    assert first.startswith("Match 1 of ")
    count = int(first.split()[3])
    assert count > 1
    assert window.document.textCursor().position() in marked_starts(window)
    assert press(window, "actionNextMatch").startswith(f"Match 2 of {count}")
    assert press(window, "actionPreviousMatch").startswith(f"Match 1 of {count}")


def test_shift_f3_after_a_glossary_hit_starts_at_the_last_match(window, qtbot) -> None:
    panel = search_ready(window, qtbot)
    type_query(qtbot, panel, "International Court of Justice")
    open_first_hit(qtbot, panel)

    message = press(window, "actionPreviousMatch")

    number, _of, count = message.split()[1:4]
    assert number == count


def test_after_opening_a_note_hit_whose_words_are_only_in_the_note_f3_shows_its_passage(
    make_window, qtbot, report: Report, data_dir
) -> None:
    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, "mass-displacement-p2", 0, 14), text="Zebrafish beekeepers tomorrow")
    window = make_window()
    panel = search_ready(window, qtbot)
    type_query(qtbot, panel, "zebrafish")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and panel.model.hit(0).kind is HitKind.NOTE)
    open_first_hit(qtbot, panel)
    window.go_to("red-wolf")  # the reader moves away

    message = press(window, "actionNextMatch")

    assert message.startswith("Match 1 of 1")
    start, _end = window.document.paragraph_span("mass-displacement-p2")
    assert window.document.textCursor().position() == start
    assert window.document.viewport().rect().contains(window.document.cursorRect().center())  # scrolled there


def test_f3_with_results_listed_but_none_opened_says_to_open_one(window, qtbot) -> None:
    panel = search_ready(window, qtbot)
    type_query(qtbot, panel, "ceasefire")
    assert panel.model.rowCount() > 0

    message = press(window, "actionNextMatch")

    assert "Open a search result" in message
    assert "search first" not in message


def test_f3_before_any_search_says_to_search_first(window, qtbot) -> None:
    search_ready(window, qtbot)

    assert "search first" in press(window, "actionNextMatch")
