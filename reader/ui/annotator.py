"""`Annotator`: the window's notes, where each one sits in the report, and every change made undoable."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Generator, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from reader.content import Report
from reader.errors import ReaderError
from reader.notes.note import MY_LAYER, Anchor, Color, Layer, Note, NoteId, Style
from reader.notes.store import NoteStore
from reader.ui import work_slices
from reader.ui.error_text import error_text
from reader.ui.long_lived import settle_long_lived
from reader.ui.note_commands import AddNote, DeleteNote, RemoveLayer, in_layer
from reader.ui.work_slices import in_slices, sliced

if TYPE_CHECKING:  # anchoring is imported on first use, after the window has been painted
    from reader.notes.anchoring import Placement, ReportText
    from reader.notes.w3c_import import ImportResult, PreparedImport

_Announce = Callable[[], object] | None  # what sliced work announces once it is over


class Annotator(QObject):
    """Reads and writes notes through the `NoteStore`, keeps each note's place in the report, and holds the undo stack.

    Nothing is read until a note is first needed, so opening the window stays quick. `load_in_slices()` reads and
    places the notes a slice per event-loop turn instead (the window's start), and an import or an undone layer
    removal places its notes the same way; `notes_changed` is emitted once they are all in. Meanwhile `notes()`
    gives the notes placed so far, and anything else (a note by id, a change) first finishes the work at once.
    """

    notes_changed = Signal()  # notes added, deleted, imported, or a layer shown, hidden or removed
    note_updated = Signal(str)  # one note's text, tags, colour or style changed
    failed = Signal(str)  # an undo or redo could not be carried out
    imported = Signal(object)  # the ImportResult of `start_import`: its notes are written and placed
    import_failed = Signal(object)  # the ReaderError of `start_import`: nothing was written

    def __init__(self, store: NoteStore, report: Report, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._report = report
        self._text: ReportText | None = None
        self._notes: dict[NoteId, Note] | None = None
        self._placements: dict[NoteId, Placement] = {}
        self._layers: dict[str, Layer] = {}
        self._work: Generator[None, None, _Announce] | None = None  # reading, placing or writing notes, in slices
        self._writing = False  # the work writes (an import, a layer removal): it must be finished, never dropped
        self.slices = 0  # how many event-loop turns that work has taken (for tests and benchmarks)
        self._next_slice = QTimer(self)
        self._next_slice.setSingleShot(True)
        self._next_slice.setInterval(0)
        self._next_slice.timeout.connect(self._on_next_slice_due)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("notesUndoStack")

    # Reading

    @property
    def report(self) -> Report:
        return self._report

    @property
    def text(self) -> ReportText:
        if self._text is None:
            from reader.notes.anchoring import ReportText

            self._text = ReportText(self._report)
        return self._text

    @property
    def is_loading(self) -> bool:
        """Whether notes are still being read, placed or imported in slices (`notes_changed` follows when they are
        all in)."""
        return self._work is not None

    @property
    def is_unread(self) -> bool:
        """Whether no note has been read yet: `notes()` would then read and place every one at once."""
        return self._notes is None

    @property
    def is_writing(self) -> bool:
        """Whether an import (`start_import`) or a layer removal (`start_removing_layer`) is still under way."""
        return self._writing

    def notes(self, *, visible_only: bool = False) -> tuple[Note, ...]:
        """Every note (or those of visible layers), oldest first; while `is_loading`, those placed so far."""
        notes = self._notes.values() if self._work is not None and self._notes is not None else self._loaded().values()
        hidden = {name for name, layer in self._layers.items() if not layer.visible}
        if visible_only and hidden:
            return tuple(note for note in notes if note.layer not in hidden)
        return tuple(notes)

    def note(self, note_id: str) -> Note | None:
        self._finish()
        return self._loaded().get(NoteId(note_id))

    def placement(self, note_id: str) -> Placement | None:
        placement = self._placements.get(NoteId(note_id))
        if placement is None or self._notes is None:
            self._finish()
            self._loaded()
            placement = self._placements.get(NoteId(note_id))
        return placement

    def in_reading_order(self, notes: Iterable[Note]) -> tuple[Note, ...]:
        from reader.notes.anchoring import reading_order

        return reading_order(self.text, notes, self._placements)

    def reading_key(self) -> Callable[[Note], tuple[int, int, int, float]]:
        """What `in_reading_order` sorts by, for one note (while the notes and their places stay as they are)."""
        from reader.notes.anchoring import reading_key

        return reading_key(self.text, self._placements)

    def layers(self) -> tuple[Layer, ...]:
        self._loaded()
        return tuple(self._layers.values())

    def is_layer_visible(self, name: str) -> bool:
        layer = self._layers.get(name)
        return layer is None or layer.visible

    def is_read_only(self, note: Note) -> bool:
        layer = self._layers.get(note.layer)
        return layer is not None and layer.read_only

    def other_reports_notes(self) -> tuple[Note, ...]:
        """Notes made on other reports in the same data folder: listed apart on request, never placed here."""
        return self._store.other_reports_notes()

    def tags(self) -> tuple[str, ...]:
        found = {tag for note in self._loaded().values() for tag in note.tags}
        return tuple(sorted(found, key=str.casefold))

    def reload(self, announce: bool = True) -> None:
        """Read every note again and place it in the report (remembering positions found by quote)."""
        self._stop_work()
        for _ in self._read_all(announce=False):
            pass
        if announce:
            self.notes_changed.emit()

    def catch_up(self) -> bool:
        """Read every note again if another program (a command beside the window) changed them; whether it did
        (`notes_changed` follows). One cheap query when nothing changed; nothing while work runs in slices."""
        if self._work is not None or not self._store.changed_elsewhere() or self._notes is None:
            return False  # (nothing read yet: the first read reads the notes as they are now)
        held = {note_id: note.updated for note_id, note in self._notes.items()}
        if self._store.revisions() == held and _looks(self._store.layers()) == _looks(self._layers.values()):
            return False  # another program saved the notes as they already were here (an undone change)
        self.reload()
        return True

    def put_back(self, note: Note, **fields: object) -> Note | None:
        """Put back a note another program deleted while the reader typed in it, with `fields` saved over it; None
        when it is still there. `notes_changed` follows a turn later (the editor may be choosing another note)."""
        self._finish()
        try:
            self._store.restore(note)
        except ReaderError:
            return None
        saved = self._store.update(note.id, **fields)  # type: ignore[arg-type]
        self._put(saved)
        QTimer.singleShot(0, self, self.notes_changed.emit)
        return saved

    def load_in_slices(self) -> None:
        """Read and place every note a slice per event-loop turn (nothing to do once read); `notes_changed` is
        emitted when they are all in."""
        if self._notes is None and self._work is None:
            settle_long_lived()  # the window is built: what it holds lives as long as it does
            self._start_work(self._read_all(announce=True))

    def _read_all(self, announce: bool) -> Generator[None, None, _Announce]:
        """Read every note and place it, yielding between slices; the notes appear in `_notes` as they are placed."""
        from reader.notes.anchoring import moved_anchors, place_note
        from reader.notes.near_places import new_places, recall_places, remember_places_in_steps

        self._notes, self._placements = {}, {}
        # Each read of the whole table in a turn of its own (with 10,000 notes, a count of each layer's notes and the
        # places near searches found take milliseconds each, and a turn already reads and places a slice).
        self._layers = {layer.name: layer for layer in self._store.layers()}
        yield
        notes, placements = self._notes, self._placements
        edition = recall_places(self._store, self.text)  # where near searches placed notes in this edition before
        try:
            yield
            for note in sliced(self._store.iter_notes()):
                if note is None:
                    yield
                    continue
                placements[note.id] = place_note(self.text, note)
                notes[note.id] = note
        finally:  # also when the work is dropped: the remembered places are not kept beyond the pass
            self.text.recall_with(None)
        yield
        in_order = sorted(notes.values(), key=lambda note: note.created)  # oldest first; stable: as saved
        if [note.id for note in in_order] != list(notes):
            notes.clear()
            notes.update((note.id, note) for note in in_order)
        self.text.forget_search_states()  # what near searches kept to help each other: megabytes, not needed now
        moves = moved_anchors(notes.values(), placements)
        batch = min(work_slices.MAX_NOTES_PER_SLICE, 100)
        # After a new edition thousands of notes may have moved: their positions, then where near searches found
        # them, are saved a slice at a time, each in one transaction whose commit ends its slice.
        if moves:
            with contextlib.suppress(ReaderError):  # an optimisation only: the quote places them again next time
                yield from in_slices(self._store.relocate_in_steps(moves, batch))
            yield
        moved = {note_id for note_id, _anchor in moves}  # found in place next time: nothing to remember
        found = new_places(self.text, notes.values(), leave_out=moved)
        if found:
            yield
        yield from in_slices(remember_places_in_steps(self._store, edition, found, batch))
        if found:
            yield
        return self.notes_changed.emit if announce else None  # once the work is over

    def _place_in_slices(self, notes: Iterable[Note]) -> None:
        """Add notes just written to the store, placing them a slice per turn; then announce them."""
        self._finish()
        self._loaded()
        self._layers = {layer.name: layer for layer in self._store.layers()}
        self._start_work(self._place_all(tuple(notes)))

    def _place_all(self, notes: tuple[Note, ...]) -> Generator[None, None, _Announce]:
        from reader.notes.anchoring import place_note
        from reader.notes.near_places import edition_of, new_places, remember_places

        placed, placements = self._notes, self._placements
        assert placed is not None
        newest = max((note.created for note in placed.values()), default=None)
        for note in sliced(iter(notes)):
            if note is None:
                yield
                continue
            placements[note.id] = place_note(self.text, note)
            placed[note.id] = note
        self.text.forget_search_states()
        if found := new_places(self.text, notes):  # imported notes a near search placed: not searched next time
            remember_places(self._store, edition_of(self.text), found)
        if newest is not None and any(note.created < newest for note in notes):  # keep them oldest first
            in_order = sorted(placed.values(), key=lambda note: note.created)
            placed.clear()
            placed.update((note.id, note) for note in in_order)
        return self.notes_changed.emit

    def _start_work(self, work: Generator[None, None, _Announce]) -> None:
        self._work = work
        self._on_next_slice_due()

    def _on_next_slice_due(self) -> None:
        work = self._work
        if work is None:
            return
        self.slices += 1
        try:
            next(work)
        except StopIteration as done:
            self._work = None
            self._writing = False
            settle_long_lived()  # the notes and their places live as long as the window
            if done.value is not None:
                done.value()
            return
        except ReaderError as error:  # the database could not be read: the next read tries again and reports it
            self._work = None
            self._writing = False
            self._notes = None
            self.failed.emit(error_text(error))
            return
        self._next_slice.start()

    def _finish(self) -> None:
        """Carry out at once whatever is left of the sliced work (before a change, or a look-up it must answer)."""
        while self._work is not None:
            self._next_slice.stop()
            self._on_next_slice_due()

    def _stop_work(self) -> None:
        """Drop the sliced work (the notes are about to be read again); a write under way is finished instead."""
        if self._writing:
            self._finish()
        self._next_slice.stop()
        self._work = None

    def finish_work(self) -> None:
        """Carry out at once whatever is left of the sliced work: the notes being read are all read and placed (called
        before something made of every note: an export, a print), an import or a layer removal under way is written
        and committed (called before the notes database closes)."""
        self._finish()

    def _loaded(self) -> dict[NoteId, Note]:
        self._finish()
        if self._notes is None:
            self.reload(announce=False)  # the first read changes nothing
        assert self._notes is not None
        return self._notes

    # Writing (each method raises ReaderError with a message to show; nothing changes then)

    def add(self, anchor: Anchor, *, color: Color | str, style: Style | str, text: str = "") -> Note:
        """Save a new highlight in the reader's own layer; undo deletes it."""
        self._finish()
        note = self._store.add(anchor, text=text, color=color, style=style)
        self._put(note)
        self.undo_stack.push(AddNote(self, note))
        self.notes_changed.emit()
        return note

    def update(self, note_id: str, **fields: object) -> Note:
        """Change a note's text, tags, colour or style (saved at once)."""
        self._finish()
        note = self._store.update(note_id, **fields)  # type: ignore[arg-type]
        if self._notes is not None and self._notes.get(note.id) != note:
            self._put(note)
            self.note_updated.emit(note.id)
        return note

    def delete(self, note_id: str) -> Note:
        """Delete a note; undo puts it back as it was."""
        self._finish()
        note = self._store.delete(note_id)
        self._drop(note.id)
        self.undo_stack.push(DeleteNote(self, note))
        self.notes_changed.emit()
        return note

    def set_layer_visible(self, name: str, visible: bool) -> None:
        self._finish()
        self._layers[name] = self._store.set_layer_visible(name, visible)
        self.notes_changed.emit()

    def set_layer_read_only(self, name: str, read_only: bool) -> None:
        self._finish()
        self._layers[name] = self._store.set_layer_read_only(name, read_only)
        self.notes_changed.emit()

    def remove_layer(self, name: str) -> tuple[Note, ...]:
        """Remove an imported layer with its notes at once; undo brings the notes back."""
        self._finish()
        self._loaded()
        layer = self._layers.get(name)
        removed = self._store.remove_layer(name)
        self._forget_notes(removed)
        self.undo_stack.push(RemoveLayer(self, layer, removed))
        self.notes_changed.emit()
        return removed

    def start_removing_layer(self, name: str) -> None:
        """`remove_layer` a slice per event-loop turn, in one transaction all the same; `notes_changed` follows, or
        `failed(message)` when nothing was removed. Meanwhile `is_writing`; a change first finishes it."""
        self._finish()
        self._loaded()
        self._writing = True
        self._start_work(self._remove_layer(name))

    def _remove_layer(self, name: str, undoable: bool = True) -> Generator[None, None, _Announce]:
        """Remove a layer in slices; `undoable`: push the step that brings it back (not when redoing one)."""
        layer = self._layers.get(name)
        steps = self._store.remove_layer_in_steps(name, batch=min(work_slices.MAX_NOTES_PER_SLICE, 100))
        try:
            removed = yield from in_slices(steps)
        except ReaderError as error:
            return functools.partial(self.failed.emit, error_text(error))
        many = len(removed) > work_slices.MAX_NOTES_PER_SLICE  # a few notes are removed in the slice that starts it
        if many:
            yield  # the commit had its turn
        notes, placements = self._notes, self._placements  # not `_forget_notes`: it would finish this very work
        assert notes is not None
        for note in removed:
            notes.pop(note.id, None)
            placements.pop(note.id, None)
        if many:
            yield
        self._layers = {layer.name: layer for layer in self._store.layers()}
        if undoable:
            self.undo_stack.push(RemoveLayer(self, layer, removed))
        if many:
            yield  # repainting, listing and indexing follow the announcement: they get a turn of their own
        return self.notes_changed.emit

    def apply_import(self, prepared: PreparedImport) -> ImportResult:
        """Write a file read by `w3c_import.prepare_import` into its layer at once, in one transaction; its notes
        are placed in slices (`notes_changed` once they are in)."""
        from reader.notes.w3c_import import apply_import

        self._finish()
        result = apply_import(self._store, prepared)
        self._place_in_slices(result.added)
        return result

    def start_import(self, prepared: PreparedImport) -> None:
        """Write a file read by `w3c_import.prepare_import` into its layer a slice per event-loop turn, then place
        its notes the same way; `imported(result)` follows, or `import_failed(error)` when nothing was written.

        It is one transaction all the same: a failure in any slice leaves the notes as they were. Meanwhile
        `is_writing` and `is_loading` are true, and a change (or a look-up that must answer) first finishes
        the import at once.
        """
        self._finish()
        self._writing = True
        self._start_work(self._import(prepared))

    def _start_writing(self, work: Generator[None, None, _Announce]) -> None:
        self._finish()
        self._loaded()
        self._writing = True
        self._start_work(work)

    def _restore_layer(self, layer: Layer, notes: tuple[Note, ...]) -> Generator[None, None, _Announce]:
        """Write a removed layer's notes back in slices (one transaction), then place them the same way."""
        steps = self._store.restore_layer_in_steps(layer, notes, batch=min(work_slices.MAX_NOTES_PER_SLICE, 100))
        try:
            yield from in_slices(steps)
        except ReaderError as error:
            return functools.partial(self.failed.emit, error_text(error))
        many = len(notes) > work_slices.MAX_NOTES_PER_SLICE
        if many:
            yield  # the commit had its turn
        self._layers = {layer.name: layer for layer in self._store.layers()}
        if many:
            yield
        restored = tuple(note if note.layer == layer.name else in_layer(note, layer.name) for note in notes)
        yield from self._place_all(restored)
        if many:
            yield
        return self.notes_changed.emit

    def _import(self, prepared: PreparedImport) -> Generator[None, None, _Announce]:
        from reader.notes.w3c_import import apply_import_in_steps

        steps = apply_import_in_steps(self._store, prepared, batch=min(work_slices.MAX_NOTES_PER_SLICE, 100))
        try:
            result = yield from in_slices(steps)
        except ReaderError as error:
            return functools.partial(self.import_failed.emit, error)
        yield  # the commit had its turn
        if self._notes is None:  # nothing read yet: read every note, the new ones with them
            yield from self._read_all(announce=False)
        else:
            self._layers = {layer.name: layer for layer in self._store.layers()}
            yield
            yield from self._place_all(result.added)
            yield

        def announce() -> None:
            self.notes_changed.emit()
            self.imported.emit(result)

        return announce

    # Used by the undo commands

    def _forget_notes(self, removed: Iterable[Note]) -> None:
        """Drop notes whose layer was removed (no need to read the others again)."""
        notes = self._loaded()
        for note in removed:
            notes.pop(note.id, None)
            self._placements.pop(note.id, None)
        self._layers = {layer.name: layer for layer in self._store.layers()}

    def _restore(self, note: Note) -> None:
        self._finish()
        restored = self._store.restore(note)
        if note.layer not in self._layers:
            self._layers = {layer.name: layer for layer in self._store.layers()}
        self._put(restored)

    def _remove(self, note_id: NoteId) -> Note:
        self._finish()
        note = self._store.delete(note_id)
        self._drop(note.id)
        return note

    def _put(self, note: Note) -> None:
        from reader.notes.anchoring import place_note

        notes = self._loaded()
        notes[note.id] = note
        self._placements[note.id] = place_note(self.text, note)
        layer = self._layers.get(note.layer)
        if layer is None and note.layer == MY_LAYER:
            self._layers = {layer.name: layer for layer in self._store.layers()}

    def _drop(self, note_id: NoteId) -> None:
        self._loaded().pop(note_id, None)
        self._placements.pop(note_id, None)


def _looks(layers: Iterable[Layer]) -> set[tuple[str, bool, bool]]:
    return {(layer.name, layer.read_only, layer.visible) for layer in layers}
