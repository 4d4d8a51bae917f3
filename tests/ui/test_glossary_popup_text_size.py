"""Large text reaches the glossary: the popup's text and the panel's entry follow the page's text size and zoom, and at
the largest size the popup still fits a netbook's screen, scrolling inside, with its links in reach of the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QScreen, QTextCursor
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTextBrowser

from reader.prefs import TEXT_SIZE_RANGE, ZOOM_RANGE, ReadingSettings
from reader.ui.document_view import ZOOM_STEP
from reader.ui.main_window import MainWindow

LARGEST = TEXT_SIZE_RANGE[1] + ZOOM_RANGE[1]  # zoom steps of the page at its largest
NETBOOK = QRect(0, 0, 1024, 600 - 40)  # a 1024×600 screen less its task bar
TERMS = {"icj": "ICJ", "icc": "ICC", "opt": "OPT"}


def largest_text(window: MainWindow) -> None:
    """Reading Settings at their largest text size and View zoom at its maximum."""
    window.setGeometry(NETBOOK)  # (the window is maximised on a netbook)
    window.set_reading(ReadingSettings(text_size=TEXT_SIZE_RANGE[1]))
    window.set_zoom(ZOOM_RANGE[1])


def explain(qtbot, window: MainWindow, term_id: str = "icj") -> QFrame:
    """Put the text cursor on a term in the report and press Ctrl+I (Explain Term at Cursor)."""
    text = window.document.toPlainText()
    position = text.find(TERMS[term_id], text.find(TERMS[term_id]) + 1)  # in the text, not the contents' heading
    cursor = QTextCursor(window.document.document())
    cursor.setPosition(position + 1)
    window.document.setTextCursor(cursor)
    window.document.ensureCursorVisible()
    window.document.setFocus()
    window.findChild(QAction, "actionExplainTerm").trigger()
    popup = window.findChild(QFrame, "glossaryPopup")
    qtbot.waitUntil(popup.isVisible)
    return popup


def text_size(popup: QFrame) -> float:
    return popup.findChild(QLabel, "glossaryPopupDefinition").font().pointSizeF()


def on_screen(widget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("term_id", list(TERMS))
def test_the_popup_text_is_as_large_as_the_page_at_the_largest_size(qtbot, window, term_id: str) -> None:
    normal = text_size(explain(qtbot, window, term_id))
    window.findChild(QFrame, "glossaryPopup").dismiss()
    largest_text(window)

    popup = explain(qtbot, window, term_id)

    for name in ("glossaryPopupTerm", "glossaryPopupDefinition", "glossaryPopupSource", "glossaryPopupLinks"):
        size = popup.findChild(QLabel, name).font().pointSizeF()
        assert size == pytest.approx(normal * ZOOM_STEP**LARGEST, rel=0.01), name
    line = popup.findChild(QLabel, "glossaryPopupDefinition").fontMetrics().height()
    for name in ("glossaryPopupLinks", "glossaryPopupCite"):  # drawn at that size too, not only set to it
        assert popup.findChild(QLabel, name).sizeHint().height() >= line, name


def test_an_open_popup_follows_the_zoom(qtbot, window) -> None:
    popup = explain(qtbot, window)
    normal = text_size(popup)

    window.set_zoom(3)

    qtbot.waitUntil(lambda: text_size(popup) > normal)
    assert text_size(popup) == pytest.approx(normal * ZOOM_STEP**3, rel=0.01)


@pytest.mark.parametrize("term_id", list(TERMS))
def test_at_the_largest_size_the_popup_fits_a_netbook_and_scrolls_inside(
    qtbot, window, monkeypatch, term_id: str
) -> None:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(NETBOOK))
    largest_text(window)

    popup = explain(qtbot, window, term_id)

    assert NETBOOK.contains(on_screen(popup)), on_screen(popup)
    area = popup.findChild(QScrollArea, "glossaryPopupEntryArea")
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0  # the entry is longer than the popup: it scrolls
    qtbot.keyClick(window.document, Qt.Key.Key_PageDown)
    assert bar.value() > 0


def test_at_the_largest_size_tab_brings_each_link_of_the_popup_into_view(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(NETBOOK))
    largest_text(window)
    popup = explain(qtbot, window)
    viewport = popup.findChild(QScrollArea, "glossaryPopupEntryArea").viewport()

    for link, label in (
        ("glossary", "glossaryPopupLinks"),
        ("search", "glossaryPopupLinks"),
        ("cite", "glossaryPopupCite"),
    ):
        qtbot.keyClick(window.document, Qt.Key.Key_Tab)
        assert popup.chosen_link() == link
        shown = on_screen(viewport).intersected(on_screen(popup.findChild(QLabel, label)))
        assert shown.height() >= popup.findChild(QLabel, label).fontMetrics().height(), link

    with qtbot.waitSignal(popup.copy_citation_requested):
        qtbot.keyClick(window.document, Qt.Key.Key_Return)


def test_the_glossary_panel_entry_follows_the_page_text_size(qtbot, window) -> None:
    window.findChild(QAction, "actionToggleGlossary").trigger()
    entry = window.findChild(QTextBrowser, "glossaryEntry")
    qtbot.waitUntil(lambda: entry is not None and entry.isVisible())
    normal = entry.document().defaultFont().pointSizeF()

    largest_text(window)

    assert entry.document().defaultFont().pointSizeF() == pytest.approx(normal * ZOOM_STEP**LARGEST, rel=0.01)
