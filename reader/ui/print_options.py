"""`PrintOptionsDialog`: what to print or save as PDF: a section, a range of sections or the whole report, with
the reader's highlights and notes or without."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.content import Report, Section
from reader.ui.eliding_combo_box import ElidingComboBox
from reader.ui.print_document import section_and_subsections
from reader.ui.window_state import fit_on_screen

# Room for a title's first words: a long title ends with "…" (whole in its tooltip) rather than widen the dialog
# past a small screen.
TITLE_CHARACTERS = 24


@dataclass(frozen=True, slots=True)
class PrintChoice:
    """The sections to print, in reading order, and what of the reader's work goes with them."""

    sections: tuple[Section, ...]
    highlights: bool
    notes: bool


class PrintOptionsDialog(QDialog):
    """Asks what to print; `preview_requested` is True when the reader chose Preview rather than the main button.

    `notes_available` is False while the notes are locked: the highlight and note choices are then off, and say so.
    """

    def __init__(
        self,
        report: Report,
        current_section_id: str,
        notes_available: bool,
        action_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printOptionsDialog")
        self.setAccessibleName(self.tr("Print options"))
        self.setWindowTitle(self.tr("Print"))
        self._report = report
        self._current = current_section_id if report.has_section(current_section_id) else report.sections[0].id
        self.preview_requested = False

        title = report.section(self._current).title
        current_label = self.tr("The current section, “{0}”, with its subsections")
        self._current_radio = QRadioButton(current_label.format(self._shortened(title)), self)
        self._current_radio.setObjectName("printCurrentSection")
        self._current_radio.setAccessibleName(current_label.format(title))
        self._current_radio.setToolTip(title)
        self._range_radio = QRadioButton(self.tr("Sections from:"))
        self._range_radio.setObjectName("printSectionRange")
        self._whole_radio = QRadioButton(self.tr("The whole report"))
        self._whole_radio.setObjectName("printWholeReport")
        self._current_radio.setChecked(True)
        self._from = self._section_box("printFromSection", self.tr("First section to print"))
        self._to = self._section_box("printToSection", self.tr("Last section to print"))
        index = report.index_of(self._current)
        self._from.setCurrentIndex(index)
        self._to.setCurrentIndex(index)
        self._from.activated.connect(lambda _index: self._range_radio.setChecked(True))
        self._to.activated.connect(lambda _index: self._range_radio.setChecked(True))

        self._highlights = QCheckBox(self.tr("&Highlights, in their colours and styles"), self)
        self._highlights.setObjectName("printHighlights")
        self._notes = QCheckBox(self.tr("&Notes, numbered in the text and printed at the end with their ¶"), self)
        self._notes.setObjectName("printNotes")
        self._highlights.setChecked(notes_available)
        for box in (self._highlights, self._notes):
            box.setAccessibleName(box.text().replace("&", ""))
            box.setEnabled(notes_available)
        self._locked = QLabel(self.tr("Your notes are locked: unlock them first to print them."), self)
        self._locked.setObjectName("printNotesLocked")
        self._locked.setTextFormat(Qt.TextFormat.PlainText)
        self._locked.setVisible(not notes_available)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("printButtons")
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(action_label)
        ok.setObjectName("printAccept")
        preview = QPushButton(self.tr("Pre&view…"), self)
        preview.setObjectName("printPreview")
        preview.setAccessibleName(self.tr("Preview"))
        buttons.addButton(preview, QDialogButtonBox.ButtonRole.ActionRole)
        preview.clicked.connect(self._on_preview_clicked)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        to_label = QLabel(self.tr("to"), self)
        to_label.setObjectName("printToLabel")
        to_label.setBuddy(self._to)

        # The range takes two rows, "from" above "to", so that the dialog stays narrow at large text sizes.
        grid = QGridLayout()
        grid.addWidget(self._current_radio, 0, 0, 1, 2)
        grid.addWidget(self._range_radio, 1, 0)
        grid.addWidget(self._from, 1, 1)
        grid.addWidget(to_label, 2, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self._to, 2, 1)
        grid.addWidget(self._whole_radio, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addWidget(self._highlights)
        layout.addWidget(self._notes)
        layout.addWidget(self._locked)
        layout.addWidget(buttons)
        fit_on_screen(self, self.sizeHint())

    def _shortened(self, title: str) -> str:
        room = self.fontMetrics().averageCharWidth() * TITLE_CHARACTERS
        return self.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, room)

    def _section_box(self, name: str, accessible: str) -> QComboBox:
        """A list of the sections, indented by level; as wide as TITLE_CHARACTERS, the chosen title ending with
        "…" when longer (whole in its tooltip and in the open list)."""
        box = ElidingComboBox(self)
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(TITLE_CHARACTERS)
        for section in self._report.sections:
            box.addItem("  " * max(0, section.level - 1) + section.title, section.id)
            box.setItemData(box.count() - 1, section.title, Qt.ItemDataRole.ToolTipRole)
        return box

    def choice(self) -> PrintChoice:
        """What the reader chose (read once the dialog is accepted)."""
        sections = self._report.sections
        if self._whole_radio.isChecked():
            chosen = tuple(sections)
        elif self._range_radio.isChecked():
            first, last = sorted((self._from.currentIndex(), self._to.currentIndex()))
            chosen = tuple(sections[first : last + 1])
        else:
            chosen = section_and_subsections(self._report, self._current)
        highlights = self._highlights.isEnabled() and self._highlights.isChecked()
        notes = self._notes.isEnabled() and self._notes.isChecked()
        return PrintChoice(chosen, highlights or notes, notes)

    def _on_preview_clicked(self) -> None:
        self.preview_requested = True
        self.accept()
