"""`BelowList`: the notes panel's second part, the imported layers and other reports' notes under the list (the last
import's result above it)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QWidget

from reader.notes.note import Note
from reader.ui.annotator import Annotator
from reader.ui.folding_header import FoldMemory
from reader.ui.notes_layers_box import NotesLayersBox
from reader.ui.notes_panel_import_summary import ImportSummary, build_import_summary
from reader.ui.notes_panel_list_pane import ListPane

# Written as the notes panel's strings (context "NotesPanel"), where their translations are.


@dataclass(frozen=True, slots=True)
class BelowList:
    """Under the list the imported layers and the notes from other reports; above it, the last import's result."""

    layers_box: NotesLayersBox
    show_others: QPushButton
    others: QListWidget
    import_summary: ImportSummary

    def fit_others_maximum(self, row_height: int) -> None:
        """Notes from other reports: a few rows at most."""
        self.others.setMaximumHeight(3 * row_height + 2 * self.others.frameWidth())

    def fill_other_reports(self, others: tuple[Note, ...]) -> None:
        """Notes from other reports (other content packs): counted always, listed only when asked, never placed."""
        self.show_others.setVisible(bool(others))
        self.show_others.setText(
            QCoreApplication.translate("NotesPanel", "Notes from other reports ({0})").format(len(others))
        )
        shown = bool(others) and self.show_others.isChecked()
        self.others.setVisible(shown)
        self.others.clear()
        if not shown:
            return
        for note in others:
            text = QCoreApplication.translate("NotesPanel", "From another report ({0}): “{1}”").format(
                note.report, note.quote
            )
            if note.text:
                text += f" — {note.text}"
            item = QListWidgetItem(text, self.others)
            item.setToolTip(
                QCoreApplication.translate("NotesPanel", "Made on another report; it is not placed in this one.")
            )


def build_below_list(panel: QWidget, pane: ListPane, annotator: Annotator, folds: FoldMemory) -> BelowList:
    """Under the list: the imported layers, the notes from other reports; above it, the last import's result."""
    top = pane.notes_list.parentWidget()
    layers_box = NotesLayersBox(annotator, top, folds)
    show_others = QPushButton(top)
    show_others.setObjectName("notesShowOtherReports")
    show_others.setAccessibleName(QCoreApplication.translate("NotesPanel", "Show notes made on other reports"))
    show_others.setCheckable(True)
    others = QListWidget(top)
    others.setObjectName("notesOtherReports")
    others.setAccessibleName(
        QCoreApplication.translate("NotesPanel", "Notes made on other reports (not placed in this report)")
    )
    others.setWordWrap(True)
    others.hide()
    summary = build_import_summary(top)
    summary.close.clicked.connect(lambda: summary.close_passing_focus(pane.notes_list))
    below = BelowList(layers_box, show_others, others, summary)
    below.fit_others_maximum(pane.row_height())
    layers_box.hide()  # until the notes are listed: shown when there are imported layers
    show_others.hide()  # and when there are notes from other reports
    column = pane.column
    column.insertWidget(column.indexOf(pane.filters) + 1, below.import_summary.box)
    for widget in (layers_box, show_others, others):
        column.addWidget(widget)
    from reader.ui.accessibility import name_unnamed_parts

    name_unnamed_parts(panel)  # the lists' scroll bars
    return below
