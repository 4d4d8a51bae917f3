"""`NotesIndexer`: an in-memory search index of the reader's visible notes, kept up to date as they change."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from reader.content import Report
from reader.errors import ReaderError
from reader.notes.note import Note
from reader.search.documents import note_documents
from reader.search.index import SearchIndex
from reader.ui.annotator import Annotator
from reader.ui.tasks import Task

REINDEX_DELAY_MS = 700  # notes are saved as the reader types: index them once the typing pauses


class NotesIndexer(QObject):
    """Indexes the notes of visible layers for search, off the UI thread (thousands of notes take seconds).

    When notes are added, deleted, imported, shown or hidden, the index is rebuilt once the changes pause, keeping
    only the newest set of notes if they change again meanwhile; an edit to one note re-indexes just that note
    (about 10 ms among 10,000). Emits `updated` whenever `index` changed and `failed(message)` when the notes
    cannot be indexed.
    """

    updated = Signal()
    failed = Signal(str)

    def __init__(self, annotator: Annotator, report: Report, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._annotator = annotator
        self._report = report
        self._index: SearchIndex | None = None
        self._task: Task | None = None
        self._pending: tuple[Note, ...] | None = None  # the newest notes, waiting for the running task
        self._closed = False
        self._reindex = QTimer(self)
        self._reindex.setSingleShot(True)
        self._reindex.setInterval(REINDEX_DELAY_MS)
        self._reindex.timeout.connect(self.index_all)
        annotator.notes_changed.connect(self._reindex.start)
        annotator.note_updated.connect(self._on_annotator_note_updated)

    @property
    def index(self) -> SearchIndex | None:
        """The notes' index, or None while there are no notes (or they were never indexed)."""
        return self._index

    def index_all(self) -> None:
        """Index every visible note again, in the background."""
        if self._closed:
            return
        try:
            self._pending = self._annotator.notes(visible_only=True)  # from the annotator's cache
        except ReaderError as error:
            self.failed.emit(str(error))
            return
        if self._task is None or not self._task.is_running:
            self._start_task()

    def close(self) -> None:
        """Index nothing more and close the index (the notes database is closing)."""
        self._closed = True
        self._reindex.stop()
        self._pending = None
        if self._index is not None:
            self._index.close()
            self._index = None

    def _start_task(self) -> None:
        notes, self._pending = self._pending or (), None
        if not notes:
            self._replace(None)
            return
        # No parent: the task must outlive this indexer if the window closes while it runs.
        self._task = Task(_index_notes, notes, self._report)
        self._task.succeeded.connect(self._on_task_succeeded)
        self._task.failed.connect(self._on_task_failed)
        self._task.start()

    def _replace(self, index: SearchIndex | None) -> None:
        if self._index is not None:
            self._index.close()
        self._index = index
        self.updated.emit()

    def _on_task_succeeded(self, index: SearchIndex) -> None:
        if self._closed:
            index.close()
            return
        self._replace(index)
        if self._pending is not None:
            self._start_task()

    def _on_task_failed(self, error: ReaderError) -> None:
        if self._closed:
            return
        self.failed.emit(str(error))
        if self._pending is not None:
            self._start_task()

    def _on_annotator_note_updated(self, note_id: str) -> None:
        # An edit (the reader typing a note) changes one note: re-index just that one when possible.
        note = self._annotator.note(note_id)
        running = self._task is not None and self._task.is_running
        busy = self._index is None or running or self._pending is not None
        if note is None or not self._annotator.is_layer_visible(note.layer) or busy:
            self._reindex.start()
            return
        self._index.replace_documents(note_documents([note], self._report))
        self.updated.emit()


def _index_notes(notes: tuple[Note, ...], report: Report, _progress: object) -> SearchIndex:
    """Runs on a worker thread (notes and report are immutable): an in-memory index of the reader's notes."""
    return SearchIndex.in_memory(note_documents(notes, report))
