"""Anchoring: notes stay on their passage when the report is edited, and are kept as orphans when it is gone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.content import Report, load_report
from reader.errors import ReaderError
from reader.notes.anchoring import (
    AnchorMethod,
    AnchorStatus,
    Placement,
    ReportText,
    Span,
    anchor_from_selection,
    moved_anchors,
    place_notes,
    reading_order,
)
from reader.notes.store import NoteStore

CONTENT = Path(__file__).resolve().parents[3] / "content"
QUOTE = "deliberately oppress Palestinians"  # in apartheid-p1


def _edited(tmp_path: Path, old: str, new: str) -> Report:
    """A copy of the bundled content with one piece of its Markdown replaced."""
    folder = tmp_path / "edited-content"
    shutil.copytree(CONTENT, folder)
    markdown = folder / "report.md"
    text = markdown.read_text(encoding="utf-8")
    assert old in text
    markdown.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_report(folder)


def _select(report: Report, paragraph_id: str, quote: str):
    start = report.paragraph(paragraph_id).text.index(quote)
    return anchor_from_selection(report, paragraph_id, start, start + len(quote))


def _painted(report: Report, span: Span) -> str:
    return report.paragraph(span.paragraph_id).text[span.start : span.end]


@pytest.fixture
def store(data_dir: Path):
    with NoteStore(data_dir) as opened:
        yield opened


def test_selection_becomes_an_anchor_with_quote_and_context(report: Report) -> None:
    anchor = _select(report, "apartheid-p1", QUOTE)
    assert (anchor.section_id, anchor.paragraph_id, anchor.exact) == ("apartheid", "apartheid-p1", QUOTE)
    assert anchor.prefix.endswith("and practices that ")
    assert anchor.suffix.startswith(". This system")


def test_selection_trims_surrounding_white_space(report: Report) -> None:
    text = report.paragraph("apartheid-p1").text
    start = text.index("deliberately oppress")
    anchor = anchor_from_selection(report, "apartheid-p1", start - 1, start + len("deliberately oppress") + 1)
    assert anchor.exact == "deliberately oppress"
    assert anchor.start == start


def test_empty_selection_is_refused(report: Report) -> None:
    with pytest.raises(ReaderError, match="empty selection"):
        anchor_from_selection(report, "apartheid-p1", 5, 5)


def test_selection_in_an_unknown_paragraph_is_refused(report: Report) -> None:
    with pytest.raises(ReaderError, match="not in this report"):
        anchor_from_selection(report, "nowhere-p1", 0, 3)


def test_selection_across_two_paragraphs_paints_both(report: Report, store: NoteStore) -> None:
    first = report.paragraph("apartheid-p1").text
    anchor = anchor_from_selection(report, "apartheid-p1", len(first) - 10, 8, end_paragraph_id="apartheid-p2")
    note = store.add(anchor)
    placement = place_notes(report, [note])[note.id]
    assert [span.paragraph_id for span in placement.spans] == ["apartheid-p1", "apartheid-p2"]
    assert _painted(report, placement.spans[0]) == first[-10:]
    assert _painted(report, placement.spans[1]) == "In July"


def test_unchanged_report_anchors_by_position(report: Report, store: NoteStore) -> None:
    note = store.add(_select(report, "apartheid-p1", QUOTE))
    placement = place_notes(report, [note])[note.id]
    assert placement.status is AnchorStatus.ANCHORED
    assert placement.method is AnchorMethod.POSITION
    assert [_painted(report, span) for span in placement.spans] == [QUOTE]


def test_text_inserted_before_the_quote_moves_the_highlight_with_it(
    report: Report, store: NoteStore, tmp_path: Path
) -> None:
    note = store.add(_select(report, "apartheid-p1", QUOTE))
    edited = _edited(tmp_path, "For over 75 years, Israel", "For more than seven decades (over 75 years), Israel")
    placement = place_notes(edited, [note])[note.id]
    assert placement.method is AnchorMethod.QUOTE
    assert [_painted(edited, span) for span in placement.spans] == [QUOTE]


def test_new_paragraph_before_the_quote_is_followed_to_the_renumbered_paragraph(
    report: Report, store: NoteStore, tmp_path: Path
) -> None:
    note = store.add(_select(report, "apartheid-p2", "historic advisory opinion"))
    edited = _edited(tmp_path, "In July 2024, the ICJ", "A new opening paragraph.\n\nIn July 2024, the ICJ")
    placement = place_notes(edited, [note])[note.id]
    assert placement.anchor is not None and placement.anchor.paragraph_id == "apartheid-p3"
    assert [_painted(edited, span) for span in placement.spans] == ["historic advisory opinion"]


def test_context_picks_the_right_one_of_repeated_words(report: Report, store: NoteStore, tmp_path: Path) -> None:
    text = report.paragraph("apartheid-p1").text
    start = text.index("Palestinians", text.index("segregate"))
    note = store.add(anchor_from_selection(report, "apartheid-p1", start, start + len("Palestinians")))
    edited = _edited(tmp_path, "For over 75 years", "Put simply: for over 75 years")
    placement = place_notes(edited, [note])[note.id]
    (span,) = placement.spans
    painted_text = edited.paragraph(span.paragraph_id).text
    assert painted_text[span.start - len("segregate ") : span.end] == "segregate Palestinians"


def test_reworded_quote_is_found_by_fuzzy_match(report: Report, store: NoteStore, tmp_path: Path) -> None:
    quote = "laws, policies, and practices that deliberately oppress Palestinians"
    note = store.add(_select(report, "apartheid-p1", quote))
    edited = _edited(tmp_path, "policies, and practices that deliberately", "policies and practices which deliberately")
    placement = place_notes(edited, [note])[note.id]
    assert placement.method is AnchorMethod.FUZZY
    (span,) = placement.spans
    assert _painted(edited, span) == "laws, policies and practices which deliberately oppress Palestinians"


def test_deleted_passage_leaves_the_note_orphaned_but_kept(report: Report, store: NoteStore, tmp_path: Path) -> None:
    note = store.add(_select(report, "apartheid-p1", QUOTE), text="my thoughts")
    paragraph = report.paragraph("apartheid-p1").markdown
    edited = _edited(tmp_path, paragraph, "This paragraph was rewritten from scratch in a later edition.")
    placement = place_notes(edited, [note])[note.id]
    assert placement.status is AnchorStatus.ORPHANED
    assert placement.spans == ()
    assert store.note(note.id).text == "my thoughts"


def test_relocated_notes_anchor_by_position_next_time(report: Report, store: NoteStore, tmp_path: Path) -> None:
    note = store.add(_select(report, "apartheid-p2", "historic advisory opinion"))
    edited = _edited(tmp_path, "In July 2024, the ICJ", "A new opening paragraph.\n\nIn July 2024, the ICJ")
    moves = moved_anchors([note], place_notes(edited, [note]))
    assert store.relocate(moves) == 1
    again = place_notes(edited, store.notes())[note.id]
    assert again.method is AnchorMethod.POSITION
    assert store.note(note.id).quote == "historic advisory opinion"


def test_reading_order_follows_the_report_with_orphans_last(report: Report, store: NoteStore) -> None:
    later = store.add(_select(report, "apartheid-p2", "historic advisory opinion"))
    lost = store.add(_select(report, "overview-p1", "fragile ceasefire"))
    earlier = store.add(_select(report, "apartheid-p1", QUOTE))
    placements = place_notes(report, store.notes())
    placements[lost.id] = Placement(lost.id, AnchorStatus.ORPHANED, None, None, ())
    assert reading_order(report, store.notes(), placements) == (earlier, later, lost)


def test_document_offsets_cover_every_section(report: Report) -> None:
    text = ReportText(report)
    for section in report.sections:
        start = text.document_offset(section.id)
        assert start is not None
        body = text.body(section.id)
        assert text.document[start : start + len(body)] == body
        assert text.section_at(start) == (section.id, 0)
