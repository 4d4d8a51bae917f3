"""`export_notes`: writing notes to a file in any export format (handouts or W3C Web Annotation JSON)."""

from __future__ import annotations

import enum
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.atomic_file import write_atomically
from reader.collection_pause import garbage_collection_paused
from reader.content import Report
from reader.errors import ReaderError
from reader.message import QT_TRANSLATE_NOOP, message
from reader.notes.anchoring import ReportText
from reader.notes.handout import handout_entries, handout_title, render_html, render_markdown
from reader.notes.note import Note

if TYPE_CHECKING:
    from reader.notes.sealed_file import NotesFileSealer


class ExportFormat(enum.StrEnum):
    """The formats notes can be exported to."""

    MARKDOWN = "md"
    JSON = "json"
    HTML = "html"
    PDF = "pdf"


def export_notes(
    path: Path,
    export_format: ExportFormat | str,
    notes: Iterable[Note],
    report: Report | ReportText,
    *,
    safe: bool = False,
    passphrase: str | None = None,
    sealer: NotesFileSealer | None = None,
    away_from: Path | None = None,
) -> Path:
    """Write notes to `path` as a Markdown, HTML or PDF handout, or W3C Web Annotation JSON (atomically).

    With a `passphrase`, the W3C file is sealed under it (`sealed_file.py`): only a Field Reader given the
    passphrase can import it. A `sealer` made from the passphrase beforehand does the same with the key it may
    have derived already (the export dialog starts one as soon as both passphrase fields agree). Handouts are made
    to be read by anyone, so they cannot be sealed. A path inside `away_from` (the data folder, whose files are the
    notes themselves, their backups and the lock) is refused before anything is written.

    Given the `ReportText` the window placed its notes in, the export finds each note where that pass found it, without
    searching again: after a new edition of the report, where many notes are found only approximately or not at all,
    that is most of an export's time.
    """
    if away_from is not None:
        refuse_inside(Path(path), away_from)
    try:
        chosen = ExportFormat(export_format)
    except ValueError as exc:
        names = ", ".join(choice.value for choice in ExportFormat)
        raise ReaderError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot export to “{export_format}”: use one of {names}."),
                export_format=export_format,
                names=names,
            )
        ) from exc
    if (passphrase is not None or sealer is not None) and chosen is not ExportFormat.JSON:
        raise ReaderError(
            message(
                QT_TRANSLATE_NOOP("core", "Only a W3C notes file (json) can be sealed; handouts are made to be shared.")
            )
        )
    if sealer is None and passphrase is not None:
        from reader.notes.sealed_file import NotesFileSealer

        sealer = NotesFileSealer(passphrase)  # derives the key while the file is written
    with garbage_collection_paused():
        return _write_export(Path(path), chosen, tuple(notes), report, safe, sealer)


def _write_export(
    path: Path,
    chosen: ExportFormat,
    notes: tuple[Note, ...],
    report: Report | ReportText,
    safe: bool,
    sealer: NotesFileSealer | None,
) -> Path:
    return _written(path, _contents(chosen, notes, report, safe), sealer)


def _contents(chosen: ExportFormat, notes: tuple[Note, ...], report: Report | ReportText, safe: bool) -> bytes:
    """The bytes of the export file, before any sealing."""
    text = report if isinstance(report, ReportText) else ReportText(report)
    if chosen is ExportFormat.JSON:
        from reader.notes.w3c_export import w3c_bytes

        return w3c_bytes(notes, text, safe=safe)
    entries = handout_entries(notes, text, safe=safe)
    title = handout_title(text.report)
    if chosen is ExportFormat.MARKDOWN:
        return render_markdown(entries, title).encode("utf-8")
    if chosen is ExportFormat.HTML:
        return render_html(entries, title).encode("utf-8")
    from reader.notes.handout_pdf import render_pdf

    return render_pdf(entries, title, safe=safe)


def _written(path: Path, data: bytes, sealer: NotesFileSealer | None) -> Path:
    return write_atomically(path, data if sealer is None else sealer.seal(data), chosen=True)


class SealedExportInMaking:
    """A W3C notes file made on a thread of its own while the caller asks for the passphrase to seal it with.

    Reading a passphrase from the terminal lets go of the interpreter's lock, so the notes are placed and written out
    meanwhile: once the passphrase is confirmed, `write` waits for little more than sealing and saving the file. Given
    the `ReportText` the caller goes on using, the caller leaves it alone until `write` has returned. Should no
    passphrase come (the command stopped at the prompt), the thread ends with the process.
    """

    def __init__(self, notes: Iterable[Note], text: ReportText, *, safe: bool = False) -> None:
        self._notes = tuple(notes)
        self._text = text
        self._safe = safe
        self._data: bytes | None = None
        self._failure: BaseException | None = None
        self._making = threading.Thread(target=self._make, name="sealed-export", daemon=True)
        self._making.start()

    def _make(self) -> None:
        try:
            with garbage_collection_paused():
                self._data = _contents(ExportFormat.JSON, self._notes, self._text, self._safe)
        except BaseException as exc:  # handed to the caller by `write`
            self._failure = exc

    def write(self, path: Path, sealer: NotesFileSealer, *, away_from: Path | None = None) -> Path:
        """Seal the file under `sealer`'s key and write it to `path` atomically (waiting for both if need be)."""
        if away_from is not None:
            refuse_inside(Path(path), away_from)
        self._making.join()
        if self._failure is not None:
            raise self._failure
        assert self._data is not None  # set by `_make` whenever it did not fail
        return _written(Path(path), self._data, sealer)


def refuse_inside(path: Path, away_from: Path) -> None:
    """ReaderError when `path` lies inside `away_from` (the data folder, which `export_notes` never writes into):
    for a caller to ask before it asks the reader anything more."""
    if _inside(path, away_from):
        raise ReaderError(
            message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Cannot export to {path}: it is inside the folder that keeps your notes ({folder}); "
                    "choose another folder.",
                ),
                path=path,
                folder=away_from,
            )
        )


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path` (resolved, links followed) is `folder` or lies anywhere inside it."""
    try:
        return path.expanduser().resolve().is_relative_to(folder.expanduser().resolve())
    except (OSError, RuntimeError):  # a loop of links, or a path that cannot be resolved: not inside, as far as known
        return False
