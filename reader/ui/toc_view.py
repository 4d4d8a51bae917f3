"""The table of contents: the report's headings as a tree that follows the reader."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from reader.content import Report

SECTION_ROLE = Qt.ItemDataRole.UserRole


class TocView(QTreeWidget):
    """A nested list of sections; activating one asks for it to be shown."""

    section_activated = Signal(str)

    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toc")
        self.setAccessibleName(self.tr("Table of contents"))
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setWordWrap(True)
        self.setExpandsOnDoubleClick(False)
        self._items: dict[str, QTreeWidgetItem] = {}
        for section in report.sections:
            parent_item = self._items.get(section.parent) if section.parent else None
            item = QTreeWidgetItem([section.title])
            item.setData(0, SECTION_ROLE, section.id)
            item.setToolTip(0, section.title)
            if parent_item is None:
                self.addTopLevelItem(item)
            else:
                parent_item.addChild(item)
            self._items[section.id] = item
        self.expandAll()
        self.itemClicked.connect(self._on_item_chosen)
        self.itemActivated.connect(self._on_item_chosen)

    def current_section(self) -> str | None:
        item = self.currentItem()
        return item.data(0, SECTION_ROLE) if item is not None else None

    def set_current_section(self, section_id: str) -> None:
        """Mark the section being read without asking to show it again."""
        item = self._items.get(section_id)
        if item is None or item is self.currentItem():
            return
        blocked = self.blockSignals(True)
        self.setCurrentItem(item)
        self.blockSignals(blocked)
        self.scrollToItem(item)

    def _on_item_chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.section_activated.emit(item.data(0, SECTION_ROLE))
