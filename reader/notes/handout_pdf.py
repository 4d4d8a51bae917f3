"""`render_pdf`: the handout as an A4 PDF in an embedded Unicode font, shaped, so every script in a note prints."""

# fpdf2 brings in fontTools and HarfBuzz (a sixth of a second): import this module only when a PDF is written.

from __future__ import annotations

# isort: off
import reader.notes.lean_fpdf  # noqa: F401  (first: fpdf2 without http, urllib, asyncio and Pillow)

# isort: on
import datetime as dt
from collections.abc import Iterable
from contextlib import ExitStack

from fpdf import FPDF
from fpdf.output import PDFPage

from reader.collection_pause import garbage_collection_paused
from reader.notes.handout import HandoutEntry, entry_byline, entry_place
from reader.notes.note import COLOR_HEX
from reader.notes.pdf_fonts import add_handout_fonts
from reader.notes.pdf_layout import BLACK, DARK, GRAY, LEADING, MARGIN
from reader.notes.pdf_output import FastPagesCompressedInParallel
from reader.notes.pdf_paragraph_layout import SHAPED, StyledParagraphs
from reader.notes.pdf_paragraphs import ParagraphWriter
from reader.notes.pdf_text_style import DeviceColor

HEADING_SIZE = 11
MARKER_SIDE = HEADING_SIZE * 0.7  # the coloured square beside a heading
MARKER_DROP = (HEADING_SIZE * LEADING - MARKER_SIDE) / 2  # from the top of the heading's line to the square's
# A heading is kept with the start of its quote (three lines) rather than left alone at the foot of a page.
HEADING_WITH_QUOTE = HEADING_SIZE * LEADING + 4 + 3 * 10 * LEADING


class _HandoutPdf(FPDF):
    """An A4 page in points with the bundled font, its margins, and one /Resources object shared by every page."""

    def __init__(self, title: str, *, dated: bool = True) -> None:
        super().__init__(orientation="portrait", unit="pt", format="A4")
        self.set_title(title)
        self.set_creator("Field Reader")
        if not dated:
            self.creation_date = None  # no /CreationDate, nor a file identifier made from the time
        self.alias_nb_pages(None)  # pages are numbered once they are all written, so nothing is left to substitute
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.c_margin = 0  # text starts exactly at the margin; a quote is inset by padding instead
        # Every page uses the same two fonts: one resource dictionary for all, not one object per page.
        self.single_resources_object = True

    def add_page(self, *args: object, **kwargs: object) -> None:
        """fpdf2's own, but for a page that follows the last in every setting (all of the handout's but the first):
        then only what fpdf2 would change and write for it (a handout of 1,300 pages: a twentieth of its time)."""
        if args or kwargs or not self._next_page_is_alike():
            super().add_page(*args, **kwargs)  # type: ignore[arg-type]
            return
        self.current_font_is_set_on_page = False
        self.page += 1
        page = self.pages[self.page] = PDFPage(contents=bytearray(), duration=0, transition=None, index=self.page)
        page.set_dimensions(self.w_pt, self.h_pt)
        self.x, self.y = self.l_margin, self.t_margin
        self._out(f"2 J\n{self.line_width * self.k:.2f} w")  # the line cap and width every page starts with

    def _next_page_is_alike(self) -> bool:
        """Whether a new page would be added at the end in every way like the last (a page fpdf2's `add_page`
        gives the same size, margins, font, colours and line style, without page label, background, duration,
        transition, header or footer): the one that `add_page` with no arguments then adds."""
        return (
            0 < self.page == self.pages_count
            and not self.buffer
            and not self.in_toc_rendering
            and self.toc_placeholder is None
            and not self.font_family
            and not self.page_background
            and not self.page_duration
            and self.page_transition is None
            and self.pages[self.page].get_page_label() is None
            and type(self).header is FPDF.header
            and type(self).footer is FPDF.footer
            and self.cur_orientation is self.def_orientation
            and (self.w_pt, self.h_pt) == (self.dw_pt, self.dh_pt)
            and self.page_break_trigger == self.h - self.b_margin
            and self.font_stretching == 100
            and self.char_spacing == 0
            and self.dash_pattern == _NO_DASHES
            and self.draw_color == self.DEFAULT_DRAW_COLOR
            and self.fill_color == self.DEFAULT_FILL_COLOR
        )


_NO_DASHES = {"dash": 0, "gap": 0, "phase": 0}  # as fpdf2's `add_page` compares a page's dash pattern


def render_pdf(entries: Iterable[HandoutEntry], title: str, *, safe: bool = False) -> bytes:
    """The handout as the bytes of a PDF file (A4, one column, as many pages as needed).

    A `safe` handout says nothing of when it was made: no creation date in the file's information (the entries
    given are already without names and dates), so the same notes always make the same file.
    """
    pdf = _HandoutPdf(title, dated=not safe)
    with ExitStack() as stack:
        stack.enter_context(garbage_collection_paused())
        add_handout_fonts(pdf, stack)
        pdf.add_page()
        writer = ParagraphWriter(pdf)
        writer.write(title, size=16, bold=True)
        entry_writer = _EntryWriter(writer)
        for entry in entries:
            entry_writer.write(entry)
        writer.number_pages()
        return bytes(pdf.output(output_producer_class=FastPagesCompressedInParallel))


class _EntryWriter:
    """One note after another: a heading with its coloured square, the quote behind its bar, note, citation, details.

    The line under a note, which recurs from note to note (tags, author and date), is put together once.
    """

    def __init__(self, writer: ParagraphWriter) -> None:
        self.writer = writer
        self._page_height = writer.pdf.h
        # For each highlight colour: the colour, the drawing of a square in it but for how far up the page it stands,
        # and the start of its bar's drawing.
        self._markers: dict[str, tuple[DeviceColor, str, str, str]] = {}
        self._details: dict[tuple[tuple[str, ...], str | None, dt.datetime | None], str] = {}
        self._citations: dict[str, str] = {}
        # Each part of an entry in its own style, looked up by its text alone.
        layout = writer.layout
        self._headings = layout.paragraphs(HEADING_SIZE, True, BLACK, False)
        self._quotes = layout.paragraphs(10, False, DARK, True)
        self._notes = layout.paragraphs(10, False, BLACK, False)
        self._small_print = layout.paragraphs(8.5, False, GRAY, False)

    def write(self, entry: HandoutEntry) -> None:
        writer = self.writer
        writer.y += 14
        if writer.y + HEADING_WITH_QUOTE > writer.page_break_trigger:
            writer.new_page()  # the heading is kept with the start of its quote
        color, marker_start, marker_end, bar = self._marker(entry.color)
        page_height, at, drawing, y = self._page_height, writer.coordinates, writer.drawing, writer.y
        put_whole = writer.put_whole
        # The square, in the highlight's colour just left of the heading, in the margin (as the HTML's coloured bar).
        drawing.append(f"{marker_start}{at[page_height - (y + MARKER_DROP)]}{marker_end}")
        # The heading and the parts under it, each with the space above it: (style, text, bar, space).
        parts: list[tuple[StyledParagraphs, str, str, float]] = [
            (self._headings, entry_place(entry), "", 0.0),
            (self._quotes, entry.quote, bar, 4),
        ]
        if entry.note:
            parts.append((self._notes, entry.note, "", 4))
        if entry.citation:
            citation = self._citations.get(entry.citation)
            if citation is None:
                citation = self._citations[entry.citation] = "— " + entry.citation
            parts.append((self._small_print, citation, "", 3))
        details = self._details_of(entry)
        if details:
            parts.append((self._small_print, details, "", 3))
        # The entry's last line never stands alone at the top of a page: a last part of one line is kept with the
        # line before it (in the part before, unless that is the heading), a longer one keeps its last two lines
        # together.
        final = len(parts) - 1
        last_style, last_text, _bar, last_space = parts[final]
        last = last_style[last_text]
        keep = last_space + last.line_height if last.line_count == 1 and final > 1 else 0.0
        trigger, kept = writer.page_break_trigger, final - 1
        for number, (paragraphs, text, bar_opening, space) in enumerate(parts):
            y += space
            paragraph = paragraphs[text]
            end = y + paragraph.height
            if paragraph is SHAPED or end > trigger or (number == kept and end + keep > trigger):
                # Broken across pages, or shaped: as the paragraph writer writes any paragraph.
                writer.y = y
                writer.write_in(
                    paragraphs,
                    text,
                    color if bar_opening else None,
                    keep_with_next=keep if number == kept else 0.0,
                    no_lone_last_line=number == final,
                )
                y = writer.y
                continue
            put_whole(paragraph, bar_opening, y)  # whole on this page (most paragraphs)
            y = end
        writer.y = y

    def _marker(self, color_name: str) -> tuple[DeviceColor, str, str, str]:
        """The colour, the drawing of a square in it but for how far up the page it stands, its bar's start."""
        marker = self._markers.get(color_name)
        if marker is None:
            color = self.writer.layout.color(COLOR_HEX[color_name])
            x = MARGIN - MARKER_SIDE - 6
            marker = self._markers[color_name] = (
                color,
                f"q {color.serialize().lower()} {x:.2f} ",
                f" {MARKER_SIDE:.2f} {-MARKER_SIDE:.2f} re f Q",
                self.writer.bar_opening(color),
            )
        return marker

    def _details_of(self, entry: HandoutEntry) -> str:
        """“Tags: …” and who wrote the note and when, as one line."""
        key = (entry.tags, entry.author, entry.created)
        details = self._details.get(key)
        if details is None:
            parts = []
            if entry.tags:
                parts.append("Tags: " + ", ".join(entry.tags))
            byline = entry_byline(entry)
            if byline:
                parts.append(byline)
            details = self._details[key] = " · ".join(parts)
        return details
