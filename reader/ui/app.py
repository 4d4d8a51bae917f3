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
        data_folder = paths.data_dir()
        cache_folder = paths.cache_dir()
        from reader.ui.errors import install_excepthook

        install_excepthook(data_folder)
        window = build_main_window(report, None, data_folder, cache_folder)
    except ReaderError as error:
        _tell(None, str(error), args)
        return 1
    if args.exit_after_start:
        window.document.first_painted.connect(app.quit)
        QTimer.singleShot(START_TIMEOUT_MS, lambda: app.exit(1))
    window.notes_recovered.connect(lambda message: _tell(window, message, args))
    window.notes_unavailable.connect(lambda message: _refuse_to_continue(app, window, message, args))
    window.show()
    code = app.exec()
    if args.exit_after_start:
        # Nothing was opened for writing yet and nothing is left to save: skip tearing down every object.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def _tell(window, message: str, args: argparse.Namespace) -> None:
    """One line on stderr and, unless this is a smoke test, in a message box."""
    print(f"field-reader: {message}", file=sys.stderr)
    if not args.exit_after_start:
        from reader.ui.errors import show_error

        show_error(window, message)


def _refuse_to_continue(app: QApplication, window, message: str, args: argparse.Namespace) -> None:
    """Without a working notes database nothing the reader writes would be safe: say so, then exit 1."""
    _tell(window, message, args)
    window.hide()
    app.exit(1)


def _no_display() -> bool:
    # WORKAROUND: without a display Qt aborts the process with a multi-line message; say it in one line instead.
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def build_main_window(report, glossary, data_folder: Path, cache_folder: Path):
    """Build the shared objects for one window (also what the tests' `window` fixture uses).

    `glossary` may be None: it is then loaded from the content folder only when first needed (after the first
    paint, or to render a page missing from the cache), so it never delays the start.
    """
    prefs = Preferences(data_folder)
    load_glossary = _glossary_loader(report) if glossary is None else lambda: glossary

    def html_for(options):
        from reader.render_cache import cached_report_html

        return cached_report_html(report, options, cache_folder, load_glossary)

    def open_notes():
        from reader.notes.store import NoteStore

        return NoteStore(data_folder)  # the window closes it when it closes

    from reader.ui.main_window import MainWindow

    window = MainWindow(report, prefs, html_for, glossary=load_glossary, notes=open_notes)
    if prefs.load_problem:
        window.statusBar().showMessage(prefs.load_problem, 10_000)
    return window


def _glossary_loader(report):
    """Load the glossary once, on first use; a broken glossary file leaves the report readable without one."""
    loaded = []

    def load():
        if not loaded:
            from reader.glossary import Glossary, load_glossary

            try:
                loaded.append(load_glossary(report))
            except ReaderError as error:
                print(f"field-reader: {error}", file=sys.stderr)
                loaded.append(Glossary((), report))
        return loaded[0]

    return load
