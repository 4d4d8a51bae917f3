"""`HighlightWindow`: every note highlight kept sorted by place; Qt is given only those near the view."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtWidgets import QTextEdit

from reader.ui.document_view import DocumentView

MARGIN = 20_000
"""Characters of the document, at least, whose highlights Qt holds on each side of what is in view."""


class HighlightWindow(QObject):
    """Hands the document's highlight layer only the highlights within a margin around the view.

    Qt compares every extra selection with the previous list whenever the layer changes, and walks them all at each
    paint: with 10,000 notes that is tens of milliseconds each time. Near the view there are a few hundred; when
    scrolling or resizing comes near the edge of the margin, the highlights around the new view are handed over.
    """

    def __init__(self, document: DocumentView, layer: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._layer = layer
        self._spans: list[tuple[int, int, int, QTextEdit.ExtraSelection]] = []  # start, end, painting order, selection
        self._starts: list[int] = []
        self._longest = 0
        self._shown: tuple[int, int] | None = None  # the document range whose highlights Qt holds
        self._stopped = False
        document.verticalScrollBar().valueChanged.connect(self._on_view_moved)
        document.viewport().installEventFilter(self)

    def set_selections(self, ordered: list[tuple[int, int, QTextEdit.ExtraSelection]]) -> None:
        """Every highlight with its document start and end, in painting order (later ones drawn on top)."""
        spans = [(start, end, order, selection) for order, (start, end, selection) in enumerate(ordered)]
        spans.sort(key=itemgetter(0))
        self._spans = spans
        self._starts = [span[0] for span in spans]
        self._longest = max((end - start for start, end, _order, _selection in spans), default=0)
        self._shown = None
        self.show_near_view()

    def stop(self) -> None:
        """Hand Qt nothing more (the notes are closing; a new window may take the layer over)."""
        self._stopped = True
        self._spans, self._starts, self._shown = [], [], None

    def show_near_view(self) -> None:
        """Give Qt the highlights around the view, unless it already holds those of a wide enough range."""
        if self._stopped:
            return
        top, bottom = self._in_view()
        margin = max(MARGIN, bottom - top)
        shown = self._shown
        if shown is not None and shown[0] <= top - margin // 2 and bottom + margin // 2 <= shown[1]:
            return
        first, last = top - margin, bottom + margin
        start = bisect_left(self._starts, first - self._longest)
        end = bisect_right(self._starts, last)
        near = sorted((span for span in self._spans[start:end] if span[1] > first), key=itemgetter(2))
        self._document.set_highlight_layer(self._layer, [span[3] for span in near])
        self._shown = (first, last)

    def _in_view(self) -> tuple[int, int]:
        viewport = self._document.viewport()
        top = self._document.cursorForPosition(QPoint(0, 0)).position()
        bottom = self._document.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        return top, max(top, bottom)

    def _on_view_moved(self, *_args: object) -> None:
        self.show_near_view()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.show_near_view()
        return False
