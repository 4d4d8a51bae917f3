"""Starting the window: the application, the crash log, then `MainWindow` over the objects one run shares."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from reader import PROGRAM
from reader.errors import ReaderError
from reader.prefs import Preferences
from reader.ui.platform_start import (
    cannot_open_display,
    ensure_utf8_locale,
    make_application,
    no_display,
    unreachable_x_display,
)

if TYPE_CHECKING:
    from reader.app_objects import AppObjects
    from reader.render import RenderOptions
    from reader.ui.main_window import MainWindow
    from reader.ui.single_instance import SingleInstance

START_TIMEOUT_MS = 60_000
COLLECT_GARBAGE_BY_MS = 5_000  # at the latest (`_collect_garbage_once_painted`)
QT_SETTINGS_FOLDER = "qt"  # in the data folder: Qt's own settings (`keep_qt_settings_in`)


def run_window(build: Callable[[], AppObjects], data_folder: Path, *, exit_after_start: bool) -> int:
    """Open the reading window over what `build()` returns and run until it closes; the exit code.

    Bugs are logged in `data_folder`. A `ReaderError` from `build()` (say, a broken content folder) is told in
    one line. With `exit_after_start`, exit 0 once the document has been painted. One window per data folder: when
    one is open already, it is brought to the front and this start exits 0 (`single_instance`).
    """
    if no_display():
        print(
            f"{PROGRAM}: there is no display to open a window on; run it in a desktop session, "
            f"or use a command such as `{PROGRAM} sections` (see `{PROGRAM} --help`).",
            file=sys.stderr,
        )
        return 1
    unreachable = unreachable_x_display()
    if unreachable is not None:
        print(cannot_open_display(unreachable), file=sys.stderr)
        return 1
    ensure_utf8_locale()
    # Start-up makes many lasting objects and next to no garbage: no collections until the page is up (`_run`;
    # `__main__` turns them off already before Qt is imported).
    gc.disable()
    try:
        return _start(build, data_folder, exit_after_start=exit_after_start)
    finally:
        gc.enable()


def keep_qt_settings_in(data_folder: Path) -> None:
    """Qt's own user settings (the file dialogs' history and last folder, `QtProject.conf`) go into `data_folder`'s
    `qt/` rather than the home folder's `.config`, so a portable copy writes nothing in the home folder. Before any
    file dialog opens: `_run` calls it once the page is painted, which the type's import (half a millisecond) would
    otherwise delay."""
    from PySide6.QtCore import QSettings

    folder = str(data_folder / QT_SETTINGS_FOLDER)
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, folder)


def _start(build: Callable[[], AppObjects], data_folder: Path, *, exit_after_start: bool) -> int:
    """Make the application, claim the data folder and run the window (see `run_window`)."""
    app = QApplication.instance() or make_application()
    app.setApplicationName("Field Reader")
    app.setOrganizationName("Field Reader")
    app.setDesktopFileName(PROGRAM)
    _install_language(app, data_folder)
    from reader.ui.single_instance import Claim, SingleInstance

    # Before the window is built, so a second start waits milliseconds, not a whole start-up, for its answer.
    instance = SingleInstance(data_folder, app)
    if instance.claim() is Claim.HANDED_OVER:
        print(f"{PROGRAM}: the reader is already open; bringing it to the front.", file=sys.stderr)
        return 0
    try:
        code = _run(app, build, data_folder, instance, exit_after_start=exit_after_start)
    finally:
        instance.release()
    if exit_after_start:
        # Nothing was opened for writing yet and nothing is left to save: skip tearing down every object.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def _run(
    app: QApplication,
    build: Callable[[], AppObjects],
    data_folder: Path,
    instance: SingleInstance,
    *,
    exit_after_start: bool,
) -> int:
    """Build and show the window, send the guard's requests to it, and run until it closes; the exit code."""
    _log_bugs_in(data_folder)
    try:
        objects = build()
        window = build_main_window(objects)
    except ReaderError as error:
        _tell(None, error, exit_after_start)
        return 1
    if exit_after_start:
        window.leave_preferences_alone()  # a smoke test or a timing run must not change the reader's layout
        window.document.first_painted.connect(app.quit)
        QTimer.singleShot(START_TIMEOUT_MS, lambda: app.exit(1))
    window.notes_recovered.connect(lambda message: _tell(window, message, exit_after_start))
    window.notes_unavailable.connect(lambda message: _refuse_to_continue(app, window, message, exit_after_start))
    _collect_garbage_once_painted(window)
    _keep_qt_settings_once_painted(window, data_folder)
    if not exit_after_start:  # a scripted check of the paint has no taskbar to show and no session to end it
        _set_icon_once_painted(app, window, objects.folders.icons)
        _close_on_session_end_once_painted(window)
    window.show()
    instance.attach(window)
    # Later starts are answered once the page is up: watching the folder for their requests never delays the paint.
    window.document.first_painted.connect(lambda: QTimer.singleShot(0, instance.listen))
    return app.exec()


def _collect_garbage_once_painted(window: MainWindow) -> None:
    """Garbage collection (off from the start) comes back once the page is up, on the UI thread only
    (`ui_thread_collection`); the first collection walks all the start made, so it waits a turn more. A window not
    painted at once (opened minimised, say) gets it back a few seconds in."""

    def collect() -> None:
        from reader.ui.ui_thread_collection import collect_on_ui_thread

        collect_on_ui_thread(QApplication.instance())

    window.document.first_painted.connect(lambda: QTimer.singleShot(0, collect))
    QTimer.singleShot(COLLECT_GARBAGE_BY_MS, collect)


def _keep_qt_settings_once_painted(window: MainWindow, data_folder: Path) -> None:
    """Qt's settings go into the data folder (`keep_qt_settings_in`) once the page is up, before anything can open a
    file dialog; a window not painted at once gets it a few seconds in, as garbage collection does."""
    window.document.first_painted.connect(lambda: keep_qt_settings_in(data_folder))
    QTimer.singleShot(COLLECT_GARBAGE_BY_MS, lambda: keep_qt_settings_in(data_folder))


def _close_on_session_end_once_painted(window: MainWindow) -> None:
    """From the first paint on, a logout, a shutdown or a closed terminal closes the window as Close would, saving
    what it saves (`ui/closing_signals.py`); before it, nothing is open to save, and the default action stays."""

    def watch() -> None:
        from reader.ui.closing_signals import ClosingSignals

        if window.findChild(ClosingSignals) is None:
            ClosingSignals(QApplication.closeAllWindows, window)  # an open dialog is closed too, as at a Close

    window.document.first_painted.connect(watch)
    QTimer.singleShot(COLLECT_GARBAGE_BY_MS, watch)


def _set_icon_once_painted(app: QApplication, window: MainWindow, icons: Path | None) -> None:
    """Every window shows Field Reader's icon (`window_icon`), not Qt's generic one, from the first paint on: reading
    the PNGs and handing them to the desktop never delays it. A window not painted at once gets it a few seconds in."""

    def set_icon() -> None:
        from reader.ui.window_icon import set_window_icon

        set_window_icon(app, icons)  # once: a second call leaves the icon alone

    window.document.first_painted.connect(set_icon)
    QTimer.singleShot(COLLECT_GARBAGE_BY_MS, set_icon)


def _log_bugs_in(data_folder: Path) -> None:
    """Bugs are logged and told from here on (`ui.errors.install_excepthook`); its message box is imported only
    when a bug happens, not on every start."""

    def first_bug(kind, value, trace) -> None:
        from reader.ui.errors import install_excepthook

        install_excepthook(data_folder)
        sys.excepthook(kind, value, trace)

    sys.excepthook = first_bug


def build_main_window(objects: AppObjects) -> MainWindow:
    """The reading window over the shared objects (also what the tests' `window` fixture uses).

    The glossary is loaded only when first needed (after the first paint, or to render a page missing from the
    cache), so it never delays the start.
    """
    folders = objects.folders
    prefs = Preferences(folders.data, sealed=objects.privacy.is_on)  # the reading position opens with the lock

    def html_for(options: RenderOptions) -> str:
        from reader.render_cache import cached_report_html

        return cached_report_html(objects.report, options, folders.cache, objects.glossary, folders.bundled_cache)

    from reader.ui.main_window import MainWindow

    window = MainWindow(
        objects.report,
        prefs,
        html_for,
        glossary=objects.glossary,
        open_notes=objects.open_notes,
        privacy=objects.privacy,
        bundled_index=folders.bundled_index,
        cache_folder=folders.cache,
        prepare_notes=objects.prepare_notes,
    )
    window.setProperty("portable", folders.portable)  # the About box says so
    # The notes database is checked on a thread of its own from the turn after the first paint on, while the chrome
    # is built: the notes feature, a few turns later, opens it without checking on the UI thread.
    window.document.first_painted.connect(lambda: QTimer.singleShot(0, objects.begin_notes_check))
    from reader.ui.language import document_direction, reads_right_to_left

    # The report keeps its own direction when the interface is right to left (an English report in an English
    # interface is already left to right: nothing to set, and Qt's enum namespace stays off the start-up path).
    if QApplication.isRightToLeft() or reads_right_to_left(objects.report.manifest.language):
        window.document.setLayoutDirection(document_direction(objects.report.manifest.language))
    if prefs.load_problem:
        from reader.ui.error_text import error_text

        window.statusBar().showMessage(error_text(prefs.load_problem), 10_000)
    return window


def _install_language(app: QApplication, data_folder: Path) -> None:
    """The interface's translators and direction, before any window is built: a few small `.qm` files."""
    from reader.ui.language import install_translators, interface_language

    choice = Preferences(data_folder).language  # not a private value: readable with the lock on
    install_translators(app, interface_language(choice))  # each translator is a child of `app`


def _tell(window: QWidget | None, message: ReaderError | str, exit_after_start: bool) -> None:
    """One line on stderr (a core error in English) and, unless this is a smoke test, in a message box."""
    print(f"{PROGRAM}: {message}", file=sys.stderr)
    if not exit_after_start:
        from reader.ui.errors import show_error

        show_error(window, message)


def _refuse_to_continue(app: QApplication, window: QWidget, message: str, exit_after_start: bool) -> None:
    """Without a working notes database nothing the reader writes would be safe: say so, then exit 1."""
    _tell(window, message, exit_after_start)
    window.hide()
    app.exit(1)
