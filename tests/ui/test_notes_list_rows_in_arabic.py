"""The notes list in the Arabic interface: an English quote keeps its quotation marks around it under an Arabic place
line ("Bookmark", an imported layer's row), and no Arabic is set in italics (most fonts' italics have none: boxes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextLayout, QTextOption
from PySide6.QtWidgets import QListView, QStyleOptionViewItem

from reader.notes.note import Anchor
from reader.notes.store import NoteStore
from reader.notes.w3c_import import import_annotations

QUOTE = "Palestinians in Gaza"


@pytest.fixture
def bookmarked(data_dir: Path, tmp_path: Path, report) -> None:
    """A bookmark of the reader's own and a colleague's, imported as a layer, on the report's first words."""
    colleague = {
        "type": "Annotation",
        "motivation": "bookmarking",
        "target": {"selector": {"type": "TextQuoteSelector", "exact": QUOTE}},
    }
    shared = tmp_path / "colleague.json"
    shared.write_text(json.dumps({"type": "AnnotationCollection", "first": {"items": [colleague]}}), encoding="utf-8")
    with NoteStore(data_dir) as store:
        store.add(Anchor("overview", "overview-p1", 0, len(QUOTE), QUOTE), style="bookmark")
        import_annotations(store, report, shared, "Ms Haddad's class")


def shown_rows(window) -> list[QStyleOptionViewItem]:
    """Each row of the notes list as its delegate draws it: its text, direction and font."""
    notes_list = window.findChild(QListView, "notesList")
    delegate = notes_list.itemDelegate()
    rows = []
    for row in range(notes_list.model().rowCount()):
        option = QStyleOptionViewItem()
        option.initFrom(notes_list)
        delegate.initStyleOption(option, notes_list.model().index(row, 0))
        rows.append(option)
    return rows


def open_notes(make_window, qtbot):
    window = make_window()
    window.findChild(QAction, "actionFocusNotes").trigger()
    qtbot.waitUntil(lambda: window.findChild(QListView, "notesList").model().rowCount() == 2)
    return window


def arabic_letters(text: str) -> int:
    return sum("\u0600" <= character <= "\u06ff" for character in text)


def quote_marks_left_to_right(option: QStyleOptionViewItem) -> bool:
    """Whether the quote's line, laid out as the row is, reads “Palestinians in Gaza” from left to right."""
    text = option.text.replace("\n", "\u2028")  # as Qt's item views lay a row's lines out: one paragraph
    layout = QTextLayout(text, option.font)
    text_option = QTextOption()
    text_option.setTextDirection(option.direction)
    layout.setTextOption(text_option)
    layout.beginLayout()
    line = layout.createLine()
    while line.isValid():
        line.setLineWidth(10_000)
        line = layout.createLine()
    layout.endLayout()
    quote_line = layout.lineAt(1)

    def middle(position: int) -> float:
        return (quote_line.cursorToX(position)[0] + quote_line.cursorToX(position + 1)[0]) / 2

    opening, first_letter, closing = text.index("“"), text.index(QUOTE), text.index("”")
    return middle(opening) < middle(first_letter) < middle(closing)


def test_an_english_quote_under_an_arabic_place_keeps_its_quotation_marks_around_it(
    arabic, bookmarked, make_window, qtbot
):
    window = open_notes(make_window, qtbot)
    bookmark = next(option for option in shown_rows(window) if option.direction == Qt.LayoutDirection.RightToLeft)
    assert arabic_letters(bookmark.text.split("\n")[0])  # "Bookmark · Overview, ¶1" in Arabic leads the row
    assert quote_marks_left_to_right(bookmark)


def test_no_row_of_the_notes_list_sets_arabic_in_italics(arabic, bookmarked, make_window, qtbot):
    window = open_notes(make_window, qtbot)
    rows = shown_rows(window)
    imported = next(option for option in rows if option.text.startswith("Ms Haddad's class"))
    assert arabic_letters(imported.text)  # the imported bookmark's row: its place says "Bookmark" in Arabic
    assert [option.text for option in rows if option.font.italic() and arabic_letters(option.text)] == []


def test_in_english_an_imported_layer_still_stands_out_in_italics(bookmarked, make_window, qtbot):
    window = open_notes(make_window, qtbot)
    imported = next(option for option in shown_rows(window) if option.text.startswith("Ms Haddad's class"))
    assert imported.font.italic()
