"""`password_field`: a line edit for a passphrase, never shown as it is typed, with its names set."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget


def password_field(parent: QWidget, name: str, accessible_name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setAccessibleName(accessible_name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field
