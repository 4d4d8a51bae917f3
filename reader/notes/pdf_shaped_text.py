"""`write_with_multi_cell`: handout text that needs shaping (Arabic, Hebrew, combining marks), through fpdf2."""

from __future__ import annotations

# isort: off
import reader.notes.lean_fpdf  # noqa: F401  (first: fpdf2 without http, urllib, asyncio and Pillow)

# isort: on
from fpdf import FPDF, Align, XPos, YPos

from reader.notes.pdf_layout import LEADING, MARGIN, QUOTE_BAR, QUOTE_GAP
from reader.notes.pdf_paragraph_layout import NEEDS_SHAPING, is_right_to_left


def write_with_multi_cell(pdf: FPDF, text: str, *, bar: bool, right_to_left: bool) -> None:
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
    pdf.set_text_shaping(NEEDS_SHAPING.search(text) is not None)
    for line in text.splitlines():
        # One call per line, so that an Arabic line in an English note still starts on the right.
        pdf.multi_cell(
            0,
            pdf.font_size_pt * LEADING,
            line,
            border=border,
            padding=padding,
            align=Align.R if is_right_to_left(line) else Align.L,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    pdf.set_text_shaping(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_x(MARGIN)
