"""Turning the notes and their backups from SQLite files into sealed ones and back, when the lock is switched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.notes.copies import PlainCopies, SealedCopies
from reader.notes.schema import BACKUP_FOLDER, DB_NAME, open_database
from reader.notes.sealed_database import SEALED_NAME
from reader.sealing import SealKey

_PLAIN = PlainCopies()


def seal_database(folder: Path, key: SealKey) -> None:
    """Write sealed copies of the notes and every readable backup beside the plain ones (which stay, for now)."""
    sealed = SealedCopies(key)
    if (folder / DB_NAME).exists():
        opened = open_database(folder / DB_NAME)  # recovers a damaged file and migrates first
        try:
            sealed.write(opened.connection, folder / SEALED_NAME)
        finally:
            opened.connection.close()
    _convert_backups(folder / BACKUP_FOLDER, _PLAIN, sealed)


def unseal_database(folder: Path, key: SealKey) -> None:
    """Write plain copies of the sealed notes and every readable sealed backup beside them."""
    sealed = SealedCopies(key)
    if (folder / SEALED_NAME).exists():
        connection = sealed.read(folder / SEALED_NAME)
        try:
            _PLAIN.write(connection, folder / DB_NAME)
        finally:
            connection.close()
    _convert_backups(folder / BACKUP_FOLDER, sealed, _PLAIN)


def _convert_backups(backups: Path, source: PlainCopies | SealedCopies, target: PlainCopies | SealedCopies) -> None:
    if not backups.is_dir():
        return
    for path in sorted(backups.glob(f"notes-*{source.suffix}")):
        try:
            connection = source.read(path)
        except (OSError, sqlite3.Error):
            continue  # an unreadable backup is no use to anyone; it is removed with the others
        try:
            target.write(connection, path.with_suffix(target.suffix))
        finally:
            connection.close()
