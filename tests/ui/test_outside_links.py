"""Links in the report: places in it are shown; web and mail links open only after the reader confirms, seeing the
whole address; nothing else is followed or fetched."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from reader.content import Report, load_report
from reader.render import render_report
from reader.ui import themes
from reader.ui.document_view import DocumentView
from reader.ui.outside_link_dialog import Choice, OutsideLinkDialog

LINKED_REPORT = """# Intro

Read [the full report](https://www.amnesty.org/en/documents/mde15/5141/2022/en/?from=reader&lang=en) or \
[write to us](mailto:press@example.org), or go [to the end](#end), but not [this](javascript:alert(1)) \
nor [that](file:///etc/passwd).

# End {#end}

The last words.
"""
REPORT_ADDRESS = "https://www.amnesty.org/en/documents/mde15/5141/2022/en/?from=reader&lang=en"


@pytest.fixture
def linked(tmp_path: Path, report: Report) -> Report:
    folder = tmp_path / "content"
    shutil.copytree(report.folder, folder)
    (folder / "report.md").write_text(LINKED_REPORT, encoding="utf-8")
    return load_report(folder)


@pytest.fixture
def view(qtbot, linked: Report) -> DocumentView:
    document = DocumentView(linked)
    qtbot.addWidget(document)
    document.resize(700, 500)
    document.load_html(render_report(linked), themes.document_css(themes.THEMES["light"]))
    document.enable_caret_browsing()  # as the window does once it is shown
    document.show()
    qtbot.waitExposed(document)
    return document


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """What would have been handed to the browser or the e-mail program."""
    calls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: calls.append(QUrl(url)) or True)
    return calls


def point_on(view: DocumentView, text: str) -> QPoint:
    """A point on the middle of some text of the page, in viewport coordinates."""
    position = view.document().toPlainText().index(text) + len(text) // 2
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    rect = view.cursorRect(cursor)
    return QPoint(rect.left(), rect.center().y())


@dataclass(frozen=True)
class Seen:
    """What the reader saw in the dialog."""

    address: str
    text: str
    address_shown: str
    open_label: str


def click_link(qtbot, view: DocumentView, text: str, answer: Choice | None, seen: list[Seen]) -> None:
    """Click the link with this text; if a dialog opens, note what it shows and answer it."""

    def answer_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, OutsideLinkDialog):
            shown = dialog.informativeText().replace("\u200b", "")
            seen.append(Seen(dialog.address, dialog.text(), shown, dialog.choice_button(Choice.OPEN).text()))
            dialog.choice_button(answer or Choice.CANCEL).click()

    QTimer.singleShot(50, answer_dialog)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_on(view, text))
    qtbot.wait(100)


def test_a_web_link_asks_first_and_cancel_opens_nothing(qtbot, view: DocumentView, opened: list[QUrl]) -> None:
    seen: list[Seen] = []

    click_link(qtbot, view, "the full report", Choice.CANCEL, seen)

    (dialog,) = seen
    assert dialog.address == REPORT_ADDRESS
    assert dialog.address_shown == REPORT_ADDRESS
    assert opened == []


def test_open_in_browser_hands_exactly_that_address_to_the_browser(
    qtbot, view: DocumentView, opened: list[QUrl]
) -> None:
    seen: list[Seen] = []

    click_link(qtbot, view, "the full report", Choice.OPEN, seen)

    assert len(seen) == 1
    assert [url.toString() for url in opened] == [REPORT_ADDRESS]


def test_copy_address_puts_it_on_the_clipboard_and_opens_nothing(qtbot, view: DocumentView, opened: list[QUrl]) -> None:
    QGuiApplication.clipboard().clear()
    seen: list[Seen] = []

    click_link(qtbot, view, "the full report", Choice.COPY, seen)

    assert QGuiApplication.clipboard().text() == REPORT_ADDRESS
    assert opened == []


def test_a_mail_link_says_it_opens_the_mail_program(qtbot, view: DocumentView, opened: list[QUrl]) -> None:
    seen: list[Seen] = []

    click_link(qtbot, view, "write to us", Choice.OPEN, seen)

    (dialog,) = seen
    assert "e-mail" in dialog.text
    assert dialog.open_label == "Open in E-mail Program"
    assert [url.toString() for url in opened] == ["mailto:press@example.org"]


def test_a_link_to_a_place_in_the_report_goes_there_without_asking(
    qtbot, view: DocumentView, opened: list[QUrl]
) -> None:
    seen: list[Seen] = []

    click_link(qtbot, view, "to the end", None, seen)

    assert seen == []
    assert opened == []
    assert view.current_section() == "end"


@pytest.mark.parametrize("text", [" this ", " that."])
def test_an_unsafe_link_is_plain_text(view: DocumentView, text: str) -> None:
    assert view.anchorAt(point_on(view, text)) == ""


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "ftp://files.example", "../x.txt"]
)
def test_a_link_of_any_other_kind_does_nothing_even_if_clicked(
    qtbot, view: DocumentView, opened: list[QUrl], address: str
) -> None:
    seen: list[object] = []
    QTimer.singleShot(50, lambda: seen.append(QApplication.activeModalWidget()))

    view.anchorClicked.emit(QUrl(address))
    qtbot.wait(100)

    assert seen == [None]
    assert opened == []


@pytest.mark.parametrize(
    "address", ["http://tracker.example/pixel.png", "https://x.example/a.css", "file:///etc/passwd", "data:,x"]
)
def test_the_view_never_loads_a_resource_from_outside(view: DocumentView, address: str) -> None:
    assert view.loadResource(int(QTextDocument.ResourceType.ImageResource.value), QUrl(address)) is None


def test_a_disguised_address_is_shown_as_it_really_is() -> None:
    look_alike = QUrl("https://аpple.com/\u202egnp.exe")  # a Cyrillic "а" and a right-to-left override
    dialog = OutsideLinkDialog(look_alike)
    try:
        assert dialog.address == "https://xn--pple-43d.com/%E2%80%AEgnp.exe"
    finally:
        dialog.deleteLater()


def test_the_dialog_is_named_for_tests_and_assistive_technology(qtbot, tmp_path: Path) -> None:
    dialog = OutsideLinkDialog(QUrl(REPORT_ADDRESS))
    qtbot.addWidget(dialog)

    assert dialog.objectName() == "outsideLinkDialog"
    assert dialog.accessibleName()
    assert dialog.textFormat() is Qt.TextFormat.PlainText
    assert dialog.defaultButton() is dialog.choice_button(Choice.CANCEL)
    for choice in Choice:
        assert dialog.choice_button(choice).objectName()
        assert dialog.choice_button(choice).accessibleName()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(tmp_path / "outside_link_dialog.png"))
