"""The privacy lock: with it on, nothing in the data folder holds a word the user wrote, and the key opens it all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.lock.key_file import LockError, LockSettings
from reader.lock.privacy import NotesLockedError, Privacy, WrongPassphraseError
from reader.notes.note import ImportedNote
from reader.notes.store import NoteStore
from reader.prefs import Preferences

from .conftest import all_bytes, anchor, files_holding

SECRET_WORDS = ("checkpoint-contact-Yusra", "tag-safehouse", "Layer of Mr Nasser", "author-Amal", "overview-p9")
PASSPHRASE = "olive grove 1967"


def write_private_things(data: Path) -> str:
    with NoteStore(data) as store:
        note = store.add(anchor(), text="meet checkpoint-contact-Yusra at noon", tags=["tag-safehouse"])
        store.add_imported(
            "Layer of Mr Nasser",
            [ImportedNote(key="k1", anchor=anchor(), text="from class", tags=("x",), author="author-Amal")],
            source="c.json",
        )
        store.back_up()
    prefs = Preferences(data)
    prefs.position = "overview-p9"
    prefs.save()
    return note.id


@pytest.fixture
def privacy(data_dir: Path) -> Privacy:
    return Privacy(data_dir, data_dir / "cache")


def test_with_the_lock_on_no_file_holds_a_word_the_user_wrote(data_dir: Path, privacy: Privacy) -> None:
    note_id = write_private_things(data_dir)
    assert files_holding(data_dir, *SECRET_WORDS)  # the check can see them while the lock is off

    privacy.enable(PASSPHRASE, LockSettings())

    assert files_holding(data_dir, *SECRET_WORDS) == []
    assert not (data_dir / "notes.sqlite3").exists()
    with NoteStore(data_dir, key=privacy.key) as store:
        assert store.note(note_id).text == "meet checkpoint-contact-Yusra at noon"
        assert [layer.name for layer in store.layers()] == ["mine", "Layer of Mr Nasser"]
        store.add(anchor("Gaza", 20), text="second note written-while-locked-on")
    assert files_holding(data_dir, "written-while-locked-on", *SECRET_WORDS) == []


def test_a_new_start_is_locked_until_the_passphrase_is_given(data_dir: Path, privacy: Privacy) -> None:
    note_id = write_private_things(data_dir)
    privacy.enable(PASSPHRASE, LockSettings())

    again = Privacy(data_dir, data_dir / "cache")
    assert again.is_locked
    with pytest.raises(NotesLockedError):
        _ = again.key
    assert Preferences(data_dir, sealed=True).position is None
    again.unlock(PASSPHRASE)
    with NoteStore(data_dir, key=again.key) as store:
        assert store.note(note_id).tags == ("tag-safehouse",)
    prefs = Preferences(data_dir, sealed=True)
    prefs.open_private(again.key)
    assert prefs.position == "overview-p9"


def test_a_wrong_passphrase_gets_one_line_and_changes_nothing(data_dir: Path, privacy: Privacy) -> None:
    write_private_things(data_dir)
    privacy.enable(PASSPHRASE, LockSettings())
    before = all_bytes(data_dir)

    again = Privacy(data_dir, data_dir / "cache")
    with pytest.raises(WrongPassphraseError, match=r"^Wrong passphrase; the notes stay locked\.$"):
        again.unlock("olive grove 1968")
    assert again.is_locked
    assert all_bytes(data_dir) == before


def test_turning_the_lock_off_gives_everything_back_in_the_clear(data_dir: Path, privacy: Privacy) -> None:
    note_id = write_private_things(data_dir)
    privacy.enable(PASSPHRASE, LockSettings())
    privacy.disable(PASSPHRASE)

    assert not privacy.is_on
    assert sorted(path.name for path in data_dir.glob("*.sealed")) == []
    assert not (data_dir / "lock.json").exists()
    with NoteStore(data_dir) as store:
        assert store.note(note_id).text == "meet checkpoint-contact-Yusra at noon"
    assert Preferences(data_dir).position == "overview-p9"
    assert list((data_dir / "backups").glob("*.sealed")) == []
    assert list((data_dir / "backups").glob("*.sqlite3"))


def test_turning_the_lock_off_needs_the_passphrase(data_dir: Path, privacy: Privacy) -> None:
    write_private_things(data_dir)
    privacy.enable(PASSPHRASE, LockSettings())
    before = all_bytes(data_dir)
    with pytest.raises(WrongPassphraseError, match="nothing was changed"):
        privacy.disable("not the passphrase")
    assert all_bytes(data_dir) == before


def test_changing_the_passphrase_keeps_the_notes(data_dir: Path, privacy: Privacy) -> None:
    note_id = write_private_things(data_dir)
    privacy.enable(PASSPHRASE, LockSettings())
    privacy.change_passphrase(PASSPHRASE, "a new and longer phrase")

    again = Privacy(data_dir, data_dir / "cache")
    with pytest.raises(WrongPassphraseError):
        again.unlock(PASSPHRASE)
    again.unlock("a new and longer phrase")
    with NoteStore(data_dir, key=again.key) as store:
        assert store.note(note_id)


def test_a_change_killed_while_saving_leaves_the_old_passphrase_working(
    data_dir: Path, privacy: Privacy, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_private_things(data_dir)
    privacy.enable(PASSPHRASE, LockSettings())

    def killed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # the process dies just before the new file replaces the old

    real_replace = os.replace
    monkeypatch.setattr("os.replace", killed)
    with pytest.raises(KeyboardInterrupt):
        privacy.change_passphrase(PASSPHRASE, "a new and longer phrase")
    monkeypatch.setattr("os.replace", real_replace)
    Privacy(data_dir, data_dir / "cache").unlock(PASSPHRASE)


def test_short_passphrases_are_refused_before_anything_changes(data_dir: Path, privacy: Privacy) -> None:
    write_private_things(data_dir)
    before = all_bytes(data_dir)
    with pytest.raises(LockError, match="at least 8 characters"):
        privacy.enable("short", LockSettings())
    assert all_bytes(data_dir) == before
    assert not privacy.is_on


def test_the_erase_passphrase_opens_an_empty_app_and_destroys_the_notes(data_dir: Path, privacy: Privacy) -> None:
    write_private_things(data_dir)
    privacy.enable(PASSPHRASE, LockSettings())
    privacy.set_erase_passphrase(PASSPHRASE, "everything is fine")

    at_checkpoint = Privacy(data_dir, data_dir / "cache")
    at_checkpoint.unlock("everything is fine")  # no error: it looks like an ordinary unlock

    assert not at_checkpoint.is_on
    assert not (data_dir / "lock.json").exists()
    assert files_holding(data_dir, *SECRET_WORDS) == []
    assert sorted(path.name for path in data_dir.rglob("*")) == []
    with NoteStore(data_dir, key=at_checkpoint.key) as store:
        assert store.notes() == ()


def test_the_lock_file_does_not_show_whether_an_erase_passphrase_is_set(data_dir: Path, privacy: Privacy) -> None:
    privacy.enable(PASSPHRASE, LockSettings())
    without = (data_dir / "lock.json").read_text()
    privacy.set_erase_passphrase(PASSPHRASE, "everything is fine")
    with_one = (data_dir / "lock.json").read_text()
    assert len(without) == len(with_one)
    assert without.count('"erase"') == with_one.count('"erase"') == 1


def test_the_erase_passphrase_must_differ(data_dir: Path, privacy: Privacy) -> None:
    privacy.enable(PASSPHRASE, LockSettings())
    with pytest.raises(LockError, match="must differ"):
        privacy.set_erase_passphrase(PASSPHRASE, PASSPHRASE)


def test_too_many_wrong_tries_erase_the_notes_when_asked(data_dir: Path, privacy: Privacy) -> None:
    write_private_things(data_dir)
    privacy.enable(PASSPHRASE, LockSettings(erase_after_tries=3))
    again = Privacy(data_dir, data_dir / "cache")
    with pytest.raises(WrongPassphraseError, match="2 tries are left"):
        again.unlock("wrong one 1")
    with pytest.raises(WrongPassphraseError, match=r"^Wrong passphrase; the notes stay locked\. 1 try is left before"):
        again.unlock("wrong one 2")
    with pytest.raises(WrongPassphraseError):
        again.unlock("wrong one 3")
    assert not again.is_on
    assert files_holding(data_dir, *SECRET_WORDS) == []
    assert not (data_dir / "notes.sealed").exists()


def test_the_right_passphrase_resets_the_count_of_wrong_tries(data_dir: Path, privacy: Privacy) -> None:
    privacy.enable(PASSPHRASE, LockSettings(erase_after_tries=3))
    again = Privacy(data_dir, data_dir / "cache")
    for _ in range(2):
        with pytest.raises(WrongPassphraseError):
            again.unlock("wrong one")
    again.unlock(PASSPHRASE)
    with pytest.raises(WrongPassphraseError, match="2 tries are left"):
        Privacy(data_dir, data_dir / "cache").unlock("wrong again")


def test_a_switch_killed_before_it_counted_leaves_the_plain_notes_in_use(
    data_dir: Path, privacy: Privacy, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = write_private_things(data_dir)

    def killed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("reader.lock.key_file.create_key_file", killed)
    with pytest.raises(KeyboardInterrupt):
        privacy.enable(PASSPHRASE, LockSettings())
    assert (data_dir / "notes.sealed").exists()  # written, but useless without the key file

    after_restart = Privacy(data_dir, data_dir / "cache")
    assert not after_restart.is_on
    assert not (data_dir / "notes.sealed").exists()
    with NoteStore(data_dir) as store:
        assert store.note(note_id)


def test_a_switch_killed_after_it_counted_shreds_the_plain_leftovers(data_dir: Path, privacy: Privacy) -> None:
    write_private_things(data_dir)
    leftover = (data_dir / "notes.sqlite3").read_bytes()
    privacy.enable(PASSPHRASE, LockSettings())
    (data_dir / "notes.sqlite3").write_bytes(leftover)  # as if the kill came before the shredding

    Privacy(data_dir, data_dir / "cache")
    assert files_holding(data_dir, *SECRET_WORDS) == []


def test_settings_are_checked(data_dir: Path) -> None:
    with pytest.raises(LockError, match="0 \\(never\\)"):
        LockSettings(erase_after_tries=1)
    with pytest.raises(LockError, match="minutes"):
        LockSettings(auto_lock_minutes=-1)


def test_a_read_only_folder_is_said_to_be_one_before_anything_changes(
    data_dir: Path, privacy: Privacy, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_private_things(data_dir)
    before = all_bytes(data_dir)
    monkeypatch.setattr("reader.lock.privacy.os.access", lambda path, mode: Path(path) != data_dir)
    with pytest.raises(LockError, match="cannot be written to, so nothing was changed"):
        privacy.enable(PASSPHRASE, LockSettings())
    with pytest.raises(LockError, match="cannot be written to"):
        privacy.erase()
    assert all_bytes(data_dir) == before


def test_changing_settings_never_opens_a_closed_lock(data_dir: Path, privacy: Privacy) -> None:
    privacy.enable(PASSPHRASE, LockSettings())
    again = Privacy(data_dir, data_dir / "cache")
    again.change_settings(PASSPHRASE, LockSettings(auto_lock_minutes=3))
    again.change_passphrase(PASSPHRASE, "another long phrase")
    assert again.is_locked
    assert again.settings.auto_lock_minutes == 3


def test_the_last_wrong_try_says_it_erased(data_dir: Path, privacy: Privacy) -> None:
    privacy.enable(PASSPHRASE, LockSettings(erase_after_tries=3))
    again = Privacy(data_dir, data_dir / "cache")
    outcomes = []
    for _ in range(3):
        with pytest.raises(WrongPassphraseError) as caught:
            again.unlock("wrong one")
        outcomes.append(caught.value.erased)
    assert outcomes == [False, False, True]


def test_copies_left_half_written_are_shredded_when_the_lock_goes_on(data_dir: Path, privacy: Privacy) -> None:
    write_private_things(data_dir)
    leftover = (data_dir / "notes.sqlite3").read_bytes()
    (data_dir / "backups" / ".notes-2026-01-01.sqlite3.99.tmp").write_bytes(leftover)
    (data_dir / ".notes.sqlite3.98.tmp").write_bytes(leftover)
    privacy.enable(PASSPHRASE, LockSettings())
    assert files_holding(data_dir, *SECRET_WORDS) == []
