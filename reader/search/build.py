"""Building a search index on disk, atomically: the report's paragraphs and any extra documents."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import whoosh.index

from reader.content import Report
from reader.message import QT_TRANSLATE_NOOP, message
from reader.search.documents import SearchDocument, index_fields, report_documents
from reader.search.errors import SearchError
from reader.search.schema import index_schema
from reader.search.stamp import INFO_NAME, stamp_text

Progress = Callable[[int, int], None]
"""Called now and then with (done, total) while an index is built."""

_WHOOSH_PREFIXES = ("MAIN_", "_MAIN_")
_WRITER_LOCK = "_WRITELOCK"  # Whoosh's lock file while a writer is open (MAIN_WRITELOCK)


def build_index(
    folder: Path,
    report: Report,
    extra_documents: Iterable[SearchDocument] = (),
    progress: Progress | None = None,
) -> Path:
    """Build the index of `report` (and `extra_documents`, such as glossary entries) into `folder`.

    The index is written beside the folder first and moved in when complete, so a crash never leaves half an
    index; other files in `folder` (a README) are kept. Runs synchronously; call it off the UI thread.
    """
    documents = (*report_documents(report), *extra_documents)
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".building-", dir=folder) as scratch:
            scratch_path = Path(scratch)
            index = whoosh.index.create_in(scratch_path, index_schema())
            writer = index.writer(limitmb=128)
            try:
                _add_documents(writer, documents, progress)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
            (scratch_path / INFO_NAME).write_text(stamp_text(report, len(documents)), encoding="utf-8")
            _replace_index_files(scratch_path, folder)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SearchError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot build the search index in {folder}: {reason}; check the folder."),
                folder=folder,
                reason=reason,
            )
        ) from exc
    if progress is not None:
        progress(len(documents) + 1, len(documents) + 1)
    return folder


def _add_documents(writer, documents: tuple[SearchDocument, ...], progress: Progress | None) -> None:
    total = len(documents)
    step = max(1, total // 100)
    for done, document in enumerate(documents, start=1):
        writer.add_document(**index_fields(document))
        if progress is not None and (done % step == 0 or done == total):
            # The commit still follows; report slightly under complete until it is done.
            progress(done, total + 1)


def _is_index_file(path: Path) -> bool:
    return path.is_file() and (path.name == INFO_NAME or path.name.startswith(_WHOOSH_PREFIXES))


def _replace_index_files(source: Path, folder: Path) -> None:
    # Remove the info file first: if anything below fails, the folder reads as "no index", never as fresh.
    (folder / INFO_NAME).unlink(missing_ok=True)
    for old in folder.iterdir():
        if _is_index_file(old):
            old.unlink()
    for new in sorted(source.iterdir(), key=lambda path: path.name == INFO_NAME):
        if new.name.endswith(_WRITER_LOCK):
            continue  # the writer's lock, released with the commit: not part of the index
        shutil.move(str(new), folder / new.name)
