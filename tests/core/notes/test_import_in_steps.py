"""An import written a batch at a time is still one transaction: all of it, or, when any batch fails or the writing
is abandoned, nothing; the sealed notes (the lock on) likewise."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.content import Report
from reader.errors import ReaderError
from reader.lock.key_file import LockSettings
from reader.lock.privacy import Privacy
from reader.notes.anchoring import anchor_from_selection
from reader.notes.note import MAX_NOTE_TEXT, ImportedNote, NotesError
from reader.notes.store import NoteStore
from reader.notes.w3c_import import PreparedImport, apply_import_in_steps


def imported(report: Report, count: int, broken_at: int | None = None) -> list[ImportedNote]:
    """`count` notes on the report's paragraphs; the one at `broken_at` holds a note too long to be kept."""
    paragraphs = [paragraph for paragraph in report.paragraphs() if len(paragraph.text) > 20]
    notes = []
    for number in range(count):
        paragraph = paragraphs[number % len(paragraphs)]
        text = "x" * (MAX_NOTE_TEXT + 1) if number == broken_at else f"imported {number}"
        anchor = anchor_from_selection(report, paragraph.id, 0, 12)
        notes.append(ImportedNote(key=f"k{number}", anchor=anchor, text=text))
    return notes


def everything(store: NoteStore) -> tuple[object, ...]:
    return (store.notes(), store.layers())


@pytest.fixture
def store(data_dir: Path, report: Report):
    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, report.paragraphs()[3].id, 0, 9), text="my own note")
        yield store


def test_an_import_in_steps_yields_between_batches_and_adds_every_note(store: NoteStore, report: Report) -> None:
    steps = store.add_imported_in_steps("class", imported(report, 25), batch=10)
    assert next(steps) == 10
    assert next(steps) == 20
    with pytest.raises(StopIteration) as done:
        next(steps)
    assert len(done.value.value) == 25
    assert len(store.notes("class")) == 25


def test_a_failure_in_a_middle_batch_leaves_the_notes_exactly_as_before(store: NoteStore, report: Report) -> None:
    before = everything(store)
    steps = store.add_imported_in_steps("class", imported(report, 30, broken_at=15), batch=10)
    assert next(steps) == 10  # the first batch is written (not committed)
    with pytest.raises(NotesError):
        next(steps)
    assert everything(store) == before
    store.add(anchor_from_selection(report, report.paragraphs()[5].id, 0, 9))  # the store still writes
    assert len(store.notes()) == 2


def test_abandoning_an_import_half_written_leaves_the_notes_exactly_as_before(
    store: NoteStore, report: Report, data_dir: Path
) -> None:
    before = everything(store)
    steps = store.add_imported_in_steps("class", imported(report, 30), batch=10)
    next(steps)
    next(steps)
    steps.close()
    assert everything(store) == before
    with NoteStore(data_dir) as reopened:
        assert everything(reopened) == before


def test_a_prepared_import_failing_halfway_says_nothing_was_changed(store: NoteStore, report: Report) -> None:
    before = everything(store)
    prepared = PreparedImport("class.json", "class", tuple(imported(report, 30, broken_at=25)), 0)
    steps = apply_import_in_steps(store, prepared, batch=10)
    next(steps)
    with pytest.raises(ReaderError, match=r"^Cannot import class\.json: .*Nothing was changed\.$"):
        list(steps)
    assert everything(store) == before


def test_the_sealed_notes_take_an_import_in_steps_whole_or_not_at_all(data_dir: Path, report: Report) -> None:
    privacy = Privacy(data_dir, data_dir / "cache")
    privacy.enable("olive grove 1967", LockSettings())
    sealed = data_dir / "notes.sealed"
    with NoteStore(data_dir, key=privacy.key) as store:
        store.add(anchor_from_selection(report, report.paragraphs()[3].id, 0, 9), text="my own note")
        before, on_disk = everything(store), sealed.read_bytes()
        failing = store.add_imported_in_steps("class", imported(report, 30, broken_at=15), batch=10)
        next(failing)
        with pytest.raises(NotesError):
            next(failing)
        assert everything(store) == before
        assert sealed.read_bytes() == on_disk

        list(store.add_imported_in_steps("class", imported(report, 30), batch=10))
    with NoteStore(data_dir, key=privacy.key) as reopened:
        assert len(reopened.notes("class")) == 30
