"""Which files hold what the user wrote, in the clear or sealed, and tidying up after an interrupted switch.

Turning the lock on writes the sealed files first, then `lock.json` (the moment the switch counts), then shreds
the plain files; turning it off goes the other way round. So `lock.json` says which set is real, and a start
after a kill in the middle finishes the job.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from reader.lock.names import key_file_path

PLAIN_PATTERNS = (
    "notes.sqlite3",
    "notes.sqlite3-*",
    "notes.sqlite3.damaged-*",
    ".notes*.sqlite3*.tmp",  # a copy left half-written by a kill
    "preferences.damaged.json",
)
SEALED_PATTERNS = ("notes.sealed", "notes.sealed.damaged-*", "private.sealed")
BACKUP_FOLDER = "backups"


def plain_files(data: Path) -> list[Path]:
    backups = ("*.sqlite3", "*.sqlite3-*", ".notes*.sqlite3*.tmp")
    return _matching(data, PLAIN_PATTERNS) + _matching(data / BACKUP_FOLDER, backups)


def sealed_files(data: Path) -> list[Path]:
    return _matching(data, SEALED_PATTERNS) + _matching(data / BACKUP_FOLDER, ("*.sealed",))


def finish_interrupted_switch(data: Path) -> None:
    """Remove the set of files that `lock.json` says is not in use (left by a switch that was killed)."""
    if not os.access(data, os.W_OK | os.X_OK):
        return  # a read-only folder: nothing can be tidied, and nothing new is written there either
    unused = plain_files(data) if key_file_path(data).exists() else sealed_files(data)
    if unused:
        from reader.lock.shred import shred

        for path in unused:
            shred(path)
    if key_file_path(data).exists():
        _drop_private_preferences(data)


def _drop_private_preferences(data: Path) -> None:
    """A reading position left in `preferences.json` while the lock is on (written just before a kill)."""
    path = data / "preferences.json"
    try:
        values = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return
    if isinstance(values, dict) and values.get("position") is not None:
        from reader.atomic_file import write_atomically

        values["position"] = None
        write_atomically(path, json.dumps(values, indent=2).encode("utf-8"))


def _matching(folder: Path, patterns: tuple[str, ...]) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted({path for pattern in patterns for path in folder.glob(pattern) if path.is_file()})
