"""The window's dialogs in the Arabic interface and on a 1024×600 screen: each name stands at the right of its value,
keys read as printed, a file's name keeps its own order inside an Arabic question, the import's question fits the
screen however long the file's name, and the print preview shows its whole toolbar, Print included."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAction, QFont, QGuiApplication, QScreen, QTextDocument
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QToolBar

from reader.ui import notes_import
from reader.ui.note_highlighter import NoteHighlighter

from .test_arabic_interface import _reads_in_order, _x_of
from .test_notes_sharing import teacher_file
from .test_question_dialog import when_asked

NETBOOK = QRect(0, 0, 1024, 600 - 40)  # a 1024×600 screen less its task bar


@pytest.fixture
def netbook(monkeypatch: pytest.MonkeyPatch) -> QRect:
    """Every screen's free area is a 1024×600 netbook's."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(NETBOOK))
    return NETBOOK


def _block_centre(document: QTextDocument, text: str) -> float:
    """Where the middle of the text block that is `text` (a table cell) is drawn, across the page."""
    block = document.begin()
    while block.text().replace("\xa0", "").strip() != text:
        block = block.next()
        assert block.isValid(), text
    return document.documentLayout().blockBoundingRect(block).center().x()


def test_the_about_box_puts_each_name_at_the_right_of_its_value_in_arabic(arabic, qtbot, report) -> None:
    from reader.ui.about_dialog import AboutDialog

    dialog = AboutDialog(report, portable=False)
    qtbot.addWidget(dialog)
    document = QTextDocument()
    document.setHtml(dialog.findChild(QLabel, "aboutText").text())
    document.setTextWidth(560)
    title = report.manifest.title
    name = QApplication.translate("AboutDialog", "Report")
    assert name != "Report"
    assert _block_centre(document, title) < _block_centre(document, name)  # the value on the name's left
    # …and against it, not at the far side of the dialog.
    publisher = _block_centre(document, report.manifest.publisher)
    assert publisher < _block_centre(document, QApplication.translate("AboutDialog", "Publisher"))
    portable = QApplication.translate("AboutDialog", "Portable")
    assert _block_centre(document, QApplication.translate("AboutDialog", "no")) < _block_centre(document, portable)


def test_the_about_box_keeps_names_on_the_left_in_english(qtbot, report) -> None:
    from reader.ui.about_dialog import AboutDialog

    dialog = AboutDialog(report, portable=False)
    qtbot.addWidget(dialog)
    document = QTextDocument()
    document.setHtml(dialog.findChild(QLabel, "aboutText").text())
    document.setTextWidth(560)
    assert _block_centre(document, "Report") < _block_centre(document, report.manifest.title)


def test_the_reading_settings_hint_shows_the_zoom_keys_as_printed_in_arabic(arabic, qtbot) -> None:
    from reader.prefs import ReadingSettings
    from reader.ui.reading_settings_dialog import ReadingSettingsDialog

    dialog = ReadingSettingsDialog(ReadingSettings())
    qtbot.addWidget(dialog)
    hint = dialog.findChild(QLabel, "readingSettingsHint").text()
    assert "التكبير" in hint
    for keys in ("Ctrl+=", "Ctrl+-"):
        start = hint.index(keys)
        assert _x_of(hint, start) < _x_of(hint, start + len(keys) - 1), keys  # "Ctrl+=", not "=+Ctrl"


def _question_for(window, qtbot, monkeypatch, path: Path) -> str:
    """Import `path` through the menu and cancel at the question naming its layer; the question's text."""
    seen: list[str] = []

    def answer(dialog) -> None:
        seen.append(dialog.findChild(QLabel, "questionLabel").text())
        dialog.reject()

    monkeypatch.setattr(notes_import.QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    monkeypatch.setattr(notes_import, "show_error", lambda parent, error: seen.append(str(error)))
    qtbot.waitUntil(lambda: window.findChild(NoteHighlighter, "noteHighlighter").is_active)
    when_asked(answer)
    window.findChild(QAction, "actionImportNotes").trigger()
    qtbot.waitUntil(lambda: bool(seen) and QGuiApplication.overrideCursor() is None)
    return seen[0]


def test_a_file_name_keeps_its_own_order_inside_the_arabic_question(
    arabic, window, qtbot, monkeypatch, tmp_path
) -> None:
    text = _question_for(window, qtbot, monkeypatch, teacher_file(tmp_path, "2024-11 class.json"))
    assert "الطبقة" in text
    assert _reads_in_order(text, "2024", "class")  # "2024-11 class.json", not "class.json 11-2024"


def test_the_import_question_fits_a_netbook_with_a_long_file_name_at_double_text_size(
    arabic, window, qtbot, monkeypatch, tmp_path, netbook, qapp
) -> None:
    path = teacher_file(tmp_path, "2024-11-" + "x" * 236 + ".json")  # 250 characters, as long as a name can be
    font = qapp.font()
    large = QFont(font)
    large.setPointSizeF(font.pointSizeF() * 2)
    qapp.setFont(large)
    seen: list[str] = []
    outside: list[str] = []

    def measure(dialog) -> None:
        seen.append(dialog.findChild(QLabel).text().replace("\u200b", ""))  # but for the points it may wrap at
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        for control in (dialog, dialog.findChild(QLineEdit), ok):
            if not netbook.contains(QRect(control.mapToGlobal(QPoint(0, 0)), control.size())):
                outside.append(control.metaObject().className())
        dialog.reject()

    monkeypatch.setattr(notes_import.QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    monkeypatch.setattr(notes_import, "show_error", lambda parent, error: seen.append(str(error)))
    qtbot.waitUntil(lambda: window.findChild(NoteHighlighter, "noteHighlighter").is_active)
    when_asked(measure)
    try:
        window.findChild(QAction, "actionImportNotes").trigger()
        qtbot.waitUntil(lambda: bool(seen) and QGuiApplication.overrideCursor() is None)
    finally:
        qapp.setFont(font)
    assert outside == []
    assert len(seen) == 1 and path.name in seen[0] and "الطبقة" in seen[0]


@pytest.mark.parametrize("interface", ["en", "ar"])
def test_the_print_preview_shows_its_whole_toolbar_on_a_netbook(request, window, qtbot, netbook, interface) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from reader.ui.printing import preview_dialog

    if interface == "ar":
        request.getfixturevalue("arabic")
    printer = QPrinter()
    preview = preview_dialog(window, QTextDocument("Overview"), printer)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    assert netbook.contains(QRect(preview.mapToGlobal(QPoint(0, 0)), preview.size()))
    toolbar = preview.findChild(QToolBar)
    buttons = [toolbar.widgetForAction(action) for action in toolbar.actions() if not action.isSeparator()]
    assert buttons and all(button is not None and button.isVisible() for button in buttons)  # Print is the last
