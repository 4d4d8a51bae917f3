"""Bookmarks: Ctrl+D keeps the paragraph being read, lists it in the notes panel, exports it, and keeps it."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDockWidget, QListView, QWidget

from reader.notes.note import Style
from reader.notes.w3c_export import w3c_bytes


def activate(window, qtbot) -> None:
    window.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(window.isActiveWindow)


def press_ctrl_d(window, qtbot) -> None:
    qtbot.keyClick(window.document, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)


def bookmarks(window):
    return [note for note in window._notes.annotator.notes() if note.style is Style.BOOKMARK]


def highlighter(window):
    return window._notes._highlighter


def test_ctrl_d_bookmarks_the_paragraph_being_read_and_again_removes_it(window, report, qtbot):
    window.go_to("red-wolf-p2")
    activate(window, qtbot)

    press_ctrl_d(window, qtbot)

    [bookmark] = bookmarks(window)
    assert bookmark.paragraph_id == "red-wolf-p2"
    assert report.paragraph("red-wolf-p2").text.startswith(bookmark.quote)
    assert 0 < len(bookmark.quote.split()) <= 8  # the paragraph's first words
    assert "Bookmarked" in window.statusBar().currentMessage()
    start, _end = window.document.paragraph_span("red-wolf-p2")
    qtbot.waitUntil(lambda: [position for position, _ in highlighter(window).bookmark_marks()] == [start])
    # A ribbon in the margin, not a highlight over the words.
    assert not any(s.cursor.selectionStart() == start for s in window.document.extraSelections())

    press_ctrl_d(window, qtbot)

    assert bookmarks(window) == []
    assert "removed" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: highlighter(window).bookmark_marks() == [])
    window.findChild(QAction, "actionUndo").trigger()  # undo brings it back, like any note
    assert len(bookmarks(window)) == 1


def test_bookmarks_are_listed_with_a_filter_and_enter_goes_to_them(window, qtbot):
    activate(window, qtbot)
    window.go_to("red-wolf-p3")
    press_ctrl_d(window, qtbot)
    start, _end = window.document.paragraph_span("apartheid-p2")
    window.document.select_range(start, start + 20)
    window.findChild(QAction, "actionHighlight").trigger()  # a highlight too, to filter out
    window.findChild(QDockWidget, "notesDock").show()
    panel = window.findChild(QWidget, "notesPanel")
    panel.ensure_built()
    kind = panel.findChild(QComboBox, "notesKindFilter")
    notes_list = panel.findChild(QListView, "notesList")
    assert kind.accessibleName()
    assert notes_list.model().rowCount() == 2  # the bookmark and the highlight

    kind.setCurrentIndex(kind.findData("bookmarks"))
    kind.activated.emit(kind.currentIndex())

    model = notes_list.model()
    assert model.rowCount() == 1
    row = model.index(0, 0)
    assert model.data(row).startswith("Bookmark · ")
    assert not model.data(row, Qt.ItemDataRole.DecorationRole).isNull()

    window.go_to("overview")
    notes_list.setFocus()
    notes_list.setCurrentIndex(row)
    qtbot.keyClick(notes_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document.top_paragraph_id() == "red-wolf-p3")


def test_bookmarks_survive_a_restart_and_are_exported_as_bookmarking(make_window, report, qtbot):
    first = make_window()
    first.go_to("blocked-humanitarian-aid")
    activate(first, qtbot)
    press_ctrl_d(first, qtbot)
    [kept] = bookmarks(first)
    first.close()

    second = make_window()
    [bookmark] = bookmarks(second)
    assert bookmark.id == kept.id and bookmark.paragraph_id == kept.paragraph_id
    exported = json.loads(w3c_bytes(second._notes.annotator.notes(), report))
    [item] = exported["first"]["items"]
    assert item["motivation"] == "bookmarking"
    assert "bookmark" in item["target"]["styleClass"]


def test_ctrl_d_waits_for_the_notes_while_they_are_locked(window, qtbot):
    window._on_lock_notes_closing()
    assert not window.findChild(QAction, "actionToggleBookmark").isEnabled()


def test_bookmarks_screenshot(window, qtbot, tmp_path):
    """Bookmarks in the margin and in the notes panel (saved as a picture in the test's temporary folder)."""
    window.resize(1200, 800)
    activate(window, qtbot)
    for place in ("red-wolf-p1", "red-wolf-p3", "apartheid-p2"):
        window.go_to(place)
        press_ctrl_d(window, qtbot)
    window.findChild(QDockWidget, "notesDock").show()
    window.findChild(QWidget, "notesPanel").ensure_built()
    window.findChild(QWidget, "notesPanel").show_bookmarks()
    qtbot.wait(50)  # the panel has taken its room
    window.go_to("red-wolf")
    qtbot.waitUntil(lambda: len(highlighter(window).bookmark_marks()) == 3)
    qtbot.wait(50)
    image = window.grab()
    assert not image.isNull()
    assert image.save(str(tmp_path / "bookmarks.png"))


def test_a_bookmark_beginning_mid_line_keeps_its_ribbon_in_the_margin(window, report, qtbot):
    """A bookmark imported from another reader may begin mid-paragraph: its ribbon stays in the margin, beside the
    line it begins on, and covers none of the words before it."""
    from reader.notes.anchoring import anchor_from_selection

    paragraph = report.paragraph("red-wolf-p2")
    middle = paragraph.text.index(" ", 30) + 1  # a word on the paragraph's first line, not its first
    anchor = anchor_from_selection(report, "red-wolf-p2", middle, middle + 20)
    window._notes.annotator.add(anchor, color="pink", style=Style.BOOKMARK)
    window.go_to("red-wolf-p2")
    qtbot.waitUntil(lambda: len(highlighter(window).bookmark_marks()) == 1)
    marks = highlighter(window)._marks
    start, _end = window.document.paragraph_span("red-wolf-p2")

    [ribbon] = marks.mark_rects()

    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(window.document.document())
    cursor.setPosition(start)
    text_left = window.document.cursorRect(cursor).left()
    cursor.setPosition(start + middle)
    bookmarked = window.document.cursorRect(cursor)
    assert bookmarked.left() > text_left + 100  # the bookmark really begins well into the line
    assert ribbon.right() < text_left  # in the margin, clear of the words
    assert ribbon.top() <= bookmarked.center().y() <= ribbon.bottom()  # beside the line it begins on


def test_bookmarks_beginning_on_one_line_share_one_ribbon_in_the_last_ones_colour(window, report, qtbot):
    """Several bookmarks on one line (imported ones may begin anywhere) show one ribbon there, as before, in the
    colour of the one beginning last on the line; a bookmark on the next line keeps a ribbon of its own."""
    from PySide6.QtGui import QColor, QPalette

    from reader.notes.anchoring import anchor_from_selection
    from reader.notes.note import Color
    from reader.ui.bookmarks import ribbon_hex

    paragraph = report.paragraph("red-wolf-p2")
    middle = paragraph.text.index(" ", 30) + 1  # a word on the paragraph's first line
    annotator = window._notes.annotator
    annotator.add(anchor_from_selection(report, "red-wolf-p2", 0, 12), color="green", style=Style.BOOKMARK)
    annotator.add(anchor_from_selection(report, "red-wolf-p2", middle, middle + 12), color="pink", style=Style.BOOKMARK)
    annotator.add(anchor_from_selection(report, "red-wolf-p3", 0, 12), color="green", style=Style.BOOKMARK)
    window.go_to("red-wolf-p2")
    qtbot.waitUntil(lambda: len(highlighter(window).bookmark_marks()) == 3)
    marks = highlighter(window)._marks

    first_line, next_paragraph = marks.mark_rects()

    assert next_paragraph.top() > first_line.bottom() - first_line.height() // 2
    image = marks.grab().toImage()
    page = window.document.palette().color(QPalette.ColorRole.Base).name()
    x, y = first_line.center().x(), first_line.top() + first_line.height() // 3  # the ribbon's middle, above its notch
    assert image.pixelColor(x, y) == QColor(ribbon_hex(Color.PINK, page))
