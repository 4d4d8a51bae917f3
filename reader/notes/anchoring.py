"""Placing notes in a report: by position, else by the best match of quote, context and position (`quote_match`)."""

from __future__ import annotations

import enum
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from reader.collection_pause import garbage_collection_paused
from reader.content import ParagraphId, Report, SectionId
from reader.message import QT_TRANSLATE_NOOP, message
from reader.notes.note import Anchor, Note, NoteId, NotesError
from reader.notes.quote_match import find_quote
from reader.notes.text_match import MatchText

CONTEXT_LENGTH = 32


class AnchorStatus(enum.StrEnum):
    """Whether a note could be placed in the report being read."""

    ANCHORED = "anchored"
    ORPHANED = "orphaned"


class AnchorMethod(enum.StrEnum):
    """How a note was placed: its saved position still holds, its quote was found, or a close match was."""

    POSITION = "position"
    QUOTE = "quote"
    FUZZY = "fuzzy"


Found = tuple[SectionId, int, int, AnchorMethod]
"""Where `ReportText.find` found a quote: its section, body offsets and how it was found."""
Recall = Callable[[Anchor], tuple[Found | None] | None]
"""A remembered answer of `find` for an anchor, as `(answer,)` (the answer None: the passage is gone), or None when
the search must be made (`near_places.py` gives one)."""


class Span(NamedTuple):
    """Part of a highlight inside one paragraph: `start`/`end` count characters of that paragraph's `text`.

    A named tuple rather than a frozen dataclass: a pass makes one or more for each of thousands of notes, and a tuple
    is made in a third of the time.
    """

    paragraph_id: ParagraphId
    start: int
    end: int


class Placement(NamedTuple):
    """Where a note is in this report: `anchor` holds its current position, `spans` what to paint per paragraph.

    An orphaned note (its passage is gone) has no anchor and no spans; it is kept and listed with its quote. A named
    tuple, as `Span` is: one is made for every note of every pass.
    """

    note_id: NoteId
    status: AnchorStatus
    method: AnchorMethod | None
    anchor: Anchor | None
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class _Located:
    paragraph_id: ParagraphId
    section_id: SectionId
    offset: int  # where the paragraph starts in its section body
    length: int  # of the paragraph's text


class ReportText:
    """A report's text laid out for anchoring: each section body is its paragraph texts joined with "\\n".

    The document text (for the W3C TextPositionSelector) is every section body joined with "\\n", in reading order.
    """

    def __init__(self, report: Report) -> None:
        self.report = report
        self._bodies: dict[SectionId, str] = {}
        self._paragraph_starts: dict[SectionId, list[int]] = {}
        self._paragraph_ids: dict[SectionId, list[ParagraphId]] = {}
        self._paragraph_lengths: dict[SectionId, list[int]] = {}
        self._located: dict[ParagraphId, _Located] = {}
        self._section_starts: dict[SectionId, int] = {}
        position = 0
        for section in report.sections:
            starts: list[int] = []
            offset = 0
            for paragraph in section.paragraphs:
                starts.append(offset)
                self._located[paragraph.id] = _Located(paragraph.id, section.id, offset, len(paragraph.text))
                offset += len(paragraph.text) + 1
            self._bodies[section.id] = "\n".join(paragraph.text for paragraph in section.paragraphs)
            self._paragraph_starts[section.id] = starts
            self._paragraph_ids[section.id] = [paragraph.id for paragraph in section.paragraphs]
            self._paragraph_lengths[section.id] = [len(paragraph.text) for paragraph in section.paragraphs]
            self._section_starts[section.id] = position
            position += len(self._bodies[section.id]) + 1
        self.document = "\n".join(self._bodies.values())
        self._section_ends = [
            start + len(body) for start, body in zip(self._section_starts.values(), self._bodies.values(), strict=True)
        ]
        self._start_list = list(self._section_starts.values())
        self._section_list = list(self._section_starts)
        self._matcher: MatchText | None = None
        self._found: dict[Anchor, Found | None] = {}
        self._recall: Recall | None = None
        self._searched: dict[Anchor, Found | None] = {}

    def find(self, anchor: Anchor) -> Found | None:
        """Where an anchor's quote is, by quote, context and position, remembered (the report does not change)."""
        found = self._found.get(anchor, self)  # the text itself stands for "not looked for yet"
        if found is self:
            found = self._found[anchor] = _find(self, anchor)
        return found  # type: ignore[return-value]

    def recall_with(self, recall: Recall | None) -> None:
        """Let `find` take what `recall` remembers of earlier passes over this same text instead of a near search,
        until the pass is over (`forget_search_states`); the answers are the same, only the searches are saved."""
        self._recall = recall

    def take_searched(self) -> dict[Anchor, Found | None]:
        """The anchors `find` placed by a near search (`quote_match.find_quote`) since last asked, with its answers."""
        searched, self._searched = self._searched, {}
        return searched

    def forget_search_states(self) -> None:
        """Let go of what near searches kept to help the next ones (tens of megabytes after a pass over many notes),
        and of the remembered answers `recall_with` gave."""
        self._recall = None
        if self._matcher is not None:
            self._matcher.forget_words()

    def matcher(self) -> MatchText:
        """The report's text normalised for near matches, made on first use (most passes never need it)."""
        if self._matcher is None:
            self._matcher = MatchText(tuple(self._bodies.values()))
        return self._matcher

    def expected_position(self, anchor: Anchor) -> int | None:
        """Where in the document an anchor's saved position points, if its paragraph or section is still here."""
        located = self._located.get(anchor.paragraph_id)
        if located is not None:
            return self._section_starts[located.section_id] + located.offset + anchor.start
        return self._section_starts.get(anchor.section_id) if anchor.section_id else None

    def body(self, section_id: str) -> str:
        return self._bodies.get(SectionId(section_id), "")

    def section_ids(self) -> tuple[SectionId, ...]:
        return tuple(self._bodies)

    def paragraph_offset(self, paragraph_id: str) -> tuple[SectionId, int] | None:
        """The paragraph's section and where the paragraph starts in that section's body."""
        located = self._located.get(ParagraphId(paragraph_id))
        return None if located is None else (located.section_id, located.offset)

    def paragraph_starts(self) -> dict[ParagraphId, int]:
        """Where each paragraph starts in its section's body, by id (`paragraph_offset` for many at once)."""
        return {paragraph_id: located.offset for paragraph_id, located in self._located.items()}

    def document_offset(self, section_id: str) -> int | None:
        return self._section_starts.get(SectionId(section_id))

    def within_one_section(self, start: int, end: int) -> bool:
        """Whether document[start:end] lies inside one section's body."""
        index = bisect_right(self._start_list, start) - 1
        return index >= 0 and end <= self._section_ends[index]

    def section_at(self, document_position: int) -> tuple[SectionId, int]:
        """The section holding a document position, and the position within that section's body."""
        index = max(0, bisect_right(self._start_list, document_position) - 1)
        return self._section_list[index], document_position - self._start_list[index]

    def anchor_at(self, section_id: SectionId, start: int, end: int, like: Anchor | None = None) -> Anchor:
        """An anchor for body[start:end] of a section; with `like`, its quote and context are kept."""
        ids = self._paragraph_ids[section_id]
        starts = self._paragraph_starts[section_id]
        index = max(0, bisect_right(starts, start) - 1)
        base = starts[index]
        body = self._bodies[section_id]
        if like is not None:
            return Anchor(section_id, ids[index], start - base, end - base, like.exact, like.prefix, like.suffix)
        prefix = body[max(0, start - CONTEXT_LENGTH) : start]
        suffix = body[end : end + CONTEXT_LENGTH]
        return Anchor(section_id, ids[index], start - base, end - base, body[start:end], prefix, suffix)

    def place(self, anchor: Anchor) -> tuple[AnchorMethod, Anchor, tuple[Span, ...]] | None:
        """How an anchor is placed here, its anchor as placed and what to paint; None when its passage is gone.

        Most notes, in most passes, are still exactly at their saved position inside their own paragraph: that is
        looked up first, in one step. A saved position running beyond its paragraph's text is compared as `locate`
        compares it; any other anchor is found by its quote (`find`).
        """
        located = self._located.get(anchor.paragraph_id)
        if located is None:
            found = self.find(anchor)
        else:
            start, end = anchor.start, anchor.end
            if not 0 <= start < end <= located.length:
                found = locate(self, anchor)
            else:
                base = located.offset
                section_id = located.section_id
                if self._bodies[section_id][base + start : base + end] == anchor.exact:
                    if anchor.section_id != section_id:  # otherwise the anchor `placed` would make is this one
                        anchor = Anchor(
                            section_id, located.paragraph_id, start, end, anchor.exact, anchor.prefix, anchor.suffix
                        )
                    return AnchorMethod.POSITION, anchor, (Span(located.paragraph_id, start, end),)
                found = self.find(anchor)
        if found is None:
            return None
        section_id, low, high, method = found
        anchor, spans = self.placed(section_id, low, high, anchor)
        return method, anchor, spans

    def placed(self, section_id: SectionId, start: int, end: int, like: Anchor) -> tuple[Anchor, tuple[Span, ...]]:
        """`anchor_at(…, like=like)` and `spans(…)` of body[start:end] at once, the paragraph looked up once."""
        starts = self._paragraph_starts[section_id]
        index = max(0, bisect_right(starts, start) - 1)
        base = starts[index]
        paragraph_id = self._paragraph_ids[section_id][index]
        anchor = Anchor(section_id, paragraph_id, start - base, end - base, like.exact, like.prefix, like.suffix)
        if base <= start < end <= base + self._paragraph_lengths[section_id][index]:  # within one paragraph
            return anchor, (Span(paragraph_id, start - base, end - base),)
        return anchor, self.spans(section_id, start, end)

    def spans(self, section_id: SectionId, start: int, end: int) -> tuple[Span, ...]:
        """The per-paragraph pieces of body[start:end] of a section."""
        ids = self._paragraph_ids[section_id]
        starts = self._paragraph_starts[section_id]
        lengths = self._paragraph_lengths[section_id]
        result = []
        for index in range(max(0, bisect_right(starts, start) - 1), len(starts)):
            paragraph_start = starts[index]
            if paragraph_start >= end:
                break
            low, high = max(start, paragraph_start), min(end, paragraph_start + lengths[index])
            if low < high:
                result.append(Span(ids[index], low - paragraph_start, high - paragraph_start))
        return tuple(result)


def anchor_from_selection(
    report: Report | ReportText,
    paragraph_id: str,
    start: int,
    end: int,
    end_paragraph_id: str | None = None,
) -> Anchor:
    """The anchor for a selection from `start` in one paragraph to `end` in `end_paragraph_id` (default: the same).

    Offsets count characters of each paragraph's `text`, as `DocumentView.paragraph_at` reports them. Surrounding
    white space is trimmed; a selection that runs into the next section is cut at the end of the first.
    """
    text = report if isinstance(report, ReportText) else ReportText(report)
    first = text.paragraph_offset(paragraph_id)
    if first is None:
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot highlight in paragraph “{paragraph_id}”: it is not in this report."),
                paragraph_id=paragraph_id,
            )
        )
    section_id, base = first
    body = text.body(section_id)
    low = base + start
    last = text.paragraph_offset(end_paragraph_id or paragraph_id)
    high = len(body) if last is None or last[0] != section_id else min(last[1] + end, len(body))
    if start < 0 or low >= high:
        raise NotesError(
            message(QT_TRANSLATE_NOOP("core", "Cannot highlight an empty selection; select some text first."))
        )
    while low < high and body[low].isspace():
        low += 1
    while high > low and body[high - 1].isspace():
        high -= 1
    if low >= high:
        raise NotesError(
            message(QT_TRANSLATE_NOOP("core", "Cannot highlight only white space; select some words first."))
        )
    return text.anchor_at(section_id, low, high)


def locate(text: ReportText, anchor: Anchor) -> Found | None:
    """Find an anchor's passage: its section, body offsets and how it was found; None when it is gone."""
    located = text.paragraph_offset(anchor.paragraph_id) if anchor.paragraph_id else None
    if located is not None:
        section_id, base = located
        low, high = base + anchor.start, base + anchor.end
        if text.body(section_id)[low:high] == anchor.exact:
            return section_id, low, high, AnchorMethod.POSITION
    return text.find(anchor)


def place_note(text: ReportText, note: Note) -> Placement:
    """Where one note is in this report, or that it is orphaned."""
    placed = text.place(note.anchor)
    if placed is None:
        return Placement(note.id, AnchorStatus.ORPHANED, None, None, ())
    method, anchor, spans = placed
    return Placement(note.id, AnchorStatus.ANCHORED, method, anchor, spans)


def place_notes(
    report: Report | ReportText,
    notes: Iterable[Note],
    progress: Callable[[int, int], None] | None = None,
) -> dict[NoteId, Placement]:
    """Re-anchor every note against this report (the re-anchoring pass run at open and after a new edition)."""
    text = report if isinstance(report, ReportText) else ReportText(report)
    notes = tuple(notes)
    placements: dict[NoteId, Placement] = {}
    with garbage_collection_paused():  # the pass makes no reference cycles, only many short-lived values
        for done, note in enumerate(notes, start=1):
            placements[note.id] = place_note(text, note)
            if progress is not None and (done % 500 == 0 or done == len(notes)):
                progress(done, len(notes))
    text.forget_search_states()
    return placements


def moved_anchors(notes: Iterable[Note], placements: dict[NoteId, Placement]) -> list[tuple[NoteId, Anchor]]:
    """The new positions to save with `NoteStore.relocate`, for notes found by quote away from where they were."""
    moves = []
    for note in notes:
        placement = placements.get(note.id)
        if placement is None or placement.anchor is None or placement.method is not AnchorMethod.QUOTE:
            continue
        if placement.anchor != note.anchor:
            moves.append((note.id, placement.anchor))
    return moves


def reading_order(
    report: Report | ReportText, notes: Iterable[Note], placements: dict[NoteId, Placement]
) -> tuple[Note, ...]:
    """Notes in the order their passages appear; orphaned notes last, oldest first."""
    return tuple(sorted(notes, key=reading_key(report, placements)))


def reading_key(
    report: Report | ReportText, placements: dict[NoteId, Placement]
) -> Callable[[Note], tuple[int, int, int, float]]:
    """What `reading_order` sorts the notes by, for a note: sorting by keys worked out beforehand (a slice of notes
    at a time, say) gives the same order."""
    text = report if isinstance(report, ReportText) else ReportText(report)
    order = {section_id: index for index, section_id in enumerate(text.section_ids())}
    last = len(order)
    starts = text.paragraph_starts()

    def key(note: Note) -> tuple[int, int, int, float]:
        placement = placements.get(note.id)
        anchor = placement.anchor if placement is not None else None
        if anchor is None:
            return (last, 0, 0, note.created.timestamp())
        offset = starts.get(anchor.paragraph_id, 0) + anchor.start
        return (order.get(anchor.section_id, last), offset, anchor.end, note.created.timestamp())

    return key


def _find(text: ReportText, anchor: Anchor) -> Found | None:
    """The quote's best place: an exact occurrence whose whole context agrees (nearest the saved position), else the
    best score of `quote_match.find_quote`."""
    exact = anchor.exact
    if not exact:
        return None
    expected = text.expected_position(anchor)
    whole = anchor.prefix + exact + anchor.suffix  # the quote where its whole context agrees
    # A quote without a line break cannot run across sections (their bodies are joined with one): every place holds.
    accepted = None if "\n" not in exact else lambda place: text.within_one_section(place, place + len(exact))
    at = nearest_occurrence(text.document, whole, len(anchor.prefix), expected, accepted)
    if at is not None:
        section_id, low = text.section_at(at)
        return section_id, low, low + len(exact), AnchorMethod.QUOTE
    recalled = None if text._recall is None else text._recall(anchor)
    if recalled is not None:  # the answer of this very search in an earlier pass over the same text
        return recalled[0]
    match = find_quote(text.matcher(), exact, anchor.prefix, anchor.suffix, expected)
    found: Found | None = None
    if match is not None:
        section_id, low = text.section_at(match.start)
        method = AnchorMethod.QUOTE if match.errors == 0 else AnchorMethod.FUZZY
        found = section_id, low, low + (match.end - match.start), method
    text._searched[anchor] = found  # what a later pass over this text may be given back (`near_places.py`)
    return found


def nearest_occurrence(
    document: str, needle: str, offset: int, expected: int | None, accepted: Callable[[int], bool] | None = None
) -> int | None:
    """The accepted place (where `needle` occurs, plus `offset`) nearest `expected`; None when there is none.
    Every place is accepted when `accepted` is None.

    Of two as near, the earlier; with no `expected`, the first in the document. The search goes outwards from
    `expected` and stops as soon as nothing further can be nearer, so a pass over many notes never scans the whole
    document for each.
    """
    if expected is None:
        found = document.find(needle)
        while found >= 0 and accepted is not None and not accepted(found + offset):
            found = document.find(needle, found + 1)
        return None if found < 0 else found + offset
    after = document.find(needle, max(0, expected - offset))
    while after >= 0 and accepted is not None and not accepted(after + offset):
        after = document.find(needle, after + 1)
    last = expected - offset - 1  # the last occurrence start that places before `expected`
    # Before `expected`, only as near as the place after it (or nearer) can win: the search stops there.
    first = 0 if after < 0 else max(0, expected - (after + offset - expected) - offset)
    before = document.rfind(needle, first, last + len(needle)) if last >= first else -1
    while before >= 0 and accepted is not None and not accepted(before + offset):
        before = document.rfind(needle, first, before - 1 + len(needle)) if before - 1 >= first else -1
    if before < 0:
        return None if after < 0 else after + offset
    if after < 0 or expected - (before + offset) <= after + offset - expected:
        return before + offset
    return after + offset
