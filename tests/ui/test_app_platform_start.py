"""A display Qt cannot open, whichever way (another host, a screen the server lacks, a DISPLAY that is not one, a dead
Wayland socket): one line and exit 1, never Qt's abort with a dozen lines about reinstalling."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland displays")


def display_nothing_answers_on() -> int:
    """A local display number nobody listens on, neither on the sockets nor on this machine's loopback port."""
    for number in range(97, 200):
        addresses = [(socket.AF_UNIX, f"\0/tmp/.X11-unix/X{number}"), (socket.AF_UNIX, f"/tmp/.X11-unix/X{number}")]
        addresses.append((socket.AF_INET, ("127.0.0.1", 6000 + number)))
        answered = False
        for family, address in addresses:
            with socket.socket(family, socket.SOCK_STREAM) as probe:
                try:
                    probe.connect(address)
                    answered = True
                except OSError:
                    pass
        if not answered:
            return number
    pytest.skip("every display number from 97 answers")


def start_window(tmp_path: Path, **display: str) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY", "XDG_SESSION_TYPE")
    }
    runtime = tmp_path / "runtime"  # a session's own runtime folder, holding no Wayland socket
    runtime.mkdir(mode=0o700, exist_ok=True)
    environment.update(display, READER_DATA_DIR=str(tmp_path / "data"), XDG_RUNTIME_DIR=str(runtime))
    return subprocess.run(
        [sys.executable, "-m", "reader"], capture_output=True, text=True, env=environment, timeout=60, check=False
    )


def assert_told_in_one_line(result: subprocess.CompletedProcess[str], display: str) -> None:
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"field-reader: Cannot open the display {display};"), result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr


def test_a_display_on_a_host_where_nothing_answers_is_told_in_one_line(tmp_path: Path):
    display = f"localhost:{display_nothing_answers_on()}.0"  # this machine's loopback only
    assert_told_in_one_line(start_window(tmp_path, DISPLAY=display), display)


def test_a_display_that_is_not_one_is_told_in_one_line(tmp_path: Path):
    assert_told_in_one_line(start_window(tmp_path, DISPLAY="garbage"), "garbage")


def test_a_dead_wayland_socket_with_a_dead_x_display_is_told_in_one_line(tmp_path: Path):
    display = f":{display_nothing_answers_on()}"
    result = start_window(tmp_path, WAYLAND_DISPLAY="wayland-9", DISPLAY=display)
    assert_told_in_one_line(result, f"wayland-9 or {display}")


@pytest.fixture
def x_server() -> Iterator[str]:
    """A real X server (Xvfb) with one screen, on a display number it picks, listening on no network port."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    ready, told = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(told), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
        pass_fds=(told,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(told)
    try:
        with os.fdopen(ready) as answer:
            number = answer.readline().strip()
        if not number:
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_screen_the_running_server_does_not_have_is_told_in_one_line(tmp_path: Path, x_server: str):
    display = f"{x_server}.5"
    assert_told_in_one_line(start_window(tmp_path, DISPLAY=display), display)


def test_another_platform_that_cannot_start_is_told_in_one_line(tmp_path: Path):
    result = start_window(tmp_path, QT_QPA_PLATFORM="no-such-platform", DISPLAY=":0")
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("field-reader: Cannot open a window on the platform “no-such-platform”;")
    assert len(result.stderr.splitlines()) == 1, result.stderr
