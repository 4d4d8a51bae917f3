"""`render_pdf`: the handout as an A4 PDF in an embedded Unicode font, shaped, so every script in a note prints."""

# fpdf2 brings in fontTools and Pillow (a fifth of a second): import this module only when a PDF is written.

from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import ExitStack
from importlib.resources import as_file, files

from fpdf import FPDF, Align, XPos, YPos
from fpdf.bidi import auto_detect_base_direction
from fpdf.enums import TextDirection

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
    """An A4 page in points with the bundled font and the page number at its foot."""

    def __init__(self, title: str) -> None:
        super().__init__(orientation="portrait", unit="pt", format="A4")
        self.set_title(title)
        self.set_creator("Field Reader")
        self.alias_nb_pages("{pages:}")  # room for a count of up to five digits: a handout of 10,000 notes has 1,319
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.c_margin = 0  # text starts exactly at the margin; a quote is inset by padding instead

    def footer(self) -> None:
        self.set_y(-MARGIN + 16)
        self.set_font(FONT_FAMILY, "", 8)
        self.set_text_color(GRAY)
        # fpdf2 replaces its page-count placeholder once the document is complete.
        self.cell(0, 10, f"Page {self.page_no()} of {self.str_alias_nb_pages}", align=Align.C)


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
        return bytes(pdf.output())


def _write_entry(writer: _ParagraphWriter, entry: HandoutEntry) -> None:
    pdf = writer.pdf
    pdf.ln(14)
    # Keep a heading with the start of its quote rather than alone at the foot of a page.
    if pdf.will_page_break(11 * LEADING + 4 + 3 * 10 * LEADING):
        pdf.add_page()
    _write_marker(pdf, COLOR_HEX[entry.color], size=11)
    writer.write(entry_place(entry), size=11, bold=True)
    pdf.ln(4)
    writer.write(entry.quote, size=10, color=DARK, bar=COLOR_HEX[entry.color])
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


def _write_marker(pdf: FPDF, color: str, *, size: float) -> None:
    """A square in the highlight's colour just left of the heading, in the margin (as the HTML's coloured bar)."""
    side = size * 0.7
    pdf.set_fill_color(color)
    pdf.rect(MARGIN - side - 6, pdf.get_y() + (size * LEADING - side) / 2, side, side, style="F")


class _ParagraphWriter:
    """Paragraphs of plain text (never markup) down the page; each line aligned to the side its script starts from.

    Text that needs no shaping (most notes) is broken into lines here, from fpdf2's own glyph widths, and each line
    is printed on its own: fpdf2's `multi_cell` measures the line again at each character it adds, which made a
    handout of 10,000 notes take a quarter of a minute. Shaped text still goes through `multi_cell`.
    """

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self._widths: dict[str, WordWidths] = {}
        self._style: tuple[float, bool, str] | None = None

    def write(self, text: str, *, size: float, bold: bool = False, color: str = BLACK, bar: str = "") -> None:
        """`text` across the page; with a `bar` colour, as a quote behind a bar on the side its lines start from."""
        pdf = self.pdf
        if self._style != (size, bold, color):
            self._style = (size, bold, color)
            pdf.set_font(FONT_FAMILY, "B" if bold else "", size)
            pdf.set_text_color(color)
        if bar:
            pdf.set_draw_color(bar)
            pdf.set_line_width(QUOTE_BAR)
        right_to_left = bool(bar) and _is_right_to_left(text)
        if _NEEDS_SHAPING.search(text) is not None or SOFT_HYPHEN in text:
            _write_with_multi_cell(pdf, text, bar=bar, right_to_left=right_to_left)
            return
        # The quote's bar is stroked centred on the edge of its box: move that edge in by half a bar.
        inset = QUOTE_BAR / 2 if bar else 0
        padding = inset + QUOTE_GAP if bar else 0
        left_margin = MARGIN + (inset if bar and not right_to_left else 0)
        right_margin = MARGIN + (inset if bar and right_to_left else 0)
        padding_left = 0 if right_to_left else padding
        padding_right = padding if right_to_left else 0
        # The same sums as multi_cell's, so the lines break and stand where they did.
        left = left_margin + padding_left
        width = pdf.w - right_margin - left_margin - padding_right - padding_left
        bar_x = left + width + padding_right if right_to_left else left - padding_left
        widths = self._widths_of_font()
        unit = size * 0.001  # a thousandth of the font size, the unit of fpdf2's glyph widths
        height = size * LEADING
        if "\u00a0" in text:
            text = text.replace("\u00a0", " ")  # printed as a space, as multi_cell prints it
        for paragraph_line in text.splitlines():
            lines = break_line(paragraph_line, widths, width / unit) or [""]
            aligned_right = _RIGHT_TO_LEFT_LETTER.search(paragraph_line) is not None and _is_right_to_left(
                paragraph_line
            )
            for index, line in enumerate(lines):
                new_page = pdf.will_page_break(height)
                if new_page:
                    pdf.add_page()
                y = pdf.y
                if bar and (index == 0 or new_page):
                    fitting = int((pdf.h - y - pdf.b_margin) // height)
                    bottom = y + max(height - index * height, min(fitting, len(lines) - index) * height)
                    pdf.line(bar_x, bottom, bar_x, y)
                if line:
                    x = left + width - widths.of(line) * unit if aligned_right else left
                    pdf.text(x, y + 0.5 * height + 0.3 * size, line)
                pdf.y = y + height
        pdf.x = MARGIN

    def _widths_of_font(self) -> WordWidths:
        font = self.pdf.current_font
        widths = self._widths.get(font.fontkey)
        if widths is None:
            widths = self._widths[font.fontkey] = WordWidths(font.cw)
        return widths


def _write_with_multi_cell(pdf: FPDF, text: str, *, bar: str, right_to_left: bool) -> None:
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
