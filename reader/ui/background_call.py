"""`in_background`: one call of the core made off the UI thread (a passphrase checked, a lock's file rewritten), with
a busy cursor while it runs and its outcome told as one line, or None, once it has ended."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from reader.errors import ReaderError
from reader.ui.error_text import error_text

Answer = Callable[[str | None], None]
"""Told when a call has ended: None when it did what it was asked, else the line saying why not."""
Outcome = Callable[[ReaderError | None], str | None]
"""Turns how a call ended (None: it returned; else the error it raised) into what `Answer` is told; runs on the UI
thread, so it may act on the outcome (open the notes, update the window)."""


def in_background(owner: QObject, work: Callable[[], None], answer: Answer, crash_line: str, outcome: Outcome) -> None:
    """Run `work` on a worker thread; then tell `answer` what `outcome` makes of how it ended (`crash_line` after a
    bug, which the application logs and tells on its own). The window shows a busy cursor meanwhile, and keeps
    answering. Nothing is told if `owner` is gone by then."""
    _Pending(owner, work, answer, crash_line, outcome)


class _Pending(QObject):
    def __init__(self, owner: QObject, work: Callable[[], None], answer: Answer, crash_line: str, outcome: Outcome):
        from reader.ui.tasks import Task  # here: the window's start needs no worker threads of its own

        super().__init__(owner)
        self._answer = answer
        self._problem: str | None = crash_line
        self._outcome = outcome
        self._task = Task(_call, work)  # no parent: the application holds it while it runs
        # Slots of this object: if the owner (and with it this) is gone when the call ends, nothing is told.
        self._task.succeeded.connect(self._on_succeeded)
        self._task.failed.connect(self._on_failed)
        self._task.stopped.connect(self._on_stopped)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)  # the window answers meanwhile: busy, not waiting
        self._task.start()

    def _on_succeeded(self, _result: object) -> None:
        self._problem = self._outcome(None)

    def _on_failed(self, error: ReaderError) -> None:
        self._problem = self._outcome(error)

    def _on_stopped(self) -> None:
        QApplication.restoreOverrideCursor()
        self.deleteLater()
        self._answer(self._problem)


def _call(work: Callable[[], None], _progress: Callable[[int, int], None]) -> None:
    work()


def plain_outcome(error: ReaderError | None) -> str | None:
    """None when the call returned, else its error's line."""
    return None if error is None else error_text(error)
