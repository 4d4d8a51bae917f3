"""The privacy lock in a data folder that cannot be written to (a read-only mount): the right passphrase opens the
notes to read, and a change is refused in one line while the window stays open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction

from ..core.lock.conftest import make_read_only
from .test_privacy_lock_window import (
    NOTE_TEXT,
    PASSPHRASE,
    QUOTE_PARAGRAPH,
    action,
    highlighted_texts,
    lock_on_before_start,
    notes_painted,
    notes_panel,
    shown_text,
    unlock_with,
    with_notes,  # noqa: F401 (a fixture)
)


def test_the_right_passphrase_opens_sealed_notes_in_a_read_only_folder_to_read(
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
    unavailable: list[str] = []
    window.notes_unavailable.connect(unavailable.append)

    dialog = unlock_with(window, qtbot, PASSPHRASE)

    assert not dialog.isVisible()
    notes_painted(window, qtbot, with_notes)
    action(window, "actionFocusNotes").trigger()
    qtbot.waitUntil(lambda: NOTE_TEXT in shown_text(window))
    assert notes_panel(window).objectName() == "notesPanel"
    assert unavailable == []
    assert window.isVisible()


def test_a_highlight_in_a_read_only_folder_is_refused_in_one_line(
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
    window.go_to(QUOTE_PARAGRAPH)
    base, _end = window.document.paragraph_span(QUOTE_PARAGRAPH)
    window.document.select_range(base + 20, base + 40)

    window.findChild(QAction, "actionHighlight").trigger()

    said = window.statusBar().currentMessage()
    assert said == (
        f"Cannot save notes: the data folder {data_dir} cannot be written to; they can be read and exported only."
    )
    assert highlighted_texts(window) == [with_notes]
    assert window.isVisible()
