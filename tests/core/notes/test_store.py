"""NoteStore: adding, editing, deleting with undo, layers, and notes surviving a restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.content import ParagraphId, SectionId
from reader.errors import ReaderError
from reader.notes.note import MY_LAYER, Anchor, Color, ImportedNote, Note, Style
from reader.notes.store import NoteStore


def _anchor(exact: str = "Palestinians", start: int = 0) -> Anchor:
    return Anchor(SectionId("overview"), ParagraphId("overview-p1"), start, start + len(exact), exact, "", " in Gaza")


@pytest.fixture
def store(data_dir: Path):
    with NoteStore(data_dir) as opened:
        yield opened


def test_added_note_is_returned_with_an_id_and_listed(store: NoteStore) -> None:
    note = store.add(_anchor(), text="check the figure", tags=["gaza", "figures"], color=Color.GREEN)
    assert note.id
    assert store.notes() == (note,)
    assert note.quote == "Palestinians"
    assert note.tags == ("gaza", "figures")
    assert note.layer == MY_LAYER


def test_note_survives_restart(data_dir: Path) -> None:
    with NoteStore(data_dir) as store:
        note = store.add(_anchor(), text="remember this", style=Style.UNDERLINE)
    with NoteStore(data_dir) as reopened:
        assert reopened.note(note.id) == note
        assert reopened.recovery_message is None


def test_store_opened_on_a_folder_keeps_its_database_there(data_dir: Path) -> None:
    with NoteStore(data_dir) as store:
        assert store.path == data_dir / "notes.sqlite3"


def test_store_accepts_a_database_file_path(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere" / "class.sqlite3"
    with NoteStore(path) as store:
        store.add(_anchor())
    assert path.is_file()


def test_update_changes_only_the_given_fields(store: NoteStore) -> None:
    note = store.add(_anchor(), text="old", tags=["a"])
    updated = store.update(note.id, text="new", color="pink")
    assert (updated.text, updated.tags, updated.color) == ("new", ("a",), Color.PINK)
    assert updated.updated >= note.updated
    assert store.note(note.id) == updated


def test_deleted_note_can_be_restored_with_the_same_id(store: NoteStore) -> None:
    note = store.add(_anchor(), text="keep me")
    deleted = store.delete(note.id)
    assert store.notes() == ()
    store.restore(deleted)
    assert store.notes() == (note,)


def test_tags_are_trimmed_and_deduplicated_ignoring_case(store: NoteStore) -> None:
    note = store.add(_anchor(), tags=[" Gaza ", "gaza", "", "law"])
    assert note.tags == ("Gaza", "law")
    assert store.tags() == ("Gaza", "law")


@pytest.mark.parametrize("color", list(Color))
def test_every_colour_round_trips(store: NoteStore, color: Color) -> None:
    note = store.add(_anchor(), color=color)
    assert store.note(note.id).color is color


def test_unknown_colour_is_refused_with_the_choices(store: NoteStore) -> None:
    with pytest.raises(ReaderError, match="not a highlight colour; use one of yellow"):
        store.add(_anchor(), color="plaid")
    assert not store.has_notes()


def test_note_without_quote_is_refused(store: NoteStore) -> None:
    with pytest.raises(ReaderError, match="without any highlighted text"):
        store.add(_anchor(exact=""))


def test_unknown_note_id_names_the_note(store: NoteStore) -> None:
    with pytest.raises(ReaderError, match="no note “nope”"):
        store.note("nope")


def test_notes_in_lists_only_that_section(store: NoteStore) -> None:
    here = store.add(_anchor())
    store.add(Anchor(SectionId("apartheid"), ParagraphId("apartheid-p1"), 0, 3, "For"))
    assert store.notes_in("overview") == (here,)


def _imported(key: str, text: str = "from the teacher") -> ImportedNote:
    return ImportedNote(key=key, anchor=_anchor(), text=text, tags=("class",), author="Ms Haddad")


class TestLayers:
    def test_imported_layer_is_read_only_and_listed_after_mine(self, store: NoteStore) -> None:
        store.add_imported("teacher", [_imported("a"), _imported("b")], source="class.json")
        layers = store.layers()
        assert [layer.name for layer in layers] == ["mine", "teacher"]
        assert layers[1].read_only and layers[1].visible and layers[1].note_count == 2

    def test_read_only_layer_refuses_edits(self, store: NoteStore) -> None:
        (note,) = store.add_imported("teacher", [_imported("a")])
        with pytest.raises(ReaderError, match="read-only"):
            store.update(note.id, text="mine now")
        with pytest.raises(ReaderError, match="read-only"):
            store.delete(note.id)
        assert store.note(note.id) == note

    def test_layer_made_editable_accepts_edits(self, store: NoteStore) -> None:
        (note,) = store.add_imported("teacher", [_imported("a")])
        store.set_layer_read_only("teacher", False)
        assert store.update(note.id, text="edited").text == "edited"

    def test_hidden_layer_is_left_out_of_visible_notes(self, store: NoteStore) -> None:
        mine = store.add(_anchor())
        store.add_imported("teacher", [_imported("a")])
        store.set_layer_visible("teacher", False)
        assert store.notes(visible_only=True) == (mine,)
        assert len(store.notes()) == 2

    def test_removing_a_layer_removes_its_notes_only(self, store: NoteStore) -> None:
        mine = store.add(_anchor())
        store.add_imported("teacher", [_imported("a"), _imported("b")])
        removed = store.remove_layer("teacher")
        assert len(removed) == 2
        assert store.notes() == (mine,)
        assert [layer.name for layer in store.layers()] == ["mine"]

    def test_my_layer_cannot_be_removed(self, store: NoteStore) -> None:
        with pytest.raises(ReaderError, match="cannot be removed"):
            store.remove_layer(MY_LAYER)

    def test_same_keys_imported_twice_add_nothing(self, store: NoteStore) -> None:
        first = store.add_imported("teacher", [_imported("a"), _imported("b")])
        second = store.add_imported("teacher", [_imported("a"), _imported("b")])
        assert (len(first), len(second)) == (2, 0)
        assert store.count() == 2

    def test_removed_layer_restored_has_its_settings_notes_and_import_keys(self, store: NoteStore) -> None:
        store.add_imported("teacher", [_imported("a"), _imported("b")], source="class.json")
        store.set_layer_visible("teacher", False)
        before = store.layer("teacher")
        removed = store.remove_layer("teacher")
        assert store.restore_layer(before, removed) == before
        assert store.notes("teacher") == removed
        assert store.add_imported("teacher", [_imported("a"), _imported("b")]) == ()

    def test_restored_imported_note_is_not_imported_twice(self, store: NoteStore) -> None:
        (note,) = store.add_imported("teacher", [_imported("a")])
        store.set_layer_read_only("teacher", False)
        store.restore(store.delete(note.id))
        assert store.add_imported("teacher", [_imported("a")]) == ()

    def test_restored_note_of_a_removed_layer_brings_the_layer_back(self, store: NoteStore) -> None:
        (note,) = store.add_imported("teacher", [_imported("a")])
        store.remove_layer("teacher")
        store.restore(note)
        assert store.note(note.id) == note
        assert store.layer("teacher").read_only


def test_two_stores_on_one_file_see_each_others_writes(data_dir: Path) -> None:
    with NoteStore(data_dir) as first, NoteStore(data_dir) as second:
        written = first.add(_anchor(), text="from window one")
        assert second.note(written.id) == written
        second.update(written.id, text="from window two")
        assert first.note(written.id).text == "from window two"


def test_note_is_a_frozen_value(store: NoteStore) -> None:
    note: Note = store.add(_anchor())
    with pytest.raises(AttributeError):
        note.text = "changed"  # type: ignore[misc]
