"""A store told to purge its backups elsewhere hands each deletion's purge over, in order, and takes no backup and
does not close before every purge handed over is done; a layer removal in steps is all or nothing."""

from __future__ import annotations

from pathlib import Path

from reader.notes.note import Anchor, ImportedNote
from reader.notes.purge import Purge
from reader.notes.store import NoteStore


def anchor(exact: str = "Palestinians", start: int = 0) -> Anchor:
    return Anchor("overview", "overview-p1", start, start + len(exact), exact, "", " in Gaza")


def holding(folder: Path, word: str) -> list[Path]:
    return [path for path in sorted(folder.rglob("*")) if path.is_file() and word.encode() in path.read_bytes()]


class HeldPurges:
    """Keeps the purges handed over until `wait()` (as the window's worker thread might still be running them)."""

    def __init__(self) -> None:
        self.held: list[Purge] = []
        self.waited = 0

    def purge(self, purge: Purge) -> None:
        self.held.append(purge)

    def wait(self) -> None:
        self.waited += 1
        while self.held:
            self.held.pop(0).run()


def test_a_deleted_note_leaves_the_backups_once_the_purge_handed_over_runs(data_dir: Path) -> None:
    purger = HeldPurges()
    with NoteStore(data_dir) as store:
        store.purge_with(purger)
        note = store.add(anchor(), text="Witness-Khalil")
        store.back_up()
        store.delete(note.id)
        assert [purge.note_ids for purge in purger.held] == [(note.id,)]
        assert store.notes() == ()
        purger.wait()
        assert holding(data_dir, "Witness-Khalil") == []


def test_a_backup_and_closing_wait_for_the_purges_first(data_dir: Path) -> None:
    purger = HeldPurges()
    store = NoteStore(data_dir)
    store.purge_with(purger)
    note = store.add(anchor(), text="Witness-Khalil")
    store.back_up()
    store.delete(note.id)
    store.back_up()
    assert purger.held == [] and purger.waited >= 1
    store.add(anchor("Gaza", 20), text="another")
    store.delete(store.notes()[0].id)
    store.close()
    assert purger.held == []
    assert holding(data_dir, "Witness-Khalil") == []


def test_a_layer_removal_abandoned_halfway_deletes_nothing(data_dir: Path) -> None:
    notes = [ImportedNote(key=str(number), anchor=anchor(), text=f"class {number}") for number in range(25)]
    with NoteStore(data_dir) as store:
        store.add_imported("class", notes)
        before = (store.notes(), store.layers())
        steps = store.remove_layer_in_steps("class", batch=10)
        assert next(steps) == 0  # the notes are read
        assert next(steps) == 10
        steps.close()
        assert (store.notes(), store.layers()) == before
        removed = list(store.remove_layer_in_steps("class", batch=10))
        assert removed == [0, 10, 20]
        assert store.notes() == () and [layer.name for layer in store.layers()] == ["mine"]
