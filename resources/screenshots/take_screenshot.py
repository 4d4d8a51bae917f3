"""Take the README's screenshots of the real window (run under Xvfb; see the README).

Starts the app on a fresh data folder, goes to a section, highlights a passage and searches, as a reader would,
waits for it to settle, then grabs the screen area of the window into resources/screenshots/main-window.png
(or the path given). Options set the theme, the interface language, the size of the text (the desktop's text size,
as a reader who needs larger text sets it), the window's size, which panels are open, and presentation mode.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "main-window.png")
    parser.add_argument("--section", default="red-wolf")
    parser.add_argument("--theme", default="light")
    parser.add_argument("--search", default="facial recognition")
    parser.add_argument("--highlight", default="a complex network of checkpoints")
    parser.add_argument(
        "--size", default="1280x860", help="the window's size, or 'first-start' for the size a first start chooses"
    )
    parser.add_argument("--panels", action="store_true", help="show the glossary and notes panels too")
    parser.add_argument("--whole-screen", action="store_true", help="grab the whole screen, not just the window")
    parser.add_argument("--language", choices=("en", "ar"), default="en", help="the interface's language")
    parser.add_argument(
        "--text-scale", type=int, default=100, help="the desktop's text size in percent (200: text twice as large)"
    )
    parser.add_argument("--presentation", action="store_true", help="present (Shift+F11): the page alone, full screen")
    parser.add_argument("--note", help="open the notes panel on a note of this text about the highlighted passage")
    args = parser.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction, QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

    from reader.app_objects import build_app_objects
    from reader.paths import Folders
    from reader.prefs import Preferences
    from reader.ui.app import run_window

    data = Path(tempfile.mkdtemp(prefix="field-reader-shot-"))
    folders = Folders(data=data, cache=data / "cache", content=ROOT / "content", bundled_index=ROOT / "index")
    app = QApplication(sys.argv[:1])
    if args.text_scale != 100:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * args.text_scale / 100)
        app.setFont(font)
    prefs = Preferences(folders.data)
    prefs.language = args.language
    prefs.save()

    def prepare() -> None:
        window = next(widget for widget in app.topLevelWidgets() if widget.objectName() == "mainWindow")
        theme = "".join(part.capitalize() for part in args.theme.split("-"))
        window.findChild(QAction, "actionTheme" + theme).trigger()
        if args.size != "first-start":
            width, height = (int(part) for part in args.size.split("x"))
            window.setGeometry(0, 0, width, height)
        window.ensure_features()
        if args.panels:
            show_panel(window, "actionToggleNotes")
            show_panel(window, "actionToggleGlossary")
        window.go_to(args.section)
        # Show the app at work: a highlighted passage and a search with its hits.
        start, end = window.document.paragraph_span(f"{args.section}-p2")
        offset = window.document.toPlainText()[start:end].find(args.highlight)
        window.document.select_range(start + offset, start + offset + len(args.highlight))
        window.findChild(QAction, "actionHighlight").trigger()
        if args.note:
            show_panel(window, "actionToggleNotes")
            window.findChild(QAction, "actionFocusNotes").trigger()
            window.findChild(QPlainTextEdit, "noteText").insertPlainText(args.note)  # as typed; any script
        # Again once the panels have taken their room (the page keeps its scroll offset, not its place, when it
        # narrows).
        QTimer.singleShot(300, lambda: window.go_to(args.section))
        if args.presentation:
            QTimer.singleShot(600, lambda: window.findChild(QAction, "actionPresentation").trigger())
        else:
            QTimer.singleShot(600, lambda: search(window))
        QTimer.singleShot(2400, lambda: grab(window))

    def show_panel(window, toggle: str) -> None:
        action = window.findChild(QAction, toggle)
        if not action.isChecked():
            action.trigger()  # a dock's toggle acts when triggered, not when merely checked

    def search(window) -> None:
        window.findChild(QAction, "actionFocusSearch").trigger()
        QTest.keyClicks(window.findChild(QLineEdit, "searchField"), args.search)

    def grab(window) -> None:
        screen = QGuiApplication.primaryScreen()
        frame = screen.geometry() if args.whole_screen or args.presentation else window.frameGeometry()
        screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).save(str(args.out))
        print(f"saved {args.out}")
        app.quit()

    QTimer.singleShot(1000, prepare)
    return run_window(lambda: build_app_objects(folders), folders.data, exit_after_start=False)


if __name__ == "__main__":
    sys.exit(main())
