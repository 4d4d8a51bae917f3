"""`ImportSummary`: what the last import did, shown whole above the notes list until closed."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

# Written as the notes panel's strings (context "NotesPanel"), where their translations are.


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What the last import did, in full, above the list (the status line cuts it on a small screen), with a button
    that puts it away; hidden until an import is done."""

    box: QFrame
    label: QLabel
    close: QToolButton

    def show(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleDescription(text)
        self.box.show()

    def close_passing_focus(self, to: QWidget) -> None:
        """Put the result away; the focus, if it was on its button, goes on to `to` rather than nowhere."""
        had_focus = self.box.isAncestorOf(QApplication.focusWidget())
        self.box.hide()
        if had_focus:
            to.setFocus(Qt.FocusReason.OtherFocusReason)


def build_import_summary(parent: QWidget) -> ImportSummary:
    """The import's result, made in `parent` and hidden."""
    box = QFrame(parent)
    box.setObjectName("notesImportSummaryBox")
    box.setAccessibleName(QCoreApplication.translate("NotesPanel", "Result of the last import"))
    box.setFrameShape(QFrame.Shape.StyledPanel)
    summary = QLabel(box)
    summary.setObjectName("notesImportSummary")
    summary.setAccessibleName(QCoreApplication.translate("NotesPanel", "Result of the last import"))
    summary.setTextFormat(Qt.TextFormat.PlainText)
    summary.setWordWrap(True)
    summary.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    # Wrapped to the panel's width, never widening it (a long word is cut at the panel's edge instead).
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)  # as tall as its lines wrapped to the width it gets
    summary.setSizePolicy(policy)
    summary.setMinimumWidth(1)
    close = QToolButton(box)
    close.setObjectName("notesImportSummaryClose")
    close.setText("×")
    close.setAccessibleName(QCoreApplication.translate("NotesPanel", "Close the import result"))
    close.setToolTip(QCoreApplication.translate("NotesPanel", "Close the import result"))
    close.setAutoRaise(True)
    close.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it, Space closes
    row = QHBoxLayout(box)
    row.setContentsMargins(4, 2, 2, 2)
    row.addWidget(summary, 1)
    row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
    box.hide()
    return ImportSummary(box, summary, close)
