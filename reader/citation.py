"""A quotation with everything needed to cite it."""

from __future__ import annotations

from reader.content import Paragraph, Report


def format_citation(report: Report, quote: str, paragraph: Paragraph) -> str:
    """The quote followed by title, section, ¶ number, publisher and edition date, ready to paste."""
    manifest = report.manifest
    section = report.section(paragraph.section_id)
    where = f"section “{section.title}”"
    if paragraph.number is not None:
        where += f", ¶{paragraph.number}"
    quote = " ".join(quote.split())
    return f"“{quote}”\n— {manifest.title}, {where}. {manifest.publisher}, edition of {manifest.edition_date}."
