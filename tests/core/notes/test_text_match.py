"""A MatchText's normalised text, where each of its characters came from, and the masks its searches use, are those
the plain definitions give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.notes.text_match import (
    SEPARATOR,
    MatchText,
    best_start,
    distance_after,
    distance_before,
    fewest_errors_ending,
    normalise,
)

from .conftest import errors_by_table, starts_by_table

_PARTS = st.lists(st.text(alphabet="ab’“—\u0628 \n\t\u00a0\r", max_size=40), min_size=1, max_size=4)


def _normalised_plainly(parts: list[str]) -> tuple[str, list[int]]:
    """Every run of white space one space at the run's start, part by part, the parts joined with SEPARATOR."""
    text, origin, base = "", [], 0
    for number, part in enumerate(parts):
        if number:
            text += SEPARATOR
            origin.append(base - 1)
        position = 0
        for space in re.finditer(r"\s+", part):
            low, high = space.span()
            text += normalise(part[position:low]) + " "
            origin.extend(range(base + position, base + low + 1))
            position = high
        text += normalise(part[position:])
        origin.extend(range(base + position, base + len(part)))
        base += len(part) + 1
    return text, origin


@settings(max_examples=300, deadline=None)
@given(parts=_PARTS)
def test_normalised_text_and_origins_are_those_of_the_plain_definition(parts: list[str]) -> None:
    matcher = MatchText(parts)
    assert (matcher.text, matcher.origin) == _normalised_plainly(parts)


@settings(max_examples=300, deadline=None)
@given(parts=_PARTS)
def test_each_character_mask_has_the_bits_where_the_character_is(parts: list[str]) -> None:
    matcher = MatchText(parts)
    masks = matcher._char_masks()
    assert set(masks) == set(matcher.text)
    for char, mask in masks.items():
        assert mask == sum(1 << index for index, found in enumerate(matcher.text) if found == char)


def test_masks_of_a_text_with_more_than_256_distinct_characters() -> None:
    text = "".join(chr(0x4E00 + number) for number in range(300)) * 2
    masks = MatchText((text,))._char_masks()
    assert masks[chr(0x4E00)] == 1 | 1 << 300
    assert len(masks) == 300


@settings(max_examples=300, deadline=None)
@given(context=st.text(alphabet="abc d", max_size=70), text=st.text(alphabet="abc d", max_size=140))
def test_context_errors_over_long_contexts_are_those_of_the_table(context: str, text: str) -> None:
    """Contexts and texts longer than a machine word, as the 64 characters of context compared near a place."""
    assert distance_before(context, text) == errors_by_table(context, text, anchored=False)[-1]
    assert distance_after(context, text) == min(errors_by_table(context, text, anchored=True))


@settings(max_examples=300, deadline=None)
@given(pattern=st.text(alphabet="abc d", max_size=60), before=st.text(alphabet="abc d", max_size=90))
def test_the_best_start_over_long_windows_is_the_one_of_the_table(pattern: str, before: str) -> None:
    """Errors for each length of match ending at the window's end, by the table; the least, nearest the pattern's
    length (of two as near, the one starting as the pattern does when only it does, else the shorter)."""
    lengths, errors = starts_by_table(pattern, before)
    assert best_start(pattern, before) == (lengths[0], errors)


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="ab ’“—`\n\t\u00a0\r\u2028", max_size=30))
def test_normalising_is_the_plain_definition(text: str) -> None:
    plain = str.maketrans("‘’‚‛′`“”„‟″«»‐‑‒–—―−", "''''''" + '"' * 7 + "-" * 7)
    assert normalise(text) == re.sub(r"\s+", " ", text.translate(plain))


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="ab ", max_size=200), pattern=st.text(alphabet="ab ", min_size=1, max_size=12))
def test_occurrences_found_through_the_index_are_those_found_one_by_one(text: str, pattern: str) -> None:
    matcher = MatchText((text,))
    one_by_one = matcher.occurrences(pattern)
    matcher.places("abababab")  # makes the index of runs of characters
    assert matcher.occurrences(pattern) == one_by_one
    assert one_by_one == [at for at in range(len(matcher.text)) if matcher.text.startswith(pattern, at)]


@settings(max_examples=300, deadline=None)
@given(
    pattern=st.text(alphabet="abc d", max_size=40),
    before=st.text(alphabet="abc d", max_size=70),
    liked=st.sets(st.integers(0, 70)),
)
def test_a_preferred_length_comes_first_among_the_best_and_only_among_them(
    pattern: str, before: str, liked: set[int]
) -> None:
    """With a preference, the least errors still decide; among lengths with the least, the first preferred one in
    `best_start`'s order (nearest the pattern's length, then the tie rule), else the first of all."""
    nearest, errors = starts_by_table(pattern, before)
    chosen = next((length for length in nearest if length in liked), nearest[0])
    assert best_start(pattern, before, liked.__contains__) == (chosen, errors)


@settings(max_examples=300, deadline=None)
@given(
    pattern=st.text(alphabet="abc d", min_size=1, max_size=30),
    text=st.text(alphabet="abc d", max_size=120),
    spans=st.lists(st.tuples(st.integers(0, 120), st.integers(0, 8)), max_size=4),
)
def test_the_fewest_errors_ending_in_spans_are_those_of_the_table(
    pattern: str, text: str, spans: list[tuple[int, int]]
) -> None:
    ends = [(low, min(len(text), low + width)) for low, width in spans if low <= len(text)]
    row = errors_by_table(pattern, text, anchored=False)
    expected = min((row[end] for low, high in ends for end in range(low, high + 1)), default=len(pattern) + 1)
    assert fewest_errors_ending(pattern, text, ends) == expected
