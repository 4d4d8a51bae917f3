"""A full disk or a read-only data folder: one clear line, the notes as they were, and still listable."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.content import ParagraphId, SectionId
from reader.notes.note import Anchor, ImportedNote, NotesError
from reader.notes.store import NoteStore


def _anchor(start: int = 0) -> Anchor:
    return Anchor(SectionId("overview"), ParagraphId("overview-p1"), start, start + 12, "Palestinians", "", "")


def test_a_full_disk_during_an_import_says_so_and_imports_nothing(data_dir: Path) -> None:
    with NoteStore(data_dir) as store:
        store.add(_anchor(), text="before")
        pages = store._connection.execute("PRAGMA page_count").fetchone()[0]
        store._connection.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up after two pages
        notes = [ImportedNote(key=str(n), anchor=_anchor(), text="x" * 2000) for n in range(200)]
        with pytest.raises(NotesError, match=r"^Cannot save notes: the disk is full; nothing was changed\.$"):
            store.add_imported("class", notes)
        assert [note.text for note in store.notes()] == ["before"]
    with NoteStore(data_dir) as reopened:
        assert [note.text for note in reopened.notes()] == ["before"]


@pytest.fixture
def read_only_folder(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    with NoteStore(data_dir) as store:
        store.add(_anchor(), text="written before the folder became read-only")
    os.chmod(data_dir, 0o555)
    if os.access(data_dir, os.W_OK):  # running as root: permissions do not stop writes, so say what they would
        monkeypatch.setattr("reader.notes.schema.folder_is_writable", lambda folder: False)
    yield data_dir
    os.chmod(data_dir, 0o755)


def test_notes_in_a_read_only_folder_can_be_listed(read_only_folder: Path) -> None:
    before = sorted(path.name for path in read_only_folder.iterdir())
    with NoteStore(read_only_folder) as store:
        assert [note.text for note in store.notes()] == ["written before the folder became read-only"]
    assert sorted(path.name for path in read_only_folder.iterdir()) == before


def test_saving_in_a_read_only_folder_says_why(read_only_folder: Path) -> None:
    with NoteStore(read_only_folder) as store:
        with pytest.raises(NotesError, match="cannot be written to; they can be read and exported only"):
            store.add(_anchor(), text="new")
        assert len(store.notes()) == 1
