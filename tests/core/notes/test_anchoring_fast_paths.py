"""The shortcuts re-anchoring takes give the results of the plain searches they replace: the nearest occurrence found
outwards from the saved position, the spans found from the first paragraph touched, the near-match ends found
through byte counts."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.content import Paragraph, Report, SectionId
from reader.notes.anchoring import AnchorStatus, ReportText, Span, locate, nearest_occurrence, place_note
from reader.notes.note import MY_LAYER, Anchor, Color, Note, NoteId, Style
from reader.notes.text_match import MatchText, best_start, distance_after, distance_before

from .conftest import ends_by_table

_LETTERS = st.text(alphabet="abc \n", max_size=60)
_CREATED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _nearest_by_scanning(
    document: str, needle: str, offset: int, expected: int | None, accepted: Callable[[int], bool]
) -> int | None:
    """Every occurrence from the start of the document, the nearest kept (the first of equally near ones)."""
    best: tuple[int, int] | None = None
    found = document.find(needle)
    while found >= 0:
        at = found + offset
        if accepted(at):
            distance = 0 if expected is None else abs(at - expected)
            if best is None or distance < best[0]:
                best = (distance, at)
        found = document.find(needle, found + 1)
    return None if best is None else best[1]


@settings(max_examples=500, deadline=None)
@given(
    document=_LETTERS,
    needle=st.text(alphabet="abc \n", min_size=1, max_size=4),
    offset=st.integers(0, 4),
    expected=st.none() | st.integers(-5, 70),
    refused=st.sets(st.integers(0, 70)),
)
def test_nearest_occurrence_is_the_one_a_scan_of_the_whole_document_finds(
    document: str, needle: str, offset: int, expected: int | None, refused: set[int]
) -> None:
    def accepted(at: int) -> bool:
        return at not in refused

    assert nearest_occurrence(document, needle, offset, expected, accepted) == _nearest_by_scanning(
        document, needle, offset, expected, accepted
    )


def _spans_of_every_paragraph(text: ReportText, section_id: str, start: int, end: int) -> tuple[Span, ...]:
    result = []
    offset = 0
    for paragraph in text.report.section(section_id).paragraphs:
        low, high = max(start, offset), min(end, offset + len(paragraph.text))
        if low < high:
            result.append(Span(paragraph.id, low - offset, high - offset))
        offset += len(paragraph.text) + 1
    return tuple(result)


@pytest.fixture(scope="module")
def report_text(report: Report) -> ReportText:
    return ReportText(report)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_spans_are_those_of_every_paragraph_the_passage_touches(report_text: ReportText, data: st.DataObject) -> None:
    section_id = data.draw(st.sampled_from(report_text.section_ids()))
    size = len(report_text.body(section_id))
    start = data.draw(st.integers(0, size))
    end = data.draw(st.integers(start, size + 3))
    assert report_text.spans(section_id, start, end) == _spans_of_every_paragraph(report_text, section_id, start, end)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_placed_passage_has_the_anchor_and_spans_found_apart(report_text: ReportText, data: st.DataObject) -> None:
    section_id = data.draw(st.sampled_from(report_text.section_ids()))
    size = len(report_text.body(section_id))
    start = data.draw(st.integers(0, max(0, size - 1)))
    end = data.draw(st.integers(start + 1, size + 1))
    like = report_text.anchor_at(section_id, 0, min(size, 5))
    assert report_text.placed(section_id, start, end, like) == (
        report_text.anchor_at(section_id, start, end, like=like),
        report_text.spans(section_id, start, end),
    )


def _saved_position(report_text: ReportText, data: st.DataObject) -> tuple[Paragraph, SectionId, int, str, int, int]:
    """A paragraph, its section, where it starts in the section's body, that body, and saved offsets into the
    paragraph as they come: mostly inside it, sometimes out of range or running into the next paragraph."""
    paragraph = data.draw(st.sampled_from(report_text.report.paragraphs()))
    located = report_text.paragraph_offset(paragraph.id)
    assert located is not None
    section_id, base = located
    start = data.draw(st.integers(-2, len(paragraph.text) + 2))
    end = data.draw(st.integers(start - 1, len(paragraph.text) + 40))
    return paragraph, section_id, base, report_text.body(section_id), start, end


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_saved_anchor_is_placed_where_locating_it_and_placing_the_passage_put_it(
    report_text: ReportText, data: st.DataObject
) -> None:
    # Saved anchors as they come: mostly a paragraph's own text, sometimes another's, a stale section, offsets out
    # of range or running into the next paragraph, an empty quote, an unknown paragraph.
    paragraph, section_id, base, body, start, end = _saved_position(report_text, data)
    exact = data.draw(
        st.sampled_from([body[max(0, base + start) : max(0, base + end)], "", "not in the report", paragraph.text])
    )
    saved_section = data.draw(st.sampled_from([section_id, "another-section", ""]))
    paragraph_id = data.draw(st.sampled_from([paragraph.id, paragraph.id, "gone-paragraph"]))
    anchor = Anchor(saved_section, paragraph_id, start, end, exact, "before ", " after")
    placed = report_text.place(anchor)
    found = locate(ReportText(report_text.report), anchor)
    if found is None:
        assert placed is None
        return
    assert placed == (found[3], *report_text.placed(found[0], found[1], found[2], anchor))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_note_is_placed_as_locating_its_anchor_places_it(report_text: ReportText, data: st.DataObject) -> None:
    # place_note skips the saved position's second look where `place` has already compared it: the placement is
    # still the one `locate` (which always looks there first) gives, for passages in place, running into the next
    # paragraph, moved, out of range or gone.
    paragraph, section_id, base, body, start, end = _saved_position(report_text, data)
    elsewhere = data.draw(st.integers(0, max(0, len(body) - 30)))
    exact = data.draw(
        st.sampled_from(
            [body[max(0, base + start) : max(0, base + end)], body[elsewhere : elsewhere + 25], "", paragraph.text]
        )
    )
    paragraph_id = data.draw(st.sampled_from([paragraph.id, paragraph.id, "gone-paragraph"]))
    anchor = Anchor(section_id, paragraph_id, start, end, exact, "", "")
    note = Note(NoteId("n1"), MY_LAYER, anchor, Color.YELLOW, Style.HIGHLIGHT, "", (), _CREATED, _CREATED)
    placement = place_note(report_text, note)
    found = locate(ReportText(report_text.report), anchor)
    if found is None:
        assert placement.status is AnchorStatus.ORPHANED
        return
    assert (placement.anchor, placement.spans) == report_text.placed(found[0], found[1], found[2], anchor)
    assert placement.method is found[3]


def test_paragraph_starts_are_each_paragraphs_offset(report_text: ReportText) -> None:
    starts = report_text.paragraph_starts()
    for paragraph in report_text.report.paragraphs():
        located = report_text.paragraph_offset(paragraph.id)
        assert located is not None and starts[paragraph.id] == located[1]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="abcd", min_size=1, max_size=120),
    pattern=st.text(alphabet="abcd", min_size=1, max_size=20),
    max_errors=st.integers(0, 6),
)
def test_near_match_ends_are_those_of_the_whole_edit_distance_table(text: str, pattern: str, max_errors: int) -> None:
    assert MatchText((text,)).ends(pattern, max_errors) == ends_by_table(text, pattern, max_errors)


def _distance_before_by_table(context: str, text: str) -> int:
    previous = list(range(len(context) + 1))
    for char in text:
        column = [0]
        for row, wanted in enumerate(context, start=1):
            column.append(min(previous[row] + 1, column[row - 1] + 1, previous[row - 1] + (wanted != char)))
        previous = column
    return previous[-1]


@settings(max_examples=500, deadline=None)
@given(context=st.text(alphabet="abcd ", max_size=40), text=st.text(alphabet="abcd ", max_size=80))
def test_context_errors_before_a_place_are_those_of_the_whole_edit_distance_table(context: str, text: str) -> None:
    assert distance_before(context, text) == _distance_before_by_table(context, text)


def _anchored_by_table(pattern: str, text: str) -> list[int]:
    """The errors of the pattern against each start of the text, text[:0], text[:1], …, cell by cell."""
    previous = list(range(len(pattern) + 1))
    scores = [previous[-1]]
    for length, char in enumerate(text, start=1):
        column = [length]
        for row, wanted in enumerate(pattern, start=1):
            column.append(min(previous[row] + 1, column[row - 1] + 1, previous[row - 1] + (wanted != char)))
        scores.append(column[-1])
        previous = column
    return scores


@settings(max_examples=500, deadline=None)
@given(context=st.text(alphabet="abcd ", max_size=40), text=st.text(alphabet="abcd ", max_size=80))
def test_context_errors_after_a_place_are_those_of_the_whole_edit_distance_table(context: str, text: str) -> None:
    assert distance_after(context, text) == min(_anchored_by_table(context, text))


@settings(max_examples=500, deadline=None)
@given(pattern=st.text(alphabet="abcd ", max_size=30), before=st.text(alphabet="abcd ", max_size=60))
def test_a_near_match_starts_where_the_whole_edit_distance_table_says(pattern: str, before: str) -> None:
    """The fewest errors; of those, the length closest to the pattern's; of two as close, the one that starts with the
    pattern's first character when only it does, else the shorter."""
    scores = _anchored_by_table(pattern[::-1], before[::-1])
    errors = min(scores)
    lengths = [length for length, score in enumerate(scores) if score == errors]
    closest = min(abs(length - len(pattern)) for length in lengths)
    shorter, *longer = [length for length in lengths if abs(length - len(pattern)) == closest]

    def starts_as_the_pattern(length: int) -> bool:
        return bool(pattern) and length > 0 and before[len(before) - length] == pattern[0]

    turned = longer and starts_as_the_pattern(longer[0]) and not starts_as_the_pattern(shorter)
    expected = longer[0] if turned else shorter
    assert best_start(pattern, before) == (expected, errors)


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet="abcd ", min_size=1, max_size=120),
    words=st.lists(st.text(alphabet="abcd", min_size=1, max_size=4), min_size=1, max_size=6),
    cuts=st.lists(st.integers(1, 6), min_size=1, max_size=6),
    max_errors=st.integers(0, 4),
)
def test_a_search_that_picks_up_after_words_searched_before_finds_the_same_ends(
    text: str, words: list[str], cuts: list[int], max_errors: int
) -> None:
    """Patterns sharing their first words, searched one after another in one text, each as if searched alone."""
    matcher = MatchText((text,))
    for cut in cuts:
        pattern = " ".join(words[:cut]) + (" " if cut % 2 else "")
        expected = ends_by_table(matcher.text, pattern, max_errors)
        assert matcher.ends(pattern, max_errors) == expected


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_near_match_ends_of_a_quote_longer_than_a_byte_counts_are_those_of_the_table(seed: int) -> None:
    """Past 247 characters the errors no longer fit in a byte, and the ends are picked out one by one."""
    rng = random.Random(seed)
    text = "".join(rng.choice("abcd") for _ in range(700))
    pattern = list(text[200:500])
    for _ in range(40):
        pattern[rng.randrange(len(pattern))] = rng.choice("abcd")
    assert MatchText((text,)).ends("".join(pattern), 75) == ends_by_table(text, "".join(pattern), 75)
