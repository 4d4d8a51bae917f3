"""Removing a file so that reading the disk afterwards is as hard as the disk allows.

Each file is overwritten with zeros, flushed to the disk, then unlinked. On a hard disk that overwrites the data
in place; on flash storage (SSDs, USB sticks, phones) the controller may keep the old blocks, which is why the
lock seals everything before it reaches the disk and why erasing destroys the key first (docs/security.md).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from reader.errors import ReaderError
from reader.message import QT_TRANSLATE_NOOP, message

_CHUNK = 1 << 20


def shred(path: Path) -> None:
    """Overwrite `path` with zeros and remove it; nothing happens when it is already gone."""
    path = Path(path)
    try:
        if not path.is_symlink() and not path.exists():
            return
        if path.is_symlink() or not path.is_file():
            path.unlink()  # never follow a link out of the data folder
            return
        size = path.stat().st_size
        with open(path, "r+b", buffering=0) as stream:
            left = size
            while left > 0:
                left -= stream.write(bytes(min(_CHUNK, left)))
            os.fsync(stream.fileno())
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ReaderError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot erase {path}: {reason}; nothing after it was erased."),
                path=path,
                reason=exc.strerror,
            )
        ) from exc


def shred_tree(folder: Path) -> None:
    """Shred every file under `folder`, then remove the folder."""
    folder = Path(folder)
    if folder.is_symlink():
        folder.unlink()
        return
    if not folder.is_dir():
        return
    for root, _folders, files in os.walk(folder):
        for name in files:
            shred(Path(root) / name)
    try:
        shutil.rmtree(folder)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ReaderError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot remove the folder {folder}: {reason}."),
                folder=folder,
                reason=exc.strerror,
            )
        ) from exc
