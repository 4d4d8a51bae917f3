"""The window closes as if its Close were chosen when the session ends it: SIGTERM (a logout, a shutdown, `kill`),
SIGHUP (its terminal closed) and SIGINT (Ctrl+C in that terminal, which would otherwise raise KeyboardInterrupt in
whatever Python code runs next). Closing saves the note being typed, the reader's place and the layout, and lets go
of the data folder (its lock file, SQLite's log), where the default action would stop the process at once.

Python runs a signal's handler only when the interpreter next runs, and a Qt event loop with nothing to do never
runs it: the signal also writes a byte to a pipe (`signal.set_wakeup_fd`), which Qt watches and which wakes it. A
pipe, not a socket pair: importing `socket` would load `selectors` and more for nothing. Windows has neither these
signals nor such pipes, and there nothing is watched.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

CLOSING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if os.name == "posix" and hasattr(signal, name)
)


class ClosingSignals(QObject):
    """Calls `close` (once, on the event loop) when one of `CLOSING_SIGNALS` arrives, for as long as this object
    lives (a child of the window: the handling before it comes back with the window's end)."""

    def __init__(self, close: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closingSignals")
        if not CLOSING_SIGNALS:
            return
        reading, writing = os.pipe()
        os.set_blocking(reading, False)
        os.set_blocking(writing, False)
        previous = signal.set_wakeup_fd(writing)
        closing = [False]
        defaults = {number: signal.getsignal(number) for number in CLOSING_SIGNALS}

        def on_signal(number: int, frame: object) -> None:
            if not closing[0]:
                closing[0] = True
                QTimer.singleShot(0, close)

        def drain() -> None:
            # The bytes only wake the loop: Python has run the handler by the time this runs.
            try:
                while os.read(reading, 64):
                    pass
            except OSError:  # nothing more to read (BlockingIOError is one)
                pass

        def stop() -> None:
            for number, handler in defaults.items():
                signal.signal(number, handler)
            signal.set_wakeup_fd(previous)
            os.close(reading)
            os.close(writing)

        for number in CLOSING_SIGNALS:
            signal.signal(number, on_signal)
        notifier = QSocketNotifier(reading, QSocketNotifier.Type.Read, self)
        notifier.activated.connect(drain)
        self.destroyed.connect(stop)  # plain functions: they outlive this object's Qt side
