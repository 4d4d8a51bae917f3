"""The find bar (Ctrl+F): finds text within the section being read and marks every occurrence."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QToolBar, QToolButton, QWidget

from reader.content import Report, Section

MAX_NEEDLE = 200


def find_in_section(report: Report, section_id: str, needle: str) -> list[tuple[str, int, int]]:
    """Every case-insensitive occurrence of `needle` in a section and its subsections, as (paragraph, start, end)."""
    needle = " ".join(needle.split())[:MAX_NEEDLE]
    if not needle or not report.has_section(section_id):
        return []
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    return [
        (paragraph.id, match.start(), match.end())
        for section in _section_and_descendants(report, section_id)
        for paragraph in section.paragraphs
        for match in pattern.finditer(paragraph.text)
    ]


def _section_and_descendants(report: Report, section_id: str) -> list[Section]:
    inside = {section_id}
    found = []
    for section in report.sections:
        if section.id in inside or section.parent in inside:
            inside.add(section.id)
            found.append(section)
    return found


class FindBar(QToolBar):
    """A bar under the document: type to find in the current section; Enter / Shift+Enter step, Esc closes.

    Emits `find_requested(text)` as the reader types and `step_requested(+1 | -1)`; `closed` when dismissed.
    """

    find_requested = Signal(str)
    step_requested = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName(self.tr("Find in section"))
        self.setWindowTitle(self.tr("Find in Section"))
        self.setMovable(False)
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setAccessibleName(self.tr("Find in this section"))
        self.field.setPlaceholderText(self.tr("Find in this section"))
        self.field.setClearButtonEnabled(True)
        self.field.setMaximumWidth(360)
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        self.status.setAccessibleName(self.tr("Find status"))
        self.addWidget(self.field)
        self.addWidget(self.status)
        # Buttons, not actions: the window's actions (F3, Shift+F3) live in actions.py and its menus.
        for name, label, slot in (
            ("findPrevious", self.tr("Previous"), lambda: self.step_requested.emit(-1)),
            ("findNext", self.tr("Next"), lambda: self.step_requested.emit(+1)),
            ("findClose", self.tr("Close"), self.dismiss),
        ):
            button = QToolButton(self)
            button.setObjectName(name)
            button.setText(label)
            button.setAccessibleName(label)
            button.clicked.connect(slot)
            self.addWidget(button)
        self.field.textChanged.connect(self.find_requested.emit)
        self.field.installEventFilter(self)
        self.hide()

    def open(self) -> None:
        """Show the bar and put the cursor in its field (again searching what is there)."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text():
            self.find_requested.emit(self.field.text())

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit()

    def set_count(self, current: int, count: int) -> None:
        """Show "3 of 7", or that nothing was found."""
        if not self.field.text().strip():
            self.status.setText("")
        elif count:
            self.status.setText(self.tr("{0} of {1}").format(current, count))
        else:
            self.status.setText(self.tr("Not found in this section"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = key_event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step_requested.emit(-1 if shift else +1)
                return True
            if key_event.key() == Qt.Key.Key_Escape:
                self.dismiss()
                return True
        return False
