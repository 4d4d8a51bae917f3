"""The notes database's integrity check begun early, on a thread of its own (`NotesOpener.begin_check`): opening the
notes then takes its answer, so the window's UI thread never waits for SQLite to read the whole file, and a damaged
file is still found and recovered from its backup."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.app_objects import NotesOpener
from reader.content import ParagraphId, SectionId
from reader.lock.privacy import Privacy
from reader.notes import schema
from reader.notes.note import BUNDLED_REPORT_ID, Anchor
from reader.notes.schema import DB_NAME
from reader.notes.store import NoteStore

ANCHOR = Anchor(SectionId("overview"), ParagraphId("overview-p1"), 0, 12, "Palestinians")


@pytest.fixture
def written(data_dir: Path):
    with NoteStore(data_dir) as store:
        for number in range(200):
            store.add(ANCHOR, text=f"note {number} " + "x" * 200)
        return store.notes()


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, threading.Thread]]:
    """Each integrity check made, with the thread it ran on."""
    made: list[tuple[Path, threading.Thread]] = []
    real = schema.damage

    def recorded(path: Path, backups: Path) -> str | None:
        made.append((path, threading.current_thread()))
        return real(path, backups)

    monkeypatch.setattr(schema, "damage", recorded)
    return made


def _opener(data_dir: Path) -> NotesOpener:
    return NotesOpener(data_dir, Privacy(data_dir, data_dir / "cache"), BUNDLED_REPORT_ID)


def test_notes_opened_after_the_check_began_are_checked_once_off_the_opening_thread(
    data_dir: Path, written, checks
) -> None:
    opener = _opener(data_dir)
    opener.begin_check()
    with opener.open() as store:
        assert store.notes() == written
        assert store.recovery_message is None
    assert [path for path, _thread in checks] == [data_dir / DB_NAME]
    assert checks[0][1] is not threading.current_thread()


def test_a_file_damaged_before_the_early_check_is_still_restored_from_its_backup(
    data_dir: Path, written, checks
) -> None:
    path = data_dir / DB_NAME
    damaged = path.read_bytes()[:50]
    path.write_bytes(damaged)
    opener = _opener(data_dir)
    opener.begin_check()
    with opener.open() as store:
        assert store.notes() == written
        assert "restored from the backup" in (store.recovery_message or "")
    (aside,) = data_dir.glob(f"{DB_NAME}.damaged-*")
    assert aside.read_bytes() == damaged
    assert len(checks) == 1


def test_each_opening_checks_anew_unless_a_check_was_begun_for_it(data_dir: Path, written, checks) -> None:
    opener = _opener(data_dir)
    opener.begin_check()
    opener.open().close()
    opener.open().close()  # no check begun for this one: it checks as it opens, on this thread
    assert len(checks) == 2
    assert checks[1][1] is threading.current_thread()


def test_a_check_of_another_database_is_not_taken_for_this_one(data_dir: Path, written, checks, tmp_path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    NoteStore(other).close()
    checks.clear()
    elsewhere = _opener(other)
    elsewhere.begin_check()
    with NoteStore(data_dir, check=elsewhere._check) as store:
        assert store.notes() == written
    assert sorted(path for path, _thread in checks) == sorted([other / DB_NAME, data_dir / DB_NAME])


def test_no_check_is_begun_while_the_notes_are_locked(data_dir: Path, checks, monkeypatch) -> None:
    monkeypatch.setattr(Privacy, "is_on", property(lambda self: True))
    _opener(data_dir).begin_check()
    assert checks == []


def test_a_file_changed_after_the_early_check_is_checked_again_as_it_opens(
    data_dir: Path, written, checks, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check tells of the file as it was: one damaged since (by another program, a failing disk, a sync tool) is
    found as the notes open and restored from its backup, not opened on the old answer."""
    with NoteStore(data_dir) as store:
        store.back_up()
    checks.clear()
    opener = _opener(data_dir)
    opener.begin_check()
    opener._check.result()  # checked: the file was healthy
    path = data_dir / DB_NAME
    path.write_bytes(b"this is not a database" * 100)
    with opener.open() as store:
        assert store.notes() == written
        assert "restored from the backup" in (store.recovery_message or "")
    assert len(checks) == 2 and checks[1][1] is threading.current_thread()
