"""Helpers for the privacy lock's tests: an anchor, looking for words in every byte of a folder, and a folder made
read-only."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from reader.content import ParagraphId, SectionId
from reader.notes.note import Anchor


def anchor(exact: str = "Palestinians", start: int = 0) -> Anchor:
    return Anchor(SectionId("overview"), ParagraphId("overview-p1"), start, start + len(exact), exact, "", " in Gaza")


def files_holding(folder: Path, *words: str) -> list[str]:
    """Every file under `folder` whose bytes hold one of `words` (as UTF-8), with the word found."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.relative_to(folder)}: {word}" for word in words if word.encode("utf-8") in data]
    return found


def all_bytes(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def make_read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a read-only mount does, even to root (whom permissions do not stop): the folder is said not to be
    writable, and making a file there (the lock file, a file written atomically) fails with EROFS."""
    real_access, real_mkstemp = os.access, tempfile.mkstemp

    def inside(path: object) -> bool:
        return Path(os.fspath(path)).resolve().is_relative_to(folder.resolve())

    def refuse(path: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fspath(path))

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        return False if mode & os.W_OK and inside(path) else real_access(path, mode, *args, **kwargs)

    def mkstemp(*args: object, dir: object = None, **kwargs: object) -> tuple[int, str]:
        if dir is not None and inside(dir):
            refuse(dir)
        return real_mkstemp(*args, dir=dir, **kwargs)

    def acquire(lock: object, *args: object, **kwargs: object) -> None:
        refuse(lock.lock_file)  # type: ignore[attr-defined]

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr("filelock.UnixFileLock._acquire", acquire)
