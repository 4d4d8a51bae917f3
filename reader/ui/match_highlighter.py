"""Painting search matches in the document and stepping through them (F3 / Shift+F3)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.content import Report
from reader.search.results import MatchTerms
from reader.search.snippet import match_spans
from reader.ui.document_view import DocumentView

LAYER = "search"
MATCH_COLOR = QColor("#ffe070")
CURRENT_COLOR = QColor("#ff9a3c")
TEXT_COLOR = QColor("#1a1a1a")  # dark text on the light marks in every theme


class MatchHighlighter(QObject):
    """Marks every match of a query in the report; one of them is current and shown.

    Matches are kept as (paragraph id, start, end) so they survive a re-render (theme, reference mode).
    Esc in the document clears them.
    """

    current_changed = Signal(int, int)  # current match number (from 1) and how many; (0, 0) when cleared

    def __init__(self, document: DocumentView, report: Report, parent: QObject | None = None) -> None:
        super().__init__(parent or document)
        self._document = document
        self._report = report
        self._matches: list[tuple[str, int, int]] = []
        self._current = -1
        document.reloaded.connect(self._paint)
        document.installEventFilter(self)

    def current_span(self) -> tuple[int, int] | None:
        """Document positions of the current match."""
        if self._current < 0:
            return None
        paragraph_id, start, end = self._matches[self._current]
        base, _end = self._document.paragraph_span(paragraph_id)
        return base + start, base + end

    def show(self, terms: MatchTerms, paragraph_id: str | None = None, spans: tuple[tuple[int, int], ...] = ()) -> int:
        """Mark every match of `terms` in the report; the first in `paragraph_id` (at `spans`) becomes current.

        Without a `paragraph_id` none is current yet: the next `step(+1)` shows the first, `step(-1)` the last.
        Returns how many matches there are. The document is not scrolled; call `step(0)` to show the current one.
        """
        matches = []
        for paragraph in self._report.paragraphs():
            if not self._document.has_anchor(paragraph.id):
                continue
            found = spans if paragraph.id == paragraph_id and spans else match_spans(paragraph.text, terms)
            matches.extend((paragraph.id, start, end) for start, end in found)
        self._matches = matches
        self._current = -1
        if matches and paragraph_id is not None:
            self._current = next((index for index, match in enumerate(matches) if match[0] == paragraph_id), 0)
        self._paint()
        return len(matches)

    def show_matches(self, matches: list[tuple[str, int, int]]) -> int:
        """Mark these (paragraph id, start, end) matches, the first current; returns how many there are."""
        self._matches = [match for match in matches if self._document.has_anchor(match[0])]
        self._current = 0 if self._matches else -1
        self._paint()
        return len(self._matches)

    def step(self, delta: int) -> bool:
        """Make the next (+1) or previous (-1) match current, wrapping around, and scroll it into view."""
        if not self._matches:
            return False
        if self._current < 0:  # none current yet: forward starts at the first, backward at the last
            self._current = 0 if delta >= 0 else len(self._matches) - 1
        else:
            self._current = (self._current + delta) % len(self._matches)
        self._paint()
        span = self.current_span()
        if span is not None:
            # The cursor goes to the match without selecting it, so the current match keeps its own colour.
            cursor = self._document.textCursor()
            cursor.setPosition(span[0])
            self._document.setTextCursor(cursor)
            self._document.ensureCursorVisible()
        return True

    @property
    def count(self) -> int:
        return len(self._matches)

    def clear(self) -> None:
        if not self._matches:
            return
        self._matches = []
        self._current = -1
        self._paint()

    def _paint(self) -> None:
        selections = []
        for index, (paragraph_id, start, end) in enumerate(self._matches):
            if not self._document.has_anchor(paragraph_id):
                continue
            base, _end = self._document.paragraph_span(paragraph_id)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self._document.document())
            cursor.setPosition(base + start)
            cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            text_format = QTextCharFormat()
            text_format.setBackground(CURRENT_COLOR if index == self._current else MATCH_COLOR)
            text_format.setForeground(TEXT_COLOR)
            selection.format = text_format
            selections.append(selection)
        self._document.set_highlight_layer(LAYER, selections)
        count = len(self._matches)
        self.current_changed.emit(self._current + 1 if count and self._current >= 0 else 0, count)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._document and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() == Qt.Key.Key_Escape and self._matches:
                self.clear()  # not consumed: a glossary popup open at the same time closes too
        return False
