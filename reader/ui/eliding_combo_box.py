"""`ElidingComboBox`: a combo box whose chosen text ends with "…" when it is too narrow, instead of being cut."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QWidget


class ElidingComboBox(QComboBox):
    """A combo box that ends its chosen text with "…" when the panel is too narrow for it (large text, a narrow
    dock) rather than cutting it off mid-letter; the whole text stays its tooltip and accessible value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentTextChanged.connect(self.setToolTip)

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
            field = self.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
            )
            room = field.width() - (option.iconSize.width() + 4 if not option.currentIcon.isNull() else 0)
            option.currentText = self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight, room)
            painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        finally:
            painter.end()

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
