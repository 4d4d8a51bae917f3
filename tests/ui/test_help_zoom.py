"""The help's page zooms with the same keys as the report (Ctrl+=, Ctrl++, Ctrl+-, Ctrl+0), so a reader who needs
large text can read the help too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from reader.ui.help_window import HelpWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def help_shown(qtbot) -> HelpWindow:
    shown = HelpWindow("en")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _text_height(shown: HelpWindow) -> float:
    document = shown.browser.document()
    document.setTextWidth(500)  # the same width before and after: only the text size may change the height
    return document.size().height()


@pytest.mark.parametrize("focused", ["helpBrowser", "helpPages"])
def test_ctrl_equals_makes_the_help_text_larger(help_shown, qtbot, focused) -> None:
    normal = _text_height(help_shown)
    target = help_shown.browser if focused == "helpBrowser" else help_shown.page_list

    for _ in range(3):
        qtbot.keyClick(target, Qt.Key.Key_Equal, CTRL)

    assert _text_height(help_shown) > normal * 1.3


def test_the_larger_text_stays_on_another_page_and_ctrl_0_brings_it_back(help_shown, qtbot) -> None:
    help_shown.show_page("search")
    normal = _text_height(help_shown)
    help_shown.show_page("reading")
    qtbot.keyClick(help_shown.browser, Qt.Key.Key_Plus, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(help_shown.browser, Qt.Key.Key_Equal, CTRL)

    help_shown.show_page("search")
    larger = _text_height(help_shown)
    qtbot.keyClick(help_shown.browser, Qt.Key.Key_0, CTRL)

    assert larger > normal * 1.15
    assert _text_height(help_shown) == pytest.approx(normal)


def test_ctrl_minus_makes_the_help_text_smaller_down_to_a_limit(help_shown, qtbot) -> None:
    normal = _text_height(help_shown)

    for _ in range(30):
        qtbot.keyClick(help_shown.browser, Qt.Key.Key_Minus, CTRL)

    smallest = _text_height(help_shown)
    assert 0.3 * normal < smallest < normal


def test_the_help_close_button_has_a_name_and_closes_it(help_shown, qtbot) -> None:
    close = help_shown.findChild(QPushButton, "helpClose")

    assert close is not None and close.accessibleName() == "Close"
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not help_shown.isVisible()
