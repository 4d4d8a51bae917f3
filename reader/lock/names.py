"""Where the lock keeps its file: cheap to import, since every start asks whether the lock is on."""

from __future__ import annotations

from pathlib import Path

KEY_FILE_NAME = "lock.json"


def key_file_path(data_folder: Path) -> Path:
    return Path(data_folder) / KEY_FILE_NAME
