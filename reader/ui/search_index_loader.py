"""`SearchIndexLoader`: opens the fresh search index of the report and glossary, or builds one in the background."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.content import Report
from reader.errors import ReaderError
from reader.search.documents import SearchDocument
from reader.search.index import SearchIndex
from reader.search.location import build_cached_index, open_fresh_index
from reader.ui.error_text import error_text
from reader.ui.tasks import Task


class SearchIndexLoader(QObject):
    """Opens the bundled index when it matches the report (else a cached one), or builds one in the cache folder.

    The build runs off the UI thread; the built index is opened on the UI thread. Emits `progressed(done, total)`
    while building, then `loaded(index)` with the open `SearchIndex` (the receiver closes it), or `failed(message)`.
    """

    progressed = Signal(int, int)
    loaded = Signal(object)  # the SearchIndex
    failed = Signal(str)

    def __init__(
        self,
        report: Report,
        documents: Sequence[SearchDocument],
        bundled_index: Path,
        cache_folder: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._report = report
        self._documents = tuple(documents)
        self._bundled_index = bundled_index
        self._cache_folder = cache_folder
        self._task: Task | None = None
        self._closed = False

    def start(self) -> None:
        """Open the fresh index now, or start building one (`loaded` follows once it is built)."""
        if self._closed:
            return
        index = open_fresh_index(self._report, self._bundled_index, self._cache_folder)
        if index is not None:
            self.loaded.emit(index)
            return
        self.progressed.emit(0, 0)
        # No parent: the task must outlive this loader if the window closes while it runs.
        self._task = Task(build_cached_index, self._report, self._documents, self._cache_folder)
        self._task.progressed.connect(self.progressed)
        self._task.succeeded.connect(self._on_task_succeeded)
        self._task.failed.connect(self._on_task_failed)
        self._task.start()

    def close(self) -> None:
        """Hand out nothing more: an index built after this is not opened."""
        self._closed = True

    def _on_task_succeeded(self, folder: Path) -> None:
        if self._closed:
            return
        try:
            index = SearchIndex.open(folder)
        except ReaderError as error:
            self.failed.emit(error_text(error))
            return
        self.loaded.emit(index)

    def _on_task_failed(self, error: ReaderError) -> None:
        if not self._closed:
            self.failed.emit(error_text(error))
