"""Where near searches placed notes in one edition of the report, remembered so that a later pass need not search.

A near search (`quote_match.find_quote`) costs a fraction of a millisecond a note; after a new edition of the report,
a thousand notes of ten thousand may need one on every pass. Its answers depend only on the report's text (sections,
paragraphs and their ids) and the note's anchor, so they are kept in the notes database for the edition they were
made on (`NoteStore.near_places`), each with a digest of the anchor it was made for and of the text it found, and
taken again only while both still hold.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Generator, Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.content import SectionId
from reader.digest import sha256
from reader.errors import ReaderError
from reader.notes.layer_writes import STEP_BATCH, drained
from reader.notes.note import Anchor, Note, NoteId

if TYPE_CHECKING:
    from reader.notes.anchoring import Found, ReportText
    from reader.notes.store import NoteStore

MATCHING_VERSION = 1
"""Bump whenever `quote_match`, `text_match` or `anchoring._find` may answer differently: places remembered before
are then dropped."""


@dataclass(frozen=True, slots=True)
class NearPlace:
    """Where a near search placed a note: body offsets `start`/`end` of a section and the method (`AnchorMethod`),
    or nowhere (orphaned: all None). `anchor` is the digest of the anchor searched for, `found` of the text found."""

    anchor: str
    section_id: str | None = None
    start: int | None = None
    end: int | None = None
    method: str | None = None
    found: str | None = None


def edition_of(text: ReportText) -> str:
    """The id of the report's text as notes are placed in it (section and paragraph ids, paragraph texts), and of
    the matching rules: places remembered for another are never taken."""
    values = [f"near places {MATCHING_VERSION}"]
    for section in text.report.sections:
        values.extend((section.id, str(len(section.paragraphs))))
        for paragraph in section.paragraphs:
            values.extend((paragraph.id, paragraph.text))
    return _digest(values)


def anchor_digest(anchor: Anchor) -> str:
    """A digest of every field of an anchor: a remembered place is taken only for the anchor it was found for."""
    start, end = str(anchor.start), str(anchor.end)
    return _digest((anchor.section_id, anchor.paragraph_id, start, end, anchor.exact, anchor.prefix, anchor.suffix))


def recall_places(store: NoteStore, text: ReportText) -> str | None:
    """Let `text` answer its next pass's near searches from what the store remembers for its edition; the edition's
    id, or None when the remembered places could not be read (an optimisation only: the notes are then searched for)."""
    edition = edition_of(text)
    try:
        places = store.near_places(edition)
    except ReaderError:
        text.recall_with(None)
        return None
    by_anchor = {place.anchor: place for place in places.values()}
    text.recall_with(functools.partial(_recalled, text, by_anchor) if by_anchor else None)
    return edition


def new_places(text: ReportText, notes: Iterable[Note], leave_out: Collection[str] = ()) -> dict[NoteId, NearPlace]:
    """Where `text` placed notes by a near search since last asked (not those it recalled), by note; not those in
    `leave_out` (notes whose new position is saved: found where they are next time)."""
    searched = text.take_searched()
    if not searched:
        return {}
    places = {}
    for note in notes:
        if note.anchor in searched and note.id not in leave_out:
            places[note.id] = _near_place(text, note.anchor, searched[note.anchor])
    return places


def remember_places(store: NoteStore, edition: str | None, places: Mapping[NoteId, NearPlace]) -> None:
    """Save `places` for the edition (dropping those of other editions); a failure is not reported: the notes are
    only searched for again next time (a folder that cannot be written to, another program saving)."""
    drained(remember_places_in_steps(store, edition, places))


def remember_places_in_steps(
    store: NoteStore, edition: str | None, places: Mapping[NoteId, NearPlace], batch: int = STEP_BATCH
) -> Generator[int, None, None]:
    """`remember_places`, `batch` places per step of one transaction (`NoteStore.remember_near_places_in_steps`),
    yielding how many are saved so far; closed early, it saves nothing."""
    if edition is not None:
        with suppress(ReaderError):
            yield from store.remember_near_places_in_steps(edition, places, batch)


def _near_place(text: ReportText, anchor: Anchor, found: Found | None) -> NearPlace:
    digest = anchor_digest(anchor)
    if found is None:
        return NearPlace(digest)
    section_id, start, end, method = found
    return NearPlace(digest, section_id, start, end, method.value, _text_digest(text.body(section_id)[start:end]))


def _recalled(text: ReportText, by_anchor: dict[str, NearPlace], anchor: Anchor) -> tuple[Found | None] | None:
    """The remembered answer for `anchor`, as `(answer,)`, if there is one and it still checks out; else None."""
    from reader.notes.anchoring import AnchorMethod

    place = by_anchor.get(anchor_digest(anchor))
    if place is None:
        return None
    if place.start is None:
        return (None,) if place.section_id is None and place.end is None and place.method is None else None
    if place.section_id is None or place.end is None or place.method not in (AnchorMethod.QUOTE, AnchorMethod.FUZZY):
        return None
    body = text.body(place.section_id)
    if not 0 <= place.start < place.end <= len(body):
        return None
    if place.found != _text_digest(body[place.start : place.end]):
        return None
    return ((SectionId(place.section_id), place.start, place.end, AnchorMethod(place.method)),)


def _text_digest(found: str) -> str:
    return _digest((found,))


def _digest(values: Iterable[str]) -> str:
    """A digest of a list of values, each preceded by its length, so that no two different lists give the same."""
    joined = "".join(f"{len(value)}:{value}" for value in values)
    return sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()[:32]
