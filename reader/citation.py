"""A quotation, or a glossary entry, with everything needed to cite it."""

from __future__ import annotations

from reader.content import Paragraph, Report
from reader.glossary import GlossaryTerm


def format_citation(report: Report, quote: str, paragraph: Paragraph) -> str:
    """The quote followed by title, section, ¶ number, publisher and edition date, ready to paste."""
    manifest = report.manifest
    section = report.section(paragraph.section_id)
    where = f"section “{section.title}”"
    if paragraph.number is not None:
        where += f", ¶{paragraph.number}"
    quote = " ".join(quote.split())
    return f"“{quote}”\n— {manifest.title}, {where}. {manifest.publisher}, edition of {manifest.edition_date}."


def format_term_citation(report: Report, term: GlossaryTerm, as_of: str | None) -> str:
    """A glossary entry quoted with its sources and the date its facts are current to, ready to paste.

    The glossary belongs to the content pack, not to the report's publisher, so the citation names it as the
    glossary Field Reader gives with the report, and says in so many words that the report's publisher did not
    write it (a teacher pasting the citation must not credit the publisher with the definition).
    """
    name = f"{term.term} ({term.expansion})" if term.expansion else term.term
    manifest = report.manifest
    lines = [
        f"{name}: “{term.definition}”",
        f"— Entry “{term.term}” of the Field Reader glossary to “{manifest.title}”"
        + (f", facts as of {as_of}." if as_of else ".")
        + f" The glossary is not part of the report ({manifest.publisher}, edition of {manifest.edition_date}).",
    ]
    if term.sources:
        label = "Source" if len(term.sources) == 1 else "Sources"
        lines.append(_sentence(f"{label}: {'; '.join(term.sources)}"))
    return "\n".join(lines)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."
