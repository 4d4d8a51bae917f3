"""After a new edition of the report, the window remembers where near searches placed the notes: the next start
places every note the same without searching, and so does an export from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.__main__ import main
from reader.content import Report
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
