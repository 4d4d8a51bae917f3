"""Writing a file safely: a temporary file in the same folder, flushed, then renamed over the target."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from reader.errors import ReaderError
from reader.message import QT_TRANSLATE_NOOP, message


def write_atomically(path: Path, data: bytes, *, private: bool = False, chosen: bool = False) -> Path:
    """Write `data` to `path` so that a crash leaves either the old file or the new one, never half of it.

    A `private` file (the user's notes and keys) can be read by its owner only; others are readable by all. A
    `chosen` path (one the reader gave: an export) replaces only an ordinary file, never a pipe or a device; the
    app's own files are written whatever stands in their place (a cache file turned into a pipe is made again).
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise ReaderError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "Cannot write {name}: the folder {folder} does not exist; choose another folder."
                ),
                name=path.name,
                folder=folder,
            )
        )
    if path.is_dir():
        raise ReaderError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot write {path}: it is a folder; give the name of a file to write."),
                path=path,
            )
        )
    if chosen and path.exists() and not path.is_file():  # a device, a pipe or a socket: renaming would replace it
        raise ReaderError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "Cannot write {path}: it is not an ordinary file; give the name of a file to write."
                ),
                path=path,
            )
        )
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    try:
        if hasattr(os, "fchmod") and not private:
            os.fchmod(handle, 0o644)  # mkstemp makes files private; an exported handout is meant to be shared
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise _cannot_write(path, exc) from exc
    return path


def _cannot_write(path: Path, exc: OSError) -> ReaderError:
    """A failed write in one line, with the advice that fits its cause (disk space only when the disk is full)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ReaderError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot write {path}: {reason}; check the free disk space."),
                path=path,
                reason=exc.strerror,
            )
        )
    return ReaderError(
        message(
            QT_TRANSLATE_NOOP("core", "Cannot write {path}: {reason}; choose a folder you can write to."),
            path=path,
            reason=exc.strerror,
        )
    )


def write_cache_file(path: Path, data: bytes) -> None:
    """Keep a rebuildable file (atomically, creating its folder); failing costs only speed later, so it is ignored."""
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
    except (OSError, ReaderError):
        pass  # a read-only or full cache folder: the file is made again next time
