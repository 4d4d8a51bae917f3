"""Erasing everything the user wrote: the key first, then notes, backups, layers, history, caches and logs.

The report itself is never touched. With the lock on, shredding `lock.json` first leaves whatever the disk
keeps of the sealed files unreadable, even where the overwriting of the rest cannot be guaranteed (flash storage).
"""

from __future__ import annotations

from pathlib import Path

from reader.lock.leftovers import plain_files, sealed_files
from reader.lock.names import key_file_path
from reader.lock.shred import shred, shred_tree
from reader.message import QT_TRANSLATE_NOOP, Message, message

# What erasing removes, said to the reader before they confirm (the command line prints the English, the window
# translates each item).
WHAT_GOES: tuple[Message, ...] = (
    message(QT_TRANSLATE_NOOP("core", "your notes and highlights, imported layers and tags")),
    message(QT_TRANSLATE_NOOP("core", "every backup of them")),
    message(QT_TRANSLATE_NOOP("core", "the reading position and window layout")),
    message(QT_TRANSLATE_NOOP("core", "the search index and page caches")),
    message(QT_TRANSLATE_NOOP("core", "the privacy lock and its passphrases")),
)
_ALSO = ("preferences.json", "notes.sealed.lock", "logs", "qt")  # qt: Qt's own settings (file dialogs' folders)
_HIDDEN_TEMPORARIES = (".notes*", ".preferences*", ".private*", ".lock.json*")


def erase_user_data(data: Path, cache: Path) -> None:
    """Destroy the key, then every file the user's reading produced in `data` and everything in `cache`."""
    data, cache = Path(data), Path(cache)
    shred(key_file_path(data))
    for path in plain_files(data) + sealed_files(data):
        shred(path)
    for name in _ALSO:
        target = data / name
        shred_tree(target) if target.is_dir() else shred(target)
    for pattern in _HIDDEN_TEMPORARIES:
        for path in data.glob(pattern):
            shred(path)
    shred_tree(data / "backups")
    if cache.is_dir():
        for child in cache.iterdir():
            shred_tree(child) if child.is_dir() else shred(child)
