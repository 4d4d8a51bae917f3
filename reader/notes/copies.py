"""How a whole notes database is written to a file and read back: as SQLite, or sealed while the lock is on.

The notes file itself, its daily backups and the copies taken before a migration all go through one of these, so
the backup, recovery and purge code in `schema.py` and `purge.py` works the same on plain and sealed files.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reader.atomic_file import write_atomically
from reader.errors import ReaderError
from reader.message import QT_TRANSLATE_NOOP, message, sentence_of
from reader.notes.note import NotesError
from reader.sealing import SealError, SealKey, seal, unseal

_PURPOSE = "notes"


def memory_connection() -> sqlite3.Connection:
    """An empty in-memory database set up like the notes file (autocommit; deleted text overwritten)."""
    connection = sqlite3.connect(":memory:", isolation_level=None)
    configure(connection)
    return connection


def configure(connection: sqlite3.Connection) -> None:
    """The settings every notes connection uses, whatever the build's defaults."""
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA secure_delete = ON")  # a deleted note's text is overwritten, not just unlinked


class PlainCopies:
    """SQLite files, as the notes are kept while the lock is off."""

    suffix = ".sqlite3"

    def write(self, connection: sqlite3.Connection, target: Path) -> None:
        """Copy the database behind `connection` to `target` atomically (a temporary file, then a rename)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            copy = sqlite3.connect(temporary)
            try:
                connection.backup(copy)
            finally:
                copy.close()
            os.replace(temporary, target)
        except (OSError, sqlite3.Error) as exc:
            temporary.unlink(missing_ok=True)
            raise NotesError(
                message(
                    QT_TRANSLATE_NOOP(
                        "core", "Cannot write the notes copy {target}: {reason}; check the free disk space."
                    ),
                    target=target,
                    reason=str(exc),
                )
            ) from exc

    def read(self, path: Path) -> sqlite3.Connection:
        """The database in `path`, copied into memory (the file is only read)."""
        source = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            copy = memory_connection()
            source.backup(copy)
            return copy
        finally:
            source.close()


class SealedCopies:
    """Sealed files, as the notes are kept while the lock is on: the database lives in memory and nowhere else."""

    suffix = ".sealed"

    def __init__(self, key: SealKey) -> None:
        self._key = key

    def write(self, connection: sqlite3.Connection, target: Path) -> None:
        self.write_image(_without_wal(bytes(connection.serialize())), target)

    def write_image(self, image: bytes, target: Path) -> None:
        """Seal a serialized database into `target` atomically; only the owner can read the file."""
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, seal(self._key, image, _PURPOSE), private=True)
        except OSError as exc:
            raise NotesError(
                message(
                    QT_TRANSLATE_NOOP("core", "Cannot save the notes in {folder}: {reason}; nothing was changed."),
                    folder=target.parent,
                    reason=exc.strerror,
                )
            ) from exc
        except ReaderError as exc:
            raise NotesError(
                message(
                    QT_TRANSLATE_NOOP("core", "{problem}; nothing was changed."), problem=sentence_of(exc).rstrip(".")
                )
            ) from exc

    def read(self, path: Path) -> sqlite3.Connection:
        """The database sealed in `path`, opened in memory; sqlite3.DatabaseError if it is damaged."""
        connection = memory_connection()
        try:
            connection.deserialize(self.read_image(path))
        except BaseException:
            connection.close()
            raise
        return connection

    def read_image(self, path: Path) -> bytes:
        try:
            return unseal(self._key, path.read_bytes(), _PURPOSE)
        except SealError as exc:
            raise sqlite3.DatabaseError(f"{path.name} {exc}") from exc


Copies = PlainCopies | SealedCopies


def _without_wal(image: bytes) -> bytes:
    """The image of a database file in WAL mode, marked as a rollback-journal one (bytes 18 and 19 of the header:
    the file format's write and read versions, 2 for WAL), since a database in memory cannot use a WAL."""
    if image[18:20] == b"\x02\x02":
        return image[:18] + b"\x01\x01" + image[20:]
    return image
