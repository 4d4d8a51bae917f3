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
    from reader.notes.store import NoteStore


@dataclass(frozen=True, slots=True)
class AppObjects:
    """The report and the folders, plus functions that load the glossary and open the notes when first needed.

    The glossary and the notes are loaded lazily so that neither delays the window's first paint (nor a command
    that does not use them). `glossary()` loads once and returns the same `Glossary` after; `open_notes()` opens
    the user's notes database and the caller closes it (while the privacy lock is closed it raises NotesLockedError).
    """

    report: Report
    folders: Folders
    glossary: Callable[[], Glossary]
    open_notes: Callable[[], NoteStore]
    privacy: Privacy


def build_app_objects(folders: Folders) -> AppObjects:
    """Load the report from `folders.content` (raises ContentError) and prepare the rest to load on demand."""
    if folders.bundled_cache is not None:
        _seed_parsed_report(folders.bundled_cache, folders.cache)
    report = load_report(folders.content, folders.cache)
    privacy = Privacy(folders.data, folders.cache)
    return AppObjects(
        report=report,
        folders=folders,
        glossary=glossary_loader(report),
        open_notes=lambda: _open_notes(folders, privacy, report.manifest.id),
        privacy=privacy,
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


def _open_notes(folders: Folders, privacy: Privacy, report_id: str) -> NoteStore:
    from reader.notes.store import NoteStore

    return NoteStore(folders.data, key=privacy.key, report=report_id)
