"""The near-match ends read from a whole-text search, group bounds worked out in 16-bit lanes, are those of the
plain edit-distance table, over texts long enough for many groups of 32 ends."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.notes.text_match import MatchText

from .conftest import ends_by_table


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    length=st.integers(200, 1200),
    pattern_length=st.integers(4, 40),
    changes=st.integers(0, 12),
    alphabet=st.sampled_from(["ab", "abcd", "abcdefgh "]),
)
def test_ends_over_many_groups_are_those_of_the_table(
    seed: int, length: int, pattern_length: int, changes: int, alphabet: str
) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(alphabet) for _ in range(length))
    start = rng.randrange(length - pattern_length)
    chars = list(text[start : start + pattern_length])
    for _ in range(changes):
        chars[rng.randrange(len(chars))] = rng.choice(alphabet)
    pattern = "".join(chars)
    matcher = MatchText((text,))  # runs of spaces become one
    for max_errors in {0, pattern_length // 4, pattern_length // 2}:
        assert matcher.ends(pattern, max_errors) == ends_by_table(matcher.text, pattern, max_errors)


@pytest.mark.parametrize("pattern_length", [254, 255, 256])
def test_ends_of_a_pattern_at_the_edge_of_a_byte_are_those_of_the_table(pattern_length: int) -> None:
    """Up to 255 characters the errors are summed in lanes modulo 256; from 256 on, one group after another."""
    rng = random.Random(pattern_length)
    text = "".join(rng.choice("abcd") for _ in range(900))
    pattern = list(text[300 : 300 + pattern_length])
    for _ in range(30):
        pattern[rng.randrange(len(pattern))] = rng.choice("abcd")
    max_errors = pattern_length // 4
    assert MatchText((text,)).ends("".join(pattern), max_errors) == ends_by_table(text, "".join(pattern), max_errors)
