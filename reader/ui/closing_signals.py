"""The window closes as if its Close were chosen when the session ends it: SIGTERM (a logout, a shutdown, `kill`),
SIGHUP (its terminal closed) and SIGINT (Ctrl+C in that terminal, which would otherwise raise KeyboardInterrupt in
whatever Python code runs next). Closing saves the note being typed, the reader's place and the layout, and lets go
of the data folder (its lock file, SQLite's log), where the default action would stop the process at once.

Python runs a signal's handler only when the interpreter next runs, and a Qt event loop with nothing to do never
runs it: the signal also writes a byte to a socket (`signal.set_wakeup_fd`), which Qt watches and which wakes it.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

CLOSING_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


class ClosingSignals(QObject):
    """Calls `close` (once, on the event loop) when one of `CLOSING_SIGNALS` arrives, for as long as this object
    lives (a child of the window: the handling before it comes back with the window's end)."""

    def __init__(self, close: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closingSignals")
        reading, writing = socket.socketpair()
        reading.setblocking(False)
        writing.setblocking(False)
        previous = signal.set_wakeup_fd(writing.fileno())
        closing = [False]
        defaults = {number: signal.getsignal(number) for number in CLOSING_SIGNALS}

        def on_signal(number: int, frame: object) -> None:
            if not closing[0]:
                closing[0] = True
                QTimer.singleShot(0, close)

        def drain() -> None:
            # The bytes only wake the loop: Python has run the handler by the time this runs.
            try:
                while reading.recv(64):
                    pass
            except OSError:  # nothing more to read (BlockingIOError is one)
                pass

        def stop() -> None:
            for number, handler in defaults.items():
                signal.signal(number, handler)
            signal.set_wakeup_fd(previous)
            reading.close()
            writing.close()

        for number in CLOSING_SIGNALS:
            signal.signal(number, on_signal)
        notifier = QSocketNotifier(reading.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(drain)
        self.destroyed.connect(stop)  # plain functions: they outlive this object's Qt side
