"""The window's chrome (contents, docks, menus, toolbar, status line) is built over several event-loop turns after
the first paint, out of sight until it is all put in place at once; a key pressed meanwhile still works, closing
the window meanwhile is harmless, and the finished window has every name it had when it was built in one turn."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMenu,
    QMenuBar,
    QSizeGrip,
    QStatusBar,
    QToolBar,
    QToolButton,
    QWidget,
)

from reader.ui.actions import ACTION_SPECS, PANEL_TOGGLES

NOTHING, CONTENTS, CONTROLS, IN_PLACE = "nothing yet", "contents", "actions", "in place"


def how_far(window) -> str:
    """How much of the chrome exists: none of it, the contents and docks, the actions too, or all of it in place."""
    if window.menuWidget() is not None:
        return IN_PLACE
    if window.findChild(QAction, "actionZoomIn") is not None:
        return CONTROLS
    if window.findChild(QDockWidget, "tocDock") is not None:
        return CONTENTS
    return NOTHING


def in_place_at_once(window) -> bool:
    """The menu bar, the toolbar, the status line and the saved (here the first start's) docks: all or none."""
    toolbar = window.findChild(QToolBar, "annotationToolbar")
    contents = window.findChild(QDockWidget, "tocDock")
    parts = [
        window.menuWidget() is not None,
        toolbar is not None and window.toolBarArea(toolbar) != Qt.ToolBarArea.NoToolBarArea,
        window.findChild(QStatusBar, "statusLine") is not None,
        contents is not None and contents.isVisible(),
    ]
    return all(parts) or not any(parts)


class Watch(QObject):
    """From the window's first paint, looks at the window at every turn of the event loop (a zero timer): keeps how
    far the chrome was built at each (`how_far`), and calls `act()` once, at the first turn that finds it built as
    far as `stage`."""

    def __init__(self, window, stage: str | None = None, act: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.seen: list[str] = []
        self.parts_at_once = True
        self.acted = False
        self._window = window
        self._stage = stage
        self._act = act
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._look)
        window.document.first_painted.connect(self._on_first_painted)

    def _on_first_painted(self) -> None:
        self._look()
        self._timer.start()

    def _look(self) -> None:
        window = self._window
        stage = how_far(window) if window.isVisible() else "closed"
        if not self.seen or self.seen[-1] != stage:
            self.seen.append(stage)
        self.parts_at_once = self.parts_at_once and in_place_at_once(window)
        if stage == self._stage and not self.acted and self._act is not None:
            self.acted = True
            self._act()
        if stage in (IN_PLACE, "closed"):
            self._timer.stop()


@pytest.fixture
def start(qtbot, app_objects):
    """Build and show a window as the app does (the chrome and features after the first paint, in their turns)."""
    from reader.ui.app import build_main_window

    def make(stage: str | None = None, act: Callable[[object], None] | None = None):
        window = build_main_window(app_objects)
        qtbot.addWidget(window)
        watch = Watch(window, stage, (lambda: act(window)) if act is not None else None)
        window.show()
        return window, watch

    return make


def features_ready(window) -> bool:
    feature = window.findChild(QObject, "searchFeature")
    return bool(feature and feature.is_ready)


def test_the_chrome_is_built_over_several_turns_and_shown_at_once(start, qtbot):
    window, watch = start()
    qtbot.waitUntil(lambda: watch.seen[-1:] == [IN_PLACE], timeout=5000)
    assert watch.seen[0] == NOTHING  # the first paint is the page alone
    # The contents and the actions are made in turns of their own before anything is put in place...
    assert CONTENTS in watch.seen or CONTROLS in watch.seen, watch.seen
    # ... and the bars and docks appear together, in one turn (the window changes once, as before).
    assert watch.parts_at_once
    qtbot.waitUntil(lambda: features_ready(window), timeout=10000)


def press(key: Qt.Key) -> Callable[[object], None]:
    """Press Ctrl+`key` in the window as the platform delivers a key: to its window first, then to the widget with
    the focus (the window active: shortcuts reach only the active window)."""

    def pressed(window) -> None:
        window.zoom_before = window.document.document().defaultFont().pointSizeF()
        window.activateWindow()
        QTest.keyClick(window.windowHandle(), key, Qt.KeyboardModifier.ControlModifier)
        window.in_place_after_key = how_far(window) == IN_PLACE

    return pressed


@pytest.mark.parametrize("stage", [NOTHING, CONTENTS, CONTROLS])
def test_a_shortcut_pressed_before_the_chrome_is_in_place_works(start, qtbot, stage):
    """Zoom In (a menu's shortcut): pressed at the first paint or between the chrome's parts, it zooms at once, the
    chrome put in place for it."""
    window, watch = start(stage, press(Qt.Key.Key_Equal))
    qtbot.waitUntil(lambda: watch.acted, timeout=5000)
    assert window.in_place_after_key
    assert window.document.document().defaultFont().pointSizeF() > window.zoom_before
    qtbot.waitUntil(lambda: features_ready(window), timeout=10000)


@pytest.mark.parametrize("stage", [NOTHING, CONTROLS])
def test_go_to_contents_pressed_before_the_chrome_is_in_place_focuses_the_shown_contents(start, qtbot, stage):
    window, watch = start(stage, press(Qt.Key.Key_1))
    qtbot.waitUntil(lambda: watch.acted, timeout=5000)
    assert window.in_place_after_key
    toc_dock = window.findChild(QDockWidget, "tocDock")
    assert toc_dock.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.findChild(QWidget, "toc"), timeout=2000)


@pytest.mark.parametrize("stage", [NOTHING, CONTENTS, CONTROLS])
def test_closing_the_window_while_the_chrome_is_built_is_harmless(make_window, start, qtbot, stage):
    """Closed mid-build, the window builds nothing more, and the layout the reader left is kept for the next start."""
    first = make_window()
    qtbot.wait(50)
    first.findChild(QAction, "actionToggleGlossary").trigger()  # the reader's layout: glossary open, contents closed
    first.findChild(QAction, "actionToggleToc").trigger()
    first.close()

    window, watch = start(stage, lambda window: window.close())
    qtbot.waitUntil(lambda: watch.acted, timeout=5000)
    qtbot.wait(300)
    assert how_far(window) != IN_PLACE
    assert window.findChild(QObject, "searchFeature") is None

    again = make_window()
    qtbot.wait(50)
    assert again.findChild(QDockWidget, "glossaryDock").isVisible()
    assert not again.findChild(QDockWidget, "tocDock").isVisible()


# What the chrome named, as it did when built in one turn: (class, objectName, accessible name); "" is no name.
CHROME_NAMES = {
    (QMenuBar, "menuBar", "Menu bar"),
    (QStatusBar, "statusLine", "Status line"),
    (QSizeGrip, "statusSizeGrip", "Resize the window"),
    (QLabel, "positionLabel", "Current section"),
    (QLabel, "progressIndicator", "Reading progress"),
    (QToolBar, "annotationToolbar", "Annotation toolbar"),
    (QToolButton, "actionHighlightButton", "Highlight Selection"),
    (QToolButton, "actionAddNoteButton", "Add Note to Selection"),
    (QToolButton, "actionNoteColorYellowButton", "Yellow"),
    (QToolButton, "actionNoteColorGreenButton", "Green"),
    (QToolButton, "actionNoteColorBlueButton", "Blue"),
    (QToolButton, "actionNoteColorPinkButton", "Pink"),
    (QToolButton, "actionNoteColorPurpleButton", "Purple"),
    (QToolButton, "actionNoteColorOrangeButton", "Orange"),
    (QToolButton, "actionNoteStyleHighlightButton", "Style: Highlight"),
    (QToolButton, "actionNoteStyleUnderlineButton", "Style: Underline"),
    (QToolButton, "actionNoteStyleStrikeButton", "Style: Strike-through"),
    (QToolButton, "actionReadAloudButton", "Read aloud: play or pause"),
    (QWidget, "annotationToolbarSeparator1", "Separator"),
    (QWidget, "annotationToolbarSeparator2", "Separator"),
    (QWidget, "annotationToolbarSeparator3", "Separator"),
    (QDockWidget, "tocDock", "Contents"),
    (QDockWidget, "glossaryDock", "Glossary"),
    (QDockWidget, "notesDock", "Notes"),
    (QDockWidget, "searchDock", "Search"),
    (QWidget, "toc", "Table of contents"),
    (QObject, "dockTabNamer", ""),
    (QMenu, "menuFile", ""),
    (QMenu, "menuEdit", ""),
    (QMenu, "menuView", ""),
    (QMenu, "menuGo", ""),
    (QMenu, "menuNotes", ""),
    (QMenu, "menuHelp", ""),
    (QMenu, "menuTheme", ""),
    (QMenu, "menuDisplayLanguage", ""),
}


def test_the_chrome_built_in_parts_has_every_name_it_had(start, qtbot):
    window, _watch = start()
    qtbot.waitUntil(lambda: features_ready(window), timeout=10000)
    for kind, name, accessible in CHROME_NAMES:
        found = window.findChild(kind, name)
        assert found is not None, name
        if isinstance(found, QWidget):
            assert found.accessibleName() == accessible, name
    actions = {action.objectName() for action in window.findChildren(QAction) if action.objectName()}
    assert {spec.name.value for spec in ACTION_SPECS} | {toggle.action for toggle in PANEL_TOGGLES} <= actions
    menu_bar = window.menuBar()
    assert [action.menu().objectName() for action in menu_bar.actions()] == [
        "menuFile",
        "menuEdit",
        "menuView",
        "menuGo",
        "menuNotes",
        "menuHelp",
    ]
    assert all(action.menu().parent() is menu_bar for action in menu_bar.actions())
    assert [action.objectName() for action in window.actions()] == [
        "actionPresentation",
        "actionFullScreen",
        "actionToggleBookmark",
    ]
