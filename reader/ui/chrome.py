"""What the window builds around the document just after its first paint: contents, menus, toolbar, empty docks."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QSizeGrip, QTabBar, QToolBar

from reader.content import Report
from reader.ui.actions import ACTION_SPECS, MENUS, PANEL_TOGGLES, ActionName, Actions
from reader.ui.annotation_toolbar import build_annotation_toolbar
from reader.ui.docks import add_dock
from reader.ui.document_view import DocumentView
from reader.ui.progress_indicator import ProgressIndicator
from reader.ui.toc_view import TocView

THEME_ACTIONS = {
    "system": ActionName.THEME_SYSTEM,
    "light": ActionName.THEME_LIGHT,
    "dark": ActionName.THEME_DARK,
    "sepia": ActionName.THEME_SEPIA,
    "high-contrast": ActionName.THEME_HIGH_CONTRAST,
}


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


def build_chrome(window: QMainWindow, report: Report, document: DocumentView) -> WindowChrome:
    """Add the contents, docks, menus, annotation toolbar and status line to `window` and return them.

    Every dock starts hidden: the saved layout shows the ones the reader left open (`show_default_docks` those of a
    first start).
    """
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
    actions = Actions(window)
    menu_bar = window.menuBar()
    menu_bar.setObjectName("menuBar")
    menu_bar.setAccessibleName(QCoreApplication.translate("MainWindow", "Menu bar"))
    _build_menus(window, actions, (toc_dock, search_dock, glossary_dock, notes_dock))
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
    window.addToolBar(toolbar)
    status = window.statusBar()
    status.setObjectName("statusLine")
    status.setAccessibleName(QCoreApplication.translate("MainWindow", "Status line"))
    grip = status.findChild(QSizeGrip)
    if grip is not None:
        grip.setObjectName("statusSizeGrip")
        grip.setAccessibleName(QCoreApplication.translate("MainWindow", "Resize the window"))
    position_label = QLabel(window)
    position_label.setObjectName("positionLabel")
    position_label.setLayoutDirection(document.layoutDirection())  # a heading of the report
    position_label.setAccessibleName(QCoreApplication.translate("MainWindow", "Current section"))
    status.addPermanentWidget(position_label)
    progress = ProgressIndicator(report, document, window)
    status.addPermanentWidget(progress)
    document.enable_caret_browsing()
    return WindowChrome(actions, toc, toc_dock, glossary_dock, notes_dock, search_dock, position_label, progress)


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


def _build_menus(window: QMainWindow, actions: Actions, docks: tuple[QDockWidget, ...]) -> None:
    menus = {}
    for title in MENUS:
        menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", title))
        menu.setObjectName("menu" + title.replace("&", ""))
        menus[title] = menu
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


def _add_panel_toggles(menu: QMenu, docks: tuple[QDockWidget, ...]) -> None:
    """Each panel's own show/hide item (its dock's toggle action), named and with its shortcut."""
    by_name = {dock.objectName(): dock for dock in docks}
    for toggle in PANEL_TOGGLES:
        action = by_name[toggle.dock].toggleViewAction()
        action.setObjectName(toggle.action)
        action.setShortcut(QKeySequence(toggle.shortcut))
        menu.addAction(action)
    menu.addSeparator()
