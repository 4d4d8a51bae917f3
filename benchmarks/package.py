"""The download's size and first start, against a hello-world PySide6 window frozen by the same recipe.

Run after `make package`:  .venv/bin/python benchmarks/package.py [--runs N]
Prints the bundle's unpacked size and its compressed download, the same for a frozen hello-world window
(packaging/field-reader.spec with FIELD_READER_BENCHMARK_SCRIPT, ICU trimmed the same way) and their ratio; then the
time to the first paint (`--exit-after-start`, offscreen) of the bundle and of the source checkout, cold (a new,
empty data and cache folder: a fresh install's first start) and warm (the same folder again), measured alternately
in one run so both see the same machine load. Never run as a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
HELLO = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("Hello")
label.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def packed_size(folder: Path, work: Path) -> int:
    """The folder packed the way packaging/build.sh packs the download (tar, xz -9e)."""
    archive = work / f"{folder.name}.tar.xz"
    subprocess.run(f"tar -C '{folder.parent}' -cf - '{folder.name}' | xz -9e -T1 > '{archive}'", shell=True, check=True)
    return archive.stat().st_size


def freeze_hello(work: Path) -> Path:
    """A hello-world PySide6 window frozen with the app's own spec (same exclusions, stripping and ICU trim)."""
    script = work / "hello.py"
    script.write_text(HELLO, encoding="utf-8")
    environment = {**os.environ, "FIELD_READER_BENCHMARK_SCRIPT": str(script)}
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "pyinstaller"), "--noconfirm", "--distpath", str(work / "dist"),
         "--workpath", str(work / "build"), str(ROOT / "packaging" / "field-reader.spec")],
        env=environment, check=True, capture_output=True,
    )  # fmt: skip
    bundle = work / "dist" / "hello"
    icu = next(bundle.rglob("libicudata.so.*"), None)
    if icu is not None:
        script = ROOT / "packaging" / "icu" / "trim_icu.sh"
        subprocess.run([str(script), str(icu), str(work / "icu")], check=True, capture_output=True)
    return bundle


def timed(command: list[str], data: Path) -> float:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "READER_DATA_DIR": str(data)}
    start = time.perf_counter()
    subprocess.run(command, env=environment, check=True, capture_output=True)
    return time.perf_counter() - start


def first_paint(runs: int) -> dict[str, list[float]]:
    """Cold and warm first-paint times of the bundle and the source checkout, alternating run by run."""
    starters: dict[str, list[str]] = {
        "bundle": [str(DIST / "field-reader" / "field-reader"), "--exit-after-start"],
        "source": [sys.executable, "-m", "reader", "--exit-after-start"],
    }
    times: dict[str, list[float]] = {f"{name} {kind}": [] for name in starters for kind in ("cold", "warm")}
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(runs):
            for name, command in starters.items():
                data = Path(scratch) / f"{name}-{run}"
                times[f"{name} cold"].append(timed(command, data))  # a fresh data folder: nothing cached
                times[f"{name} warm"].append(timed(command, data))
    return times


def megabytes(size: int) -> str:
    return f"{size / 1e6:6.1f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    bundle = DIST / "field-reader"
    if not (bundle / "field-reader").exists():
        print("No bundle in dist/: run `make package` first.", file=sys.stderr)
        return 1
    tarball = next(DIST.glob("field-reader-*-linux-*.tar.xz"))
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        hello = freeze_hello(work)
        app_unpacked, app_packed = folder_size(bundle), tarball.stat().st_size
        hello_unpacked, hello_packed = folder_size(hello), packed_size(hello, work)
    print(f"{'':28}{'unpacked':>12}{'download':>12}")
    print(f"{'Field Reader':28}{megabytes(app_unpacked):>12}{megabytes(app_packed):>12}")
    print(f"{'hello-world PySide6 window':28}{megabytes(hello_unpacked):>12}{megabytes(hello_packed):>12}")
    print(f"{'ratio (aim: at most 1.25)':28}{app_unpacked / hello_unpacked:>12.2f}{app_packed / hello_packed:>12.2f}")
    print()
    times = first_paint(options.runs)
    print(f"first paint, median of {options.runs} (cold: a fresh data folder; warm: the same folder again)")
    for name, values in times.items():
        print(f"  {name:12} {statistics.median(values) * 1000:6.0f} ms   (min {min(values) * 1000:.0f})")
    cold, warm = statistics.median(times["bundle cold"]), statistics.median(times["bundle warm"])
    print(f"  bundle cold / warm: {cold / warm:.2f} (aim: at most 1.1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
