"""Memory with every feature built: PSS with no notes and with 10,000, and where the megabytes go.

    .venv/bin/python benchmarks/memory.py                   # PSS, no notes and 10,000 notes, 3 fresh runs each
    .venv/bin/python benchmarks/memory.py --runs 5 --notes 10000
    .venv/bin/python benchmarks/memory.py --breakdown       # also: top-level packages imported, largest allocations
    QT_QPA_PLATFORM=xcb xvfb-run -a .venv/bin/python benchmarks/memory.py --platform xcb   # under an X server

Each figure comes from a fresh process (offscreen unless `--platform` says otherwise), in a temporary data folder:
the window is built and shown, `ensure_features()` builds the chrome, glossary, notes and search (the parsed report
read from its cache, filled by a process before, as at any start but the first), and the process waits until the
report's index is open and the notes' index is ready; then it reads PSS from /proc/self/smaps_rollup (Linux only).
Bytecode is cached in a temporary folder, as on a user's machine. PSS shares a library's pages among the processes
that map it, so other Qt or Python programs running at the time lower the figure: measure on an idle machine.
Figures are printed, not asserted. Never run from the tests.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
CONTENT = BENCHMARKS.parent / "content"
READY_TIMEOUT_S = 60


def pss_mb() -> float:
    """This process's proportional set size, in MB (shared pages divided among the processes sharing them)."""
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise SystemExit("no Pss line in /proc/self/smaps_rollup")


def child(notes: int, breakdown: bool) -> None:
    """One measurement, in this (fresh) process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="field-reader-memory-"))
    os.environ["READER_DATA_DIR"] = str(folder)
    from reader.content import load_report
    from reader.notes.store import NoteStore

    report = load_report(CONTENT, folder / "cache")  # a reader's start reads the parsed report from its cache
    if notes:
        sys.path.insert(0, str(BENCHMARKS))
        import random

        from notes import random_notes

        from reader.notes.note import MY_LAYER

        with NoteStore(folder) as store:
            store.add_imported(MY_LAYER, random_notes(report, notes, random.Random(7)))
    # What made the notes and filled the cache (the Markdown parser, anchoring) is not the window's: start afresh.
    os.execv(sys.executable, [sys.executable, *sys.argv, "--data", str(folder)])


def run_window(folder: Path, notes: int, breakdown: bool) -> None:
    from PySide6.QtCore import QCoreApplication, QObject
    from PySide6.QtWidgets import QApplication

    from reader.app_objects import AppObjects
    from reader.content import load_report
    from reader.lock.privacy import Privacy
    from reader.notes.store import NoteStore
    from reader.paths import Folders
    from reader.ui.app import build_main_window

    app = QApplication.instance() or QApplication([])
    report = load_report(CONTENT, folder / "cache")
    glossary_cache = []

    def glossary():
        if not glossary_cache:
            from reader.glossary import load_glossary

            glossary_cache.append(load_glossary(report))
        return glossary_cache[0]

    folders = Folders(data=folder, cache=folder / "cache", content=CONTENT, bundled_index=CONTENT.parent / "index")
    objects = AppObjects(
        report,
        folders,
        glossary=glossary,
        open_notes=lambda: NoteStore(folder),
        privacy=Privacy(folder, folder / "cache"),
    )
    window = build_main_window(objects)
    window.show()
    app.processEvents()
    window.ensure_features()
    search = window.findChild(QObject, "searchFeature")
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        indexer = getattr(search, "_notes", None)
        notes_ready = notes == 0 or (indexer is not None and _is_ready(indexer))
        if search.is_ready and notes_ready:
            break
        time.sleep(0.01)
    else:
        raise SystemExit("the indexes were not ready in time")
    for _ in range(20):  # let queued paints and deferred deletions run
        QCoreApplication.processEvents()
        time.sleep(0.01)
    print(f"PSS {pss_mb():.1f}")
    if breakdown:
        print_breakdown()
    sys.stdout.flush()
    os._exit(0)


def _is_ready(indexer: object) -> bool:
    ready = getattr(indexer, "is_ready", None)
    return bool(ready) if ready is not None else getattr(indexer, "index", None) is not None


def print_breakdown() -> None:
    import tracemalloc
    from collections import Counter

    packages = Counter(name.partition(".")[0] for name in sys.modules)
    print(f"modules imported: {len(sys.modules)}")
    listed = ", ".join(f"{name} {count}" for name, count in packages.most_common(25))
    print(f"top-level packages (modules each, largest 25): {listed}")
    unwanted = sorted(name for name in ("asyncio", "http", "urllib", "email", "ssl", "concurrent") if name in packages)
    print(f"heavy standard-library packages loaded: {', '.join(unwanted) or 'none'}")
    snapshot = tracemalloc.take_snapshot()
    by_package: Counter[str] = Counter()
    for stat in snapshot.statistics("filename"):
        by_package[_package_of(stat.traceback[0].filename)] += stat.size
    total = sum(by_package.values())
    print(f"Python allocations traced: {total / 2**20:.1f} MB, by package:")
    for name, size in by_package.most_common(12):
        print(f"  {size / 2**20:7.2f} MB  {name}")
    print("largest allocation sites:")
    for stat in snapshot.statistics("lineno")[:15]:
        frame = stat.traceback[0]
        print(f"  {stat.size / 2**20:7.2f} MB  {stat.count:8d} blocks  {_short(frame.filename)}:{frame.lineno}")


def _package_of(filename: str) -> str:
    path = Path(filename)
    parts = path.parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].removesuffix(".py")
    if "reader" in parts:
        index = len(parts) - 1 - parts[::-1].index("reader")
        return "/".join(parts[index : index + 2]).removesuffix(".py")
    return "stdlib/" + path.stem if filename.startswith(sys.base_prefix) else path.name


def _short(filename: str) -> str:
    parts = Path(filename).parts
    for root in ("site-packages", "main"):
        if root in parts:
            return "/".join(parts[parts.index(root) + 1 :])
    return filename


def measure(notes: int, breakdown: bool = False, platform: str = "offscreen") -> tuple[float, str]:
    import subprocess  # here, not at the top: the measured process loads only what the app loads

    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = platform
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # installed apps run from cached bytecode
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "field-reader-memory-pyc"))
    command = [sys.executable, __file__, "--child", "--notes", str(notes)]
    if breakdown:
        command.append("--breakdown")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the measurement failed:\n{done.stdout}\n{done.stderr}")
    lines = done.stdout.splitlines()
    pss = next(float(line.split()[1]) for line in lines if line.startswith("PSS "))
    return pss, "\n".join(line for line in lines if not line.startswith("PSS "))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--breakdown", action="store_true")
    parser.add_argument("--platform", default="offscreen", help="Qt platform: offscreen, or xcb under an X server")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.breakdown:
            import tracemalloc

            tracemalloc.start(1)
        if args.data is not None:
            import reader.ui  # noqa: F401  (first, as at a start: it settles PySide6's import hook)

            run_window(args.data, args.notes, args.breakdown)
        child(args.notes, args.breakdown)
        return 0

    measure(0, platform=args.platform)  # fills the bytecode, report and search caches, as a first start does
    figures: dict[int, list[float]] = {0: [], args.notes: []}
    for _ in range(args.runs):
        for notes in figures:
            figures[notes].append(measure(notes, platform=args.platform)[0])
    print(f"PSS with every feature built, {args.platform}; median of {args.runs} fresh processes each")
    from statistics import median  # (`statistics` brings `decimal` and `fractions`, which the app never loads)

    print(f"  no notes:          {median(figures[0]):6.1f} MB   (aim: <= 80 MB)")
    print(f"  {args.notes:,} notes:    {median(figures[args.notes]):6.1f} MB   (aim: <= 120 MB)")
    if args.breakdown:
        for notes in figures:
            print(f"\n--- where the memory goes, {notes:,} notes (tracemalloc on: PSS is higher than above) ---")
            print(measure(notes, breakdown=True, platform=args.platform)[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
