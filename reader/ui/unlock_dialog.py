"""`UnlockDialog`: asks for the passphrase; a wrong one is said in one line and the dialog stays open.

Checking a passphrase takes about half a second (scrypt, on purpose) and happens off the UI thread: meanwhile the
dialog says so, and its field and buttons wait, so the window goes on painting and answering.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from reader.ui.accessibility import announce
from reader.ui.background_call import Answer
from reader.ui.password_field import password_field


class UnlockDialog(QDialog):
    """`attempt(passphrase, answer)` begins opening the lock and calls `answer` once it is done (now or later).

    `tried` is emitted once each attempt's outcome is shown.
    """

    tried = Signal()

    def __init__(self, attempt: Callable[[str, Answer], None], parent: QWidget | None = None) -> None:
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
        self.status = QLabel(self.tr("Checking the passphrase…"), self)
        self.status.setObjectName("unlockStatus")
        self.status.setAccessibleName(self.tr("Checking the passphrase"))
        self.status.hide()
        self._trying = False
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Unlock"))
        self.ok_button.setObjectName("unlockOk")
        self.ok_button.setAccessibleName(self.tr("Unlock"))
        cancel = self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
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
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.field.setFocus()

    @property
    def is_trying(self) -> bool:
        """Whether a passphrase is being checked (the dialog waits for the answer)."""
        return self._trying

    def accept(self) -> None:
        if self._trying:
            return
        self._set_trying(True)
        self._attempt(self.field.text(), self._on_answer)

    def reject(self) -> None:
        if self._trying:  # the lock opens or not whatever the dialog does now: it waits to say which
            return
        self.field.clear()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._trying:
            event.ignore()
            return
        super().closeEvent(event)

    def _on_answer(self, problem: str | None) -> None:
        self._set_trying(False)
        self.field.clear()
        if problem is None:
            super().accept()
        else:
            self.error.setText(problem)
            self.error.show()
            self.adjustSize()  # a long line wraps: the dialog grows to show all of it
            self.field.setFocus()
            announce(self.error, problem)  # the field, focused again, is what a screen reader says otherwise
        self.tried.emit()

    def _set_trying(self, trying: bool) -> None:
        self._trying = trying
        for widget in (self.field, self.ok_button, self.cancel_button):
            widget.setEnabled(not trying)
        self.status.setVisible(trying)
        if trying:
            self.error.hide()
            announce(self.status, self.status.text())
