"""A quote found exactly but with its context changed, pieces of it occurring elsewhere (with or without a near match
of the whole quote there): the place chosen by looking only around those pieces is the one every near end gives."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.notes import quote_match
from reader.notes.quote_match import QuoteMatch, _no_end_around, find_quote
from reader.notes.text_match import MatchText

from .conftest import errors_by_table

_WORDS = ["the", "report", "said", "that", "a", "ceasefire", "was", "fragile", "and", "aid", "blocked", "crossings"]


def _typed(rng: random.Random, text: str, changes: int) -> str:
    """Text with letters replaced, left out or added at random."""
    chars = list(text)
    for _ in range(changes if chars else 0):
        at = rng.randrange(len(chars))
        kind = rng.randrange(3)
        if kind == 0:
            chars[at] = rng.choice("abcdefghij")
        elif kind == 1 and len(chars) > 1:
            del chars[at]
        else:
            chars.insert(at, rng.choice("abcdefghij"))
    return "".join(chars)


def _found_both_ways(
    sections: list[str], quote: str, prefix: str, suffix: str, expected: int | None
) -> tuple[QuoteMatch | None, QuoteMatch | None]:
    """The place found, and the place found when every near end of the whole text is compared."""
    chosen = find_quote(MatchText(sections), quote, prefix, suffix, expected)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quote_match, "_no_near_place_wins", lambda *_arguments: False)
        patch.setattr(quote_match, "_best_of_few", lambda *_arguments: None)
        everything = find_quote(MatchText(sections), quote, prefix, suffix, expected)
    return chosen, everything


@settings(max_examples=300, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    copies=st.integers(0, 4),
    changes=st.integers(0, 3),
    cut=st.integers(0, 2),
    context_changes=st.integers(1, 4),
)
def test_a_quote_with_pieces_elsewhere_is_placed_as_every_near_end_places_it(
    seed: int, copies: int, changes: int, cut: int, context_changes: int
) -> None:
    rng = random.Random(seed)

    def words(low: int, high: int) -> list[str]:
        return [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]

    prefix, quote, suffix = " ".join(words(3, 6)), " ".join(words(6, 14)), " ".join(words(3, 6))
    before, after = words(5, 60), words(5, 60)
    # Copies of the quote elsewhere, typed over (a near match there) or cut to a piece of it (no near match), some
    # with the context as saved around them.
    for _ in range(copies):
        copy = _typed(rng, quote, changes)
        if cut:
            half = len(copy) // 2
            copy = copy[:half] if cut == 1 else copy[half:]
        if rng.random() < 0.5:
            copy = f"{prefix} {copy} {suffix}"
        place = rng.choice([before, after])
        at = rng.randrange(len(place) + 1)
        place[at:at] = copy.split(" ")
    # The quote itself with its context changed a little: the exact place scores less than a quote can.
    whole = " ".join([*before, _typed(rng, prefix, context_changes), quote, suffix, *after])
    sections = [whole[: len(whole) // 2], whole[len(whole) // 2 :]] if rng.random() < 0.3 else [whole]
    expected = rng.choice([None, whole.find(quote), rng.randrange(len(whole))])
    chosen, everything = _found_both_ways(sections, quote, prefix + " ", " " + suffix, expected)
    assert chosen == everything


def test_a_near_copy_elsewhere_with_the_saved_context_is_chosen_over_the_exact_place() -> None:
    """The exact words' context changed a little (three letters); a copy with one letter changed kept it all: the
    copy scores more."""
    quote = "aid convoys were blocked at the crossings for weeks"
    near = "aid convoys were blocked at the crossinys for weeks"
    text = (
        f"Our monitors reported that {quote} and fuel ran out. "
        + "Filler words that say nothing much at all about it. " * 3
        + f"The monitors reported that {near} and fuel ran out."
    )
    chosen, everything = _found_both_ways([text], quote, "The monitors reported that ", " and fuel ran out.", None)
    assert chosen == everything
    assert chosen is not None
    assert text[chosen.start : chosen.end] == near


@settings(max_examples=500, deadline=None)
@given(
    text=st.text(alphabet="ab c", min_size=1, max_size=150),
    quote=st.text(alphabet="ab c", min_size=1, max_size=20),
    ends=st.lists(st.integers(0, 160), min_size=1, max_size=5),
    errors=st.integers(0, 5),
)
def test_no_end_is_said_to_be_without_a_near_match_that_has_one(
    text: str, quote: str, ends: list[int], errors: int
) -> None:
    """Looking only at the text around the ends may say there is a match where there is none, never the reverse."""
    matcher = MatchText((text,))
    body = matcher.text
    if _no_end_around(matcher, quote, ends, errors):
        table = errors_by_table(quote, body, anchored=False)
        for wanted in ends:
            for end in range(max(1, wanted - errors), min(len(body), wanted + errors) + 1):
                assert table[end] > errors
