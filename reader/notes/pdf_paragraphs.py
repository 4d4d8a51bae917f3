"""`ParagraphWriter`: paragraphs of plain text down the handout's pages, a page's drawing handed to fpdf2 at once."""

from __future__ import annotations

# isort: off
import reader.notes.lean_fpdf  # noqa: F401  (first: fpdf2 without http, urllib, asyncio and Pillow)

# isort: on
from fpdf import FPDF
from fpdf.enums import PDFResourceType

from reader.notes.pdf_layout import BLACK, FOOTER_BASELINE, FOOTER_SIZE, GRAY, MARGIN, QUOTE_BAR
from reader.notes.pdf_paragraph_layout import (
    FONT_FAMILY,
    ONE_RUN,
    SHAPED,
    Paragraph,
    ParagraphLayout,
    StyledParagraphs,
    is_right_to_left,
)
from reader.notes.pdf_shaped_text import write_with_multi_cell
from reader.notes.pdf_text_style import DeviceColor


class Coordinates(dict[float, str]):
    """Places on the page as a content stream writes them, to a hundredth of a point, each worked out once: a
    handout of 10,000 notes writes some 50,000 of them, of under 3,000 different places down a page."""

    def __missing__(self, value: float) -> str:
        text = self[value] = f"{value:.2f}"
        return text


class ParagraphWriter:
    """Paragraphs of plain text (never markup) down the page; each line aligned to the side its script starts from.

    Each paragraph is laid out once (`ParagraphLayout`) and placed by where its first line starts; a page's drawing
    is gathered and handed to fpdf2 at once. Text that needs shaping still goes through `multi_cell`.

    The drawing goes in through fpdf2's `_out` and each page's fonts into its resource catalogue, as `text()` does
    (unless all pages share one resource dictionary, which holds every font); the tests read every line back, so an
    fpdf2 that changes these fails them. A caller that places paragraphs itself (as the handout's entries do) hands
    each that fits whole on the page to `put_whole`.
    """

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self.y = pdf.y  # where the next paragraph starts down the page; a caller may move it down
        self.layout = ParagraphLayout(pdf)
        pdf.font_family = ""  # nothing for add_page to set on each new page: every text object sets its own font
        self._bar_openings: dict[DeviceColor, str] = {}
        # For the current page, not yet handed to fpdf2 (see `draw`): always this one list.
        self.drawing: list[str] = []
        # Every page of the handout is A4 with the same margins.
        self._page_height = pdf.h
        self.coordinates = Coordinates()
        self.page_break_trigger = pdf.page_break_trigger  # how far down a page a line may end

    def new_page(self) -> None:
        """On to a new page (what is drawn so far handed to fpdf2)."""
        self.flush()
        self.pdf.add_page()
        self.y = self.pdf.y

    def draw(self, operators: str) -> None:
        """PDF drawing operators for the current page, which keep the graphics state they found (inside q … Q)."""
        self.drawing.append(operators)

    def flush(self) -> None:
        """Hand the current page's drawing to fpdf2, and register the handout's fonts as used on the page (unless
        every page shares one resource dictionary, which fpdf2 fills with every font of the document)."""
        if self.drawing:
            pdf = self.pdf
            if not pdf.single_resources_object:
                for font_number in self.layout.font_numbers:
                    pdf._resource_catalog.add(PDFResourceType.FONT, font_number, pdf.page)
            pdf._out("\n".join(self.drawing))
            self.drawing.clear()

    def write(
        self, text: str, *, size: float, bold: bool = False, color: str = BLACK, bar: DeviceColor | None = None
    ) -> None:
        """`text` across the page; with a `bar` colour, as a quote behind a bar on the side its lines start from."""
        self.write_in(self.layout.paragraphs(size, bold, color, bar is not None), text, bar)

    def write_in(
        self,
        paragraphs: StyledParagraphs,
        text: str,
        bar: DeviceColor | None = None,
        *,
        keep_with_next: float = 0.0,
        no_lone_last_line: bool = False,
    ) -> None:
        """As `write`, in the style of `paragraphs` (a quote's with a `bar`; looked up once by the caller).

        Its last line goes over to a new page rather than stay without the `keep_with_next` points that follow it
        (a line that must not stand alone at the top of the next page); with `no_lone_last_line`, a paragraph broken
        across pages takes its line before the last over too rather than leave the last alone at a page's top.
        """
        paragraph = paragraphs[text]
        if paragraph is SHAPED:
            self._write_shaped(text, paragraphs.size, paragraphs.bold, paragraphs.color, bar)
            return
        y = self.y
        end = y + paragraph.height
        if end + keep_with_next > self.page_break_trigger:
            forced = self._kept_break(paragraph, keep_with_next, no_lone_last_line)
            if forced is not None or end > self.page_break_trigger:
                self._write_across_pages(paragraph, bar, forced)
                return
        self.put_whole(paragraph, "" if bar is None else self.bar_opening(bar), y)
        self.y = end

    def put_whole(self, paragraph: Paragraph, bar_opening: str, y: float) -> None:
        """A laid-out paragraph that fits whole on this page, its top `y` down the page, with a bar beside it when
        `bar_opening` (`bar_opening`'s) is given: what `write_in` draws for it. A caller that places paragraphs
        itself (as the handout's entries do) checks that it fits and moves `y` down past it."""
        if bar_opening:
            self.drawing.append(self.bars(paragraph, bar_opening, y))
        if paragraph.opening:
            baseline = self._page_height - (y + paragraph.first_line_offset)
            self.drawing.append(f"{paragraph.opening}{self.coordinates[baseline]}{paragraph.rest}")

    def number_pages(self) -> None:
        """“Page N of M” at the foot of every page, centred, once the last page is known."""
        self.flush()
        pdf = self.pdf
        last = pdf.page
        style = self.layout.style(FOOTER_SIZE, False, GRAY)
        text_width = pdf.epw
        opening, at_baseline = f"{style.opening} 1 0 0 1 ", f" {FOOTER_BASELINE:.2f} Tm ("
        shared_resources = pdf.single_resources_object
        # "Page N of M": only N changes from page to page, so only its width and encoding are looked up for each
        # (the words encoded in the order the first page's label has them, so each character gets the same code).
        widths, encoded = style.widths, style.encoded
        fixed_width = widths["Page"] + widths["of"] + widths[str(last)] + 3 * widths.space
        before = encoded["Page"] + encoded.space
        encoded["1"]  # the first page's number, before the words after it
        after = f"{encoded.space}{encoded['of']}{encoded.space}{encoded[str(last)]}"
        for number in range(1, last + 1):
            page_number = str(number)
            pdf.page = number  # fpdf2 writes onto whichever page this names
            x = MARGIN + (text_width - (fixed_width + widths[page_number]) * FOOTER_SIZE * 0.001) / 2
            if not shared_resources:
                pdf._resource_catalog.add(PDFResourceType.FONT, style.font_number, number)
            pdf._out(f"{opening}{x:.2f}{at_baseline}{before}{encoded[page_number]}{after}) Tj ET Q")
        pdf.page = last

    def bars(self, paragraph: Paragraph, opening: str, y: float) -> str:
        """The bar beside each line of a quote as typed, down past its lines (as multi_cell draws its border), for
        the paragraph starting `y` down the page; `opening` is the bar's colour's (`bar_opening`)."""
        page_height, x, height = self._page_height, paragraph.bar_x, paragraph.line_height
        if paragraph.runs is ONE_RUN:
            at = self.coordinates
            return f"{opening} {x} {at[page_height - (y + height)]} m {x} {at[page_height - y]} l S Q"
        strokes = [opening]
        for first, count in paragraph.runs:
            top = y + first * height
            strokes.append(f"{x} {page_height - (top + count * height):.2f} m {x} {page_height - top:.2f} l S")
        strokes.append("Q")
        return " ".join(strokes)

    def bar_opening(self, bar: DeviceColor) -> str:
        """Starts a bar's drawing: its colour and width, inside q … Q."""
        opening = self._bar_openings.get(bar)
        if opening is None:
            opening = self._bar_openings[bar] = f"q {bar.serialize().upper()} {QUOTE_BAR:.2f} w"
        return opening

    def _kept_break(self, paragraph: Paragraph, keep_with_next: float, no_lone_last_line: bool) -> int | None:
        """The line a new page must start at to keep the paragraph's last line company (see `write_in`), or None
        when the page breaks where the lines fall leave it with the line before it or what follows."""
        height, trigger, top = paragraph.line_height, self.page_break_trigger, self.pdf.t_margin
        starts: list[float] = []  # where each line starts down its page, as `_write_across_pages` places them
        y = self.y
        for _line in range(paragraph.line_count):
            if y + height > trigger:
                y = top
            starts.append(y)
            y += height
        last = paragraph.line_count - 1
        if last < 0:
            return None
        if y + keep_with_next > trigger and starts[last] > top:
            return last  # what follows goes to the next page: the last line goes with it
        if no_lone_last_line and last >= 1 and starts[last] == top and starts[last - 1] > top:
            return last - 1
        return None

    def _write_across_pages(self, paragraph: Paragraph, bar: DeviceColor | None, forced: int | None = None) -> None:
        """A paragraph that does not fit on this page, line by line, its bar drawn again on each new page; a new
        page starts at line `forced` too, wherever it falls."""
        pdf, style, height = self.pdf, paragraph.style, paragraph.line_height
        assert style is not None
        baseline = 0.5 * height + 0.3 * style.size  # below the top of the line, as multi_cell sets it
        printed = {index: (x, encoded) for index, x, encoded in paragraph.printed}
        shown: list[str] = []

        def show() -> None:
            if shown:
                self.draw(f"{style.opening} {' '.join(shown)} ET Q")
                shown.clear()

        y = self.y
        for first, count in paragraph.runs:
            for index in range(count):
                line_number = first + index
                new_page = y + height > self.page_break_trigger or line_number == forced
                if new_page:
                    show()
                    self.new_page()
                    y = self.y
                if bar is not None and (index == 0 or new_page):
                    fitting = int((pdf.h - y - pdf.b_margin) // height)
                    if forced is not None and forced > line_number:
                        fitting = min(fitting, forced - line_number)  # the bar stops where the page is broken
                    bottom = y + max(height - index * height, min(fitting, count - index) * height)
                    x = paragraph.bar_x
                    self.draw(f"{self.bar_opening(bar)} {x} {pdf.h - bottom:.2f} m {x} {pdf.h - y:.2f} l S Q")
                line = printed.get(line_number)
                if line is not None:
                    shown.append(f"1 0 0 1 {line[0]:.2f} {pdf.h - (y + baseline):.2f} Tm ({line[1]}) Tj")
                y += height
        show()
        self.y = y

    def _write_shaped(self, text: str, size: float, bold: bool, color: str, bar: DeviceColor | None) -> None:
        """Text that needs shaping, through fpdf2's own line breaking (slow, but such notes are few)."""
        self.flush()
        pdf = self.pdf
        pdf.x, pdf.y = MARGIN, self.y
        if bar is not None:
            pdf.set_draw_color(bar)
            pdf.set_line_width(QUOTE_BAR)
        pdf.set_font(FONT_FAMILY, "B" if bold else "", size)
        pdf.set_text_color(self.layout.color(color))
        quote = bar is not None
        write_with_multi_cell(pdf, text, bar=quote, right_to_left=quote and is_right_to_left(text))
        pdf.font_family = ""
        self.flush()
        self.y = pdf.y
