"""The PDF handout's layout: text within the margins, quotes behind their bar, page numbers, headings with quotes."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.notes.handout import HandoutEntry
from reader.notes.handout_pdf import render_pdf
from reader.notes.note import COLOR_HEX, Color
from reader.notes.pdf_layout import MARGIN, QUOTE_BAR

from .conftest import handout_entry

ARABIC = "هذه ملاحظة عن وقف إطلاق النار في غزة"
LONG = "The committee documented repeated attacks on civilian infrastructure, water and power. " * 12
needs_renderer = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="renders pages with poppler's pdftoppm")


def entry(
    note: str = "", *, quote: str = "a fragile ceasefire", color: Color = Color.YELLOW, section: str = "Overview"
) -> HandoutEntry:
    citation = "A report, section “Overview”, ¶1. A publisher, edition of 2025-02-11."
    return handout_entry(note, quote=quote, color=color, section=section, citation=citation)


def pages_of(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def rgb(color: Color) -> tuple[int, ...]:
    return tuple(int(COLOR_HEX[color][index : index + 2], 16) for index in (1, 3, 5))


def bars(data: bytes, page: int) -> list[tuple[tuple[int, ...], float]]:
    """Each vertical line stroked on a page: its colour and where it stands across the page, in points."""
    content = PdfReader(io.BytesIO(data)).pages[page].get_contents().get_data().decode("latin-1")
    found = []
    color: tuple[int, ...] = ()
    for match in re.finditer(r"([\d.]+) ([\d.]+) ([\d.]+) RG|([\d.]+) [\d.]+ m ([\d.]+) [\d.]+ l S", content):
        if match[1] is not None:
            color = tuple(round(float(match[index]) * 255) for index in (1, 2, 3))
        elif match[4] == match[5]:
            found.append((color, float(match[4])))
    return found


def rendered(data: bytes, folder: Path, resolution: int = 50) -> list[Path]:
    path = folder / "handout.pdf"
    path.write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", str(resolution), str(path), str(folder / "page")], check=True)
    return sorted(folder.glob("page*.png"))


@needs_renderer
def test_long_notes_words_and_quotes_stay_inside_the_margins(tmp_path: Path) -> None:
    from PIL import Image

    entries = [
        entry(LONG, quote=LONG),
        entry("x" * 3000, quote="y" * 400, color=Color.BLUE),
        entry(f"{LONG}\n{ARABIC}\n{LONG}", quote=f"{ARABIC} {ARABIC} {ARABIC} {ARABIC}", color=Color.GREEN),
    ]
    for image_path in rendered(render_pdf(entries, "Handout"), tmp_path):
        with Image.open(image_path) as image:
            pixels = image.convert("L").load()
            width, height = image.size
            right = round((595.28 - MARGIN) / 595.28 * width) + 1
            left = round(MARGIN / 595.28 * width) - 1
            assert all(pixels[x, y] > 200 for x in range(right + 1, width) for y in range(height)), image_path.name
            # Left of the margin only the coloured squares beside headings, never dark text.
            assert all(pixels[x, y] > 96 for x in range(left) for y in range(height)), image_path.name


def test_every_page_says_its_number_and_the_number_of_pages() -> None:
    pages = pages_of(render_pdf([entry(LONG, quote=LONG) for _ in range(12)], "Handout"))
    assert len(pages) > 3
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text


@needs_renderer
def test_the_page_number_is_centred_at_the_foot_of_the_page(tmp_path: Path) -> None:
    from PIL import Image

    (image_path,) = rendered(render_pdf([entry()], "Handout"), tmp_path)
    with Image.open(image_path) as image:
        pixels = image.convert("L").load()
        width, height = image.size
        foot = range(round(height * (1 - MARGIN / 842)), height)
        inked = [x for x in range(width) if any(pixels[x, y] < 160 for y in foot)]
    assert inked
    assert abs((inked[0] + inked[-1]) / 2 - width / 2) <= 2


def test_a_heading_is_never_left_at_the_foot_of_a_page_without_its_quote() -> None:
    # Notes of many lengths put headings at every height on the page.
    entries = [
        entry(" ".join(["word"] * (7 * number % 90)), quote=f"quote {number} begins here", section=f"Part {number}")
        for number in range(80)
    ]
    pages = pages_of(render_pdf(entries, "Handout"))
    for number in range(80):
        (page,) = [text for text in pages if re.search(rf"Part {number}, ¶1\b", text)]
        assert f"quote {number} begins here" in page


def test_a_quote_that_runs_onto_the_next_page_has_its_bar_on_both() -> None:
    data = render_pdf([entry(quote=LONG * 8, color=Color.PINK)], "Handout")
    assert len(pages_of(data)) >= 2
    for page in (0, 1):
        assert (rgb(Color.PINK), MARGIN + QUOTE_BAR / 2) in bars(data, page)


def test_an_arabic_quote_has_its_bar_on_the_right_and_an_english_one_on_the_left() -> None:
    data = render_pdf([entry(quote=ARABIC, color=Color.GREEN), entry(quote="English", color=Color.BLUE)], "Handout")
    found = dict(bars(data, 0))
    assert found[rgb(Color.GREEN)] > 595 / 2
    assert found[rgb(Color.BLUE)] < MARGIN + QUOTE_BAR


def text_starts(data: bytes) -> dict[str, float]:
    """Where each run of text starts across the first page, in points from its left edge."""
    starts: dict[str, float] = {}

    def visit(text: str, matrix: list[float], text_matrix: list[float], *_font: object) -> None:
        if text.strip():
            starts.setdefault(text.strip(), matrix[4] + text_matrix[4] * matrix[0])

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return starts


def test_a_quote_is_set_in_from_its_bar_and_the_note_starts_at_the_margin() -> None:
    starts = text_starts(render_pdf([entry("the note itself", quote="the quoted passage")], "Handout"))
    assert starts["the note itself"] == pytest.approx(MARGIN, abs=0.01)
    assert starts["the quoted passage"] > MARGIN + QUOTE_BAR + 5


def test_no_break_spaces_tabs_and_soft_hyphens_print_their_words() -> None:
    text = " ".join(pages_of(render_pdf([entry("non\u00a0breaking, a\ttab, soft\u00adhyphen")], "Handout")))
    assert "non breaking" in text
    assert "atab" in text  # the font has no tab: it is left out, as fpdf2 leaves out any character the font lacks
    assert "softhyphen" in text
