"""The notes' search index in the window: built a slice per event-loop turn (so the window keeps answering), and
in step with every change: a new, imported, edited or deleted note is found or not found by the next search."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject

from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.store import NoteStore
from reader.ui import notes_indexer, work_slices
from reader.ui.notes_indexer import NotesIndexer

pytestmark = pytest.mark.usefixtures("bundled_index")


def found_notes(window, text: str) -> list[str]:
    index = window.findChild(NotesIndexer).index
    return [] if index is None else [hit.item_id for hit in index.search(text, limit=50).hits]


def add_notes(data_dir, report: Report, count: int, word: str = "checkpoint") -> None:
    paragraphs = [paragraph for paragraph in report.paragraphs() if len(paragraph.text) > 20][:count]
    with NoteStore(data_dir) as store:
        for number, paragraph in enumerate(paragraphs):
            store.add(anchor_from_selection(report, paragraph.id, 0, 12), text=f"{word} {number}")


def test_indexing_many_notes_yields_to_the_event_loop_between_slices(
    make_window, qtbot, report: Report, data_dir, monkeypatch
) -> None:
    monkeypatch.setattr(notes_indexer, "MAX_NOTES_PER_SLICE", 5)
    add_notes(data_dir, report, 40)
    window = make_window()
    annotator = window.findChild(QObject, "notesFeature").annotator
    qtbot.waitUntil(lambda: not annotator.is_unread and not annotator.is_loading)
    indexer = NotesIndexer(annotator, report, window)  # the notes read, nothing indexed yet
    indexer.index_all()

    # One slice ran; the rest wait for later turns of the event loop rather than holding the window.
    assert not indexer.is_ready
    assert indexer.index is not None and indexer.index.document_count <= 5

    qtbot.waitUntil(lambda: indexer.is_ready)
    assert indexer.index.document_count == 40
    assert indexer.slices >= 8
    assert len([hit for hit in indexer.index.search("checkpoint", limit=50).hits]) == 40


def test_notes_not_read_yet_are_read_in_slices_before_they_are_indexed(
    make_window, qtbot, report: Report, data_dir, monkeypatch
) -> None:
    """Notes opened anew (the lock opened or switched) are not all read and placed in one go when the index asks
    for them first: they are read a slice per turn, then indexed."""
    monkeypatch.setattr(work_slices, "MAX_NOTES_PER_SLICE", 5)
    add_notes(data_dir, report, 40)
    window = make_window()
    annotator = window.findChild(QObject, "notesFeature").annotator
    indexer = window.findChild(NotesIndexer)
    assert annotator.is_unread  # the window reads them only once its page is up

    indexer.index_all()

    assert annotator.is_loading and len(annotator.notes()) <= 5
    assert not indexer.is_ready
    qtbot.waitUntil(lambda: not annotator.is_loading and indexer.is_ready)
    assert len(found_notes(window, "checkpoint")) == 40


def test_a_new_note_is_found_once_indexed(window, qtbot, report: Report) -> None:
    indexer = window.findChild(NotesIndexer)
    qtbot.waitUntil(lambda: indexer.is_ready)
    annotator = window.findChild(QObject, "notesFeature").annotator

    note = annotator.add(anchor_from_selection(report, "red-wolf-p2", 0, 8), color="yellow", style="highlight")
    annotator.update(note.id, text="Ask the beekeepers")

    qtbot.waitUntil(lambda: indexer.is_ready)
    assert found_notes(window, "beekeepers") == [note.id]


def test_an_edited_note_is_found_by_its_new_words_at_once(make_window, qtbot, report: Report, data_dir) -> None:
    add_notes(data_dir, report, 3)
    window = make_window()
    indexer = window.findChild(NotesIndexer)
    annotator = window.findChild(QObject, "notesFeature").annotator
    qtbot.waitUntil(lambda: indexer.is_ready and not annotator.is_loading)  # the notes are read a slice per turn
    first = annotator.notes()[0]

    annotator.update(first.id, text="orchards and beekeepers")

    # No waiting: an edit re-indexes that note as the reader types.
    assert found_notes(window, "beekeepers") == [first.id]
    assert first.id not in found_notes(window, "checkpoint")


def test_a_deleted_note_is_not_found_after_one_turn(make_window, qtbot, report: Report, data_dir) -> None:
    add_notes(data_dir, report, 3)
    window = make_window()
    indexer = window.findChild(NotesIndexer)
    annotator = window.findChild(QObject, "notesFeature").annotator
    qtbot.waitUntil(lambda: indexer.is_ready and not annotator.is_loading)
    gone = annotator.notes()[1]

    with qtbot.waitSignal(indexer.updated):
        annotator.delete(gone.id)

    assert gone.id not in found_notes(window, "checkpoint")
    assert len(found_notes(window, "checkpoint")) == 2


def test_imported_notes_are_found_once_indexed_and_removed_with_their_layer(
    make_window, qtbot, report: Report, data_dir, tmp_path
) -> None:
    from reader.notes.export import export_notes
    from reader.notes.w3c_import import prepare_import

    other = tmp_path / "colleague"
    other.mkdir()
    add_notes(other, report, 4, word="orchard")
    with NoteStore(other) as store:
        exported = export_notes(tmp_path / "colleague.json", "json", store.notes(), report)
    window = make_window()
    indexer = window.findChild(NotesIndexer)
    annotator = window.findChild(QObject, "notesFeature").annotator

    annotator.apply_import(prepare_import(report, exported, "colleague"))
    qtbot.waitUntil(lambda: indexer.is_ready)
    assert len(found_notes(window, "orchard")) == 4

    with qtbot.waitSignal(indexer.updated):
        annotator.remove_layer("colleague")
    assert found_notes(window, "orchard") == []


def test_hiding_a_layer_leaves_its_notes_out(make_window, qtbot, report: Report, data_dir) -> None:
    add_notes(data_dir, report, 2)
    window = make_window()
    indexer = window.findChild(NotesIndexer)
    qtbot.waitUntil(lambda: indexer.is_ready)
    annotator = window.findChild(QObject, "notesFeature").annotator

    annotator.set_layer_visible("mine", False)
    qtbot.waitUntil(lambda: indexer.is_ready)
    assert found_notes(window, "checkpoint") == []

    annotator.set_layer_visible("mine", True)
    qtbot.waitUntil(lambda: indexer.is_ready)
    assert len(found_notes(window, "checkpoint")) == 2
