"""Where the search index lives: the fresh bundled one, else one built in the cache folder (or, when that cannot
be written, in a private temporary folder removed when the program ends, or in memory).

The cache keeps one index per content pack: the newest build is in `cache/index/`, and when another pack's index
is about to be built there, the one it replaces is copied to `cache/indexes/<checksum>/` first (the newest few are
kept), so switching `--content` back and forth opens each pack's index instead of building it again.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from reader.content import Report
from reader.search.build import Progress, build_index
from reader.search.documents import SearchDocument, report_documents
from reader.search.errors import SearchError
from reader.search.index import SearchIndex
from reader.search.stamp import INFO_NAME, is_fresh, read_checksum

KEPT_PACK_INDEXES = 4
"""How many other packs' indexes the cache keeps besides the newest build (the least recently built go first)."""


def cache_index_folder(cache: Path) -> Path:
    """Where the app builds its own index (in the cache folder) when the bundled one is missing or stale."""
    return Path(cache) / "index"


def pack_index_folder(cache: Path, checksum: str) -> Path:
    """Where the cache keeps the index of the pack with content checksum `checksum` once another pack's replaced it."""
    return Path(cache) / "indexes" / checksum[:16]


def fresh_index_folder(report: Report, bundled: Path, cache: Path) -> Path | None:
    """The bundled index folder if it matches the report, else the cache's if it does, else None."""
    return next(iter(_fresh_folders(report, bundled, cache)), None)


def open_fresh_index(report: Report, bundled: Path, cache: Path) -> SearchIndex | None:
    """The fresh bundled index opened, else the fresh cached one; None when neither is fresh or both are damaged."""
    for folder in _fresh_folders(report, bundled, cache):
        try:
            return SearchIndex.open(folder)
        except SearchError:
            continue  # a damaged index reads as missing: the caller builds a new one
    return None


def build_cached_index(
    report: Report, documents: Iterable[SearchDocument], cache: Path, progress: Progress | None = None
) -> Path:
    """Build the index of `report` and `documents` (the glossary's) in the cache folder and return its folder.

    When the cache folder cannot be written (read-only, full, or not a folder), the index is built in a private
    temporary folder instead, removed when the program ends; SearchError only if that fails too. Takes a while for
    a large report: run it off the UI thread.
    """
    documents = tuple(documents)
    _keep_other_pack_index(Path(cache))
    try:
        return build_index(cache_index_folder(cache), report, documents, progress)
    except SearchError as cache_error:
        try:
            scratch = Path(tempfile.mkdtemp(prefix="field-reader-index-"))
        except OSError:
            raise cache_error from None
        atexit.register(shutil.rmtree, scratch, ignore_errors=True)
        try:
            return build_index(scratch, report, documents, progress)
        except SearchError:
            shutil.rmtree(scratch, ignore_errors=True)
            raise cache_error from None


def open_or_build_index(
    report: Report,
    documents: Iterable[SearchDocument],
    bundled: Path,
    cache: Path,
    progress: Progress | None = None,
) -> SearchIndex:
    """The fresh bundled or cached index, building one in the cache folder first (synchronously) if there is none.

    If no folder can be written at all, the index is built in memory for this run.
    """
    search_index = open_fresh_index(report, bundled, cache)
    if search_index is not None:
        return search_index
    documents = tuple(documents)
    try:
        return SearchIndex.open(build_cached_index(report, documents, cache, progress))
    except SearchError:
        return SearchIndex.in_memory((*report_documents(report), *documents))


def _fresh_folders(report: Report, bundled: Path, cache: Path) -> list[Path]:
    folders = (bundled, cache_index_folder(cache), pack_index_folder(cache, report.checksum))
    return [Path(folder) for folder in folders if is_fresh(folder, report)]


def _keep_other_pack_index(cache: Path) -> None:
    """Copy the complete index in `cache/index/` to its pack's own folder before a build replaces it.

    The stamp is copied last and the folder renamed into place whole, so a copy cut short never reads as fresh.
    Failing to copy only costs a rebuild later.
    """
    source = cache_index_folder(cache)
    checksum = read_checksum(source)
    if checksum is None:
        return
    target = pack_index_folder(cache, checksum)
    if read_checksum(target) == checksum:
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=".copying-", dir=target.parent))
        try:
            files = sorted(
                (path for path in source.iterdir() if path.is_file() and not path.name.startswith(".")),
                key=lambda path: path.name == INFO_NAME,
            )
            for path in files:
                shutil.copy2(path, scratch / path.name)
            if read_checksum(scratch) != checksum:  # rebuilt by another process meanwhile
                return
            shutil.rmtree(target, ignore_errors=True)
            scratch.rename(target)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        target.touch()  # its age is when it was set aside: the oldest are pruned first
    except OSError:
        return
    _prune(target.parent)


def _prune(folder: Path) -> None:
    try:
        kept = sorted(
            (path for path in folder.iterdir() if path.is_dir() and not path.name.startswith(".")),
            key=lambda path: path.stat().st_mtime_ns,
            reverse=True,
        )
    except OSError:
        return
    for old in kept[KEPT_PACK_INDEXES:]:
        shutil.rmtree(old, ignore_errors=True)
