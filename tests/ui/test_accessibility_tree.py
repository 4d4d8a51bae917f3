"""What a screen reader finds in the window: the report as a document it can walk, and a name on every control."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import (
    QAccessible,
    QAccessibleInterface,
    QAccessibleTextInterface,
    QAction,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QLineEdit, QToolButton

from reader.ui.accessibility import DocumentAccessible

INTERACTIVE = {
    QAccessible.Role.PushButton,
    QAccessible.Role.ButtonMenu,
    QAccessible.Role.ButtonDropDown,
    QAccessible.Role.CheckBox,
    QAccessible.Role.RadioButton,
    QAccessible.Role.EditableText,
    QAccessible.Role.ComboBox,
    QAccessible.Role.List,
    QAccessible.Role.Tree,
    QAccessible.Role.Table,
    QAccessible.Role.ScrollBar,
    QAccessible.Role.Slider,
    QAccessible.Role.SpinBox,
    QAccessible.Role.MenuItem,
    QAccessible.Role.PageTab,
    QAccessible.Role.Link,
}


def walk(interface: QAccessibleInterface, path: str = "", depth: int = 0):
    """Every interface under `interface` (the document's own blocks excepted: they are checked on their own)."""
    yield interface, path
    if interface.role() == QAccessible.Role.Document or depth > 40:
        return
    for index in range(interface.childCount()):
        child = interface.child(index)
        if child is not None and child.isValid():
            name = child.object().objectName() if child.object() is not None else ""
            yield from walk(child, f"{path}/{name or child.role().name}", depth + 1)


def unnamed_controls(window) -> list[str]:
    root = QAccessible.queryAccessibleInterface(window)
    found = []
    for interface, path in walk(root):
        # Hidden ones too: a clear button or a scroll bar appears as soon as there is something to clear or scroll.
        if interface.role() in INTERACTIVE and not interface.text(QAccessible.Text.Name).strip():
            found.append(f"{path} ({interface.role().name})")
    return found


@pytest.fixture
def document_window(make_window):
    return make_window()


def document_interface(window) -> QAccessibleInterface:
    return QAccessible.queryAccessibleInterface(window.document)


def test_every_control_has_a_name(window):
    window.findChild(QAction, "actionFocusNotes").trigger()  # the notes panel builds its insides when first shown
    window.findChild(QAction, "actionFocusGlossary").trigger()  # and so does the glossary panel
    for name in ("searchField", "notesFilter", "glossaryFilter", "findField"):
        window.findChild(QLineEdit, name).setText("court")  # shows its clear (×) button
    assert unnamed_controls(window) == []
    assert all(button.accessibleName() for button in window.findChildren(QToolButton, "qt_toolbar_ext_button"))


def test_the_report_is_a_read_only_document_not_a_label(document_window):
    window = document_window
    interface = document_interface(window)
    assert interface.role() == QAccessible.Role.Document
    assert interface.state().readOnly
    assert interface.text(QAccessible.Text.Name) == "Report text"
    roles = [interface.role() for interface, _path in walk(QAccessible.queryAccessibleInterface(window))]
    assert QAccessible.Role.Document in roles


def test_the_reports_text_is_qts_own_so_a_screen_reader_can_read_it_line_by_line(document_window, report):
    """Orca reads a line only when the text's attributes come back with their range, which a text interface
    written in Python cannot give: the document lends Qt's own text interface for the view."""
    window = document_window
    text = document_interface(window).textInterface()
    assert type(text) is QAccessibleTextInterface
    paragraph = report.sections[2].paragraphs[0]
    window.go_to(paragraph.id)
    assert text.cursorPosition() == window.document.paragraph_span(paragraph.id)[0]
    assert text.characterRect(text.cursorPosition()).isValid()


def test_asking_for_an_interface_a_part_lacks_gets_none_not_a_crash(document_window):
    """A screen reader asks every part for every kind of interface; "none" must come back as a null pointer (a
    Python None there once crashed the app over AT-SPI)."""
    document = document_interface(document_window)
    parts = [document] + [document.child(index) for index in range(document.childCount())]
    parts += [part.child(index) for part in parts[1:] for index in range(part.childCount())]
    for part in parts:
        assert part.valueInterface() is None
        assert part.textInterface() is not None
    heading = next(part for part in parts if part.role() == QAccessible.Role.Heading)
    assert heading.attributesInterface() is not None


def test_the_structure_survives_a_rebuilt_page_and_is_not_rebuilt_for_a_highlight(document_window, report):
    window = document_window
    document = document_interface(window)
    assert document.childCount() > 0
    first = document.child(0)
    window.findChild(QAction, "actionReferenceMode").trigger()  # the page is rebuilt with paragraph numbers
    rebuilt = document.child(0)
    assert rebuilt.text(QAccessible.Text.Name) == report.sections[0].title
    assert not first.isValid()  # the old block is retired, not deleted under the screen reader's feet
    cursor = QTextCursor(window.document.document())
    cursor.setPosition(5)
    cursor.setPosition(40, QTextCursor.MoveMode.KeepAnchor)
    bold = QTextCharFormat()
    bold.setFontWeight(700)
    cursor.mergeCharFormat(bold)  # a change of format alone, as a mark on the page would be
    assert document.child(0) is rebuilt and rebuilt.isValid()


def test_a_screen_reader_reads_the_text_and_the_caret(document_window, report):
    window = document_window
    text = document_interface(window).textInterface()
    assert text is not None
    whole = text.text(0, text.characterCount())
    assert report.sections[0].title in whole
    assert report.sections[0].paragraphs[0].text[:40] in " ".join(whole.split())


def test_headings_lists_quotes_and_glossary_links_are_exposed(document_window, report):
    window = document_window
    interface = document_interface(window)
    children = [interface.child(index) for index in range(interface.childCount())]
    headings = [child for child in children if child.role() == QAccessible.Role.Heading]
    assert headings[0].text(QAccessible.Text.Name) == report.sections[0].title
    levels = {child.attributesInterface().attributeValue(QAccessible.Attribute.Level) for child in headings}
    assert {1, 2} <= levels
    titles = [heading.text(QAccessible.Text.Name) for heading in headings]
    assert [section.title for section in report.sections] == titles
    lists = [child for child in children if child.role() == QAccessible.Role.List]
    assert lists and all(item.role() == QAccessible.Role.ListItem for item in (lists[0].child(0),))
    assert any(child.role() == QAccessible.Role.BlockQuote for child in children)
    links = [
        link
        for child in children
        for link in (child.child(index) for index in range(child.childCount()))
        if link.role() == QAccessible.Role.Link
    ]
    terms = [link for link in links if link.text(QAccessible.Text.Description) == "Glossary term"]
    assert terms and terms[0].text(QAccessible.Text.Name)
    assert terms[0].parent().role() in (QAccessible.Role.Paragraph, QAccessible.Role.ListItem)


def test_the_caret_follows_every_jump(window, report):
    section = report.sections[3]
    window.go_to(section.id)
    assert window.document.textCursor().position() == window.document.section_start(section.id)
    paragraph = report.sections[5].paragraphs[1]
    window.go_to(paragraph.id)
    assert window.document.textCursor().position() == window.document.paragraph_span(paragraph.id)[0]
    window.findChild(QAction, "actionBack").trigger()
    assert window.document.section_at(window.document.textCursor().position()) == section.id
    assert window.document.textCursor().position() > 0  # not left at the very start


def test_the_caret_starts_at_the_restored_place(make_window, report):
    first = make_window()
    paragraph = report.sections[6].paragraphs[0]
    first.go_to(paragraph.id)
    first.close()
    second = make_window()
    assert second.document.paragraph_at(second.document.textCursor().position())[0].id == paragraph.id


CONTENT = Path(__file__).resolve().parents[2] / "content"
EARLY_QUESTION = """
import sys
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from reader.content import load_report
from reader.ui.document_view import DocumentView

app = QApplication(sys.argv[:1])
view = DocumentView(load_report(sys.argv[1]))
view.setHtml("<h1>Title</h1><p>Text</p>")
QAccessible.setActive(True)  # as when a screen reader runs
print(QAccessible.queryAccessibleInterface(view).role().name)  # asked before the first paint
view.show()
app.processEvents()
view.become_accessible()  # as the window does once its features are built
document = QAccessible.queryAccessibleInterface(view)
print(document.child(0).role().name, document.textInterface().text(0, 5))
"""


def test_an_interface_qt_made_before_the_first_paint_is_replaced_by_the_document(tmp_path):
    """The document's interface is installed once the window's features are built; a screen reader that asked
    earlier got Qt's static text, which is swapped for the document. (A process of its own: Qt keeps factories for
    a whole process.)"""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "READER_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", EARLY_QUESTION, str(CONTENT)], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split("\n")[:2] == ["StaticText", "Heading Title"], result.stderr


def test_the_document_interface_lets_go_of_qts_own_as_soon_as_the_view_is_gone(app_objects, qtbot):
    """Held until Python collects the document's interface, Qt's own (deleted with the view) would stay registered at
    an address the next object made there gets, and Python would see that object as an accessibility interface."""
    from reader.ui.app import build_main_window

    window = build_main_window(app_objects)  # not the tests' own window: this one is deleted here
    window.show()
    qtbot.waitExposed(window)
    document = document_interface(window)
    assert isinstance(document, DocumentAccessible)
    assert document.textInterface() is not None  # lent from Qt's own interface for the view
    assert document._own is not None
    window.close()
    window.deleteLater()  # the view goes with its window
    qtbot.waitUntil(lambda: document._own is None)
