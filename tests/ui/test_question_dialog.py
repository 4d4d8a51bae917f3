"""The question the window asks in a line of text (the layer of imported notes, a sealed file's passphrase): a long
file name wraps, so the dialog and its buttons fit a 1024×600 screen at double text size, in English and Arabic;
Enter answers, Esc cancels, a passphrase stays unseen, and a screen reader hears the question."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit, QStyle, QWidget

from reader.ui.question_dialog import QuestionDialog, ask_text

from .test_main_window import unnamed_visible_widgets

NETBOOK = QRect(0, 0, 1024, 600 - 40)  # a 1024×600 screen less its task bar
TITLE_BAR = 24  # at least, above a dialog
LONG_NAME = "2024-11-class-notes-" + "x" * 275 + ".json"  # 300 characters, not one space
TITLE = "Import Notes"
QUESTION = f"{LONG_NAME} holds 12 notes. Name of the layer for them:"
WAITS = 500  # looks for the dialog, a turn of the event loop apart, before giving up


def when_asked(respond: Callable[[QDialog], None]) -> None:
    """Once a dialog is shown modal (the question), hand it to `respond`, which answers or cancels it (and should
    `respond` fail, it is cancelled, so that the test fails rather than waits)."""

    def look(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            try:
                respond(dialog)
            finally:
                if dialog.isVisible():
                    dialog.reject()
        elif left:
            QTimer.singleShot(10, lambda: look(left - 1))

    QTimer.singleShot(0, lambda: look(WAITS))


@pytest.fixture
def netbook(monkeypatch: pytest.MonkeyPatch) -> QRect:
    """Every screen's free area is a 1024×600 netbook's."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(NETBOOK))
    return NETBOOK


@pytest.fixture
def parent(qtbot) -> QWidget:
    """A window filling the netbook's screen, for the question to be asked over."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setGeometry(NETBOOK)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def on_screen(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("interface", ["en", "ar"])
@pytest.mark.parametrize("text_size", ["normal", "large"])
def test_a_long_file_name_wraps_so_the_question_and_its_buttons_fit_a_netbook(
    request, qtbot, netbook, parent, interface, text_size
) -> None:
    if interface == "ar":
        request.getfixturevalue("arabic")
    if text_size == "large":
        request.getfixturevalue("large_text")
    seen: list[str] = []

    def measure(dialog: QDialog) -> None:
        buttons = dialog.findChild(QDialogButtonBox)
        for control in (dialog, buttons.button(QDialogButtonBox.StandardButton.Ok), dialog.findChild(QLineEdit)):
            if not netbook.contains(on_screen(control)):
                seen.append(f"{control.metaObject().className()} at {on_screen(control)}")
        if dialog.height() + TITLE_BAR > netbook.height():
            seen.append(f"{dialog.height()} high")
        seen.append("measured")
        dialog.reject()

    when_asked(measure)
    assert ask_text(parent, TITLE, QUESTION) is None
    assert seen == ["measured"]


def test_the_long_question_is_shown_whole(qtbot, netbook, parent) -> None:
    dialog = QuestionDialog(TITLE, QUESTION, parent=parent)
    qtbot.addWidget(dialog)
    shown = dialog.findChild(QLabel, "questionLabel").text()
    assert shown.replace("\u200b", "") == QUESTION  # wrapping points only: not a character lost


def test_enter_answers_with_what_was_typed_over_the_proposed_name(qtbot, parent) -> None:
    seen: list[tuple[bool, str]] = []

    def answer(dialog: QDialog) -> None:
        field = dialog.findChild(QLineEdit, "questionField")
        seen.append((dialog.focusWidget() is field, field.selectedText()))
        qtbot.keyClicks(field, "Class 9B")  # typed over the proposed name, which starts selected
        qtbot.keyClick(field, Qt.Key.Key_Return)

    when_asked(answer)
    assert ask_text(parent, TITLE, "ms-haddad.json holds 1 notes. Name of the layer for them:", "Ms Haddad") == (
        "Class 9B"
    )
    assert seen == [(True, "Ms Haddad")]


def test_escape_cancels_and_gives_no_answer(qtbot, parent) -> None:
    def cancel(dialog: QDialog) -> None:
        field = dialog.findChild(QLineEdit, "questionField")
        qtbot.keyClicks(field, "Class 9B")
        qtbot.keyClick(field, Qt.Key.Key_Escape)

    when_asked(cancel)
    assert ask_text(parent, TITLE, "ms-haddad.json holds 1 notes. Name of the layer for them:", "Ms Haddad") is None


def test_a_passphrase_is_not_shown_as_it_is_typed(qtbot, parent) -> None:
    modes: list[QLineEdit.EchoMode] = []

    def answer(dialog: QDialog) -> None:
        field = dialog.findChild(QLineEdit, "questionField")
        modes.append(field.echoMode())
        qtbot.keyClicks(field, "shared by phone")
        qtbot.keyClick(field, Qt.Key.Key_Return)

    when_asked(answer)
    assert ask_text(parent, TITLE, "f.json is sealed. Its passphrase:", password=True) == "shared by phone"
    assert modes == [QLineEdit.EchoMode.Password]


def test_a_screen_reader_hears_the_question_on_the_field(qtbot, parent) -> None:
    dialog = QuestionDialog(TITLE, QUESTION, "Ms Haddad", parent=parent)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.findChild(QLineEdit, "questionField")
    label = dialog.findChild(QLabel, "questionLabel")
    assert field.accessibleName() == QUESTION  # as written, without the points where it may wrap
    assert label.buddy() is field and label.accessibleName() == QUESTION
    assert (dialog.objectName(), dialog.accessibleName(), dialog.accessibleDescription()) == (
        "questionDialog",
        TITLE,
        QUESTION,
    )
    assert unnamed_visible_widgets(dialog) == []
    buttons = dialog.findChild(QDialogButtonBox, "questionButtons")
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).objectName() == "questionOk"
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).accessibleName()


def test_the_question_scrolls_on_a_tiny_screen_and_keeps_its_field_and_buttons(
    qtbot, monkeypatch, parent, large_text
) -> None:
    tiny = QRect(0, 0, 512, 300 - 20)  # the netbook with the whole interface scaled by two
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(tiny))
    dialog = QuestionDialog(TITLE, QUESTION, parent=parent)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert tiny.contains(on_screen(dialog)) and dialog.height() + TITLE_BAR <= tiny.height()
    for name in ("questionField", "questionOk", "questionCancel"):
        assert tiny.contains(on_screen(dialog.findChild(QWidget, name))), name
    scroll_bar = dialog.findChild(QWidget, "questionScrollerVerticalScrollBar")
    assert scroll_bar.isVisible() and scroll_bar.accessibleName()
    assert unnamed_visible_widgets(dialog) == []


def test_the_question_reads_right_to_left_in_arabic(arabic, qtbot, netbook, parent) -> None:
    question = QApplication.translate("MainWindow", "{0} holds {1} notes. Name of the layer for them:")
    assert question.startswith("يحتوي")
    dialog = QuestionDialog(TITLE, question.format(LONG_NAME, 12), parent=parent)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    label = dialog.findChild(QLabel, "questionLabel")
    alignment = QStyle.visualAlignment(label.layoutDirection(), label.alignment())
    assert alignment & Qt.AlignmentFlag.AlignRight  # the question starts at the right, as Arabic does
    ok, cancel = (dialog.findChild(QWidget, name) for name in ("questionOk", "questionCancel"))
    assert ok.mapTo(dialog, QPoint(0, 0)).x() > cancel.mapTo(dialog, QPoint(0, 0)).x()  # mirrored
    field = dialog.findChild(QLineEdit, "questionField")
    assert field.layoutDirection() == Qt.LayoutDirection.RightToLeft
