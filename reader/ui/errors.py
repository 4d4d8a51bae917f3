"""Showing failures to the user: one line, details behind a button; bugs logged beside the notes."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader.errors import ReaderError
from reader.lock.names import key_file_path
from reader.ui.error_text import error_text


def show_error(parent: QWidget | None, error: ReaderError | str, details: str = "") -> None:
    """Tell the user what failed in one line; any technical details sit behind "Show Details"."""
    from PySide6.QtCore import QCoreApplication, Qt

    box = QMessageBox(parent)
    box.setObjectName("errorMessage")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ErrorBox", "Field Reader"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # a file name or note in the message is never markup
    box.setText(error_text(error))
    box.setAccessibleName(QCoreApplication.translate("ErrorBox", "Error message"))
    if details:
        box.setDetailedText(details)
    box.exec()


def install_excepthook(log_folder: Path) -> None:
    """Log an unexpected error's traceback in the data folder and say in one line that notes are safe.

    While the privacy lock is on nothing is logged to disk: a traceback may quote a note.
    """

    def hook(kind, value, trace) -> None:
        import datetime
        import traceback

        from PySide6.QtCore import QCoreApplication

        text = "".join(traceback.format_exception(kind, value, trace))
        sys.stderr.write(text)
        log_path = log_folder / "logs" / f"crash-{datetime.datetime.now():%Y%m%d-%H%M%S}.log"
        said = QCoreApplication.translate("ErrorBox", "Field Reader hit an unexpected problem; your notes are safe.")
        try:
            if not key_file_path(log_folder).exists():
                log_path.parent.mkdir(parents=True, exist_ok=True)
                log_path.write_text(text, encoding="utf-8")
                said = QCoreApplication.translate(
                    "ErrorBox",
                    "Field Reader hit an unexpected problem; your notes are safe. Details were saved to {0}.",
                ).format(log_path)
        except OSError:
            pass
        if QApplication.instance() is not None and not isinstance(value, KeyboardInterrupt):
            show_error(QApplication.activeWindow(), said, text)

    sys.excepthook = hook
