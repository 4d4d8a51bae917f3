"""`WindowState`: the window's size and panel layout restored from the preferences, saved with the reading place."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QObject, QPoint, QRect, QSize, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from reader.errors import ReaderError
from reader.prefs import Preferences
from reader.ui.document_view import DocumentView
from reader.ui.error_text import error_text

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray

STATE_VERSION = 1  # of the saved dock layout: a layout saved under another version is not restored
SAVE_DELAY_MS = 600
# Platforms with no real screen (smoke tests, `--exit-after-start` in CI): the window's size there means nothing,
# and saved it would shrink the next real window. Which panels are open is still saved: the reader chose that.
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal"})
SCREEN_SHARE = 0.85  # of the screen's free area (task bars excluded) a first start takes
MINIMUM_SIZE = (640, 440)  # the window never asks for more than a 1024×600 netbook leaves free


def first_start_geometry(available: QRect) -> QRect:
    """A first start's window: SCREEN_SHARE of the free area in each direction, centred in it."""
    width = max(min(MINIMUM_SIZE[0], available.width()), int(available.width() * SCREEN_SHARE))
    height = max(min(MINIMUM_SIZE[1], available.height()), int(available.height() * SCREEN_SHARE))
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


def clamped(frame: QRect, available: QRect) -> QRect:
    """A window frame moved, and shrunk if need be, to lie wholly within the free area of its screen."""
    rect = QRect(frame)
    rect.setWidth(min(rect.width(), available.width()))
    rect.setHeight(min(rect.height(), available.height()))
    rect.moveLeft(max(available.left(), min(rect.left(), available.right() - rect.width() + 1)))
    rect.moveTop(max(available.top(), min(rect.top(), available.bottom() - rect.height() + 1)))
    return rect


def fit_on_screen(window: QWidget, wanted: QSize, available: QRect | None = None) -> None:
    """Give a dialog `wanted` size, centred on its parent window, shrunk and moved where need be so that it, title
    bar included, lies wholly within `available` (by default the free area of the screen its parent is on).

    What the dialog holds must scroll when it gets less than it asks for.
    """
    parent = window.parentWidget()
    anchor = parent.window() if parent is not None else None
    if available is None:
        screen = (anchor or window).screen() or QGuiApplication.primaryScreen()
        if screen is None:
            window.resize(wanted)
            return
        available = screen.availableGeometry()
    frame_extra = _frame_extra(anchor, window)
    frame = QRect(QPoint(0, 0), wanted.expandedTo(window.minimumSize()) + frame_extra)
    frame.moveCenter(anchor.frameGeometry().center() if anchor is not None else available.center())
    fitted = clamped(frame, available)
    window.resize(fitted.size() - frame_extra)
    window.move(fitted.topLeft())


def _frame_extra(anchor: QWidget | None, window: QWidget) -> QSize:
    """What the window manager adds around a window (borders, title bar): as around the parent window once that is
    shown, and a title bar of at least two lines of text."""
    extra = QSize(0, 0)
    if anchor is not None and anchor.isVisible():
        extra = (anchor.frameGeometry().size() - anchor.size()).expandedTo(extra)
    return extra.expandedTo(QSize(0, 2 * window.fontMetrics().height()))


def _saved_frame_margins(saved: bytes) -> QMargins:
    """The window frame's margins as `QWidget.saveGeometry` recorded them (its frame's rectangle, then its own, each
    as left, top, right, bottom in 32-bit integers after a 4-byte magic number and two 16-bit version numbers);
    none when the bytes are not such a record."""
    import struct

    if len(saved) < 40 or saved[:4] != b"\x01\xd9\xd0\xcb":
        return QMargins()
    frame_left, frame_top, frame_right, frame_bottom, left, top, right, bottom = struct.unpack(">8i", saved[8:40])
    margins = QMargins(left - frame_left, top - frame_top, frame_right - right, frame_bottom - bottom)
    if min(margins.left(), margins.top(), margins.right(), margins.bottom()) < 0:
        return QMargins()
    return margins


def _decoded(saved: str) -> QByteArray:
    """A geometry or layout as the preferences keep it (Base64). Qt's byte array is made only when one is saved."""
    from PySide6.QtCore import QByteArray

    return QByteArray.fromBase64(saved.encode("ascii"))


class WindowState(QObject):
    """Saves the preferences shortly after the last change (never on every scroll step), and when asked.

    What is saved: the paragraph at the top of the document, and the window's geometry and dock layout; the look
    (theme, zoom, reference mode) is set on the `Preferences` by the window as it changes. On a platform without a
    screen (`HEADLESS_PLATFORMS`) the saved geometry is left as it is. Emits
    `save_failed(message)` when the preferences cannot be written.
    """

    save_failed = Signal(str)

    def __init__(self, window: QMainWindow, document: DocumentView, prefs: Preferences) -> None:
        self._frozen = False
        super().__init__(window)
        self._window = window
        self._document = document
        self._prefs = prefs
        self._last_failure: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)

    def restore_geometry(self) -> None:
        """Give the window its saved size and position, kept on the screen it opens on (title bar included), or on
        a first start SCREEN_SHARE of that screen's free area, centred."""
        window = self._window
        saved = self._prefs.window_geometry
        if saved and window.restoreGeometry(geometry := _decoded(saved)):
            screen = QGuiApplication.screenAt(window.geometry().center()) or window.screen()
            if screen is not None and not window.isMaximized() and not window.isFullScreen():
                # Not shown yet, the window knows no frame: the one saved with the geometry stands for it.
                margins = _saved_frame_margins(bytes(geometry.data()))
                frame = window.geometry().marginsAdded(margins)
                fitted = clamped(frame, available=screen.availableGeometry())
                # The window's own rectangle, not its frame's corner: move() places the frame there, and before
                # the window is shown that is where its inside was, so each start put it a title bar lower.
                window.setGeometry(fitted.marginsRemoved(margins))
            return
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            window.resize(1100, 760)
            return
        rect = first_start_geometry(screen.availableGeometry())
        window.resize(rect.size())
        window.move(rect.topLeft())

    def restore_layout(self) -> bool:
        """Put the docks and toolbars back as they were saved; False when there is no saved layout."""
        saved = self._prefs.window_state
        return bool(saved) and self._window.restoreState(_decoded(saved), STATE_VERSION)

    def schedule_save(self) -> None:
        self._timer.start()

    def freeze(self) -> None:
        """Never write again in this run (a start that only checks the window paints, `--exit-after-start`)."""
        self._frozen = True
        self._timer.stop()

    def save(self) -> None:
        """Write the reader's place, look and window layout to the data folder now."""
        self._timer.stop()
        if self._frozen:
            return
        self._prefs.position = self._document.top_paragraph_id()
        if QGuiApplication.platformName() not in HEADLESS_PLATFORMS:
            self._prefs.window_geometry = bytes(self._window.saveGeometry().toBase64()).decode("ascii")
        self._prefs.window_state = bytes(self._window.saveState(STATE_VERSION).toBase64()).decode("ascii")
        if not os.access(self._prefs.path.parent, os.W_OK | os.X_OK):
            return  # a copy on read-only media: nothing can ever be saved there, which is no news at every scroll
        try:
            self._prefs.save()
        except ReaderError as error:
            said = error_text(error)
            if said != self._last_failure:  # told once, not again at every scroll while it lasts
                self._last_failure = said
                self.save_failed.emit(said)
        else:
            self._last_failure = None
