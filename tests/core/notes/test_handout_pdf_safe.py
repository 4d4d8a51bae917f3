"""A safe PDF handout says nothing of who made it or when: no dates or names in the file's information either."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.export import export_notes
from reader.notes.store import NoteStore

QUOTE = "deliberately oppress Palestinians"
TIME_AND_PERSON = {"/CreationDate", "/ModDate", "/Author"}


@pytest.fixture
def notes(report: Report, data_dir: Path):
    start = report.paragraph("apartheid-p1").text.index(QUOTE)
    with NoteStore(data_dir) as store:
        store.add(
            anchor_from_selection(report, "apartheid-p1", start, start + len(QUOTE)), text="x", author="Ms Haddad"
        )
        return store.notes()


def _information(path: Path) -> tuple[dict[str, object], object]:
    """The PDF's document information dictionary and its XMP metadata (None when it has none)."""
    reader = PdfReader(io.BytesIO(path.read_bytes()), strict=True)
    return dict(reader.metadata or {}), reader.xmp_metadata


def test_a_safe_pdf_handout_has_no_creation_date_or_other_time_or_name(report: Report, notes, tmp_path: Path) -> None:
    path = export_notes(tmp_path / "handout.pdf", "pdf", notes, report, safe=True)
    information, xmp = _information(path)
    assert not TIME_AND_PERSON & set(information)
    assert xmp is None
    assert information["/Title"] == "Notes on “Israel and the Occupied Palestinian Territory”"
    assert b"CreationDate" not in path.read_bytes()


def test_an_ordinary_pdf_handout_keeps_its_creation_date(report: Report, notes, tmp_path: Path) -> None:
    path = export_notes(tmp_path / "handout.pdf", "pdf", notes, report)
    information, _xmp = _information(path)
    assert str(information["/CreationDate"]).startswith("D:")
