"""Sharing notes: a teacher's file imported as a read-only layer that can be hidden and removed; exports written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QTextCharFormat
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
)

from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.store import NoteStore
from reader.ui import notes_import
from reader.ui.note_highlighter import NoteHighlighter
from reader.ui.notes_export_dialog import NotesExportDialog

QUOTE = "deliberately oppress Palestinians"


def teacher_file(folder: Path, name: str = "ms-haddad.json") -> Path:
    """A W3C annotation collection as another reader's copy of Field Reader (or another tool) would write it."""
    items = [
        {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "urn:uuid:teacher-1",
            "type": "Annotation",
            "creator": {"type": "Person", "name": "Ms Haddad"},
            "body": [
                {"type": "TextualBody", "value": "Discuss <i>this</i> in class", "purpose": "commenting"},
                {"type": "TextualBody", "value": "apartheid", "purpose": "tagging"},
            ],
            "target": {
                "source": "https://example.org/elsewhere.html",
                "selector": {"type": "TextQuoteSelector", "exact": QUOTE},
            },
        }
    ]
    data = {"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": items}}
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def import_through_the_menu(window, qtbot, monkeypatch, path: Path, layer: str = "Ms Haddad") -> list[str]:
    """Choose File > Import Notes…, pick `path` and name the layer; returns any error messages shown."""
    errors: list[str] = []
    monkeypatch.setattr(notes_import.QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    monkeypatch.setattr(notes_import, "ask_text", lambda *args, **kwargs: layer)
    monkeypatch.setattr(notes_import, "show_error", lambda parent, error: errors.append(str(error)))
    window.findChild(QAction, "actionImportNotes").trigger()
    qtbot.waitUntil(lambda: QGuiApplication.overrideCursor() is None)  # the busy cursor goes once it is done
    return errors


def listed(window) -> list[str]:
    notes_list = window.findChild(QListView, "notesList")
    assert notes_list is not None, "the notes panel is not built yet"
    model = notes_list.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def painted_looks(window) -> list[QTextCharFormat]:
    highlighter = window.findChild(NoteHighlighter, "noteHighlighter")
    ranges = {span for note_id in highlighter.painted_notes() for span in highlighter.document_ranges(note_id)}
    return [
        QTextCharFormat(selection.format)
        for selection in window.document.extraSelections()
        if (selection.cursor.selectionStart(), selection.cursor.selectionEnd()) in ranges
    ]


@pytest.fixture
def imported(window, qtbot, monkeypatch, tmp_path):
    qtbot.waitUntil(lambda: window.findChild(NoteHighlighter, "noteHighlighter").is_active)
    assert import_through_the_menu(window, qtbot, monkeypatch, teacher_file(tmp_path)) == []
    qtbot.waitUntil(lambda: len(listed(window)) == 1)
    return window


def test_an_imported_layer_is_listed_distinctly_and_painted(imported):
    (row,) = listed(imported)
    assert row.startswith("Ms Haddad · ")
    assert "Discuss <i>this</i> in class" in row
    model = imported.findChild(QListView, "notesList").model()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).italic()
    (look,) = painted_looks(imported)
    assert look.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    assert "Imported 1 note" in imported.statusBar().currentMessage()


def test_an_imported_note_is_read_only(imported):
    notes_list = imported.findChild(QListView, "notesList")
    notes_list.setCurrentIndex(notes_list.model().index(0, 0))
    assert imported.findChild(QPlainTextEdit, "noteText").isReadOnly()
    assert not imported.findChild(QPushButton, "noteDelete").isEnabled()
    assert "read-only" in imported.findChild(QLabel, "noteSaveState").text()


def test_a_layer_can_be_hidden_and_shown_again(imported, qtbot):
    layers = imported.findChild(QListWidget, "notesLayers")
    layers.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert listed(imported) == []
    assert painted_looks(imported) == []
    layers.item(0).setCheckState(Qt.CheckState.Checked)
    assert len(listed(imported)) == 1
    assert len(painted_looks(imported)) == 1


def test_a_layer_can_be_removed_and_the_removal_undone(imported, qtbot, data_dir):
    qtbot.mouseClick(imported.findChild(QPushButton, "notesRemoveLayer"), Qt.MouseButton.LeftButton)
    assert listed(imported) == []
    assert not imported.findChild(QListWidget, "notesLayers").isVisible()
    with NoteStore(data_dir) as store:
        assert [layer.name for layer in store.layers()] == ["mine"]
    imported.findChild(QAction, "actionUndo").trigger()
    assert len(listed(imported)) == 1
    assert len(painted_looks(imported)) == 1


def test_importing_the_same_file_again_adds_nothing(imported, qtbot, monkeypatch, tmp_path):
    assert import_through_the_menu(imported, qtbot, monkeypatch, tmp_path / "ms-haddad.json") == []
    assert len(listed(imported)) == 1
    assert "1 already there" in imported.statusBar().currentMessage()


def test_a_malformed_file_is_refused_with_a_message_and_changes_nothing(window, qtbot, monkeypatch, tmp_path, data_dir):
    broken = tmp_path / "broken.json"
    broken.write_text('{"type": "AnnotationCollection", "first": ', encoding="utf-8")
    errors = import_through_the_menu(window, qtbot, monkeypatch, broken)
    assert len(errors) == 1
    assert "broken.json" in errors[0]
    assert "Nothing was changed" in errors[0]
    with NoteStore(data_dir) as store:
        assert store.notes() == ()
        assert [layer.name for layer in store.layers()] == ["mine"]


# Exporting


@pytest.fixture
def notes(report: Report, data_dir: Path):
    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, "red-wolf-p2", 0, 25), text="Ask the class", author="Ms Haddad")
        store.add(anchor_from_selection(report, "overview-p1", 0, 30), text="مهم جدا", tags=["arabic"])
        return store.notes()


def export_with(qtbot, report, notes, path: Path, label: str, safe: bool = False) -> Path:
    dialog = NotesExportDialog(report, notes, notes[:1])
    qtbot.addWidget(dialog)
    combo = dialog.findChild(QComboBox, "exportFormat")
    combo.setCurrentIndex(combo.findText(label, Qt.MatchFlag.MatchStartsWith))
    dialog.findChild(QCheckBox, "exportSafe").setChecked(safe)
    path_field = dialog.findChild(QLineEdit, "exportPath")
    path_field.setText(str(path))
    buttons = dialog.findChild(QDialogButtonBox, "exportButtons")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.written is not None, dialog.findChild(QLabel, "exportProblem").text()
    return dialog.written


@pytest.mark.parametrize(
    ("label", "suffix", "expected"),
    [
        ("Markdown", ".md", "Ask the class"),
        ("HTML", ".html", "Ask the class"),
        ("Notes file", ".json", '"type": "AnnotationCollection"'),
    ],
)
def test_export_writes_each_format(qtbot, report, notes, tmp_path, label, suffix, expected):
    written = export_with(qtbot, report, notes, tmp_path / "handout", label)
    assert written == tmp_path / f"handout{suffix}"
    text = written.read_text(encoding="utf-8")
    assert expected in text
    assert "مهم جدا" in text


def test_export_writes_a_pdf_handout_with_every_script_in_it(qtbot, report, notes, tmp_path):
    written = export_with(qtbot, report, notes, tmp_path / "handout.pdf", "PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(written, strict=True).pages)
    assert "Ask the class" in text
    assert "مهم جدا" in text


def test_safe_export_leaves_out_names_and_dates(qtbot, report, notes, tmp_path):
    written = export_with(qtbot, report, notes, tmp_path / "class.json", "Notes file", safe=True)
    text = written.read_text(encoding="utf-8")
    assert "Ms Haddad" not in text
    assert '"created"' not in text


def test_export_of_the_listed_notes_writes_only_those(qtbot, report, notes, tmp_path):
    dialog = NotesExportDialog(report, notes, notes[:1])
    qtbot.addWidget(dialog)
    dialog.findChild(QRadioButton, "exportListedNotes").setChecked(True)
    dialog.findChild(QLineEdit, "exportPath").setText(str(tmp_path / "some.md"))
    buttons = dialog.findChild(QDialogButtonBox, "exportButtons")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    text = (tmp_path / "some.md").read_text(encoding="utf-8")
    assert "Ask the class" in text
    assert "مهم جدا" not in text


def test_an_export_that_cannot_be_written_is_explained_in_the_dialog(qtbot, report, notes, tmp_path):
    dialog = NotesExportDialog(report, notes, notes)
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "exportPath").setText(str(tmp_path / "missing-folder" / "notes.md"))
    buttons = dialog.findChild(QDialogButtonBox, "exportButtons")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.written is None
    assert dialog.findChild(QLabel, "exportProblem").text()


def test_an_imported_layer_can_be_made_editable(imported):
    imported.findChild(QPushButton, "notesLayerEditable").click()
    notes_list = imported.findChild(QListView, "notesList")
    notes_list.setCurrentIndex(notes_list.model().index(0, 0))
    assert not imported.findChild(QPlainTextEdit, "noteText").isReadOnly()
    assert imported.findChild(QPushButton, "noteDelete").isEnabled()


def export_through_the_menu(window, target: Path, format_label: str, safe: bool = False) -> None:
    """Choose File > Export Notes…, pick the format whose label starts with `format_label`, the file and Save (a
    failed export's dialog is closed, so the caller goes on to say what is missing)."""

    def fill_in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, fill_in_dialog)
            return
        combo = dialog.findChild(QComboBox, "exportFormat")
        combo.setCurrentIndex(combo.findText(format_label, Qt.MatchFlag.MatchStartsWith))
        dialog.findChild(QLineEdit, "exportPath").setText(str(target))
        dialog.findChild(QCheckBox, "exportSafe").setChecked(safe)
        dialog.findChild(QDialogButtonBox, "exportButtons").button(QDialogButtonBox.StandardButton.Save).click()
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, fill_in_dialog)
    window.findChild(QAction, "actionExportNotes").trigger()


def test_file_export_notes_opens_the_dialog_and_writes_the_file(window, qtbot, notes, tmp_path):
    target = tmp_path / "class-handout.html"
    export_through_the_menu(window, target, "HTML")
    assert "Ask the class" in target.read_text(encoding="utf-8")
    assert str(target) in window.statusBar().currentMessage()


def test_the_export_dialog_never_writes_into_the_data_folder(window, qtbot, data_dir):
    """The window's dialog is given the notes' own folder: a handout saved into it is refused there."""
    before = sorted(path.name for path in data_dir.iterdir())
    seen: dict[str, object] = {}

    def save_into_the_data_folder() -> None:
        dialog = window.findChild(NotesExportDialog, "notesExportDialog")
        dialog.findChild(QLineEdit, "exportPath").setText(str(data_dir / "notes.md"))
        buttons = dialog.findChild(QDialogButtonBox, "exportButtons")
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
        seen["written"] = dialog.written
        seen["problem"] = dialog.findChild(QLabel, "exportProblem").text()
        dialog.reject()

    QTimer.singleShot(0, save_into_the_data_folder)
    window.findChild(QAction, "actionExportNotes").trigger()
    assert seen["written"] is None
    assert "inside the folder that keeps your notes" in str(seen["problem"])
    assert sorted(path.name for path in data_dir.iterdir()) == before


def test_an_export_made_while_the_notes_are_still_being_read_holds_every_note(
    make_window, qtbot, report: Report, data_dir: Path, tmp_path: Path
) -> None:
    """The notes are read a slice per turn after the window appears: an export asked for meanwhile still has all."""
    from reader.notes.note import MY_LAYER, ImportedNote

    paragraphs = [paragraph for paragraph in report.paragraphs() if len(paragraph.text) > 20]
    chosen = (paragraphs * (1200 // len(paragraphs) + 1))[:1200]
    with NoteStore(data_dir) as store:
        store.add_imported(
            MY_LAYER,
            [
                ImportedNote(key=f"n{number}", anchor=anchor_from_selection(report, paragraph.id, 0, 12))
                for number, paragraph in enumerate(chosen)
            ],
        )
    window = make_window()
    annotator = window.findChild(QObject, "notesFeature").annotator
    qtbot.waitUntil(lambda: annotator.is_loading and 0 < len(annotator.notes()) < 1200, timeout=10_000)
    target = tmp_path / "all.json"

    export_through_the_menu(window, target, "Notes file")

    assert len(json.loads(target.read_text(encoding="utf-8"))["first"]["items"]) == 1200
