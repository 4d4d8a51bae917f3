"""What goes into a search index: one `SearchDocument` per report paragraph, glossary entry or note."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.content import BlockKind, Report
from reader.search.results import HitKind

if TYPE_CHECKING:  # only for type hints: loading the glossary or the notes is not needed to search
    from reader.glossary import GlossaryTerm
    from reader.notes.note import Note

CALLOUT_BOOST = 0.5
"""Call-out lines repeat the same campaign slogan in many sections; they should not crowd out the prose."""

HEADING_BOOST = 0.6
"""A section's title is a short document, which ranks high on its own: weighed down so that a query naming the
title finds the section first, while a single word still finds the glossary entry and the prose that use it."""


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """One searchable thing: a report paragraph, a glossary entry or a note.

    `item_id` is the paragraph, term or note id; `title` is the heading text that also counts towards matches
    (the section's heading path, a glossary term's names, a note's tags); `boost` weighs the whole document.
    """

    kind: HitKind
    item_id: str
    text: str
    title: str = ""
    section_id: str | None = None
    section_title: str | None = None
    heading: str = ""
    paragraph_id: str | None = None
    boost: float = 1.0

    @property
    def key(self) -> str:
        """Unique in an index: the paragraph id for a report paragraph, "section:<id>" for a section's heading, else
        the kind and id ("glossary:icj", "note:12")."""
        if self.kind is HitKind.REPORT:
            return self.item_id if self.paragraph_id else f"section:{self.item_id}"
        return f"{self.kind.value}:{self.item_id}"


def report_documents(report: Report) -> tuple[SearchDocument, ...]:
    """One document per section heading (its title as the text, no paragraph id) and one per paragraph of the
    report (list items, quotes and call-out lines included)."""
    documents = []
    for section in report.sections:
        heading = " › ".join(ancestor.title for ancestor in report.heading_path(section.id))
        documents.append(
            SearchDocument(
                kind=HitKind.REPORT,
                item_id=section.id,
                text=section.title,
                title=heading,
                section_id=section.id,
                section_title=section.title,
                heading=heading,
                boost=HEADING_BOOST,
            )
        )
        for paragraph in section.paragraphs:
            documents.append(
                SearchDocument(
                    kind=HitKind.REPORT,
                    item_id=paragraph.id,
                    text=paragraph.text,
                    title=heading,
                    section_id=section.id,
                    section_title=section.title,
                    heading=heading,
                    paragraph_id=paragraph.id,
                    boost=CALLOUT_BOOST if paragraph.kind is BlockKind.CALLOUT else 1.0,
                )
            )
    return tuple(documents)


def glossary_documents(terms: Iterable[GlossaryTerm]) -> tuple[SearchDocument, ...]:
    """One document per glossary entry (pass a `Glossary` or its terms): the definition and explanation, with the
    term, expansion and aliases as the heading words."""
    documents = []
    for term in terms:
        name = term.term + (f" ({term.expansion})" if term.expansion else "")
        text = f"{name}: {term.definition}" + (f" {term.explanation}" if term.explanation else "")
        documents.append(
            SearchDocument(
                kind=HitKind.GLOSSARY,
                item_id=term.id,
                text=text,
                title=" ".join(term.forms),
                section_title="Glossary",
                heading=f"Glossary › {term.term}",
            )
        )
    return tuple(documents)


def note_documents(notes: Iterable[Note], report: Report) -> tuple[SearchDocument, ...]:
    """One document per note: its text then the passage it quotes, with its tags as heading words."""
    documents = []
    for note in notes:
        quote = note.quote.strip()
        text = "\n".join(part for part in (note.text.strip(), f"“{quote}”" if quote else "") if part)
        title = report.section(note.section_id).title if report.has_section(note.section_id) else None
        documents.append(
            SearchDocument(
                kind=HitKind.NOTE,
                item_id=note.id,
                text=text,
                title=" ".join(note.tags),
                section_id=note.section_id,
                section_title=title,
                heading=f"Note › {title}" if title else "Note",
                paragraph_id=note.paragraph_id,
            )
        )
    return tuple(documents)


def index_fields(document: SearchDocument) -> dict[str, object]:
    """The schema's fields for one document, ready for a Whoosh writer's `add_document(**fields)`."""
    return {
        "key": document.key,
        "kind": document.kind.value,
        "item_id": document.item_id,
        "section_id": document.section_id,
        "section_title": document.section_title,
        "heading": document.heading,
        "paragraph_id": document.paragraph_id,
        "content": document.text,
        "body": document.text,
        "title": document.title,
        "exact": document.text,
        "title_exact": document.title,
        "_boost": document.boost,
    }
