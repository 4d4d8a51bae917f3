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
        for descriptor in (reading, writing):  # a number the system gave out again is no ended pipe any more
            _ENDED_PIPES.pop(descriptor, None)
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
            # Watchers may end in any order (the tests open many windows): what this one found is put back where
            # its own still stands, and a later one that found this one's puts back what this one had found.
            _ENDED_HANDLERS[on_signal] = defaults
            _ENDED_PIPES[writing] = previous
            for number, handler in defaults.items():
                if signal.getsignal(number) is on_signal:
                    signal.signal(number, _still_standing(handler, number))
            current = signal.set_wakeup_fd(-1)
            signal.set_wakeup_fd(_still_open(previous) if current == writing else current)
            os.close(reading)
            os.close(writing)

        for number in CLOSING_SIGNALS:
            signal.signal(number, on_signal)
        notifier = QSocketNotifier(reading, QSocketNotifier.Type.Read, self)
        notifier.activated.connect(drain)
        self.destroyed.connect(stop)  # plain functions: they outlive this object's Qt side


_ENDED_HANDLERS: dict[object, dict[int, object]] = {}  # an ended watcher's handler: the handlers it had found
_ENDED_PIPES: dict[int, int] = {}  # an ended watcher's pipe: the wake-up descriptor it had found


def _still_standing(handler: object, number: int) -> object:
    """`handler`, or, when it belongs to a watcher that has ended, what that watcher had found (and so on)."""
    while handler in _ENDED_HANDLERS:
        handler = _ENDED_HANDLERS[handler][number]  # type: ignore[index]
    return handler


def _still_open(descriptor: int) -> int:
    """`descriptor`, or, when it is an ended watcher's pipe, the one that watcher had found (and so on)."""
    while descriptor in _ENDED_PIPES:
        descriptor = _ENDED_PIPES[descriptor]
    return descriptor
