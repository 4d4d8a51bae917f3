"""Near matches are found as the plain searches would find them: ends picked out of long texts a group of 32 at a
time are those the whole edit-distance table gives, and the place chosen from only the ends that could win (or from
the exact places, when pieces of the quote show no near place could win) is the one chosen after comparing every
end."""

from __future__ import annotations

import gc
import random
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import reader.notes.quote_match as quote_match
from reader.content import ParagraphId, Report, SectionId
from reader.notes.anchoring import ReportText, anchor_from_selection, locate, place_notes
from reader.notes.note import MY_LAYER, Anchor, Color, Note, NoteId, Style
from reader.notes.text_match import MatchText, best_start, distance_after, distance_before

from .conftest import ends_by_table, later_edition


def _changed(text: str, count: int, rng: random.Random, letters: str) -> str:
    characters = list(text)
    for _ in range(count):
        characters[rng.randrange(len(characters))] = rng.choice(letters)
    return "".join(characters)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("max_errors", [0, 2, 5, 9])
def test_near_match_ends_in_a_long_text_are_those_of_the_whole_edit_distance_table(seed: int, max_errors: int) -> None:
    """Most groups of 32 ends are ruled out at once; the few that can hold an end are read end by end."""
    rng = random.Random(seed)
    letters = "abcdefghijklmn "
    text = "".join(rng.choice(letters) for _ in range(1500))
    at = rng.randrange(len(text) - 40)
    pattern = _changed(text[at : at + rng.randint(12, 40)], rng.randint(0, 4), rng, letters)
    matcher = MatchText((text,))  # runs of spaces become one
    assert matcher.ends(pattern, max_errors) == ends_by_table(matcher.text, pattern, max_errors)


@pytest.mark.parametrize("max_errors", [1, 3, 6])
def test_near_match_ends_in_a_text_close_to_the_pattern_everywhere_are_those_of_the_table(max_errors: int) -> None:
    """When most groups could hold an end, every byte is bounded instead; the ends are the same."""
    text = "abcab" * 200
    assert MatchText((text,)).ends("abcabcab", max_errors) == ends_by_table(text, "abcabcab", max_errors)


@pytest.mark.parametrize("before", ["", "x", "the report says ", "abc abd "])
@pytest.mark.parametrize("saved", ["", "a", "genocide against ", "abd "])
def test_context_and_quote_kept_as_saved_have_no_errors(before: str, saved: str) -> None:
    """Found without filling a table; the same as the table gives (see the fast-path tests for the tables)."""
    assert distance_before(saved, before + saved) == 0
    assert distance_after(saved, saved + before) == 0
    assert best_start(saved, before + saved) == (len(saved), 0)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab c", max_size=200), piece=st.text(alphabet="ab c", min_size=1, max_size=12))
def test_a_piece_is_found_through_the_index_where_a_scan_finds_it(text: str, piece: str) -> None:
    matcher = MatchText((text,))
    assert matcher.places(piece) == matcher.occurrences(piece)
    matcher.forget_words()
    assert matcher.places(piece) == matcher.occurrences(piece)


@pytest.fixture(scope="module")
def texts(report: Report, tmp_path_factory: pytest.TempPathFactory) -> tuple[ReportText, Report]:
    return ReportText(report), later_edition(tmp_path_factory.mktemp("edited") / "content")


def _located_both_ways(edited: Report, anchor: Anchor, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """Where the anchor is found, and where it is found when every near end is compared."""
    chosen = locate(ReportText(edited), anchor)
    with monkeypatch.context() as patch:
        patch.setattr(quote_match, "_no_near_place_wins", lambda *_arguments: False)
        patch.setattr(quote_match, "_best_of_few", lambda *_arguments: None)
        everything = locate(ReportText(edited), anchor)
    return chosen, everything


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), seed=st.integers(0, 2**32))
def test_the_place_chosen_from_the_ends_that_could_win_is_the_one_every_end_gives(
    texts: tuple[ReportText, Report], data: st.DataObject, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    original, edited = texts
    rng = random.Random(seed)
    paragraph = data.draw(st.sampled_from([p for p in original.report.paragraphs() if len(p.text) > 40]))
    start = data.draw(st.integers(0, len(paragraph.text) - 20))
    end = data.draw(st.integers(start + 4, min(len(paragraph.text), start + 120)))
    assume(paragraph.text[start:end].strip())
    anchor = anchor_from_selection(original, paragraph.id, start, end)
    letters = "abcdefghijklmnopqrstuvwxyz "
    changed = Anchor(
        anchor.section_id if rng.random() < 0.5 else SectionId(""),
        anchor.paragraph_id if rng.random() < 0.5 else ParagraphId(""),
        anchor.start,
        anchor.end,
        _changed(anchor.exact, rng.randint(0, len(anchor.exact) // 6), rng, letters),
        _changed(anchor.prefix, rng.randint(0, 8), rng, letters) if anchor.prefix else "",
        _changed(anchor.suffix, rng.randint(0, 8), rng, letters) if anchor.suffix else "",
    )
    chosen, everything = _located_both_ways(edited, changed, monkeypatch)
    assert chosen == everything


@pytest.mark.parametrize(
    "exact",
    [
        "End Israel's genocide against Palestinians in Gazza",  # four callouts score the same
        "genocide against Palestinians in Gazza",
        "Stop the genocide nowx",
    ],
)
def test_equally_good_places_are_chosen_as_when_every_end_is_compared(
    texts: tuple[ReportText, Report], exact: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _original, edited = texts
    anchor = Anchor(SectionId(""), ParagraphId(""), 0, len(exact), exact, "", "")
    chosen, everything = _located_both_ways(edited, anchor, monkeypatch)
    assert chosen is not None
    assert chosen == everything


@pytest.mark.parametrize("collecting", [True, False])
def test_a_pass_over_the_notes_leaves_garbage_collection_as_it_found_it(report: Report, collecting: bool) -> None:
    """The pass pauses Python's collector while it runs; the window's start, which turns it off, relies on this."""
    text = ReportText(report)
    anchor = anchor_from_selection(text, "apartheid-p1", 0, 12)
    now = datetime.now(UTC)
    note = Note(NoteId("n1"), MY_LAYER, anchor, Color.YELLOW, Style.HIGHLIGHT, "", (), now, now)
    was = gc.isenabled()
    try:
        if collecting:
            gc.enable()
        else:
            gc.disable()
        placements = place_notes(text, [note])
        assert gc.isenabled() is collecting
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()
    assert placements[note.id].anchor == anchor
