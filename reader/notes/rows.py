"""The notes table's rows: the columns, and turning a row into a `Note` (or a `Layer`) and back."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence

from reader.message import QT_TRANSLATE_NOOP, message
from reader.notes.note import Anchor, Color, Layer, LayerName, Note, Style

COLUMNS = 'id, layer, section_id, paragraph_id, start, "end", exact, prefix, suffix, color, style, body, tags, '
COLUMNS += "created, updated, author, import_key, report"
INSERT = f"INSERT OR IGNORE INTO notes ({COLUMNS}) VALUES ({', '.join('?' * (COLUMNS.count(',') + 1))})"


def reason(error: sqlite3.Error) -> str:
    """What a failed write means for the user."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    busy = QT_TRANSLATE_NOOP("core", "another copy of the app is saving; try again")
    reasons = {
        13: QT_TRANSLATE_NOOP("core", "the disk is full"),  # SQLITE_FULL
        8: QT_TRANSLATE_NOOP("core", "the data folder cannot be written to"),  # SQLITE_READONLY
        5: busy,  # SQLITE_BUSY
        6: busy,  # SQLITE_LOCKED
        10: QT_TRANSLATE_NOOP("core", "the disk could not be written"),  # SQLITE_IOERR
    }
    template = reasons.get(code)
    return message(template) if template else str(error)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def iso(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def tags_json(tags: tuple[str, ...]) -> str:
    return json.dumps(list(tags), ensure_ascii=False)


def anchor_values(anchor: Anchor) -> tuple[object, ...]:
    return (
        anchor.section_id,
        anchor.paragraph_id,
        anchor.start,
        anchor.end,
        anchor.exact,
        anchor.prefix,
        anchor.suffix,
    )


# A value written by a newer version (say, a new colour) shows with the default instead of failing the read.
_COLORS = {color.value: color for color in Color}
_STYLES = {style.value: style for style in Style}


def note_from_row(row: Sequence) -> Note:
    # Called for every note on every listing, so it avoids needless conversions (SQLite hands back str and int).
    (note_id, layer, section_id, paragraph_id, start, end, exact, prefix, suffix, color, style, body, tags, created,
     updated, author, import_key, report) = row  # fmt: skip
    created_at = dt.datetime.fromisoformat(created)
    return Note(
        id=note_id,
        layer=layer,
        anchor=Anchor(section_id, paragraph_id, start, end, exact, prefix, suffix),
        color=_COLORS.get(color, Color.YELLOW),
        style=_STYLES.get(style, Style.HIGHLIGHT),
        text=body,
        tags=() if tags == "[]" else tuple(json.loads(tags)),
        created=created_at,
        updated=created_at if updated == created else dt.datetime.fromisoformat(updated),
        author=author,
        import_key=import_key,
        report=report,
    )


def layer_from_row(row: Sequence[object]) -> Layer:
    name, read_only, visible, source, count = row
    return Layer(
        LayerName(str(name)), bool(read_only), bool(visible), None if source is None else str(source), int(count)
    )


def row_values(note: Note) -> tuple[object, ...]:
    """A note as the values of `INSERT`, in the order of `COLUMNS`."""
    return (
        note.id,
        note.layer,
        *anchor_values(note.anchor),
        note.color.value,
        note.style.value,
        note.text,
        tags_json(note.tags),
        iso(note.created),
        iso(note.updated),
        note.author,
        note.import_key,
        note.report,
    )
