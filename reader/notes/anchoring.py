"""Placing notes in a report: by position, then by exact quote with context, then by a fuzzy quote match."""

from __future__ import annotations

import enum
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from reader.content import ParagraphId, Report, SectionId
from reader.notes.note import Anchor, Note, NoteId, NotesError

CONTEXT_LENGTH = 32
FUZZY_THRESHOLD = 0.75
_SHARED_WORDS = 0.5  # a place sharing fewer of the quote's words is not compared character by character
_FUZZY_CANDIDATES = 3
_WORD = re.compile(r"\w+")
_MIN_FUZZY_QUOTE = 4


class AnchorStatus(enum.StrEnum):
    """Whether a note could be placed in the report being read."""

    ANCHORED = "anchored"
    ORPHANED = "orphaned"


class AnchorMethod(enum.StrEnum):
    """How a note was placed: its saved position still holds, its quote was found, or a close match was."""

    POSITION = "position"
    QUOTE = "quote"
    FUZZY = "fuzzy"


@dataclass(frozen=True, slots=True)
class Span:
    """Part of a highlight inside one paragraph: `start`/`end` count characters of that paragraph's `text`."""

    paragraph_id: ParagraphId
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a note is in this report: `anchor` holds its current position, `spans` what to paint per paragraph.

    An orphaned note (its passage is gone) has no anchor and no spans; it is kept and listed with its quote.
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
                self._located[paragraph.id] = _Located(paragraph.id, section.id, offset)
                offset += len(paragraph.text) + 1
            self._bodies[section.id] = "\n".join(paragraph.text for paragraph in section.paragraphs)
            self._paragraph_starts[section.id] = starts
            self._paragraph_ids[section.id] = [paragraph.id for paragraph in section.paragraphs]
            self._paragraph_lengths[section.id] = [len(paragraph.text) for paragraph in section.paragraphs]
            self._section_starts[section.id] = position
            position += len(self._bodies[section.id]) + 1
        self.document = "\n".join(self._bodies.values())
        self._words: dict[SectionId, tuple[list[str], list[int], list[int]]] = {}
        self._fuzzy: dict[Anchor, tuple[SectionId, int, int] | None] = {}

    def fuzzy_match(self, anchor: Anchor) -> tuple[SectionId, int, int] | None:
        """The fuzzy match for an anchor's quote, remembered: it is the slow step and the report does not change."""
        if anchor not in self._fuzzy:
            self._fuzzy[anchor] = _find_fuzzy(self, anchor)
        return self._fuzzy[anchor]

    def words(self, section_id: SectionId) -> tuple[list[str], list[int], list[int]]:
        """A section body's words (case-folded) with where each starts and ends, for fuzzy matching."""
        if section_id not in self._words:
            matches = list(_WORD.finditer(self.body(section_id)))
            self._words[section_id] = (
                [match.group().casefold() for match in matches],
                [match.start() for match in matches],
                [match.end() for match in matches],
            )
        return self._words[section_id]

    def body(self, section_id: str) -> str:
        return self._bodies.get(SectionId(section_id), "")

    def section_ids(self) -> tuple[SectionId, ...]:
        return tuple(self._bodies)

    def paragraph_offset(self, paragraph_id: str) -> tuple[SectionId, int] | None:
        """The paragraph's section and where the paragraph starts in that section's body."""
        located = self._located.get(ParagraphId(paragraph_id))
        return None if located is None else (located.section_id, located.offset)

    def document_offset(self, section_id: str) -> int | None:
        return self._section_starts.get(SectionId(section_id))

    def section_at(self, document_position: int) -> tuple[SectionId, int]:
        """The section holding a document position, and the position within that section's body."""
        ids = list(self._section_starts)
        starts = list(self._section_starts.values())
        index = max(0, bisect_right(starts, document_position) - 1)
        return ids[index], document_position - starts[index]

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

    def spans(self, section_id: SectionId, start: int, end: int) -> tuple[Span, ...]:
        """The per-paragraph pieces of body[start:end] of a section."""
        result = []
        rows = zip(
            self._paragraph_ids[section_id],
            self._paragraph_starts[section_id],
            self._paragraph_lengths[section_id],
            strict=True,
        )
        for paragraph_id, paragraph_start, length in rows:
            low, high = max(start, paragraph_start), min(end, paragraph_start + length)
            if low < high:
                result.append(Span(paragraph_id, low - paragraph_start, high - paragraph_start))
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
        raise NotesError(f"Cannot highlight in paragraph “{paragraph_id}”: it is not in this report.")
    section_id, base = first
    body = text.body(section_id)
    low = base + start
    last = text.paragraph_offset(end_paragraph_id or paragraph_id)
    high = len(body) if last is None or last[0] != section_id else min(last[1] + end, len(body))
    if start < 0 or low >= high:
        raise NotesError("Cannot highlight an empty selection; select some text first.")
    while low < high and body[low].isspace():
        low += 1
    while high > low and body[high - 1].isspace():
        high -= 1
    if low >= high:
        raise NotesError("Cannot highlight only white space; select some words first.")
    return text.anchor_at(section_id, low, high)


def locate(text: ReportText, anchor: Anchor) -> tuple[SectionId, int, int, AnchorMethod] | None:
    """Find an anchor's passage: its section, body offsets and how it was found; None when it is gone."""
    located = text.paragraph_offset(anchor.paragraph_id) if anchor.paragraph_id else None
    if located is not None:
        section_id, base = located
        low, high = base + anchor.start, base + anchor.end
        if text.body(section_id)[low:high] == anchor.exact:
            return section_id, low, high, AnchorMethod.POSITION
    found = _find_quote(text, anchor)
    if found is not None:
        return (*found, AnchorMethod.QUOTE)
    found = text.fuzzy_match(anchor)
    if found is not None:
        return (*found, AnchorMethod.FUZZY)
    return None


def place_note(text: ReportText, note: Note) -> Placement:
    """Where one note is in this report, or that it is orphaned."""
    found = locate(text, note.anchor)
    if found is None:
        return Placement(note.id, AnchorStatus.ORPHANED, None, None, ())
    section_id, low, high, method = found
    anchor = text.anchor_at(section_id, low, high, like=note.anchor)
    return Placement(note.id, AnchorStatus.ANCHORED, method, anchor, text.spans(section_id, low, high))


def place_notes(
    report: Report | ReportText,
    notes: Iterable[Note],
    progress: Callable[[int, int], None] | None = None,
) -> dict[NoteId, Placement]:
    """Re-anchor every note against this report (the re-anchoring pass run at open and after a new edition)."""
    text = report if isinstance(report, ReportText) else ReportText(report)
    notes = tuple(notes)
    placements: dict[NoteId, Placement] = {}
    for done, note in enumerate(notes, start=1):
        placements[note.id] = place_note(text, note)
        if progress is not None and (done % 500 == 0 or done == len(notes)):
            progress(done, len(notes))
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
    text = report if isinstance(report, ReportText) else ReportText(report)
    order = {section_id: index for index, section_id in enumerate(text.section_ids())}

    def key(note: Note) -> tuple[int, int, int, float]:
        placement = placements.get(note.id)
        anchor = placement.anchor if placement is not None else None
        if anchor is None:
            return (len(order), 0, 0, note.created.timestamp())
        located = text.paragraph_offset(anchor.paragraph_id)
        offset = (located[1] if located else 0) + anchor.start
        return (order.get(anchor.section_id, len(order)), offset, anchor.end, note.created.timestamp())

    return tuple(sorted(notes, key=key))


def _find_quote(text: ReportText, anchor: Anchor) -> tuple[SectionId, int, int] | None:
    """Every exact occurrence of the quote, scored by how much context agrees, then same section, then nearness."""
    exact = anchor.exact
    if not exact:
        return None
    best: tuple[tuple[int, int, int], tuple[SectionId, int, int]] | None = None
    for section_id in text.section_ids():
        body = text.body(section_id)
        at = body.find(exact)
        while at >= 0:
            end = at + len(exact)
            context = _common_suffix(anchor.prefix, body[max(0, at - len(anchor.prefix)) : at])
            context += _common_prefix(anchor.suffix, body[end : end + len(anchor.suffix)])
            same_section = int(section_id == anchor.section_id)
            distance = abs(at - anchor.start) if same_section else 1 << 30
            score = (context, same_section, -distance)
            if best is None or score > best[0]:
                best = (score, (section_id, at, end))
            at = body.find(exact, at + 1)
    return None if best is None else best[1]


def _find_fuzzy(text: ReportText, anchor: Anchor) -> tuple[SectionId, int, int] | None:
    """The closest passage to the quote, when it matches at least FUZZY_THRESHOLD (difflib's ratio).

    Words are matched first, to find where in each section the quote most likely is and how many of its words are
    there; characters are then compared only around the best few places: comparing characters across whole
    sections is far too slow for thousands of notes.
    """
    quote = anchor.exact
    quote_words = [word.casefold() for word in _WORD.findall(quote)]
    if len(quote) < _MIN_FUZZY_QUOTE or not quote_words:
        return None
    words_matcher = SequenceMatcher(None, autojunk=False)
    words_matcher.set_seq2(quote_words)
    candidates: list[tuple[float, bool, SectionId, int, int]] = []
    for section_id in text.section_ids():
        words, starts, ends = text.words(section_id)
        if not words:
            continue
        words_matcher.set_seq1(words)
        longest = words_matcher.find_longest_match(0, len(words), 0, len(quote_words))
        if longest.size == 0:
            continue
        slack = len(quote_words) // 4 + 1
        first = max(0, longest.a - longest.b - slack)
        last = min(len(words) - 1, longest.a - longest.b + len(quote_words) + slack - 1)
        if first > last:
            continue
        window = SequenceMatcher(None, words[first : last + 1], quote_words, autojunk=False)
        shared = sum(block.size for block in window.get_matching_blocks()) / len(quote_words)
        if shared >= _SHARED_WORDS:
            own = section_id == anchor.section_id
            candidates.append((shared, own, section_id, starts[first], ends[last]))
    best: tuple[float, tuple[SectionId, int, int]] | None = None
    for _shared, own, section_id, low, high in sorted(candidates, reverse=True)[:_FUZZY_CANDIDATES]:
        found = _closest_in(text.body(section_id), low, high, quote)
        if found is None:
            continue
        ratio, start, end = found
        ratio += 0.01 if own else 0.0  # prefer the note's own section on a near tie
        if best is None or ratio > best[0]:
            best = (ratio, (section_id, start, end))
    if best is None or best[0] < FUZZY_THRESHOLD:
        return None
    return best[1]


def _closest_in(body: str, low: int, high: int, quote: str) -> tuple[float, int, int] | None:
    """The stretch of body[low:high] most like the quote, widened to whole words, with its similarity."""
    window = body[low:high]
    blocks = [
        block for block in SequenceMatcher(None, window, quote, autojunk=False).get_matching_blocks() if block.size
    ]
    if not blocks:
        return None
    start, end = _widen_to_words(body, low + blocks[0].a, low + blocks[-1].a + blocks[-1].size)
    return SequenceMatcher(None, body[start:end], quote, autojunk=False).ratio(), start, end


def _widen_to_words(body: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and body[start - 1].isalnum() and body[start].isalnum():
        start -= 1
    while end < len(body) and body[end - 1].isalnum() and body[end].isalnum():
        end += 1
    return start, end


def _common_prefix(first: str, second: str) -> int:
    count = 0
    for left, right in zip(first, second, strict=False):
        if left != right:
            break
        count += 1
    return count


def _common_suffix(first: str, second: str) -> int:
    count = 0
    for left, right in zip(reversed(first), reversed(second), strict=False):
        if left != right:
            break
        count += 1
    return count
