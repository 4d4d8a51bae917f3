"""With many notes the window keeps answering: the notes are read, placed and painted a slice per event-loop turn,
a removed layer's notes are dropped without reading the others again, and typing in the notes filter lists the
same notes without sorting them again. Nothing here is timed: the tests check that the work yields to the event
loop and that the reader ends up seeing exactly what they saw before."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDockWidget, QLineEdit, QListView, QWidget

from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.filter import NoteFilter, filter_notes
from reader.notes.store import NoteStore
from reader.ui import note_highlighter, notes_panel, work_slices
from reader.ui.annotator import Annotator
from reader.ui.note_highlighter import NoteHighlighter
from reader.ui.notes_model import NOTE_ID_ROLE

pytestmark = pytest.mark.usefixtures("bundled_index")


def add_notes(folder: Path, report: Report, count: int, layer: str | None = None) -> None:
    """`count` highlights, one per paragraph, every other one with a note mentioning an orchard."""
    paragraphs = [paragraph for paragraph in report.paragraphs() if len(paragraph.text) > 20][:count]
    assert len(paragraphs) == count
    with NoteStore(folder) as store:
        if layer is None:
            for number, paragraph in enumerate(paragraphs):
                text = f"orchard {number}" if number % 2 else f"meadow {number}"
                store.add(anchor_from_selection(report, paragraph.id, 0, 12), text=text)
        else:
            from reader.notes.w3c_import import ImportedNote

            imported = [
                ImportedNote(key=f"k{number}", anchor=anchor_from_selection(report, paragraph.id, 0, 12))
                for number, paragraph in enumerate(paragraphs)
            ]
            store.add_imported(layer, imported)


class TurnCounter:
    """Counts event-loop turns: a zero-delay timer that fires only when the loop gets to run."""

    def __init__(self) -> None:
        self.turns = 0
        self._timer = QTimer()
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        self.turns += 1

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def small_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(work_slices, "MAX_NOTES_PER_SLICE", 5)
    monkeypatch.setattr(note_highlighter, "MAX_NOTES_PER_SLICE", 5)


def test_the_notes_are_read_and_placed_in_slices_with_the_event_loop_running_between(
    qtbot, report: Report, data_dir: Path, small_slices
) -> None:
    add_notes(data_dir, report, 40)
    with NoteStore(data_dir) as store:
        annotator = Annotator(store, report)
        counter = TurnCounter()
        with qtbot.waitSignal(annotator.notes_changed, timeout=10_000):
            annotator.load_in_slices()
            assert annotator.is_loading  # one slice ran; the rest waits for later turns
            assert len(annotator.notes()) <= 5
        counter.stop()
        assert not annotator.is_loading
        assert annotator.slices >= 8
        assert counter.turns >= 7  # the loop ran between the slices
        assert len(annotator.notes()) == 40
        assert [note.id for note in annotator.notes()] == [note.id for note in store.notes()]  # oldest first
        assert all(annotator.placement(note.id).anchor is not None for note in annotator.notes())


def test_looking_a_note_up_while_loading_finishes_the_load_at_once(
    qtbot, report: Report, data_dir: Path, small_slices
) -> None:
    add_notes(data_dir, report, 30)
    with NoteStore(data_dir) as store:
        last = store.notes()[-1]
        annotator = Annotator(store, report)
        annotator.load_in_slices()
        assert annotator.is_loading
        assert annotator.note(last.id) == last  # answered now, not after the slices
        assert not annotator.is_loading
        assert len(annotator.notes()) == 30


def test_an_import_is_placed_in_slices_then_announced_once(
    qtbot, report: Report, data_dir: Path, tmp_path: Path, small_slices
) -> None:
    from reader.notes.export import export_notes
    from reader.notes.w3c_import import prepare_import

    other = tmp_path / "colleague"
    other.mkdir()
    add_notes(other, report, 30)
    with NoteStore(other) as store:
        exported = export_notes(tmp_path / "colleague.json", "json", store.notes(), report)
    prepared = prepare_import(report, exported, "colleague")
    add_notes(data_dir, report, 3)
    with NoteStore(data_dir) as store:
        annotator = Annotator(store, report)
        assert len(annotator.notes()) == 3
        announced = []
        annotator.notes_changed.connect(lambda: announced.append(len(annotator.notes())))
        result = annotator.apply_import(prepared)
        assert len(result.added) == 30
        assert annotator.is_loading and announced == []
        qtbot.waitUntil(lambda: not annotator.is_loading)
        assert announced == [33]
        assert annotator.slices >= 6
        assert [note.id for note in annotator.notes()] == [note.id for note in store.notes()]


def prepared_import(report: Report, count: int, broken_at: int | None = None):
    """An import of `count` notes ready to write; the one at `broken_at` holds a note too long to be saved."""
    from reader.notes.note import MAX_NOTE_TEXT, ImportedNote
    from reader.notes.w3c_import import PreparedImport

    paragraphs = [paragraph for paragraph in report.paragraphs() if len(paragraph.text) > 20][:count]
    notes = tuple(
        ImportedNote(
            key=f"k{number}",
            anchor=anchor_from_selection(report, paragraph.id, 0, 12),
            text="x" * (MAX_NOTE_TEXT + 1) if number == broken_at else f"imported {number}",
        )
        for number, paragraph in enumerate(paragraphs)
    )
    return PreparedImport("colleague.json", "colleague", notes, 0)


def test_an_import_is_written_in_slices_then_placed_and_announced(
    qtbot, report: Report, data_dir: Path, small_slices
) -> None:
    add_notes(data_dir, report, 3)
    with NoteStore(data_dir) as store:
        annotator = Annotator(store, report)
        assert len(annotator.notes()) == 3
        counter = TurnCounter()
        with qtbot.waitSignal(annotator.imported, timeout=10_000) as imported:
            annotator.start_import(prepared_import(report, 30))
            assert annotator.is_writing
        counter.stop()
        assert not annotator.is_writing and not annotator.is_loading
        assert counter.turns >= 6  # the event loop ran while the notes were written
        assert len(imported.args[0].added) == 30
        assert len(store.notes("colleague")) == 30
        assert [note.id for note in annotator.notes()] == [note.id for note in store.notes()]


def test_an_import_failing_in_a_middle_slice_changes_nothing_and_says_so(
    qtbot, report: Report, data_dir: Path, small_slices
) -> None:
    add_notes(data_dir, report, 3)
    with NoteStore(data_dir) as store:
        annotator = Annotator(store, report)
        before = (annotator.notes(), annotator.layers(), store.notes(), store.layers())
        with qtbot.waitSignal(annotator.import_failed, timeout=10_000) as failed:
            annotator.start_import(prepared_import(report, 30, broken_at=17))
            assert annotator.is_writing
        assert "Nothing was changed" in str(failed.args[0])
        assert (annotator.notes(), annotator.layers(), store.notes(), store.layers()) == before
        note = annotator.add(annotator.notes()[0].anchor, color="blue", style="highlight")  # still writable
        annotator.undo_stack.undo()
        assert annotator.note(note.id) is None
        assert store.notes() == before[2]


def test_a_change_during_an_import_first_finishes_the_import(
    qtbot, report: Report, data_dir: Path, small_slices
) -> None:
    add_notes(data_dir, report, 3)
    with NoteStore(data_dir) as store:
        annotator = Annotator(store, report)
        mine = annotator.notes()[0]
        annotator.start_import(prepared_import(report, 30))
        assert annotator.is_writing
        annotator.update(mine.id, text="changed while importing")
        assert not annotator.is_writing
        assert len(store.notes("colleague")) == 30
        assert store.note(mine.id).text == "changed while importing"


def test_removing_a_layer_drops_its_notes_without_reading_the_others_again(
    qtbot, report: Report, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_notes(data_dir, report, 10)
    add_notes(data_dir, report, 6, layer="class")
    with NoteStore(data_dir) as store:
        annotator = Annotator(store, report)
        mine = {note.id for note in annotator.notes() if note.layer != "class"}
        assert len(annotator.notes()) == 16

        def no_reading(*_args: object, **_kwargs: object) -> None:
            raise AssertionError("every note read again")

        monkeypatch.setattr(store, "iter_notes", no_reading)
        removed = annotator.remove_layer("class")
        assert len(removed) == 6
        assert {note.id for note in annotator.notes()} == mine
        assert "class" not in {layer.name for layer in annotator.layers()}

        annotator.undo_stack.undo()  # the layer comes back, placed in slices
        qtbot.waitUntil(lambda: not annotator.is_loading)
        assert len(annotator.notes()) == 16
        assert all(annotator.placement(note.id).anchor is not None for note in annotator.notes())
        annotator.undo_stack.redo()
        assert {note.id for note in annotator.notes()} == mine


def test_the_window_paints_many_notes_in_slices_and_rebuilds_only_a_changed_one(
    make_window, qtbot, report: Report, data_dir: Path, small_slices, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_notes(data_dir, report, 40)
    window = make_window()
    highlighter = window.findChild(NoteHighlighter, "noteHighlighter")
    qtbot.waitUntil(lambda: highlighter.is_active, timeout=10_000)
    annotator = window.findChild(QObject, "notesFeature").annotator
    assert annotator.slices >= 8
    assert highlighter.slices >= 7
    assert len(highlighter.painted_notes()) == 40

    built = []
    original = NoteHighlighter._build

    def counting(self, note, placement):
        built.append(note.id)
        return original(self, note, placement)

    monkeypatch.setattr(NoteHighlighter, "_build", counting)
    note = annotator.notes()[7]
    annotator.update(note.id, color="green")
    assert built == [note.id]
    (start, _end), *_ = highlighter.document_ranges(note.id)
    assert highlighter.note_at(start) == note.id

    annotator.delete(note.id)
    assert note.id not in highlighter.painted_notes()
    assert len(highlighter.painted_notes()) == 39
    assert built == [note.id]  # the others' highlights were kept


def test_typing_in_the_filter_lists_what_the_filter_keeps_without_sorting_again(
    make_window, qtbot, report: Report, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_notes(data_dir, report, 30)
    window = make_window()
    window.ensure_features()
    feature = window.findChild(QObject, "notesFeature")
    feature.show_note(feature.annotator.notes()[0].id)
    notes_list = window.findChild(QListView, "notesList")
    qtbot.waitUntil(lambda: notes_list.model().rowCount() == 30)
    annotator = feature.annotator
    sorted_again = []
    original = type(annotator).in_reading_order
    monkeypatch.setattr(type(annotator), "in_reading_order", lambda *args: sorted_again.append(1) or original(*args))

    field = window.findChild(QLineEdit, "notesFilter")
    model = notes_list.model()
    for typed in ("o", "or", "orc", "orch ard", "ORCHARD", ""):
        field.setText(typed)
        assert sorted_again == []  # the order was kept from the last listing
        listed = [model.index(row, 0).data(NOTE_ID_ROLE) for row in range(model.rowCount())]
        kept = filter_notes(original(annotator, annotator.notes()), NoteFilter(text=typed))
        assert listed == [note.id for note in kept]
        if typed in ("", "ORCHARD"):
            assert len(listed) == (15 if typed else 30)


def test_a_layer_is_removed_in_slices_and_its_removal_undone(
    qtbot, report: Report, data_dir: Path, small_slices
) -> None:
    add_notes(data_dir, report, 4)
    add_notes(data_dir, report, 30, layer="class")
    with NoteStore(data_dir) as store:
        annotator = Annotator(store, report)
        mine = [note.id for note in annotator.notes() if note.layer != "class"]
        counter = TurnCounter()
        with qtbot.waitSignal(annotator.notes_changed, timeout=10_000):
            annotator.start_removing_layer("class")
            assert annotator.is_writing
        counter.stop()
        assert counter.turns >= 3
        assert [note.id for note in annotator.notes()] == mine
        assert [note.id for note in store.notes()] == mine
        assert "class" not in {layer.name for layer in annotator.layers()}
        annotator.undo_stack.undo()
        qtbot.waitUntil(lambda: not annotator.is_loading)
        assert len(annotator.notes()) == 34 == len(store.notes())


def test_a_deleted_note_leaves_every_backup_once_the_window_has_purged_them(
    make_window, qtbot, report: Report, data_dir: Path
) -> None:
    from reader.ui.backup_purger import BackupPurger

    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, report.paragraphs()[2].id, 0, 12), text="Witness-Khalil")
        store.back_up()
    window = make_window()
    annotator = window.findChild(QObject, "notesFeature").annotator
    purger = window.findChild(BackupPurger)
    (note,) = annotator.notes()
    annotator.delete(note.id)
    qtbot.waitUntil(lambda: not purger.is_busy)
    backups = [path for path in (data_dir / "backups").rglob("*") if path.is_file()]
    assert backups and not any(b"Witness-Khalil" in path.read_bytes() for path in backups)


def _open_panel_counting_keys(make_window, monkeypatch: pytest.MonkeyPatch, on_key=None, before_showing=None):
    """A window whose notes panel is opened with a slice of 4 reading keys a turn; the window, its annotator, and for
    each reading key worked out, the event-loop turn it was worked out in. `before_showing(annotator)` is called
    just before the panel is shown."""
    monkeypatch.setattr(notes_panel, "SORT_SLICE", 4)
    window = make_window()
    window.ensure_features()
    annotator = window.findChild(QObject, "notesFeature").annotator
    annotator.notes()  # every note read and placed
    counter = TurnCounter()
    turns: list[int] = []
    original = type(annotator).reading_key

    def counted_key(self):
        key = original(self)

        def counted(note):
            turns.append(counter.turns)
            if on_key is not None:
                on_key(annotator, len(turns))
            return key(note)

        return counted

    monkeypatch.setattr(type(annotator), "reading_key", counted_key)
    if before_showing is not None:
        before_showing(annotator)
    window.findChild(QDockWidget, "notesDock").show()
    return window, annotator, turns


def _listed(window) -> list[str]:
    notes_list = window.findChild(QListView, "notesList")  # made once the panel is shown
    model = notes_list.model() if notes_list is not None else None
    return [] if model is None else [model.index(row, 0).data(NOTE_ID_ROLE) for row in range(model.rowCount())]


def _listed_in_reading_order_in_slices(qtbot, window, annotator, turns: list[int], count: int) -> None:
    """Once `count` notes are listed: they are in reading order, and their keys were worked out four a turn, the event
    loop running between."""
    qtbot.waitUntil(lambda: len(_listed(window)) == count)
    assert _listed(window) == [note.id for note in annotator.in_reading_order(annotator.notes())]
    assert len(turns) == count and len(set(turns)) >= count // 4


def test_opening_the_notes_panel_sorts_the_notes_a_slice_per_turn_into_reading_order(
    make_window, qtbot, report: Report, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_notes(data_dir, report, 30)
    window, annotator, turns = _open_panel_counting_keys(make_window, monkeypatch)
    _listed_in_reading_order_in_slices(qtbot, window, annotator, turns, 30)


def test_a_note_added_while_the_panel_sorts_is_listed_in_its_place(
    make_window, qtbot, report: Report, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_notes(data_dir, report, 30)
    paragraph = report.paragraphs()[3]

    def add_one(annotator, keys_so_far: int) -> None:
        if keys_so_far == 6:  # in the second slice: added before the third
            QTimer.singleShot(
                0,
                lambda: annotator.add(
                    anchor_from_selection(report, paragraph.id, 2, 9), color="blue", style="highlight"
                ),
            )

    window, annotator, _turns = _open_panel_counting_keys(make_window, monkeypatch, add_one)
    qtbot.waitUntil(lambda: len(_listed(window)) == 31)
    assert _listed(window) == [note.id for note in annotator.in_reading_order(annotator.notes())]


def test_notes_changed_while_the_panel_is_listed_are_sorted_again_a_slice_per_turn(
    make_window, qtbot, report: Report, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every note placed afresh (a new edition) or many sorted again: not all in the turn that lists them."""
    add_notes(data_dir, report, 30)
    window, annotator, turns = _open_panel_counting_keys(make_window, monkeypatch)
    qtbot.waitUntil(lambda: len(_listed(window)) == 30)
    turns.clear()
    deleted = annotator.in_reading_order(annotator.notes())[10]

    annotator.delete(deleted.id)

    _listed_in_reading_order_in_slices(qtbot, window, annotator, turns, 29)
    assert deleted.id not in _listed(window)


def test_notes_read_after_the_panel_was_built_are_sorted_a_slice_per_turn(
    make_window, qtbot, report: Report, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The panel shown at the start (a restored layout) is built while the notes are still read and placed: once
    they are all in, they are not all sorted in the turn that lists them."""
    add_notes(data_dir, report, 30)
    loading = [True]
    window, annotator, turns = _open_panel_counting_keys(
        make_window, monkeypatch, before_showing=lambda annotator: _still_loading(monkeypatch, annotator, loading)
    )
    panel = window.findChild(QWidget, "notesPanel")
    qtbot.waitUntil(lambda: panel.findChild(QWidget, "noteEditor") is not None)  # built, nothing listed
    assert _listed(window) == [] and turns == []

    loading[0] = False
    annotator.notes_changed.emit()

    _listed_in_reading_order_in_slices(qtbot, window, annotator, turns, 30)


def _still_loading(monkeypatch: pytest.MonkeyPatch, annotator, loading: list[bool]) -> None:
    """The notes seen as still being read until `loading[0]` is False."""
    monkeypatch.setattr(type(annotator), "is_loading", property(lambda _self: loading[0]))
