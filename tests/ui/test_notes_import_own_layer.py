"""File › Import Notes… never puts imported notes into the reader's own layer, where Remove Layer cannot reach them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QGuiApplication

from reader.notes.store import NoteStore
from reader.ui import notes_import
from reader.ui.note_highlighter import NoteHighlighter

from .test_notes_sharing import teacher_file


def _import(window, qtbot, monkeypatch, path: Path, layer: str) -> tuple[list[str], list[str]]:
    """Import `path` through the menu, naming the layer `layer`; the errors shown and the names proposed."""
    errors: list[str] = []
    proposed: list[str] = []

    def answer(parent, title, question, text="", password=False) -> str:
        proposed.append(text)
        return layer

    monkeypatch.setattr(notes_import.QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    monkeypatch.setattr(notes_import, "ask_text", answer)
    monkeypatch.setattr(notes_import, "show_error", lambda parent, error: errors.append(str(error)))
    qtbot.waitUntil(lambda: window.findChild(NoteHighlighter, "noteHighlighter").is_active)
    window.findChild(QAction, "actionImportNotes").trigger()
    qtbot.waitUntil(lambda: QGuiApplication.overrideCursor() is None)
    return errors, proposed


@pytest.mark.parametrize("layer", ["mine", " mine "])
def test_naming_the_readers_own_layer_is_refused_in_one_line_and_adds_nothing(
    window, qtbot, monkeypatch, tmp_path, data_dir, layer
):
    errors, _proposed = _import(window, qtbot, monkeypatch, teacher_file(tmp_path), layer)
    assert errors == [
        "“mine” is the layer of your own notes; imported notes go into a layer of their own, so choose another name."
    ]
    with NoteStore(data_dir) as store:
        assert store.notes() == ()


def test_a_file_named_like_the_readers_own_layer_is_not_proposed_as_its_layer(
    window, qtbot, monkeypatch, tmp_path, data_dir
):
    errors, proposed = _import(window, qtbot, monkeypatch, teacher_file(tmp_path, "mine.json"), "class")
    assert (errors, proposed) == ([], [""])
    with NoteStore(data_dir) as store:
        assert [note.layer for note in store.notes()] == ["class"]
