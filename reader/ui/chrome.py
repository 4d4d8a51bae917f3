"""What the window builds around the document just after its first paint: contents, menus, toolbar, empty docks."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from reader.content import Report
from reader.ui.actions import ACTION_SPECS, MENUS, ActionName, Actions
from reader.ui.annotation_toolbar import build_annotation_toolbar
from reader.ui.docks import add_dock
from reader.ui.document_view import DocumentView
from reader.ui.toc_view import TocView

THEME_ACTIONS = {
    "system": ActionName.THEME_SYSTEM,
    "light": ActionName.THEME_LIGHT,
    "dark": ActionName.THEME_DARK,
    "sepia": ActionName.THEME_SEPIA,
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


def build_chrome(window: QMainWindow, report: Report, document: DocumentView) -> WindowChrome:
    """Add the contents, docks, menus, annotation toolbar and status line to `window` and return them."""
    right, left = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea
    toc = TocView(report, window)
    toc_dock = add_dock(window, "tocDock", window.tr("Contents"), left, toc)
    # The docks exist from here on, so that the saved layout restores them; their features fill them.
    glossary_dock = add_dock(window, "glossaryDock", window.tr("Glossary"), right)
    notes_dock = add_dock(window, "notesDock", window.tr("Notes"), right)
    window.tabifyDockWidget(glossary_dock, notes_dock)
    search_dock = add_dock(window, "searchDock", window.tr("Search"), left)
    glossary_dock.hide()
    notes_dock.hide()

    actions = Actions(window)
    _build_menus(window, actions, toc_dock, notes_dock)
    document.add_context_action(actions[ActionName.COPY_CITATION])
    document.add_context_action(None)
    document.add_context_action(actions[ActionName.HIGHLIGHT])
    document.add_context_action(actions[ActionName.ADD_NOTE])
    window.addToolBar(build_annotation_toolbar(window, actions))
    position_label = QLabel(window)
    position_label.setObjectName("positionLabel")
    position_label.setAccessibleName(window.tr("Current section"))
    window.statusBar().addPermanentWidget(position_label)
    document.enable_caret_browsing()
    return WindowChrome(actions, toc, toc_dock, glossary_dock, notes_dock, search_dock, position_label)


def _build_menus(window: QMainWindow, actions: Actions, toc_dock: QDockWidget, notes_dock: QDockWidget) -> None:
    menus = {}
    for title in MENUS:
        menu = window.menuBar().addMenu(window.tr(title))
        menu.setObjectName("menu" + title.replace("&", ""))
        menus[title] = menu
    for spec in ACTION_SPECS:
        menu = menus[spec.menu]
        if spec.separator_before:
            menu.addSeparator()
        menu.addAction(actions[spec.name])
        if spec.name is ActionName.FOCUS_DOCUMENT:
            menu.addSeparator()
            menu.addAction(toc_dock.toggleViewAction())
    toc_dock.toggleViewAction().setObjectName("actionToggleToc")
    menus["&Notes"].addAction(notes_dock.toggleViewAction())
    notes_dock.toggleViewAction().setObjectName("actionToggleNotes")
