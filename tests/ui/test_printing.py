"""Printing and PDF with the reader's work: a section, a range or the whole report, highlights, end notes, preview."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QDialog, QPushButton, QRadioButton

from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.note import COLOR_HEX, Color, Style
from reader.notes.store import NoteStore
from reader.ui import printing

NOTE = "Ask the clinic about the checkpoint cameras"


@pytest.fixture
def noted_window(make_window, report: Report, data_dir: Path):
    """A window over two highlights: a yellow one with a note in "Automated Apartheid", a pink underline elsewhere."""
    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, "red-wolf-p2", 0, 8), text=NOTE, color=Color.YELLOW)
        store.add(anchor_from_selection(report, "mass-displacement-p2", 0, 14), color=Color.PINK, style=Style.UNDERLINE)
    return make_window()


def answer_print_options(qtbot, configure: Callable[[QDialog], None], button: str = "printAccept") -> list[str]:
    """When the print options dialog opens, set it up as a reader would and press a button; returns what was seen."""
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.objectName())
        configure(dialog)
        dialog.findChild(QPushButton, button).click()

    QTimer.singleShot(0, answer)
    return seen


def save_to(monkeypatch, path: Path) -> list[str]:
    """The save dialog answers `path`; returns the file names it was opened with."""
    offered: list[str] = []

    def get_save_file_name(parent, title, suggested, *args, **kwargs):
        offered.append(suggested)
        return str(path), ""

    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", get_save_file_name)
    return offered


def choose(name: str) -> Callable[[QDialog], None]:
    return lambda dialog: dialog.findChild(QRadioButton, name).setChecked(True)


class PdfText:
    """The text of a PDF, compared without spaces (a PDF reader guesses them from the gaps between glyphs)."""

    def __init__(self, path: Path) -> None:
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)
        self._text = "".join(text.split())

    def __contains__(self, words: str) -> bool:
        return "".join(words.split()) in self._text


def pdf_text(path: Path) -> PdfText:
    return PdfText(path)


def page_colors(path: Path, folder: Path) -> set[tuple[int, int, int]]:
    """Every colour on every page, as pdftoppm draws them (60 dpi)."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(folder / "page")], check=True)
    colors: set[tuple[int, int, int]] = set()
    for image_path in sorted(folder.glob("page*.png")):
        with Image.open(image_path) as image:
            colors.update(color for _count, color in image.convert("RGB").getcolors(maxcolors=1 << 24))
    return colors


def on_paper(color: Color, alpha: int) -> tuple[int, int, int]:
    hex_color = COLOR_HEX[color]
    rgb = [int(hex_color[index : index + 2], 16) for index in (1, 3, 5)]
    return tuple(round(255 - (255 - value) * alpha / 255) for value in rgb)


def near(color: tuple[int, int, int], colors: set[tuple[int, int, int]]) -> bool:
    return any(all(abs(a - b) <= 6 for a, b in zip(color, other, strict=True)) for other in colors)


def test_the_pdf_of_the_current_section_has_its_highlight_and_end_note(noted_window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "out" / "section.pdf"
    target.parent.mkdir()
    save_to(monkeypatch, target)
    noted_window.go_to("red-wolf")
    seen = answer_print_options(qtbot, lambda dialog: dialog.findChild(QCheckBox, "printNotes").setChecked(True))

    noted_window.findChild(QAction, "actionExportPdf").trigger()

    assert seen == ["printOptionsDialog"]
    text = pdf_text(target)
    assert "Automated Apartheid" in text
    assert "Mass displacement" not in text  # only the section being read
    assert "[1]" in text and NOTE in text and "¶2" in text
    assert noted_window.statusBar().currentMessage().startswith("Saved")
    if shutil.which("pdftoppm"):
        assert near(on_paper(Color.YELLOW, 110), page_colors(target, tmp_path))


def test_the_whole_report_prints_every_section_with_every_highlight(noted_window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "report.pdf"
    save_to(monkeypatch, target)
    answer_print_options(qtbot, choose("printWholeReport"))

    noted_window.findChild(QAction, "actionExportPdf").trigger()

    text = pdf_text(target)
    assert "Overview" in text and "Automated Apartheid" in text and "Mass displacement" in text
    assert NOTE not in text  # notes only when asked
    if shutil.which("pdftoppm"):
        colors = page_colors(target, tmp_path)
        assert near(on_paper(Color.YELLOW, 110), colors)
        assert near(on_paper(Color.PINK, 40), colors)  # the underline's faint shade


def test_a_range_of_sections_prints_those_and_no_others(noted_window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "range.pdf"
    offered = save_to(monkeypatch, target)

    def from_genocide_to_mass_displacement(dialog: QDialog) -> None:
        dialog.findChild(QRadioButton, "printSectionRange").setChecked(True)
        first, last = dialog.findChild(QComboBox, "printFromSection"), dialog.findChild(QComboBox, "printToSection")
        first.setCurrentIndex(first.findData("genocide"))
        last.setCurrentIndex(last.findData("mass-displacement"))

    answer_print_options(qtbot, from_genocide_to_mass_displacement)
    noted_window.findChild(QAction, "actionExportPdf").trigger()

    text = pdf_text(target)
    assert "What is genocide?" in text and "Mass displacement" in text
    assert "Automated Apartheid" not in text and "Blocked humanitarian aid" not in text
    assert Path(offered[0]).name == "genocide-to-mass-displacement.pdf"


def test_print_preview_shows_the_pages(noted_window, qtbot):
    pages: list[int] = []

    def look_at_preview() -> None:
        preview = QApplication.activeModalWidget()
        assert preview.objectName() == "printPreviewDialog"
        pages.append(preview.findChild(QPrintPreviewWidget).pageCount())
        preview.reject()

    def answer_and_wait_for_preview(dialog: QDialog) -> None:
        dialog.findChild(QRadioButton, "printWholeReport").setChecked(True)
        QTimer.singleShot(0, look_at_preview)

    answer_print_options(qtbot, answer_and_wait_for_preview, button="printPreview")
    noted_window.findChild(QAction, "actionPrintPreview").trigger()

    assert pages and pages[0] > 2


def test_cancelling_the_options_writes_nothing(noted_window, qtbot, tmp_path, monkeypatch):
    offered = save_to(monkeypatch, tmp_path / "never.pdf")

    def cancel() -> None:
        QApplication.activeModalWidget().reject()

    QTimer.singleShot(0, cancel)
    noted_window.findChild(QAction, "actionExportPdf").trigger()

    assert offered == [] and not (tmp_path / "never.pdf").exists()


def test_while_the_notes_are_locked_highlights_cannot_be_chosen(window, qtbot, monkeypatch, tmp_path):
    window._on_lock_notes_closing()  # as the lock does: the notes feature goes
    save_to(monkeypatch, tmp_path / "plain.pdf")
    states: list[tuple[bool, bool]] = []

    def look(dialog: QDialog) -> None:
        states.append(
            (
                dialog.findChild(QCheckBox, "printHighlights").isEnabled(),
                dialog.findChild(QCheckBox, "printNotes").isEnabled(),
            )
        )

    answer_print_options(qtbot, look)
    window.findChild(QAction, "actionExportPdf").trigger()

    assert states == [(False, False)]
    assert (tmp_path / "plain.pdf").read_bytes().startswith(b"%PDF")


def test_printing_while_the_notes_are_still_being_read_prints_every_highlight(
    make_window, qtbot, report: Report, data_dir: Path
) -> None:
    """The notes are read a slice per turn after the window appears: asked for meanwhile, the page still gets all."""
    from PySide6.QtCore import QObject

    from reader.notes.note import MY_LAYER, ImportedNote
    from reader.ui.print_document import marks_from

    paragraphs = [paragraph for paragraph in report.paragraphs() if len(paragraph.text) > 20]
    with NoteStore(data_dir) as store:
        store.add_imported(
            MY_LAYER,
            [
                ImportedNote(key=f"n{number}", anchor=anchor_from_selection(report, paragraph.id, 0, 12))
                for number, paragraph in enumerate(paragraphs * (1200 // len(paragraphs) + 1))
            ][:1200],
        )
    window = make_window()
    annotator = window.findChild(QObject, "notesFeature").annotator
    qtbot.waitUntil(lambda: annotator.is_loading and 0 < len(annotator.notes()) < 1200, timeout=10_000)

    assert len(marks_from(annotator)) == 1200
