"""Handouts: Markdown, HTML and PDF exports of notes, safe exports, and atomic writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.content import ParagraphId, Report, SectionId
from reader.errors import ReaderError
from reader.notes.anchoring import anchor_from_selection
from reader.notes.export import export_notes
from reader.notes.handout import handout_entries, render_html, render_markdown
from reader.notes.note import Anchor, Color, ImportedNote
from reader.notes.store import NoteStore

HOSTILE = "<script>alert('x')</script> & <b>bold</b> [link](http://evil.example) *stars*"


@pytest.fixture
def store(data_dir: Path):
    with NoteStore(data_dir) as opened:
        yield opened


def _readable_text(path: Path) -> str:
    """What a reader of the exported file sees: the file's text, or the text a PDF reader extracts."""
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() for page in PdfReader(path, strict=True).pages)
    return path.read_text(encoding="utf-8")


def _select(report: Report, paragraph_id: str, quote: str):
    start = report.paragraph(paragraph_id).text.index(quote)
    return anchor_from_selection(report, paragraph_id, start, start + len(quote))


@pytest.fixture
def notes(report: Report, store: NoteStore):
    store.add(
        _select(report, "apartheid-p2", "historic advisory opinion"), text="second", tags=["icj"], author="Ms Haddad"
    )
    store.add(_select(report, "overview-p1", "fragile ceasefire"), text=HOSTILE, color=Color.PINK, author="Ms Haddad")
    lost = Anchor(SectionId(""), ParagraphId(""), 0, 5, "a passage from an older edition")
    store.add_imported("teacher", [ImportedNote("k", lost, text="orphan note")])
    return store.notes()


def test_markdown_handout_lists_quote_section_note_and_tags_in_reading_order(report: Report, notes) -> None:
    markdown = render_markdown(handout_entries(notes, report), "Handout")
    assert markdown.index("fragile ceasefire") < markdown.index("historic advisory opinion")
    assert "## Israel’s system of apartheid, ¶2" in markdown
    assert "> historic advisory opinion" in markdown
    assert "Tags: icj" in markdown
    assert "Ms Haddad" in markdown


def test_orphaned_notes_come_last_and_say_so(report: Report, notes) -> None:
    markdown = render_markdown(handout_entries(notes, report), "Handout")
    assert markdown.index("Passage not found in this edition") > markdown.index("historic advisory opinion")
    assert "orphan note" in markdown


def test_markdown_escapes_note_text_so_it_stays_text(report: Report, notes) -> None:
    markdown = render_markdown(handout_entries(notes, report), "Handout")
    assert "<script>" not in markdown
    assert "\\[link\\]" in markdown
    assert "\\*stars\\*" in markdown


def test_html_handout_escapes_every_note(report: Report, notes) -> None:
    page = render_html(handout_entries(notes, report), "Handout <i>")
    assert "<script>" not in page
    assert "<b>bold</b>" not in page
    assert "&lt;script&gt;" in page
    assert "<title>Handout &lt;i&gt;</title>" in page


@pytest.mark.parametrize("export_format", ["md", "html", "json", "pdf"])
def test_safe_export_leaves_out_authors_and_dates(report: Report, notes, tmp_path: Path, export_format: str) -> None:
    path = export_notes(tmp_path / f"handout.{export_format}", export_format, notes, report, safe=True)
    content = _readable_text(path)
    assert "Haddad" not in content
    assert notes[0].created.strftime("%Y-%m-%d") not in content


@pytest.mark.parametrize("export_format", ["md", "html", "json", "pdf"])
def test_normal_export_names_the_author(report: Report, notes, tmp_path: Path, export_format: str) -> None:
    path = export_notes(tmp_path / f"handout.{export_format}", export_format, notes, report)
    assert "Haddad" in _readable_text(path)


def test_unknown_format_is_refused_with_the_choices(report: Report, notes, tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="use one of md, json, html, pdf"):
        export_notes(tmp_path / "out.docx", "docx", notes, report)


def test_export_into_a_missing_folder_says_so(report: Report, notes, tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="does not exist"):
        export_notes(tmp_path / "nowhere" / "out.md", "md", notes, report)


def test_export_leaves_no_temporary_file(report: Report, notes, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    export_notes(folder / "handout.md", "md", notes, report)
    assert [path.name for path in folder.iterdir()] == ["handout.md"]


def test_pdf_handout_reads_as_place_quote_and_note_with_note_text_verbatim(
    report: Report, notes, tmp_path: Path
) -> None:
    path = export_notes(tmp_path / "handout.pdf", "pdf", notes, report)
    flat = " ".join(_readable_text(path).split())
    assert flat.startswith("Notes on “")
    assert "Israel’s system of apartheid, ¶2 historic advisory opinion second" in flat
    assert HOSTILE in flat
    assert flat.index("fragile ceasefire") < flat.index("historic advisory opinion") < flat.index("orphan note")


def test_pdf_handout_prints_arabic_and_accents_instead_of_question_marks(
    report: Report, store: NoteStore, tmp_path: Path
) -> None:
    store.add(_select(report, "overview-p1", "fragile ceasefire"), text="غزة café")
    path = export_notes(tmp_path / "handout.pdf", "pdf", store.notes(), report)
    text = _readable_text(path)
    assert "café" in text
    assert "غزة" in text
    assert "?" not in text
