"""`ProgressIndicator`: where the reader is in the report, in the status line: section n of m, and how far through."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from reader.content import Report
from reader.ui.document_view import DocumentView


class ProgressIndicator(QLabel):
    """ "Section 3 of 41 · 12 %": the section at the top of the view, and the share of the report's text (counted
    in characters, headings and paragraphs) that comes before the heading or paragraph at the top of the view.

    Worked out again once scrolling settles, and whenever the current section or the page changes.
    """

    def __init__(self, report: Report, document: DocumentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressIndicator")
        self.setAccessibleName(self.tr("Reading progress"))
        self.setContentsMargins(16, 0, 6, 0)  # apart from the section's name beside it
        self._report = report
        self._document = document
        self._before: dict[str, int] = {}  # characters of the report before each heading and paragraph
        self._section_number: dict[str, int] = {}
        total = 0
        for number, section in enumerate(report.sections, start=1):
            self._section_number[section.id] = number
            self._before[section.id] = total
            total += len(section.title)
            for paragraph in section.paragraphs:
                self._before[paragraph.id] = total
                total += len(paragraph.text)
        self._total = max(1, total)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.update_progress)
        document.scrolled.connect(self._timer.start)
        document.current_section_changed.connect(self._timer.start)
        document.reloaded.connect(self._timer.start)
        self.update_progress()

    def percent(self) -> int:
        """How far through the report the top of the view is, in whole percent."""
        top = self._document.top_paragraph_id()
        if top is None:
            return 0
        if self._document.verticalScrollBar().value() >= self._document.verticalScrollBar().maximum() > 0:
            return 100  # the end of the report is in view
        return min(100, self._before.get(top, 0) * 100 // self._total)

    def update_progress(self) -> None:
        self._timer.stop()
        section = self._document.current_section() or self._report.sections[0].id
        number, count = self._section_number.get(section, 1), len(self._report.sections)
        percent = self.percent()
        self.setText(self.tr("Section {0} of {1} · {2} %").format(number, count, percent))
        title = self._report.section(section).title if section in self._section_number else ""
        detail = self.tr("Section {0} of {1}, {2}; {3} percent of the report read up to the top of the view.")
        detail = detail.format(number, count, title, percent)
        self.setToolTip(detail)
        self.setAccessibleDescription(detail)
