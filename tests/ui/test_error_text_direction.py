"""A file's name or an English reason inside an Arabic message keeps its own order: "2024-11 class.json" is not
shown as "class.json 11-2024", nor a reason's brackets turned about."""

from __future__ import annotations

from reader.message import QT_TRANSLATE_NOOP, message
from reader.ui.error_text import error_text

from .test_arabic_interface import _reads_in_order

NAME = "2024-11 class.json"
REASON = "Expecting value (line 1, column 2)"


def _import_failure() -> str:
    return error_text(
        message(
            QT_TRANSLATE_NOOP("core", "Cannot import {name}: {reason}. Nothing was changed."), name=NAME, reason=REASON
        )
    )


def test_a_file_name_and_a_reason_keep_their_order_in_an_arabic_message(arabic) -> None:
    shown = _import_failure()
    assert NAME in shown and REASON in shown
    assert shown != f"Cannot import {NAME}: {REASON}. Nothing was changed."  # the Arabic sentence
    # Each reads left to right as written: its first word stands to the left of its last.
    assert _reads_in_order(shown, "2024-11", "class.json")
    assert _reads_in_order(shown, "Expecting", "column")
    assert _reads_in_order(shown, "(line", "2)")


def test_an_english_message_is_left_as_it_is() -> None:
    assert _import_failure() == f"Cannot import {NAME}: {REASON}. Nothing was changed."
