"""Reading settings as a reader meets them: font, text size, line spacing and column change the page, and stay."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QSpinBox

from reader.prefs import Preferences, ReadingSettings
from reader.ui import reading_settings_dialog


@pytest.fixture(autouse=True)
def fonts_not_yet_loaded(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Each test starts as a fresh run would: no bundled reading font registered yet."""
    loaded: set[str] = set()
    monkeypatch.setattr(reading_settings_dialog, "_loaded", loaded)
    return loaded


def open_dialog(window, qtbot) -> QDialog:
    window.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window.document, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = window.findChild(QDialog, "readingSettingsDialog")
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def choose(dialog: QDialog, *, font: str, size: int, spacing: float, column: int) -> None:
    combo = dialog.findChild(QComboBox, "readingFont")
    combo.setCurrentIndex(combo.findData(font))
    combo.activated.emit(combo.currentIndex())
    combo = dialog.findChild(QComboBox, "readingTextSize")
    combo.setCurrentIndex(combo.findData(size))
    combo.activated.emit(combo.currentIndex())
    dialog.findChild(QDoubleSpinBox, "readingLineSpacing").setValue(spacing)
    dialog.findChild(QSpinBox, "readingColumnWidth").setValue(column)


def paragraph_block(window, paragraph_id: str):
    start, _end = window.document.paragraph_span(paragraph_id)
    return window.document.document().findBlock(start)


def test_the_default_settings_leave_the_page_as_it_was_and_load_no_font(window, fonts_not_yet_loaded):
    block = paragraph_block(window, "red-wolf-p1")
    assert block.blockFormat().lineHeight() == 145  # the page's own spacing
    assert "DejaVu Serif" not in (block.begin().fragment().charFormat().fontFamilies() or [])
    assert window.document.document().rootFrame().frameFormat().leftMargin() == 24
    assert fonts_not_yet_loaded == set()  # nothing registered before (or after) the first paint


def test_settings_change_the_page_as_they_are_chosen_and_survive_a_restart(make_window, qtbot, fonts_not_yet_loaded):
    first = make_window()
    first.resize(1600, 900)  # room for the column to be narrower than the view
    normal_size = first.document.document().defaultFont().pointSizeF()
    dialog = open_dialog(first, qtbot)
    choose(dialog, font="serif", size=3, spacing=1.9, column=50)

    # Shown on the page before OK: a serif, wider spacing, larger text, a narrow centred column.
    block = paragraph_block(first, "red-wolf-p1")
    assert block.begin().fragment().charFormat().fontFamilies()[0] == "DejaVu Serif"
    assert block.blockFormat().lineHeight() == 190
    assert first.document.document().defaultFont().pointSizeF() > normal_size * 1.3
    frame = first.document.document().rootFrame().frameFormat()
    assert frame.leftMargin() == frame.rightMargin() > 24
    assert block.layout().boundingRect().width() < first.document.viewport().width() * 0.8
    assert fonts_not_yet_loaded == {"serif"}

    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert first.document.document().rootFrame().frameFormat().leftMargin() > 24
    first.close()

    second = make_window()
    second.resize(1600, 900)  # an offscreen run keeps no window size
    block = paragraph_block(second, "red-wolf-p1")
    assert block.begin().fragment().charFormat().fontFamilies()[0] == "DejaVu Serif"
    assert block.blockFormat().lineHeight() == 190
    qtbot.waitUntil(lambda: second.document.document().rootFrame().frameFormat().leftMargin() > 24)
    assert second.document.document().defaultFont().pointSizeF() == pytest.approx(
        first.document.document().defaultFont().pointSizeF()
    )


def test_cancel_puts_back_what_there_was(window, qtbot):
    dialog = open_dialog(window, qtbot)
    choose(dialog, font="sans", size=2, spacing=2.0, column=40)
    assert paragraph_block(window, "red-wolf-p1").blockFormat().lineHeight() == 200

    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()

    block = paragraph_block(window, "red-wolf-p1")
    assert block.blockFormat().lineHeight() == 145
    assert window.document.document().rootFrame().frameFormat().leftMargin() == 24
    assert window._prefs.reading == ReadingSettings()


def test_the_text_size_adds_to_the_zoom_and_actual_size_keeps_it(window, qtbot):
    normal = window.document.document().defaultFont().pointSizeF()
    window.set_reading(ReadingSettings(text_size=2))
    larger = window.document.document().defaultFont().pointSizeF()
    assert larger > normal
    window.findChild(QAction, "actionZoomIn").trigger()
    assert window.document.document().defaultFont().pointSizeF() > larger
    window.findChild(QAction, "actionZoomReset").trigger()
    assert window.document.document().defaultFont().pointSizeF() == pytest.approx(larger)


def test_the_column_stays_centred_when_the_window_is_resized(window, qtbot):
    window.set_reading(ReadingSettings(column_width=45))
    narrow = window.document.document().rootFrame().frameFormat().leftMargin()
    window.resize(window.width() + 300, window.height())
    qtbot.waitUntil(lambda: window.document.document().rootFrame().frameFormat().leftMargin() > narrow + 100)


def test_damaged_reading_preferences_fall_back_to_the_defaults(data_dir):
    (data_dir / "preferences.json").write_text(
        '{"reading": {"font": "comic", "text_size": 99, "line_spacing": "wide", "column_width": 3}}'
    )
    reading = Preferences(data_dir).reading
    assert reading == ReadingSettings(font="system", text_size=6, column_width=30)


def test_reading_settings_screenshot(window, qtbot, tmp_path):
    """The page in a serif with wide spacing in a narrow column (saved as a picture in the test's temporary folder)."""
    window.resize(1100, 760)
    window.set_reading(ReadingSettings(font="serif", line_spacing=1.9, column_width=55))
    window.go_to("red-wolf")
    qtbot.wait(50)
    image = window.grab()
    assert not image.isNull()
    assert image.save(str(tmp_path / "reading.png"))
