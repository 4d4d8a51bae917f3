"""`FoldingHeader`: a header button that folds away the widgets under it, its state kept across restarts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QIcon, QKeyEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget


def _nothing_recalled(_name: str) -> bool | None:
    return None


def _nothing_remembered(_name: str, _unfolded: bool) -> None:
    return None


@dataclass(frozen=True, slots=True)
class FoldMemory:
    """Where folds are kept from one start to the next: `recall(name)` is a fold's saved state (True: unfolded;
    None: none saved), `remember(name, unfolded)` keeps the reader's new choice. The default keeps nothing."""

    recall: Callable[[str], bool | None] = _nothing_recalled
    remember: Callable[[str, bool], None] = _nothing_remembered


class FoldingHeader(QToolButton):
    """A checkable header button with an arrow at the start of its text, pointing down when checked (unfolded). Qt's
    own arrow stays at the left in Arabic; this one is drawn as an icon, which the style places at the start. The
    text ends with "…" when the panel is narrower than it (large text) rather than widening the panel. Tab reaches
    it; Space, Enter or a click folds and unfolds it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setArrowType(Qt.ArrowType.RightArrow)  # for its size only: `paintEvent` draws the arrow
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)  # narrower when it must

    def remember_as(self, memory: FoldMemory, name: str, default: bool) -> None:
        """Start as the reader last left the fold called `name` (else unfolded when `default`), and keep each fold
        or unfold the reader makes (a click, Space or Enter; not a change the program makes)."""
        saved = memory.recall(name)
        self.setChecked(default if saved is None else saved)
        self.clicked.connect(lambda checked: memory.remember(name, checked))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.click()  # as Space does (a tool button takes only Space)
            event.accept()
            return
        super().keyPressEvent(event)

    def minimumSizeHint(self) -> QSize:
        width = self.iconSize().width() + 4 * self.fontMetrics().horizontalAdvance("…")
        return QSize(width, super().sizeHint().height())

    def shown_text(self) -> str:
        """The text as the header shows it at its width: whole when it fits, else ended with "…"."""
        text = self.text()
        advance = self.fontMetrics().horizontalAdvance(text)
        room = self.width() - (super().sizeHint().width() - advance)
        if room >= advance:  # `elidedText` measures in fractions of a pixel: it may cut a text that just fits
            return text
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(0, room))

    def paintEvent(self, event: QPaintEvent) -> None:
        from PySide6.QtWidgets import QStyle, QStyleOptionToolButton, QStylePainter  # at the first paint, as the
        # eliding combo box does: QStyle's Python enums are large

        painter = QStylePainter(self)
        try:  # ended within the paint (see `ElidingComboBox.paintEvent`)
            option = QStyleOptionToolButton()
            self.initStyleOption(option)
            option.text = self.shown_text()
            # WORKAROUND: Qt draws a tool button's arrow at the left whatever the direction (an icon it mirrors),
            # so in Arabic the arrow would sit after the text: the arrow is drawn here as the icon instead.
            option.arrowType = Qt.ArrowType.NoArrow
            option.features &= ~QStyleOptionToolButton.ToolButtonFeature.Arrow
            option.icon = self._arrow(option.iconSize)
            painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)
        finally:
            painter.end()

    def _arrow(self, size: QSize) -> QIcon:
        from PySide6.QtWidgets import QStyle, QStyleOption

        if self.isChecked():
            element = QStyle.PrimitiveElement.PE_IndicatorArrowDown
        elif self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            element = QStyle.PrimitiveElement.PE_IndicatorArrowLeft
        else:
            element = QStyle.PrimitiveElement.PE_IndicatorArrowRight
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        try:
            option = QStyleOption()
            option.initFrom(self)
            option.rect = QRect(QPoint(0, 0), size)
            self.style().drawPrimitive(element, option, painter, self)
        finally:
            painter.end()
        return QIcon(pixmap)
