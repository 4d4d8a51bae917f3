"""The glossary popup: hovering, clicking or asking from the keyboard explains a marked term."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget, QFrame, QLabel, QLineEdit, QListWidget

from reader.citation import format_term_citation
from reader.content import Report
from reader.glossary import Glossary, load_glossary
from reader.ui import themes
from reader.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def glossary(report: Report) -> Glossary:
    return load_glossary(report)


def popup_of(window: MainWindow) -> QFrame:
    return window.findChild(QFrame, "glossaryPopup")


def first_occurrence(window: MainWindow, glossary: Glossary, term_id: str) -> int:
    """The document position of the first character of a term's first occurrence in a paragraph."""
    occurrence = next(o for o in glossary.occurrences() if o.term_id == term_id and o.paragraph_id)
    start, _end = window.document.paragraph_span(occurrence.paragraph_id)
    return start + occurrence.start


def point_on_term(qtbot, window: MainWindow, glossary: Glossary, term_id: str) -> QPoint:
    """Scroll a term into view and return a point on its first letter, in viewport coordinates."""
    position = first_occurrence(window, glossary, term_id)
    cursor = QTextCursor(window.document.document())
    cursor.setPosition(position + 1)
    window.document.setTextCursor(cursor)
    window.document.ensureCursorVisible()
    rect = window.document.cursorRect(cursor)
    qtbot.mouseMove(window.document.viewport(), QPoint(1, 1))  # the pointer may still rest where a test left it
    return QPoint(rect.left() - 2, rect.center().y())


def point_off_terms(window: MainWindow, glossary: Glossary) -> QPoint:
    """A point in the visible text that is not on a marked term."""
    document = window.document
    for y in range(10, document.viewport().height(), 7):
        for x in range(10, document.viewport().width() - 10, 23):
            if document.anchorAt(QPoint(x, y)) == "" and document.cursorForPosition(QPoint(x, y)).position() > 0:
                return QPoint(x, y)
    raise AssertionError("no plain text on screen")


@pytest.mark.parametrize("term_id", ["icj", "icc", "opt"])
def test_hovering_a_term_explains_it_after_a_short_delay(qtbot, window, glossary, term_id: str) -> None:
    popup = popup_of(window)
    point = point_on_term(qtbot, window, glossary, term_id)
    with qtbot.waitSignal(popup.shown, timeout=3000):
        qtbot.mouseMove(window.document.viewport(), point)
        assert not popup.isVisible(), "the popup should wait a moment before opening"
    term = glossary.term(term_id)
    assert popup.findChild(QLabel, "glossaryPopupTerm").text() == term.term
    assert popup.findChild(QLabel, "glossaryPopupExpansion").text() == term.expansion
    assert popup.findChild(QLabel, "glossaryPopupDefinition").text() == term.definition


def test_clicking_a_term_opens_its_popup_at_once(qtbot, window, glossary) -> None:
    popup = popup_of(window)
    point = point_on_term(qtbot, window, glossary, "red-wolf")
    qtbot.mouseClick(window.document.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert popup.isVisible()
    assert popup.findChild(QLabel, "glossaryPopupDefinition").text() == glossary.term("red-wolf").definition
    assert popup.findChild(QLabel, "glossaryPopupExpansion").isHidden()  # Red Wolf has no expansion


def test_moving_the_mouse_off_the_term_closes_a_hover_popup(qtbot, window, glossary) -> None:
    popup = popup_of(window)
    with qtbot.waitSignal(popup.shown, timeout=3000):
        qtbot.mouseMove(window.document.viewport(), point_on_term(qtbot, window, glossary, "icj"))
    with qtbot.waitSignal(popup.hidden, timeout=3000):
        qtbot.mouseMove(window.document.viewport(), point_off_terms(window, glossary))


def test_popup_does_not_take_the_focus_from_the_document(qtbot, window, glossary) -> None:
    point = point_on_term(qtbot, window, glossary, "icj")
    qtbot.mouseClick(window.document.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert popup_of(window).isVisible()
    assert QApplication.focusWidget() is window.document


def test_keyboard_shortcut_explains_the_term_at_the_cursor_and_esc_closes_it(qtbot, window, glossary) -> None:
    popup = popup_of(window)
    point_on_term(qtbot, window, glossary, "opt")  # puts the text cursor inside "OPT"
    window.activateWindow()
    qtbot.keyClick(window.document, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert popup.isVisible()
    assert popup.findChild(QLabel, "glossaryPopupTerm").text() == "OPT"
    qtbot.keyClick(window.document, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_explain_action_without_a_term_at_the_cursor_says_so(qtbot, window, glossary) -> None:
    cursor = QTextCursor(window.document.document())
    cursor.setPosition(window.document.section_start("overview") + 2)  # in the heading "Overview"
    window.document.setTextCursor(cursor)
    window.findChild(QAction, "actionExplainTerm").trigger()
    assert not popup_of(window).isVisible()
    assert window.statusBar().currentMessage() == "There is no glossary term at the cursor."


def test_screen_readers_get_the_term_and_its_definition(qtbot, window, glossary) -> None:
    qtbot.mouseClick(
        window.document.viewport(), Qt.MouseButton.LeftButton, pos=point_on_term(qtbot, window, glossary, "icc")
    )
    popup = popup_of(window)
    term = glossary.term("icc")
    assert popup.accessibleName() == "Glossary: ICC (International Criminal Court)"
    assert popup.accessibleDescription() == f"{term.definition} Source: {term.sources[0]}"


def shown_entry(window: MainWindow) -> str:
    """The entry chosen in the glossary panel, as listed ("ICJ — International Court of Justice")."""
    item = window.findChild(QListWidget, "glossaryList").currentItem()
    return item.text() if item is not None else ""


def click_popup_link(qtbot, popup: QFrame, text_before: str) -> None:
    label = popup.findChild(QLabel, "glossaryPopupLinks")
    x = label.contentsRect().left() + label.fontMetrics().horizontalAdvance(text_before) + 6
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(x, label.height() // 2))


def test_open_in_glossary_shows_the_entry_in_the_glossary_panel(qtbot, window, glossary) -> None:
    qtbot.mouseClick(
        window.document.viewport(), Qt.MouseButton.LeftButton, pos=point_on_term(qtbot, window, glossary, "icj")
    )
    click_popup_link(qtbot, popup_of(window), "")
    assert window.findChild(QDockWidget, "glossaryDock").isVisible()
    assert shown_entry(window).startswith("ICJ — ")
    assert not popup_of(window).isVisible()


def test_search_the_report_asks_for_a_search_of_the_term(qtbot, window, glossary) -> None:
    qtbot.mouseClick(
        window.document.viewport(), Qt.MouseButton.LeftButton, pos=point_on_term(qtbot, window, glossary, "icj")
    )
    popup = popup_of(window)
    with qtbot.waitSignal(popup.search_requested, timeout=2000) as signal:
        click_popup_link(qtbot, popup, "Open in glossary  ·  ")
    assert signal.args == ["ICJ"]


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_marked_terms_have_a_dotted_underline_in_every_theme(qtbot, window, glossary, theme: str) -> None:
    window.set_theme(theme)
    cursor = QTextCursor(window.document.document())
    cursor.setPosition(first_occurrence(window, glossary, "icj") + 1)
    char_format = cursor.charFormat()
    assert char_format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert char_format.underlineColor().name() == themes.THEMES[theme].muted


def test_scrolling_closes_a_hover_popup(qtbot, window, glossary) -> None:
    popup = popup_of(window)
    with qtbot.waitSignal(popup.shown, timeout=3000):
        qtbot.mouseMove(window.document.viewport(), point_on_term(qtbot, window, glossary, "icj"))
    bar = window.document.verticalScrollBar()
    bar.setValue(bar.value() + 30)
    assert not popup.isVisible()


def test_a_clicked_popup_follows_its_term_while_scrolling_and_closes_when_it_leaves(qtbot, window, glossary) -> None:
    popup = popup_of(window)
    window.go_to("red-wolf-p2")
    bar = window.document.verticalScrollBar()
    bar.setValue(bar.value() - 200)  # the term now sits in the middle of the view
    qtbot.mouseClick(
        window.document.viewport(), Qt.MouseButton.LeftButton, pos=point_on_term(qtbot, window, glossary, "red-wolf")
    )
    top = popup.y()
    bar.setValue(bar.value() + 40)
    assert popup.isVisible()
    assert popup.y() == top - 40
    bar.setValue(bar.maximum() if bar.value() < bar.maximum() // 2 else 0)
    assert not popup.isVisible()


def test_keyboard_popup_tells_how_to_open_the_term_in_the_glossary(qtbot, window, glossary) -> None:
    point_on_term(qtbot, window, glossary, "opt")
    window.activateWindow()
    qtbot.keyClick(window.document, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    hint = popup_of(window).findChild(QLabel, "glossaryPopupHint")
    assert hint.isVisible()
    assert "open in glossary" in hint.text()
    qtbot.keyClick(
        window.document, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert shown_entry(window).startswith("OPT — ")
    assert not popup_of(window).isVisible()


def test_search_the_report_fills_the_search_panel(qtbot, window, glossary) -> None:
    qtbot.mouseClick(
        window.document.viewport(), Qt.MouseButton.LeftButton, pos=point_on_term(qtbot, window, glossary, "red-wolf")
    )
    click_popup_link(qtbot, popup_of(window), "Open in glossary  ·  ")
    assert window.findChild(QDockWidget, "searchDock").isVisible()
    assert window.findChild(QLineEdit, "searchField").text() == '"Red Wolf"'


# Sources and citing an entry


def open_popup(qtbot, window: MainWindow, glossary: Glossary, term_id: str) -> QFrame:
    qtbot.mouseClick(
        window.document.viewport(), Qt.MouseButton.LeftButton, pos=point_on_term(qtbot, window, glossary, term_id)
    )
    popup = popup_of(window)
    assert popup.isVisible()
    return popup


def test_popup_shows_the_first_source_under_the_definition(qtbot, window, glossary) -> None:
    term = glossary.term("red-wolf")
    source = open_popup(qtbot, window, glossary, "red-wolf").findChild(QLabel, "glossaryPopupSource")
    assert source.isVisible()
    assert source.text() == f"Source: {term.sources[0]}"


def test_popup_of_an_entry_with_several_sources_says_the_glossary_has_the_rest(qtbot, window, glossary) -> None:
    term = glossary.term("genocide")
    assert len(term.sources) == 2
    source = open_popup(qtbot, window, glossary, "genocide").findChild(QLabel, "glossaryPopupSource")
    assert source.text() == f"Source: {term.sources[0]} (+1 more in the glossary)"


def test_copy_with_citation_in_the_popup_puts_the_entry_and_its_source_on_the_clipboard(
    qtbot, window, glossary, report
) -> None:
    QGuiApplication.clipboard().clear()
    popup = open_popup(qtbot, window, glossary, "icj")
    cite = popup.findChild(QLabel, "glossaryPopupCite")
    assert cite.accessibleName()
    qtbot.mouseClick(cite, Qt.MouseButton.LeftButton, pos=QPoint(cite.contentsRect().left() + 8, cite.height() // 2))
    copied = QGuiApplication.clipboard().text()
    assert copied == format_term_citation(report, glossary.term("icj"), glossary.as_of)
    assert "facts as of 2025-02-11" in copied and glossary.term("icj").sources[0] in copied
    assert not popup.isVisible()
    assert window.statusBar().currentMessage() == "Copied “ICJ” with its citation."


@pytest.mark.parametrize("term_id", ["red-wolf", "genocide", "occupation", "ministry-of-health"])
def test_a_long_entry_fits_its_popup_on_screen(qtbot, window, glossary, term_id: str) -> None:
    popup = open_popup(qtbot, window, glossary, term_id)
    screen = popup.screen().availableGeometry()
    assert screen.contains(popup.frameGeometry())
    for name in ("glossaryPopupTerm", "glossaryPopupDefinition", "glossaryPopupSource", "glossaryPopupCite"):
        label = popup.findChild(QLabel, name)
        needed = label.heightForWidth(label.width())
        assert label.height() >= needed, f"{name} is cut off: {label.height()} < {needed}"
        assert popup.rect().contains(label.geometry()), f"{name} runs outside the popup"
