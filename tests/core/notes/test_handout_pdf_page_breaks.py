"""Where the PDF handout breaks its pages: an entry's last line never stands alone at the top of a page."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from reader.notes.handout import HandoutEntry
from reader.notes.handout_pdf import render_pdf

from .conftest import handout_entry

CITATION = "A report, section “Overview”, ¶1. A publisher, edition of 2025-02-11."
SENTENCE = "The committee documented repeated attacks on civilian infrastructure. "


def _pages(data: bytes) -> list[list[str]]:
    return [page.extract_text().strip().splitlines() for page in PdfReader(io.BytesIO(data)).pages]


def _handouts(first: HandoutEntry) -> list[HandoutEntry]:
    """A first entry, then a dozen alike: as the first grows, the page breaks fall at every line of those after."""
    return [first, *[handout_entry(SENTENCE * 3, citation=CITATION) for _ in range(12)]]


@pytest.mark.parametrize("sentences", range(30))
def test_the_tags_and_date_line_is_never_alone_at_the_top_of_a_page(sentences: int) -> None:
    pages = _pages(render_pdf(_handouts(handout_entry(SENTENCE * sentences, citation=CITATION)), "Handout"))
    assert len(pages) >= 3
    for number, lines in enumerate(pages[1:], start=2):
        assert not lines[0].startswith("Tags: class"), f"page {number} starts with an entry's last line alone"


@pytest.mark.parametrize("sentences", range(20, 40, 2))
def test_the_last_line_of_a_long_last_part_keeps_the_line_before_it(sentences: int) -> None:
    # A heading and a long quote alone (a safe handout of untagged highlights): the quote is the entry's last part.
    quote = SENTENCE * 8 + "\nlast line of the quote"
    bare = handout_entry("", quote=quote)._replace(tags=(), author=None, created=None)
    pages = _pages(render_pdf([handout_entry(SENTENCE * sentences), *[bare] * 8], "Handout"))
    assert len(pages) >= 2
    for number, lines in enumerate(pages[1:], start=2):
        assert lines[0] != "last line of the quote", f"page {number} starts with an entry's last line alone"
