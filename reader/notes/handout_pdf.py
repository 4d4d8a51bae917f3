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
        _write_paragraph(pdf, title, size=16, bold=True)
        for entry in entries:
            _write_entry(pdf, entry)
        return bytes(pdf.output())


def _write_entry(pdf: FPDF, entry: HandoutEntry) -> None:
    pdf.ln(14)
    # Keep a heading with the start of its quote rather than alone at the foot of a page.
    if pdf.will_page_break(11 * LEADING + 4 + 3 * 10 * LEADING):
        pdf.add_page()
    _write_marker(pdf, COLOR_HEX[entry.color], size=11)
    _write_paragraph(pdf, entry_place(entry), size=11, bold=True)
    pdf.ln(4)
    _write_quote(pdf, entry.quote, COLOR_HEX[entry.color])
    if entry.note:
        pdf.ln(4)
        _write_paragraph(pdf, entry.note, size=10)
    if entry.citation:
        pdf.ln(3)
        _write_paragraph(pdf, "— " + entry.citation, size=8.5, color=GRAY)
    details = []
    if entry.tags:
        details.append("Tags: " + ", ".join(entry.tags))
    byline = entry_byline(entry)
    if byline:
        details.append(byline)
    if details:
        pdf.ln(3)
        _write_paragraph(pdf, " · ".join(details), size=8.5, color=GRAY)


def _is_right_to_left(text: str) -> bool:
    return auto_detect_base_direction(text) is TextDirection.RTL


def _write_paragraph(
    pdf: FPDF,
    text: str,
    *,
    size: float,
    bold: bool = False,
    color: str = BLACK,
    border: str = "",
    padding: tuple[float, float, float, float] = (0, 0, 0, 0),
) -> None:
    """Plain text (never markup) across the page; each line is aligned to the side its own script starts from."""
    pdf.set_font(FONT_FAMILY, "B" if bold else "", size)
    pdf.set_text_color(color)
    # Shaping joins Arabic letters and places marks; fpdf2 then orders the line by the bidirectional algorithm.
    shaped = _NEEDS_SHAPING.search(text) is not None
    if shaped != bool(pdf.text_shaping):
        pdf.set_text_shaping(shaped)
    for line in text.splitlines():
        # One call per line, so that an Arabic line in an English note still starts on the right.
        pdf.multi_cell(
            0,
            size * LEADING,
            line,
            border=border,
            padding=padding,
            align=Align.R if _is_right_to_left(line) else Align.L,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )


def _write_marker(pdf: FPDF, color: str, *, size: float) -> None:
    """A square in the highlight's colour just left of the heading, in the margin (as the HTML's coloured bar)."""
    side = size * 0.7
    pdf.set_fill_color(color)
    pdf.rect(MARGIN - side - 6, pdf.get_y() + (size * LEADING - side) / 2, side, side, style="F")


def _write_quote(pdf: FPDF, quote: str, bar_color: str) -> None:
    """The quoted passage behind a bar in the highlight colour, on the side the quote's lines start from."""
    right_to_left = _is_right_to_left(quote)
    pdf.set_draw_color(bar_color)
    pdf.set_line_width(QUOTE_BAR)
    # The bar is the cell's border, which is stroked centred on the cell's edge: move that edge in by half a bar.
    inset = QUOTE_BAR / 2
    if right_to_left:
        pdf.set_right_margin(MARGIN + inset)
        padding = (0, inset + QUOTE_GAP, 0, 0)
    else:
        pdf.set_left_margin(MARGIN + inset)
        padding = (0, 0, 0, inset + QUOTE_GAP)
    pdf.set_x(pdf.l_margin)
    _write_paragraph(pdf, quote, size=10, color=DARK, border="R" if right_to_left else "L", padding=padding)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_x(MARGIN)
