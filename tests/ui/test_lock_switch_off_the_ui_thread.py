"""Turning the privacy lock on or off is done off the UI thread (a key derived on purpose slowly, every note sealed or
unsealed): meanwhile the window goes on answering and the privacy dialog says what it is doing; then the notes come
back, with the lock switched or, when it failed, as they were."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QTabWidget

from reader.lock.leftovers import sealed_files
from reader.notes import copies, schema
from reader.notes.store import NoteStore

from .test_privacy_lock_window import (
    NOTE_TEXT,
    PASSPHRASE,
    action,
    assert_locked,
    closed,
    highlighted_texts,
    lock_on_before_start,
    notes_painted,
    open_window,
    restarted,
    shown_dialog,
    unlock_with,
    with_notes,  # noqa: F401 (a fixture)
)
from .test_unlock_off_the_ui_thread import (
    held_derivation,  # noqa: F401 (a fixture)
    ticking,
)


def privacy_dialog(window):
    action(window, "actionPrivacyLock").trigger()
    return shown_dialog(window, "privacyDialog")


def fill_turn_on(dialog, qtbot, passphrase: str = PASSPHRASE) -> None:
    qtbot.keyClicks(dialog.findChild(QLineEdit, "privacyNewPassphrase"), passphrase)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "privacyRepeatPassphrase"), passphrase)


def unlocked_window(make_window, qtbot, app_objects):
    """A window started with the lock on, its notes unlocked."""
    lock_on_before_start(app_objects)
    window = make_window()
    unlock_with(window, qtbot, PASSPHRASE)
    return window


def turn_off_page(window, qtbot, passphrase: str):
    """The privacy dialog on its Turn Off page, the passphrase typed."""
    dialog = privacy_dialog(window)
    dialog.findChild(QTabWidget).setCurrentWidget(dialog.findChild(QObject, "privacyOffPageScroller"))
    qtbot.keyClicks(dialog.findChild(QLineEdit, "privacyOffPassphrase"), passphrase)
    return dialog


def click(dialog, qtbot, name: str) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_the_window_answers_while_the_lock_is_turned_on(
    window,
    qtbot,
    app_objects,
    with_notes: str,  # noqa: F811
    held_derivation: threading.Event,  # noqa: F811
) -> None:
    notes_painted(window, qtbot, with_notes)
    dialog = privacy_dialog(window)
    fill_turn_on(dialog, qtbot)
    ticks = ticking(window)

    click(dialog, qtbot, "privacyTurnOn")

    result = dialog.findChild(QLabel, "privacyResult")
    qtbot.waitUntil(result.isVisible)
    assert result.text() == "Turning the lock on and encrypting your notes…"
    qtbot.wait(300)
    assert len(ticks) >= 10  # the UI thread went on with its events
    assert not dialog.findChild(QPushButton, "privacyTurnOn").isEnabled()
    assert not dialog.findChild(QPushButton, "privacyClose").isEnabled()
    assert QApplication.overrideCursor() is not None
    assert with_notes not in highlighted_texts(window)  # the notes are closed while they are converted
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the switch goes on whatever the dialog does: it waits to say
    assert dialog.isVisible()

    held_derivation.set()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    assert app_objects.privacy.is_on and not app_objects.privacy.is_locked
    assert "lock is on" in window.statusBar().currentMessage()
    assert QApplication.overrideCursor() is None
    notes_painted(window, qtbot, with_notes)  # open again, now sealed
    assert action(window, "actionHighlight").isEnabled()
    assert action(window, "actionLockNow").isEnabled()


def test_turning_the_lock_off_in_the_window_keeps_every_note(
    make_window,
    qtbot,
    app_objects,
    data_dir: Path,
    with_notes: str,  # noqa: F811
) -> None:
    window = unlocked_window(make_window, qtbot, app_objects)
    notes_painted(window, qtbot, with_notes)
    dialog = turn_off_page(window, qtbot, PASSPHRASE)

    click(dialog, qtbot, "privacyTurnOff")

    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    assert not app_objects.privacy.is_on
    assert sealed_files(data_dir) == []
    assert "lock is off" in window.statusBar().currentMessage()
    notes_painted(window, qtbot, with_notes)
    with NoteStore(data_dir) as store:  # readable without any key from now on
        assert [note.text for note in store.notes()] == [NOTE_TEXT]


def test_after_turning_the_lock_off_the_notes_are_checked_off_the_ui_thread(
    make_window,
    qtbot,
    app_objects,
    with_notes: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The plain database's integrity check (tens of milliseconds with many notes) is made on the worker, as the
    switch ends; the window then opens the notes on its own thread without checking them again."""
    window = unlocked_window(make_window, qtbot, app_objects)
    checked_on: list[threading.Thread] = []
    damage = schema.damage

    def recorded(*args):
        checked_on.append(threading.current_thread())
        return damage(*args)

    monkeypatch.setattr(schema, "damage", recorded)
    dialog = turn_off_page(window, qtbot, PASSPHRASE)

    click(dialog, qtbot, "privacyTurnOff")

    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    notes_painted(window, qtbot, with_notes)
    assert checked_on and threading.main_thread() not in checked_on


@pytest.mark.parametrize("how", ["unlocking", "turning the lock on"])
def test_sealed_notes_are_read_and_unsealed_off_the_ui_thread(
    make_window,
    qtbot,
    app_objects,
    with_notes: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    """Reading, unsealing and checking the sealed notes (tens of milliseconds with many notes) is done on the worker
    that opened or switched the lock; the window then only takes them in."""
    unsealed_on: list[threading.Thread] = []
    read_image = copies.SealedCopies.read_image

    def recorded(self, path: Path) -> bytes:
        unsealed_on.append(threading.current_thread())
        return read_image(self, path)

    monkeypatch.setattr(copies.SealedCopies, "read_image", recorded)
    if how == "unlocking":
        window = unlocked_window(make_window, qtbot, app_objects)
    else:
        window = make_window()
        notes_painted(window, qtbot, with_notes)
        dialog = privacy_dialog(window)
        fill_turn_on(dialog, qtbot)
        click(dialog, qtbot, "privacyTurnOn")
        qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)

    notes_painted(window, qtbot, with_notes)
    assert unsealed_on and threading.main_thread() not in unsealed_on


def test_a_wrong_passphrase_turns_nothing_off_and_gives_the_notes_back(
    make_window,
    qtbot,
    app_objects,
    data_dir: Path,
    with_notes: str,  # noqa: F811
) -> None:
    window = unlocked_window(make_window, qtbot, app_objects)
    notes_painted(window, qtbot, with_notes)
    sealed_before = sorted(sealed_files(data_dir))
    dialog = turn_off_page(window, qtbot, "not the passphrase")

    click(dialog, qtbot, "privacyTurnOff")

    result = dialog.findChild(QLabel, "privacyResult")
    qtbot.waitUntil(lambda: result.text().startswith("Wrong passphrase"), timeout=10_000)
    assert dialog.isVisible()
    field = dialog.findChild(QLineEdit, "privacyOffPassphrase")
    assert field.isEnabled() and field.text() == ""
    assert app_objects.privacy.is_on and not app_objects.privacy.is_locked
    assert sorted(sealed_files(data_dir)) == sealed_before
    notes_painted(window, qtbot, with_notes)


def test_locking_and_erasing_wait_until_the_switch_is_over(
    window,
    qtbot,
    app_objects,
    data_dir: Path,
    with_notes: str,  # noqa: F811
    held_derivation: threading.Event,  # noqa: F811
) -> None:
    """Locking (the idle timer, Ctrl+L) or erasing in the middle of a switch would close or remove files being
    written: they wait, and the switch ends as it would have."""
    notes_painted(window, qtbot, with_notes)
    lock = window.findChild(QObject, "lockFeature")
    dialog = privacy_dialog(window)
    fill_turn_on(dialog, qtbot)
    click(dialog, qtbot, "privacyTurnOn")
    qtbot.waitUntil(lambda: lock.is_switching)

    lock.lock_now()
    said = lock.erase_all()

    assert said == "The lock is being switched; nothing was erased. Try again in a moment."
    held_derivation.set()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    assert not lock.is_switching
    assert app_objects.privacy.is_on and not app_objects.privacy.is_locked
    notes_painted(window, qtbot, with_notes)
    with NoteStore(data_dir, key=app_objects.privacy.key) as store:
        assert [note.text for note in store.notes()] == [NOTE_TEXT]


def test_closing_the_window_during_a_switch_loses_no_note(
    window,
    qtbot,
    app_objects,
    data_dir: Path,
    with_notes: str,  # noqa: F811
    held_derivation: threading.Event,  # noqa: F811
) -> None:
    """The switch goes on to its end after the window closed; the notes are not opened again behind it, and the
    next start finds the lock on and every note there."""
    notes_painted(window, qtbot, with_notes)
    lock = window.findChild(QObject, "lockFeature")
    dialog = privacy_dialog(window)
    fill_turn_on(dialog, qtbot)
    click(dialog, qtbot, "privacyTurnOn")
    qtbot.waitUntil(lambda: lock.is_switching)

    window.close()
    held_derivation.set()

    qtbot.waitUntil(lambda: not lock.is_switching, timeout=10_000)
    assert window.findChild(QObject, "notesFeature") is None  # nothing reopened in the closed window
    again = open_window(qtbot, restarted(app_objects, data_dir))
    assert_locked(again, qtbot, with_notes)
    unlock_with(again, qtbot, PASSPHRASE)
    notes_painted(again, qtbot, with_notes)


def test_a_bug_while_switching_is_told_and_gives_the_notes_back(
    window,
    qtbot,
    app_objects,
    with_notes: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    notes_painted(window, qtbot, with_notes)

    def broken(*_args) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(app_objects.privacy, "enable", broken)
    dialog = privacy_dialog(window)
    fill_turn_on(dialog, qtbot)
    result = dialog.findChild(QLabel, "privacyResult")

    with qtbot.capture_exceptions() as bugs:
        click(dialog, qtbot, "privacyTurnOn")
        qtbot.waitUntil(lambda: result.text() == "The lock could not be switched.", timeout=10_000)

    assert [kind for kind, *_ in bugs] == [RuntimeError]  # handed to the application, which logs and tells it
    assert dialog.isVisible()
    assert dialog.findChild(QPushButton, "privacyTurnOn").isEnabled()
    assert QApplication.overrideCursor() is None
    assert not window.findChild(QObject, "lockFeature").is_switching
    notes_painted(window, qtbot, with_notes)
