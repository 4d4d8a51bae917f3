"""`NotesImporter`: asks for a notes file and a layer name, reads it off the UI thread, then adds it all or nothing."""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from reader.errors import ReaderError
from reader.ui.annotator import Annotator
from reader.ui.errors import show_error
from reader.ui.tasks import Task

FILE_FILTER = "Annotations (*.json *.jsonld);;All files (*)"


class NotesImporter(QObject):
    """Imports a W3C or Hypothesis file into a named layer; a failure is shown and changes nothing."""

    imported = Signal(object)  # the ImportResult

    def __init__(self, annotator: Annotator, window: QWidget) -> None:
        super().__init__(window)
        self._annotator = annotator
        self._window = window
        self._task: Task | None = None
        self._started: tuple[Path, str | None, str | None] = (Path(), None, None)

    @property
    def is_running(self) -> bool:
        return self._task is not None and self._task.is_running

    def ask_and_import(self) -> None:
        """Ask for the file and the layer's name, then read the file in the background."""
        if self.is_running:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        title = self._window.tr("Import Notes")
        chosen, _filter = QFileDialog.getOpenFileName(self._window, title, folder, FILE_FILTER)
        if not chosen:
            return
        path = Path(chosen)
        label = self._window.tr("Name of the layer for these notes:")
        name, accepted = QInputDialog.getText(self._window, title, label, text=path.stem)
        if not accepted:
            return
        self.start(path, name.strip() or None)

    def start(self, path: Path, layer: str | None, passphrase: str | None = None) -> None:
        from reader.notes.w3c_import import prepare_import

        self._started = (path, layer, passphrase)
        # The worker gets the report (immutable) and builds its own text index: nothing shared with the UI thread.
        work = functools.partial(prepare_import, passphrase=passphrase)
        self._task = Task(work, self._annotator.report, path, layer)
        self._task.succeeded.connect(self._on_task_succeeded)
        self._task.failed.connect(self._on_task_failed)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._task.start()

    def _on_task_succeeded(self, prepared) -> None:
        QGuiApplication.restoreOverrideCursor()
        try:
            result = self._annotator.apply_import(prepared)
        except ReaderError as error:
            show_error(self._window, error)
            return
        self.imported.emit(result)

    def _on_task_failed(self, error: ReaderError) -> None:
        from reader.notes.sealed_file import SealedFileError

        QGuiApplication.restoreOverrideCursor()
        path, layer, passphrase = self._started
        if isinstance(error, SealedFileError) and passphrase is None:
            self._ask_passphrase_and_start(path, layer)
            return
        show_error(self._window, error)

    def _ask_passphrase_and_start(self, path: Path, layer: str | None) -> None:
        """A sealed notes file: ask for its own passphrase (not shown as it is typed), then read it again."""
        title = self._window.tr("Import Notes")
        label = self._window.tr("{0} is sealed. Its passphrase:").format(path.name)
        passphrase, accepted = QInputDialog.getText(self._window, title, label, QLineEdit.EchoMode.Password)
        if accepted and passphrase:
            self.start(path, layer, passphrase)
