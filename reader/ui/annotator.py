"""`Annotator`: the window's notes, where each one sits in the report, and every change made undoable."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.content import Report
from reader.errors import ReaderError
from reader.notes.note import MY_LAYER, Anchor, Color, Layer, Note, NoteId, Style
from reader.notes.store import NoteStore

if TYPE_CHECKING:  # anchoring is imported on first use, after the window has been painted
    from reader.notes.anchoring import Placement, ReportText
    from reader.notes.w3c_import import ImportResult, PreparedImport


class Annotator(QObject):
    """Reads and writes notes through the `NoteStore`, keeps each note's place in the report, and holds the undo stack.

    Nothing is read until a note is first needed, so opening the window stays quick.
    """

    notes_changed = Signal()  # notes added, deleted, imported, or a layer shown, hidden or removed
    note_updated = Signal(str)  # one note's text, tags, colour or style changed
    failed = Signal(str)  # an undo or redo could not be carried out

    def __init__(self, store: NoteStore, report: Report, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._report = report
        self._text: ReportText | None = None
        self._notes: dict[NoteId, Note] | None = None
        self._placements: dict[NoteId, Placement] = {}
        self._layers: dict[str, Layer] = {}
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

    def notes(self, *, visible_only: bool = False) -> tuple[Note, ...]:
        """Every note (or those of visible layers), oldest first."""
        notes = self._loaded().values()
        if visible_only:
            return tuple(note for note in notes if self.is_layer_visible(note.layer))
        return tuple(notes)

    def note(self, note_id: str) -> Note | None:
        return self._loaded().get(NoteId(note_id))

    def placement(self, note_id: str) -> Placement | None:
        self._loaded()
        return self._placements.get(NoteId(note_id))

    def in_reading_order(self, notes: Iterable[Note]) -> tuple[Note, ...]:
        from reader.notes.anchoring import reading_order

        return reading_order(self.text, notes, self._placements)

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
        from reader.notes.anchoring import moved_anchors, place_notes

        notes = self._store.notes()
        self._placements = place_notes(self.text, notes)
        moves = moved_anchors(notes, self._placements)
        if moves:
            with contextlib.suppress(ReaderError):  # an optimisation only: the quote places them again next time
                self._store.relocate(moves)
        self._notes = {note.id: note for note in notes}
        self._layers = {layer.name: layer for layer in self._store.layers()}
        if announce:
            self.notes_changed.emit()

    def _loaded(self) -> dict[NoteId, Note]:
        if self._notes is None:
            self._notes = {}
            self.reload(announce=False)  # the first read changes nothing
        assert self._notes is not None
        return self._notes

    # Writing (each method raises ReaderError with a message to show; nothing changes then)

    def add(self, anchor: Anchor, *, color: Color | str, style: Style | str, text: str = "") -> Note:
        """Save a new highlight in the reader's own layer; undo deletes it."""
        note = self._store.add(anchor, text=text, color=color, style=style)
        self._put(note)
        self.undo_stack.push(_AddNote(self, note))
        self.notes_changed.emit()
        return note

    def update(self, note_id: str, **fields: object) -> Note:
        """Change a note's text, tags, colour or style (saved at once)."""
        note = self._store.update(note_id, **fields)  # type: ignore[arg-type]
        if self._notes is not None and self._notes.get(note.id) != note:
            self._put(note)
            self.note_updated.emit(note.id)
        return note

    def delete(self, note_id: str) -> Note:
        """Delete a note; undo puts it back as it was."""
        note = self._store.delete(note_id)
        self._drop(note.id)
        self.undo_stack.push(_DeleteNote(self, note))
        self.notes_changed.emit()
        return note

    def set_layer_visible(self, name: str, visible: bool) -> None:
        self._layers[name] = self._store.set_layer_visible(name, visible)
        self.notes_changed.emit()

    def set_layer_read_only(self, name: str, read_only: bool) -> None:
        self._layers[name] = self._store.set_layer_read_only(name, read_only)
        self.notes_changed.emit()

    def remove_layer(self, name: str) -> tuple[Note, ...]:
        """Remove an imported layer with its notes; undo brings the notes back."""
        self._loaded()
        layer = self._layers.get(name)
        removed = self._store.remove_layer(name)
        self._notes = None
        self._loaded()
        self.undo_stack.push(_RemoveLayer(self, layer, removed))
        self.notes_changed.emit()
        return removed

    def apply_import(self, prepared: PreparedImport) -> ImportResult:
        """Write a file read by `annotation_io.prepare_import` into its layer, in one transaction."""
        from reader.notes.w3c_import import apply_import

        result = apply_import(self._store, prepared)
        self.reload()
        return result

    # Used by the undo commands

    def _restore(self, note: Note) -> None:
        restored = self._store.restore(note)
        if note.layer not in self._layers:
            self._layers = {layer.name: layer for layer in self._store.layers()}
        self._put(restored)

    def _remove(self, note_id: NoteId) -> Note:
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


class _NoteCommand(QUndoCommand):
    """An undoable change to the notes that was already carried out when pushed: the first `redo()` does nothing."""

    def __init__(self, annotator: Annotator, text: str) -> None:
        super().__init__(text)
        self._annotator = annotator
        self._done = True  # QUndoStack.push() calls redo() at once, after the change has been written

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.carry_out_again()

    def carry_out_again(self) -> None:
        raise NotImplementedError


class _AddNote(_NoteCommand):
    """Undo of a new highlight: delete it (remembering any later edits), redo puts that note back."""

    def __init__(self, annotator: Annotator, note: Note) -> None:
        super().__init__(annotator, annotator.tr("Highlight"))
        self._note = note

    def carry_out_again(self) -> None:
        _carry_out(self._annotator, lambda: self._annotator._restore(self._note))

    def undo(self) -> None:
        def remove() -> None:
            self._note = self._annotator._remove(self._note.id)

        _carry_out(self._annotator, remove)


class _DeleteNote(_NoteCommand):
    """Undo of a deletion: put the note back as it was; redo deletes it again."""

    def __init__(self, annotator: Annotator, note: Note) -> None:
        super().__init__(annotator, annotator.tr("Delete Note"))
        self._note = note

    def carry_out_again(self) -> None:
        _carry_out(self._annotator, lambda: self._annotator._remove(self._note.id))

    def undo(self) -> None:
        _carry_out(self._annotator, lambda: self._annotator._restore(self._note))


class _RemoveLayer(_NoteCommand):
    """Undo of removing an imported layer: bring the layer and its notes back; redo removes them again."""

    def __init__(self, annotator: Annotator, layer: Layer | None, notes: tuple[Note, ...]) -> None:
        super().__init__(annotator, annotator.tr("Remove Layer"))
        self._layer = layer
        self._notes = notes

    def carry_out_again(self) -> None:
        if self._layer is not None:
            name = self._layer.name
            _carry_out(self._annotator, lambda: self._annotator._store.remove_layer(name), reload=True)

    def undo(self) -> None:
        if self._layer is not None:
            layer = self._layer
            _carry_out(self._annotator, lambda: self._annotator._store.restore_layer(layer, self._notes), reload=True)


def _carry_out(annotator: Annotator, change: Callable[[], object], reload: bool = False) -> None:
    """Run an undo or redo step; a failure (say, another window already changed the note) is reported, not raised."""
    try:
        change()
    except ReaderError as error:
        annotator.failed.emit(str(error))
        annotator.reload()
        return
    if reload:
        annotator.reload()
    else:
        annotator.notes_changed.emit()
