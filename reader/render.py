"""Turning sections into the HTML the document view shows."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from reader.content import BlockKind, Paragraph, Report, Section

RENDER_VERSION = "1"  # bump when the HTML changes shape, so cached pages are rebuilt


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to render: `reference_mode` shows a ¶ number before each citable paragraph."""

    reference_mode: bool = False

    @property
    def key(self) -> str:
        return f"v{RENDER_VERSION}-ref{int(self.reference_mode)}"


class _InlineRenderer:
    """Python-Markdown for one paragraph at a time, without the surrounding <p>."""

    def __init__(self) -> None:
        import markdown

        self._markdown = markdown.Markdown(output_format="html")

    def __call__(self, text: str) -> str:
        self._markdown.reset()
        rendered = self._markdown.convert(text).strip()
        if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
            return rendered[3:-4]
        # Text that Markdown reads as a block (a leading "1." or "#") stays as written.
        return html.escape(text, quote=False)


def render_section(section: Section, options: RenderOptions = RenderOptions(), *, inline=None) -> str:
    """One section as HTML: its heading, then its paragraphs, each starting at an anchor named by its id."""
    inline = inline or _InlineRenderer()
    level = min(section.level, 6)
    parts = [f'<h{level}><a name="{section.id}"></a>{html.escape(section.title, quote=False)}</h{level}>']
    for group in _groups(section.paragraphs):
        parts.append(_render_group(group, options, inline))
    return "\n".join(parts)


def render_report(report: Report, options: RenderOptions = RenderOptions()) -> str:
    """The whole report as one HTML body, sections in reading order."""
    inline = _InlineRenderer()
    body = "\n".join(render_section(section, options, inline=inline) for section in report.sections)
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


def _body(paragraph: Paragraph, options: RenderOptions, inline) -> str:
    # The anchor sits right before the text, after any ¶ number, so a document position
    # at the anchor is offset 0 of `paragraph.text`.
    return f'{_number(paragraph, options)}<a name="{paragraph.id}"></a>{inline(paragraph.markdown)}'


def _render_group(group: list[Paragraph], options: RenderOptions, inline) -> str:
    kind = group[0].kind
    if kind is BlockKind.LIST_ITEM:
        tag = "ol" if group[0].ordered else "ul"
        items = "".join(f"<li>{_body(paragraph, options, inline)}</li>" for paragraph in group)
        return f"<{tag}>{items}</{tag}>"
    if kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION):
        lines = []
        for paragraph in group:
            if paragraph.kind is BlockKind.ATTRIBUTION:
                lines.append(f'<p class="attribution">—&#160;{_body(paragraph, options, inline)}</p>')
            else:
                lines.append(f'<p class="quote">{_body(paragraph, options, inline)}</p>')
        return f"<blockquote>{''.join(lines)}</blockquote>"
    if kind is BlockKind.CALLOUT:
        lines = [f'<p class="callout">{_body(paragraph, options, inline)}</p>' for paragraph in group]
        return f'<table class="callout" width="100%" cellpadding="12"><tr><td>{"".join(lines)}</td></tr></table>'
    return "".join(f"<p>{_body(paragraph, options, inline)}</p>" for paragraph in group)
