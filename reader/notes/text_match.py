"""Approximate text matching for anchoring: text normalised for comparison, and edit distances found bit-parallel.

Errors are counted as in the Levenshtein distance (one per character inserted, deleted or replaced). The distances
use the bit-vector form of the edit-distance table (Myers 1999, in Hyyrö's formulation): one column of the table is
kept as two bit sets (where the value goes up by one, where it goes down by one), so a whole row is advanced with a
handful of operations on Python integers. The bits always run over the text, one step a character of the pattern:

- along a short piece (a quote's context, a window before a near match's end; `distance_before`, `distance_after`,
  `best_start`), the pattern is the shorter, so there are fewer steps than characters of text, and fewer still
  without the characters the two begin (or end) with in common;
- to find a quote anywhere in the report (`MatchText.ends`), a few dozen operations on integers as long as the report,
  instead of one Python step for each of its characters; where a match may end is then read from the last row by
  groups of 32 ends, every group's bound worked out at once in 16-bit lanes of one integer (by bytes likewise, when
  many groups could hold an end).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from itertools import accumulate, chain, groupby
from operator import itemgetter, sub

SEPARATOR = "\n"  # between sections in a MatchText; normalised text never holds one, so no quote matches across it
_SPACE = re.compile(r"\s+")
_SPACE_RUN = re.compile(r"\s\s+")
_TYPOGRAPHIC = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
    }
)
# What `normalise` changes: a typographic character, white space other than a space, or two spaces in a row.
_UNNORMAL = re.compile("[" + re.escape("".join(map(chr, _TYPOGRAPHIC))) + r"]|[^\S ]|  ")
_REMEMBERED_BITS = 2**27  # at most 16 MB of search states kept from quote to quote (`MatchText.forget_words`)
_GRAM = 8  # `MatchText.places` looks a piece up by its first this many characters
_BITS_SET = bytes(bin(value).count("1") for value in range(256))
# For each byte, how many of its bits are set up to and including bit 0, 1, … 7.
_SO_FAR = [tuple(bin(value & ((2 << bit) - 1)).count("1") for bit in range(8)) for value in range(256)]


def normalise(text: str) -> str:
    """Text as compared: every run of white space one space, typographic quotes, apostrophes and dashes plain."""
    if _UNNORMAL.search(text) is None:  # nothing to change (most quotes): one search instead of two passes
        return text
    return _SPACE.sub(" ", text.translate(_TYPOGRAPHIC))


def distance_before(context: str, text: str) -> int:
    """How many errors the best match of `context` ending exactly where `text` ends has (it may start anywhere)."""
    size = len(context)
    if not text or not size:
        return size if not text else 0
    if text.endswith(context):  # the context as saved (the common case), without filling a table
        return 0
    # A last character both share costs nothing (the best match ends by matching it), so the table is filled without
    # the characters they end with in common.
    last, end = size - 1, len(text) - 1
    while end >= 0 and context[last] == text[end]:
        last -= 1
        end -= 1
    if end < 0:
        return last + 1
    size = last + 1
    # A step a character of the context (about half as many as the text's): the match may start anywhere (every
    # column starts at no errors); the errors at the text's end are the context's length plus the steps along it.
    plus, minus = _along_text(context[:size], text[: end + 1], False)
    return size + plus.bit_count() - minus.bit_count()


def distance_after(context: str, text: str) -> int:
    """How many errors the best match of `context` starting exactly where `text` starts has (it may end anywhere)."""
    if text.startswith(context):
        return 0
    # A step a character of the context, the match starting at the text's start (column j starts at j errors); the
    # fewest errors at any end are then read from the steps along the text.
    plus, minus = _along_text(context, text, True)
    return _least_level(plus, minus, len(context), len(text))


def fewest_errors_ending(pattern: str, text: str, ends: Sequence[tuple[int, int]]) -> int:
    """The fewest errors of a match of `pattern` (starting anywhere in `text`) ending after text[:j], for any j from
    `low` to `high` (both included) of each pair of `ends`; the pattern's length plus one when there is no such j."""
    size = len(pattern)
    rises, falls = _along_text(pattern, text, False)
    fewest = size + 1
    for low, high in ends:
        below = (1 << low) - 1
        errors = size + (rises & below).bit_count() - (falls & below).bit_count()
        for step in range(low, high + 1):
            if errors < fewest:
                fewest = errors
            errors += (rises >> step & 1) - (falls >> step & 1)
    return fewest


def _along_text(pattern: str, text: str, anchored: bool) -> tuple[int, int]:
    """The edit-distance table's last row, as its rises and falls along the text (bit j: from column j to j + 1),
    with the bits running over `text` and a step a character of `pattern` (as `_advance`, over a short text).

    The match starts at the text's start when `anchored` (the first row rising all along), anywhere otherwise (the
    first row all 0).
    """
    common = 0
    if anchored:
        # Characters both begin with cost nothing: over them the row falls from the pattern's length by one a column
        # (the text so far is the pattern's beginning), and after them it is the row of what follows in both.
        limit = min(len(pattern), len(text))
        while common < limit and pattern[common] == text[common]:
            common += 1
        if common:
            pattern = pattern[common:]
            text = text[common:]
    masks: dict[str, int] = {}
    bit = 1
    for char in text:
        masks[char] = masks.get(char, 0) | bit
        bit <<= 1
    full = bit - 1
    plus = full if anchored else 0
    minus = 0
    for char in pattern:
        same = masks.get(char, 0)
        vertical = same | minus
        horizontal = (((same & plus) + plus) ^ plus) | same
        up = ((minus | ((horizontal | plus) ^ full)) << 1) | 1
        plus = ((plus & horizontal) << 1) | ((vertical | up) ^ full)
        minus = up & vertical
    if common:
        return (plus & full) << common, (minus & full) << common | ((1 << common) - 1)
    return plus & full, minus & full


def _least_level(rises: int, falls: int, start: int, steps: int) -> int:
    """The least of `start` and its sums with the first 1, 2, … `steps` steps (bit j of `rises`/`falls`: step j
    goes up/down by one), four steps at a time."""
    least = level = start
    for shift in range(0, steps, 4):
        net, low = _NIBBLES[(rises >> shift & 15) << 4 | (falls >> shift & 15)]
        if level + low < least:
            least = level + low
        level += net
    return least


def _nibble(rises: int, falls: int) -> tuple[int, int]:
    """Four steps' sum, and the least of their partial sums (0 before the first), for `_least_level`."""
    level = low = 0
    for bit in range(4):
        level += (rises >> bit & 1) - (falls >> bit & 1)
        low = min(low, level)
    return level, low


_NIBBLES = [_nibble(rises, falls) for rises in range(16) for falls in range(16)]


def best_start(pattern: str, before: str, preferred: Callable[[int], bool] | None = None) -> tuple[int, int]:
    """The length and errors of the best match of `pattern` ending where `before` ends.

    Among equally good starts, the one giving a match closest to the pattern's own length; of two as close, the one
    starting with the pattern's first character when only it does ("Mn of" is "Many of" with two letters lost, not
    " of" with two added), else the shorter. In that order, the first whose length is `preferred` (when given), else
    the first.
    """
    size = len(pattern)
    if before.endswith(pattern) and (preferred is None or preferred(size)):  # no errors: only the own length has none
        return size, 0
    # Both reversed, the match starts at the text's start: errors at each length are read from the steps along it.
    length = len(before)
    rises, falls = _along_text(pattern[::-1], before[::-1], True)
    errors = _least_level(rises, falls, size, length)

    def starts_as_the_pattern(near: int) -> bool:
        return near > 0 and before[length - near] == pattern[0]

    first = None
    group: list[int] = []  # the lengths with the least errors at one distance from the pattern's length
    distance = 0
    for near, at_near in chain(_errors_by_closeness(rises, falls, size, length), [(-1, -1)]):  # (-1, -1): the end
        if abs(near - size) != distance or near < 0:  # the group is complete: its lengths, in order
            if len(group) == 2 and starts_as_the_pattern(group[1]) and not starts_as_the_pattern(group[0]):
                group.reverse()
            for candidate in group:
                if preferred is None or preferred(candidate):
                    return candidate, errors
                if first is None:
                    first = candidate
            group, distance = [], abs(near - size)
        if at_near == errors:
            group.append(near)
    if first is None:  # pragma: no cover (the least is at some length)
        raise AssertionError("no length has the least errors")
    return first, errors


def _errors_by_closeness(rises: int, falls: int, size: int, length: int) -> Iterator[tuple[int, int]]:
    """Each match length up to `length` with its errors, from the pattern's own length (`size`) outwards, the shorter
    first of two as close; the errors are walked to a step at a time from the pattern's own length (or the window's,
    when shorter). None longer than twice the pattern's length is given: it has more errors than the empty match."""
    anchor = min(size, length)
    below = (1 << anchor) - 1
    shorter = longer = size + (rises & below).bit_count() - (falls & below).bit_count()
    for distance in range(size + 1):
        near = size - distance
        if near <= length:
            if near < anchor:  # the step from `near` to near + 1 taken back
                shorter -= (rises >> near & 1) - (falls >> near & 1)
            yield near, shorter
        near = size + distance
        if distance and near <= length:
            longer += (rises >> (near - 1) & 1) - (falls >> (near - 1) & 1)
            yield near, longer


class MatchText:
    """Sections' texts normalised and joined with SEPARATOR, remembering where each character came from.

    `origin[i]` is where normalised character i starts in the sections' raw texts joined with SEPARATOR.
    """

    def __init__(self, parts: Sequence[str]) -> None:
        pieces: list[str] = []
        origin: list[int] = []
        base = 0
        for number, part in enumerate(parts):
            if number:
                pieces.append(SEPARATOR)
                origin.append(base - 1)
            # Only runs of two or more white space characters change the length; between them, each character is
            # normalised on its own (a single white space character becomes one space).
            position = 0
            for run in _SPACE_RUN.finditer(part):
                low, high = run.span()
                pieces.append(normalise(part[position:low]))
                origin.extend(range(base + position, base + low))
                pieces.append(" ")
                origin.append(base + low)
                position = high
            pieces.append(normalise(part[position:]))
            origin.extend(range(base + position, base + len(part)))
            base += len(part) + 1
        self.text = "".join(pieces)
        self.origin = origin
        self._masks: dict[str, int] | None = None
        self._after_words: dict[str, tuple[int, int]] = {}  # see `_advance`
        self._grams: dict[str, list[int]] | None = None  # see `places`
        # What `quote_match` works out for one note and another may need again in the same pass, by its inputs:
        # the context's agreement at a place, and the best start of a quote before an end.
        self.agreements: dict[tuple[bool, str, int], float] = {}
        self.starts: dict[tuple[str, int], tuple[int, int]] = {}

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Normalised text[start:end] (not empty, no space at either edge) as offsets into the raw texts."""
        return self.origin[start], self.origin[end - 1] + 1

    def normalised_position(self, raw: int) -> int:
        return max(0, bisect_right(self.origin, raw) - 1)

    def occurrences(self, pattern: str) -> list[int]:
        """Where `pattern` occurs, overlapping occurrences included, from the index of `places` once it is made."""
        if self._grams is not None and len(pattern) >= _GRAM:
            return self.places(pattern)
        found = []
        at = self.text.find(pattern)
        while at >= 0:
            found.append(at)
            at = self.text.find(pattern, at + 1)
        return found

    def ends(self, pattern: str, max_errors: int) -> list[tuple[int, int]]:
        """Where matches of the pattern with at most `max_errors` errors end, and their errors.

        One end for each place (the best of a run of neighbouring ends; every end equally good in that run).
        """
        if not self.text or not pattern:
            return []
        size = len(self.text)
        # Where a pattern searched before began with the same words, the search picks up from where it was then.
        start, plus, minus = 0, 0, 0
        cut = pattern.rfind(" ")
        while cut >= 0:
            known = self._after_words.get(pattern[: cut + 1])
            if known is not None:
                start, (plus, minus) = cut + 1, known
                break
            cut = pattern.rfind(" ", 0, cut)
        room = _REMEMBERED_BITS // (2 * size) - len(self._after_words)
        plus, minus = _advance(self._char_masks(), size, pattern, start, plus, minus, self._after_words, room)
        return _best_of_runs(_ends_from(plus, minus, size, len(pattern), max_errors))

    def places(self, piece: str) -> list[int]:
        """Where `piece` occurs (as `occurrences`), found through an index of the text by its runs of `_GRAM`
        characters when it is that long."""
        if len(piece) < _GRAM:
            return self.occurrences(piece)
        if self._grams is None:
            grams: dict[str, list[int]] = {}
            text = self.text
            for index in range(len(text) - _GRAM + 1):
                grams.setdefault(text[index : index + _GRAM], []).append(index)
            self._grams = grams
        return [place for place in self._grams.get(piece[:_GRAM], ()) if self.text.startswith(piece, place)]

    def forget_words(self) -> None:
        """Let go of the search states kept after each word, the index of `places` and what `quote_match`
        remembered (a pass over many notes is over)."""
        self._after_words.clear()
        self._grams = None
        self.agreements.clear()
        self.starts.clear()

    def _char_masks(self) -> dict[str, int]:
        if self._masks is None:
            chars = sorted(set(self.text))
            masks = {}
            if len(chars) <= 256:
                # The text as one byte a character (its number among the distinct ones), last character first; each
                # character's mask is then read from a translation of it into binary digits, in C.
                numbers = {ord(char): number for number, char in enumerate(chars)}
                codes = self.text.translate(numbers).encode("latin-1")[::-1]
                for number, char in enumerate(chars):
                    digits = bytearray(b"0" * 256)
                    digits[number] = 49
                    masks[char] = int(codes.translate(digits), 2)
            else:
                places: dict[str, list[int]] = {}
                for index, char in enumerate(self.text):
                    places.setdefault(char, []).append(index)
                for char, indexes in places.items():
                    bits = bytearray(b"0" * len(self.text))
                    for index in indexes:
                        bits[index] = 49
                    bits.reverse()
                    masks[char] = int(bits, 2)
            self._masks = masks
        return self._masks


def _advance(
    masks: dict[str, int],
    size: int,
    pattern: str,
    start: int,
    plus: int,
    minus: int,
    after_words: dict[str, tuple[int, int]],
    room: int,
) -> tuple[int, int]:
    """The search's state (`plus`, `minus`) after pattern[start:], from its state after pattern[:start].

    Before the first character of the pattern (0, 0), every end costs nothing. The state after each word is kept
    in `after_words`, by the pattern up to that word and its space, while there is `room`.
    """
    full = (1 << size) - 1
    # Bits above the text's may be left set as the columns advance: no operation here carries a bit downwards, so
    # they never change the text's bits (x ^ full is ~x for those). They are kept with a state, for the search
    # picking up from it, and cleared at the end.
    for index in range(start, len(pattern)):
        char = pattern[index]
        same = masks.get(char, 0)
        vertical = same | minus
        horizontal = (((same & plus) + plus) ^ plus) | same
        up = ((minus | ((horizontal | plus) ^ full)) << 1) | 1
        plus = ((plus & horizontal) << 1) | ((vertical | up) ^ full)
        minus = up & vertical
        if char == " " and room > 0:
            after_words[pattern[: index + 1]] = (plus, minus)
            room -= 1
    return plus & full, minus & full


def _ends_from(plus: int, minus: int, size: int, pattern_size: int, max_errors: int) -> list[tuple[int, int]]:
    """Every end (1 to `size`) of a match within `max_errors`, from the search's state after the whole pattern."""
    # plus/minus bit j: the errors of the best match ending after character j rise/fall from the one before.
    # First by 32 ends at a time: the errors before each group of 32, less its falls, bound every end in it from
    # below, and most groups are ruled out at once; the rest are read a byte, then a bit, at a time.
    groups = (size + 31) // 32
    width = groups * 4
    rises = plus.to_bytes(width, "little")
    falls = minus.to_bytes(width, "little")
    rise_counts = rises.translate(_BITS_SET)
    fall_counts = falls.translate(_BITS_SET)
    # Each group's four counts summed into its last byte by one multiplication (adding the count shifted by 1, 2 and
    # 3 bytes; every sum at most 32, so no byte overflows), every fourth byte then taken from the product.
    group_rises = (int.from_bytes(rise_counts, "little") * 0x01010101).to_bytes(width + 3, "little")[3::4]
    group_falls = (int.from_bytes(fall_counts, "little") * 0x01010101).to_bytes(width + 3, "little")[3::4]
    if pattern_size < 256:  # the errors, at most the pattern's length, fit in a byte
        open_groups, before = _open_groups_in_lanes(
            group_rises, group_falls, pattern_size, max_errors, most=groups // 8
        )
    else:
        # Errors before each group, counted from 32 rather than 0, so that a group's lower bound is never negative.
        at_group = list(accumulate(map(sub, group_rises, group_falls), initial=pattern_size + 32))
        lowest = list(map(sub, at_group, group_falls))
        open_groups = _at_most(lowest, max_errors + 32, pattern_size + 32)
        before = [errors - 32 for errors in at_group]
    if open_groups is None or len(open_groups) * 8 > groups:
        return _ends_by_byte(rises, falls, rise_counts, fall_counts, size, pattern_size, max_errors)
    found: list[tuple[int, int]] = []
    for group in open_groups:
        errors = before[group]
        for byte in range(group * 4, group * 4 + 4):
            if errors - fall_counts[byte] > max_errors:
                errors += rise_counts[byte] - fall_counts[byte]
                continue
            errors = _read_byte(rises[byte], falls[byte], byte * 8 + 1, errors, size, max_errors, found)
    return found


def _open_groups_in_lanes(
    group_rises: bytes,
    group_falls: bytes,
    pattern_size: int,
    max_errors: int,
    unit: int = 32,
    most: int | None = None,
) -> tuple[list[int] | None, bytes]:
    """The groups (of `unit` ends: 32, or 8) whose errors before them, less their falls, are at most `max_errors`,
    and the errors before each group, for a pattern shorter than 256 (so that errors, from 0 to its length, fit in a
    byte); None for the groups when there are more than `most`.

    Worked out on all groups at once: each group a 16-bit lane of one integer, the errors summed from lane to lane by
    doubling shifts and kept modulo 256 (the byte holds the true value), so no lane ever carries into the next.
    """
    groups = len(group_rises)
    ones, bytes_mask, steps = _lanes(groups, unit)
    spread = bytearray(2 * groups)
    spread[::2] = group_rises
    rises = int.from_bytes(spread, "little")
    spread[::2] = group_falls
    falls = int.from_bytes(spread, "little")
    sums = rises + unit * ones - falls  # each lane: the group's rises less its falls, plus `unit` (0 to 2 × unit)
    shift = 16
    while shift < 16 * groups:  # each lane: the sum of its own and every lane below, modulo 256
        sums = (sums + (sums << shift)) & bytes_mask
        shift *= 2
    # Errors before group g: the pattern's length, plus the lanes below (less the `unit` each added), modulo 256.
    before = (((sums << 16) & bytes_mask) + (pattern_size + 256) * ones - steps) & bytes_mask
    # A group is ruled out when the errors before it less its falls pass max_errors: adding 32767 - max_errors to
    # that (from -unit to 255) sets the lane's top bit exactly then (the constant is added first, so no lane borrows).
    closed = ((before + (32767 - max_errors) * ones - falls) >> 15) & ones
    flags = (closed ^ ones).to_bytes(2 * groups, "little")
    if most is not None and flags.count(1) > most:
        return None, b""
    open_groups = []
    index = flags.find(1)
    while index >= 0:
        open_groups.append(index // 2)
        index = flags.find(1, index + 2)
    return open_groups, before.to_bytes(2 * groups, "little")[::2] if open_groups else b""


@cache
def _lanes(groups: int, unit: int) -> tuple[int, int, int]:
    """For `groups` lanes of 16 bits: 1 in every lane, 255 in every lane, and `unit` × the lane's number modulo
    256."""
    ones = int.from_bytes(b"\x01\x00" * groups, "little")
    steps = bytearray(2 * groups)
    steps[::2] = bytes(unit * group % 256 for group in range(groups))
    return ones, ones * 255, int.from_bytes(steps, "little")


def _ends_by_byte(
    rises: bytes,
    falls: bytes,
    rise_counts: bytes,
    fall_counts: bytes,
    size: int,
    pattern_size: int,
    max_errors: int,
) -> list[tuple[int, int]]:
    """`_ends_from` a byte at a time, for the states where many groups of 32 could hold an end."""
    found: list[tuple[int, int]] = []
    if pattern_size < 256:  # each byte's bound worked out in lanes, as the groups' are
        open_bytes, before = _open_groups_in_lanes(rise_counts, fall_counts, pattern_size, max_errors, 8)
        for byte in open_bytes or ():  # every open byte is listed (no `most`)
            _read_byte(rises[byte], falls[byte], byte * 8 + 1, before[byte], size, max_errors, found)
        return found
    # Errors before each byte, counted from 8 rather than 0, so that a byte's lower bound is never negative.
    at_byte = list(accumulate(map(sub, rise_counts, fall_counts), initial=pattern_size + 8))
    lowest = list(map(sub, at_byte, fall_counts))  # no end in the byte has fewer errors
    for byte in _at_most(lowest, max_errors + 8, pattern_size + 8):
        _read_byte(rises[byte], falls[byte], byte * 8 + 1, at_byte[byte] - 8, size, max_errors, found)
    return found


def _read_byte(
    rise: int, fall: int, first: int, errors: int, size: int, max_errors: int, found: list[tuple[int, int]]
) -> int:
    """Add the ends first..first + 7 within `max_errors` to `found`; the errors after the last of them."""
    room = max_errors - errors
    end = first
    # The errors at each end of the byte, less those before it: its rises so far less its falls so far.
    for level in map(sub, _SO_FAR[rise], _SO_FAR[fall]):
        if level <= room and end <= size:
            found.append((end, errors + level))
        end += 1
    return errors + level


def _at_most(values: list[int], bound: int, largest: int) -> list[int]:
    """The indexes of the values (from 0 to `largest`) that are at most `bound`."""
    if largest > 255:
        return [index for index, value in enumerate(values) if value <= bound]
    # As bytes, the test runs in C: each value becomes 1 when within the bound, then the 1s are found.
    flags = bytes(values).translate(_within(bound))
    indexes = []
    index = flags.find(1)
    while index >= 0:
        indexes.append(index)
        index = flags.find(1, index + 1)
    return indexes


@cache
def _within(bound: int) -> bytes:
    """A bytes.translate table: 1 for the values up to `bound`, 0 above."""
    return bytes(int(value <= bound) for value in range(256))


def _best_of_runs(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ends of each run of neighbouring ends with the fewest errors in that run."""
    best: list[tuple[int, int]] = []
    # Neighbouring ends keep the same difference between an end and its index in the list.
    for _offset, numbered in groupby(enumerate(found), key=lambda item: item[1][0] - item[0]):
        run = [item for _index, item in numbered]
        lowest = min(run, key=itemgetter(1))[1]
        best += [item for item in run if item[1] == lowest]
    return best
