"""After a new edition of the report, the window's export writes what an export from the report would, finding
each note where the window placed it: no note is searched for again (those searches were most of the time)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.content import Report
from reader.notes import quote_match
from reader.notes.export import export_notes
from reader.notes.store import NoteStore

from ..core.notes.conftest import notes_then_later_edition
from .test_notes_sharing import export_through_the_menu


@pytest.fixture
def later_window(report: Report, data_dir: Path, tmp_path: Path, start_on):
    """A window on a later edition, with notes made on the first: some of them found only approximately now."""
    with NoteStore(data_dir, report=report.manifest.id) as store:
        edition = notes_then_later_edition(report, store, tmp_path / "edition")
    window, annotator = start_on(edition)
    return window, edition, annotator


def test_an_export_after_a_new_edition_searches_no_note_again(later_window, tmp_path, monkeypatch) -> None:
    window, edition, annotator = later_window
    notes = annotator.notes()
    methods = {placement.method for placement in (annotator.placement(note.id) for note in notes) if placement}
    assert any(method is not None and method.value == "fuzzy" for method in methods)
    expected = export_notes(tmp_path / "expected.json", "json", notes, edition, safe=True).read_bytes()

    def searched_again(*_arguments: object) -> None:
        raise AssertionError("a note was searched for again")

    monkeypatch.setattr(quote_match, "find_quote", searched_again)
    monkeypatch.setattr("reader.notes.anchoring.find_quote", searched_again)
    target = tmp_path / "class.json"

    export_through_the_menu(window, target, "Notes file", safe=True)
    assert target.read_bytes() == expected
    assert str(target) in window.statusBar().currentMessage()
