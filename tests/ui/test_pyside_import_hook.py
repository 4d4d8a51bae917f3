"""Modules imported once the window's package is loaded are not read as source by PySide6's import hook."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

import reader.ui  # noqa: F401  (what every window start imports first)


def test_a_module_imported_after_the_interface_is_not_read_as_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "field_reader_probe_module.py"
    source.write_text('"""A module that never mentions Qt."""\n\nVALUE = 7\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    try:
        module = __import__("field_reader_probe_module")  # an import statement, as the app's own
        assert module.VALUE == 7
        assert str(source) not in linecache.cache
    finally:
        sys.modules.pop("field_reader_probe_module", None)


def test_qt_still_answers_from_a_module_imported_after_the_interface(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "field_reader_probe_qt.py"
    source.write_text(
        "from PySide6.QtCore import QSize\n\ndef width() -> int:\n    return QSize(3, 4).width()\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        assert __import__("field_reader_probe_qt").width() == 3
    finally:
        sys.modules.pop("field_reader_probe_qt", None)
