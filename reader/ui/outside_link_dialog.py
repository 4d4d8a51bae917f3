"""`OutsideLinkDialog`: before anything leaves the app, the reader sees the whole address and chooses."""

from __future__ import annotations

import enum
import re

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

OUTSIDE_SCHEMES = frozenset({"http", "https", "mailto"})
_BREAK_AFTER = re.compile(r"([/?&=#.@-])")
_ZERO_WIDTH_SPACE = "\u200b"


class Choice(enum.Enum):
    OPEN = "open"
    COPY = "copy"
    CANCEL = "cancel"


def is_outside_link(url: QUrl) -> bool:
    """Whether a link leads out of the app: a web page or an e-mail address."""
    return url.scheme().lower() in OUTSIDE_SCHEMES


def shown_address(url: QUrl) -> str:
    """The address exactly as it will be sent: percent-encoded, with the host in its ASCII form, so that
    look-alike letters and hidden direction marks cannot disguise where it leads."""
    return bytes(url.toEncoded()).decode("ascii")


class OutsideLinkDialog(QMessageBox):
    """Asks whether to open an outside link in the browser, copy its address, or do nothing."""

    def __init__(self, url: QUrl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outsideLinkDialog")
        self.setAccessibleName(self.tr("Open a link outside Field Reader"))
        self.setWindowTitle(self.tr("Link to Outside the Report"))
        self.setIcon(QMessageBox.Icon.Question)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.address = shown_address(url)
        mail = url.scheme().lower() == "mailto"
        self.setText(
            self.tr("This link opens your e-mail program to write to:")
            if mail
            else self.tr("This link leads to a page outside the report:")
        )
        # Long addresses may wrap after their punctuation; the address copied or opened is the real one.
        self.setInformativeText(_BREAK_AFTER.sub(rf"\1{_ZERO_WIDTH_SPACE}", self.address))
        self._buttons = {
            Choice.OPEN: self.addButton(self.tr("Open in Browser"), QMessageBox.ButtonRole.AcceptRole),
            Choice.COPY: self.addButton(self.tr("Copy Address"), QMessageBox.ButtonRole.ActionRole),
            Choice.CANCEL: self.addButton(QMessageBox.StandardButton.Cancel),
        }
        if mail:
            self._buttons[Choice.OPEN].setText(self.tr("Open in E-mail Program"))
        names = {
            Choice.OPEN: ("outsideLinkOpen", self.tr("Open the link")),
            Choice.COPY: ("outsideLinkCopy", self.tr("Copy the address")),
            Choice.CANCEL: ("outsideLinkCancel", self.tr("Cancel")),
        }
        for choice, (object_name, accessible_name) in names.items():
            self._buttons[choice].setObjectName(object_name)
            self._buttons[choice].setAccessibleName(accessible_name)
        self.setDefaultButton(self._buttons[Choice.CANCEL])  # Enter does nothing harmful
        self.setEscapeButton(self._buttons[Choice.CANCEL])

    def choice_button(self, choice: Choice) -> QAbstractButton:
        return self._buttons[choice]

    def choose(self) -> Choice:
        """Show the dialog and return what the reader chose (closing it is cancelling)."""
        self.exec()
        clicked = self.clickedButton()
        return next((choice for choice, button in self._buttons.items() if button is clicked), Choice.CANCEL)


def follow_outside_link(url: QUrl, parent: QWidget | None = None) -> Choice:
    """Ask about an outside link and do what the reader chose; nothing is opened without their say."""
    if not is_outside_link(url):
        return Choice.CANCEL
    dialog = OutsideLinkDialog(url, parent)
    try:
        choice = dialog.choose()
    finally:
        dialog.deleteLater()
    if choice is Choice.OPEN:
        QDesktopServices.openUrl(url)
    elif choice is Choice.COPY:
        QGuiApplication.clipboard().setText(dialog.address)
    return choice
