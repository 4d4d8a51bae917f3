"""`render_pdf`: the handout as an A4 PDF in an embedded Unicode font, shaped, so every script in a note prints."""

# fpdf2 brings in fontTools and Pillow (a fifth of a second): import this module only when a PDF is written.

from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import ExitStack
from importlib.resources import as_file, files
from typing import NamedTuple

from fpdf import FPDF, Align, XPos, YPos
from fpdf.bidi import auto_detect_base_direction
from fpdf.drawing import DeviceGray, DeviceRGB, color_from_hex_string
from fpdf.enums import PDFResourceType, RenderStyle, TextDirection
from fpdf.fonts import TTFFont

from reader.notes.handout import HandoutEntry, entry_byline, entry_place
from reader.notes.line_breaking import WordWidths, break_line
from reader.notes.note import COLOR_HEX

FONT_FAMILY = "DejaVu Sans"  # Latin, Greek, Cyrillic, Arabic and Hebrew in one family
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}

MARGIN = 56  # points on every side of an A4 page (595 × 842)
LEADING = 1.35  # line height as a multiple of the font size
QUOTE_BAR = 3  # width of the highlight-coloured bar beside a quote
QUOTE_GAP = 10  # between the bar and the quote's text
BLACK, DARK, GRAY = "#000000", "#333333", "#595959"
FOOTER_SIZE = 8
FOOTER_BASELINE = MARGIN - 16 - 5 - 0.3 * FOOTER_SIZE  # above the foot of the page, centred in a line 10 high

DeviceColor = DeviceRGB | DeviceGray

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


class _HandoutPdf(FPDF):
    """An A4 page in points with the bundled font, and a quick way to print many lines of unshaped text."""

    def __init__(self, title: str) -> None:
        super().__init__(orientation="portrait", unit="pt", format="A4")
        self.set_title(title)
        self.set_creator("Field Reader")
        self.alias_nb_pages(None)  # pages are numbered once they are all written, so nothing is left to substitute
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.c_margin = 0  # text starts exactly at the margin; a quote is inset by padding instead
        self._fonts_on_pages: set[tuple[int, int]] = set()

    def print_lines(self, style: _TextStyle, lines: Iterable[tuple[float, float, str]]) -> None:
        """Lines of unshaped text in `style`, each from (x, y) on its baseline.

        What `text()` does for each, without its cost: `text()` looks each character up in the font's subset one
        by one, in Python, and a handout has millions of them; here a table of the characters met so far translates
        a line at once, and the lines share one text object that sets its own font and colour, so nothing of
        fpdf2's current font or colours changes. Like `text()`, it writes through fpdf2's `_out` and registers the
        font in its resource catalogue; the tests read every line back, so an fpdf2 that changes these fails them.
        """
        if (self.page, style.font_number) not in self._fonts_on_pages:
            self._fonts_on_pages.add((self.page, style.font_number))
            self._resource_catalog.add(PDFResourceType.FONT, style.font_number, self.page)
        k, height, encoded = self.k, self.h, style.encoded
        shown = " ".join(
            [f"1 0 0 1 {x * k:.2f} {(height - y) * k:.2f} Tm ({encoded(text)}) Tj" for x, y, text in lines]
        )
        self._out(f"{style.opening} {shown} ET Q")


class _TextStyle(NamedTuple):
    """A font at a size in a colour, for `print_lines`: its glyph widths, its text encoded, a text object's start."""

    font_number: int
    widths: WordWidths
    encoded: _FontText
    opening: str

    @classmethod
    def of(cls, font: TTFFont, widths: WordWidths, encoded: _FontText, size: float, color: DeviceColor) -> _TextStyle:
        # Text is drawn in the fill colour: q and Q keep the colour and font to the text object alone.
        return cls(font.i, widths, encoded, f"q {color.serialize().lower()} BT /F{font.i} {size:.2f} Tf")


class _FontText:
    """Text in one font as a PDF string: each character as its code in the font's subset, escaped; each line once."""

    def __init__(self, font: TTFFont) -> None:
        self._codes = _SubsetCodes(font)
        self._escape = font.escape_text
        self._lines: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        encoded = self._lines.get(text)
        if encoded is None:
            encoded = self._lines[text] = self._escape(text.translate(self._codes))
        return encoded


class _SubsetCodes(dict[int, str | None]):
    """Each character's code in a font's subset (None for one the font lacks, left out as fpdf2 leaves it out)."""

    def __init__(self, font: TTFFont) -> None:
        super().__init__()
        self._font = font

    def __missing__(self, character: int) -> str | None:
        code = self._font.subset.pick(character)
        self[character] = chr(code) if code else None
        return self[character]


def render_pdf(entries: Iterable[HandoutEntry], title: str) -> bytes:
    """The handout as the bytes of a PDF file (A4, one column, as many pages as needed)."""
    pdf = _HandoutPdf(title)
    with ExitStack() as stack:
        for style, name in FONT_FILES.items():
            font_path = stack.enter_context(as_file(files("reader") / "fonts" / name))
            pdf.add_font(FONT_FAMILY, style, font_path)
        pdf.add_page()
        writer = _ParagraphWriter(pdf)
        writer.write(title, size=16, bold=True)
        for entry in entries:
            _write_entry(writer, entry)
        writer.number_pages()
        return bytes(pdf.output())


def _write_entry(writer: _ParagraphWriter, entry: HandoutEntry) -> None:
    pdf = writer.pdf
    pdf.ln(14)
    # Keep a heading with the start of its quote rather than alone at the foot of a page.
    if pdf.will_page_break(11 * LEADING + 4 + 3 * 10 * LEADING):
        pdf.add_page()
    color = writer.color(COLOR_HEX[entry.color])
    _write_marker(pdf, color, size=11)
    writer.write(entry_place(entry), size=11, bold=True)
    pdf.ln(4)
    writer.write(entry.quote, size=10, color=DARK, bar=color)
    if entry.note:
        pdf.ln(4)
        writer.write(entry.note, size=10)
    if entry.citation:
        pdf.ln(3)
        writer.write("— " + entry.citation, size=8.5, color=GRAY)
    details = []
    if entry.tags:
        details.append("Tags: " + ", ".join(entry.tags))
    byline = entry_byline(entry)
    if byline:
        details.append(byline)
    if details:
        pdf.ln(3)
        writer.write(" · ".join(details), size=8.5, color=GRAY)


def _is_right_to_left(text: str) -> bool:
    return auto_detect_base_direction(text) is TextDirection.RTL


def _write_marker(pdf: FPDF, color: DeviceColor, *, size: float) -> None:
    """A square in the highlight's colour just left of the heading, in the margin (as the HTML's coloured bar)."""
    side = size * 0.7
    pdf.set_fill_color(color)
    pdf.rect(MARGIN - side - 6, pdf.y + (size * LEADING - side) / 2, side, side, style=RenderStyle.F)


class _Column(NamedTuple):
    """Where a paragraph's lines go across the page: from `left`, `width` wide, and where a quote's bar is drawn."""

    left: float
    width: float
    bar_x: float


def _column(pdf: FPDF, *, quote: bool, right_to_left: bool) -> _Column:
    """The same sums as `multi_cell`'s with the margins and padding it was given, so lines stand where they did."""
    # The quote's bar is stroked centred on the edge of its box: move that edge in by half a bar.
    inset = QUOTE_BAR / 2 if quote else 0
    padding = inset + QUOTE_GAP if quote else 0
    left_margin = MARGIN + (0 if right_to_left else inset)
    right_margin = MARGIN + (inset if right_to_left else 0)
    padding_left, padding_right = (0, padding) if right_to_left else (padding, 0)
    left = left_margin + padding_left
    width = pdf.w - right_margin - left_margin - padding_right - padding_left
    return _Column(left, width, left + width + padding_right if right_to_left else left - padding_left)


class _ParagraphWriter:
    """Paragraphs of plain text (never markup) down the page; each line aligned to the side its script starts from.

    Text that needs no shaping (most notes) is broken into lines here, where `multi_cell` would break it, from
    fpdf2's own glyph widths, and a paragraph's lines are printed in one text object: `multi_cell` measures a line
    again at each character it adds, which made a handout of 10,000 notes take a quarter of a minute. Shaped text
    still goes through `multi_cell`.
    """

    def __init__(self, pdf: _HandoutPdf) -> None:
        self.pdf = pdf
        self._fonts: dict[bool, tuple[TTFFont, WordWidths, _FontText]] = {}
        for bold in (False, True):
            pdf.set_font(FONT_FAMILY, "B" if bold else "")
            font = pdf.current_font
            self._fonts[bold] = (font, WordWidths(font.cw), _FontText(font))
        self._colors: dict[str, DeviceColor] = {}
        self._styles: dict[tuple[float, bool, str], _TextStyle] = {}
        self._broken: dict[tuple[str, bool, float, float], list[str]] = {}
        self._columns = {
            (quote, right_to_left): _column(pdf, quote=quote, right_to_left=right_to_left)
            for quote in (False, True)
            for right_to_left in (False, True)
        }

    def color(self, hex_color: str) -> DeviceColor:
        """A colour as fpdf2 takes it, parsed once."""
        color = self._colors.get(hex_color)
        if color is None:
            color = self._colors[hex_color] = color_from_hex_string(hex_color)
        return color

    def write(
        self, text: str, *, size: float, bold: bool = False, color: str = BLACK, bar: DeviceColor | None = None
    ) -> None:
        """`text` across the page; with a `bar` colour, as a quote behind a bar on the side its lines start from."""
        pdf = self.pdf
        if bar is not None:
            pdf.set_draw_color(bar)
            pdf.set_line_width(QUOTE_BAR)
        right_to_left = bar is not None and _is_right_to_left(text)
        if _NEEDS_SHAPING.search(text) is not None or SOFT_HYPHEN in text:
            pdf.set_font(FONT_FAMILY, "B" if bold else "", size)
            pdf.set_text_color(self.color(color))
            _write_with_multi_cell(pdf, text, bar=bar is not None, right_to_left=right_to_left)
            return
        left, width, bar_x = self._columns[bar is not None, right_to_left]
        style = self._style(size, bold, color)
        widths = style.widths
        unit = size * 0.001  # a thousandth of the font size, the unit of fpdf2's glyph widths
        height = size * LEADING
        baseline = 0.5 * height + 0.3 * size  # below the top of the line, as multi_cell sets it
        if "\u00a0" in text:
            text = text.replace("\u00a0", " ")  # printed as a space, as multi_cell prints it
        printed: list[tuple[float, float, str]] = []
        y = pdf.y
        for paragraph_line in text.splitlines():
            key = (paragraph_line, bold, size, width)
            lines = self._broken.get(key)
            if lines is None:
                # Citations and headings recur once per note on the same paragraph: each is broken once.
                lines = self._broken[key] = break_line(paragraph_line, widths, width / unit) or [""]
            aligned_right = _RIGHT_TO_LEFT_LETTER.search(paragraph_line) is not None and _is_right_to_left(
                paragraph_line
            )
            for index, line in enumerate(lines):
                new_page = y + height > pdf.page_break_trigger
                if new_page:
                    if printed:
                        pdf.print_lines(style, printed)
                        printed.clear()
                    pdf.add_page()
                    y = pdf.y
                if bar is not None and (index == 0 or new_page):
                    # As multi_cell draws its border: down past the lines that fit on this page.
                    fitting = int((pdf.h - y - pdf.b_margin) // height)
                    bottom = y + max(height - index * height, min(fitting, len(lines) - index) * height)
                    pdf.line(bar_x, bottom, bar_x, y)
                if line:
                    x = left + width - widths.of_line(line) * unit if aligned_right else left
                    printed.append((x, y + baseline, line))
                y += height
        if printed:
            pdf.print_lines(style, printed)
        pdf.y = y
        pdf.x = MARGIN

    def number_pages(self) -> None:
        """“Page N of M” at the foot of every page, centred, once the last page is known."""
        pdf = self.pdf
        last = pdf.page
        style = self._style(FOOTER_SIZE, False, GRAY)
        for number in range(1, last + 1):
            label = f"Page {number} of {last}"
            pdf.page = number  # fpdf2 writes onto whichever page this names
            x = MARGIN + (pdf.epw - style.widths.of_line(label) * FOOTER_SIZE * 0.001) / 2
            pdf.print_lines(style, [(x, pdf.h - FOOTER_BASELINE, label)])
        pdf.page = last

    def _style(self, size: float, bold: bool, color: str) -> _TextStyle:
        style = self._styles.get((size, bold, color))
        if style is None:
            style = self._styles[size, bold, color] = _TextStyle.of(*self._fonts[bold], size, self.color(color))
        return style


def _write_with_multi_cell(pdf: FPDF, text: str, *, bar: bool, right_to_left: bool) -> None:
    """Text that needs shaping, through fpdf2's own line breaking (slow, but such notes are few)."""
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
