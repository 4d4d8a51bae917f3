"""Notes as a handout: the entries (quote, section, note, tags) and their Markdown and HTML."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from reader.content import Report
from reader.notes.anchoring import ReportText, place_notes, reading_order
from reader.notes.note import COLOR_HEX, Color, Note, Style

# Markdown escaping that holds in CommonMark and in Python-Markdown alike. Characters that can start inline markup
# anywhere are escaped everywhere: with a backslash where both accept one, as an entity where one of them does not
# (entities never make structure in either).
_INLINE_SPECIAL = re.compile(r"[\\`*_{}\[\]#]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", "|": "&#124;", "~": "&#126;"}
_ENTITY_SPECIAL = re.compile("[&<|~]")
# What makes a line a list item, a quote, a rule, a setext underline or an admonition only at its start.
_LINE_START = re.compile(r"(?P<number>\d{1,9}[.)])|(?P<mark>[-+>!:])|(?P<equals>=)")
_LEADING_SPACE = re.compile(r"^[ \t]+")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


class HandoutEntry(NamedTuple):
    """One note as a handout shows it; `author` and `created` are None in a safe export.

    A named tuple rather than a frozen dataclass: an export makes one for every note, in a fifth of the time."""

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
    citation: str = ""  # the passage's full reference (report, section, ¶, publisher, edition); empty if orphaned


def handout_entries(
    notes: Iterable[Note], report: Report | ReportText, *, safe: bool = False
) -> tuple[HandoutEntry, ...]:
    """The notes in reading order (orphaned ones last), ready to print; `safe` leaves out authors and times."""
    text = report if isinstance(report, ReportText) else ReportText(report)
    notes = tuple(notes)
    placements = place_notes(text, notes)
    # Looked up once per section and paragraph, not once per note (the report finds them by walking its sections).
    sections = text.report.sections[::-1]  # reversed, so that the first of two with one id is the one kept
    titles = {section.id: section.title for section in sections}
    numbers = {paragraph.id: paragraph.number for section in sections for paragraph in section.paragraphs[::-1]}
    # Where a placed note's passage is (its section, heading, paragraph number and citation), once per paragraph.
    places: dict[tuple[str, str], tuple[str, str, int | None, str]] = {}
    entries = []
    append = entries.append
    make_entry = HandoutEntry._make  # its fields as one tuple: a third less time than by its constructor
    for note in reading_order(text, notes, placements):
        anchor = placements[note.id].anchor
        if anchor is None:
            place = ("", "", None, "")
        else:
            key = (anchor.section_id, anchor.paragraph_id)
            place = places.get(key)
            if place is None:
                title = titles.get(anchor.section_id, "")
                number = numbers[anchor.paragraph_id]  # a placed note's paragraph is always in the report
                place = places[key] = (anchor.section_id, title, number, citation_line(text.report, title, number))
        section_id, title, number, citation = place
        # In the order HandoutEntry declares its fields.
        append(
            make_entry(
                (
                    section_id,
                    title,
                    number,
                    note.quote,
                    note.text,
                    note.tags,
                    note.color,
                    note.style,
                    note.layer,
                    None if safe else note.author,
                    None if safe else note.created,
                    anchor is None,
                    citation,
                ),
            )
        )
    return tuple(entries)


def citation_line(report: Report, section_title: str, paragraph_number: int | None) -> str:
    """Where a passage is, citably: “Title, section “…”, ¶n. Publisher, edition of date.” (as Copy with Citation)."""
    manifest = report.manifest
    where = f"section “{section_title}”"
    if paragraph_number is not None:
        where += f", ¶{paragraph_number}"
    return f"{manifest.title}, {where}. {manifest.publisher}, edition of {manifest.edition_date}."


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


def _bylines() -> Callable[[HandoutEntry], str]:
    """`entry_byline`, remembering each author and time it has written (notes made together share them)."""
    written: dict[tuple[str | None, dt.datetime | None], str] = {}

    def byline_of(entry: HandoutEntry) -> str:
        key = (entry.author, entry.created)
        if key not in written:
            written[key] = entry_byline(entry)
        return written[key]

    return byline_of


def render_markdown(entries: Iterable[HandoutEntry], title: str) -> str:
    """A Markdown handout; everything taken from notes is escaped so that it stays text (no headings, rules, code
    blocks, links or HTML), and a note's line breaks are kept as hard breaks."""
    escaped: dict[str, str] = {}  # places, citations, tags and bylines repeat from note to note

    def line_of(text: str) -> str:
        if text not in escaped:
            escaped[text] = _markdown_line(text)
        return escaped[text]

    byline_of = _bylines()
    lines = [f"# {_markdown_line(title)}", ""]
    for entry in entries:
        lines.append(f"## {line_of(entry_place(entry))}")
        lines.append("")
        lines.extend(f"> {line}" if line else ">" for line in _markdown_lines(entry.quote))
        lines.append("")
        if entry.note:
            note_lines = _markdown_lines(entry.note)
            # Two spaces end a line with a hard break, when another line of the same paragraph follows.
            lines.extend(
                line + "  " if line and following else line
                for line, following in zip(note_lines, [*note_lines[1:], ""], strict=True)
            )
            lines.append("")
        if entry.citation:
            lines.append(f"— {line_of(entry.citation)}")
            lines.append("")
        details = []
        if entry.tags:
            details.append("Tags: " + ", ".join(line_of(tag) for tag in entry.tags))
        byline = byline_of(entry)
        if byline:
            details.append(line_of(byline))
        if details:
            lines.append("*" + " · ".join(details) + "*")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _markdown_lines(text: str) -> list[str]:
    """Each line of `text`, escaped to show as typed (blank lines stay blank)."""
    return [_escape_markdown_line(_CONTROL.sub("", line)) for line in text.splitlines()]


def _markdown_line(text: str) -> str:
    """`text` escaped to show as typed, its line breaks made spaces (for headings, tags and bylines)."""
    return _escape_markdown_line(" ".join(_CONTROL.sub(" ", text).split()))


def _escape_markdown_line(line: str) -> str:
    if not line.strip():
        return ""
    # Indentation would make a code block: keep it visible as no-break spaces, which Markdown does not count.
    indent = _LEADING_SPACE.match(line)
    body = line[indent.end() :] if indent else line
    indent_text = "&nbsp;" * len(indent[0].expandtabs(4)) if indent else ""
    body = _INLINE_SPECIAL.sub(r"\\\g<0>", body)
    body = _ENTITY_SPECIAL.sub(lambda match: _ENTITIES[match[0]], body)  # after: an entity's "#" stays bare
    start = _LINE_START.match(body)
    if start is not None:
        if start["number"]:
            body = f"{start['number'][:-1]}\\{start['number'][-1]}{body[start.end() :]}"
        elif start["mark"] and start["mark"] != ":":
            body = "\\" + body
        else:  # "=" and ":" have no backslash escape in Python-Markdown
            body = f"&#{ord(body[0])};{body[1:]}"
    return indent_text + body


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
        ".note{white-space:pre-wrap}.details,.citation{color:#555;font-size:0.9em}",
        "</style>",
        "</head>",
        "<body>",
        f"<h1>{escaped_title}</h1>",
    ]
    byline_of = _bylines()
    for entry in entries:
        color = COLOR_HEX[entry.color]
        parts.append('<section class="entry">')
        parts.append(f"<h2>{html.escape(entry_place(entry))}</h2>")
        parts.append(f'<blockquote style="border-color:{color}">{html.escape(entry.quote)}</blockquote>')
        if entry.note:
            parts.append(f'<p class="note">{html.escape(entry.note)}</p>')
        if entry.citation:
            parts.append(f'<p class="citation">— {html.escape(entry.citation)}</p>')
        details = []
        if entry.tags:
            details.append("Tags: " + ", ".join(html.escape(tag) for tag in entry.tags))
        byline = byline_of(entry)
        if byline:
            details.append(html.escape(byline))
        if details:
            parts.append(f'<p class="details">{" · ".join(details)}</p>')
        parts.append("</section>")
    parts.extend(["</body>", "</html>"])
    return "\n".join(parts) + "\n"
