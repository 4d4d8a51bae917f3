"""After a new edition of the report, the window remembers where near searches placed the notes: the next start
places every note the same without searching, and so does an export from the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.content import Report, load_report
from reader.notes import anchoring
from reader.notes.export import export_notes
from reader.notes.store import NoteStore

from ..core.notes.conftest import count_near_searches, notes_then_later_edition


@pytest.fixture
def edition(report: Report, data_dir: Path, tmp_path: Path) -> Report:
    """A later edition, with notes made on the first: some of them found only approximately now, one not at all."""
    with NoteStore(data_dir, report=report.manifest.id) as store:
        later = notes_then_later_edition(report, store, tmp_path / "edition")
        first = store.notes()[0].anchor
        store.add(anchoring.Anchor(first.section_id, first.paragraph_id, 0, 30, "a passage no edition ever had"))
    return later


def test_the_start_after_a_new_editions_first_places_every_note_alike_without_searching(
    edition: Report, start_on, monkeypatch: pytest.MonkeyPatch
) -> None:
    searches = count_near_searches(monkeypatch)
    window, annotator = start_on(edition)
    first = {note.id: annotator.placement(note.id) for note in annotator.notes()}
    assert searches
    assert any(
        placement is not None and placement.method is anchoring.AnchorMethod.FUZZY for placement in first.values()
    )
    window.close()
    searches.clear()
    _window, annotator = start_on(edition)
    assert {note.id: annotator.placement(note.id) for note in annotator.notes()} == first
    assert not searches


def test_an_export_from_the_command_line_after_the_window_searches_no_note_and_writes_the_same(
    edition: Report, start_on, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, annotator = start_on(edition)
    expected = export_notes(tmp_path / "expected.json", "json", annotator.notes(), edition, safe=True).read_bytes()
    window.close()
    searches = count_near_searches(monkeypatch)
    out = tmp_path / "class.json"
    assert (
        main(["--content", str(edition.folder), "notes", "export", "--format", "json", "--safe", "--out", str(out)])
        == 0
    )
    assert out.read_bytes() == expected
    assert not searches


@pytest.fixture
def shifted(report: Report, data_dir: Path, tmp_path: Path) -> Report:
    """A later edition with a paragraph added at the start of every section: every later paragraph's id moves, so
    every note made on the first edition is found at a new position."""
    with NoteStore(data_dir, report=report.manifest.id) as store:
        notes_then_later_edition(report, store, tmp_path / "unused")
    folder = tmp_path / "shifted"
    shutil.copytree(report.folder, folder)
    markdown = folder / "report.md"
    lines = []
    for line in markdown.read_text(encoding="utf-8").split("\n"):
        lines.append(line)
        if line.startswith("#"):
            lines += ["", "A paragraph added at the start of the section in a later edition.", ""]
    markdown.write_text("\n".join(lines), encoding="utf-8")
    return load_report(folder)


def test_the_first_start_on_a_new_edition_saves_the_moved_positions_between_turns_of_the_event_loop(
    shifted: Report, start_on, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer

    from reader.ui import work_slices

    monkeypatch.setattr(work_slices, "MAX_NOTES_PER_SLICE", 4)  # as with thousands of notes: a few per turn
    turn = [0]
    ticker = QTimer()  # counts the turns of the event loop
    ticker.setInterval(0)
    ticker.timeout.connect(lambda: turn.__setitem__(0, turn[0] + 1))
    ticker.start()
    turns: list[int] = []  # the turn each step of the one transaction was taken in
    steps = NoteStore.relocate_in_steps

    def recorded(store: NoteStore, moves, batch):  # type: ignore[no-untyped-def]
        turns.append(turn[0])
        for saved in steps(store, moves, batch):
            yield saved
            turns.append(turn[0])
        return len(moves)

    monkeypatch.setattr(NoteStore, "relocate_in_steps", recorded)
    window, annotator = start_on(shifted)
    ticker.stop()
    placements = {note.id: annotator.placement(note.id) for note in annotator.notes()}
    window.close()
    assert len(set(turns)) > 2  # written over several turns, not in one
    moved = 0
    with NoteStore(data_dir, report=shifted.manifest.id) as store:
        for note in store.notes():
            placement = placements[note.id]
            if placement is not None and placement.method is anchoring.AnchorMethod.QUOTE:
                assert note.anchor == placement.anchor  # every new position saved
                moved += 1
    assert moved > 8
