"""The `search` and `index build` commands of the command line: printing what search finds, building the index."""

from __future__ import annotations

import json
import os
import sys
import textwrap
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from reader.cli.output import tell
from reader.cli.passphrase import PASSPHRASE_VARIABLE, ask_passphrase
from reader.content import Report
from reader.glossary import Glossary
from reader.lock.privacy import Privacy
from reader.notes.schema import DB_NAME
from reader.notes.sealed_database import SEALED_NAME
from reader.notes.store import NoteStore
from reader.paths import Folders
from reader.search.build import Progress, build_index
from reader.search.documents import glossary_documents, note_documents
from reader.search.everywhere import search_everywhere
from reader.search.index import SearchIndex
from reader.search.location import cache_index_folder, open_or_build_index
from reader.search.results import HitKind, SearchHit, SearchResult

_BOLD, _PLAIN = "\033[1m", "\033[0m"


def run_search(
    report: Report,
    glossary: Glossary,
    folders: Folders,
    text: str,
    limit: int,
    as_json: bool,
    open_notes: Callable[[], NoteStore] | None = None,
) -> int:
    """Search the report's index (building it in the cache folder if none is fresh) and the reader's notes."""
    with ExitStack() as opened:
        indexes = [
            opened.enter_context(
                open_or_build_index(
                    report, glossary_documents(glossary), folders.bundled_index, folders.cache, _progress_to_stderr()
                )
            )
        ]
        notes_index = _open_notes_index(report, open_notes) if open_notes else None
        if notes_index is not None:
            indexes.append(opened.enter_context(notes_index))
        result = search_everywhere(text, indexes, limit)
    if as_json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_result(result, emphasis=sys.stdout.isatty())
    return 0


def run_index_build(report: Report, glossary: Glossary, folder: Path, folders: Folders | None = None) -> int:
    """Build the index of the report and its glossary into `folder` (the bundled index/, for a release).

    A downloaded app's own folder (`folders.app_folder`) is never written: there the index is built in the cache
    folder, where the app looks for one when the bundled index is stale.
    """
    if folders is not None and folders.app_folder is not None and _inside(folder, folders.app_folder):
        folder = cache_index_folder(folders.cache)
        print(f"The app's own folder is left as it was installed; building the index in {folder} instead.")
    build_index(folder, report, glossary_documents(glossary), _progress_to_stderr())
    with SearchIndex.open(folder) as search_index:
        count = search_index.document_count
    print(f"Indexed {count} passages into {folder}.")
    return 0


def searchable_notes(
    privacy: Privacy, data: Path, open_notes: Callable[[], NoteStore]
) -> Callable[[], NoteStore] | None:
    """How to open the notes for a search, or None when there are none or they are locked (the report is public).

    With the lock on, the notes are searched only when READER_PASSPHRASE is given; no database is ever created.
    """
    if not ((data / DB_NAME).is_file() or (data / SEALED_NAME).is_file()):
        return None
    if privacy.is_locked:
        if PASSPHRASE_VARIABLE not in os.environ:
            tell(f"Your notes are locked, so only the report and glossary were searched (see {PASSPHRASE_VARIABLE}).")
            return None
        privacy.unlock(ask_passphrase())
    return open_notes


def _open_notes_index(report: Report, open_notes: Callable[[], NoteStore]) -> SearchIndex | None:
    """An in-memory index of the reader's visible notes, or None when there are none."""
    with open_notes() as store:
        notes = store.notes(visible_only=True)
    return SearchIndex.in_memory(note_documents(notes, report)) if notes else None


def _progress_to_stderr() -> Progress:
    started = False

    def progress(done: int, total: int) -> None:
        nonlocal started
        if not started:
            print("Building the search index…", file=sys.stderr)
            started = True

    return progress


def _print_result(result: SearchResult, emphasis: bool) -> None:
    if result.notice:
        print(result.notice)
    if result.suggestion:
        print(f"Did you mean: {result.suggestion}?")
    if not result.hits:
        print(f"No results for “{result.query.strip()[:80]}”.")
        return
    shown = len(result.hits)
    noun = ("close match", "close matches") if result.is_fuzzy else ("result", "results")
    count = f"{result.total} {noun[result.total != 1]}"
    print(f"{count}{f', showing {shown}' if shown < result.total else ''}:")
    for number, hit in enumerate(result.hits, start=1):
        print()
        where = hit.paragraph_id or hit.key
        label = "" if hit.kind is HitKind.REPORT else f"[{hit.kind.value}] "
        print(f"{number:>2}. {label}{hit.heading}  ({where})")
        print(textwrap.indent(_emphasised(hit, emphasis), "    "))


def _no_escape(text: str) -> str:
    """A note's text without ESC, so only our own bold marks reach the terminal (the stream lets those through)."""
    return text.replace("\x1b", "")


def _emphasised(hit: SearchHit, emphasis: bool) -> str:
    if not emphasis:
        return textwrap.fill(hit.snippet, width=74)
    # Wrap first, then mark: escape codes would confuse the line widths.
    lines = textwrap.wrap(hit.snippet, width=74)
    marked, offset = [], 0
    for line in lines:
        start = hit.snippet.index(line, offset)
        end = start + len(line)
        pieces, cursor = [], start
        for span_start, span_end in hit.snippet_spans:
            span_start, span_end = max(span_start, start), min(span_end, end)
            if span_start >= span_end or span_start < cursor:
                continue
            pieces += [_no_escape(hit.snippet[cursor:span_start]), _BOLD, _no_escape(hit.snippet[span_start:span_end])]
            pieces.append(_PLAIN)
            cursor = span_end
        marked.append("".join([*pieces, _no_escape(hit.snippet[cursor:end])]))
        offset = end
    return "\n".join(marked)


def _inside(folder: Path, app_folder: Path) -> bool:
    return Path(folder).resolve().is_relative_to(app_folder.resolve())
