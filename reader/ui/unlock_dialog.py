"""`UnlockDialog`: asks for the passphrase; a wrong one is said in one line and the dialog stays open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from reader.ui.password_field import password_field


class UnlockDialog(QDialog):
    """`attempt(passphrase)` opens the lock and returns None, or returns the line saying why it did not."""

    def __init__(self, attempt: Callable[[str], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setAccessibleName(self.tr("Unlock notes"))
        self.setWindowTitle(self.tr("Unlock Notes"))
        self._attempt = attempt
        intro = QLabel(self.tr("Enter your passphrase to open your notes."), self)
        intro.setObjectName("unlockIntro")
        intro.setWordWrap(True)
        self.field = password_field(self, "unlockPassphrase", self.tr("Passphrase"))
        self.field.setMinimumWidth(260)
        self.error = QLabel(self)
        self.error.setObjectName("unlockError")
        self.error.setAccessibleName(self.tr("Why the notes did not open"))
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("font-weight: bold;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Unlock"))
        self.ok_button.setObjectName("unlockOk")
        self.ok_button.setAccessibleName(self.tr("Unlock"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("unlockCancel")
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.field)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.field.setFocus()

    def accept(self) -> None:
        problem = self._attempt(self.field.text())
        if problem is None:
            self.field.clear()
            super().accept()
            return
        self.error.setText(problem)
        self.error.show()
        self.adjustSize()  # a long line wraps: the dialog grows to show all of it
        self.field.clear()
        self.field.setFocus()

    def reject(self) -> None:
        self.field.clear()
        super().reject()
