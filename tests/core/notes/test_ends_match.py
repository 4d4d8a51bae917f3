"""The near-match ends read from a whole-text search, group bounds worked out in 16-bit lanes, are those of the
plain edit-distance table, over texts long enough for many groups of 32 ends (and, where many groups could hold an
end, of 8 ends)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.notes.text_match import MatchText, _open_groups_in_lanes

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


def _open_groups_plainly(rises: bytes, falls: bytes, pattern_size: int, max_errors: int) -> tuple[list[int], list[int]]:
    """The errors before each group summed one group after another, and the groups whose bound is within reach."""
    before = [pattern_size]
    for rise, fall in zip(rises, falls, strict=True):
        before.append(before[-1] + rise - fall)
    open_groups = [group for group, fall in enumerate(falls) if before[group] - fall <= max_errors]
    return open_groups, before[:-1]


@settings(max_examples=300, deadline=None)
@given(
    pattern_size=st.integers(1, 255),
    steps=st.lists(st.integers(-1, 1), min_size=32, max_size=32 * 80),
    max_errors=st.integers(0, 80),
    unit=st.sampled_from([8, 32]),
)
def test_group_bounds_in_lanes_are_those_summed_group_by_group(
    pattern_size: int, steps: list[int], max_errors: int, unit: int
) -> None:
    """Any walk of the errors from the pattern's length, a step of -1, 0 or +1 an end, staying within 0 and it, in
    groups of `unit` ends."""
    errors = pattern_size
    rises, falls = bytearray((len(steps) + unit - 1) // unit), bytearray((len(steps) + unit - 1) // unit)
    for index, step in enumerate(steps):
        if not 0 <= errors + step <= pattern_size:
            continue
        errors += step
        if step > 0:
            rises[index // unit] += 1
        elif step < 0:
            falls[index // unit] += 1
    bound = min(max_errors, pattern_size)
    open_groups, before = _open_groups_in_lanes(bytes(rises), bytes(falls), pattern_size, bound, unit)
    expected_open, expected_before = _open_groups_plainly(rises, falls, pattern_size, min(max_errors, pattern_size))
    assert open_groups == expected_open
    assert [before[group] for group in open_groups] == [expected_before[group] for group in open_groups]


@pytest.mark.parametrize(("alphabet", "pattern_length", "max_errors"), [("ab", 6, 1), ("abcd", 8, 2), ("ab ", 12, 3)])
def test_ends_of_a_short_pattern_matching_almost_everywhere_are_those_of_the_table(
    alphabet: str, pattern_length: int, max_errors: int
) -> None:
    """Over a few letters a short pattern nearly matches in most groups of 32 ends: they are then read by bytes,
    each byte's bound worked out in lanes too."""
    rng = random.Random(pattern_length)
    text = "".join(rng.choice(alphabet) for _ in range(3001))
    matcher = MatchText((text,))
    pattern = matcher.text[1000 : 1000 + pattern_length]
    assert matcher.ends(pattern, max_errors) == ends_by_table(matcher.text, pattern, max_errors)
