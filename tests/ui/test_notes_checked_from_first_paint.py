"""The window begins the notes database's integrity check at its first paint, on a thread of its own: when the notes
feature opens the notes a few turns later, the UI thread takes the answer instead of reading the whole file."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from reader.content import ParagraphId, SectionId
from reader.notes import schema
from reader.notes.note import Anchor
from reader.notes.schema import DB_NAME
from reader.notes.store import NoteStore

ANCHOR = Anchor(SectionId("overview"), ParagraphId("overview-p1"), 0, 12, "Palestinians")


@pytest.fixture
def checks(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> list[threading.Thread]:
    """A notes database with notes, and the thread each integrity check of it ran on."""
    with NoteStore(data_dir) as store:
        for number in range(50):
            store.add(ANCHOR, text=f"note {number}")
    made: list[threading.Thread] = []
    real = schema.damage

    def recorded(path: Path, backups: Path) -> str | None:
        if path == data_dir / DB_NAME:
            made.append(threading.current_thread())
        return real(path, backups)

    monkeypatch.setattr(schema, "damage", recorded)
    return made


def test_the_notes_opened_at_start_were_checked_off_the_ui_thread(app_objects, qtbot, checks) -> None:
    from reader.ui.app import build_main_window

    window = build_main_window(app_objects)
    qtbot.addWidget(window)
    window.show()  # the chrome and the features follow the first paint, in their turns, as in the app
    qtbot.waitUntil(lambda: window.findChild(QObject, "notesFeature") is not None, timeout=10000)
    assert len(checks) == 1
    assert checks[0] is not threading.main_thread()
    annotator = window.findChild(QObject, "notesFeature").annotator
    qtbot.waitUntil(lambda: len(annotator.notes()) == 50)  # read a slice per turn
