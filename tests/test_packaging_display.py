"""Starting the window where there is no display to open it on: one line and exit 1, never Qt's abort."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.ui import platform_start

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 displays are a Linux matter")


def free_display_number() -> int:
    """A display number nothing answers on (neither the abstract socket nor the file)."""
    for number in range(97, 200):
        for address in (f"\0/tmp/.X11-unix/X{number}", f"/tmp/.X11-unix/X{number}"):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                try:
                    probe.connect(address)
                    break
                except OSError:
                    pass
        else:
            return number
    pytest.skip("every display number from 97 answers")


@pytest.fixture
def listening_display() -> Iterator[int]:
    """A fake X server: something listening on a display's abstract socket (no file is written)."""
    number = free_display_number()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(f"\0/tmp/.X11-unix/X{number}")
        server.listen(1)
        yield number


@pytest.fixture
def x11_session(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)


def test_a_display_nothing_answers_on_is_named(x11_session, monkeypatch):
    number = free_display_number()
    monkeypatch.setenv("DISPLAY", f":{number}")
    assert platform_start.unreachable_x_display() == f":{number}"
    monkeypatch.setenv("DISPLAY", f"unix:{number}.0")
    assert platform_start.unreachable_x_display() == f"unix:{number}.0"


def test_a_display_that_answers_is_opened(x11_session, listening_display, monkeypatch):
    monkeypatch.setenv("DISPLAY", f":{listening_display}")
    assert platform_start.unreachable_x_display() is None


def test_other_platforms_and_remote_displays_are_left_to_qt(monkeypatch):
    number = free_display_number()
    monkeypatch.setenv("DISPLAY", f":{number}")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert platform_start.unreachable_x_display() is None
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert platform_start.unreachable_x_display() is None
    monkeypatch.delenv("WAYLAND_DISPLAY")
    monkeypatch.setenv("DISPLAY", "remote.example:10")
    assert platform_start.unreachable_x_display() is None


def test_starting_on_an_unreachable_display_says_so_in_one_line_and_exits_1(data_dir: Path):
    number = free_display_number()
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY", "XDG_SESSION_TYPE")
    }
    environment.update(DISPLAY=f":{number}", READER_DATA_DIR=str(data_dir))
    result = subprocess.run(
        [sys.executable, "-m", "reader"], capture_output=True, text=True, env=environment, timeout=60, check=False
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"field-reader: Cannot open the display :{number};")
    assert len(result.stderr.splitlines()) == 1


def test_without_any_locale_qt_is_given_a_utf8_one(monkeypatch):
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        monkeypatch.delenv(name, raising=False)
    platform_start.ensure_utf8_locale()
    assert os.environ["LC_CTYPE"] == "C.UTF-8"  # the character type alone, as PEP 538 does


def test_a_locale_the_user_chose_is_kept(monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_CTYPE", raising=False)
    monkeypatch.setenv("LANG", "ar_EG.UTF-8")
    platform_start.ensure_utf8_locale()
    assert os.environ["LANG"] == "ar_EG.UTF-8"
