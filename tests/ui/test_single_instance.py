"""One window per data folder: a second start on the same folder brings the first window forward and exits 0;
another folder gets its own window; a crash's leftovers never block a start; commands run beside the window."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from reader.ui.single_instance import LOCK_NAME, RAISE_TOKEN, REQUEST_NAME, Claim, SingleInstance

HANDED_OVER_LINE = "field-reader: the reader is already open; bringing it to the front."

# A start reduced to the guard, in its own process as every start is: claim the folder and say what happened. A
# start that does not get it exits; the holder answers requests (as the window's event loop does) until stdin
# closes, or, told to "quit", lets go of the folder once "built" without ever answering.
CLAIMER = """
import sys
import time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QSocketNotifier
from reader.ui.single_instance import Claim, SingleInstance
app = QCoreApplication(sys.argv[:1])
guard = SingleInstance(Path(sys.argv[1]))
claim = guard.claim()
print(claim.name, flush=True)
if claim is not Claim.FIRST:
    sys.exit(0)
time.sleep(float(sys.argv[2]))  # a window still being built
if sys.argv[3] == "quit":
    guard.release()
    sys.exit(0)
guard.listen()
stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
stdin.activated.connect(app.quit)  # stdin closed
app.exec()
"""


@pytest.fixture
def guard(qapp) -> Iterator[Callable[[Path], SingleInstance]]:
    """Make guards on folders in this process; every one is released after the test."""
    made: list[SingleInstance] = []

    def make(folder: Path) -> SingleInstance:
        folder.mkdir(exist_ok=True)
        made.append(SingleInstance(folder))
        return made[-1]

    yield make
    for instance in made:
        instance.release()


def start_claimer(folder: Path, listen_after: float = 0.0, *, then: str = "listen") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CLAIMER, str(folder), str(listen_after), then],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def claim_of(start: subprocess.Popen[str]) -> str:
    """What a start found, once it has finished (a holder is told to finish by closing its stdin)."""
    out, _ = start.communicate(input="", timeout=30)
    return out.strip()


def put(path: Path, content: bytes) -> None:
    """Make `path` hold `content` at once, as a start writes its request (never seen half written)."""
    draft = path.parent.parent / f"{path.name}.draft"
    draft.write_bytes(content)
    os.replace(draft, path)


def minimized_window(qtbot) -> QWidget:
    window = QWidget()
    window.setObjectName("mainWindow")
    qtbot.addWidget(window)
    window.showMinimized()
    return window


def test_a_second_start_on_the_folder_brings_the_first_window_forward(guard, qtbot, tmp_path):
    first = guard(tmp_path / "a")
    assert first.claim() is Claim.FIRST
    first.listen()  # as the window does once painted
    window = minimized_window(qtbot)
    first.attach(window)
    assert window.isMinimized()

    with qtbot.waitSignal(first.raise_requested, timeout=10_000):
        second = start_claimer(tmp_path / "a")
    assert claim_of(second) == "HANDED_OVER"
    assert window.isVisible() and not window.isMinimized()
    assert not (tmp_path / "a" / REQUEST_NAME).exists()


def test_another_data_folder_gets_its_own_window(guard, qtbot, tmp_path):
    on_a, on_b = guard(tmp_path / "a"), guard(tmp_path / "b")
    assert on_a.claim() is Claim.FIRST
    on_a.listen()  # as the window does once painted
    assert on_b.claim() is Claim.FIRST
    on_b.listen()  # as the window does once painted
    raised_a: list[bool] = []
    on_a.raise_requested.connect(lambda: raised_a.append(True))
    with qtbot.waitSignal(on_b.raise_requested, timeout=10_000):
        second_on_b = start_claimer(tmp_path / "b")
    assert claim_of(second_on_b) == "HANDED_OVER"
    assert raised_a == []


def test_a_request_while_the_first_window_is_being_built_shows_it_once_built(guard, qtbot, tmp_path):
    first = guard(tmp_path / "a")
    assert first.claim() is Claim.FIRST
    first.listen()  # as the window does once painted
    with qtbot.waitSignal(first.raise_requested, timeout=10_000):
        second = start_claimer(tmp_path / "a")
    assert claim_of(second) == "HANDED_OVER"
    window = QWidget()
    window.setObjectName("mainWindow")
    qtbot.addWidget(window)
    first.attach(window)
    assert window.isVisible()


@pytest.mark.parametrize(
    "junk",
    [b"GET / HTTP/1.0\r\n\r\n", b"x" * 100_000, b"rais", b"", RAISE_TOKEN + RAISE_TOKEN, "pipe"],
    ids=["text", "large", "part-of-the-token", "empty", "token-twice", "pipe"],
)
def test_anything_but_the_request_is_ignored(guard, qtbot, tmp_path, junk):
    first = guard(tmp_path / "a")
    assert first.claim() is Claim.FIRST
    first.listen()  # as the window does once painted
    raised: list[bool] = []
    first.raise_requested.connect(lambda: raised.append(True))
    request = tmp_path / "a" / REQUEST_NAME
    if junk == "pipe":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        os.mkfifo(tmp_path / "pipe")  # reading it would hang the window until someone wrote to it
        os.replace(tmp_path / "pipe", request)
    else:
        put(request, junk)
    qtbot.waitUntil(lambda: not os.path.lexists(request), timeout=5000)  # the holder looked at it and removed it
    assert raised == []

    with qtbot.waitSignal(first.raise_requested, timeout=10_000):  # and a real request still works
        second = start_claimer(tmp_path / "a")
    assert claim_of(second) == "HANDED_OVER"
    assert raised == [True]


def test_closing_the_window_frees_the_folder(guard, tmp_path):
    first = guard(tmp_path / "a")
    assert first.claim() is Claim.FIRST
    first.listen()  # as the window does once painted
    first.release()
    assert not (tmp_path / "a" / LOCK_NAME).exists()
    assert guard(tmp_path / "a").claim() is Claim.FIRST


def test_a_holder_that_never_answers_does_not_keep_the_reader_closed(guard, qtbot, tmp_path):
    silent = guard(tmp_path / "a")
    assert silent.claim() is Claim.FIRST  # a live window that is not answering (yet)
    assert guard(tmp_path / "a").claim() is Claim.UNGUARDED  # opens its window anyway, as before the guard
    with qtbot.assertNotEmitted(silent.raise_requested):
        silent.listen()  # a start that gave up does not pull the first window forward later


def test_a_crashed_window_leaves_nothing_that_blocks_the_next_start(guard, qtbot, tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    crashed = start_claimer(folder)
    try:
        assert crashed.stdout.readline().strip() == "FIRST"
    finally:
        crashed.kill()  # no chance to remove the lock file or stop watching
        crashed.wait()
    assert (folder / LOCK_NAME).exists()

    successor = guard(folder)
    assert successor.claim() is Claim.FIRST
    successor.listen()  # as the window does once painted
    with qtbot.waitSignal(successor.raise_requested, timeout=10_000):
        second = start_claimer(folder)
    assert claim_of(second) == "HANDED_OVER"


def test_a_request_left_by_a_crashed_start_never_raises_a_later_window(guard, qtbot, tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    put(folder / REQUEST_NAME, RAISE_TOKEN)  # a start killed while it waited for a window that has gone
    first = guard(folder)
    window = minimized_window(qtbot)
    with qtbot.assertNotEmitted(first.raise_requested):
        assert first.claim() is Claim.FIRST
        first.attach(window)
        first.listen()  # as the window does once painted
    assert window.isMinimized()

    with qtbot.waitSignal(first.raise_requested, timeout=10_000):  # and a real request still reaches it
        second = start_claimer(folder)
    assert claim_of(second) == "HANDED_OVER"
    assert not window.isMinimized()


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


def test_a_second_reader_on_the_folder_hands_over_and_commands_still_run(qtbot, tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    log = (tmp_path / "first.log").open("w")
    first = subprocess.Popen([sys.executable, "-m", "reader"], env=_environment(folder), stdout=log, stderr=log)
    try:
        # Once it holds the folder, a request (as a start makes) is taken only when the window answers.
        qtbot.waitUntil(lambda: (folder / LOCK_NAME).exists() or first.poll() is not None, timeout=60_000)
        put(folder / REQUEST_NAME, RAISE_TOKEN)
        qtbot.waitUntil(lambda: not (folder / REQUEST_NAME).exists() or first.poll() is not None, timeout=60_000)
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


def test_a_start_while_the_first_window_quits_opens_its_own(guard, qtbot, tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    quitting = start_claimer(folder, listen_after=1.0, then="quit")  # holds the lock, then quits unanswered
    try:
        assert quitting.stdout.readline().strip() == "FIRST"
        successor = guard(folder)
        assert successor.claim() is Claim.FIRST
    finally:
        quitting.wait(timeout=10)
    successor.listen()  # as the window does once painted
    with qtbot.waitSignal(successor.raise_requested, timeout=10_000):
        second = start_claimer(folder)
    assert claim_of(second) == "HANDED_OVER"
