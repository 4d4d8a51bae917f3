"""A MatchText's normalised text, where each of its characters came from, and the masks its searches use, are those
the plain definitions give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.notes.text_match import SEPARATOR, MatchText, normalise

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
