"""Finding a quote in the report by one score: how well the quote matches, then its context, then its position.

Each candidate place gets

    50 × quote similarity + 20 × prefix similarity + 20 × suffix similarity + 2 × closeness to the saved position

where a similarity is 1 − errors / length (errors as in `text_match`, after normalising white space and typographic
characters) and closeness is 1 − distance / length of the report. Candidates are every exact occurrence of the quote
and, unless an exact one scores more than any near match could, every place matching it with at most a quarter of its
length in errors. A place with more errors than that is never taken, whatever its context: context chooses among good
quote matches, it cannot make a bad one good.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.notes.text_match import SEPARATOR, MatchText, best_start, distance_after, distance_before, normalise

QUOTE_WEIGHT = 50.0
PREFIX_WEIGHT = 20.0
SUFFIX_WEIGHT = 20.0
POSITION_WEIGHT = 2.0
MAX_ERROR_RATE = 0.25  # a near match may have at most this share of the quote's length in errors
MIN_NEAR_QUOTE = 4  # shorter quotes are only ever found exactly
MAX_NEAR_QUOTE = 2000  # longer quotes are only found exactly (a near search costs time in proportion to the length)
_CONTEXT = 64  # saved context beyond this many characters from the quote is not compared
_MAX_CANDIDATES = 64


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """A place for a quote: `start`/`end` in the raw text a MatchText was made from, its errors and score."""

    start: int
    end: int
    errors: int
    score: float


@dataclass(frozen=True, slots=True)
class _Wanted:
    quote: str
    prefix: str
    suffix: str
    expected: int | None  # the saved position, in normalised text
    widen_start: bool
    widen_end: bool


def find_quote(text: MatchText, exact: str, prefix: str, suffix: str, expected: int | None) -> QuoteMatch | None:
    """The best place for a quote with its saved context, near `expected` (raw offset) when known; None if none."""
    quote = normalise(exact).strip(" ")
    if not quote:
        return None
    near_prefix = normalise(prefix)[-_CONTEXT:]
    near_suffix = normalise(suffix)[:_CONTEXT]
    wanted = _Wanted(
        quote,
        near_prefix,
        near_suffix,
        None if expected is None else text.normalised_position(expected),
        not (near_prefix[-1:].isalnum() and quote[0].isalnum()),
        not (near_suffix[:1].isalnum() and quote[-1].isalnum()),
    )
    size = len(quote)
    candidates = {(at, at + size): 0 for at in text.occurrences(quote)}
    agreements: dict[tuple[bool, int], float] = {}  # the exact places are scored again with the near ones
    best = _best(text, wanted, candidates, agreements)
    if not MIN_NEAR_QUOTE <= size <= MAX_NEAR_QUOTE:
        return best
    # No near match can beat an exact one scoring more than anything a match with one error can reach.
    ceiling = QUOTE_WEIGHT * (1 - 1 / size) + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
    if best is not None and best.score >= ceiling:
        return best
    max_errors = int(size * MAX_ERROR_RATE)
    ends = text.ends(quote, max_errors)
    if len(candidates) + len(ends) <= _MAX_CANDIDATES:
        found = _best_of_few(text, wanted, candidates, agreements, best, ends, max_errors)
        if found is not None:
            return found
    for end, _errors in ends:
        window = text.text[max(0, end - size - max_errors) : end]
        length, errors = best_start(quote, window.rsplit(SEPARATOR, 1)[-1])
        if errors > max_errors:
            continue
        span = _tidied(text.text, end - length, end, wanted)
        if span is not None and candidates.get(span, errors) >= errors:
            candidates[span] = errors
    return _best(text, wanted, candidates, agreements)


def _best_of_few(
    text: MatchText,
    wanted: _Wanted,
    exact: dict[tuple[int, int], int],
    agreements: dict[tuple[bool, int], float],
    best: QuoteMatch | None,
    ends: list[tuple[int, int]],
    max_errors: int,
) -> QuoteMatch | None:
    """What `_best` picks from the exact places (`best` the best of them) and those the near ends give, when they
    are no more than `_MAX_CANDIDATES` (so none is dropped), looking only at the ends that could beat the best.

    A place has at least its end's errors, so ends are taken fewest errors first, and once an end could not beat the
    best even with its context agreeing wholly, neither can any after it. None when that cannot be sure of `_best`'s
    answer: two places score the same (their order would decide), or a place has more errors than its end (its text
    cut off at a section's edge), so that a skipped end could give the same place with fewer.
    """
    size = len(wanted.quote)
    found = dict(exact)
    tied = False
    for end, end_errors in sorted(ends, key=lambda item: item[1]):
        quote_score = QUOTE_WEIGHT * (1 - end_errors / size)
        if best is not None and _score(quote_score, 1.0, POSITION_WEIGHT, wanted) < best.score:
            break
        window = text.text[max(0, end - size - max_errors) : end]
        length, errors = best_start(wanted.quote, window.rsplit(SEPARATOR, 1)[-1])
        if errors != end_errors:
            return None
        span = _tidied(text.text, end - length, end, wanted)
        if span is None or found.get(span, errors + 1) <= errors:
            continue  # no place, or this place already with as few errors
        found[span] = errors
        start, stop = span
        position_score = 0.0
        if wanted.expected is not None:
            position_score = POSITION_WEIGHT * (1 - min(1.0, _distance(wanted, start) / max(1, len(text.text))))
        if best is not None and _score(quote_score, 1.0, position_score, wanted) < best.score:
            continue
        prefix = agreements.get((True, start))
        if prefix is None:
            prefix = agreements[True, start] = _prefix_agreement(text.text, wanted, start)
        if best is not None and _score(quote_score, _context(prefix, 1.0), position_score, wanted) < best.score:
            continue
        suffix = agreements.get((False, stop))
        if suffix is None:
            suffix = agreements[False, stop] = _suffix_agreement(text.text, wanted, stop)
        score = _score(quote_score, _context(prefix, suffix), position_score, wanted)
        if best is None or score > best.score:
            raw_start, raw_end = text.raw_span(start, stop)
            best, tied = QuoteMatch(raw_start, raw_end, errors, score), False
        elif score == best.score:
            tied = True
    return None if tied else best


def _best(
    text: MatchText,
    wanted: _Wanted,
    candidates: dict[tuple[int, int], int],
    agreements: dict[tuple[bool, int], float],
) -> QuoteMatch | None:
    """The best scoring candidate; `agreements` remembers the context's agreement before a start and after an end."""
    if len(candidates) > _MAX_CANDIDATES:
        kept = sorted(candidates.items(), key=lambda item: (item[1], _distance(wanted, item[0][0])))
        candidates = dict(kept[:_MAX_CANDIDATES])
    best: QuoteMatch | None = None
    for (start, end), errors in candidates.items():
        quote_score = QUOTE_WEIGHT * (1 - errors / len(wanted.quote))
        position_score = 0.0
        if wanted.expected is not None:
            position_score = POSITION_WEIGHT * (1 - min(1.0, _distance(wanted, start) / max(1, len(text.text))))
        # Context agrees at most wholly (1.0): a place that could not beat the best even so is compared no further.
        if best is not None and _score(quote_score, 1.0, position_score, wanted) <= best.score:
            continue
        prefix = agreements.get((True, start))
        if prefix is None:
            prefix = agreements[True, start] = _prefix_agreement(text.text, wanted, start)
        if best is not None and _score(quote_score, _context(prefix, 1.0), position_score, wanted) <= best.score:
            continue
        suffix = agreements.get((False, end))
        if suffix is None:
            suffix = agreements[False, end] = _suffix_agreement(text.text, wanted, end)
        context = _context(prefix, suffix)
        score = _score(quote_score, context, position_score, wanted)
        if best is None or score > best.score:
            raw_start, raw_end = text.raw_span(start, end)
            best = QuoteMatch(raw_start, raw_end, errors, score)
    return best


def _score(quote_score: float, context: float, position_score: float, wanted: _Wanted) -> float:
    """The score of a place; the same sums in the same order as ever, so equal places stay exactly equal."""
    score = quote_score + (PREFIX_WEIGHT + SUFFIX_WEIGHT) * context
    if wanted.expected is not None:
        score += position_score
    return score


def _prefix_agreement(body: str, wanted: _Wanted, start: int) -> float:
    """How much the saved prefix agrees with the text before body[start], from 0 to 1 (no prefix: 1)."""
    if not wanted.prefix:
        return 1.0
    before = body[max(0, start - 2 * len(wanted.prefix)) : start].rsplit(SEPARATOR, 1)[-1]
    return max(0.0, 1 - distance_before(wanted.prefix, before) / len(wanted.prefix))


def _suffix_agreement(body: str, wanted: _Wanted, end: int) -> float:
    """How much the saved suffix agrees with the text from body[end], from 0 to 1 (no suffix: 1)."""
    if not wanted.suffix:
        return 1.0
    after = body[end : end + 2 * len(wanted.suffix)].split(SEPARATOR, 1)[0]
    return max(0.0, 1 - distance_after(wanted.suffix, after) / len(wanted.suffix))


def _context(prefix: float, suffix: float) -> float:
    """How much the context agrees, from 0 to 1: the prefix's and the suffix's agreement, weighted."""
    return (PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix) / (PREFIX_WEIGHT + SUFFIX_WEIGHT)


def _distance(wanted: _Wanted, start: int) -> int:
    return 0 if wanted.expected is None else abs(start - wanted.expected)


def _tidied(body: str, start: int, end: int, wanted: _Wanted) -> tuple[int, int] | None:
    """A near match without spaces at its edges, widened to whole words where the quote itself began or ended one."""
    while start < end and body[start] == " ":
        start += 1
    while end > start and body[end - 1] == " ":
        end -= 1
    if start >= end:
        return None
    if wanted.widen_start:
        while start > 0 and body[start - 1].isalnum() and body[start].isalnum():
            start -= 1
    if wanted.widen_end:
        while end < len(body) and body[end - 1].isalnum() and body[end].isalnum():
            end += 1
    return start, end
