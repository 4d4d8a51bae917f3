"""Start-up time and memory: `field-reader --exit-after-start` against a bare PySide6 window, run alternately.

Usage: python benchmarks/startup.py [--runs N]
Prints the median wall time and peak memory of each, and their ratio. Uses QT_QPA_PLATFORM=offscreen unless a
display is available (run under `xvfb-run -a` for a real X11 window).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("Hello")
label.resize(1100, 760)
label.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one run of a command."""
    start = time.perf_counter()
    quiet = [(os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]  # the offscreen plugin is chatty
    pid = os.posix_spawn(command[0], command, env, file_actions=quiet)
    _pid, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} exited with {os.waitstatus_to_exitcode(status)}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    data = tempfile.mkdtemp(prefix="field-reader-bench-")
    env["READER_DATA_DIR"] = data
    # Installed apps run from compiled bytecode; keep it in a temporary folder, never in the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(data) / "pycache")
    app = [sys.executable, "-m", "reader", "--exit-after-start"]
    bare = [sys.executable, "-c", BARE_WINDOW]

    cold_time, cold_memory = measure(app, env)  # fills the render and bytecode caches, as a first start does
    measure(bare, env)
    times: dict[str, list[float]] = {"app": [], "bare": []}
    memory: dict[str, list[float]] = {"app": [], "bare": []}
    for _ in range(args.runs):
        for name, command in (("app", app), ("bare", bare)):
            elapsed, peak = measure(command, env)
            times[name].append(elapsed)
            memory[name].append(peak)

    app_time, bare_time = statistics.median(times["app"]), statistics.median(times["bare"])
    platform = env.get("QT_QPA_PLATFORM", "the display")
    print(f"platform: {platform}; {args.runs} alternating runs each; medians")
    print(f"first start (cold render cache): {cold_time * 1000:7.1f} ms  {cold_memory:6.1f} MB")
    print(f"field-reader --exit-after-start: {app_time * 1000:7.1f} ms  {statistics.median(memory['app']):6.1f} MB")
    print(f"bare PySide6 window:             {bare_time * 1000:7.1f} ms  {statistics.median(memory['bare']):6.1f} MB")
    print(f"ratio (app / bare): {app_time / bare_time:.2f}  (aim: <= 1.30; memory aim: < 80 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
