"""The window's panels as docks: made with a "Loading…" stand-in, filled once built, brought forward on demand."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget


def add_dock(
    window: QMainWindow, name: str, title: str, area: Qt.DockWidgetArea, panel: QWidget | None = None
) -> QDockWidget:
    """A named dock holding `panel`, or else a disabled "Loading…" label until `fill_dock` gives it one."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setAccessibleName(title)
    if panel is None:
        panel = QLabel(QCoreApplication.translate("MainWindow", "Loading…"), dock)
        panel.setObjectName("panelPlaceholder")
        panel.setAccessibleName(QCoreApplication.translate("MainWindow", "Loading"))
        panel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        panel.setEnabled(False)
    dock.setWidget(panel)
    # Hidden on purpose until the saved layout or the default one shows it: a dock added to a shown window would
    # otherwise be shown one turn later by Qt, bringing back a panel the reader had closed.
    dock.hide()
    window.addDockWidget(area, dock)
    return dock


def fill_dock(dock: QDockWidget, panel: QWidget) -> None:
    """Put the built panel in its dock in place of the stand-in; a shown dock narrower than the panel asks is widened
    (a panel built when its dock is first shown would otherwise keep the width of the small stand-in)."""
    placeholder = dock.widget()
    dock.setWidget(panel)
    if placeholder is not None and placeholder is not panel:
        placeholder.deleteLater()
    window = dock.parentWidget()
    if dock.isVisible() and not dock.isFloating() and isinstance(window, QMainWindow):
        area = window.dockWidgetArea(dock)
        if area in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea):
            wanted = panel.sizeHint().width()
            if dock.width() < wanted:
                window.resizeDocks([dock], [wanted], Qt.Orientation.Horizontal)


def bring_forward(dock: QDockWidget, min_height: int = 0) -> None:
    """Show a dock above any tabbed with it; a docked one shorter than `min_height` is given room."""
    dock.show()
    dock.raise_()
    window = dock.parentWidget()
    if min_height and dock.height() < min_height and not dock.isFloating() and isinstance(window, QMainWindow):
        # It may have been laid out around its small "Loading…" stand-in.
        window.resizeDocks([dock], [max(min_height, window.height() // 2)], Qt.Orientation.Vertical)
