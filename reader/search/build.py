"""Building the search index on disk: its documents, its schema, and whether it is fresh."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import whoosh.index
from whoosh.fields import ID, STORED, TEXT, Schema

from reader import paths
from reader.content import Report
from reader.errors import ReaderError
from reader.search.query import EXACT_ANALYZER, STEM_ANALYZER

if TYPE_CHECKING:  # only for type hints: search modules sit below glossary.py and notes.py
    from reader.glossary import GlossaryTerm
    from reader.notes.note import Note

INDEX_FORMAT = 1
"""Bump when the schema or the way documents are made changes: every existing index becomes stale."""

CALLOUT_BOOST = 0.5
INFO_NAME = "field-reader-index.json"
_WHOOSH_PREFIXES = ("MAIN_", "_MAIN_")

Progress = Callable[[int, int], None]


class SearchError(ReaderError):
    """The search index cannot be built or opened."""


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """One searchable thing: a report paragraph, a glossary entry or a note.

    `key` is unique in an index ("red-wolf-p2", "glossary:apartheid", "note:12"); `title` is the heading text
    that also counts towards matches (the section's heading path, a glossary term, the noted section).
    """

    kind: str
    key: str
    text: str
    title: str = ""
    section_id: str | None = None
    section_title: str | None = None
    heading: str = ""
    paragraph_id: str | None = None


def index_schema() -> Schema:
    """The fields every index has (see docs/search.md): stored places, stemmed and exact text, headings."""
    return Schema(
        key=ID(stored=True, unique=True),
        kind=ID(stored=True),
        section_id=STORED(),
        section_title=STORED(),
        heading=STORED(),
        paragraph_id=STORED(),
        content=STORED(),
        body=TEXT(analyzer=STEM_ANALYZER, phrase=False),
        title=TEXT(analyzer=STEM_ANALYZER, phrase=False),
        # "al-Balah" and "1,139" become phrases, so they match however the reader writes them.
        exact=TEXT(analyzer=EXACT_ANALYZER, phrase=True, multitoken_query="phrase"),
        title_exact=TEXT(analyzer=EXACT_ANALYZER, phrase=False),
    )


def report_documents(report: Report) -> tuple[SearchDocument, ...]:
    """One document per paragraph of the report (list items, quotes and call-out lines included)."""
    documents = []
    for section in report.sections:
        path = report.heading_path(section.id)
        heading = " › ".join(ancestor.title for ancestor in path)
        for paragraph in section.paragraphs:
            documents.append(
                SearchDocument(
                    kind="report",
                    key=paragraph.id,
                    text=paragraph.text,
                    title=heading,
                    section_id=section.id,
                    section_title=section.title,
                    heading=heading,
                    paragraph_id=paragraph.id,
                )
            )
    return tuple(documents)


def glossary_documents(terms: Iterable[GlossaryTerm]) -> tuple[SearchDocument, ...]:
    """One document per glossary entry: its definition and explanation, with its term, expansion and aliases as
    the heading words."""
    documents = []
    for term in terms:
        name = term.term + (f" ({term.expansion})" if term.expansion else "")
        text = f"{name}: {term.definition}" + (f" {term.explanation}" if term.explanation else "")
        documents.append(
            SearchDocument(
                kind="glossary",
                key=f"glossary:{term.id}",
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
                kind="note",
                key=f"note:{note.id}",
                text=text,
                title=" ".join(note.tags),
                section_id=note.section_id,
                section_title=title,
                heading=f"Note › {title}" if title else "Note",
                paragraph_id=note.paragraph_id,
            )
        )
    return tuple(documents)


def _boost(document: SearchDocument) -> float:
    # Call-out lines repeat the same campaign slogan in many sections; they should not crowd out the prose.
    return CALLOUT_BOOST if document.key.rsplit("-", 1)[-1].startswith("c") and document.kind == "report" else 1.0


def add_documents(writer, documents: Sequence[SearchDocument], progress: Progress | None) -> None:
    """Add documents through a Whoosh writer (not committed), reporting progress now and then."""
    total = len(documents)
    step = max(1, total // 100)
    for done, document in enumerate(documents, start=1):
        writer.add_document(
            key=document.key,
            kind=document.kind,
            section_id=document.section_id,
            section_title=document.section_title,
            heading=document.heading,
            paragraph_id=document.paragraph_id,
            content=document.text,
            body=document.text,
            title=document.title,
            exact=document.text,
            title_exact=document.title,
            _boost=_boost(document),
        )
        if progress is not None and (done % step == 0 or done == total):
            # The commit still follows; report slightly under complete until it is done.
            progress(done, total + 1)


def build_index(
    folder: Path,
    report: Report,
    extra_documents: Iterable[SearchDocument] = (),
    progress: Progress | None = None,
) -> Path:
    """Build the index of `report` (and `extra_documents`, such as glossary entries) into `folder`.

    The index is written beside the folder first and moved in when complete, so a crash never leaves half an
    index; other files in `folder` (a README) are kept. Runs synchronously; call it off the UI thread.
    """
    documents = (*report_documents(report), *extra_documents)
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".building-", dir=folder) as scratch:
            scratch_path = Path(scratch)
            index = whoosh.index.create_in(scratch_path, index_schema())
            writer = index.writer(limitmb=128)
            try:
                add_documents(writer, documents, progress)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
            info = {"format": INDEX_FORMAT, "checksum": report.checksum, "documents": len(documents)}
            (scratch_path / INFO_NAME).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
            _replace_index_files(scratch_path, folder)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SearchError(f"Cannot build the search index in {folder}: {reason}; check the folder.") from exc
    if progress is not None:
        progress(len(documents) + 1, len(documents) + 1)
    return folder


def _is_index_file(path: Path) -> bool:
    return path.is_file() and (path.name == INFO_NAME or path.name.startswith(_WHOOSH_PREFIXES))


def _replace_index_files(source: Path, folder: Path) -> None:
    # Remove the info file first: if anything below fails, the folder reads as "no index", never as fresh.
    info = folder / INFO_NAME
    info.unlink(missing_ok=True)
    for old in folder.iterdir():
        if _is_index_file(old):
            old.unlink()
    for new in sorted(source.iterdir(), key=lambda path: path.name == INFO_NAME):
        shutil.move(str(new), folder / new.name)


def read_checksum(folder: Path) -> str | None:
    """The content checksum an index folder was built from, or None if it holds no usable index."""
    try:
        info = json.loads((Path(folder) / INFO_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(info, dict) or info.get("format") != INDEX_FORMAT:
        return None
    checksum = info.get("checksum")
    return checksum if isinstance(checksum, str) else None


def is_fresh(folder: Path, report: Report) -> bool:
    """Whether `folder` holds a complete index built from exactly this content, in this format."""
    return read_checksum(folder) == report.checksum


def cache_index_dir() -> Path:
    """Where the app builds its own index when the bundled one is missing or stale."""
    return paths.cache_dir() / "index"


def fresh_index_dir(report: Report) -> Path | None:
    """The bundled index folder if it matches the content, else the cache's if it does, else None."""
    for folder in (paths.bundled_index_dir(), cache_index_dir()):
        if is_fresh(folder, report):
            return folder
    return None
