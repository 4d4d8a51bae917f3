"""An export given the report text the window already placed the notes in writes what an export from the report
writes, without searching for any note again (after a new edition, those searches are most of an export's time)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.content import Report
from reader.notes import quote_match
from reader.notes.anchoring import ReportText, anchor_from_selection, place_notes
from reader.notes.export import export_notes
from reader.notes.note import MY_LAYER, Anchor, Color, Note, NoteId, Style

from .conftest import later_edition


def _notes(report: Report) -> list[Note]:
    """Notes on passages of the first edition: some the later one changed, one it never had."""
    text = ReportText(report)
    when = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    anchors = []
    for paragraph in report.paragraphs()[:40]:
        if len(paragraph.text) > 60:
            anchors.append(anchor_from_selection(text, paragraph.id, 10, 55))
    anchors.append(
        Anchor(anchors[0].section_id, anchors[0].paragraph_id, 0, 30, "a passage no edition ever had", "", "")
    )
    return [
        Note(NoteId(f"n{number}"), MY_LAYER, anchor, Color.YELLOW, Style.HIGHLIGHT, f"note {number}", (), when, when)
        for number, anchor in enumerate(anchors)
    ]


@pytest.mark.parametrize("export_format", ["json", "md", "html", "pdf"])
def test_an_export_from_the_placed_text_is_the_export_from_the_report(
    report: Report, tmp_path: Path, export_format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    edition = later_edition(tmp_path / "content")
    notes = _notes(report)
    from_report = export_notes(tmp_path / f"report.{export_format}", export_format, notes, edition, safe=True)
    placed = ReportText(edition)
    placements = place_notes(placed, notes)
    assert any(placement.method is not None and placement.method.value == "fuzzy" for placement in placements.values())
    assert any(placement.anchor is None for placement in placements.values())

    def searched_again(*_arguments: object) -> None:
        raise AssertionError("a note was searched for again")

    monkeypatch.setattr(quote_match, "find_quote", searched_again)
    monkeypatch.setattr("reader.notes.anchoring.find_quote", searched_again)
    from_text = export_notes(tmp_path / f"text.{export_format}", export_format, notes, placed, safe=True)
    assert from_text.read_bytes() == from_report.read_bytes()
