"""Notes in the window: with 10,000 notes, how long the event loop stalls at start-up, after an import, after a
deletion, and while typing in the search field and the notes filter.

    .venv/bin/python benchmarks/notes_window.py                 # 10,000 notes
    .venv/bin/python benchmarks/notes_window.py --notes 2000

A QTimer probe ticks every 10 ms; a stall is the gap between two ticks less those 10 ms (what a reader feels as the
window not answering). For each moment it prints the longest stall and the 95th percentile, how long Python's
garbage collections took, and, to find the culprit, where the UI thread was during the longest stalls (a thread
samples its stack every 2 ms while a tick is overdue). Runs offscreen in a temporary data folder; figures are
printed, not asserted. Never run from the tests.

The moments: start-up (a second start: a first one filled the page's cache; the window built and shown, the chrome
and features built one per turn as in the app, the report's index opened, the notes indexed and painted); importing
a W3C file of 5,000 notes (the file is read and placed beforehand, as the app does off the UI thread; the stall
includes writing them, in slices of one transaction, as the app does); removing an imported layer of 1,000 notes
as the notes panel does, undoing and redoing that; deleting one note; switching the theme and back and turning
reference mode on and off (the page is loaded again and every highlight built anew); typing a word into the search
field; opening the notes panel; typing a word into its filter, one key every 120 ms; turning the privacy lock on,
locking and unlocking, and turning it off again (every note sealed or unsealed, then read and placed anew); then
the first start on a new edition of the report (every note placed afresh, moved positions saved).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from notes import edited_copy, random_notes

from reader.app_objects import AppObjects, NotesOpener
from reader.content import load_report
from reader.glossary import load_glossary
from reader.lock.privacy import Privacy
from reader.notes.note import MY_LAYER
from reader.notes.store import NoteStore
from reader.paths import Folders

CONTENT = Path(__file__).resolve().parent.parent / "content"
TICK_MS = 10
SETTLE_S = 0.5  # after the work seems done, keep probing this long
TIMEOUT_S = 60
SAMPLE_EVERY_S = 0.002
SAMPLE_AFTER_MS = 15
STACK_DEPTH = 5
CULPRITS_SHOWN = 3
STALLS_EXPLAINED = 2
LOCK_PASSPHRASE = "benchmark passphrase"


class Probe:
    """Records the gaps between the ticks of a 10 ms timer, and where the UI thread was during the long ones."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.stalls: list[float] = []
        self.culprits: list[tuple[float, Counter[str]]] = []  # each long stall, with the stacks seen during it
        self._seen: Counter[str] = Counter()
        self._last = time.perf_counter()
        self._running = False
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._ui_thread = threading.get_ident()
        threading.Thread(target=self._sample, daemon=True).start()
        self.collections: list[tuple[float, int]] = []  # Python's garbage collections: milliseconds, generation
        self._collecting = 0.0
        gc.callbacks.append(self._on_collection)

    def start(self) -> None:
        self.stalls = []
        self.collections = []
        self.culprits = []
        self._seen = Counter()
        self._last = time.perf_counter()
        self._running = True
        self._timer.start()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        stall = max(0.0, (now - self._last) * 1000 - TICK_MS)
        self.stalls.append(stall)
        seen, self._seen = self._seen, Counter()
        if stall >= SAMPLE_AFTER_MS:
            self.culprits.append((stall, seen))
        self._last = now

    def _on_collection(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._collecting = time.perf_counter()
        elif self._running:
            self.collections.append(((time.perf_counter() - self._collecting) * 1000, info["generation"]))

    def _sample(self) -> None:
        """Every 2 ms, while a tick is overdue, note the UI thread's stack: the callbacks seen most often during the
        longest stalls are what stalls the window (each sample stands for about 2 ms)."""
        while True:
            time.sleep(SAMPLE_EVERY_S)
            if not self._running or (time.perf_counter() - self._last) * 1000 < TICK_MS + SAMPLE_EVERY_S * 1000:
                continue
            frame = sys._current_frames().get(self._ui_thread)
            if frame is not None:
                self._seen[_where(frame)] += 1


def _where(frame) -> str:
    """The innermost frames of a stack, ours named by module and function, the very innermost whatever it is."""
    names = []
    innermost = True
    while frame is not None and len(names) < STACK_DEPTH:
        path = frame.f_code.co_filename
        if innermost or "/reader/" in path:
            names.append(f"{Path(path).stem}.{frame.f_code.co_name}:{frame.f_lineno}")
        innermost = False
        frame = frame.f_back
    return " < ".join(names)


def run_until(app, done: Callable[[], bool]) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.001)
    settle = time.monotonic() + SETTLE_S
    while time.monotonic() < settle:
        app.processEvents()
        time.sleep(0.001)


def report_moment(label: str, probe: Probe) -> None:
    stalls = sorted(probe.stalls) or [0.0]
    p95 = stalls[min(len(stalls) - 1, int(len(stalls) * 0.95))]
    print(f"{label:<44} longest stall {stalls[-1]:7.1f} ms   95th percentile {p95:6.1f} ms   ({len(stalls)} ticks)")
    if probe.collections:
        longest, generation = max(probe.collections)
        print(f"    {len(probe.collections)} garbage collections, longest {longest:.1f} ms (generation {generation})")
    for stall, seen in sorted(probe.culprits, key=lambda culprit: -culprit[0])[:STALLS_EXPLAINED]:
        print(f"    a stall of {stall:.0f} ms:")
        for where, count in seen.most_common(CULPRITS_SHOWN):
            print(f"        {count:3d} samples in {where}")


def type_into(app, field, word: str) -> None:
    from PySide6.QtCore import QTimer

    typed = []

    def key() -> None:
        typed.append(word[len(typed)])
        field.setText("".join(typed))
        if len(typed) < len(word):
            QTimer.singleShot(120, key)

    QTimer.singleShot(0, key)
    run_until(app, lambda: len(typed) == len(word))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="field-reader-notes-window-"))
    os.environ["READER_DATA_DIR"] = str(folder)
    report = load_report(CONTENT)
    rng = random.Random(7)
    shared = min(1_000, args.notes // 10)
    with NoteStore(folder) as store:
        store.add_imported(MY_LAYER, random_notes(report, args.notes - shared, rng))
        store.add_imported("shared", random_notes(report, shared, rng, "shared"))
    from reader.notes.export import export_notes
    from reader.notes.w3c_import import prepare_import

    other = Path(tempfile.mkdtemp(prefix="field-reader-import-"))
    with NoteStore(other) as store:
        store.add_imported(MY_LAYER, random_notes(report, 5_000, random.Random(11), "colleague"))
        exported = export_notes(other / "colleague.json", "json", store.notes(), report)
    prepared = prepare_import(report, exported, "colleague")

    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit

    from reader.ui.app import build_main_window
    from reader.ui.note_highlighter import NoteHighlighter
    from reader.ui.notes_indexer import NotesIndexer
    from reader.ui.ui_thread_collection import collect_on_ui_thread

    app = QApplication.instance() or QApplication([])
    collect_on_ui_thread(app)  # garbage collected on the UI thread only, as the app does once its page is up
    glossary = load_glossary(report)
    folders = Folders(data=folder, cache=folder / "cache", content=CONTENT, bundled_index=CONTENT.parent / "index")
    privacy = Privacy(folder, folder / "cache")
    notes = opener = NotesOpener(
        folder, privacy, report.manifest.id
    )  # as the app opens them, checked from the first paint
    objects = AppObjects(
        report,
        folders,
        glossary=lambda: glossary,
        open_notes=notes.open,
        privacy=privacy,
        begin_notes_check=notes.begin_check,
        prepare_notes=notes.prepare,
    )

    def start_window():
        window = build_main_window(objects)
        window.show()
        return window

    def all_ready() -> bool:
        feature = window.findChild(QObject, "searchFeature")
        notes = window.findChild(NotesIndexer)
        highlighter = window.findChild(NoteHighlighter, "noteHighlighter")
        ready = getattr(notes, "is_ready", None)
        notes_ready = ready if ready is not None else getattr(notes, "index", None) is not None
        return bool(feature and feature.is_ready and notes_ready and highlighter and highlighter.is_active)

    # A reader with 10,000 notes has started the app before: a first start fills the page's cache, then closes.
    window = start_window()
    run_until(app, all_ready)
    window.close()
    window.deleteLater()
    # Deleted now, as the app's event loop would delete it: a window left alive is styled again with the next one.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    run_until(app, lambda: True)

    probe = Probe()
    probe.start()
    started = time.perf_counter()
    window = start_window()
    run_until(app, all_ready)
    probe.stop()
    print(f"{args.notes:,} notes; start-up to everything ready: {(time.perf_counter() - started) * 1000:.0f} ms")
    report_moment("start-up (first paint, features, indexes)", probe)

    notes = window.findChild(QObject, "notesFeature") or window
    annotator = getattr(notes, "annotator", None) or window.findChild(QObject, "notesUndoStack").parent()

    def act(label: str, action: Callable[[], object]) -> None:
        probe.start()
        begun = []

        def run() -> None:
            start = time.perf_counter()
            action()
            begun.append((time.perf_counter() - start) * 1000)

        QTimer.singleShot(0, run)
        run_until(app, lambda: bool(begun) and not annotator.is_loading and all_ready())
        probe.stop()
        report_moment(label, probe)
        print(f"{'':<44} (of which the change itself, on the UI thread: {begun[0]:.0f} ms)")

    act("import 5,000 notes", lambda: annotator.start_import(prepared))  # as the app's importer does
    act(f"remove a layer of {shared:,} notes", lambda: annotator.start_removing_layer("shared"))  # as the panel does
    act(f"undo: the layer's {shared:,} notes back", annotator.undo_stack.undo)
    act(f"redo: the layer's {shared:,} notes removed again", annotator.undo_stack.redo)
    own = [note for note in annotator.notes() if note.layer == MY_LAYER]  # an imported layer is read-only
    act("delete one note", lambda: annotator.delete(own[len(own) // 2].id))

    from PySide6.QtGui import QAction

    from reader.ui.actions import ActionName

    highlighter = window.findChild(NoteHighlighter, "noteHighlighter")
    for label, action_name in [
        ("switching to the dark theme", ActionName.THEME_DARK),
        ("switching back to the light theme", ActionName.THEME_LIGHT),
        ("turning reference mode on", ActionName.REFERENCE_MODE),
        ("turning reference mode off", ActionName.REFERENCE_MODE),
    ]:
        # The page is loaded again, then every highlight is built anew at its place, in slices, and painted.
        painted: list[bool] = []
        highlighter.painted.connect(lambda painted=painted: painted.append(True))
        probe.start()
        QTimer.singleShot(0, window.findChild(QAction, action_name.value).trigger)
        run_until(app, lambda painted=painted: bool(painted))
        probe.stop()
        highlighter.painted.disconnect()
        report_moment(label, probe)

    window.ensure_features()
    search = window.findChild(QLineEdit, "searchField")
    probe.start()
    type_into(app, search, "genocide")
    probe.stop()
    report_moment("typing 'genocide' into the search field", probe)
    from PySide6.QtWidgets import QDockWidget, QListView

    probe.start()
    window.findChild(QDockWidget, "notesDock").show()
    run_until(app, lambda: bool(window.findChild(QListView, "notesList")))
    probe.stop()
    report_moment("opening the notes panel", probe)
    field = window.findChild(QLineEdit, "notesFilter")
    probe.start()
    type_into(app, field, "follow")
    probe.stop()
    report_moment("typing 'follow' into the notes filter", probe)
    print(f"median tick gap while typing in the filter: {statistics.median(probe.stalls or [0]):.1f} ms over 10 ms")

    # The privacy lock turned on, then off, as its dialog does: every note sealed or unsealed off the UI thread, the
    # notes closed meanwhile and opened again after (read and placed in slices).
    from reader.lock.key_file import LockSettings

    lock = window.findChild(QObject, "lockFeature")

    def notes_back() -> bool:
        feature = window.findChild(QObject, "notesFeature")
        return feature is not None and not feature.annotator.is_loading and all_ready()

    def lock_and_unlock(answer: Callable[[str | None], None]) -> None:
        lock.lock_now()
        lock._try_unlock(LOCK_PASSPHRASE, answer)  # as the unlock dialog does

    for label, switch in [
        ("turning the privacy lock on", lambda answer: lock.turn_on(LOCK_PASSPHRASE, LockSettings(), answer)),
        ("locking, then unlocking", lock_and_unlock),
        ("turning the privacy lock off", lambda answer: lock.turn_off(LOCK_PASSPHRASE, answer)),
    ]:
        answers: list[str | None] = []
        probe.start()
        QTimer.singleShot(0, lambda switch=switch, answers=answers: switch(answers.append))
        run_until(app, lambda answers=answers: bool(answers) and notes_back())
        probe.stop()
        report_moment(label, probe)
        assert answers == [None], answers
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    # A new edition of the report (as `notes.py`'s heavy edit makes it), installed with its search index as a
    # release brings it: the first start re-anchors every note, in slices, and saves the new positions and the near
    # searches' places, in slices too.
    from reader.search.documents import glossary_documents
    from reader.search.location import open_or_build_index

    edition_folder = Path(tempfile.mkdtemp(prefix="field-reader-edition-"))
    edition, _ = edited_copy(edition_folder / "content", random.Random(7))
    edition_glossary = load_glossary(edition)
    open_or_build_index(
        edition, glossary_documents(edition_glossary), edition_folder / "index", folder / "cache"
    ).close()
    objects = AppObjects(
        edition,
        Folders(data=folder, cache=folder / "cache", content=edition.folder, bundled_index=edition_folder / "index"),
        glossary=lambda: edition_glossary,
        open_notes=opener.open,
        privacy=privacy,
        begin_notes_check=opener.begin_check,
        prepare_notes=opener.prepare,
    )
    probe.start()
    window = start_window()
    run_until(app, lambda: all_ready() and not window.findChild(QObject, "notesFeature").annotator.is_loading)
    probe.stop()
    report_moment("first start on a new edition", probe)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
