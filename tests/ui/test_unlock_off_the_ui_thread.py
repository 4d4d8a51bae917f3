"""The passphrase is checked off the UI thread (scrypt takes about half a second on purpose): meanwhile the window
goes on answering, the unlock dialog says what it is doing and takes no second try, and whatever the check ends with,
the dialog is left usable."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from reader.lock import key_file
from reader.ui import unlock_dialog

from .test_privacy_lock_window import (
    PASSPHRASE,
    lock_on_before_start,
    notes_painted,
    press_ctrl_l,
    shown_dialog,
    try_passphrase,
    with_notes,  # noqa: F401 (a fixture)
)


def unlock_dialog_at_start(make_window, qtbot, app_objects):
    """A window started with the lock on, and its unlock dialog, opened with Ctrl+L."""
    lock_on_before_start(app_objects)
    window = make_window()
    press_ctrl_l(window, qtbot)
    return window, shown_dialog(window, "unlockDialog")


def ticking(window) -> list[int]:
    """A list that grows by one every 10 ms for as long as the UI thread goes on with its events."""
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    return ticks


@pytest.fixture
def held_derivation(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Keys are derived only once the returned event is set (at most 5 s later), as if scrypt took that long."""
    release = threading.Event()
    derive = key_file.derive_key

    def held(*args):
        release.wait(timeout=5)
        return derive(*args)

    monkeypatch.setattr(key_file, "derive_key", held)
    return release


def test_the_window_answers_while_the_passphrase_is_checked(
    make_window,
    qtbot,
    app_objects,
    with_notes: str,  # noqa: F811
    held_derivation: threading.Event,
) -> None:
    window, dialog = unlock_dialog_at_start(make_window, qtbot, app_objects)
    field = dialog.findChild(QLineEdit, "unlockPassphrase")
    qtbot.keyClicks(field, PASSPHRASE)
    ticks = ticking(window)

    qtbot.mouseClick(dialog.findChild(QPushButton, "unlockOk"), Qt.MouseButton.LeftButton)

    status = dialog.findChild(QLabel, "unlockStatus")
    qtbot.waitUntil(status.isVisible)
    assert status.text().startswith("Checking the passphrase")
    qtbot.wait(300)
    assert len(ticks) >= 10  # the UI thread went on with its events
    assert not field.isEnabled() and not dialog.findChild(QPushButton, "unlockOk").isEnabled()
    assert not dialog.findChild(QPushButton, "unlockCancel").isEnabled()
    assert QApplication.overrideCursor() is not None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the lock opens or not whatever the dialog does: it waits to say
    assert dialog.isVisible()

    with qtbot.waitSignal(dialog.tried):
        held_derivation.set()

    assert not dialog.isVisible()
    assert QApplication.overrideCursor() is None
    notes_painted(window, qtbot, with_notes)


def test_a_wrong_passphrase_gives_the_field_back_for_another_try(
    make_window,
    qtbot,
    app_objects,
    with_notes: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    said: list[str] = []  # what a screen reader is given to say
    monkeypatch.setattr(unlock_dialog, "announce", lambda _widget, message: said.append(message))
    window, dialog = unlock_dialog_at_start(make_window, qtbot, app_objects)

    try_passphrase(dialog, qtbot, "not my passphrase")

    field = dialog.findChild(QLineEdit, "unlockPassphrase")
    assert field.isEnabled() and field.text() == "" and field.hasFocus()
    assert dialog.findChild(QPushButton, "unlockOk").isEnabled()
    assert not dialog.findChild(QLabel, "unlockStatus").isVisible()
    error = dialog.findChild(QLabel, "unlockError").text()
    assert error.startswith("Wrong passphrase")
    assert said == ["Checking the passphrase…", error]
    try_passphrase(dialog, qtbot, PASSPHRASE)
    assert not dialog.isVisible()
    notes_painted(window, qtbot, with_notes)


def test_a_bug_while_checking_is_told_and_leaves_the_dialog_usable(
    make_window,
    qtbot,
    app_objects,
    with_notes: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _window, dialog = unlock_dialog_at_start(make_window, qtbot, app_objects)

    def broken(_passphrase: str) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(app_objects.privacy, "unlock", broken)
    with qtbot.capture_exceptions() as bugs:
        try_passphrase(dialog, qtbot, PASSPHRASE)

    assert [kind for kind, *_ in bugs] == [RuntimeError]  # handed to the application, which logs and tells it
    assert dialog.isVisible()
    assert dialog.findChild(QLabel, "unlockError").text() == (
        "The passphrase could not be checked; the notes stay locked."
    )
    assert dialog.findChild(QLineEdit, "unlockPassphrase").isEnabled()
    assert QApplication.overrideCursor() is None
    assert app_objects.privacy.is_locked
