"""Keyboard only: unique mnemonics, a shortcuts sheet from the action table, Esc and focus where a reader expects
them, the glossary popup's links reachable, and a visible focus outline."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QDockWidget, QFrame, QLineEdit, QListView, QMenu, QWidget

from reader.glossary import Glossary, load_glossary
from reader.ui import language, shortcuts_dialog, themes
from reader.ui.actions import ACTION_SPECS, PANEL_TOGGLES, ActionName
from reader.ui.shortcuts_dialog import ShortcutsDialog, plain_label, shortcut_rows

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def mnemonic(text: str) -> str | None:
    index = text.replace("&&", "").find("&")
    return text.replace("&&", "")[index + 1].casefold() if index >= 0 else None


@pytest.fixture(params=["en", "ar"])
def window_in_each_language(request, make_window):
    """The window in English, then in Arabic (translations installed as `run_window` installs them)."""
    app = QApplication.instance()
    installed = language.install_translators(app, request.param)
    yield make_window()
    for translator in installed:
        app.removeTranslator(translator)
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    app.setProperty(language.LANGUAGE_PROPERTY, "en")


def menu_items(window) -> dict[str, list[str]]:
    """Each menu's items (the menu bar's being the menus' titles), by the menu's objectName."""
    menus = window.findChildren(QMenu)
    assert any(menu.objectName() == "menuTheme" for menu in menus)  # View › Theme
    return {
        menu.objectName() or "menuBar": [action.text() for action in menu.actions() if not action.isSeparator()]
        for menu in [*menus, window.menuBar()]
        if menu.actions()
    }


def test_no_two_items_of_one_menu_share_a_mnemonic(window_in_each_language):
    for menu, items in menu_items(window_in_each_language).items():
        letters = Counter(mnemonic(text) for text in items)
        letters.pop(None, None)
        assert [letter for letter, count in letters.items() if count > 1] == [], menu


def test_every_menu_and_menu_item_has_a_mnemonic(window_in_each_language):
    """Every menu title and every item of the action table; the panels' show/hide items carry the panels' titles,
    which have none, and the English menu names Arabic in its own script, which an English keyboard cannot type."""
    window = window_in_each_language
    exempt = {toggle.action for toggle in PANEL_TOGGLES}
    if language.current_language() == "en":
        exempt.add(ActionName.LANGUAGE_ARABIC.value)
    without = [
        (menu.objectName() or "menuBar", action.text())
        for menu in [*window.findChildren(QMenu), window.menuBar()]
        for action in menu.actions()
        if not action.isSeparator() and action.objectName() not in exempt and mnemonic(action.text()) is None
    ]
    assert without == []


def test_the_shortcuts_sheet_lists_every_key_of_the_action_table(window):
    rows = shortcut_rows(window.findChildren(QAction))
    described = {what for _group, _keys, what in rows}
    for spec in ACTION_SPECS:
        if spec.shortcuts:
            assert plain_label(spec.label) in described
    assert ("Go", "Alt+Left", "Back") in rows
    assert any(keys == "Ctrl+/" and what == "Keyboard Shortcuts" for _group, keys, what in rows)


def test_ctrl_slash_opens_the_sheet_and_it_filters(window, qtbot, monkeypatch):
    opened: list[ShortcutsDialog] = []
    monkeypatch.setattr(shortcuts_dialog.ShortcutsDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.document.setFocus()
    qtbot.keyClick(window.document, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert opened
    sheet = opened[0]
    sheet.filter.setText("notes panel")
    assert ("Go to Notes Panel", "Ctrl+Shift+M") in sheet.visible_rows()
    assert len(sheet.visible_rows()) < 5


def test_ctrl_shift_m_puts_the_cursor_in_the_notes_filter(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.document.setFocus()
    qtbot.keyClick(window.document, Qt.Key.Key_M, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.findChild(QLineEdit, "notesFilter") is not None)
    assert window.findChild(QLineEdit, "notesFilter").hasFocus()


def test_esc_in_the_search_results_goes_back_to_the_field_and_esc_there_clears(window, qtbot):
    search = window.findChild(QObject, "searchFeature")
    qtbot.waitUntil(lambda: search.is_ready, timeout=10_000)
    panel = window.findChild(QWidget, "searchPanel")
    panel.search_for("checkpoints")
    results = window.findChild(QListView, "searchResults")
    qtbot.waitUntil(lambda: results.model().rowCount() > 0)
    window.activateWindow()
    results.setFocus()
    qtbot.keyClick(results, Qt.Key.Key_Escape)
    field = window.findChild(QLineEdit, "searchField")
    assert field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""


@pytest.fixture(scope="module")
def glossary(report) -> Glossary:
    return load_glossary(report)


def open_popup_from_keyboard(window, qtbot, glossary: Glossary, term_id: str) -> QFrame:
    occurrence = next(o for o in glossary.occurrences() if o.term_id == term_id and o.paragraph_id)
    start, _end = window.document.paragraph_span(occurrence.paragraph_id)
    window.document.select_range(start + occurrence.start + 1, start + occurrence.start + 1)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.document.setFocus()
    qtbot.keyClick(window.document, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    popup = window.findChild(QFrame, "glossaryPopup")
    assert popup.isVisible()
    return popup


def test_tab_reaches_the_popup_links_and_enter_follows_one(window, qtbot, glossary):
    popup = open_popup_from_keyboard(window, qtbot, glossary, "icj")
    qtbot.keyClick(window.document, Qt.Key.Key_Tab)
    assert popup.chosen_link() == "glossary"
    qtbot.keyClick(window.document, Qt.Key.Key_Tab)
    assert popup.chosen_link() == "search"
    qtbot.keyClick(window.document, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert popup.chosen_link() == "glossary"
    qtbot.keyClick(window.document, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert window.findChild(QDockWidget, "glossaryDock").isVisible()


def test_the_popup_closes_when_the_window_loses_focus(window, qtbot, glossary):
    popup = open_popup_from_keyboard(window, qtbot, glossary, "icj")
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowDeactivate))
    assert not popup.isVisible()


@pytest.mark.parametrize("theme", ["light", "dark", "sepia", "high-contrast"])
def test_every_theme_outlines_the_focused_control_in_its_focus_colour(window, theme):
    window.set_theme(theme)
    sheet = QApplication.instance().styleSheet()
    assert f"border: 2px solid {themes.THEMES[theme].focus}" in sheet
    assert ":focus" in sheet


def test_view_theme_high_contrast_changes_the_look(window):
    window.findChild(QAction, "actionThemeHighContrast").trigger()
    assert QApplication.palette().color(QApplication.palette().ColorRole.Base).name() == "#000000"
    assert window.findChild(QAction, "actionThemeHighContrast").isChecked()


def test_follow_the_system_follows_a_live_change(window):
    window.findChild(QAction, "actionThemeSystem").trigger()
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert QApplication.palette().color(QApplication.palette().ColorRole.Base).name() == themes.THEMES["dark"].base
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert QApplication.palette().color(QApplication.palette().ColorRole.Base).name() == themes.THEMES["light"].base


def test_status_messages_and_search_counts_are_announced(window, qtbot, monkeypatch):
    from reader.ui import accessibility

    said: list[str] = []
    monkeypatch.setattr(accessibility, "announce", lambda _widget, message: said.append(message))
    window.statusBar().showMessage("Note saved.")
    assert "Note saved." in said
    search = window.findChild(QObject, "searchFeature")
    qtbot.waitUntil(lambda: search.is_ready, timeout=10_000)
    window.findChild(QWidget, "searchPanel").search_for("checkpoints")
    qtbot.waitUntil(lambda: any("result" in message for message in said))
