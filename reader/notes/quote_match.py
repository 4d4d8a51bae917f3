"""Finding a quote in the report by one score: how well the quote matches, then its context, then its position.

Each candidate place gets

    50 × quote similarity + 20 × prefix similarity + 20 × suffix similarity + 2 × closeness to the saved position

where a similarity is 1 − errors / length (errors as in `text_match`, after normalising white space and typographic
characters) and closeness is 1 − distance / length of the report. Candidates are every exact occurrence of the quote
and, unless an exact one scores more than any near match could, every place matching it with at most a quarter of its
length in errors. A place with more errors than that is never taken, whatever its context: context chooses among good
quote matches, it cannot make a bad one good.

Near places are only looked at as far as they could beat the best so far, and the whole text is only searched when
pieces of the quote (and the text around those found away from the exact places) cannot show that no near place beats
the best exact one; each shortcut gives up, and the plain comparison of every place is made, whenever its answer
could differ (two places scoring the same, too many places).
What one note's search works out that another's may need again (a context's agreement at a place, a quote's best
start before an end) is kept on the MatchText until the pass is over.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import pairwise
from operator import ne

from reader.notes.text_match import (
    SEPARATOR,
    MatchText,
    best_start,
    distance_after,
    distance_before,
    fewest_errors_ending,
    normalise,
)

QUOTE_WEIGHT = 50.0
PREFIX_WEIGHT = 20.0
SUFFIX_WEIGHT = 20.0
POSITION_WEIGHT = 2.0
MAX_ERROR_RATE = 0.25  # a near match may have at most this share of the quote's length in errors
MIN_NEAR_QUOTE = 4  # shorter quotes are only ever found exactly
MAX_NEAR_QUOTE = 2000  # longer quotes are only found exactly (a near search costs time in proportion to the length)
_CONTEXT = 64  # saved context beyond this many characters from the quote is not compared
_MAX_CANDIDATES = 64
_SHORTEST_PIECE = 8  # pieces of a quote shorter than this occur too often to rule near places out
_MAX_ELSEWHERE = 16  # more occurrences of pieces away from the exact places than this: the whole text is searched


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
    best = _best(text, wanted, candidates)
    if not MIN_NEAR_QUOTE <= size <= MAX_NEAR_QUOTE:
        return best
    # No near match can beat an exact one scoring more than anything a match with one error can reach.
    ceiling = QUOTE_WEIGHT * (1 - 1 / size) + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
    if best is not None and best.score >= ceiling:
        return best
    max_errors = int(size * MAX_ERROR_RATE)
    if best is not None and _no_near_place_wins(text, wanted, candidates, best.score, max_errors):
        widened = _best_with_widened(text, wanted, candidates)
        if widened is not None:
            return widened
    ends = text.ends(quote, max_errors)
    if len(candidates) + len(ends) <= _MAX_CANDIDATES:
        found = _best_of_few(text, wanted, candidates, best, ends, max_errors)
        if found is not None:
            return found
    for end, end_errors in ends:
        length, errors = _start_at(text, quote, end, end_errors, max_errors, wanted.widen_start)
        if errors > max_errors:
            continue
        span = _tidied(text.text, end - length, end, wanted)
        if span is not None and candidates.get(span, errors) >= errors:
            candidates[span] = errors
    return _best(text, wanted, candidates)


def _no_near_place_wins(
    text: MatchText, wanted: _Wanted, exact: dict[tuple[int, int], int], score: float, max_errors: int
) -> bool:
    """Whether no near end other than an exact place's own could give a place scoring `score`, shown without
    searching the whole text.

    Such a place has at most `errors` errors (its context and position agreeing wholly), so one of `errors` + 1
    pieces of the quote occurs in it exactly, and its end lies within `errors` of where that occurrence puts the
    quote's end. When an occurrence of a piece puts it near an exact place's end, the place's end is in the same run
    of near ends as that exact end (the errors change by at most one from end to end, and stay within `max_errors`
    between them), and a run's best end is its exact one. Where an occurrence puts it anywhere else, the text around
    it (a few dozen characters) shows that no end there has so few errors.
    """
    size = len(wanted.quote)
    errors = 0  # the most errors a place scoring `score` can have
    while errors < max_errors and _upper_score(wanted, errors + 1) >= score:
        errors += 1
    pieces = errors + 1
    if size // pieces < _SHORTEST_PIECE:
        return False
    exact_ends = sorted(end for _start, end in exact)
    reach = 2 * max_errors - 2 * errors  # within this of an exact end, a run stays within `max_errors`
    bounds = [size * number // pieces for number in range(pieces + 1)]
    elsewhere: list[int] = []  # where the occurrences put the quote's end, away from every exact place's end
    for low, high in pairwise(bounds):
        for place in text.places(wanted.quote[low:high]):
            end = place - low + size
            index = bisect_left(exact_ends, end - reach)
            if index == len(exact_ends) or exact_ends[index] > end + reach:
                elsewhere.append(end)
                if len(elsewhere) > _MAX_ELSEWHERE:
                    return False
    return not elsewhere or _no_end_around(text, wanted.quote, elsewhere, errors)


def _no_end_around(text: MatchText, quote: str, ends: list[int], errors: int) -> bool:
    """Whether no end within `errors` of one of `ends` has a match of the quote with at most `errors` errors.

    Such a match is at most the quote's length plus `errors` long, so the text from that far before the ends to the
    last of them holds it: the stretches of text around the ends, joined, are searched (a match across two of them,
    which the text does not have, only ever makes the answer no).
    """
    body = text.text
    reach = len(quote) + errors  # how far before an end its match may start
    stretches: list[tuple[int, int]] = []  # the text around ends near each other, from start to stop
    checked: list[tuple[int, int]] = []  # the ends to check, first to last, in the stretches joined
    offset = 0  # where the last stretch starts in the stretches joined
    for end in sorted(ends):
        first, last = max(1, end - errors), min(len(body), end + errors)
        if first > last:  # past the text's end
            continue
        if stretches and first - reach <= stretches[-1][1]:
            start = stretches[-1][0]
            stretches[-1] = (start, max(stretches[-1][1], last))
        else:
            if stretches:
                offset += stretches[-1][1] - stretches[-1][0] + len(SEPARATOR)
            start = max(0, first - reach)
            stretches.append((start, last))
        checked.append((offset + first - start, offset + last - start))
    searched = SEPARATOR.join(body[start:stop] for start, stop in stretches)
    return fewest_errors_ending(quote, searched, checked) > errors


def _upper_score(wanted: _Wanted, errors: int) -> float:
    """The most a place with this many errors can score (its context and position agreeing wholly)."""
    return _score(QUOTE_WEIGHT * (1 - errors / len(wanted.quote)), 1.0, POSITION_WEIGHT, wanted)


def _best_with_widened(text: MatchText, wanted: _Wanted, exact: dict[tuple[int, int], int]) -> QuoteMatch | None:
    """`_best` of the exact places and the places their own ends give as near ends (widened to whole words); None
    when two score the same (which comes first would decide) or there are too many to compare them all."""
    candidates = dict(exact)
    for start, end in exact:
        span = _tidied(text.text, start, end, wanted)
        if span is not None:
            candidates[span] = 0
    if len(candidates) > _MAX_CANDIDATES:
        return None
    scores = [_scored(text, wanted, span) for span in candidates]
    best = max(scores, key=lambda place: place.score)
    return best if sum(place.score == best.score for place in scores) == 1 else None


def _scored(text: MatchText, wanted: _Wanted, span: tuple[int, int]) -> QuoteMatch:
    """An exact place scored as `_best` scores it."""
    start, end = span
    position_score = _closeness(text, wanted, start)
    prefix = _context_at(text, wanted, start, True)
    suffix = _context_at(text, wanted, end, False)
    raw_start, raw_end = text.raw_span(start, end)
    return QuoteMatch(raw_start, raw_end, 0, _score(QUOTE_WEIGHT, _context(prefix, suffix), position_score, wanted))


def _best_of_few(
    text: MatchText,
    wanted: _Wanted,
    exact: dict[tuple[int, int], int],
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
        if best is not None and _upper_score(wanted, end_errors) < best.score:
            break
        quote_score = QUOTE_WEIGHT * (1 - end_errors / size)
        length, errors = _start_at(text, wanted.quote, end, end_errors, max_errors, wanted.widen_start)
        if errors != end_errors:
            return None
        span = _tidied(text.text, end - length, end, wanted)
        if span is None or found.get(span, errors + 1) <= errors:
            continue  # no place, or this place already with as few errors
        found[span] = errors
        start, stop = span
        position_score = _closeness(text, wanted, start)
        if best is not None and _score(quote_score, 1.0, position_score, wanted) < best.score:
            continue
        prefix = _context_at(text, wanted, start, True)
        if best is not None and _score(quote_score, _context(prefix, 1.0), position_score, wanted) < best.score:
            continue
        suffix = _context_at(text, wanted, stop, False)
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
) -> QuoteMatch | None:
    """The best scoring candidate."""
    if len(candidates) > _MAX_CANDIDATES:
        kept = sorted(candidates.items(), key=lambda item: (item[1], _distance(wanted, item[0][0])))
        candidates = dict(kept[:_MAX_CANDIDATES])
    best: QuoteMatch | None = None
    for (start, end), errors in candidates.items():
        quote_score = QUOTE_WEIGHT * (1 - errors / len(wanted.quote))
        position_score = _closeness(text, wanted, start)
        # Context agrees at most wholly (1.0): a place that could not beat the best even so is compared no further.
        if best is not None and _score(quote_score, 1.0, position_score, wanted) <= best.score:
            continue
        prefix = _context_at(text, wanted, start, True)
        if best is not None and _score(quote_score, _context(prefix, 1.0), position_score, wanted) <= best.score:
            continue
        suffix = _context_at(text, wanted, end, False)
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


def _start_at(
    text: MatchText, quote: str, end: int, end_errors: int, max_errors: int, word_start: bool = False
) -> tuple[int, int]:
    """`best_start` of the quote in the window before a near end with `end_errors` (within its section), remembered
    for the pass.

    For a quote that begins a word (`word_start`, when its place is widened to whole words), a start that needs no
    widening comes first among equally good ones: widening would add characters the errors never counted ("Hundreds
    of…" saved, "…destructive. Tens of…" in the text: "ve. Tens" is as near as "Tens", but would become
    "destructive. Tens").

    When the quote's own length before the end differs from it in exactly `end_errors` characters (and, for such a
    quote, starts a word), that length is the answer without filling a table: it has no more errors than any start
    (the end has no fewer), and it is the length closest to the quote's.
    """
    key = (quote, end, word_start)
    found = text.starts.get(key)
    if found is None:
        size = len(quote)
        body = text.text

        def starts_as_the_quote_does(length: int) -> bool:
            return _starts_like(body, end - length, quote[0].isalnum())

        preferred = starts_as_the_quote_does if word_start else None
        piece = body[end - size : end] if end >= size else ""
        if (
            end_errors
            and len(piece) == size
            and SEPARATOR not in piece
            and sum(map(ne, quote, piece)) == end_errors
            and (preferred is None or preferred(size))
        ):
            found = size, end_errors
        else:
            window = body[max(0, end - size - max_errors) : end]
            found = best_start(quote, window.rsplit(SEPARATOR, 1)[-1], preferred)
        text.starts[key] = found
    return found


def _starts_like(body: str, start: int, word: bool) -> bool:
    """Whether a match starting at body[start] (its spaces skipped, as `_tidied` does) begins as a quote beginning a
    word does: at the first letter or digit of a word when `word`, else anywhere but inside a word."""
    while start < len(body) and body[start] == " ":
        start += 1
    if start >= len(body):
        return False
    # After a letter or digit, or after an apostrophe inside a word ("Israel's": "s" does not begin a word).
    after_word = start > 0 and (
        body[start - 1].isalnum() or (body[start - 1] == "'" and start > 1 and body[start - 2].isalnum())
    )
    return body[start].isalnum() and not after_word if word else not (after_word and body[start].isalnum())


def _context_at(text: MatchText, wanted: _Wanted, place: int, before: bool) -> float:
    """How much the saved prefix agrees before `place` (`before`), or the saved suffix after it, remembered for the
    pass: notes often share their context and its place."""
    key = (before, wanted.prefix if before else wanted.suffix, place)
    agreement = text.agreements.get(key)
    if agreement is None:
        agree = _prefix_agreement if before else _suffix_agreement
        agreement = text.agreements[key] = agree(text.text, wanted, place)
    return agreement


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


def _closeness(text: MatchText, wanted: _Wanted, start: int) -> float:
    """The position's part of a score: POSITION_WEIGHT at the saved position, less farther away (0 when unknown)."""
    if wanted.expected is None:
        return 0.0
    return POSITION_WEIGHT * (1 - min(1.0, _distance(wanted, start) / max(1, len(text.text))))


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
