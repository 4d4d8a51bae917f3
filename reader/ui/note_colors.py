"""How the highlight colours look in the window: swatch icons, and the shade of each colour for lines and marks.

A highlight's background is the colour itself (`COLOR_HEX`, also what exports and handouts write), laid thinly over
the page so the text keeps 4.5:1. A line or mark in the colour (an underline, an imported note's dashed line, a
bookmark's ribbon) must stand out 3:1 from the page itself (WCAG 1.4.11), so it is drawn in a shade of the colour
chosen for light or dark pages (tests/ui/test_contrast.py checks each theme).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap

from reader.notes.note import COLOR_HEX, Color

# The same hues, darker for light pages (white, sepia) and lighter where needed for dark ones (dark, high contrast).
MARKS_ON_LIGHT_PAGES = {
    Color.YELLOW: "#8e7e06",
    Color.GREEN: "#388546",
    Color.BLUE: "#2d79b8",
    Color.PINK: "#da207e",
    Color.PURPLE: "#8e4ec6",
    Color.ORANGE: "#c85007",
}
MARKS_ON_DARK_PAGES = {
    Color.YELLOW: "#f5d90a",
    Color.GREEN: "#46a758",
    Color.BLUE: "#3e8ed0",
    Color.PINK: "#e54d9a",
    Color.PURPLE: "#9254c8",
    Color.ORANGE: "#f76b15",
}


def mark_hex(color: Color, page: str) -> str:
    """The shade of `color` for lines and marks drawn on a page of colour `page` ("#rrggbb")."""
    dark_page = QColor(page).lightness() < 128
    return (MARKS_ON_DARK_PAGES if dark_page else MARKS_ON_LIGHT_PAGES)[color]


def color_icon(color: Color, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(COLOR_HEX[color]))
    return QIcon(pixmap)
