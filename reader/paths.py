"""Every folder the app reads or writes, looked up once per run by `__main__` as `Folders`."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from reader.errors import ReaderError
from reader.message import QT_TRANSLATE_NOOP, message

APP_NAME = "field-reader"


@dataclass(frozen=True, slots=True)
class Folders:
    """The folders one run of the app uses."""

    data: Path  # notes, preferences, logs; it exists once `locate` returned, unless it cannot be written or made
    cache: Path  # rebuildable files: rendered pages, a search index; it may be missing or read-only
    content: Path  # the report to show
    bundled_index: Path  # the search index built before release; only ever read
    # The parsed report, rendered page and shiboken6 code prepared by the build or the checkout's setup; only read.
    bundled_cache: Path | None = None
    portable: bool = False  # every user file is kept in data/ beside the frozen program (`is_portable`)
    # A downloaded (frozen) app's own folder, which the app never writes into (an install folder may be shared,
    # read-only, or replaced by the next version); None in a source checkout.
    app_folder: Path | None = None
    icons: Path | None = None  # the window icon's PNGs (`ui/window_icon.py`); None: Qt's generic icon


def locate(content: Path | None = None) -> Folders:
    """Look every folder up (from the environment, the platform and the install folder) and create the writable ones.

    `content` (the `--content` option) wins over READER_CONTENT_DIR and the bundled report.
    """
    return Folders(
        data=data_dir(),
        cache=cache_dir(),
        content=Path(content) if content is not None else content_dir(),
        bundled_index=bundled_index_dir(),
        bundled_cache=bundled_cache_dir(),
        portable=is_portable(),
        app_folder=install_dir() if getattr(sys, "frozen", False) else None,
        icons=install_dir() / "resources" / "icons",
    )


_CANNOT_WRITE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})  # read-only media, a folder not the user's


def _ensure(folder: Path) -> Path:
    """The data folder, created if needed; ReaderError (one line) when it cannot be for another reason than
    writing being refused (something else in the way, a full disk).

    Where writing is refused (a portable copy on read-only media, say), the folder is used as one that exists and
    cannot be written: the report reads as usual and the notes open in memory, saving refused.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if exc.errno in _CANNOT_WRITE:
            return folder
        raise ReaderError(
            message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Cannot use {folder} for your notes: {reason}; set READER_DATA_DIR to a folder you can write to.",
                ),
                folder=folder,
                reason=exc.strerror,
            )
        ) from exc
    return folder


def _ensure_cache(folder: Path) -> Path:
    """The cache folder, created if it can be: without one the app is only slower (nothing is cached)."""
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    return folder


PORTABLE_MARKER = "portable"  # an empty file of this name beside the frozen executable: keep everything beside it


def portable_data_dir() -> Path | None:
    """`data/` beside the frozen executable when the `portable` file sits there (a USB stick); else None.

    Only a frozen app (the download) can be portable: a source checkout always uses the user's folders.
    """
    if not getattr(sys, "frozen", False):
        return None
    beside = Path(sys.executable).resolve().parent
    if not (beside / PORTABLE_MARKER).is_file():
        return None
    return beside / "data"


def is_portable() -> bool:
    """Whether this run keeps every user file beside the executable (READER_DATA_DIR, when set, still wins)."""
    return not os.environ.get("READER_DATA_DIR") and portable_data_dir() is not None


def data_dir() -> Path:
    """Where notes, preferences and logs live: READER_DATA_DIR, else `data/` beside a portable app, else the
    platform's user data folder."""
    override = os.environ.get("READER_DATA_DIR")
    if override:
        return _ensure(Path(override))
    portable = portable_data_dir()
    if portable is not None:
        return _ensure(portable)
    import platformdirs

    return _ensure(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def cache_dir() -> Path:
    """Where rebuildable files live (rendered pages, a fresh search index)."""
    override = os.environ.get("READER_CACHE_DIR")
    if override:
        return _ensure_cache(Path(override))
    if os.environ.get("READER_DATA_DIR") or portable_data_dir() is not None:
        return _ensure_cache(data_dir() / "cache")
    import platformdirs

    return _ensure_cache(Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)))


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


def bundled_cache_dir() -> Path:
    """The parsed report and rendered page prepared before release (`packaging/build.sh`), or in a source checkout by
    the Makefile's setup step (`make run`); only ever read. Without one the user's cache is all there is."""
    return install_dir() / "prepared"
