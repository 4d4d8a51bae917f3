"""`BackupPurger`: deleted notes removed from the backups on a worker thread, one purge after another."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal

from reader.errors import ReaderError
from reader.notes.purge import Purge
from reader.ui.error_text import error_text
from reader.ui.tasks import Task


class BackupPurger(QObject):
    """Carries out the store's purges off the UI thread, in the order they were made; emits `failed(message)`.

    A purge reads each backup into memory, deletes the notes, vacuums and writes the copy back: tens of
    milliseconds a backup, spent almost all inside SQLite, which lets go of the GIL, so the window keeps answering.
    The store waits for the purges (`wait`) before it takes a backup or closes.
    """

    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one after another: two purges never rewrite the same backup at once
        self._tasks: list[Task] = []

    @property
    def is_busy(self) -> bool:
        return self._pool.activeThreadCount() > 0

    def purge(self, purge: Purge) -> None:
        # Finished tasks are let go only once the worker thread has left them all (a task still emitting its
        # signals on the worker must not be deleted under it).
        if self._pool.waitForDone(0):
            self._tasks = []
        task = Task(purge.run)  # no parent: the application holds it while it runs
        task.failed.connect(self._on_task_failed)
        self._tasks.append(task)
        task.start(self._pool)

    def wait(self) -> None:
        """Return once every purge handed over has been carried out."""
        self._pool.waitForDone()

    def _on_task_failed(self, error: ReaderError) -> None:
        self.failed.emit(error_text(error))
