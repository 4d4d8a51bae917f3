"""`NotesListing`: which notes the notes panel lists, in the order chosen, each worked out again only when needed."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable

from reader.notes.filter import NoteFilter, filter_notes
from reader.notes.note import Note
from reader.ui.bookmarks import is_bookmark

ORDER_READING = "reading"
ORDER_NEWEST = "newest"
KIND_NOTES = "notes"  # highlights and notes, no bookmarks
KIND_BOOKMARKS = "bookmarks"
ANY = ""  # the first choice of a filter: any tag, colour, layer or kind


class NotesListing:
    """The notes in the chosen order and those the filters keep, the last of each kept: the notes are sorted again
    only when they or the order changed, and typing on in the filter looks only among the notes the last words kept."""

    def __init__(self) -> None:
        self._ordered: tuple[tuple[Note, ...], str, list[Note]] | None = None  # notes, order, those notes in order
        self._last_match: tuple[list[Note], tuple[object, ...], list[str], list[Note]] | None = None

    def in_order(
        self, notes: tuple[Note, ...], order: str, in_reading_order: Callable[[tuple[Note, ...]], Iterable[Note]]
    ) -> list[Note]:
        """`notes` in `order`, sorted again only when the notes or the order changed."""
        kept = self._ordered
        if kept is not None and self.keeps(notes, order):
            return kept[2]
        if order == ORDER_NEWEST:
            ordered = sorted(notes, key=lambda note: note.created, reverse=True)
        else:
            ordered = list(in_reading_order(notes))
        self._ordered = (notes, order, ordered)
        return ordered

    def keeps(self, notes: tuple[Note, ...], order: str) -> bool:
        """Whether `in_order` has these very notes in `order` already (it would not sort them again)."""
        kept = self._ordered
        return kept is not None and kept[1] == order and same_notes(kept[0], notes)

    def keep_order(self, notes: tuple[Note, ...], order: str, ordered: list[Note]) -> None:
        """Keep `ordered` as `notes` in `order` (sorted elsewhere, a slice per turn)."""
        self._ordered = (notes, order, ordered)

    def matching(
        self, notes: list[Note], chosen: NoteFilter, kind: str, search_text: Callable[[Note], str]
    ) -> list[Note]:
        """The notes `chosen` and `kind` keep, as `NoteFilter` keeps them; `search_text` is a note's case-folded
        words (the quote, the note and its tags)."""
        words = chosen.text.casefold().split()
        layers = set(chosen.layers)
        others = (chosen.tags, chosen.colors, chosen.layers, kind)
        last = self._last_match
        pool = notes
        # Typing on narrows the filter: a note kept now was kept for the last words (each is within a word now).
        narrowed = last is not None and last[0] is notes and last[1] == others
        if narrowed and all(any(old in word for word in words) for old in last[2]):
            pool = last[3]
        kept = []
        for note in pool:
            if layers and note.layer not in layers:
                continue
            if kind and is_bookmark(note) != (kind == KIND_BOOKMARKS):
                continue
            if words and not all(word in search_text(note) for word in words):
                continue
            kept.append(note)
        if chosen.tags or chosen.colors:
            kept = list(filter_notes(kept, NoteFilter(tags=chosen.tags, colors=chosen.colors)))
        self._last_match = (notes, others, words, kept)
        return kept


def same_notes(these: tuple[Note, ...], those: tuple[Note, ...]) -> bool:
    """Whether two lists of notes hold the very same notes, in the same order (a note changed is a new one)."""
    return len(these) == len(those) and all(map(operator.is_, these, those))
