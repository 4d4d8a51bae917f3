"""Deleting a note removes its text from the database, its write-ahead log and every backup; undo still works."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.lock.key_file import LockSettings
from reader.lock.privacy import Privacy
from reader.notes.copies import SealedCopies
from reader.notes.note import ImportedNote
from reader.notes.store import NoteStore

from .conftest import anchor, files_holding


def test_a_deleted_note_is_in_no_file_once_deleted(data_dir: Path) -> None:
    with NoteStore(data_dir) as store:
        keep = store.add(anchor(), text="a note to keep: olive-harvest")
        gone = store.add(anchor("Gaza", 20), text="name of a witness: Witness-Khalil", tags=["tag-Khalil"])
        store.back_up()  # today's backup holds the note
        assert files_holding(data_dir, "Witness-Khalil")
        store.delete(gone.id)
        assert files_holding(data_dir, "Witness-Khalil", "tag-Khalil") == []
        assert files_holding(data_dir, "olive-harvest")  # the rest is still there
        store.restore(gone)  # undo in the running window
        assert store.note(gone.id).text == "name of a witness: Witness-Khalil"
        assert store.note(keep.id)


def test_older_backups_lose_the_deleted_note_too(data_dir: Path) -> None:
    import datetime as dt

    with NoteStore(data_dir, today=dt.date(2026, 11, 1)) as store:
        note = store.add(anchor(), text="Witness-Khalil")
        store.back_up()
    with NoteStore(data_dir, today=dt.date(2026, 11, 2)) as store:
        store.back_up()
        assert len(list((data_dir / "backups").glob("notes-*.sqlite3"))) == 2
        store.delete(note.id)
    assert files_holding(data_dir, "Witness-Khalil") == []
    for backup in (data_dir / "backups").glob("notes-*.sqlite3"):
        assert sqlite3.connect(backup).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_secure_delete_is_set_explicitly(data_dir: Path) -> None:
    with NoteStore(data_dir) as store:
        assert store._connection.execute("PRAGMA secure_delete").fetchone() == (1,)


def test_removing_a_layer_removes_its_text_from_the_backups(data_dir: Path) -> None:
    with NoteStore(data_dir) as store:
        store.add_imported("Class layer", [ImportedNote(key="a", anchor=anchor(), text="Witness-Khalil")])
        store.back_up()
        store.remove_layer("Class layer")
    assert files_holding(data_dir, "Witness-Khalil", "Class layer") == []


def test_with_the_lock_on_the_sealed_backups_lose_the_note(data_dir: Path) -> None:
    privacy = Privacy(data_dir, data_dir / "cache")
    privacy.enable("olive grove 1967", LockSettings())
    with NoteStore(data_dir, key=privacy.key) as store:
        note = store.add(anchor(), text="Witness-Khalil")
        store.back_up()
        store.delete(note.id)
    copies = SealedCopies(privacy.key)
    for backup in (data_dir / "backups").glob("*.sealed"):
        image = copies.read_image(backup)
        assert b"Witness-Khalil" not in image
