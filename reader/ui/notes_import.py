"""Importing a notes file: ask for the file and the layer's name, import it all or nothing, report the outcome."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from reader.annotation_io import ImportResult
from reader.errors import ReaderError
from reader.ui.errors import show_error
from reader.ui.notes_actions import Annotator

FILE_FILTER = "Annotations (*.json *.jsonld);;All files (*)"


def ask_import(parent: QWidget, annotator: Annotator) -> ImportResult | None:
    """Ask for a W3C or Hypothesis file and a layer name, then import; a failure is shown and changes nothing."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _filter = QFileDialog.getOpenFileName(parent, parent.tr("Import Notes"), folder, FILE_FILTER)
    if not chosen:
        return None
    path = Path(chosen)
    name, accepted = QInputDialog.getText(
        parent, parent.tr("Import Notes"), parent.tr("Name of the layer for these notes:"), text=path.stem
    )
    if not accepted:
        return None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = annotator.import_file(path, name.strip() or None)
    except ReaderError as error:
        failure: ReaderError | None = error
    else:
        failure = None
    finally:
        QGuiApplication.restoreOverrideCursor()
    if failure is not None:
        show_error(parent, failure)
        return None
    return result
