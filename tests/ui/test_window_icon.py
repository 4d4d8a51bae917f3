"""The window shows Field Reader's own icon (in the taskbar, Alt+Tab, its title bar), not Qt's generic one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QColor, QIcon, QImage

from reader.ui import app
from reader.ui.window_icon import ICON_SIZES, icon_file, set_window_icon

ROOT = Path(__file__).resolve().parent.parent.parent
ICONS = ROOT / "resources" / "icons"
OUR_BLUE = QColor("#1a5fb4")  # the icon's rounded square, around the page
ANTIALIASING_SHADES = 16


@pytest.fixture
def no_icon_yet(qapp):
    """The application as a start finds it: no icon of its own (an earlier test may have set one)."""
    before = qapp.windowIcon()
    qapp.setWindowIcon(QIcon())
    yield
    qapp.setWindowIcon(before)


def test_the_window_shows_our_icon_at_every_usual_size_once_painted(
    qapp, no_icon_yet, monkeypatch: pytest.MonkeyPatch, data_dir: Path, app_objects
):
    shown: dict[str, QIcon] = {}
    build_window = app.build_main_window

    def recording_build(objects):
        window = build_window(objects)

        def painted() -> None:
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, close))

        def close() -> None:
            shown["window"] = window.windowIcon()
            window.close()

        window.document.first_painted.connect(painted)
        return window

    monkeypatch.setattr(app, "build_main_window", recording_build)
    assert app.run_window(lambda: app_objects, data_dir, exit_after_start=False) == 0
    icon = shown["window"]
    assert not icon.isNull()
    assert icon.availableSizes() == [QSize(size, size) for size in ICON_SIZES]
    for size in ICON_SIZES:  # each size is our picture, not an empty or generic one
        image = icon.pixmap(QSize(size, size)).toImage()
        assert image.size() == QSize(size, size)
        assert image.pixelColor(size * 12 // 64, size // 2) == OUR_BLUE, size
    assert not qapp.windowIcon().isNull()  # dialogs opened later show it too


def test_without_the_rendered_icons_the_generic_icon_stays(qapp, no_icon_yet, tmp_path: Path):
    set_window_icon(qapp, tmp_path)  # a copy installed without its resources
    assert qapp.windowIcon().isNull()


def test_the_committed_icons_are_the_svg_rendered_again(tmp_path: Path):
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    script = ROOT / "resources" / "icons" / "render_icons.py"
    result = subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for size in ICON_SIZES:
        committed = QImage(str(icon_file(ICONS, size)))
        assert not committed.isNull(), f"{icon_file(ICONS, size).name} is missing: run render_icons.py"
        rendered = QImage(str(icon_file(tmp_path, size)))
        assert committed.size() == rendered.size()
        # Another Qt may smooth edges a shade differently; a changed drawing differs by far more.
        assert _largest_difference(committed, rendered) <= ANTIALIASING_SHADES, f"run render_icons.py ({size}px)"


def _largest_difference(first: QImage, second: QImage) -> int:
    """The largest difference of any colour or alpha channel of any pixel, 0 to 255."""
    channels = [bytes(image.convertToFormat(QImage.Format.Format_ARGB32).constBits()) for image in (first, second)]
    return max((abs(a - b) for a, b in zip(*channels, strict=True)), default=0)
