"""`NoteStore`: the reader's highlights and notes kept in SQLite in the data folder (the values are in `note.py`)."""

from __future__ import annotations

import datetime as dt
import enum
import json
import sqlite3
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.message import QT_TRANSLATE_NOOP, message
from reader.notes.layer_writes import STEP_BATCH, LayerWrites, drained
from reader.notes.near_places import NearPlace
from reader.notes.note import (
    BUNDLED_REPORT_ID,
    MAX_LAYER_NAME,
    MAX_NOTE_TEXT,
    MAX_TAG,
    MY_LAYER,
    Anchor,
    Color,
    ImportedNote,
    Layer,
    LayerName,
    Note,
    NoteId,
    NotesError,
    Style,
    check_layer_name,
    checked_anchor,
    checked_text,
    normalize_tags,
    to_color,
    to_style,
)
from reader.notes.purge import Purge, PurgeAtOnce, Purger
from reader.notes.rows import (
    COLUMNS,
    INSERT,
    anchor_values,
    iso,
    layer_from_row,
    note_from_row,
    now,
    reason,
    row_values,
    tags_json,
)
from reader.notes.schema import BACKUP_FOLDER, DB_NAME, open_database, refresh_daily_backup
from reader.sealing import SealKey

if TYPE_CHECKING:
    from reader.notes.integrity_check import IntegrityCheck
    from reader.notes.sealed_database import ReadAhead

__all__ = [
    "MAX_LAYER_NAME",
    "MAX_NOTE_TEXT",
    "MAX_TAG",
    "MY_LAYER",
    "STEP_BATCH",
    "Anchor",
    "Color",
    "ImportedNote",
    "Layer",
    "LayerName",
    "Note",
    "NoteId",
    "NoteStore",
    "NotesError",
    "Style",
    "check_layer_name",
    "normalize_tags",
]


class _Unchanged(enum.Enum):
    UNCHANGED = "unchanged"


UNCHANGED = _Unchanged.UNCHANGED
_CHANGES = "SELECT count FROM changes WHERE id = 1"  # the count of changes to notes and layers (`schema.py`)
_RELOCATE = 'UPDATE notes SET section_id = ?, paragraph_id = ?, start = ?, "end" = ? WHERE id = ?'
_REMEMBER_NEAR_PLACE = (
    'INSERT OR REPLACE INTO near_places (note_id, edition, anchor, section_id, start, "end", method, found) '
    "SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM notes WHERE id = ?)"  # not a note deleted meanwhile
)


class NoteStore(LayerWrites):
    """The notes database: every write is one transaction, committed before the method returns what it wrote.

    Open it once (on the UI thread) and pass it to whoever needs it. `recovery_message` is set when the file was
    damaged and restored from a backup, so the window can tell the reader what happened.
    """

    def __init__(
        self,
        location: Path | str,
        today: dt.date | None = None,
        key: SealKey | None = None,
        report: str = BUNDLED_REPORT_ID,
        check: IntegrityCheck | None = None,
        ahead: ReadAhead | None = None,
    ) -> None:
        """Open `location`: a folder (holding `notes.sqlite3`, normally the data folder) or a database file.

        With a `key` (the lock is on), `location` is the data folder and the notes are the sealed `notes.sealed`.
        `report` is the identity of the report being read (its manifest's id): the store lists, counts and writes
        only that report's notes (`other_reports_notes()` lists the rest, to be shown apart and never placed).
        A `check` begun earlier on the database file (`integrity_check.py`) stands for the check opening makes; for
        sealed notes, what `sealed_database.read_ahead` read stands for reading, unsealing and checking the file.
        """
        location = Path(location)
        self.report = report
        self._today = today  # None: the real date at each backup (the app may stay open past midnight)
        if key is not None:
            from reader.notes.sealed_database import SEALED_NAME, open_sealed_database

            self._path = location / SEALED_NAME
            opened = open_sealed_database(location, key, today, ahead)
        else:
            self._path = location / DB_NAME if location.is_dir() or not location.suffix else location
            opened = open_database(self._path, today, check)
        self._opened = opened
        self._connection = opened.connection
        self._changed = False
        self._purger: Purger = PurgeAtOnce()
        self.recovery_message: str | None = opened.recovery_message
        self._data_version = self._read_data_version()  # what `changed_elsewhere()` compares with
        self._changes = self._read_changes()  # the database's count of changes to notes and layers, as last seen
        self._missed = False  # another program changed the notes before one of this store's writes counted on

    # -- life cycle -------------------------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._path

    @property
    def is_sealed(self) -> bool:
        return self._path.suffix == ".sealed"

    @property
    def _backups(self) -> Path:
        return self._path.parent / BACKUP_FOLDER

    def purge_with(self, purger: Purger) -> None:
        """From now on, hand the removal of deleted notes from the backups to `purger` (the window runs it off the
        UI thread) instead of doing it before a deletion returns. A backup is taken, and the store closed, only once
        the purger has carried out every purge it was given."""
        self._purger = purger

    def back_up(self) -> Path:
        """Bring today's backup (in `backups/`, one per day, the last seven kept) up to date with every note."""
        self._purger.wait()  # no purge still rewriting a backup
        today = self._today or dt.date.today()
        path = refresh_daily_backup(self._connection, self._backups, today, self._opened.copies)
        self._changed = False
        return path

    def close(self) -> None:
        """Close the database, first refreshing today's backup if anything changed since it was taken."""
        try:
            self._purger.wait()
            if self._changed:
                self.back_up()
        finally:
            self._connection.close()

    def __enter__(self) -> NoteStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def changed_elsewhere(self) -> bool:
        """Whether another program (a command run beside the window) saved to the notes since this store was opened
        or last asked: one cheap query, for a window that wants to show what is on disk.

        This store's own writes never count, nor does another connection only emptying the write-ahead log (the
        purge after this store's own deletion does it): the database counts every change to a note or a layer, and
        that count is compared once SQLite's data_version says another connection did something. In a folder that
        cannot be written to, nothing changes. Sealed notes (the lock is on) catch up with another process's save of
        the sealed file, and are then changed.
        """
        if self.is_sealed:
            from reader.notes.sealed_database import SealedDatabase

            return isinstance(self._opened, SealedDatabase) and self._opened.catch_up()
        version = self._read_data_version()
        if version == self._data_version:
            return False
        self._data_version = version
        changes = self._read_changes()
        if changes == self._changes and not self._missed:
            return False
        self._changes, self._missed = changes, False
        return True

    def _read_data_version(self) -> int:
        # SQLite's counter of commits by other connections; our own commits leave it as it is.
        return int(self._query("PRAGMA data_version").fetchone()[0])

    def _read_changes(self) -> int:
        """The database's count of changes to notes and layers, kept by its triggers (`schema.py`)."""
        return int(self._query(_CHANGES).fetchone()[0])

    # -- reading ----------------------------------------------------------------------------------------------

    def revisions(self) -> dict[NoteId, dt.datetime]:
        """Each of this report's notes by id, with when it was last changed (its `updated`): a cheap way to tell
        whether the notes someone holds are still the notes saved."""
        rows = self._query("SELECT id, updated FROM notes WHERE report = ?", (self.report,))
        return {NoteId(note_id): dt.datetime.fromisoformat(updated) for note_id, updated in rows}

    def note(self, note_id: str) -> Note:
        """The note with this id; NotesError if there is none (it was deleted or its layer removed)."""
        row = self._query(f"SELECT {COLUMNS} FROM notes WHERE id = ?", (note_id,)).fetchone()
        if row is None:
            raise NotesError(
                message(
                    QT_TRANSLATE_NOOP("core", "There is no note “{note_id}”; it may have been deleted."),
                    note_id=note_id,
                )
            )
        return note_from_row(row)

    def notes(self, layer: str | None = None, *, visible_only: bool = False) -> tuple[Note, ...]:
        """Every note of this report (of one layer, or of the visible layers), oldest first."""
        sql = f"SELECT {COLUMNS} FROM notes WHERE report = ?"
        params: tuple[object, ...] = (self.report,)
        if layer is not None:
            sql += " AND layer = ?"
            params += (layer,)
        elif visible_only:
            sql += " AND layer IN (SELECT name FROM layers WHERE visible)"
        sql += " ORDER BY created, rowid"
        return tuple(note_from_row(row) for row in self._query(sql, params))

    def iter_notes(self, batch: int = 200) -> Iterator[Note]:
        """Every note of this report in the order they were saved, read `batch` rows at a time as they are consumed
        (so a caller can read them a slice per event-loop turn: no sorting of every row before the first comes).
        Sorted by `created` (a stable sort), they are in the order of `notes()`. Write nothing until it is exhausted."""
        cursor = self._query(f"SELECT {COLUMNS} FROM notes WHERE report = ? ORDER BY rowid", (self.report,))
        try:
            while rows := cursor.fetchmany(batch):
                yield from (note_from_row(row) for row in rows)
        except sqlite3.Error as exc:
            raise self._read_failed(exc) from exc
        finally:
            cursor.close()

    def notes_in(self, section_id: str) -> tuple[Note, ...]:
        """This report's notes anchored (when last saved) in one section, oldest first."""
        sql = f"SELECT {COLUMNS} FROM notes WHERE report = ? AND section_id = ? ORDER BY created, rowid"
        return tuple(note_from_row(row) for row in self._query(sql, (self.report, section_id)))

    def other_reports_notes(self) -> tuple[Note, ...]:
        """The notes made on other reports (other content packs), by report then age: never to be placed here."""
        sql = f"SELECT {COLUMNS} FROM notes WHERE report != ? ORDER BY report, created, rowid"
        return tuple(note_from_row(row) for row in self._query(sql, (self.report,)))

    def has_notes(self) -> bool:
        return self._query("SELECT EXISTS (SELECT 1 FROM notes WHERE report = ?)", (self.report,)).fetchone()[0] == 1

    def count(self) -> int:
        return int(self._query("SELECT count(*) FROM notes WHERE report = ?", (self.report,)).fetchone()[0])

    def tags(self) -> tuple[str, ...]:
        """Every tag in use on this report, sorted case-insensitively."""
        found: set[str] = set()
        for (tags,) in self._query("SELECT tags FROM notes WHERE report = ? AND tags != '[]'", (self.report,)):
            found.update(json.loads(tags))
        return tuple(sorted(found, key=str.casefold))

    def layers(self) -> tuple[Layer, ...]:
        """Every layer (with how many of this report's notes it holds), the reader's own first, then by name."""
        sql = (
            "SELECT layers.name, read_only, visible, source, count(notes.id) FROM layers "
            "LEFT JOIN notes ON notes.layer = layers.name AND notes.report = ? GROUP BY layers.name "
            "ORDER BY layers.name != 'mine', layers.name COLLATE NOCASE"
        )
        return tuple(layer_from_row(row) for row in self._query(sql, (self.report,)))

    def layer(self, name: str) -> Layer:
        for layer in self.layers():
            if layer.name == name:
                return layer
        raise NotesError(
            message(QT_TRANSLATE_NOOP("core", "There is no notes layer “{name}”; it may have been removed."), name=name)
        )

    # -- writing the reader's notes ---------------------------------------------------------------------------

    def add(
        self,
        anchor: Anchor,
        *,
        text: str = "",
        tags: Iterable[str] = (),
        color: Color | str = Color.YELLOW,
        style: Style | str = Style.HIGHLIGHT,
        layer: str = MY_LAYER,
        author: str | None = None,
    ) -> Note:
        """Save a new highlight (with an optional note) and return it with its id."""
        import uuid  # here: with `platform`, which it brings, it is only needed once a note is made

        moment = now()
        note = Note(
            id=NoteId(str(uuid.uuid4())),
            layer=LayerName(layer),
            anchor=checked_anchor(anchor),
            color=to_color(color),
            style=to_style(style),
            text=checked_text(text),
            tags=normalize_tags(tags),
            created=moment,
            updated=moment,
            author=author or None,
            report=self.report,
        )
        with self._transaction():
            self._require_writable(layer)
            self._insert(note)
        return note

    def update(
        self,
        note_id: str,
        *,
        text: str | _Unchanged = UNCHANGED,
        tags: Iterable[str] | _Unchanged = UNCHANGED,
        color: Color | str | _Unchanged = UNCHANGED,
        style: Style | str | _Unchanged = UNCHANGED,
        anchor: Anchor | _Unchanged = UNCHANGED,
    ) -> Note:
        """Change some fields of a note (the others stay as they are) and return the saved note."""
        with self._transaction():
            old = self.note(note_id)
            self._require_writable(old.layer)
            new = replace(
                old,
                text=old.text if text is UNCHANGED else checked_text(text),
                tags=old.tags if tags is UNCHANGED else normalize_tags(tags),
                color=old.color if color is UNCHANGED else to_color(color),
                style=old.style if style is UNCHANGED else to_style(style),
                anchor=old.anchor if anchor is UNCHANGED else checked_anchor(anchor),
            )
            if new == old:
                return old
            new = replace(new, updated=max(now(), old.updated))
            self._connection.execute(
                'UPDATE notes SET section_id = ?, paragraph_id = ?, start = ?, "end" = ?, exact = ?, prefix = ?, '
                "suffix = ?, color = ?, style = ?, body = ?, tags = ?, updated = ? WHERE id = ?",
                (
                    *anchor_values(new.anchor),
                    new.color,
                    new.style,
                    new.text,
                    tags_json(new.tags),
                    iso(new.updated),
                    new.id,
                ),
            )
        return new

    def delete(self, note_id: str) -> Note:
        """Delete a note and return it, so that `restore(note)` can undo the deletion."""
        with self._transaction():
            note = self.note(note_id)
            self._require_writable(note.layer)
            self._connection.execute("DELETE FROM notes WHERE id = ?", (note_id,))
        self._forget([note_id])
        return note

    def restore(self, note: Note) -> Note:
        """Put a deleted note back exactly as it was, with the same id (undo of `delete`)."""
        with self._transaction():
            self._ensure_layer(note.layer, read_only=note.layer != MY_LAYER, source=None)
            exists = self._connection.execute("SELECT 1 FROM notes WHERE id = ?", (note.id,)).fetchone()
            if exists:
                raise NotesError(
                    message(
                        QT_TRANSLATE_NOOP(
                            "core", "Cannot restore note “{note_id}”: a note with that id already exists."
                        ),
                        note_id=note.id,
                    )
                )
            self._insert(note)
        return note

    def relocate(self, moves: Sequence[tuple[str, Anchor]]) -> int:
        """Save new positions found by re-anchoring (quote and note untouched); returns how many notes moved."""
        return drained(self.relocate_in_steps(moves))

    def relocate_in_steps(
        self, moves: Sequence[tuple[str, Anchor]], batch: int = STEP_BATCH
    ) -> Generator[int, None, int]:
        """`relocate`, `batch` notes per step of its one transaction, yielding how many are saved so far
        (uncommitted); returns how many notes moved once committed. Closed early, it saves nothing."""
        moved = 0
        with self._transaction():
            for done, (note_id, anchor) in enumerate(moves, start=1):
                row = (anchor.section_id, anchor.paragraph_id, anchor.start, anchor.end, note_id)
                moved += self._connection.execute(_RELOCATE, row).rowcount
                if done % batch == 0 and done < len(moves):
                    yield done
        return moved

    def near_places(self, edition: str) -> dict[NoteId, NearPlace]:
        """Where near searches placed this report's notes in `edition` of it (`near_places.py`), by note."""
        rows = self._query(
            'SELECT note_id, anchor, near_places.section_id, near_places.start, near_places."end", method, found '
            "FROM near_places JOIN notes ON notes.id = note_id WHERE notes.report = ? AND edition = ?",
            (self.report, edition),
        )
        return {NoteId(note_id): NearPlace(*place) for note_id, *place in rows}

    def remember_near_places(self, edition: str, places: Mapping[str, NearPlace]) -> int:
        """Save where near searches placed notes in `edition`, in one transaction, dropping what this report's notes
        had for other editions; returns how many were saved. Nothing is written when there is nothing new."""
        return drained(self.remember_near_places_in_steps(edition, places))

    def remember_near_places_in_steps(
        self, edition: str, places: Mapping[str, NearPlace], batch: int = STEP_BATCH
    ) -> Generator[int, None, int]:
        """`remember_near_places`, `batch` places per step of its one transaction, yielding how many are saved so
        far (uncommitted); returns how many were saved once committed. Closed early, it saves nothing."""
        others = "FROM near_places WHERE edition != ? AND note_id IN (SELECT id FROM notes WHERE report = ?)"
        if not places and not self._query(f"SELECT EXISTS (SELECT 1 {others})", (edition, self.report)).fetchone()[0]:
            return 0
        saved = 0
        with self._transaction():
            self._connection.execute(f"DELETE {others}", (edition, self.report))
            for done, (note_id, place) in enumerate(places.items(), start=1):
                row = (place.anchor, place.section_id, place.start, place.end, place.method, place.found)
                saved += self._connection.execute(_REMEMBER_NEAR_PLACE, (note_id, edition, *row, note_id)).rowcount
                if done % batch == 0 and done < len(places):
                    yield done
        return saved

    # -- internals --------------------------------------------------------------------------------------------

    def _forget(self, note_ids: Sequence[str], layer: str | None = None) -> None:
        """Once a deletion is saved, leave its text nowhere: not in the write-ahead log, not in any backup."""
        database = None if self.is_sealed or not self._path.is_file() else self._path
        self._purger.purge(Purge(database, self._backups, tuple(note_ids), self._opened.copies, layer))

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction, taken with the write lock up front so two processes queue instead of failing."""
        if self._connection.in_transaction:  # nested: the outer transaction commits
            yield
            return
        with self._opened.saving():
            try:
                self._connection.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise NotesError(
                    message(
                        QT_TRANSLATE_NOOP("core", "Cannot save notes: {reason}; nothing was changed."),
                        reason=reason(exc),
                    )
                ) from exc
            try:
                # Read while no other program can write: what changed between the two counts is this store's own.
                before = int(self._connection.execute(_CHANGES).fetchone()[0])
                yield
                changes = int(self._connection.execute(_CHANGES).fetchone()[0])
                self._connection.execute("COMMIT")
            except BaseException as exc:
                if self._connection.in_transaction:  # SQLite may have rolled back already (a full disk)
                    self._connection.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise NotesError(
                        message(
                            QT_TRANSLATE_NOOP("core", "Cannot save notes: {reason}; nothing was changed."),
                            reason=reason(exc),
                        )
                    ) from exc
                raise
            self._changed = True
            self._missed = self._missed or before != self._changes  # another program's change, not yet told
            self._changes = changes

    def _read_failed(self, exc: sqlite3.Error) -> NotesError:
        return NotesError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot read the notes database {path}: {reason}; restart the app."),
                path=self._path,
                reason=str(exc),
            )
        )

    def _query(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Cursor:
        try:
            return self._connection.execute(sql, params)
        except sqlite3.Error as exc:
            raise self._read_failed(exc) from exc

    def _insert(self, note: Note) -> bool:
        try:
            cursor = self._connection.execute(INSERT, row_values(note))
        except sqlite3.Error as exc:
            raise NotesError(
                message(
                    QT_TRANSLATE_NOOP("core", "Cannot save notes: {reason}; nothing was changed."), reason=reason(exc)
                )
            ) from exc
        return cursor.rowcount == 1

    def _require_layer(self, name: str) -> None:
        if self._connection.execute("SELECT 1 FROM layers WHERE name = ?", (name,)).fetchone() is None:
            raise NotesError(message(QT_TRANSLATE_NOOP("core", "There is no notes layer “{name}”."), name=name))

    def _require_writable(self, name: str) -> None:
        row = self._connection.execute("SELECT read_only FROM layers WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise NotesError(
                message(
                    QT_TRANSLATE_NOOP("core", "There is no notes layer “{name}”; import a file to create it."),
                    name=name,
                )
            )
        if row[0]:
            raise NotesError(
                message(
                    QT_TRANSLATE_NOOP(
                        "core", "The layer “{name}” is read-only; make it editable in the notes panel first."
                    ),
                    name=name,
                )
            )
