"""Sealed notes read ahead on a worker (`read_ahead`, as the window does while it unlocks): the opening takes that
read only while the file is the one read, and never a damaged one."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.lock.key_file import LockSettings
from reader.lock.privacy import Privacy
from reader.notes import copies
from reader.notes.sealed_database import SEALED_NAME, read_ahead
from reader.notes.store import NoteStore

from .conftest import anchor


@pytest.fixture
def key(data_dir: Path):
    privacy = Privacy(data_dir, data_dir / "cache")
    privacy.enable("olive grove 1967", LockSettings())
    return privacy.key


@pytest.fixture
def unsealed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every sealed file unsealed from now on, in order."""
    read: list[Path] = []
    read_image = copies.SealedCopies.read_image

    def counted(self, path: Path) -> bytes:
        read.append(path)
        return read_image(self, path)

    monkeypatch.setattr(copies.SealedCopies, "read_image", counted)
    return read


def test_an_opening_takes_the_notes_read_ahead(data_dir: Path, key, unsealed: list[Path]) -> None:
    with NoteStore(data_dir, key=key) as store:
        note = store.add(anchor(), text="read on the worker")
    ahead = read_ahead(data_dir, key)
    assert ahead is not None
    del unsealed[:]

    with NoteStore(data_dir, key=key, ahead=ahead) as store:
        assert [kept.text for kept in store.notes()] == [note.text]
    assert data_dir / SEALED_NAME not in unsealed  # not read and unsealed a second time


def test_notes_saved_after_the_read_ahead_are_read_from_the_file(data_dir: Path, key) -> None:
    """A command run beside the window saved a note between the read ahead and the opening: the opening reads the
    file again rather than take the older read."""
    with NoteStore(data_dir, key=key) as store:
        store.add(anchor(), text="before")
    ahead = read_ahead(data_dir, key)
    with NoteStore(data_dir, key=key) as command:
        command.add(anchor("Gaza", 20), text="saved meanwhile")

    with NoteStore(data_dir, key=key, ahead=ahead) as store:
        assert sorted(note.text for note in store.notes()) == ["before", "saved meanwhile"]


def test_a_read_ahead_with_another_key_is_not_taken(data_dir: Path, key, unsealed: list[Path]) -> None:
    with NoteStore(data_dir, key=key) as store:
        store.add(anchor(), text="kept")
    ahead = read_ahead(data_dir, key)
    other = Privacy(data_dir, data_dir / "cache")
    other.unlock("olive grove 1967")  # the same data key, unwrapped again: another object
    del unsealed[:]

    with NoteStore(data_dir, key=other.key, ahead=ahead) as store:
        assert [note.text for note in store.notes()] == ["kept"]
    assert data_dir / SEALED_NAME in unsealed


def test_a_damaged_file_is_not_read_ahead_and_the_opening_restores_the_backup(data_dir: Path, key) -> None:
    with NoteStore(data_dir, key=key) as store:
        store.add(anchor(), text="in the backup")
    sealed = data_dir / SEALED_NAME
    sealed.write_bytes(sealed.read_bytes()[:-40] + bytes(40))

    ahead = read_ahead(data_dir, key)

    assert ahead is None
    with NoteStore(data_dir, key=key, ahead=ahead) as store:
        assert [note.text for note in store.notes()] == ["in the backup"]
        assert store.recovery_message


def test_no_file_is_nothing_to_read_ahead(data_dir: Path) -> None:
    privacy = Privacy(data_dir, data_dir / "cache")
    privacy.enable("olive grove 1967", LockSettings())
    (data_dir / SEALED_NAME).unlink(missing_ok=True)
    assert read_ahead(data_dir, privacy.key) is None
