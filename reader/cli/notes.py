"""The `field-reader notes` commands: list, export and import notes from the command line."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.output import tell
from reader.cli.passphrase import ask_file_passphrase, confirm_file_passphrase, given_file_passphrase
from reader.content import Report
from reader.notes.anchoring import Placement, ReportText, place_notes, reading_order
from reader.notes.filter import NoteFilter, filter_notes
from reader.notes.json_text import indented_json
from reader.notes.near_places import new_places, recall_places, remember_places
from reader.notes.note import Note, NotesError
from reader.notes.store import NoteStore

if TYPE_CHECKING:
    from reader.notes.sealed_file import NotesFileSealer


def open_store(open_notes: Callable[[], NoteStore]) -> NoteStore:
    """The user's notes database; a recovery from backup is reported on stderr."""
    store = open_notes()
    if store.recovery_message:
        tell(store.recovery_message)
    return store


def select_notes(store: NoteStore, layer: str | None = None, tags: Iterable[str] = ()) -> tuple[Note, ...]:
    """The notes of one layer (default: every layer) carrying all the given tags (ignoring case)."""
    if layer is not None:
        store.layer(layer)  # an unknown layer is an error, not an empty list
    return filter_notes(store.notes(layer), NoteFilter(tags=tuple(tags)))


def note_row(note: Note, placement: Placement, report: Report) -> dict[str, object]:
    """One note as `notes list --json` prints it."""
    anchor = placement.anchor or note.anchor
    section_id = anchor.section_id or None
    title = report.section(section_id).title if section_id and report.has_section(section_id) else None
    return {
        "id": note.id,
        "quote": note.quote,
        "note": note.text,
        "tags": list(note.tags),
        "color": note.color.value,
        "style": note.style.value,
        "section_id": section_id,
        "section_title": title,
        "paragraph_id": anchor.paragraph_id or None,
        "layer": note.layer,
        "status": placement.status.value,
        "author": note.author,
        "created": note.created.isoformat(),
        "updated": note.updated.isoformat(),
    }


def run_list(
    report: Report, open_notes: Callable[[], NoteStore], as_json: bool, layer: str | None, tags: list[str]
) -> int:
    """Print the notes in reading order, orphaned ones last (or a JSON list)."""
    with open_store(open_notes) as store:
        notes = select_notes(store, layer, tags)
        elsewhere = len(store.other_reports_notes())
        text = ReportText(report)
        edition = recall_places(store, text)
        placements = place_notes(text, notes)
        remember_places(store, edition, new_places(text, notes))
    rows = [note_row(note, placements[note.id], report) for note in reading_order(text, notes, placements)]
    if as_json:
        print(indented_json(rows))
        return 0
    if elsewhere:
        plural = "s" if elsewhere != 1 else ""
        tell(f"{elsewhere} note{plural} made on other reports not shown (open them with --content).")
    if not rows:
        print("No notes yet.")
        return 0
    for row in rows:
        where = row["section_title"] or "(passage not found: orphaned)"
        quote = _shorten(str(row["quote"]), 70)
        print(f"{str(row['id'])[:8]}  [{row['layer']}] {where}")
        print(f"    “{quote}”  ({row['color']} {row['style']})")
        if row["note"]:
            print(f"    {_shorten(str(row['note']), 74)}")
        if row["tags"]:
            print(f"    tags: {', '.join(row['tags'])}")  # type: ignore[arg-type]
    return 0


def run_export(
    report: Report,
    open_notes: Callable[[], NoteStore],
    export_format: str,
    out: Path,
    safe: bool,
    layer: str | None,
    tags: list[str],
    sealed: bool = False,
) -> int:
    """Write the chosen notes to `out` as a handout or a W3C annotation file (sealed under a passphrase if asked)."""
    from reader.notes.export import SealedExportInMaking, export_notes, refuse_inside

    if sealed and export_format != "json":
        raise NotesError("Only a W3C notes file (--format json) can be sealed; handouts are made to be shared.")
    # A sealed file's key takes about 0.4 s to derive, on a thread of its own: from a passphrase the environment
    # gives, it is begun at once, while the notes are read, placed and written out.
    given = given_file_passphrase() if sealed else None
    sealer = None if given is None else _sealer(given)
    with open_store(open_notes) as store:
        refuse_inside(out, store.path.parent)  # before a passphrase is asked for a file that would not be written
        notes = select_notes(store, layer, tags)
        text = ReportText(report)
        edition = recall_places(store, text)
        if sealed and sealer is None:
            # Typed on the terminal: the notes are placed and written out while the reader types, and the key is
            # begun once the passphrase is typed, while it is typed again; once it is confirmed, the export waits
            # for little more than sealing and saving the file.
            making = SealedExportInMaking(notes, text, safe=safe)
            passphrase = ask_file_passphrase()
            sealer = _sealer(passphrase)
            confirm_file_passphrase(passphrase)
            path = making.write(out, sealer, away_from=store.path.parent)
        else:
            path = export_notes(out, export_format, notes, text, safe=safe, sealer=sealer, away_from=store.path.parent)
        remember_places(store, edition, new_places(text, notes))
    print(f"Exported {len(notes)} note{'s' if len(notes) != 1 else ''} to {path}.")
    return 0


def _sealer(passphrase: str) -> NotesFileSealer:
    """A sealer for a notes file, its key begun (a passphrase too short is refused here, before any work)."""
    from reader.notes.sealed_file import NotesFileSealer

    return NotesFileSealer(passphrase)


def run_import(report: Report, open_notes: Callable[[], NoteStore], path: Path, layer: str | None) -> int:
    """Import a W3C or Hypothesis file into a layer, all or nothing."""
    from reader.notes.sealed_file import SealedFileError
    from reader.notes.w3c_import import import_annotations

    with open_store(open_notes) as store:
        try:
            result = import_annotations(store, report, path, layer=layer)
        except SealedFileError:
            result = import_annotations(store, report, path, layer=layer, passphrase=ask_file_passphrase())
    print(result.summary())
    return 0


def run_delete(open_notes: Callable[[], NoteStore], note_id: str) -> int:
    """Delete one note (its full id, or the start of it as `notes list` shows it) from the notes and every backup."""
    with open_store(open_notes) as store:
        matches = [note for note in store.notes() if note.id.startswith(note_id)] if note_id else []
        if not matches:
            tell(f"There is no note “{note_id}”; `notes list` shows each note's id.")
            return 1
        if len(matches) > 1:
            tell(f"“{note_id}” is the start of {len(matches)} notes' ids; give more of the id.")
            return 1
        store.delete(matches[0].id)
    print(f"Deleted note {matches[0].id}; its text is gone from the notes and their backups.")
    return 0


def _shorten(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"
