"""Full screen and presentation mode, as a teacher projecting the report uses them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QToolBar

from reader.ui.presentation import EMPHASIS_ALPHA


def activate(window, qtbot) -> None:
    window.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(window.isActiveWindow)


def emphasis(window) -> list:
    """The painted emphasis (presentation's tint) in the document."""
    return [s for s in window.document.extraSelections() if s.format.background().color().alpha() == EMPHASIS_ALPHA]


def emphasised_text(window) -> str:
    selections = emphasis(window)
    assert len(selections) == 1
    return selections[0].cursor.selectedText()


def shown_panels(window) -> set[str]:
    return {bar.objectName() for bar in [*window.findChildren(QDockWidget), *window.findChildren(QToolBar)]
            if bar.isVisible()}  # fmt: skip


def test_f11_toggles_full_screen(window, qtbot):
    activate(window, qtbot)
    qtbot.keyClick(window.document, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert window.findChild(QAction, "actionFullScreen").isChecked()
    assert window.menuBar().isVisible()  # plain full screen keeps the menus and panels
    qtbot.keyClick(window.document, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.findChild(QAction, "actionFullScreen").isChecked()


def test_presenting_shows_the_page_alone_steps_paragraphs_and_esc_puts_everything_back(window, report, qtbot):
    window.findChild(QDockWidget, "notesDock").show()
    window.go_to("red-wolf-p1")
    before_panels = shown_panels(window)
    before_size = window.document.document().defaultFont().pointSizeF()
    assert {"tocDock", "searchDock", "notesDock"} <= before_panels
    activate(window, qtbot)

    qtbot.keyClick(window.document, Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)

    qtbot.waitUntil(window.isFullScreen)
    assert shown_panels(window) == set()
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert window.document.document().defaultFont().pointSizeF() > before_size * 1.5
    assert emphasised_text(window) == report.paragraph("red-wolf-p1").text

    qtbot.keyClick(window.document, Qt.Key.Key_Down)
    assert emphasised_text(window) == report.paragraph("red-wolf-p2").text
    assert window.document.top_paragraph_id() == "red-wolf-p2"
    qtbot.keyClick(window.document, Qt.Key.Key_Right)
    assert emphasised_text(window) == report.paragraph("red-wolf-p3").text
    qtbot.keyClick(window.document, Qt.Key.Key_Up)
    qtbot.keyClick(window.document, Qt.Key.Key_Left)
    assert emphasised_text(window) == report.paragraph("red-wolf-p1").text
    qtbot.keyClick(window.document, Qt.Key.Key_Up)  # back to the section's heading
    assert emphasised_text(window) == report.section("red-wolf").title

    qtbot.keyClick(window.document, Qt.Key.Key_Escape)

    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert shown_panels(window) == before_panels
    assert window.menuBar().isVisible() and window.statusBar().isVisible()
    assert window.document.document().defaultFont().pointSizeF() == before_size
    assert emphasis(window) == []
    assert not window.findChild(QAction, "actionPresentation").isChecked()


def test_a_long_paragraph_scrolls_before_the_next_one_is_emphasised(window, report, qtbot):
    window.set_zoom(10)  # a paragraph taller than the view
    long_one = max(report.paragraphs(), key=lambda paragraph: len(paragraph.text))
    window.go_to(long_one.id)
    activate(window, qtbot)
    window.findChild(QAction, "actionPresentation").trigger()
    assert emphasised_text(window) == long_one.text
    bar = window.document.verticalScrollBar()
    top = bar.value()

    qtbot.keyClick(window.document, Qt.Key.Key_PageDown)

    assert bar.value() > top
    assert emphasised_text(window) == long_one.text


def test_a_layout_saved_while_presenting_is_the_one_before(make_window, qtbot):
    first = make_window()
    first.findChild(QDockWidget, "notesDock").show()
    first.findChild(QAction, "actionPresentation").trigger()
    assert shown_panels(first) == set()
    first.close()  # closing while presenting saves the reader's layout, not the bare page

    second = make_window()
    assert {"tocDock", "searchDock", "notesDock"} <= shown_panels(second)
    qtbot.waitUntil(second.menuBar().isVisible)


def test_presentation_screenshot(window, qtbot, tmp_path):
    """Presenting (saved as a picture in the test's temporary folder, to look at when changing it)."""
    window.go_to("red-wolf-p2")
    window.findChild(QAction, "actionPresentation").trigger()
    qtbot.waitUntil(window.isFullScreen)
    qtbot.wait(50)
    image = window.grab()
    assert not image.isNull()
    assert image.save(str(tmp_path / "presentation.png"))
