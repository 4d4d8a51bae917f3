"""The `sections` and `show` commands: the report's table of contents and one section as text."""

from __future__ import annotations

import json
import textwrap

from reader.content import BlockKind, Report


def run_sections(report: Report, as_json: bool) -> int:
    """Print every section in reading order, indented by level (or a JSON list with each section's text)."""
    if as_json:
        rows = [
            {
                "id": section.id,
                "title": section.title,
                "level": section.level,
                "parent": section.parent,
                "paragraphs": len(section.paragraphs),
                "text": section.text,
            }
            for section in report.sections
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    width = max(len(section.id) for section in report.sections)
    for section in report.sections:
        print(f"{section.id:<{width}}  {'  ' * (section.level - 1)}{section.title}")
    return 0


def run_show(report: Report, section_id: str) -> int:
    """Print one section as wrapped plain text, with ¶ numbers, bullets and call-out brackets.

    An item of a numbered list shows its own number (part of its text) instead of a bullet.
    """
    section = report.section(section_id)
    print(section.title)
    print("=" * min(len(section.title), 78))
    for paragraph in section.paragraphs:
        prefix = f"¶{paragraph.number} " if paragraph.number is not None else ""
        if paragraph.kind == BlockKind.LIST_ITEM and not paragraph.ordered:
            prefix += "• "
        elif paragraph.kind == BlockKind.CALLOUT:
            prefix = "[ "
        text = prefix + paragraph.text + (" ]" if paragraph.kind == BlockKind.CALLOUT else "")
        print()
        print(textwrap.fill(text, width=78, subsequent_indent="    "))
    return 0
