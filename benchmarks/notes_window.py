"""Notes in the window: with 10,000 notes, how long the first paint of highlights, the notes panel and a filter take.

    .venv/bin/python benchmarks/notes_window.py                 # 10,000 notes
    .venv/bin/python benchmarks/notes_window.py --notes 2000

Runs offscreen in a temporary data folder; figures are printed, not asserted. Never run from the tests.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from notes import random_notes

from reader.app_objects import AppObjects
from reader.content import load_report
from reader.glossary import load_glossary
from reader.lock.privacy import Privacy
from reader.notes.note import MY_LAYER
from reader.notes.store import NoteStore
from reader.paths import Folders

CONTENT = Path(__file__).resolve().parent.parent / "content"


def timed(label: str, action: Callable[[], object]) -> object:
    start = time.perf_counter()
    result = action()
    print(f"{label:<58} {(time.perf_counter() - start) * 1000:9.1f} ms")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="field-reader-notes-window-"))
    os.environ["READER_DATA_DIR"] = str(folder)
    report = load_report(CONTENT)
    with NoteStore(folder) as store:
        store.add_imported(MY_LAYER, random_notes(report, args.notes, random.Random(7)))

    from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit

    from reader.ui.app import build_main_window
    from reader.ui.note_highlighter import NoteHighlighter

    app = QApplication.instance() or QApplication([])
    glossary = load_glossary(report)
    folders = Folders(data=folder, cache=folder / "cache", content=CONTENT, bundled_index=CONTENT.parent / "index")
    objects = AppObjects(
        report,
        folders,
        glossary=lambda: glossary,
        open_notes=lambda: NoteStore(folder),
        privacy=Privacy(folder, folder / "cache"),
    )
    window = timed("build the window", lambda: build_main_window(objects))
    window.show()
    timed("show the first page", app.processEvents)
    timed("build contents, menus, glossary, notes and search", window.ensure_features)
    highlighter = window.findChild(NoteHighlighter, "noteHighlighter")
    timed(f"read, place and paint {args.notes:,} highlights", highlighter.start)
    timed("repaint the document with them", lambda: window.document.viewport().repaint())
    notes_dock = window.findChild(QDockWidget, "notesDock")
    timed("open the notes panel (built on first show)", lambda: (notes_dock.show(), app.processEvents()))
    field = window.findChild(QLineEdit, "notesFilter")
    timed("filter the panel by a word", lambda: field.setText("follow"))
    timed("clear the filter", lambda: field.setText(""))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
