"""What a screen reader is told while Tab moves through the glossary terms of the page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible


def links_of(interface):
    for index in range(interface.childCount()):
        child = interface.child(index)
        if child.role() == QAccessible.Role.Link:
            yield child
        yield from links_of(child)


def test_tabbing_to_a_glossary_term_makes_it_the_focused_link(make_window, qtbot):
    window = make_window()
    view = window.document
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    document = QAccessible.queryAccessibleInterface(view)
    links = list(links_of(document))
    assert links and not any(link.state().focused for link in links)

    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Tab)

    focused = [link for link in links if link.state().focused]
    assert len(focused) == 1
    selected = view.textCursor().selectedText()
    assert selected and focused[0].text(QAccessible.Text.Name) == " ".join(selected.split())
    assert focused[0].text(QAccessible.Text.Description) == "Glossary term"
    assert document.focusChild() is focused[0]
