"""Bookmarks: Ctrl+D keeps (or lets go of) the paragraph being read, as a note of style `Style.BOOKMARK` on the
paragraph's first words in the reader's own layer, so it travels, is sealed and exported like every note; drawn as a
ribbon in the page's left margin (`BookmarkMarks`), never as a highlight."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QObject, QPoint, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPaintEvent, QPalette, QPixmap, QTextCursor
from PySide6.QtWidgets import QWidget

from reader.content import Report
from reader.errors import ReaderError
from reader.notes.note import COLOR_HEX, MY_LAYER, Color, Note, Style
from reader.ui.actions import ActionName, Actions, shortcut_text
from reader.ui.annotator import Annotator
from reader.ui.document_view import DocumentView
from reader.ui.error_text import error_text

BOOKMARK_COLOR = Color.BLUE
FIRST_WORDS = 8  # a bookmark's quote: the paragraph's first words (context before and after is kept too)
FIRST_CHARACTERS = 80


def is_bookmark(note: Note) -> bool:
    return note.style is Style.BOOKMARK


def _ribbon(width: float, height: float) -> QPainterPath:
    """A bookmark ribbon: a rectangle with a notch cut into its foot."""
    path = QPainterPath()
    path.moveTo(0, 0)
    path.lineTo(width, 0)
    path.lineTo(width, height)
    path.lineTo(width / 2, height * 0.7)
    path.lineTo(0, height)
    path.closeSubpath()
    return path


def ribbon_hex(color: Color, page: str) -> str:
    """A ribbon's colour on a page of colour `page`: the colour's shade that stands out 3:1 from that page."""
    from reader.ui.note_colors import mark_hex

    return mark_hex(color, page)


def bookmark_icon(color: Color, size: int = 16) -> QIcon:
    """A ribbon in the bookmark's colour, for lists."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    shade = QColor(COLOR_HEX[color])
    painter.setPen(shade.darker(140))
    painter.setBrush(shade)
    painter.translate(size * 0.25, 1)
    painter.drawPath(_ribbon(size * 0.5, size - 2))
    painter.end()
    return QIcon(pixmap)


def first_words_end(text: str) -> int:
    """Where a bookmark's quote ends in a paragraph's text: after its first words, at most `FIRST_CHARACTERS`."""
    words = 0
    in_word = False
    for index, char in enumerate(text[:FIRST_CHARACTERS]):
        if char.isspace():
            if in_word:
                words += 1
                if words == FIRST_WORDS:
                    return index
            in_word = False
        else:
            in_word = True
    return min(len(text), FIRST_CHARACTERS)


class Bookmarks(QObject):
    """Toggles a bookmark on the paragraph being read (`toggle`, the Toggle Bookmark action, Ctrl+D).

    The paragraph being read is the one holding the text cursor when the cursor is in view (presentation mode
    and every jump put it at the place shown), else the first paragraph at the top of the view. Works only while
    the notes are open (`set_annotator`); adding and removing are undoable like any note change.
    """

    message = Signal(str, int)
    bookmark_added = Signal(str)  # note id

    def __init__(self, report: Report, document: DocumentView, actions: Actions, parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName("bookmarks")
        self._report = report
        self._document = document
        self._actions = actions
        self._annotator: Annotator | None = None
        self._action = actions[ActionName.TOGGLE_BOOKMARK]
        self._action.setEnabled(False)
        self._action.triggered.connect(self.toggle)

    def set_annotator(self, annotator: Annotator | None) -> None:
        """The notes opened (or, with None, closed by the lock): bookmarks can be kept only while they are open."""
        self._annotator = annotator
        self._action.setEnabled(annotator is not None)

    def current_paragraph(self) -> str | None:
        """The id of the paragraph being read (see the class), or None when there is none."""
        document = self._document
        cursor = document.textCursor()
        if document.viewport().rect().contains(document.cursorRect(cursor).center()):
            found = document.paragraph_at(cursor.position())
            if found is not None:
                return found[0].id
            place = document.section_at(cursor.position())
            section = self._section(place)
            if section is not None and cursor.position() <= document.section_start(place) + len(section.title):
                return section.paragraphs[0].id if section.paragraphs else None
        top = document.top_paragraph_id()
        if top is None:
            return None
        section = self._section(top)
        if section is not None:  # a heading: its first paragraph
            return section.paragraphs[0].id if section.paragraphs else None
        return top

    def bookmark_on(self, paragraph_id: str) -> Note | None:
        """The reader's own bookmark on a paragraph, if there is one."""
        if self._annotator is None:
            return None
        for note in self._annotator.notes():
            if is_bookmark(note) and note.layer == MY_LAYER:
                placement = self._annotator.placement(note.id)
                anchor = placement.anchor if placement is not None else None
                if (anchor.paragraph_id if anchor is not None else note.paragraph_id) == paragraph_id:
                    return note
        return None

    def toggle(self) -> None:
        annotator = self._annotator
        if annotator is None:
            self.message.emit(self.tr("Unlock the notes to keep bookmarks."), 5000)
            return
        paragraph_id = self.current_paragraph()
        if paragraph_id is None:
            self.message.emit(self.tr("Scroll to a paragraph to bookmark it."), 5000)
            return
        undo = shortcut_text(self._actions[ActionName.UNDO])
        existing = self.bookmark_on(paragraph_id)
        try:
            if existing is not None:
                annotator.delete(existing.id)
                self.message.emit(self.tr("Bookmark removed. {0} brings it back.").format(undo), 5000)
                return
            from reader.notes.anchoring import anchor_from_selection

            paragraph = self._report.paragraph(paragraph_id)
            anchor = anchor_from_selection(annotator.text, paragraph_id, 0, first_words_end(paragraph.text))
            note = annotator.add(anchor, color=BOOKMARK_COLOR, style=Style.BOOKMARK)
        except ReaderError as error:
            self.message.emit(error_text(error), 6000)
            return
        self.bookmark_added.emit(note.id)
        where = f"¶{paragraph.number}" if paragraph.number else self._report.section(paragraph.section_id).title
        self.message.emit(self.tr("Bookmarked {0}. {1} undoes it.").format(where, undo), 5000)

    def _section(self, place: str):
        return next((section for section in self._report.sections if section.id == place), None)


class BookmarkMarks(QWidget):
    """Ribbons in the page's left margin beside each bookmarked paragraph's first line, drawn over the document's
    view (a sibling of its viewport, so scrolling never moves it) and letting every click through."""

    RIBBON_WIDTH = 10

    def __init__(self, document: DocumentView) -> None:
        super().__init__(document)
        self.setObjectName("bookmarkMarks")
        self.setAccessibleName(self.tr("Bookmarks in the margin"))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._document = document
        self._marks: list[tuple[int, Color]] = []  # document position of a bookmarked paragraph, its colour
        self._by_position: list[tuple[int, Color]] = []  # the same, by position: only those in view are drawn
        document.verticalScrollBar().valueChanged.connect(self.update)
        document.viewport().installEventFilter(self)
        self._follow_viewport()
        self.show()

    def set_marks(self, marks: list[tuple[int, Color]]) -> None:
        self._marks = marks
        # One ribbon per place: of several bookmarks on one paragraph only the last drawn was ever seen.
        self._by_position = sorted(dict(marks).items())
        self.update()

    def marks(self) -> list[tuple[int, Color]]:
        return list(self._marks)

    def mark_rects(self) -> list[QRect]:
        """Where each ribbon is drawn, in this widget's coordinates (those in view only)."""
        return [rect for rect, _color in self._ribbons(self._ribbon_height())]

    def _ribbons(self, height: int) -> list[tuple[QRect, Color]]:
        """The ribbons in view, top to bottom: one a line, in the colour of the line's last bookmark.

        Bookmarks beginning on the same line share its ribbon's place, where only the last drawn was ever seen:
        that one is drawn alone (with many bookmarks, drawing each stalled every paint of the page).
        """
        ribbons: dict[tuple[int, int], tuple[QRect, Color]] = {}
        bottom = self._document.viewport().height()
        for position, color in self._in_view(height):
            rect = self._rect_for(position, height)
            if rect is not None and rect.bottom() >= 0 and rect.top() <= bottom:
                ribbons[rect.left(), rect.top()] = rect, color
        return list(ribbons.values())

    def _in_view(self, height: int) -> list[tuple[int, Color]]:
        """The marks between the document positions at the view's top and bottom (and a ribbon's height beyond):
        with thousands of bookmarks, finding where each is drawn would stall every paint."""
        viewport = self._document.viewport()
        first = self._document.cursorForPosition(QPoint(0, -height)).position()
        last = self._document.cursorForPosition(QPoint(viewport.width(), viewport.height() + height)).position()
        positions = self._by_position
        start = bisect_left(positions, first, key=lambda mark: mark[0])
        end = bisect_right(positions, last, key=lambda mark: mark[0])
        return positions[start:end]

    def _ribbon_height(self) -> int:
        return max(14, int(self._document.fontMetrics().height() * 1.2))

    def _rect_for(self, position: int, height: int) -> QRect | None:
        if position > self._document.document().characterCount():
            return None
        cursor = QTextCursor(self._document.document())
        cursor.setPosition(position)
        # Beside the line the bookmark begins on, left of where that line begins: a bookmark imported from another
        # reader may begin mid-line, and a ribbon left of its first word would cover the word before it.
        cursor.movePosition(QTextCursor.MoveOperation.StartOfLine)
        line = self._document.cursorRect(cursor)
        left = max(2, line.left() - self.RIBBON_WIDTH - 8)
        return QRect(left, line.top() - 2, self.RIBBON_WIDTH, height)

    def _follow_viewport(self) -> None:
        self.setGeometry(self._document.viewport().geometry())
        self.raise_()

    def eventFilter(self, watched: QObject, event) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show):
            self._follow_viewport()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._marks:
            return
        painter = QPainter(self)
        try:  # ended here whatever happens (see `ElidingComboBox.paintEvent`)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            page = self._document.palette().color(QPalette.ColorRole.Base).name()
            for rect, color in self._ribbons(self._ribbon_height()):
                shade = QColor(ribbon_hex(color, page))
                painter.setPen(shade.darker(150))
                painter.setBrush(shade)
                painter.save()
                painter.translate(QPointF(rect.topLeft()))
                painter.drawPath(_ribbon(rect.width(), rect.height()))
                painter.restore()
        finally:
            painter.end()
