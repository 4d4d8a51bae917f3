"""Reading a whole file that someone else may have made: only a regular file, and never more than a limit."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reader.errors import ReaderError
from reader.message import QT_TRANSLATE_NOOP, message

_CHUNK = _MB = 1024 * 1024


class RefusedFileError(ReaderError):
    """A file was refused before or while reading it; `reason` completes “Cannot … NAME: <reason>”."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            message(QT_TRANSLATE_NOOP("core", "Cannot read {name}: {reason}."), name=Path(path).name, reason=reason)
        )
        self.path = Path(path)
        self.reason = reason


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of `path` (links followed); `RefusedFileError` unless it is a regular file of at most `limit` bytes.

    Any other failure to open or read it is raised as the `OSError` it is (FileNotFoundError included).

    A device, pipe or socket is refused before it is opened; it is opened without blocking and checked again
    once open, so one swapped in after the first check can neither hang the read nor feed it without end.
    """
    path = Path(path)
    _check(os.stat(path), path, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    try:
        _check(os.fstat(descriptor), path, limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(descriptor)
    if size > limit:  # the file grew while it was read
        raise RefusedFileError(path, _too_large(None, limit))
    return b"".join(chunks)


def _check(status: os.stat_result, path: Path, limit: int) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise RefusedFileError(path, message(QT_TRANSLATE_NOOP("core", "it is a folder, not a file")))
    if not stat.S_ISREG(status.st_mode):
        raise RefusedFileError(
            path, message(QT_TRANSLATE_NOOP("core", "it is not a regular file (a device, pipe or socket)"))
        )
    if status.st_size > limit:
        raise RefusedFileError(path, _too_large(status.st_size, limit))


def _too_large(size: int | None, limit: int) -> str:
    allowed = f"{limit / _MB:.1f}".removesuffix(".0")
    if size is None:
        return message(QT_TRANSLATE_NOOP("core", "it is more than the {allowed} MB allowed"), allowed=allowed)
    return message(
        QT_TRANSLATE_NOOP("core", "it is {size:.1f} MB, more than the {allowed} MB allowed"),
        size=size / _MB,
        allowed=allowed,
    )
