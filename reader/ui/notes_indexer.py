"""`NotesIndexer`: the search index of the reader's visible notes, kept in step with them in small slices."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reader.content import Report
from reader.errors import ReaderError
from reader.search.notes_index import NotesIndex
from reader.ui.annotator import Annotator
from reader.ui.error_text import error_text
from reader.ui.long_lived import settle_long_lived

if TYPE_CHECKING:
    from reader.notes.note import Note

SLICE_SECONDS = 0.008
"""How long one slice of indexing may hold the UI thread before the event loop runs again."""
MAX_NOTES_PER_SLICE = 250
"""And how many notes it may index at most (a bound that does not depend on the machine's speed)."""


class NotesIndexer(QObject):
    """Keeps a `NotesIndex` of the notes of visible layers, on the UI thread, a slice of notes per event-loop turn.

    Indexing is pure Python: on a worker thread it would hold the GIL and the window would stutter for seconds,
    so instead each turn indexes at most `MAX_NOTES_PER_SLICE` notes or `SLICE_SECONDS` of work, then lets the
    event loop run. Deleted and hidden notes leave the index at once; new, imported and shown notes are added slice
    by slice; an edit re-indexes that note at once. When removed notes make up a quarter of the index, a fresh one
    is built in slices beside it and replaces it. Emits `updated` whenever searching the notes would find something
    else, and `failed(message)` when the notes cannot be read.
    """

    updated = Signal()
    failed = Signal(str)

    def __init__(self, annotator: Annotator, report: Report, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._annotator = annotator
        self._report = report
        self._index = NotesIndex(report)
        self._building: NotesIndex | None = None  # a fresh index replacing a worn one, while it is built
        self._work: Iterator[None] | None = None
        self._synced = False
        self._closed = False
        self.slices = 0  # how many event-loop turns indexing has taken (for tests and benchmarks)
        self._next_slice = QTimer(self)
        self._next_slice.setSingleShot(True)
        self._next_slice.setInterval(0)
        self._next_slice.timeout.connect(self._on_next_slice_due)
        self._sync_due = QTimer(self)  # several changes in one turn (an undo of many) make one pass
        self._sync_due.setSingleShot(True)
        self._sync_due.setInterval(0)
        self._sync_due.timeout.connect(self.index_all)
        annotator.notes_changed.connect(self._on_annotator_notes_changed)
        annotator.note_updated.connect(self._on_annotator_note_updated)

    @property
    def index(self) -> NotesIndex | None:
        """The notes' index, or None while it holds no notes."""
        return self._index if self._index.document_count else None

    @property
    def is_ready(self) -> bool:
        """Whether every visible note has been indexed (nothing is waiting for a slice)."""
        return self._synced and self._work is None and not self._sync_due.isActive()

    def index_all(self) -> None:
        """Bring the index in step with the visible notes: removals at once, the rest slice by slice."""
        if self._closed:
            return
        self._sync_due.stop()
        if self._annotator.is_unread:  # read in slices first (notes opened anew); `notes_changed` comes back here
            self._annotator.load_in_slices()
            return
        try:
            notes = self._annotator.notes(visible_only=True)  # from the annotator's cache
        except ReaderError as error:
            self.failed.emit(error_text(error))
            return
        self._synced = True
        wanted = {note.id for note in notes}
        gone = self._index.note_ids - wanted
        if gone:
            self._index.remove(gone)
            self.updated.emit()
        if self._building is not None:
            self._building.remove(gone & self._building.note_ids)
        if self._building is None and self._index.needs_compacting:
            self._building = NotesIndex(self._report)
        self._work = self._sync(notes)
        self._on_next_slice_due()

    def close(self) -> None:
        """Index nothing more and drop the index (the notes database is closing)."""
        self._closed = True
        self._sync_due.stop()
        self._next_slice.stop()
        self._work = None
        self._building = None
        self._index.close()
        self._index = NotesIndex(self._report)

    def _sync(self, notes: tuple[Note, ...]) -> Iterator[None]:
        """Index what `_index` (or the fresh index being built) lacks of `notes`; yields between slices."""
        target = self._building or self._index
        added = False
        start = time.perf_counter()
        count = 0
        for note in notes:
            if not target.refresh(note):  # new, or changed: index it; unchanged: only the reference is swapped
                target.add((note,))
                added = True
                count += 1
            if count >= MAX_NOTES_PER_SLICE or (count and time.perf_counter() - start >= SLICE_SECONDS):
                yield
                start = time.perf_counter()
                count = 0
        if self._building is not None:
            self._index.close()
            self._index, self._building = self._building, None
            added = True
        if added:
            self.updated.emit()

    def _on_next_slice_due(self) -> None:
        if self._work is None or self._closed:
            return
        self.slices += 1
        try:
            next(self._work)
        except StopIteration:
            self._work = None
            settle_long_lived()  # the index lives as long as the notes are open
            return
        self._next_slice.start()

    def _on_annotator_notes_changed(self) -> None:
        self._sync_due.start()

    def _on_annotator_note_updated(self, note_id: str) -> None:
        # An edit (the reader typing a note) changes one note: re-index it at once.
        if self._closed:
            return
        note = self._annotator.note(note_id)
        if note is None or not self._annotator.is_layer_visible(note.layer):
            self._sync_due.start()
            return
        self._index.add((note,))  # searchable as edited at once
        if self._work is not None:
            self._sync_due.start()  # a pass under way holds the note as it was when the pass began
        elif self._index.needs_compacting:
            self.index_all()
        self.updated.emit()
