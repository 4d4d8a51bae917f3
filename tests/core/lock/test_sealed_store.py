"""The sealed notes store: saved after every write, shared safely with a second process, and honest on failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.lock.key_file import LockSettings
from reader.lock.privacy import Privacy
from reader.notes.note import NotesError
from reader.notes.store import NoteStore

from .conftest import anchor, files_holding


@pytest.fixture
def key(data_dir: Path):
    privacy = Privacy(data_dir, data_dir / "cache")
    privacy.enable("olive grove 1967", LockSettings())
    return privacy.key


def test_two_stores_on_one_sealed_file_keep_each_others_notes(data_dir: Path, key) -> None:
    window = NoteStore(data_dir, key=key)
    command = NoteStore(data_dir, key=key)  # `field-reader notes import` beside the window
    first = window.add(anchor(), text="from the window")
    second = command.add(anchor("Gaza", 20), text="from the command line")
    third = window.add(anchor("Gaza", 30), text="the window again")
    window.close()
    command.close()
    with NoteStore(data_dir, key=key) as reopened:
        assert {note.id for note in reopened.notes()} == {first.id, second.id, third.id}


def test_a_save_that_fails_changes_nothing_in_memory_or_on_disk(
    data_dir: Path, key, monkeypatch: pytest.MonkeyPatch
) -> None:
    with NoteStore(data_dir, key=key) as store:
        kept = store.add(anchor(), text="kept")
        before = (data_dir / "notes.sealed").read_bytes()

        def disk_full(*args: object, **kwargs: object) -> None:
            raise ReaderError("Cannot write notes.sealed: No space left on device; check the free disk space.")

        monkeypatch.setattr("reader.notes.copies.write_atomically", disk_full)
        with pytest.raises(NotesError, match=r"No space left on device; .*nothing was changed"):
            store.add(anchor("Gaza", 20), text="lost-to-a-full-disk")
        assert store.notes() == (kept,)
        assert (data_dir / "notes.sealed").read_bytes() == before
        monkeypatch.undo()
    assert files_holding(data_dir, "lost-to-a-full-disk") == []


def test_a_damaged_sealed_file_is_restored_from_the_sealed_backup(data_dir: Path, key) -> None:
    with NoteStore(data_dir, key=key) as store:
        note = store.add(anchor(), text="in the backup")
    sealed = data_dir / "notes.sealed"
    sealed.write_bytes(sealed.read_bytes()[:-40] + bytes(40))
    with NoteStore(data_dir, key=key) as store:
        assert store.recovery_message and "restored from the backup" in store.recovery_message
        assert store.note(note.id).text == "in the backup"


def test_sealed_files_are_private_to_their_owner(data_dir: Path, key) -> None:
    with NoteStore(data_dir, key=key) as store:
        store.add(anchor(), text="x")
    for path in [data_dir / "notes.sealed", data_dir / "lock.json", *(data_dir / "backups").glob("*.sealed")]:
        assert path.stat().st_mode & 0o077 == 0, path


def test_a_first_save_that_fails_leaves_an_empty_store(data_dir: Path, key, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(*args: object, **kwargs: object) -> None:
        raise ReaderError("Cannot write notes.sealed: No space left on device.")

    monkeypatch.setattr("reader.notes.copies.write_atomically", disk_full)
    with pytest.raises(NotesError, match="nothing was changed"):
        NoteStore(data_dir, key=key)
    assert not (data_dir / "notes.sealed").exists()


def test_a_damaged_sealed_file_without_a_backup_starts_empty_and_keeps_the_damaged_file(data_dir: Path, key) -> None:
    (data_dir / "notes.sealed").write_bytes(b"FIELD-READER-SEALED-1\n" + bytes(100))
    with NoteStore(data_dir, key=key) as store:
        assert store.recovery_message and "no good backup" in store.recovery_message
        assert store.notes() == ()
        store.add(anchor(), text="a fresh start")
    assert list(data_dir.glob("notes.sealed.damaged-*"))


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (lambda sealed: sealed[:-40] + bytes(40), "notes.sealed is damaged, or was sealed with another key"),
        (lambda sealed: b"not sealed at all" * 20, "notes.sealed is not a sealed Field Reader file"),
    ],
    ids=["damaged", "not-sealed"],
)
def test_a_damaged_sealed_file_is_named_in_a_sentence_that_reads(data_dir: Path, key, damage, problem: str) -> None:
    with NoteStore(data_dir, key=key) as store:
        store.add(anchor(), text="in the backup")
    sealed = data_dir / "notes.sealed"
    sealed.write_bytes(damage(sealed.read_bytes()))
    with NoteStore(data_dir, key=key) as store:
        assert store.recovery_message is not None
        assert store.recovery_message.startswith(f"Your notes file was damaged ({problem}); it was kept as ")
