"""The handout's quicker ways through fpdf2 write what fpdf2's own ways write: its pages, its paragraphs, its text."""

from __future__ import annotations

from contextlib import ExitStack

import pytest
from fpdf import FPDF

from reader.notes.handout_pdf import _HandoutPdf, render_pdf
from reader.notes.pdf_fonts import add_handout_fonts
from reader.notes.pdf_layout import BLACK, DARK, GRAY
from reader.notes.pdf_paragraph_layout import ParagraphLayout
from reader.notes.pdf_text_style import FontText

from .conftest import handout_entry

CITATION = "A report, section “Overview”, ¶1. A publisher, edition of 2025-02-11."
SENTENCE = "The committee documented repeated attacks on civilian infrastructure, water and power. "
ARABIC = "هذه ملاحظة عن وقف إطلاق النار في غزة"


def test_the_pages_added_quickly_are_the_very_pages_fpdf2_adds(monkeypatch: pytest.MonkeyPatch) -> None:
    # Notes long and short over many pages, and Arabic ones among them, which fpdf2 writes itself (with its own page
    # breaks, and a bar's colour and width left set for the pages after).
    english = [handout_entry(SENTENCE * (number % 7), number=number, citation=CITATION) for number in range(60)]
    arabic = [handout_entry(ARABIC * 20, quote=ARABIC * 30, number=number) for number in range(3)]
    entries = english[:30] + arabic + english[30:]
    quick = render_pdf(entries, "Handout", safe=True)
    monkeypatch.setattr(_HandoutPdf, "_next_page_is_alike", lambda _pdf: False)  # every page as fpdf2 adds it
    own = render_pdf(entries, "Handout", safe=True)
    assert quick.count(b"/Type /Page\n") > 10
    assert quick == own


TEXTS = [
    "",
    " ",
    "a fragile ceasefire",
    "a (fragile) \\ ceasefire\r",
    "two\nlines",
    "  spaced  out  ",
    "tab\tand form\x0cfeed",
    *[SENTENCE[:length] for length in range(70, 130, 6)],  # about as wide as a line, in each style
    SENTENCE * 3,
    "x" * 400,
    "Déjà vu à Genève",
    f"{ARABIC} and English",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_paragraph_is_laid_out_as_the_layout_lays_out_any_paragraph(text: str) -> None:
    pdf = FPDF(unit="pt", format="A4")
    with ExitStack() as stack:
        add_handout_fonts(pdf, stack)
        layout = ParagraphLayout(pdf)
        for size, bold, color, quote in [(11, True, BLACK, False), (10, False, DARK, True), (8.5, False, GRAY, False)]:
            paragraphs = layout.paragraphs(size, bold, color, quote)
            assert paragraphs[text] == layout._laid_out(text, size, bold, color, quote)


def test_text_is_encoded_as_fpdf2_encodes_it() -> None:
    # Enough different characters that some get codes whose bytes fpdf2 escapes: "(", ")", "\" and a carriage return.
    text = " ".join(chr(code) for code in range(0x21, 0x300) if chr(code).isprintable())
    pdf = FPDF(unit="pt", format="A4")
    with ExitStack() as stack:
        add_handout_fonts(pdf, stack)
        pdf.set_font("DejaVu Sans")
        font = pdf.current_font
        encoded = FontText(font)(text)
        codes = [font.subset.pick(ord(character)) for character in text]  # as fpdf2 picked them for each
        assert max(code for code in codes if code) > 0x5C
        assert encoded == font.escape_text("".join(chr(code) for code in codes if code))
        for escaped in ("\\(", "\\)", "\\\\", "\\r"):
            assert escaped in encoded
