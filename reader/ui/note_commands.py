"""The undoable changes to the notes: each already carried out when pushed on the `Annotator`'s undo stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from reader.errors import ReaderError
from reader.notes.note import Layer, Note
from reader.ui.error_text import error_text

if TYPE_CHECKING:
    from reader.ui.annotator import Annotator


class NoteCommand(QUndoCommand):
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


class AddNote(NoteCommand):
    """Undo of a new highlight: delete it (remembering any later edits), redo puts that note back."""

    def __init__(self, annotator: Annotator, note: Note) -> None:
        super().__init__(annotator, annotator.tr("Highlight"))
        self._note = note

    def carry_out_again(self) -> None:
        carry_out(self._annotator, lambda: self._annotator._restore(self._note))

    def undo(self) -> None:
        def remove() -> None:
            self._note = self._annotator._remove(self._note.id)

        carry_out(self._annotator, remove)


class DeleteNote(NoteCommand):
    """Undo of a deletion: put the note back as it was; redo deletes it again."""

    def __init__(self, annotator: Annotator, note: Note) -> None:
        super().__init__(annotator, annotator.tr("Delete Note"))
        self._note = note

    def carry_out_again(self) -> None:
        carry_out(self._annotator, lambda: self._annotator._remove(self._note.id))

    def undo(self) -> None:
        carry_out(self._annotator, lambda: self._annotator._restore(self._note))


class RemoveLayer(NoteCommand):
    """Undo of removing an imported layer: bring the layer and its notes back; redo removes them again."""

    def __init__(self, annotator: Annotator, layer: Layer | None, notes: tuple[Note, ...]) -> None:
        super().__init__(annotator, annotator.tr("Remove Layer"))
        self._layer = layer
        self._notes = notes

    def carry_out_again(self) -> None:
        if self._layer is not None:  # in slices, as the first removal (`notes_changed` once done)
            self._annotator._start_writing(self._annotator._remove_layer(self._layer.name, undoable=False))

    def undo(self) -> None:
        if self._layer is not None:  # the notes written back and placed in slices (`notes_changed` once done)
            self._annotator._start_writing(self._annotator._restore_layer(self._layer, self._notes))


def carry_out(annotator: Annotator, change: Callable[[], object], reload: bool = False, announce: bool = True) -> None:
    """Run an undo or redo step; a failure (say, another window already changed the note) is reported, not raised."""
    try:
        change()
    except ReaderError as error:
        annotator.failed.emit(error_text(error))
        annotator.reload()
        return
    if reload:
        annotator.reload()
    elif announce:
        annotator.notes_changed.emit()


def in_layer(note: Note, layer: str) -> Note:
    from dataclasses import replace

    return replace(note, layer=layer)
