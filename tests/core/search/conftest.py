"""Fixtures for the search tests: the report's index with its glossary, and notes made without a database."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.content import Report, load_report
from reader.glossary import load_glossary
from reader.notes.note import Anchor, Color, LayerName, Note, NoteId, Style
from reader.search.build import build_index
from reader.search.documents import glossary_documents
from reader.search.index import SearchIndex

MakeNote = Callable[..., Note]
CONTENT_DIR = Path(__file__).resolve().parents[3] / "content"


@pytest.fixture(scope="session")
def report_index(report: Report, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    """The report's paragraphs and glossary entries, as the bundled index holds them (read-only: share it)."""
    folder = build_index(tmp_path_factory.mktemp("index"), report, glossary_documents(load_glossary(report)))
    with SearchIndex.open(folder) as search_index:
        yield search_index


@pytest.fixture
def make_note(report: Report) -> MakeNote:
    """A note of the reader's own on a paragraph (its first eight characters quoted)."""

    def make(note_id: str, text: str, paragraph_id: str = "red-wolf-p2") -> Note:
        paragraph = report.paragraph(paragraph_id)
        anchor = Anchor(paragraph.section_id, paragraph.id, 0, 8, paragraph.text[:8])
        when = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)
        return Note(NoteId(note_id), LayerName("mine"), anchor, Color.YELLOW, Style.HIGHLIGHT, text, (), when, when)

    return make


@pytest.fixture
def edited(tmp_path: Path) -> Report:
    """The report with one more line, about olive groves: its checksum differs."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    report_file = folder / "report.md"
    report_file.write_text(report_file.read_text(encoding="utf-8") + "\nA new line about olive groves.\n")
    return load_report(folder)
