"""Turning sections into the HTML the document view shows."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.content import BlockKind, Paragraph, Report, Section

if TYPE_CHECKING:  # the glossary is only needed when a page is rendered, never at start-up
    from reader.glossary import Glossary
    from reader.prefs import ReadingSettings


def _escape(text: str, quote: bool = False) -> str:
    import html  # only when a page is rendered: the html module's entity table costs start-up time

    return html.escape(text, quote=quote)


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


RENDER_VERSION = "5"  # bump when the HTML changes shape, so cached pages are rebuilt (5: only safe links)

# Patterns, not compiled ones: `re` compiles each on first use and keeps it, so importing this module for
# `RenderOptions` (every start does) compiles nothing.
_LINK = r"(?s)<a\b([^>]*)>(.*?)</a>"
_ATTRIBUTE = r'(\w+)="([^"]*)"'
# The only addresses a link in the content may have: a place in the report, a glossary entry, a web page, an e-mail
# address. Anything else (javascript:, file:, data:, a relative path, a scheme hidden by entities or blanks) is shown
# as text.
_SAFE_ADDRESS = r"(?ai)#[^\s\x00-\x1f\x7f]*|term:[\w-]+|(?:https?|mailto):[^\s\x00-\x1f\x7f]+"


def safe_address(address: str) -> bool:
    """Whether a link to `address` may stay a link: an `#anchor`, a `term:` glossary entry (both handled inside the
    app), an http(s) page or a mailto address (opened only once the reader confirms)."""
    return re.fullmatch(_SAFE_ADDRESS, address) is not None


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to render: `reference_mode` shows a ¶ number before each citable paragraph."""

    reference_mode: bool = False

    @property
    def key(self) -> str:
        return f"v{RENDER_VERSION}-ref{int(self.reference_mode)}"


# The bundled reading fonts (files in reader/fonts/, registered by the window when first chosen), each followed by
# the generic family Qt falls back to for a script the font lacks.
READING_FONT_FAMILIES = {"serif": "'DejaVu Serif', serif", "sans": "'DejaVu Sans', sans-serif"}


def reading_css(settings: ReadingSettings) -> str:
    """The reader's font and line spacing as style rules added after the theme's (they win, coming later).

    Reading settings only ever change this style sheet, never the page's HTML: every setting shares one cached
    page (so they are not part of `RenderOptions.key`), and the default settings add nothing at all.
    """
    rules = []
    family = READING_FONT_FAMILIES.get(settings.font)
    if family:
        rules.append(f"body {{ font-family: {family}; }}")
    from reader.prefs import DEFAULT_LINE_SPACING

    if settings.line_spacing != DEFAULT_LINE_SPACING:
        rules.append(f"p, li {{ line-height: {round(settings.line_spacing * 100)}%; }}")
    return "\n".join(rules) + "\n" if rules else ""


class _TermMarker:
    """Marks glossary terms in a paragraph's inline HTML as `<a href="term:ID" class="term">` links.

    The inner `<span class="term">` carries the dotted underline: Qt's rich text ignores an underline style set on
    a link itself.

    Only text between tags is touched, never tags or the text of existing links, so the plain text is unchanged.
    """

    _PIECES = r"(<[^>]*>)"
    _OPEN_SKIP = r"(?i)<(a|code)[\s>]"
    _CLOSE_SKIP = r"(?i)</(a|code)\s*>"

    def __init__(self, glossary: Glossary) -> None:
        self._glossary = glossary

    def __call__(self, inline_html: str) -> str:
        pieces = re.split(self._PIECES, inline_html)
        skipping = 0
        for index, piece in enumerate(pieces):
            if index % 2:  # a tag
                skipping += 1 if re.match(self._OPEN_SKIP, piece) else -1 if re.match(self._CLOSE_SKIP, piece) else 0
            elif piece and not skipping:
                pieces[index] = self._mark(piece)
        return "".join(pieces)

    def _mark(self, escaped: str) -> str:
        plain = _unescape(escaped)
        matches = self._glossary.find_terms(plain)
        if not matches:
            return escaped
        parts, position = [], 0
        for match in matches:
            parts.append(_escape(plain[position : match.start], quote=False))
            term_text = _escape(match.text, quote=False)
            parts.append(f'<a href="term:{match.term_id}" class="term"><span class="term">{term_text}</span></a>')
            position = match.end
        parts.append(_escape(plain[position:], quote=False))
        return "".join(parts)


def render_section(
    section: Section, options: RenderOptions = RenderOptions(), *, glossary: Glossary | None = None
) -> str:
    """One section as HTML: its heading, then its paragraphs, each starting at an anchor named by its id.

    With a glossary, every term in the paragraphs links to `term:<id>` (class "term").
    """
    marker = _TermMarker(glossary) if glossary is not None else None
    level = min(section.level, 6)
    parts = [f'<h{level}><a name="{section.id}"></a>{_escape(section.title, quote=False)}</h{level}>']
    for group in _groups(section.paragraphs):
        parts.append(_render_group(group, options, marker))
    return "\n".join(parts)


def render_report(report: Report, options: RenderOptions = RenderOptions(), glossary: Glossary | None = None) -> str:
    """The whole report as one HTML body, sections in reading order, glossary terms marked when given one."""
    body = "\n".join(render_section(section, options, glossary=glossary) for section in report.sections)
    return f"<html><body>\n{body}\n</body></html>"


def _groups(paragraphs: Iterable[Paragraph]) -> list[list[Paragraph]]:
    groups: list[list[Paragraph]] = []
    for paragraph in paragraphs:
        if groups and groups[-1][0].group == paragraph.group:
            groups[-1].append(paragraph)
        else:
            groups.append([paragraph])
    return groups


def _number(paragraph: Paragraph, options: RenderOptions) -> str:
    if not options.reference_mode or paragraph.number is None:
        return ""
    return f'<span class="pnum">¶{paragraph.number}</span>&#160;'


def _inline_html(paragraph: Paragraph) -> str:
    if paragraph.html or not paragraph.markdown:
        return _safe_links(paragraph.html)
    from reader.markdown_tree import render_inline  # only for a paragraph built by hand, not loaded

    return _safe_links(render_inline(paragraph.markdown)[0])


def _safe_links(inline_html: str) -> str:
    """The paragraph's HTML with each link kept only if its address is safe, else its text alone; a kept link
    carries just its address and title."""

    def checked(match: re.Match[str]) -> str:
        attributes = {name: _unescape(value) for name, value in re.findall(_ATTRIBUTE, match[1])}
        address = attributes.get("href", "")
        if not safe_address(address):
            return match[2]
        title = attributes.get("title")
        titled = f' title="{_escape(title, quote=True)}"' if title else ""
        return f'<a href="{_escape(address, quote=True)}"{titled}>{match[2]}</a>'

    return re.sub(_LINK, checked, inline_html) if "<a" in inline_html else inline_html


def _body(paragraph: Paragraph, options: RenderOptions, marker: _TermMarker | None) -> str:
    # The anchor sits right before the text, after any ¶ number, so a document position
    # at the anchor is offset 0 of `paragraph.text`.
    html = _inline_html(paragraph)
    return f'{_number(paragraph, options)}<a name="{paragraph.id}"></a>{marker(html) if marker else html}'


def _render_group(group: list[Paragraph], options: RenderOptions, marker: _TermMarker | None) -> str:
    kind = group[0].kind
    if kind is BlockKind.LIST_ITEM:
        # A numbered item's number is part of its text, so the list draws no numbers of its own.
        items = "".join(f"<li>{_body(paragraph, options, marker)}</li>" for paragraph in group)
        if group[0].ordered:
            return f'<ol style="list-style-type: none">{items}</ol>'
        return f"<ul>{items}</ul>"
    if kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION):
        lines = []
        for paragraph in group:
            if paragraph.kind is BlockKind.ATTRIBUTION:
                lines.append(f'<p class="attribution">—&#160;{_body(paragraph, options, marker)}</p>')
            else:
                lines.append(f'<p class="quote">{_body(paragraph, options, marker)}</p>')
        return f"<blockquote>{''.join(lines)}</blockquote>"
    if kind is BlockKind.CALLOUT:
        lines = [f'<p class="callout">{_body(paragraph, options, marker)}</p>' for paragraph in group]
        return f'<table class="callout" width="100%" cellpadding="12"><tr><td>{"".join(lines)}</td></tr></table>'
    return "".join(f"<p>{_body(paragraph, options, marker)}</p>" for paragraph in group)
