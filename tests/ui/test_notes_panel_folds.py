"""The notes panel's order and filters fold under a header that counts the filters in use, so the list gets their
height on a small screen; how the reader left the filters and the imported layers is kept for the next start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QListView, QListWidget, QToolButton, QWidget

from reader.prefs import Preferences

from .test_notes_panel_space import (
    NETBOOK,
    OWN_NOTES,
    layered,  # noqa: F401 (a fixture)
    open_notes_panel,
    settle,
)

pytestmark = pytest.mark.usefixtures("layered")  # every test: the reader's notes and two layers, one hidden

COMBOS = ("notesOrder", "notesTagFilter", "notesColorFilter", "notesLayerFilter", "notesKindFilter")


def filters_toggle(window) -> QToolButton:
    toggle = window.findChild(QToolButton, "notesFiltersToggle")
    assert toggle is not None, "no header over the order and filters"
    return toggle


def list_height(window) -> int:
    return window.findChild(QListView, "notesList").viewport().height()


def choose(combo: QComboBox, value: str) -> None:
    """Choose as the reader does: the box shows the choice and says it was activated."""
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def click(button: QToolButton, qtbot) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle()


def on_a_screen(monkeypatch: pytest.MonkeyPatch, width: int, height: int) -> None:
    """The window's screen is `width` × `height`, less a panel bar."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, width, height - 40))


def test_folding_the_filters_hides_them_and_gives_the_list_their_height(make_window, qtbot):
    window = open_notes_panel(make_window, qtbot, NETBOOK)
    toggle = filters_toggle(window)
    assert toggle.isChecked()  # the tests' screen is roomy: unfolded, as before
    combos = [window.findChild(QComboBox, name) for name in COMBOS]
    assert all(combo.isVisible() for combo in combos)
    before = list_height(window)

    click(toggle, qtbot)

    assert not any(combo.isVisible() for combo in combos)
    assert window.findChild(QLineEdit, "notesFilter").isVisible()  # the text filter stays
    assert list_height(window) >= before + 2 * combos[0].height()  # at least two of the three rows of boxes
    click(toggle, qtbot)
    assert all(combo.isVisible() for combo in combos)
    assert list_height(window) == before


def test_the_header_counts_the_filters_in_use_but_not_the_order(make_window, qtbot):
    window = open_notes_panel(make_window, qtbot, NETBOOK)
    toggle = filters_toggle(window)
    assert toggle.text() == "Order and filters"
    choose(window.findChild(QComboBox, "notesOrder"), "newest")
    assert toggle.text() == "Order and filters"
    choose(window.findChild(QComboBox, "notesColorFilter"), "yellow")
    choose(window.findChild(QComboBox, "notesLayerFilter"), "mine")
    assert toggle.text() == "Order and filters (2 in use)"
    assert toggle.accessibleName() == toggle.text()
    assert toggle.accessibleDescription()
    choose(window.findChild(QComboBox, "notesColorFilter"), "")
    choose(window.findChild(QComboBox, "notesLayerFilter"), "")
    assert toggle.text() == "Order and filters"


def test_bookmarks_asked_for_with_the_filters_folded_are_listed_and_counted(make_window, qtbot):
    window = open_notes_panel(make_window, qtbot, NETBOOK)
    notes_list = window.findChild(QListView, "notesList")
    window.go_to("red-wolf-p2")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.document, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # a bookmark
    qtbot.waitUntil(lambda: notes_list.model().rowCount() == OWN_NOTES + 4)
    toggle = filters_toggle(window)
    click(toggle, qtbot)

    window.findChild(QWidget, "notesPanel").show_bookmarks()

    assert toggle.text() == "Order and filters (1 in use)"
    assert notes_list.model().rowCount() == 1  # the folded kind filter applies
    assert not toggle.isChecked()


def test_the_focused_header_folds_with_space_and_unfolds_with_enter(make_window, qtbot):
    window = open_notes_panel(make_window, qtbot, NETBOOK)
    field = window.findChild(QLineEdit, "notesFilter")
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    toggle = filters_toggle(window)
    assert toggle.hasFocus()

    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert not window.findChild(QComboBox, "notesOrder").isVisible()
    qtbot.keyClick(toggle, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.findChild(QListView, "notesList")  # past the folded boxes

    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Return)
    assert window.findChild(QComboBox, "notesOrder").isVisible()
    qtbot.keyClick(toggle, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.findChild(QComboBox, "notesOrder")


def test_a_folded_filter_given_the_focus_unfolds_so_it_is_seen(make_window, qtbot):
    window = open_notes_panel(make_window, qtbot, NETBOOK)
    toggle = filters_toggle(window)
    click(toggle, qtbot)
    tag = window.findChild(QComboBox, "notesTagFilter")

    tag.setFocus()
    settle()

    assert tag.hasFocus() and tag.isVisible()
    assert toggle.isChecked()


def test_the_folds_are_kept_for_the_next_start(make_window, qtbot, data_dir: Path):
    window = open_notes_panel(make_window, qtbot, NETBOOK)
    click(filters_toggle(window), qtbot)  # folded
    click(window.findChild(QToolButton, "notesLayersToggle"), qtbot)  # unfolded
    window.close()

    prefs = Preferences(data_dir)
    assert (prefs.fold("notes-filters"), prefs.fold("notes-layers")) == (False, True)
    again = open_notes_panel(make_window, qtbot, NETBOOK)
    assert not filters_toggle(again).isChecked()
    assert not again.findChild(QComboBox, "notesTagFilter").isVisible()
    assert again.findChild(QToolButton, "notesLayersToggle").isChecked()
    assert again.findChild(QListWidget, "notesLayers").isVisible()


def test_a_fold_is_saved_soon_after_the_reader_toggles_it(make_window, qtbot, data_dir: Path):
    window = open_notes_panel(make_window, qtbot, NETBOOK)
    saved = data_dir / Preferences.FILE_NAME
    qtbot.waitUntil(saved.exists)  # the window's layout, saved once it was shown
    saved.unlink()

    click(filters_toggle(window), qtbot)

    qtbot.waitUntil(lambda: Preferences(data_dir).fold("notes-filters") is False)  # the window still open


@pytest.mark.parametrize(
    ("screen", "unfolded"), [((1024, 600), False), ((1366, 768), True), ((1920, 1080), True)], ids=str
)
def test_at_first_the_filters_are_folded_only_on_a_small_screen_and_the_layers_always(
    make_window,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    screen: tuple[int, int],
    unfolded: bool,
):
    on_a_screen(monkeypatch, *screen)
    window = open_notes_panel(make_window, qtbot, NETBOOK)
    assert filters_toggle(window).isChecked() is unfolded
    assert window.findChild(QComboBox, "notesKindFilter").isVisible() is unfolded
    assert not window.findChild(QToolButton, "notesLayersToggle").isChecked()


@pytest.mark.parametrize(
    "folds",
    ["folded", ["notes-filters"], {"notes-filters": "no", "notes-layers": 1}, {"notes-filters": None}],
    ids=["text", "list", "not-yes-or-no", "null"],
)
def test_damaged_folds_in_the_preferences_give_the_usual_folds(
    make_window,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
    folds: object,
):
    (data_dir / Preferences.FILE_NAME).write_text(json.dumps({"theme": "dark", "folds": folds}), encoding="utf-8")
    on_a_screen(monkeypatch, *NETBOOK)

    window = open_notes_panel(make_window, qtbot, NETBOOK)

    assert not filters_toggle(window).isChecked()  # a netbook's: folded
    assert not window.findChild(QToolButton, "notesLayersToggle").isChecked()
    assert Preferences(data_dir).theme == "dark"  # the rest of the file still counts


def test_a_header_with_room_for_its_text_shows_it_whole_and_a_narrow_one_ends_it_with_an_ellipsis(qtbot) -> None:
    from reader.ui.folding_header import FoldingHeader

    holder = QWidget()
    qtbot.addWidget(holder)
    for text in ("Order and filters", "Order and filters (2 in use)", "Imported layers (3, 1 hidden)"):
        header = FoldingHeader(holder)
        header.setText(text)
        header.resize(header.sizeHint())
        assert header.shown_text() == text
        header.resize(header.sizeHint().width() // 2, header.height())
        assert header.shown_text().endswith("…")
        assert len(header.shown_text()) < len(text)
