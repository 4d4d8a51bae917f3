"""Full screen, and presentation mode for projecting the report in class: the page alone, large, one paragraph at a
time, and the window put back exactly as it was afterwards."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCursor, QTextFormat
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTextEdit, QToolBar, QWidget

from reader.content import Report
from reader.ui.document_view import DocumentView

LAYER_NAME = "presentation"
EMPHASIS_ALPHA = 150  # of the theme's selection colour, behind the paragraph being presented
TEXT_BOOST = 5  # zoom steps added while presenting: 176 % of the reader's size
STATE_VERSION = 1  # the same as `window_state.STATE_VERSION`: a saved layout is saved with it

_NEXT = frozenset({Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space})
_PREVIOUS = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace})
_KEYS = _NEXT | _PREVIOUS | {Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Escape}


class Presentation(QObject):
    """Full screen (`toggle_full_screen`) and presentation mode (`start`, `stop`, `toggle`) for one window.

    Presenting hides every panel, toolbar, the menu bar and the status line, shows the window full screen with the
    text `TEXT_BOOST` steps larger (the window applies it on `active_changed`) and emphasises one paragraph or
    heading at a time: Down, Right, Page Down or Space go to the next, Up, Left, Page Up or Backspace to the
    previous, Home and End to the first and last; Esc leaves. Leaving puts back the layout, the window's size and
    state, and the focus. While presenting, `saved_state()` is the layout to save (not the bare one on screen).
    """

    active_changed = Signal(bool)
    full_screen_changed = Signal(bool)
    place_changed = Signal(str)  # the paragraph or heading now emphasised

    def __init__(self, window: QMainWindow, document: DocumentView, report: Report) -> None:
        super().__init__(window)
        self.setObjectName("presentation")
        self._window = window
        self._document = document
        self._places: list[str] = []  # every heading and paragraph, in reading order
        for section in report.sections:
            self._places += [section.id, *(paragraph.id for paragraph in section.paragraphs)]
        self._titles = {section.id: section.title for section in report.sections}
        self._active = False
        self._current = ""
        self._state = QByteArray()
        self._geometry = QByteArray()
        self._window_state = Qt.WindowState.WindowNoState
        self._bars: list[QWidget] = []
        self._focus: QWidget | None = None

    @property
    def is_active(self) -> bool:
        return self._active

    @property
    def current_place(self) -> str:
        """The paragraph or heading emphasised while presenting ("" when not presenting)."""
        return self._current if self._active else ""

    def saved_state(self) -> QByteArray:
        """The window's layout as it was before presenting (what a save while presenting should keep)."""
        return QByteArray(self._state)

    def saved_geometry(self) -> QByteArray:
        return QByteArray(self._geometry)

    # Full screen

    def toggle_full_screen(self) -> None:
        if self._active:  # presenting is full screen already: leaving it is the way back
            self.stop()
            return
        window = self._window
        if window.isFullScreen():
            window.setWindowState(self._window_state & ~Qt.WindowState.WindowFullScreen)
        else:
            self._window_state = window.windowState()
            window.setWindowState(window.windowState() | Qt.WindowState.WindowFullScreen)
        self.full_screen_changed.emit(window.isFullScreen())

    # Presenting

    def toggle(self) -> None:
        if self._active:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        if self._active:
            return
        window = self._window
        self._state = window.saveState(STATE_VERSION)
        self._geometry = window.saveGeometry()
        self._window_state = window.windowState()
        self._focus = QApplication.focusWidget()
        bars: list[QWidget] = [*window.findChildren(QDockWidget), *window.findChildren(QToolBar)]
        bars += [window.menuBar(), window.statusBar()]
        self._bars = [bar for bar in bars if bar.parentWidget() is not None]
        for bar in self._bars:
            bar.hide()
        self._active = True
        self._current = self._start_place()
        window.setWindowState(window.windowState() | Qt.WindowState.WindowFullScreen)
        self._settle_layout()
        self.active_changed.emit(True)  # the window makes the text larger
        QApplication.instance().installEventFilter(self)
        self._document.setFocus()
        self._show_current()

    def stop(self) -> None:
        if not self._active:
            return
        QApplication.instance().removeEventFilter(self)
        self._active = False
        self._document.set_highlight_layer(LAYER_NAME, [])
        window = self._window
        window.setWindowState(self._window_state)
        window.restoreGeometry(self._geometry)
        # Docks and toolbars come back with the layout; the window always has its menu bar and status line.
        window.menuBar().show()
        window.statusBar().show()
        window.restoreState(self._state, STATE_VERSION)
        self._settle_layout()
        self._bars = []
        self.active_changed.emit(False)  # the window puts the text size back
        if self._current:
            self._document.show_paragraph(self._current)
        if self._focus is not None:
            self._focus.setFocus()
        self._focus = None
        self.full_screen_changed.emit(window.isFullScreen())

    def _settle_layout(self) -> None:
        """Lay the window out now (panels gone or back), so the page has its new size before it is scrolled."""
        layout = self._window.layout()
        if layout is not None:
            layout.activate()

    def step(self, by: int) -> None:
        """Emphasise the next (+1) or previous (-1) place; a paragraph taller than the view is scrolled first."""
        if not self._active:
            return
        if self._scroll_within(by):
            return
        index = self._places.index(self._current) if self._current in self._places else 0
        index = max(0, min(len(self._places) - 1, index + by))
        self._go(index)

    def _go(self, index: int) -> None:
        place = self._places[index]
        while not self._document.has_anchor(place) and 0 < index < len(self._places) - 1:
            index += 1
            place = self._places[index]
        self._current = place
        self._show_current()

    def _start_place(self) -> str:
        """Where presenting starts: the paragraph holding the text cursor if it is in view, else the top one."""
        cursor = self._document.textCursor()
        viewport = self._document.viewport().rect()
        if viewport.contains(self._document.cursorRect(cursor).center()):
            found = self._document.paragraph_at(cursor.position())
            if found is not None:
                return found[0].id
        return self._document.top_paragraph_id() or self._places[0]

    def _span(self, place: str) -> tuple[int, int]:
        if place in self._titles:
            start = self._document.section_start(place)
            return start, start + len(self._titles[place])
        return self._document.paragraph_span(place)

    def _show_current(self) -> None:
        place = self._current
        if not self._active or not self._document.has_anchor(place):
            return
        self._document.show_paragraph(place)
        start, end = self._span(place)
        cursor = QTextCursor(self._document.document())
        cursor.setPosition(start)
        self._document.setTextCursor(cursor)  # so Ctrl+D, copying and read aloud start at the emphasised place
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        shade = QColor(self._document.palette().highlight().color())
        shade.setAlpha(EMPHASIS_ALPHA)
        selection.format.setBackground(shade)
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        self._document.set_highlight_layer(LAYER_NAME, [selection])
        self.place_changed.emit(place)

    def _scroll_within(self, by: int) -> bool:
        """Scroll by most of a view when the emphasised place runs past the edge being moved towards."""
        if not self._document.has_anchor(self._current):
            return False
        start, end = self._span(self._current)
        edge = QTextCursor(self._document.document())
        edge.setPosition(end if by > 0 else start)
        rect = self._document.cursorRect(edge)
        viewport = self._document.viewport().rect()
        bar = self._document.verticalScrollBar()
        page = int(viewport.height() * 0.85)
        if by > 0 and rect.bottom() > viewport.bottom():
            bar.setValue(bar.value() + min(page, rect.bottom() - viewport.bottom() + 24))
            return True
        if by < 0 and rect.top() < viewport.top():
            bar.setValue(bar.value() - min(page, viewport.top() - rect.top() + 24))
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self._document.viewport():
            # The screen's size arrives when the window system has made the window full screen: keep the place.
            QTimer.singleShot(0, self._show_current)
            return False
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        key = event.key()
        if key not in _KEYS or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # these keys are presentation's, not a shortcut's or a text field's
            return True
        if key in _NEXT:
            self.step(+1)
        elif key in _PREVIOUS:
            self.step(-1)
        elif key == Qt.Key.Key_Home:
            self._go(0)
        elif key == Qt.Key.Key_End:
            self._go(len(self._places) - 1)
        else:
            self.stop()
        return True
