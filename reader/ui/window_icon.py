"""Field Reader's own window icon: PNGs rendered from its SVG at the usual sizes (`resources/icons/render_icons.py`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon

# Pixels square: the sizes desktops ask a window for. Not 256: Qt keeps each size decoded once shown, and that one
# alone would hold a quarter of a megabyte; a desktop wanting it scales the 128 up or uses the installed SVG.
ICON_SIZES = (16, 24, 32, 48, 64, 128)


def icon_file(folder: Path, size: int) -> Path:
    """The PNG of the icon at `size` pixels square."""
    return folder / f"field-reader-{size}.png"


def window_icon(folder: Path) -> QIcon:
    """The icon at every size whose PNG is there (each is read only when Qt first asks for it).

    PNGs, not the SVG: Qt reads PNG itself, while an SVG icon would load Qt's SVG icon engine and renderer plugins.
    """
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_file(folder, size)
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def set_window_icon(application: QGuiApplication, folder: Path | None) -> None:
    """Give every window of `application` our icon, once: an icon already set stays, and without the PNGs (a copy
    installed without its resources) the desktop's generic icon stays, as before."""
    if folder is None or not application.windowIcon().isNull():
        return
    icon = window_icon(folder)
    if not icon.isNull():
        application.setWindowIcon(icon)
