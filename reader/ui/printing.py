"""Printing a section, or saving it as a PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QStandardPaths
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.content import Report, Section
from reader.errors import ReaderError
from reader.render import RenderOptions, render_section


def section_document(report: Report, section: Section, reference_mode: bool) -> QTextDocument:
    """A printable document: the section, then a line naming the report, publisher and edition.

    Paper is white whatever the screen's theme, so the section is always set in the light theme.
    """
    from reader.ui import themes

    options = RenderOptions(reference_mode=reference_mode)
    css = themes.document_css(themes.THEMES["light"])
    manifest = report.manifest
    footer = (
        f'<p class="attribution"><br/>{manifest.title}. {manifest.publisher}, edition of {manifest.edition_date}.</p>'
    )
    document = QTextDocument()
    document.setDefaultStyleSheet(css)
    document.setHtml(f"<html><body>{render_section(section, options)}{footer}</body></html>")
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, section.title)
    return document


def ask_pdf_path(parent: QWidget, section: Section) -> Path | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = str(Path(folder) / f"{section.id}.pdf")
    chosen, _filter = QFileDialog.getSaveFileName(parent, parent.tr("Export Section as PDF"), suggested, "PDF (*.pdf)")
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def export_pdf(document: QTextDocument, path: Path) -> None:
    """Write an A4 PDF; the file appears only once complete."""
    temporary = path.with_name(f".{path.name}.part")
    writer = QPdfWriter(str(temporary))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    writer.setCreator("Field Reader")
    document.print_(writer)
    del writer  # flushes and closes the file
    try:
        if temporary.stat().st_size == 0:
            raise ReaderError(f"Cannot save {path.name}: the PDF came out empty. Nothing was saved.")
        temporary.replace(path)
    except OSError as exc:
        raise ReaderError(f"Cannot save {path}: {exc.strerror}. Choose another folder.") from exc


def save_section_as_pdf(parent: QWidget, report: Report, section: Section, reference_mode: bool) -> Path | None:
    """Ask where to save the section as a PDF and write it there; the file written, or None when cancelled.

    Raises ReaderError when it cannot be written.
    """
    path = ask_pdf_path(parent, section)
    if path is not None:
        export_pdf(section_document(report, section, reference_mode), path)
    return path


def print_section(parent: QWidget, report: Report, section: Section, reference_mode: bool) -> None:
    """Ask for a printer and print the section on it."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    document = section_document(report, section, reference_mode)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    if dialog.exec() == QPrintDialog.DialogCode.Accepted:
        document.print_(printer)
