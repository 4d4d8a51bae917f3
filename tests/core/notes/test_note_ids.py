"""Every note made, by hand or by import, gets its own random id in the form ids have always had."""

from __future__ import annotations

from pathlib import Path

from reader.notes.note import MY_LAYER, Anchor, ImportedNote
from reader.notes.store import NoteStore

ANCHOR = Anchor("s", "p", 0, 4, "text")


def _is_version_4_uuid(text: str) -> bool:
    parts = text.split("-")
    return [len(part) for part in parts] == [8, 4, 4, 4, 12] and parts[2][0] == "4" and parts[3][0] in "89ab"


def test_notes_made_by_hand_and_by_import_get_distinct_random_ids(tmp_path: Path) -> None:
    with NoteStore(tmp_path) as store:
        made = [store.add(ANCHOR), store.add(ANCHOR)]
        imported = store.add_imported(MY_LAYER, [ImportedNote(key=f"k{n}", anchor=ANCHOR) for n in range(3)])
    ids = [note.id for note in (*made, *imported)]
    assert len(set(ids)) == 5
    assert all(_is_version_4_uuid(note_id) for note_id in ids)
