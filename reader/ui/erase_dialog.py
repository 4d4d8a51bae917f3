"""`EraseDialog`: before erasing, the reader sees what goes and that the report stays; Cancel is the default."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.lock.erase import WHAT_GOES
from reader.ui.error_text import error_text


class EraseDialog(QMessageBox):
    """Asks to confirm erasing everything the reader wrote; `confirmed` once it has finished."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eraseDialog")
        self.setAccessibleName(self.tr("Erase notes and history"))
        self.setWindowTitle(self.tr("Erase My Notes and History"))
        self.setIcon(QMessageBox.Icon.Warning)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(self.tr("Erase everything you wrote in Field Reader on this computer?"))
        items = [error_text(item) for item in WHAT_GOES]  # core messages, in the interface's language
        gone = "\n".join(f"• {item[:1].upper()}{item[1:]}" for item in items)
        self.setInformativeText(
            self.tr("This removes:\n{0}\n\nThe report stays. Erased notes cannot be brought back.").format(gone)
        )
        self.erase_button = self.addButton(self.tr("&Erase Everything"), QMessageBox.ButtonRole.DestructiveRole)
        self.erase_button.setObjectName("eraseConfirm")
        self.erase_button.setAccessibleName(self.tr("Erase everything"))
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("eraseCancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.setDefaultButton(self.cancel_button)  # Enter erases nothing
        self.setEscapeButton(self.cancel_button)

    @property
    def confirmed(self) -> bool:
        """Whether the reader chose Erase (closing the dialog is cancelling)."""
        return self.clickedButton() is self.erase_button
