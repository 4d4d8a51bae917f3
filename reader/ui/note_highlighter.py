"""`NoteHighlighter`: paints the visible notes in the document (bookmarks as ribbons in the margin) and finds the
note under a click."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPalette, QTextCharFormat

from reader.errors import ReaderError
from reader.notes.note import MY_LAYER, Anchor, Color, Note, Style
from reader.ui.annotator import Annotator
from reader.ui.bookmarks import BookmarkMarks, is_bookmark
from reader.ui.document_view import DocumentView
from reader.ui.highlight_window import HighlightWindow
from reader.ui.long_lived import settle_long_lived

if TYPE_CHECKING:
    from reader.notes.anchoring import Placement

LAYER_NAME = "notes"
_HIGHLIGHT_ALPHA = 110
_FAINT_ALPHA = 40
_CLICK_SLOP = 4  # pixels the mouse may move between press and release and still count as a click
SLICE_SECONDS = 0.008
"""How long building highlights may hold the UI thread in one event-loop turn."""
MAX_NOTES_PER_SLICE = 500
"""And how many notes' highlights it may build at most in one turn."""


class _Painted(NamedTuple):
    """What one note looks like in the document, kept until the note, its place or the document changes."""

    note: Note
    placement: Placement | None
    text_format: QTextCharFormat | None  # how its ranges are drawn (None for a bookmark, drawn in the margin)
    ranges: list[tuple[int, int, str]]
    mark: tuple[int, Color] | None


def highlight_format(color: Color, style: Style, imported: bool = False, page: str = "#ffffff") -> QTextCharFormat:
    """How one note is drawn on a page of colour `page`: a coloured background, underline or strike-through; imported
    notes get a dashed line. Lines are drawn in the colour's shade for that page (`note_colors.mark_hex`).

    A bookmark marks no text (it is drawn in the margin): its format changes nothing.
    """
    from reader.notes.note import COLOR_HEX
    from reader.ui.note_colors import mark_hex

    text_format = QTextCharFormat()
    if style is Style.BOOKMARK:
        return text_format
    background = QColor(COLOR_HEX[color])
    background.setAlpha(_HIGHLIGHT_ALPHA if style is Style.HIGHLIGHT else _FAINT_ALPHA)
    text_format.setBackground(background)
    line = QColor(mark_hex(color, page))
    if style is Style.UNDERLINE:
        text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        text_format.setUnderlineColor(line)
    elif style is Style.STRIKE:
        text_format.setFontStrikeOut(True)
    if imported and style is not Style.UNDERLINE:
        text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        # The dashes lie on the highlight's tint as well as the page: a step further from both keeps them 3:1.
        text_format.setUnderlineColor(line.lighter(140) if QColor(page).lightness() < 128 else line.darker(140))
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
        self._painted: dict[str, _Painted] = {}  # each note's highlights, built once
        self._has_painted = False
        self.slices = 0  # how many event-loop turns building highlights has taken (for tests and benchmarks)
        self._next_slice = QTimer(self)
        self._next_slice.setSingleShot(True)
        self._next_slice.setInterval(0)
        self._next_slice.timeout.connect(self._build_and_paint)
        self._pending: Iterator[None] | None = None  # the paint under way, a slice per event-loop turn
        self._window = HighlightWindow(document, LAYER_NAME, self)
        document.viewport().installEventFilter(self)
        document.reloading.connect(self._forget_positions)

    @property
    def is_active(self) -> bool:
        """Whether the notes are painted (they are read and painted in slices after `start()`)."""
        return self._active and self._has_painted

    def start(self) -> None:
        """Paint from now on (called once the document has first been shown, to keep start-up quick); the notes are
        read, placed and painted a slice per event-loop turn."""
        if not self._active and not self._stopped:
            self._active = True
            self._annotator.load_in_slices()
            self.repaint()

    def stop(self) -> None:
        """Paint no more (the window is closing and the notes database with it)."""
        self._active = False
        self._stopped = True
        self._next_slice.stop()
        self._pending = None
        self._painted.clear()
        self._window.stop()
        if self._marks is not None:
            self._marks.set_marks([])
            self._marks.hide()

    def repaint(self) -> None:
        """Paint the visible notes again. Only notes that changed (or moved) have their highlights built again; when
        many must be built (the first paint, an import), they are built a slice per event-loop turn and painted
        together once all are built."""
        if self._begin_paint():
            self._build_and_paint()

    def repaint_on_next_turn(self) -> None:
        """`repaint`, its first slice on the next event-loop turn rather than in this one (after the page was loaded
        again, which has spent this turn; every highlight is then built anew)."""
        if self._begin_paint():
            self._next_slice.start()

    def _begin_paint(self) -> bool:
        """Start a paint of the visible notes in place of any under way; False when there is nothing to paint yet."""
        self._next_slice.stop()
        self._pending = None
        if not self._active or self._annotator.is_loading:  # `notes_changed` follows the loading
            return False
        self._pending = self._paint(self._annotator.notes(visible_only=True))
        return True

    def _build_and_paint(self) -> None:
        """Carry on with the paint under way for one slice (see `_paint`)."""
        if self._pending is None or not self._active:
            return
        self.slices += 1
        try:
            next(self._pending)
        except StopIteration:
            self._pending = None
            return
        self._next_slice.start()

    def _paint(self, notes: tuple[Note, ...]) -> Iterator[None]:
        """Build the highlights of notes that changed, then gather them all and paint them; yields wherever a
        slice's time or size is spent (a few notes changed: all in one slice)."""
        painted = self._painted
        start = time.perf_counter()
        built = 0
        for seen, note in enumerate(notes, start=1):
            placement = self._annotator.placement(note.id)
            entry = painted.get(note.id)
            if entry is None or entry.note is not note or entry.placement is not placement:
                painted[note.id] = self._build(note, placement)
                built += 1
            if built >= MAX_NOTES_PER_SLICE or (seen % 100 == 0 and time.perf_counter() - start >= SLICE_SECONDS):
                yield
                start = time.perf_counter()
                built = 0
        if len(painted) > len(notes):  # deleted or hidden notes
            shown = {note.id for note in notes}
            for note_id in [note_id for note_id in painted if note_id not in shown]:
                del painted[note_id]
        if time.perf_counter() - start >= SLICE_SECONDS / 2:
            yield
            start = time.perf_counter()
        starts: list[int] = []
        ends: list[int] = []
        formats: list[QTextCharFormat] = []
        ranges: list[tuple[int, int, str]] = []
        marks: list[tuple[int, Color]] = []
        for note in notes:
            entry = painted[note.id]
            if entry.text_format is not None:
                for begin, end, _note_id in entry.ranges:
                    starts.append(begin)
                    ends.append(end)
                    formats.append(entry.text_format)
            ranges += entry.ranges
            if entry.mark is not None:
                marks.append(entry.mark)
        if time.perf_counter() - start >= SLICE_SECONDS / 2:
            yield
        self._ranges = ranges
        self._has_painted = True
        self._window.set_highlights(starts, ends, formats)  # Qt gets those near the view
        if marks and self._marks is None:
            self._marks = BookmarkMarks(self._document)
        if self._marks is not None:
            self._marks.set_marks(marks)
        settle_long_lived()  # the highlights live until their notes change
        self.painted.emit()

    def _build(self, note: Note, placement: Placement | None) -> _Painted:
        """One note's highlights (or its ribbon, for a bookmark) at its document positions."""
        spans = self._ranges_of(placement)
        if is_bookmark(note):
            return _Painted(note, placement, None, [], (spans[0][0], note.color) if spans else None)
        look = (note.color, note.style, note.layer != MY_LAYER)
        text_format = self._formats.get(look)
        if text_format is None:
            page = self._document.palette().color(QPalette.ColorRole.Base).name()
            text_format = self._formats[look] = highlight_format(*look, page=page)
        return _Painted(note, placement, text_format, [(start, end, note.id) for start, end in spans], None)

    def _forget_positions(self) -> None:
        """Let go of every highlight before the page is loaded again (those Qt holds have a cursor it would have to
        move through the whole change); `repaint` builds them again at their new positions once it is loaded."""
        self._next_slice.stop()
        self._pending = None  # a paint under way holds highlights too
        self._painted.clear()
        self._formats.clear()  # built again in the shades of the page's theme, which may have changed
        self._window.clear()

    def bookmark_marks(self) -> list[tuple[int, Color]]:
        """The ribbons in the margin: each bookmarked paragraph's document position and colour."""
        return self._marks.marks() if self._marks is not None else []

    # Where notes are

    def document_ranges(self, note_id: str) -> list[tuple[int, int]]:
        """The document positions a note covers, one range per paragraph; empty for an orphaned note."""
        return self._ranges_of(self._annotator.placement(note_id))

    def _ranges_of(self, placement: Placement | None) -> list[tuple[int, int]]:
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
            raise ReaderError(self.tr("Select some text in the report first, then highlight it."))
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
            raise ReaderError(self.tr("Only the report's paragraphs can be highlighted; select text in a paragraph."))
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
