"""`IntegrityCheck`: SQLite's integrity check of the notes database, begun early on a thread of its own.

With 10,000 notes the check takes a few tens of milliseconds, nearly all of it inside SQLite, which lets go of the GIL
while it works: begun as the window first shows the report, it runs on another core while the window builds itself,
and opening the store later takes its answer instead of checking on the UI thread. Even the modules the check needs
are imported on its thread, so beginning it costs the caller only the thread's start.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.notes.schema import FileState


class IntegrityCheck:
    """The check of the notes database in the folder `data` (what `schema.damage` says of it), running from the
    moment this is made; `result()` waits for it.

    The answer holds for the files as they were checked: `result()` also gives their state then, for the caller to
    take the answer only while they are unchanged (None when the database changed while it was checked).
    """

    def __init__(self, data: Path) -> None:
        self._data = data
        self._answer: tuple[Path, FileState | None, str | None] | None = None
        self._failure: Exception | None = None
        self._thread = threading.Thread(target=self._check, name="notes-integrity-check", daemon=True)
        self._thread.start()

    def _check(self) -> None:
        try:
            from reader.notes.schema import BACKUP_FOLDER, DB_NAME, damage, file_state

            path = self._data / DB_NAME
            before = file_state(path)[0]
            problem = damage(path, self._data / BACKUP_FOLDER)
            state = file_state(path)  # the log may only now exist: SQLite makes one as it opens a database
            self._answer = path, state if state[0] == before else None, problem
        except Exception as exc:  # handed to the caller by `result`
            self._failure = exc

    def wait(self) -> None:
        """Wait until the check is over (its answer or failure is then kept for `result`)."""
        self._thread.join()

    def result(self) -> tuple[Path, FileState | None, str | None]:
        """The database checked, the state of its files when it was checked (None: it changed meanwhile), and why
        it cannot be trusted, or None when it is healthy or absent (raises what the check raised)."""
        self._thread.join()
        if self._failure is not None:
            raise self._failure
        assert self._answer is not None  # set by `_check` whenever it did not fail
        return self._answer
