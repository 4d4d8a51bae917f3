"""Unlocking and locking the notes in a data folder that cannot be written to (a copy on read-only media), a known
state: the window tells no failure to save what can never be saved there, and the unlock dialog never counts down
wrong tries that cannot be counted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from reader.lock.key_file import LockSettings

from ..core.lock.conftest import all_bytes, make_read_only
from .test_privacy_lock_window import (
    ERASE_PASSPHRASE,
    PASSPHRASE,
    action,
    assert_locked,
    lock_on_before_start,
    notes_painted,
    press_ctrl_l,
    unlock_with,
    with_notes,  # noqa: F401 (a fixture)
)

NOT_COUNTED = (
    "Wrong passphrase; the notes stay locked. Wrong tries are not counted while the data folder cannot be written to."
)


def test_locking_notes_in_a_read_only_folder_tells_no_failure_to_save(
    make_window,
    qtbot,
    app_objects,
    data_dir: Path,
    monkeypatch,
    with_notes: str,  # noqa: F811
) -> None:
    lock_on_before_start(app_objects)
    make_read_only(data_dir, monkeypatch)
    window = make_window()
    unlock_with(window, qtbot, PASSPHRASE)
    notes_painted(window, qtbot, with_notes)
    window.statusBar().clearMessage()

    press_ctrl_l(window, qtbot)

    assert_locked(window, qtbot, with_notes)
    assert window.statusBar().currentMessage() == ""


def test_wrong_tries_in_a_read_only_folder_are_said_not_to_count(
    make_window,
    qtbot,
    app_objects,
    data_dir: Path,
    monkeypatch,
    with_notes: str,  # noqa: F811
) -> None:
    lock_on_before_start(app_objects, LockSettings(erase_after_tries=3), erase=ERASE_PASSPHRASE)
    make_read_only(data_dir, monkeypatch)
    before = all_bytes(data_dir)
    window = make_window()

    said = []
    for passphrase in ("not my passphrase", "not it either", ERASE_PASSPHRASE, "still not it"):
        dialog = unlock_with(window, qtbot, passphrase)
        said.append(dialog.findChild(QLabel, "unlockError").text())
        dialog.reject()

    assert said == [NOT_COUNTED] * 4
    assert all_bytes(data_dir) == before
    assert_locked(window, qtbot, with_notes)
    unlock_with(window, qtbot, PASSPHRASE)
    notes_painted(window, qtbot, with_notes)
    assert action(window, "actionLockNow").isEnabled()


def test_a_long_reason_in_the_unlock_dialog_is_shown_whole(
    make_window,
    qtbot,
    app_objects,
    data_dir: Path,
    monkeypatch,
    with_notes: str,  # noqa: F811
) -> None:
    lock_on_before_start(app_objects, LockSettings(erase_after_tries=3))
    make_read_only(data_dir, monkeypatch)
    window = make_window()

    dialog = unlock_with(window, qtbot, "not my passphrase")

    error = dialog.findChild(QLabel, "unlockError")
    assert error.text() == NOT_COUNTED
    assert error.height() >= error.heightForWidth(error.width())  # every wrapped line fits
    assert dialog.rect().contains(error.geometry())
