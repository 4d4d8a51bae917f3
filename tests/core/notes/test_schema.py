"""The notes database file: schema version and migrations, daily backups, integrity check and recovery."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

import pytest

from reader.content import ParagraphId, SectionId
from reader.errors import ReaderError
from reader.notes.note import Anchor
from reader.notes.schema import DAILY_BACKUPS_KEPT, DB_NAME, SCHEMA_VERSION
from reader.notes.store import NoteStore

from .conftest import database_at_version

ANCHOR = Anchor(SectionId("overview"), ParagraphId("overview-p1"), 0, 12, "Palestinians")


def _backups(folder: Path, pattern: str = "notes-*.sqlite3") -> list[str]:
    return sorted(path.name for path in (folder / "backups").glob(pattern))


def test_new_database_uses_wal_and_the_current_schema(data_dir: Path) -> None:
    NoteStore(data_dir).close()
    connection = sqlite3.connect(data_dir / DB_NAME)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_old_schema_is_backed_up_then_migrated_keeping_notes(data_dir: Path) -> None:
    database_at_version(data_dir, 1)
    with NoteStore(data_dir) as store:
        assert store.note("n1").text == "written by version 1"
    (before,) = _backups(data_dir, "notes-before-v*.sqlite3")
    old = sqlite3.connect(data_dir / "backups" / before)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT body FROM notes").fetchone()[0] == "written by version 1"
    old.close()


def test_database_from_a_newer_version_is_refused_and_left_alone(data_dir: Path) -> None:
    path = data_dir / DB_NAME
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE future (x)")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    connection.commit()
    connection.close()
    content = path.read_bytes()
    with pytest.raises(ReaderError, match="newer version of Field Reader"):
        NoteStore(data_dir)
    assert path.read_bytes() == content


def test_one_backup_a_day_and_only_the_last_seven_days_are_kept(data_dir: Path) -> None:
    first = dt.date(2025, 3, 1)
    for day in range(10):
        with NoteStore(data_dir, today=first + dt.timedelta(days=day)) as store:
            store.add(ANCHOR, text=f"day {day}")
    names = _backups(data_dir)
    assert len(names) == DAILY_BACKUPS_KEPT
    assert names[0] == "notes-2025-03-04.sqlite3"
    assert names[-1] == "notes-2025-03-10.sqlite3"


def test_todays_backup_holds_the_notes_written_today(data_dir: Path) -> None:
    with NoteStore(data_dir) as store:
        note = store.add(ANCHOR, text="written this morning")
    (name,) = _backups(data_dir)
    with NoteStore(data_dir / "backups" / name) as backup:
        assert backup.note(note.id).text == "written this morning"


class TestRecovery:
    @pytest.fixture
    def written(self, data_dir: Path):
        with NoteStore(data_dir) as store:
            for number in range(300):
                store.add(ANCHOR, text=f"note {number} " + "x" * 200)
            return store.notes()

    @pytest.mark.parametrize(
        "damage",
        [
            pytest.param(lambda data: data[: len(data) // 2], id="truncated to half"),
            pytest.param(lambda data: data[:50], id="truncated inside the header"),
            pytest.param(lambda data: b"", id="emptied"),
            pytest.param(lambda data: bytes(range(256)) * (len(data) // 256), id="garbage"),
            pytest.param(lambda data: data[:8192] + b"\xff" * 8192 + data[16384:], id="pages overwritten"),
        ],
    )
    def test_damaged_file_is_moved_aside_and_notes_restored_from_backup(self, data_dir: Path, written, damage) -> None:
        path = data_dir / DB_NAME
        damaged = damage(path.read_bytes())
        path.write_bytes(damaged)
        with NoteStore(data_dir) as store:
            assert store.notes() == written
            assert "restored from the backup" in store.recovery_message
        (aside,) = data_dir.glob(f"{DB_NAME}.damaged-*")
        assert aside.read_bytes() == damaged
        assert aside.name in store.recovery_message

    def test_newest_backup_damaged_too_falls_back_to_an_older_one(self, data_dir: Path, written) -> None:
        with NoteStore(data_dir, today=dt.date(2000, 1, 1)):
            pass  # an older backup, from "another day"
        (data_dir / "backups" / f"notes-{dt.date.today().isoformat()}.sqlite3").write_bytes(b"broken")
        (data_dir / DB_NAME).write_bytes(b"broken too")
        with NoteStore(data_dir) as store:
            assert store.recovery_message is not None
            assert len(store.notes()) == len(written)

    def test_without_a_good_backup_a_new_database_is_started_and_the_old_file_kept(self, data_dir: Path) -> None:
        (data_dir / DB_NAME).write_bytes(b"not a database" * 1000)
        with NoteStore(data_dir) as store:
            assert "no good backup" in store.recovery_message
            assert store.notes() == ()
            store.add(ANCHOR)
        (aside,) = data_dir.glob(f"{DB_NAME}.damaged-*")
        assert aside.read_bytes() == b"not a database" * 1000

    def test_healthy_database_reports_nothing(self, data_dir: Path, written) -> None:
        with NoteStore(data_dir) as store:
            assert store.recovery_message is None
        assert not list(data_dir.glob(f"{DB_NAME}.damaged-*"))


def test_unfinished_backup_copies_left_by_a_killed_process_are_cleaned_up(data_dir: Path) -> None:
    NoteStore(data_dir).close()
    stale = data_dir / "backups" / ".notes-2025-03-01.sqlite3.4242.tmp"
    fresh = data_dir / "backups" / ".notes-2025-03-02.sqlite3.4243.tmp"
    for leftover in (stale, fresh):
        leftover.write_bytes(b"half a copy")
    os.utime(stale, (time.time() - 2 * 3600,) * 2)
    NoteStore(data_dir).close()
    assert not stale.exists()
    assert fresh.exists()  # may belong to a process backing up right now
