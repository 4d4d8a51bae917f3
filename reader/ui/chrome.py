"""What the window builds around the document just after its first paint: contents, menus, toolbar, empty docks.

It is built in parts, each in its own turn of the event loop (see `MainWindow`): `build_panels` makes the contents
and the empty docks, hidden; `build_controls` the actions, menus, toolbar and the status line's labels, out of sight;
`put_in_place` then puts the menu bar, toolbar and status line in the window at once, just before the saved layout
shows the docks, so that the window changes only once, as when it was built in one turn.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QMenuBar, QSizeGrip, QTabBar, QToolBar

from reader.content import Report
from reader.ui.actions import ActionName
from reader.ui.docks import add_dock
from reader.ui.document_view import DocumentView
from reader.ui.toc_view import TocView

if TYPE_CHECKING:
    from reader.ui.actions import Actions
    from reader.ui.progress_indicator import ProgressIndicator

THEME_ACTIONS = {
    "system": ActionName.THEME_SYSTEM,
    "light": ActionName.THEME_LIGHT,
    "dark": ActionName.THEME_DARK,
    "sepia": ActionName.THEME_SEPIA,
    "high-contrast": ActionName.THEME_HIGH_CONTRAST,
}


@dataclass(frozen=True, slots=True)
class Panels:
    """The contents and the panel docks, all hidden until the saved layout (or the default one) shows them."""

    toc: TocView
    toc_dock: QDockWidget
    glossary_dock: QDockWidget
    notes_dock: QDockWidget
    search_dock: QDockWidget


@dataclass(frozen=True, slots=True)
class WindowChrome:
    """The actions, the contents and the panel docks (empty until their feature fills them)."""

    actions: Actions
    toc: TocView
    toc_dock: QDockWidget
    glossary_dock: QDockWidget
    notes_dock: QDockWidget
    search_dock: QDockWidget
    position_label: QLabel  # the section being read, in the status line
    progress: ProgressIndicator  # section n of m and how far through the report, in the status line


@dataclass(frozen=True, slots=True)
class Bars:
    """The menu bar, its menus and the annotation toolbar, made but not yet in the window (`put_in_place`)."""

    menu_bar: QMenuBar
    menus: tuple[QMenu, ...]  # the menu bar's, in order
    toolbar: QToolBar


def build_panels(window: QMainWindow, report: Report, document: DocumentView) -> Panels:
    """Add the contents and the empty docks to `window`, every dock hidden: the saved layout shows the ones the reader
    left open (`show_default_docks` those of a first start). Nothing on the screen changes."""
    right, left = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea
    if window.isRightToLeft():  # Qt does not mirror dock areas: the contents go where a right-to-left reader starts
        right, left = left, right
    toc = TocView(report, window)
    toc.setLayoutDirection(document.layoutDirection())  # the report's headings read in the report's direction
    toc_dock = add_dock(window, "tocDock", QCoreApplication.translate("MainWindow", "Contents"), left, toc)
    # The docks exist from here on, so that the saved layout restores them; their features fill them.
    glossary_dock = add_dock(window, "glossaryDock", QCoreApplication.translate("MainWindow", "Glossary"), right)
    notes_dock = add_dock(window, "notesDock", QCoreApplication.translate("MainWindow", "Notes"), right)
    window.tabifyDockWidget(glossary_dock, notes_dock)
    search_dock = add_dock(window, "searchDock", QCoreApplication.translate("MainWindow", "Search"), left)
    window.installEventFilter(DockTabNamer(window))
    return Panels(toc, toc_dock, glossary_dock, notes_dock, search_dock)


def build_controls(
    window: QMainWindow, report: Report, document: DocumentView, panels: Panels
) -> tuple[WindowChrome, Bars]:
    """Make the actions, the menu bar and its menus, the annotation toolbar and the status line's labels, none of
    them in the window yet (nothing on the screen changes), and give the document its caret and context items."""
    from reader.ui.actions import Actions
    from reader.ui.annotation_toolbar import build_annotation_toolbar
    from reader.ui.progress_indicator import ProgressIndicator

    actions = Actions(window)
    menu_bar = QMenuBar(window)  # what `window.menuBar()` would make, set on the window by `put_in_place`
    menu_bar.setObjectName("menuBar")
    menu_bar.setAccessibleName(QCoreApplication.translate("MainWindow", "Menu bar"))
    docks = (panels.toc_dock, panels.search_dock, panels.glossary_dock, panels.notes_dock)
    menus = _build_menus(menu_bar, actions, docks)
    document.add_context_action(actions[ActionName.COPY_CITATION])
    document.add_context_action(None)
    document.add_context_action(actions[ActionName.HIGHLIGHT])
    document.add_context_action(actions[ActionName.ADD_NOTE])
    toolbar = build_annotation_toolbar(window, actions)
    toolbar.addSeparator()
    toolbar.addAction(actions[ActionName.READ_ALOUD])
    read_aloud_button = toolbar.widgetForAction(actions[ActionName.READ_ALOUD])
    if read_aloud_button is not None:
        read_aloud_button.setObjectName("actionReadAloudButton")
        read_aloud_button.setAccessibleName(QCoreApplication.translate("MainWindow", "Read aloud: play or pause"))
    _name_separators(toolbar)
    position_label = QLabel(window)
    position_label.setObjectName("positionLabel")
    position_label.setLayoutDirection(document.layoutDirection())  # a heading of the report
    position_label.setAccessibleName(QCoreApplication.translate("MainWindow", "Current section"))
    progress = ProgressIndicator(report, document, window)
    document.enable_caret_browsing()
    chrome = WindowChrome(
        actions,
        panels.toc,
        panels.toc_dock,
        panels.glossary_dock,
        panels.notes_dock,
        panels.search_dock,
        position_label,
        progress,
    )
    return chrome, Bars(menu_bar, menus, toolbar)


def put_in_place(window: QMainWindow, chrome: WindowChrome, bars: Bars) -> None:
    """Put the menu bar, the annotation toolbar and the status line with its labels in the window, all in one turn
    (before the saved layout is restored: it places the toolbar, and the docks fit around all three)."""
    window.setMenuBar(bars.menu_bar)
    for menu in bars.menus:
        bars.menu_bar.addAction(menu.menuAction())
    window.addToolBar(bars.toolbar)
    status = window.statusBar()
    status.setObjectName("statusLine")
    status.setAccessibleName(QCoreApplication.translate("MainWindow", "Status line"))
    grip = status.findChild(QSizeGrip)
    if grip is not None:
        grip.setObjectName("statusSizeGrip")
        grip.setAccessibleName(QCoreApplication.translate("MainWindow", "Resize the window"))
    status.addPermanentWidget(chrome.position_label)
    status.addPermanentWidget(chrome.progress)


def show_default_docks(chrome: WindowChrome) -> None:
    """A first start (no saved layout): the contents and the search panel are shown, the others wait to be asked."""
    chrome.toc_dock.show()
    chrome.search_dock.show()


class DockTabNamer(QObject):
    """Names the tab bars the window makes when panels are stacked as tabs (Qt makes them, unnamed, whenever
    stacked panels are shown), so that a screen reader and the tests can tell them apart."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("dockTabNamer")
        self._count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildPolished:
            child = event.child()
            if isinstance(child, QTabBar) and not child.objectName():
                self._count += 1
                child.setObjectName("panelTabs" if self._count == 1 else f"panelTabs{self._count}")
                child.setAccessibleName(QCoreApplication.translate("MainWindow", "Panel tabs"))
                # Qt keeps a tab bar it no longer needs, empty, "shown" off the window's edge: Tab must not stop on
                # it, nor a screen reader find it focusable. Its current tab changes whenever it gains or loses tabs.
                _focusable_with_tabs(child)
                child.currentChanged.connect(lambda _index, bar=child: _focusable_with_tabs(bar))
        return False


def _focusable_with_tabs(bar: QTabBar) -> None:
    bar.setFocusPolicy(Qt.FocusPolicy.TabFocus if bar.count() else Qt.FocusPolicy.NoFocus)


def _name_separators(toolbar: QToolBar) -> None:
    for number, action in enumerate((action for action in toolbar.actions() if action.isSeparator()), 1):
        separator = toolbar.widgetForAction(action)
        if separator is not None:
            separator.setObjectName(f"{toolbar.objectName()}Separator{number}")
            separator.setAccessibleName(QCoreApplication.translate("MainWindow", "Separator"))


def _build_menus(menu_bar: QMenuBar, actions: Actions, docks: tuple[QDockWidget, ...]) -> tuple[QMenu, ...]:
    """The menu bar's menus with their items, made as `QMenuBar.addMenu` makes them but not yet added to it."""
    from reader.ui.actions import ACTION_SPECS, MENUS

    menus = {}
    for title in MENUS:
        menu = QMenu(QCoreApplication.translate("MainWindow", title), menu_bar)
        menu.setObjectName("menu" + title.replace("&", ""))
        menus[title] = menu
    top_level = tuple(menus.values())
    for spec in ACTION_SPECS:
        menu = menus[spec.menu]
        if spec.submenu:
            key = spec.menu + spec.submenu
            if key not in menus:
                menu.addSeparator()
                menus[key] = menu.addMenu(QCoreApplication.translate("MainWindow", spec.submenu))
                menus[key].setObjectName("menu" + spec.submenu.replace("&", "").replace(" ", ""))
            menu = menus[key]
        elif spec.separator_before:
            menu.addSeparator()
        menu.addAction(actions[spec.name])
        if spec.name is ActionName.FOCUS_DOCUMENT:
            menu.addSeparator()
            _add_panel_toggles(menu, docks)
    return top_level


def _add_panel_toggles(menu: QMenu, docks: tuple[QDockWidget, ...]) -> None:
    """Each panel's own show/hide item (its dock's toggle action), named and with its shortcut."""
    from PySide6.QtGui import QKeySequence

    from reader.ui.actions import PANEL_TOGGLES

    by_name = {dock.objectName(): dock for dock in docks}
    for toggle in PANEL_TOGGLES:
        action = by_name[toggle.dock].toggleViewAction()
        action.setObjectName(toggle.action)
        action.setShortcut(QKeySequence(toggle.shortcut))
        menu.addAction(action)
    menu.addSeparator()
