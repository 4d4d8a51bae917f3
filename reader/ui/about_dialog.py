"""The About box: app version, which edition of which report is bundled, the licence, and whether it runs portable."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from reader import __version__
from reader.content import Report
from reader.ui.html_escape import escape

LICENCE = "GPL-3.0-or-later"
PORTABLE_PROPERTY = "portable"  # set on the main window by `ui.app.build_main_window` from `Folders.portable`


class AboutDialog(QDialog):
    """Version, edition date, source, content checksum, licence, portable mode and the corrections made.

    `portable` says whether every user file is kept beside the app (`reader.paths.is_portable`); left out, it is
    read from the parent window's `portable` property. Nothing of the build machine (no path) is shown.
    """

    def __init__(self, report: Report, parent: QWidget | None = None, *, portable: bool | None = None) -> None:
        super().__init__(parent)
        if portable is None:
            portable = bool(parent is not None and parent.property(PORTABLE_PROPERTY))
        self.setObjectName("aboutDialog")
        self.setAccessibleName(self.tr("About Field Reader"))
        self.setWindowTitle(self.tr("About Field Reader"))
        manifest = report.manifest
        corrections = "".join(f"<li>{escape(item)}</li>" for item in manifest.corrections)
        rows = [
            (self.tr("Report"), manifest.title),
            (self.tr("Publisher"), manifest.publisher),
            (self.tr("Edition date"), manifest.edition_date),
            (self.tr("Language"), manifest.language),
            # Who published it and under what title: the manifest's `source` names the file it was taken from.
            (self.tr("Source"), f"{manifest.publisher}, “{manifest.title}”"),
            (self.tr("Licence"), f"{LICENCE} (Field Reader)"),
            (
                self.tr("Portable"),
                self.tr("yes: notes, preferences and caches are kept in data/ beside the program")
                if portable
                else self.tr("no"),
            ),
        ]
        table = "".join(
            f"<tr><td><b>{escape(name)}</b>&#160;&#160;</td><td>{escape(value)}</td></tr>" for name, value in rows
        )
        text = (
            f"<h2>Field Reader {__version__}</h2>"
            f"<p>{self.tr('An offline reader: it never connects to the network.')}</p>"
            f"<table>{table}</table>"
            f"<p><b>{self.tr('Content checksum (SHA-256)')}</b><br>"
            f"<code style='font-size: small'>{report.checksum}</code></p>"
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
