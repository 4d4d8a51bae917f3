"""A logout, a shutdown, a closed terminal or Ctrl+C in it (SIGTERM, SIGHUP, SIGINT) closes the window as its Close
does: the reader's place is saved and the data folder is let go, where the signal's default action would stop the
reader at once (or, for Ctrl+C, raise KeyboardInterrupt in whatever ran next)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from reader.ui.closing_signals import ClosingSignals
from reader.ui.single_instance import LOCK_NAME, RAISE_TOKEN, REQUEST_NAME

from .test_single_instance import put


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_closing_signal_closes_the_window_as_close_does(qtbot, tmp_path: Path, number: int) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "READER_DATA_DIR": str(folder)}
    log = (tmp_path / "reader.log").open("w")
    reader = subprocess.Popen([sys.executable, "-m", "reader"], env=environment, stdout=log, stderr=log)
    try:
        qtbot.waitUntil(lambda: (folder / LOCK_NAME).exists() or reader.poll() is not None, timeout=60_000)
        # A request made while the window is built is answered as it is shown; one made after that only once the
        # page is painted, when the window also begins to watch for these signals.
        for _request in range(2):
            put(folder / REQUEST_NAME, RAISE_TOKEN)
            qtbot.waitUntil(lambda: not (folder / REQUEST_NAME).exists() or reader.poll() is not None, timeout=60_000)
        assert reader.poll() is None, (tmp_path / "reader.log").read_text()

        reader.send_signal(number)

        assert reader.wait(timeout=30) == 0, (tmp_path / "reader.log").read_text()
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.wait()
    assert not (folder / LOCK_NAME).exists()  # the folder is let go
    assert json.loads((folder / "preferences.json").read_text(encoding="utf-8"))["position"]  # the place is saved
    assert "Traceback" not in (tmp_path / "reader.log").read_text()


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_closing_signal_calls_close_once_and_its_handling_comes_back_after(qtbot, number: int) -> None:
    before = signal.getsignal(number)
    closed: list[str] = []
    owner = QObject()
    ClosingSignals(lambda: closed.append("closed"), owner)

    os.kill(os.getpid(), number)
    os.kill(os.getpid(), number)
    qtbot.waitUntil(lambda: closed == ["closed"])
    qtbot.wait(50)
    assert closed == ["closed"]

    owner.deleteLater()
    qtbot.waitUntil(lambda: signal.getsignal(number) == before)


def test_watchers_ended_in_any_order_leave_the_signals_as_they_found_them(qtbot) -> None:
    before = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)}
    first, second = QObject(), QObject()
    ClosingSignals(lambda: None, first)
    closed: list[str] = []
    ClosingSignals(lambda: closed.append("second"), second)

    first.deleteLater()  # the first window ends while the second is open
    qtbot.wait(20)
    os.kill(os.getpid(), signal.SIGTERM)
    qtbot.waitUntil(lambda: closed == ["second"])  # the open one still hears it
    second.deleteLater()
    qtbot.waitUntil(lambda: {number: signal.getsignal(number) for number in before} == before)

    assert signal.set_wakeup_fd(-1) == -1  # no pipe of theirs is left to wake the loop
