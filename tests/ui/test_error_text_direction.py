"""A file's name or an English reason inside an Arabic message keeps its own order: "2024-11 class.json" is not
shown as "class.json 11-2024", nor a reason's brackets turned about."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption

from reader.message import QT_TRANSLATE_NOOP, message
from reader.ui import language
from reader.ui.error_text import error_text

NAME = "2024-11 class.json"
REASON = "Expecting value (line 1, column 2)"


@pytest.fixture
def arabic(qapp) -> Iterator[None]:
    installed = language.install_translators(qapp, "ar")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    qapp.setProperty(language.LANGUAGE_PROPERTY, "en")


def _import_failure() -> str:
    return error_text(
        message(
            QT_TRANSLATE_NOOP("core", "Cannot import {name}: {reason}. Nothing was changed."), name=NAME, reason=REASON
        )
    )


def _x(text: str, part: str) -> float:
    """Where `part`'s second character begins on screen when `text` is laid out in one right-to-left line (inside
    the part, away from where the direction changes, whose place is ambiguous)."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(5000)
    layout.endLayout()
    x = line.cursorToX(text.index(part) + 1)
    return x[0] if isinstance(x, tuple) else x


def test_a_file_name_and_a_reason_keep_their_order_in_an_arabic_message(arabic) -> None:
    shown = _import_failure()
    assert NAME in shown and REASON in shown
    assert shown != f"Cannot import {NAME}: {REASON}. Nothing was changed."  # the Arabic sentence
    # Each reads left to right as written: its first word stands to the left of its last.
    assert _x(shown, "2024-11") < _x(shown, "class.json")
    assert _x(shown, "Expecting") < _x(shown, "column")
    assert _x(shown, "(line") < _x(shown, "2)")


def test_an_english_message_is_left_as_it_is() -> None:
    assert _import_failure() == f"Cannot import {NAME}: {REASON}. Nothing was changed."
