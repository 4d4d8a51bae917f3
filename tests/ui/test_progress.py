"""The reading progress in the status line: section n of m and how far through the report, as the reader moves."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def progress(window) -> tuple[int, int, int]:
    label = window.findChild(QLabel, "progressIndicator")
    match = re.fullmatch(r"Section (\d+) of (\d+) · (\d+) %", label.text())
    assert match, label.text()
    return int(match[1]), int(match[2]), int(match[3])


def test_progress_starts_at_the_beginning_and_has_an_accessible_name(window, report):
    label = window.findChild(QLabel, "progressIndicator")
    assert label.isVisible()
    assert label.accessibleName() == "Reading progress"
    assert progress(window) == (1, len(report.sections), 0)
    assert "percent of the report" in label.accessibleDescription()


def test_progress_follows_jumps_and_scrolling(window, report, qtbot):
    window.go_to("blocked-humanitarian-aid")
    number = report.index_of("blocked-humanitarian-aid") + 1
    qtbot.waitUntil(lambda: progress(window)[0] == number)
    _, _, middle = progress(window)
    assert 0 < middle < 100
    assert report.section("blocked-humanitarian-aid").title in window.findChild(QLabel, "progressIndicator").toolTip()

    window.document.verticalScrollBar().setValue(window.document.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: progress(window)[2] == 100)
    assert progress(window)[0] == len(report.sections)

    qtbot.keyClick(window.document, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    window.go_to(report.sections[0].id)
    qtbot.waitUntil(lambda: progress(window) == (1, len(report.sections), 0))
