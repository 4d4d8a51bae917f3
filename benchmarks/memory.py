"""Memory with every feature built: PSS with no notes and with 10,000, and where the megabytes go.

    .venv/bin/python benchmarks/memory.py                   # PSS, no notes and 10,000 notes, 3 fresh runs each
    .venv/bin/python benchmarks/memory.py --runs 5 --notes 10000
    .venv/bin/python benchmarks/memory.py --bundle dist/field-reader   # the packaged app instead of the checkout
    .venv/bin/python benchmarks/memory.py --breakdown       # also: modules, largest allocations, largest mappings
    QT_QPA_PLATFORM=xcb xvfb-run -a .venv/bin/python benchmarks/memory.py --platform xcb   # under an X server
    .venv/bin/python benchmarks/memory.py --panels          # the glossary and notes panels open from the start

Each figure is the real program (`python -m reader`, or the bundle's executable), started as a reader starts it, in
a fresh process and a temporary data folder (its notes written beforehand, its parsed report cached by a start
before, as at any start but the first), offscreen unless `--platform` says otherwise. The window builds its
contents, glossary, notes and search just after the first paint and opens the search indexes; the process's PSS
(/proc/PID/smaps_rollup, Linux only) is read once it has settled: at least 6 s after the start, and steady within
0.25 MB for 3 s, with the pages of a checkout's Python library, which it shares with this script, counted in full,
as if it ran alone. Bytecode is cached in a temporary folder, as on a user's machine. With `--panels`, the data folder
also holds a window layout with the glossary and notes panels open (saved by a window this script opens first, as
a reader who keeps them open leaves it: the two share a tab, the notes in front), so the program builds them at the
start.

`--breakdown` builds the same window in a process of this script with `tracemalloc` on, to name the Python
packages and lines that allocate, and lists the real program's largest mappings (libraries, heap, anonymous).

PSS shares a library's pages among the processes that map it, so other Qt or Python programs running at the time
lower the figure: measure on an idle machine. Figures are printed, not asserted. Never run from the tests.
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


def child(notes: int) -> None:
    """The window built in this process for `--breakdown`: its notes written first, then a fresh interpreter."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = fill_data_folder(notes)
    os.environ["READER_DATA_DIR"] = str(folder)
    # What made the notes and filled the cache (the Markdown parser, anchoring) is not the window's: start afresh.
    os.execv(sys.executable, [sys.executable, *sys.argv, "--data", str(folder)])


def build_window(folder: Path) -> object:
    """The main window on `folder`, built as the app builds it, shown and with its features built."""
    from PySide6.QtWidgets import QApplication

    from reader.app_objects import AppObjects
    from reader.content import load_report
    from reader.lock.privacy import Privacy
    from reader.notes.store import NoteStore
    from reader.paths import Folders
    from reader.ui.app import build_main_window

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
    QApplication.processEvents()
    window.ensure_features()
    return window


def run_window(folder: Path, notes: int, breakdown: bool) -> None:
    from PySide6.QtCore import QCoreApplication, QObject
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    window = build_window(folder)
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
    import shutil  # (after the measurement: the app never loads it at start)

    shutil.rmtree(folder, ignore_errors=True)  # the data folder `child` made for this window
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
    network = ("asyncio", "http.client", "urllib.request", "email", "ssl", "concurrent.futures", "hashlib")
    unwanted = sorted(name for name in network if name in sys.modules)  # (pathlib itself needs urllib.parse)
    print(f"network, event-loop and OpenSSL modules loaded: {', '.join(unwanted) or 'none'}")
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


def breakdown(notes: int, platform: str) -> str:
    """The Python side of the memory: the window built in a process of this script with `tracemalloc` on."""
    import subprocess  # here, not at the top: the measured process loads only what the app loads

    env = _app_environment(platform)
    command = [sys.executable, __file__, "--child", "--breakdown", "--notes", str(notes)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the measurement failed:\n{done.stdout}\n{done.stderr}")
    return "\n".join(line for line in done.stdout.splitlines() if not line.startswith("PSS "))


def _app_environment(platform: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = platform
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # installed apps run from cached bytecode
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "field-reader-memory-pyc"))
    return env


def fill_data_folder(notes: int, panels: bool = False, platform: str = "offscreen") -> Path:
    """A fresh data folder with `notes` notes in it and the parsed report in its cache, as after a first start;
    with `panels`, a saved layout with the glossary and notes panels open."""
    folder = Path(tempfile.mkdtemp(prefix="field-reader-memory-"))
    from reader.content import load_report

    report = load_report(CONTENT, folder / "cache")
    if notes:
        sys.path.insert(0, str(BENCHMARKS))
        import random

        from notes import random_notes

        from reader.notes.note import MY_LAYER
        from reader.notes.store import NoteStore

        with NoteStore(folder) as store:
            store.add_imported(MY_LAYER, random_notes(report, notes, random.Random(7)))
    if panels:
        import subprocess

        env = _app_environment(platform)
        env["READER_DATA_DIR"] = str(folder)
        command = [sys.executable, __file__, "--child", "--open-panels", "--data", str(folder)]
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return folder


def open_panels(folder: Path) -> None:
    """Open the glossary and notes panels in a window on `folder` and close it, which saves that layout."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from reader.ui.actions import ActionName

    QApplication.instance() or QApplication([])
    window = build_window(folder)
    for action in (ActionName.FOCUS_GLOSSARY, ActionName.FOCUS_NOTES):
        window.findChild(QAction, action.value).trigger()
        for _ in range(50):
            QCoreApplication.processEvents()
            time.sleep(0.01)
    window.close()
    QCoreApplication.processEvents()


def measure_app(
    notes: int, platform: str, bundle: Path | None, maps: bool = False, panels: bool = False
) -> tuple[float, str]:
    """The settled PSS of one real start with `notes` notes, in MB; with `maps`, its largest mappings too; with
    `panels`, the glossary and notes panels open from the start."""
    import shutil
    import subprocess

    folder = fill_data_folder(notes, panels, platform)
    env = _app_environment(platform)
    env["READER_DATA_DIR"] = str(folder)
    command = [str(bundle / "field-reader")] if bundle else [sys.executable, "-m", "reader"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        pss = settled_pss(process)
        if pss is not None:
            pss += shared_with_this_script_mb(process.pid)
        listing = largest_mappings(process.pid) if maps else ""
    finally:
        process.terminate()
        _, errors = process.communicate(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    if pss is None:
        raise SystemExit(f"the program ended before its memory settled:\n{errors.decode(errors='replace')}")
    return pss, listing


def settled_pss(process: object, *, least_s: float = 6.0, steady_s: float = 3.0) -> float | None:
    """The process's PSS once steady (within 0.25 MB for `steady_s`, `least_s` after the start); None if it ended."""
    started = time.monotonic()
    samples: list[tuple[float, float]] = []
    while time.monotonic() - started < READY_TIMEOUT_S:
        time.sleep(0.25)
        if process.poll() is not None:  # type: ignore[attr-defined]
            return None
        now = time.monotonic()
        samples.append((now, process_pss_mb(process.pid)))  # type: ignore[attr-defined]
        recent = [pss for at, pss in samples if at >= now - steady_s]
        if now - started >= least_s and max(recent) - min(recent) <= 0.25:
            return recent[-1]
    print(f"  (not steady after {READY_TIMEOUT_S} s: the last figure is given)")
    return samples[-1][1]


def shared_with_this_script_mb(pid: int) -> float:
    """What a checkout's PSS leaves out because this script runs on the same Python library: those pages counted in
    full, as when the program runs alone. (System libraries, shared by every program on a desktop, are left as
    they are; a bundle brings its own Python library.)"""
    ours = {
        line.split()[5]
        for line in Path("/proc/self/maps").read_text().splitlines()
        if len(line.split()) > 5 and "libpython" in line.split()[5]
    }
    left_out = 0
    path, rss = "", 0
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        fields = line.split()
        if fields and not fields[0].endswith(":"):
            path = fields[5] if len(fields) > 5 else ""
        elif fields and fields[0] == "Rss:":
            rss = int(fields[1])
        elif fields and fields[0] == "Pss:" and path in ours:
            left_out += rss - int(fields[1])
    return left_out / 1024


def process_pss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise SystemExit(f"no Pss line in /proc/{pid}/smaps_rollup")


def largest_mappings(pid: int, count: int = 15) -> str:
    """PSS by mapped file (libraries, fonts, the index) and by kind ([heap], [anon]), largest first."""
    from collections import Counter

    by_mapping: Counter[str] = Counter()
    name = ""
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        fields = line.split()
        if fields and not fields[0].endswith(":"):
            name = Path(fields[5]).name if len(fields) > 5 else "[anon]"
        elif fields and fields[0] == "Pss:":
            by_mapping[name] += int(fields[1])
    rows = [f"  {size / 1024:7.2f} MB  {mapping}" for mapping, size in by_mapping.most_common(count)]
    return "largest mappings of the program (PSS):\n" + "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--breakdown", action="store_true")
    parser.add_argument("--platform", default="offscreen", help="Qt platform: offscreen, or xcb under an X server")
    parser.add_argument("--bundle", type=Path, help="the packaged app's folder (holding field-reader)")
    parser.add_argument("--panels", action="store_true", help="the glossary and notes panels open from the start")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--open-panels", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.breakdown:
            import tracemalloc

            tracemalloc.start(1)
        if args.data is not None:
            import reader.ui  # noqa: F401  (first, as at a start: it settles PySide6's import hook)

            if args.open_panels:
                open_panels(args.data)
                return 0
            run_window(args.data, args.notes, args.breakdown)
        child(args.notes)
        return 0

    bundle = args.bundle.resolve() if args.bundle else None
    measure_app(0, args.platform, bundle)  # fills the bytecode cache, as a first start does
    figures: dict[int, list[float]] = {0: [], args.notes: []}
    for _ in range(args.runs):
        for notes in figures:
            figures[notes].append(measure_app(notes, args.platform, bundle, panels=args.panels)[0])
    what = f"the bundle in {args.bundle}" if bundle else "python -m reader"
    opened = ", the glossary and notes panels open" if args.panels else ""
    print(f"PSS with every feature built{opened}: {what}, {args.platform}; median of {args.runs} fresh processes each")
    from statistics import median  # (`statistics` brings `decimal` and `fractions`, which the app never loads)

    for notes, aim in ((0, 80), (args.notes, 120)):
        runs = ", ".join(f"{figure:.1f}" for figure in figures[notes])
        print(f"  {notes:>6,} notes: {median(figures[notes]):6.1f} MB   (aim: <= {aim} MB; runs: {runs})")
    if args.breakdown:
        for notes in figures:
            print(f"\n--- where the memory goes, {notes:,} notes ---")
            print(measure_app(notes, args.platform, bundle, maps=True)[1])
            if not bundle:
                print("(tracemalloc on in a process of this script that builds the same window)")
                print(breakdown(notes, args.platform))
    return 0


if __name__ == "__main__":
    sys.exit(main())
