"""The values notes are made of (`Note`, `Anchor`, `Layer`, colours and styles) and the rules for valid ones."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NewType, TypeVar

from reader.content import ParagraphId, SectionId
from reader.errors import ReaderError
from reader.message import QT_TRANSLATE_NOOP, message


class NotesError(ReaderError):
    """The notes database or a note operation failed."""


NoteId = NewType("NoteId", str)
LayerName = NewType("LayerName", str)

MY_LAYER = LayerName("mine")
MAX_LAYER_NAME = 60
MAX_NOTE_TEXT = 100_000
MAX_TAG = 100


class Color(enum.StrEnum):
    """The highlight colours a reader can choose."""

    YELLOW = "yellow"
    GREEN = "green"
    BLUE = "blue"
    PINK = "pink"
    PURPLE = "purple"
    ORANGE = "orange"


# How each colour is drawn, in the window and in handouts.
COLOR_HEX = {
    Color.YELLOW: "#f5d90a",
    Color.GREEN: "#46a758",
    Color.BLUE: "#3e8ed0",
    Color.PINK: "#e54d9a",
    Color.PURPLE: "#8e4ec6",
    Color.ORANGE: "#f76b15",
}


class Style(enum.StrEnum):
    """How a highlight is drawn; a bookmark is a note of its own style on a paragraph's first words."""

    HIGHLIGHT = "highlight"
    UNDERLINE = "underline"
    STRIKE = "strike"
    BOOKMARK = "bookmark"  # a place kept, not a passage marked: drawn as a mark in the margin, never as a highlight


# The identity of the report this app ships (its manifest's publisher and title, see `manifest.report_id_from`):
# every note written before notes recorded their report was made on it.
BUNDLED_REPORT_ID = "amnesty-international-israel-and-the-occupied-palestinian-territory"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a note attaches: the W3C TextQuoteSelector (`exact`, `prefix`, `suffix`) plus a position.

    `start` and `end` count characters from the beginning of paragraph `paragraph_id`'s `text`; a passage that
    runs into the following paragraphs of the same section counts those as if the section's paragraph texts were
    joined with one "\\n". An imported note whose quote was never found has empty section and paragraph ids.
    """

    section_id: SectionId
    paragraph_id: ParagraphId
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Note:
    """One highlight, with an optional plain-text note and tags, in one layer, on one report."""

    id: NoteId
    layer: LayerName
    anchor: Anchor
    color: Color
    style: Style
    text: str
    tags: tuple[str, ...]
    created: dt.datetime
    updated: dt.datetime
    author: str | None = None
    import_key: str | None = (
        None  # set on imported notes: importing the same annotation again finds it and adds nothing
    )
    report: str = BUNDLED_REPORT_ID  # the report (its manifest's id) the note was made on

    @property
    def section_id(self) -> SectionId:
        return self.anchor.section_id

    @property
    def paragraph_id(self) -> ParagraphId:
        return self.anchor.paragraph_id

    @property
    def quote(self) -> str:
        return self.anchor.exact


@dataclass(frozen=True, slots=True)
class Layer:
    """One set of notes: the reader's own (`mine`) or an imported one such as a teacher's."""

    name: LayerName
    read_only: bool
    visible: bool
    source: str | None
    note_count: int

    @property
    def is_mine(self) -> bool:
        return self.name == MY_LAYER


@dataclass(frozen=True, slots=True)
class ImportedNote:
    """A note read from a file, ready to be added to a layer; `key` makes importing the same note twice a no-op."""

    key: str
    anchor: Anchor
    text: str = ""
    tags: tuple[str, ...] = ()
    color: Color = Color.YELLOW
    style: Style = Style.HIGHLIGHT
    author: str | None = None
    created: dt.datetime | None = None
    updated: dt.datetime | None = None


def check_layer_name(name: str) -> LayerName:
    """A layer name as given, trimmed; NotesError if it is empty, too long or has control characters."""
    cleaned = " ".join(str(name).split())
    if not cleaned or len(cleaned) > MAX_LAYER_NAME or any(not char.isprintable() for char in cleaned):
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "“{name}” cannot be a layer name; use up to {max_layer_name} printable characters."
                ),
                name=name[:MAX_LAYER_NAME],
                max_layer_name=MAX_LAYER_NAME,
            )
        )
    return LayerName(cleaned)


def normalize_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags trimmed, without empties or repeats (ignoring case), in the order given."""
    if isinstance(tags, str):
        tags = tags.split(",")
    seen: set[str] = set()
    result: list[str] = []
    for tag in tags:
        cleaned = " ".join(str(tag).split())[:MAX_TAG]
        if cleaned and cleaned.casefold() not in seen:
            seen.add(cleaned.casefold())
            result.append(cleaned)
    return tuple(result)


def checked_text(text: str) -> str:
    """The note text if it can be saved; NotesError if it is not text or is too long."""
    if not isinstance(text, str):
        raise NotesError(message(QT_TRANSLATE_NOOP("core", "A note's text must be plain text.")))
    if len(text) > MAX_NOTE_TEXT:
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP("core", "This note is too long to save; keep it under {max_note_text:,} characters."),
                max_note_text=MAX_NOTE_TEXT,
            )
        )
    return text


def checked_anchor(anchor: Anchor, allow_unplaced: bool = False) -> Anchor:
    """The anchor if a note can attach to it (an imported one may be unplaced); NotesError if not."""
    if not anchor.exact:
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "Cannot save a highlight without any highlighted text; select some text first."
                )
            )
        )
    if not allow_unplaced and not (anchor.section_id and anchor.paragraph_id):
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "Cannot save a highlight that is not in a section; select text in the document."
                )
            )
        )
    if anchor.start < 0 or anchor.end < anchor.start:
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot save a highlight from {start} to {end}; the range is not valid."),
                start=anchor.start,
                end=anchor.end,
            )
        )
    return anchor


_Choice = TypeVar("_Choice", bound=enum.Enum)


def to_color(value: Color | str) -> Color:
    """The colour named by `value`; raises NotesError naming the colours there are."""
    return _member(Color, value, QT_TRANSLATE_NOOP("core", "“{value}” is not a highlight colour; use one of {names}."))


def to_style(value: Style | str) -> Style:
    """The style named by `value`; raises NotesError naming the styles there are."""
    return _member(Style, value, QT_TRANSLATE_NOOP("core", "“{value}” is not a highlight style; use one of {names}."))


def _member(choices: type[_Choice], value: object, refusal: str) -> _Choice:
    try:
        return choices(value)
    except ValueError as exc:
        names = ", ".join(str(choice.value) for choice in choices)
        raise NotesError(message(refusal, value=value, names=names)) from exc
