"""The handout's page layout: margins, leading, the quote's bar, and where a paragraph's lines go across the page."""

from __future__ import annotations

from typing import NamedTuple

MARGIN = 56  # points on every side of an A4 page (595 × 842)
LEADING = 1.35  # line height as a multiple of the font size
QUOTE_BAR = 3  # width of the highlight-coloured bar beside a quote
QUOTE_GAP = 10  # between the bar and the quote's text
BLACK, DARK, GRAY = "#000000", "#333333", "#595959"
FOOTER_SIZE = 8
FOOTER_BASELINE = MARGIN - 16 - 5 - 0.3 * FOOTER_SIZE  # above the foot of the page, centred in a line 10 high


class Column(NamedTuple):
    """Where a paragraph's lines go across the page: from `left`, `width` wide, and where a quote's bar is drawn."""

    left: float
    width: float
    bar_x: float


def column(page_width: float, *, quote: bool, right_to_left: bool) -> Column:
    """The same sums as `multi_cell`'s with the margins and padding it was given, so lines stand where they did."""
    # The quote's bar is stroked centred on the edge of its box: move that edge in by half a bar.
    inset = QUOTE_BAR / 2 if quote else 0
    padding = inset + QUOTE_GAP if quote else 0
    left_margin = MARGIN + (0 if right_to_left else inset)
    right_margin = MARGIN + (inset if right_to_left else 0)
    padding_left, padding_right = (0, padding) if right_to_left else (padding, 0)
    left = left_margin + padding_left
    width = page_width - right_margin - left_margin - padding_right - padding_left
    return Column(left, width, left + width + padding_right if right_to_left else left - padding_left)
