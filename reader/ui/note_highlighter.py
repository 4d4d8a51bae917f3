"""`NoteHighlighter`: paints the visible notes in the document (bookmarks as ribbons in the margin) and finds the
note under a click."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.errors import ReaderError
from reader.notes.note import MY_LAYER, Anchor, Color, Style
from reader.ui.annotator import Annotator
from reader.ui.bookmarks import BookmarkMarks, is_bookmark
from reader.ui.document_view import DocumentView

LAYER_NAME = "notes"
_HIGHLIGHT_ALPHA = 110
_FAINT_ALPHA = 40
_CLICK_SLOP = 4  # pixels the mouse may move between press and release and still count as a click


def highlight_format(color: Color, style: Style, imported: bool = False) -> QTextCharFormat:
    """How one note is drawn: a coloured background, underline or strike-through; imported notes get a dashed line.

    A bookmark marks no text (it is drawn in the margin): its format changes nothing.
    """
    from reader.notes.note import COLOR_HEX

    shade = QColor(COLOR_HEX[color])
    text_format = QTextCharFormat()
    if style is Style.BOOKMARK:
        return text_format
    background = QColor(shade)
    background.setAlpha(_HIGHLIGHT_ALPHA if style is Style.HIGHLIGHT else _FAINT_ALPHA)
    text_format.setBackground(background)
    if style is Style.UNDERLINE:
        text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        text_format.setUnderlineColor(shade)
    elif style is Style.STRIKE:
        text_format.setFontStrikeOut(True)
    if imported and style is not Style.UNDERLINE:
        text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        text_format.setUnderlineColor(shade.darker(130))
    return text_format


class NoteHighlighter(QObject):
    """Keeps the document's "notes" highlight layer in step with the notes; emits `note_clicked` for a click on one."""

    note_clicked = Signal(str)  # note id
    painted = Signal()

    def __init__(self, document: DocumentView, annotator: Annotator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._annotator = annotator
        self._ranges: list[tuple[int, int, str]] = []  # document start, end, note id
        self._press: QPoint | None = None
        self._active = False
        self._stopped = False
        self._formats: dict[tuple[Color, Style, bool], QTextCharFormat] = {}
        self._marks: BookmarkMarks | None = None  # made when the first bookmark is painted
        document.viewport().installEventFilter(self)

    @property
    def is_active(self) -> bool:
        return self._active

    def start(self) -> None:
        """Paint from now on (called once the document has first been shown, to keep start-up quick)."""
        if not self._active and not self._stopped:
            self._active = True
            self.repaint()

    def stop(self) -> None:
        """Paint no more (the window is closing and the notes database with it)."""
        self._active = False
        self._stopped = True
        if self._marks is not None:
            self._marks.set_marks([])
            self._marks.hide()

    def repaint(self) -> None:
        if not self._active:
            return
        selections: list[QTextEdit.ExtraSelection] = []
        ranges: list[tuple[int, int, str]] = []
        marks: list[tuple[int, Color]] = []
        for note in self._annotator.notes(visible_only=True):
            if is_bookmark(note):
                spans = self.document_ranges(note.id)
                if spans:
                    marks.append((spans[0][0], note.color))
                continue
            for start, end in self.document_ranges(note.id):
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self._document.document())
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                look = (note.color, note.style, note.layer != MY_LAYER)
                if look not in self._formats:
                    self._formats[look] = highlight_format(*look)
                selection.format = self._formats[look]
                selections.append(selection)
                ranges.append((start, end, note.id))
        self._ranges = ranges
        self._document.set_highlight_layer(LAYER_NAME, selections)
        if marks and self._marks is None:
            self._marks = BookmarkMarks(self._document)
        if self._marks is not None:
            self._marks.set_marks(marks)
        self.painted.emit()

    def bookmark_marks(self) -> list[tuple[int, Color]]:
        """The ribbons in the margin: each bookmarked paragraph's document position and colour."""
        return self._marks.marks() if self._marks is not None else []

    # Where notes are

    def document_ranges(self, note_id: str) -> list[tuple[int, int]]:
        """The document positions a note covers, one range per paragraph; empty for an orphaned note."""
        placement = self._annotator.placement(note_id)
        if placement is None:
            return []
        ranges = []
        for span in placement.spans:
            if self._document.has_anchor(span.paragraph_id):
                base, _end = self._document.paragraph_span(span.paragraph_id)
                ranges.append((base + span.start, base + span.end))
        return ranges

    def note_at(self, position: int) -> str | None:
        """The note covering a document position (the shortest when they overlap)."""
        found = [(end - start, note_id) for start, end, note_id in self._ranges if start <= position < end]
        return min(found)[1] if found else None

    def painted_notes(self) -> set[str]:
        return {note_id for _start, _end, note_id in self._ranges}

    def selection_anchor(self) -> Anchor:
        """The anchor for the text selected in the document; ReaderError when nothing usable is selected."""
        cursor = self._document.textCursor()
        if not cursor.hasSelection():
            raise ReaderError("Select some text in the report first, then highlight it.")
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        first = self._document.paragraph_at(start)
        while first is None and start < end:  # the selection starts in a heading: begin at the next paragraph
            start += 1
            first = self._document.paragraph_at(start)
        last = self._document.paragraph_at(end)
        while last is None and end > start:
            end -= 1
            last = self._document.paragraph_at(end)
        if first is None or last is None:
            raise ReaderError("Only the report's paragraphs can be highlighted; select text in a paragraph.")
        from reader.notes.anchoring import anchor_from_selection

        return anchor_from_selection(self._annotator.text, first[0].id, first[1], last[1], end_paragraph_id=last[0].id)

    # Clicks

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent) and self._press is not None:
            point = event.position().toPoint()
            moved = (point - self._press).manhattanLength()
            self._press = None
            if moved <= _CLICK_SLOP and self._ranges and not self._document.textCursor().hasSelection():
                note_id = self.note_at(self._document.cursorForPosition(point).position())
                if note_id is not None:
                    self.note_clicked.emit(note_id)
        return False
