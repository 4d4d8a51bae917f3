"""Start-up time and memory: `field-reader --exit-after-start` against a bare PySide6 window, run alternately.

Usage: python benchmarks/startup.py [--runs N]

Each round runs, one after the other:
- a bare PySide6 window;
- a warm start: the data and cache folders kept from earlier runs, bytecode cached (in a temporary folder, filled
  by a first run of each command: never in the source tree);
- a first start of a source checkout, as `make run` leaves it: an empty data folder (the cache inside it), the
  standard library's and site-packages' bytecode as Python and pip compiled it, the project's own bytecode and
  prepared first start (`prepared/`) as the Makefile's setup made them. Nothing is written beside the sources.

Prints the platform Qt really used, the median wall time and peak memory of each, the warm start against the bare
window and the first start against the warm one. Qt's platform is QT_QPA_PLATFORM when set, else the X display
(DISPLAY), else a Wayland one, else offscreen; under `xvfb-run -a` it is the virtual X server. While measuring,
one extra process stays connected to the display (as a desktop session's other programs do): an X server left with
no client resets itself, and a start that connects during the reset fails.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "reader"

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

# Says which platform Qt opened, then stays connected to the display until the benchmark closes its input.
DISPLAY_CLIENT = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
print(app.platformName(), flush=True)
sys.stdin.read()
"""


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one run of a command."""
    start = time.perf_counter()
    quiet = [(os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]  # the offscreen plugin is chatty
    pid = os.posix_spawn(command[0], command, env, file_actions=quiet)
    _pid, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        detail = subprocess.run(command, env=env, capture_output=True, text=True, check=False).stderr.strip()
        raise SystemExit(f"{' '.join(command)} exited with {os.waitstatus_to_exitcode(status)}\n{detail}")
    return elapsed, usage.ru_maxrss / 1024


def choose_platform(env: dict[str, str]) -> str:
    """Qt's platform for every run: QT_QPA_PLATFORM when set, else the display there is, else offscreen."""
    chosen = env.get("QT_QPA_PLATFORM")
    if not chosen:
        chosen = "xcb" if env.get("DISPLAY") else "wayland" if env.get("WAYLAND_DISPLAY") else "offscreen"
    env["QT_QPA_PLATFORM"] = chosen
    return chosen


def stale_bytecode(package: Path) -> list[Path]:
    """The package's modules whose bytecode (in `__pycache__`, or under PYTHONPYCACHEPREFIX when that is set) is
    missing or older than the source."""
    stale = []
    for source in sorted(package.rglob("*.py")):
        cached = Path(importlib.util.cache_from_source(str(source)))
        try:
            header = cached.read_bytes()[:16]
        except OSError:
            stale.append(source)
            continue
        status = source.stat()
        flags = int.from_bytes(header[4:8], "little")
        fresh = flags & 1 or (
            int.from_bytes(header[8:12], "little") == int(status.st_mtime) & 0xFFFFFFFF
            and int.from_bytes(header[12:16], "little") == status.st_size & 0xFFFFFFFF
        )
        if not fresh:
            stale.append(source)
    return stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = dict(os.environ)
    for name in ("READER_CACHE_DIR", "READER_CONTENT_DIR", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    platform = choose_platform(env)
    scratch = Path(tempfile.mkdtemp(prefix="field-reader-bench-"))
    warm_env = dict(env, READER_DATA_DIR=str(scratch / "warm"), PYTHONPYCACHEPREFIX=str(scratch / "pycache"))
    app = [sys.executable, "-m", "reader", "--exit-after-start"]
    bare = [sys.executable, "-c", BARE_WINDOW]

    # Bytecode exactly as the checkout's setup left it (where this environment keeps it): read, never written.
    checkout_env = dict(env, PYTHONDONTWRITEBYTECODE="1")
    stale = stale_bytecode(PACKAGE)
    prepared = sorted(path.name for path in (ROOT / "prepared").rglob("*") if path.is_file())

    client = subprocess.Popen(
        [sys.executable, "-c", DISPLAY_CLIENT],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        opened = client.stdout.readline().strip() if client.stdout else ""
        if not opened:
            raise SystemExit(f"Qt could not open the platform {platform!r}")
        measure(app, warm_env)  # fills the warm data folder's cache and the bytecode folder
        measure(bare, warm_env)
        times: dict[str, list[float]] = {"app": [], "bare": [], "first": []}
        memory: dict[str, list[float]] = {"app": [], "bare": [], "first": []}
        for run in range(args.runs):
            first_env = dict(checkout_env, READER_DATA_DIR=str(scratch / f"first-{run}"))
            for name, command, run_env in (("bare", bare, warm_env), ("app", app, warm_env), ("first", app, first_env)):
                elapsed, peak = measure(command, run_env)
                times[name].append(elapsed)
                memory[name].append(peak)
    finally:
        if client.stdin:
            client.stdin.close()
        client.wait(timeout=10)
        shutil.rmtree(scratch, ignore_errors=True)

    median = {name: statistics.median(values) for name, values in times.items()}
    display = f" on {env['DISPLAY']}" if opened == "xcb" and env.get("DISPLAY") else ""
    print(f"platform: {opened}{display}; {args.runs} alternating runs each; medians")
    if stale:
        print(f"warning: {len(stale)} of the project's modules have no fresh bytecode (`make run` compiles them)")
    if not prepared:
        print("warning: no prepared first start in prepared/ (`make run` prepares it)")
    rows = (
        ("bare PySide6 window:", "bare"),
        ("field-reader --exit-after-start:", "app"),
        ("first start of a source checkout:", "first"),
    )
    for label, name in rows:
        print(f"{label:34} {median[name] * 1000:7.1f} ms  {statistics.median(memory[name]):6.1f} MB")
    print(f"ratio (app / bare): {median['app'] / median['bare']:.2f}  (aim: <= 1.30; memory aim: < 80 MB)")
    print(f"ratio (first start / app): {median['first'] / median['app']:.2f}  (aim: <= 1.50)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
