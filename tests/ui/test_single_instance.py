"""One window per data folder: a second start on the same folder brings the first window forward and exits 0;
another folder gets its own window; a crash's leftovers never block a start; commands run beside the window."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from reader.ui.single_instance import LOCK_NAME, Claim, SingleInstance, server_name

HANDED_OVER_LINE = "field-reader: the reader is already open; bringing it to the front."

# A start reduced to the guard: claim the folder, say what happened, and hold it until stdin closes.
CLAIMER = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from reader.ui.single_instance import SingleInstance
app = QCoreApplication(sys.argv[:1])
import time
guard = SingleInstance(Path(sys.argv[1]))
claim = guard.claim()
print(claim.name, flush=True)
time.sleep(float(sys.argv[2]) if len(sys.argv) > 2 else 0)  # a window still being built
guard.listen()
sys.stdin.read()
"""


@pytest.fixture
def guard(qapp) -> Iterator[Callable[[Path], SingleInstance]]:
    """Make guards on folders; every one is released after the test (no socket is left in the temporary folder)."""
    made: list[SingleInstance] = []

    def make(folder: Path) -> SingleInstance:
        folder.mkdir(exist_ok=True)
        made.append(SingleInstance(folder))
        return made[-1]

    yield make
    for instance in made:
        instance.release()


def start_claimer(folder: Path, listen_after: float = 0.0) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CLAIMER, str(folder), str(listen_after)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_second_start_on_the_folder_brings_the_first_window_forward(guard, qtbot, tmp_path):
    first = guard(tmp_path / "a")
    assert first.claim() is Claim.FIRST
    first.listen()  # as the window does once painted
    window = QWidget()
    window.setObjectName("mainWindow")
    qtbot.addWidget(window)
    window.showMinimized()
    first.attach(window)
    assert window.isMinimized()

    with qtbot.waitSignal(first.raise_requested, timeout=5000):
        assert guard(tmp_path / "a").claim() is Claim.HANDED_OVER
    assert window.isVisible() and not window.isMinimized()


def test_another_data_folder_gets_its_own_window(guard, qtbot, tmp_path):
    on_a, on_b = guard(tmp_path / "a"), guard(tmp_path / "b")
    assert on_a.claim() is Claim.FIRST
    on_a.listen()  # as the window does once painted
    assert on_b.claim() is Claim.FIRST
    on_b.listen()  # as the window does once painted
    raised_a: list[bool] = []
    on_a.raise_requested.connect(lambda: raised_a.append(True))
    with qtbot.waitSignal(on_b.raise_requested, timeout=5000):
        assert guard(tmp_path / "b").claim() is Claim.HANDED_OVER
    assert raised_a == []


def test_the_socket_name_says_nothing_about_the_folder(tmp_path):
    name = server_name(tmp_path / "a")
    assert re.fullmatch(r"field-reader-[0-9a-f]{16}", name)
    assert name == server_name(tmp_path / "a" / ".." / "a")  # one folder, one name, however it is written


def test_a_request_while_the_first_window_is_being_built_shows_it_once_built(guard, qtbot, tmp_path):
    first = guard(tmp_path / "a")
    assert first.claim() is Claim.FIRST
    first.listen()  # as the window does once painted
    with qtbot.waitSignal(first.raise_requested, timeout=5000):
        assert guard(tmp_path / "a").claim() is Claim.HANDED_OVER
    window = QWidget()
    window.setObjectName("mainWindow")
    qtbot.addWidget(window)
    first.attach(window)
    assert window.isVisible()


def test_anything_but_the_raise_token_is_ignored(guard, qtbot, tmp_path):
    first = guard(tmp_path / "a")
    assert first.claim() is Claim.FIRST
    first.listen()  # as the window does once painted
    raised: list[bool] = []
    first.raise_requested.connect(lambda: raised.append(True))
    strangers = []
    for junk in (b"GET / HTTP/1.0\r\n\r\n", b"x" * 100_000, b"rais"):
        stranger = QLocalSocket()
        stranger.connectToServer(first.name)
        assert stranger.waitForConnected(2000)
        stranger.write(junk)
        stranger.waitForBytesWritten(2000)
        strangers.append(stranger)
    assert guard(tmp_path / "a").claim() is Claim.HANDED_OVER
    qtbot.waitUntil(lambda: bool(raised), timeout=5000)
    assert raised == [True]  # the strangers, read before the real request, raised nothing


def test_closing_the_window_frees_the_folder(guard, tmp_path):
    first = guard(tmp_path / "a")
    assert first.claim() is Claim.FIRST
    first.listen()  # as the window does once painted
    first.release()
    assert not (tmp_path / "a" / LOCK_NAME).exists()
    assert guard(tmp_path / "a").claim() is Claim.FIRST


def test_a_holder_that_never_answers_does_not_keep_the_reader_closed(guard, tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    silent = QLockFile(str(folder / LOCK_NAME))  # held by a live process that is not listening
    assert silent.tryLock(0)
    try:
        assert guard(folder).claim() is Claim.UNGUARDED  # opens its window anyway, as before the guard
    finally:
        silent.unlock()


def test_a_crashed_window_leaves_nothing_that_blocks_the_next_start(guard, qtbot, tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    crashed = start_claimer(folder)
    try:
        assert crashed.stdout.readline().strip() == "FIRST"
    finally:
        crashed.kill()  # no chance to remove the lock file or the socket
        crashed.wait()
    assert (folder / LOCK_NAME).exists()

    successor = guard(folder)
    assert successor.claim() is Claim.FIRST
    successor.listen()  # as the window does once painted
    with qtbot.waitSignal(successor.raise_requested, timeout=5000):
        assert guard(folder).claim() is Claim.HANDED_OVER  # and the crashed one's socket name now reaches it


def test_starts_at_the_same_instant_open_one_window(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    starts = [start_claimer(folder) for _ in range(4)]
    try:
        claims = sorted(start.stdout.readline().strip() for start in starts)
    finally:
        for start in starts:
            start.communicate(input="", timeout=30)
    assert claims == ["FIRST", "HANDED_OVER", "HANDED_OVER", "HANDED_OVER"]


def _environment(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "READER_DATA_DIR": str(data_dir)}


def _reader(*arguments: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *arguments],
        capture_output=True,
        text=True,
        env=_environment(data_dir),
        timeout=120,
        check=False,
    )


def _is_listening(name: str) -> bool:
    probe = QLocalSocket()
    probe.connectToServer(name)
    answered = probe.waitForConnected(500)
    probe.abort()
    return answered


def test_a_second_reader_on_the_folder_hands_over_and_commands_still_run(qtbot, tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    log = (tmp_path / "first.log").open("w")
    first = subprocess.Popen([sys.executable, "-m", "reader"], env=_environment(folder), stdout=log, stderr=log)
    try:
        qtbot.waitUntil(lambda: _is_listening(server_name(folder)) or first.poll() is not None, timeout=60_000)
        assert first.poll() is None, (tmp_path / "first.log").read_text()

        second = _reader(data_dir=folder)
        assert second.returncode == 0
        assert second.stderr.strip() == HANDED_OVER_LINE
        assert first.poll() is None  # the first window is still open

        sections = _reader("sections", data_dir=folder)  # commands never go through the window's guard
        assert sections.returncode == 0, sections.stderr
        assert "overview" in sections.stdout

        elsewhere = tmp_path / "b"
        third = _reader("--exit-after-start", data_dir=elsewhere)  # another folder opens its own window
        assert third.returncode == 0, third.stderr
        assert HANDED_OVER_LINE not in third.stderr
        assert not (elsewhere / LOCK_NAME).exists()  # and lets go of it when it quits

        fourth = _reader("--exit-after-start", data_dir=folder)  # the first window still answers
        assert fourth.returncode == 0
        assert fourth.stderr.strip() == HANDED_OVER_LINE
        assert first.poll() is None
    finally:
        first.kill()
        first.wait()
        log.close()
        QLocalServer.removeServer(server_name(folder))  # the killed window's socket


def test_a_start_while_the_first_window_is_still_being_built_waits_and_hands_over(guard, tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    first = start_claimer(folder, listen_after=1.0)  # holds the lock, answers only a second later
    try:
        assert first.stdout.readline().strip() == "FIRST"
        assert guard(folder).claim() is Claim.HANDED_OVER
    finally:
        first.stdin.close()
        first.wait(timeout=10)
