"""Breaking a handout line to a width: where fpdf2's own `multi_cell` breaks it, nothing lost, nothing too wide."""

from __future__ import annotations

from importlib.resources import as_file, files

import pytest
from fpdf import FPDF
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.notes.line_breaking import WordWidths, break_line, fits_on_one_line

SIZE = 10  # points
# Letters narrow and wide, accented Latin, punctuation, and each kind of space fpdf2 may break at (a tab too, which
# the font lacks) or must not break at (no-break space).
ALPHABET = [*"abcdefghij klmnop  qrstuvwxyz WMil1.,;—“”éßçœ", "\t", "\u2003", "\u200b", "\u3000", "\u00a0"]
WIDTHS = [20, 60, 150, 470.28, 483.28]  # points: a column narrower than some words, and the handout's own columns
# What the handout never passes in: line breaks (it breaks a note at them first) and soft hyphens (left to fpdf2).
ANY_CHARACTER = st.characters(
    exclude_characters="\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029\u00ad", exclude_categories=["Cs"]
)


@pytest.fixture(scope="module")
def pdf() -> FPDF:
    """A page in the handout's font, whose `multi_cell` is the reference."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.c_margin = 0
    with as_file(files("reader") / "fonts" / "DejaVuSans.ttf") as font_path:
        pdf.add_font("DejaVu Sans", "", font_path)
    pdf.add_page()
    pdf.set_font("DejaVu Sans", "", SIZE)
    return pdf


def broken(pdf: FPDF, text: str, width: float) -> list[str]:
    return break_line(text, WordWidths(pdf.current_font.cw), width / (SIZE * 0.001))


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(ALPHABET), max_size=400)
    | st.builds(
        lambda word, tail: word + " " + tail, st.text(alphabet="xyz", min_size=50, max_size=300), st.text(ANY_CHARACTER)
    ),
    width=st.sampled_from(WIDTHS),
)
def test_a_line_breaks_where_fpdf2_multi_cell_breaks_it(pdf: FPDF, text: str, width: float) -> None:
    expected = pdf.multi_cell(width, SIZE * 1.35, text, dry_run=True, output="LINES")
    lines = [line.replace("\u00a0", " ") for line in broken(pdf, text, width)]  # multi_cell prints it as a space
    assert lines == ([] if expected == [""] else expected)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(ALPHABET), max_size=120), width=st.sampled_from(WIDTHS))
def test_a_text_fits_on_one_line_exactly_when_it_is_not_broken(pdf: FPDF, text: str, width: float) -> None:
    # The handout's short cut for its many one-line paragraphs must agree with the full line breaking.
    fits = fits_on_one_line(text.split(" "), WordWidths(pdf.current_font.cw), width / (SIZE * 0.001))
    assert fits == (broken(pdf, text, width) == [text])


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("abc WMi.,é")), max_size=600), width=st.sampled_from(WIDTHS))
def test_no_line_is_wider_than_the_column_and_only_the_spaces_broken_at_are_dropped(
    pdf: FPDF, text: str, width: float
) -> None:
    widths = WordWidths(pdf.current_font.cw)
    position = 0
    for line in broken(pdf, text, width):
        while line and not text.startswith(line, position):
            assert text[position] == " "  # a space a line broke at (spaces in a row in a narrow column: each)
            position += 1
        position += len(line)
        assert len(line) == 1 or widths.of_line(line) * SIZE * 0.001 <= width + 1e-6
    assert text[position:].strip(" ") == ""


def test_a_word_longer_than_the_line_is_cut_where_it_reaches_the_edge(pdf: FPDF) -> None:
    lines = broken(pdf, "before " + "x" * 500 + " after", 150)
    assert lines[0] == "before"
    assert all(line == "x" * len(lines[1]) for line in lines[1:-2])
    assert "".join(lines[1:]).startswith("x" * 500)
    assert lines[-1].endswith("after")


def test_text_of_no_width_makes_no_line(pdf: FPDF) -> None:
    assert broken(pdf, "", 150) == []
