"""Printing, previewing or saving as PDF a section, a range of sections or the whole report, with the reader's
highlights and notes when asked (`print_document.py` builds the page, `print_options.py` asks what to print)."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.content import Report, Section
from reader.errors import ReaderError
from reader.ui.annotator import Annotator
from reader.ui.dialog_folders import PDF, DialogFolders
from reader.ui.print_document import marks_from, printable_document, section_and_subsections
from reader.ui.window_state import fit_on_screen

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog


class Purpose(enum.Enum):
    PRINT = "print"
    PREVIEW = "preview"
    PDF = "pdf"


def section_document(report: Report, section: Section, reference_mode: bool) -> QTextDocument:
    """A section and its subsections as printed without the reader's work, then a line citing the report."""
    return printable_document(report, section_and_subsections(report, section.id), reference_mode=reference_mode)


def print_report(
    parent: QWidget,
    report: Report,
    current_section_id: str,
    *,
    reference_mode: bool,
    annotator: Annotator | None,
    folders: DialogFolders,
    purpose: Purpose,
) -> Path | None:
    """Ask what to print, then print it, preview it or save it as a PDF; returns the PDF written, if any.

    `annotator` is None while the notes are locked (nothing of them can be printed). Raises ReaderError when a PDF
    cannot be written.
    """
    from reader.ui.print_options import PrintOptionsDialog

    labels = {
        Purpose.PRINT: QCoreApplication.translate("MainWindow", "&Print…"),
        Purpose.PREVIEW: QCoreApplication.translate("MainWindow", "&Show Preview"),
        Purpose.PDF: QCoreApplication.translate("MainWindow", "&Save as PDF…"),
    }
    dialog = PrintOptionsDialog(report, current_section_id, annotator is not None, labels[purpose], parent)
    try:
        if not dialog.exec():
            return None
        choice = dialog.choice()
        preview = dialog.preview_requested or purpose is Purpose.PREVIEW
    finally:
        dialog.deleteLater()
    marks = marks_from(annotator) if annotator is not None and choice.highlights else ()
    document = printable_document(
        report, choice.sections, reference_mode=reference_mode, marks=marks, with_notes=choice.notes
    )
    if preview:
        show_preview(parent, document)
        return None
    if purpose is Purpose.PRINT:
        print_document(parent, document)
        return None
    path = ask_pdf_path(parent, _file_stem(report, choice.sections), folders)
    if path is not None:
        export_pdf(document, path)
    return path


def _file_stem(report: Report, sections: tuple[Section, ...]) -> str:
    if len(sections) == len(report.sections):
        return "report"
    if section_and_subsections(report, sections[0].id) == sections:
        return sections[0].id
    return f"{sections[0].id}-to-{sections[-1].id}"


def ask_pdf_path(parent: QWidget, stem: str, folders: DialogFolders) -> Path | None:
    """Ask where to save the PDF, starting in the folder the last one went to; the folder chosen is remembered."""
    suggested = str(folders.start(PDF) / f"{stem}.pdf")
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("MainWindow", "Save as PDF"), suggested, "PDF (*.pdf)"
    )
    if not chosen:
        return None
    path = Path(chosen)
    path = path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
    folders.remember(PDF, path)
    return path


def _a4(device: QPagedPaintDevice) -> None:
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )


def export_pdf(document: QTextDocument, path: Path) -> None:
    """Write an A4 PDF; the file appears only once complete."""
    temporary = path.with_name(f".{path.name}.part")
    writer = QPdfWriter(str(temporary))
    _a4(writer)
    writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    writer.setCreator("Field Reader")
    document.print_(writer)
    del writer  # flushes and closes the file
    try:
        if temporary.stat().st_size == 0:
            raise ReaderError(
                QCoreApplication.translate(
                    "MainWindow", "Cannot save {0}: the PDF came out empty. Nothing was saved."
                ).format(path.name)
            )
        temporary.replace(path)
    except OSError as exc:
        raise ReaderError(
            QCoreApplication.translate("MainWindow", "Cannot save {0}: {1}. Choose another folder.").format(
                path, exc.strerror
            )
        ) from exc


def print_document(parent: QWidget, document: QTextDocument) -> None:
    """Ask for a printer and print the document on it."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _a4(printer)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    dialog.setAccessibleName(QCoreApplication.translate("MainWindow", "Print"))
    if dialog.exec() == QPrintDialog.DialogCode.Accepted:
        document.print_(printer)
    dialog.deleteLater()


def show_preview(parent: QWidget, document: QTextDocument) -> None:
    """Show the pages as they will print; the preview's own button prints them."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _a4(printer)
    preview = preview_dialog(parent, document, printer)
    preview.exec()
    preview.deleteLater()


def preview_dialog(parent: QWidget, document: QTextDocument, printer: QPrinter) -> QPrintPreviewDialog:
    """The preview of `document` on `printer` (kept by the caller while it is open): as large as the window it
    previews and wide enough for its whole toolbar, within the screen. Qt gives it two thirds of the screen, where
    the toolbar's last buttons, Print among them, were folded away behind its "»" on a 1024-pixel-wide screen."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    preview = QPrintPreviewDialog(printer, parent)
    preview.setObjectName("printPreviewDialog")
    preview.setAccessibleName(QCoreApplication.translate("MainWindow", "Print preview"))
    preview.setWindowTitle(QCoreApplication.translate("MainWindow", "Print Preview"))
    preview.paintRequested.connect(document.print_)
    fit_on_screen(preview, preview.sizeHint().expandedTo(parent.window().size()))
    return preview
