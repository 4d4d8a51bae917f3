"""Handouts: Markdown, HTML and PDF exports of notes, safe exports, and atomic writes."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reader.content import ParagraphId, Report, SectionId
from reader.errors import ReaderError
from reader.notes.anchoring import anchor_from_selection
from reader.notes.export import export_notes
from reader.notes.handout import handout_entries, render_html, render_markdown
from reader.notes.handout_pdf import TEXT_WIDTH, render_pdf, text_width, wrap
from reader.notes.note import Anchor, Color, ImportedNote
from reader.notes.store import NoteStore

HOSTILE = "<script>alert('x')</script> & <b>bold</b> [link](http://evil.example) *stars*"


@pytest.fixture
def store(data_dir: Path):
    with NoteStore(data_dir) as opened:
        yield opened


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
    content = path.read_bytes()
    assert b"Haddad" not in content
    written_on = notes[0].created.strftime("%Y-%m-%d").encode()
    assert written_on not in content


@pytest.mark.parametrize("export_format", ["md", "html", "json", "pdf"])
def test_normal_export_names_the_author(report: Report, notes, tmp_path: Path, export_format: str) -> None:
    path = export_notes(tmp_path / f"handout.{export_format}", export_format, notes, report)
    assert b"Haddad" in path.read_bytes()


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


class TestPdf:
    def test_pdf_has_a_valid_cross_reference_table(self, report: Report, notes) -> None:
        data = render_pdf(handout_entries(notes, report), "Handout")
        assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
        xref_at = int(data.rsplit(b"startxref", 1)[1].split()[0])
        assert data[xref_at:].startswith(b"xref")
        rows = data[xref_at:].split(b"\n")[3:]
        offsets = [int(row.split()[0]) for row in rows if row.endswith(b" n ")]
        for number, offset in enumerate(offsets, start=1):
            assert data[offset:].startswith(f"{number} 0 obj".encode())

    def test_pdf_shows_quote_and_escapes_parentheses(self, report: Report, notes) -> None:
        data = render_pdf(handout_entries(notes, report), "Handout")
        assert b"(fragile ceasefire) Tj" in data
        assert b"alert\\('x'\\)" in data

    def test_many_notes_flow_onto_several_pages(self, report: Report, store: NoteStore) -> None:
        for number in range(60):
            store.add(_select(report, "overview-p1", "fragile ceasefire"), text=f"note number {number} " * 8)
        data = render_pdf(handout_entries(store.notes(), report), "Handout")
        pages = int(re.search(rb"/Count (\d+)", data).group(1))
        assert pages >= 3
        assert data.count(b"/Type /Page ") == pages

    def test_characters_outside_winansi_become_question_marks(self, report: Report, store: NoteStore) -> None:
        store.add(_select(report, "overview-p1", "fragile ceasefire"), text="غزة café")
        data = render_pdf(handout_entries(store.notes(), report), "Handout")
        assert b"(??? caf\\351) Tj" in data

    @pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
    def test_a_pdf_reader_extracts_the_handout_text(self, report: Report, notes, tmp_path: Path) -> None:
        path = export_notes(tmp_path / "handout.pdf", "pdf", notes, report)
        extracted = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
        )
        assert extracted.stderr == ""
        flat = " ".join(extracted.stdout.split())
        assert "Israel’s system of apartheid, ¶2 historic advisory opinion second" in flat
        assert HOSTILE in flat

    def test_wrapped_lines_fit_the_page(self) -> None:
        lines = wrap("word " * 200 + "x" * 300, "F1", 10, TEXT_WIDTH)
        assert len(lines) > 5
        assert all(text_width(line, "F1", 10) <= TEXT_WIDTH for line in lines)
