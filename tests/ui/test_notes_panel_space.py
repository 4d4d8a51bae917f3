"""The notes panel with imported layers on a small screen: the notes list gets the room, the layers fold away under
a header that says how many there are, and unfolded they stay whole and reachable from the keyboard."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QListView,
    QListWidget,
    QPushButton,
    QScrollArea,
    QToolButton,
    QWidget,
)

from reader.notes.note import Anchor
from reader.notes.store import NoteStore
from reader.notes.w3c_import import import_annotations
from reader.ui import language

LAYERS = ("Mr Haddad's class, spring term, week three of the course", "Colleague (Gaza field team)")
OWN_NOTES = 20
NETBOOK = (1024, 600)


def layer_file(folder: Path, name: str, count: int) -> Path:
    """A colleague's W3C annotation file with `count` notes on the report's first words."""
    items = [
        {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": f"urn:uuid:{name}-{number}",
            "type": "Annotation",
            "body": {"type": "TextualBody", "value": f"{name} remark {number}", "purpose": "commenting"},
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "Palestinians in Gaza"}},
        }
        for number in range(count)
    ]
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"type": "AnnotationCollection", "first": {"items": items}}), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def netbook_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window is on a netbook's screen: 600 pixels high, less a panel bar."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, NETBOOK[0], NETBOOK[1] - 40))


@pytest.fixture
def layered(data_dir: Path, tmp_path: Path, report) -> None:
    """The reader's own notes and two colleagues' files imported as layers, one of them hidden."""
    with NoteStore(data_dir) as store:
        for number in range(OWN_NOTES):
            store.add(Anchor("overview", "overview-p1", 0, 5, "Pales"), text=f"my note {number}")
        for number, name in enumerate(LAYERS):
            import_annotations(store, report, layer_file(tmp_path, f"layer-{number}", 3), name)
        store.set_layer_visible(LAYERS[1], False)


@pytest.fixture(params=["en", "ar"])
def interface_language(request, qapp) -> Iterator[str]:
    """The interface in English, or in Arabic (right to left) as an Arabic reader starts it."""
    installed = language.install_translators(qapp, request.param) if request.param == "ar" else []
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    qapp.setProperty(language.LANGUAGE_PROPERTY, "en")


def open_notes_panel(make_window, qtbot, size: tuple[int, int]):
    window = make_window()
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    window.findChild(QAction, "actionFocusNotes").trigger()
    notes_list = window.findChild(QListView, "notesList")
    qtbot.waitUntil(lambda: notes_list.model().rowCount() == OWN_NOTES + 3)  # the hidden layer's notes not listed
    settle()
    return window


def settle() -> None:
    for _round in range(3):
        QApplication.processEvents()


def panel_of(window) -> QWidget:
    return window.findChild(QDockWidget, "notesDock").widget()


def shown_in_panel(widget: QWidget, panel: QWidget) -> QRect:
    """The part of `widget` the reader sees in the panel (nothing when the panel has scrolled it out of sight)."""
    scroller = panel.findChild(QScrollArea, "notesPanelScroller").viewport()
    seen = QRect(widget.mapTo(scroller, QPoint(0, 0)), widget.size()).intersected(scroller.rect())
    return seen if widget.isVisible() else QRect()


def test_on_a_netbook_with_two_layers_the_notes_list_gets_a_fair_share_of_the_panel(
    layered, interface_language, make_window, qtbot
):
    window = open_notes_panel(make_window, qtbot, NETBOOK)
    panel = panel_of(window)
    notes_list = window.findChild(QListView, "notesList")
    assert shown_in_panel(notes_list.viewport(), panel).height() >= panel.height() / 4
    toggle = window.findChild(QToolButton, "notesLayersToggle")
    assert shown_in_panel(toggle, panel).height() == toggle.height()  # the layers: one header line, in sight


def test_the_folded_layers_say_how_many_there_are_and_how_many_are_hidden(layered, make_window, qtbot):
    window = open_notes_panel(make_window, qtbot, NETBOOK)
    toggle = window.findChild(QToolButton, "notesLayersToggle")
    assert toggle.text() == "Imported layers (2, 1 hidden)"
    assert toggle.accessibleName() == toggle.text()
    assert not window.findChild(QListWidget, "notesLayers").isVisible()


def test_the_layers_unfold_from_the_keyboard_whole_and_in_sight(layered, interface_language, make_window, qtbot):
    window = open_notes_panel(make_window, qtbot, NETBOOK)
    panel = panel_of(window)
    notes_list = window.findChild(QListView, "notesList")
    notes_list.setFocus()
    qtbot.keyClick(notes_list, Qt.Key.Key_Tab)
    toggle = window.findChild(QToolButton, "notesLayersToggle")
    assert toggle.hasFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    qtbot.keyClick(toggle, Qt.Key.Key_Tab)
    settle()
    layers = window.findChild(QListWidget, "notesLayers")
    assert layers.hasFocus()
    assert shown_in_panel(layers, panel).height() == layers.height()  # scrolled into sight if need be
    assert not layers.horizontalScrollBar().isVisible()  # a long layer name ends in "…", no bar covers a row
    assert layers.viewport().height() >= layers.count() * layers.sizeHintForRow(0)  # both layers shown whole
    for name in ("notesLayerEditable", "notesRemoveLayer"):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is window.findChild(QPushButton, name)
    assert shown_in_panel(QApplication.focusWidget(), panel).height() == QApplication.focusWidget().height()
    assert notes_list.viewport().height() >= 2 * notes_list.sizeHintForRow(0)  # and still two notes at least


def test_at_large_text_the_list_shows_two_notes_and_the_rest_scrolls_into_sight(
    layered, large_text, make_window, qtbot
):
    window = open_notes_panel(make_window, qtbot, NETBOOK)
    panel = panel_of(window)
    notes_list = window.findChild(QListView, "notesList")
    assert notes_list.viewport().height() >= 2 * notes_list.sizeHintForRow(0)
    toggle = window.findChild(QToolButton, "notesLayersToggle")
    assert shown_in_panel(toggle, panel).width() == toggle.width()  # its text shortened, not the panel widened
    delete = window.findChild(QPushButton, "noteDelete")
    panel.findChild(QScrollArea, "notesPanelScroller").ensureWidgetVisible(delete)
    settle()
    assert shown_in_panel(delete, panel).height() == delete.height()
