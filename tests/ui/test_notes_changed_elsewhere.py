"""Notes changed by another program while the window is open (`field-reader notes delete` or `notes import` in a
terminal): the window shows them as saved once it is active again, or within a few seconds while it is, and what
the reader was typing in a note deleted elsewhere is never lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QLabel, QListView, QPlainTextEdit

from reader.__main__ import main
from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.store import NoteStore
from reader.ui import notes_feature
from reader.ui.backup_purger import BackupPurger
from reader.ui.notes_indexer import NotesIndexer


def listed(window) -> list[str]:
    model = window.findChild(QListView, "notesList").model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def found_notes(window, text: str) -> list[str]:
    index = window.findChild(NotesIndexer).index
    return [] if index is None else [hit.item_id for hit in index.search(text, limit=50).hits]


def become_active() -> None:
    """What the system tells the app when the reader comes back to its window from the terminal."""
    QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)


def run_command(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


@pytest.fixture
def two_notes(report: Report, data_dir: Path) -> tuple[str, str]:
    with NoteStore(data_dir) as store:
        kept = store.add(anchor_from_selection(report, "overview-p1", 0, 30), text="orchards stay")
        doomed = store.add(anchor_from_selection(report, "red-wolf-p2", 0, 25), text="beekeepers go")
    return kept.id, doomed.id


@pytest.fixture
def noted(make_window, qtbot, two_notes):
    """A window listing the two notes, their search index ready."""
    window = make_window()
    window.findChild(QAction, "actionFocusNotes").trigger()
    qtbot.waitUntil(lambda: len(listed(window)) == 2)
    qtbot.waitUntil(lambda: window.findChild(NotesIndexer).is_ready)
    return window


def test_a_note_deleted_in_a_terminal_leaves_the_panel_and_search_when_the_window_is_active_again(
    noted, qtbot, capsys, two_notes
) -> None:
    _kept, doomed = two_notes
    assert found_notes(noted, "beekeepers") == [doomed]

    run_command(capsys, "notes", "delete", doomed)
    become_active()

    assert [row for row in listed(noted) if "beekeepers" in row] == []
    assert len(listed(noted)) == 1
    qtbot.waitUntil(lambda: noted.findChild(NotesIndexer).is_ready)
    assert found_notes(noted, "beekeepers") == []
    assert doomed not in noted.findChild(QObject, "noteHighlighter").painted_notes()


def test_notes_imported_in_a_terminal_appear_within_seconds_while_the_window_is_active(
    make_window, qtbot, capsys, two_notes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notes_feature, "CHECK_ELSEWHERE_MS", 20)
    window = make_window()
    window.findChild(QAction, "actionFocusNotes").trigger()
    qtbot.waitUntil(lambda: len(listed(window)) == 2)
    become_active()  # the window is the active one (and nothing has changed yet)
    shared = tmp_path / "class-notes.json"
    shutil.copy(Path(__file__).parents[1] / "data" / "w3c" / "01-textual-body.json", shared)

    run_command(capsys, "notes", "import", str(shared))

    qtbot.waitUntil(lambda: len(listed(window)) == 3)  # no activation: the timer found it
    assert any("1973 Convention" in row for row in listed(window))
    qtbot.waitUntil(lambda: window.findChild(NotesIndexer).is_ready)
    assert len(found_notes(window, "Convention")) == 1


def test_typing_in_a_note_deleted_in_a_terminal_puts_it_back_with_what_was_typed(
    noted, qtbot, capsys, two_notes, data_dir: Path
) -> None:
    _kept, doomed = two_notes
    noted.findChild(QObject, "notesFeature").show_note(doomed, focus_text=True)
    editor = noted.findChild(QPlainTextEdit, "noteText")
    qtbot.keyClicks(editor, " and the hives")  # the last word is not saved yet: typing has not paused

    run_command(capsys, "notes", "delete", doomed)
    become_active()

    state = noted.findChild(QLabel, "noteSaveState").text()
    assert state == "Another program deleted this note; it was put back with what you typed."
    assert editor.toPlainText() == "beekeepers go and the hives"
    with NoteStore(data_dir) as store:
        assert store.note(doomed).text == "beekeepers go and the hives"
    assert len(listed(noted)) == 2


def test_undoing_a_highlight_deleted_in_a_terminal_says_so_in_one_line(noted, qtbot, capsys, report: Report) -> None:
    feature = noted.findChild(QObject, "notesFeature")
    note = feature.annotator.add(anchor_from_selection(report, "overview-p1", 40, 60), color="green", style="underline")
    qtbot.waitUntil(lambda: len(listed(noted)) == 3)
    run_command(capsys, "notes", "delete", note.id)
    become_active()
    assert len(listed(noted)) == 2

    with qtbot.waitSignal(feature.message) as told:
        noted.findChild(QAction, "actionUndo").trigger()

    text = told.args[0]
    assert text == f"There is no note “{note.id}”; it may have been deleted."
    assert len(listed(noted)) == 2


def test_the_windows_own_deletion_does_not_read_every_note_again(
    noted, qtbot, two_notes, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature = noted.findChild(QObject, "notesFeature")
    feature.annotator.delete(two_notes[1])
    purger = noted.findChild(BackupPurger)
    qtbot.waitUntil(lambda: not purger.is_busy)  # it empties the database's log from a connection of its own
    revisions_read = []
    real_revisions = NoteStore.revisions
    monkeypatch.setattr(NoteStore, "revisions", lambda store: revisions_read.append(1) or real_revisions(store))

    with qtbot.assertNotEmitted(feature.annotator.notes_changed), qtbot.assertNotEmitted(feature.message):
        become_active()
    assert len(listed(noted)) == 1
    assert revisions_read == []  # not even each note's time of change: with 10,000 notes that stalled the window


def test_closing_the_window_keeps_what_was_typed_in_a_note_deleted_in_a_terminal(
    noted, qtbot, capsys, two_notes, data_dir: Path
) -> None:
    _kept, doomed = two_notes
    noted.findChild(QObject, "notesFeature").show_note(doomed, focus_text=True)
    qtbot.keyClicks(noted.findChild(QPlainTextEdit, "noteText"), " and the hives")
    run_command(capsys, "notes", "delete", doomed)

    noted.close()

    with NoteStore(data_dir) as store:
        assert store.note(doomed).text == "beekeepers go and the hives"
