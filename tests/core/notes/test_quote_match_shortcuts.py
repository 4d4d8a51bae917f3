"""The shortcuts `quote_match` takes give what the plain computations give: the best start of a near match read
from its differing characters, and what one note's search remembers for the next in the same pass."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.notes.quote_match import _start_at, _starts_like, find_quote
from reader.notes.text_match import SEPARATOR, MatchText, best_start


def _typed(rng: random.Random, text: str, changes: int, alphabet: str) -> str:
    """Text with characters replaced, left out or added at random."""
    chars = list(text)
    for _ in range(changes):
        at = rng.randrange(len(chars) + 1)
        kind = rng.randrange(3)
        if kind == 0 and at < len(chars):
            chars[at] = rng.choice(alphabet)
        elif kind == 1 and at < len(chars) and len(chars) > 1:
            del chars[at]
        else:
            chars.insert(at, rng.choice(alphabet))
    return "".join(chars)


@settings(max_examples=300, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    parts=st.integers(1, 3),
    length=st.integers(20, 200),
    pattern_length=st.integers(4, 24),
    changes=st.integers(0, 5),
    alphabet=st.sampled_from(["ab", "abc", "abcd "]),
)
def test_the_start_before_a_near_end_is_the_one_best_start_finds(
    seed: int, parts: int, length: int, pattern_length: int, changes: int, alphabet: str
) -> None:
    rng = random.Random(seed)
    sections = ["".join(rng.choice(alphabet) for _ in range(length)) for _ in range(parts)]
    text = MatchText(sections)
    whole = text.text
    at = rng.randrange(max(1, len(whole) - pattern_length))
    pattern = _typed(rng, whole[at : at + pattern_length].replace(SEPARATOR, "a"), changes, alphabet.strip())
    max_errors = len(pattern) // 4
    for end, errors in text.ends(pattern, max_errors):
        window = whole[max(0, end - len(pattern) - max_errors) : end].rsplit(SEPARATOR, 1)[-1]
        assert _start_at(text, pattern, end, errors, max_errors) == best_start(pattern, window)
        # For a quote beginning a word: a start as the quote's (at a word's first letter) first, among the best.
        word_start = _start_at(text, pattern, end, errors, max_errors, word_start=True)
        assert word_start == best_start(
            pattern, window, lambda length, end=end: _starts_like(whole, end - length, pattern[0].isalnum())
        )


@settings(max_examples=100, deadline=None)
@given(seed=st.integers(0, 2**32), notes=st.integers(2, 12))
def test_a_pass_over_many_quotes_places_each_as_if_it_were_alone(seed: int, notes: int) -> None:
    """Quotes, contexts and positions cut from a text and typed over, found one after another in one MatchText (its
    remembered agreements, starts and search states shared) and each in a MatchText of its own."""
    rng = random.Random(seed)
    words = ["the", "report", "said", "that", "a", "ceasefire", "was", "fragile", "and", "aid", "blocked"]
    sections = [" ".join(rng.choice(words) for _ in range(rng.randint(20, 60))) for _ in range(rng.randint(1, 3))]
    shared = MatchText(sections)
    whole = shared.text
    for _ in range(notes):
        start = rng.randrange(len(whole) - 10)
        end = min(len(whole), start + rng.randint(5, 40))
        exact = _typed(rng, whole[start:end], rng.randint(0, 3), "abcdefghij ")
        prefix = _typed(rng, whole[max(0, start - 32) : start], rng.randint(0, 2), "abcdefghij ")
        suffix = whole[end : end + 32]
        expected = rng.choice([None, shared.origin[start], rng.randrange(len(whole))])
        alone = find_quote(MatchText(sections), exact, prefix, suffix, expected)
        assert find_quote(shared, exact, prefix, suffix, expected) == alone
