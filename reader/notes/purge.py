"""Removing deleted notes from every copy: the backups and the copies taken before a migration.

A deleted note stays deleted only if no backup still holds its text. Each copy that holds one of the notes is read
into memory, the notes are deleted with SQLite's secure delete, the database is vacuumed, and the copy is written
back atomically. A copy that can no longer be read is of no use for recovery, so it is removed rather than left.
What the copy kept about a deleted note elsewhere (where near searches placed it, `near_places`) goes with it: those
rows reference the note, and every copy is read into a connection that keeps foreign keys (`copies.configure`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from reader.message import QT_TRANSLATE_NOOP, message
from reader.notes.copies import Copies
from reader.notes.note import NotesError


@dataclass(frozen=True, slots=True)
class Purge:
    """Notes deleted from the database (and the removed `layer`, if any), to be removed from its write-ahead log
    (`database`, None for notes kept in memory) and from every copy in `backups`. It uses its own connections and
    files only: safe off the UI thread."""

    database: Path | None
    backups: Path
    note_ids: tuple[str, ...]
    copies: Copies
    layer: str | None = None

    def run(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Carry it out: the log emptied into the database, then `purge_copies`; how many copies changed."""
        if self.database is not None:
            empty_log(self.database)
        return purge_copies(self.backups, self.note_ids, self.copies, self.layer)


def empty_log(database: Path) -> None:
    """Copy the write-ahead log into the database and empty it, so no old page of a deleted note stays in it."""
    try:
        connection = sqlite3.connect(database)
    except sqlite3.Error:
        return
    try:  # another process is reading: the log is emptied at its next checkpoint
        with suppress(sqlite3.Error):
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


class Purger(Protocol):
    """Carries out each `Purge` a deletion hands it, in order; `wait()` returns once all are done."""

    def purge(self, purge: Purge) -> None: ...

    def wait(self) -> None: ...


class PurgeAtOnce:
    """Carries out each purge before the deletion returns (the command line, and any store not told otherwise)."""

    def purge(self, purge: Purge) -> None:
        purge.run()

    def wait(self) -> None:
        return None


def purge_copies(backups: Path, note_ids: Sequence[str], copies: Copies, layer: str | None = None) -> int:
    """Delete these notes (and the removed `layer`, if given) from every copy in `backups`; how many changed."""
    if not backups.is_dir() or not (note_ids or layer):
        return 0
    changed = 0
    for path in sorted(backups.glob(f"notes-*{copies.suffix}")):
        try:
            connection = copies.read(path)
        except (OSError, sqlite3.Error):
            _remove(path)
            continue
        try:
            if _delete(connection, note_ids, layer):
                connection.execute("VACUUM")
                copies.write(connection, path)
                changed += 1
        except sqlite3.Error as exc:
            raise NotesError(
                message(
                    QT_TRANSLATE_NOOP("core", "Cannot remove deleted notes from the backup {name}: {reason}."),
                    name=path.name,
                    reason=str(exc),
                )
            ) from exc
        finally:
            connection.close()
    return changed


def _delete(connection: sqlite3.Connection, note_ids: Sequence[str], layer: str | None) -> int:
    removed = 0
    for start in range(0, len(note_ids), 500):
        chunk = list(note_ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        removed += connection.execute(f"DELETE FROM notes WHERE id IN ({marks})", chunk).rowcount
    if layer is not None:
        removed += connection.execute("DELETE FROM layers WHERE name = ?", (layer,)).rowcount
    return removed


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot remove the unreadable backup {path}: {reason}."),
                path=path,
                reason=exc.strerror,
            )
        ) from exc
