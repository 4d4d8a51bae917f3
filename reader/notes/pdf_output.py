"""`PagesCompressedInParallel`: fpdf2's PDF output, with the pages' content compressed on two threads at once."""

from __future__ import annotations

import zlib
from concurrent.futures import ThreadPoolExecutor

from fpdf.output import OutputProducer, PDFPage
from fpdf.syntax import Name

THREADS = 2


class PagesCompressedInParallel(OutputProducer):
    """fpdf2's own output (`FPDF.output(output_producer_class=…)`), but for who compresses the pages' content.

    fpdf2 compresses each page's content stream in turn as it adds the page; zlib lets go of Python's lock while
    it compresses, so here the pages are compressed first, half on each of two threads, and fpdf2 then adds them
    as they are, marked as compressed (a handout of 1,300 pages: a sixth of its time was compression).
    """

    def _add_pages(self, _slice: slice = slice(0, None)) -> list[PDFPage]:
        fpdf = self.fpdf
        if not fpdf.compress:
            return super()._add_pages(_slice)
        pages = [fpdf.pages[number] for number in range(1, fpdf.pages_count + 1)][_slice]
        for page, compressed in zip(pages, _compressed([page.contents for page in pages]), strict=True):
            page.contents = bytearray(compressed)
        fpdf.compress = False  # fpdf2 takes the content as it is
        try:
            page_objects = super()._add_pages(_slice)
        finally:
            fpdf.compress = True
        for page_object in page_objects:
            page_object.contents.filter = Name("FlateDecode")
        return page_objects


def _compressed(contents: list[bytearray]) -> list[bytes]:
    """Each of `contents` compressed with zlib as fpdf2 compresses it, in order, shared among the threads."""
    if len(contents) < THREADS:
        return [zlib.compress(content) for content in contents]
    share = -(-len(contents) // THREADS)  # rounded up
    with ThreadPoolExecutor(THREADS) as pool:
        parts = pool.map(_compress_all, [contents[start : start + share] for start in range(0, len(contents), share)])
        return [compressed for part in parts for compressed in part]


def _compress_all(contents: list[bytearray]) -> list[bytes]:
    return [zlib.compress(content) for content in contents]
