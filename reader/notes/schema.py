"""Opening the notes database safely: integrity check, recovery from backups, migrations and daily backups."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.message import QT_TRANSLATE_NOOP, message
from reader.notes.copies import Copies, PlainCopies, configure, memory_connection
from reader.notes.note import BUNDLED_REPORT_ID, NotesError

if TYPE_CHECKING:
    from reader.notes.integrity_check import IntegrityCheck

DB_NAME = "notes.sqlite3"
BACKUP_FOLDER = "backups"
DAILY_BACKUPS_KEPT = 7
MIGRATION_BACKUPS_KEPT = 3
BUSY_TIMEOUT_SECONDS = 10.0
STALE_TEMPORARY_SECONDS = 3600

# MIGRATIONS[n] takes the schema from version n to version n + 1; each step is a tuple of statements run in one
# transaction. Never edit a released step: add a new one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE layers (
            name TEXT PRIMARY KEY,
            read_only INTEGER NOT NULL DEFAULT 1,
            visible INTEGER NOT NULL DEFAULT 1,
            source TEXT,
            created TEXT NOT NULL
        )""",
        """CREATE TABLE notes (
            id TEXT PRIMARY KEY,
            layer TEXT NOT NULL REFERENCES layers(name) ON DELETE CASCADE,
            section_id TEXT NOT NULL,
            paragraph_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL,
            style TEXT NOT NULL,
            body TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            author TEXT
        )""",
        "INSERT INTO layers (name, read_only, visible, source, created) VALUES ('mine', 0, 1, NULL, datetime('now'))",
    ),
    (
        "ALTER TABLE notes ADD COLUMN import_key TEXT",
        "CREATE UNIQUE INDEX notes_import_key ON notes (layer, import_key) WHERE import_key IS NOT NULL",
        "CREATE INDEX notes_section ON notes (section_id)",
        "CREATE INDEX notes_layer ON notes (layer)",
    ),
    (
        # Notes belong to the report they were made on; those written before were all made on the bundled one.
        f"ALTER TABLE notes ADD COLUMN report TEXT NOT NULL DEFAULT '{BUNDLED_REPORT_ID}'",
        "DROP INDEX notes_import_key",
        "CREATE UNIQUE INDEX notes_import_key ON notes (report, layer, import_key) WHERE import_key IS NOT NULL",
        "CREATE INDEX notes_report ON notes (report)",
    ),
    (
        # Where a near search placed each note in one edition of the report (`near_places.py`), so that a later pass
        # over the same edition takes it without searching again. `anchor` and `found` are digests of the note's
        # anchor and of the text found (start NULL: orphaned); a deleted note's row goes with it.
        """CREATE TABLE near_places (
            note_id TEXT PRIMARY KEY REFERENCES notes(id) ON DELETE CASCADE,
            edition TEXT NOT NULL,
            anchor TEXT NOT NULL,
            section_id TEXT,
            start INTEGER,
            "end" INTEGER,
            method TEXT,
            found TEXT
        )""",
    ),
    (
        # A count of every change to a note or a layer, kept by the database itself (whichever program writes), so
        # that a window can tell another program's save from another connection only emptying the write-ahead log
        # (SQLite's data_version changes for both) with one row read (`NoteStore.changed_elsewhere`).
        "CREATE TABLE changes (id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL)",
        "INSERT INTO changes (id, count) VALUES (1, 0)",
        *(
            f"CREATE TRIGGER {table}_{event.lower()}_counted AFTER {event} ON {table} "
            "BEGIN UPDATE changes SET count = count + 1 WHERE id = 1; END"
            for table in ("notes", "layers")
            for event in ("INSERT", "UPDATE", "DELETE")
        ),
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

PLAIN = PlainCopies()
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB (primary result codes)


@dataclass(frozen=True, slots=True)
class OpenedDatabase:
    """A healthy, migrated connection and, when the file had to be recovered, a message for the user.

    `copies` writes the backups; `saving()` wraps every write transaction (a sealed store saves its file there).
    """

    connection: sqlite3.Connection
    recovery_message: str | None
    copies: Copies = PLAIN
    saving: Callable[[], AbstractContextManager[object]] = nullcontext


def open_database(path: Path, today: dt.date | None = None, check: IntegrityCheck | None = None) -> OpenedDatabase:
    """Open (creating if needed) the notes database at `path`, recovering a damaged file from the newest backup.

    The file's integrity is checked here, or taken from `check` (an `IntegrityCheck` of this path begun earlier).
    """
    today = today or dt.date.today()
    if not folder_is_writable(path.parent):
        return _open_read_only(path)
    backups = path.parent / BACKUP_FOLDER
    recovered = None
    problem = _checked(check, path, backups)
    if problem is not None:
        recovered = _recover(path, backups, problem)
    _remove_stale_temporary_files([path.parent, backups])
    connection = _connect(path)
    try:
        migrate(connection, path, backups)
        take_daily_backup(connection, backups, today)
    except BaseException:
        connection.close()
        raise
    return OpenedDatabase(connection, recovered)


def _checked(check: IntegrityCheck | None, path: Path, backups: Path) -> str | None:
    """`damage(path, backups)`, taken from `check` when that checked this very file as it is now (a check begun
    before another open of the store, or before another program wrote to it, is of other contents)."""
    if check is not None:
        checked, state, problem = check.result()
        if checked == path and state is not None and state == file_state(path):
            return problem
    return damage(path, backups)


FileState = tuple[tuple[int, int, int, int] | None, ...]
"""What `file_state` gives: for the database and its write-ahead log, device, inode, size and time of change."""


def file_state(path: Path) -> FileState:
    """The state of the database at `path` and of its write-ahead log, to tell whether either changed since."""
    states = []
    for file in (path, path.with_name(path.name + "-wal")):
        try:
            stat = file.stat()
        except OSError:
            states.append(None)
        else:
            states.append((stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns))
    return tuple(states)


def folder_is_writable(folder: Path) -> bool:
    """Whether files can be made in `folder`; a missing one is made first, and is not when writing is refused (a
    portable copy on read-only media, before its data folder exists)."""
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def _open_read_only(path: Path) -> OpenedDatabase:
    """The notes of a folder that cannot be written to, copied into memory: they can be listed and exported."""
    connection = memory_connection()
    if path.exists():
        try:
            source = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
            try:
                _refuse_newer(source, path)
                source.backup(connection)
            finally:
                source.close()
        except sqlite3.Error as exc:
            connection.close()
            raise NotesError(
                message(
                    QT_TRANSLATE_NOOP("core", "Cannot read the notes database {path}: {reason}."), path=path, reason=exc
                )
            ) from exc
    try:
        migrate(connection, path, path.parent / BACKUP_FOLDER, _NO_COPIES)
    except NotesError:
        connection.close()
        raise
    return OpenedDatabase(connection, None, _NO_COPIES, _refuse_to_save(path.parent))


class _NoCopies(PlainCopies):
    """Backups are not taken of notes opened from a read-only folder."""

    def write(self, connection: sqlite3.Connection, target: Path) -> None:
        return None


_NO_COPIES = _NoCopies()


def _refuse_to_save(folder: Path) -> Callable[[], AbstractContextManager[object]]:
    @contextmanager
    def refuse() -> Iterator[None]:
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Cannot save notes: the data folder {folder} cannot be written to; they can be read and exported "
                    "only.",
                ),
                folder=folder,
            )
        )
        yield

    return refuse


def _remove_stale_temporary_files(folders: list[Path]) -> None:
    """Delete copies left half-written by a process killed while backing up (older than an hour, so not in use)."""
    cutoff = time.time() - STALE_TEMPORARY_SECONDS
    for folder in folders:
        if not folder.is_dir():
            continue
        for leftover in folder.glob(".notes*.tmp"):
            try:
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
            except FileNotFoundError:
                pass  # another process removed it first
            except OSError as exc:
                raise NotesError(
                    message(
                        QT_TRANSLATE_NOOP("core", "Cannot remove the unfinished copy {leftover}: {reason}."),
                        leftover=leftover,
                        reason=exc.strerror,
                    )
                ) from exc


def is_damage(error: sqlite3.Error) -> bool:
    """True when SQLite reports a corrupt or foreign file (not a lock, a full disk or a permission problem)."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in _DAMAGE_CODES


def _connect(path: Path) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "Cannot open the notes database {path}: {reason}; check that the folder is writable."
                ),
                path=path,
                reason=str(exc),
            )
        ) from exc
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        _refuse_newer(connection, path)  # before switching to WAL, which would rewrite the file's header
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        configure(connection)
    except sqlite3.Error as exc:
        connection.close()
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "Cannot open the notes database {path}: {reason}; close other copies of the app."
                ),
                path=path,
                reason=str(exc),
            )
        ) from exc
    except NotesError:
        connection.close()
        raise
    return connection


def _refuse_newer(connection: sqlite3.Connection, path: Path) -> None:
    version = _user_version(connection)
    if version > SCHEMA_VERSION:
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The notes database {path} was written by a newer version of Field Reader (schema {version}); "
                    "update the app to open it.",
                ),
                path=path,
                version=version,
            )
        )


def damage(path: Path, backups: Path) -> str | None:
    """Why the file at `path` cannot be trusted, or None when it is healthy or absent."""
    if not path.exists():
        return None
    wal = path.with_name(path.name + "-wal")
    if path.stat().st_size == 0 and not wal.exists() and backup_files(backups):
        return "the file was empty"
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    except sqlite3.Error as exc:
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "Cannot open the notes database {path}: {reason}; check that the folder is readable."
                ),
                path=path,
                reason=str(exc),
            )
        ) from exc
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error as exc:
        if is_damage(exc):
            return str(exc)
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "Cannot check the notes database {path}: {reason}; close other copies of the app."
                ),
                path=path,
                reason=str(exc),
            )
        ) from exc
    finally:
        connection.close()
    if rows != [("ok",)]:
        return "; ".join(str(row[0]) for row in rows[:3])
    return None


def _recover(path: Path, backups: Path, problem: str) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        for suffix in ("", "-wal", "-shm"):
            source = path.with_name(path.name + suffix)
            if source.exists():
                os.replace(source, aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The notes database {path} is damaged ({problem}) and could not be moved aside: {reason}; copy "
                    "it somewhere safe and restart.",
                ),
                path=path,
                problem=problem,
                reason=exc.strerror,
            )
        ) from exc
    for backup in backup_files(backups):
        if is_healthy(backup):
            _copy_database(backup, path)
            taken = dt.datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
            return message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Your notes database was damaged ({problem}); it was kept as {name} and your notes were "
                    "restored from the backup of {taken}, so changes made after that time may be missing.",
                ),
                problem=problem,
                name=aside.name,
                taken=taken,
            )
    return message(
        QT_TRANSLATE_NOOP(
            "core",
            "Your notes database was damaged ({problem}) and there was no good backup; the damaged file was kept as "
            "{name} and a new, empty notes database was started.",
        ),
        problem=problem,
        name=aside.name,
    )


def backup_files(backups: Path, copies: Copies = PLAIN) -> list[Path]:
    """Every backup, newest first."""
    if not backups.is_dir():
        return []
    files = [file for file in backups.glob(f"notes-*{copies.suffix}") if file.is_file()]
    return sorted(files, key=lambda file: (file.stat().st_mtime, file.name), reverse=True)


def is_healthy(path: Path, copies: Copies = PLAIN) -> bool:
    """True when the copy in `path` opens, passes SQLite's integrity check and has a schema this app knows."""
    try:
        connection = copies.read(path)
    except (OSError, sqlite3.Error):
        return False
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return rows == [("ok",)] and 0 < version <= SCHEMA_VERSION


def _copy_database(source: Path, target: Path) -> None:
    source_connection = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    try:
        PLAIN.write(source_connection, target)
    finally:
        source_connection.close()


def migrate(connection: sqlite3.Connection, path: Path, backups: Path, copies: Copies = PLAIN) -> bool:
    """Bring the schema up to date (copying the database aside first); True when anything changed."""
    _refuse_newer(connection, path)
    version = _user_version(connection)
    if version == SCHEMA_VERSION:
        return False
    if version > 0:
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        copies.write(connection, backups / f"notes-before-v{SCHEMA_VERSION}-{stamp}{copies.suffix}")
        _prune(backups, f"notes-before-v*{copies.suffix}", MIGRATION_BACKUPS_KEPT)
    try:
        connection.execute("BEGIN IMMEDIATE")
        # Another process may have migrated while we waited for the write lock.
        version = _user_version(connection)
        for step in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[step]:
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except sqlite3.Error as exc:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "Cannot update the notes database {path} to schema {schema_version}: {reason}."
                ),
                path=path,
                schema_version=SCHEMA_VERSION,
                reason=str(exc),
            )
        ) from exc
    return True


def _user_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def take_daily_backup(
    connection: sqlite3.Connection, backups: Path, today: dt.date, copies: Copies = PLAIN
) -> Path | None:
    """Copy the database to backups/notes-YYYY-MM-DD.sqlite3 once a day, keeping the newest seven days."""
    target = backups / f"notes-{today.isoformat()}{copies.suffix}"
    if target.exists():
        return None
    copies.write(connection, target)
    _prune(backups, f"notes-????-??-??{copies.suffix}", DAILY_BACKUPS_KEPT)
    return target


def refresh_daily_backup(connection: sqlite3.Connection, backups: Path, today: dt.date, copies: Copies = PLAIN) -> Path:
    """Overwrite today's backup with the current notes, if the database passes a quick check (called at close)."""
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as exc:
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot check the notes database before backing it up: {reason}."), reason=exc
            )
        ) from exc
    if rows != [("ok",)]:
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The notes database failed its check, so today's backup was left as it was; restart the app to "
                    "recover.",
                )
            )
        )
    target = backups / f"notes-{today.isoformat()}{copies.suffix}"
    copies.write(connection, target)
    _prune(backups, f"notes-????-??-??{copies.suffix}", DAILY_BACKUPS_KEPT)
    return target


def _prune(backups: Path, pattern: str, keep: int) -> None:
    files = sorted(backups.glob(pattern), key=lambda file: file.name, reverse=True)
    for old in files[keep:]:
        try:
            old.unlink()
        except FileNotFoundError:
            pass  # another process pruned it first
        except OSError as exc:
            raise NotesError(
                message(
                    QT_TRANSLATE_NOOP("core", "Cannot remove the old notes backup {old}: {reason}."),
                    old=old,
                    reason=exc.strerror,
                )
            ) from exc
