"""Panels: each has a View menu item with a shortcut, and what the reader closed stays closed after a restart."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

PANELS = {
    "tocDock": ("actionToggleToc", "Alt+1"),
    "searchDock": ("actionToggleSearch", "Alt+2"),
    "glossaryDock": ("actionToggleGlossary", "Alt+3"),
    "notesDock": ("actionToggleNotes", "Alt+4"),
}


def settled(window, qtbot):
    """Let Qt finish laying the docks out (it shows a newly added dock one event-loop turn later)."""
    qtbot.wait(50)
    return window


def dock(window, name: str) -> QDockWidget:
    found = window.findChild(QDockWidget, name)
    assert found is not None
    return found


def test_every_panel_has_a_view_menu_item_with_its_shortcut(window):
    view = window.findChild(QMenu, "menuView")
    in_view = {action.objectName(): action for action in view.actions()}
    for dock_name, (action_name, keys) in PANELS.items():
        action = in_view[action_name]
        assert action is dock(window, dock_name).toggleViewAction()
        assert action.shortcut() == QKeySequence(keys)
        assert action.text() == dock(window, dock_name).windowTitle()


@pytest.mark.parametrize("dock_name", list(PANELS))
def test_the_view_menu_item_shows_and_hides_its_panel(window, qtbot, dock_name):
    settled(window, qtbot)
    action = window.findChild(QAction, PANELS[dock_name][0])
    panel = dock(window, dock_name)
    before = panel.isVisible()
    action.trigger()
    assert panel.isVisible() is not before
    action.trigger()
    assert panel.isVisible() is before


def test_a_first_start_shows_the_contents_and_search_only(window, qtbot):
    settled(window, qtbot)
    assert dock(window, "tocDock").isVisible()
    assert dock(window, "searchDock").isVisible()
    assert not dock(window, "glossaryDock").isVisible()
    assert not dock(window, "notesDock").isVisible()


def test_a_closed_search_panel_stays_closed_after_a_restart(make_window, qtbot):
    first = settled(make_window(), qtbot)
    first.findChild(QAction, "actionToggleSearch").trigger()
    assert not dock(first, "searchDock").isVisible()
    first.close()

    second = settled(make_window(), qtbot)
    assert not dock(second, "searchDock").isVisible()
    assert not second.findChild(QAction, "actionToggleSearch").isChecked()
    assert dock(second, "tocDock").isVisible()  # what stayed open is open again


def test_a_panel_opened_before_quitting_comes_back(make_window, qtbot):
    first = settled(make_window(), qtbot)
    first.findChild(QAction, "actionToggleGlossary").trigger()
    first.findChild(QAction, "actionToggleToc").trigger()
    first.close()

    second = settled(make_window(), qtbot)
    assert dock(second, "glossaryDock").isVisible()
    assert not dock(second, "tocDock").isVisible()
