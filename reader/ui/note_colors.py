"""Swatch icons for the highlight colours."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap

from reader.notes.note import COLOR_HEX, Color


def color_icon(color: Color, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(COLOR_HEX[color]))
    return QIcon(pixmap)
