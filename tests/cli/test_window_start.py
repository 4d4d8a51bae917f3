"""`field-reader` with no command opens the window: the start-up smoke test and its errors, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def start(*arguments: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "READER_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "reader", *arguments],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


def test_exit_after_start_paints_the_window_and_exits_0(data_dir):
    result = start("--exit-after-start", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert not (data_dir / "preferences.json").exists()  # a smoke test leaves the reader's layout alone


def test_a_broken_content_folder_stops_the_window_with_one_line(tmp_path, data_dir):
    result = start("--content", str(tmp_path), "--exit-after-start", data_dir=data_dir)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("field-reader:")]
    assert len(lines) == 1 and "manifest.json" in lines[0]
    assert "Traceback" not in result.stderr


def test_without_a_display_the_window_says_so_in_one_line(data_dir):
    environment = {key: value for key, value in os.environ.items() if key not in ("QT_QPA_PLATFORM", "DISPLAY")}
    environment["READER_DATA_DIR"] = str(data_dir)
    environment.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-m", "reader"], capture_output=True, text=True, env=environment, timeout=60, check=False
    )
    assert result.returncode == 1
    assert result.stderr.startswith("field-reader: there is no display")
