"""The reading window as a reader uses it: contents, moving by section, history, zoom, looks, place kept."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu, QTabBar, QTextBrowser, QTreeWidget, QWidget

from reader.ui.app import build_main_window


def toc_item(window, section_id: str):
    toc = window.findChild(QTreeWidget, "toc")
    items = toc.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
    return toc, next(item for item in items if item.data(0, Qt.ItemDataRole.UserRole) == section_id)


def visible_text(window) -> str:
    document = window.findChild(QTextBrowser, "document")
    top = document.cursorForPosition(document.viewport().rect().topLeft()).position()
    bottom = document.cursorForPosition(document.viewport().rect().bottomRight()).position()
    return document.toPlainText()[top:bottom]


def test_the_whole_report_is_in_the_document(window, report):
    text = window.findChild(QTextBrowser, "document").toPlainText()
    assert all(paragraph.text in text for paragraph in report.paragraphs())


def test_clicking_a_section_in_the_contents_shows_it(window, qtbot):
    toc, item = toc_item(window, "red-wolf")
    rect = toc.visualItemRect(item)
    qtbot.mouseClick(toc.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "Automated Apartheid" in visible_text(window)
    assert window.document.current_section() == "red-wolf"


def test_the_contents_follow_the_reader_while_scrolling(window, qtbot):
    document = window.findChild(QTextBrowser, "document")
    cursor = QTextCursor(document.document())
    cursor.setPosition(document.toPlainText().index("Mass displacement\n"))
    bar = document.verticalScrollBar()
    bar.setValue(bar.value() + document.cursorRect(cursor).top())  # the heading at the top, as a reader scrolls
    toc = window.findChild(QTreeWidget, "toc")
    qtbot.waitUntil(lambda: toc.currentItem() is not None and toc.currentItem().text(0) == "Mass displacement")
    bar.setValue(bar.value() - 120)  # a little back: the end of the previous section is on top again
    qtbot.waitUntil(lambda: toc.currentItem().text(0) == "Evidence of intent to destroy")


@pytest.mark.parametrize(
    ("key", "expected"),
    [(Qt.Key.Key_PageDown, "occupation"), (Qt.Key.Key_PageUp, "overview")],
)
def test_next_and_previous_section_keys(window, qtbot, key, expected):
    window.go_to("israels-control")
    window.go_to("overview" if key == Qt.Key.Key_PageDown else "occupation")
    qtbot.keyClick(window.document, key, Qt.KeyboardModifier.ControlModifier)
    assert window.document.current_section() == expected


def test_back_and_forward_retrace_jumps(window, qtbot):
    window.go_to("red-wolf")
    window.go_to("mass-displacement")
    qtbot.keyClick(window.document, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.document.current_section() == "red-wolf"
    qtbot.keyClick(window.document, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.document.current_section() == "overview"
    qtbot.keyClick(window.document, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.document.current_section() == "red-wolf"


def test_zoom_keys_change_the_text_size_and_reset(window, qtbot):
    document = window.findChild(QTextBrowser, "document")
    normal = document.document().defaultFont().pointSizeF()
    qtbot.keyClick(document, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(document, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert document.document().defaultFont().pointSizeF() > normal
    qtbot.keyClick(document, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(document, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(document, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert document.document().defaultFont().pointSizeF() < normal
    qtbot.keyClick(document, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert document.document().defaultFont().pointSizeF() == pytest.approx(normal)


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_each_theme_changes_the_page_colour(window, theme):
    window.findChild(QAction, "actionTheme" + theme.capitalize()).trigger()
    base = QApplication.palette().base().color()
    lightness = base.lightness()
    assert (lightness < 80) if theme == "dark" else (lightness > 200)
    if theme == "sepia":
        assert base.red() > base.blue()


def test_reference_mode_numbers_paragraphs(window, qtbot):
    qtbot.keyClick(
        window.document, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert "¶1" in window.document.toPlainText()
    window.findChild(QAction, "actionReferenceMode").trigger()
    assert "¶1" not in window.document.toPlainText()


def test_reading_place_zoom_and_theme_survive_a_restart(make_window, qtbot):
    first = make_window()
    first.go_to("blocked-humanitarian-aid")
    first.findChild(QAction, "actionThemeSepia").trigger()
    first.findChild(QAction, "actionZoomIn").trigger()
    place = first.document.top_paragraph_id()
    first.close()
    second = make_window()
    qtbot.waitUntil(lambda: second.document.top_paragraph_id() == place)
    assert second.document.current_section() == "blocked-humanitarian-aid"
    assert second.findChild(QAction, "actionThemeSepia").isChecked()
    assert second.document.zoom == 1


def test_copy_with_citation_puts_quote_and_source_on_the_clipboard(window, qtbot):
    start, _end = window.document.paragraph_span("red-wolf-p2")
    window.document.select_range(start, start + 8)
    qtbot.keyClick(
        window.document, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("“Movement”")
    assert "Automated Apartheid" in copied and "¶2" in copied and "2025-02-11" in copied


def test_about_box_names_version_edition_and_checksum(window, qtbot, monkeypatch, report):
    shown = {}

    def fake_exec(dialog):
        shown["text"] = dialog.findChild(QWidget, "aboutText").text()
        return 0

    monkeypatch.setattr("reader.ui.about_dialog.AboutDialog.exec", fake_exec)
    window.findChild(QAction, "actionAbout").trigger()
    assert "2025-02-11" in shown["text"] and report.checksum[:16] in shown["text"]


def test_every_action_has_a_name_and_is_reachable_from_a_menu(window):
    in_menus = {action for menu in window.findChildren(QMenu) for action in menu.actions()}
    # The find bar's buttons are the mouse path for its own keys (Enter, Shift+Enter, Esc; see test_find_bar.py).
    find_bar = window.findChild(QWidget, "findBar")
    for action in window.findChildren(QAction):
        if action.objectName().startswith("action") and action.parent() is not find_bar:
            assert action in in_menus, action.objectName()


def test_every_panel_and_main_widget_has_an_object_and_accessible_name(window):
    for widget in [*window.findChildren(QDockWidget), window.document, window.findChild(QTreeWidget, "toc")]:
        assert widget.objectName() and widget.accessibleName()


def test_no_user_file_is_written_outside_the_data_folder(make_window, data_dir: Path):
    repo = Path(__file__).resolve().parents[2]
    before = {path for path in repo.rglob("*") if ".venv" not in path.parts and "__pycache__" not in path.parts}
    window = make_window()
    window.close()
    after = {path for path in repo.rglob("*") if ".venv" not in path.parts and "__pycache__" not in path.parts}
    assert after == before
    assert (data_dir / "preferences.json").exists()


@pytest.mark.parametrize("reference_mode", [False, True])
def test_every_paragraph_is_found_where_it_is_shown(window, report, reference_mode):
    window.findChild(QAction, "actionReferenceMode").setChecked(reference_mode)
    text = window.document.toPlainText()
    for paragraph in report.paragraphs():
        start, end = window.document.paragraph_span(paragraph.id)
        assert text[start:end] == paragraph.text
        assert window.document.section_at(start) == paragraph.section_id  # repeated lines land in their own section


def unnamed_visible_widgets(window) -> list[str]:
    """Every widget shown in the window without both an objectName and an accessible name, but for the plumbing
    Qt makes and names itself ("qt_scrollarea_viewport", "qt_splithandle_…"), part of the control around it."""
    return [
        f"{widget.metaObject().className()} {widget.objectName()!r} ({widget.accessibleName()!r})"
        f" in {widget.parent().objectName()!r}"
        for widget in window.findChildren(QWidget)
        if widget.isVisible()
        and not widget.objectName().startswith("qt_")
        and not (widget.objectName() and widget.accessibleName())
    ]


def test_every_visible_widget_has_an_object_and_accessible_name(window, qtbot):
    """With every panel open, the glossary and notes stacked as tabs: menus, toolbar, status line, the tabs Qt
    makes for stacked panels, scroll bars, every part of every panel."""
    for name in ("actionToggleToc", "actionToggleSearch", "actionToggleGlossary", "actionToggleNotes"):
        if not window.findChild(QAction, name).isChecked():
            window.findChild(QAction, name).trigger()
    window.findChild(QAction, "actionFindInSection").trigger()
    glossary, notes = window.findChild(QDockWidget, "glossaryDock"), window.findChild(QDockWidget, "notesDock")
    assert notes in window.tabifiedDockWidgets(glossary)
    unnamed = set()
    for focus, part in (("actionFocusNotes", "notesList"), ("actionFocusGlossary", "glossaryList")):
        window.findChild(QAction, focus).trigger()  # a panel builds its insides when first shown
        qtbot.waitUntil(lambda part=part: window.findChild(QWidget, part) is not None)
        qtbot.waitUntil(window.findChild(QWidget, part).isVisible)
        qtbot.waitUntil(lambda: any(bar.isVisible() for bar in window.findChildren(QTabBar)))
        unnamed.update(unnamed_visible_widgets(window))
    assert not unnamed, "\n".join(sorted(unnamed))


class TestStartUp:
    """Only the document is built before the first paint; the rest follows by itself, and stops if closed."""

    @pytest.fixture
    def opened(self) -> list[str]:
        return []

    @pytest.fixture
    def recorded_objects(self, app_objects, opened: list[str]):
        """The shared objects, noting when the notes database is opened."""

        def open_notes():
            opened.append("notes")
            return app_objects.open_notes()

        return dataclasses.replace(app_objects, open_notes=open_notes)

    def test_only_the_document_is_built_before_the_first_paint(self, qtbot, recorded_objects, opened):
        window = build_main_window(recorded_objects)
        qtbot.addWidget(window)

        assert window.findChildren(QDockWidget) == []
        assert window.menuBar().actions() == []
        assert opened == []
        with qtbot.waitSignal(window.document.first_painted, timeout=5000):
            window.show()
        assert opened == []

    def test_contents_menus_and_panels_follow_the_first_paint_by_themselves(self, qtbot, recorded_objects, opened):
        window = build_main_window(recorded_objects)
        qtbot.addWidget(window)
        window.show()

        qtbot.waitUntil(lambda: window.findChild(QWidget, "searchPanel") is not None, timeout=5000)

        assert opened == ["notes"]
        assert window.findChild(QTreeWidget, "toc") is not None
        assert window.findChild(QWidget, "notesPanel") is not None
        assert window.findChild(QMenu, "menuFile") is not None
        # The glossary panel waits until its dock is first shown (a first start shows contents and search).
        assert window.findChild(QWidget, "glossaryPanel") is None
        window.findChild(QAction, "actionFocusGlossary").trigger()
        assert window.findChild(QWidget, "glossaryPanel").isVisible()

    def test_closing_before_the_panels_are_built_opens_no_notes(self, qtbot, recorded_objects, opened):
        window = build_main_window(recorded_objects)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.document.first_painted, timeout=5000):
            window.show()

        window.close()
        # Whatever part of the chrome was due by then, the turns the panels would have been built in have passed.
        for _turn in range(8):
            next_turn = QTimer(singleShot=True, interval=0)
            with qtbot.waitSignal(next_turn.timeout, timeout=1000):
                next_turn.start()

        assert "notes" not in opened
        assert window.findChild(QWidget, "notesPanel") is None
