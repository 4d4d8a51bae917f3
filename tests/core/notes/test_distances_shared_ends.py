"""Context errors and best starts where the context or quote and the text share their first or last characters (a
context changed in one place, the rest as saved) are those of the plain edit-distance table, whatever the length of
what they share and of what differs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.notes.text_match import best_start, distance_after, distance_before

from .conftest import errors_by_table, starts_by_table

_PIECE = st.text(alphabet="abc d", max_size=30)


@settings(max_examples=400, deadline=None)
@given(shared=_PIECE, own=_PIECE, other=_PIECE)
def test_a_prefix_ending_as_the_text_does_has_the_errors_of_the_table(shared: str, own: str, other: str) -> None:
    """The saved prefix and the text before a place end alike and differ before that (or one is all shared)."""
    context, text = own + shared, other + shared
    assert distance_before(context, text) == errors_by_table(context, text, anchored=False)[-1]
    assert distance_before(text, context) == errors_by_table(text, context, anchored=False)[-1]


@settings(max_examples=400, deadline=None)
@given(shared=_PIECE, own=_PIECE, other=_PIECE)
def test_a_suffix_beginning_as_the_text_does_has_the_errors_of_the_table(shared: str, own: str, other: str) -> None:
    context, text = shared + own, shared + other
    assert distance_after(context, text) == min(errors_by_table(context, text, anchored=True))
    assert distance_after(text, context) == min(errors_by_table(text, context, anchored=True))


@settings(max_examples=400, deadline=None)
@given(shared=_PIECE, own=_PIECE, other=_PIECE, liked=st.sets(st.integers(0, 90)))
def test_the_best_start_of_a_quote_ending_as_the_window_does_is_the_one_of_the_table(
    shared: str, own: str, other: str, liked: set[int]
) -> None:
    """The quote and the window before a near end end alike (the near match differs only before that)."""
    pattern, before = own + shared, other + shared
    if before.endswith(pattern):
        return  # the match without errors, found without the table
    nearest, errors = starts_by_table(pattern, before)
    assert best_start(pattern, before) == (nearest[0], errors)
    chosen = next((length for length in nearest if length in liked), nearest[0])
    assert best_start(pattern, before, liked.__contains__) == (chosen, errors)


def test_a_typo_in_a_long_saved_context_costs_one_error() -> None:
    """Saved context whose text later lost a letter: all but that letter is shared, before or after it."""
    assert distance_after("of the Gaza Strip, according to", "of the Gaza Strip, acording to the report") == 1
    assert distance_before("according to the report's findings", "In 2024, acording to the report's findings") == 1
