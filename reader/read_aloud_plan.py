"""What read aloud will say, in order: the report's text cut into sentences, each with its place in the report.

A plan starts at a section's heading, at the sentence holding a place in a paragraph, or covers one selection; it
runs to the end of that section (its subsections included) or of the report. The headings of the sections it
enters are spoken too, so a listener hears where a new part begins.

With `expand_terms`, a glossary abbreviation is spoken as its expansion the first time it occurs in the plan ("ICJ"
as "International Court of Justice"), unless the expansion itself came first; the written text and its offsets stay
as they are, so what is highlighted is always the text on the page.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from reader.content import Paragraph, Report, Section
from reader.glossary import Glossary, GlossaryTerm, TermId
from reader.sentences import split_sentences


class Scope(enum.StrEnum):
    """Where reading stops: at the end of the section it started in (subsections included), or of the report."""

    SECTION = "section"
    REPORT = "report"


@dataclass(frozen=True, slots=True)
class Replacement:
    """A stretch of an utterance spoken differently from how it is written: `spoken[spoken_start:spoken_end]` is
    said for the written `text[start:end]` (both offsets in the paragraph's or heading's text)."""

    spoken_start: int
    spoken_end: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Utterance:
    """One sentence (or heading) to speak.

    `paragraph_id` is None for a section heading; `start` and `end` are offsets in the paragraph's text (or the
    section's title) and `text` is that written stretch. `spoken` is what the voice is given.
    """

    section_id: str
    paragraph_id: str | None
    start: int
    end: int
    text: str
    spoken: str
    replacements: tuple[Replacement, ...] = ()

    @property
    def place_id(self) -> str:
        """The id of the paragraph, or of the section whose heading this is (an anchor in the rendered page)."""
        return self.paragraph_id or self.section_id

    @property
    def is_heading(self) -> bool:
        return self.paragraph_id is None

    def written_span(self, spoken_start: int, spoken_end: int) -> tuple[int, int]:
        """The written stretch (offsets in the paragraph's text) that the spoken `spoken[spoken_start:spoken_end]`
        says: a word inside an expansion stands for the whole abbreviation."""
        spoken_start = max(0, min(spoken_start, len(self.spoken)))
        spoken_end = max(spoken_start, min(spoken_end, len(self.spoken)))
        return self._written_offset(spoken_start, at_end=False), self._written_offset(spoken_end, at_end=True)

    def _written_offset(self, spoken: int, *, at_end: bool) -> int:
        shift = self.start  # spoken offset 0 is the written offset `start`
        for item in self.replacements:
            if spoken < item.spoken_start or (at_end and spoken == item.spoken_start):
                break
            if spoken < item.spoken_end or (at_end and spoken == item.spoken_end):
                return item.end if at_end else item.start
            shift = item.end - item.spoken_end
        return min(self.end, spoken + shift)


def plan_section(
    report: Report, section_id: str, scope: Scope = Scope.SECTION, glossary: Glossary | None = None
) -> tuple[Utterance, ...]:
    """Everything read aloud from a section's heading on: the heading, its paragraphs, then its subsections (and
    with `Scope.REPORT` every later section). `glossary` given: abbreviations are expanded once."""
    start = report.index_of(section_id)
    return _expand(_walk(report, start, _stop(report, start, scope), None, 0), glossary)


def plan_from(
    report: Report,
    paragraph_id: str,
    offset: int = 0,
    scope: Scope = Scope.SECTION,
    glossary: Glossary | None = None,
) -> tuple[Utterance, ...]:
    """Everything read aloud from the sentence holding `offset` in a paragraph to the end of its section (or
    report)."""
    paragraph = report.paragraph(paragraph_id)
    start = report.index_of(paragraph.section_id)
    return _expand(_walk(report, start, _stop(report, start, scope), paragraph, offset), glossary)


def plan_selection(
    report: Report,
    first_id: str,
    first_offset: int,
    last_id: str,
    last_offset: int,
    glossary: Glossary | None = None,
) -> tuple[Utterance, ...]:
    """The selected text, sentence by sentence, from `first_offset` in one paragraph to `last_offset` in the same or
    a later one; the first and last sentences are cut at the selection's edges."""
    first, last = report.paragraph(first_id), report.paragraph(last_id)
    start, stop = report.index_of(first.section_id), report.index_of(last.section_id) + 1
    chosen: list[Utterance] = []
    inside = False
    for section in report.sections[start:stop]:
        for paragraph in section.paragraphs:
            if paragraph.id == first.id:
                inside = True
            if not inside:
                continue
            low = first_offset if paragraph.id == first.id else 0
            high = last_offset if paragraph.id == last.id else len(paragraph.text)
            chosen.extend(_clipped(_sentences(paragraph), low, high))
            if paragraph.id == last.id:
                return _expand(chosen, glossary)
    return _expand(chosen, glossary)


def _stop(report: Report, start: int, scope: Scope) -> int:
    """The index of the first section after `start` that is no longer read."""
    if scope is Scope.REPORT:
        return len(report.sections)
    level = report.sections[start].level
    stop = start + 1
    while stop < len(report.sections) and report.sections[stop].level > level:
        stop += 1
    return stop


def _walk(report: Report, start: int, stop: int, paragraph: Paragraph | None, offset: int) -> list[Utterance]:
    """The utterances of sections `start` to `stop`: from `paragraph` (at the sentence holding `offset`) when given,
    else from the first section's heading."""
    found: list[Utterance] = []
    for index in range(start, stop):
        section = report.sections[index]
        if index > start or paragraph is None:
            found.append(_heading(section))
        for candidate in section.paragraphs:
            sentences = _sentences(candidate)
            if paragraph is not None and index == start:
                if not found and candidate.id != paragraph.id:
                    continue  # before the starting paragraph
                if candidate.id == paragraph.id:
                    sentences = [s for s in sentences if s.end > offset] or sentences[-1:]
            found.extend(sentences)
    return found


def _heading(section: Section) -> Utterance:
    title = section.title.strip()
    start = section.title.find(title) if title else 0
    return Utterance(section.id, None, start, start + len(title), title, title)


def _sentences(paragraph: Paragraph) -> list[Utterance]:
    return [
        Utterance(paragraph.section_id, paragraph.id, sentence.start, sentence.end, sentence.text, sentence.text)
        for sentence in split_sentences(paragraph.text)
    ]


def _clipped(sentences: list[Utterance], low: int, high: int) -> list[Utterance]:
    """The sentences overlapping `[low, high)`, cut to it (white space at the cut edges left out)."""
    kept = []
    for sentence in sentences:
        start, end = max(sentence.start, low), min(sentence.end, high)
        if end <= start:
            continue
        text = sentence.text[start - sentence.start : end - sentence.start]
        stripped = text.strip()
        if not stripped:
            continue
        start += len(text) - len(text.lstrip())
        end = start + len(stripped)
        kept.append(Utterance(sentence.section_id, sentence.paragraph_id, start, end, stripped, stripped))
    return kept


def _expand(utterances: list[Utterance], glossary: Glossary | None) -> tuple[Utterance, ...]:
    """The utterances with each abbreviation's first occurrence spoken as its expansion (when a glossary is given)."""
    if glossary is None:
        return tuple(utterances)
    introduced: set[TermId] = set()
    expanded = []
    for utterance in utterances:
        replacements: list[Replacement] = []
        pieces: list[str] = []
        written = 0  # offset in utterance.text up to which the text has been copied
        for match in glossary.find_terms(utterance.text):
            if match.term_id in introduced:
                continue
            term = glossary.term(match.term_id)
            spoken = _spoken_expansion(term, match.text)
            if spoken is None:
                if term.expansion and match.text.casefold() == term.expansion.casefold():
                    introduced.add(match.term_id)  # written out in full: the abbreviation needs no expanding
                continue
            introduced.add(match.term_id)
            pieces.append(utterance.text[written : match.start])
            spoken_start = sum(len(piece) for piece in pieces)
            pieces.append(spoken)
            replacements.append(
                Replacement(
                    spoken_start,
                    spoken_start + len(spoken),
                    utterance.start + match.start,
                    utterance.start + match.end,
                )
            )
            written = match.end
        if replacements:
            pieces.append(utterance.text[written:])
            utterance = Utterance(
                utterance.section_id,
                utterance.paragraph_id,
                utterance.start,
                utterance.end,
                utterance.text,
                "".join(pieces),
                tuple(replacements),
            )
        expanded.append(utterance)
    return tuple(expanded)


def _spoken_expansion(term: GlossaryTerm, written: str) -> str | None:
    """What to say for the abbreviation `written` ("ICJ", "IDPs"), or None when it is not an abbreviation of its
    entry (the expansion itself, an alias, a name that is not an acronym)."""
    if not term.expansion or not term.is_acronym:
        return None
    if written == term.term:
        return term.expansion
    if written == term.term + "s" and not term.expansion.endswith("s"):
        return term.expansion + "s"
    return None
