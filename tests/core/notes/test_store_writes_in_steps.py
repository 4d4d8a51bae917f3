"""New positions and remembered near places are saved a batch per step of one transaction, so that the window can
save thousands of them between turns of its event loop: every step taken saves them all, and steps abandoned part
way save none of them and leave what was there before."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.content import Report
from reader.notes.anchoring import ReportText, anchor_from_selection
from reader.notes.near_places import NearPlace, anchor_digest
from reader.notes.note import Anchor, Note
from reader.notes.store import NoteStore


@pytest.fixture
def notes(report: Report, data_dir: Path) -> tuple[Note, ...]:
    text = ReportText(report)
    with NoteStore(data_dir) as store:
        for paragraph in [paragraph for paragraph in report.paragraphs() if len(paragraph.text) > 60][:12]:
            store.add(anchor_from_selection(text, paragraph.id, 10, 40))
        return store.notes()


def moved(note: Note) -> tuple[str, Anchor]:
    anchor = note.anchor
    return note.id, Anchor(anchor.section_id, anchor.paragraph_id, anchor.start + 1, anchor.end + 1, anchor.exact)


def positions(store: NoteStore) -> dict[str, tuple[int, int]]:
    return {note.id: (note.anchor.start, note.anchor.end) for note in store.notes()}


def test_every_step_taken_saves_every_new_position(notes: tuple[Note, ...], data_dir: Path) -> None:
    moves = [moved(note) for note in notes]
    with NoteStore(data_dir) as store:
        steps = store.relocate_in_steps(moves, batch=5)
        assert list(steps) == [5, 10]  # how many are saved so far, after each step but the last
    with NoteStore(data_dir) as store:
        assert positions(store) == {note_id: (anchor.start, anchor.end) for note_id, anchor in moves}


def test_steps_abandoned_part_way_save_no_position_and_leave_the_store_writable(
    notes: tuple[Note, ...], data_dir: Path
) -> None:
    with NoteStore(data_dir) as store:
        before = positions(store)
        steps = store.relocate_in_steps([moved(note) for note in notes], batch=5)
        assert next(steps) == 5
        steps.close()
        assert positions(store) == before
        assert store.relocate([moved(notes[0])]) == 1  # no transaction left open
    with NoteStore(data_dir) as store:
        assert positions(store) == {**before, notes[0].id: (before[notes[0].id][0] + 1, before[notes[0].id][1] + 1)}


def near(note: Note, start: int) -> NearPlace:
    return NearPlace(anchor_digest(note.anchor), note.anchor.section_id, start, start + 10, "fuzzy", "digest")


def test_every_step_taken_remembers_every_place_and_drops_the_older_editions(
    notes: tuple[Note, ...], data_dir: Path
) -> None:
    with NoteStore(data_dir) as store:
        store.remember_near_places("old", {notes[0].id: near(notes[0], 1)})
        steps = store.remember_near_places_in_steps("new", {note.id: near(note, 2) for note in notes}, batch=5)
        assert list(steps) == [5, 10]
        assert store.near_places("new") == {note.id: near(note, 2) for note in notes}
        assert store.near_places("old") == {}


def test_remembering_abandoned_part_way_keeps_what_was_remembered(notes: tuple[Note, ...], data_dir: Path) -> None:
    with NoteStore(data_dir) as store:
        store.remember_near_places("old", {notes[0].id: near(notes[0], 1)})
        steps = store.remember_near_places_in_steps("new", {note.id: near(note, 2) for note in notes}, batch=5)
        assert next(steps) == 5
        steps.close()
        assert store.near_places("new") == {}
        assert store.near_places("old") == {notes[0].id: near(notes[0], 1)}
        assert store.remember_near_places("new", {notes[1].id: near(notes[1], 3)}) == 1  # no transaction left open
