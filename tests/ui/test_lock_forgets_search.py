"""Locking the notes leaves nothing of what was searched on screen: what a reader looked for can be as telling as
what they wrote."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from .test_privacy_lock_window import (
    NOTE_TEXT,
    PASSPHRASE,
    hit_kinds,
    lock_on_before_start,
    press_ctrl_l,
    search,
    shown_text,
    unlock_with,
    with_notes,  # noqa: F401 (a fixture)
)

QUERY = "Zebraquux"


def test_locking_empties_the_search_and_says_nothing_of_it(make_window, qtbot, app_objects, with_notes) -> None:  # noqa: F811
    lock_on_before_start(app_objects)
    window = make_window()
    unlock_with(window, qtbot, PASSPHRASE)
    search(window, qtbot, QUERY)
    qtbot.waitUntil(lambda: QUERY in shown_text(window))  # `No results for "Zebraquux".`

    press_ctrl_l(window, qtbot)

    assert window.findChild(QWidget, "searchPanel").findChild(QLineEdit, "searchField").text() == ""
    assert QUERY not in shown_text(window)
    assert hit_kinds(window) == []


def test_locking_takes_a_search_that_found_notes_off_the_screen(
    make_window,
    qtbot,
    app_objects,
    with_notes,  # noqa: F811
) -> None:
    lock_on_before_start(app_objects)
    window = make_window()
    unlock_with(window, qtbot, PASSPHRASE)
    qtbot.waitUntil(lambda: bool(search(window, qtbot, "checkpoint witness")))

    press_ctrl_l(window, qtbot)
    qtbot.waitUntil(lambda: "checkpoint" not in shown_text(window).lower())

    assert NOTE_TEXT not in shown_text(window)
    assert hit_kinds(window) == []
