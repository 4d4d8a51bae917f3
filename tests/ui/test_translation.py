"""The Arabic interface: no interface string escapes translation, the Arabic translation is complete and compiled,
the window turns right to left around a report that stays left to right, and the language is chosen and kept."""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
)

from reader.lock.key_file import LockSettings
from reader.notes.note import LayerName
from reader.prefs import Preferences
from reader.ui import language
from reader.ui.actions import ActionName

TS_FILE = language.TRANSLATIONS / "field_reader_ar.ts"
QM_FILE = language.TRANSLATIONS / "field_reader_ar.qm"
MARK = re.compile(r"⟦.*⟧", re.DOTALL)
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{[^{}]*\}|%p%")  # {0}, a core message's {name} or {count:,}, {{ and }}


class PseudoTranslator(QTranslator):
    """Answers every string of ours, and of Qt's own widgets, with the string between ⟦ ⟧; key names stay plain."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        if context == language.KEY_NAMES_CONTEXT or not source:
            return None
        return f"⟦{source}⟧"

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def pseudo_translated() -> Iterator[None]:
    app = QCoreApplication.instance()
    translator = PseudoTranslator()
    app.installTranslator(translator)
    yield
    app.removeTranslator(translator)


def _core_sources() -> list[str]:
    """The core's modules, whose messages are marked QT_TRANSLATE_NOOP("core", …) (as update.sh collects them)."""
    reader = Path(language.__file__).resolve().parent.parent
    return sorted(str(path) for path in reader.rglob("*.py") if path.relative_to(reader).parts[0] not in ("ui", "cli"))


def _ts_messages() -> list[tuple[str, str, ET.Element]]:
    messages = []
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            messages.append((name, message.findtext("source"), message.find("translation")))
    return messages


def test_every_string_has_an_arabic_translation_and_the_qm_holds_it() -> None:
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    messages = _ts_messages()
    assert len(messages) > 400
    for context, source, translation in messages:
        assert translation.get("type") is None, f"{context}: {source!r} is {translation.get('type')}"
        assert translation.text, source
        assert sorted(PLACEHOLDER.findall(translation.text)) == sorted(PLACEHOLDER.findall(source)), source
        assert translator.translate(context, source) == translation.text, "run resources/translations/update.sh"


def test_every_arabic_label_keeps_an_access_letter_where_the_english_has_one() -> None:
    def has_letter(text: str) -> bool:
        return "&" in text.replace("&&", "")

    lacking = [
        (context, source, translation.text)
        for context, source, translation in _ts_messages()
        if has_letter(source) and not has_letter(translation.text or "")
    ]
    assert lacking == []


def test_the_ts_file_holds_exactly_the_strings_the_code_marks(tmp_path: Path) -> None:
    """Run lupdate afresh: a new or changed string not yet in the .ts (or a stale one) fails here."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    fresh = tmp_path / "fresh.ts"
    sources = [*sorted(str(path) for path in (Path(language.__file__).parent).glob("*.py")), *_core_sources()]
    subprocess.run([str(lupdate), "-locations", "none", *sources, "-ts", str(fresh)], check=True, capture_output=True)
    marked = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(fresh).getroot().iter("context")
        for message in context.iter("message")
    }
    assert marked == {(context, source) for context, source, _translation in _ts_messages()}


def _texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every string a reader sees or hears on `widget`."""
    name = widget.objectName() or type(widget).__name__
    if isinstance(widget, QLabel):
        yield name, widget.text()
    if isinstance(widget, QAbstractButton):
        yield name, widget.text()
    if isinstance(widget, QLineEdit):
        yield name, widget.placeholderText()
    if isinstance(widget, QDockWidget):
        yield name, widget.windowTitle()
    if isinstance(widget, QGroupBox):
        yield name, widget.title()
    if isinstance(widget, QMenu):
        yield name, widget.title()
    yield f"{name} (accessible name)", widget.accessibleName()
    yield f"{name} (tooltip)", widget.toolTip()


def _escaped(pairs: Iterator[tuple[str, str]], allowed: set[str]) -> list[tuple[str, str]]:
    escaped = []
    for where, text in pairs:
        plain = re.sub(r"<[^>]+>", "", text).strip()
        if not plain or MARK.search(plain) or plain in allowed:
            continue
        if not re.search(r"[A-Za-z]{2,}", plain):  # numbers, shortcuts' symbols, ¶
            continue
        escaped.append((where, text))
    return escaped


def _allowed(report) -> set[str]:
    """Report text, the product's name and the languages' own names: never translated."""
    titles = {section.title for section in report.sections}
    return titles | {"Field Reader", "English", "العربية"}


def test_no_string_of_the_window_escapes_translation(pseudo_translated, make_window, report) -> None:
    window = make_window()
    for dock in window.findChildren(QDockWidget):  # every panel, not just those a first start shows
        dock.show()
    window.findChild(QObject, "readAloudFeature").bar.show()  # built when first needed
    pairs: list[tuple[str, str]] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.objectName() in ("positionLabel",) or not (widget.isVisible() or isinstance(widget, QMenu)):
            continue
        pairs.extend(_texts(widget))
    for action in window.findChildren(QAction):
        if not action.isSeparator() and action.text():
            pairs.append((action.objectName() or "action", action.text()))
    assert len([text for _where, text in pairs if MARK.search(text)]) > 80  # the walk saw the window's strings
    assert _escaped(iter([("control", "Untranslated words")]), set()) != []  # and would catch one that escaped
    assert _escaped(iter(pairs), _allowed(report)) == []


def test_no_string_of_the_shortcuts_sheet_or_help_escapes_translation(pseudo_translated, make_window, report) -> None:
    from reader.ui.help_window import show_help
    from reader.ui.shortcuts_dialog import ShortcutsDialog

    window = make_window()
    sheet = ShortcutsDialog(window.findChildren(QAction), window)
    rows = [(f"sheet row {keys}", what) for what, keys in sheet.visible_rows()]
    groups = [("sheet group", sheet.table.topLevelItem(i).text(0)) for i in range(sheet.table.topLevelItemCount())]
    help_window = show_help(window)
    pairs = [*rows, *groups, *(pair for widget in (sheet, help_window) for pair in _texts(widget))]
    pairs += [pair for child in help_window.findChildren(QWidget) for pair in _texts(child) if child.isVisible()]
    assert len([text for _where, text in pairs if MARK.search(text)]) > 50
    assert _escaped(iter(pairs), _allowed(report)) == []


def test_an_arabic_window_is_right_to_left_around_a_left_to_right_report(arabic, make_window) -> None:
    window = make_window()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft()
    assert window.menuBar().actions()[0].text() == "&ملف"
    assert window.findChild(QAction, ActionName.HELP.value).text() == "&محتويات التعليمات"
    # The report is in English: it keeps reading left to right, and so do its headings in the contents.
    assert window.document.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.findChild(QDockWidget, "tocDock").widget().layoutDirection() == Qt.LayoutDirection.LeftToRight
    # The contents stand where a right-to-left reader starts: the right-hand side.
    assert window.dockWidgetArea(window.findChild(QDockWidget, "tocDock")) == Qt.DockWidgetArea.RightDockWidgetArea
    # Keys keep the names printed on them (Qt's own Arabic translation drops "Ctrl+"), held left to right.
    shortcut = window.findChild(QAction, ActionName.REFERENCE_MODE.value).shortcut()
    assert language.shown_keys(shortcut.toString(shortcut.SequenceFormat.NativeText)) == "\u2066Ctrl+Shift+R\u2069"


def test_qts_own_dialog_buttons_are_in_arabic(arabic) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() not in ("", "Cancel", "&Cancel")


@pytest.mark.parametrize(
    ("choice", "system", "expected"),
    [
        ("system", "ar_EG", "ar"),
        ("system", "ar_SY", "ar"),
        ("system", "en_GB", "en"),
        ("system", "fr_FR", "en"),
        ("en", "ar_EG", "en"),
        ("ar", "en_US", "ar"),
    ],
)
def test_the_interface_language_follows_the_system_unless_chosen(choice: str, system: str, expected: str) -> None:
    assert language.interface_language(choice, QLocale(system)) == expected


def test_choosing_a_language_is_kept_and_said_to_apply_next_start(window, data_dir: Path) -> None:
    arabic_item = window.findChild(QAction, ActionName.LANGUAGE_ARABIC.value)
    assert window.findChild(QAction, ActionName.LANGUAGE_SYSTEM.value).isChecked()
    arabic_item.trigger()
    assert arabic_item.isChecked()
    assert "next time" in window.statusBar().currentMessage()
    assert Preferences(data_dir).language == "ar"


def test_a_damaged_language_preference_follows_the_system(data_dir: Path) -> None:
    (data_dir / "preferences.json").write_text('{"language": "klingon"}', encoding="utf-8")
    assert Preferences(data_dir).language == "system"


# Messages from the core (reader/message.py): the command line prints them in English, the window translates them.


def _core_templates() -> set[str]:
    templates = set()
    for source in _core_sources():
        for node in ast.walk(ast.parse(Path(source).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP":
                templates.add(node.args[1].value)
    return templates


def _fields(text: str) -> list[str]:
    return sorted(f"{name}:{spec}" for _text, name, spec, _conversion in string.Formatter().parse(text) if name)


def test_every_core_message_has_an_arabic_translation_with_the_same_placeholders(qapp, arabic) -> None:
    templates = _core_templates()
    assert len(templates) > 150  # the walk saw the core's messages
    for template in templates:
        translation = QCoreApplication.translate("core", template)
        words = re.sub(r"\{[^{}]*\}", "", template)
        assert translation != template or not re.search("[A-Za-z]", words), template  # "{said}." may stay
        assert _fields(translation) == _fields(template), template


def _unlock_with(window, qtbot, passphrase: str) -> QLabel:
    """Press Ctrl+L, type a passphrase and press Unlock; the unlock dialog's error line."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.document, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = next(dialog for dialog in window.findChildren(QDialog, "unlockDialog") if dialog.isVisible())
    qtbot.keyClicks(dialog.findChild(QLineEdit, "unlockPassphrase"), passphrase)
    qtbot.mouseClick(dialog.findChild(QPushButton, "unlockOk"), Qt.MouseButton.LeftButton)
    error = dialog.findChild(QLabel, "unlockError")
    qtbot.waitUntil(error.isVisible)
    return error


def test_a_wrong_passphrase_is_said_in_arabic(arabic, make_window, qtbot, app_objects) -> None:
    app_objects.privacy.enable("olive grove at dawn", LockSettings())
    app_objects.privacy.lock()
    error = _unlock_with(make_window(), qtbot, "not my passphrase")
    assert error.text() == "عبارة المرور خاطئة؛ تبقى الملاحظات مقفلة."


def test_a_core_message_with_values_is_translated_and_filled_in(
    pseudo_translated, make_window, qtbot, app_objects
) -> None:
    app_objects.privacy.enable("olive grove at dawn", LockSettings(erase_after_tries=5))
    app_objects.privacy.lock()
    error = _unlock_with(make_window(), qtbot, "not my passphrase")
    assert error.text() == "⟦Wrong passphrase; the notes stay locked. 4 tries are left before the notes are erased.⟧"


def test_a_reason_inside_a_core_message_is_translated_too(
    pseudo_translated, window, qtbot, monkeypatch, tmp_path
) -> None:
    from reader.ui import errors, notes_import

    broken = tmp_path / "class-notes.json"
    broken.write_text('{"type": "AnnotationCollection",\n "items": [}', encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(errors.QMessageBox, "exec", lambda box: shown.append(box.text()))
    monkeypatch.setattr(notes_import.QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(broken), ""))
    window.findChild(QAction, ActionName.IMPORT_NOTES.value).trigger()
    qtbot.waitUntil(lambda: shown != [])
    assert shown == [
        "⟦Cannot import class-notes.json: ⟦line 2 is not valid JSON (Expecting value)⟧. Nothing was changed.⟧"
    ]


def test_an_import_summary_is_translated_part_by_part(qapp, pseudo_translated) -> None:
    from reader.notes.import_result import ImportResult
    from reader.notes.w3c_model import Skip
    from reader.ui.error_text import error_text

    result = ImportResult(LayerName("Ms Haddad"), (), 1, 0, 0, (), ((Skip.VIDEO_BODY, 2),))
    assert result.summary() == "Imported 0 notes into the layer “Ms Haddad”; 1 already there; 2 video bodies skipped."
    shown = error_text(result.summary())
    assert shown.startswith("⟦") and shown.endswith("⟧")
    assert "⟦Imported 0 notes into the layer “Ms Haddad”⟧" in shown
    assert "⟦1 already there⟧" in shown and "⟦2 ⟦video bodies⟧ skipped⟧" in shown
