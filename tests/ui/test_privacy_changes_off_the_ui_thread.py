"""The privacy dialog's changes that check the passphrase (settings, passphrase, erase passphrase) are made off the UI
thread: meanwhile the window goes on answering and the dialog says it is checking, its pages and Close waiting; then
it says in one line what happened."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QSpinBox, QTabWidget

from reader.lock.privacy import Privacy, WrongPassphraseError

from .test_privacy_lock_window import (
    PASSPHRASE,
    action,
    lock_on_before_start,
    shown_dialog,
    unlock_with,
    with_notes,  # noqa: F401 (a fixture)
)
from .test_unlock_off_the_ui_thread import (
    held_derivation,  # noqa: F401 (a fixture)
    ticking,
)

NEW_PASSPHRASE = "lemon tree by the well"
ERASE_PASSPHRASE = "blue door on the left"


def privacy_dialog(make_window, qtbot, app_objects):
    """A window whose notes were unlocked, and its privacy dialog."""
    lock_on_before_start(app_objects)
    window = make_window()
    unlock_with(window, qtbot, PASSPHRASE)
    action(window, "actionPrivacyLock").trigger()
    return window, shown_dialog(window, "privacyDialog")


def press(dialog, qtbot, button: str, said: str) -> None:
    """Press a page's button and wait until the dialog says `said`."""
    result = dialog.findChild(QLabel, "privacyResult")
    qtbot.mouseClick(dialog.findChild(QPushButton, button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: result.text() == said, timeout=10_000)


def fill(dialog, qtbot, **fields: str) -> None:
    for name, text in fields.items():
        qtbot.keyClicks(dialog.findChild(QLineEdit, name), text)


def test_the_window_answers_while_new_settings_are_checked_and_saved(
    make_window,
    qtbot,
    app_objects,
    with_notes: str,  # noqa: F811
    held_derivation: threading.Event,  # noqa: F811
) -> None:
    held_derivation.set()  # the unlock goes through at once
    window, dialog = privacy_dialog(make_window, qtbot, app_objects)
    held_derivation.clear()  # the next keys wait
    page = dialog.findChild(QTabWidget, "privacyTabs").widget(0)
    page.findChild(QSpinBox, "privacyAutoLock").setValue(5)
    fill(dialog, qtbot, privacySettingsPassphrase=PASSPHRASE)
    ticks = ticking(window)

    qtbot.mouseClick(dialog.findChild(QPushButton, "privacySaveSettings"), Qt.MouseButton.LeftButton)

    result = dialog.findChild(QLabel, "privacyResult")
    assert result.text() == "Checking the passphrase…"
    qtbot.wait(300)
    assert len(ticks) >= 10  # the UI thread went on with its events
    assert not dialog.findChild(QTabWidget, "privacyTabs").isEnabled()
    assert not dialog.findChild(QPushButton, "privacyClose").isEnabled()
    assert QApplication.overrideCursor() is not None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    held_derivation.set()
    qtbot.waitUntil(lambda: result.text() == "The settings were saved.", timeout=10_000)
    assert app_objects.privacy.settings.auto_lock_minutes == 5
    assert dialog.findChild(QTabWidget, "privacyTabs").isEnabled()
    assert dialog.findChild(QLineEdit, "privacySettingsPassphrase").text() == ""
    assert QApplication.overrideCursor() is None


def test_the_passphrase_is_changed_only_with_the_current_one(
    make_window,
    qtbot,
    app_objects,
    data_dir: Path,
    with_notes: str,  # noqa: F811
) -> None:
    _window, dialog = privacy_dialog(make_window, qtbot, app_objects)
    new = {"privacyChangedPassphrase": NEW_PASSPHRASE, "privacyChangedAgain": NEW_PASSPHRASE}

    fill(dialog, qtbot, privacyOldPassphrase="not my passphrase", **new)
    last = dialog.findChild(QLineEdit, "privacyChangedAgain")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    last.setFocus()
    qtbot.waitUntil(last.hasFocus)
    qtbot.keyClick(last, Qt.Key.Key_Return)  # Enter in the last field presses the page's button
    result = dialog.findChild(QLabel, "privacyResult")
    qtbot.waitUntil(lambda: result.text() == "Wrong passphrase; nothing was changed.", timeout=10_000)
    assert last.hasFocus()  # for the next try, where it was
    fill(dialog, qtbot, privacyOldPassphrase=PASSPHRASE, **new)
    press(dialog, qtbot, "privacyChangePassphrase", "The passphrase was changed.")

    later = Privacy(data_dir, data_dir / "cache")  # as the next start would
    later.unlock(NEW_PASSPHRASE)
    assert not later.is_locked


def test_an_erase_passphrase_is_set_and_removed(
    make_window,
    qtbot,
    app_objects,
    data_dir: Path,
    tmp_path: Path,
    with_notes: str,  # noqa: F811
) -> None:
    _window, dialog = privacy_dialog(make_window, qtbot, app_objects)
    erase = {"privacyErasePassphrase": ERASE_PASSPHRASE, "privacyErasePassphraseAgain": ERASE_PASSPHRASE}

    fill(dialog, qtbot, privacyErasePassphraseCurrent=PASSPHRASE, **erase)
    press(dialog, qtbot, "privacySetErase", "The erase passphrase was set.")
    copy = tmp_path / "copy"
    shutil.copytree(data_dir, copy)
    on_the_copy = Privacy(copy, copy / "cache")
    on_the_copy.unlock(ERASE_PASSPHRASE)  # the erase passphrase, given: everything is erased
    assert not on_the_copy.is_on
    fill(dialog, qtbot, privacyErasePassphraseCurrent=PASSPHRASE)
    press(dialog, qtbot, "privacyRemoveErase", "There is no erase passphrase now.")

    later = Privacy(data_dir, data_dir / "cache")
    with pytest.raises(WrongPassphraseError):
        later.unlock(ERASE_PASSPHRASE)
    assert later.is_on and later.is_locked
