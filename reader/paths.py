"""Every folder the app reads or writes, looked up once per run by `__main__` as `Folders`."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "field-reader"


@dataclass(frozen=True, slots=True)
class Folders:
    """The folders one run of the app uses; `data` and `cache` exist once `locate` returned."""

    data: Path  # notes, preferences, logs
    cache: Path  # rebuildable files: rendered pages, a search index
    content: Path  # the report to show
    bundled_index: Path  # the search index built before release; only ever read


def locate(content: Path | None = None) -> Folders:
    """Look every folder up (from the environment, the platform and the install folder) and create the writable ones.

    `content` (the `--content` option) wins over READER_CONTENT_DIR and the bundled report.
    """
    return Folders(
        data=data_dir(),
        cache=cache_dir(),
        content=Path(content) if content is not None else content_dir(),
        bundled_index=bundled_index_dir(),
    )


def _ensure(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def data_dir() -> Path:
    """Where notes, preferences and logs live: READER_DATA_DIR, else the platform's user data folder."""
    override = os.environ.get("READER_DATA_DIR")
    if override:
        return _ensure(Path(override))
    import platformdirs

    return _ensure(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def cache_dir() -> Path:
    """Where rebuildable files live (rendered pages, a fresh search index)."""
    override = os.environ.get("READER_CACHE_DIR")
    if override:
        return _ensure(Path(override))
    if os.environ.get("READER_DATA_DIR"):
        return _ensure(data_dir() / "cache")
    import platformdirs

    return _ensure(Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)))


def install_dir() -> Path:
    """The folder holding the bundled content/ and index/ (the source tree, or PyInstaller's bundle)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def content_dir() -> Path:
    """The content to show: READER_CONTENT_DIR, else the bundled report."""
    override = os.environ.get("READER_CONTENT_DIR")
    if override:
        return Path(override)
    return install_dir() / "content"


def bundled_index_dir() -> Path:
    """The search index built before release; only ever read at run time."""
    return install_dir() / "index"
