"""`WindowState`: the window's size and panel layout restored from the preferences, saved with the reading place."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from reader.errors import ReaderError
from reader.prefs import Preferences
from reader.ui.document_view import DocumentView

STATE_VERSION = 1  # of the saved dock layout: a layout saved under another version is not restored
SAVE_DELAY_MS = 600
# Platforms with no real screen (smoke tests, `--exit-after-start` in CI): the window's size there means nothing,
# and saved it would shrink the next real window. Which panels are open is still saved: the reader chose that.
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal"})


class WindowState(QObject):
    """Saves the preferences shortly after the last change (never on every scroll step), and when asked.

    What is saved: the paragraph at the top of the document, and the window's geometry and dock layout; the look
    (theme, zoom, reference mode) is set on the `Preferences` by the window as it changes. On a platform without a
    screen (`HEADLESS_PLATFORMS`) the saved geometry is left as it is. Emits
    `save_failed(message)` when the preferences cannot be written.
    """

    save_failed = Signal(str)

    def __init__(self, window: QMainWindow, document: DocumentView, prefs: Preferences) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._prefs = prefs
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)

    def restore_geometry(self) -> None:
        """Give the window its saved size and position, or a default size."""
        if self._prefs.window_geometry:
            self._window.restoreGeometry(QByteArray.fromBase64(self._prefs.window_geometry.encode("ascii")))
        else:
            self._window.resize(1100, 760)

    def restore_layout(self) -> bool:
        """Put the docks and toolbars back as they were saved; False when there is no saved layout."""
        saved = self._prefs.window_state
        return bool(saved) and self._window.restoreState(QByteArray.fromBase64(saved.encode("ascii")), STATE_VERSION)

    def schedule_save(self) -> None:
        self._timer.start()

    def save(self) -> None:
        """Write the reader's place, look and window layout to the data folder now."""
        self._timer.stop()
        self._prefs.position = self._document.top_paragraph_id()
        if QGuiApplication.platformName() not in HEADLESS_PLATFORMS:
            self._prefs.window_geometry = bytes(self._window.saveGeometry().toBase64()).decode("ascii")
        self._prefs.window_state = bytes(self._window.saveState(STATE_VERSION).toBase64()).decode("ascii")
        try:
            self._prefs.save()
        except ReaderError as error:
            self.save_failed.emit(str(error))
