"""`busy()`: a waiting cursor around a short piece of work done on the UI thread (a passphrase checked, say)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """Show the waiting cursor until the block ends, however it ends."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
