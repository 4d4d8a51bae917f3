"""Paragraphs laid out once, placed many times: each line where `multi_cell` puts it, under every note it is in."""

from __future__ import annotations

import gc
import io
from collections.abc import Iterator
from importlib.resources import as_file, files

import pytest
from fpdf import FPDF, XPos, YPos
from pypdf import PdfReader

from reader.notes.handout import HandoutEntry
from reader.notes.handout_pdf import render_pdf
from reader.notes.pdf_layout import LEADING, MARGIN
from reader.notes.pdf_paragraphs import Coordinates

from .conftest import handout_entry

CITATION = "A report, section “Overview”, ¶1. A publisher, edition of 2025-02-11."
WRAPPING = "The committee documented repeated attacks on civilian infrastructure, water and power. " * 3


def line_starts(data: bytes, page: int = 0) -> list[tuple[str, float, float]]:
    """Each run of text on a page with where it starts: across from the left edge, up from the foot, in points."""
    starts: list[tuple[str, float, float]] = []

    def visit(text: str, matrix: list[float], text_matrix: list[float], *_font: object) -> None:
        if text.strip():
            x = matrix[4] + text_matrix[4] * matrix[0]
            y = matrix[5] + text_matrix[5] * matrix[3]
            # Spaces as a reader infers them from the gaps, and no right-to-left mark, which has no glyph.
            starts.append((" ".join(text.replace("\u200f", "").split()), round(x, 2), round(y, 2)))

    PdfReader(io.BytesIO(data)).pages[page].extract_text(visitor_text=visit)
    return starts


def multi_cell_starts(text: str, *, size: float, bold: bool) -> list[tuple[str, float, float]]:
    """Where fpdf2's own `multi_cell` starts each line of `text` at the top of the handout's first page."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.c_margin = 0
    with as_file(files("reader") / "fonts" / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")) as font_path:
        pdf.add_font("DejaVu Sans", "", font_path)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.add_page()
    pdf.set_font("DejaVu Sans", "", size)
    for line in text.splitlines():
        pdf.multi_cell(0, size * LEADING, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return line_starts(bytes(pdf.output()))


def test_the_lines_of_a_paragraph_start_where_multi_cell_starts_them() -> None:
    # The title is the first paragraph on the first page, in 16-point bold: a paragraph of several lines, one blank.
    title = f"{WRAPPING}\n\nAfter a blank line\n{WRAPPING}"
    ours = line_starts(render_pdf([], title))[: len(multi_cell_starts(title, size=16, bold=True))]
    expected = multi_cell_starts(title, size=16, bold=True)
    assert [text for text, _x, _y in ours] == [text for text, _x, _y in expected]
    for (_text, x, y), (_same, expected_x, expected_y) in zip(ours, expected, strict=True):
        assert x == pytest.approx(expected_x, abs=0.011)
        assert y == pytest.approx(expected_y, abs=0.011)


def test_a_right_to_left_line_ends_at_the_right_margin() -> None:
    # A right-to-left mark makes a line right to left without any letter that needs shaping.
    line = "\u200f" + ("words set from the right " * 6).rstrip()
    data = render_pdf([handout_entry(f"{line}\n{line}")], "Handout")
    page_width = float(PdfReader(io.BytesIO(data)).pages[0].mediabox.width)
    starts = [(text, x) for text, x, _y in line_starts(data) if text.startswith(("words set", "right words"))]
    assert len(starts) == 4  # each typed line broken in two
    (first, first_x), (second, second_x) = starts[:2]
    assert starts[2:] == starts[:2]  # the same line, set in the same place
    assert MARGIN < first_x < second_x < page_width - MARGIN
    # Each ends at the right margin: a line starts further right by as much as it is shorter.
    with as_file(files("reader") / "fonts" / "DejaVuSans.ttf") as font_path:
        pdf = FPDF(unit="pt")
        pdf.add_font("DejaVu Sans", "", font_path)
    pdf.set_font("DejaVu Sans", "", 10)
    shorter_by = pdf.get_string_width(first) - pdf.get_string_width(second)
    assert second_x - first_x == pytest.approx(shorter_by, abs=0.011)


def test_a_citation_and_a_byline_shared_by_many_notes_are_printed_under_each() -> None:
    entries = [handout_entry(f"note {number}", number=number)._replace(citation=CITATION) for number in range(40)]
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(entries, "Handout"))).pages)
    assert text.count(CITATION.split(",")[0]) == 40
    assert text.count("Tags: class · Ms Haddad, 2024-05-01") == 40
    assert all(f"note {number}\n" in text + "\n" for number in range(40))


def test_a_quote_that_runs_over_pages_prints_every_word_once_in_order() -> None:
    words = [f"w{number}" for number in range(4000)]
    pages = PdfReader(io.BytesIO(render_pdf([handout_entry("", quote=" ".join(words))], "Handout"))).pages
    printed = [word for page in pages for word in page.extract_text().split() if word.startswith("w")]
    assert printed == words


@pytest.fixture
def collector_restored() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("collector_restored")
@pytest.mark.parametrize("enabled", [True, False])
def test_the_cycle_collector_is_left_as_it_was_found(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    render_pdf([handout_entry("a note")], "Handout")
    assert gc.isenabled() is enabled


@pytest.mark.usefixtures("collector_restored")
def test_the_cycle_collector_runs_again_after_a_handout_that_fails() -> None:
    gc.enable()

    def entries() -> Iterator[HandoutEntry]:
        yield handout_entry("a note")
        raise RuntimeError("the notes could not be read")

    with pytest.raises(RuntimeError):
        render_pdf(entries(), "Handout")
    assert gc.isenabled()


def test_places_on_the_page_are_written_to_a_hundredth_of_a_point_as_fpdf2_writes_them() -> None:
    coordinates = Coordinates()
    for value in (0.0, 56.0, 770.285, 770.2849999, 12.005, -3.333, 841.89 - (56 + 13.5 * 7)):
        assert coordinates[value] == f"{value:.2f}"
        assert coordinates[value] is coordinates[value]  # worked out once
