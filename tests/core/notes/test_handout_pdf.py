"""The PDF handout: every script a note can hold comes back out of the PDF, page breaks, long words, plain text."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from reader.notes.handout import HandoutEntry
from reader.notes.handout_pdf import render_pdf
from reader.notes.note import COLOR_HEX, Color

from .conftest import handout_entry

ARABIC = "هذه ملاحظة عن وقف إطلاق النار في غزة"
ACCENTED_LATIN = "Déjà vu à Genève, naïve façade"
CYRILLIC = "Прекращение огня: заметка об объёме"
GREEK = "Εκεχειρία: σημείωση για την ψυχή"
HEBREW = "הערה על הפסקת האש"
ENGLISH = "Ask the class what fragile means here"


def entry(
    note: str = ENGLISH, *, quote: str = "a fragile ceasefire", color: Color = Color.YELLOW, number: int = 1
) -> HandoutEntry:
    return handout_entry(note, quote=quote, color=color, number=number)


def read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data), strict=True)


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in read(data).pages)


def comparable(text: str) -> str:
    """Text as it can be compared with what a PDF reader extracts.

    NFKC turns any Arabic presentation form (a letter in its joined shape) back into the plain letter, and spaces are
    dropped because a reader infers them from the gaps between glyphs, which shaping changes. The Arabic comes back in
    logical order (the order it was typed) because the PDF reader reverses right-to-left runs, which fpdf2 writes
    in visual order, left to right on the page; nothing is reversed here, so a reversal would fail the test.
    """
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize(
    "note",
    [ARABIC, ACCENTED_LATIN, CYRILLIC, GREEK, HEBREW],
    ids=["arabic", "accented-latin", "cyrillic", "greek", "hebrew"],
)
def test_a_note_in_any_script_can_be_read_back_from_the_pdf(note: str) -> None:
    data = render_pdf([entry(note)], "Handout")
    assert comparable(note) in comparable(text_of(data))


@pytest.mark.parametrize(
    "quote", [ARABIC, ACCENTED_LATIN, CYRILLIC, GREEK], ids=["arabic", "accented-latin", "cyrillic", "greek"]
)
def test_a_quote_in_any_script_can_be_read_back_from_the_pdf(quote: str) -> None:
    data = render_pdf([entry("", quote=quote)], "Handout")
    assert comparable(quote) in comparable(text_of(data))


@pytest.mark.parametrize(
    "title", ["ملاحظات على التقرير", "Заметки к докладу", "Σημειώσεις"], ids=["arabic", "cyrillic", "greek"]
)
def test_a_title_in_any_script_shows_on_the_page_and_in_the_document_properties(title: str) -> None:
    data = render_pdf([entry()], title)
    assert comparable(title) in comparable(text_of(data))
    assert read(data).metadata.title == title


def test_an_empty_handout_is_one_page_with_its_title() -> None:
    data = render_pdf([], "Notes on the report")
    pages = read(data).pages
    assert len(pages) == 1
    assert "Notes on the report" in pages[0].extract_text()


def test_many_notes_flow_onto_several_numbered_pages() -> None:
    entries = [entry(f"note number {number} " * 12, number=number) for number in range(60)]
    data = render_pdf(entries, "Handout")
    pages = read(data).pages
    assert len(pages) >= 3
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1].extract_text()
    assert "note number 59" in pages[-1].extract_text()
    text = text_of(data)
    assert all(f"note number {number} " in text for number in range(60))


def test_a_note_of_one_enormous_word_is_broken_across_lines_and_pages() -> None:
    word = "x" * 100_000
    pages = read(render_pdf([entry(word)], "Handout")).pages
    text = "\n".join(page.extract_text() for page in pages)
    assert text.count("x") == len(word)
    assert len(pages) > 1
    assert max(len(line) for line in text.splitlines()) < 200


def test_note_text_is_printed_as_typed_never_as_markup() -> None:
    hostile = "<b>bold</b> **stars** [link](http://evil.example) & (parentheses) \\ backslash"
    data = render_pdf([entry(hostile)], "Handout")
    assert hostile in text_of(data)


@settings(max_examples=25, deadline=None)
@given(note=st.text(max_size=300), quote=st.text(min_size=1, max_size=100))
def test_any_text_at_all_makes_a_pdf_that_opens(note: str, quote: str) -> None:
    assert len(read(render_pdf([entry(note, quote=quote)], "Handout")).pages) >= 1


def test_line_breaks_in_a_note_are_kept() -> None:
    data = render_pdf([entry("first line\r\nsecond line\n\nafter a blank line")], "Handout")
    lines = text_of(data).splitlines()
    assert lines[lines.index("first line") + 1] == "second line"
    assert "after a blank line" in lines


def text_positions(data: bytes) -> dict[str, float]:
    """Where each run of text starts across the first page, in points from its left edge."""
    starts: dict[str, float] = {}

    def visit(text: str, matrix: list[float], text_matrix: list[float], *_font: object) -> None:
        if text.strip():
            starts.setdefault(text.strip(), matrix[4] + text_matrix[4] * matrix[0])

    read(data).pages[0].extract_text(visitor_text=visit)
    return starts


def test_a_right_to_left_note_is_set_against_the_right_margin() -> None:
    data = render_pdf([entry(f"{ENGLISH}\n{ARABIC}")], "Handout")
    starts = text_positions(data)
    page_width = float(read(data).pages[0].mediabox.width)
    assert starts[ENGLISH] < page_width / 4
    arabic_start = next(start for text, start in starts.items() if comparable(text) == comparable(ARABIC))
    assert arabic_start > page_width / 3


def test_each_quote_has_a_bar_in_its_highlight_colour() -> None:
    colors = [Color.GREEN, Color.PINK]
    data = render_pdf([entry(color=color) for color in colors], "Handout")
    content = read(data).pages[0].get_contents().get_data().decode("latin-1")
    stroked = {
        tuple(round(float(value) * 255) for value in match.groups())
        for match in re.finditer(r"([\d.]+) ([\d.]+) ([\d.]+) RG", content)
    }
    for color in colors:
        hex_color = COLOR_HEX[color]
        assert tuple(int(hex_color[index : index + 2], 16) for index in (1, 3, 5)) in stroked


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="renders the page with poppler's pdftoppm")
def test_a_pdf_renderer_draws_the_text_and_the_bar(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "handout.pdf"
    path.write_bytes(render_pdf([entry(ARABIC, color=Color.BLUE)], "Handout"))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")], check=True
    )
    (image_path,) = tmp_path.glob("page*.png")
    with Image.open(image_path) as image:
        pixels = [color for _count, color in image.convert("RGB").getcolors(maxcolors=1 << 24)]
    blue = tuple(int(COLOR_HEX[Color.BLUE][index : index + 2], 16) for index in (1, 3, 5))
    assert any(all(abs(a - b) < 24 for a, b in zip(pixel, blue, strict=True)) for pixel in pixels)
    assert any(max(pixel) < 64 for pixel in pixels)  # dark text


def test_the_pdf_library_is_loaded_only_when_a_pdf_is_written() -> None:
    code = (
        "import sys\n"
        "import reader.__main__, reader.cli.notes, reader.notes.export\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('fpdf', 'fontTools', 'PIL')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


CITATION = (
    "Israel and the Occupied Palestinian Territory, section “Overview”, ¶1. "
    "Amnesty International, edition of 2025-02-11."
)


def test_each_entry_ends_with_its_citation_line_as_in_the_html_handout() -> None:
    from reader.notes.handout import render_html

    cited = entry()._replace(citation=CITATION)
    flat = " ".join(text_of(render_pdf([cited], "Handout")).split())
    assert f"{ENGLISH} — {CITATION}" in flat
    assert f'<p class="citation">— {CITATION}</p>' in render_html([cited], "Handout").replace("&#x27;", "'")


def test_each_entry_has_a_square_marker_in_its_highlight_colour() -> None:
    data = render_pdf([entry(color=Color.ORANGE)], "Handout")
    content = read(data).pages[0].get_contents().get_data().decode("latin-1")
    filled = {
        tuple(round(float(value) * 255) for value in match.groups())
        for match in re.finditer(r"([\d.]+) ([\d.]+) ([\d.]+) rg", content)
    }
    hex_color = COLOR_HEX[Color.ORANGE]
    assert tuple(int(hex_color[index : index + 2], 16) for index in (1, 3, 5)) in filled


def test_two_different_handouts_written_one_after_another_each_hold_only_their_own_text() -> None:
    # Nothing of one export (fonts, the characters they encode, laid-out paragraphs, places on the page) carries
    # over into the next: a second handout in other scripts reads back whole, and the first, written again, has
    # the very same pages as before.
    first = [entry(f"{ACCENTED_LATIN} {number}", number=number) for number in range(30)]
    second = [entry(f"{CYRILLIC} {GREEK} {number}", quote=HEBREW, number=number) for number in range(45)]
    first_pages = [page.get_contents().get_data() for page in read(render_pdf(first, "First")).pages]
    second_text = comparable(text_of(render_pdf(second, "Second")))
    again = [page.get_contents().get_data() for page in read(render_pdf(first, "First")).pages]
    assert again == first_pages
    for number in range(45):
        assert comparable(f"{CYRILLIC} {GREEK} {number}") in second_text
    assert comparable(HEBREW) in second_text
    assert comparable(ACCENTED_LATIN) not in second_text
