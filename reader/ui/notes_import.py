"""`NotesImporter`: asks for a notes file, reads and checks it off the UI thread, then asks for the layer's name
(proposing one from the file) and adds it all or nothing."""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.errors import ReaderError
from reader.ui.annotator import Annotator
from reader.ui.dialog_folders import NOTES_IMPORT, DialogFolders
from reader.ui.errors import show_error
from reader.ui.isolates import in_own_direction
from reader.ui.question_dialog import ask_text
from reader.ui.tasks import Task

if TYPE_CHECKING:
    from reader.notes.w3c_import import PreparedImport

FILE_FILTER = "Annotations (*.json *.jsonld);;All files (*)"


class NotesImporter(QObject):
    """Imports a W3C or Hypothesis file into a named layer; a failure is shown and changes nothing."""

    imported = Signal(object)  # the ImportResult

    def __init__(self, annotator: Annotator, window: QWidget, folders: DialogFolders | None = None) -> None:
        super().__init__(window)
        self._annotator = annotator
        self._window = window
        self._folders = folders or DialogFolders()
        self._task: Task | None = None
        self._started: tuple[Path, str | None, str | None] = (Path(), None, None)
        self._writing = False
        annotator.imported.connect(self._on_annotator_imported)
        annotator.import_failed.connect(self._on_annotator_import_failed)

    @property
    def is_running(self) -> bool:
        """Whether a file is being read, or its notes written (the cursor shows the window is busy meanwhile)."""
        return (self._task is not None and self._task.is_running) or self._writing

    def ask_and_import(self) -> None:
        """Ask for the file (starting in the folder the last one came from), then read and check it in the
        background; the layer's name is asked once the file is known to be good."""
        if self.is_running:
            return
        title = QCoreApplication.translate("MainWindow", "Import Notes")
        folder = str(self._folders.start(NOTES_IMPORT))
        chosen, _filter = QFileDialog.getOpenFileName(self._window, title, folder, FILE_FILTER)
        if not chosen:
            return
        path = Path(chosen)
        self._folders.remember(NOTES_IMPORT, path)
        self.start(path, None)

    def start(self, path: Path, layer: str | None, passphrase: str | None = None) -> None:
        """Read and check `path` off the UI thread; with no `layer`, its name is asked once the file is read."""
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
        if self._started[1] is None:
            prepared = self._ask_layer(prepared)
            if prepared is None:
                return
        # Written a slice per event-loop turn, in one transaction: the window keeps answering, busy meanwhile.
        self._writing = True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._annotator.start_import(prepared)

    def _on_annotator_imported(self, result) -> None:
        if self._end_writing():
            self.imported.emit(result)

    def _on_annotator_import_failed(self, error: ReaderError) -> None:
        if self._end_writing():
            show_error(self._window, error)

    def _end_writing(self) -> bool:
        """Whether the import the annotator finished is this importer's (then the busy cursor goes)."""
        if not self._writing:
            return False
        self._writing = False
        QGuiApplication.restoreOverrideCursor()
        return True

    def _ask_layer(self, prepared: PreparedImport) -> PreparedImport | None:
        """Ask the layer's name, proposing the file's; None when the reader cancels, or names a layer notes cannot be
        imported into (the reader's own: said in one line), and nothing is added."""
        from reader.notes.note import MY_LAYER
        from reader.notes.w3c_import import check_import_layer

        title = QCoreApplication.translate("MainWindow", "Import Notes")
        count = len(prepared.notes)
        label = QCoreApplication.translate("MainWindow", "{0} holds {1} notes. Name of the layer for them:").format(
            in_own_direction(prepared.source), count
        )
        proposed = "" if prepared.layer == MY_LAYER else prepared.layer  # a file named after the reader's own layer
        name = ask_text(self._window, title, label, text=proposed)
        if name is None:
            return None
        try:
            return dataclasses.replace(prepared, layer=check_import_layer(name.strip() or prepared.layer))
        except ReaderError as error:
            show_error(self._window, error)
            return None

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
        title = QCoreApplication.translate("MainWindow", "Import Notes")
        label = QCoreApplication.translate("MainWindow", "{0} is sealed. Its passphrase:").format(
            in_own_direction(path.name)
        )
        passphrase = ask_text(self._window, title, label, password=True)
        if passphrase:
            self.start(path, layer, passphrase)
