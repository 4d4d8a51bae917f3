"""Where the search index lives: the fresh bundled one, else one built in the cache folder (or, when that cannot
be written, in a private temporary folder removed when the program ends, or in memory)."""

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
from reader.search.stamp import is_fresh


def cache_index_folder(cache: Path) -> Path:
    """Where the app builds its own index (in the cache folder) when the bundled one is missing or stale."""
    return Path(cache) / "index"


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
    return [Path(folder) for folder in (bundled, cache_index_folder(cache)) if is_fresh(folder, report)]
