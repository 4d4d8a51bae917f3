"""Starting the window: what is left until after the first paint still works when it is needed."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest

from reader.ui import app
from reader.ui.ui_thread_collection import UiThreadCollector


def test_a_bug_after_the_start_is_logged_beside_the_notes(qtbot, monkeypatch: pytest.MonkeyPatch, data_dir: Path):
    shown: list[str] = []
    monkeypatch.setattr("reader.ui.errors.show_error", lambda parent, message, details="": shown.append(message))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(sys, "stderr", sys.stderr)
    app._log_bugs_in(data_dir)
    for _ in range(2):  # the first bug installs the real hook; the second goes straight to it
        try:
            raise ValueError("a bug")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    assert len(list((data_dir / "logs").glob("crash-*.log"))) >= 1
    assert len(shown) == 2 and all(message.startswith("Field Reader hit an unexpected problem") for message in shown)


def _collecting(qapp) -> str:
    """Who collects garbage now: the interpreter itself, the UI thread's collector, or nobody."""
    if gc.isenabled():
        return "interpreter"
    collector = qapp.findChild(UiThreadCollector, "uiThreadCollector")
    return "ui thread" if collector is not None else "nobody"


def _without_collector(qapp) -> None:
    """No UI-thread collector left from an earlier test: the next start makes its own."""
    collector = qapp.findChild(UiThreadCollector, "uiThreadCollector")
    if collector is not None:
        collector.setParent(None)  # Python's alone now, so gone with the last reference
        del collector


def test_garbage_is_not_collected_while_starting_and_is_again_just_after_the_first_paint(
    qapp, monkeypatch: pytest.MonkeyPatch, data_dir: Path, app_objects
):
    from PySide6.QtCore import QTimer

    _without_collector(qapp)
    collecting: dict[str, str] = {}
    build_window = app.build_main_window

    def recording_build(objects):
        collecting["while building"] = _collecting(qapp)
        window = build_window(objects)

        def painted() -> None:
            collecting["when painted"] = _collecting(qapp)
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, shown))

        def shown() -> None:
            collecting["a turn later"] = _collecting(qapp)
            window.close()

        window.document.first_painted.connect(painted)
        return window

    monkeypatch.setattr(app, "build_main_window", recording_build)
    assert app.run_window(lambda: app_objects, data_dir, exit_after_start=False) == 0
    assert collecting == {"while building": "nobody", "when painted": "nobody", "a turn later": "ui thread"}
    assert gc.isenabled()  # the window closed: the interpreter collects again (as for a command)


def test_the_window_starts_with_garbage_collection_off_and_a_failed_start_turns_it_back_on(
    monkeypatch: pytest.MonkeyPatch,
):
    from reader.__main__ import main

    collecting = []

    def run_window(build, data_folder, *, exit_after_start):
        collecting.append(gc.isenabled())
        raise RuntimeError("the window failed")

    monkeypatch.setattr(app, "run_window", run_window)
    with pytest.raises(RuntimeError):
        main([])
    assert collecting == [False]
    assert gc.isenabled()


def test_a_window_that_is_not_painted_yet_gets_garbage_collection_back_in_a_few_seconds(
    qtbot, qapp, monkeypatch: pytest.MonkeyPatch, app_objects
):
    _without_collector(qapp)
    window = app.build_main_window(app_objects)
    qtbot.addWidget(window)  # never shown, so never painted
    monkeypatch.setattr(app, "COLLECT_GARBAGE_BY_MS", 10)
    gc.disable()
    assert _collecting(qapp) == "nobody"
    app._collect_garbage_once_painted(window)
    qtbot.waitUntil(lambda: _collecting(qapp) == "ui thread", timeout=2000)
