"""The page as printed: chosen sections with the reader's highlights drawn in, and their notes as end notes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument

from reader.content import Report, Section
from reader.notes.anchoring import Span
from reader.notes.note import MY_LAYER, Color, Style
from reader.render import RenderOptions, render_section
from reader.ui.annotator import Annotator
from reader.ui.html_escape import escape
from reader.ui.page_positions import page_positions

MARKER_COLOR = QColor("#1a1a1a")


@dataclass(frozen=True, slots=True)
class PrintMark:
    """One highlight as printed: where it is, how it looks, and its note (empty for a bare highlight)."""

    spans: tuple[Span, ...]
    color: Color
    style: Style
    imported: bool
    note: str
    quote: str


def marks_from(annotator: Annotator) -> tuple[PrintMark, ...]:
    """The visible highlights of an `Annotator`, in reading order; orphaned ones (nowhere to draw) left out."""
    annotator.finish_work()  # every note, also while they are still being read a slice at a time
    marks = []
    for note in annotator.in_reading_order(annotator.notes(visible_only=True)):
        placement = annotator.placement(note.id)
        if placement is None or not placement.spans:
            continue
        marks.append(PrintMark(placement.spans, note.color, note.style, note.layer != MY_LAYER, note.text, note.quote))
    return tuple(marks)


def section_and_subsections(report: Report, section_id: str) -> tuple[Section, ...]:
    """A section followed by every section under it, in reading order."""
    inside = {section_id}
    found = []
    for section in report.sections:
        if section.id in inside or section.parent in inside:
            inside.add(section.id)
            found.append(section)
    return tuple(found)


def print_format(color: Color, style: Style, imported: bool) -> QTextCharFormat:
    """The on-screen look of a highlight (`note_highlighter.highlight_format`) with its shade laid on white paper.

    Printers and PDF viewers differ in how they blend see-through colours, so the blend is done here.
    """
    from reader.ui.note_highlighter import highlight_format

    text_format = highlight_format(color, style, imported)
    shade = text_format.background().color()
    alpha = shade.alphaF()
    paper = QColor(
        round(255 - (255 - shade.red()) * alpha),
        round(255 - (255 - shade.green()) * alpha),
        round(255 - (255 - shade.blue()) * alpha),
    )
    text_format.setBackground(paper)
    return text_format


def printable_document(
    report: Report,
    sections: Sequence[Section],
    *,
    reference_mode: bool,
    marks: Iterable[PrintMark] = (),
    with_notes: bool = False,
) -> QTextDocument:
    """The sections as one printable document, the highlights drawn in, then (optionally) numbered end notes.

    A note's number is set after its passage, and its end note gives the section and ¶ number, the quote and the
    note. Paper is white whatever the screen's theme, so the light theme is used. The last line cites the report.
    """
    from reader.ui import themes

    printed = {paragraph.id for section in sections for paragraph in section.paragraphs}
    marks = [mark for mark in marks if any(span.paragraph_id in printed for span in mark.spans)]
    numbered = [mark for mark in marks if with_notes and mark.note.strip()]
    options = RenderOptions(reference_mode=reference_mode)
    body = "\n".join(render_section(section, options) for section in sections)
    manifest = report.manifest
    footer = (
        f'<p class="attribution"><br/>{escape(manifest.title)}. {escape(manifest.publisher)}, '
        f"edition of {escape(str(manifest.edition_date))}.</p>"
    )
    document = QTextDocument()
    document.setDefaultStyleSheet(themes.document_css(themes.THEMES["light"]))
    document.setHtml(f"<html><body>{body}{_end_notes_html(report, numbered, printed)}{footer}</body></html>")
    title = sections[0].title if len(sections) == 1 else manifest.title
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)

    positions = page_positions(document, sections)
    for mark in marks:
        text_format = print_format(mark.color, mark.style, mark.imported)
        for start, end in _ranges(mark, positions):
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(text_format)
    # Numbers go in last, from the end backwards, so that each insertion leaves the positions before it unchanged.
    ends = [(_ranges(mark, positions)[-1][1], number) for number, mark in enumerate(numbered, start=1)]
    marker = QTextCharFormat()
    marker.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    marker.setForeground(MARKER_COLOR)
    marker.setFontWeight(700)
    for end, number in sorted(ends, reverse=True):
        cursor = QTextCursor(document)
        cursor.setPosition(end)
        cursor.insertText(f"[{number}]", marker)
    return document


def _ranges(mark: PrintMark, positions: dict[str, int]) -> list[tuple[int, int]]:
    return [
        (positions[span.paragraph_id] + span.start, positions[span.paragraph_id] + span.end)
        for span in mark.spans
        if span.paragraph_id in positions
    ]


def _end_notes_html(report: Report, numbered: Sequence[PrintMark], printed: set[str]) -> str:
    if not numbered:
        return ""
    items = []
    for number, mark in enumerate(numbered, start=1):
        first = next(span for span in mark.spans if span.paragraph_id in printed)
        paragraph = report.paragraph(first.paragraph_id)
        place = report.section(paragraph.section_id).title
        if paragraph.number is not None:
            place += f", ¶{paragraph.number}"
        note = "<br/>".join(escape(line) for line in mark.note.strip().splitlines())
        quote = " ".join(mark.quote.split())
        items.append(f"<p><b>[{number}]</b> {escape(place)} — <i>“{escape(quote)}”</i><br/>{note}</p>")
    return "<h2>Notes</h2>" + "".join(items)
