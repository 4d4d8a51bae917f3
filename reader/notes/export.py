"""`export_notes`: writing notes to a file in any export format (handouts or W3C Web Annotation JSON)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from pathlib import Path

from reader.atomic_file import write_atomically
from reader.content import Report
from reader.errors import ReaderError
from reader.notes.anchoring import ReportText
from reader.notes.handout import handout_entries, handout_title, render_html, render_markdown
from reader.notes.note import Note


class ExportFormat(enum.StrEnum):
    """The formats notes can be exported to."""

    MARKDOWN = "md"
    JSON = "json"
    HTML = "html"
    PDF = "pdf"


def export_notes(
    path: Path, export_format: ExportFormat | str, notes: Iterable[Note], report: Report, *, safe: bool = False
) -> Path:
    """Write notes to `path` as a Markdown, HTML or PDF handout, or W3C Web Annotation JSON (atomically)."""
    try:
        chosen = ExportFormat(export_format)
    except ValueError as exc:
        names = ", ".join(choice.value for choice in ExportFormat)
        raise ReaderError(f"Cannot export to “{export_format}”: use one of {names}.") from exc
    text = ReportText(report)
    notes = tuple(notes)
    if chosen is ExportFormat.JSON:
        from reader.notes.w3c_export import export_w3c

        return export_w3c(Path(path), notes, text, safe=safe)
    entries = handout_entries(notes, text, safe=safe)
    title = handout_title(report)
    if chosen is ExportFormat.MARKDOWN:
        data = render_markdown(entries, title).encode("utf-8")
    elif chosen is ExportFormat.HTML:
        data = render_html(entries, title).encode("utf-8")
    else:
        from reader.notes.handout_pdf import render_pdf

        data = render_pdf(entries, title)
    return write_atomically(Path(path), data)
