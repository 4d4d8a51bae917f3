"""`NoteStore.changed_elsewhere()`: true once after another program (a command beside the window) saved to the same
notes, plain or sealed; never for the store's own writes (nor the purge emptying the write-ahead log after its own
deletion), nor in a folder that cannot be written to."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.content import ParagraphId, SectionId
from reader.lock.key_file import LockSettings
from reader.lock.privacy import Privacy
from reader.notes.note import Anchor
from reader.notes.schema import DB_NAME
from reader.notes.store import NoteStore

from .lock.conftest import make_read_only
from .notes.conftest import database_at_version

PASSPHRASE = "olive grove 1967"


def anchor(exact: str = "Palestinians", start: int = 0) -> Anchor:
    return Anchor(SectionId("overview"), ParagraphId("overview-p1"), start, start + len(exact), exact, "", " in Gaza")


def test_the_stores_own_writes_are_not_changes_elsewhere(data_dir: Path) -> None:
    with NoteStore(data_dir) as store:
        note = store.add(anchor(), text="first")
        store.update(note.id, text="second", color="green")
        store.relocate([(note.id, anchor(start=1))])

        assert not store.changed_elsewhere()


def test_the_purge_after_the_stores_own_deletion_is_not_a_change_elsewhere(data_dir: Path) -> None:
    """The purge empties the write-ahead log from a connection of its own (SQLite's data_version changes): the notes
    did not change, so a window holding 10,000 of them need not read them all again."""
    with NoteStore(data_dir) as store:
        kept, deleted = store.add(anchor(), text="kept"), store.add(anchor(), text="deleted")
        store.delete(deleted.id)  # purged at once: the log emptied by another connection

        assert (data_dir / f"{DB_NAME}-wal").stat().st_size == 0  # the purge did empty the log
        assert not store.changed_elsewhere()
        assert store.notes() == (kept,)


def program_writing(folder: Path, statement: str) -> None:
    """A program that writes to the notes database with plain SQLite (not through a NoteStore)."""
    connection = sqlite3.connect(folder / DB_NAME)
    try:
        connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("statement", "changed"),
    [
        ("UPDATE notes SET body = 'changed by another program'", True),
        ("UPDATE layers SET visible = 0", True),
        ("PRAGMA wal_checkpoint(TRUNCATE)", False),
    ],
)
def test_any_programs_change_to_notes_or_layers_counts_and_a_checkpoint_does_not(
    data_dir: Path, statement: str, changed: bool
) -> None:
    with NoteStore(data_dir) as window:
        window.add(anchor(), text="written by the window")
        assert not window.changed_elsewhere()

        program_writing(data_dir, statement)

        assert window.changed_elsewhere() is changed


def test_a_database_from_before_the_count_counts_changes_once_opened(data_dir: Path) -> None:
    database_at_version(data_dir, 4)
    with NoteStore(data_dir) as window:
        assert [note.text for note in window.notes()] == ["written by version 4"]
        program_writing(data_dir, "PRAGMA wal_checkpoint(TRUNCATE)")
        assert not window.changed_elsewhere()

        program_writing(data_dir, "DELETE FROM notes")

        assert window.changed_elsewhere()
        assert window.notes() == ()


@pytest.mark.parametrize("change", ["add", "delete"])
def test_another_stores_save_is_a_change_elsewhere_once(data_dir: Path, change: str) -> None:
    with NoteStore(data_dir) as window:
        kept = window.add(anchor(), text="kept")
        assert not window.changed_elsewhere()

        with NoteStore(data_dir) as command:
            if change == "add":
                command.add(anchor(), text="from the command line")
            else:
                command.delete(kept.id)

        assert window.changed_elsewhere()
        assert not window.changed_elsewhere()  # told once


def test_another_programs_save_is_told_although_the_store_wrote_after_it(data_dir: Path) -> None:
    """The window saves a note after a command did, before it asked: the command's change is still told."""
    with NoteStore(data_dir) as window:
        window.add(anchor(), text="first")
        assert not window.changed_elsewhere()
        with NoteStore(data_dir) as command:
            command.add(anchor(), text="from the command line")

        window.add(anchor(), text="typed in the window meanwhile")

        assert window.changed_elsewhere()
        assert not window.changed_elsewhere()  # told once
        assert len(window.notes()) == 3


def test_a_change_made_before_the_first_question_is_reported(data_dir: Path) -> None:
    with NoteStore(data_dir) as window, NoteStore(data_dir) as command:
        command.add(anchor(), text="made while the window was starting")

        assert window.changed_elsewhere()


def test_revisions_show_what_another_store_deleted(data_dir: Path) -> None:
    with NoteStore(data_dir) as window:
        first, second = window.add(anchor(), text="one"), window.add(anchor(), text="two")
        with NoteStore(data_dir) as command:
            command.delete(first.id)

        assert window.revisions() == {second.id: second.updated}


def test_sealed_notes_catch_up_with_another_process_saving_them(data_dir: Path) -> None:
    privacy = Privacy(data_dir, data_dir / "cache")
    privacy.enable(PASSPHRASE, LockSettings())
    with NoteStore(data_dir, key=privacy.key) as window:
        note = window.add(anchor(), text="sealed note")
        assert not window.changed_elsewhere()

        with NoteStore(data_dir, key=privacy.key) as command:
            command.delete(note.id)

        assert window.changed_elsewhere()
        assert window.notes() == ()
        assert not window.changed_elsewhere()


def test_notes_in_a_read_only_folder_never_change_elsewhere(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with NoteStore(data_dir) as store:
        store.add(anchor(), text="written before the folder became read-only")
    make_read_only(data_dir, monkeypatch)

    with NoteStore(data_dir) as store:
        assert len(store.notes()) == 1
        assert not store.changed_elsewhere()
