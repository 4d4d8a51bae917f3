"""`IntegrityCheck`: SQLite's integrity check of the notes database, begun early on a thread of its own.

With 10,000 notes the check takes a few tens of milliseconds, nearly all of it inside SQLite, which lets go of the GIL
while it works: begun as the window first shows the report, it runs on another core while the window builds itself,
and opening the store later takes its answer instead of checking on the UI thread. Even the modules the check needs
are imported on its thread, so beginning it costs the caller only the thread's start.
"""

from __future__ import annotations

import threading
from pathlib import Path


class IntegrityCheck:
    """The check of the notes database in the folder `data` (what `schema.damage` says of it), running from the
    moment this is made; `result()` waits for it."""

    def __init__(self, data: Path) -> None:
        self._data = data
        self._answer: tuple[Path, str | None] | None = None
        self._failure: Exception | None = None
        self._thread = threading.Thread(target=self._check, name="notes-integrity-check", daemon=True)
        self._thread.start()

    def _check(self) -> None:
        try:
            from reader.notes.schema import BACKUP_FOLDER, DB_NAME, damage

            path = self._data / DB_NAME
            self._answer = path, damage(path, self._data / BACKUP_FOLDER)
        except Exception as exc:  # handed to the caller by `result`
            self._failure = exc

    def result(self) -> tuple[Path, str | None]:
        """The database checked, and why it cannot be trusted, or None when it is healthy or absent (raises what the
        check raised)."""
        self._thread.join()
        if self._failure is not None:
            raise self._failure
        assert self._answer is not None  # set by `_check` whenever it did not fail
        return self._answer
