"""An export imported back into the data folder it came from: every note recognised, none copied; "mine" refused."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from reader.content import Report
from reader.errors import ReaderError
from reader.notes.anchoring import anchor_from_selection
from reader.notes.note import MY_LAYER, ImportedNote
from reader.notes.store import NoteStore
from reader.notes.w3c_export import export_w3c
from reader.notes.w3c_import import apply_import, import_annotations, prepare_import

PASSAGES = [
    ("apartheid-p1", "deliberately oppress Palestinians"),
    ("overview-p1", "fragile ceasefire"),
    ("apartheid-p2", "historic advisory opinion"),
]


def _select(report: Report, paragraph_id: str, quote: str):
    start = report.paragraph(paragraph_id).text.index(quote)
    return anchor_from_selection(report, paragraph_id, start, start + len(quote))


@pytest.fixture
def store(report: Report, data_dir: Path):
    """Three notes of the reader's own and two in the imported layer "teacher" (one keyed by an id, one by a hash)."""
    with NoteStore(data_dir) as opened:
        for number, passage in enumerate(PASSAGES):
            opened.add(_select(report, *passage), text=f"own {number}")
        opened.add_imported(
            "teacher",
            [
                ImportedNote("id:https://example.org/annotations/7", _select(report, *PASSAGES[0]), "from class"),
                ImportedNote("sha256:0f00", _select(report, *PASSAGES[1]), "a hypothesis row"),
            ],
        )
        yield opened


def _shown(store: NoteStore) -> tuple[set[str], int]:
    return {layer.name for layer in store.layers()}, store.count()


@pytest.mark.parametrize("safe", [False, True])
@pytest.mark.parametrize("layer", [None, "teacher", "week-3"])
def test_an_export_of_every_note_imported_back_adds_nothing(
    report: Report, store: NoteStore, tmp_path: Path, layer: str | None, safe: bool
) -> None:
    path = export_w3c(tmp_path / "all.json", store.notes(), report, safe=safe)
    result = import_annotations(store, report, path, layer=layer)
    assert (result.added, result.duplicates) == ((), 5)
    assert _shown(store) == ({MY_LAYER, "teacher"}, 5)  # not even an empty layer "all" or "week-3"


def test_the_readers_own_notes_are_recognised_in_an_imported_layer_too(
    report: Report, store: NoteStore, tmp_path: Path
) -> None:
    path = export_w3c(tmp_path / "mine.json", store.notes(MY_LAYER), report)
    result = import_annotations(store, report, path, layer="teacher")
    assert (len(result.added), result.duplicates) == (0, 3)
    assert len(store.notes("teacher")) == 2


def test_a_removed_layer_imported_again_comes_back(report: Report, store: NoteStore, tmp_path: Path) -> None:
    path = export_w3c(tmp_path / "teacher.json", store.notes("teacher"), report)
    store.remove_layer("teacher")
    result = import_annotations(store, report, path)
    assert {(note.layer, note.text) for note in result.added} == {
        ("teacher", "from class"),
        ("teacher", "a hypothesis row"),
    }


def test_importing_into_the_readers_own_layer_is_refused_before_the_file_is_placed(
    report: Report, store: NoteStore, tmp_path: Path
) -> None:
    path = export_w3c(tmp_path / "all.json", store.notes(), report)
    before = store.notes()
    with pytest.raises(ReaderError) as caught:
        prepare_import(report, path, layer=MY_LAYER)
    assert str(caught.value) == (
        "Cannot import all.json: “mine” is the layer of your own notes; imported notes go into a layer of their own, "
        "so choose another name. Nothing was changed."
    )
    assert store.notes() == before


def test_a_file_renamed_into_the_readers_own_layer_after_reading_is_refused_when_written(
    report: Report, store: NoteStore, tmp_path: Path
) -> None:
    fresh = tmp_path / "fresh.json"
    (tmp_path / "elsewhere").mkdir()
    with NoteStore(tmp_path / "elsewhere") as other:
        other.add(_select(report, *PASSAGES[2]), text="someone else's")
        export_w3c(fresh, other.notes(), report)
    prepared = dataclasses.replace(prepare_import(report, fresh), layer=MY_LAYER)  # as the window's dialog may
    before = store.notes()
    with pytest.raises(ReaderError, match="“mine” is the layer of your own notes"):
        apply_import(store, prepared)
    assert store.notes() == before
