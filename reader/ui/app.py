"""Starting the window: build the shared objects once and hand them to `MainWindow`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader import paths
from reader.content import load_report
from reader.errors import ReaderError
from reader.glossary import load_glossary
from reader.prefs import Preferences

START_TIMEOUT_MS = 60_000


def run_window(args: argparse.Namespace) -> int:
    """Open the reading window; with `--exit-after-start`, exit 0 once the document has been painted."""
    if _no_display():
        print(
            "field-reader: there is no display to open a window on; run it in a desktop session, "
            "or use a command such as `field-reader sections` (see `field-reader --help`).",
            file=sys.stderr,
        )
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Field Reader")
    app.setOrganizationName("Field Reader")
    app.setDesktopFileName("field-reader")
    try:
        report = load_report(args.content)
        glossary = load_glossary(report)
        data_folder = paths.data_dir()
        cache_folder = paths.cache_dir()
    except ReaderError as error:
        print(f"field-reader: {error}", file=sys.stderr)
        if not args.exit_after_start:
            from reader.ui.errors import show_error

            show_error(None, error)
        return 1
    from reader.ui.errors import install_excepthook

    install_excepthook(data_folder)
    try:
        window = build_main_window(report, glossary, data_folder, cache_folder)
    except ReaderError as error:  # e.g. the notes database is locked or from a newer version
        print(f"field-reader: {error}", file=sys.stderr)
        if not args.exit_after_start:
            from reader.ui.errors import show_error

            show_error(None, error)
        return 1
    if args.exit_after_start:
        window.document.first_painted.connect(app.quit)
        QTimer.singleShot(START_TIMEOUT_MS, lambda: app.exit(1))
    window.show()
    if window.notes.recovery_message and not args.exit_after_start:
        from reader.ui.errors import show_error

        QTimer.singleShot(0, lambda: show_error(window, window.notes.recovery_message or ""))
    return app.exec()


def _no_display() -> bool:
    # WORKAROUND: without a display Qt aborts the process with a multi-line message; say it in one line instead.
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def build_main_window(report, glossary, data_folder: Path, cache_folder: Path):
    """Build the shared objects for one window (also what the tests' `window` fixture uses)."""
    prefs = Preferences(data_folder)

    def html_for(options):
        from reader.render_cache import cached_report_html

        return cached_report_html(report, options, cache_folder, glossary)

    from reader.notes import NoteStore
    from reader.ui.main_window import MainWindow

    notes = NoteStore(data_folder)  # the window closes it when it closes
    window = MainWindow(report, prefs, html_for, glossary=glossary, notes=notes)
    if prefs.load_problem:
        window.statusBar().showMessage(prefs.load_problem, 10_000)
    if notes.recovery_message:
        window.statusBar().showMessage(notes.recovery_message, 60_000)
    return window
