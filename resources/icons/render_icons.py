"""Render the window icon's PNGs (field-reader-<size>.png) from field-reader.svg, beside it, with Qt's SVG renderer.

Run it from the checkout after changing the SVG, and commit the PNGs with it:

    .venv/bin/python resources/icons/render_icons.py [--out FOLDER]

The app reads the PNGs (`reader/ui/window_icon.py`), so it never loads Qt's SVG plugins for its icon.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="the folder to write into (default: beside the SVG)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from reader.ui.window_icon import ICON_SIZES, icon_file

    application = QGuiApplication(sys.argv[:1])  # noqa: F841 (QPainter needs one)
    renderer = QSvgRenderer(str(HERE / "field-reader.svg"))
    if not renderer.isValid():
        print(f"render_icons: {HERE / 'field-reader.svg'} is not an SVG Qt can render", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = icon_file(args.out, size)
        if not image.convertToFormat(QImage.Format.Format_ARGB32).save(str(path), "PNG"):
            print(f"render_icons: cannot write {path}", file=sys.stderr)
            return 1
        print(f"{path.name}: {size}x{size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
