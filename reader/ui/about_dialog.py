"""The About box: app version, which edition of which report is bundled, the licence, and whether it runs portable."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from reader import __version__
from reader.content import Report
from reader.ui.html_escape import escape
from reader.ui.language import reads_right_to_left
from reader.ui.vertical_scroller import VerticalScroller
from reader.ui.window_state import fit_on_screen

WIDTH = 560

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
        # The body runs in the interface's direction (Arabic from the right); what is quoted from the report keeps
        # the report's own (an English title's closing quote and full stop stay at its end).
        direction = "rtl" if self.isRightToLeft() else "ltr"
        quoted = "rtl" if reads_right_to_left(manifest.language) else "ltr"
        corrections = "".join(f"<li dir='{quoted}'>{escape(item)}</li>" for item in manifest.corrections)
        rows = [
            (self.tr("Report"), manifest.title, quoted),
            (self.tr("Publisher"), manifest.publisher, quoted),
            (self.tr("Edition date"), manifest.edition_date, "ltr"),
            (self.tr("Language"), manifest.language, "ltr"),
            # Who published it and under what title: the manifest's `source` names the file it was taken from.
            (self.tr("Source"), f"{manifest.publisher}, “{manifest.title}”", quoted),
            (self.tr("Licence"), f"{LICENCE} (Field Reader)", "ltr"),
            (
                self.tr("Portable"),
                self.tr("yes: notes, preferences and caches are kept in data/ beside the program")
                if portable
                else self.tr("no"),
                direction,
            ),
        ]
        table = "".join(
            _row(escape(name), escape(value), value_direction, direction) for name, value, value_direction in rows
        )
        # WORKAROUND: Qt's rich text lays a table's columns out from the left whatever its direction; in a right-to-left
        # interface `_row` writes each value before its name, and the table stands against the right edge.
        table_tag = "<table align='right'>" if direction == "rtl" else "<table>"
        # Each string is translated on its own line: pyside6-lupdate collects no tr() written inside an f-string.
        offline = self.tr("An offline reader: it never connects to the network.")
        checksum = self.tr("Content checksum (SHA-256)")
        corrected = self.tr("Corrections to the source text")
        notices = self.tr(
            "Third-party licences: the THIRD-PARTY-NOTICES file and the LICENSES folder beside the program."
        )
        text = (
            f"<div dir='{direction}'>"
            f"<h2>Field Reader {__version__}</h2>"
            f"<p>{escape(offline)}</p>"
            f"{table_tag}{table}</table>"
            f"<p><b>{escape(checksum)}</b><br>"
            f"<code style='font-size: small'>{report.checksum}</code></p>"
            + (f"<p><b>{escape(corrected)}</b></p><ul>{corrections}</ul>" if corrections else "")
            + f"<p>Qt for Python (PySide6) {pyside_version}, LGPL-3.0</p><p>{escape(notices)}</p></div>"
        )
        label = QLabel(text, self)
        label.setObjectName("aboutText")
        label.setAccessibleName(self.tr("About Field Reader"))
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("aboutButtons")
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("aboutClose")
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        scroller = VerticalScroller(label, self)  # a small screen or large text: the text scrolls, Close stays
        scroller.setObjectName("aboutScroller")
        scroller.setAccessibleName(self.tr("About Field Reader"))
        layout = QVBoxLayout(self)
        layout.addWidget(scroller)
        layout.addWidget(buttons)
        # As wide as before, as tall as the wrapped text needs (it grew with the licences line), within the screen.
        margins = layout.contentsMargins()
        text_height = label.heightForWidth(
            WIDTH - margins.left() - margins.right() - scroller.verticalScrollBar().sizeHint().width()
        )
        height = text_height + buttons.sizeHint().height() + layout.spacing() + margins.top() + margins.bottom()
        fit_on_screen(self, QSize(WIDTH, height))


def _row(name: str, value: str, value_direction: str, direction: str) -> str:
    """One row of the table (name and value already escaped): the name first in the reading direction, so in a
    right-to-left interface it stands at the right with its value beside it on the left, against it."""
    named = f"<td><b>{name}</b>&#160;&#160;</td>"
    if direction == "ltr":
        return (
            f"<tr>{named}"
            + ("<td>" if value_direction == direction else f"<td dir='{value_direction}'>")
            + f"{value}</td></tr>"
        )
    return f"<tr><td dir='{value_direction}' align='right'>{value}</td>{named}</tr>"
