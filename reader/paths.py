"""Every folder the app reads or writes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "field-reader"


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
