"""`RowDirectionDelegate`: each row of a list is laid out in its own text's direction, whatever the interface's."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem


def text_direction(text: str) -> Qt.LayoutDirection | None:
    """The direction of the first letter with a strong one (Latin: left to right; Arabic, Hebrew: right to left),
    or None when the text has none (digits, punctuation only)."""
    from unicodedata import bidirectional

    for character in text:
        kind = bidirectional(character)
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
    return None


class RowDirectionDelegate(QStyledItemDelegate):
    """Lays out each row as its text reads: an English quote in the Arabic interface starts at the left and is cut
    short at its end (the right), with the "…" there, not before its first word."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        direction = text_direction(option.text)
        if direction is not None and direction != option.direction:
            option.direction = direction
            option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
