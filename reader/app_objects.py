"""`AppObjects`: the objects one run shares, built once by `__main__` and handed to the window or a command."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader import PROGRAM
from reader.content import Report, load_report
from reader.errors import ReaderError
from reader.lock.privacy import Privacy
from reader.paths import Folders

if TYPE_CHECKING:
    from reader.glossary import Glossary
    from reader.notes.integrity_check import IntegrityCheck
    from reader.notes.sealed_database import ReadAhead
    from reader.notes.store import NoteStore


@dataclass(frozen=True, slots=True)
class AppObjects:
    """The report and the folders, plus functions that load the glossary and open the notes when first needed.

    The glossary and the notes are loaded lazily so that neither delays the window's first paint (nor a command
    that does not use them). `glossary()` loads once and returns the same `Glossary` after; `open_notes()` opens
    the user's notes database and the caller closes it (while the privacy lock is closed it raises NotesLockedError).
    `begin_notes_check()` begins the database's integrity check on a thread of its own, so that the next
    `open_notes()` takes its answer instead of checking then (the window begins it at its first paint).
    `prepare_notes()` does on a worker thread, and waits for, what makes the next `open_notes()` quick (after the
    privacy lock was opened, or turned on or off, just before the window opens the notes again).
    """

    report: Report
    folders: Folders
    glossary: Callable[[], Glossary]
    open_notes: Callable[[], NoteStore]
    privacy: Privacy
    begin_notes_check: Callable[[], None] = lambda: None
    prepare_notes: Callable[[], None] = lambda: None


def build_app_objects(folders: Folders) -> AppObjects:
    """Load the report from `folders.content` (raises ContentError) and prepare the rest to load on demand."""
    if folders.bundled_cache is not None:
        _seed_parsed_report(folders.bundled_cache, folders.cache)
    report = load_report(folders.content, folders.cache)
    privacy = Privacy(folders.data, folders.cache)
    notes = NotesOpener(folders.data, privacy, report.manifest.id)
    return AppObjects(
        report=report,
        folders=folders,
        glossary=glossary_loader(report),
        open_notes=notes.open,
        privacy=privacy,
        begin_notes_check=notes.begin_check,
        prepare_notes=notes.prepare,
    )


def _seed_parsed_report(bundled_cache: Path, cache: Path) -> None:
    """A first start reads the sections parsed before release: copy the prepared file into the user's cache.

    Files are named by the content's checksum, so one prepared from other content is simply never read; a cache
    that cannot be written only costs the parse.
    """
    try:
        prepared = [entry for entry in os.scandir(bundled_cache / "report") if entry.name.endswith(".json")]
    except OSError:  # a source checkout: nothing prepared
        return
    for entry in prepared:
        target = cache / "report" / entry.name
        if not target.exists():
            import shutil

            with contextlib.suppress(OSError):
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(entry.path, target)


def glossary_loader(report: Report) -> Callable[[], Glossary]:
    """Load the glossary once, on first use; a broken glossary file leaves the report readable without one."""
    loaded: list[Glossary] = []

    def load() -> Glossary:
        if not loaded:
            from reader.glossary import Glossary, load_glossary

            try:
                loaded.append(load_glossary(report))
            except ReaderError as error:
                print(f"{PROGRAM}: {error}", file=sys.stderr)
                loaded.append(Glossary((), report))
        return loaded[0]

    return load


class NotesOpener:
    """Opens the reader's notes in the data folder, for the report being read (sealed while the lock is on)."""

    def __init__(self, data: Path, privacy: Privacy, report_id: str) -> None:
        self._data = data
        self._privacy = privacy
        self._report_id = report_id
        self._check: IntegrityCheck | None = None
        self._ahead: ReadAhead | None = None

    def begin_check(self) -> None:
        """Begin the plain database's integrity check, for the next `open` (nothing while the lock is on: a sealed
        store is checked as it is read into memory)."""
        if self._check is None and not self._privacy.is_on:
            from reader.notes.integrity_check import IntegrityCheck

            self._check = IntegrityCheck(self._data)

    def prepare(self) -> None:
        """Make the next `open` quick, on a worker thread (the window opens the notes on the UI thread once the lock
        was opened or switched): a plain database checked, or sealed notes read, unsealed and checked (and the
        modules opening them needs imported)."""
        if self._privacy.is_locked:
            return
        key = self._privacy.key
        if key is not None:
            import filelock  # noqa: F401 (what a sealed store imports as it opens)

            from reader.notes.sealed_database import read_ahead

            self._ahead = read_ahead(self._data, key)
            return
        self.begin_check()
        if self._check is not None:
            self._check.wait()

    def open(self) -> NoteStore:
        """The notes, opened (the caller closes them); while the privacy lock is closed, raises NotesLockedError."""
        from reader.notes.store import NoteStore

        check, self._check = self._check, None
        ahead, self._ahead = self._ahead, None  # decrypted notes: never kept beyond this opening
        return NoteStore(self._data, key=self._privacy.key, report=self._report_id, check=check, ahead=ahead)
