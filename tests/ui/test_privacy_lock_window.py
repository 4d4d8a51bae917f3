"""The privacy lock as a reader meets it in the window: locked at the start, unlocking, locking now or when idle,
turning it on, the erase passphrase, and erasing everything."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from reader.content import Report
from reader.lock.key_file import LockSettings, key_file_path
from reader.lock.leftovers import sealed_files
from reader.lock.privacy import Privacy
from reader.notes.anchoring import anchor_from_selection
from reader.notes.store import NoteStore
from reader.search.results import HitKind
from reader.ui.app import build_main_window
from reader.ui.note_highlighter import NoteHighlighter

PASSPHRASE = "olive grove at dawn"
ERASE_PASSPHRASE = "blue door on the left"
NOTE_TEXT = "Witness near the checkpoint"
QUOTE_PARAGRAPH = "red-wolf-p2"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def with_notes(report: Report, data_dir: Path) -> str:
    """A note written before the window opens; returns the words it highlights."""
    anchor = anchor_from_selection(report, QUOTE_PARAGRAPH, 0, 12)
    with NoteStore(data_dir) as store:
        store.add(anchor, text=NOTE_TEXT)
    return anchor.exact


def restarted(app_objects, data_dir: Path):
    """The objects of a new run on the same folders (a new process knows no key)."""
    privacy = Privacy(data_dir, app_objects.folders.cache)
    return dataclasses.replace(app_objects, privacy=privacy, open_notes=lambda: NoteStore(data_dir, key=privacy.key))


def open_window(qtbot, objects):
    window = build_main_window(objects)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.ensure_features()
    window.activateWindow()
    window.document.setFocus()
    return window


def lock_on_before_start(app_objects, settings: LockSettings | None = None, erase: str | None = None) -> None:
    """The lock turned on (and closed) before the window opens, as a previous run would leave it."""
    privacy = app_objects.privacy
    privacy.enable(PASSPHRASE, settings or LockSettings())
    if erase is not None:
        privacy.set_erase_passphrase(PASSPHRASE, erase)
    privacy.lock()


# What the reader sees


def highlighted_texts(window) -> list[str]:
    return [selection.cursor.selectedText() for selection in window.document.extraSelections()]


def shown_text(window) -> str:
    """Every piece of text a reader can see in the window's panels: labels, fields, editors and lists."""
    parts = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QLineEdit)):
            parts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QListView) and widget.model() is not None:
            model = widget.model()
            parts += [str(model.index(row, 0).data()) for row in range(model.rowCount())]
    return "\n".join(parts)


def notes_panel(window) -> QWidget:
    return window.findChild(QDockWidget, "notesDock").widget()


def action(window, name: str) -> QAction:
    return window.findChild(QAction, name)


def notes_painted(window, qtbot, quote: str) -> None:
    qtbot.waitUntil(lambda: quote in highlighted_texts(window))


def search(window, qtbot, text: str) -> list[HitKind]:
    """Search from the search panel once it is ready; the kinds of the hits listed."""
    search_feature = window.findChild(QObject, "searchFeature")
    qtbot.waitUntil(lambda: search_feature.is_ready, timeout=10_000)
    panel = window.findChild(QWidget, "searchPanel")
    field = panel.findChild(QLineEdit, "searchField")
    field.clear()
    with qtbot.waitSignal(panel.results_shown, timeout=3000):
        qtbot.keyClicks(field, text)
    return hit_kinds(window)


def hit_kinds(window) -> list[HitKind]:
    model = window.findChild(QWidget, "searchPanel").model
    return [model.hit(row).kind for row in range(model.rowCount())]


def closed(dialog: QDialog) -> bool:
    """Whether the dialog was closed (the window deletes a dialog of its own once it is closed)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def shown_dialog(window, name: str) -> QDialog:
    dialogs = [dialog for dialog in window.findChildren(QDialog, name) if dialog.isVisible()]
    assert len(dialogs) == 1, f"{name} is not shown"
    return dialogs[0]


def press_ctrl_l(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.document, Qt.Key.Key_L, CTRL)


def unlock_with(window, qtbot, passphrase: str) -> QDialog:
    """Press Ctrl+L, type the passphrase, press Unlock; the dialog (closed or not)."""
    press_ctrl_l(window, qtbot)
    dialog = shown_dialog(window, "unlockDialog")
    try_passphrase(dialog, qtbot, passphrase)
    return dialog


def try_passphrase(dialog: QDialog, qtbot, passphrase: str) -> None:
    """Type the passphrase into the open unlock dialog, press Unlock and wait for the answer (checked off the UI
    thread)."""
    qtbot.keyClicks(dialog.findChild(QLineEdit, "unlockPassphrase"), passphrase)
    with qtbot.waitSignal(dialog.tried):
        qtbot.mouseClick(dialog.findChild(QPushButton, "unlockOk"), Qt.MouseButton.LeftButton)


def assert_locked(window, qtbot, quote: str) -> None:
    """The notes panel (brought forward) says the notes are locked; no note, highlight or note action is left."""
    action(window, "actionFocusNotes").trigger()
    assert notes_panel(window).objectName() == "notesLockedPanel"
    assert "Notes are locked" in shown_text(window)
    assert NOTE_TEXT not in shown_text(window)
    assert quote not in highlighted_texts(window)
    assert action(window, "actionUnlock").isEnabled()
    assert not action(window, "actionHighlight").isEnabled()
    assert not action(window, "actionAddNote").isEnabled()
    assert not action(window, "actionExportNotes").isEnabled()
    indicator = window.findChild(QToolButton, "lockIndicator")
    qtbot.waitUntil(indicator.isVisible)  # the status line is shown just after the window
    assert indicator.accessibleName()


# Tests


def test_locking_takes_every_note_off_the_screen_and_out_of_search(window, qtbot, app_objects, with_notes: str) -> None:
    notes_painted(window, qtbot, with_notes)
    action(window, "actionFocusNotes").trigger()
    qtbot.waitUntil(lambda: NOTE_TEXT in shown_text(window))
    turn_lock_on(window, qtbot)
    notes_painted(window, qtbot, with_notes)  # the notes stay open once the lock is turned on
    qtbot.waitUntil(lambda: HitKind.NOTE in search(window, qtbot, "checkpoint witness"))

    press_ctrl_l(window, qtbot)

    assert_locked(window, qtbot, with_notes)
    assert HitKind.NOTE not in hit_kinds(window)  # the open search lost its note hits at once
    assert HitKind.NOTE not in search(window, qtbot, "checkpoint witness")
    assert not action(window, "actionUndo").isEnabled()


def test_a_wrong_passphrase_is_said_in_the_dialog_and_the_notes_stay_locked(
    make_window, qtbot, app_objects, with_notes: str
) -> None:
    lock_on_before_start(app_objects)
    window = make_window()

    dialog = unlock_with(window, qtbot, "not my passphrase")

    assert dialog.isVisible()
    error = dialog.findChild(QLabel, "unlockError")
    assert error.isVisible()
    assert error.text().startswith("Wrong passphrase")
    assert "\n" not in error.text()
    assert dialog.findChild(QLineEdit, "unlockPassphrase").text() == ""
    assert_locked(window, qtbot, with_notes)


def test_the_right_passphrase_brings_the_notes_back(make_window, qtbot, app_objects, with_notes: str) -> None:
    lock_on_before_start(app_objects)
    window = make_window()
    assert_locked(window, qtbot, with_notes)

    dialog = unlock_with(window, qtbot, PASSPHRASE)

    assert not dialog.isVisible()
    notes_painted(window, qtbot, with_notes)
    action(window, "actionFocusNotes").trigger()
    qtbot.waitUntil(lambda: NOTE_TEXT in shown_text(window))
    assert notes_panel(window).objectName() == "notesPanel"
    assert action(window, "actionLockNow").isEnabled() and not action(window, "actionUnlock").isEnabled()
    assert action(window, "actionHighlight").isEnabled()
    qtbot.waitUntil(lambda: HitKind.NOTE in search(window, qtbot, "checkpoint witness"))


def test_the_notes_lock_by_themselves_when_the_reader_is_away(
    make_window, qtbot, app_objects, with_notes: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reader.ui.lock_feature.MS_PER_MINUTE", 200)  # "1 minute" is 0.2 s here
    lock_on_before_start(app_objects, LockSettings(auto_lock_minutes=1))
    window = make_window()
    unlock_with(window, qtbot, PASSPHRASE)
    notes_painted(window, qtbot, with_notes)

    qtbot.waitUntil(lambda: action(window, "actionUnlock").isEnabled(), timeout=5000)

    assert_locked(window, qtbot, with_notes)


def test_a_new_start_with_the_lock_on_opens_no_notes(qtbot, app_objects, data_dir: Path, with_notes: str) -> None:
    lock_on_before_start(app_objects)
    opened: list[NoteStore] = []
    objects = restarted(app_objects, data_dir)
    objects = dataclasses.replace(objects, open_notes=lambda: opened.append(NoteStore(data_dir)) or opened[-1])

    window = open_window(qtbot, objects)

    assert opened == []
    assert_locked(window, qtbot, with_notes)
    assert window.document.toPlainText().strip()  # the report itself is there to read


def test_the_erase_passphrase_leaves_a_freshly_installed_reader(
    make_window, qtbot, app_objects, data_dir: Path, with_notes: str
) -> None:
    lock_on_before_start(app_objects, erase=ERASE_PASSPHRASE)
    window = make_window()

    dialog = unlock_with(window, qtbot, ERASE_PASSPHRASE)

    assert not dialog.isVisible()
    action(window, "actionFocusNotes").trigger()
    qtbot.waitUntil(lambda: "No notes yet" in shown_text(window))
    assert NOTE_TEXT not in shown_text(window)
    assert with_notes not in highlighted_texts(window)
    assert window.findChild(QToolButton, "lockIndicator").isHidden()
    assert not action(window, "actionLockNow").isEnabled() and not action(window, "actionUnlock").isEnabled()
    assert not app_objects.privacy.is_on
    assert sealed_files(data_dir) == []
    assert not key_file_path(data_dir).exists()


def turn_lock_on(window, qtbot, minutes: int = 10) -> None:
    action(window, "actionPrivacyLock").trigger()
    dialog = shown_dialog(window, "privacyDialog")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "privacyNewPassphrase"), PASSPHRASE)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "privacyRepeatPassphrase"), PASSPHRASE)
    dialog.findChild(QSpinBox, "privacyAutoLock").setValue(minutes)
    qtbot.mouseClick(dialog.findChild(QPushButton, "privacyTurnOn"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)  # the lock is switched off the UI thread


def test_differing_passphrases_turn_nothing_on(window, qtbot, app_objects) -> None:
    action(window, "actionPrivacyLock").trigger()
    dialog = shown_dialog(window, "privacyDialog")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "privacyNewPassphrase"), PASSPHRASE)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "privacyRepeatPassphrase"), PASSPHRASE + "x")

    qtbot.mouseClick(dialog.findChild(QPushButton, "privacyTurnOn"), Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert "differ" in dialog.findChild(QLabel, "privacyResult").text()
    assert not app_objects.privacy.is_on


def test_enter_in_the_passphrase_fields_turns_the_lock_on_and_never_just_closes(window, qtbot, app_objects) -> None:
    """Enter in the first field goes to the second; in the second it turns the lock on (differing passphrases:
    it says so, and the dialog stays). It never closes the dialog with the lock still off."""
    action(window, "actionPrivacyLock").trigger()
    dialog = shown_dialog(window, "privacyDialog")
    first = dialog.findChild(QLineEdit, "privacyNewPassphrase")
    second = dialog.findChild(QLineEdit, "privacyRepeatPassphrase")
    first.setFocus()
    qtbot.keyClicks(first, PASSPHRASE)
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.focusWidget() is second
    qtbot.keyClicks(second, PASSPHRASE + "x")
    qtbot.keyClick(second, Qt.Key.Key_Return)
    assert dialog.isVisible() and "differ" in dialog.findChild(QLabel, "privacyResult").text()
    assert not app_objects.privacy.is_on

    qtbot.keyClicks(first, PASSPHRASE)
    qtbot.keyClicks(second, PASSPHRASE)
    qtbot.keyClick(second, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    assert app_objects.privacy.is_on


def test_a_lock_turned_on_in_the_window_asks_for_the_passphrase_at_the_next_start(
    window, qtbot, app_objects, data_dir: Path, with_notes: str
) -> None:
    notes_painted(window, qtbot, with_notes)
    turn_lock_on(window, qtbot)
    assert "lock is on" in window.statusBar().currentMessage()
    window.close()

    again = open_window(qtbot, restarted(app_objects, data_dir))

    assert_locked(again, qtbot, with_notes)
    unlock_with(again, qtbot, PASSPHRASE)
    notes_painted(again, qtbot, with_notes)


def test_erasing_from_the_window_removes_the_notes_and_keeps_the_report(
    window, qtbot, data_dir: Path, with_notes: str
) -> None:
    notes_painted(window, qtbot, with_notes)
    action(window, "actionEraseAll").trigger()
    dialog = shown_dialog(window, "eraseDialog")
    assert "The report stays" in dialog.informativeText()

    qtbot.mouseClick(dialog.findChild(QPushButton, "eraseConfirm"), Qt.MouseButton.LeftButton)

    action(window, "actionFocusNotes").trigger()
    qtbot.waitUntil(lambda: "No notes yet" in shown_text(window))
    assert with_notes not in highlighted_texts(window)
    assert [path.name for path in data_dir.rglob("*") if NOTE_TEXT.encode() in _bytes(path)] == []
    assert window.findChild(NoteHighlighter, "noteHighlighter") is not None
    assert window.document.toPlainText().strip()


def test_enter_in_the_erase_dialog_erases_nothing(window, qtbot, with_notes: str) -> None:
    notes_painted(window, qtbot, with_notes)
    action(window, "actionEraseAll").trigger()
    dialog = shown_dialog(window, "eraseDialog")

    qtbot.keyClick(dialog, Qt.Key.Key_Return)

    assert not dialog.isVisible()
    assert with_notes in highlighted_texts(window)


def _bytes(path: Path) -> bytes:
    return path.read_bytes() if path.is_file() else b""


def test_a_passphrase_the_lock_refuses_leaves_the_notes_open_as_they_were(
    window, qtbot, app_objects, with_notes: str
) -> None:
    notes_painted(window, qtbot, with_notes)
    notes = window.findChild(QObject, "notesFeature")
    action(window, "actionPrivacyLock").trigger()
    dialog = shown_dialog(window, "privacyDialog")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "privacyNewPassphrase"), "short")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "privacyRepeatPassphrase"), "short")

    qtbot.mouseClick(dialog.findChild(QPushButton, "privacyTurnOn"), Qt.MouseButton.LeftButton)

    # Said at once, the notes never closed (reading 10,000 notes again would take the window a second).
    assert "at least 8 characters" in dialog.findChild(QLabel, "privacyResult").text()
    assert window.findChild(QObject, "notesFeature") is notes
    assert dialog.isVisible()
    assert not app_objects.privacy.is_on
    notes_painted(window, qtbot, with_notes)
    assert action(window, "actionHighlight").isEnabled()


def test_too_many_wrong_passphrases_leave_a_freshly_installed_reader(
    make_window, qtbot, app_objects, data_dir: Path, with_notes: str
) -> None:
    lock_on_before_start(app_objects, LockSettings(erase_after_tries=3))
    window = make_window()
    dialog = unlock_with(window, qtbot, "wrong once")
    assert "2 tries are left" in dialog.findChild(QLabel, "unlockError").text()
    try_passphrase(dialog, qtbot, "wrong twice")

    try_passphrase(dialog, qtbot, "wrong thrice")

    assert not dialog.isVisible()
    action(window, "actionFocusNotes").trigger()
    qtbot.waitUntil(lambda: "No notes yet" in shown_text(window))
    assert not app_objects.privacy.is_on
    assert sealed_files(data_dir) == []


def test_erasing_while_locked_needs_no_passphrase_and_opens_an_empty_reader(
    make_window, qtbot, app_objects, data_dir: Path, with_notes: str
) -> None:
    lock_on_before_start(app_objects)
    window = make_window()
    action(window, "actionEraseAll").trigger()

    qtbot.mouseClick(
        shown_dialog(window, "eraseDialog").findChild(QPushButton, "eraseConfirm"), Qt.MouseButton.LeftButton
    )

    action(window, "actionFocusNotes").trigger()
    qtbot.waitUntil(lambda: "No notes yet" in shown_text(window))
    assert not app_objects.privacy.is_on
    assert sealed_files(data_dir) == [] and not key_file_path(data_dir).exists()
    assert action(window, "actionHighlight").isEnabled()


def test_unlocking_goes_back_to_where_the_reader_stopped(
    make_window, qtbot, app_objects, data_dir: Path, report: Report
) -> None:
    from reader.prefs import Preferences

    stopped_at = report.paragraph("apartheid-p1")
    prefs = Preferences(data_dir)
    prefs.position = stopped_at.id
    prefs.save()
    lock_on_before_start(app_objects)
    assert stopped_at.id.encode() not in (data_dir / "preferences.json").read_bytes()
    window = make_window()
    first = window.document.current_section()
    assert first != stopped_at.section_id  # locked: the sealed position is not known yet

    unlock_with(window, qtbot, PASSPHRASE)

    qtbot.waitUntil(lambda: window.document.current_section() == stopped_at.section_id)


def test_the_erase_passphrase_also_forgets_the_searches_and_the_way_back(
    make_window, qtbot, app_objects, with_notes: str
) -> None:
    lock_on_before_start(app_objects, erase=ERASE_PASSPHRASE)
    window = make_window()
    search(window, qtbot, "Red Wolf")
    window.go_to("apartheid")
    assert action(window, "actionBack").isEnabled()

    unlock_with(window, qtbot, ERASE_PASSPHRASE)

    assert window.findChild(QLineEdit, "searchField").text() == ""
    assert hit_kinds(window) == []
    assert not action(window, "actionBack").isEnabled()
    assert window.document.current_section() == "apartheid"  # the page itself stays, as after any unlock
