"""Lists in the Arabic interface lay out each row in its own text's direction: an English quote starts at the left
and is cut short at its right-hand end, an Arabic note stays right to left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView, QStyleOptionViewItem

from reader.ui.row_direction import RowDirectionDelegate, text_direction

ENGLISH = "Overview, ¶3 — “a discriminatory and maze-like travel permit regime that creates physical restrictions”"
ARABIC = "ملاحظة: نظام التصاريح في الضفة الغربية"


def row_option(view: QListView, row: int) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    view.itemDelegate().initStyleOption(option, view.model().index(row, 0))
    return option


def test_in_a_right_to_left_list_each_row_reads_in_its_own_direction(qtbot):
    view = QListView()
    qtbot.addWidget(view)
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    model = QStandardItemModel(view)
    for text in (ENGLISH, ARABIC, "12, 13"):
        model.appendRow(QStandardItem(text))
    view.setModel(model)
    view.setItemDelegate(RowDirectionDelegate(view))
    english, arabic, digits = (row_option(view, row) for row in range(3))
    assert english.direction == Qt.LayoutDirection.LeftToRight
    assert english.displayAlignment & Qt.AlignmentFlag.AlignLeft
    assert arabic.direction == Qt.LayoutDirection.RightToLeft
    assert digits.direction == Qt.LayoutDirection.RightToLeft  # no letters: the interface's direction


def test_a_text_reads_in_the_direction_of_its_first_letter():
    assert text_direction("“Red Wolf” ¶2") == Qt.LayoutDirection.LeftToRight
    assert text_direction("— " + ARABIC + " Red Wolf") == Qt.LayoutDirection.RightToLeft
    assert text_direction("12 — 13") is None
