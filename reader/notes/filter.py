"""Choosing notes by words, tags, colours and layers, as the notes panel and `notes list` filter them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.notes.note import Color, Note


@dataclass(frozen=True, slots=True)
class NoteFilter:
    """What to keep: every word of `text` in the quote, note or tags; all `tags`; any of `colors`; any of `layers`.

    Empty fields keep everything; matching ignores case.
    """

    text: str = ""
    tags: tuple[str, ...] = ()
    colors: tuple[Color, ...] = ()
    layers: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.text.strip() or self.tags or self.colors or self.layers)

    def matches(self, note: Note) -> bool:
        if self.layers and note.layer not in self.layers:
            return False
        if self.colors and note.color not in self.colors:
            return False
        note_tags = {tag.casefold() for tag in note.tags}
        if any(tag.casefold() not in note_tags for tag in self.tags):
            return False
        words = self.text.casefold().split()
        if words:
            haystack = "\n".join([note.quote, note.text, *note.tags]).casefold()
            return all(word in haystack for word in words)
        return True


def filter_notes(notes: Iterable[Note], chosen: NoteFilter) -> tuple[Note, ...]:
    """The notes `chosen` keeps, in the order given."""
    if chosen.is_empty:
        return tuple(notes)
    return tuple(note for note in notes if chosen.matches(note))
