"""`FirstKey`: a call at the first key pressed in a window, made before Qt matches that key to a shortcut."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWindow

KEY_EVENTS = frozenset({QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress})


class FirstKey(QObject):
    """Calls `pressed` once, at the first key pressed in `window` (the platform's window of a widget window), then
    stops watching; `stop()` stops it sooner.

    Qt offers every key to the window as a shortcut override before it matches the key against the shortcuts, so
    shortcuts made in `pressed` answer that very key.
    """

    def __init__(self, window: QWindow, pressed: Callable[[], None]) -> None:
        super().__init__(window)
        self.setObjectName("firstKey")
        self._window: QWindow | None = window
        self._pressed = pressed
        window.installEventFilter(self)
        window.destroyed.connect(self._on_window_destroyed)

    def _on_window_destroyed(self) -> None:
        self._window = None  # and this with it, its child

    def stop(self) -> None:
        if self._window is not None:
            self._window.removeEventFilter(self)
            self._window = None
            self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._window is not None and event.type() in KEY_EVENTS:
            self.stop()
            self._pressed()
        return False
