"""The tab bars Qt makes for panels stacked as tabs: Tab stops on one only while it has tabs (Qt keeps an unused one,
empty, "shown" beyond the window's edge, where a keyboard or a screen reader would otherwise land)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QTabBar
from shiboken6 import isValid


def tab_bars(window) -> list[QTabBar]:
    return [bar for bar in window.findChildren(QTabBar) if bar.objectName().startswith("panelTabs")]


def test_an_empty_panel_tab_bar_never_takes_the_keyboard(window, qtbot) -> None:
    window.show()
    qtbot.waitExposed(window)
    contents = window.findChild(QDockWidget, "tocDock")
    search = window.findChild(QDockWidget, "searchDock")
    window.tabifyDockWidget(contents, search)
    titles = {contents.windowTitle(), search.windowTitle()}

    def holding_both() -> list[QTabBar]:  # other panels may be stacked too (a layout restored or left by Qt)
        return [bar for bar in tab_bars(window) if {bar.tabText(index) for index in range(bar.count())} == titles]

    qtbot.waitUntil(lambda: len(holding_both()) == 1)
    [used] = holding_both()
    assert used.focusPolicy() == Qt.FocusPolicy.TabFocus  # stacked panels: their tabs are reached by the keyboard

    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, search)  # apart again: the bar is left empty
    qtbot.waitUntil(lambda: not isValid(used) or used.count() == 0)  # Qt keeps the bar, or deletes it

    assert not isValid(used) or used.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert all(bar.focusPolicy() == Qt.FocusPolicy.NoFocus for bar in tab_bars(window) if bar.count() == 0)
