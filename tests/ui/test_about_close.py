"""The About box's Close button has a stable name for screen readers and tests, and closes the box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from reader.ui.about_dialog import AboutDialog


def test_the_about_close_button_has_a_name_and_closes_the_box(qtbot, report) -> None:
    dialog = AboutDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    close = dialog.findChild(QPushButton, "aboutClose")

    assert close is not None and close.accessibleName() == "Close"
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
