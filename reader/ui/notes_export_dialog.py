"""`NotesExportDialog`: choose a format, which notes and a file, then write a handout or a W3C notes file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.content import Report
from reader.errors import ReaderError
from reader.notes.export import ExportFormat, export_notes
from reader.notes.note import Note
from reader.ui.busy import busy
from reader.ui.dialog_folders import NOTES_EXPORT, DialogFolders
from reader.ui.error_text import error_text
from reader.ui.password_field import password_field

if TYPE_CHECKING:
    from reader.notes.anchoring import ReportText
    from reader.notes.sealed_file import NotesFileSealer

FORMAT_LABELS = {
    ExportFormat.MARKDOWN: QT_TRANSLATE_NOOP("Labels", "Markdown handout (.md)"),
    ExportFormat.HTML: QT_TRANSLATE_NOOP("Labels", "HTML handout (.html)"),
    ExportFormat.PDF: QT_TRANSLATE_NOOP("Labels", "PDF handout (.pdf)"),
    ExportFormat.JSON: QT_TRANSLATE_NOOP("Labels", "Notes file for another reader (W3C Web Annotation .json)"),
}


class NotesExportDialog(QDialog):
    """Exports all notes or those the notes panel lists; "safe export" leaves out names and dates."""

    def __init__(
        self,
        report: Report | ReportText,
        all_notes: Sequence[Note],
        listed_notes: Sequence[Note],
        parent: QWidget | None = None,
        folders: DialogFolders | None = None,
        data_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_folder = data_folder  # never exported into: its files are the notes, their backups and the lock
        self.setObjectName("notesExportDialog")
        self.setAccessibleName(self.tr("Export notes"))
        self.setWindowTitle(self.tr("Export Notes"))
        self._report = report
        self._all = tuple(all_notes)
        self._listed = tuple(listed_notes)
        self.written: Path | None = None
        self._folders = folders or DialogFolders()

        self._format = QComboBox(self)
        self._format.setObjectName("exportFormat")
        self._format.setAccessibleName(self.tr("Format"))
        for export_format, label in FORMAT_LABELS.items():
            self._format.addItem(self.tr(label), export_format.value)
        self._every = QRadioButton(self.tr("All notes ({0})").format(len(self._all)), self)
        self._every.setObjectName("exportAllNotes")
        self._filtered = QRadioButton(self.tr("Notes listed in the notes panel ({0})").format(len(self._listed)), self)
        self._filtered.setObjectName("exportListedNotes")
        self._every.setChecked(True)
        self._safe = QCheckBox(self.tr("Safe export: leave out author names and dates"), self)
        self._safe.setObjectName("exportSafe")
        self._seal = QCheckBox(
            self.tr("Seal the file with a passphrase (only a reader given it can open the file)"), self
        )
        self._seal.setObjectName("exportSeal")
        self._passphrase = password_field(self, "exportPassphrase", self.tr("Passphrase for the file"))
        self._repeat = password_field(self, "exportRepeatPassphrase", self.tr("Passphrase for the file again"))
        self._path = QLineEdit(self)
        self._path.setObjectName("exportPath")
        self._path.setAccessibleName(self.tr("Save as"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.setObjectName("exportBrowse")
        path_row = QHBoxLayout()
        path_row.addWidget(self._path, 1)
        path_row.addWidget(browse)
        self._problem = QLabel(self)
        self._problem.setObjectName("exportProblem")
        self._problem.setWordWrap(True)
        self._problem.setTextFormat(Qt.TextFormat.PlainText)
        self._problem.hide()
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._buttons.setObjectName("exportButtons")

        form = QFormLayout()
        form.addRow(self.tr("Format:"), self._format)
        form.addRow(self.tr("Notes:"), self._every)
        form.addRow("", self._filtered)
        form.addRow("", self._safe)
        form.addRow("", self._seal)
        form.addRow(self.tr("Passphrase:"), self._passphrase)
        form.addRow(self.tr("Again:"), self._repeat)
        self._form = form
        form.addRow(self.tr("Save as:"), path_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._problem)
        layout.addWidget(self._buttons)

        self._path.setText(str(self._folders.start(NOTES_EXPORT) / "notes.md"))
        self._format.currentIndexChanged.connect(self._on_format_changed)
        self._seal.toggled.connect(self._update_sealing)
        # The file's key takes a third of a second to derive: it is begun as soon as both passphrase fields agree,
        # while the reader chooses the file, so that Save waits only for the writing.
        self._sealer: NotesFileSealer | None = None
        self._sealer_passphrase: str | None = None
        for field in (self._passphrase, self._repeat):
            field.textChanged.connect(self._begin_key_when_passphrases_agree)
        self._update_sealing()
        browse.clicked.connect(self._on_browse_clicked)
        self._buttons.accepted.connect(self._on_save_clicked)
        self._buttons.rejected.connect(self.reject)

    def chosen_format(self) -> ExportFormat:
        return ExportFormat(self._format.currentData())

    def _update_sealing(self) -> None:
        """Only a W3C notes file can be sealed (handouts are for anyone); the passphrase rows show when asked."""
        can_seal = self.chosen_format() is ExportFormat.JSON
        self._seal.setEnabled(can_seal)
        if not can_seal:
            self._seal.setChecked(False)
        sealing = self._seal.isChecked()
        for field in (self._passphrase, self._repeat):
            self._form.setRowVisible(field, sealing)

    def _on_format_changed(self, _index: int) -> None:
        self._update_sealing()
        text = self._path.text().strip()
        if text:
            self._path.setText(str(Path(text).with_suffix("." + self.chosen_format().value)))

    def _on_browse_clicked(self) -> None:
        export_format = self.chosen_format()
        file_filter = f"{FORMAT_LABELS[export_format]} (*.{export_format.value})"
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Export Notes"), self._path.text(), file_filter)
        if chosen:
            self._path.setText(chosen)

    def _on_save_clicked(self) -> None:
        text = self._path.text().strip()
        if not text:
            self._show_problem(self.tr("Choose a file to save the notes in."))
            return
        export_format = self.chosen_format()
        path = Path(text).expanduser()
        if path.suffix.lower() != "." + export_format.value:
            path = path.with_name(path.name + "." + export_format.value)
        notes = self._listed if self._filtered.isChecked() else self._all
        passphrase = sealer = None
        if self._seal.isChecked():
            passphrase = self._passphrase.text()
            if passphrase != self._repeat.text():
                self._show_problem(self.tr("The two passphrases differ; nothing was written."))
                return
            if passphrase == self._sealer_passphrase:
                passphrase, sealer = None, self._sealer
        try:
            with busy():
                self.written = export_notes(
                    path,
                    export_format,
                    notes,
                    self._report,
                    safe=self._safe.isChecked(),
                    passphrase=passphrase,
                    sealer=sealer,
                    away_from=self._data_folder,
                )
        except ReaderError as error:
            self._show_problem(error_text(error))
            return
        self._folders.remember(NOTES_EXPORT, self.written)
        self.accept()

    def done(self, result: int) -> None:
        """Closing, however it closes, lets go of a key derived for the file."""
        self._sealer = self._sealer_passphrase = None
        super().done(result)

    def _begin_key_when_passphrases_agree(self, _text: str) -> None:
        """Start deriving the file's key once both fields hold the same passphrase, long enough to be taken."""
        from reader.notes.sealed_file import MIN_PASSPHRASE, NotesFileSealer

        passphrase = self._passphrase.text()
        if passphrase == self._sealer_passphrase or passphrase != self._repeat.text():
            return
        if len(passphrase) < MIN_PASSPHRASE:
            return  # Save says why, and writes nothing
        self._sealer, self._sealer_passphrase = NotesFileSealer(passphrase), passphrase

    def _show_problem(self, message: str) -> None:
        self._problem.setText(message)
        self._problem.show()
