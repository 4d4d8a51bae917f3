"""`LayerWrites`: the note store's writes of whole layers (imports, removals, their undo) and of layer settings."""

from __future__ import annotations

import sqlite3
from collections.abc import Generator, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import TypeVar

from reader.message import QT_TRANSLATE_NOOP, message
from reader.notes.note import (
    MY_LAYER,
    ImportedNote,
    Layer,
    Note,
    NoteId,
    NotesError,
    check_layer_name,
    checked_anchor,
    checked_text,
    normalize_tags,
    to_color,
    to_style,
)
from reader.notes.rows import iso, now
from reader.notes.w3c_model import comparable_key, key_from_iri, note_iri

_Result = TypeVar("_Result")
STEP_BATCH = 100
"""How many notes `add_imported_in_steps` writes, or `remove_layer_in_steps` deletes, in one step (milliseconds)."""


class LayerWrites:
    """Mixed into `NoteStore`: every write here is one transaction of the store's (`_transaction`), and the `_in_steps`
    forms write a batch per step inside it, all or nothing."""

    report: str
    _connection: sqlite3.Connection

    def _transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _insert(self, note: Note) -> bool:
        raise NotImplementedError

    def _forget(self, note_ids: Sequence[str], layer: str | None = None) -> None:
        raise NotImplementedError

    def _require_layer(self, name: str) -> None:
        raise NotImplementedError

    def layer(self, name: str) -> Layer:
        raise NotImplementedError

    def notes(self, layer: str | None = None, *, visible_only: bool = False) -> tuple[Note, ...]:
        raise NotImplementedError

    # -- layers -----------------------------------------------------------------------------------------------

    def set_layer_visible(self, name: str, visible: bool) -> Layer:
        self._set_layer_flag(name, "visible", visible)
        return self.layer(name)

    def set_layer_read_only(self, name: str, read_only: bool) -> Layer:
        if name == MY_LAYER and read_only:
            raise NotesError(message(QT_TRANSLATE_NOOP("core", "Your own notes layer cannot be made read-only.")))
        self._set_layer_flag(name, "read_only", read_only)
        return self.layer(name)

    def remove_layer(self, name: str) -> tuple[Note, ...]:
        """Remove an imported layer with all its notes on this report; returns the notes removed.

        The layer itself goes once no other report has notes in it.
        """
        return drained(self.remove_layer_in_steps(name))

    def remove_layer_in_steps(self, name: str, batch: int = STEP_BATCH) -> Generator[int, None, tuple[Note, ...]]:
        """`remove_layer`, reading the notes in one step, then deleting `batch` of them per step: yields how many
        are deleted so far (uncommitted), and returns the notes removed once the one transaction is committed.

        All or nothing, as `add_imported_in_steps`: a failure, or the generator closed early, deletes nothing.
        """
        if name == MY_LAYER:
            raise NotesError(
                message(
                    QT_TRANSLATE_NOOP("core", "Your own notes layer cannot be removed; delete single notes instead.")
                )
            )
        with self._transaction():
            self._require_layer(name)
            removed = self.notes(name)
            yield 0
            note_ids = [note.id for note in removed]
            for start in range(0, len(note_ids), batch):
                chunk = note_ids[start : start + batch]
                marks = ", ".join("?" * len(chunk))
                self._connection.execute(f"DELETE FROM notes WHERE id IN ({marks})", chunk)
                if start + batch < len(note_ids):
                    yield start + batch
            left = self._connection.execute("SELECT EXISTS (SELECT 1 FROM notes WHERE layer = ?)", (name,)).fetchone()
            if not left[0]:
                self._connection.execute("DELETE FROM layers WHERE name = ?", (name,))
        self._forget(note_ids, layer=None if left[0] else name)
        return removed

    def restore_layer(self, layer: Layer, notes: Sequence[Note]) -> Layer:
        """Put a removed layer back with its settings and notes, in one transaction (undo of `remove_layer`)."""
        drained(self.restore_layer_in_steps(layer, notes))
        return self.layer(layer.name)

    def restore_layer_in_steps(
        self, layer: Layer, notes: Sequence[Note], batch: int = STEP_BATCH
    ) -> Generator[int, None, None]:
        """`restore_layer`, `batch` notes per step, yielding how many are written so far; all or nothing, as
        `add_imported_in_steps`."""
        with self._transaction():
            self._connection.execute(
                "INSERT OR IGNORE INTO layers (name, read_only, visible, source, created) VALUES (?, ?, ?, ?, ?)",
                (layer.name, int(layer.read_only), int(layer.visible), layer.source, iso(now())),
            )
            for done, note in enumerate(notes, start=1):
                self._insert(replace(note, layer=layer.name))
                if done % batch == 0 and done < len(notes):
                    yield done

    def add_imported(self, layer: str, notes: Sequence[ImportedNote], source: str | None = None) -> tuple[Note, ...]:
        """Add notes read from a file to `layer` (created read-only once a note is added to it) in one transaction.

        A note already among this report's notes is skipped, whatever layer it is in: one whose `key` a note here
        remembers, or whose key is the id of a note here as its export writes it (`urn:uuid:<id>`, the reader's own
        notes). So importing the same file twice, or an export of these notes, adds nothing. Returns the notes added.
        """
        return drained(self.add_imported_in_steps(layer, notes, source))

    def add_imported_in_steps(
        self, layer: str, notes: Sequence[ImportedNote], source: str | None = None, batch: int = STEP_BATCH
    ) -> Generator[int, None, tuple[Note, ...]]:
        """`add_imported`, a `batch` of notes per step: yields how many notes are written so far (uncommitted),
        and returns the notes added once the one transaction is committed.

        All or nothing still: a failure in any step, or closing the generator before it is done, rolls every
        step back. Until it is exhausted or closed, nothing else may write to this store.
        """
        import uuid  # here, as in `NoteStore.add`: only needed once notes are made

        name = check_layer_name(layer)
        moment = now()
        added: list[Note] = []
        with self._transaction():
            present = self._keys_present()
            for done, item in enumerate(notes, start=1):
                key = comparable_key(item.key)
                if key in present:
                    if done % batch == 0 and done < len(notes):
                        yield done
                    continue
                if not added:  # a layer is made only for notes that are new
                    self._ensure_layer(name, read_only=name != MY_LAYER, source=source)
                note = Note(
                    id=NoteId(str(uuid.uuid4())),
                    layer=name,
                    anchor=checked_anchor(item.anchor, allow_unplaced=True),
                    color=to_color(item.color),
                    style=to_style(item.style),
                    text=checked_text(item.text),
                    tags=normalize_tags(item.tags),
                    created=item.created or moment,
                    updated=item.updated or item.created or moment,
                    author=item.author or None,
                    import_key=item.key,
                    report=self.report,
                )
                if self._insert(note):
                    added.append(note)
                    present.add(key)
                if done % batch == 0 and done < len(notes):
                    yield done
        return tuple(added)

    def _keys_present(self) -> set[str]:
        """Every key a note of this report already answers to (`comparable_key`): the key an imported note
        remembers, and the key of each note's own id as an export writes it."""
        keys: set[str] = set()
        rows = self._connection.execute("SELECT id, import_key FROM notes WHERE report = ?", (self.report,))
        for note_id, import_key in rows:
            keys.add(comparable_key(key_from_iri(note_iri(note_id))))
            if import_key is not None:
                keys.add(comparable_key(import_key))
        return keys

    def _ensure_layer(self, name: str, read_only: bool, source: str | None) -> None:
        self._connection.execute(
            "INSERT OR IGNORE INTO layers (name, read_only, visible, source, created) VALUES (?, ?, 1, ?, ?)",
            (name, int(read_only), source, iso(now())),
        )

    def _set_layer_flag(self, name: str, column: str, value: bool) -> None:
        with self._transaction():
            self._require_layer(name)
            self._connection.execute(f"UPDATE layers SET {column} = ? WHERE name = ?", (int(value), name))


def drained(steps: Generator[int, None, _Result]) -> _Result:
    """Every step of an `_in_steps` write carried out at once; what the last returned."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value
