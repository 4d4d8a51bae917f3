"""The window opens where it was closed: not a title bar lower at each start, which on a 1024×600 netbook soon put
the status line below the screen's edge."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QMainWindow

from reader.prefs import Preferences


def geometry_a_real_start_saved(qtbot, inside: QRect) -> str:
    """What closing a window with its inside at `inside` saves (the platform puts a frame around it)."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setGeometry(inside)
    window.show()
    qtbot.waitExposed(window)
    assert window.frameGeometry() != window.geometry()  # a frame, as a window manager draws
    return bytes(window.saveGeometry().toBase64()).decode("ascii")


def test_the_window_opens_where_it_was_closed(make_window, qtbot, data_dir: Path):
    available = QApplication.primaryScreen().availableGeometry()
    inside = QRect(available.left() + 80, available.top() + 60, 700, 450)
    prefs = Preferences(data_dir)
    prefs.window_geometry = geometry_a_real_start_saved(qtbot, inside)
    prefs.save()

    window = make_window()

    assert window.geometry() == inside


def test_a_window_saved_partly_off_the_screen_comes_back_whole_with_its_title_bar(make_window, qtbot, data_dir: Path):
    available = QApplication.primaryScreen().availableGeometry()
    inside = QRect(available.left() + 80, available.bottom() - 300, 700, 450)  # its foot below the screen's edge
    prefs = Preferences(data_dir)
    prefs.window_geometry = geometry_a_real_start_saved(qtbot, inside)
    prefs.save()

    window = make_window()

    assert available.contains(window.frameGeometry())
    assert window.geometry().size() == inside.size()
