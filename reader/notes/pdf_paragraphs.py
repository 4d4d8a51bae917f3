"""`ParagraphWriter`: paragraphs of plain text down the handout's pages, each laid out once, a page written at once."""

from __future__ import annotations

import re
from typing import NamedTuple

from fpdf import FPDF, Align, XPos, YPos
from fpdf.bidi import auto_detect_base_direction
from fpdf.drawing import color_from_hex_string
from fpdf.enums import PDFResourceType, TextDirection
from fpdf.fonts import TTFFont

from reader.notes.line_breaking import WordWidths, break_line
from reader.notes.pdf_layout import (
    BLACK,
    FOOTER_BASELINE,
    FOOTER_SIZE,
    GRAY,
    LEADING,
    MARGIN,
    QUOTE_BAR,
    QUOTE_GAP,
    column,
)
from reader.notes.pdf_text_style import DeviceColor, FontText, TextStyle

FONT_FAMILY = "DejaVu Sans"  # Latin, Greek, Cyrillic, Arabic and Hebrew in one family

# Scripts whose letters join or reorder, and combining marks: text with none of these prints the same unshaped, and
# shaping costs fpdf2 four times the time of a paragraph (a handout of 10,000 notes: minutes against seconds).
_NEEDS_SHAPING = re.compile(
    "[\u0300-\u036f\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff"
    "\u1dc0-\u1dff\u20d0-\u20ff\ufb1d-\ufdff\ufe20-\ufe2f\ufe70-\ufeff]"
)
# Letters of right-to-left scripts that need no shaping, and the marks that make a line right to left: only a line
# with one of these can start on the right.
_RIGHT_TO_LEFT_LETTER = re.compile("[\u200f\u202b\u202e\u2067\U00010800-\U00010fff\U0001e800-\U0001efff]")
SOFT_HYPHEN = "\u00ad"  # a place fpdf2 may break a word, with a hyphen: left to multi_cell


class _Paragraph(NamedTuple):
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


_SHAPED = _Paragraph(None, 0, 0, 0, (), (), "", 0, "", "")
_ONE_RUN = ((0, 1),)  # the runs of a text of one line


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


class ParagraphWriter:
    """Paragraphs of plain text (never markup) down the page; each line aligned to the side its script starts from.

    Text that needs no shaping (most notes) is broken into lines here, where `multi_cell` would break it, from
    fpdf2's own glyph widths; each different paragraph is laid out once as a text object whose lines move relative
    to the first, so printing it again (a heading, a citation, a byline) only places its first line. A page's
    drawing is gathered and handed to fpdf2 at once. Shaped text still goes through `multi_cell`.

    The drawing goes in through fpdf2's `_out` and each page's fonts into its resource catalogue, as `text()` does;
    the tests read every line back, so an fpdf2 that changes these fails them.
    """

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self.y = pdf.y
        self._fonts: dict[bool, tuple[TTFFont, WordWidths, FontText]] = {}
        for bold in (False, True):
            pdf.set_font(FONT_FAMILY, "B" if bold else "")
            font = pdf.current_font
            self._fonts[bold] = (font, WordWidths(font.cw), FontText(font))
        pdf.font_family = ""  # nothing for add_page to set on each new page: every text object sets its own font
        self._colors: dict[str, DeviceColor] = {}
        self._styles: dict[tuple[float, bool, str], TextStyle] = {}
        self._settings: dict[tuple[float, bool, str, bool, bool], _Setting] = {}
        self._paragraphs: dict[tuple[str, float, bool, str, bool], _Paragraph] = {}
        self._columns = {
            (quote, right_to_left): column(pdf.w, quote=quote, right_to_left=right_to_left)
            for quote in (False, True)
            for right_to_left in (False, True)
        }
        self._bar_openings: dict[DeviceColor, str] = {}
        self._drawing: list[str] = []  # for the current page, not yet handed to fpdf2
        # Every page of the handout is A4 with the same margins.
        self._page_height = pdf.h
        self._page_break_trigger = pdf.page_break_trigger

    def color(self, hex_color: str) -> DeviceColor:
        """A colour as fpdf2 takes it, parsed once."""
        color = self._colors.get(hex_color)
        if color is None:
            color = self._colors[hex_color] = color_from_hex_string(hex_color)
        return color

    def down(self, height: float) -> None:
        """Down the page by `height`, as fpdf2's `ln` moves."""
        self.y += height

    def keep_room(self, height: float) -> None:
        """On to a new page unless `height` is left on this one."""
        if self.y + height > self._page_break_trigger:
            self.new_page()

    def new_page(self) -> None:
        self.flush()
        self.pdf.add_page()
        self.y = self.pdf.y

    def draw(self, operators: str) -> None:
        """PDF drawing operators for the current page, which keep the graphics state they found (inside q … Q)."""
        self._drawing.append(operators)

    def flush(self) -> None:
        """Hand the current page's drawing to fpdf2, and register the handout's fonts as used on the page."""
        if self._drawing:
            pdf = self.pdf
            for font, _widths, _encoded in self._fonts.values():
                pdf._resource_catalog.add(PDFResourceType.FONT, font.i, pdf.page)
            pdf._out("\n".join(self._drawing))
            self._drawing.clear()

    def write(
        self, text: str, *, size: float, bold: bool = False, color: str = BLACK, bar: DeviceColor | None = None
    ) -> None:
        """`text` across the page; with a `bar` colour, as a quote behind a bar on the side its lines start from."""
        key = (text, size, bold, color, bar is not None)
        paragraph = self._paragraphs.get(key)
        if paragraph is None:
            paragraph = self._paragraphs[key] = self._laid_out(*key)
        if paragraph is _SHAPED:
            self._write_shaped(text, size, bold, color, bar)
            return
        y = self.y
        end = y + paragraph.height
        if end > self._page_break_trigger:
            self._write_across_pages(paragraph, bar)
            return
        if bar is not None:
            self._drawing.append(self._bars(paragraph, bar, y))
        if paragraph.opening:
            baseline = self._page_height - (y + paragraph.first_line_offset)
            self._drawing.append(f"{paragraph.opening}{baseline:.2f}{paragraph.rest}")
        self.y = end

    def number_pages(self) -> None:
        """“Page N of M” at the foot of every page, centred, once the last page is known."""
        self.flush()
        pdf = self.pdf
        last = pdf.page
        style = self._style(FOOTER_SIZE, False, GRAY)
        for number in range(1, last + 1):
            label = f"Page {number} of {last}"
            pdf.page = number  # fpdf2 writes onto whichever page this names
            x = MARGIN + (pdf.epw - style.widths.of_line(label) * FOOTER_SIZE * 0.001) / 2
            self.draw(f"{style.opening} 1 0 0 1 {x:.2f} {FOOTER_BASELINE:.2f} Tm ({style.encoded(label)}) Tj ET Q")
            self.flush()
        pdf.page = last

    def _bars(self, paragraph: _Paragraph, bar: DeviceColor, y: float) -> str:
        """The bar beside each line of a quote as typed, down past its lines (as multi_cell draws its border)."""
        page_height, x, height = self._page_height, paragraph.bar_x, paragraph.line_height
        if paragraph.runs is _ONE_RUN:
            return f"{self._bar_opening(bar)} {x} {page_height - (y + height):.2f} m {x} {page_height - y:.2f} l S Q"
        strokes = [self._bar_opening(bar)]
        for first, count in paragraph.runs:
            top = y + first * height
            strokes.append(f"{x} {page_height - (top + count * height):.2f} m {x} {page_height - top:.2f} l S")
        strokes.append("Q")
        return " ".join(strokes)

    def _bar_opening(self, bar: DeviceColor) -> str:
        """Starts a bar's drawing: its colour and width, inside q … Q."""
        opening = self._bar_openings.get(bar)
        if opening is None:
            opening = self._bar_openings[bar] = f"q {bar.serialize().upper()} {QUOTE_BAR:.2f} w"
        return opening

    def _write_across_pages(self, paragraph: _Paragraph, bar: DeviceColor | None) -> None:
        """A paragraph that does not fit on this page, line by line, its bar drawn again on each new page."""
        pdf, style, height = self.pdf, paragraph.style, paragraph.line_height
        assert style is not None
        baseline = 0.5 * height + 0.3 * style.size  # below the top of the line, as multi_cell sets it
        printed = {index: (x, encoded) for index, x, encoded in paragraph.printed}
        shown: list[str] = []

        def show() -> None:
            if shown:
                self.draw(f"{style.opening} {' '.join(shown)} ET Q")
                shown.clear()

        y = self.y
        for first, count in paragraph.runs:
            for index in range(count):
                new_page = y + height > self._page_break_trigger
                if new_page:
                    show()
                    self.new_page()
                    y = self.y
                if bar is not None and (index == 0 or new_page):
                    fitting = int((pdf.h - y - pdf.b_margin) // height)
                    bottom = y + max(height - index * height, min(fitting, count - index) * height)
                    x = paragraph.bar_x
                    self.draw(f"{self._bar_opening(bar)} {x} {pdf.h - bottom:.2f} m {x} {pdf.h - y:.2f} l S Q")
                line = printed.get(first + index)
                if line is not None:
                    shown.append(f"1 0 0 1 {line[0]:.2f} {pdf.h - (y + baseline):.2f} Tm ({line[1]}) Tj")
                y += height
        show()
        self.y = y

    def _laid_out(self, text: str, size: float, bold: bool, color: str, quote: bool) -> _Paragraph:
        if text.isascii():
            right_to_left = False  # no ASCII character is right to left, needs shaping or is a special space
        elif _NEEDS_SHAPING.search(text) is not None or SOFT_HYPHEN in text:
            return _SHAPED
        else:
            right_to_left = quote and _is_right_to_left(text)
            text = text.replace("\u00a0", " ")  # a no-break space prints as a space, as multi_cell prints it
        setting = self._setting(size, bold, color, quote, right_to_left)
        style, line_height = setting.style, setting.line_height
        typed_lines = text.splitlines()
        if len(typed_lines) == 1 and _RIGHT_TO_LEFT_LETTER.search(text) is None:
            lines = break_line(text, style.widths, setting.max_width)
            if len(lines) == 1 and lines[0]:
                # Most paragraphs: one line, from the left of the column.
                encoded = style.encoded(lines[0])
                return _Paragraph(
                    style,
                    1,
                    line_height,
                    line_height,
                    ((0, setting.left, encoded),),
                    _ONE_RUN,
                    setting.bar_x,
                    setting.baseline,
                    setting.opening_at_left,
                    f" Td ({encoded}) Tj ET Q",
                )
        return self._laid_out_in_lines(typed_lines, setting)

    def _laid_out_in_lines(self, typed_lines: list[str], setting: _Setting) -> _Paragraph:
        """A text of several lines, each typed line broken to the column and aligned to the side it starts from."""
        style, left, width, line_height = setting.style, setting.left, setting.width, setting.line_height
        widths, unit = style.widths, style.size * 0.001
        printed: list[tuple[int, float, str]] = []
        runs: list[tuple[int, int]] = []
        line_count = 0
        for typed_line in typed_lines:
            lines = break_line(typed_line, widths, setting.max_width) or [""]
            aligned_right = _RIGHT_TO_LEFT_LETTER.search(typed_line) is not None and _is_right_to_left(typed_line)
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
        return _Paragraph(
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
            style = self._style(size, bold, color)
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

    def _write_shaped(self, text: str, size: float, bold: bool, color: str, bar: DeviceColor | None) -> None:
        """Text that needs shaping, through fpdf2's own line breaking (slow, but such notes are few)."""
        self.flush()
        pdf = self.pdf
        pdf.x, pdf.y = MARGIN, self.y
        if bar is not None:
            pdf.set_draw_color(bar)
            pdf.set_line_width(QUOTE_BAR)
        pdf.set_font(FONT_FAMILY, "B" if bold else "", size)
        pdf.set_text_color(self.color(color))
        quote = bar is not None
        _write_with_multi_cell(pdf, text, bar=quote, right_to_left=quote and _is_right_to_left(text))
        pdf.font_family = ""
        self.flush()
        self.y = pdf.y

    def _style(self, size: float, bold: bool, color: str) -> TextStyle:
        style = self._styles.get((size, bold, color))
        if style is None:
            style = self._styles[size, bold, color] = TextStyle.of(*self._fonts[bold], size, self.color(color))
        return style


def _is_right_to_left(text: str) -> bool:
    return auto_detect_base_direction(text) is TextDirection.RTL


def _write_with_multi_cell(pdf: FPDF, text: str, *, bar: bool, right_to_left: bool) -> None:
    border = ""
    padding = (0.0, 0.0, 0.0, 0.0)
    if bar:
        # The bar is the cell's border, which is stroked centred on the cell's edge: move that edge in by half a bar.
        inset = QUOTE_BAR / 2
        if right_to_left:
            pdf.set_right_margin(MARGIN + inset)
            padding = (0, inset + QUOTE_GAP, 0, 0)
        else:
            pdf.set_left_margin(MARGIN + inset)
            padding = (0, 0, 0, inset + QUOTE_GAP)
        border = "R" if right_to_left else "L"
        pdf.set_x(pdf.l_margin)
    # Shaping joins Arabic letters and places marks; fpdf2 then orders the line by the bidirectional algorithm.
    pdf.set_text_shaping(_NEEDS_SHAPING.search(text) is not None)
    for line in text.splitlines():
        # One call per line, so that an Arabic line in an English note still starts on the right.
        pdf.multi_cell(
            0,
            pdf.font_size_pt * LEADING,
            line,
            border=border,
            padding=padding,
            align=Align.R if _is_right_to_left(line) else Align.L,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    pdf.set_text_shaping(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_x(MARGIN)
