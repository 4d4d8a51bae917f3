"""Filtering notes by words, tags, colours and layers."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.content import ParagraphId, SectionId
from reader.notes.filter import NoteFilter, filter_notes
from reader.notes.note import Anchor, Color, LayerName, Note, NoteId, Style

_MOMENT = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)


def _note(number: int, quote: str, text: str = "", tags: tuple[str, ...] = (), color: Color = Color.YELLOW,
          layer: str = "mine") -> Note:  # fmt: skip
    anchor = Anchor(SectionId("overview"), ParagraphId("overview-p1"), 0, len(quote), quote)
    return Note(NoteId(str(number)), LayerName(layer), anchor, color, Style.HIGHLIGHT, text, tags, _MOMENT, _MOMENT)


NOTES = (
    _note(1, "fragile ceasefire", "check the date", ("Gaza", "dates"), Color.PINK),
    _note(2, "historic advisory opinion", "ICJ ruling", ("law",), Color.BLUE, layer="teacher"),
    _note(3, "deliberately oppress Palestinians", "", ("law", "apartheid")),
)


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        (NoteFilter(), [1, 2, 3]),
        (NoteFilter(text="CEASEFIRE"), [1]),
        (NoteFilter(text="icj opinion"), [2]),
        (NoteFilter(text="icj ceasefire"), []),
        (NoteFilter(text="apartheid"), [3]),
        (NoteFilter(tags=("LAW",)), [2, 3]),
        (NoteFilter(tags=("law", "apartheid")), [3]),
        (NoteFilter(colors=(Color.PINK, Color.BLUE)), [1, 2]),
        (NoteFilter(layers=("teacher",)), [2]),
        (NoteFilter(text="law", layers=("mine",)), [3]),
    ],
)
def test_filter_keeps_the_matching_notes_in_order(chosen: NoteFilter, expected: list[int]) -> None:
    assert [int(note.id) for note in filter_notes(NOTES, chosen)] == expected
