"""The notes read a batch at a time come as they were saved, and sorted by age they are the notes in order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.notes.note import Anchor, ImportedNote
from reader.notes.store import NoteStore


def anchor(exact: str = "Palestinians", start: int = 0) -> Anchor:
    return Anchor("overview", "overview-p1", start, start + len(exact), exact, "", " in Gaza")


def test_the_notes_read_as_saved_sort_by_age_into_the_order_of_notes(data_dir: Path) -> None:
    older = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    with NoteStore(data_dir) as store:
        store.add(anchor(), text="today")
        store.add_imported("class", [ImportedNote(key="a", anchor=anchor(), text="2020", created=older)])
        store.add(anchor("Gaza", 20), text="today again")
        read = list(store.iter_notes(batch=2))
        assert [note.text for note in read] == ["today", "2020", "today again"]  # as saved
        assert sorted(read, key=lambda note: note.created) == list(store.notes())
