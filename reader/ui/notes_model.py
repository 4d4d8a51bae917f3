"""`NotesModel`: the notes the notes panel lists, one row of three plain-text lines per note (a bookmark's marked
with a ribbon and the word "Bookmark")."""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QFont

from reader.notes.note import MY_LAYER, Color, Note
from reader.ui.annotator import Annotator
from reader.ui.bookmarks import bookmark_icon, is_bookmark
from reader.ui.html_escape import escape
from reader.ui.note_colors import color_icon
from reader.ui.row_direction import text_direction

NOTE_ID_ROLE = Qt.ItemDataRole.UserRole
_PREVIEW = 160
# Marks that keep a quote's quotation marks on its own side of it, also on a row laid out the other way (an English
# quote under an Arabic place). Marks, not an isolate: most fonts lack U+2068, and the one Qt falls back to for it
# makes the line taller, so the row's third line no longer fits.
_DIRECTION_MARKS = {Qt.LayoutDirection.LeftToRight: "\u200e", Qt.LayoutDirection.RightToLeft: "\u200f"}
_NO_MARKS = dict.fromkeys(map(ord, _DIRECTION_MARKS.values()))
SLICE_SECONDS = 0.005
"""How long preparing the notes' search text may hold the UI thread in one event-loop turn."""


class NotesModel(QAbstractListModel):
    """The notes the panel lists, as rows of plain text (a note is never interpreted as markup)."""

    def __init__(self, annotator: Annotator, parent=None) -> None:
        super().__init__(parent)
        self._annotator = annotator
        self._notes: list[Note] = []
        self._rows: dict[str, int] = {}
        self._icons = {color: color_icon(color) for color in Color}
        self._bookmark_icons = {color: bookmark_icon(color) for color in Color}
        self._described: dict[str, tuple[Note, object, str]] = {}  # note, its placement, its row's text
        self._search_texts: dict[str, tuple[Note, str]] = {}  # each note's quote, text and tags, case-folded
        self._preparing: Iterator[None] | None = None
        self._next_slice = QTimer(self)
        self._next_slice.setSingleShot(True)
        self._next_slice.setInterval(0)
        self._next_slice.timeout.connect(self._on_next_slice_due)

    def set_notes(self, notes: list[Note]) -> None:
        self.beginResetModel()
        self._notes = notes
        self._rows = {note.id: row for row, note in enumerate(notes)}
        self.endResetModel()

    def refresh_note(self, note: Note) -> None:
        row = self._rows.get(note.id)
        if row is not None:
            self._notes[row] = note
            self.dataChanged.emit(self.index(row), self.index(row))

    def row_of(self, note_id: str) -> int | None:
        return self._rows.get(note_id)

    def note_at(self, row: int) -> Note:
        return self._notes[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._notes)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._notes):
            return None
        note = self._notes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.describe(note)
        if role == Qt.ItemDataRole.DecorationRole:
            return (self._bookmark_icons if is_bookmark(note) else self._icons)[note.color]
        if role == Qt.ItemDataRole.ToolTipRole:  # Qt renders tooltips as rich text: escape, keep the line breaks
            return "<qt>" + escape(note.text or note.quote).replace("\n", "<br>") + "</qt>"
        if role == Qt.ItemDataRole.FontRole and note.layer != MY_LAYER and not _has_right_to_left(self.describe(note)):
            # Arabic is never set in italics: most fonts' italics have no Arabic letters (empty boxes instead).
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.describe(note).translate(_NO_MARKS).replace("\n", ". ")
        if role == NOTE_ID_ROLE:
            return note.id
        return None

    def place(self, note: Note) -> str:
        """Where the note's passage is, as the list and the editor say it."""
        placement = self._annotator.placement(note.id)
        if placement is None or placement.anchor is None:
            where = self.tr("Passage not found in this edition")
        else:
            report = self._annotator.report
            title = report.section(placement.anchor.section_id).title
            number = report.paragraph(placement.anchor.paragraph_id).number
            where = f"{title}, ¶{number}" if number else title
        if is_bookmark(note):
            where = self.tr("Bookmark · {0}").format(where)
        if note.layer != MY_LAYER:  # imported layers lead with their name, so they stand out in the list
            where = f"{note.layer} · {where}"
        return where

    def describe(self, note: Note) -> str:
        """Three lines, so every row has the same height: the place, the quote, the note and its tags."""
        placement = self._annotator.placement(note.id)  # a new placement (the note moved) describes it again
        described = self._described.get(note.id)
        if described is None or described[0] is not note or described[1] is not placement:
            last = "  ".join([_shorten(note.text, _PREVIEW)] * bool(note.text) + [f"#{tag}" for tag in note.tags])
            direction = text_direction(note.quote)
            mark = _DIRECTION_MARKS[direction] if direction is not None else ""
            quote = f"{mark}“{_shorten(note.quote, _PREVIEW)}”{mark}"
            text = "\n".join([self.place(note), quote, last or " "])
            described = self._described[note.id] = (note, placement, text)
        return described[2]

    def search_text(self, note: Note) -> str:
        """What the filter looks for words in: the note's quote, text and tags, case-folded (kept per note)."""
        kept = self._search_texts.get(note.id)
        if kept is None or kept[0] is not note:
            kept = self._search_texts[note.id] = (note, "\n".join([note.quote, note.text, *note.tags]).casefold())
        return kept[1]

    def prepare_search_texts(self, notes: tuple[Note, ...]) -> None:
        """Work out the notes' search text a slice per event-loop turn, so the first word typed in the filter
        finds it ready (a note asked for before its turn is worked out then)."""
        self._preparing = self._prepare(notes)
        self._next_slice.start()

    def _prepare(self, notes: tuple[Note, ...]) -> Iterator[None]:
        start = time.perf_counter()
        for seen, note in enumerate(notes, start=1):
            self.search_text(note)
            if seen % 100 == 0 and time.perf_counter() - start >= SLICE_SECONDS:
                yield
                start = time.perf_counter()
        if len(self._search_texts) > len(notes):  # notes deleted since: their text is kept no longer
            wanted = {note.id for note in notes}
            for note_id in [note_id for note_id in self._search_texts if note_id not in wanted]:
                del self._search_texts[note_id]

    def _on_next_slice_due(self) -> None:
        if self._preparing is None:
            return
        try:
            next(self._preparing)
        except StopIteration:
            self._preparing = None
            return
        self._next_slice.start()


def _has_right_to_left(text: str) -> bool:
    """Whether `text` holds a right-to-left letter (Arabic, Hebrew)."""
    from unicodedata import bidirectional

    return any(bidirectional(character) in ("R", "AL") for character in text)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
