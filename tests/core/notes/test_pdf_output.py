"""The PDF's pages compressed on two threads: the very bytes fpdf2 itself writes, and a file any reader opens."""

from __future__ import annotations

import datetime as dt
import gc
import io
from importlib.resources import as_file, files

from fpdf import FPDF
from fpdf.output import OutputProducer
from pypdf import PdfReader

from reader.notes.handout_pdf import render_pdf
from reader.notes.pdf_output import FastPagesCompressedInParallel, PagesCompressedInParallel
from reader.notes.pdf_paragraph_layout import Paragraph

from .conftest import handout_entry


def document(pages: int, *, compress: bool = True, shared_resources: bool = False) -> FPDF:
    """Pages of text in the handout's font, fpdf2's own way, with a fixed date so that two runs match byte for byte
    (with `shared_resources`, one resource dictionary for every page, as the handout has it)."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_creation_date(dt.datetime(2025, 2, 11, tzinfo=dt.UTC))
    pdf.set_compression(compress)
    pdf.single_resources_object = shared_resources
    with as_file(files("reader") / "fonts" / "DejaVuSans.ttf") as font_path:
        pdf.add_font("DejaVu Sans", "", font_path)
    pdf.set_font("DejaVu Sans", "", 10)
    for number in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 14, f"Page {number}: " + "the quick brown fox (jumps) \\ over " * 40)
    return pdf


def test_the_pdf_is_the_very_one_fpdf2_writes_itself() -> None:
    # An fpdf2 that adds pages, or compresses them, differently from what `PagesCompressedInParallel` expects fails
    # here rather than in a reader's hands.
    for pages in (1, 2, 7):
        for shared_resources in (False, True):
            own = bytes(document(pages, shared_resources=shared_resources).output(output_producer_class=OutputProducer))
            ours = bytes(
                document(pages, shared_resources=shared_resources).output(
                    output_producer_class=PagesCompressedInParallel
                )
            )
            assert ours == own


def test_pages_compressed_faster_hold_the_very_content_fpdf2_writes() -> None:
    # The handout's pages at zlib's fastest level: other bytes, the same drawing once a reader inflates them.
    own = bytes(document(7).output(output_producer_class=OutputProducer))
    fast = bytes(document(7).output(output_producer_class=FastPagesCompressedInParallel))
    assert fast != own
    own_pages, fast_pages = PdfReader(io.BytesIO(own)).pages, PdfReader(io.BytesIO(fast), strict=True).pages
    assert len(fast_pages) == len(own_pages) == 7
    for own_page, fast_page in zip(own_pages, fast_pages, strict=True):
        assert fast_page["/Contents"].get_object()["/Filter"] == "/FlateDecode"
        assert fast_page.get_contents().get_data() == own_page.get_contents().get_data()


def test_an_uncompressed_pdf_stays_uncompressed() -> None:
    own = bytes(document(3, compress=False).output(output_producer_class=OutputProducer))
    ours = bytes(document(3, compress=False).output(output_producer_class=PagesCompressedInParallel))
    assert ours == own
    for page in PdfReader(io.BytesIO(ours)).pages:
        assert "/Filter" not in page["/Contents"].get_object()


def test_every_page_of_a_long_handout_is_compressed_and_reads_back() -> None:
    entries = [handout_entry(f"note {number} " * 40, number=number) for number in range(120)]
    reader = PdfReader(io.BytesIO(render_pdf(entries, "Handout")), strict=True)
    assert len(reader.pages) > 5
    for number, page in enumerate(reader.pages, start=1):
        assert page["/Contents"].get_object()["/Filter"] == "/FlateDecode"
        assert page.get_contents().get_data().startswith(b"2 J")  # as fpdf2 starts a page
        assert f"Page {number} of {len(reader.pages)}" in page.extract_text()


def test_a_written_handout_is_freed_without_the_cycle_collector() -> None:
    # Its pages, page objects and laid-out paragraphs are freed as soon as the export is over: left in reference
    # cycles, they would wait for Python's cycle collector, which then walks them in whatever comes next.
    entries = [handout_entry(f"note {number} " * 40, number=number) for number in range(60)]
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)  # whatever the collector finds is kept in gc.garbage, to be looked at
    try:
        render_pdf(entries, "Handout")
        gc.collect()
        left = {type(found).__name__ for found in gc.garbage}
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_enabled:
            gc.enable()
    assert not left & {"_HandoutPdf", "PDFPage", "_Page", "_ContentStream", "PDFPagesRoot", Paragraph.__name__}
