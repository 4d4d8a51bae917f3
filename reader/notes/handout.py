"""Notes as a handout: the entries (quote, section, note, tags) and their Markdown and HTML."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.content import Report
from reader.notes.anchoring import ReportText, place_notes, reading_order
from reader.notes.note import COLOR_HEX, Color, Note, Style

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


@dataclass(frozen=True, slots=True)
class HandoutEntry:
    """One note as a handout shows it; `author` and `created` are None in a safe export."""

    section_id: str
    section_title: str
    paragraph_number: int | None
    quote: str
    note: str
    tags: tuple[str, ...]
    color: Color
    style: Style
    layer: str
    author: str | None
    created: dt.datetime | None
    orphaned: bool


def handout_entries(
    notes: Iterable[Note], report: Report | ReportText, *, safe: bool = False
) -> tuple[HandoutEntry, ...]:
    """The notes in reading order (orphaned ones last), ready to print; `safe` leaves out authors and times."""
    text = report if isinstance(report, ReportText) else ReportText(report)
    notes = tuple(notes)
    placements = place_notes(text, notes)
    entries = []
    for note in reading_order(text, notes, placements):
        anchor = placements[note.id].anchor
        section_id = anchor.section_id if anchor is not None else note.section_id
        title = text.report.section(section_id).title if text.report.has_section(section_id) else ""
        number = None
        if anchor is not None:
            number = text.report.paragraph(anchor.paragraph_id).number
        entries.append(
            HandoutEntry(
                section_id=section_id if anchor is not None else "",
                section_title=title if anchor is not None else "",
                paragraph_number=number,
                quote=note.quote,
                note=note.text,
                tags=note.tags,
                color=note.color,
                style=note.style,
                layer=note.layer,
                author=None if safe else note.author,
                created=None if safe else note.created,
                orphaned=anchor is None,
            )
        )
    return tuple(entries)


def handout_title(report: Report) -> str:
    return f"Notes on “{report.manifest.title}”"


def entry_place(entry: HandoutEntry) -> str:
    """Where the passage is, as a handout heading says it."""
    if entry.orphaned:
        return "Passage not found in this edition"
    if entry.paragraph_number is not None:
        return f"{entry.section_title}, ¶{entry.paragraph_number}"
    return entry.section_title


def entry_byline(entry: HandoutEntry) -> str:
    """Who wrote the note and when (empty in a safe export)."""
    parts = []
    if entry.author:
        parts.append(entry.author)
    if entry.created is not None:
        parts.append(entry.created.astimezone(dt.UTC).strftime("%Y-%m-%d"))
    return ", ".join(parts)


def render_markdown(entries: Iterable[HandoutEntry], title: str) -> str:
    """A Markdown handout; note text is escaped so that nothing in it becomes markup."""
    lines = [f"# {_escape_markdown(title)}", ""]
    for entry in entries:
        lines.append(f"## {_escape_markdown(entry_place(entry))}")
        lines.append("")
        lines.extend(f"> {_escape_markdown(line)}" if line else ">" for line in entry.quote.split("\n"))
        lines.append("")
        if entry.note:
            lines.extend(_escape_markdown(line) + ("  " if line else "") for line in entry.note.split("\n"))
            lines.append("")
        details = []
        if entry.tags:
            details.append("Tags: " + ", ".join(_escape_markdown(tag) for tag in entry.tags))
        byline = entry_byline(entry)
        if byline:
            details.append(_escape_markdown(byline))
        if details:
            lines.append("*" + " · ".join(details) + "*")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _escape_markdown(text: str) -> str:
    text = text.replace("&", "&amp;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def render_html(entries: Iterable[HandoutEntry], title: str) -> str:
    """A standalone HTML handout; every piece of note text is escaped, so a note can never inject markup."""
    escaped_title = html.escape(title)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escaped_title}</title>",
        "<style>",
        "body{font-family:sans-serif;max-width:42em;margin:2em auto;padding:0 1em;line-height:1.5}",
        "blockquote{margin:0.5em 0;padding:0.2em 0.8em;border-left:0.4em solid;font-style:italic}",
        ".note{white-space:pre-wrap}.details{color:#555;font-size:0.9em}",
        "</style>",
        "</head>",
        "<body>",
        f"<h1>{escaped_title}</h1>",
    ]
    for entry in entries:
        color = COLOR_HEX[entry.color]
        parts.append('<section class="entry">')
        parts.append(f"<h2>{html.escape(entry_place(entry))}</h2>")
        parts.append(f'<blockquote style="border-color:{color}">{html.escape(entry.quote)}</blockquote>')
        if entry.note:
            parts.append(f'<p class="note">{html.escape(entry.note)}</p>')
        details = []
        if entry.tags:
            details.append("Tags: " + ", ".join(html.escape(tag) for tag in entry.tags))
        byline = entry_byline(entry)
        if byline:
            details.append(html.escape(byline))
        if details:
            parts.append(f'<p class="details">{" · ".join(details)}</p>')
        parts.append("</section>")
    parts.extend(["</body>", "</html>"])
    return "\n".join(parts) + "\n"
