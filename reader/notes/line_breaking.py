"""`break_line`: a line of unshaped text broken to a width where fpdf2's `multi_cell` would break it."""

from __future__ import annotations

import re
from collections.abc import Mapping

# What fpdf2 breaks a line at (its BREAKING_SPACE_SYMBOLS): the space itself is dropped when the line breaks there.
_BREAKING_SPACES = re.compile("([ \t\u200b\u2000-\u2006\u2008-\u200a\u205f\u3000])")
_TOLERANCE = 1e-6  # in thousandths of the font size, as fpdf2 allows a width a hair over the line's


class WordWidths(dict[str, int]):
    """Widths of runs of text in one font, in thousandths of the font size, each run measured once.

    `char_widths` is fpdf2's own table for the font (its `cw`: each character's advance, rounded as fpdf2 rounds it),
    so the widths add up exactly as fpdf2's do. Look a run up as `widths[run]`.
    """

    def __init__(self, char_widths: Mapping[int, int]) -> None:
        super().__init__()
        self._char_widths = char_widths
        self._of_characters = _CharacterWidths(char_widths)
        self.space = char_widths[ord(" ")]

    def __missing__(self, run: str) -> int:
        width = self[run] = sum(map(self._of_characters.__getitem__, run))
        return width

    def of_line(self, line: str) -> int:
        """The width of a whole line, from the widths of its words (a line's words recur more than lines do)."""
        return sum(map(self.__getitem__, line.split(" "))) + line.count(" ") * self.space

    def of_character(self, character: str) -> int:
        return self._char_widths[ord(character)]


class _CharacterWidths(dict[str, int]):
    """Each character's width, from fpdf2's table by code point, looked up by the character itself."""

    def __init__(self, char_widths: Mapping[int, int]) -> None:
        super().__init__()
        self._char_widths = char_widths

    def __missing__(self, character: str) -> int:
        width = self[character] = self._char_widths[ord(character)]
        return width


def fits_on_one_line(words: list[str], widths: WordWidths, max_width: float) -> bool:
    """Whether a text, as its words between single spaces (`text.split(" ")`), is one line of `max_width` with ink
    (the text `break_line` leaves whole)."""
    width = sum(map(widths.__getitem__, words)) + (len(words) - 1) * widths.space
    return 0 < width <= max_width + _TOLERANCE


def break_line(text: str, widths: WordWidths, max_width: float) -> list[str]:
    """The pieces of `text` (no line breaks, no soft hyphens) that fit in `max_width` thousandths of the font size each.

    As fpdf2 does: a line breaks at its last space, which is dropped; a word longer than a line is broken where it
    reaches the edge; spaces before a break stay (a right-aligned line is set with them). Text of no width at all
    makes no line.
    """
    limit = max_width + _TOLERANCE
    whole = widths.of_line(text)
    if whole <= limit:
        return [text] if whole > 0 else []
    tokens = _BREAKING_SPACES.split(text)  # words at even places, each breaking space at the odd place after one
    lines: list[str] = []
    start = 0  # where the line being filled starts in `text`
    position = 0  # where the token being placed starts
    used = 0  # the width of text[start:position]
    space = -1  # where the line's last space is, if it has one
    for index, token in enumerate(tokens):
        if index % 2:
            width = widths[token]
            if used + width > limit:
                lines.append(text[start:position])
                start, used, space = position + 1, 0, -1
            else:
                space = position
                used += width
            position += 1
            continue
        if not token:
            continue
        width = widths[token]
        if used + width > limit:
            if space >= 0:
                # The line ends before its last space, which is just before this word.
                lines.append(text[start:space])
                start, used, space = space + 1, 0, -1
            if used + width > limit:
                # The word alone is wider than a line: it is broken where it reaches the edge.
                for character in token:
                    character_width = widths.of_character(character)
                    if used + character_width > limit and position > start:
                        lines.append(text[start:position])
                        start, used = position, 0
                    used += character_width
                    position += 1
                continue
        used += width
        position += len(token)
    if used > 0:
        lines.append(text[start:])
    return lines
