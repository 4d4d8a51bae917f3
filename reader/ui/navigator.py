"""`Navigator`: showing a section or paragraph by id, with Back and Forward through the reader's jumps."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.content import Report
from reader.history import NavigationHistory
from reader.ui.document_view import DocumentView


class Navigator(QObject):
    """Moves the document to places (section or paragraph ids) and keeps the history of jumps.

    Emits `moved` after every jump, step back or step forward.
    """

    moved = Signal()

    def __init__(self, report: Report, document: DocumentView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._report = report
        self._document = document
        self._history: NavigationHistory[str] = NavigationHistory()

    @property
    def can_go_back(self) -> bool:
        return self._history.can_go_back

    @property
    def can_go_forward(self) -> bool:
        return self._history.can_go_forward

    def start_at(self, place: str | None) -> None:
        """Begin the history at a saved place (the first section when it is missing or no longer in the report)."""
        if not place or not self._document.has_anchor(place):
            place = self._report.sections[0].id
        self._show(place)
        self._history.visit(place)

    def show_current(self) -> None:
        """Show the current place again (after the layout changed the document's size)."""
        self._show(self._history.current or self._report.sections[0].id)

    def go_to(self, place: str) -> bool:
        """Show a place, recording the jump so Back returns here; False when the document has no such place."""
        if not self._document.has_anchor(place):
            return False
        self._remember_place()
        self._show(place)
        self._history.visit(place)
        self.moved.emit()
        return True

    def forget_history(self) -> None:
        """Nothing to go back or forward to any more (the reader's data was erased)."""
        self._history.forget()
        self.moved.emit()

    def go_back(self) -> None:
        self._remember_place()
        place = self._history.back()
        if place is not None:
            self._show(place)
        self.moved.emit()

    def go_forward(self) -> None:
        self._remember_place()
        place = self._history.forward()
        if place is not None:
            self._show(place)
        self.moved.emit()

    def step_section(self, step: int) -> None:
        """Go to the next (+1) or previous (-1) section in reading order, if there is one."""
        sections = self._report.sections
        index = self._report.index_of(self._document.current_section() or sections[0].id) + step
        if 0 <= index < len(sections):
            self.go_to(sections[index].id)

    def _show(self, place: str) -> None:
        """Scroll to a place and put the caret there, so keyboard reading and screen readers start at it."""
        if self._report.has_section(place):
            self._document.show_section(place)
        else:
            self._document.show_paragraph(place)
        self._document.move_caret_to(place)

    def _remember_place(self) -> None:
        # Back returns to where the reader had scrolled, not to where they last jumped.
        top = self._document.top_paragraph_id()
        if top is not None:
            self._history.replace_current(top)
