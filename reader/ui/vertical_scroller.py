"""`VerticalScroller`: a panel held in a scroll area that scrolls up and down only, as wide as the panel needs."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class VerticalScroller(QScrollArea):
    """Holds a panel: as wide as the panel needs at least (its text never widens it), as tall as there is room,
    scrolling up and down when the panel needs more height than the window has."""

    def __init__(self, content: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)

    def _bar_width(self) -> int:
        return self.verticalScrollBar().sizeHint().width()

    def minimumSizeHint(self) -> QSize:
        return QSize(self.widget().minimumSizeHint().width() + self._bar_width(), 0)

    def sizeHint(self) -> QSize:
        return self.widget().sizeHint() + QSize(self._bar_width(), 0)
