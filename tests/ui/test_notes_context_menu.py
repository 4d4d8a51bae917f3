"""The document's right-click menu: colour and style of a highlight, no dead entries; hiding a layer closes its note."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QListWidget, QMenu, QWidget

from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.note import Color, Style
from reader.notes.store import NoteStore
from reader.ui.note_highlighter import NoteHighlighter

PARAGRAPH = "red-wolf-p2"


def ready(window, qtbot):
    qtbot.waitUntil(lambda: window.findChild(NoteHighlighter, "noteHighlighter").is_active)
    return window


def right_click(window, position: int, with_menu: Callable[[QMenu], None]) -> None:
    """Right-click the document at a text position and act on the menu while it is open (then it closes)."""
    cursor = window.document.textCursor()
    cursor.setPosition(position)
    point = window.document.cursorRect(cursor).center()

    def when_open() -> None:
        menu = window.document.findChild(QMenu, "documentContextMenu")
        if menu is None or not menu.isVisible():
            QTimer.singleShot(10, when_open)
            return
        try:
            with_menu(menu)
        finally:
            menu.close()

    QTimer.singleShot(0, when_open)
    window.document.contextMenuEvent(
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, window.document.viewport().mapToGlobal(point))
    )


def every_action(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        found.append(action)
        if action.menu() is not None:
            found.extend(every_action(action.menu()))
    return found


def one_note(report: Report, data_dir: Path) -> str:
    with NoteStore(data_dir) as store:
        return store.add(anchor_from_selection(report, PARAGRAPH, 0, 8), color=Color.YELLOW).id


def note_start(window) -> int:
    return window.document.paragraph_span(PARAGRAPH)[0] + 2


def test_a_highlight_can_be_recoloured_and_restyled_from_its_right_click_menu(make_window, qtbot, report, data_dir):
    note_id = one_note(report, data_dir)
    window = ready(make_window(), qtbot)
    window.go_to(PARAGRAPH)

    def choose(name: str) -> Callable[[QMenu], None]:
        def act(menu: QMenu) -> None:
            look = menu.findChild(QMenu, "noteLookMenu")
            assert look is not None
            {action.objectName(): action for action in look.actions()}[name].trigger()

        return act

    right_click(window, note_start(window), choose("noteLookColorGreen"))
    right_click(window, note_start(window), choose("noteLookStyleUnderline"))

    with NoteStore(data_dir) as store:
        note = store.note(note_id)
    assert (note.color, note.style) == (Color.GREEN, Style.UNDERLINE)


def test_a_selection_offers_the_colour_and_style_the_next_highlight_takes(window, qtbot):
    ready(window, qtbot)
    window.go_to(PARAGRAPH)
    base, _end = window.document.paragraph_span(PARAGRAPH)
    window.document.select_range(base + 4, base + 30)
    offered: list[str] = []
    right_click(
        window,
        base + 10,
        lambda menu: offered.extend(
            action.objectName() for action in every_action(menu.findChild(QMenu, "noteLookMenu"))
        ),
    )
    assert {"actionNoteColorPink", "actionNoteStyleStrike"} <= set(offered)


def test_the_right_click_menu_has_no_greyed_out_or_useless_entries(window, qtbot):
    ready(window, qtbot)
    window.go_to(PARAGRAPH)
    seen: list[tuple[str, str, bool]] = []
    # On plain text with nothing selected: Copy, Copy Link Location and the like would be greyed out.
    right_click(
        window,
        note_start(window),
        lambda menu: seen.extend(
            (action.objectName(), action.text(), action.isEnabled())
            for action in every_action(menu)
            if not action.isSeparator()
        ),
    )
    assert seen, "the menu offers something"
    assert all(enabled for _name, _text, enabled in seen), seen
    assert not any("Link Location" in text for _name, text, _enabled in seen)


def test_hiding_a_layer_closes_its_note_in_the_editor(window, qtbot, tmp_path, monkeypatch):
    from reader.ui import notes_import

    path = tmp_path / "colleague.json"
    item = {
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "A colleague's remark"},
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "Movement"}},
    }
    path.write_text(json.dumps({"type": "AnnotationCollection", "first": {"items": [item]}}), encoding="utf-8")
    monkeypatch.setattr(notes_import.QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    monkeypatch.setattr(notes_import, "ask_text", lambda *args, **kwargs: "Colleague")
    ready(window, qtbot)
    window.findChild(QAction, "actionImportNotes").trigger()
    feature = window.findChild(QObject, "notesFeature")
    annotator = feature.annotator
    qtbot.waitUntil(lambda: any(note.layer == "Colleague" for note in annotator.notes()), timeout=10_000)
    imported = next(note for note in annotator.notes() if note.layer == "Colleague")
    feature.show_note(imported.id)
    editor = window.findChild(QWidget, "noteEditor")
    assert editor.findChild(QWidget, "noteText").toPlainText() == "A colleague's remark"

    layers = window.findChild(QListWidget, "notesLayers")
    item_widget = next(layers.item(row) for row in range(layers.count()) if "Colleague" in layers.item(row).text())
    item_widget.setCheckState(Qt.CheckState.Unchecked)

    assert editor.note_id() is None
    assert editor.findChild(QWidget, "noteText").toPlainText() == ""
