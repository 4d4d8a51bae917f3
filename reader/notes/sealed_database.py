"""The notes while the lock is on: a database in memory, saved sealed to `notes.sealed` after every write.

No page of it ever reaches the disk unsealed: there is no WAL, no journal and no temporary file. Every write
transaction runs under a lock file shared with other processes (a command run beside the window), and starts by
reloading the sealed file when another process saved it since, so neither overwrites the other's notes. In a
folder that cannot be written to, the notes are only read into memory, with no lock file: they can be listed,
searched and exported, and every write is refused in the words the plain notes use.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

from reader.message import QT_TRANSLATE_NOOP, message, sentence_of
from reader.notes.copies import SealedCopies, configure, memory_connection
from reader.notes.note import NotesError
from reader.notes.schema import (
    BACKUP_FOLDER,
    OpenedDatabase,
    backup_files,
    folder_is_writable,
    is_healthy,
    migrate,
    take_daily_backup,
)
from reader.sealing import SealError, SealKey

SEALED_NAME = "notes.sealed"
LOCK_NAME = "notes.sealed.lock"
LOCK_TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True, slots=True)
class ReadAhead:
    """The sealed notes file read, unsealed and checked ahead of an opening, on a worker thread (`read_ahead`): the
    opening takes `image` instead of doing that work itself while the file is still the one read (`stamp`)."""

    key: SealKey
    stamp: tuple[int, int, int]
    image: bytes


def read_ahead(folder: Path, key: SealKey) -> ReadAhead | None:
    """The sealed notes of `folder` read, unsealed and checked now; None when there is no such file or it cannot be
    read or is damaged (the opening then reads it itself, and recovers from a backup)."""
    path = Path(folder) / SEALED_NAME
    try:
        stamp = _stamp(path)
        image = SealedCopies(key).read_image(path)
        connection = memory_connection()
        try:
            connection.deserialize(image)
            _check(connection)
        finally:
            connection.close()
        if _stamp(path) != stamp:  # saved again while it was read
            return None
    except (OSError, sqlite3.Error):  # unreadable or damaged
        return None
    return ReadAhead(key, stamp, image)


def open_sealed_database(
    folder: Path, key: SealKey, today: dt.date | None = None, ahead: ReadAhead | None = None
) -> OpenedDatabase:
    """Open (creating if needed) the sealed notes in `folder`, recovering a damaged file from the newest backup;
    with what `read_ahead` read, while the file is unchanged since."""
    folder = Path(folder)
    if not folder_is_writable(folder):
        return _open_read_only(folder, key)
    sealed = SealedFile(folder, key)
    message = sealed.load(ahead if ahead is not None and ahead.key is key else None)
    with sealed.saving():
        migrate(sealed.connection, sealed.path, sealed.backups, sealed.copies)
    take_daily_backup(sealed.connection, sealed.backups, today or dt.date.today(), sealed.copies)
    return SealedDatabase(sealed.connection, message, sealed.copies, sealed.saving, sealed.catch_up)


@dataclass(frozen=True, slots=True)
class SealedDatabase(OpenedDatabase):
    """Sealed notes open for writing; `catch_up()` reads the file again when another process saved it since."""

    catch_up: Callable[[], bool] = lambda: False


def _open_read_only(folder: Path, key: SealKey) -> OpenedDatabase:
    """The sealed notes of a folder that cannot be written to, in memory only: they can be read and exported."""
    sealed = SealedFile(folder, key)
    copies = _UnwrittenCopies(key)
    try:
        if sealed.path.exists():
            sealed.read()
        migrate(sealed.connection, sealed.path, sealed.backups, copies)
    except (OSError, sqlite3.Error) as exc:
        sealed.connection.close()
        raise _cannot_read(sealed.path, exc) from exc
    except NotesError:
        sealed.connection.close()
        raise
    return OpenedDatabase(sealed.connection, None, copies, _refusing_to_save(folder))


class _UnwrittenCopies(SealedCopies):
    """No copy is taken of sealed notes opened from a read-only folder (before a migration made in memory)."""

    def write(self, connection: sqlite3.Connection, target: Path) -> None:
        return None


class SealedFile:
    """One sealed notes file and the in-memory database it holds."""

    def __init__(self, folder: Path, key: SealKey) -> None:
        from filelock import FileLock

        self.path = folder / SEALED_NAME
        self.backups = folder / BACKUP_FOLDER
        self.copies = SealedCopies(key)
        self.connection = memory_connection()
        self.is_new = False
        self._image = b""  # what the file holds now, to put back if a save fails
        self._seen: tuple[int, int, int] | None = None
        self._folder = folder
        self._lock = FileLock(folder / LOCK_NAME, timeout=LOCK_TIMEOUT_SECONDS)

    def load(self, ahead: ReadAhead | None = None) -> str | None:
        """Read the file into memory (or take what `ahead` read of it); a message when it was damaged and a backup
        was used instead."""
        if not self.path.exists():
            self.is_new = True
            return None
        try:
            self.read(ahead)
            return None
        except (OSError, sqlite3.Error) as exc:
            return self._recover(_problem(exc, self.path.name))

    @contextmanager
    def saving(self) -> Iterator[None]:
        """Hold the write lock, catch up with other processes' saves, run the write, then save the sealed file.

        If the save fails (a full disk, a read-only folder), memory goes back to what the file holds, so what
        the user sees is what is kept.
        """
        from filelock import Timeout

        try:
            self._lock.acquire()
        except Timeout as exc:
            raise NotesError(
                message(
                    QT_TRANSLATE_NOOP(
                        "core", "Cannot save notes: {reason}; close other copies of the app and try again."
                    ),
                    reason=str(exc),
                )
            ) from exc
        except OSError as exc:
            if exc.errno in _FOLDER_READ_ONLY:  # the folder became read-only since the notes were opened
                raise _cannot_write(self._folder) from exc
            raise NotesError(
                message(
                    QT_TRANSLATE_NOOP("core", "Cannot save notes: {reason}; nothing was changed."),
                    reason=exc.strerror or str(exc),
                )
            ) from exc
        try:
            if self._changed_on_disk():
                self.read()
            yield
            image = bytes(self.connection.serialize())
            if image != self._image:
                try:
                    self.copies.write_image(image, self.path)
                except NotesError:
                    self._put_back()
                    raise
                self._image = image
                self._seen = _stamp(self.path)
        finally:
            self._lock.release()

    def catch_up(self) -> bool:
        """Read the file again if another process (a command run beside the window) saved it since; whether it did.

        One look at the file's size and time when nothing changed. It never waits for the lock: while another
        process holds it (it is saving), this says False and the next call looks again.
        """
        from filelock import Timeout

        if not self._changed_on_disk():
            return False
        try:
            self._lock.acquire(timeout=0)
        except (Timeout, OSError):
            return False
        try:
            if not self._changed_on_disk():
                return False
            self.read()
        except (OSError, sqlite3.Error) as exc:
            self._put_back()  # memory keeps the notes as they were read last
            raise _cannot_read(self.path, exc) from exc
        finally:
            self._lock.release()
        return True

    def read(self, ahead: ReadAhead | None = None) -> None:
        """Read the file into memory; OSError or sqlite3.DatabaseError when it cannot be read or is damaged.

        What `ahead` read is taken instead while the file is the one it read (already unsealed and checked)."""
        seen = _stamp(self.path)
        if ahead is not None and ahead.stamp == seen:
            image, checked = ahead.image, True
        else:
            image, checked = self.copies.read_image(self.path), False
        self.connection.deserialize(image)
        configure(self.connection)
        if not checked:
            _check(self.connection)
            seen = _stamp(self.path)
        self._image = image
        self._seen = seen

    def _put_back(self) -> None:
        """Make memory hold what the file holds again (nothing, for a file not yet written)."""
        if self._image:
            self.connection.deserialize(self._image)
        else:
            empty = memory_connection()
            empty.backup(self.connection)
            empty.close()
        configure(self.connection)

    def _changed_on_disk(self) -> bool:
        try:
            return _stamp(self.path) != self._seen
        except FileNotFoundError:
            return False

    def _recover(self, problem: str) -> str:
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        try:
            os.replace(self.path, aside)
        except OSError as exc:
            raise NotesError(
                message(
                    QT_TRANSLATE_NOOP(
                        "core", "The notes file {path} is damaged ({problem}) and could not be moved aside: {reason}."
                    ),
                    path=self.path,
                    problem=problem,
                    reason=exc.strerror,
                )
            ) from exc
        for backup in backup_files(self.backups, self.copies):
            if is_healthy(backup, self.copies):
                self.connection.deserialize(self.copies.read_image(backup))
                configure(self.connection)
                self.copies.write(self.connection, self.path)
                self._image = bytes(self.connection.serialize())
                self._seen = _stamp(self.path)
                taken = dt.datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
                return message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Your notes file was damaged ({problem}); it was kept as {name} and your notes were "
                        "restored from the backup of {taken}, so changes made after that time may be missing.",
                    ),
                    problem=problem,
                    name=aside.name,
                    taken=taken,
                )
        self.is_new = True
        self._image = b""
        self._put_back()
        return message(
            QT_TRANSLATE_NOOP(
                "core",
                "Your notes file was damaged ({problem}) and there was no good backup; the damaged file was kept as "
                "{name} and new, empty notes were started.",
            ),
            problem=problem,
            name=aside.name,
        )


_FOLDER_READ_ONLY = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


def _refusing_to_save(folder: Path) -> Callable[[], AbstractContextManager[object]]:
    """What wraps every write to notes read from a read-only folder: a refusal, in the plain notes' words."""

    @contextmanager
    def refuse() -> Iterator[None]:
        raise _cannot_write(folder)
        yield

    return refuse


def _cannot_write(folder: Path) -> NotesError:
    return NotesError(
        message(
            QT_TRANSLATE_NOOP(
                "core",
                "Cannot save notes: the data folder {folder} cannot be written to; they can be read and exported only.",
            ),
            folder=folder,
        )
    )


def _cannot_read(path: Path, exc: Exception) -> NotesError:
    """The one line for a sealed notes file that cannot be read or is damaged."""
    return NotesError(
        message(
            QT_TRANSLATE_NOOP("core", "Cannot read the notes database {path}: {reason}."),
            path=path,
            reason=_problem(exc, path.name),
        )
    )


def _problem(error: OSError | sqlite3.Error, name: str) -> str:
    """What is wrong with the notes file `name`, which could not be read, to complete a sentence about it."""
    cause = error.__cause__
    if isinstance(cause, SealError) and isinstance(error, sqlite3.Error):
        # A seal's failure is a clause to follow the file's name ("is damaged, or…"), translated with it.
        return message(QT_TRANSLATE_NOOP("core", "{name} {reason}"), name=name, reason=sentence_of(cause))
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


def _check(connection: sqlite3.Connection) -> None:
    """SQLite's integrity check of the notes in memory; sqlite3.DatabaseError saying what is wrong when it fails."""
    rows = connection.execute("PRAGMA integrity_check").fetchall()
    if rows != [("ok",)]:
        raise sqlite3.DatabaseError("; ".join(str(row[0]) for row in rows[:3]))


def _stamp(path: Path) -> tuple[int, int, int]:
    status = path.stat()
    return (status.st_ino, status.st_size, status.st_mtime_ns)
