"""The About box: app version, and which edition of which report is bundled."""

from __future__ import annotations

import html

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from reader import __version__
from reader.content import Report


class AboutDialog(QDialog):
    """Version, edition date, source, content checksum and the typographic corrections made."""

    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setAccessibleName(self.tr("About Field Reader"))
        self.setWindowTitle(self.tr("About Field Reader"))
        manifest = report.manifest
        corrections = "".join(f"<li>{html.escape(item)}</li>" for item in manifest.corrections)
        rows = [
            (self.tr("Report"), manifest.title),
            (self.tr("Publisher"), manifest.publisher),
            (self.tr("Edition date"), manifest.edition_date),
            (self.tr("Language"), manifest.language),
            (self.tr("Source"), manifest.source),
            (self.tr("Content checksum"), f"sha256:{report.checksum[:16]}…"),
        ]
        table = "".join(
            f"<tr><td><b>{html.escape(name)}</b>&#160;&#160;</td><td>{html.escape(value)}</td></tr>"
            for name, value in rows
        )
        text = (
            f"<h2>Field Reader {__version__}</h2>"
            f"<p>{self.tr('An offline reader: it never connects to the network.')}</p>"
            f"<table>{table}</table>"
            + (
                f"<p><b>{self.tr('Corrections to the source text')}</b></p><ul>{corrections}</ul>"
                if corrections
                else ""
            )
            + f"<p>Qt for Python (PySide6) {pyside_version}</p>"
        )
        label = QLabel(text, self)
        label.setObjectName("aboutText")
        label.setAccessibleName(self.tr("About Field Reader"))
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("aboutButtons")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)
        self.resize(560, 420)
