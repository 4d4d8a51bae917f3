"""Sealed notes in a data folder that cannot be written to (a read-only mount): they open in memory to be read,
listed and exported; every write is refused in the plain notes' words, and nothing in the folder changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.lock.key_file import LockSettings
from reader.lock.privacy import Privacy, WrongPassphraseError
from reader.notes.note import NotesError
from reader.notes.store import NoteStore

from .conftest import all_bytes, anchor, make_read_only

PASSPHRASE = "olive grove 1967"
READ_ONLY_REFUSAL = (
    "Cannot save notes: the data folder {folder} cannot be written to; they can be read and exported only."
)


@pytest.fixture
def sealed_notes(data_dir: Path) -> str:
    """Sealed notes with one note, as a run with the lock on leaves them; the note's id."""
    privacy = Privacy(data_dir, data_dir / "cache")
    privacy.enable(PASSPHRASE, LockSettings())
    with NoteStore(data_dir, key=privacy.key) as store:
        return store.add(anchor(), text="sealed before the folder became read-only").id


def opened_key(data_dir: Path):
    privacy = Privacy(data_dir, data_dir / "cache")
    privacy.unlock(PASSPHRASE)
    return privacy.key


def test_sealed_notes_in_a_read_only_folder_open_to_be_read_and_change_nothing(
    data_dir: Path, sealed_notes: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = all_bytes(data_dir)
    make_read_only(data_dir, monkeypatch)

    with NoteStore(data_dir, key=opened_key(data_dir)) as store:
        assert [note.text for note in store.notes()] == ["sealed before the folder became read-only"]
        assert store.note(sealed_notes).text == "sealed before the folder became read-only"

    assert all_bytes(data_dir) == before


def test_a_write_to_sealed_notes_in_a_read_only_folder_is_refused_as_for_plain_notes(
    data_dir: Path, sealed_notes: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_read_only(data_dir, monkeypatch)
    with NoteStore(data_dir, key=opened_key(data_dir)) as store:
        with pytest.raises(NotesError) as refused:
            store.add(anchor("Gaza", 20), text="new")
        assert [note.id for note in store.notes()] == [sealed_notes]
    assert str(refused.value) == READ_ONLY_REFUSAL.format(folder=data_dir)


def test_a_folder_that_turns_read_only_while_the_notes_are_open_refuses_in_the_same_words(
    data_dir: Path, sealed_notes: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with NoteStore(data_dir, key=opened_key(data_dir)) as store:
        make_read_only(data_dir, monkeypatch)
        with pytest.raises(NotesError) as refused:
            store.update(sealed_notes, text="changed")
        assert store.note(sealed_notes).text == "sealed before the folder became read-only"
        message = str(refused.value)
        monkeypatch.undo()
    assert message == READ_ONLY_REFUSAL.format(folder=data_dir)
    assert "Errno" not in message and "close other copies" not in message


def test_the_right_passphrase_opens_a_read_only_folder_after_wrong_tries(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    privacy = Privacy(data_dir, data_dir / "cache")
    privacy.enable(PASSPHRASE, LockSettings(erase_after_tries=5))
    privacy.lock()
    with pytest.raises(WrongPassphraseError):
        privacy.unlock("not the passphrase")  # counted while the folder could still be written to
    before = all_bytes(data_dir)
    make_read_only(data_dir, monkeypatch)

    privacy.unlock(PASSPHRASE)

    assert not privacy.is_locked
    assert all_bytes(data_dir) == before
