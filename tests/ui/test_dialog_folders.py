"""Every save and open dialog starts in the last folder used for its kind of file, else documents, else home."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QDialogButtonBox, QLineEdit, QPushButton

from reader.ui import notes_import, printing
from reader.ui.dialog_folders import documents_or_home


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own, without a Documents folder unless a test makes one."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    return folder


def test_documents_when_it_exists_else_home_never_the_working_folder(home: Path) -> None:
    assert documents_or_home() == home
    assert documents_or_home() != Path(os.getcwd())
    (home / "Documents").mkdir()
    assert documents_or_home() == home / "Documents"


def export_pdf_through_the_menu(window, monkeypatch, answer: Path) -> str:
    """Ctrl+Shift+E, accept the print options, answer the save dialog; returns the folder it offered."""
    offered: list[str] = []

    def get_save_file_name(parent, title, suggested, *args, **kwargs):
        offered.append(suggested)
        return str(answer), ""

    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", get_save_file_name)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().findChild(QPushButton, "printAccept").click())
    window.findChild(QAction, "actionExportPdf").trigger()
    assert answer.exists()
    return str(Path(offered[0]).parent)


def test_the_pdf_dialog_starts_at_home_then_where_the_last_pdf_went_even_after_a_restart(
    make_window, home: Path, tmp_path: Path, monkeypatch
) -> None:
    elsewhere = tmp_path / "handouts"
    elsewhere.mkdir()
    first = make_window()
    assert export_pdf_through_the_menu(first, monkeypatch, elsewhere / "a.pdf") == str(home)
    assert export_pdf_through_the_menu(first, monkeypatch, elsewhere / "b.pdf") == str(elsewhere)
    first.close()

    second = make_window()
    assert export_pdf_through_the_menu(second, monkeypatch, elsewhere / "c.pdf") == str(elsewhere)


def open_export_dialog(window, qtbot, act) -> None:
    def when_open() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog.objectName() == "notesExportDialog"
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, when_open)
    window.findChild(QAction, "actionExportNotes").trigger()


def test_the_notes_export_starts_where_the_last_export_went(window, qtbot, home: Path, tmp_path: Path) -> None:
    (home / "Documents").mkdir()
    shared = tmp_path / "shared"
    shared.mkdir()
    offered: list[str] = []

    def save_into_shared(dialog: QDialog) -> None:
        field = dialog.findChild(QLineEdit, "exportPath")
        offered.append(field.text())
        field.setText(str(shared / "class.md"))
        dialog.findChild(QComboBox, "exportFormat").setCurrentIndex(0)
        dialog.findChild(QDialogButtonBox, "exportButtons").button(QDialogButtonBox.StandardButton.Save).click()

    open_export_dialog(window, qtbot, save_into_shared)
    open_export_dialog(window, qtbot, lambda dialog: offered.append(dialog.findChild(QLineEdit, "exportPath").text()))

    assert offered[0] == str(home / "Documents" / "notes.md")
    assert (shared / "class.md").exists()
    assert offered[1] == str(shared / "notes.md")


def annotation_file(path: Path, items: list[dict]) -> Path:
    path.write_text(json.dumps({"type": "AnnotationCollection", "first": {"items": items}}), encoding="utf-8")
    return path


def test_import_opens_in_a_real_folder_checks_the_file_then_asks_the_layer_name(
    window, qtbot, home: Path, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtGui import QGuiApplication

    folder = tmp_path / "from-colleague"
    folder.mkdir()
    good = annotation_file(
        folder / "Ms Haddad.json",
        [
            {
                "type": "Annotation",
                "body": {"type": "TextualBody", "value": "See the permit regime"},
                "target": {"selector": {"type": "TextQuoteSelector", "exact": "Movement"}},
            }
        ],
    )
    broken = folder / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    opened_in: list[str] = []
    asked: list[tuple[str, str]] = []
    errors: list[str] = []
    answers = iter([broken, good])

    def get_open_file_name(parent, title, start, *args, **kwargs):
        opened_in.append(start)
        return str(next(answers)), ""

    def ask_text(parent, title, question, text="", password=False):
        asked.append((question, text))
        return "Colleague"

    monkeypatch.setattr(notes_import.QFileDialog, "getOpenFileName", get_open_file_name)
    monkeypatch.setattr(notes_import, "ask_text", ask_text)
    monkeypatch.setattr(notes_import, "show_error", lambda parent, error: errors.append(str(error)))
    import_notes = window.findChild(QAction, "actionImportNotes")

    import_notes.trigger()  # the broken file: refused before any question
    qtbot.waitUntil(lambda: bool(errors) and QGuiApplication.overrideCursor() is None, timeout=10_000)
    assert asked == []
    assert opened_in[0] == str(home) and Path(opened_in[0]).is_dir()

    import_notes.trigger()  # the good one: read first, then its layer is named
    qtbot.waitUntil(lambda: bool(asked) and QGuiApplication.overrideCursor() is None, timeout=10_000)
    assert opened_in[1] == str(folder)  # where the last notes file came from
    label, proposed = asked[0]
    assert proposed == "Ms Haddad" and "1 notes" in label
    annotator = window.findChild(QObject, "notesFeature").annotator
    assert [note.layer for note in annotator.notes()] == ["Colleague"]
