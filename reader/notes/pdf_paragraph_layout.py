"""`ParagraphLayout`: a paragraph of the handout broken into lines once, as a text object ready to place anywhere."""

from __future__ import annotations

# isort: off
import reader.notes.lean_fpdf  # noqa: F401  (first: fpdf2 without http, urllib, asyncio and Pillow)

# isort: on
import re
import weakref
from typing import NamedTuple

from fpdf import FPDF
from fpdf.bidi import auto_detect_base_direction
from fpdf.drawing import color_from_hex_string
from fpdf.enums import TextDirection
from fpdf.fonts import TTFFont

from reader.notes.line_breaking import WordWidths, break_line, fits_on_one_line
from reader.notes.pdf_fonts import FONT_FAMILY
from reader.notes.pdf_layout import LEADING, column
from reader.notes.pdf_text_style import DeviceColor, FontText, TextStyle

# Scripts whose letters join or reorder, and combining marks: text with none of these prints the same unshaped, and
# shaping costs fpdf2 four times the time of a paragraph (a handout of 10,000 notes: minutes against seconds).
NEEDS_SHAPING = re.compile(
    "[\u0300-\u036f\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff"
    "\u1dc0-\u1dff\u20d0-\u20ff\ufb1d-\ufdff\ufe20-\ufe2f\ufe70-\ufeff]"
)
# Letters of right-to-left scripts that need no shaping, and the marks that make a line right to left: only a line
# with one of these can start on the right.
_RIGHT_TO_LEFT_LETTER = re.compile("[\u200f\u202b\u202e\u2067\U00010800-\U00010fff\U0001e800-\U0001efff]")
SOFT_HYPHEN = "\u00ad"  # a place fpdf2 may break a word, with a hyphen: left to multi_cell


class Paragraph(NamedTuple):
    """A text laid out in its style and column, wherever it lands: its lines, and its text object but for its place.

    `printed` holds each line with ink: its number among the lines, where it starts across the page, its PDF string.
    `runs` holds, for each line of the text as typed, its first line and how many lines it was broken into (a quote
    has a bar beside each). The text object is `opening` + the first line's baseline + `rest`, or nothing if no
    line has ink.
    """

    style: TextStyle | None  # None: a text only `multi_cell` can print (it needs shaping)
    line_count: int
    line_height: float
    height: float  # of all its lines
    printed: tuple[tuple[int, float, str], ...]
    runs: tuple[tuple[int, int], ...]
    bar_x: str
    first_line_offset: float  # from the top of the paragraph down to the first printed line's baseline
    opening: str
    rest: str


SHAPED = Paragraph(None, 0, 0, 0, (), (), "", 0, "", "")
ONE_RUN = ((0, 1),)  # the runs of a text of one line


class StyledParagraphs(dict[str, Paragraph]):
    """The paragraphs of one style in one column, each laid out when first looked up: `paragraphs[text]`.

    A text of one line of ASCII that fits the column (most of a handout's) is laid out here by `one_line`, in the
    style's setting looked up once, without the checks only other texts need.
    """

    def __init__(self, layout: ParagraphLayout, size: float, bold: bool, color: str, quote: bool) -> None:
        super().__init__()
        # Not the layout itself: the layout holds these paragraphs, and a cycle between them would leave every
        # paragraph to Python's cycle collector after an export, not freed as soon as the export is over.
        self._layout = weakref.proxy(layout)
        self.size, self.bold, self.color, self.quote = size, bold, color, quote
        self._setting = layout._setting(size, bold, color, quote, False)  # no ASCII text is right to left

    def __missing__(self, text: str) -> Paragraph:
        if text.isascii() and len(text.splitlines()) == 1:
            paragraph = one_line(self._setting, text.split(" "))
            if paragraph is not None:
                self[text] = paragraph
                return paragraph
        paragraph = self[text] = self._layout._laid_out(text, self.size, self.bold, self.color, self.quote)
        return paragraph


class _Setting(NamedTuple):
    """A style in a column: what laying out any paragraph in them needs, worked out once."""

    style: TextStyle
    left: float
    width: float
    max_width: float  # the width in thousandths of the font size, the unit of fpdf2's glyph widths
    line_height: float
    baseline: float  # below the top of a line, as multi_cell sets it
    bar_x: str
    opening_at_left: str  # a text object's start, up to the baseline of a first line at the left of the column


def _relative(value: float) -> str:
    """A move in a PDF content stream, to a thousandth of a point (the leadings are exact at that)."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _following_lines(printed: list[tuple[int, float, str]], height: float) -> str:
    """The lines after the first, each moved from the one before (as the text object's first line is placed)."""
    moves = []
    previous_index, previous_x = printed[0][0], round(printed[0][1], 2)
    for index, x, line_text in printed[1:]:
        x = round(x, 2)  # as the first line's place is written: each line stands where it would on its own
        moves.append(f" {_relative(x - previous_x)} {_relative((previous_index - index) * height)} Td ({line_text}) Tj")
        previous_index, previous_x = index, x
    return "".join(moves)


def one_line(setting: _Setting, words: list[str]) -> Paragraph | None:
    """A text given as its words between single spaces (`text.split(" ")`) laid out as one line from the left of the
    column, in a style's setting; None when it does not fit on one line with ink (`fits_on_one_line`)."""
    style = setting.style
    if not fits_on_one_line(words, style.widths, setting.max_width):
        return None
    encoded = style.encoded.of_words(words)
    height = setting.line_height
    return Paragraph(
        style,
        1,
        height,
        height,
        ((0, setting.left, encoded),),
        ONE_RUN,
        setting.bar_x,
        setting.baseline,
        setting.opening_at_left,
        f" Td ({encoded}) Tj ET Q",
    )


class ParagraphLayout:
    """Paragraphs in the handout's two fonts, each different one laid out once: where `multi_cell` would break its
    lines (from fpdf2's own glyph widths), and as a text object whose lines move relative to the first, so placing it
    again (a heading, a citation, a byline) only sets where its first line starts."""

    def __init__(self, pdf: FPDF) -> None:
        self._fonts: dict[bool, tuple[TTFFont, WordWidths, FontText]] = {}
        for bold in (False, True):
            pdf.set_font(FONT_FAMILY, "B" if bold else "")
            font = pdf.current_font
            self._fonts[bold] = (font, WordWidths(font.cw), FontText(font))
        self.font_numbers = tuple(font.i for font, _widths, _encoded in self._fonts.values())
        self._colors: dict[str, DeviceColor] = {}
        self._styles: dict[tuple[float, bool, str], TextStyle] = {}
        self._settings: dict[tuple[float, bool, str, bool, bool], _Setting] = {}
        self._paragraphs: dict[tuple[float, bool, str, bool], StyledParagraphs] = {}
        self._columns = {
            (quote, right_to_left): column(pdf.w, quote=quote, right_to_left=right_to_left)
            for quote in (False, True)
            for right_to_left in (False, True)
        }

    def color(self, hex_color: str) -> DeviceColor:
        """A colour as fpdf2 takes it, parsed once."""
        color = self._colors.get(hex_color)
        if color is None:
            color = self._colors[hex_color] = color_from_hex_string(hex_color)
        return color

    def paragraphs(self, size: float, bold: bool, color: str, quote: bool) -> StyledParagraphs:
        """Texts laid out in a style, in the note's column or a quote's (`SHAPED` for one only `multi_cell` can
        print), each once."""
        key = (size, bold, color, quote)
        paragraphs = self._paragraphs.get(key)
        if paragraphs is None:
            paragraphs = self._paragraphs[key] = StyledParagraphs(self, *key)
        return paragraphs

    def _laid_out(self, text: str, size: float, bold: bool, color: str, quote: bool) -> Paragraph:
        if text.isascii():
            # No ASCII character is right to left, needs shaping or is a special space.
            right_to_left = may_start_on_the_right = False
        elif NEEDS_SHAPING.search(text) is not None or SOFT_HYPHEN in text:
            return SHAPED
        else:
            right_to_left = quote and is_right_to_left(text)
            may_start_on_the_right = _RIGHT_TO_LEFT_LETTER.search(text) is not None
            text = text.replace("\u00a0", " ")  # a no-break space prints as a space, as multi_cell prints it
        setting = self._setting(size, bold, color, quote, right_to_left)
        typed_lines = text.splitlines()
        if len(typed_lines) == 1 and not may_start_on_the_right:
            paragraph = one_line(setting, text.split(" "))
            if paragraph is not None:  # most paragraphs
                return paragraph
        return self._laid_out_in_lines(typed_lines, setting)

    def _laid_out_in_lines(self, typed_lines: list[str], setting: _Setting) -> Paragraph:
        """A text of several lines, each typed line broken to the column and aligned to the side it starts from."""
        style, left, width, line_height = setting.style, setting.left, setting.width, setting.line_height
        widths, unit = style.widths, style.size * 0.001
        printed: list[tuple[int, float, str]] = []
        runs: list[tuple[int, int]] = []
        line_count = 0
        for typed_line in typed_lines:
            lines = break_line(typed_line, widths, setting.max_width) or [""]
            aligned_right = _RIGHT_TO_LEFT_LETTER.search(typed_line) is not None and is_right_to_left(typed_line)
            for index, line in enumerate(lines, start=line_count):
                if line:
                    x = left + width - widths.of_line(line) * unit if aligned_right else left
                    printed.append((index, x, style.encoded(line)))
            runs.append((line_count, len(lines)))
            line_count += len(lines)
        opening = rest = ""
        first_line_offset = 0.0
        if printed:
            first_index, first_x, first_text = printed[0]
            first_line_offset = first_index * line_height + setting.baseline
            opening = f"{style.opening} {first_x:.2f} "
            rest = f" Td ({first_text}) Tj{_following_lines(printed, line_height)} ET Q"
        return Paragraph(
            style,
            line_count,
            line_height,
            line_count * line_height,
            tuple(printed),
            tuple(runs),
            setting.bar_x,
            first_line_offset,
            opening,
            rest,
        )

    def _setting(self, size: float, bold: bool, color: str, quote: bool, right_to_left: bool) -> _Setting:
        key = (size, bold, color, quote, right_to_left)
        setting = self._settings.get(key)
        if setting is None:
            style = self.style(size, bold, color)
            left, width, bar_x = self._columns[quote, right_to_left]
            line_height = size * LEADING
            setting = self._settings[key] = _Setting(
                style,
                left,
                width,
                width / (size * 0.001),
                line_height,
                0.5 * line_height + 0.3 * size,
                f"{bar_x:.2f}",
                f"{style.opening} {left:.2f} ",
            )
        return setting

    def style(self, size: float, bold: bool, color: str) -> TextStyle:
        style = self._styles.get((size, bold, color))
        if style is None:
            style = self._styles[size, bold, color] = TextStyle.of(*self._fonts[bold], size, self.color(color))
        return style


def is_right_to_left(text: str) -> bool:
    return auto_detect_base_direction(text) is TextDirection.RTL
