"""After a new edition of the report, the window's export writes what an export from the report would, finding
each note where the window placed it: no note is searched for again (those searches were most of the time)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QDialogButtonBox, QLineEdit

from reader.content import Report, load_report
from reader.notes import quote_match
from reader.notes.anchoring import ReportText, anchor_from_selection
from reader.notes.export import export_notes
from reader.notes.store import NoteStore
from reader.ui.notes_feature import NotesFeature

CONTENT = Path(__file__).resolve().parents[2] / "content"


def _later_edition(folder: Path) -> Report:
    shutil.copytree(CONTENT, folder)
    markdown = folder / "report.md"
    text = markdown.read_text(encoding="utf-8")
    for old, new in [
        ("genocide against Palestinians in Gaza", "genocide against Palestinian people in Gaza"),
        ("deliberately oppress", "deliberatley oppress"),
        ("For over 75 years", "For more than seven decades"),
    ]:
        assert old in text
        text = text.replace(old, new)
    markdown.write_text(text, encoding="utf-8")
    return load_report(folder)


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
    edition = _later_edition(tmp_path / "edition")
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

    def fill_in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, fill_in_dialog)
            return
        combo = dialog.findChild(QComboBox, "exportFormat")
        combo.setCurrentIndex(combo.findText("Notes file", Qt.MatchFlag.MatchStartsWith))
        dialog.findChild(QLineEdit, "exportPath").setText(str(target))
        dialog.findChild(QCheckBox, "exportSafe").setChecked(True)
        dialog.findChild(QDialogButtonBox, "exportButtons").button(QDialogButtonBox.StandardButton.Save).click()
        if dialog.isVisible():  # the export failed: closed, so the test goes on to say so
            dialog.reject()

    QTimer.singleShot(0, fill_in_dialog)
    window.findChild(QAction, "actionExportNotes").trigger()
    assert target.read_bytes() == expected
    assert str(target) in window.statusBar().currentMessage()
