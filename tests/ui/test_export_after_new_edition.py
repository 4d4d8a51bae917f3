"""After a new edition of the report, the window's export writes what an export from the report would, finding
each note where the window placed it: no note is searched for again (those searches were most of the time)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.content import Report
from reader.notes import quote_match
from reader.notes.anchoring import ReportText, anchor_from_selection
from reader.notes.export import export_notes
from reader.notes.store import NoteStore
from reader.ui.notes_feature import NotesFeature

from ..core.notes.conftest import later_edition
from .test_notes_sharing import export_through_the_menu


@pytest.fixture
def later_window(qtbot, report: Report, data_dir: Path, tmp_path: Path, app_objects):
    """A window on a later edition, with notes made on the first: some of them found only approximately now."""
    from reader.app_objects import AppObjects
    from reader.ui.app import build_main_window

    text = ReportText(report)
    with NoteStore(data_dir, report=report.manifest.id) as store:
        for paragraph in report.paragraphs()[:40]:
            if len(paragraph.text) > 60:
                store.add(anchor_from_selection(text, paragraph.id, 10, 55), text=f"about {paragraph.id}")
    edition = later_edition(tmp_path / "edition")
    objects = AppObjects(
        edition,
        app_objects.folders,
        glossary=app_objects.glossary,
        open_notes=lambda: NoteStore(data_dir, report=edition.manifest.id),
        privacy=app_objects.privacy,
    )
    window = build_main_window(objects)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.ensure_features()
    annotator = window.findChild(NotesFeature, "notesFeature").annotator
    annotator.notes()  # every note read and placed, as the window's start does in slices
    qtbot.waitUntil(lambda: not annotator.is_loading)
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
