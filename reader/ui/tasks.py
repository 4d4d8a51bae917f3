"""Running a long core function off the UI thread and handing back its progress, result or `ReaderError`."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from reader.errors import ReaderError


class Task(QObject):
    """One background call. Signals arrive on the thread that created the task (the UI thread).

    The function receives a `progress(done, total)` callable as its last argument; it must not touch widgets.
    Give a task no parent when its owner may be deleted before it finishes; keep a reference to it instead.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the ReaderError
    finished = Signal()  # after either of the two above
    stopped = Signal()  # last of all, however the call ended: after `finished`, or after a bug was handed on
    _crashed = Signal(object)

    def __init__(self, function: Callable[..., Any], *args: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._function = function
        self._args = args
        self._running = False
        self._runner: _Runner | None = None
        self._adopted = False
        self._crashed.connect(self._on_crashed)
        self.finished.connect(self._release)
        self.finished.connect(self.stopped)

    @property
    def is_running(self) -> bool:
        return self._running

    def start(self, pool: QThreadPool | None = None) -> None:
        self._running = True
        self._runner = _Runner(self)
        if self.parent() is None:
            # The application holds a parentless task (and so its runner) while it runs: if the owner goes away
            # meanwhile, Python must not collect the objects a worker thread is still using.
            self.setParent(QCoreApplication.instance())
            self._adopted = True
        (pool or QThreadPool.globalInstance()).start(self._runner)

    def _run(self) -> None:
        # Runs on the worker thread: emitting queued signals is the only contact with the UI.
        try:
            result = self._function(*self._args, self._report_progress)
        except ReaderError as error:
            self._running = False
            self._emit(self.failed, error)
        except Exception as bug:
            # A bug, not a condition to handle: hand it to the UI thread's sys.excepthook, which logs it.
            self._running = False
            self._emit(self._crashed, bug)
            return
        else:
            self._running = False
            self._emit(self.succeeded, result)
        self._emit(self.finished)

    def _report_progress(self, done: int, total: int) -> None:
        self._emit(self.progressed, done, total)

    @staticmethod
    def _emit(signal, *values) -> None:
        # WORKAROUND: when the app quits while a task runs, Qt may already have deleted the task object and
        # emitting raises RuntimeError; nobody is left to tell, and the result (an index, a parsed file that
        # was never written anywhere) can be dropped.
        with contextlib.suppress(RuntimeError):
            signal.emit(*values)

    def _on_crashed(self, bug: Exception) -> None:
        self._release()
        try:
            sys.excepthook(type(bug), bug, bug.__traceback__)
        finally:
            self.stopped.emit()

    def _release(self) -> None:
        if self._adopted:
            self._adopted = False
            self.setParent(None)


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        # WORKAROUND: with auto-delete, Qt frees the runnable while Python still owns it (a crash at exit).
        self.setAutoDelete(False)
        self._task = task

    def run(self) -> None:
        self._task._run()
