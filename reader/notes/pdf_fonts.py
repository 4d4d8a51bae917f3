"""`add_handout_fonts`: the handout's font, regular and bold, added to an fpdf2 document, lighter to subset."""

from __future__ import annotations

# isort: off
import reader.notes.lean_fpdf  # noqa: F401  (first: fpdf2 without http, urllib, asyncio and Pillow)

# isort: on
from contextlib import ExitStack
from importlib.resources import as_file, files

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import TTFFont

FONT_FAMILY = "DejaVu Sans"  # Latin, Greek, Cyrillic, Arabic and Hebrew in one family
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
# Tables that never reach the PDF: fpdf2 leaves the layout tables out of every subset it embeds, and fontTools then
# leaves out the old kerning table too. Before dropping them, fontTools reads the layout tables through (a sixth of
# the time of subsetting a font); fpdf2 shapes text with HarfBuzz, from the font file, never from these.
NEVER_EMBEDDED = ("GDEF", "GPOS", "GSUB", "kern")
# A subset keeps each glyph's outline and box as the font has them, so its glyphs are copied as they are rather than
# taken apart and put together again to measure their boxes anew (a fifth of the time of writing a subset). The
# font-wide box and maxima in the subset's `head` and `maxp` stay the whole font's: they still enclose every glyph,
# and agree with the box fpdf2 writes into the PDF's font descriptor, which it takes from the whole font.


def add_handout_fonts(pdf: FPDF, stack: ExitStack) -> None:
    """The handout's font in both styles, each from a file that stays open as long as `stack` does."""
    for style, name in FONT_FILES.items():
        font_path = stack.enter_context(as_file(files("reader") / "fonts" / name))
        pdf.add_font(FONT_FAMILY, style, font_path)
    for font in pdf.fonts.values():
        if isinstance(font, TTFFont):
            lighten_for_subsetting(font.ttfont)


def lighten_for_subsetting(font: TTFont) -> None:
    """The tables that never reach the PDF dropped beforehand, and the glyphs' boxes kept as they are (the tests
    compare the fonts embedded with those fpdf2 embeds itself, glyph by glyph)."""
    for tag in NEVER_EMBEDDED:
        if tag in font:
            del font[tag]
    font.recalcBBoxes = False
