"""`ElidingComboBox`: a combo box whose chosen text ends with "…" when it is too narrow, instead of being cut."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QWidget

from reader.ui.row_direction import text_direction

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionComboBox


class ElidingComboBox(QComboBox):
    """A combo box that ends its chosen text with "…" when the panel is too narrow for it (large text, a narrow
    dock) rather than cutting it off mid-letter, and lays it out in its own direction (`shown_text`); the whole text
    stays its tooltip and accessible value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentTextChanged.connect(self.setToolTip)

    def shown_text(self) -> tuple[str, Qt.LayoutDirection]:
        """The chosen text as the box shows it (ended in "…" when too long) and the direction it is laid out in: its
        own (an English tag or voice name in the Arabic interface stays left to right), else the interface's."""
        from PySide6.QtWidgets import QStyleOptionComboBox

        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self._shown(option)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Ended here, not when Python lets go of it: anything holding this frame (a traceback, a debugger, a
        # sampling profiler) would keep the painter open past the paint, and Qt then paints on a device it has
        # already finished with (seen as a rare crash in the scroll bars' painting).
        # Imported at the first paint: importing QStyle makes all its Python enums (hundreds of members, a third
        # of a megabyte), and the panels with these boxes are often never opened.
        from PySide6.QtWidgets import QStyle, QStyleOptionComboBox, QStylePainter

        painter = QStylePainter(self)
        try:
            option = QStyleOptionComboBox()
            self.initStyleOption(option)
            painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
            text, direction = self._shown(option)
            if direction == self.layoutDirection():
                option.currentText = text
                painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
                return
            # Text of the other direction: the style would lay it out in the interface's and cut it at its start.
            option.currentText = ""
            painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)  # its icon, if any
            field = self._text_field(option)
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.setLayoutDirection(direction)
            side = (
                Qt.AlignmentFlag.AlignLeft
                if direction == Qt.LayoutDirection.LeftToRight
                else Qt.AlignmentFlag.AlignRight
            )
            painter.drawText(field, int(side | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute), text)
        finally:
            painter.end()

    def _shown(self, option: QStyleOptionComboBox) -> tuple[str, Qt.LayoutDirection]:
        room = self._text_field(option).width()
        text = self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight, room)
        return text, text_direction(option.currentText) or self.layoutDirection()

    def _text_field(self, option: QStyleOptionComboBox) -> QRect:
        """Where the chosen text goes: the box's edit field, less its icon's room (on the interface's leading side)."""
        from PySide6.QtWidgets import QStyle

        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        if not option.currentIcon.isNull():
            room = option.iconSize.width() + 4
            if self.layoutDirection() == Qt.LayoutDirection.LeftToRight:
                field.setLeft(field.left() + room)
            else:
                field.setRight(field.right() - room)
        return field

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        """Replace the choices (label, value), keeping the chosen one when it is still offered."""
        if [(self.itemText(index), self.itemData(index)) for index in range(self.count())] == choices:
            return
        chosen = self.currentData()
        self.blockSignals(True)
        self.clear()
        for label, value in choices:
            self.addItem(label, value)
        self.setCurrentIndex(max(0, self.findData(chosen)))
        self.blockSignals(False)
        self.setToolTip(self.currentText())
