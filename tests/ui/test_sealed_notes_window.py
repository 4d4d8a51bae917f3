"""Sealing a notes file in the export dialog, and importing it in the window with its passphrase."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLabel, QLineEdit, QListView

from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.sealed_file import SealedFileError, open_sealed_notes_file
from reader.notes.store import NoteStore
from reader.ui import notes_import
from reader.ui.notes_export_dialog import NotesExportDialog

from .test_question_dialog import when_asked

NOTE = "Meet the witness after the market closes"


@pytest.fixture
def notes(report: Report, tmp_path: Path):
    with NoteStore(tmp_path / "elsewhere.sqlite3") as store:
        store.add(anchor_from_selection(report, "red-wolf-p2", 0, 25), text=NOTE)
        return store.notes()


def sealed_export(qtbot, report, notes, path: Path, passphrase: str, again: str) -> NotesExportDialog:
    dialog = NotesExportDialog(report, notes, notes)
    qtbot.addWidget(dialog)
    combo = dialog.findChild(QComboBox, "exportFormat")
    seal = dialog.findChild(QCheckBox, "exportSeal")
    assert not seal.isEnabled()  # a Markdown handout is for anyone
    combo.setCurrentIndex(combo.findText("Notes file", Qt.MatchFlag.MatchStartsWith))
    seal.setChecked(True)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "exportPassphrase"), passphrase)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "exportRepeatPassphrase"), again)
    dialog.findChild(QLineEdit, "exportPath").setText(str(path))
    buttons = dialog.findChild(QDialogButtonBox, "exportButtons")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    return dialog


def test_a_sealed_export_holds_no_word_of_the_notes(qtbot, report, notes, tmp_path: Path) -> None:
    dialog = sealed_export(qtbot, report, notes, tmp_path / "for-colleague.json", "shared by phone", "shared by phone")
    assert dialog.written == tmp_path / "for-colleague.json"
    assert b"witness" not in dialog.written.read_bytes()
    assert dialog.findChild(QLineEdit, "exportPassphrase").echoMode() == QLineEdit.EchoMode.Password


def test_differing_passphrases_write_nothing(qtbot, report, notes, tmp_path: Path) -> None:
    dialog = sealed_export(qtbot, report, notes, tmp_path / "f.json", "shared by phone", "shared by fone")
    assert dialog.written is None
    assert dialog.findChild(QLabel, "exportProblem").text() == "The two passphrases differ; nothing was written."
    assert not (tmp_path / "f.json").exists()


def test_a_sealed_file_is_imported_after_its_passphrase_is_asked(
    window, qtbot, report, notes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = sealed_export(qtbot, report, notes, tmp_path / "f.json", "shared by phone", "shared by phone").written
    asked: list[tuple[str, QLineEdit.EchoMode]] = []

    def answer(dialog) -> None:
        field = dialog.findChild(QLineEdit, "questionField")
        asked.append((field.accessibleName(), field.echoMode()))
        if len(asked) == 1:
            when_asked(answer)  # the layer's name is asked next
        qtbot.keyClicks(field, "shared by phone" if len(asked) == 1 else "From a colleague")
        qtbot.keyClick(field, Qt.Key.Key_Return)

    monkeypatch.setattr(notes_import.QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    when_asked(answer)
    window.findChild(QAction, "actionImportNotes").trigger()
    qtbot.waitUntil(lambda: len(asked) == 2 and QGuiApplication.overrideCursor() is None, timeout=10_000)

    # The file is read before its layer is named; its passphrase is not shown as it is typed.
    assert asked[0] == ("f.json is sealed. Its passphrase:", QLineEdit.EchoMode.Password)
    assert asked[1][1] == QLineEdit.EchoMode.Normal
    qtbot.waitUntil(lambda: NOTE in listed(window), timeout=10_000)


def listed(window) -> str:
    notes_list = window.findChild(QListView, "notesList")
    if notes_list is None:
        return ""
    model = notes_list.model()
    return "\n".join(str(model.index(row, 0).data()) for row in range(model.rowCount()))


def test_the_key_is_derived_once_both_fields_agree_before_save_is_pressed(
    qtbot, report, notes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    derived: list[bytes] = []
    real_scrypt = hashlib.scrypt

    def recording_scrypt(password: bytes, **kwargs) -> bytes:
        derived.append(password)
        return real_scrypt(password, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", recording_scrypt)
    dialog = NotesExportDialog(report, notes, notes)
    qtbot.addWidget(dialog)
    combo = dialog.findChild(QComboBox, "exportFormat")
    combo.setCurrentIndex(combo.findText("Notes file", Qt.MatchFlag.MatchStartsWith))
    dialog.findChild(QCheckBox, "exportSeal").setChecked(True)
    first = dialog.findChild(QLineEdit, "exportPassphrase")
    again = dialog.findChild(QLineEdit, "exportRepeatPassphrase")
    qtbot.keyClicks(first, "shared by phone")
    qtbot.keyClicks(again, "shared by phon")
    assert derived == []  # the fields do not agree yet: nothing is derived from half a passphrase
    qtbot.keyClicks(again, "e")
    qtbot.waitUntil(lambda: derived == [b"shared by phone"], timeout=5_000)  # begun before Save

    first.clear()
    again.clear()
    qtbot.keyClicks(first, "a new passphrase")
    qtbot.keyClicks(again, "a new passphrase")
    dialog.findChild(QLineEdit, "exportPath").setText(str(tmp_path / "f.json"))
    buttons = dialog.findChild(QDialogButtonBox, "exportButtons")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    assert derived == [b"shared by phone", b"a new passphrase"]  # Save derived nothing more
    assert dialog._sealer is None  # the dialog, closed, holds no key
    raw = (tmp_path / "f.json").read_bytes()
    assert NOTE.encode() in open_sealed_notes_file(raw, "a new passphrase", "f.json", 10**7)
    with pytest.raises(SealedFileError):
        open_sealed_notes_file(raw, "shared by phone", "f.json", 10**7)


def test_a_cancelled_dialog_lets_go_of_the_key_it_began(qtbot, report, notes) -> None:
    dialog = NotesExportDialog(report, notes, notes)
    qtbot.addWidget(dialog)
    combo = dialog.findChild(QComboBox, "exportFormat")
    combo.setCurrentIndex(combo.findText("Notes file", Qt.MatchFlag.MatchStartsWith))
    dialog.findChild(QCheckBox, "exportSeal").setChecked(True)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "exportPassphrase"), "shared by phone")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "exportRepeatPassphrase"), "shared by phone")
    assert dialog._sealer is not None

    buttons = dialog.findChild(QDialogButtonBox, "exportButtons")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)

    assert dialog._sealer is None
