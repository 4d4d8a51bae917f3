"""The dialogs on a small screen and at large text sizes: each fits the screen's free area, every control on it,
and what does not fit scrolls rather than being cut off or drawn over other text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from reader.content import Report
from reader.ui.help_window import show_help
from reader.ui.print_options import PrintOptionsDialog
from reader.ui.shortcuts_dialog import ShortcutsDialog

NETBOOK = QRect(0, 0, 1024, 600 - 40)  # a 1024×600 screen less its task bar
# The same screen with the system's text at double size: Qt scales the whole interface by two, so a window has
# half the room in each direction.
NETBOOK_LARGE_TEXT = QRect(0, 0, 512, 300 - 20)
AREAS = [NETBOOK, NETBOOK_LARGE_TEXT]
TITLE_BAR = 24  # at least, above a dialog


def area_id(area: QRect) -> str:
    return f"{area.width()}x{area.height()}"


@pytest.fixture
def free_area(monkeypatch: pytest.MonkeyPatch):
    """Make every screen's free area (what task bars leave) the given rectangle."""

    def use(area: QRect) -> None:
        monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(area))

    return use


def on_screen(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def assert_fits(dialog: QDialog, area: QRect) -> None:
    """The dialog lies within `area` with room left for a title bar, and so does each of its buttons and fields."""
    assert area.contains(on_screen(dialog)), (on_screen(dialog), area)
    assert dialog.height() + TITLE_BAR <= area.height(), (dialog.height(), area)
    for control in dialog.findChildren(QWidget):
        if isinstance(control, (QAbstractButton, QComboBox, QLineEdit, QSpinBox)) and control.isVisible():
            assert dialog.rect().contains(QRect(control.mapTo(dialog, QPoint(0, 0)), control.size())), (
                control.objectName()
            )


def longest_title(report: Report) -> str:
    return max(report.sections, key=lambda section: len(section.title)).id


@pytest.mark.parametrize("text_size", ["normal", "large"])
def test_the_print_options_fit_a_netbook_with_every_control_on_screen(
    window, qtbot, report, free_area, request, text_size
):
    if text_size == "large":
        request.getfixturevalue("large_text")
    free_area(NETBOOK)
    dialog = PrintOptionsDialog(report, longest_title(report), True, "Print", window)
    qtbot.addWidget(dialog)
    hint = dialog.sizeHint()
    assert hint.width() <= NETBOOK.width() and hint.height() <= NETBOOK.height() - TITLE_BAR, hint
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_fits(dialog, NETBOOK)
    for name in ("printFromSection", "printToSection", "printPreview", "printAccept"):
        assert dialog.findChild(QWidget, name).isVisible()


def test_a_long_section_title_is_shortened_but_whole_in_its_tooltip_and_name(window, qtbot, report):
    section = report.section(longest_title(report))
    dialog = PrintOptionsDialog(report, section.id, True, "Print", window)
    qtbot.addWidget(dialog)
    current = dialog.findChild(QRadioButton, "printCurrentSection")
    assert section.title not in current.text() and "…" in current.text()
    assert section.title in current.accessibleName() and current.toolTip() == section.title
    last = dialog.findChild(QComboBox, "printToSection")
    assert last.currentData() == section.id and section.title in last.toolTip()


@pytest.mark.parametrize("area", AREAS, ids=area_id)
def test_help_fits_the_free_area_with_its_close_button_and_the_page_scrolls(window, qtbot, free_area, area):
    free_area(area)
    help_window = show_help(window)
    qtbot.waitExposed(help_window)
    assert_fits(help_window, area)
    close = help_window.findChild(QWidget, "helpButtons")
    assert area.contains(on_screen(close))
    assert help_window.findChild(QAbstractScrollArea, "helpBrowser").verticalScrollBar().maximum() > 0


@pytest.mark.parametrize("area", AREAS, ids=area_id)
def test_the_shortcuts_fit_the_free_area_and_their_list_scrolls(window, qtbot, free_area, area):
    free_area(area)
    dialog = ShortcutsDialog(window.findChildren(QAction), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_fits(dialog, area)
    assert area.contains(on_screen(dialog.findChild(QWidget, "shortcutsClose")))
    assert dialog.findChild(QAbstractScrollArea, "shortcutsTable").verticalScrollBar().maximum() > 0


@pytest.mark.parametrize(
    ("text_size", "area"), [("large", NETBOOK), ("normal", NETBOOK_LARGE_TEXT)], ids=["large-text", "half-screen"]
)
def test_the_privacy_lock_fits_and_scrolls_without_text_over_its_fields(
    window, qtbot, free_area, request, text_size, area
):
    if text_size == "large":
        request.getfixturevalue("large_text")
    free_area(area)
    window.findChild(QAction, "actionPrivacyLock").trigger()
    dialog = next(dialog for dialog in window.findChildren(QDialog, "privacyDialog") if dialog.isVisible())
    qtbot.waitExposed(dialog)
    assert_fits(dialog, area)
    page = dialog.findChild(QWidget, "privacyOnPage")
    assert page.height() >= page.minimumSizeHint().height()  # never squeezed: what does not fit scrolls
    parts = [
        part
        for part in page.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if isinstance(part, (QLabel, QLineEdit, QSpinBox, QAbstractButton)) and part.isVisible()
    ]
    assert dialog.findChild(QLabel, "privacyWarning") in parts
    for index, part in enumerate(parts):
        for other in parts[index + 1 :]:
            assert not part.geometry().intersects(other.geometry()), (part.objectName(), other.objectName())
    for label in (part for part in parts if isinstance(part, QLabel) and part.wordWrap()):
        assert label.height() >= label.heightForWidth(label.width()), label.text()  # every line of it is shown
