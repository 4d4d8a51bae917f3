"""The glossary panel: alphabetical entries, a filter, and links that jump into the report."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QWidget,
)

from reader.citation import format_term_citation
from reader.content import Report
from reader.glossary import Glossary, load_glossary
from reader.ui.glossary_panel import GlossaryPanel
from reader.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def glossary(report: Report) -> Glossary:
    return load_glossary(report)


@pytest.fixture
def panel(qtbot, report: Report, glossary: Glossary) -> GlossaryPanel:
    shown = GlossaryPanel(glossary, report)
    qtbot.addWidget(shown)
    shown.resize(360, 700)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def listed(panel: GlossaryPanel) -> list[str]:
    names = panel.findChild(QListWidget, "glossaryList")
    return [names.item(row).text() for row in range(names.count()) if not names.item(row).isHidden()]


def click_link(qtbot, browser: QTextBrowser, href: str) -> None:
    """Click the first link to `href` in a text browser, as a user would."""
    block = browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(browser.document())
                cursor.setPosition(fragment.position() + 1)
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                rect = browser.cursorRect(cursor)
                qtbot.mouseClick(
                    browser.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() - 2, rect.center().y())
                )
                return
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def open_entry(qtbot, window: MainWindow, name: str) -> None:
    """Open an entry as a reader would: Go to Glossary, type its name in the filter, Enter."""
    window.findChild(QAction, "actionFocusGlossary").trigger()
    field = window.findChild(QLineEdit, "glossaryFilter")
    qtbot.waitUntil(lambda: not field.visibleRegion().isEmpty())  # built on first show: laid out a turn later
    qtbot.keyClicks(field, name)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    button = window.findChild(QPushButton, "glossaryCopyCitation")
    qtbot.waitUntil(lambda: button.isEnabled() and not button.visibleRegion().isEmpty())  # the entry laid out


def test_entries_are_listed_alphabetically(panel: GlossaryPanel, glossary: Glossary) -> None:
    names = listed(panel)
    assert len(names) == len(glossary)
    terms = [name.split(" — ")[0] for name in names]
    assert terms == sorted(terms, key=str.casefold)
    assert "ICJ — International Court of Justice" in names


def test_filter_keeps_entries_whose_names_match(qtbot, panel: GlossaryPanel) -> None:
    qtbot.keyClicks(panel.findChild(QLineEdit, "glossaryFilter"), "court")
    assert listed(panel) == [
        "ICC — International Criminal Court",
        "ICJ — International Court of Justice",
        "Rome Statute — Rome Statute of the International Criminal Court",
    ]


def test_filter_matches_aliases_too(qtbot, panel: GlossaryPanel) -> None:
    qtbot.keyClicks(panel.findChild(QLineEdit, "glossaryFilter"), "forcibly disappeared")
    assert listed(panel) == ["enforced disappearance"]


def test_filter_without_matches_says_so(qtbot, panel: GlossaryPanel) -> None:
    qtbot.keyClicks(panel.findChild(QLineEdit, "glossaryFilter"), "zzzz")
    assert listed(panel) == []
    assert panel.findChild(QLabel, "glossaryEmpty").isVisible()


def test_enter_in_the_filter_opens_the_first_match(qtbot, panel: GlossaryPanel, glossary: Glossary) -> None:
    field = panel.findChild(QLineEdit, "glossaryFilter")
    qtbot.keyClicks(field, "red w")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert panel.findChild(QTextBrowser, "glossaryEntry").toPlainText().startswith("Red Wolf")
    assert QApplication.focusWidget() is panel.findChild(QListWidget, "glossaryList")


def test_choosing_an_entry_shows_definition_explanation_related_and_sections(
    qtbot, panel: GlossaryPanel, glossary: Glossary, report: Report
) -> None:
    names = panel.findChild(QListWidget, "glossaryList")
    row = listed(panel).index("ICJ — International Court of Justice")
    qtbot.mouseClick(
        names.viewport(), Qt.MouseButton.LeftButton, pos=names.visualRect(names.model().index(row, 0)).center()
    )
    text = panel.findChild(QTextBrowser, "glossaryEntry").toPlainText()
    icj = glossary.term("icj")
    assert icj.definition in text
    assert icj.explanation in text
    assert "Related: UN, provisional measures, advisory opinion, Genocide Convention, ICC" in text
    assert report.section("justice-and-accountability").title in text


def test_related_link_opens_that_entry(qtbot, panel: GlossaryPanel) -> None:
    panel.show_term("icj")
    click_link(qtbot, panel.findChild(QTextBrowser, "glossaryEntry"), "term:icc")
    assert panel.current_term().id == "icc"


def test_background_entry_says_it_is_not_in_the_report(panel: GlossaryPanel) -> None:
    panel.show_term("rome-statute")
    assert "Background:" in panel.findChild(QTextBrowser, "glossaryEntry").toPlainText()


def test_show_term_clears_a_filter_that_hides_it(qtbot, panel: GlossaryPanel) -> None:
    qtbot.keyClicks(panel.findChild(QLineEdit, "glossaryFilter"), "court")
    panel.show_term("hamas")
    assert panel.current_term().id == "hamas"
    assert panel.findChild(QLineEdit, "glossaryFilter").text() == ""


def test_section_link_jumps_to_the_term_in_the_report(qtbot, window: MainWindow, glossary: Glossary) -> None:
    open_entry(qtbot, window, "Red Wolf")
    click_link(qtbot, window.findChild(QTextBrowser, "glossaryEntry"), "occurrence:0")
    assert window.document.current_section() == "red-wolf"
    assert window.document.textCursor().selectedText() == "Red Wolf"


def test_back_returns_from_a_section_link_to_where_the_reader_was(qtbot, window: MainWindow) -> None:
    open_entry(qtbot, window, "Red Wolf")
    window.go_to("mass-displacement")
    click_link(qtbot, window.findChild(QTextBrowser, "glossaryEntry"), "occurrence:0")

    window.findChild(QAction, "actionBack").trigger()

    assert window.document.current_section() == "mass-displacement"


def test_shortcut_opens_the_glossary_with_the_filter_focused(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(
        window.document, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.findChild(QDockWidget, "glossaryDock").isVisible()
    assert QApplication.focusWidget() is window.findChild(QLineEdit, "glossaryFilter")


def test_search_link_searches_the_report_for_the_entry(qtbot, window: MainWindow) -> None:
    open_entry(qtbot, window, "ICJ")
    click_link(qtbot, window.findChild(QTextBrowser, "glossaryEntry"), "search:")
    assert window.findChild(QLineEdit, "searchField").text() == "ICJ"
    assert window.findChild(QDockWidget, "searchDock").isVisible()


# Sources and citing an entry


def test_entry_lists_every_source_with_the_date_the_glossary_is_current_to(
    panel: GlossaryPanel, glossary: Glossary
) -> None:
    panel.show_term("occupation")
    text = panel.findChild(QTextBrowser, "glossaryEntry").toPlainText()
    assert "Sources (facts as of 2025-02-11):" in text
    term = glossary.term("occupation")
    assert len(term.sources) == 3
    for source in term.sources:
        assert source in text


def test_an_entry_with_one_source_says_source(panel: GlossaryPanel, glossary: Glossary) -> None:
    panel.show_term("red-wolf")
    text = panel.findChild(QTextBrowser, "glossaryEntry").toPlainText()
    assert f"Source (facts as of 2025-02-11):\n{glossary.term('red-wolf').sources[0]}" in text


def test_copy_button_puts_the_entry_with_its_sources_on_the_clipboard(
    qtbot, window: MainWindow, glossary: Glossary, report: Report
) -> None:
    QGuiApplication.clipboard().clear()
    open_entry(qtbot, window, "Red Wolf")
    button = window.findChild(QPushButton, "glossaryCopyCitation")
    assert button.isEnabled() and button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == format_term_citation(report, glossary.term("red-wolf"), "2025-02-11")
    assert window.statusBar().currentMessage() == "Copied “Red Wolf” with its citation."


def test_copy_button_works_from_the_keyboard(qtbot, window: MainWindow, glossary: Glossary) -> None:
    QGuiApplication.clipboard().clear()
    open_entry(qtbot, window, "ICJ")
    button = window.findChild(QPushButton, "glossaryCopyCitation")
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text().startswith("ICJ (International Court of Justice): “")


def test_entry_context_menu_offers_copy_with_citation(qtbot, panel: GlossaryPanel) -> None:
    panel.show_term("genocide")
    menu = panel.entry_menu(QPoint(5, 5))
    (action,) = [action for action in menu.actions() if action.objectName() == "glossaryEntryCopyCitation"]
    assert action.isEnabled()
    with qtbot.waitSignal(panel.copy_citation_requested, timeout=2000) as signal:
        action.trigger()
    assert signal.args == ["genocide"]
    menu.deleteLater()


def test_copy_button_is_disabled_when_the_filter_hides_every_entry(qtbot, panel: GlossaryPanel) -> None:
    qtbot.keyClicks(panel.findChild(QLineEdit, "glossaryFilter"), "zzzz")
    assert not panel.findChild(QPushButton, "glossaryCopyCitation").isEnabled()


def test_the_panel_built_on_first_show_gets_the_width_it_asks_for(qtbot, window: MainWindow) -> None:
    window.findChild(QAction, "actionFocusGlossary").trigger()
    panel = window.findChild(QWidget, "glossaryPanel")
    # Not left at the width of the "Loading…" stand-in it replaced.
    qtbot.waitUntil(lambda: panel.width() >= panel.sizeHint().width(), timeout=2000)
