"""`HighlightWindow`: every note highlight kept sorted by place; Qt is given only those near the view."""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.ui.document_view import DocumentView

EVERY_HIGHLIGHT_UP_TO = 1_000
"""Up to this many highlights Qt holds them all, wherever the view is (they cost it little)."""
MARGIN = 500
"""Characters of the document, at least, whose highlights Qt holds on each side of what is in view (half as much as
is in view, when that is more): scrolling within half of it hands Qt nothing new."""


class HighlightWindow(QObject):
    """Hands the document's highlight layer only the highlights within a margin around the view (all of them, while
    there are few).

    Qt compares every extra selection with the previous list whenever the layer changes, and walks them all at each
    paint: with 10,000 notes that is tens of milliseconds each time, whatever is in view. When scrolling or resizing
    comes near the edge of the margin, the highlights around the new view are handed over.

    A highlight is kept as its place and format; its selection (a text cursor) is made only while Qt is given it. The
    document keeps track of every cursor made on it and moves each one at every change of its text, and it stays
    slower once many have lived: after 14,000 cursors had been made and let go, loading the page again (a theme or
    reference-mode change) took four times as long.
    """

    def __init__(self, document: DocumentView, layer: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._layer = layer
        # By start: each highlight's start, end, painting order and format (parallel lists: no tuple per highlight
        # for the garbage collector to walk)
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._orders: list[int] = []
        self._formats: list[QTextCharFormat] = []
        self._made: dict[int, QTextEdit.ExtraSelection] = {}  # the selections Qt holds, by index in those lists
        # While new highlights are handed over: the selections Qt held, by place and format (`set_highlights`)
        self._spare: dict[tuple[int, int, int], list[QTextEdit.ExtraSelection]] = {}
        self._longest = 0
        self._shown: tuple[int, int] | None = None  # the document range whose highlights Qt holds
        self._stopped = False
        # The view moves while Qt lays the page out, even in the middle of a paint: look again on the next turn.
        self._view_moved = QTimer(self)
        self._view_moved.setSingleShot(True)
        self._view_moved.setInterval(0)
        self._view_moved.timeout.connect(self.show_near_view)
        document.verticalScrollBar().valueChanged.connect(self._on_view_moved)
        document.viewport().installEventFilter(self)

    def set_highlights(self, starts: list[int], ends: list[int], formats: list[QTextCharFormat]) -> None:
        """Every highlight's document start and end, and its format, in painting order (later ones on top)."""
        # What Qt holds now is handed over again where a highlight keeps its place and format (a note deleted or
        # changed: all the others), rather than made anew. The formats it was made with stay alive meanwhile (held
        # here until the hand-over is done), so that no new format can take one's id.
        held_formats = self._formats
        self._spare = {}
        for index, selection in self._made.items():
            key = (self._starts[index], self._ends[index], id(held_formats[index]))
            self._spare.setdefault(key, []).append(selection)
        order = sorted(range(len(starts)), key=starts.__getitem__)
        self._starts = [starts[index] for index in order]
        self._ends = [ends[index] for index in order]
        self._orders = order
        self._formats = [formats[index] for index in order]
        self._made = {}
        self._longest = max((end - start for start, end in zip(starts, ends, strict=True)), default=0)
        self._shown = None
        self.show_near_view()
        self._spare = {}

    def clear(self) -> None:
        """Let go of every highlight (the page is about to be loaded again); `set_highlights` hands new ones."""
        self._starts, self._ends, self._orders, self._formats, self._shown = [], [], [], [], None
        self._made = {}

    def held(self) -> int:
        """How many highlights Qt is given now (each with a text cursor on the document)."""
        return len(self._made)

    def stop(self) -> None:
        """Hand Qt nothing more (the notes are closing; a new window may take the layer over)."""
        self._stopped = True
        self._view_moved.stop()
        self.clear()

    def show_near_view(self) -> None:
        """Give Qt the highlights around the view, unless it already holds those of a wide enough range."""
        if self._stopped:
            return
        if len(self._starts) <= EVERY_HIGHLIGHT_UP_TO:
            if self._shown is None:
                order = sorted(range(len(self._orders)), key=self._orders.__getitem__)
                self._hand_over(order)
                self._shown = (0, sys.maxsize)
            return
        top, bottom = self._in_view()
        margin = max(MARGIN, (bottom - top) // 2)
        shown = self._shown
        if shown is not None and shown[0] <= top - margin // 2 and bottom + margin // 2 <= shown[1]:
            return
        first, last = top - margin, bottom + margin
        start = bisect_left(self._starts, first - self._longest)
        end = bisect_right(self._starts, last)
        ends, orders = self._ends, self._orders
        near = sorted((index for index in range(start, end) if ends[index] > first), key=orders.__getitem__)
        self._hand_over(near)
        self._shown = (first, last)

    def _hand_over(self, indexes: list[int]) -> None:
        """Give Qt the highlights at these indexes, in this order: those it holds already as they are, the others
        made now; the rest let go."""
        made, spare = self._made, self._spare
        document = self._document.document()
        starts, ends, formats = self._starts, self._ends, self._formats
        kept: dict[int, QTextEdit.ExtraSelection] = {}
        for index in indexes:
            selection = made.get(index)
            if selection is None and spare:
                alike = spare.get((starts[index], ends[index], id(formats[index])))
                selection = alike.pop() if alike else None
            if selection is None:
                cursor = QTextCursor(document)
                cursor.setPosition(starts[index])
                cursor.setPosition(ends[index], QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = formats[index]
            kept[index] = selection
        self._made = kept
        self._document.set_highlight_layer(self._layer, list(kept.values()))

    def _in_view(self) -> tuple[int, int]:
        viewport = self._document.viewport()
        top = self._document.cursorForPosition(QPoint(0, 0)).position()
        bottom = self._document.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        return top, max(top, bottom)

    def _on_view_moved(self, *_args: object) -> None:
        self._view_moved.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._view_moved.start()
        return False
